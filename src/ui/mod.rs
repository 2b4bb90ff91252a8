//! The yew app: renders state and turns user actions into `Action`s.
//!
//! [`App`] reads the bundled role index, provides it and the app state through
//! contexts, and routes by URL hash to one page component per screen. Every screen but
//! the start screen is loaded on demand together with the full role graph ([`lazy`]).

pub mod components;
pub mod context;
pub mod failure;
pub mod format;
pub mod hooks;
pub mod lazy;
pub mod pages;
pub mod perf;
pub mod routes;
pub mod state;
pub mod static_shell;

use crate::graph::bundled_role_index;
use components::{footer, header, live_region, notice_banner, other_tab_banner, save_problem};
use context::{RoleIndexContext, Shared};
use hooks::StoreContext;
use routes::Route;
use state::{use_app, Action, AppHandle};
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// The root component.
#[function_component(App)]
pub fn app() -> Html {
    let index = use_memo((), |_| {
        let index = bundled_role_index().map(Rc::new);
        perf::mark(perf::DATA_DECODED);
        index
    });
    // Without data there will be no screen to wait for: show the message at once.
    use_effect_with(index.is_err(), |failed| {
        if *failed {
            static_shell::reveal_app();
        }
    });
    // The saved data is read in the next task, apart from the role index.
    let data_due = hooks::use_later_task();
    match &*index {
        Ok(_) if !data_due => loading("Loading Foothold…"),
        Ok(index) => html! { <AppWithData index={Shared(index.clone())} /> },
        Err(error) => data_problem(&error.to_string()),
    }
}

/// Shown instead of the app, or a screen, when the bundled role data cannot be read:
/// there is nothing to plan with, but the user's saved data is untouched.
pub(crate) fn data_problem(message: &str) -> Html {
    html! {
        <main class="fh-main fh-width-container" id="main-content">
            <div class="fh-alert fh-alert--error" role="alert">
                <h1 class="fh-heading-l">{ "Sorry, Foothold cannot read its role data" }</h1>
                <p>{ format!("The problem: {message}.") }</p>
                <p>{ "Your saved plans are safe on this device. Reload the page to try again; if that does not help, the app may have been only partly updated, so try again later." }</p>
            </div>
        </main>
    }
}

/// A status line shown while part of the app is still on its way.
pub(crate) fn loading(text: &'static str) -> Html {
    html! { <p class="fh-loading" role="status">{ text }</p> }
}

#[derive(Properties, PartialEq)]
struct AppWithDataProps {
    index: RoleIndexContext,
}

/// The app once the role index is read: state, persistence and routing.
#[function_component(AppWithData)]
fn app_with_data(props: &AppWithDataProps) -> Html {
    let (state, store) = hooks::use_persisted_app_data(&props.index.data_version);
    // Read before the hash router starts, because it writes "#/" into an empty hash.
    let opened_without_address = *use_memo((), |_| hooks::browser::current_hash().is_empty());
    // Start-up runs in short tasks: the role index (see `App`), the saved data here, then
    // the router, the header and the screen (see `Shell`).
    if !hooks::use_later_task() {
        return loading("Loading Foothold…");
    }
    html! {
        <ContextProvider<RoleIndexContext> context={props.index.clone()}>
            <ContextProvider<StoreContext> context={store}>
                <ContextProvider<AppHandle> context={state}>
                    <HashRouter>
                        <Shell {opened_without_address} />
                    </HashRouter>
                </ContextProvider<AppHandle>>
            </ContextProvider<StoreContext>>
        </ContextProvider<RoleIndexContext>>
    }
}

#[derive(Properties, PartialEq)]
struct ShellProps {
    /// True when the app was opened with no screen in its address.
    opened_without_address: bool,
}

