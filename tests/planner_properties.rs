//! Properties of the planner on random graphs, checked against an exhaustive search of
//! every loopless route where the graph is small enough.

#![cfg(not(target_arch = "wasm32"))]

use foothold::graph::{
    Band, BandRange, CredentialId, CredentialKind, Evidence, Pack, RoleGraph, RoleId,
};
use foothold::planner::generate::{credentialed_pack, role_id, synthetic_pack, Grants};
use foothold::planner::testing::{pack_of, role, transition};
use foothold::planner::{
    explore, find_routes, held_competencies, personalised_months, Constraints, NoRoute, Objective,
    Route, RouteCost, RouteQuery, SelfAssessment, EXAMINED_ROUTE_LIMIT, NEAREST_LIMIT,
};
use petgraph::algo::tarjan_scc;
use proptest::prelude::*;
use proptest::sample::subsequence;
use std::cmp::Ordering;
use std::collections::{BTreeSet, HashSet};

/// Role ids whose alphabetical order differs from their position in the pack, so that
/// tie-breaks by id are really exercised.
const NAMES: [&str; 8] = [
    "mango", "apple", "kiwi", "banana", "pear", "cherry", "lime", "fig",
];
const COMPETENCIES: [&str; 4] = ["c-one", "c-two", "c-three", "c-four"];
/// Credentials the random packs gate roles with.
const CREDENTIALS: [&str; 3] = ["reg-a", "reg-b", "reg-c"];

/// What a random role asks for and implies: a kind of requirement (none, one
/// credential, one of two) and of holding (nothing, one, one of two), with the
/// credentials picked by number.
type Gate = (usize, usize, usize, usize);

fn credential_list(kind: usize, first: usize) -> Vec<CredentialId> {
    match kind {
        1 => vec![CREDENTIALS[first % 3].into()],
        2 => vec![
            CREDENTIALS[first % 3].into(),
            CREDENTIALS[(first + 1) % 3].into(),
        ],
        _ => Vec::new(),
    }
}

/// Grants only on moves that lie on no cycle of roles and lead into a role on no cycle,
/// as the validator demands of moves that grant registrations (every credential of the
/// random packs is one).
fn without_grants_on_cycles(mut pack: Pack) -> Pack {
    let graph = RoleGraph::new_unchecked(pack.clone());
    let mut component = vec![0; pack.roles.len()];
    let mut size = Vec::new();
    for (number, members) in tarjan_scc(graph.petgraph()).into_iter().enumerate() {
        size.push(members.len());
        for node in members {
            component[node.index()] = number;
        }
    }
    for transition in &mut pack.transitions {
        let (Some(a), Some(b)) = (graph.node(&transition.from), graph.node(&transition.to)) else {
            continue;
        };
        if component[a.index()] == component[b.index()] || size[component[b.index()]] > 1 {
            transition.grants.clear();
        }
    }
    pack
}

#[derive(Debug, Clone)]
struct Case {
    pack: Pack,
    query: RouteQuery,
    assessment: SelfAssessment,
}

