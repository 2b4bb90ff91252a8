//! The planner on the starter pack fixture and on small graphs built in code.

#![cfg(not(target_arch = "wasm32"))]

use foothold::graph::source::read_pack_folder;
use foothold::graph::{Band, BandRange, Evidence, Family, Months, RoleGraph, RoleId};
use foothold::planner::testing::{pack_of, role, transition};
use foothold::planner::{
    explore, find_routes, Constraints, Limit, NoRoute, Objective, RouteQuery, SelfAssessment,
};
use std::path::Path;

fn starter() -> RoleGraph {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/starter-pack");
    let pack = read_pack_folder(&folder).expect("the starter pack reads");
    RoleGraph::new(pack).expect("the starter pack is valid")
}

fn ids(list: &[&str]) -> Vec<RoleId> {
    list.iter().map(|&id| RoleId::from(id)).collect()
}

fn query(from: &str, to: &str) -> RouteQuery {
    RouteQuery::new(from.into(), to.into())
}

fn months(min: u16, max: u16) -> Months {
    Months { min, max }
}

#[test]
fn a_nurse_reaches_cnio_quickest_through_digital_nursing() {
    let graph = starter();
    let routes = find_routes(
        &graph,
        &query("registered-nurse", "chief-nursing-information-officer"),
        &SelfAssessment::default(),
    )
    .unwrap();
    assert_eq!(routes.len(), 2);
    assert_eq!(
        routes[0].roles(),
        ids(&[
            "registered-nurse",
            "digital-nurse",
            "chief-nursing-information-officer"
        ])
    );
    assert_eq!(
        routes[1].roles(),
        ids(&["registered-nurse", "chief-nursing-information-officer"])
    );
    let totals = &routes[0].totals;
    assert_eq!(totals.months, months(48, 96));
    assert_eq!(totals.steps, 2);
    assert_eq!(
        totals.band_path,
        ["5-7", "6-7", "8b-8d"].map(|b| b.parse::<BandRange>().unwrap())
    );
    assert_eq!(totals.competencies_to_gain, 3);
    assert_eq!(totals.weakest_evidence, Evidence::Assumed);
}

#[test]
fn each_step_is_explained_with_what_to_gain_and_what_helps() {
    let graph = starter();
    let routes = find_routes(
        &graph,
        &query("registered-nurse", "chief-nursing-information-officer"),
        &SelfAssessment::default(),
    )
    .unwrap();
    let step = &routes[0].steps[1];
    assert_eq!(step.from, RoleId::from("digital-nurse"));
    assert_eq!(
        step.to_gain,
        ["digital-strategy", "leading-informatics-projects"].map(Into::into)
    );
    assert!(step.already_held.is_empty());
    assert_eq!(
        step.opportunities,
        ["digital-health-leadership-programme"].map(Into::into)
    );
    assert_eq!(step.months, months(36, 72));
    assert_eq!(step.personalised_months, months(36, 72));
    assert_eq!(step.evidence, Evidence::Assumed);
    assert_eq!(step.sources.len(), 1);
    // A two-band jump carries a note saying how people make it (a realism rule).
    assert!(step
        .note
        .as_deref()
        .is_some_and(|note| note.contains("act up")));
    assert_eq!(step.relies_on, ["nmc-nurse"].map(Into::into));
    assert!(step.gains_credentials.is_empty());
}

#[test]
fn a_completed_programme_counts_what_it_develops_as_held() {
    let graph = starter();
    let assessment = SelfAssessment {
        completed: ["digital-health-leadership-programme".into()].into(),
        ..SelfAssessment::default()
    };
    let routes = find_routes(
        &graph,
        &query("registered-nurse", "chief-nursing-information-officer"),
        &assessment,
    )
    .unwrap();
    let step = &routes[0].steps[1];
    assert_eq!(step.already_held, ["digital-strategy"].map(Into::into));
    assert_eq!(
        step.to_gain,
        ["leading-informatics-projects"].map(Into::into)
    );
    assert_eq!(step.personalised_months, months(36, 54));
    assert_eq!(routes[0].totals.months, months(48, 78));
    assert_eq!(routes[0].totals.competencies_to_gain, 2);
}

