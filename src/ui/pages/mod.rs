//! One component per screen.

pub mod not_found;
pub mod results;
pub mod start;
pub mod where_next;

pub use not_found::NotFoundPage;
pub use results::RoutesPage;
pub use start::StartPage;
pub use where_next::ExplorePage;
