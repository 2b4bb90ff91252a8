//! The dashboard: progress, next steps, upcoming and overdue dates, and projected
//! finish dates at the user's pace.

// Native only: these tests read the starter pack from disk.
#![cfg(not(target_arch = "wasm32"))]

mod core_support;

use core_support::{date, nurse_to_cnio_plan, sample_data, starter_graph};
use foothold::graph::RoleId;
use foothold::plan::{AppData, Dashboard, Pace, Plan, Progress, StepStatus, Timestamp};

fn nurse_plan() -> Plan {
    // Typical months: nurse to digital nurse 12-24 (middle 18), digital nurse to CNIO
    // 36-72 (middle 54).
    nurse_to_cnio_plan("Nurse to CNIO", "p-1")
}

#[test]
fn progress_counts_done_and_skipped_as_finished() {
    let mut plan = nurse_plan();
    assert_eq!(plan.progress().percent(), 0);
    plan.set_status(0, StepStatus::Skipped).unwrap();
    let progress = plan.progress();
    assert_eq!((progress.finished(), progress.total), (1, 2));
    assert_eq!(progress.percent(), 50);
    assert!(!progress.is_complete());
    plan.set_status(1, StepStatus::Done).unwrap();
    assert!(plan.progress().is_complete());
    assert_eq!(plan.progress().percent(), 100);
}

#[test]
fn percent_rounds_down_so_100_means_finished() {
    let progress = Progress {
        done: 2,
        skipped: 0,
        in_progress: 1,
        total: 3,
    };
    assert_eq!(progress.percent(), 66);
    let almost = Progress {
        done: 199,
        skipped: 0,
        in_progress: 0,
        total: 200,
    };
    assert_eq!(almost.percent(), 99);
}

#[test]
fn the_next_step_is_the_first_not_done_or_skipped() {
    let mut plan = nurse_plan();
    assert_eq!(plan.next_step().unwrap().index, 0);
    plan.set_status(0, StepStatus::Done).unwrap();
    plan.set_status(1, StepStatus::InProgress).unwrap();
    let next = plan.next_step().unwrap();
    assert_eq!(next.index, 1);
    assert_eq!(next.to, RoleId::new("chief-nursing-information-officer"));
    assert_eq!(next.status, StepStatus::InProgress);
    plan.set_status(1, StepStatus::Done).unwrap();
    assert_eq!(plan.next_step(), None);
}

#[test]
fn projection_adds_the_middle_of_each_remaining_move() {
    let graph = starter_graph();
    let today = date("2026-01-31");
    let plan = nurse_plan();
    let projection = plan.projection(&graph, Pace::FullTime, today);
    assert_eq!(projection.months, 18 + 54);
    assert_eq!(projection.finish, date("2032-01-31"));
    assert_eq!(projection.unestimated_steps, 0);
}

#[test]
fn full_time_on_it_counts_the_short_end_of_each_move() {
    let graph = starter_graph();
    let today = date("2026-01-31");
    let mut plan = nurse_plan();
    let projection = plan.projection(&graph, Pace::FullTimeOnIt, today);
    assert_eq!(projection.months, 12 + 36);
    assert_eq!(projection.finish, date("2030-01-31"));
    plan.set_status(0, StepStatus::InProgress).unwrap();
    assert_eq!(
        plan.projection(&graph, Pace::FullTimeOnIt, today).months,
        6 + 36
    );
}

#[test]
fn a_step_in_progress_counts_half_and_a_finished_one_nothing() {
    let graph = starter_graph();
    let today = date("2026-01-31");
    let mut plan = nurse_plan();
    plan.set_status(0, StepStatus::Done).unwrap();
    plan.set_status(1, StepStatus::InProgress).unwrap();
    let projection = plan.projection(&graph, Pace::FullTime, today);
    assert_eq!(projection.months, 27);
    assert_eq!(
        projection.finish,
        date("2028-04-30"),
        "31 April does not exist"
    );
}

#[test]
fn part_time_stretches_the_projection_and_rounds_up() {
    let graph = starter_graph();
    let today = date("2026-01-05");
    let plan = nurse_plan();
    assert_eq!(
        plan.projection(&graph, Pace::PartTime(60), today).months,
        120
    );
    // 72 / 0.7 = 102.86 months.
    assert_eq!(
        plan.projection(&graph, Pace::PartTime(70), today).months,
        103
    );
}

