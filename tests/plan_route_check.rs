//! Checking saved plans against the bundled pack and the person's credentials: routes
//! the planner offers check clean and explain credentials the same way, and a route that
//! no longer holds is reported in plain English without the plan losing anything.

#![cfg(not(target_arch = "wasm32"))]

use foothold::graph::{bundled_graph, CredentialId, RoleGraph, RoleId};
use foothold::plan::{
    check_route, gives_text, relies_on_text, Date, Plan, PlanId, PlanStep, RouteProblem,
};
use foothold::planner::{find_routes, NoRoute, Objective, RouteQuery, SelfAssessment};

fn graph() -> RoleGraph {
    bundled_graph().expect("the bundled pack is valid")
}

fn plan_of(graph: &RoleGraph, roles: &[RoleId]) -> Plan {
    let today: Date = "2026-11-25".parse().unwrap();
    Plan::from_route(
        graph,
        roles,
        Objective::ShortestTime,
        "A plan",
        today,
        PlanId::from("p-1-test"),
    )
    .expect("every step is a move in the pack")
}

fn clinical_scientist_registration() -> SelfAssessment {
    SelfAssessment {
        credentials: [CredentialId::new("hcpc-clinical-scientist")].into(),
        ..SelfAssessment::default()
    }
}

#[test]
fn every_offered_route_checks_clean_and_relies_on_what_the_planner_says() {
    let graph = graph();
    let journeys = [
        (
            "registered-nurse",
            "chief-nursing-information-officer",
            SelfAssessment::default(),
        ),
        (
            "resident-doctor",
            "chief-clinical-information-officer",
            SelfAssessment::default(),
        ),
        (
            "allied-health-professional",
            "chief-ahp-information-officer",
            SelfAssessment::default(),
        ),
        (
            "pharmacist",
            "chief-pharmacy-information-officer",
            SelfAssessment::default(),
        ),
        (
            "healthcare-scientist",
            "clinical-informatics-lead",
            clinical_scientist_registration(),
        ),
        ("administrator", "data-analyst", SelfAssessment::default()),
    ];
    for (from, to, assessment) in journeys {
        let mut query = RouteQuery::new(RoleId::new(from), RoleId::new(to));
        query.routes = 5;
        let routes = find_routes(&graph, &query, &assessment)
            .unwrap_or_else(|no_route| panic!("{from} to {to}: {no_route}"));
        for route in routes {
            let plan = plan_of(&graph, &route.roles());
            let check = check_route(&plan, &graph, &assessment);
            assert!(check.is_valid(), "{from} to {to}: {:?}", check.problems);
            assert_eq!(check.steps.len(), route.steps.len());
            for (step, checked) in route.steps.iter().zip(&check.steps) {
                assert_eq!(checked.relies_on, step.relies_on, "{from} to {to}");
                assert_eq!(checked.relies_on_one_of, step.relies_on_one_of);
                assert_eq!(checked.gains, step.gains_credentials);
            }
        }
    }
}

#[test]
fn a_route_into_clinical_informatics_holds_only_with_the_registration_it_relies_on() {
    // A healthcare scientist may or may not be on a statutory register (clinical
    // physiologists often are not), so the role implies none until the person says so.
    let graph = graph();
    let query = RouteQuery::new(
        RoleId::new("healthcare-scientist"),
        RoleId::new("clinical-informatician"),
    );
    // Without registration the only way in is training that ends in it (the Scientist
    // Training Programme): some step must give it before any step relies on it.
    let unregistered = find_routes(&graph, &query, &SelfAssessment::default())
        .expect("the Scientist Training Programme leads to registration");
    for route in &unregistered {
        let first_gain = route
            .steps
            .iter()
            .position(|step| !step.gains_credentials.is_empty());
        let first_reliance = route
            .steps
            .iter()
            .position(|step| !step.relies_on.is_empty());
        assert!(first_gain.is_some(), "{:?}", route.roles());
        assert!(
            first_reliance.is_none_or(|reliance| first_gain < Some(reliance)),
            "{:?}",
            route.roles()
        );
    }
    let route = find_routes(&graph, &query, &clinical_scientist_registration())
        .expect("a registered clinical scientist has a route")
        .remove(0);
    let plan = plan_of(&graph, &route.roles());

    let with = check_route(&plan, &graph, &clinical_scientist_registration());
    assert!(with.is_valid(), "{:?}", with.problems);
    let relies: Vec<String> = with
        .steps
        .iter()
        .filter_map(|step| relies_on_text(&graph, &step.relies_on, step.relies_on_one_of))
        .collect();
    assert_eq!(
        relies.last().map(String::as_str),
        Some("Relies on your registration as a clinical scientist (HCPC)"),
        "{relies:?}"
    );

    let without = check_route(&plan, &graph, &SelfAssessment::default());
    assert!(!without.is_valid());
    assert!(matches!(
        without.problems[0],
        RouteProblem::CannotEnter { .. }
    ));
    let message = without.problems[0].to_string();
    assert!(
        message.starts_with("Step 1: Clinical informatician now needs one of: "),
        "{message}"
    );
    assert!(
        message.contains("registration as a clinical scientist"),
        "{message}"
    );
    assert!(
        message.ends_with("which you would not hold by then."),
        "{message}"
    );
}

