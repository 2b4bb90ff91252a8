//! One component per screen, each named for what the user sees.

pub mod about;
pub mod explorer;
pub mod map;
pub mod role;

pub use about::AboutPage;
pub use explorer::RolesPage;
pub use map::MapPage;
pub use role::RolePage;
