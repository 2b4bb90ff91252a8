//! The graphs and queries the planner is measured on, shared by the native criterion
//! benchmark (`benches/planner.rs`) and the browser benchmark (the `foothold-browser-bench`
//! binary), so both time exactly the same work under the same names.

use foothold::graph::{bundled_graph, LoadError, RoleGraph, RoleId};
use foothold::planner::generate::{credentialed_pack, role_id, synthetic_pack, Grants};
use foothold::planner::{explore, find_routes, Constraints, RouteQuery, SelfAssessment};
use std::hint::black_box;

/// Sizes of the synthetic graphs, in roles; each role has [`WAYS_PER_ROLE`] transitions.
pub const SYNTHETIC_SIZES: [usize; 2] = [1_000, 10_000];

/// Transitions leaving each role of a synthetic graph.
pub const WAYS_PER_ROLE: usize = 10;

/// Seed of the synthetic graphs, so every run measures the same graphs.
pub const SEED: u64 = 2026;

/// One graph to measure, with a route query whose answer exists.
pub struct Subject {
    /// The benchmark group's name, such as "synthetic 1000 roles".
    pub name: String,
    /// The graph searched.
    pub graph: RoleGraph,
    /// Where the routes start and exploring begins.
    pub from: RoleId,
    /// Where the routes end.
    pub to: RoleId,
    /// How far ahead exploring looks.
    pub explore_months: u16,
}

/// The bundled NHS pack, asked for routes from registered nurse to CNIO.
pub fn bundled() -> Result<Subject, LoadError> {
    let graph = bundled_graph()?;
    Ok(Subject {
        name: format!("bundled pack ({} roles)", graph.roles().len()),
        graph,
        // Both ids are in the bundled NHS pack and in the starter fixture.
        from: "registered-nurse".into(),
        to: "chief-nursing-information-officer".into(),
        explore_months: 120,
    })
}

/// A generated graph of `roles` roles, asked for routes from the first to the last role.
pub fn synthetic(roles: usize) -> Subject {
    Subject {
        name: format!("synthetic {roles} roles"),
        graph: RoleGraph::new_unchecked(synthetic_pack(roles, WAYS_PER_ROLE, SEED)),
        // The first role is an entry role; the last is at the senior end.
        from: role_id(0),
        to: role_id(roles.saturating_sub(1)),
        explore_months: 36,
    }
}

/// Sizes of the synthetic graphs with credentials laid over them (see
/// [`credentialed_pack`]): the planner then searches over roles and credentials held.
pub const CREDENTIALED_SIZES: [usize; 1] = [10_000];

/// A generated graph of `roles` roles with credentials as real packs have them: roles
/// that need them, entry roles that hold them and training moves into those roles that
/// grant them (qualifications; see [`credentialed_pack`]). Routes go from the first
/// role to the highest-numbered role it can reach, so the query has an answer.
pub fn credentialed(roles: usize) -> Subject {
    credentialed_with(roles, Grants::IntoRolesThatNeedThem, "credentialed")
}

/// The stress case: the same graph, but a third of the moves up a tier grant a
/// credential picked at random (see [`Grants::Scattered`]). Measured natively only,
/// with no target: no real pack is shaped like it.
pub fn credentialed_scattered(roles: usize) -> Subject {
    credentialed_with(roles, Grants::Scattered, "scattered credentials")
}

fn credentialed_with(roles: usize, grants: Grants, label: &str) -> Subject {
    let graph = RoleGraph::new_unchecked(credentialed_pack(roles, WAYS_PER_ROLE, SEED, grants));
    let from = role_id(0);
    let to = (1..roles)
        .rev()
        .take(200)
        .map(role_id)
        .find(|to| {
            let mut query = RouteQuery::new(from.clone(), to.clone());
            query.routes = 1;
            find_routes(&graph, &query, &SelfAssessment::default()).is_ok()
        })
        .unwrap_or_else(|| role_id(roles.saturating_sub(1)));
    Subject {
        name: format!("{label} {roles} roles"),
        graph,
        from,
        to,
        explore_months: 36,
    }
}

/// One thing the planner is asked, timed separately.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Query {
    /// The single best route.
    BestRoute,
    /// The best route and four alternatives.
    FiveAlternatives,
    /// Five routes for a user who holds every third competency in the pack.
    FiveAlternativesPersonalised,
    /// Every role reachable from the start within the subject's horizon.
    Explore,
}

impl Query {
    /// Every query, in the order they are reported.
    pub const ALL: [Query; 4] = [
        Query::BestRoute,
        Query::FiveAlternatives,
        Query::FiveAlternativesPersonalised,
        Query::Explore,
    ];

    /// The benchmark's name within its group, as criterion records it.
    pub fn name(self) -> &'static str {
        match self {
            Query::BestRoute => "best route",
            Query::FiveAlternatives => "five alternatives",
            Query::FiveAlternativesPersonalised => "five alternatives, personalised",
            Query::Explore => "explore",
        }
    }
}

/// The inputs of every query on one subject, built once before timing starts.
pub struct Prepared {
    best: RouteQuery,
    five: RouteQuery,
    none: SelfAssessment,
    holding: SelfAssessment,
    constraints: Constraints,
}

impl Subject {
    /// Builds the queries' inputs for this subject.
    pub fn prepare(&self) -> Prepared {
        let mut best = RouteQuery::new(self.from.clone(), self.to.clone());
        best.routes = 1;
        let mut five = best.clone();
        five.routes = 5;
        // Every third competency held, so that every move priced has to check its
        // competencies against what is held.
        let holding = SelfAssessment {
            held: self
                .graph
                .pack()
                .competencies
                .iter()
                .step_by(3)
                .map(|c| c.id.clone())
                .collect(),
            ..SelfAssessment::default()
        };
        Prepared {
            best,
            five,
            none: SelfAssessment::default(),
            holding,
            constraints: Constraints::default(),
        }
    }

    /// Says how the best route turned out, to show the query has an answer.
    pub fn describe_best_route(&self, prepared: &Prepared) -> String {
        match find_routes(&self.graph, &prepared.best, &prepared.none) {
            Ok(routes) => match routes.first() {
                Some(route) => {
                    format!("{}: best route has {} steps", self.name, route.totals.steps)
                }
                None => format!("{}: no routes", self.name),
            },
            Err(answer) => format!("{}: {}", self.name, answer.message()),
        }
    }

    /// Answers `query` once and returns how many routes or groups it found, so the work
    /// cannot be optimised away.
    pub fn run(&self, prepared: &Prepared, query: Query) -> usize {
        let graph = black_box(&self.graph);
        let found = match query {
            Query::BestRoute => find_routes(graph, black_box(&prepared.best), &prepared.none)
                .map(|routes| routes.len()),
            Query::FiveAlternatives => {
                find_routes(graph, black_box(&prepared.five), &prepared.none)
                    .map(|routes| routes.len())
            }
            Query::FiveAlternativesPersonalised => {
                find_routes(graph, black_box(&prepared.five), &prepared.holding)
                    .map(|routes| routes.len())
            }
            Query::Explore => explore(
                graph,
                black_box(&self.from),
                self.explore_months,
                &prepared.constraints,
                &prepared.none,
            )
            .map(|groups| groups.len()),
        };
        black_box(found.unwrap_or(0))
    }
}
