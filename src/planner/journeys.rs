//! Journeys a careers adviser would expect of a pack, written down as checks: routes
//! that must exist, roles the best route (or every route) must pass through, roles it
//! must not, routes that must not exist, and bounds on moves and years. A pack keeps
//! them in `journeys.toml` beside its data; `foothold check` runs them and a test fails
//! when one breaks, so a change to the data or the planner cannot quietly give people a
//! route no adviser would sign off.

use super::{find_routes, RouteQuery, SelfAssessment, MAX_ROUTES};
use crate::graph::{CredentialId, RoleGraph, RoleId};
use serde::{Deserialize, Serialize};

/// Whether a journey expects a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Expect {
    /// At least one route must exist.
    #[default]
    Route,
    /// No route may exist.
    NoRoute,
}

/// One journey an adviser expects, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Journey {
    /// Where the person starts.
    pub from: RoleId,
    /// Where they want to go.
    pub to: RoleId,
    /// Whether a route must exist (the default) or must not.
    #[serde(default)]
    pub expect: Expect,
    /// Registrations and qualifications the person says they hold.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holding: Vec<CredentialId>,
    /// Roles the best route must pass through.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub through: Vec<RoleId>,
    /// Roles every route offered (up to ten) must pass through.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub every_route_through: Vec<RoleId>,
    /// Roles the best route must not pass through.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_through: Vec<RoleId>,
    /// The most moves the best route may have.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_moves: Option<usize>,
    /// The longest the best route's typical time (the middle of its range) may be, in years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_years: Option<u16>,
    /// The shortest the best route's quickest time (the sum of its shortest times) may
    /// be, in years: for realism, so a shortcut cannot creep back in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_years: Option<u16>,
    /// Why an adviser expects this, in a sentence.
    pub why: String,
}

/// A journeys file: `[[journey]]` tables.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct JourneyFile {
    /// Every journey.
    #[serde(default)]
    pub journey: Vec<Journey>,
}

impl Journey {
    /// "registered-nurse → chief-nursing-information-officer", for reports.
    pub fn label(&self) -> String {
        let holding = if self.holding.is_empty() {
            String::new()
        } else {
            let ids: Vec<&str> = self.holding.iter().map(CredentialId::as_str).collect();
            format!(" (holding {})", ids.join(", "))
        };
        format!("{} → {}{holding}", self.from, self.to)
    }

    /// Checks the journey against a graph: `Ok` when it holds, or every way it fails.
    ///
    /// ```
    /// use foothold::graph::RoleGraph;
    /// use foothold::planner::journeys::{Expect, Journey};
    /// use foothold::planner::testing::{pack_of, role, transition};
    ///
    /// let graph = RoleGraph::new_unchecked(pack_of(
    ///     vec![role("nurse"), role("digital-nurse"), role("cnio")],
    ///     vec![transition("nurse", "digital-nurse", 12, 24), transition("digital-nurse", "cnio", 36, 72)],
    /// ));
    /// let mut journey = Journey {
    ///     from: "nurse".into(), to: "cnio".into(), expect: Expect::Route, holding: vec![],
    ///     through: vec!["digital-nurse".into()], every_route_through: vec![], not_through: vec![],
    ///     max_moves: Some(2), max_years: Some(8), min_years: Some(4), why: "The usual ladder.".into(),
    /// };
    /// assert_eq!(journey.check(&graph), Ok(()));
    /// journey.max_moves = Some(1);
    /// assert!(journey.check(&graph).is_err());
    /// ```
    pub fn check(&self, graph: &RoleGraph) -> Result<(), Vec<String>> {
        let mut query = RouteQuery::new(self.from.clone(), self.to.clone());
        query.routes = MAX_ROUTES;
        let assessment = SelfAssessment {
            credentials: self.holding.iter().cloned().collect(),
            ..SelfAssessment::default()
        };
        let routes = find_routes(graph, &query, &assessment);
        let mut faults = Vec::new();
        match (self.expect, routes) {
            (Expect::NoRoute, Ok(routes)) => {
                let roles: Vec<String> =
                    routes[0].roles().iter().map(|id| id.to_string()).collect();
                faults.push(format!(
                    "expected no route, but found {} (best: {})",
                    routes.len(),
                    roles.join(" → ")
                ));
            }
            (Expect::NoRoute, Err(_)) => {}
            (Expect::Route, Err(no_route)) => {
                faults.push(format!("expected a route, but: {}", no_route.message()))
            }
            (Expect::Route, Ok(routes)) => {
                let best = &routes[0];
                let roles = best.roles();
                let shown: Vec<&str> = roles.iter().map(RoleId::as_str).collect();
                let shown = shown.join(" → ");
                for role in &self.through {
                    if !roles.contains(role) {
                        faults.push(format!(
                            "the best route ({shown}) does not pass through {role}"
                        ));
                    }
                }
                for role in &self.not_through {
                    if roles[1..roles.len() - 1].contains(role) {
                        faults.push(format!("the best route ({shown}) passes through {role}"));
                    }
                }
                for role in &self.every_route_through {
                    for route in &routes {
                        if !route.roles().contains(role) {
                            let other: Vec<String> =
                                route.roles().iter().map(|id| id.to_string()).collect();
                            faults.push(format!(
                                "a route ({}) does not pass through {role}",
                                other.join(" → ")
                            ));
                        }
                    }
                }
                if let Some(most) = self.max_moves {
                    if best.steps.len() > most {
                        faults.push(format!(
                            "the best route ({shown}) has {} moves, more than {most}",
                            best.steps.len()
                        ));
                    }
                }
                let months = best.totals.months;
                if let Some(years) = self.max_years {
                    let typical = (u32::from(months.min) + u32::from(months.max)) / 2;
                    if typical > u32::from(years) * 12 {
                        faults.push(format!(
                            "the best route ({shown}) typically takes {typical} months, more than {years} years"
                        ));
                    }
                }
                if let Some(years) = self.min_years {
                    if u32::from(months.min) < u32::from(years) * 12 {
                        faults.push(format!(
                            "the best route ({shown}) can take as little as {} months, less than {years} years",
                            months.min
                        ));
                    }
                }
            }
        }
        if faults.is_empty() {
            Ok(())
        } else {
            Err(faults)
        }
    }
}

/// How each journey of a file fared, in file order.
pub fn check_all<'a>(
    graph: &RoleGraph,
    journeys: &'a [Journey],
) -> Vec<(&'a Journey, Result<(), Vec<String>>)> {
    journeys
        .iter()
        .map(|journey| (journey, journey.check(graph)))
        .collect()
}
