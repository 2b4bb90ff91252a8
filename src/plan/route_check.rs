//! Checking a saved plan's route against the role data as it is now and the
//! registrations and qualifications the person holds.
//!
//! A plan keeps the route the user chose, but the role data moves on: a move can be
//! taken out, or a role can come to ask for a registration the person would not hold
//! at that point of the route. The plan itself is never changed here (nothing the user
//! wrote is dropped); [`check_route`] only says, in plain English, what no longer holds,
//! so the plan screen can tell the user and offer to plan the route again. It also says
//! which credential each step relies on and what each move gives, the same way the
//! planner explains a fresh route.

use crate::graph::{Credential, CredentialId, CredentialSet, RoleGraph, RoleId};
use crate::lowercase::lowercase;
use crate::plan::migrate::migrate_roles;
use crate::plan::model::Plan;
use crate::planner::{declared_credentials, SelfAssessment};
use std::collections::BTreeSet;
use std::fmt;

/// What one step of a plan asks of the person and gives them, in credentials.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StepCredentials {
    /// The registrations and qualifications the person relies on to take the role the
    /// step moves to, in pack order (empty when the role asks for none, or when the
    /// person could not take it: see [`RouteCheck::problems`]).
    pub relies_on: Vec<CredentialId>,
    /// True when the person relies on one of `relies_on`, not all: they started in a role
    /// that covers several professions and have not said which they hold.
    pub relies_on_one_of: bool,
    /// Registrations and qualifications the move gives the person, in pack order.
    pub gains: Vec<CredentialId>,
}

/// Something about a saved plan's route that no longer holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteProblem {
    /// A role on the plan is no longer in the role data (renamed roles are followed, so
    /// this one has gone).
    RoleGone {
        /// The id the plan uses.
        id: RoleId,
    },
    /// A step's move is no longer in the role data.
    MoveGone {
        /// The step's position in the plan, from 0.
        index: usize,
        /// Title (or id) of the role moved from.
        from: String,
        /// Title (or id) of the role moved to.
        to: String,
    },
    /// The role a step moves to asks for a registration or qualification the person
    /// would not hold by then.
    CannotEnter {
        /// The step's position in the plan, from 0.
        index: usize,
        /// Title of the role moved to.
        role: String,
        /// Names of the credentials still needed, every one.
        missing_all: Vec<String>,
        /// Names of the credentials of which one is needed, when none is held.
        missing_any: Vec<String>,
    },
}

impl fmt::Display for RouteProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RouteProblem::RoleGone { id } => {
                write!(f, "The role '{id}' is no longer in the role data.")
            }
            RouteProblem::MoveGone { index, from, to } => write!(
                f,
                "Step {}: the move from {from} to {to} is no longer in the role data.",
                index + 1
            ),
            RouteProblem::CannotEnter {
                index,
                role,
                missing_all,
                missing_any,
            } => {
                let mut needs: Vec<String> = missing_all.iter().map(|n| lower_first(n)).collect();
                match missing_any.as_slice() {
                    [] => {}
                    [only] => needs.push(lower_first(only)),
                    several => needs.push(format!(
                        "one of: {}",
                        several
                            .iter()
                            .map(|n| lower_first(n))
                            .collect::<Vec<_>>()
                            .join("; ")
                    )),
                }
                write!(
                    f,
                    "Step {}: {role} now needs {}, which you would not hold by then.",
                    index + 1,
                    join_and(&needs)
                )
            }
        }
    }
}

/// The result of checking a plan: what each step relies on and gives, and what no
/// longer holds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RouteCheck {
    /// One entry per step of the plan, in order.
    pub steps: Vec<StepCredentials>,
    /// What no longer holds, in the order of the route; empty when the route is one
    /// Foothold would still recommend.
    pub problems: Vec<RouteProblem>,
}

