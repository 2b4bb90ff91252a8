//! The planner on the NHS pack in data/, read from its source files, so these tests check
//! the real pack whichever pack the app was built around (FOOTHOLD_PACK_DIR).

#![cfg(not(target_arch = "wasm32"))]

use foothold::graph::source::read_pack_folder;
use foothold::graph::{RoleGraph, RoleId};
use foothold::planner::{
    explore, find_routes, Constraints, NoRoute, RouteQuery, SelfAssessment, NEAREST_LIMIT,
};
use std::path::Path;

const KNOWN_IDS: [&str; 27] = [
    "registered-nurse",
    "registered-midwife",
    "allied-health-professional",
    "pharmacist",
    "resident-doctor",
    "consultant-or-gp",
    "healthcare-support-worker",
    "administrator",
    "it-service-desk-analyst",
    "graduate",
    "school-leaver-or-apprentice",
    "career-changer",
    "digital-nurse",
    "digital-midwife",
    "clinical-safety-officer",
    "chief-nursing-information-officer",
    "chief-clinical-information-officer",
    "chief-medical-information-officer",
    "data-analyst",
    "data-scientist",
    "data-technician",
    "clinical-coder",
    "chief-digital-information-officer",
    "chief-information-officer",
    "user-researcher",
    "business-analyst",
    "product-manager",
];

fn nhs_pack() -> RoleGraph {
    let pack = read_pack_folder(Path::new("data")).expect("data/ reads as a pack");
    let graph = RoleGraph::new(pack).expect("data/ is a valid pack");
    assert_ne!(graph.info().id, "starter", "data/ holds the NHS pack");
    graph
}

// The planner's own error type, returned as is so tests can match on it.
#[allow(clippy::result_large_err)]
fn routes(
    graph: &RoleGraph,
    from: &str,
    to: &str,
) -> Result<Vec<foothold::planner::Route>, NoRoute> {
    find_routes(
        graph,
        &RouteQuery::new(from.into(), to.into()),
        &SelfAssessment::default(),
    )
}

#[test]
fn every_known_pair_gets_routes_or_a_reason() {
    let graph = nhs_pack();
    for from in KNOWN_IDS {
        assert!(graph.role(&from.into()).is_some(), "{from} is in the pack");
        for to in KNOWN_IDS {
            let answer = routes(&graph, from, to);
            assert_eq!(answer, routes(&graph, from, to), "{from} to {to} is stable");
            match answer {
                Ok(found) => {
                    for route in &found {
                        let roles = route.roles();
                        assert_eq!(roles.first(), Some(&RoleId::from(from)));
                        assert_eq!(roles.last(), Some(&RoleId::from(to)));
                    }
                }
                Err(reason) => {
                    assert!(!reason.message().is_empty());
                    assert!(reason.nearest().len() <= NEAREST_LIMIT);
                }
            }
        }
    }
}

#[test]
fn people_without_a_registration_get_no_route_into_roles_that_need_one() {
    let graph = nhs_pack();
    for from in [
        "administrator",
        "graduate",
        "data-analyst",
        "career-changer",
    ] {
        match routes(&graph, from, "clinical-safety-officer") {
            Ok(found) => {
                // Only a route that gains a registration on the way may get there.
                for route in found {
                    assert!(route
                        .steps
                        .iter()
                        .any(|step| !step.gains_credentials.is_empty()));
                }
            }
            Err(reason) => assert!(
                matches!(reason, NoRoute::NeedsCredentials { .. }),
                "{from}: {reason}"
            ),
        }
    }
}

#[test]
fn classic_moves_have_routes() {
    let graph = nhs_pack();
    for (from, to) in [
        ("registered-nurse", "digital-nurse"),
        ("registered-nurse", "chief-nursing-information-officer"),
        ("registered-midwife", "digital-midwife"),
        ("consultant-or-gp", "chief-clinical-information-officer"),
        ("data-technician", "data-analyst"),
        ("data-analyst", "data-scientist"),
    ] {
        assert!(routes(&graph, from, to).is_ok(), "{from} to {to}");
    }
}

#[test]
fn every_entry_role_can_go_somewhere_within_five_years() {
    let graph = nhs_pack();
    for role in graph.roles().iter().filter(|role| role.entry) {
        let groups = explore(
            &graph,
            &role.id,
            60,
            &Constraints::default(),
            &SelfAssessment::default(),
        )
        .expect("entry roles are known");
        assert!(!groups.is_empty(), "{} reaches nothing in 5 years", role.id);
    }
}
