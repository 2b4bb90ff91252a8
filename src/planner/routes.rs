//! Finding the best route and meaningfully different alternatives for a query, and
//! explaining why when there is none.
//!
//! # Which alternatives are offered
//!
//! Routes are ranked by [`RouteCost`] (the objective's measure, then the secondary
//! measure, then fewer steps) and then by the role ids along the route from the start.
//! Walking that ranking from the best, a route is offered only if its set of roles
//! between the start and the target differs from that of every route already offered.
//! So the same roles in another order, or the same roles joined by another transition,
//! never count as an alternative, while a route through a different role does.
//!
//! Every search is an A* search guided by a backward search over roles from the target
//! (see [`Engine::costs_to`]): its costs ignore credentials, which only ever rule moves
//! out, so they never overestimate and the answer is the same as an unguided search's,
//! found after touching far fewer (role, credentials held) states.
//!
//! Routes through a chosen role are found by taking first legs to that role in order of
//! cost and joining each to onward legs that avoid it, stopping once no further first
//! leg could beat the routes already kept; this ranks them exactly like other routes.
//!
//! To keep answers quick on large graphs, at most [`EXAMINED_ROUTE_LIMIT`] loopless
//! routes (or legs, for routes through a chosen role) are examined per query; if that
//! many are examined without finding enough different routes, fewer are offered.

use super::cost::{declared_credentials, held_competencies, RouteCost};
use super::explain::{explain, Route};
use super::no_route::{nearest_roles, Limit, MissingCredential, NoRoute};
use super::search::{compare_paths, Engine, Path};
use super::yen::LooplessPaths;
use super::{Constraints, Objective, RouteQuery, SelfAssessment, MAX_ROUTES};
use crate::graph::{CompetencyId, CredentialSet, RoleGraph};
use petgraph::graph::NodeIndex;
use std::collections::{BTreeSet, HashSet};

/// The most loopless routes (or legs of routes through a chosen role) examined for one
/// query while looking for different ones.
pub const EXAMINED_ROUTE_LIMIT: usize = 100;

/// The best routes from one role to another, best first, at most `query.routes`
/// (read as 1 when 0, and as [`MAX_ROUTES`] when larger), honouring the constraints and
/// personalised by the self-assessment. See the [module docs](self) for which
/// alternatives are offered.
///
/// When there is no route, the answer says why and suggests the nearest reachable roles.
///
/// ```
/// use foothold::graph::{RoleGraph, RoleId};
/// use foothold::planner::testing::{pack_of, role, transition};
/// use foothold::planner::{find_routes, RouteQuery, SelfAssessment};
///
/// // A nurse can become a digital nurse (12 to 24 months) and then a CNIO (36 to 72),
/// // or move straight to CNIO (60 to 120 months).
/// let graph = RoleGraph::new_unchecked(pack_of(
///     vec![role("nurse"), role("digital-nurse"), role("cnio")],
///     vec![
///         transition("nurse", "digital-nurse", 12, 24),
///         transition("digital-nurse", "cnio", 36, 72),
///         transition("nurse", "cnio", 60, 120),
///     ],
/// ));
/// let query = RouteQuery::new("nurse".into(), "cnio".into());
/// let routes = find_routes(&graph, &query, &SelfAssessment::default()).unwrap();
///
/// let roles: Vec<RoleId> = routes[0].roles();
/// assert_eq!(roles, ["nurse", "digital-nurse", "cnio"].map(RoleId::from));
/// assert_eq!((routes[0].totals.months.min, routes[0].totals.months.max), (48, 96));
/// assert_eq!(routes[1].roles(), ["nurse", "cnio"].map(RoleId::from));
/// ```
pub fn find_routes(
    graph: &RoleGraph,
    query: &RouteQuery,
    assessment: &SelfAssessment,
) -> Result<Vec<Route>, NoRoute> {
    let known = |id: &crate::graph::RoleId| {
        graph
            .node(id)
            .ok_or_else(|| NoRoute::UnknownRole { role: id.clone() })
    };
    let start = known(&query.from)?;
    let target = known(&query.to)?;
    let via = query.constraints.via.as_ref().map(known).transpose()?;
    if start == target {
        return Err(NoRoute::SameRole {
            role: query.from.clone(),
            title: graph.role_at(start).title.clone(),
        });
    }
    let person = Person {
        held: held_competencies(graph, assessment),
        declared: declared_credentials(graph, assessment),
    };
    let wanted = query.routes.clamp(1, MAX_ROUTES);
    let paths = search(
        graph,
        query.objective,
        &person,
        &query.constraints,
        Ends { start, target, via },
        wanted,
    );
    if paths.is_empty() {
        return Err(explain_no_route(graph, query, &person, start, target));
    }
    let one_of = graph.starting_credentials(start, person.declared).1;
    Ok(paths
        .iter()
        .map(|path| explain(graph, path, &person.held, one_of))
        .collect())
}

