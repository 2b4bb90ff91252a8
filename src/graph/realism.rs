//! Rules that keep a pack's routes walkable by real people, checked by the one validator:
//!
//! - credentials are gained only on moves that cannot be undone (no grant on a cycle of
//!   roles), so credentials only ever grow and a route never comes back to a role;
//! - a move that jumps two or more bands says why and takes at least a year for each band
//!   past the first;
//! - someone starting at band 5 or below (school leavers, graduates, career changers,
//!   support, admin and newly qualified clinical roles) reaches no role at band 8a or
//!   above in under two years by any route; senior clinicians who start higher, or on a
//!   medical contract, keep their seniority;
//! - a duty (such as clinical safety officer) is taken on by experienced people at their
//!   own band: never straight from a starting role at band 5 or below, never as a step up
//!   in band, and never within two years of starting at band 5 or below.
//!
//! Route checks use the earliest arrival: the sum of each move's shortest time over the
//! quickest route a person may walk, credentials and all.

use super::model::{Band, Pack, Role};
use super::{CredentialSet, RoleGraph};
use petgraph::algo::tarjan_scc;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

/// The shortest time in which anyone starting at band 5 or below may reach band 8a, or
/// take on a duty, in months.
pub const MIN_MONTHS_TO_SENIOR: u32 = 24;

/// A problem found by a realism rule, before the validator words it as a pack problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RealismProblem {
    /// Which rule.
    pub rule: RealismRule,
    /// The file the item came from.
    pub file: Option<String>,
    /// The item, e.g. "transition `a` → `b`".
    pub item: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

/// The realism rules, so the validator can give each its own problem kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RealismRule {
    GrantOnCycle,
    UnexplainedJump,
    TooFastToSenior,
    DutyMisused,
}

/// The position of a band on the Agenda for Change scale (band 2 is 0, very senior
/// manager 11), or none for a medical contract.
fn rank(band: Band) -> Option<usize> {
    (band != Band::MedicalContract).then(|| Band::ALL.iter().position(|&b| b == band).unwrap_or(0))
}

/// Whether a role is where someone starting at band 5 or below begins.
fn starts_low(role: &Role) -> bool {
    role.entry && rank(role.bands.min).is_some_and(|r| r <= 3)
}

/// Whether a role is at band 8a or above on the Agenda for Change scale.
fn is_senior(role: &Role) -> bool {
    rank(role.bands.min).is_some_and(|r| r >= 6)
}

/// Every realism problem in a pack.
pub(crate) fn check(pack: &Pack) -> Vec<RealismProblem> {
    let graph = RoleGraph::new_unchecked(pack.clone());
    let mut problems = Vec::new();
    grants_on_cycles(&graph, &mut problems);
    band_jumps(&graph, &mut problems);
    duty_moves(&graph, &mut problems);
    fast_routes(&graph, &mut problems);
    problems
}

fn grants_on_cycles(graph: &RoleGraph, problems: &mut Vec<RealismProblem>) {
    let petgraph = graph.petgraph();
    let mut component = vec![0usize; petgraph.node_count()];
    // How many roles each component of the graph has: more than one means a cycle.
    let mut component_size = Vec::new();
    for (number, members) in tarjan_scc(petgraph).into_iter().enumerate() {
        component_size.push(members.len());
        for node in members {
            component[node.index()] = number;
        }
    }
    for edge in petgraph.edge_references() {
        let transition = graph.transition_at(edge.id());
        if !transition.grants.is_empty()
            && component[edge.source().index()] == component[edge.target().index()]
        {
            problems.push(RealismProblem {
                rule: RealismRule::GrantOnCycle,
                file: transition.origin.clone(),
                item: format!("transition `{}` → `{}`", transition.from, transition.to),
                message: "grants a credential, but routes can come back from its end to its start: credentials are gained on moves that cannot be undone, so grant it on a move into the role that first needs it, or remove the way back".to_owned(),
            });
        } else if !graph
            .registrations_in(graph.grants_at(edge.id()))
            .is_empty()
            && component_size[component[edge.target().index()]] > 1
        {
            problems.push(RealismProblem {
                rule: RealismRule::GrantOnCycle,
                file: transition.origin.clone(),
                item: format!("transition `{}` → `{}`", transition.from, transition.to),
                message: format!(
                    "trains for a registration, but `{}` lies on a cycle of roles: a route must use a registration on the move after the training, and the planner relies on never coming back to the role the training leads into, so remove the way back to it",
                    transition.to
                ),
            });
        }
    }
}

fn band_jumps(graph: &RoleGraph, problems: &mut Vec<RealismProblem>) {
    for transition in graph.transitions() {
        let (Some(from), Some(to)) = (graph.role(&transition.from), graph.role(&transition.to))
        else {
            continue;
        };
        let (Some(low), Some(high)) = (rank(from.bands.min), rank(to.bands.min)) else {
            continue;
        };
        let jump = high.saturating_sub(low);
        if jump < 2 {
            continue;
        }
        let needed = 12 * (jump as u16 - 1);
        let mut faults = Vec::new();
        if transition.months.min < needed {
            faults.push(format!(
                "its shortest time is {} months, and a jump of {jump} bands takes at least {needed}",
                transition.months.min
            ));
        }
        if transition
            .note
            .as_deref()
            .is_none_or(|note| note.trim().is_empty())
        {
            faults.push("it has no note saying how people make such a jump".to_owned());
        }
        if !faults.is_empty() {
            problems.push(RealismProblem {
                rule: RealismRule::UnexplainedJump,
                file: transition.origin.clone(),
                item: format!("transition `{}` → `{}`", transition.from, transition.to),
                message: format!(
                    "jumps from {} to {}, but {}: raise `months`, add a `note`, or route the move through a role in between",
                    from.bands.min.label(),
                    to.bands.min.label(),
                    faults.join(", and ")
                ),
            });
        }
    }
}

