//! The browser storage adapter in a real browser: saving through local storage,
//! reading saves back, full storage, persistence and other-tab notifications.
//!
//! Run with `cargo test --target wasm32-unknown-unknown --test web_store` (needs
//! wasm-bindgen-test-runner and a WebDriver such as chromedriver).

#![cfg(target_arch = "wasm32")]

use foothold::graph::{CompetencyId, RoleId};
use foothold::plan::{AppData, Date, Pace, Plan, PlanId, PlanStep, StepStatus, Timestamp};
use foothold::planner::Objective;
use foothold::store::{
    decode, listen_for_other_tabs, request_persistence, BrowserStorage, DeviceStorage,
    KeyValueStore, Loaded, Persistence, SaveError, StorageFailure, Store, DATA_KEY,
};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const VERSION: &str = "2026.11.0";
const FILLER_PREFIX: &str = "foothold-test-filler-";

fn now() -> Timestamp {
    Timestamp::from_unix_millis(js_sys::Date::now() as i64)
}

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

fn sample() -> AppData {
    let mut steps = vec![
        PlanStep::new(
            RoleId::new("registered-nurse"),
            RoleId::new("digital-nurse"),
        ),
        PlanStep::new(
            RoleId::new("digital-nurse"),
            RoleId::new("chief-nursing-information-officer"),
        ),
    ];
    steps[0].status = StepStatus::Done;
    steps[1].target_date = Some(date("2028-02-29"));
    steps[1].notes = "Shadow the CNIO; café ☕ \"quotes\" and a\nnew line".repeat(20);
    let mut data = AppData {
        plans: vec![Plan {
            id: PlanId::from("p-1-web"),
            name: "Nurse to CNIO".to_owned(),
            created: date("2026-01-05"),
            start: RoleId::new("registered-nurse"),
            target: RoleId::new("chief-nursing-information-officer"),
            objective: Objective::ShortestTime,
            steps,
            data_version: VERSION.to_owned(),
        }],
        pace: Pace::PartTime(60),
        ..AppData::default()
    };
    data.assessment
        .held
        .insert(CompetencyId::new("clinical-governance"));
    data
}

/// Removes everything these tests write, even when a test fails part-way.
struct CleanUp;

impl CleanUp {
    fn start() -> CleanUp {
        clean();
        CleanUp
    }
}

impl Drop for CleanUp {
    fn drop(&mut self) {
        clean();
    }
}

fn clean() {
    let Ok(mut storage) = BrowserStorage::open() else {
        return;
    };
    for key in storage.keys().unwrap_or_default() {
        if key.starts_with("foothold") {
            let _ = storage.remove(&key);
        }
    }
}

#[wasm_bindgen_test]
fn data_survives_a_round_trip_through_local_storage() {
    let _clean = CleanUp::start();
    let data = sample();
    let mut store = Store::new(BrowserStorage::open().unwrap());
    assert_eq!(store.load(), Ok(Loaded::Empty));
    let saved = store.save(&data, VERSION, now()).unwrap();
    assert_eq!(saved.generation, 1);

    let (device, failure) = DeviceStorage::open();
    assert_eq!(failure, None);
    assert!(device.keeps_data_after_closing());
    let mut next_visit = Store::new(device);
    let Ok(Loaded::Found(decoded)) = next_visit.load() else {
        panic!("expected the saved data");
    };
    assert_eq!(decoded.data, data);
    assert_eq!(decoded.generation, 1);
}

#[wasm_bindgen_test]
fn what_local_storage_holds_is_exactly_the_verified_save() {
    let _clean = CleanUp::start();
    let data = sample();
    let mut store = Store::new(BrowserStorage::open().unwrap());
    store.save(&data, VERSION, now()).unwrap();
    let raw = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(DATA_KEY)
        .unwrap()
        .expect("the data key is set");
    let decoded = decode(&raw).unwrap();
    assert_eq!(decoded.data, data);
    assert_eq!(store.backups().unwrap().len(), 1);
}

fn raw_item(key: &str) -> Option<String> {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(key)
        .unwrap()
}

#[wasm_bindgen_test]
fn any_text_is_stored_and_read_back_exactly() {
    let _clean = CleanUp::start();
    let mut storage = BrowserStorage::open().unwrap();
    let texts = [
        r#"{"app":"foothold","notes":"café ☕ \"quotes\"\nand a new line"}"#,
        "[1,2.50,1e3]",
        "\"a JSON string\"",
        " {\"spaces\": \"around\"} \n",
        "{\"cut off\":",
        "not JSON at all",
        "",
    ];
    for (number, text) in texts.iter().enumerate() {
        let key = format!("foothold.test.{number}");
        storage.set(&key, text).unwrap();
        assert_eq!(storage.get(&key).unwrap().as_deref(), Some(*text));
        assert_eq!(raw_item(&key).as_deref(), Some(*text), "stored as given");
    }
    let keys = storage.keys().unwrap();
    assert!(keys.contains(&"foothold.test.6".to_owned()));
    storage.remove("foothold.test.0").unwrap();
    assert_eq!(storage.get("foothold.test.0"), Ok(None));
    storage.remove("foothold.test.0").unwrap();
}

