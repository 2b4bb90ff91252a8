//! Durable saving over the storage trait: verified saves, full and blocked storage,
//! backups, quarantine of unreadable data, and no silent overwrite between tabs.

// Native only: these tests read the starter pack from disk.
#![cfg(not(target_arch = "wasm32"))]

mod core_support;

use core_support::{sample_data, starter_graph};
use foothold::plan::{AppData, Timestamp};
use foothold::store::{
    decode, encode, BackupPolicy, KeyValueStore, Loaded, MemoryStore, RestoreError, SaveError,
    StorageFailure, Store, BACKUPS_KEY, DATA_KEY,
};
use std::cell::RefCell;
use std::rc::Rc;

const VERSION: &str = "2026.11.0-starter";

fn at(minutes: i64) -> Timestamp {
    let start: Timestamp = "2026-11-25T09:00:00Z".parse().unwrap();
    Timestamp::from_unix_millis((start.unix_seconds() + minutes * 60) * 1000)
}

/// One storage shared by several tabs, as local storage is.
#[derive(Clone, Default)]
struct SharedStorage(Rc<RefCell<MemoryStore>>);

impl SharedStorage {
    fn with(store: MemoryStore) -> Self {
        SharedStorage(Rc::new(RefCell::new(store)))
    }
    fn snapshot(&self) -> MemoryStore {
        self.0.borrow().clone()
    }
}

