//! Export and import files: round trips, every kind of bad file refused with a plain
//! message, the two ways of applying an import, and nothing changed on failure.

// Native only: these tests read the starter pack from disk.
#![cfg(not(target_arch = "wasm32"))]

mod core_support;

use core_support::{arb_app_data, sample_data, starter_graph};
use foothold::graph::CompetencyId;
use foothold::plan::{AppData, Pace, PlanId, Timestamp};
use foothold::share::{
    apply, export_all, export_plan, parse_import, ImportError, ImportMode, MAX_IMPORT_BYTES,
};
use foothold::store::{ExportScope, MemoryStore, Store};
use proptest::prelude::*;

const VERSION: &str = "2026.11.0-starter";

fn now() -> Timestamp {
    "2026-11-25T09:30:00Z".parse().unwrap()
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/store/{name}")).unwrap()
}

#[test]
fn an_export_of_everything_imports_back_the_same() {
    let data = sample_data(&starter_graph());
    let file = export_all(&data, VERSION, now());
    assert_eq!(file.file_name, "foothold-plans-2026-11-25.json");
    assert!(file.contents.contains("\"kind\": \"export\""));
    let preview = parse_import(file.contents.as_bytes()).unwrap();
    assert_eq!(preview.data, data);
    assert_eq!(preview.scope, ExportScope::Everything);
    assert_eq!(
        preview.plan_names(),
        vec!["Nurse to CNIO", "Into data; via the apprenticeship"]
    );
    assert_eq!(
        preview.summary(),
        "This file holds 2 plans, 1 competency marked as held and 1 evidence entry, saved 25 November 2026."
    );
    assert!(!preview.migrated);
}

#[test]
fn one_plan_can_be_exported_on_its_own() {
    let data = sample_data(&starter_graph());
    let id = data.plans[1].id.clone();
    let file = export_plan(&data, &id, VERSION, now()).unwrap();
    assert_eq!(file.file_name, "foothold-plan-2026-11-25.json");
    let preview = parse_import(file.contents.as_bytes()).unwrap();
    assert_eq!(preview.scope, ExportScope::OnePlan);
    assert_eq!(preview.data.plans, vec![data.plans[1].clone()]);
    assert!(
        preview.data.evidence.is_empty(),
        "personal evidence stays at home"
    );
    assert_eq!(
        preview.summary(),
        "This file holds 1 plan, saved 25 November 2026."
    );
    assert!(export_plan(&data, &PlanId::from("p-404"), VERSION, now()).is_err());
}

#[test]
fn an_older_saved_format_imports_upgraded() {
    let preview = parse_import(&fixture("v1.json")).unwrap();
    assert!(preview.migrated);
    assert_eq!(preview.schema_was, 1);
    assert_eq!(preview.plan_count(), 1);
}

#[test]
fn a_copy_kept_aside_from_storage_can_be_imported_to_recover_it() {
    let preview = parse_import(&fixture("v2.json")).unwrap();
    assert_eq!(preview.plan_count(), 2);
}

#[test]
fn a_byte_order_mark_from_an_editor_is_ignored() {
    let data = sample_data(&starter_graph());
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(export_all(&data, VERSION, now()).contents.bytes());
    assert_eq!(parse_import(&bytes).unwrap().data, data);
}

#[test]
fn a_file_over_one_megabyte_is_refused_before_reading() {
    let bytes = vec![b' '; MAX_IMPORT_BYTES + 1];
    let error = parse_import(&bytes).unwrap_err();
    assert_eq!(
        error,
        ImportError::TooBig {
            bytes: MAX_IMPORT_BYTES + 1
        }
    );
    assert!(error.to_string().contains("too big"));
}

#[test]
fn each_kind_of_wrong_file_has_its_own_plain_message() {
    let cases: [(&[u8], ImportError, &str); 4] = [
        (&[0xff, 0xfe, 0x00, 0x41], ImportError::NotText, "not text"),
        (
            b"name,date\nplan,2026-01-01\n",
            ImportError::NotJson,
            "not in the JSON format",
        ),
        (
            &fixture("not-foothold.json"),
            ImportError::NotFoothold,
            "not a Foothold file",
        ),
        (
            &fixture("future.json"),
            ImportError::NewerVersion { schema: 3 },
            "newer version of Foothold",
        ),
    ];
    for (bytes, expected, words) in cases {
        let error = parse_import(bytes).unwrap_err();
        assert_eq!(error, expected);
        assert!(error.to_string().contains(words), "{error}");
    }
}

#[test]
fn damaged_content_says_what_is_wrong() {
    let data = sample_data(&starter_graph());
    let mut broken = data.clone();
    broken.plans[1].id = broken.plans[0].id.clone();
    broken.plans[0].name = "  ".to_owned();
    broken.plans[0].steps[1].from = "somewhere-else".into();
    let file = export_all(&broken, VERSION, now());
    let error = parse_import(file.contents.as_bytes()).unwrap_err();
    let message = error.to_string();
    assert!(matches!(error, ImportError::Damaged(_)));
    assert!(message.contains("plan 1 has no name"), "{message}");
    assert!(
        message.contains("step 2 of plan 1 does not start where the step before it ends"),
        "{message}"
    );
    assert!(message.contains("same id as another plan"), "{message}");
    assert!(message.ends_with("Nothing has been changed."), "{message}");

    let bad_date = fixture("damaged.json");
    let message = parse_import(&bad_date).unwrap_err().to_string();
    assert!(message.contains("2026-02-30"), "{message}");
}

