//! Making and changing plans: creation from a route, renaming, copying, deleting with
//! undo, step updates, evidence and pace, each refusing bad input without changing
//! anything.

// Native only: these tests read the starter pack from disk.
#![cfg(not(target_arch = "wasm32"))]

mod core_support;

use core_support::{date, nurse_to_cnio_plan, roles, sample_data, starter_graph};
use foothold::graph::{CompetencyId, RoleId};
use foothold::plan::{
    AppData, Pace, Plan, PlanError, PlanId, StepStatus, MAX_NAME_CHARS, MAX_NOTES_CHARS,
};
use foothold::planner::Objective;

fn nurse_plan() -> Plan {
    nurse_to_cnio_plan("  Nurse to CNIO  ", "p-1-test")
}

#[test]
fn a_plan_from_a_route_has_one_step_per_move_all_not_started() {
    let plan = nurse_plan();
    assert_eq!(plan.name, "Nurse to CNIO");
    assert_eq!(plan.start, RoleId::new("registered-nurse"));
    assert_eq!(
        plan.target,
        RoleId::new("chief-nursing-information-officer")
    );
    assert_eq!(plan.steps.len(), 2);
    assert_eq!(plan.steps[0].to, plan.steps[1].from);
    assert!(plan
        .steps
        .iter()
        .all(|s| s.status == StepStatus::NotStarted));
    assert_eq!(plan.data_version, "2026.11.0-starter");
    assert_eq!(plan.roles().len(), 3);
}

#[test]
fn a_route_with_a_missing_move_is_refused_naming_both_roles() {
    let error = Plan::from_route(
        &starter_graph(),
        &roles(&["administrator", "digital-nurse"]),
        Objective::ShortestTime,
        "Plan",
        date("2026-01-05"),
        PlanId::from("p-1"),
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "The role data has no move from 'Administrator' straight to 'Digital nurse'."
    );
}

#[test]
fn a_route_needs_two_known_roles() {
    let graph = starter_graph();
    let make = |ids: &[&str]| {
        Plan::from_route(
            &graph,
            &roles(ids),
            Objective::ShortestTime,
            "Plan",
            date("2026-01-05"),
            PlanId::from("p-1"),
        )
    };
    assert_eq!(make(&[]), Err(PlanError::RouteTooShort));
    assert_eq!(make(&["registered-nurse"]), Err(PlanError::RouteTooShort));
    assert_eq!(
        make(&["registered-nurse", "astronaut"]),
        Err(PlanError::UnknownRole(RoleId::new("astronaut")))
    );
}

#[test]
fn names_are_trimmed_and_must_be_between_1_and_80_characters() {
    let mut plan = nurse_plan();
    assert_eq!(plan.rename("   "), Err(PlanError::EmptyName));
    let long = "é".repeat(MAX_NAME_CHARS + 1);
    assert_eq!(
        plan.rename(&long),
        Err(PlanError::NameTooLong { chars: 81 })
    );
    assert_eq!(
        plan.name, "Nurse to CNIO",
        "a refused rename changes nothing"
    );
    plan.rename(&"é".repeat(MAX_NAME_CHARS)).unwrap();
    plan.rename(" My plan ").unwrap();
    assert_eq!(plan.name, "My plan");
}

#[test]
fn duplicating_makes_a_copy_just_after_the_original_with_a_new_id() {
    let graph = starter_graph();
    let mut data = sample_data(&graph);
    let original = data.plans[0].clone();
    let copy_id = data
        .duplicate_plan(&original.id, date("2026-02-01"), 99)
        .unwrap();
    assert_eq!(data.plans.len(), 3);
    let copy = &data.plans[1];
    assert_eq!(copy.id, copy_id);
    assert_ne!(copy.id, original.id);
    assert_eq!(copy.name, "Copy of Nurse to CNIO");
    assert_eq!(copy.steps, original.steps, "progress and notes are copied");
    assert_eq!(copy.created, date("2026-02-01"));
}

