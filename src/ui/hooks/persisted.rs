//! Keeps the user's data in browser storage: loads it once at start, saves after every
//! change, and notices saves made in other tabs. The store itself (envelopes, backups,
//! quarantine, conflict detection) is the core's `store` module; this hook only wires
//! it to the app state.

use crate::plan::AppData;
use crate::store::{
    decode, listen_for_other_tabs, DeviceStorage, KeyValueStore, Loaded, SaveError, Store, DATA_KEY,
};
use crate::ui::hooks::browser::{self, now};
use crate::ui::state::{same_user_data, Action, AppHandle, AppState, SaveStatus};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// How often a failed save is tried again, in milliseconds.
const RETRY_MILLIS: i32 = 10_000;

/// The store over this device's storage.
pub type DeviceStore = Store<DeviceStorage>;

/// The store, shared with the screens that list backups and quarantined data.
#[derive(Clone, Debug)]
pub struct StoreContext(pub Rc<RefCell<DeviceStore>>);

impl PartialEq for StoreContext {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl StoreContext {
    /// Whether the data is only in memory because the browser refused storage.
    pub fn in_memory_only(&self) -> bool {
        !self.0.borrow().storage().keeps_data_after_closing()
    }
}

/// The store from context (provided by the app above every page).
#[hook]
pub fn use_store() -> Option<StoreContext> {
    use_context::<StoreContext>()
}

/// Opens storage and reads the saved data into the first app state, with a message when
/// something needs the user's attention.
fn open_and_load() -> (StoreContext, AppState) {
    let mut state = AppState::default();
    let (storage, failure) = DeviceStorage::open();
    if let Some(failure) = failure {
        state.save = SaveStatus::Failed(format!(
            "Foothold cannot keep your data on this device because {failure}. You can still plan routes; export anything you want to keep."
        ));
    }
    let mut store = Store::new(storage);
    match store.load() {
        Ok(Loaded::Empty) => {}
        Ok(Loaded::Found(decoded)) => state.data = Rc::new(decoded.data),
        Ok(Loaded::Newer { .. }) => {
            state.save = SaveStatus::Failed(SaveError::NewerVersion { schema: 0 }.to_string());
        }
        Ok(Loaded::Recovered(recovery)) => {
            let message = recovery.message();
            state.announcement = (1, message.clone());
            state.notice = Some(crate::ui::state::Notice {
                text: message,
                undo: None,
            });
        }
        Err(failure) => {
            state.save = SaveStatus::Failed(format!(
                "Your saved plans could not be read because {failure}. Nothing has been changed."
            ));
        }
    }
    (StoreContext(Rc::new(RefCell::new(store))), state)
}

/// The data another tab saved, if it can be read.
fn stored_data(store: &DeviceStore) -> Option<AppData> {
    let text = store.storage().get(DATA_KEY).ok()??;
    decode(&text).ok().map(|decoded| decoded.data)
}

/// What the hook remembers between saves: the user data as last stored (to tell
/// whether closing the page would lose edits) and whether the last save failed in a way
/// that trying again may fix (full or blocked storage, a save that did not read back).
struct SaveTracker {
    stored: RefCell<Rc<AppData>>,
    retry: std::cell::Cell<bool>,
    in_memory_only: bool,
}

impl SaveTracker {
    /// True when this tab holds edits that are not in storage.
    fn unsaved(&self, current: &AppData) -> bool {
        !same_user_data(&self.stored.borrow(), current)
    }
}

/// Saves `data` and reports the outcome to the app state; shared by the save after each
/// change and the retries while saving fails.
fn save_data(
    store: &StoreContext,
    data: &Rc<AppData>,
    data_version: &str,
    overwrite: bool,
    dispatcher: &UseReducerDispatcher<AppState>,
    tracker: &SaveTracker,
) {
    let mut store = store.0.borrow_mut();
    let result = if overwrite {
        store.save_overwriting(data, data_version, now())
    } else {
        store.save(data, data_version, now())
    };
    let result = match result {
        Err(SaveError::Conflict { .. }) => match stored_data(&store) {
            // The other tab only moved between screens: nothing of the user's would be
            // lost, so save over it quietly.
            Some(newer) if same_user_data(&newer, data) => {
                store.save_overwriting(data, data_version, now())
            }
            Some(newer) => {
                tracker.retry.set(false);
                dispatcher.dispatch(Action::OtherTabChanged(Rc::new(newer)));
                return;
            }
            None => {
                tracker.retry.set(false);
                dispatcher.dispatch(Action::OtherTabChanged(Rc::new(AppData::default())));
                return;
            }
        },
        other => other,
    };
    match result {
        Ok(saved) => {
            tracker.retry.set(false);
            // Memory-only storage is lost when the page closes, so it never counts as
            // stored.
            if !tracker.in_memory_only {
                *tracker.stored.borrow_mut() = data.clone();
            }
            dispatcher.dispatch(Action::SaveSucceeded);
            if let Some(warning) = saved.backup_warning {
                dispatcher.dispatch(Action::Notify(warning));
            }
        }
        Err(error) => {
            tracker.retry.set(matches!(
                error,
                SaveError::Full | SaveError::Blocked | SaveError::Unverified
            ));
            dispatcher.dispatch(Action::SaveFailed(error.to_string()));
        }
    }
}

/// The app state, loaded from storage and saved back after every change, plus the
/// store for screens that manage backups. While saving fails it tries again every few
/// seconds and whenever the page comes back into view, and while this tab holds edits
/// that are not stored, closing it asks first.
#[hook]
pub fn use_persisted_app_data(data_version: &str) -> (AppHandle, StoreContext) {
    // Loading happens once, while the first state is made, so the first screen already
    // shows the saved plans and can reopen the last screen.
    let opened = use_memo((), |_| open_and_load());
    let store = opened.0.clone();
    let state = {
        let initial = opened.1.clone();
        use_reducer(move || initial)
    };
    let tracker = {
        let store = store.clone();
        let stored = opened.1.data.clone();
        use_memo((), move |_| SaveTracker {
            stored: RefCell::new(stored),
            retry: std::cell::Cell::new(false),
            in_memory_only: store.in_memory_only(),
        })
    };
    let latest = use_mut_ref(|| state.data.clone());
    *latest.borrow_mut() = state.data.clone();
    let latest_overwrite = use_mut_ref(|| false);
    *latest_overwrite.borrow_mut() = state.overwrite;
    let data_version = data_version.to_owned();

    // Save after each change made in this tab.
    {
        let store = store.clone();
        let dispatcher = state.dispatcher();
        let data = state.data.clone();
        let overwrite = state.overwrite;
        let tracker = tracker.clone();
        let data_version = data_version.clone();
        use_effect_with(state.revision, move |revision| {
            if *revision > 0 {
                save_data(
                    &store,
                    &data,
                    &data_version,
                    overwrite,
                    &dispatcher,
                    &tracker,
                );
            }
        });
    }

    // While saving fails, try again now and then and when the page is shown again, so
    // saving resumes by itself once storage has room.
    {
        let store = store.clone();
        let dispatcher = state.dispatcher();
        let tracker = tracker.clone();
        let latest = latest.clone();
        let failing = matches!(state.save, SaveStatus::Failed(_));
        use_effect_with(failing, move |failing| {
            let retrying = failing.then(|| {
                browser::keep_trying(RETRY_MILLIS, move || {
                    if tracker.retry.get() {
                        let data = latest.borrow().clone();
                        let overwrite = *latest_overwrite.borrow();
                        save_data(
                            &store,
                            &data,
                            &data_version,
                            overwrite,
                            &dispatcher,
                            &tracker,
                        );
                    }
                })
            });
            move || drop(retrying)
        });
    }

    // Closing the tab with edits that are not stored asks first.
    {
        let tracker = tracker.clone();
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let guard = browser::confirm_before_closing(move || tracker.unsaved(&latest.borrow()));
            move || drop(guard)
        });
    }

    // "Load the newer version": read the store again so this tab's save counter matches.
    {
        let store = store.clone();
        let dispatcher = state.dispatcher();
        let reload_tracker = tracker.clone();
        use_effect_with(state.reload_request, move |request| {
            if *request > 0 {
                let loaded = store.0.borrow_mut().load();
                match loaded {
                    Ok(Loaded::Found(decoded)) => {
                        let data = Rc::new(decoded.data);
                        *reload_tracker.stored.borrow_mut() = data.clone();
                        dispatcher.dispatch(Action::Loaded(data))
                    }
                    Ok(Loaded::Empty) => {
                        *reload_tracker.stored.borrow_mut() = Rc::default();
                        dispatcher.dispatch(Action::Loaded(Rc::default()))
                    }
                    Ok(Loaded::Recovered(recovery)) => {
                        dispatcher.dispatch(Action::Notify(recovery.message()))
                    }
                    Ok(Loaded::Newer { schema }) => dispatcher.dispatch(Action::SaveFailed(
                        SaveError::NewerVersion { schema }.to_string(),
                    )),
                    Err(failure) => dispatcher.dispatch(Action::SaveFailed(format!(
                        "The newer version could not be read because {failure}."
                    ))),
                }
            }
        });
    }

    // Hear about saves made in other tabs.
    {
        let store = store.clone();
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = listen_for_other_tabs(move || {
                let newer = stored_data(&store.0.borrow());
                let Some(newer) = newer else {
                    return;
                };
                let current = latest.borrow().clone();
                if same_user_data(&newer, &current) {
                    // Only the other tab's screen changed: catch up with its save counter
                    // so this tab's next save is not taken for a conflict.
                    let _ = store.0.borrow_mut().load();
                } else {
                    dispatcher.dispatch(Action::OtherTabChanged(Rc::new(newer)));
                }
            });
            move || drop(listener)
        });
    }

    (state, store)
}
