//! Saving and loading so that plans are never lost: every save is read back and
//! checked, the last few saved versions are kept as backups, unreadable data is moved
//! aside (never deleted), and a save never silently overwrites a newer save made in
//! another tab.

use crate::plan::{AppData, Timestamp};
use crate::store::envelope::{
    decode, encode_with, Decoded, EnvelopeKind, ExportScope, Header, StoreError,
};
use crate::store::kv::{KeyValueStore, StorageFailure};

/// The key the user's data is saved under.
pub const DATA_KEY: &str = "foothold.data";
/// The key the backups are kept under (a JSON list of saved documents, newest first).
pub const BACKUPS_KEY: &str = "foothold.backups";
/// Unreadable data is moved to this prefix followed by a number, starting at 1.
pub const QUARANTINE_PREFIX: &str = "foothold.quarantine.";

/// How backups are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupPolicy {
    /// How many saved versions to keep.
    pub keep: usize,
    /// Saves closer together than this many seconds, with the same number of plans,
    /// update the newest backup instead of adding one, so that a burst of small edits
    /// does not push out yesterday's version.
    pub min_gap_seconds: i64,
}

impl Default for BackupPolicy {
    fn default() -> Self {
        BackupPolicy {
            keep: 5,
            min_gap_seconds: 10 * 60,
        }
    }
}

/// What every save failure but a conflict tells the user to do.
const KEEP: &str = "Your changes are still on screen: use \"Export now\" to keep a copy in a file.";

/// Why a save did not happen. The data is untouched in memory; the message tells the
/// user what happened and what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    /// Storage is full.
    #[error("Your changes could not be saved because this browser's storage for Foothold is full. {KEEP}")]
    Full,
    /// Storage is missing or turned off.
    #[error("Your changes could not be saved because this browser is not letting Foothold store data (private browsing or a storage setting can do this). {KEEP}")]
    Blocked,
    /// The save was written but did not read back the same.
    #[error("Your changes may not have been saved: when Foothold read them back they were different. {KEEP}")]
    Unverified,
    /// Another tab saved after this one loaded; saving now would overwrite its changes.
    #[error("Your plans were changed in another tab or window (saved {}). Choose \"Load the newer version\" to see those changes, or \"Keep mine and overwrite\" to save what is on this screen instead.", .saved_at.describe())]
    Conflict {
        /// When the other tab saved.
        saved_at: Timestamp,
        /// The other save's counter.
        generation: u64,
    },
    /// The saved data is from a newer version of Foothold, which this one must not
    /// overwrite.
    #[error("Your plans were last saved by a newer version of Foothold, so this version will not overwrite them. Reload the page to update Foothold. {KEEP}")]
    NewerVersion {
        /// The schema version found.
        schema: u64,
    },
}

impl SaveError {
    /// True when the UI should offer "Export now" next to the message.
    pub fn offers_export(&self) -> bool {
        !matches!(self, SaveError::Conflict { .. })
    }
}

impl From<StorageFailure> for SaveError {
    fn from(failure: StorageFailure) -> Self {
        match failure {
            StorageFailure::Full => SaveError::Full,
            StorageFailure::Blocked | StorageFailure::Other(_) => SaveError::Blocked,
        }
    }
}

/// What a successful save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The save counter now stored.
    pub generation: u64,
    /// Where unreadable data that was in the way was moved to, if there was any.
    pub quarantined: Option<String>,
    /// Set when the save worked but backups could not be kept in full (storage nearly
    /// full); the UI should suggest exporting.
    pub backup_warning: Option<String>,
}

/// Saved data that could not be read, and what was done about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// Why it could not be read.
    pub reason: StoreError,
    /// The key it was moved to, exactly as it was; `None` when moving it failed, in
    /// which case it was left where it was.
    pub kept_as: Option<String>,
    /// Backups that could be restored instead.
    pub backups: Vec<BackupInfo>,
}

impl Recovery {
    /// What to tell the user, in plain English.
    pub fn message(&self) -> String {
        let mut message = format!(
            "Your saved plans could not be opened because {}. ",
            self.reason
        );
        match &self.kept_as {
            Some(_) => message.push_str(
                "Nothing has been deleted: Foothold has put the saved copy aside exactly as it was, and you can export it from Settings to get help recovering it.",
            ),
            None => message.push_str(
                "Nothing has been deleted: the saved copy has been left where it is, and Foothold will not save over it.",
            ),
        }
        let readable = self.backups.iter().filter(|backup| backup.readable).count();
        if readable > 0 {
            message.push_str(&format!(
                " You can also restore one of {readable} earlier saved version(s)."
            ));
        }
        message
    }
}

