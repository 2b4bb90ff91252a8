//! The storage the app saves into, as a small trait: browser local storage in the app,
//! an in-memory map in tests.

use std::collections::BTreeMap;

/// Why storage refused a read or write.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageFailure {
    /// There is no room left (the browser's quota is used up).
    #[error("this browser's storage for Foothold is full")]
    Full,
    /// Storage is missing or turned off (private browsing, a locked-down profile).
    #[error("this browser is not letting Foothold store data")]
    Blocked,
    /// Any other failure, with what the browser said.
    #[error("storage failed: {0}")]
    Other(String),
}

/// A place to keep text under keys, such as browser local storage.
pub trait KeyValueStore {
    /// The text under a key, or `None` when nothing is stored there.
    fn get(&self, key: &str) -> Result<Option<String>, StorageFailure>;
    /// Stores text under a key, replacing what was there.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageFailure>;
    /// Removes a key; removing a key that is not there succeeds.
    fn remove(&mut self, key: &str) -> Result<(), StorageFailure>;
    /// Every key stored.
    fn keys(&self) -> Result<Vec<String>, StorageFailure>;
}

/// Storage in memory, for tests and for running when the browser offers none. It can
/// be given a size limit (counting characters of keys and values, as browsers roughly
/// do) and can be switched to refuse everything, to act out full or blocked storage.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemoryStore {
    entries: BTreeMap<String, String>,
    capacity: Option<usize>,
    blocked: bool,
}

impl MemoryStore {
    /// Empty storage with no size limit.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// Empty storage that holds at most `chars` characters of keys and values.
    pub fn with_capacity(chars: usize) -> MemoryStore {
        MemoryStore {
            capacity: Some(chars),
            ..MemoryStore::default()
        }
    }

    /// Makes every later call fail with [`StorageFailure::Blocked`] (or work again).
    pub fn set_blocked(&mut self, blocked: bool) {
        self.blocked = blocked;
    }

    /// Everything stored, by key.
    pub fn entries(&self) -> &BTreeMap<String, String> {
        &self.entries
    }

    fn used_without(&self, key: &str) -> usize {
        self.entries
            .iter()
            .filter(|(existing, _)| existing.as_str() != key)
            .map(|(k, v)| k.chars().count() + v.chars().count())
            .sum()
    }

    fn check_open(&self) -> Result<(), StorageFailure> {
        if self.blocked {
            Err(StorageFailure::Blocked)
        } else {
            Ok(())
        }
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageFailure> {
        self.check_open()?;
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageFailure> {
        self.check_open()?;
        if let Some(capacity) = self.capacity {
            let needed = key.chars().count() + value.chars().count();
            if self.used_without(key) + needed > capacity {
                return Err(StorageFailure::Full);
            }
        }
        self.entries.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageFailure> {
        self.check_open()?;
        self.entries.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageFailure> {
        self.check_open()?;
        Ok(self.entries.keys().cloned().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_memory_store_refuses_writes_and_keeps_what_it_had() {
        let mut store = MemoryStore::with_capacity(10);
        store.set("a", "12345").unwrap();
        assert_eq!(store.set("b", "123456789"), Err(StorageFailure::Full));
        assert_eq!(store.get("a").unwrap().as_deref(), Some("12345"));
        // Replacing a value only needs room for the difference.
        store.set("a", "123456789").unwrap();
    }

    #[test]
    fn a_blocked_memory_store_refuses_everything() {
        let mut store = MemoryStore::new();
        store.set_blocked(true);
        assert_eq!(store.get("a"), Err(StorageFailure::Blocked));
        assert_eq!(store.set("a", "1"), Err(StorageFailure::Blocked));
        assert_eq!(store.keys(), Err(StorageFailure::Blocked));
    }
}
