//! Shared helpers for the plan, store and share tests: the starter graph, a realistic
//! set of user data, and proptest strategies for arbitrary user data.

#![allow(dead_code)]

use foothold::graph::{
    source::read_pack_folder, CompetencyId, CredentialId, OpportunityId, RoleGraph, RoleId,
};
use foothold::plan::{
    AppData, Date, EvidenceEntry, EvidenceId, Pace, Plan, PlanId, PlanStep, StepStatus, Timestamp,
};
use foothold::planner::{Objective, SelfAssessment};
use proptest::prelude::*;
use std::path::Path;

/// The small fixed pack every test can rely on.
pub fn starter_graph() -> RoleGraph {
    let pack =
        read_pack_folder(Path::new("tests/fixtures/starter-pack")).expect("starter pack reads");
    RoleGraph::new(pack).expect("starter pack is valid")
}

pub fn date(text: &str) -> Date {
    text.parse().expect("test dates are valid")
}

pub fn roles(ids: &[&str]) -> Vec<RoleId> {
    ids.iter().map(|id| RoleId::new(*id)).collect()
}

/// The starter pack's registered nurse → digital nurse → CNIO route as a fresh plan
/// dated 5 January 2026, with the given name and id.
#[allow(dead_code)]
pub fn nurse_to_cnio_plan(name: &str, id: &str) -> foothold::plan::Plan {
    foothold::plan::Plan::from_route(
        &starter_graph(),
        &roles(&[
            "registered-nurse",
            "digital-nurse",
            "chief-nursing-information-officer",
        ]),
        foothold::planner::Objective::ShortestTime,
        name,
        date("2026-01-05"),
        foothold::plan::PlanId::from(id),
    )
    .expect("the starter route makes a plan")
}

/// A nurse-to-CNIO plan and an administrator-to-analyst plan, with some progress,
/// dates, notes and evidence: what a real user might have after a few weeks.
pub fn sample_data(graph: &RoleGraph) -> AppData {
    let today = date("2026-01-05");
    let mut data = AppData::default();
    let nurse = Plan::from_route(
        graph,
        &roles(&[
            "registered-nurse",
            "digital-nurse",
            "chief-nursing-information-officer",
        ]),
        Objective::ShortestTime,
        "Nurse to CNIO",
        today,
        data.new_plan_id(1),
    )
    .expect("a route of real moves");
    data.add_plan(nurse).expect("fresh id");
    let analyst = Plan::from_route(
        graph,
        &roles(&["administrator", "data-technician", "data-analyst"]),
        Objective::FewestSteps,
        "Into data; via the apprenticeship",
        today,
        data.new_plan_id(2),
    )
    .expect("a route of real moves");
    data.add_plan(analyst).expect("fresh id");
    let first = data.plans[0].id.clone();
    let plan = data.plan_mut(&first).expect("just added");
    plan.set_status(0, StepStatus::Done).expect("step exists");
    plan.set_status(1, StepStatus::InProgress)
        .expect("step exists");
    plan.set_target_date(1, Some(date("2027-03-31")))
        .expect("step exists");
    plan.set_notes(
        1,
        "Ask the CNIO about shadowing, and the \"Digital\" network; café at 5pm",
    )
    .expect("short notes");
    data.assessment
        .held
        .insert(CompetencyId::new("clinical-governance"));
    data.assessment
        .completed
        .insert(OpportunityId::new("digital-health-leadership-programme"));
    data.add_evidence(
        CompetencyId::new("change-and-adoption"),
        "Led the e-obs roll-out on ward 7",
        date("2025-11-20"),
        3,
    )
    .expect("evidence is valid");
    data.pace = Pace::PartTime(60);
    data.last_screen = Some("/plans".to_owned());
    data
}

fn arb_date() -> impl Strategy<Value = Date> {
    (1990i32..2100, 1u8..=12, 1u8..=28)
        .prop_map(|(y, m, d)| Date::new(y, m, d).expect("day 1 to 28 always exists"))
}

fn arb_status() -> impl Strategy<Value = StepStatus> {
    prop::sample::select(StepStatus::ALL.to_vec())
}

