//! Foothold: an offline career pathway planner for digital, data and informatics careers
//! in the NHS.
//!
//! Everything except [`ui`] is plain Rust with no browser types, tested natively:
//!
//! - [`graph`]: the role pack's types, loading, validation and the role graph index.
//! - [`planner`]: best and alternative routes, constraints, explanations, exploring.
//! - [`plan`]: the user's saved plans, progress, projected dates and evidence log.
//! - [`store`]: the versioned storage envelope, migrations and backups, plus a small
//!   browser adapter for local storage.
//! - [`share`]: export and import files, share links, the print model and calendars.
//! - [`ui`]: the yew app, which renders state and dispatches actions.

pub mod graph;
/// The role map's geometry: where roles and moves sit, title wrapping, pan and zoom.
pub mod layout;
/// Lowercasing for search without the standard library's Unicode case table.
pub mod lowercase;
/// One stable sort shared by the whole crate, so the app carries one copy of the sort code.
pub mod order;
pub mod plan;
pub mod planner;
pub mod share;
pub mod store;
pub mod ui;
