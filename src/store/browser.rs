//! The browser side of storage: local storage as a [`KeyValueStore`], asking the
//! browser to keep our data (`navigator.storage.persist()`), and hearing about saves
//! made in other tabs. Browser types stay inside this file.
//!
//! It compiles on every target so the crate builds natively, but off the web every
//! function reports that storage is unavailable instead of calling the browser.
//!
//! Local storage is reached through `gloo-storage`'s [`LocalStorage`]: it hands out the
//! storage handle, Foothold's own saves (the envelope and the backups list, each one JSON
//! document) are written with `LocalStorage::set`, keys are removed with
//! `LocalStorage::delete` and counted with `LocalStorage::length`, and a refused write is
//! sorted into full, blocked or other by the JavaScript error name gloo's error carries.
//! A few steps use the handle's own methods instead, because gloo's would lose behaviour:
//!
//! - Opening asks `window.localStorage` first: `LocalStorage::raw()` throws a JavaScript
//!   exception when storage is missing or refused, which would stop the app instead of
//!   letting it tell the user and keep the data in memory. Once that succeeds the page
//!   keeps the same storage object, so gloo's later calls cannot throw.
//! - Reading uses `getItem` on gloo's handle: `LocalStorage::get` parses the text as JSON,
//!   so it cannot give back text exactly as stored. Unreadable saves, which the store moves
//!   aside exactly as they were found, would be lost, and even spaces around JSON dropped.
//! - Writing text that is not exactly one JSON document (only copies of unreadable data
//!   being moved aside) uses `setItem`: `LocalStorage::set` would store it quoted.
//! - Listing keys uses `key(n)`: gloo offers only `get_all`, which parses every value as
//!   JSON, and other apps served from the same origin may store anything.
//! - Other-tab `storage` events and `navigator.storage` are outside gloo-storage.

use crate::store::durable::DATA_KEY;
use crate::store::kv::{KeyValueStore, MemoryStore, StorageFailure};
use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde_json::value::RawValue;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

const ON_THE_WEB: bool = cfg!(target_arch = "wasm32");

/// The browser's local storage for this site.
#[derive(Debug, Clone)]
pub struct BrowserStorage {
    /// gloo's handle, for the reads that must see the text exactly as stored.
    storage: web_sys::Storage,
}

/// Sorts a storage exception by its JavaScript error name into full, blocked or
/// something else.
fn failure_named(name: &str) -> StorageFailure {
    match name {
        // Firefox used its own name for the quota error before adopting the standard one.
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageFailure::Full,
        "SecurityError" | "InvalidAccessError" => StorageFailure::Blocked,
        other => StorageFailure::Other(other.to_owned()),
    }
}

fn error_name(error: &JsValue) -> Option<String> {
    js_sys::Reflect::get(error, &JsValue::from_str("name"))
        .ok()
        .and_then(|name| name.as_string())
}

/// Sorts an exception thrown by the storage handle itself.
fn classify(error: JsValue) -> StorageFailure {
    match error_name(&error) {
        Some(name) => failure_named(&name),
        None => StorageFailure::Other(
            error
                .as_string()
                .unwrap_or_else(|| "an unknown storage error".to_owned()),
        ),
    }
}

/// Sorts an error from gloo-storage; a browser's refusal arrives as a JavaScript error
/// whose name says why.
fn classify_gloo(error: StorageError) -> StorageFailure {
    match error {
        StorageError::JsError(error) => failure_named(&error.name),
        // Only `get` parses JSON or reports a missing key, and it is not used here.
        other => StorageFailure::Other(other.to_string()),
    }
}

/// The text as one JSON document, when it is exactly that (no spaces around it), so
/// that gloo-storage writes it character for character.
fn as_json_document(text: &str) -> Option<&RawValue> {
    serde_json::from_str::<&RawValue>(text)
        .ok()
        .filter(|json| json.get().len() == text.len())
}

impl BrowserStorage {
    /// Opens local storage; [`StorageFailure::Blocked`] when the browser has none or
    /// refuses it (private modes, locked-down profiles, or off the web).
    pub fn open() -> Result<BrowserStorage, StorageFailure> {
        if !ON_THE_WEB {
            return Err(StorageFailure::Blocked);
        }
        let window = web_sys::window().ok_or(StorageFailure::Blocked)?;
        // Asked here rather than through gloo, which throws when storage is refused.
        match window.local_storage() {
            Ok(Some(_)) => Ok(BrowserStorage {
                storage: LocalStorage::raw(),
            }),
            Ok(None) => Err(StorageFailure::Blocked),
            Err(error) => Err(match classify(error) {
                StorageFailure::Full => StorageFailure::Full,
                _ => StorageFailure::Blocked,
            }),
        }
    }
}