#[test]
fn fewest_steps_prefers_the_direct_move() {
    let graph = starter();
    let mut request = query("registered-nurse", "chief-nursing-information-officer");
    request.objective = Objective::FewestSteps;
    let routes = find_routes(&graph, &request, &SelfAssessment::default()).unwrap();
    assert_eq!(
        routes[0].roles(),
        ids(&["registered-nurse", "chief-nursing-information-officer"])
    );
}

#[test]
fn sourced_only_leaves_out_moves_that_are_estimates() {
    let graph = starter();
    let mut request = query("registered-nurse", "chief-nursing-information-officer");
    request.constraints.sourced_only = true;
    let routes = find_routes(&graph, &request, &SelfAssessment::default()).unwrap();
    assert_eq!(routes.len(), 1);
    assert_eq!(routes[0].totals.weakest_evidence, Evidence::Sourced);
}

#[test]
fn an_avoided_role_is_never_passed_through() {
    let graph = starter();
    let mut request = query("registered-nurse", "chief-nursing-information-officer");
    request.constraints.avoid.insert("digital-nurse".into());
    let routes = find_routes(&graph, &request, &SelfAssessment::default()).unwrap();
    assert_eq!(routes.len(), 1);
    assert!(!routes[0].roles().contains(&"digital-nurse".into()));
}

#[test]
fn a_via_role_is_passed_through_even_when_another_route_ranks_better() {
    let graph = starter();
    let mut request = query("registered-nurse", "chief-nursing-information-officer");
    request.objective = Objective::FewestSteps;
    request.constraints.via = Some("digital-nurse".into());
    let routes = find_routes(&graph, &request, &SelfAssessment::default()).unwrap();
    assert_eq!(routes.len(), 1);
    assert!(routes[0].roles().contains(&"digital-nurse".into()));
}

#[test]
fn a_band_ceiling_below_the_target_is_named_as_the_reason() {
    let graph = starter();
    let mut request = query("registered-nurse", "chief-nursing-information-officer");
    request.constraints.band_ceiling = Some(Band::B7);
    request.constraints.sourced_only = true;
    let answer = find_routes(&graph, &request, &SelfAssessment::default()).unwrap_err();
    match &answer {
        NoRoute::ExcludedByConstraints {
            blocking,
            each_alone,
            ..
        } => {
            assert_eq!(blocking, &[Limit::BandCeiling { ceiling: Band::B7 }]);
            assert!(each_alone);
        }
        other => panic!("expected constraints to blame, got {other:?}"),
    }
    assert!(answer.message().contains("staying at or below Band 7"));
    assert_eq!(answer.nearest(), ids(&["digital-nurse"]).as_slice());
}

#[test]
fn registration_is_the_reason_an_administrator_cannot_become_cnio() {
    let graph = starter();
    let answer = find_routes(
        &graph,
        &query("administrator", "chief-nursing-information-officer"),
        &SelfAssessment::default(),
    )
    .unwrap_err();
    assert!(matches!(answer, NoRoute::NeedsCredentials { .. }));
    assert!(answer.message().contains(
        "It needs registration as a nurse (Nursing and Midwifery Council (NMC)): a three-year nursing degree, or a nursing degree apprenticeship."
    ));
    // Nothing reachable is in the target's family or moves into it, so the nearest are
    // the reachable roles closest to its band.
    assert_eq!(
        answer.nearest(),
        ids(&["data-analyst", "data-technician"]).as_slice()
    );
}

#[test]
fn a_role_with_no_way_on_reports_the_target_unreachable() {
    let graph = starter();
    let answer = find_routes(
        &graph,
        &query("data-analyst", "administrator"),
        &SelfAssessment::default(),
    )
    .unwrap_err();
    assert!(matches!(answer, NoRoute::Unreachable { .. }));
    assert_eq!(
        answer.message(),
        "Our data has no route from Data analyst to Administrator. The roles below are the nearest you can reach."
    );
    assert!(answer.nearest().is_empty());
}

#[test]
fn the_same_start_and_target_is_not_a_route() {
    let graph = starter();
    let answer = find_routes(
        &graph,
        &query("registered-nurse", "registered-nurse"),
        &SelfAssessment::default(),
    )
    .unwrap_err();
    assert!(matches!(answer, NoRoute::SameRole { .. }));
    assert!(answer.message().contains("already a Registered nurse"));
}

