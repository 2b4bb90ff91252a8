//! Schema 1, the first saved format, and its upgrade to schema 2.
//!
//! Schema 1 kept a single plan as a list of role ids with a count of steps reached, one
//! free-text note for the whole plan, and the competencies held:
//!
//! ```json
//! { "app": "foothold", "schema": 1, "data_version": "2026.06.0",
//!   "saved_at": "2026-06-14T08:12:00Z",
//!   "data": {
//!     "plan": { "name": "Nurse to CNIO", "created": "2026-06-14",
//!               "objective": "shortest-time",
//!               "steps": ["registered-nurse", "digital-nurse", "chief-nursing-information-officer"],
//!               "reached": 1, "notes": "Ask about shadowing" },
//!     "held": ["clinical-governance"] } }
//! ```
//!
//! Schema 2 allows many plans with per-step status, dates and notes, an evidence log,
//! completed development, a pace and a save counter.

use crate::graph::{CompetencyId, RoleId};
use crate::plan::{AppData, Date, Plan, PlanId, PlanStep, StepStatus};
use crate::planner::{Objective, SelfAssessment};
use crate::store::envelope::StoreError;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeSet;

/// The id given to the single plan a schema 1 document held.
pub const UPGRADED_PLAN_ID: &str = "p-1-v1";

#[derive(Deserialize)]
struct DataV1 {
    #[serde(default)]
    plan: Option<PlanV1>,
    #[serde(default)]
    held: Vec<CompetencyId>,
}

#[derive(Deserialize)]
struct PlanV1 {
    name: String,
    created: Date,
    #[serde(default)]
    objective: Objective,
    steps: Vec<RoleId>,
    #[serde(default)]
    reached: usize,
    #[serde(default)]
    notes: String,
}

/// Upgrades schema 1 data to the current [`AppData`]: the plan keeps its name, date and
/// roles; the first `reached` steps become done; the plan's note goes on its first step
/// so nothing the user wrote is lost.
pub fn upgrade(data: Value, data_version: &str) -> Result<AppData, StoreError> {
    let old: DataV1 = serde_json::from_value(data).map_err(|error| {
        StoreError::Damaged(format!(
            "the saved plan is not as expected ({})",
            crate::store::envelope::brief(error)
        ))
    })?;
    let plans = match old.plan {
        None => Vec::new(),
        Some(plan) => vec![upgrade_plan(plan, data_version)?],
    };
    let mut held = BTreeSet::new();
    // Inserting one by one rather than collecting avoids a sort of its own.
    held.extend(old.held);
    Ok(AppData {
        plans,
        assessment: SelfAssessment {
            held,
            completed: Default::default(),
            credentials: Default::default(),
        },
        ..AppData::default()
    })
}

fn upgrade_plan(old: PlanV1, data_version: &str) -> Result<Plan, StoreError> {
    let (Some(start), Some(target)) = (old.steps.first(), old.steps.last()) else {
        return Err(StoreError::Damaged(
            "the saved plan has no roles".to_owned(),
        ));
    };
    if old.steps.len() < 2 {
        return Err(StoreError::Damaged(
            "the saved plan has only one role, so it has no steps".to_owned(),
        ));
    }
    let mut steps: Vec<PlanStep> = old
        .steps
        .windows(2)
        .enumerate()
        .map(|(index, pair)| PlanStep {
            status: if index < old.reached {
                StepStatus::Done
            } else {
                StepStatus::NotStarted
            },
            ..PlanStep::new(pair[0].clone(), pair[1].clone())
        })
        .collect();
    if let Some(first) = steps.first_mut() {
        first.notes = old.notes;
    }
    Ok(Plan {
        id: PlanId::from(UPGRADED_PLAN_ID),
        name: old.name,
        created: old.created,
        start: start.clone(),
        target: target.clone(),
        objective: old.objective,
        steps,
        data_version: data_version.to_owned(),
    })
}