#[test]
fn copying_a_long_name_stays_within_the_limit() {
    let graph = starter_graph();
    let mut data = sample_data(&graph);
    let id = data.plans[0].id.clone();
    data.rename_plan(&id, &"x".repeat(MAX_NAME_CHARS)).unwrap();
    let copy = data.duplicate_plan(&id, date("2026-02-01"), 1).unwrap();
    assert_eq!(
        data.plan(&copy).unwrap().name.chars().count(),
        MAX_NAME_CHARS
    );
}

#[test]
fn a_deleted_plan_can_be_put_back_where_it_was() {
    let graph = starter_graph();
    let mut data = sample_data(&graph);
    let before = data.clone();
    let first = data.plans[0].id.clone();
    let deleted = data.delete_plan(&first).unwrap();
    assert_eq!(deleted.index, 0);
    assert_eq!(data.plans.len(), 1);
    assert!(data.plan(&first).is_none());
    data.restore(deleted).unwrap();
    assert_eq!(data, before);
}

#[test]
fn deleting_an_unknown_plan_does_nothing() {
    let graph = starter_graph();
    let mut data = sample_data(&graph);
    let before = data.clone();
    assert_eq!(data.delete_plan(&PlanId::from("p-404")), None);
    assert_eq!(data, before);
}

#[test]
fn restoring_after_the_list_shrank_puts_the_plan_last() {
    let graph = starter_graph();
    let mut data = sample_data(&graph);
    let second = data.plans[1].id.clone();
    let first = data.plans[0].id.clone();
    let deleted_second = data.delete_plan(&second).unwrap();
    let _deleted_first = data.delete_plan(&first).unwrap();
    data.restore(deleted_second).unwrap();
    assert_eq!(data.plans.len(), 1);
    assert_eq!(data.plans[0].id, second);
}

#[test]
fn restoring_is_refused_when_the_id_has_been_reused() {
    let graph = starter_graph();
    let mut data = sample_data(&graph);
    let first = data.plans[0].id.clone();
    let deleted = data.delete_plan(&first).unwrap();
    data.add_plan(deleted.plan.clone()).unwrap();
    assert_eq!(
        data.restore(deleted),
        Err(PlanError::DuplicatePlanId(first))
    );
    assert_eq!(data.plans.len(), 2);
}

#[test]
fn steps_take_status_dates_and_notes() {
    let mut plan = nurse_plan();
    plan.set_status(1, StepStatus::InProgress).unwrap();
    plan.set_target_date(1, Some(date("2028-02-29"))).unwrap();
    plan.set_notes(1, "Line one\nLine two").unwrap();
    assert_eq!(plan.steps[1].status, StepStatus::InProgress);
    assert_eq!(plan.steps[1].target_date, Some(date("2028-02-29")));
    assert_eq!(plan.steps[1].notes, "Line one\nLine two");
    plan.set_target_date(1, None).unwrap();
    assert_eq!(plan.steps[1].target_date, None);
}

#[test]
fn a_step_that_does_not_exist_is_reported_by_its_number() {
    let mut plan = nurse_plan();
    let error = plan.set_status(2, StepStatus::Done).unwrap_err();
    assert_eq!(error, PlanError::NoSuchStep { index: 2, steps: 2 });
    assert_eq!(
        error.to_string(),
        "This plan has 2 step(s), so there is no step 3."
    );
}

#[test]
fn notes_longer_than_5000_characters_are_refused_and_the_old_notes_kept() {
    let mut plan = nurse_plan();
    plan.set_notes(0, "kept").unwrap();
    let too_long = "😀".repeat(MAX_NOTES_CHARS + 1);
    assert_eq!(
        plan.set_notes(0, &too_long),
        Err(PlanError::NotesTooLong {
            chars: MAX_NOTES_CHARS + 1
        })
    );
    assert_eq!(plan.steps[0].notes, "kept");
    plan.set_notes(0, &"😀".repeat(MAX_NOTES_CHARS)).unwrap();
}

