//! Hooks that hold the app's side effects (document title and focus, storage, browser
//! services), so components only render and dispatch.

pub mod browser;
pub mod deferred;
pub mod page;
pub mod persisted;

pub use deferred::{use_later_task, use_start_up_step};
pub use page::use_page;
pub use persisted::{use_persisted_app_data, use_store, StoreContext};
