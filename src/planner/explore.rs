//! "Where can I get to from here within N months?": every role reachable within a time,
//! grouped by family, each with its quickest route's time and number of steps.

use super::affordability::Affordability;
use super::cost::{declared_credentials, held_competencies, step_measures, HeldSet};
use super::no_route::NoRoute;
use super::search::{ends_at_level, goal_levels, Engine, Path};
use super::{Constraints, Objective, SelfAssessment};
use crate::graph::{Family, Months, RoleGraph, RoleId};
use serde::{Deserialize, Serialize};

/// A role the user can reach, with its quickest route.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reachable {
    /// The role.
    pub role: RoleId,
    /// The quickest route's personalised time (the sum of its steps' ranges).
    pub months: Months,
    /// How many moves that route has.
    pub steps: usize,
    /// Whether that route needs a degree and what its suggested development costs.
    pub affordability: Affordability,
}

/// The reachable roles of one family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExploreGroup {
    /// The family.
    pub family: Family,
    /// Its reachable roles, quickest first, then by fewer steps, then by role id.
    pub roles: Vec<Reachable>,
}

/// Every role reachable from `from` whose quickest route's typical time (the midpoint of
/// its personalised range) is at most `within_months`, grouped by family in
/// [`Family::ALL`] order, leaving out the start role and families with nothing
/// reachable.
///
/// Routes are the quickest under [`Objective::ShortestTime`], honour the avoid list, the
/// band ceiling and sourced-only, never pass through a post above the role they lead
/// to (as [`find_routes`](super::find_routes) does), and are personalised by the
/// self-assessment. With a
/// `via` role (other than the start), only roles reached through it are listed: the
/// quickest way to the via role, then onward without going back through that way.
pub fn explore(
    graph: &RoleGraph,
    from: &RoleId,
    within_months: u16,
    constraints: &Constraints,
    assessment: &SelfAssessment,
) -> Result<Vec<ExploreGroup>, NoRoute> {
    let start = graph
        .node(from)
        .ok_or_else(|| NoRoute::UnknownRole { role: from.clone() })?;
    let via = match &constraints.via {
        Some(id) => Some(
            graph
                .node(id)
                .ok_or_else(|| NoRoute::UnknownRole { role: id.clone() })?,
        ),
        None => None,
    };
    let held = held_competencies(graph, assessment);
    let mut engine = Engine::new(
        graph,
        Objective::ShortestTime,
        held.clone(),
        declared_credentials(graph, assessment),
        constraints,
        start,
        None,
    );
    let start_state = engine.start_state();
    // The ranking cost counts each step's minimum plus maximum, twice its typical time.
    let limit = u32::from(within_months) * 2;
    // A route never passes through a post above its goal, so roles are found one
    // seniority level at a time, each with the roles above its level blocked.
    let routes: Vec<Path> = match via {
        Some(via) if via != start => {
            let exempt = [start, via];
            let mut routes = Vec::new();
            for level in goal_levels(graph) {
                engine.clear_blocks();
                engine.block_above_goal(level, &exempt);
                let Some(first) = engine.shortest(start_state, via, None) else {
                    continue;
                };
                let Some(remaining) = limit.checked_sub(first.cost().primary) else {
                    continue;
                };
                engine.clear_blocks();
                engine.block_above_goal(level, &exempt);
                for &node in &first.nodes[..first.nodes.len() - 1] {
                    engine.block_node(node);
                }
                let onward = engine.reachable(first.end(), Some(remaining));
                routes.extend(
                    onward
                        .iter()
                        .map(|onward| first.join(onward))
                        .filter(|path| ends_at_level(graph, path, level)),
                );
            }
            routes
        }
        _ => engine.reachable_at_goal_levels(start_state, Some(limit), &[start], &[]),
    };
    let lookup = HeldSet::new(&held);
    let mut reachable: Vec<(Family, u32, Reachable)> = routes
        .iter()
        .filter_map(|path| {
            let &last = path.nodes.last()?;
            (last != start).then(|| {
                let role = graph.role_at(last);
                (
                    role.family,
                    path.cost().primary,
                    Reachable {
                        role: role.id.clone(),
                        months: route_months(graph, path, &lookup),
                        steps: path.edges.len(),
                        affordability: route_affordability(graph, path),
                    },
                )
            })
        })
        .collect();
    crate::order::sort_by(&mut reachable, |a, b| {
        (a.0, a.1, a.2.steps, &a.2.role).cmp(&(b.0, b.1, b.2.steps, &b.2.role))
    });
    let mut groups: Vec<ExploreGroup> = Vec::new();
    for (family, _, role) in reachable {
        match groups.last_mut() {
            Some(group) if group.family == family => group.roles.push(role),
            _ => groups.push(ExploreGroup {
                family,
                roles: vec![role],
            }),
        }
    }
    Ok(groups)
}

fn route_months(graph: &RoleGraph, path: &Path, held: &HeldSet) -> Months {
    path.edges
        .iter()
        .fold(Months { min: 0, max: 0 }, |total, &edge| {
            let (months, _) = step_measures(graph.transition_at(edge), held);
            Months {
                min: total.min.saturating_add(months.min),
                max: total.max.saturating_add(months.max),
            }
        })
}

fn route_affordability(graph: &RoleGraph, path: &Path) -> Affordability {
    let moves = path.edges.iter().enumerate().map(|(position, &edge)| {
        let gained = match (
            path.credentials.get(position),
            path.credentials.get(position + 1),
        ) {
            (Some(&before), Some(&after)) => graph
                .credentials_in(after.minus(before))
                .into_iter()
                .map(|credential| credential.id.clone())
                .collect(),
            _ => Vec::new(),
        };
        (graph.transition_at(edge), gained)
    });
    Affordability::of_transitions(graph, moves)
}