#[test]
fn changing_a_plan_that_was_deleted_elsewhere_says_so() {
    let mut data = AppData::default();
    let error = data.rename_plan(&PlanId::from("p-9"), "New").unwrap_err();
    assert!(error.to_string().contains("could not be found"));
}

#[test]
fn new_ids_never_clash_with_existing_ones() {
    let graph = starter_graph();
    let mut data = sample_data(&graph);
    for seed in 0..50 {
        let id = data.new_plan_id(seed % 3);
        assert!(data.plan(&id).is_none());
        assert!(id.as_str().starts_with("p-"));
        let mut plan = data.plans[0].clone();
        plan.id = id;
        data.add_plan(plan).unwrap();
    }
}

#[test]
fn adding_a_plan_with_a_used_id_is_refused() {
    let graph = starter_graph();
    let mut data = sample_data(&graph);
    let again = data.plans[0].clone();
    assert!(matches!(
        data.add_plan(again),
        Err(PlanError::DuplicatePlanId(_))
    ));
}

#[test]
fn a_copy_from_elsewhere_gets_a_new_id_and_a_distinct_name() {
    let graph = starter_graph();
    let mut data = sample_data(&graph);
    let incoming = data.plans[0].clone();
    let id = data.add_as_copy(incoming.clone(), 5).unwrap();
    let added = data.plan(&id).unwrap();
    assert_ne!(added.id, incoming.id);
    assert_eq!(added.name, "Nurse to CNIO (copy)");
    assert_eq!(added.steps, incoming.steps);
}

#[test]
fn evidence_is_logged_trimmed_and_listed_by_date() {
    let mut data = AppData::default();
    let competency = CompetencyId::new("data-visualisation");
    data.add_evidence(
        competency.clone(),
        " Built a dashboard ",
        date("2026-03-01"),
        1,
    )
    .unwrap();
    data.add_evidence(competency.clone(), "Ran a workshop", date("2025-12-01"), 1)
        .unwrap();
    data.add_evidence(CompetencyId::new("other"), "Other", date("2025-01-01"), 1)
        .unwrap();
    let listed = data.evidence_for(&competency);
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].what, "Ran a workshop");
    assert_eq!(listed[1].what, "Built a dashboard");
    assert_ne!(listed[0].id, listed[1].id);
}

#[test]
fn empty_evidence_is_refused() {
    let mut data = AppData::default();
    let result = data.add_evidence(CompetencyId::new("x"), " \n ", date("2026-01-01"), 1);
    assert_eq!(result, Err(PlanError::EmptyEvidence));
    assert!(data.evidence.is_empty());
}

#[test]
fn removed_evidence_can_be_put_back_in_place() {
    let graph = starter_graph();
    let mut data = sample_data(&graph);
    data.add_evidence(CompetencyId::new("x"), "Second", date("2026-01-01"), 8)
        .unwrap();
    let before = data.clone();
    let first = data.evidence[0].id.clone();
    let (index, entry) = data.remove_evidence(&first).unwrap();
    assert_eq!(data.evidence.len(), 1);
    data.restore_evidence(index, entry);
    assert_eq!(data, before);
    assert_eq!(data.remove_evidence(&"e-404".into()), None);
}

#[test]
fn part_time_pace_must_be_at_least_a_tenth() {
    let mut data = AppData::default();
    assert_eq!(
        data.set_pace(Pace::PartTime(5)),
        Err(PlanError::PaceOutOfRange(5))
    );
    assert_eq!(
        data.set_pace(Pace::PartTime(101)),
        Err(PlanError::PaceOutOfRange(101))
    );
    assert_eq!(data.pace, Pace::FullTime);
    data.set_pace(Pace::PartTime(60)).unwrap();
    assert_eq!(data.pace.fraction(), 0.6);
    assert_eq!(data.pace.label(), "Part time (60%)");
}

#[test]
fn a_saved_pace_out_of_range_never_divides_by_zero() {
    assert_eq!(Pace::PartTime(0).fraction(), 0.1);
    assert_eq!(Pace::PartTime(250).fraction(), 1.0);
}
