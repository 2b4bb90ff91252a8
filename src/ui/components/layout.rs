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

/// The id of the navigation the header's Menu button opens and closes.
pub const MENU_ID: &str = "fh-menu";

/// The header: skip link, product name and the navigation. On a narrow screen (a phone,
/// or a desktop at 200% zoom) the links sit behind a "Menu" button, so the header takes
/// one short row; `menu_open` says whether they are shown there, and `on_menu` is called
/// when the button is pressed (or Escape is pressed inside the open menu). On a wide
/// screen the button is hidden and the links are always shown. `route` is the screen
/// shown, whose navigation item is marked as the current page.
///
/// A plain function rather than a component: the frame that shows it already follows
/// the route, and each component type adds its own copy of yew's component machinery to
/// the app. `index.html` holds a copy of this markup (the pre-rendered frame): keep them
/// in step.
pub fn header(route: Option<&Route>, menu_open: bool, on_menu: &Callback<()>) -> Html {
    let section = route.and_then(section_of);
    let toggle = on_menu.reform(|_: MouseEvent| ());
    // Following a link closes the menu, even a link to the screen already shown.
    let on_link = {
        let on_menu = on_menu.clone();
        Callback::from(move |_: MouseEvent| {
            if menu_open {
                on_menu.emit(());
            }
        })
    };
    let on_key = {
        let on_menu = on_menu.clone();
        Callback::from(move |event: KeyboardEvent| {
            if menu_open && event.key() == "Escape" {
                on_menu.emit(());
                crate::ui::hooks::page::focus_by_id("fh-menu-button");
            }
        })
    };
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
                    <button type="button" class="fh-menu-button" id="fh-menu-button" aria-controls={MENU_ID}
                        aria-expanded={if menu_open { "true" } else { "false" }} onclick={toggle}>{ "Menu" }</button>
                </div>
                <nav class={classes!("fh-nav", menu_open.then_some("fh-nav--open"))} id={MENU_ID} aria-label="Main" onkeydown={on_key} onclick={on_link}>
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
