//! The role map's geometry, worked out in plain Rust so it can be tested natively:
//! where each role sits (columns by band, rows by family), how each move between roles
//! is drawn, how a title wraps inside its box, and the pan and zoom window onto the map.
//!
//! Nothing here knows about the browser; the `RoleMap` component only draws what
//! [`layout_map`] returns and feeds pointer and key input through [`Viewport`].

pub mod map;
pub mod text;
pub mod viewport;

pub use map::{
    layout_map, map_band, neighbourhood, Column, MapEdge, MapLayout, MapNode, Point, Rect, Row,
};
pub use text::wrap_words;
pub use viewport::{PanDirection, Size, Viewport};
