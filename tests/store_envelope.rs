//! The storage envelope: round trips, reading every older schema from committed
//! fixtures, and refusing newer or foreign documents with an error value.

// Native only: these tests read the starter pack from disk.
#![cfg(not(target_arch = "wasm32"))]

mod core_support;

use core_support::{arb_app_data, date, sample_data, starter_graph};
use foothold::graph::{CompetencyId, CredentialId, RoleId};
use foothold::plan::{migrate_roles, Pace, PlanId, StepStatus, Timestamp};
use foothold::planner::Objective;
use foothold::store::{
    decode, encode, encode_with, EnvelopeKind, ExportScope, Header, StoreError, CURRENT_SCHEMA,
    OLDEST_SCHEMA,
};
use proptest::prelude::*;

fn fixture(name: &str) -> String {
    let path = format!("tests/fixtures/store/{name}");
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn stamp(text: &str) -> Timestamp {
    text.parse().unwrap()
}

#[test]
fn every_schema_from_the_oldest_has_a_fixture_that_still_reads() {
    for schema in OLDEST_SCHEMA..=CURRENT_SCHEMA {
        let decoded = decode(&fixture(&format!("v{schema}.json")))
            .unwrap_or_else(|error| panic!("schema {schema}: {error}"));
        assert_eq!(decoded.schema_was, schema);
        assert_eq!(decoded.migrated, schema != CURRENT_SCHEMA);
    }
}

#[test]
fn a_schema_1_plan_is_upgraded_with_progress_and_notes_kept() {
    let decoded = decode(&fixture("v1.json")).unwrap();
    assert!(decoded.migrated);
    assert_eq!(decoded.schema_was, 1);
    assert_eq!(decoded.data_version, "2026.06.0");
    assert_eq!(decoded.saved_at, stamp("2026-06-14T08:12:00Z"));
    assert_eq!(decoded.generation, 0);
    let data = decoded.data;
    assert_eq!(data.plans.len(), 1);
    let plan = &data.plans[0];
    assert_eq!(plan.id, PlanId::from("p-1-v1"));
    assert_eq!(plan.name, "Nurse to CNIO");
    assert_eq!(plan.created, date("2026-06-14"));
    assert_eq!(plan.objective, Objective::FewestSteps);
    assert_eq!(plan.start, RoleId::new("registered-nurse"));
    assert_eq!(
        plan.target,
        RoleId::new("chief-nursing-information-officer")
    );
    assert_eq!(plan.steps.len(), 2);
    assert_eq!(plan.steps[0].status, StepStatus::Done);
    assert_eq!(plan.steps[1].status, StepStatus::NotStarted);
    assert_eq!(
        plan.steps[0].notes,
        "Ask the CNIO about shadowing; book the digital skills course"
    );
    assert_eq!(plan.data_version, "2026.06.0");
    assert!(data
        .assessment
        .held
        .contains(&CompetencyId::new("clinical-governance")));
    assert_eq!(data.assessment.held.len(), 2);
    assert_eq!(data.pace, Pace::FullTime);
}

#[test]
fn a_plan_saved_against_old_role_data_still_opens_against_the_current_data() {
    let graph = starter_graph();
    let mut data = decode(&fixture("v1.json")).unwrap().data;
    let changes = migrate_roles(&mut data.plans[0], &graph);
    assert_eq!(changes, vec![]);
    assert_eq!(data.plans[0].data_version, "2026.11.0-starter");
}

#[test]
fn a_schema_1_document_without_a_plan_keeps_what_was_held() {
    let data = decode(&fixture("v1-no-plan.json")).unwrap().data;
    assert!(data.plans.is_empty());
    assert!(data
        .assessment
        .held
        .contains(&CompetencyId::new("data-preparation")));
}

#[test]
fn an_upgraded_document_saves_in_the_current_schema() {
    let decoded = decode(&fixture("v1.json")).unwrap();
    let again = decode(&encode(
        &decoded.data,
        "2026.11.0",
        stamp("2026-11-25T09:30:00Z"),
    ))
    .unwrap();
    assert_eq!(again.schema_was, CURRENT_SCHEMA);
    assert!(!again.migrated);
    assert_eq!(again.data, decoded.data);
}

#[test]
fn the_schema_2_fixture_reads_every_field() {
    let decoded = decode(&fixture("v2.json")).unwrap();
    assert_eq!(decoded.generation, 7);
    assert_eq!(decoded.kind, EnvelopeKind::Store);
    let data = decoded.data;
    assert_eq!(data.plans.len(), 2);
    assert_eq!(data.plans[0].steps[1].target_date, Some(date("2028-02-29")));
    assert_eq!(data.plans[1].steps[1].status, StepStatus::Skipped);
    assert_eq!(data.evidence[0].when, date("2025-11-20"));
    assert_eq!(data.pace, Pace::PartTime(60));
    assert_eq!(data.last_screen.as_deref(), Some("/plans"));
    assert_eq!(data.assessment.completed.len(), 1);
}

#[test]
fn data_saved_before_credentials_existed_opens_unchanged_with_none_declared() {
    let text = fixture("v2.json");
    let decoded = decode(&text).unwrap();
    assert!(decoded.data.assessment.credentials.is_empty());
    assert!(!decoded.migrated);
    // Saved again, the document has no credentials field and reads back the same.
    let saved = encode(&decoded.data, "2026.11.0", stamp("2026-11-25T09:30:00Z"));
    assert!(!saved.contains("\"credentials\""));
    let original: serde_json::Value = serde_json::from_str(&text).unwrap();
    let resaved: serde_json::Value = serde_json::from_str(&saved).unwrap();
    assert_eq!(
        resaved["data"]["assessment"],
        original["data"]["assessment"]
    );
    assert_eq!(resaved["data"]["plans"], original["data"]["plans"]);
    assert_eq!(decode(&saved).unwrap().data, decoded.data);
}

#[test]
fn declared_credentials_are_saved_and_read_back() {
    let mut data = decode(&fixture("v2.json")).unwrap().data;
    data.assessment
        .credentials
        .insert(CredentialId::new("gphc-pharmacist"));
    let saved = encode(&data, "2026.11.0", stamp("2026-11-25T09:30:00Z"));
    assert!(saved.contains("gphc-pharmacist"));
    assert_eq!(decode(&saved).unwrap().data, data);
}

#[test]
fn a_document_from_a_newer_version_is_an_error_naming_its_schema() {
    let error = decode(&fixture("future.json")).unwrap_err();
    assert_eq!(error, StoreError::NewerSchema { found: 3 });
    assert!(error.to_string().contains("newer version of Foothold"));
}

#[test]
fn json_from_another_app_is_not_mistaken_for_ours() {
    assert_eq!(
        decode(&fixture("not-foothold.json")),
        Err(StoreError::NotFoothold)
    );
    assert_eq!(decode("[1, 2, 3]"), Err(StoreError::NotFoothold));
    assert_eq!(decode("\"foothold\""), Err(StoreError::NotFoothold));
}

#[test]
fn text_that_is_not_json_is_an_error_with_its_position() {
    let error = decode("{\"app\": \"foothold\",").unwrap_err();
    assert!(matches!(error, StoreError::NotJson(_)));
    assert!(error.to_string().contains("line 1"));
}

#[test]
fn damaged_contents_say_what_is_wrong() {
    let error = decode(&fixture("damaged.json")).unwrap_err();
    let StoreError::Damaged(detail) = &error else {
        panic!("expected damage, got {error:?}");
    };
    assert!(detail.contains("2026-02-30"), "{detail}");
}

#[test]
fn a_missing_or_odd_schema_number_is_damage_not_a_panic() {
    let cases = [
        r#"{"app":"foothold","saved_at":"2026-01-01T00:00:00Z","data":{}}"#,
        r#"{"app":"foothold","schema":"2","saved_at":"2026-01-01T00:00:00Z","data":{}}"#,
        r#"{"app":"foothold","schema":-1,"saved_at":"2026-01-01T00:00:00Z","data":{}}"#,
        r#"{"app":"foothold","schema":1.5,"saved_at":"2026-01-01T00:00:00Z","data":{}}"#,
        r#"{"app":"foothold","schema":0,"saved_at":"2026-01-01T00:00:00Z","data":{}}"#,
        r#"{"app":"foothold","schema":2,"data":{}}"#,
        r#"{"app":"foothold","schema":2,"saved_at":"yesterday","data":{}}"#,
        r#"{"app":"foothold","schema":2,"saved_at":"2026-01-01T00:00:00Z"}"#,
        r#"{"app":"foothold","schema":2,"saved_at":"2026-01-01T00:00:00Z","generation":-4,"data":{}}"#,
        r#"{"app":"foothold","schema":1,"saved_at":"2026-01-01T00:00:00Z","data":{"plan":{"name":"x","created":"2026-01-01","steps":[]}}}"#,
        r#"{"app":"foothold","schema":1,"saved_at":"2026-01-01T00:00:00Z","data":{"plan":{"name":"x","created":"2026-01-01","steps":["only-one"]}}}"#,
    ];
    for case in cases {
        assert!(
            matches!(decode(case), Err(StoreError::Damaged(_))),
            "{case} gave {:?}",
            decode(case)
        );
    }
}

#[test]
fn the_envelope_carries_its_header_fields() {
    let graph = starter_graph();
    let data = sample_data(&graph);
    let header = Header {
        kind: EnvelopeKind::Export,
        scope: ExportScope::OnePlan,
        data_version: "2026.11.0".to_owned(),
        saved_at: stamp("2026-11-25T09:30:00Z"),
        generation: 41,
    };
    let text = encode_with(&data, &header);
    assert!(text.starts_with(r#"{"app":"foothold","schema":2,"kind":"export","scope":"one-plan""#));
    let decoded = decode(&text).unwrap();
    assert_eq!(decoded.kind, EnvelopeKind::Export);
    assert_eq!(decoded.scope, ExportScope::OnePlan);
    assert_eq!(decoded.generation, 41);
    assert_eq!(decoded.data, data);
}

proptest! {
    #[test]
    fn any_data_survives_encoding_and_decoding(data in arb_app_data(), generation in any::<u64>()) {
        let header = Header {
            kind: EnvelopeKind::Store,
            scope: ExportScope::Everything,
            data_version: "2026.11.0".to_owned(),
            saved_at: stamp("2026-11-25T09:30:00Z"),
            generation,
        };
        let decoded = decode(&encode_with(&data, &header)).unwrap();
        prop_assert_eq!(decoded.data, data);
        prop_assert_eq!(decoded.generation, generation);
    }

    #[test]
    fn decoding_any_text_never_panics(text in ".{0,200}") {
        let _ = decode(&text);
    }
}