fn duty_moves(graph: &RoleGraph, problems: &mut Vec<RealismProblem>) {
    for transition in graph.transitions() {
        let (Some(from), Some(to)) = (graph.role(&transition.from), graph.role(&transition.to))
        else {
            continue;
        };
        if !to.duty {
            continue;
        }
        let item = format!("transition `{}` → `{}`", transition.from, transition.to);
        if starts_low(from) {
            problems.push(RealismProblem {
                rule: RealismRule::DutyMisused,
                file: transition.origin.clone(),
                item: item.clone(),
                message: format!(
                    "`{}` is a duty for experienced people, and `{}` is where people start at band 5 or below: start the move from a role people reach with experience",
                    to.id, from.id
                ),
            });
        }
        if let (Some(own), Some(duty)) = (rank(from.bands.max), rank(to.bands.min)) {
            if duty > own {
                problems.push(RealismProblem {
                    rule: RealismRule::DutyMisused,
                    file: transition.origin.clone(),
                    item,
                    message: format!(
                        "`{}` is a duty taken on at the person's own band, but it starts at {} and `{}` goes up to {}: move from a role at that band or lower the duty's bands",
                        to.id,
                        to.bands.min.label(),
                        from.id,
                        from.bands.max.label()
                    ),
                });
            }
        }
    }
}

/// For every role someone starts at band 5 or below, the quickest possible arrival at
/// every senior role and duty must take at least [`MIN_MONTHS_TO_SENIOR`].
fn fast_routes(graph: &RoleGraph, problems: &mut Vec<RealismProblem>) {
    for start in graph.roles() {
        if !starts_low(start) {
            continue;
        }
        let Some(node) = graph.node(&start.id) else {
            continue;
        };
        let arrivals = earliest_arrivals(graph, node);
        for (target, (months, route)) in arrivals {
            let role = graph.role_at(target);
            if months >= MIN_MONTHS_TO_SENIOR || !(is_senior(role) || role.duty) {
                continue;
            }
            let route: Vec<&str> = route
                .iter()
                .map(|&node| graph.role_at(node).id.as_str())
                .collect();
            let what = if role.duty {
                "take on the duty"
            } else {
                "reach band 8a or above"
            };
            problems.push(RealismProblem {
                rule: RealismRule::TooFastToSenior,
                file: start.origin.clone(),
                item: format!("role `{}`", start.id),
                message: format!(
                    "people starting here at band 5 or below could {what} as `{}` in {months} months ({}); it should take at least {MIN_MONTHS_TO_SENIOR}: raise the shortest time of a move on that route or remove the shortcut",
                    role.id,
                    route.join(" → ")
                ),
            });
        }
    }
}

/// A role and the credentials held on arriving there.
type State = (NodeIndex, CredentialSet);

/// The quickest arrival (sum of shortest times) at every role reachable from `start`,
/// over routes the person may walk with the credentials the start role implies, with
/// one such route each.
pub(crate) fn earliest_arrivals(
    graph: &RoleGraph,
    start: NodeIndex,
) -> Vec<(NodeIndex, (u32, Vec<NodeIndex>))> {
    let (held, one_of) = graph.starting_credentials(start, CredentialSet::EMPTY);
    let mut best: HashMap<State, (u32, Option<State>)> = HashMap::new();
    let mut heap = BinaryHeap::new();
    best.insert((start, held), (0, None));
    heap.push(Reverse((0u32, start.index(), held)));
    let mut settled: HashMap<State, bool> = HashMap::new();
    let mut first_arrival: HashMap<NodeIndex, (u32, State)> = HashMap::new();
    while let Some(Reverse((months, index, credentials))) = heap.pop() {
        let node = NodeIndex::new(index);
        let state = (node, credentials);
        if settled.insert(state, true).is_some() {
            continue;
        }
        first_arrival.entry(node).or_insert((months, state));
        for edge in graph.petgraph().edges(node) {
            let next = edge.target();
            if next == start {
                continue;
            }
            let gained = credentials.union(graph.grants_at(edge.id()));
            if !graph.needs_at(next).admits(gained, one_of) {
                continue;
            }
            let cost = months + u32::from(graph.transition_at(edge.id()).months.min);
            let next_state = (next, gained);
            if best.get(&next_state).is_none_or(|&(known, _)| cost < known) {
                best.insert(next_state, (cost, Some(state)));
                heap.push(Reverse((cost, next.index(), gained)));
            }
        }
    }
    let mut arrivals: Vec<(NodeIndex, (u32, Vec<NodeIndex>))> = first_arrival
        .into_iter()
        .filter(|(node, _)| *node != start)
        .map(|(node, (months, state))| {
            let mut route = vec![state.0];
            let mut at = state;
            while let Some(&(_, Some(previous))) = best.get(&at) {
                route.push(previous.0);
                at = previous;
                if route.len() > best.len() {
                    break;
                }
            }
            route.reverse();
            (node, (months, route))
        })
        .collect();
    arrivals.sort_by_key(|(node, (months, _))| (*months, node.index()));
    arrivals
}
