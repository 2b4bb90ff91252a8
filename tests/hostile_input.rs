//! Data from outside that tries to break something: ids that would write extra lines
//! into a calendar, plans and values beyond every limit, and storage keys chosen to make
//! the quarantine counter overwrite a kept copy. Each is refused with a plain message,
//! replaced, or kept apart, and nothing is lost.

// Native only: these tests read the starter pack from disk.
#![cfg(not(target_arch = "wasm32"))]

mod core_support;

use core_support::{sample_data, starter_graph};
use foothold::plan::{
    AppData, Pace, PlanError, PlanId, PlanStep, Timestamp, MAX_LAST_SCREEN_CHARS, MAX_PLANS,
    MAX_STEPS_PER_PLAN,
};
use foothold::share::{
    apply, calendar_ics, export_all, parse_import, read_share_fragment, share_fragment,
    ImportError, ImportMode, ShareError,
};
use foothold::store::{KeyValueStore, Loaded, MemoryStore, Store, DATA_KEY};

const VERSION: &str = "2026.11.0-starter";

fn now() -> Timestamp {
    "2026-11-25T09:30:00Z".parse().unwrap()
}

fn export_bytes(data: &AppData) -> Vec<u8> {
    export_all(data, VERSION, now()).contents.into_bytes()
}

/// A plan that walks back and forth between two roles, `steps` times.
fn long_plan(steps: usize) -> foothold::plan::Plan {
    let mut plan = sample_data(&starter_graph()).plans[0].clone();
    let (a, b) = (plan.start.clone(), plan.steps[0].to.clone());
    plan.steps = (0..steps)
        .map(|i| {
            if i % 2 == 0 {
                PlanStep::new(a.clone(), b.clone())
            } else {
                PlanStep::new(b.clone(), a.clone())
            }
        })
        .collect();
    plan.target = if steps % 2 == 0 { a } else { b };
    plan
}

#[test]
fn an_imported_plan_id_with_a_line_break_is_replaced_and_the_mapping_kept() {
    let mut data = sample_data(&starter_graph());
    data.plans[0].id = PlanId::from("p-1\r\nATTACH:https://evil.example/x");
    let preview = parse_import(&export_bytes(&data)).unwrap();
    let new_id = &preview.data.plans[0].id;
    assert!(new_id.is_well_formed(), "{new_id}");
    assert_eq!(
        preview.replaced_ids,
        vec![(
            "p-1\r\nATTACH:https://evil.example/x".to_owned(),
            new_id.to_string()
        )]
    );
    assert!(preview.summary().contains("given a new one"));
    // The other plan keeps its own id.
    assert_eq!(preview.data.plans[1].id, data.plans[1].id);
}

#[test]
fn ids_in_the_apps_own_form_are_accepted_and_others_are_not() {
    for good in ["p-1", "p-1-v1", "p-12-k9x2qa", "p-extra-copy"] {
        assert!(PlanId::from(good).is_well_formed(), "{good}");
    }
    let too_long = format!("p-{}", "a".repeat(70));
    for bad in [
        "", "p", "p-", "e-1-abc", "p-1\n", "p-1 x", "p-1;x", "P-1", "p-é", &too_long,
    ] {
        assert!(!PlanId::from(bad).is_well_formed(), "{bad:?}");
    }
}

#[test]
fn a_shared_plan_with_a_hostile_id_opens_with_a_fresh_well_formed_one() {
    let mut plan = sample_data(&starter_graph()).plans[0].clone();
    plan.id = PlanId::from("x\nBEGIN:VEVENT");
    let link = share_fragment(&plan);
    let opened = read_share_fragment(&link).unwrap();
    assert!(opened.id.is_well_formed(), "{}", opened.id);
    assert_eq!(read_share_fragment(&link).unwrap().id, opened.id, "stable");
    assert_eq!(opened.name, plan.name);
}

#[test]
fn the_calendar_escapes_an_id_that_reaches_it_unchecked() {
    let graph = starter_graph();
    let mut plan = sample_data(&graph).plans[0].clone();
    plan.set_target_date(0, Some("2026-09-01".parse().unwrap()))
        .unwrap();
    plan.id = PlanId::from("p-1\r\nATTACH:https://evil.example/x;y,z\\");
    let ics = calendar_ics(&plan, &graph, now());
    assert!(
        ics.contains("UID:p-1\\nATTACH:https://evil.example/x\\;y\\,z\\\\-step-1@foothold\r\n"),
        "{ics}"
    );
    assert!(!ics.contains("\r\nATTACH"));
}

#[test]
fn a_shared_plan_with_ten_thousand_steps_is_refused_with_a_message() {
    // Steps written as briefly as JSON allows, as in the 2.3 kB link that froze the page.
    let plan = long_plan(10_000);
    let steps: Vec<serde_json::Value> = plan
        .steps
        .iter()
        .map(|step| serde_json::json!({ "from": step.from, "to": step.to }))
        .collect();
    let json = serde_json::json!({ "v": 1, "plan": {
        "id": plan.id, "name": plan.name, "created": plan.created, "start": plan.start,
        "target": plan.target, "steps": steps, "data_version": plan.data_version } });
    let packed = miniz_oxide::deflate::compress_to_vec(&serde_json::to_vec(&json).unwrap(), 9);
    let link = format!("#/shared/{}", foothold::share::base64url::encode(&packed));
    assert!(
        link.len() < 10_000,
        "a short link: {} characters",
        link.len()
    );
    let error = read_share_fragment(&link).unwrap_err();
    assert!(matches!(error, ShareError::NotAPlan(_)), "{error:?}");
    assert!(
        error
            .to_string()
            .contains(&format!("a plan can have at most {MAX_STEPS_PER_PLAN}")),
        "{error}"
    );
    // The longest plan allowed still opens.
    assert!(read_share_fragment(&share_fragment(&long_plan(MAX_STEPS_PER_PLAN))).is_ok());
}