#[test]
fn unknown_roles_are_named() {
    let graph = starter();
    for request in [
        query("retired-role", "digital-nurse"),
        query("registered-nurse", "retired-role"),
        {
            let mut q = query("registered-nurse", "digital-nurse");
            q.constraints.via = Some("retired-role".into());
            q
        },
    ] {
        assert_eq!(
            find_routes(&graph, &request, &SelfAssessment::default()),
            Err(NoRoute::UnknownRole {
                role: "retired-role".into()
            })
        );
    }
}

#[test]
fn explore_groups_reachable_roles_by_family_within_the_time() {
    let graph = starter();
    let none = SelfAssessment::default();
    let nurse = RoleId::from("registered-nurse");
    let soon = explore(&graph, &nurse, 36, &Constraints::default(), &none).unwrap();
    assert_eq!(soon.len(), 1);
    assert_eq!(soon[0].family, Family::ClinicalInformatics);
    assert_eq!(soon[0].roles.len(), 1);
    assert_eq!(soon[0].roles[0].role, RoleId::from("digital-nurse"));
    assert_eq!(soon[0].roles[0].months, months(12, 24));

    let later = explore(&graph, &nurse, 72, &Constraints::default(), &none).unwrap();
    let cnio = &later[0].roles[1];
    assert_eq!(cnio.role, RoleId::from("chief-nursing-information-officer"));
    assert_eq!((cnio.months, cnio.steps), (months(48, 96), 2));
}

#[test]
fn explore_honours_constraints_and_what_is_held() {
    let graph = starter();
    let admin = RoleId::from("administrator");
    let none = SelfAssessment::default();
    let within_two_years = explore(&graph, &admin, 24, &Constraints::default(), &none).unwrap();
    let roles: Vec<&RoleId> = within_two_years
        .iter()
        .flat_map(|group| group.roles.iter().map(|r| &r.role))
        .collect();
    assert_eq!(roles, [&RoleId::from("data-technician")]);

    let skilled = SelfAssessment {
        held: ["data-preparation".into(), "data-visualisation".into()].into(),
        ..SelfAssessment::default()
    };
    let with_skills = explore(&graph, &admin, 24, &Constraints::default(), &skilled).unwrap();
    assert_eq!(with_skills[0].roles.len(), 2);

    let sourced = Constraints {
        sourced_only: true,
        ..Constraints::default()
    };
    let sourced_only = explore(&graph, &admin, 120, &sourced, &none).unwrap();
    assert_eq!(sourced_only[0].roles.len(), 1);

    assert!(matches!(
        explore(&graph, &"nobody".into(), 12, &Constraints::default(), &none),
        Err(NoRoute::UnknownRole { .. })
    ));
}

/// Two ways from s to t: through p (12 to 36 months, building x and y, helped by a
/// course that develops both) or through q (12 to 24 months, building z); both then take
/// 10 months to t.
fn two_way_graph() -> RoleGraph {
    let mut through_p = transition("s", "p", 12, 36);
    through_p.gain = vec!["x".into(), "y".into()];
    through_p.opportunities = vec!["course".into()];
    let mut through_q = transition("s", "q", 12, 24);
    through_q.gain = vec!["z".into()];
    let mut pack = pack_of(
        vec![role("s"), role("p"), role("q"), role("t")],
        vec![
            through_p,
            transition("p", "t", 10, 10),
            through_q,
            transition("q", "t", 10, 10),
        ],
    );
    pack.opportunities[0].develops = vec!["x".into(), "y".into()];
    RoleGraph::new_unchecked(pack)
}

#[test]
fn what_the_user_holds_changes_which_route_is_best() {
    let graph = two_way_graph();
    let request = query("s", "t");
    let fresh = find_routes(&graph, &request, &SelfAssessment::default()).unwrap();
    assert_eq!(fresh[0].roles(), ids(&["s", "q", "t"]));

    let holding = SelfAssessment {
        held: ["x".into(), "y".into()].into(),
        ..SelfAssessment::default()
    };
    let skilled = find_routes(&graph, &request, &holding).unwrap();
    assert_eq!(skilled[0].roles(), ids(&["s", "p", "t"]));
    assert_eq!(skilled[0].totals.months, months(22, 22));
    assert_eq!(skilled[0].steps[0].already_held, ["x", "y"].map(Into::into));

    let completed = SelfAssessment {
        completed: ["course".into()].into(),
        ..SelfAssessment::default()
    };
    assert_eq!(find_routes(&graph, &request, &completed).unwrap(), skilled);
}

