//! Every screen's address. Routing is by URL hash (`#/roles/digital-nurse`) so deep links
//! work on any static host without server rules.
//!
//! The hash router reads the hash as a URL relative to the page, and throws a JavaScript
//! error (not a Rust panic) for hashes it cannot read, such as `#//` (a host-relative
//! URL with no host) or `#abc` once the app is running. [`guard_address`] puts a
//! readable address in their place before the router sees them.

use yew_router::prelude::*;

/// A screen of the app.
#[derive(Debug, Clone, PartialEq, Eq, Routable)]
pub enum Route {
    /// Start: choose where you are and where you want to get to.
    #[at("/")]
    Start,
    /// Route results for a query encoded in the path.
    #[at("/routes/:from/:to")]
    Routes {
        /// The current role id.
        from: String,
        /// The target role id.
        to: String,
    },
    /// "I don't know yet": where could I go from a role.
    #[at("/explore/:from")]
    Explore {
        /// The current role id.
        from: String,
    },
    /// All roles, searchable and filterable.
    #[at("/roles")]
    Roles,
    /// One role's page.
    #[at("/roles/:id")]
    Role {
        /// The role id.
        id: String,
    },
    /// The role map picture.
    #[at("/map")]
    Map,
    /// Self-assessment: competencies held and development completed.
    #[at("/skills")]
    Skills,
    /// The plans dashboard.
    #[at("/plans")]
    Plans,
    /// One plan.
    #[at("/plans/:id")]
    Plan {
        /// The plan id.
        id: String,
    },
    /// A plan shared by link, shown read-only.
    #[at("/shared/:payload")]
    Shared {
        /// The compressed plan.
        payload: String,
    },
    /// Export, import, backups and storage status.
    #[at("/data")]
    YourData,
    /// About the role data: version, sources, evidence grades, licences.
    #[at("/about")]
    About,
    /// Anything else.
    #[not_found]
    #[at("/404")]
    NotFound,
}

impl Route {
    /// The page title shown in the browser tab and history.
    pub fn title(&self) -> String {
        let page = match self {
            Route::Start => "Plan your route",
            Route::Routes { .. } => "Your routes",
            Route::Explore { .. } => "Where could I go?",
            Route::Roles => "Roles",
            Route::Role { .. } => "Role",
            Route::Map => "Role map",
            Route::Skills => "What I already have",
            Route::Plans => "Your plans",
            Route::Plan { .. } => "Plan",
            Route::Shared { .. } => "Shared plan",
            Route::YourData => "Your data",
            Route::About => "About the data",
            Route::NotFound => "Page not found",
        };
        format!("{page} – Foothold")
    }

    /// Whether the app may reopen this screen when it next starts without an address.
    /// A shared plan is someone else's and a missing page is a mistake, so neither is
    /// remembered.
    pub fn reopens_at_start(&self) -> bool {
        !matches!(self, Route::Shared { .. } | Route::NotFound)
    }
}

/// The address to show instead of `hash` (the address's `#` part as `location.hash`
/// gives it) when the hash router cannot read it, or `None` when it can. A hash with no
/// screen in it opens the start screen; one the router would take for another host
/// (`#//…`, or `#/\…`, which URLs treat alike) is a page not found.
///
/// ```
/// use foothold::ui::routes::readable_hash;
///
/// assert_eq!(readable_hash("#/roles"), None);
/// assert_eq!(readable_hash("#//"), Some("#/404"));
/// assert_eq!(readable_hash("#//%zz"), Some("#/404"));
/// assert_eq!(readable_hash("#abc"), Some("#/"));
/// assert_eq!(readable_hash(""), Some("#/"));
/// ```
pub fn readable_hash(hash: &str) -> Option<&'static str> {
    match hash.strip_prefix("#/") {
        None => Some("#/"),
        Some(rest) if rest.starts_with('/') || rest.starts_with('\\') => Some("#/404"),
        Some(_) => None,
    }
}

/// Keeps the address readable for the hash router: fixes it now if it holds a hash the
/// router cannot read, and again whenever it changes. Call it before the app renders,
/// so this listener runs before the router's own.
pub fn guard_address() {
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};

    fn fix(window: &web_sys::Window, at_start: bool) {
        let hash = window.location().hash().unwrap_or_default();
        // At start an empty hash means "reopen the last screen"; the router writes "#/".
        if at_start && hash.is_empty() {
            return;
        }
        if let (Some(readable), Ok(history)) = (readable_hash(&hash), window.history()) {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(readable));
        }
    }

    let Some(window) = web_sys::window() else {
        return;
    };
    fix(&window, true);
    let listener = {
        let window = window.clone();
        Closure::<dyn Fn()>::new(move || fix(&window, false))
    };
    // Address changes fire `popstate` before `hashchange`; the router listens for
    // `popstate`, and listeners run in the order they were added.
    let _ = window.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    listener.forget();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_hostile_address_gets_a_screen_the_router_can_read() {
        let long = format!("#/{}", "a".repeat(100_000));
        for (hash, expected) in [
            ("#/", None),
            ("#/plans/p-1", None),
            ("#/shared/abc", None),
            (long.as_str(), None),
            ("#//", Some("#/404")),
            ("#///", Some("#/404")),
            ("#//[", Some("#/404")),
            ("#//%zz", Some("#/404")),
            ("#//evil.example/x", Some("#/404")),
            ("#/\\", Some("#/404")),
            ("#/\\evil.example", Some("#/404")),
            ("#abc", Some("#/")),
            ("#", Some("#/")),
            ("", Some("#/")),
        ] {
            assert_eq!(readable_hash(hash), expected, "{hash}");
        }
        assert_eq!(Route::recognize("/404"), Some(Route::NotFound));
        assert_eq!(Route::recognize(&long[1..]), Some(Route::NotFound));
    }
}