/// What loading found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loaded {
    /// Nothing saved yet.
    Empty,
    /// The saved data, upgraded if it was in an older schema.
    Found(Decoded),
    /// Data saved by a newer version of Foothold; it is left untouched and saves are
    /// refused until the page is reloaded with the newer version.
    Newer {
        /// The schema version found.
        schema: u64,
    },
    /// The saved data could not be read; it has been kept aside.
    Recovered(Recovery),
}

/// One backup as the backups list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    /// Its place in the list, newest first from 0; pass it to [`Store::backup`].
    pub position: usize,
    /// When it was saved, if it can be read.
    pub saved_at: Option<Timestamp>,
    /// How many plans it holds.
    pub plan_count: usize,
    /// The names of its plans.
    pub plan_names: Vec<String>,
    /// False when the backup itself cannot be read.
    pub readable: bool,
}

/// Why a backup could not be restored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RestoreError {
    /// There is no backup at that position.
    #[error("That saved version is no longer kept.")]
    NoSuchBackup,
    /// The backup cannot be read.
    #[error("That saved version cannot be restored because {0}.")]
    Unreadable(StoreError),
    /// Storage failed.
    #[error("That saved version cannot be read because {0}.")]
    Storage(StorageFailure),
}

/// Data that was moved aside because it could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarantinedCopy {
    /// The storage key it is under.
    pub key: String,
    /// The text exactly as it was found.
    pub text: String,
}

/// Saves and loads the user's data in a [`KeyValueStore`], remembering which save this
/// tab last loaded or made so it never overwrites a newer one unasked.
///
/// ```
/// use foothold::plan::{AppData, Timestamp};
/// use foothold::store::{Loaded, MemoryStore, SaveError, Store};
///
/// let now: Timestamp = "2026-11-25T09:30:00Z".parse().unwrap();
/// let mut tab_a = Store::new(MemoryStore::new());
/// assert_eq!(tab_a.load().unwrap(), Loaded::Empty);
/// tab_a.save(&AppData::default(), "2026.11.0", now).unwrap();
///
/// // A second tab sharing the same storage saves in between...
/// let mut tab_b = Store::new(tab_a.storage().clone());
/// tab_b.load().unwrap();
/// tab_b.save(&AppData::default(), "2026.11.0", now).unwrap();
/// *tab_a.storage_mut() = tab_b.storage().clone();
///
/// // ...so the first tab is told instead of overwriting it.
/// let refused = tab_a.save(&AppData::default(), "2026.11.0", now);
/// assert!(matches!(refused, Err(SaveError::Conflict { .. })));
/// ```
#[derive(Debug, Clone)]
pub struct Store<S> {
    kv: S,
    generation: u64,
    policy: BackupPolicy,
}

enum Stored {
    Nothing,
    Readable(Box<Decoded>),
    Newer(u64),
    Unreadable(String, StoreError),
}

impl<S: KeyValueStore> Store<S> {
    /// A store over some storage, with the default backup policy.
    pub fn new(kv: S) -> Store<S> {
        Store::with_policy(kv, BackupPolicy::default())
    }

    /// A store with a chosen backup policy.
    pub fn with_policy(kv: S, policy: BackupPolicy) -> Store<S> {
        Store {
            kv,
            generation: 0,
            policy,
        }
    }

    /// The storage underneath.
    pub fn storage(&self) -> &S {
        &self.kv
    }

    /// The storage underneath, to change it directly (tests, clearing data).
    pub fn storage_mut(&mut self) -> &mut S {
        &mut self.kv
    }