impl KeyValueStore for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageFailure> {
        self.storage.get_item(key).map_err(classify)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageFailure> {
        match as_json_document(value) {
            Some(json) => LocalStorage::set(key, json).map_err(classify_gloo),
            None => self.storage.set_item(key, value).map_err(classify),
        }
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageFailure> {
        // `removeItem` never throws once storage is open.
        LocalStorage::delete(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageFailure> {
        let length = LocalStorage::length();
        let mut keys = Vec::with_capacity(length as usize);
        for index in 0..length {
            if let Some(key) = self.storage.key(index).map_err(classify)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}

/// Where the app keeps data on this device: local storage when the browser allows it,
/// otherwise memory for this visit only (the UI must then say that nothing will be
/// kept after the page is closed, and offer "Export now").
#[derive(Debug, Clone)]
pub enum DeviceStorage {
    /// The browser's local storage.
    Browser(BrowserStorage),
    /// Memory only, lost when the page closes.
    Memory(MemoryStore),
}

impl DeviceStorage {
    /// Opens local storage, falling back to memory; the failure, if any, says why.
    ///
    /// ```
    /// use foothold::store::{DeviceStorage, StorageFailure};
    ///
    /// // Off the web there is no local storage, so this falls back to memory.
    /// let (storage, failure) = DeviceStorage::open();
    /// assert!(!storage.keeps_data_after_closing());
    /// assert_eq!(failure, Some(StorageFailure::Blocked));
    /// ```
    pub fn open() -> (DeviceStorage, Option<StorageFailure>) {
        match BrowserStorage::open() {
            Ok(storage) => (DeviceStorage::Browser(storage), None),
            Err(failure) => (DeviceStorage::Memory(MemoryStore::new()), Some(failure)),
        }
    }

    /// True when data survives closing the page.
    pub fn keeps_data_after_closing(&self) -> bool {
        matches!(self, DeviceStorage::Browser(_))
    }
}

impl KeyValueStore for DeviceStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageFailure> {
        match self {
            DeviceStorage::Browser(storage) => storage.get(key),
            DeviceStorage::Memory(storage) => storage.get(key),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageFailure> {
        match self {
            DeviceStorage::Browser(storage) => storage.set(key, value),
            DeviceStorage::Memory(storage) => storage.set(key, value),
        }
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageFailure> {
        match self {
            DeviceStorage::Browser(storage) => storage.remove(key),
            DeviceStorage::Memory(storage) => storage.remove(key),
        }
    }

    fn keys(&self) -> Result<Vec<String>, StorageFailure> {
        match self {
            DeviceStorage::Browser(storage) => storage.keys(),
            DeviceStorage::Memory(storage) => storage.keys(),
        }
    }
}

/// Whether the browser has promised not to clear our storage when space runs low.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persistence {
    /// The browser will keep our data until the user clears it.
    Persisted,
    /// The browser may clear our data under storage pressure.
    NotPersisted,
    /// The browser cannot say (too old, or not a secure page).
    Unsupported,
}

impl Persistence {
    /// A cautious sentence for the settings page.
    pub fn message(self) -> &'static str {
        match self {
            Persistence::Persisted => {
                "This browser has agreed to keep Foothold's data unless you clear it yourself. Clearing browsing data still removes it, so export your plans now and then."
            }
            Persistence::NotPersisted => {
                "This browser may clear Foothold's data if the device runs short of space. Export your plans regularly to keep a copy."
            }
            Persistence::Unsupported => {
                "This browser cannot say whether it will keep Foothold's data. Export your plans regularly to keep a copy."
            }
        }
    }
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    if !ON_THE_WEB {
        return None;
    }
    let navigator = web_sys::window()?.navigator();
    // `navigator.storage` is missing on insecure pages and older browsers.
    let has_storage = js_sys::Reflect::has(&navigator, &JsValue::from_str("storage")).ok()?;
    if !has_storage {
        return None;
    }
    let manager = navigator.storage();
    if manager.is_undefined() || manager.is_null() {
        return None;
    }
    Some(manager)
}

async fn ask(promise: Result<js_sys::Promise, JsValue>) -> Persistence {
    let Ok(promise) = promise else {
        return Persistence::Unsupported;
    };
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(answer) if answer.as_bool() == Some(true) => Persistence::Persisted,
        Ok(_) => Persistence::NotPersisted,
        Err(_) => Persistence::Unsupported,
    }
}

/// Asks the browser to keep our data (`navigator.storage.persist()`). Some browsers
/// decide without asking the user; the answer says what they decided.
pub async fn request_persistence() -> Persistence {
    match storage_manager() {
        Some(manager) => ask(manager.persist()).await,
        None => Persistence::Unsupported,
    }
}

/// Whether the browser has already agreed to keep our data
/// (`navigator.storage.persisted()`), without asking.
pub async fn persisted() -> Persistence {
    match storage_manager() {
        Some(manager) => ask(manager.persisted()).await,
        None => Persistence::Unsupported,
    }
}

/// Listens for saves of the user's data made by other tabs (the browser's `storage`
/// event, which never fires in the tab that saved). Dropping it stops listening.
pub struct StorageListener {
    window: web_sys::Window,
    callback: Closure<dyn FnMut(web_sys::StorageEvent)>,
}

impl std::fmt::Debug for StorageListener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StorageListener")
    }
}

impl Drop for StorageListener {
    fn drop(&mut self) {
        // Removing can only fail if the listener was never added; nothing to undo then.
        let _ = self
            .window
            .remove_event_listener_with_callback("storage", self.callback.as_ref().unchecked_ref());
    }
}

/// Calls `on_change` whenever another tab saves or clears the user's data. `None` off
/// the web or when the listener cannot be added. Keep the returned guard for as long
/// as you want to hear about changes.
pub fn listen_for_other_tabs(mut on_change: impl FnMut() + 'static) -> Option<StorageListener> {
    if !ON_THE_WEB {
        return None;
    }
    let window = web_sys::window()?;
    let callback =
        Closure::<dyn FnMut(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            // A missing key means the whole storage was cleared.
            match event.key() {
                None => on_change(),
                Some(key) if key == DATA_KEY => on_change(),
                Some(_) => {}
            }
        });
    window
        .add_event_listener_with_callback("storage", callback.as_ref().unchecked_ref())
        .ok()?;
    Some(StorageListener { window, callback })
}

/// How much storage the site uses and may use, in bytes, when the browser says
/// (`navigator.storage.estimate()`); for warning before storage fills up.
pub async fn storage_estimate() -> Option<(f64, f64)> {
    let manager = storage_manager()?;
    let estimate = wasm_bindgen_futures::JsFuture::from(manager.estimate().ok()?)
        .await
        .ok()?;
    let number = |name: &str| {
        js_sys::Reflect::get(&estimate, &JsValue::from_str(name))
            .ok()
            .and_then(|value| value.as_f64())
    };
    Some((number("usage")?, number("quota")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quota_errors_are_full_and_refusals_are_blocked() {
        assert_eq!(failure_named("QuotaExceededError"), StorageFailure::Full);
        assert_eq!(
            failure_named("NS_ERROR_DOM_QUOTA_REACHED"),
            StorageFailure::Full
        );
        assert_eq!(failure_named("SecurityError"), StorageFailure::Blocked);
        assert_eq!(failure_named("InvalidAccessError"), StorageFailure::Blocked);
        assert_eq!(
            failure_named("UnknownError"),
            StorageFailure::Other("UnknownError".to_owned())
        );
    }

    #[test]
    fn only_text_that_is_exactly_one_json_document_goes_through_gloo() {
        let envelope = r#"{"app":"foothold","notes":"café \"quoted\"\n"}"#;
        assert_eq!(
            as_json_document(envelope).map(RawValue::get),
            Some(envelope)
        );
        // gloo-storage's `set` stores `serde_json::to_string` of what it is given.
        let json = as_json_document(envelope).map(serde_json::to_string);
        assert_eq!(json.and_then(Result::ok).as_deref(), Some(envelope));
        assert_eq!(as_json_document("[1,2]").map(RawValue::get), Some("[1,2]"));
        // gloo would store these differently: quoted, or without the spaces.
        assert!(as_json_document("{\"app\":\"foothold\"").is_none());
        assert!(as_json_document("not json").is_none());
        assert!(as_json_document(" {} ").is_none());
        assert!(as_json_document("{}\n").is_none());
        assert!(as_json_document("").is_none());
    }
}
