//! Shared read-only context: the role index the whole app reads, and the full role
//! graph that the screens loaded on demand read.

use crate::graph::{RoleGraph, RoleIndex};
use std::ops::Deref;
use std::rc::Rc;
use yew::prelude::*;

/// Read-only data shared through a yew context. Compares by pointer, so components
/// re-render only when different data is provided, never by comparing its contents.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// The loaded role graph, shared through a yew context.
pub type GraphContext = Shared<RoleGraph>;

/// The role index, shared through a yew context.
pub type RoleIndexContext = Shared<RoleIndex>;

/// The role graph from context. The app provides it around every screen loaded on
/// demand (see `ui::lazy`); the start screen and the frame read the [`RoleIndex`].
#[hook]
pub fn use_graph() -> Option<GraphContext> {
    use_context::<GraphContext>()
}

/// The role index from context. The app provides it above everything.
#[hook]
pub fn use_role_index() -> Option<RoleIndexContext> {
    use_context::<RoleIndexContext>()
}