    /// The save counter of what this tab last loaded or saved.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    fn read_stored(&self) -> Result<Stored, StorageFailure> {
        let Some(text) = self.kv.get(DATA_KEY)? else {
            return Ok(Stored::Nothing);
        };
        Ok(match decode(&text) {
            Ok(decoded) => Stored::Readable(Box::new(decoded)),
            Err(StoreError::NewerSchema { found }) => Stored::Newer(found),
            Err(reason) => Stored::Unreadable(text, reason),
        })
    }

    /// Moves text to the next free quarantine key, checking it arrived intact. The key
    /// is never one already in use, whatever numbers are there: after the largest
    /// number, or, when that is the largest there can be, the smallest free one.
    fn move_aside(&mut self, text: &str) -> Result<String, StorageFailure> {
        let keys = self.kv.keys()?;
        let used: std::collections::BTreeSet<u64> = keys
            .iter()
            .filter_map(|key| key.strip_prefix(QUARANTINE_PREFIX)?.parse::<u64>().ok())
            .collect();
        let next = match used.last() {
            None => 1,
            Some(largest) => largest
                .checked_add(1)
                // At most `used.len()` numbers are taken, so one of the first
                // `used.len() + 1` is free.
                .unwrap_or_else(|| (1..).find(|n| !used.contains(n)).unwrap_or(1)),
        };
        let key = format!("{QUARANTINE_PREFIX}{next}");
        if keys.contains(&key) {
            return Err(StorageFailure::Other(
                "no free place to put the unreadable copy aside".to_owned(),
            ));
        }
        self.kv.set(&key, text)?;
        if self.kv.get(&key)?.as_deref() != Some(text) {
            return Err(StorageFailure::Other(
                "the copy put aside did not read back the same".to_owned(),
            ));
        }
        Ok(key)
    }

    /// Loads the saved data. Unreadable data is moved to a quarantine key exactly as
    /// it was (never deleted) and described in a [`Recovery`]; data from a newer
    /// version is left alone. Only a storage failure is an error.
    pub fn load(&mut self) -> Result<Loaded, StorageFailure> {
        match self.read_stored()? {
            Stored::Nothing => {
                self.generation = 0;
                Ok(Loaded::Empty)
            }
            Stored::Readable(decoded) => {
                self.generation = decoded.generation;
                Ok(Loaded::Found(*decoded))
            }
            Stored::Newer(schema) => Ok(Loaded::Newer { schema }),
            Stored::Unreadable(text, reason) => {
                let kept_as = self.move_aside(&text).ok();
                if kept_as.is_some() {
                    // Safe to clear: the exact text now lives under the quarantine key.
                    self.kv.remove(DATA_KEY)?;
                }
                self.generation = 0;
                Ok(Loaded::Recovered(Recovery {
                    reason,
                    kept_as,
                    backups: self.backups().unwrap_or_default(),
                }))
            }
        }
    }

    /// A save made by another tab since this one loaded or saved: its counter and time.
    pub fn newer_save(&self) -> Result<Option<(u64, Timestamp)>, StorageFailure> {
        Ok(match self.read_stored()? {
            Stored::Readable(decoded) if decoded.generation > self.generation => {
                Some((decoded.generation, decoded.saved_at))
            }
            _ => None,
        })
    }

    /// Saves the data, refusing with [`SaveError::Conflict`] if another tab saved since
    /// this one loaded or saved. The save is read back and compared. On failure the
    /// data in memory is untouched and the error tells the user to export it.
    pub fn save(
        &mut self,
        data: &AppData,
        data_version: &str,
        now: Timestamp,
    ) -> Result<Saved, SaveError> {
        self.save_checked(data, data_version, now, true)
    }

    /// Saves the data even if another tab saved in between ("Keep mine and
    /// overwrite"). Data from a newer version of Foothold is still never overwritten.
    pub fn save_overwriting(
        &mut self,
        data: &AppData,
        data_version: &str,
        now: Timestamp,
    ) -> Result<Saved, SaveError> {
        self.save_checked(data, data_version, now, false)
    }

    fn save_checked(
        &mut self,
        data: &AppData,
        data_version: &str,
        now: Timestamp,
        refuse_newer: bool,
    ) -> Result<Saved, SaveError> {
        let mut quarantined = None;
        let stored_generation = match self.read_stored()? {
            Stored::Nothing => 0,
            Stored::Readable(decoded) => {
                if refuse_newer && decoded.generation > self.generation {
                    return Err(SaveError::Conflict {
                        saved_at: decoded.saved_at,
                        generation: decoded.generation,
                    });
                }
                decoded.generation
            }
            Stored::Newer(schema) => return Err(SaveError::NewerVersion { schema }),
            Stored::Unreadable(text, _) => {
                // Never write over something we cannot read: put it aside first.
                quarantined = Some(self.move_aside(&text)?);
                0
            }
        };
        let generation = self.generation.max(stored_generation) + 1;
        let text = encode_with(
            data,
            &Header {
                kind: EnvelopeKind::Store,
                scope: ExportScope::Everything,
                data_version: data_version.to_owned(),
                saved_at: now,
                generation,
            },
        );
        let mut backup_warning = None;
        match self.kv.set(DATA_KEY, &text) {
            Ok(()) => {}
            Err(StorageFailure::Full) => {
                // Older backups are only copies of past saves; the current data
                // matters more, so make room from them and try once more.
                if self.trim_backups(1) {
                    backup_warning = Some(
                        "Storage is nearly full, so older saved versions were removed to make room. Export your plans to keep a copy.".to_owned(),
                    );
                }
                self.kv.set(DATA_KEY, &text)?;
            }
            Err(failure) => return Err(failure.into()),
        }
        match self.kv.get(DATA_KEY) {
            Ok(Some(read_back)) if read_back == text => {}
            _ => return Err(SaveError::Unverified),
        }
        self.generation = generation;
        if let Some(warning) = self.keep_backup(&text, data.plans.len(), now) {
            backup_warning = Some(warning);
        }
        Ok(Saved {
            generation,
            quarantined,
            backup_warning,
        })
    }

    fn read_backup_texts(&self) -> Result<Result<Vec<String>, String>, StorageFailure> {
        Ok(match self.kv.get(BACKUPS_KEY)? {
            None => Ok(Vec::new()),
            Some(text) => serde_json::from_str(&text).map_err(|_| text),
        })
    }

    /// Cuts the backups list to at most `keep`; true when anything was removed.
    fn trim_backups(&mut self, keep: usize) -> bool {
        match self.read_backup_texts() {
            Ok(Ok(mut texts)) if texts.len() > keep => {
                texts.truncate(keep);
                let list = serde_json::to_string(&texts).unwrap_or_default();
                self.kv.set(BACKUPS_KEY, &list).is_ok()
            }
            _ => false,
        }
    }

    /// Adds the save to the backups; returns a warning for the user when backups
    /// could not be kept in full.
    fn keep_backup(&mut self, text: &str, plan_count: usize, now: Timestamp) -> Option<String> {
        let cannot = |failure: StorageFailure| {
            format!("Your plans were saved, but a backup copy could not be kept because {failure}. Export your plans to keep a copy.")
        };
        let mut texts = match self.read_backup_texts() {
            Ok(Ok(texts)) => texts,
            Ok(Err(unreadable)) => match self.move_aside(&unreadable) {
                Ok(_) => Vec::new(),
                Err(failure) => return Some(cannot(failure)),
            },
            Err(failure) => return Some(cannot(failure)),
        };
        let replaces_newest = texts
            .first()
            .and_then(|newest| decode(newest).ok())
            .is_some_and(|newest| {
                now.unix_seconds() - newest.saved_at.unix_seconds() < self.policy.min_gap_seconds
                    && newest.data.plans.len() == plan_count
            });
        if replaces_newest {
            texts[0] = text.to_owned();
        } else {
            texts.insert(0, text.to_owned());
        }
        texts.truncate(self.policy.keep.max(1));
        let mut dropped = false;
        loop {
            let list = serde_json::to_string(&texts).unwrap_or_default();
            match self.kv.set(BACKUPS_KEY, &list) {
                Ok(()) if dropped => {
                    return Some(
                        "Storage is nearly full, so fewer earlier versions of your plans are kept. Export your plans to keep a copy.".to_owned(),
                    )
                }
                Ok(()) => return None,
                Err(StorageFailure::Full) if texts.len() > 1 => {
                    texts.pop();
                    dropped = true;
                }
                Err(failure) => return Some(cannot(failure)),
            }
        }
    }

    /// The kept backups, newest first. The newest is normally the same as the last
    /// save; older ones are earlier versions.
    pub fn backups(&self) -> Result<Vec<BackupInfo>, StorageFailure> {
        let texts = self.read_backup_texts()?.unwrap_or_default();
        Ok(texts
            .iter()
            .enumerate()
            .map(|(position, text)| match decode(text) {
                Ok(decoded) => BackupInfo {
                    position,
                    saved_at: Some(decoded.saved_at),
                    plan_count: decoded.data.plans.len(),
                    plan_names: decoded.data.plans.iter().map(|p| p.name.clone()).collect(),
                    readable: true,
                },
                Err(_) => BackupInfo {
                    position,
                    saved_at: None,
                    plan_count: 0,
                    plan_names: Vec::new(),
                    readable: false,
                },
            })
            .collect())
    }

    /// Reads one backup so the UI can show it and, if the user confirms, make it the
    /// current data (by saving it). Storage is not changed.
    pub fn backup(&self, position: usize) -> Result<Decoded, RestoreError> {
        let texts = self
            .read_backup_texts()
            .map_err(RestoreError::Storage)?
            .unwrap_or_default();
        let text = texts.get(position).ok_or(RestoreError::NoSuchBackup)?;
        decode(text).map_err(RestoreError::Unreadable)
    }

    /// Everything moved aside because it could not be read, oldest first, so the user
    /// can export it.
    pub fn quarantined(&self) -> Result<Vec<QuarantinedCopy>, StorageFailure> {
        let mut numbered: Vec<(u64, String)> = self
            .kv
            .keys()?
            .into_iter()
            .filter_map(|key| {
                let number = key.strip_prefix(QUARANTINE_PREFIX)?.parse().ok()?;
                Some((number, key))
            })
            .collect();
        crate::order::sort(&mut numbered);
        let mut copies = Vec::with_capacity(numbered.len());
        for (_, key) in numbered {
            if let Some(text) = self.kv.get(&key)? {
                copies.push(QuarantinedCopy { key, text });
            }
        }
        Ok(copies)
    }

    /// Deletes a copy that was moved aside. Only for when the user has chosen to,
    /// after exporting it; nothing in Foothold calls this on its own.
    pub fn discard_quarantined(&mut self, key: &str) -> Result<(), StorageFailure> {
        if key.starts_with(QUARANTINE_PREFIX) {
            self.kv.remove(key)?;
        }
        Ok(())
    }
}