impl RouteCheck {
    /// True when nothing about the route has stopped holding.
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Checks a plan's steps against the role data and the person's credentials: the
/// start role's credentials, those the person declared (or gained through development
/// they completed), and those granted by the moves before each step. Renamed roles are
/// followed through the pack's migration map, as when a plan is brought up to date;
/// the plan itself is not changed.
///
/// ```
/// # use foothold::graph::RoleId;
/// # use foothold::plan::{check_route, Date, Plan, PlanId, PlanStep};
/// # use foothold::planner::{Objective, SelfAssessment};
/// let graph = foothold::graph::bundled_graph().expect("the bundled pack is valid");
/// let step = PlanStep::new(RoleId::new("data-analyst"), RoleId::new("digital-pharmacist"));
/// let plan = Plan {
///     id: PlanId::from("p-1"),
///     name: "Into digital pharmacy".to_owned(),
///     created: "2026-01-05".parse::<Date>().unwrap(),
///     start: step.from.clone(),
///     target: step.to.clone(),
///     objective: Objective::ShortestTime,
///     steps: vec![step],
///     data_version: String::new(),
/// };
/// let check = check_route(&plan, &graph, &SelfAssessment::default());
/// assert!(!check.is_valid());
/// ```
pub fn check_route(plan: &Plan, graph: &RoleGraph, assessment: &SelfAssessment) -> RouteCheck {
    let mut plan = plan.clone();
    // Renamed ids are followed; gone ones stay and are reported below.
    let _ = migrate_roles(&mut plan, graph);
    let table = graph.credential_table();
    let declared = declared_credentials(graph, assessment);
    let mut problems = Vec::new();
    let mut reported = BTreeSet::new();
    let mut report_gone = |id: &RoleId, problems: &mut Vec<RouteProblem>| {
        if graph.role(id).is_none() && reported.insert(id.clone()) {
            problems.push(RouteProblem::RoleGone { id: id.clone() });
        }
    };
    report_gone(&plan.start, &mut problems);
    let (mut held, one_of) = match graph.node(&plan.start) {
        Some(start) => graph.starting_credentials(start, declared),
        None => (declared, CredentialSet::EMPTY),
    };
    let ids = |set: CredentialSet| -> Vec<CredentialId> {
        graph
            .credentials_in(set)
            .into_iter()
            .map(|credential| credential.id.clone())
            .collect()
    };
    let names = |set: CredentialSet| -> Vec<String> {
        graph
            .credentials_in(set)
            .into_iter()
            .map(|credential| credential.name.clone())
            .collect()
    };
    let title = |id: &RoleId| {
        graph
            .role(id)
            .map_or_else(|| id.to_string(), |role| role.title.clone())
    };
    let mut steps = Vec::with_capacity(plan.steps.len());
    for (index, step) in plan.steps.iter().enumerate() {
        report_gone(&step.from, &mut problems);
        report_gone(&step.to, &mut problems);
        let (Some(_), Some(to_node)) = (graph.node(&step.from), graph.node(&step.to)) else {
            steps.push(StepCredentials::default());
            continue;
        };
        let grants = match graph.transition(&step.from, &step.to) {
            Some(transition) => table.set_of(&transition.grants),
            None => {
                problems.push(RouteProblem::MoveGone {
                    index,
                    from: title(&step.from),
                    to: title(&step.to),
                });
                CredentialSet::EMPTY
            }
        };
        let before = held;
        let after = held.union(grants);
        let needs = graph.needs_at(to_node);
        let mut credentials = StepCredentials {
            gains: ids(after.minus(before)),
            ..StepCredentials::default()
        };
        if needs.admits(after, one_of) {
            let (relied, one_of_them) = needs.relied_on(before, after, one_of);
            credentials.relies_on = ids(relied);
            credentials.relies_on_one_of = one_of_them;
        } else {
            let (all, any) = needs.missing(after);
            let (missing_all, missing_any) = if needs.impossible && all.is_empty() && any.is_empty()
            {
                // The role names a credential the data no longer declares.
                (
                    vec!["a registration the role data no longer describes".to_owned()],
                    vec![],
                )
            } else {
                (names(all), names(any))
            };
            problems.push(RouteProblem::CannotEnter {
                index,
                role: title(&step.to),
                missing_all,
                missing_any,
            });
        }
        held = after;
        steps.push(credentials);
    }
    report_gone(&plan.target, &mut problems);
    RouteCheck { steps, problems }
}

/// "Relies on your registration as a nurse (NMC)" for a step's credentials, or `None`
/// when the step relies on none. With `one_of`, "Relies on your registration in one of:
/// …". Credentials the role data no longer describes are named by id.
pub fn relies_on_text(
    graph: &RoleGraph,
    relies_on: &[CredentialId],
    one_of: bool,
) -> Option<String> {
    if relies_on.is_empty() {
        return None;
    }
    if one_of {
        let names: Vec<String> = relies_on
            .iter()
            .map(|id| {
                graph
                    .credential(id)
                    .map_or_else(|| id.to_string(), short_name)
            })
            .collect();
        return Some(format!(
            "Relies on your registration in one of: {}",
            names.join("; ")
        ));
    }
    let names = credential_names(graph, relies_on);
    Some(format!("Relies on your {}", join_and(&names)))
}

/// Each credential's name with its body, lower-cased at the start for use mid-sentence
/// (its id where the data no longer declares it).
fn credential_names(graph: &RoleGraph, ids: &[CredentialId]) -> Vec<String> {
    ids.iter()
        .map(|id| {
            graph
                .credential(id)
                .map_or_else(|| id.to_string(), |c| lower_first(&with_body(c)))
        })
        .collect()
}

/// "Gives you: entry on the GMC Specialist Register or GP Register" for what a move
/// gives, or `None` when it gives nothing.
pub fn gives_text(graph: &RoleGraph, gains: &[CredentialId]) -> Option<String> {
    if gains.is_empty() {
        return None;
    }
    let names = credential_names(graph, gains);
    Some(format!("Gives you: {}", join_and(&names)))
}

/// The short form of a credential's body: the letters in its closing brackets
/// ("Nursing and Midwifery Council (NMC)" gives "NMC"), when it has them.
pub fn body_short(body: &str) -> Option<&str> {
    let inner = body.trim().strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let short = inner[open + 1..].trim();
    (!short.is_empty()).then_some(short)
}

// "Registration as a nurse (NMC)"; the body is left out when it has no short form, so
// a sentence does not carry a long name in brackets.
fn with_body(credential: &Credential) -> String {
    match body_short(&credential.body) {
        Some(short) if !credential.name.contains(short) => {
            format!("{} ({short})", credential.name)
        }
        _ => credential.name.clone(),
    }
}

// "Registration as a nurse" becomes "nurse" for a list after "registration in one of".
fn short_name(credential: &Credential) -> String {
    let name = credential.name.as_str();
    let short = name
        .strip_prefix("Registration as an ")
        .or_else(|| name.strip_prefix("Registration as a "))
        .unwrap_or(name);
    match body_short(&credential.body) {
        Some(body) => format!("{short} ({body})"),
        None => short.to_owned(),
    }
}

// Lowers the first letter for use inside a sentence, unless the name is an acronym
// ("GMC") or a title ("Accredited Clinical Coder"), whose capitals are part of it.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    let second_word_capital = text
        .split_whitespace()
        .nth(1)
        .and_then(|word| word.chars().next())
        .is_some_and(char::is_uppercase);
    match chars.next() {
        Some(_) if chars.clone().next().is_some_and(char::is_uppercase) => text.to_owned(),
        Some(_) if second_word_capital => text.to_owned(),
        Some(first) => lowercase(first.encode_utf8(&mut [0; 4])) + chars.as_str(),
        None => String::new(),
    }
}

fn join_and(phrases: &[String]) -> String {
    match phrases {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_short_form_of_a_body_is_the_text_in_its_closing_brackets() {
        assert_eq!(
            body_short("Nursing and Midwifery Council (NMC)"),
            Some("NMC")
        );
        assert_eq!(body_short("A recognised training provider"), None);
        assert_eq!(body_short("Empty ()"), None);
    }

    #[test]
    fn names_are_lowered_inside_a_sentence_except_acronyms_and_titles() {
        assert_eq!(
            lower_first("Registration as a nurse"),
            "registration as a nurse"
        );
        assert_eq!(lower_first("GMC register"), "GMC register");
        assert_eq!(
            lower_first("Accredited Clinical Coder"),
            "Accredited Clinical Coder"
        );
    }

    #[test]
    fn lists_join_with_and() {
        let phrases = ["a".to_owned(), "b".to_owned(), "c".to_owned()];
        assert_eq!(join_and(&phrases), "a, b and c");
        assert_eq!(join_and(&phrases[..1]), "a");
    }
}