#[test]
fn fewest_new_competencies_prefers_the_route_with_less_to_learn() {
    let graph = two_way_graph();
    let mut request = query("s", "t");
    request.objective = Objective::FewestNewCompetencies;
    let routes = find_routes(&graph, &request, &SelfAssessment::default()).unwrap();
    assert_eq!(routes[0].roles(), ids(&["s", "q", "t"]));
    assert_eq!(routes[0].totals.competencies_to_gain, 1);
    assert_eq!(routes[1].totals.competencies_to_gain, 2);
}

#[test]
fn the_same_roles_in_another_order_are_not_an_alternative() {
    // s-a-b-t and s-b-a-t pass the same roles; s-c-t is a real alternative.
    let graph = RoleGraph::new_unchecked(pack_of(
        vec![role("s"), role("a"), role("b"), role("c"), role("t")],
        vec![
            transition("s", "a", 1, 1),
            transition("a", "b", 1, 1),
            transition("b", "t", 1, 1),
            transition("s", "b", 1, 1),
            transition("b", "a", 1, 1),
            transition("a", "t", 2, 2),
            transition("s", "c", 20, 20),
            transition("c", "t", 20, 20),
        ],
    ));
    let mut request = query("s", "t");
    request.routes = 5;
    let routes = find_routes(&graph, &request, &SelfAssessment::default()).unwrap();
    let roles: Vec<Vec<RoleId>> = routes.iter().map(|r| r.roles()).collect();
    assert_eq!(
        roles,
        vec![
            ids(&["s", "b", "t"]),
            ids(&["s", "a", "t"]),
            ids(&["s", "a", "b", "t"]),
            ids(&["s", "c", "t"]),
        ]
    );
}

#[test]
fn asking_for_no_routes_still_gives_the_best_and_too_many_is_capped() {
    let graph = starter();
    let mut request = query("registered-nurse", "chief-nursing-information-officer");
    request.routes = 0;
    assert_eq!(
        find_routes(&graph, &request, &SelfAssessment::default())
            .unwrap()
            .len(),
        1
    );
    request.routes = 1_000;
    assert_eq!(
        find_routes(&graph, &request, &SelfAssessment::default())
            .unwrap()
            .len(),
        2
    );
}

/// Three band 5 roles and a chief officer at band 8c: the quick way from `a` to `b` goes
/// through the chief officer, the slow way through `c`.
fn detour_graph() -> RoleGraph {
    let mut chief = role("chief");
    chief.bands = BandRange {
        min: Band::B8c,
        max: Band::B9,
    };
    RoleGraph::new_unchecked(pack_of(
        vec![role("a"), role("b"), role("c"), chief],
        vec![
            transition("a", "chief", 1, 2),
            transition("chief", "b", 1, 2),
            transition("a", "c", 20, 30),
            transition("c", "b", 20, 30),
        ],
    ))
}

#[test]
fn a_route_never_passes_through_a_post_above_its_goal() {
    let graph = detour_graph();
    let routes = find_routes(&graph, &query("a", "b"), &SelfAssessment::default()).unwrap();
    assert_eq!(routes[0].roles(), ids(&["a", "c", "b"]));
    assert!(routes
        .iter()
        .all(|route| !route.roles().contains(&RoleId::from("chief"))));
}

#[test]
fn a_post_above_the_goal_is_used_when_asked_for_or_when_it_is_the_start() {
    let graph = detour_graph();
    let mut through = query("a", "b");
    through.constraints.via = Some("chief".into());
    let routes = find_routes(&graph, &through, &SelfAssessment::default()).unwrap();
    assert_eq!(routes[0].roles(), ids(&["a", "chief", "b"]));

    let from_chief = find_routes(&graph, &query("chief", "b"), &SelfAssessment::default()).unwrap();
    assert_eq!(from_chief[0].roles(), ids(&["chief", "b"]));
}

#[test]
fn with_only_a_detour_above_the_goal_there_is_no_route() {
    let mut chief = role("chief");
    chief.bands = BandRange {
        min: Band::B8c,
        max: Band::B9,
    };
    let graph = RoleGraph::new_unchecked(pack_of(
        vec![role("a"), role("b"), chief],
        vec![
            transition("a", "chief", 1, 2),
            transition("chief", "b", 1, 2),
        ],
    ));
    let answer = find_routes(&graph, &query("a", "b"), &SelfAssessment::default());
    assert!(
        matches!(answer, Err(NoRoute::Unreachable { .. })),
        "{answer:?}"
    );
}