/// The frame and the current screen; also remembers the screen for the next visit.
#[function_component(Shell)]
fn shell(props: &ShellProps) -> Html {
    let app = use_app();
    let location = use_location();
    let navigator = use_navigator();
    let route = use_route::<Route>();
    let index = context::use_role_index();

    // Reopen the last screen when the app starts without an address of its own.
    {
        let app = app.clone();
        let navigator = navigator.clone();
        let opened_without_address = props.opened_without_address;
        use_effect_with((), move |_| {
            let last = app.as_ref().and_then(|app| app.data.last_screen.clone());
            if opened_without_address {
                if let (Some(last), Some(navigator)) = (last, navigator) {
                    if let Some(route) = Route::recognize(&last) {
                        if route.reopens_at_start() {
                            navigator.replace(&route);
                        }
                    }
                }
            }
        });
    }
    // Remember the screen the user is on.
    {
        let app = app.clone();
        use_effect_with(location.map(|l| l.path().to_owned()), move |path| {
            if let (Some(app), Some(path)) = (app, path) {
                if let Some(route) = Route::recognize(path) {
                    if route.reopens_at_start() {
                        app.dispatch(Action::Visited(path.clone()));
                    }
                }
            }
        });
    }

    let on_export = {
        let app = app.clone();
        Callback::from(move |_| {
            if let (Some(app), Some(index)) = (app.clone(), &index) {
                let now = hooks::browser::now();
                let export =
                    lazy::export_everything(app.data.clone(), index.data_version.clone(), now);
                wasm_bindgen_futures::spawn_local(async move {
                    let Ok(file) = export.await else {
                        app.dispatch(Action::Notify(
                            "Foothold could not prepare the file: part of the app did not load. Check your connection and try again.".to_owned(),
                        ));
                        return;
                    };
                    match hooks::browser::download_export(&file) {
                        Ok(()) => {
                            app.dispatch(Action::MarkExported(now));
                            app.dispatch(Action::Announce(format!(
                                "Downloaded {}.",
                                file.file_name
                            )))
                        }
                        Err(reason) => app.dispatch(Action::Notify(reason)),
                    }
                });
            }
        })
    };
    // The router first, then the header, then the screen, each in a task of its own; the
    // app takes the pre-rendered frame's place once all are there.
    let step = hooks::use_start_up_step(2);
    let header_due = step >= 1;
    let screen_due = step >= 2;
    use_effect_with(screen_due, |due| {
        if *due {
            static_shell::reveal_app();
            perf::mark(perf::FIRST_RENDER);
        }
    });
    // The header's menu on a narrow screen: closed again whenever the screen changes.
    let menu_open = use_state_eq(|| false);
    {
        let menu_open = menu_open.clone();
        use_effect_with(route.clone(), move |_| menu_open.set(false));
    }
    let on_menu = {
        let menu_open = menu_open.clone();
        Callback::from(move |()| menu_open.set(!*menu_open))
    };
    let wide = matches!(route, Some(Route::Routes { .. }) | Some(Route::Map));
    html! {
        <>
            if header_due {
                { header(route.as_ref(), *menu_open, &on_menu) }
            }
            <div class={classes!("fh-width-container", wide.then_some("fh-width-container--wide"))}>
                { app.as_ref().map(other_tab_banner).unwrap_or_default() }
                { app.as_ref().map(|app| save_problem(app, &on_export)).unwrap_or_default() }
                { app.as_ref().map(notice_banner).unwrap_or_default() }
                <main class="fh-main" id="main-content" tabindex="-1">
                    if screen_due {
                        <Switch<Route> render={switch} />
                    } else {
                        { loading("Loading Foothold…") }
                    }
                </main>
            </div>
            // With the screen, not before it: a footer that moved down when the screen
            // arrived would be a layout shift.
            if screen_due {
                { footer() }
            }
            { app.as_ref().map(live_region).unwrap_or_default() }
        </>
    }
}

/// The start screen is part of the main module; every other screen's code is fetched
/// when first opened (see [`lazy`]).
fn switch(route: Route) -> Html {
    match route {
        Route::Start => html! { <pages::StartPage /> },
        route => html! { <lazy::LazyScreen {route} /> },
    }
}
