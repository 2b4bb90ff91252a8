//! Which roles most best routes pass through: a pack-wide view for the audit.
//!
//! For every entry role and every other role, the best route by shortest time is found
//! with [`find_routes`]; each role strictly inside a route (not its start or end) scores
//! one. Roles with high scores are the stepping stones the pack leans on, so their
//! grades and notes matter most. This runs one search per pair (about 1,400 on the
//! bundled pack), so it belongs in the maintainers' tool, not the app.

use super::{find_routes, RouteQuery, SelfAssessment};
use crate::graph::audit::Audit;
use crate::graph::{RoleGraph, RoleId};
use std::collections::HashMap;

/// The `limit` roles that most best routes pass through, with how many, busiest first
/// (ties by role id).
pub fn busiest_roles(graph: &RoleGraph, limit: usize) -> Vec<(RoleId, usize)> {
    let assessment = SelfAssessment::default();
    let mut through: HashMap<RoleId, usize> = HashMap::new();
    for start in graph.roles().iter().filter(|role| role.entry) {
        for target in graph.roles() {
            if target.id == start.id {
                continue;
            }
            let mut query = RouteQuery::new(start.id.clone(), target.id.clone());
            query.routes = 1;
            let Ok(routes) = find_routes(graph, &query, &assessment) else {
                continue;
            };
            if let Some(best) = routes.first() {
                let roles = best.roles();
                if roles.len() > 2 {
                    for role in &roles[1..roles.len() - 1] {
                        *through.entry(role.clone()).or_default() += 1;
                    }
                }
            }
        }
    }
    let mut ranked: Vec<(RoleId, usize)> = through.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.as_str().cmp(b.0.as_str())));
    ranked.truncate(limit);
    ranked
}

/// The audit report as `foothold audit` prints it: `audit` with the ten busiest roles
/// of `graph` filled in, as Markdown.
pub fn audit_markdown(audit: Audit, graph: &RoleGraph) -> String {
    let busiest = busiest_roles(graph, 10)
        .into_iter()
        .map(|(id, count)| {
            let title = graph
                .role(&id)
                .map_or_else(|| id.to_string(), |role| role.title.clone());
            (title, count)
        })
        .collect();
    audit.with_busiest_roles(busiest).to_markdown()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_roles_inside_routes_are_counted() {
        let graph = crate::planner::testing::starter_graph();
        let busiest = busiest_roles(&graph, 50);
        assert!(!busiest.is_empty());
        for (role, count) in &busiest {
            assert!(*count > 0);
            // A role inside a route has a way in and a way on.
            assert!(!graph.ways_in(role).is_empty(), "{role}");
            assert!(!graph.ways_on(role).is_empty(), "{role}");
        }
    }

    #[test]
    fn the_limit_is_kept() {
        let graph = crate::planner::testing::starter_graph();
        assert!(busiest_roles(&graph, 1).len() <= 1);
    }
}
