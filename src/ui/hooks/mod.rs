//! Hooks that hold the app's side effects (document title and focus, storage, browser
//! services), so components only render and dispatch.

pub mod browser;
pub mod page;

pub use page::use_page;
