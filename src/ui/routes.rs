//! Every screen's address. Routing is by URL hash (`#/roles/digital-nurse`) so deep links
//! work on any static host without server rules.

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
}