/// What the person brings to every search: competencies and declared credentials.
struct Person {
    held: BTreeSet<CompetencyId>,
    declared: CredentialSet,
}

#[derive(Debug, Clone, Copy)]
struct Ends {
    start: NodeIndex,
    target: NodeIndex,
    via: Option<NodeIndex>,
}

/// Keeps routes whose intermediate roles differ from every route kept before them.
struct Different {
    kept: Vec<Path>,
    sets: HashSet<Vec<NodeIndex>>,
    wanted: usize,
}

impl Different {
    fn new(wanted: usize) -> Self {
        Different {
            kept: Vec::new(),
            sets: HashSet::new(),
            wanted,
        }
    }

    fn offer(&mut self, path: Path) {
        if self.kept.len() < self.wanted && self.sets.insert(path.intermediate_set()) {
            self.kept.push(path);
        }
    }

    fn full(&self) -> bool {
        self.kept.len() >= self.wanted
    }
}

fn search(
    graph: &RoleGraph,
    objective: Objective,
    person: &Person,
    constraints: &Constraints,
    ends: Ends,
    wanted: usize,
) -> Vec<Path> {
    let mut engine = Engine::new(
        graph,
        objective,
        person.held.clone(),
        person.declared,
        constraints,
        ends.start,
        Some(ends.target),
    );
    let start = engine.start_state();
    let mut paths = match ends.via {
        Some(via) if via != ends.start && via != ends.target => {
            routes_through(&mut engine, ends, via, wanted)
        }
        _ if wanted == 1 => {
            let heuristic = engine.costs_to(ends.target, Some(ends.start));
            engine
                .shortest(start, ends.target, Some(&heuristic))
                .into_iter()
                .collect()
        }
        _ => {
            let mut paths = LooplessPaths::new(&mut engine, start, ends.target, vec![], None);
            let mut different = Different::new(wanted);
            let mut examined = 0;
            while !different.full() && examined < EXAMINED_ROUTE_LIMIT {
                let Some(path) = paths.next(&mut engine) else {
                    break;
                };
                examined += 1;
                different.offer(path);
            }
            different.kept
        }
    };
    // Validated packs never let a route come back to a role (see the search module);
    // an unvalidated pack that would is answered without such routes.
    paths.retain(Path::visits_each_role_once);
    paths
}

/// The best routes through `via` (see the module docs).
fn routes_through(engine: &mut Engine<'_>, ends: Ends, via: NodeIndex, wanted: usize) -> Vec<Path> {
    let graph = engine.graph;
    let start = engine.start_state();
    let mut first_legs = LooplessPaths::new(engine, start, via, vec![ends.target], None);
    let onward_costs = {
        engine.clear_blocks();
        engine.block_node(ends.start);
        engine.costs_to(ends.target, Some(via))
    };
    let least_onward = onward_costs[via.index()];
    if least_onward == RouteCost::UNREACHABLE {
        return Vec::new();
    }
    // Every candidate found so far, best first; the offered routes are a prefix filter.
    let mut pool: Vec<Path> = Vec::new();
    let mut known = HashSet::new();
    let mut examined = 0;
    'first_legs: while examined < EXAMINED_ROUTE_LIMIT {
        let Some(first) = first_legs.next(engine) else {
            break;
        };
        examined += 1;
        let bar = worst_offered(&pool, wanted);
        if bar.is_some_and(|bar| first.cost() + least_onward > bar) {
            break;
        }
        let excluded: Vec<NodeIndex> = first.nodes[..first.nodes.len() - 1].to_vec();
        let mut onward = LooplessPaths::new(
            engine,
            first.end(),
            ends.target,
            excluded,
            Some(onward_costs.clone()),
        );
        loop {
            if examined >= EXAMINED_ROUTE_LIMIT {
                break 'first_legs;
            }
            let Some(second) = onward.next(engine) else {
                break;
            };
            examined += 1;
            let whole = first.join(&second);
            let bar = worst_offered(&pool, wanted);
            if bar.is_some_and(|bar| whole.cost() > bar) {
                break;
            }
            if known.insert(whole.edges.clone()) {
                let position =
                    pool.partition_point(|other| compare_paths(graph, other, &whole).is_lt());
                pool.insert(position, whole);
            }
        }
    }
    let mut different = Different::new(wanted);
    for path in pool {
        different.offer(path);
        if different.full() {
            break;
        }
    }
    different.kept
}

