//! The print model gathers a plan's route, steps, competencies, evidence and
//! development into plain data.

// Native only: these tests read the starter pack from disk.
#![cfg(not(target_arch = "wasm32"))]

mod core_support;

use core_support::{date, sample_data, starter_graph};
use foothold::graph::RoleId;
use foothold::plan::StepStatus;
use foothold::share::PrintablePlan;

fn nurse_page() -> PrintablePlan {
    let graph = starter_graph();
    let data = sample_data(&graph);
    PrintablePlan::new(&data.plans[0], &graph, &data, date("2026-01-05"))
}

#[test]
fn the_page_names_the_route_by_role_titles() {
    let page = nurse_page();
    assert_eq!(page.name, "Nurse to CNIO");
    assert_eq!(page.start, "Registered nurse");
    assert_eq!(page.target, "Chief nursing information officer");
    assert_eq!(
        page.route,
        vec![
            "Registered nurse",
            "Digital nurse",
            "Chief nursing information officer"
        ]
    );
    assert_eq!(page.objective, "Shortest typical time");
    assert_eq!(page.printed, date("2026-01-05"));
    assert!(page.data_source.starts_with(
        "Made with Foothold, role data version 2026.11.0-starter (facts last checked "
    ));
    assert!(
        !page.data_source.contains("Starter pack"),
        "the footer names no organisation"
    );
}

/// A page for a one-step plan on the bundled role data, read without validation so the
/// print model is tested apart from the data's own checks.
fn bundled_page() -> foothold::share::PrintablePlan {
    use foothold::graph::{bundled_pack_data, RoleGraph};
    use foothold::plan::{AppData, Plan, PlanId};
    use foothold::planner::Objective;
    let Ok(pack) = bundled_pack_data() else {
        panic!("the bundled pack reads");
    };
    let graph = RoleGraph::new_unchecked(pack);
    let move_ = graph.transitions()[0].clone();
    let today = date("2026-01-05");
    let Ok(plan) = Plan::from_route(
        &graph,
        &[move_.from.clone(), move_.to.clone()],
        Objective::ShortestTime,
        "For appraisal",
        today,
        PlanId::generate(1, 1),
    ) else {
        panic!("a plan from a move in the data");
    };
    foothold::share::PrintablePlan::new(&plan, &graph, &AppData::default(), today)
}

#[test]
fn the_reason_is_true_whichever_suggested_route_was_saved() {
    let page = bundled_page();
    assert_eq!(
        page.reason,
        "Chosen by the person from the routes Foothold suggested, which it listed by shortest typical time."
    );
    assert!(!page.reason.starts_with("Shortest"));
}

#[test]
fn the_page_carries_the_person_s_name_and_says_the_plan_is_theirs() {
    let page = bundled_page();
    assert_eq!(page.person, None);
    assert!(page.ownership.starts_with("This is the person's own plan"));
    assert!(page
        .data_source
        .starts_with("Made with Foothold, role data version "));
    let named = bundled_page().for_person("  Sam Patel ");
    assert_eq!(named.person.as_deref(), Some("Sam Patel"));
    assert!(named.ownership.starts_with("This is Sam Patel's own plan"));
    assert_eq!(bundled_page().for_person("   ").person, None);
}

#[test]
fn medical_pay_reads_in_plain_words() {
    use foothold::graph::{Band, BandRange};
    use foothold::share::pay_in_words;
    let medical = BandRange {
        min: Band::MedicalContract,
        max: Band::MedicalContract,
    };
    assert_eq!(
        pay_in_words(&medical),
        "Paid on a medical contract (the doctors' pay scales), not on Agenda for Change bands"
    );
    let range = BandRange {
        min: Band::B8c,
        max: Band::B9,
    };
    assert_eq!(pay_in_words(&range), "Agenda for Change bands 8c to 9");
    let one = BandRange {
        min: Band::B5,
        max: Band::B5,
    };
    assert_eq!(pay_in_words(&one), "Agenda for Change band 5");
}

#[test]
fn steps_carry_status_dates_notes_and_typical_times() {
    let page = nurse_page();
    let second = &page.steps[1];
    assert_eq!(second.number, 2);
    assert_eq!(
        (second.from.as_str(), second.to.as_str()),
        ("Digital nurse", "Chief nursing information officer")
    );
    assert_eq!(second.status, StepStatus::InProgress);
    assert_eq!(second.status_label, "In progress");
    assert_eq!(second.target_date, Some(date("2027-03-31")));
    assert!(second.notes.starts_with("Ask the CNIO"));
    assert_eq!(second.typical_time.as_deref(), Some("3 to 6 years"));
    assert_eq!(second.evidence_grade, Some("Informed estimate"));
    assert!(second.in_data);
}

#[test]
fn competencies_are_split_into_to_gain_and_already_held() {
    let page = nurse_page();
    let first = &page.steps[0];
    let names = |list: &[foothold::share::PrintCompetency]| {
        list.iter().map(|c| c.name.clone()).collect::<Vec<_>>()
    };
    assert_eq!(names(&first.to_gain), vec!["Change and adoption"]);
    assert_eq!(
        first.to_gain[0].evidence[0].what,
        "Led the e-obs roll-out on ward 7"
    );
    let second = &page.steps[1];
    // Digital strategy is held through the completed leadership programme.
    assert_eq!(
        names(&second.to_gain),
        vec!["Leading informatics teams and projects"]
    );
    assert_eq!(names(&second.already_held), vec!["Digital strategy"]);
    assert_eq!(second.opportunities.len(), 1);
    assert_eq!(
        second.opportunities[0].title,
        "Digital Health Leadership Programme"
    );
    assert!(second.opportunities[0].completed);
    assert_eq!(second.opportunities[0].kind, "Leadership programme");
    assert_eq!(
        names(&page.held),
        vec!["Clinical governance", "Digital strategy"]
    );
}

#[test]
fn the_page_includes_the_evidence_log_progress_and_projection() {
    let page = nurse_page();
    assert_eq!(page.evidence.len(), 1);
    assert_eq!(page.evidence[0].competency, "Change and adoption");
    assert_eq!(page.progress.percent(), 50);
    assert_eq!(page.projection.months, 45);
    assert_eq!(page.pace, "Part time (60%)");
}

#[test]
fn a_step_whose_move_has_gone_still_prints_as_saved() {
    let graph = starter_graph();
    let mut data = sample_data(&graph);
    data.plans[0].steps[1].to = RoleId::new("retired-role");
    data.plans[0].target = RoleId::new("retired-role");
    let page = PrintablePlan::new(&data.plans[0], &graph, &data, date("2026-01-05"));
    let step = &page.steps[1];
    assert!(!step.in_data);
    assert_eq!(step.to, "retired-role");
    assert_eq!(step.typical_time, None);
    assert!(step.to_gain.is_empty());
    assert!(step.notes.starts_with("Ask the CNIO"));
    assert_eq!(page.projection.unestimated_steps, 1);
}
