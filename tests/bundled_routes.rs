//! Routes a user would expect exist in the bundled NHS pack.

#![cfg(not(target_arch = "wasm32"))]

use foothold::graph::{bundled_graph, RoleGraph, RoleId};
use foothold::planner::{find_routes, NoRoute, RouteQuery, SelfAssessment, MAX_ROUTES};

fn graph() -> RoleGraph {
    bundled_graph().expect("the bundled pack loads")
}

fn routes_between(graph: &RoleGraph, from: &str, to: &str) -> Vec<Vec<String>> {
    let mut query = RouteQuery::new(RoleId::new(from), RoleId::new(to));
    query.routes = MAX_ROUTES;
    let routes = find_routes(graph, &query, &SelfAssessment::default())
        .unwrap_or_else(|no_route| panic!("{from} → {to}: {}", no_route.message()));
    routes
        .iter()
        .map(|route| route.roles().iter().map(|id| id.to_string()).collect())
        .collect()
}

#[test]
fn registered_nurse_reaches_cnio_through_a_digital_nurse_step() {
    let graph = graph();
    let routes = routes_between(
        &graph,
        "registered-nurse",
        "chief-nursing-information-officer",
    );
    assert!(
        routes
            .iter()
            .any(|roles| roles.iter().any(|role| role == "digital-nurse")),
        "no route through digital-nurse among {routes:#?}"
    );
}

#[test]
fn resident_doctor_reaches_ccio() {
    let graph = graph();
    let routes = routes_between(
        &graph,
        "resident-doctor",
        "chief-clinical-information-officer",
    );
    assert!(!routes.is_empty());
    for roles in &routes {
        assert_eq!(roles.first().map(String::as_str), Some("resident-doctor"));
        assert_eq!(
            roles.last().map(String::as_str),
            Some("chief-clinical-information-officer")
        );
    }
}

#[test]
fn every_entry_role_has_somewhere_to_go() {
    let graph = graph();
    for role in graph.roles().iter().filter(|role| role.entry) {
        assert!(
            !graph.ways_on(&role.id).is_empty(),
            "{} has no ways on",
            role.id
        );
    }
}

#[test]
fn administrator_cannot_become_a_clinical_safety_officer_without_registration() {
    let graph = graph();
    let query = RouteQuery::new(
        RoleId::new("administrator"),
        RoleId::new("clinical-safety-officer"),
    );
    match find_routes(&graph, &query, &SelfAssessment::default()) {
        Err(no_route @ NoRoute::NeedsCredentials { .. }) => {
            assert!(
                no_route.message().contains("registration"),
                "{}",
                no_route.message()
            );
        }
        other => panic!("expected a registration answer, got {other:?}"),
    }
}

#[test]
fn expected_routes_from_each_background_exist() {
    let graph = graph();
    for (from, to) in [
        ("administrator", "clinical-coder"),
        ("administrator", "data-analyst"),
        ("it-service-desk-analyst", "chief-information-officer"),
        ("graduate", "data-scientist"),
        ("career-changer", "user-researcher"),
        ("registered-midwife", "digital-midwife"),
        ("pharmacist", "clinical-safety-officer"),
        ("school-leaver-or-apprentice", "data-analyst"),
    ] {
        assert!(
            !routes_between(&graph, from, to).is_empty(),
            "{from} → {to}"
        );
    }
}
