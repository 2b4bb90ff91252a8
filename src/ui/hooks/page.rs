//! What every screen does when it opens: set the browser tab's title and move keyboard
//! and screen-reader focus to its main heading.

use crate::ui::context::GraphContext;
use crate::ui::routes::Route;
use std::cell::Cell;
use wasm_bindgen::JsCast;
use yew::prelude::*;

thread_local! {
    // The first screen after the page loads keeps focus where the browser put it;
    // only moving between screens moves focus, as on a server-rendered site.
    static FIRST_SCREEN_SHOWN: Cell<bool> = const { Cell::new(false) };
}

/// Sets `document.title` from the route and, on navigation, focuses the element the
/// returned ref is attached to (the page's `h1`, which must have `tabindex="-1"`).
#[hook]
pub fn use_page(route: &Route) -> NodeRef {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(route.clone(), move |route| {
            if let Some(document) = web_sys::window().and_then(|window| window.document()) {
                document.set_title(&route.title());
            }
            let first = FIRST_SCREEN_SHOWN.with(|shown| !shown.replace(true));
            if !first {
                if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }
    heading
}

/// Does for a screen without its own [`use_page`] call (the role explorer, role, map and
/// about pages) what `use_page` does: sets the title and, on navigation, focuses the
/// main heading. Called by the app frame, which knows the route.
#[hook]
pub fn use_frame_page(route: Option<Route>, graph: Option<GraphContext>) {
    use_effect_with(route, move |route| {
        let Some(route) = route else {
            return;
        };
        if !matches!(
            route,
            Route::Roles | Route::Role { .. } | Route::Map | Route::About
        ) {
            return;
        }
        let Some(document) = web_sys::window().and_then(|window| window.document()) else {
            return;
        };
        // A role's page is titled with the role, so tabs and history say which one.
        let role_title = match (route, &graph) {
            (Route::Role { id }, Some(graph)) => graph
                .role(&crate::graph::RoleId::new(id.as_str()))
                .map(|role| format!("{} – Foothold", role.title)),
            _ => None,
        };
        document.set_title(&role_title.unwrap_or_else(|| route.title()));
        let first = FIRST_SCREEN_SHOWN.with(|shown| !shown.replace(true));
        if !first {
            let heading = document
                .query_selector("#main-content h1")
                .ok()
                .flatten()
                .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(heading) = heading {
                let _ = heading.focus();
            }
        }
    });
}

/// Moves focus to the element with the given id, if there is one (error summaries and
/// the skip link use this).
pub fn focus_by_id(id: &str) {
    let element = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