#[wasm_bindgen_test]
fn unreadable_saved_data_is_moved_aside_exactly_as_it_was() {
    let _clean = CleanUp::start();
    let mut storage = BrowserStorage::open().unwrap();
    let broken = " {\"schema\": 2, \"cut off";
    storage.set(DATA_KEY, broken).unwrap();
    let mut store = Store::new(storage);
    let Ok(Loaded::Recovered(recovery)) = store.load() else {
        panic!("expected the unreadable data to be recovered");
    };
    let kept_as = recovery.kept_as.expect("moved aside");
    assert_eq!(raw_item(&kept_as).as_deref(), Some(broken));
    assert_eq!(raw_item(DATA_KEY), None);
    store.save(&sample(), VERSION, now()).unwrap();
    assert_eq!(
        raw_item(&kept_as).as_deref(),
        Some(broken),
        "a save leaves it alone"
    );
}

/// Fills local storage until the browser refuses, with ever smaller strings so that
/// almost no room is left.
fn fill_local_storage(storage: &mut BrowserStorage) -> usize {
    let mut chunk = 1 << 20;
    let mut written = 0;
    let mut index = 0;
    while chunk >= 16 && index < 10_000 {
        let filler = "x".repeat(chunk);
        match storage.set(&format!("{FILLER_PREFIX}{index}"), &filler) {
            Ok(()) => {
                written += chunk;
                index += 1;
            }
            Err(StorageFailure::Full) => chunk /= 2,
            Err(other) => panic!("filling storage failed another way: {other}"),
        }
    }
    written
}

fn remove_filler(storage: &mut BrowserStorage) {
    for key in storage.keys().unwrap_or_default() {
        if key.starts_with(FILLER_PREFIX) {
            let _ = storage.remove(&key);
        }
    }
}

struct RemoveFiller;

impl Drop for RemoveFiller {
    fn drop(&mut self) {
        if let Ok(mut storage) = BrowserStorage::open() {
            remove_filler(&mut storage);
        }
    }
}

#[wasm_bindgen_test]
fn a_full_local_storage_refuses_the_save_and_the_data_stays_in_memory() {
    let _clean = CleanUp::start();
    let _filler = RemoveFiller;
    let mut store = Store::new(BrowserStorage::open().unwrap());
    store.load().unwrap();
    let data = sample();
    let before = data.clone();

    let written = fill_local_storage(store.storage_mut());
    assert!(written > 0, "the browser took some filler before refusing");
    let error = store.save(&data, VERSION, now()).unwrap_err();
    assert_eq!(error, SaveError::Full);
    // Both ways of writing tell a full store apart: JSON through gloo-storage, and
    // other text through the storage handle.
    let json = format!("{{\"notes\":\"{}\"}}", "x".repeat(100));
    let storage = store.storage_mut();
    assert_eq!(
        storage.set("foothold.test.json", &json),
        Err(StorageFailure::Full)
    );
    assert_eq!(
        storage.set("foothold.test.text", &"x".repeat(100)),
        Err(StorageFailure::Full)
    );
    assert!(error.to_string().contains("Export now"));
    assert_eq!(data, before, "the data is still there to export");

    remove_filler(store.storage_mut());
    store.save(&data, VERSION, now()).unwrap();
}

#[wasm_bindgen_test]
fn other_tab_changes_are_heard_until_the_listener_is_dropped() {
    let heard = Rc::new(Cell::new(0));
    let counter = heard.clone();
    let listener = listen_for_other_tabs(move || counter.set(counter.get() + 1))
        .expect("listening works in a browser");
    let window = web_sys::window().unwrap();
    // A storage event with no key is what another tab clearing storage sends.
    let event = web_sys::StorageEvent::new("storage").unwrap();
    window.dispatch_event(&event).unwrap();
    assert_eq!(heard.get(), 1);
    drop(listener);
    let event = web_sys::StorageEvent::new("storage").unwrap();
    window.dispatch_event(&event).unwrap();
    assert_eq!(heard.get(), 1, "no calls after the guard is dropped");
}

#[wasm_bindgen_test]
async fn asking_for_persistent_storage_gets_an_answer() {
    // The test page is served from 127.0.0.1, a secure context, so the API exists.
    let answer = request_persistence().await;
    assert_ne!(answer, Persistence::Unsupported);
    assert!(!answer.message().is_empty());
}
