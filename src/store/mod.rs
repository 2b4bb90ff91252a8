//! Keeping the user's data safe: the versioned storage envelope, schema migrations,
//! backups and quarantine of unreadable data (pure), plus a small browser adapter.