fn arb_pack() -> impl Strategy<Value = Pack> {
    (2usize..=7).prop_flat_map(|n| {
        let edge = (
            0..n,
            0..n,
            1u16..30,
            0u16..30,
            0usize..3,
            subsequence(COMPETENCIES.to_vec(), 0..=3),
            prop::option::weighted(0.3, 0usize..3),
        );
        let gate = (
            prop_oneof![4 => Just(0usize), 2 => Just(1), 1 => Just(2)],
            0usize..3,
            prop_oneof![3 => Just(0usize), 1 => Just(1), 1 => Just(2)],
            0usize..3,
        );
        (
            Just(n),
            prop::collection::vec(edge, n..=n * 4),
            prop::collection::vec(0usize..11, n),
            prop::collection::vec(gate, n),
        )
            .prop_map(|(n, edges, bands, gates)| {
                let roles = (0..n)
                    .map(|i| {
                        let mut r = role(NAMES[i]);
                        r.bands = BandRange {
                            min: Band::ALL[bands[i]],
                            max: Band::ALL[bands[i]],
                        };
                        let (needs, needs_first, holds, holds_first): Gate = gates[i];
                        match needs {
                            1 => r.requires.all_of = credential_list(1, needs_first),
                            2 => r.requires.any_of = credential_list(2, needs_first),
                            _ => {}
                        }
                        match holds {
                            1 => r.holds = credential_list(1, holds_first),
                            2 => r.holds_one_of = credential_list(2, holds_first),
                            _ => {}
                        }
                        r
                    })
                    .collect();
                let mut pairs = HashSet::new();
                let transitions = edges
                    .into_iter()
                    // Validated packs have no self-loops or repeated pairs.
                    .filter(|&(a, b, ..)| a != b && pairs.insert((a, b)))
                    .map(|(a, b, min, span, grade, gain, grant)| {
                        let mut t = transition(NAMES[a], NAMES[b], min, min + span);
                        t.evidence =
                            [Evidence::Sourced, Evidence::Derived, Evidence::Assumed][grade];
                        t.gain = gain.into_iter().map(Into::into).collect();
                        t.grants = grant.map(|g| credential_list(1, g)).unwrap_or_default();
                        t
                    })
                    .collect();
                let mut pack = pack_of(roles, transitions);
                // Every credential is declared, even one no role or move names.
                for id in CREDENTIALS {
                    if !pack.credentials.iter().any(|c| c.id.as_str() == id) {
                        pack.credentials
                            .push(foothold::planner::testing::credential(id));
                    }
                }
                without_grants_on_cycles(pack)
            })
    })
}

fn arb_case() -> impl Strategy<Value = Case> {
    arb_pack().prop_flat_map(|pack| {
        let n = pack.roles.len();
        let objective = prop_oneof![
            Just(Objective::ShortestTime),
            Just(Objective::FewestSteps),
            Just(Objective::FewestNewCompetencies)
        ];
        let constraints = (
            subsequence((0..n).collect::<Vec<_>>(), 0..=1),
            prop::option::weighted(0.3, 0..n),
            prop::option::weighted(0.2, 0usize..11),
            prop::bool::weighted(0.2),
        );
        (
            Just(pack),
            0..n,
            0..n,
            objective,
            1usize..=5,
            constraints,
            subsequence(COMPETENCIES.to_vec(), 0..=4),
            subsequence(CREDENTIALS.to_vec(), 0..=2),
        )
            .prop_map(
                |(
                    pack,
                    from,
                    to,
                    objective,
                    routes,
                    (avoid, via, ceiling, sourced),
                    held,
                    declared,
                )| {
                    let constraints = Constraints {
                        avoid: avoid.into_iter().map(|i| RoleId::from(NAMES[i])).collect(),
                        via: via.map(|i| RoleId::from(NAMES[i])),
                        band_ceiling: ceiling.map(|b| Band::ALL[b]),
                        sourced_only: sourced,
                    };
                    Case {
                        pack,
                        query: RouteQuery {
                            from: NAMES[from].into(),
                            to: NAMES[to].into(),
                            objective,
                            routes,
                            constraints,
                        },
                        assessment: SelfAssessment {
                            held: held.into_iter().map(Into::into).collect(),
                            completed: BTreeSet::new(),
                            credentials: declared.into_iter().map(Into::into).collect(),
                        },
                    }
                },
            )
    })
}

/// Every loopless route from the start to the target that meets the constraints, ranked
/// the planner's way, found by trying them all.
struct Exhaustive {
    ranked: Vec<(RouteCost, Vec<RoleId>)>,
    /// Whether the planner's examination limit could have cut its search short.
    small_enough: bool,
}

fn allowed(graph: &RoleGraph, query: &RouteQuery, id: &RoleId) -> bool {
    if id == &query.from {
        return true;
    }
    let role = graph.role(id).unwrap();
    let avoided = id != &query.to && query.constraints.avoid.contains(id);
    let too_senior = query
        .constraints
        .band_ceiling
        .is_some_and(|c| !role.bands.min.within_ceiling(c));
    !avoided && !too_senior && !above_goal(graph, query, id)
}

/// Whether a role would be a detour through a post above the goal: not the start, the
/// target or the requested via role, and starting above the target's top band (a
/// target on a medical contract sets no limit).
fn above_goal(graph: &RoleGraph, query: &RouteQuery, id: &RoleId) -> bool {
    if id == &query.from || id == &query.to || query.constraints.via.as_ref() == Some(id) {
        return false;
    }
    let top = graph.role(&query.to).unwrap().bands.max;
    top != Band::MedicalContract && !graph.role(id).unwrap().bands.min.within_ceiling(top)
}

