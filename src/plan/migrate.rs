//! Keeping plans working when the role data changes: renamed role ids are rewritten
//! through the pack's migration map, and roles or moves that have gone are kept as the
//! user saved them but reported, so nothing the user wrote is ever dropped.

use crate::graph::{RoleGraph, RoleId};
use crate::plan::model::Plan;
use std::collections::BTreeSet;
use std::fmt;

/// A migration chain longer than this is treated as broken (it would be a loop).
const MAX_MIGRATION_HOPS: usize = 32;

/// Something about a plan that changed because the role data changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoleChange {
    /// A role id was renamed; the plan now uses the new id.
    Renamed {
        /// The id the plan used.
        old: RoleId,
        /// The id it uses now.
        new: RoleId,
        /// The title of the role under its new id.
        new_title: String,
        /// Why, from the role data.
        note: String,
    },
    /// A role on the plan is no longer in the role data; the plan keeps the old id.
    Removed {
        /// The id the plan uses.
        id: RoleId,
        /// Why, from the role data, when the migration map says.
        note: Option<String>,
    },
    /// A step's move is no longer in the role data; the step is kept as saved.
    MoveGone {
        /// The step's position in the plan, from 0.
        index: usize,
        /// Title (or id, when the role has gone) of the role moved from.
        from: String,
        /// Title (or id) of the role moved to.
        to: String,
    },
}

impl fmt::Display for RoleChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RoleChange::Renamed { old, new_title, .. } => {
                write!(f, "'{old}' is now called '{new_title}'.")
            }
            RoleChange::Removed { id, .. } => write!(
                f,
                "'{id}' is no longer in the role data; this step is kept as you saved it."
            ),
            RoleChange::MoveGone { index, from, to } => write!(
                f,
                "Step {}: the move from '{from}' to '{to}' is no longer in the role data; this step is kept as you saved it.",
                index + 1
            ),
        }
    }
}

enum Resolved {
    Same,
    Renamed(RoleId, String),
    Gone(Option<String>),
}

fn resolve(graph: &RoleGraph, id: &RoleId) -> Resolved {
    if graph.role(id).is_some() {
        return Resolved::Same;
    }
    let mut current = id.clone();
    let mut last_note = None;
    for _ in 0..MAX_MIGRATION_HOPS {
        let Some(migration) = graph.migration(&current) else {
            return Resolved::Gone(last_note);
        };
        last_note = Some(migration.note.clone());
        match &migration.new {
            Some(new) if graph.role(new).is_some() => {
                return Resolved::Renamed(new.clone(), migration.note.clone())
            }
            Some(new) => current = new.clone(),
            None => return Resolved::Gone(last_note),
        }
    }
    Resolved::Gone(last_note)
}

fn title_or_id(graph: &RoleGraph, id: &RoleId) -> String {
    graph
        .role(id)
        .map_or_else(|| id.to_string(), |role| role.title.clone())
}

/// Brings a plan up to date with the role data: renamed role ids are rewritten, gone
/// roles and moves are kept and reported, and the plan is marked as checked against
/// this data version. Returns what the user should be told, each change once; an empty
/// list means the plan fits the data as it is.
///
/// ```
/// # use foothold::graph::{RoleGraph, RoleId};
/// # use foothold::plan::{migrate_roles, Date, Plan, PlanId};
/// # use foothold::planner::Objective;
/// # let graph = RoleGraph::new_unchecked(foothold::graph::bundled_pack_data().unwrap());
/// # let t = graph.transitions()[0].clone();
/// # let mut plan = Plan::from_route(&graph, &[t.from.clone(), t.to.clone()],
/// #     Objective::ShortestTime, "Plan", "2026-01-05".parse().unwrap(),
/// #     PlanId::generate(1, 1)).unwrap();
/// plan.steps[0].to = RoleId::new("a-role-that-has-gone");
/// plan.target = plan.steps[0].to.clone();
/// let changes = migrate_roles(&mut plan, &graph);
/// assert!(changes[0].to_string().contains("kept as you saved it"));
/// assert_eq!(plan.target, RoleId::new("a-role-that-has-gone"));
/// ```
pub fn migrate_roles(plan: &mut Plan, graph: &RoleGraph) -> Vec<RoleChange> {
    let mut changes = Vec::new();
    let mut reported = BTreeSet::new();
    let mut fix = |id: &mut RoleId, changes: &mut Vec<RoleChange>| match resolve(graph, id) {
        Resolved::Same => {}
        Resolved::Renamed(new, note) => {
            if reported.insert(id.clone()) {
                changes.push(RoleChange::Renamed {
                    old: id.clone(),
                    new: new.clone(),
                    new_title: title_or_id(graph, &new),
                    note,
                });
            }
            *id = new;
        }
        Resolved::Gone(note) => {
            if reported.insert(id.clone()) {
                changes.push(RoleChange::Removed {
                    id: id.clone(),
                    note,
                });
            }
        }
    };
    fix(&mut plan.start, &mut changes);
    for step in &mut plan.steps {
        fix(&mut step.from, &mut changes);
        fix(&mut step.to, &mut changes);
    }
    fix(&mut plan.target, &mut changes);
    for (index, step) in plan.steps.iter().enumerate() {
        let both_known = graph.role(&step.from).is_some() && graph.role(&step.to).is_some();
        // A step touching a removed role is already reported through the role.
        if both_known && graph.transition(&step.from, &step.to).is_none() {
            changes.push(RoleChange::MoveGone {
                index,
                from: title_or_id(graph, &step.from),
                to: title_or_id(graph, &step.to),
            });
        }
    }
    plan.data_version = graph.info().data_version.clone();
    changes
}

/// True when a step's move is in the role data as it is now (steps that are not may
/// still be shown, marked as no longer in the data).
pub fn step_in_data(graph: &RoleGraph, from: &RoleId, to: &RoleId) -> bool {
    graph.transition(from, to).is_some()
}