#[test]
fn a_pharmacy_role_is_out_of_reach_of_a_data_analyst_without_registration_as_a_pharmacist() {
    let graph = graph();
    let pharmacist = CredentialId::new("gphc-pharmacist");
    for target in ["digital-pharmacist", "chief-pharmacy-information-officer"] {
        let query = RouteQuery::new(RoleId::new("data-analyst"), RoleId::new(target));
        match find_routes(&graph, &query, &SelfAssessment::default()) {
            Err(NoRoute::NeedsCredentials { missing_all, .. }) => {
                assert!(
                    missing_all
                        .iter()
                        .any(|missing| missing.id == pharmacist && !missing.how_to_get.is_empty()),
                    "{target}: {missing_all:?}"
                );
            }
            other => panic!("{target}: expected a missing registration, got {other:?}"),
        }
    }
}

#[test]
fn a_step_whose_move_has_gone_is_reported_and_the_plan_keeps_everything() {
    let graph = graph();
    let mut plan = plan_of(
        &graph,
        &[RoleId::new("administrator"), RoleId::new("data-technician")],
    );
    // A saved step that jumps straight to the top: no such move in the pack.
    let (from, to) = (RoleId::new("administrator"), RoleId::new("data-scientist"));
    assert!(graph.transition(&from, &to).is_none());
    plan.start = from.clone();
    plan.target = to.clone();
    plan.steps = vec![PlanStep {
        notes: "Ask the data team about shadowing".to_owned(),
        ..PlanStep::new(from, to)
    }];
    let before = plan.clone();
    let check = check_route(&plan, &graph, &SelfAssessment::default());
    assert_eq!(plan, before);
    assert_eq!(check.steps.len(), 1);
    assert!(check
        .problems
        .iter()
        .any(|problem| matches!(problem, RouteProblem::MoveGone { index: 0, .. })));
    assert_eq!(
        check.problems[0].to_string(),
        "Step 1: the move from Administrator to Data scientist is no longer in the role data."
    );
}

#[test]
fn a_role_that_has_gone_is_reported_once() {
    let graph = graph();
    let mut plan = plan_of(
        &graph,
        &[RoleId::new("administrator"), RoleId::new("data-technician")],
    );
    plan.target = RoleId::new("a-role-that-has-gone");
    plan.steps[0].to = plan.target.clone();
    let check = check_route(&plan, &graph, &SelfAssessment::default());
    let gone: Vec<&RouteProblem> = check
        .problems
        .iter()
        .filter(|problem| matches!(problem, RouteProblem::RoleGone { .. }))
        .collect();
    assert_eq!(gone.len(), 1);
    assert!(gone[0].to_string().contains("a-role-that-has-gone"));
}

#[test]
fn a_move_that_gives_a_credential_says_so() {
    let graph = graph();
    let granting = graph
        .transitions()
        .iter()
        .find(|transition| !transition.grants.is_empty())
        .expect("the pack has a move that grants a credential");
    let text = gives_text(&graph, &granting.grants).expect("some text");
    assert!(text.starts_with("Gives you: "), "{text}");
    let name = &graph
        .credential(&granting.grants[0])
        .expect("a declared credential")
        .name;
    assert!(
        text.to_lowercase().contains(&name.to_lowercase()),
        "{text} names {name}"
    );
    assert_eq!(gives_text(&graph, &[]), None);
}
