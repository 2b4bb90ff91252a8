//! Which roles most best routes pass through, for the audit: the top of the hub report
//! ([`hub_report`]), so the audit and `foothold hubs` always agree. It runs one search
//! per entry role and target (about 1,400 on the bundled pack), so it belongs in the
//! maintainers' tool, not the app.

use super::hubs::hub_report;
use crate::graph::audit::Audit;
use crate::graph::{RoleGraph, RoleId};

/// The `limit` roles that most best routes pass through, with how many, busiest first
/// (ties by role id).
pub fn busiest_roles(graph: &RoleGraph, limit: usize) -> Vec<(RoleId, usize)> {
    hub_report(graph)
        .hubs
        .into_iter()
        .take(limit)
        .map(|hub| (hub.role, hub.routes_through))
        .collect()
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