fn arb_role() -> impl Strategy<Value = RoleId> {
    prop::sample::select(vec![
        "registered-nurse",
        "digital-nurse",
        "chief-nursing-information-officer",
        "administrator",
        "data-technician",
        "data-analyst",
        "a-role-from-another-version",
    ])
    .prop_map(RoleId::new)
}

/// Any text a person might type into notes: letters from many scripts, emoji,
/// punctuation that needs escaping in JSON and calendars, and line breaks.
pub fn arb_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::char::range('a', 'z'),
            1 => prop::sample::select(vec![' ', '\n', '\r', '\t', '"', '\\', ';', ',', '<', '&', 'é', '€', '漢', '😀', '\u{200b}']),
            1 => any::<char>(),
        ],
        0..max,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

/// A plan name: 1 to 60 characters that do not trim to nothing.
pub fn arb_name() -> impl Strategy<Value = String> {
    (prop::char::range('A', 'Z'), arb_text(59)).prop_map(|(first, rest)| format!("{first}{rest}"))
}

/// A sound plan (steps join up) with arbitrary names, statuses, dates and notes.
pub fn arb_plan(counter: u64) -> impl Strategy<Value = Plan> {
    (
        arb_name(),
        arb_date(),
        arb_role(),
        prop::collection::vec(
            (
                arb_role(),
                arb_status(),
                prop::option::of(arb_date()),
                arb_text(120),
            ),
            1..5,
        ),
        prop::sample::select(vec![
            Objective::ShortestTime,
            Objective::FewestSteps,
            Objective::FewestNewCompetencies,
        ]),
        any::<u64>(),
    )
        .prop_map(move |(name, created, start, hops, objective, seed)| {
            let mut from = start.clone();
            let steps: Vec<PlanStep> = hops
                .into_iter()
                .map(|(to, status, target_date, notes)| {
                    let step = PlanStep {
                        from: from.clone(),
                        to: to.clone(),
                        status,
                        target_date,
                        actions_done: notes
                            .split_whitespace()
                            .take(2)
                            .map(str::to_owned)
                            .collect(),
                        notes,
                    };
                    from = to;
                    step
                })
                .collect();
            Plan {
                id: PlanId::generate(counter, seed),
                name,
                created,
                start,
                target: from,
                objective,
                steps,
                data_version: "2026.11.0".to_owned(),
            }
        })
}

/// Sound user data: up to four plans with distinct ids, evidence, an assessment and a pace.
pub fn arb_app_data() -> impl Strategy<Value = AppData> {
    (
        prop::collection::vec(arb_plan(0), 0..4),
        prop::collection::vec((arb_role(), arb_text(80), arb_date()), 0..4),
        prop::collection::btree_set(
            prop::sample::select(vec![
                "clinical-governance",
                "data-preparation",
                "digital-strategy",
            ]),
            0..3,
        ),
        prop_oneof![Just(Pace::FullTime), (10u8..=100).prop_map(Pace::PartTime)],
        prop::option::of("/[a-z]{1,10}"),
        prop::option::of(0i64..4_000_000_000_000),
        prop::collection::btree_set(
            prop::sample::select(vec!["nmc-nurse", "gphc-pharmacist"]),
            0..2,
        ),
    )
        .prop_map(
            |(plans, evidence, held, pace, last_screen, last_export, credentials)| {
                let plans = plans
                    .into_iter()
                    .enumerate()
                    .map(|(i, plan)| Plan {
                        id: PlanId::generate(i as u64 + 1, i as u64),
                        ..plan
                    })
                    .collect();
                let evidence = evidence
                    .into_iter()
                    .enumerate()
                    .map(|(i, (competency, what, when))| EvidenceEntry {
                        id: EvidenceId::generate(i as u64 + 1, 9),
                        competency: CompetencyId::new(competency.as_str()),
                        what: format!("Did {what}"),
                        when,
                    })
                    .collect();
                AppData {
                    plans,
                    assessment: SelfAssessment {
                        held: held.into_iter().map(CompetencyId::new).collect(),
                        completed: Default::default(),
                        credentials: credentials.into_iter().map(CredentialId::new).collect(),
                    },
                    evidence,
                    pace,
                    last_screen,
                    last_export: last_export
                        .map(|millis| Timestamp::from_unix_millis(millis / 1000 * 1000)),
                }
            },
        )
}
