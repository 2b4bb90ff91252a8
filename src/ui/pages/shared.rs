//! A plan someone shared by link, shown read-only with a "Save a copy" button.

use crate::share::{read_share_fragment, SHARE_PREFIX};
use crate::ui::components::app_link;
use crate::ui::context::use_graph;
use crate::ui::format::long_date;
use crate::ui::hooks::browser::random_seed;
use crate::ui::hooks::use_page;
use crate::ui::routes::Route;
use crate::ui::state::{role_title, use_app, Action};
use yew::prelude::*;
use yew_router::prelude::*;

/// Props for [`SharedPage`].
#[derive(Properties, PartialEq, Clone)]
pub struct SharedPageProps {
    /// The packed plan from the link.
    pub payload: AttrValue,
}

/// The shared plan screen.
#[function_component(SharedPage)]
pub fn shared_page(props: &SharedPageProps) -> Html {
    let heading = use_page(&Route::Shared {
        payload: props.payload.to_string(),
    });
    let graph = use_graph();
    let app = use_app();
    let navigator = use_navigator();
    let (Some(graph), Some(app)) = (graph, app) else {
        return Html::default();
    };
    let plan = match read_share_fragment(&format!("{SHARE_PREFIX}{}", props.payload)) {
        Ok(plan) => plan,
        Err(error) => {
            return html! {
                <>
                    <h1 class="fh-heading-xl" tabindex="-1" ref={heading}>{ "This share link does not work" }</h1>
                    <p>{ error.to_string() }</p>
                    <p>{ "Ask the person who sent it to copy the whole link again, or to export the plan as a file instead." }</p>
                    <p>{ app_link(&Route::Start, "Plan your own route") }</p>
                </>
            };
        }
    };
    let on_save = {
        let plan = plan.clone();
        Callback::from(move |_: MouseEvent| {
            app.dispatch(Action::AddCopy(plan.clone(), random_seed()));
            if let Some(navigator) = &navigator {
                navigator.push(&Route::Plans);
            }
        })
    };
    html! {
        <>
            <h1 class="fh-heading-xl" tabindex="-1" ref={heading}>
                <span class="fh-caption">{ "Shared plan" }</span>
                { plan.name.clone() }
            </h1>
            <p>{ format!("A plan from {} to {}, shared with you. You can read it here; save a copy to change it or track your own progress.",
                role_title(&graph, &plan.start), role_title(&graph, &plan.target)) }</p>
            <button type="button" class="fh-button" onclick={on_save}>{ "Save a copy" }</button>
            <ol class="fh-steps" aria-label="Steps">
                { for plan.steps.iter().map(|step| html! {
                    <li class="fh-steps__item">
                        <h2 class="fh-steps__heading">{ role_title(&graph, &step.to) }</h2>
                        <p class="fh-secondary">
                            { format!("Status: {}", step.status.label()) }
                            if let Some(date) = step.target_date { { format!(". Target date: {}", long_date(date)) } }
                            if let Some(transition) = graph.transition(&step.from, &step.to) { { format!(". Usually takes {}.", transition.months) } }
                        </p>
                        if !step.notes.is_empty() {
                            <p>{ step.notes.clone() }</p>
                        }
                    </li>
                }) }
            </ol>
        </>
    }
}