/// The registrations a role names: those entering it asks for, and those everyone in it
/// holds or one of which they hold.
fn registrations_named_by(graph: &RoleGraph, id: &RoleId) -> BTreeSet<CredentialId> {
    let role = graph.role(id).unwrap();
    role.requires
        .all_of
        .iter()
        .chain(&role.requires.any_of)
        .chain(&role.holds)
        .chain(&role.holds_one_of)
        .filter(|c| {
            graph
                .credential(c)
                .is_some_and(|c| c.kind == CredentialKind::Registration)
        })
        .cloned()
        .collect()
}

/// The planner's rule for training, in words: every move that trains for a registration
/// the person does not hold yet leads into the walk's last role, or into the role the
/// person asked to go through when that role names it, or is followed by a move that
/// relies on it: a move into a role that names it, or a move that trains for a
/// registration from a role that names it.
fn uses_what_it_trains_for(
    graph: &RoleGraph,
    query: &RouteQuery,
    holding: &Holding,
    walk: &[RoleId],
) -> bool {
    let mut held = holding.named.clone();
    for i in 0..walk.len() - 1 {
        let training = graph.transition(&walk[i], &walk[i + 1]).unwrap();
        let into = &walk[i + 1];
        for gained in &training.grants {
            let is_registration = graph
                .credential(gained)
                .is_some_and(|c| c.kind == CredentialKind::Registration);
            if !is_registration || held.contains(gained) || i + 2 == walk.len() {
                continue;
            }
            if query.constraints.via.as_ref() == Some(into)
                && registrations_named_by(graph, into).contains(gained)
            {
                continue;
            }
            let next = graph.transition(into, &walk[i + 2]).unwrap();
            let next_trains = next.grants.iter().any(|c| {
                graph
                    .credential(c)
                    .is_some_and(|c| c.kind == CredentialKind::Registration)
            });
            let relied_on = registrations_named_by(graph, &walk[i + 2]).contains(gained)
                || (next_trains && registrations_named_by(graph, into).contains(gained));
            if !relied_on {
                return false;
            }
        }
        held.extend(training.grants.iter().cloned());
    }
    true
}

/// The credentials a person holds: named ones, and a set one of which they hold
/// without having said which.
#[derive(Debug, Clone)]
struct Holding {
    named: BTreeSet<CredentialId>,
    one_of: BTreeSet<CredentialId>,
}

/// What the person starting the query holds, worked out from the pack directly.
fn starting_holding(graph: &RoleGraph, query: &RouteQuery, assessment: &SelfAssessment) -> Holding {
    let start = graph.role(&query.from).unwrap();
    let mut named: BTreeSet<CredentialId> = start.holds.iter().cloned().collect();
    named.extend(assessment.credentials.iter().cloned());
    let one_of: BTreeSet<CredentialId> = start.holds_one_of.iter().cloned().collect();
    let one_of = if one_of.is_disjoint(&named) {
        one_of
    } else {
        BTreeSet::new()
    };
    Holding { named, one_of }
}

/// Whether someone holding `holding` may take `role`, by the rule stated in words: every
/// credential of `all_of`, and one of `any_of`, where an unnamed "one of" counts only if
/// every member would.
fn may_enter(role: &foothold::graph::Role, holding: &Holding) -> bool {
    let all = role
        .requires
        .all_of
        .iter()
        .all(|c| holding.named.contains(c));
    let any = &role.requires.any_of;
    all && (any.is_empty()
        || any.iter().any(|c| holding.named.contains(c))
        || (!holding.one_of.is_empty() && holding.one_of.iter().all(|c| any.contains(c))))
}

