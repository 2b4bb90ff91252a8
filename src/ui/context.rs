//! Shared read-only context: the role index the whole app reads, and the full role
//! graph that the screens loaded on demand read.

use crate::graph::{RoleGraph, RoleIndex};
use std::ops::Deref;
use std::rc::Rc;
use yew::prelude::*;

/// The loaded role graph, shared through a yew context. Compares by pointer, so pages
/// re-render only when a different graph is loaded.
#[derive(Clone, Debug)]
pub struct GraphContext(pub Rc<RoleGraph>);

impl PartialEq for GraphContext {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for GraphContext {
    type Target = RoleGraph;

    fn deref(&self) -> &RoleGraph {
        &self.0
    }
}

/// The role graph from context. The app provides it around every screen loaded on
/// demand (see `ui::lazy`); the start screen and the frame read the [`RoleIndex`].
#[hook]
pub fn use_graph() -> Option<GraphContext> {
    use_context::<GraphContext>()
}

/// The role index, shared through a yew context. Compares by pointer.
#[derive(Clone, Debug)]
pub struct RoleIndexContext(pub Rc<RoleIndex>);

impl PartialEq for RoleIndexContext {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for RoleIndexContext {
    type Target = RoleIndex;

    fn deref(&self) -> &RoleIndex {
        &self.0
    }
}

/// The role index from context. The app provides it above everything.
#[hook]
pub fn use_role_index() -> Option<RoleIndexContext> {
    use_context::<RoleIndexContext>()
}
