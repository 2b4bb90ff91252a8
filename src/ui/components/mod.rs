//! Components shared by pages, named for what the user sees.

pub mod role_map;

pub use role_map::RoleMap;
