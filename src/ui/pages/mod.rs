//! One component per screen, each named for what the user sees.

pub mod about;
pub mod explorer;
pub mod map;
pub mod not_found;
pub mod plan;
pub mod plans;
pub mod results;
pub mod role;
pub mod shared;
pub mod skills;
pub mod start;
pub mod where_next;
pub mod your_data;

pub use about::AboutPage;
pub use explorer::RolesPage;
pub use map::MapPage;
pub use not_found::NotFoundPage;
pub use plan::PlanPage;
pub use plans::PlansPage;
pub use results::RoutesPage;
pub use role::RolePage;
pub use shared::SharedPage;
pub use skills::SkillsPage;
pub use start::StartPage;
pub use where_next::ExplorePage;
pub use your_data::YourDataPage;