fn walks(
    graph: &RoleGraph,
    query: &RouteQuery,
    holding: &Holding,
    from: &RoleId,
    to: &RoleId,
    banned: &[RoleId],
) -> Vec<(Vec<RoleId>, Holding)> {
    #[allow(clippy::too_many_arguments)]
    fn extend(
        graph: &RoleGraph,
        query: &RouteQuery,
        to: &RoleId,
        banned: &[RoleId],
        walk: &mut Vec<RoleId>,
        holding: &Holding,
        out: &mut Vec<(Vec<RoleId>, Holding)>,
    ) {
        let here = walk.last().unwrap().clone();
        if &here == to {
            out.push((walk.clone(), holding.clone()));
            return;
        }
        for t in graph.ways_on(&here) {
            if walk.contains(&t.to)
                || banned.contains(&t.to)
                || !allowed(graph, query, &t.to)
                || (query.constraints.sourced_only && t.evidence != Evidence::Sourced)
            {
                continue;
            }
            let mut next = holding.clone();
            next.named.extend(t.grants.iter().cloned());
            if !may_enter(graph.role(&t.to).unwrap(), &next) {
                continue;
            }
            walk.push(t.to.clone());
            extend(graph, query, to, banned, walk, &next, out);
            walk.pop();
        }
    }
    let mut out = Vec::new();
    extend(
        graph,
        query,
        to,
        banned,
        &mut vec![from.clone()],
        holding,
        &mut out,
    );
    out
}

fn walk_cost(
    graph: &RoleGraph,
    query: &RouteQuery,
    assessment: &SelfAssessment,
    walk: &[RoleId],
) -> RouteCost {
    let held = held_competencies(graph, assessment);
    walk.windows(2).fold(RouteCost::ZERO, |total, pair| {
        let t = graph.transition(&pair[0], &pair[1]).unwrap();
        let holding = t.gain.iter().filter(|c| held.contains(*c)).count();
        let months = personalised_months(t.months, t.gain.len(), holding);
        total + RouteCost::of_step(query.objective, months, t.gain.len() - holding)
    })
}

fn exhaustive(graph: &RoleGraph, query: &RouteQuery, assessment: &SelfAssessment) -> Exhaustive {
    let via = query
        .constraints
        .via
        .clone()
        .filter(|v| v != &query.from && v != &query.to);
    let holding = starting_holding(graph, query, assessment);
    let every: Vec<Vec<RoleId>> = walks(graph, query, &holding, &query.from, &query.to, &[])
        .into_iter()
        .map(|(walk, _)| walk)
        .collect();
    // Walks the training rule forbids are counted for the examination limit (an upper
    // bound on what the planner examines) but never ranked.
    let all_count = every.len();
    let all: Vec<Vec<RoleId>> = every
        .into_iter()
        .filter(|walk| uses_what_it_trains_for(graph, query, &holding, walk))
        .collect();
    let small_enough = match &via {
        None => all_count <= EXAMINED_ROUTE_LIMIT,
        Some(via) => {
            let firsts = walks(
                graph,
                query,
                &holding,
                &query.from,
                via,
                std::slice::from_ref(&query.to),
            );
            let most_onward = firsts
                .iter()
                .map(|(_, at_via)| {
                    walks(
                        graph,
                        query,
                        at_via,
                        via,
                        &query.to,
                        std::slice::from_ref(&query.from),
                    )
                    .len()
                })
                .max()
                .unwrap_or(0);
            firsts.len() * (most_onward + 1) <= EXAMINED_ROUTE_LIMIT
        }
    };
    let mut ranked: Vec<(RouteCost, Vec<RoleId>)> = all
        .into_iter()
        .filter(|walk| via.as_ref().is_none_or(|v| walk.contains(v)))
        .map(|walk| (walk_cost(graph, query, assessment, &walk), walk))
        .collect();
    ranked.sort();
    Exhaustive {
        ranked,
        small_enough,
    }
}

/// The planner's rule for alternatives, applied to the exhaustive ranking.
fn offered(ranked: &[(RouteCost, Vec<RoleId>)], wanted: usize) -> Vec<Vec<RoleId>> {
    let mut sets = HashSet::new();
    let mut kept = Vec::new();
    for (_, walk) in ranked {
        let inner: BTreeSet<&RoleId> = walk[1..walk.len() - 1].iter().collect();
        if kept.len() < wanted && sets.insert(inner) {
            kept.push(walk.clone());
        }
    }
    kept
}

fn roles_of(routes: &[Route]) -> Vec<Vec<RoleId>> {
    routes.iter().map(Route::roles).collect()
}