#[test]
fn a_finished_plan_projects_today() {
    let graph = starter_graph();
    let today = date("2026-01-05");
    let mut plan = nurse_plan();
    plan.set_status(0, StepStatus::Done).unwrap();
    plan.set_status(1, StepStatus::Skipped).unwrap();
    let projection = plan.projection(&graph, Pace::PartTime(10), today);
    assert_eq!((projection.months, projection.finish), (0, today));
}

#[test]
fn steps_whose_move_has_gone_are_counted_as_unestimated() {
    let graph = starter_graph();
    let mut plan = nurse_plan();
    plan.steps[1].to = RoleId::new("a-role-from-another-version");
    let projection = plan.projection(&graph, Pace::FullTime, date("2026-01-05"));
    assert_eq!(projection.months, 18);
    assert_eq!(projection.unestimated_steps, 1);
}

#[test]
fn dates_are_split_into_upcoming_and_overdue_across_plans() {
    let graph = starter_graph();
    let today = date("2026-06-15");
    let mut data = sample_data(&graph);
    let (first, second) = (data.plans[0].id.clone(), data.plans[1].id.clone());
    // The first plan's step 2 is dated 2027-03-31 by the sample data.
    let plan = data.plan_mut(&first).unwrap();
    plan.set_target_date(0, Some(date("2026-01-01"))).unwrap(); // done, so ignored
    let plan = data.plan_mut(&second).unwrap();
    plan.set_target_date(0, Some(date("2026-06-15"))).unwrap(); // today counts as upcoming
    plan.set_target_date(1, Some(date("2026-06-14"))).unwrap(); // yesterday is overdue
    let dashboard = Dashboard::new(&data, &graph, today);
    let upcoming: Vec<_> = dashboard
        .upcoming
        .iter()
        .map(|d| (d.date, d.days_away))
        .collect();
    assert_eq!(
        upcoming,
        vec![(date("2026-06-15"), 0), (date("2027-03-31"), 289)]
    );
    assert_eq!(dashboard.upcoming[0].plan_id, second);
    assert_eq!(dashboard.overdue.len(), 1);
    assert_eq!(dashboard.overdue[0].days_away, -1);
    assert_eq!(dashboard.overdue[0].index, 1);
}

#[test]
fn the_dashboard_shows_every_plan_in_order_with_the_users_pace() {
    let graph = starter_graph();
    let today = date("2026-01-05");
    let data = sample_data(&graph);
    let dashboard = Dashboard::new(&data, &graph, today);
    assert_eq!(dashboard.plans.len(), 2);
    let nurse = &dashboard.plans[0];
    assert_eq!(nurse.name, "Nurse to CNIO");
    assert_eq!(nurse.progress.percent(), 50);
    assert_eq!(nurse.next_step.as_ref().unwrap().index, 1);
    // 27 months in progress at 60% is 45 months.
    assert_eq!(nurse.projection.months, 45);
    let analyst = &dashboard.plans[1];
    // 15 + 18 = 33 months at 60% is 55 months.
    assert_eq!(analyst.projection.months, 55);
}

#[test]
fn an_empty_dashboard_has_nothing_to_show() {
    let dashboard = Dashboard::new(&AppData::default(), &starter_graph(), date("2026-01-05"));
    assert!(dashboard.plans.is_empty() && dashboard.upcoming.is_empty());
}

#[test]
fn an_export_reminder_is_due_until_exported_and_again_after_30_days() {
    let graph = starter_graph();
    let mut data = sample_data(&graph);
    let day = |text: &str| -> Timestamp { format!("{text}T12:00:00Z").parse().unwrap() };
    let first = data.export_reminder(day("2026-01-05")).unwrap();
    assert!(first.contains("only kept in this browser"), "{first}");
    data.mark_exported(day("2026-01-05"));
    assert_eq!(
        data.export_reminder(day("2026-02-03")),
        None,
        "29 days later"
    );
    let again = data.export_reminder(day("2026-02-04")).unwrap();
    assert_eq!(
        again,
        "You last exported your plans on 5 January 2026. Export them again to keep your copy up to date."
    );
    data.plans.clear();
    assert_eq!(
        data.export_reminder(day("2026-06-01")),
        None,
        "nothing to lose"
    );
}