#[test]
fn an_import_with_too_many_steps_or_plans_is_refused_with_a_message() {
    let mut data = AppData::default();
    data.plans.push(long_plan(MAX_STEPS_PER_PLAN + 1));
    let error = parse_import(&export_bytes(&data)).unwrap_err();
    assert!(error.to_string().contains("steps"), "{error}");

    let mut data = AppData::default();
    for n in 0..=MAX_PLANS {
        let mut plan = long_plan(1);
        plan.id = PlanId::generate(n as u64 + 1, n as u64);
        data.plans.push(plan);
    }
    let error = parse_import(&export_bytes(&data)).unwrap_err();
    assert!(
        error
            .to_string()
            .contains(&format!("Foothold keeps at most {MAX_PLANS}")),
        "{error}"
    );
}

#[test]
fn adding_copies_past_the_plan_limit_is_refused_and_changes_nothing() {
    let mut existing = AppData::default();
    for n in 0..MAX_PLANS - 1 {
        existing
            .add_as_copy(long_plan(1), n as u64)
            .expect("under the limit");
    }
    let preview = parse_import(&export_bytes(&sample_data(&starter_graph()))).unwrap();
    assert_eq!(
        apply(&existing, &preview, ImportMode::AddAsCopies),
        Err(PlanError::TooManyPlans)
    );
    existing.add_as_copy(long_plan(1), 7).expect("the last one");
    assert_eq!(
        existing.add_as_copy(long_plan(1), 8),
        Err(PlanError::TooManyPlans)
    );
    assert_eq!(existing.plans.len(), MAX_PLANS);
    assert!(PlanError::TooManyPlans
        .to_string()
        .contains("Delete a plan you no longer need"));
}

#[test]
fn an_imported_pace_of_0_or_255_percent_is_refused_with_a_message() {
    for percent in [0u8, 9, 101, 255] {
        let data = AppData {
            pace: Pace::PartTime(percent),
            ..AppData::default()
        };
        let error = parse_import(&export_bytes(&data)).unwrap_err();
        assert!(matches!(error, ImportError::Damaged(_)));
        assert!(
            error
                .to_string()
                .contains(&format!("working pace is {percent}% of full time")),
            "{error}"
        );
    }
    for percent in [10u8, 100] {
        let data = AppData {
            pace: Pace::PartTime(percent),
            ..AppData::default()
        };
        assert!(parse_import(&export_bytes(&data)).is_ok());
    }
}

#[test]
fn a_very_long_address_is_not_remembered_as_the_last_screen() {
    let mut data = AppData::default();
    assert!(data.remember_screen("/plans"));
    assert_eq!(data.last_screen.as_deref(), Some("/plans"));
    let long = format!("/roles/{}", "a".repeat(MAX_LAST_SCREEN_CHARS));
    assert!(data.remember_screen(&long), "the old screen is dropped");
    assert_eq!(data.last_screen, None);
    assert!(!data.remember_screen(&long), "nothing more to change");
}

#[test]
fn an_error_quoting_a_huge_value_stays_readable() {
    let text = format!(
        r#"{{"app":"foothold","schema":2,"saved_at":"2026-11-25T09:30:00Z","data":{{"pace":"{}"}}}}"#,
        "x".repeat(100_000)
    );
    let error = parse_import(text.as_bytes()).unwrap_err();
    assert!(
        error.to_string().len() < 600,
        "{} bytes",
        error.to_string().len()
    );
}

#[test]
fn the_quarantine_counter_never_wraps_onto_a_kept_copy() {
    let mut storage = MemoryStore::new();
    let top = format!("foothold.quarantine.{}", u64::MAX);
    storage.set(&top, "kept at the top").unwrap();
    storage
        .set("foothold.quarantine.0", "kept at zero")
        .unwrap();
    storage.set("foothold.quarantine.1", "kept at one").unwrap();
    storage.set(DATA_KEY, "{ not json").unwrap();
    let mut store = Store::new(storage);
    let Loaded::Recovered(recovery) = store.load().unwrap() else {
        panic!("unreadable data is recovered");
    };
    let kept_as = recovery.kept_as.expect("moved aside");
    assert_eq!(kept_as, "foothold.quarantine.2");
    let storage = store.storage();
    assert_eq!(
        storage.get(&kept_as).unwrap().as_deref(),
        Some("{ not json")
    );
    assert_eq!(
        storage.get(&top).unwrap().as_deref(),
        Some("kept at the top")
    );
    assert_eq!(
        storage.get("foothold.quarantine.0").unwrap().as_deref(),
        Some("kept at zero")
    );
    assert_eq!(
        storage.get("foothold.quarantine.1").unwrap().as_deref(),
        Some("kept at one")
    );
}

#[test]
fn a_plan_route_longer_than_the_step_limit_is_refused() {
    let graph = starter_graph();
    let plan = long_plan(2);
    let roles: Vec<_> = std::iter::once(plan.start.clone())
        .chain((0..=MAX_STEPS_PER_PLAN).map(|i| plan.steps[i % 2].to.clone()))
        .collect();
    let error = foothold::plan::Plan::from_route(
        &graph,
        &roles,
        Default::default(),
        "Too long",
        "2026-01-05".parse().unwrap(),
        PlanId::generate(1, 1),
    )
    .unwrap_err();
    assert_eq!(
        error,
        PlanError::TooManySteps {
            steps: MAX_STEPS_PER_PLAN + 1
        }
    );
    assert!(error.to_string().contains("up to 50 steps"));
}
