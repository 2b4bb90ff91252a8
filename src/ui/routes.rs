//! Every screen's address. Routing is by URL hash (`#/roles/digital-nurse`) so deep links
//! work on any static host without server rules.
//!
//! The hash router reads the hash as a URL relative to the page, and throws a JavaScript
//! error (not a Rust panic) for hashes it cannot read, such as `#//` (a host-relative
//! URL with no host) or `#abc` once the app is running. [`guard_address`] puts a
//! readable address in their place before the router sees them.
//!
//! `Routable` is written out by hand rather than derived: the derive matches addresses
//! with a general route recognizer (an NFA built at start, with hash maps of
//! parameters), which put about 12 kB of code into the first download; matching the
//! few fixed shapes below by their segments does the same job in a fraction of that.
//! The path patterns are listed in [`PATHS`].

use std::borrow::Cow;
use std::collections::HashMap;
use urlencoding::{decode, encode};
use yew_router::Routable;

/// Every screen's path pattern, as `Routable::routes` lists them; `:name` is a
/// parameter filling one whole segment.
const PATHS: [&str; 13] = [
    "/",
    "/routes/:from/:to",
    "/explore/:from",
    "/roles",
    "/roles/:id",
    "/map",
    "/skills",
    "/plans",
    "/plans/:id",
    "/shared/:payload",
    "/data",
    "/about",
    "/404",
];

/// A screen of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// Start: choose where you are and where you want to get to.
    Start,
    /// Route results for a query encoded in the path.
    Routes {
        /// The current role id.
        from: String,
        /// The target role id.
        to: String,
    },
    /// "I don't know yet": where could I go from a role.
    Explore {
        /// The current role id.
        from: String,
    },
    /// All roles, searchable and filterable.
    Roles,
    /// One role's page.
    Role {
        /// The role id.
        id: String,
    },
    /// The role map picture.
    Map,
    /// Self-assessment: competencies held and development completed.
    Skills,
    /// The plans dashboard.
    Plans,
    /// One plan.
    Plan {
        /// The plan id.
        id: String,
    },
    /// A plan shared by link, shown read-only.
    Shared {
        /// The compressed plan.
        payload: String,
    },
    /// Export, import, backups and storage status.
    YourData,
    /// About the role data: version, sources, evidence grades, licences.
    About,
    /// Anything else.
    NotFound,
}

impl Route {
    /// The screen at `segments` (a path split at `/`, without its leading `/`), or
    /// `None` when no screen has that shape or a parameter is not valid percent-encoded
    /// UTF-8. A parameter fills one whole segment, and is never empty.
    fn from_segments(segments: &[&str]) -> Option<Route> {
        fn param(segment: &str) -> Option<String> {
            if segment.is_empty() {
                return None;
            }
            decode(segment).ok().map(Cow::into_owned)
        }
        Some(match segments {
            [] => Route::Start,
            ["routes", from, to] => Route::Routes {
                from: param(from)?,
                to: param(to)?,
            },
            ["explore", from] => Route::Explore { from: param(from)? },
            ["roles"] => Route::Roles,
            ["roles", id] => Route::Role { id: param(id)? },
            ["map"] => Route::Map,
            ["skills"] => Route::Skills,
            ["plans"] => Route::Plans,
            ["plans", id] => Route::Plan { id: param(id)? },
            ["shared", payload] => Route::Shared {
                payload: param(payload)?,
            },
            ["data"] => Route::YourData,
            ["about"] => Route::About,
            ["404"] => Route::NotFound,
            _ => return None,
        })
    }

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

impl Routable for Route {
    fn from_path(path: &str, params: &HashMap<&str, &str>) -> Option<Self> {
        let segments: Vec<&str> = path
            .trim_start_matches('/')
            .split('/')
            .filter(|segment| !segment.is_empty())
            .map(|segment| match segment.strip_prefix(':') {
                Some(name) => params.get(name).copied().unwrap_or_default(),
                None => segment,
            })
            .collect();
        Route::from_segments(&segments)
    }