/// A support worker can train as a nurse (which gives the registration) or as a
/// nursing associate (which gives theirs, and from which they can top up to nurse).
/// Nurses move into a digital nursing post, which asks for the registration, or into
/// user research, which asks for none; a data post takes support workers directly but
/// slowly.
fn training_graph() -> RoleGraph {
    let mut nurse = role("nurse");
    nurse.requires.all_of = vec!["reg-nurse".into()];
    let mut associate = role("associate");
    associate.requires.all_of = vec!["reg-associate".into()];
    let mut digital_nurse = role("digital-nurse");
    digital_nurse.requires.all_of = vec!["reg-nurse".into()];
    let mut train = transition("support", "nurse", 36, 48);
    train.grants = vec!["reg-nurse".into()];
    let mut train_associate = transition("support", "associate", 18, 24);
    train_associate.grants = vec!["reg-associate".into()];
    let mut top_up = transition("associate", "nurse", 18, 24);
    top_up.grants = vec!["reg-nurse".into()];
    RoleGraph::new_unchecked(pack_of(
        vec![
            role("support"),
            nurse,
            associate,
            digital_nurse,
            role("researcher"),
            role("data"),
        ],
        vec![
            train,
            train_associate,
            top_up,
            transition("nurse", "digital-nurse", 12, 24),
            transition("nurse", "researcher", 6, 12),
            transition("support", "data", 60, 90),
            transition("data", "researcher", 60, 90),
        ],
    ))
}

#[test]
fn a_route_never_trains_for_a_registration_it_does_not_use() {
    let graph = training_graph();
    let mut wide = query("support", "researcher");
    wide.routes = 10;
    let routes = find_routes(&graph, &wide, &SelfAssessment::default()).unwrap();
    // Nurse training and then user research would be quicker, but nothing on it uses
    // the registration: only the slow route through the data post is offered.
    assert_eq!(
        routes.iter().map(|route| route.roles()).collect::<Vec<_>>(),
        vec![ids(&["support", "data", "researcher"])]
    );
    let found = explore(
        &graph,
        &"support".into(),
        400,
        &Constraints::default(),
        &SelfAssessment::default(),
    )
    .unwrap();
    let researcher = found
        .iter()
        .flat_map(|group| &group.roles)
        .find(|reachable| reachable.role == RoleId::from("researcher"))
        .unwrap();
    assert_eq!(researcher.steps, 2);
    assert_eq!(researcher.months, Months { min: 120, max: 180 });
}

#[test]
fn training_is_kept_when_the_route_uses_the_registration() {
    let graph = training_graph();
    let assessment = SelfAssessment::default();
    // The training's own role, a post that asks for the registration, and a top-up
    // from one registration to another all use what was trained for.
    let to_nurse = find_routes(&graph, &query("support", "nurse"), &assessment).unwrap();
    assert_eq!(to_nurse[0].roles(), ids(&["support", "nurse"]));
    let mut wide = query("support", "digital-nurse");
    wide.routes = 10;
    let to_digital = find_routes(&graph, &wide, &assessment).unwrap();
    assert_eq!(
        to_digital
            .iter()
            .map(|route| route.roles())
            .collect::<Vec<_>>(),
        vec![
            ids(&["support", "nurse", "digital-nurse"]),
            ids(&["support", "associate", "nurse", "digital-nurse"]),
        ]
    );
    // Someone already registered trains for nothing, so user research is open to them.
    let registered = SelfAssessment {
        credentials: ["reg-nurse".into()].into_iter().collect(),
        ..SelfAssessment::default()
    };
    let from_nurse = find_routes(&graph, &query("nurse", "researcher"), &registered).unwrap();
    assert_eq!(from_nurse[0].roles(), ids(&["nurse", "researcher"]));
    // A person who asks to go through nurse training gets that route.
    let mut through = query("support", "researcher");
    through.constraints.via = Some("nurse".into());
    let routes = find_routes(&graph, &through, &assessment).unwrap();
    assert_eq!(routes[0].roles(), ids(&["support", "nurse", "researcher"]));
}