#[test]
fn replacing_all_takes_everything_from_a_whole_export() {
    let graph = starter_graph();
    let mut existing = sample_data(&graph);
    existing.last_screen = Some("/settings".to_owned());
    let mut incoming = AppData::default();
    incoming.plans.push(existing.plans[1].clone());
    incoming.pace = Pace::FullTime;
    let preview = parse_import(export_all(&incoming, VERSION, now()).contents.as_bytes()).unwrap();
    let result = apply(&existing, &preview, ImportMode::ReplaceAll).unwrap();
    assert_eq!(result.plans, incoming.plans);
    assert!(result.evidence.is_empty());
    assert!(result.assessment.held.is_empty());
    assert_eq!(result.pace, Pace::FullTime);
    assert_eq!(
        result.last_screen.as_deref(),
        Some("/settings"),
        "where the user is stays"
    );
}

#[test]
fn replacing_all_with_one_plan_keeps_the_assessment_and_evidence() {
    let graph = starter_graph();
    let existing = sample_data(&graph);
    let file = export_plan(&existing, &existing.plans[0].id, VERSION, now()).unwrap();
    let preview = parse_import(file.contents.as_bytes()).unwrap();
    let result = apply(&existing, &preview, ImportMode::ReplaceAll).unwrap();
    assert_eq!(result.plans, vec![existing.plans[0].clone()]);
    assert_eq!(result.evidence, existing.evidence);
    assert_eq!(result.assessment, existing.assessment);
}

#[test]
fn adding_as_copies_keeps_every_saved_plan_and_merges_the_rest() {
    let graph = starter_graph();
    let existing = sample_data(&graph);
    let mut incoming = sample_data(&graph);
    incoming
        .assessment
        .held
        .insert(CompetencyId::new("data-visualisation"));
    incoming
        .add_evidence(
            CompetencyId::new("data-visualisation"),
            "Built a dashboard",
            core_support::date("2026-02-02"),
            77,
        )
        .unwrap();
    let preview = parse_import(export_all(&incoming, VERSION, now()).contents.as_bytes()).unwrap();
    let result = apply(&existing, &preview, ImportMode::AddAsCopies).unwrap();

    assert_eq!(result.plans.len(), 4);
    assert_eq!(&result.plans[..2], &existing.plans[..]);
    assert_eq!(result.plans[2].name, "Nurse to CNIO (copy)");
    let ids: std::collections::BTreeSet<_> = result.plans.iter().map(|p| &p.id).collect();
    assert_eq!(ids.len(), 4, "every plan has its own id");
    assert_eq!(result.plans[2].steps, existing.plans[0].steps);
    assert!(result
        .assessment
        .held
        .contains(&CompetencyId::new("data-visualisation")));
    assert!(result
        .assessment
        .held
        .contains(&CompetencyId::new("clinical-governance")));
    // The shared evidence entry is not doubled; the new one is added.
    assert_eq!(result.evidence.len(), 2);
    assert_eq!(result.pace, existing.pace);
    assert!(foothold::plan::data_problems(&result).is_empty());
}

#[test]
fn importing_the_same_file_twice_as_copies_gives_two_copies() {
    let graph = starter_graph();
    let data = sample_data(&graph);
    let preview = parse_import(export_all(&data, VERSION, now()).contents.as_bytes()).unwrap();
    let once = apply(&data, &preview, ImportMode::AddAsCopies).unwrap();
    let twice = apply(&once, &preview, ImportMode::AddAsCopies).unwrap();
    assert_eq!(twice.plans.len(), 6);
    assert!(foothold::plan::data_problems(&twice).is_empty());
}

/// What the UI does with a chosen file: read it, and change nothing unless it is sound
/// and the user confirms.
fn choose_file(store: &mut Store<MemoryStore>, bytes: &[u8]) -> Result<(), ImportError> {
    let _preview = parse_import(bytes)?;
    // The UI would now show the preview and wait for the user; not confirming here.
    let _ = store;
    Ok(())
}

fn saved_store() -> Store<MemoryStore> {
    let mut store = Store::new(MemoryStore::new());
    store
        .save(&sample_data(&starter_graph()), VERSION, now())
        .unwrap();
    store
}

proptest! {
    #[test]
    fn any_data_survives_export_and_import(data in arb_app_data()) {
        let file = export_all(&data, VERSION, now());
        let preview = parse_import(file.contents.as_bytes()).unwrap();
        prop_assert_eq!(&preview.data, &data);
        // Replacing keeps the screen the user is on and the last export time, so
        // compare the rest.
        let replaced = apply(&AppData::default(), &preview, ImportMode::ReplaceAll).unwrap();
        prop_assert_eq!(replaced, AppData { last_screen: None, last_export: None, ..data });
    }

    #[test]
    fn arbitrary_bytes_never_panic_and_never_change_stored_data(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let mut store = saved_store();
        let before = store.storage().clone();
        let outcome = choose_file(&mut store, &bytes);
        prop_assert!(outcome.is_err());
        prop_assert_eq!(store.storage(), &before);
    }

    #[test]
    fn damaged_exports_never_panic_and_never_change_stored_data(
        cut in 0usize..4000,
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
    ) {
        let mut bytes = export_all(&sample_data(&starter_graph()), VERSION, now()).contents.into_bytes();
        for (index, byte) in flips {
            let at = index.index(bytes.len());
            bytes[at] = byte;
        }
        bytes.truncate(cut.min(bytes.len()));
        let mut store = saved_store();
        let before = store.storage().clone();
        let _ = choose_file(&mut store, &bytes);
        prop_assert_eq!(store.storage(), &before);
    }
}