    fn to_path(&self) -> String {
        match self {
            Route::Start => "/".to_owned(),
            Route::Routes { from, to } => format!("/routes/{}/{}", encode(from), encode(to)),
            Route::Explore { from } => format!("/explore/{}", encode(from)),
            Route::Roles => "/roles".to_owned(),
            Route::Role { id } => format!("/roles/{}", encode(id)),
            Route::Map => "/map".to_owned(),
            Route::Skills => "/skills".to_owned(),
            Route::Plans => "/plans".to_owned(),
            Route::Plan { id } => format!("/plans/{}", encode(id)),
            Route::Shared { payload } => format!("/shared/{}", encode(payload)),
            Route::YourData => "/data".to_owned(),
            Route::About => "/about".to_owned(),
            Route::NotFound => "/404".to_owned(),
        }
    }

    fn routes() -> Vec<&'static str> {
        PATHS.to_vec()
    }

    fn not_found_route() -> Option<Self> {
        Some(Route::NotFound)
    }

    /// As the derived matcher does: one trailing `/` is ignored, and an address that
    /// matches no screen, or holds a parameter that does not decode, is "not found".
    fn recognize(pathname: &str) -> Option<Self> {
        let path = pathname.strip_suffix('/').unwrap_or(pathname);
        let path = path.strip_prefix('/').unwrap_or(path);
        let segments: Vec<&str> = if path.is_empty() {
            Vec::new()
        } else {
            path.split('/').collect()
        };
        Some(Route::from_segments(&segments).unwrap_or(Route::NotFound))
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

    #[test]
    fn every_screen_reads_back_from_its_own_address() {
        let odd = "a b/ç%?#&".to_owned();
        for route in [
            Route::Start,
            Route::Routes {
                from: "nurse".into(),
                to: odd.clone(),
            },
            Route::Explore { from: odd.clone() },
            Route::Roles,
            Route::Role {
                id: "digital-nurse".into(),
            },
            Route::Map,
            Route::Skills,
            Route::Plans,
            Route::Plan { id: odd.clone() },
            Route::Shared {
                payload: "eJx-_".into(),
            },
            Route::YourData,
            Route::About,
            Route::NotFound,
        ] {
            assert_eq!(
                Route::recognize(&route.to_path()),
                Some(route.clone()),
                "{route:?}"
            );
        }
        assert_eq!(Route::routes().len(), PATHS.len());
    }

    #[test]
    fn addresses_are_read_as_the_derived_router_read_them() {
        for (path, expected) in [
            ("", Route::Start),
            ("/", Route::Start),
            ("/roles/", Route::Roles),
            ("/roles/x/", Route::Role { id: "x".into() }),
            ("/roles/a%20b", Route::Role { id: "a b".into() }),
            (
                "/routes/a/b",
                Route::Routes {
                    from: "a".into(),
                    to: "b".into(),
                },
            ),
            // A parameter is never empty, and a bad escape finds no screen.
            ("/roles//", Route::NotFound),
            ("/routes//b", Route::NotFound),
            ("/roles/%ff", Route::NotFound),
            ("/roles/x/y", Route::NotFound),
            ("/nowhere", Route::NotFound),
            ("/Roles", Route::NotFound),
        ] {
            assert_eq!(Route::recognize(path), Some(expected), "{path}");
        }
    }

    #[test]
    fn from_path_fills_a_pattern_with_its_parameters() {
        let params = HashMap::from([("from", "a"), ("to", "b%20c")]);
        assert_eq!(
            Route::from_path("/routes/:from/:to", &params),
            Some(Route::Routes {
                from: "a".into(),
                to: "b c".into()
            })
        );
        assert_eq!(Route::from_path("/map", &HashMap::new()), Some(Route::Map));
    }
}
