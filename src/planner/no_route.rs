//! Answers for when there is no route: why, in plain English, and the nearest roles the
//! user can reach instead.

use super::search::Engine;
use crate::graph::{Band, RoleGraph, RoleId};
use petgraph::graph::NodeIndex;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How many nearby roles a "no route" answer suggests at most.
pub const NEAREST_LIMIT: usize = 5;

/// One of the user's choices that can rule routes out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Limit {
    /// Avoiding the roles the user chose.
    Avoid,
    /// Passing through a chosen role.
    Via {
        /// The role to pass through.
        role: RoleId,
        /// Its title.
        title: String,
    },
    /// Staying at or below a band.
    BandCeiling {
        /// The highest band allowed.
        ceiling: Band,
    },
    /// Using only moves whose evidence is sourced.
    SourcedOnly,
}

impl Limit {
    /// The choice as a phrase that follows "dropping" or "without".
    pub fn describe(&self) -> String {
        match self {
            Limit::Avoid => "the roles you chose to avoid".to_owned(),
            Limit::Via { title, .. } => format!("going through {title}"),
            Limit::BandCeiling { ceiling } => format!("staying at or below {}", ceiling.label()),
            Limit::SourcedOnly => "using only sourced moves".to_owned(),
        }
    }
}

/// Why there is no route, with the nearest roles the user can reach instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoRoute {
    /// A role in the query is not in the data (for example a plan saved against older data).
    UnknownRole {
        /// The id that was not found.
        role: RoleId,
    },
    /// The start and the target are the same role.
    SameRole {
        /// The role.
        role: RoleId,
        /// Its title.
        title: String,
    },
    /// The target needs current registration as a clinician, the start is not a
    /// registered clinical role, and no route passes through one.
    NeedsRegistration {
        /// The target role.
        target: RoleId,
        /// Its title.
        title: String,
        /// Up to five roles the user can reach instead, nearest first.
        nearest: Vec<RoleId>,
    },
    /// Routes exist, but none meets the user's choices.
    ExcludedByConstraints {
        /// The target role.
        target: RoleId,
        /// Its title.
        title: String,
        /// The choices to blame. When `each_alone` is true, dropping any one of them
        /// would allow a route; otherwise only dropping several together would.
        blocking: Vec<Limit>,
        /// Whether dropping any single one of `blocking` is enough.
        each_alone: bool,
        /// Up to five roles the user can reach within their choices, nearest first.
        nearest: Vec<RoleId>,
    },
    /// The data has no way from the start to the target.
    Unreachable {
        /// The start role.
        from: RoleId,
        /// Its title.
        from_title: String,
        /// The target role.
        target: RoleId,
        /// Its title.
        title: String,
        /// Up to five roles the user can reach instead, nearest first.
        nearest: Vec<RoleId>,
    },
}

impl NoRoute {
    /// What happened, in plain English, for showing to the user.
    pub fn message(&self) -> String {
        match self {
            NoRoute::UnknownRole { role } => format!(
                "There is no role \"{role}\" in the current data. It may have been renamed or removed: choose the role again."
            ),
            NoRoute::SameRole { title, .. } => {
                format!("You are already a {title}: choose a different role to aim for.")
            }
            NoRoute::NeedsRegistration { title, .. } => format!(
                "{title} needs current registration as a nurse, midwife, AHP, pharmacist or doctor, and there is no route to it from where you are without that registration."
            ),
            NoRoute::ExcludedByConstraints {
                title,
                blocking,
                each_alone,
                ..
            } => {
                let phrases: Vec<String> = blocking.iter().map(Limit::describe).collect();
                if *each_alone {
                    format!(
                        "No route to {title} meets your choices. Dropping {} would allow one.",
                        join_with(&phrases, "or")
                    )
                } else {
                    format!(
                        "No route to {title} meets your choices. Dropping {} together would allow one.",
                        join_with(&phrases, "and")
                    )
                }
            }
            NoRoute::Unreachable {
                from_title, title, ..
            } => format!(
                "Our data has no route from {from_title} to {title}. The roles below are the nearest you can reach."
            ),
        }
    }

