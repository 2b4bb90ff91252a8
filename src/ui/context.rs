//! Shared read-only context: the role graph every page reads.

use crate::graph::RoleGraph;
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

/// The role graph from context. The app provides it above every page, so a page that
/// calls this outside the app is a programming error caught by the component tests.
#[hook]
pub fn use_graph() -> Option<GraphContext> {
    use_context::<GraphContext>()
}