impl KeyValueStore for SharedStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageFailure> {
        self.0.borrow().get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageFailure> {
        self.0.borrow_mut().set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageFailure> {
        self.0.borrow_mut().remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageFailure> {
        self.0.borrow().keys()
    }
}

/// Storage that silently changes what it stores under the data key, as a failing disk
/// or a meddling extension might.
#[derive(Default)]
struct MangledStorage(MemoryStore);

impl KeyValueStore for MangledStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageFailure> {
        self.0.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageFailure> {
        let stored = if key == DATA_KEY {
            &value[..value.len() / 2]
        } else {
            value
        };
        self.0.set(key, stored)
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageFailure> {
        self.0.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageFailure> {
        self.0.keys()
    }
}

fn every_save_kept() -> BackupPolicy {
    BackupPolicy {
        keep: 5,
        min_gap_seconds: 0,
    }
}

#[test]
fn nothing_saved_yet_loads_as_empty() {
    let mut store = Store::new(MemoryStore::new());
    assert_eq!(store.load(), Ok(Loaded::Empty));
    assert_eq!(store.generation(), 0);
}

#[test]
fn saved_data_loads_back_the_same_in_a_new_session() {
    let data = sample_data(&starter_graph());
    let mut store = Store::new(MemoryStore::new());
    store.load().unwrap();
    let saved = store.save(&data, VERSION, at(0)).unwrap();
    assert_eq!(saved.generation, 1);
    assert_eq!(saved.quarantined, None);

    let mut next_session = Store::new(store.storage().clone());
    let Loaded::Found(decoded) = next_session.load().unwrap() else {
        panic!("expected saved data");
    };
    assert_eq!(decoded.data, data);
    assert_eq!(decoded.saved_at, at(0));
    assert_eq!(decoded.data_version, VERSION);
    assert_eq!(next_session.generation(), 1);
}

#[test]
fn each_save_raises_the_generation() {
    let mut store = Store::new(MemoryStore::new());
    for expected in 1..=3 {
        let saved = store
            .save(&AppData::default(), VERSION, at(expected))
            .unwrap();
        assert_eq!(saved.generation, expected as u64);
    }
}

#[test]
fn a_save_that_reads_back_differently_is_reported_as_unverified() {
    let mut store = Store::new(MangledStorage::default());
    let error = store.save(&AppData::default(), VERSION, at(0)).unwrap_err();
    assert_eq!(error, SaveError::Unverified);
    assert!(error.to_string().contains("Export now"));
    assert!(error.offers_export());
    assert_eq!(store.generation(), 0, "an unverified save is not counted");
}

#[test]
fn full_storage_refuses_the_save_and_keeps_the_last_good_one() {
    let graph = starter_graph();
    let small = AppData::default();
    let first = encode(&small, VERSION, at(0));
    let room = first.len() + DATA_KEY.len() + 50;
    let mut store = Store::with_policy(MemoryStore::with_capacity(room), every_save_kept());
    store.save(&small, VERSION, at(0)).unwrap();
    let before = store.storage().get(DATA_KEY).unwrap();

    let big = sample_data(&graph);
    let error = store.save(&big, VERSION, at(1)).unwrap_err();
    assert_eq!(error, SaveError::Full);
    assert!(error.to_string().contains(
        "storage for Foothold is full. Your changes are still on screen: use \"Export now\""
    ));
    assert_eq!(store.storage().get(DATA_KEY).unwrap(), before);
    assert_eq!(store.generation(), 1);
}

#[test]
fn when_storage_fills_up_older_backups_make_room_for_the_current_data() {
    let data = sample_data(&starter_graph());
    let mut bigger = data.clone();
    for copy in 0..6 {
        let mut plan = data.plans[0].clone();
        plan.id = format!("p-extra-{copy}").as_str().into();
        bigger.plans.push(plan);
    }
    let backup_entry = serde_json::to_string(&vec![encode(&data, VERSION, at(0))])
        .unwrap()
        .len();
    let keys = DATA_KEY.len() + BACKUPS_KEY.len();
    // Room for the bigger data beside one backup of the smaller, not beside two.
    let room = keys + encode(&bigger, VERSION, at(0)).len() + backup_entry + 50;
    let mut store = Store::with_policy(MemoryStore::with_capacity(room), every_save_kept());
    for minute in 0..3 {
        store.save(&data, VERSION, at(minute)).unwrap();
    }
    assert!(store.backups().unwrap().len() >= 2);

    let saved = store.save(&bigger, VERSION, at(10)).unwrap();
    let warning = saved.backup_warning.unwrap();
    assert!(warning.contains("Export your plans"), "{warning}");
    let Loaded::Found(decoded) = Store::new(store.storage().clone()).load().unwrap() else {
        panic!("expected saved data");
    };
    assert_eq!(decoded.data, bigger);
}

#[test]
fn blocked_storage_refuses_the_save_with_a_plain_message() {
    let mut blocked = MemoryStore::new();
    blocked.set_blocked(true);
    let mut store = Store::new(blocked);
    assert_eq!(store.load(), Err(StorageFailure::Blocked));
    let error = store.save(&AppData::default(), VERSION, at(0)).unwrap_err();
    assert_eq!(error, SaveError::Blocked);
    assert!(error
        .to_string()
        .contains("not letting Foothold store data"));
}

#[test]
fn the_last_five_saves_are_kept_as_backups_newest_first() {
    let graph = starter_graph();
    let mut store = Store::with_policy(MemoryStore::new(), every_save_kept());
    let mut data = sample_data(&graph);
    for minute in 0..7 {
        data.plans[0].name = format!("Version {minute}");
        store.save(&data, VERSION, at(minute)).unwrap();
    }
    let backups = store.backups().unwrap();
    assert_eq!(backups.len(), 5);
    assert_eq!(backups[0].saved_at, Some(at(6)));
    assert_eq!(backups[4].saved_at, Some(at(2)));
    assert_eq!(backups[0].plan_count, 2);
    assert_eq!(backups[1].plan_names[0], "Version 5");
    assert!(backups.iter().all(|b| b.readable));
    assert_eq!(
        backups.iter().map(|b| b.position).collect::<Vec<_>>(),
        vec![0, 1, 2, 3, 4]
    );
}

#[test]
fn a_burst_of_edits_updates_one_backup_but_a_deletion_starts_another() {
    let graph = starter_graph();
    let mut store = Store::new(MemoryStore::new());
    let mut data = sample_data(&graph);
    store.save(&data, VERSION, at(0)).unwrap();
    for minute in 1..5 {
        data.plans[0].steps[0].notes = format!("edit {minute}");
        store.save(&data, VERSION, at(minute)).unwrap();
    }
    assert_eq!(store.backups().unwrap().len(), 1);
    let id = data.plans[0].id.clone();
    data.delete_plan(&id).unwrap();
    store.save(&data, VERSION, at(5)).unwrap();
    let backups = store.backups().unwrap();
    assert_eq!(backups.len(), 2);
    assert_eq!(
        backups[1].plan_count, 2,
        "the version before the deletion is kept"
    );
    // Much later, a new backup is started even with the same number of plans.
    store.save(&data, VERSION, at(60)).unwrap();
    assert_eq!(store.backups().unwrap().len(), 3);
}

#[test]
fn a_backup_can_be_read_back_to_restore_it() {
    let graph = starter_graph();
    let mut store = Store::with_policy(MemoryStore::new(), every_save_kept());
    let original = sample_data(&graph);
    store.save(&original, VERSION, at(0)).unwrap();
    let mut changed = original.clone();
    changed.plans.clear();
    store.save(&changed, VERSION, at(1)).unwrap();

    let restored = store.backup(1).unwrap();
    assert_eq!(restored.data, original);
    assert_eq!(store.backup(9), Err(RestoreError::NoSuchBackup));
    // Restoring is the UI saving the backup's data as the current data.
    store.save(&restored.data, VERSION, at(2)).unwrap();
    let Loaded::Found(now) = Store::new(store.storage().clone()).load().unwrap() else {
        panic!("expected saved data");
    };
    assert_eq!(now.data, original);
}

#[test]
fn corrupt_data_is_kept_aside_not_discarded() {
    let mut storage = MemoryStore::new();
    let junk = "{\"app\":\"foothold\",\"schema\":2,\"data\":{\"plans\":[{\"id\":";
    storage.set(DATA_KEY, junk).unwrap();
    let mut store = Store::new(storage);
    let Loaded::Recovered(recovery) = store.load().unwrap() else {
        panic!("expected a recovery");
    };
    assert_eq!(recovery.kept_as.as_deref(), Some("foothold.quarantine.1"));
    assert_eq!(
        store
            .storage()
            .get("foothold.quarantine.1")
            .unwrap()
            .as_deref(),
        Some(junk),
        "kept exactly as it was"
    );
    assert_eq!(store.storage().get(DATA_KEY).unwrap(), None);
    let message = recovery.message();
    assert!(message.contains("could not be opened"), "{message}");
    assert!(message.contains("Nothing has been deleted"), "{message}");
    assert!(message.contains("export it"), "{message}");

    let quarantined = store.quarantined().unwrap();
    assert_eq!(quarantined.len(), 1);
    assert_eq!(quarantined[0].text, junk);
}

#[test]
fn a_second_corruption_goes_to_the_next_quarantine_key() {
    let mut storage = MemoryStore::new();
    storage.set("foothold.quarantine.1", "older junk").unwrap();
    storage.set(DATA_KEY, "not json").unwrap();
    let mut store = Store::new(storage);
    let Loaded::Recovered(recovery) = store.load().unwrap() else {
        panic!("expected a recovery");
    };
    assert_eq!(recovery.kept_as.as_deref(), Some("foothold.quarantine.2"));
    let texts: Vec<String> = store
        .quarantined()
        .unwrap()
        .into_iter()
        .map(|q| q.text)
        .collect();
    assert_eq!(texts, vec!["older junk", "not json"]);
}

#[test]
fn recovery_offers_backups_when_there_are_some() {
    let graph = starter_graph();
    let mut store = Store::new(MemoryStore::new());
    store.save(&sample_data(&graph), VERSION, at(0)).unwrap();
    store.storage_mut().set(DATA_KEY, "garbled").unwrap();
    let Loaded::Recovered(recovery) = store.load().unwrap() else {
        panic!("expected a recovery");
    };
    assert_eq!(recovery.backups.len(), 1);
    assert!(recovery
        .message()
        .contains("restore one of 1 earlier saved version"));
    assert_eq!(store.backup(0).unwrap().data, sample_data(&graph));
}

#[test]
fn corrupt_data_that_cannot_be_moved_is_left_in_place_and_never_overwritten() {
    let junk = "x".repeat(100);
    let mut storage = MemoryStore::with_capacity(DATA_KEY.len() + junk.len() + 10);
    storage.set(DATA_KEY, &junk).unwrap();
    let mut store = Store::new(storage);
    let Loaded::Recovered(recovery) = store.load().unwrap() else {
        panic!("expected a recovery");
    };
    assert_eq!(recovery.kept_as, None);
    assert!(recovery.message().contains("left where it is"));
    assert_eq!(
        store.save(&AppData::default(), VERSION, at(0)),
        Err(SaveError::Full)
    );
    assert_eq!(store.storage().get(DATA_KEY).unwrap(), Some(junk));
}

#[test]
fn junk_written_over_our_data_is_moved_aside_before_the_next_save() {
    let mut store = Store::new(MemoryStore::new());
    store.save(&AppData::default(), VERSION, at(0)).unwrap();
    store
        .storage_mut()
        .set(DATA_KEY, "<html>oops</html>")
        .unwrap();
    let saved = store.save(&AppData::default(), VERSION, at(1)).unwrap();
    assert_eq!(saved.quarantined.as_deref(), Some("foothold.quarantine.1"));
    assert_eq!(
        store
            .storage()
            .get("foothold.quarantine.1")
            .unwrap()
            .as_deref(),
        Some("<html>oops</html>")
    );
}

#[test]
fn unreadable_backups_are_moved_aside_too() {
    let mut store = Store::new(MemoryStore::new());
    store
        .storage_mut()
        .set(BACKUPS_KEY, "[\"unfinished")
        .unwrap();
    assert_eq!(store.backups().unwrap(), vec![]);
    store.save(&AppData::default(), VERSION, at(0)).unwrap();
    assert_eq!(store.backups().unwrap().len(), 1);
    assert_eq!(store.quarantined().unwrap()[0].text, "[\"unfinished");
}

#[test]
fn a_save_from_a_tab_that_missed_another_tabs_save_is_refused() {
    let graph = starter_graph();
    let storage = SharedStorage::default();
    let mut tab_a = Store::new(storage.clone());
    let mut tab_b = Store::new(storage.clone());
    tab_a.load().unwrap();
    tab_b.load().unwrap();

    let mut from_b = sample_data(&graph);
    from_b.plans.truncate(1);
    tab_b.save(&from_b, VERSION, at(1)).unwrap();
    assert_eq!(tab_a.newer_save().unwrap(), Some((1, at(1))));

    let error = tab_a
        .save(&sample_data(&graph), VERSION, at(2))
        .unwrap_err();
    assert_eq!(
        error,
        SaveError::Conflict {
            saved_at: at(1),
            generation: 1
        }
    );
    assert!(error.to_string().contains("Load the newer version"));
    assert!(error.to_string().contains("Keep mine and overwrite"));
    assert!(!error.offers_export());
    let Ok(Some(stored)) = storage.get(DATA_KEY) else {
        panic!("tab B's save is there");
    };
    assert_eq!(
        decode(&stored).unwrap().data,
        from_b,
        "nothing was overwritten"
    );
}

#[test]
fn loading_the_newer_version_lets_the_tab_save_again() {
    let storage = SharedStorage::default();
    let mut tab_a = Store::new(storage.clone());
    let mut tab_b = Store::new(storage.clone());
    tab_a.load().unwrap();
    tab_b.load().unwrap();
    tab_b.save(&AppData::default(), VERSION, at(1)).unwrap();
    let Loaded::Found(newer) = tab_a.load().unwrap() else {
        panic!("expected tab B's data");
    };
    assert_eq!(newer.generation, 1);
    assert_eq!(tab_a.newer_save().unwrap(), None);
    assert_eq!(
        tab_a.save(&newer.data, VERSION, at(2)).unwrap().generation,
        2
    );
}

#[test]
fn keeping_mine_overwrites_and_then_the_other_tab_is_warned_in_turn() {
    let graph = starter_graph();
    let storage = SharedStorage::default();
    let mut tab_a = Store::new(storage.clone());
    let mut tab_b = Store::new(storage.clone());
    tab_a.load().unwrap();
    tab_b.load().unwrap();
    tab_b.save(&AppData::default(), VERSION, at(1)).unwrap();
    let mine = sample_data(&graph);
    let saved = tab_a.save_overwriting(&mine, VERSION, at(2)).unwrap();
    assert_eq!(saved.generation, 2);
    assert!(matches!(
        tab_b.save(&AppData::default(), VERSION, at(3)),
        Err(SaveError::Conflict { generation: 2, .. })
    ));
}

#[test]
fn data_from_a_newer_version_is_left_alone_and_never_overwritten() {
    let future = std::fs::read_to_string("tests/fixtures/store/future.json").unwrap();
    let mut storage = MemoryStore::new();
    storage.set(DATA_KEY, &future).unwrap();
    let mut store = Store::new(storage);
    assert_eq!(store.load(), Ok(Loaded::Newer { schema: 3 }));
    let before = store.storage().clone();
    let error = store.save(&AppData::default(), VERSION, at(0)).unwrap_err();
    assert_eq!(error, SaveError::NewerVersion { schema: 3 });
    assert!(error.to_string().contains("Reload the page"));
    assert_eq!(
        store.save_overwriting(&AppData::default(), VERSION, at(0)),
        Err(SaveError::NewerVersion { schema: 3 })
    );
    assert_eq!(store.storage(), &before);
}

#[test]
fn a_quarantined_copy_is_only_removed_when_asked() {
    let mut storage = MemoryStore::new();
    storage.set(DATA_KEY, "junk").unwrap();
    let shared = SharedStorage::with(storage);
    let mut store = Store::new(shared.clone());
    store.load().unwrap();
    store.save(&AppData::default(), VERSION, at(0)).unwrap();
    store.load().unwrap();
    assert_eq!(store.quarantined().unwrap().len(), 1);
    store.discard_quarantined(DATA_KEY).unwrap();
    assert!(
        shared.snapshot().get(DATA_KEY).unwrap().is_some(),
        "only quarantine keys"
    );
    store.discard_quarantined("foothold.quarantine.1").unwrap();
    assert!(store.quarantined().unwrap().is_empty());
}
