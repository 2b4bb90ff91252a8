//! The frame around every screen: skip link, header with navigation, footer.

use crate::ui::components::{app_link, styled_app_link};
use crate::ui::routes::Route;
use yew::prelude::*;

/// The main navigation, in the order people use it.
const NAV: [(&str, Route); 7] = [
    ("Plan a route", Route::Start),
    ("Roles", Route::Roles),
    ("Role map", Route::Map),
    ("What I have", Route::Skills),
    ("Plans", Route::Plans),
    ("Your data", Route::YourData),
    ("About the data", Route::About),
];

/// Which navigation item a screen belongs to.
fn section_of(route: &Route) -> Option<Route> {
    Some(match route {
        Route::Start | Route::Routes { .. } | Route::Explore { .. } => Route::Start,
        Route::Roles | Route::Role { .. } => Route::Roles,
        Route::Map => Route::Map,
        Route::Skills => Route::Skills,
        Route::Plans | Route::Plan { .. } | Route::Shared { .. } => Route::Plans,
        Route::YourData => Route::YourData,
        Route::About => Route::About,
        Route::NotFound => return None,
    })
}

/// The header: skip link, product name and the navigation, which wraps onto more lines
/// on a phone rather than hiding behind a menu button. `route` is the screen shown, whose
/// navigation item is marked as the current page.
///
/// A plain function rather than a component: the frame that shows it already follows
/// the route, and each component type adds its own copy of yew's component machinery to
/// the app.
pub fn header(route: Option<&Route>) -> Html {
    let section = route.and_then(section_of);
    html! {
        <>
            <a class="fh-skip-link" href="#main-content" onclick={Callback::from(|event: MouseEvent| {
                // The hash router owns the URL hash, so the skip link moves focus itself.
                event.prevent_default();
                crate::ui::hooks::page::focus_by_id("main-content");
            })}>{ "Skip to main content" }</a>
            <header class="fh-header">
                <div class="fh-width-container fh-header__top">
                    { styled_app_link(&Route::Start, classes!("fh-header__brand"), false, html! {
                        <>
                            <span class="fh-header__logo" aria-hidden="true">{ "F" }</span>
                            <span class="fh-header__name">{ "Foothold" }</span>
                        </>
                    }) }
                    <p class="fh-header__tagline">{ "Plan your move into NHS digital, data and informatics roles" }</p>
                </div>
                <nav class="fh-nav" aria-label="Main">
                    <ul class="fh-width-container fh-nav__list">
                        { for NAV.iter().map(|(label, target)| {
                            let current = section.as_ref() == Some(target);
                            html! {
                                <li class="fh-nav__item">
                                    { styled_app_link(target, classes!("fh-nav__link"), current, html! { *label }) }
                                </li>
                            }
                        }) }
                    </ul>
                </nav>
            </header>
        </>
    }
}

/// The footer: where the data comes from and that everything stays on the device.
pub fn footer() -> Html {
    html! {
        <footer class="fh-footer">
            <div class="fh-width-container">
                <p class="fh-footer__text">
                    { "Foothold works offline. Your plans are kept in this browser on this device and are never sent anywhere. " }
                    { app_link(&Route::YourData, "Back up or move your data") }
                    { ". " }
                    { app_link(&Route::About, "Where the role data comes from") }
                    { "." }
                </p>
            </div>
        </footer>
    }
}
