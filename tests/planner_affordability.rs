//! Cost and entry on the NHS pack in data/: apprenticeship routes say "paid while you
//! train", the nursing degree apprenticeship earns the degree while paid, the Scientist
//! Training Programme needs one, and exploring agrees with the routes it lists.

#![cfg(not(target_arch = "wasm32"))]

use foothold::graph::source::read_pack_folder;
use foothold::graph::{CostToYou, RoleGraph, RoleId};
use foothold::planner::{
    explore, find_routes, Affordability, Constraints, Route, RouteDegree, RouteQuery,
    SelfAssessment,
};
use std::path::Path;

fn nhs() -> RoleGraph {
    let pack = read_pack_folder(Path::new("data"))
        .unwrap_or_else(|errors| panic!("data/ must parse: {errors:?}"));
    RoleGraph::new(pack).unwrap_or_else(|error| panic!("data/ must be valid: {error}"))
}

fn best(graph: &RoleGraph, from: &str, to: &str) -> Route {
    let query = RouteQuery::new(RoleId::new(from), RoleId::new(to));
    match find_routes(graph, &query, &SelfAssessment::default()) {
        Ok(routes) => routes
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("a route from {from} to {to}")),
        Err(no_route) => panic!("no route from {from} to {to}: {no_route:?}"),
    }
}

#[test]
fn administrator_to_data_technician_is_paid_while_you_train_with_no_degree() {
    let graph = nhs();
    let summary =
        Affordability::of_route(&graph, &best(&graph, "administrator", "data-technician"));
    assert_eq!(summary.headline(), Some(CostToYou::PaidWhileTraining));
    assert_eq!(summary.degree, RouteDegree::NotNeeded);
    assert!(summary
        .costing(CostToYou::PaidWhileTraining)
        .iter()
        .any(|id| id.as_str() == "data-technician-apprenticeship"));
}

#[test]
fn support_worker_to_nurse_earns_the_degree_while_paid() {
    let graph = nhs();
    let summary = Affordability::of_route(
        &graph,
        &best(&graph, "healthcare-support-worker", "registered-nurse"),
    );
    assert_eq!(summary.degree, RouteDegree::EarnedWhilePaid, "{summary:?}");
    assert_eq!(summary.degree_for[0].as_str(), "nmc-nurse");
    assert!(summary
        .degree_sentence(&graph)
        .contains("registration as a nurse: you earn a degree while paid"));
}

#[test]
fn graduate_to_clinical_scientist_needs_a_degree() {
    let graph = nhs();
    let summary = Affordability::of_route(
        &graph,
        &best(&graph, "graduate", "clinical-scientist-informatics"),
    );
    assert_eq!(summary.degree, RouteDegree::Needed, "{summary:?}");
    // The Scientist Training Programme is a salaried training post.
    assert_eq!(summary.headline(), Some(CostToYou::PaidWhileTraining));
}

#[test]
fn exploring_agrees_with_the_best_route_to_each_role_listed() {
    let graph = nhs();
    let from = RoleId::new("administrator");
    let groups = match explore(
        &graph,
        &from,
        36,
        &Constraints::default(),
        &SelfAssessment::default(),
    ) {
        Ok(groups) => groups,
        Err(no_route) => panic!("the administrator can go somewhere: {no_route:?}"),
    };
    let data_technician = groups
        .iter()
        .flat_map(|group| &group.roles)
        .find(|reach| reach.role.as_str() == "data-technician")
        .unwrap_or_else(|| panic!("data technician is within three years"));
    let route = best(&graph, "administrator", "data-technician");
    assert_eq!(
        data_technician.affordability,
        Affordability::of_route(&graph, &route)
    );
}
