//! Route planning over the role graph: the best route under an objective, loopless
//! alternatives (Yen's algorithm), constraints, personalisation by what the user already
//! holds, explanations of each step, exploring what is reachable, and "no route" answers
//! with reasons.
//!
//! Every function here is a plain function of its inputs, so it is deterministic and
//! can be tested and benchmarked natively.
//!
//! - [`find_routes`]: the best route and meaningfully different alternatives, explained
//!   step by step ([`Route`]), or a [`NoRoute`] answer saying why there is none.
//! - [`explore`]: every role reachable within a time, grouped by family.
//! - [`Affordability`]: whether a route needs a degree (or earns one while paid) and
//!   what the development it suggests costs the person.
//! - [`held_competencies`] and [`personalised_months`]: how what the user holds shortens
//!   a move.
//! - [`generate`]: synthetic packs for benchmarks; [`testing`]: tiny packs for examples.
//!
//! Results never depend on the order of roles or transitions in the pack: equal routes
//! are ordered by [`RouteCost`] (which counts steps last) and then by the role ids along
//! the route from the start.

mod affordability;
#[cfg(not(target_arch = "wasm32"))]
mod busiest;
mod cost;
mod explain;
mod explore;
pub mod generate;
#[cfg(not(target_arch = "wasm32"))]
pub mod hubs;
#[cfg(not(target_arch = "wasm32"))]
pub mod journeys;
mod no_route;
mod routes;
mod search;
pub mod testing;
mod yen;

pub use affordability::{Affordability, RouteDegree};
#[cfg(not(target_arch = "wasm32"))]
pub use busiest::{audit_markdown, busiest_roles};
pub use cost::{declared_credentials, held_competencies, personalised_months, RouteCost};
pub use explain::{Route, RouteStep, RouteTotals};
pub use explore::{explore, ExploreGroup, Reachable};
pub use no_route::{Limit, MissingCredential, NoRoute, NEAREST_LIMIT};
pub use routes::{find_routes, EXAMINED_ROUTE_LIMIT};

use crate::graph::{Band, CompetencyId, CredentialId, OpportunityId, RoleId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// What "best" means when ranking routes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Objective {
    /// Shortest typical time, personalised by what the user holds (the default).
    #[default]
    ShortestTime,
    /// Fewest moves between roles.
    FewestSteps,
    /// Fewest competencies still to gain.
    FewestNewCompetencies,
}

/// Limits on which routes are acceptable.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Constraints {
    /// Roles the route must not pass through (the start and target are never avoided;
    /// ids not in the data are ignored).
    #[serde(default)]
    pub avoid: BTreeSet<RoleId>,
    /// A role the route must pass through (no constraint when it is the start or target).
    #[serde(default)]
    pub via: Option<RoleId>,
    /// No role on the route may start above this band (medical contracts are exempt).
    #[serde(default)]
    pub band_ceiling: Option<Band>,
    /// Use only transitions whose evidence grade is "sourced".
    #[serde(default)]
    pub sourced_only: bool,
}

/// What the user already has: competencies held, development completed, and the
/// registrations and qualifications they hold beyond what their current role implies
/// (a pharmacist now working as a data analyst still holds registration as a pharmacist).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SelfAssessment {
    /// Competencies the user holds.
    #[serde(default)]
    pub held: BTreeSet<CompetencyId>,
    /// Development opportunities the user has completed (their `develops` count as held,
    /// and their `grants` as credentials held).
    #[serde(default)]
    pub completed: BTreeSet<OpportunityId>,
    /// Registrations and qualifications the user holds.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub credentials: BTreeSet<CredentialId>,
}

/// A request for routes from one role to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteQuery {
    /// Where the user is now.
    pub from: RoleId,
    /// Where the user wants to get to.
    pub to: RoleId,
    /// How routes are ranked.
    #[serde(default)]
    pub objective: Objective,
    /// How many routes to return, best first: 1 to [`MAX_ROUTES`] (0 is read as 1 and
    /// anything larger as [`MAX_ROUTES`]).
    #[serde(default = "default_routes")]
    pub routes: usize,
    /// Limits on acceptable routes.
    #[serde(default)]
    pub constraints: Constraints,
}

/// The default number of routes to offer.
pub const DEFAULT_ROUTES: usize = 3;
/// The most routes one query may ask for.
pub const MAX_ROUTES: usize = 10;

fn default_routes() -> usize {
    DEFAULT_ROUTES
}

impl RouteQuery {
    /// A query for the [`DEFAULT_ROUTES`] quickest routes with no constraints.
    pub fn new(from: RoleId, to: RoleId) -> Self {
        RouteQuery {
            from,
            to,
            objective: Objective::default(),
            routes: DEFAULT_ROUTES,
            constraints: Constraints::default(),
        }
    }
}
