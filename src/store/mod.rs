//! Keeping the user's data safe: the versioned storage envelope, schema migrations,
//! backups and quarantine of unreadable data (pure), plus a small browser adapter.
//!
//! The UI opens a [`Store`] over [`DeviceStorage::open`] (local storage, or memory when
//! the browser refuses it), calls [`Store::load`] once at start and again when
//! [`listen_for_other_tabs`] reports a change, and calls [`Store::save`] after each
//! change, showing any [`SaveError`] with an "Export now" button.
//!
//! | key | holds |
//! |---|---|
//! | `foothold.data` | the user's data in an envelope ([`encode`]) |
//! | `foothold.backups` | a JSON list of the last saved envelopes, newest first |
//! | `foothold.quarantine.<n>` | unreadable data, exactly as it was found |

pub mod browser;
pub mod durable;
pub mod envelope;
pub mod kv;
pub mod v1;

pub use browser::{
    listen_for_other_tabs, persisted, request_persistence, storage_estimate, BrowserStorage,
    DeviceStorage, Persistence, StorageListener,
};
pub use durable::{
    BackupInfo, BackupPolicy, Loaded, QuarantinedCopy, Recovery, RestoreError, SaveError, Saved,
    Store, BACKUPS_KEY, DATA_KEY, QUARANTINE_PREFIX,
};
pub use envelope::{
    decode, encode, encode_pretty_with, encode_with, Decoded, EnvelopeKind, ExportScope, Header,
    StoreError, APP_NAME, CURRENT_SCHEMA, OLDEST_SCHEMA,
};
pub use kv::{KeyValueStore, MemoryStore, StorageFailure};
