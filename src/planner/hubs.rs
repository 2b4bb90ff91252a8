//! Hubs: the roles that a large share of all best routes pass through. A shortcut in the
//! data (a move that is too quick, or open to people it should not be) shows up here as
//! a role that suddenly sits on many best routes, so pack maintainers look at this
//! report before each release (`foothold hubs`).

use super::{find_routes, RouteQuery, SelfAssessment};
use crate::graph::{RoleGraph, RoleId};
use std::collections::HashMap;

/// The share of best routes above which a role is flagged as a hub worth a look, in
/// percent.
pub const HUB_SHARE_PERCENT: usize = 20;

/// A role and how many best routes pass through it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hub {
    /// The role.
    pub role: RoleId,
    /// How many best routes pass through it (not counting routes that start or end there).
    pub routes_through: usize,
}

/// The best route from every entry role to every role it can reach, and the roles those
/// routes pass through, most used first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HubReport {
    /// How many best routes were found.
    pub routes: usize,
    /// Every role some best route passes through, most used first, then by id.
    pub hubs: Vec<Hub>,
}

impl HubReport {
    /// The percentage of best routes passing through a hub, rounded down.
    pub fn percent(&self, hub: &Hub) -> usize {
        (hub.routes_through * 100)
            .checked_div(self.routes)
            .unwrap_or(0)
    }

    /// The hubs above [`HUB_SHARE_PERCENT`].
    pub fn flagged(&self) -> impl Iterator<Item = &Hub> {
        self.hubs
            .iter()
            .filter(|hub| self.percent(hub) > HUB_SHARE_PERCENT)
    }
}

/// Finds the best route (shortest typical time, holding nothing beyond what the start
/// role implies) from every entry role to every other role, and counts the roles between.
pub fn hub_report(graph: &RoleGraph) -> HubReport {
    let mut counts: HashMap<&RoleId, usize> = HashMap::new();
    let mut routes = 0;
    for start in graph.roles().iter().filter(|role| role.entry) {
        for target in graph.roles() {
            if target.id == start.id {
                continue;
            }
            let mut query = RouteQuery::new(start.id.clone(), target.id.clone());
            query.routes = 1;
            let Ok(found) = find_routes(graph, &query, &SelfAssessment::default()) else {
                continue;
            };
            routes += 1;
            if let Some(route) = found.first() {
                let roles = route.roles();
                for id in &roles[1..roles.len().saturating_sub(1)] {
                    if let Some(role) = graph.role(id) {
                        *counts.entry(&role.id).or_default() += 1;
                    }
                }
            }
        }
    }
    let mut hubs: Vec<Hub> = counts
        .into_iter()
        .map(|(role, routes_through)| Hub {
            role: role.clone(),
            routes_through,
        })
        .collect();
    crate::order::sort_by(&mut hubs, |a, b| {
        b.routes_through
            .cmp(&a.routes_through)
            .then_with(|| a.role.cmp(&b.role))
    });
    HubReport { routes, hubs }
}