    /// Up to five roles the user can reach instead, nearest first (empty where the
    /// question itself was wrong).
    pub fn nearest(&self) -> &[RoleId] {
        match self {
            NoRoute::UnknownRole { .. } | NoRoute::SameRole { .. } => &[],
            NoRoute::NeedsRegistration { nearest, .. }
            | NoRoute::ExcludedByConstraints { nearest, .. }
            | NoRoute::Unreachable { nearest, .. } => nearest,
        }
    }
}

impl fmt::Display for NoRoute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for NoRoute {}

fn join_with(phrases: &[String], conjunction: &str) -> String {
    match phrases {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} {conjunction} {last}", rest.join(", ")),
    }
}

/// The roles nearest to `target` that the user can reach from `start` under the
/// engine's constraints without passing through the target, at most [`NEAREST_LIMIT`],
/// deterministic:
///
/// 1. reachable roles with a move straight into the target, quickest first;
/// 2. reachable roles in the target's family, closest starting band first;
/// 3. any other reachable role, closest starting band first.
///
/// Ties are broken by the quicker route, then the role id.
pub(crate) fn nearest_roles(
    engine: &mut Engine<'_>,
    start: NodeIndex,
    target: NodeIndex,
) -> Vec<RoleId> {
    let graph: &RoleGraph = engine.graph;
    let target_role = graph.role_at(target);
    let band_rank = |band: Band| Band::ALL.iter().position(|&b| b == band).unwrap_or(0);
    let target_band = band_rank(target_role.bands.min);
    let ways_in: Vec<NodeIndex> = graph
        .petgraph()
        .neighbors_directed(target, petgraph::Direction::Incoming)
        .collect();
    engine.clear_blocks();
    engine.block_node(target);
    let mut ranked: Vec<(u8, usize, _, &RoleId)> = engine
        .reachable(start, None)
        .into_iter()
        .filter_map(|path| {
            let node = *path.nodes.last()?;
            if node == start || node == target {
                return None;
            }
            let role = graph.role_at(node);
            let group = if ways_in.contains(&node) {
                0
            } else if role.family == target_role.family {
                1
            } else {
                2
            };
            let band_gap = if group == 0 {
                0
            } else {
                band_rank(role.bands.min).abs_diff(target_band)
            };
            Some((group, band_gap, path.cost(), &role.id))
        })
        .collect();
    crate::order::sort(&mut ranked);
    let mut nearest: Vec<RoleId> = Vec::new();
    for (.., id) in ranked {
        if !nearest.contains(id) {
            nearest.push(id.clone());
        }
        if nearest.len() == NEAREST_LIMIT {
            break;
        }
    }
    nearest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needing_registration_names_the_professions() {
        let answer = NoRoute::NeedsRegistration {
            target: "clinical-safety-officer".into(),
            title: "Clinical safety officer".into(),
            nearest: vec![],
        };
        assert!(answer
            .message()
            .contains("needs current registration as a nurse, midwife, AHP, pharmacist or doctor"));
    }

    #[test]
    fn constraints_to_blame_are_listed_in_plain_words() {
        let answer = NoRoute::ExcludedByConstraints {
            target: "x".into(),
            title: "Chief nursing information officer".into(),
            blocking: vec![Limit::BandCeiling { ceiling: Band::B7 }, Limit::SourcedOnly],
            each_alone: true,
            nearest: vec!["digital-nurse".into()],
        };
        assert_eq!(
            answer.message(),
            "No route to Chief nursing information officer meets your choices. Dropping staying at or below Band 7 or using only sourced moves would allow one."
        );
        assert_eq!(answer.nearest(), &[RoleId::from("digital-nurse")]);
    }

    #[test]
    fn choices_that_only_block_together_say_so() {
        let answer = NoRoute::ExcludedByConstraints {
            target: "x".into(),
            title: "Data analyst".into(),
            blocking: vec![Limit::Avoid, Limit::SourcedOnly],
            each_alone: false,
            nearest: vec![],
        };
        assert!(answer
            .message()
            .ends_with("Dropping the roles you chose to avoid and using only sourced moves together would allow one."));
    }

    #[test]
    fn questions_that_were_wrong_suggest_nothing() {
        let answer = NoRoute::UnknownRole {
            role: "gone".into(),
        };
        assert!(answer.nearest().is_empty());
        assert_eq!(answer.to_string(), answer.message());
    }
}
