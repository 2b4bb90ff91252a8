//! Answers for when there is no route: why, in plain English, and the nearest roles the
//! user can reach instead.

use super::search::Engine;
use crate::graph::{Band, Credential, CredentialId, RoleGraph, RoleId};
use crate::lowercase::lowercase;
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

/// A credential a target role needs and the person lacks, with how people get it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissingCredential {
    /// The credential.
    pub id: CredentialId,
    /// Its name: "Registration as a nurse".
    pub name: String,
    /// Who grants it: "Nursing and Midwifery Council (NMC)".
    pub body: String,
    /// How people usually get it, in plain words.
    pub how_to_get: String,
}

impl MissingCredential {
    /// Describes one of the pack's credentials.
    pub fn of(_graph: &RoleGraph, credential: &Credential) -> Self {
        MissingCredential {
            id: credential.id.clone(),
            name: credential.name.clone(),
            body: credential.body.clone(),
            how_to_get: credential.how_to_get.clone(),
        }
    }

    /// "registration as a nurse (Nursing and Midwifery Council (NMC)): a three-year…"
    fn sentence(&self) -> String {
        format!(
            "{} ({}): {}",
            lower_first(&self.name),
            self.body,
            lower_first(self.how_to_get.trim_end_matches('.'))
        )
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        // Keep acronyms and names ("NMC", "GMC", "HCPC") as they are.
        Some(_) if chars.clone().next().is_some_and(char::is_uppercase) => text.to_owned(),
        Some(first) => lowercase(first.encode_utf8(&mut [0; 4])) + chars.as_str(),
        None => String::new(),
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
    /// The target needs a registration or qualification the person does not hold, and
    /// no route from where they are gains it.
    NeedsCredentials {
        /// The target role.
        target: RoleId,
        /// Its title.
        title: String,
        /// Credentials the role needs, every one, that the person lacks.
        missing_all: Vec<MissingCredential>,
        /// Credentials of which the role needs one, when the person holds none of them.
        missing_any: Vec<MissingCredential>,
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
            NoRoute::NeedsCredentials {
                title,
                missing_all,
                missing_any,
                ..
            } => {
                let mut parts = Vec::new();
                for credential in missing_all {
                    parts.push(format!("It needs {}.", credential.sentence()));
                }
                match missing_any.as_slice() {
                    [] => {}
                    [only] => parts.push(format!("It needs {}.", only.sentence())),
                    several => {
                        let names: Vec<String> =
                            several.iter().map(|c| lower_first(&c.name)).collect();
                        parts.push(format!(
                            "It needs one of these: {}. Each is gained through that profession's own training; one profession's registration does not stand in for another's.",
                            join_with(&names, "or")
                        ));
                    }
                }
                format!(
                    "No route from where you are reaches {title}. {} If you already hold one, add it under What I have and the routes will use it.",
                    parts.join(" ")
                )
            }
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
            NoRoute::NeedsCredentials { nearest, .. }
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
pub(crate) fn nearest_roles(engine: &mut Engine<'_>, target: NodeIndex) -> Vec<RoleId> {
    let graph: &RoleGraph = engine.graph;
    let start_state = engine.start_state();
    let start = start_state.node;
    let target_role = graph.role_at(target);
    let band_rank = |band: Band| Band::ALL.iter().position(|&b| b == band).unwrap_or(0);
    let target_band = band_rank(target_role.bands.min);
    let ways_in: Vec<NodeIndex> = graph
        .petgraph()
        .neighbors_directed(target, petgraph::Direction::Incoming)
        .collect();
    // Only roles a route search aimed at them would reach: a route never passes through
    // a post above its goal.
    let paths = engine.reachable_at_goal_levels(start_state, None, &[start], &[target]);
    let mut ranked: Vec<(u8, usize, _, &RoleId)> = paths
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

    fn nurse_registration() -> MissingCredential {
        MissingCredential {
            id: "nmc-nurse".into(),
            name: "Registration as a nurse".into(),
            body: "Nursing and Midwifery Council (NMC)".into(),
            how_to_get: "A three-year nursing degree, or a nursing degree apprenticeship.".into(),
        }
    }

    #[test]
    fn needing_a_credential_says_what_and_how_to_get_it() {
        let answer = NoRoute::NeedsCredentials {
            target: "chief-nursing-information-officer".into(),
            title: "Chief nursing information officer".into(),
            missing_all: vec![nurse_registration()],
            missing_any: vec![],
            nearest: vec!["digital-pharmacist".into()],
        };
        assert_eq!(
            answer.message(),
            "No route from where you are reaches Chief nursing information officer. It needs registration as a nurse (Nursing and Midwifery Council (NMC)): a three-year nursing degree, or a nursing degree apprenticeship. If you already hold one, add it under What I have and the routes will use it."
        );
        assert_eq!(answer.nearest(), &[RoleId::from("digital-pharmacist")]);
    }

    #[test]
    fn needing_one_of_several_says_one_does_not_stand_in_for_another() {
        let mut midwife = nurse_registration();
        midwife.name = "Registration as a midwife".into();
        let answer = NoRoute::NeedsCredentials {
            target: "x".into(),
            title: "Clinical safety officer".into(),
            missing_all: vec![],
            missing_any: vec![nurse_registration(), midwife],
            nearest: vec![],
        };
        assert!(answer
            .message()
            .contains("one of these: registration as a nurse or registration as a midwife"));
        assert!(answer.message().contains("does not stand in for another"));
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
