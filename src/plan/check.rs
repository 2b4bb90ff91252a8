//! Checking that data from outside (an imported file, a share link) makes sense before
//! it is offered to the user: ids present and unique, names and notes within limits,
//! and steps that join up, counts and pace within their limits. Dates are already
//! checked when the JSON is read. Ids not in Foothold's own form are replaced rather
//! than refused ([`replace_malformed_ids`]).

use crate::graph::{MAX_ACTIONS, MAX_ACTION_CHARS};
use crate::plan::model::{
    AppData, Plan, MAX_EVIDENCE_CHARS, MAX_NAME_CHARS, MAX_NOTES_CHARS, MAX_PLANS,
    MAX_STEPS_PER_PLAN, MIN_PART_TIME_PERCENT,
};
use crate::plan::{Pace, PlanId};
use std::collections::BTreeSet;

/// The most characters of a plan's name quoted in a message: a name from a hostile
/// file can be a megabyte long.
const NAME_SHOWN_CHARS: usize = 40;

fn describe(plan: &Plan, position: usize) -> String {
    let name = plan.name.trim();
    if name.is_empty() {
        return format!("plan {}", position + 1);
    }
    match name.char_indices().nth(NAME_SHOWN_CHARS) {
        Some((cut, _)) => format!("plan {} ('{}…')", position + 1, &name[..cut]),
        None => format!("plan {} ('{name}')", position + 1),
    }
}

/// Problems with one plan, in plain English; empty when it is sound. `position` (from
/// 0) is used to name the plan in messages.
pub fn plan_problems(plan: &Plan, position: usize) -> Vec<String> {
    let mut problems = Vec::new();
    let which = describe(plan, position);
    if plan.id.as_str().trim().is_empty() {
        problems.push(format!("{which} has no id"));
    }
    let name_chars = plan.name.trim().chars().count();
    if name_chars == 0 {
        problems.push(format!("{which} has no name"));
    } else if name_chars > MAX_NAME_CHARS {
        problems.push(format!(
            "{which} has a name longer than {MAX_NAME_CHARS} characters"
        ));
    }
    if plan.steps.len() > MAX_STEPS_PER_PLAN {
        // Checking each of thousands of steps would only bury this one problem.
        problems.push(format!(
            "{which} has {} steps, and a plan can have at most {MAX_STEPS_PER_PLAN}",
            plan.steps.len()
        ));
        return problems;
    }
    for (name, id) in [("start", &plan.start), ("target", &plan.target)] {
        if id.as_str().trim().is_empty() {
            problems.push(format!("{which} has no {name} role"));
        }
    }
    let mut expected_from = &plan.start;
    for (index, step) in plan.steps.iter().enumerate() {
        if step.from.as_str().trim().is_empty() || step.to.as_str().trim().is_empty() {
            problems.push(format!("step {} of {which} is missing a role", index + 1));
        }
        if &step.from != expected_from {
            problems.push(format!(
                "step {} of {which} does not start where the step before it ends",
                index + 1
            ));
        }
        if step.notes.chars().count() > MAX_NOTES_CHARS {
            problems.push(format!(
                "step {} of {which} has notes longer than {MAX_NOTES_CHARS} characters",
                index + 1
            ));
        }
        if step.actions_done.len() > MAX_ACTIONS
            || step
                .actions_done
                .iter()
                .any(|action| action.chars().count() > MAX_ACTION_CHARS)
        {
            problems.push(format!(
                "step {} of {which} has more than {MAX_ACTIONS} ticked actions, or one longer than {MAX_ACTION_CHARS} characters",
                index + 1
            ));
        }
        expected_from = &step.to;
    }
    if expected_from != &plan.target {
        problems.push(format!(
            "the steps of {which} do not end at its target role"
        ));
    }
    problems
}

/// Problems with a whole set of user data, in plain English; empty when it is sound.
pub fn data_problems(data: &AppData) -> Vec<String> {
    let mut problems = Vec::new();
    if data.plans.len() > MAX_PLANS {
        problems.push(format!(
            "it holds {} plans, and Foothold keeps at most {MAX_PLANS}",
            data.plans.len()
        ));
        return problems;
    }
    if let Pace::PartTime(percent) = data.pace {
        if !data.pace.in_range() {
            problems.push(format!(
                "its working pace is {percent}% of full time, and a part-time pace must be between {MIN_PART_TIME_PERCENT}% and 100%"
            ));
        }
    }
    let mut plan_ids = BTreeSet::new();
    for (position, plan) in data.plans.iter().enumerate() {
        problems.extend(plan_problems(plan, position));
        if !plan.id.as_str().trim().is_empty() && !plan_ids.insert(&plan.id) {
            problems.push(format!(
                "{} has the same id as another plan",
                describe(plan, position)
            ));
        }
    }
    let mut evidence_ids = BTreeSet::new();
    for (position, entry) in data.evidence.iter().enumerate() {
        let which = format!("evidence entry {}", position + 1);
        if entry.id.as_str().trim().is_empty() {
            problems.push(format!("{which} has no id"));
        } else if !evidence_ids.insert(&entry.id) {
            problems.push(format!("{which} has the same id as another entry"));
        }
        if entry.competency.as_str().trim().is_empty() {
            problems.push(format!("{which} names no competency"));
        }
        let chars = entry.what.trim().chars().count();
        if chars == 0 {
            problems.push(format!("{which} is empty"));
        } else if chars > MAX_EVIDENCE_CHARS {
            problems.push(format!(
                "{which} is longer than {MAX_EVIDENCE_CHARS} characters"
            ));
        }
    }
    problems
}

/// Gives every plan and evidence entry whose id is not in Foothold's own form (see
/// [`PlanId::is_well_formed`]) a fresh id, so data from outside can never carry odd
/// text into a calendar file or an address. Returns each change as (old id, new id), in
/// order, so the caller can say what was changed. Well-formed ids are kept.
pub fn replace_malformed_ids(data: &mut AppData) -> Vec<(String, String)> {
    let mut changes = Vec::new();
    for position in 0..data.plans.len() {
        if data.plans[position].id.is_well_formed() {
            continue;
        }
        let fresh = data.new_plan_id(position as u64);
        let old = std::mem::replace(&mut data.plans[position].id, fresh.clone());
        changes.push((old.0, fresh.0));
    }
    for position in 0..data.evidence.len() {
        if data.evidence[position].id.is_well_formed() {
            continue;
        }
        let fresh = data.new_evidence_id(position as u64);
        let old = std::mem::replace(&mut data.evidence[position].id, fresh.clone());
        changes.push((old.0, fresh.0));
    }
    changes
}

/// A well-formed id for a plan that came from outside with a malformed one, made from
/// `seed` (the same seed gives the same id).
pub fn replacement_plan_id(seed: u64) -> PlanId {
    PlanId::generate(1, seed)
}