fn shuffled(pack: &Pack, seed: u64) -> Pack {
    let mut random = foothold::planner::generate::SplitMix64::new(seed);
    let mut pack = pack.clone();
    for i in (1..pack.roles.len()).rev() {
        pack.roles.swap(i, random.below(i + 1));
    }
    for i in (1..pack.transitions.len()).rev() {
        pack.transitions.swap(i, random.below(i + 1));
    }
    pack
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn every_route_is_a_walk_without_repeats(case in arb_case()) {
        let graph = RoleGraph::new_unchecked(case.pack);
        if let Ok(routes) = find_routes(&graph, &case.query, &case.assessment) {
            for route in routes {
                let roles = route.roles();
                prop_assert_eq!(roles.first(), Some(&case.query.from));
                prop_assert_eq!(roles.last(), Some(&case.query.to));
                prop_assert_eq!(roles.iter().collect::<HashSet<_>>().len(), roles.len());
                for step in &route.steps {
                    prop_assert!(graph.transition(&step.from, &step.to).is_some());
                }
                prop_assert_eq!(route.totals.steps, route.steps.len());
                prop_assert_eq!(route.totals.band_path.len(), roles.len());
            }
        }
    }

    #[test]
    fn best_is_no_worse_than_any_alternative(case in arb_case()) {
        let graph = RoleGraph::new_unchecked(case.pack);
        if let Ok(routes) = find_routes(&graph, &case.query, &case.assessment) {
            prop_assert!(!routes.is_empty() && routes.len() <= case.query.routes);
            let costs: Vec<RouteCost> =
                routes.iter().map(|r| r.cost(case.query.objective)).collect();
            for pair in costs.windows(2) {
                prop_assert!(pair[0] <= pair[1]);
            }
        }
    }

    #[test]
    fn alternatives_differ_in_their_intermediate_roles(case in arb_case()) {
        let graph = RoleGraph::new_unchecked(case.pack);
        if let Ok(routes) = find_routes(&graph, &case.query, &case.assessment) {
            let sets: HashSet<_> = routes.iter().map(Route::intermediate_roles).collect();
            prop_assert_eq!(sets.len(), routes.len());
        }
    }

    #[test]
    fn constraints_hold_on_every_route(case in arb_case()) {
        let graph = RoleGraph::new_unchecked(case.pack);
        let constraints = &case.query.constraints;
        if let Ok(routes) = find_routes(&graph, &case.query, &case.assessment) {
            for route in routes {
                let roles = route.roles();
                for id in &roles[1..roles.len() - 1] {
                    prop_assert!(!constraints.avoid.contains(id));
                }
                if let Some(via) = &constraints.via {
                    prop_assert!(roles.contains(via));
                }
                for id in &roles[1..roles.len() - 1] {
                    prop_assert!(!above_goal(&graph, &case.query, id), "{id} is above the goal");
                }
                let holding = starting_holding(&graph, &case.query, &case.assessment);
                prop_assert!(
                    uses_what_it_trains_for(&graph, &case.query, &holding, &roles),
                    "{roles:?} trains for a registration it does not use"
                );
                if let Some(ceiling) = constraints.band_ceiling {
                    for band in &route.totals.band_path[1..] {
                        prop_assert!(band.min.within_ceiling(ceiling));
                    }
                }
                if constraints.sourced_only {
                    prop_assert_eq!(route.totals.weakest_evidence, Evidence::Sourced);
                }
            }
        }
    }

    #[test]
    fn routes_match_an_exhaustive_search_on_small_graphs(case in arb_case()) {
        let graph = RoleGraph::new_unchecked(case.pack);
        if case.query.from == case.query.to {
            return Ok(());
        }
        let truth = exhaustive(&graph, &case.query, &case.assessment);
        let found = find_routes(&graph, &case.query, &case.assessment);
        match found {
            Ok(routes) => {
                prop_assert!(!truth.ranked.is_empty());
                prop_assert_eq!(routes[0].cost(case.query.objective), truth.ranked[0].0);
                prop_assert_eq!(&routes[0].roles(), &truth.ranked[0].1);
                if truth.small_enough {
                    prop_assert_eq!(roles_of(&routes), offered(&truth.ranked, case.query.routes));
                }
            }
            Err(_) => prop_assert!(truth.ranked.is_empty()),
        }
    }

    #[test]
    fn results_do_not_depend_on_pack_order(case in arb_case(), seed in any::<u64>()) {
        let graph = RoleGraph::new_unchecked(case.pack.clone());
        let first = find_routes(&graph, &case.query, &case.assessment);
        prop_assert_eq!(&find_routes(&graph, &case.query, &case.assessment), &first);
        let reordered = RoleGraph::new_unchecked(shuffled(&case.pack, seed));
        prop_assert_eq!(&find_routes(&reordered, &case.query, &case.assessment), &first);
        let explored = explore(&graph, &case.query.from, 40, &case.query.constraints, &case.assessment);
        prop_assert_eq!(
            explore(&reordered, &case.query.from, 40, &case.query.constraints, &case.assessment),
            explored
        );
    }

    #[test]
    fn a_no_route_answer_is_true_and_suggests_reachable_roles(case in arb_case()) {
        let graph = RoleGraph::new_unchecked(case.pack);
        let Err(answer) = find_routes(&graph, &case.query, &case.assessment) else {
            return Ok(());
        };
        prop_assert!(!answer.message().is_empty());
        let unconstrained = RouteQuery {
            constraints: Constraints::default(),
            ..case.query.clone()
        };
        let exists_without_constraints =
            !exhaustive(&graph, &unconstrained, &case.assessment).ranked.is_empty();
        match &answer {
            NoRoute::SameRole { .. } => prop_assert_eq!(&case.query.from, &case.query.to),
            NoRoute::ExcludedByConstraints { blocking, .. } => {
                prop_assert!(exists_without_constraints);
                prop_assert!(!blocking.is_empty());
            }
            NoRoute::NeedsCredentials { .. } | NoRoute::Unreachable { .. } => {
                prop_assert!(!exists_without_constraints);
            }
            NoRoute::UnknownRole { .. } => prop_assert!(false, "every role is known"),
        }
        prop_assert!(answer.nearest().len() <= NEAREST_LIMIT);
        let no_via = Constraints { via: None, ..case.query.constraints.clone() };
        for id in answer.nearest() {
            prop_assert!(id != &case.query.from && id != &case.query.to);
            let reach = RouteQuery {
                to: id.clone(),
                constraints: no_via.clone(),
                ..case.query.clone()
            };
            prop_assert!(find_routes(&graph, &reach, &case.assessment).is_ok());
        }
    }

    #[test]
    fn holding_more_never_makes_the_best_route_slower(case in arb_case()) {
        let graph = RoleGraph::new_unchecked(case.pack);
        let query = RouteQuery { objective: Objective::ShortestTime, ..case.query };
        let everything = SelfAssessment {
            held: COMPETENCIES.iter().map(|&c| c.into()).collect(),
            completed: BTreeSet::new(),
            credentials: case.assessment.credentials.clone(),
        };
        if let Ok(less) = find_routes(&graph, &query, &case.assessment) {
            let more = find_routes(&graph, &query, &everything).unwrap();
            prop_assert!(more[0].cost(query.objective) <= less[0].cost(query.objective));
        }
    }

    #[test]
    fn every_step_enters_a_role_the_person_may_take_then(case in arb_case()) {
        let graph = RoleGraph::new_unchecked(case.pack);
        if let Ok(routes) = find_routes(&graph, &case.query, &case.assessment) {
            for route in routes {
                let mut holding = starting_holding(&graph, &case.query, &case.assessment);
                for step in &route.steps {
                    let move_ = graph.transition(&step.from, &step.to).unwrap();
                    holding.named.extend(move_.grants.iter().cloned());
                    let role = graph.role(&step.to).unwrap();
                    prop_assert!(may_enter(role, &holding), "{} entered without its credentials", step.to);
                    // What the step says it relies on is what the role asks and the person holds.
                    for id in &step.relies_on {
                        prop_assert!(role.requires.all_of.contains(id) || role.requires.any_of.contains(id));
                        prop_assert!(holding.named.contains(id) || (step.relies_on_one_of && holding.one_of.contains(id)));
                    }
                    for id in &step.gains_credentials {
                        prop_assert!(move_.grants.contains(id));
                    }
                }
            }
        }
    }

    #[test]
    fn declaring_more_credentials_never_makes_the_best_route_slower(case in arb_case()) {
        let graph = RoleGraph::new_unchecked(case.pack);
        let query = RouteQuery { objective: Objective::ShortestTime, ..case.query };
        let everything = SelfAssessment {
            credentials: CREDENTIALS.iter().map(|&c| c.into()).collect(),
            ..case.assessment.clone()
        };
        if let Ok(less) = find_routes(&graph, &query, &case.assessment) {
            let more = find_routes(&graph, &query, &everything).unwrap();
            prop_assert!(more[0].cost(query.objective) <= less[0].cost(query.objective));
        }
    }

    #[test]
    fn explore_lists_exactly_the_roles_within_reach(case in arb_case(), within in 0u16..80) {
        let graph = RoleGraph::new_unchecked(case.pack);
        let constraints = Constraints { via: None, ..case.query.constraints.clone() };
        let groups = explore(&graph, &case.query.from, within, &constraints, &case.assessment).unwrap();
        let listed: Vec<_> = groups.iter().flat_map(|g| g.roles.iter()).collect();
        for group in &groups {
            for reachable in &group.roles {
                prop_assert_eq!(graph.role(&reachable.role).unwrap().family, group.family);
            }
        }
        for role in graph.roles() {
            if role.id == case.query.from {
                continue;
            }
            let best = find_routes(
                &graph,
                &RouteQuery {
                    from: case.query.from.clone(),
                    to: role.id.clone(),
                    objective: Objective::ShortestTime,
                    routes: 1,
                    constraints: constraints.clone(),
                },
                &case.assessment,
            );
            let within_reach = best.as_ref().ok().filter(|routes| {
                routes[0].cost(Objective::ShortestTime).primary <= u32::from(within) * 2
            });
            let entry = listed.iter().find(|r| r.role == role.id);
            if constraints.avoid.contains(&role.id) {
                // Exploring never offers a role the user chose to avoid.
                prop_assert!(entry.is_none());
                continue;
            }
            match (within_reach, entry) {
                (Some(routes), Some(entry)) => {
                    prop_assert_eq!(entry.months, routes[0].totals.months);
                    prop_assert_eq!(entry.steps, routes[0].totals.steps);
                }
                (None, None) => {}
                (expected, listed) => prop_assert!(
                    false,
                    "{} expected {:?} listed {:?}",
                    role.id,
                    expected.is_some(),
                    listed
                ),
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn routes_on_synthetic_packs_are_ranked_walks(seed in any::<u64>(), from in 0usize..150, to in 0usize..150) {
        let graph = RoleGraph::new_unchecked(synthetic_pack(150, 4, seed));
        let mut query = RouteQuery::new(role_id(from), role_id(to));
        query.routes = 5;
        if let Ok(routes) = find_routes(&graph, &query, &SelfAssessment::default()) {
            let mut previous: Option<&Route> = None;
            for route in &routes {
                let roles = route.roles();
                prop_assert_eq!(roles.iter().collect::<HashSet<_>>().len(), roles.len());
                if let Some(previous) = previous {
                    let order = previous.cost(query.objective).cmp(&route.cost(query.objective));
                    prop_assert!(order != Ordering::Greater);
                }
                previous = Some(route);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn routes_on_credentialed_synthetic_packs_are_ranked_walks_people_may_take(
        seed in any::<u64>(),
        from in 0usize..150,
        to in 0usize..150,
    ) {
        let grants = if seed % 2 == 0 { Grants::Scattered } else { Grants::IntoRolesThatNeedThem };
        let graph = RoleGraph::new_unchecked(credentialed_pack(150, 4, seed, grants));
        let mut query = RouteQuery::new(role_id(from), role_id(to));
        query.routes = 5;
        let assessment = SelfAssessment::default();
        if let Ok(routes) = find_routes(&graph, &query, &assessment) {
            let mut previous: Option<&Route> = None;
            for route in &routes {
                let roles = route.roles();
                prop_assert_eq!(roles.iter().collect::<HashSet<_>>().len(), roles.len());
                let mut holding = starting_holding(&graph, &query, &assessment);
                for step in &route.steps {
                    holding.named.extend(graph.transition(&step.from, &step.to).unwrap().grants.iter().cloned());
                    prop_assert!(may_enter(graph.role(&step.to).unwrap(), &holding));
                }
                if let Some(previous) = previous {
                    let order = previous.cost(query.objective).cmp(&route.cost(query.objective));
                    prop_assert!(order != Ordering::Greater);
                }
                previous = Some(route);
            }
        }
    }
}
