//! One component per screen.

pub mod not_found;
pub mod start;

pub use not_found::NotFoundPage;
pub use start::StartPage;
