//! Screens whose code is loaded only when first opened.
//!
//! Every screen other than the start screen is drawn behind a split point
//! (`#[wasm_split]`): the release build cuts their code, and the full role pack with the code that reads it,
//! out of the main wasm module into one file of their own (`scripts/split-wasm.mjs`), so
//! a first visit downloads only what the start screen needs. [`LazyScreen`] fetches
//! that file when the address first asks for another screen, shows that it is loading,
//! and offers a retry when it cannot be fetched. The service worker precaches it, so all
//! screens still open offline. Native builds and unsplit wasm builds call the screens
//! directly.
//!
//! All the split points share one module name, `screens`, so they land in one file. A
//! file per screen was tried: each extra file needs its own loader in the first
//! download, which cost more there (about 2.5 kB brotli) than it saved, and the service
//! worker fetches every file after the first visit anyway.

use crate::graph::{bundled_graph_checked_at_build, bundled_pack_data, Pack, RoleGraph};
use crate::plan::{AppData, Timestamp};
use crate::share::ExportFile;
use crate::ui::context::{GraphContext, Shared};
use crate::ui::hooks::browser::next_task;
use crate::ui::hooks::page::use_frame_page;
use crate::ui::pages::{
    AboutPage, ExplorePage, MapPage, NotFoundPage, PlanPage, PlansPage, RolePage, RolesPage,
    RoutesPage, SharedPage, SkillsPage, StartPage, YourDataPage,
};
use crate::ui::routes::Route;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_split_helpers::{wasm_split, SplitLoaderError};
use yew::prelude::*;

/// Builds the file of all the user's data that "Export now" downloads when saving fails.
/// A split point: the exporter is rarely needed, so it stays out of the first download.
#[wasm_split(screens, fallible)]
pub fn export_everything(
    data: Rc<AppData>,
    data_version: String,
    now: Timestamp,
) -> Result<ExportFile, SplitLoaderError> {
    Ok(crate::share::export_all(&data, &data_version, now))
}

/// Renders `route`'s screen. A split point: every screen but the start screen is drawn
/// here, so their code is fetched with the first of them that is opened.
#[wasm_split(screens, fallible)]
fn render_screen(route: Route) -> Result<Html, SplitLoaderError> {
    Ok(match route {
        Route::Start => html! { <StartPage /> },
        Route::Routes { from, to } => html! { <RoutesPage {from} {to} /> },
        Route::Explore { from } => html! { <ExplorePage {from} /> },
        Route::Skills => html! { <SkillsPage /> },
        Route::Roles => html! { <RolesPage /> },
        Route::Role { id } => html! { <RolePage {id} /> },
        Route::Map => html! { <MapPage /> },
        Route::About => html! { <AboutPage /> },
        Route::Plans => html! { <PlansPage /> },
        Route::Plan { id } => html! { <PlanPage {id} /> },
        Route::YourData => html! { <YourDataPage /> },
        Route::Shared { payload } => html! { <SharedPage {payload} /> },
        Route::NotFound => html! { <NotFoundPage /> },
    })
}

thread_local! {
    /// The bundled pack between reading it and indexing it (see [`role_graph`]). Only the
    /// screens' code touches it, so the pack's types stay out of the first download.
    static READ_PACK: RefCell<Option<Pack>> = const { RefCell::new(None) };
}

/// Reads the bundled role pack and keeps it for [`index_role_pack`]. A split point, so
/// the pack and the code that reads it arrive with the other screens, not at startup.
/// Answers why it could not be read, if it could not.
#[wasm_split(screens, fallible)]
fn read_role_pack() -> Result<Option<String>, SplitLoaderError> {
    Ok(match bundled_pack_data() {
        Ok(pack) => {
            READ_PACK.with(|cell| *cell.borrow_mut() = Some(pack));
            None
        }
        Err(error) => Some(error.to_string()),
    })
}

/// Indexes the pack [`read_role_pack`] read (reading it again if another load took it
/// first). A split point, in a task of its own. The bundled pack is not checked again
/// here: the test suite proves it passes every check before a release is built (see
/// [`bundled_graph_checked_at_build`]).
#[wasm_split(screens, fallible)]
fn index_role_pack() -> Result<Result<RoleGraph, String>, SplitLoaderError> {
    Ok(match READ_PACK.with(|cell| cell.borrow_mut().take()) {
        Some(pack) => Ok(RoleGraph::new_unchecked(pack)),
        // Another screen's load took it first: read it again.
        None => bundled_graph_checked_at_build().map_err(|error| error.to_string()),
    })
}

thread_local! {
    /// The role graph once read: it is read once per visit.
    static ROLE_GRAPH: RefCell<Option<GraphContext>> = const { RefCell::new(None) };
}