/// The cost of the last route that would be offered from the pool, once it offers enough.
fn worst_offered(pool: &[Path], wanted: usize) -> Option<RouteCost> {
    let mut sets = HashSet::new();
    for path in pool {
        if sets.insert(path.intermediate_set()) && sets.len() == wanted {
            return Some(path.cost());
        }
    }
    None
}

fn explain_no_route(
    graph: &RoleGraph,
    query: &RouteQuery,
    person: &Person,
    start: NodeIndex,
    target: NodeIndex,
) -> NoRoute {
    let constraints = &query.constraints;
    let nearest = {
        let without_via = Constraints {
            via: None,
            ..constraints.clone()
        };
        let mut engine = Engine::new(
            graph,
            query.objective,
            person.held.clone(),
            person.declared,
            &without_via,
            start,
            None,
        );
        nearest_roles(&mut engine, target)
    };
    let target_role = graph.role_at(target);
    let title = target_role.title.clone();
    let limits = active_limits(graph, constraints);
    let any_route = |constraints: &Constraints| {
        let via = constraints.via.as_ref().and_then(|id| graph.node(id));
        let ends = Ends { start, target, via };
        !search(graph, query.objective, person, constraints, ends, 1).is_empty()
    };
    if !limits.is_empty() && any_route(&Constraints::default()) {
        let blocking: Vec<Limit> = limits
            .iter()
            .filter(|limit| any_route(&without(constraints, limit)))
            .cloned()
            .collect();
        let each_alone = !blocking.is_empty();
        return NoRoute::ExcludedByConstraints {
            target: query.to.clone(),
            title,
            blocking: if each_alone { blocking } else { limits },
            each_alone,
            nearest,
        };
    }
    let (held, one_of) = graph.starting_credentials(start, person.declared);
    let needs = graph.needs_at(target);
    if !needs.admits(held, one_of) {
        let (all, any) = needs.missing(held);
        let describe = |set: CredentialSet| -> Vec<MissingCredential> {
            graph
                .credentials_in(set)
                .into_iter()
                .map(|credential| MissingCredential::of(graph, credential))
                .collect()
        };
        return NoRoute::NeedsCredentials {
            target: query.to.clone(),
            title,
            missing_all: describe(all),
            missing_any: describe(any),
            nearest,
        };
    }
    NoRoute::Unreachable {
        from: query.from.clone(),
        from_title: graph.role_at(start).title.clone(),
        target: query.to.clone(),
        title,
        nearest,
    }
}

/// The constraints that are in force, as limits to blame.
fn active_limits(graph: &RoleGraph, constraints: &Constraints) -> Vec<Limit> {
    let mut limits = Vec::new();
    if !constraints.avoid.is_empty() {
        limits.push(Limit::Avoid);
    }
    if let Some(via) = &constraints.via {
        let title = graph
            .role(via)
            .map_or_else(|| via.to_string(), |role| role.title.clone());
        limits.push(Limit::Via {
            role: via.clone(),
            title,
        });
    }
    if let Some(ceiling) = constraints.band_ceiling {
        limits.push(Limit::BandCeiling { ceiling });
    }
    if constraints.sourced_only {
        limits.push(Limit::SourcedOnly);
    }
    limits
}

fn without(constraints: &Constraints, limit: &Limit) -> Constraints {
    let mut relaxed = constraints.clone();
    match limit {
        Limit::Avoid => relaxed.avoid.clear(),
        Limit::Via { .. } => relaxed.via = None,
        Limit::BandCeiling { .. } => relaxed.band_ceiling = None,
        Limit::SourcedOnly => relaxed.sourced_only = false,
    }
    relaxed
}