thread_local! {
    /// Whether [`warm_up`] has already started getting the screens ready.
    static WARMING_UP: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Gets the other screens' code and the role graph ready ahead of need, so the first
/// "Find routes" (or any other screen) does not wait for them. Called by the loader
/// once someone starts planning and the app's files come from the device, never on a
/// first visit before they do, which would download them twice. Does nothing once the
/// graph is ready or on its way; a failure is left for the screen that needs the graph
/// to report.
pub fn warm_up() {
    let ready = ROLE_GRAPH.with(|cell| cell.borrow().is_some());
    if ready || WARMING_UP.with(|cell| cell.replace(true)) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async {
        let _ = role_graph().await;
    });
}

/// Why a screen cannot be shown.
#[derive(Clone, PartialEq)]
enum ScreenProblem {
    /// Its code, or the role data, could not be fetched.
    NotFetched,
    /// The role data arrived but could not be read.
    BadData(String),
}

/// The full role graph, read on first use.
async fn role_graph() -> Result<GraphContext, ScreenProblem> {
    if let Some(graph) = ROLE_GRAPH.with(|cell| cell.borrow().clone()) {
        return Ok(graph);
    }
    // Reading the pack, indexing it and drawing the screen are a task each, so none
    // holds up a tap for long.
    let unreadable = read_role_pack()
        .await
        .map_err(|_| ScreenProblem::NotFetched)?;
    if let Some(message) = unreadable {
        return Err(ScreenProblem::BadData(message));
    }
    next_task().await;
    let graph = index_role_pack()
        .await
        .map_err(|_| ScreenProblem::NotFetched)?
        .map_err(ScreenProblem::BadData)?;
    next_task().await;
    let graph = Shared(Rc::new(graph));
    ROLE_GRAPH.with(|cell| *cell.borrow_mut() = Some(graph.clone()));
    Ok(graph)
}

/// What [`LazyScreen`] shows for the route it last tried to load.
#[derive(Clone, PartialEq)]
enum Loaded {
    Screen(GraphContext, Html),
    Failed(ScreenProblem),
}

/// Props for [`LazyScreen`].
#[derive(Properties, PartialEq)]
pub struct LazyScreenProps {
    /// The screen to show.
    pub route: Route,
}

/// Shows `route`'s screen, with the full role graph in context, once its code and the
/// graph are loaded: "Loading…" meanwhile, and a plain message with "Try again" if they
/// cannot be fetched (for example offline before the app was ever fully loaded).
#[function_component(LazyScreen)]
pub fn lazy_screen(props: &LazyScreenProps) -> Html {
    let loaded = use_state(|| None::<(Route, Loaded)>);
    let attempt = use_state(|| 0_u32);
    {
        let loaded = loaded.clone();
        use_effect_with((props.route.clone(), *attempt), move |(route, _)| {
            let route = route.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = match role_graph().await {
                    Ok(graph) => match render_screen(route.clone()).await {
                        Ok(screen) => Loaded::Screen(graph, screen),
                        Err(_) => Loaded::Failed(ScreenProblem::NotFetched),
                    },
                    Err(problem) => Loaded::Failed(problem),
                };
                loaded.set(Some((route, outcome)));
            });
        });
    }
    // The frame's title and focus move for screens without their own `use_page` run
    // once the screen is on the page, not while "Loading…" shows.
    let (shown, graph) = match &*loaded {
        Some((route, Loaded::Screen(graph, _))) if *route == props.route => {
            (Some(route.clone()), Some(graph.clone()))
        }
        _ => (None, None),
    };
    use_frame_page(shown, graph);
    let retry = {
        let attempt = attempt.clone();
        let loaded = loaded.clone();
        Callback::from(move |_| {
            loaded.set(None);
            attempt.set(attempt.wrapping_add(1));
        })
    };
    match &*loaded {
        Some((route, Loaded::Screen(graph, screen))) if *route == props.route => html! {
            <ContextProvider<GraphContext> context={graph.clone()}>
                { screen.clone() }
            </ContextProvider<GraphContext>>
        },
        Some((route, Loaded::Failed(ScreenProblem::NotFetched))) if *route == props.route => {
            html! {
                <div class="fh-alert fh-alert--error" role="alert">
                    <h1 class="fh-heading-l">{ "This part of Foothold did not load" }</h1>
                    <p>{ "Your device could not fetch this screen. Check your connection, then try again. Your saved plans are safe." }</p>
                    <button type="button" class="fh-button" onclick={retry}>{ "Try again" }</button>
                </div>
            }
        }
        Some((route, Loaded::Failed(ScreenProblem::BadData(message)))) if *route == props.route => {
            crate::ui::data_problem(message)
        }
        _ => crate::ui::loading("Loading…"),
    }
}
