//! A plan someone shared by link, shown read-only for a mentor: who shared it and when,
//! progress, every step with its dates, skills, development and notes, with "Print" and
//! "Save a copy".

use crate::lowercase::lowercase;
use crate::plan::AppData;
use crate::share::{read_shared, PrintablePlan, SHARE_PREFIX};
use crate::ui::components::{app_link, plan_progress};
use crate::ui::context::use_graph;
use crate::ui::format::{count, long_date, month_year};
use crate::ui::hooks::browser::{print, random_seed, today};
use crate::ui::hooks::use_page;
use crate::ui::routes::Route;
use crate::ui::state::{use_app, Action};
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
    let shared = match read_shared(&format!("{SHARE_PREFIX}{}", props.payload)) {
        Ok(shared) => shared,
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
    let plan = shared.plan;
    // The mentor's own self-assessment says nothing about the sender, so skills are
    // listed as the moves ask for them and dates at the typical pace.
    let page = PrintablePlan::new(&plan, &graph, &AppData::default(), today());
    let progress = plan.progress();
    let sent = match (&shared.by, shared.on) {
        (Some(by), Some(on)) => format!("Shared by {by} on {}.", long_date(on)),
        (Some(by), None) => format!("Shared by {by}."),
        (None, Some(on)) => format!(
            "Shared on {}; the sender did not add their name.",
            long_date(on)
        ),
        (None, None) => "The link does not say who shared it or when.".to_owned(),
    };
    let finish = if progress.is_complete() {
        "Every step is finished.".to_owned()
    } else {
        format!(
            "At typical times the plan could be finished around {} ({} from now).",
            month_year(page.projection.finish),
            count(page.projection.months as usize, "month", "months")
        )
    };
    let on_print = Callback::from(|_: MouseEvent| print());
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
            <p class="fh-lead">{ sent }</p>
            <p>{ format!("A plan from {} to {}, shared with you to read. Save a copy to change it or track your own progress.", page.start, page.target) }</p>
            <dl class="fh-summary-list">
                <div class="fh-summary-list__row"><dt class="fh-summary-list__key">{ "Route" }</dt><dd class="fh-summary-list__value">{ page.route.join(" → ") }</dd></div>
                <div class="fh-summary-list__row"><dt class="fh-summary-list__key">{ "Plan made" }</dt><dd class="fh-summary-list__value">{ long_date(page.created) }</dd></div>
                <div class="fh-summary-list__row"><dt class="fh-summary-list__key">{ "Projected finish" }</dt><dd class="fh-summary-list__value">{ finish }</dd></div>
            </dl>
            { plan_progress(&progress, "shared-progress") }
            <div class="fh-button-group fh-no-print">
                <button type="button" class="fh-button fh-button--secondary" onclick={on_print}>{ "Print" }</button>
                <button type="button" class="fh-button" onclick={on_save}>{ "Save a copy" }</button>
            </div>
            <h2 class="fh-heading-m">{ "Steps" }</h2>
            <ol class="fh-steps">
                { for page.steps.iter().map(|step| html! {
                    <li class="fh-steps__item">
                        <h3 class="fh-steps__heading">{ format!("Step {}: {}", step.number, step.to) }</h3>
                        <p class="fh-secondary">
                            { format!("From {}. Status: {}", step.from, step.status_label) }
                            if let Some(date) = step.target_date { { format!(". Target date: {}", long_date(date)) } }
                            if let Some(time) = &step.typical_time { { format!(". Usually takes {time}") } }
                            { "." }
                        </p>
                        if let Some(pay) = &step.pay {
                            <p>{ format!("Pay: {pay}.") }</p>
                        }
                        if !step.to_gain.is_empty() {
                            <p class="fh-heading-s">{ "Skills this move asks for" }</p>
                            <ul class="fh-list-compact">
                                { for step.to_gain.iter().map(|c| html! { <li>{ c.name.clone() }</li> }) }
                            </ul>
                        }
                        if !step.actions.is_empty() {
                            <p class="fh-heading-s">{ "What to do first" }</p>
                            <ul class="fh-list-compact">
                                { for step.actions.iter().map(|(action, done)| html! {
                                    <li>{ action.clone() }
                                        if *done {
                                            <strong>{ " Done." }</strong>
                                        }
                                    </li>
                                }) }
                            </ul>
                        }
                        if !step.opportunities.is_empty() {
                            <p class="fh-heading-s">{ "Development that helps" }</p>
                            <ul class="fh-list-compact">
                                { for step.opportunities.iter().map(|o| html! {
                                    <li>{ format!("{} ({}, {}). {}. {}.", o.title, lowercase(o.kind), o.length, o.to_you, o.degree) }</li>
                                }) }
                            </ul>
                        }
                        if step.notes.is_empty() {
                            <p class="fh-secondary">{ "No notes on this step." }</p>
                        } else {
                            <p class="fh-heading-s">{ "Notes" }</p>
                            <p class="fh-notes">{ step.notes.clone() }</p>
                        }
                    </li>
                }) }
            </ol>
            <p class="fh-secondary">{ page.data_source.clone() }</p>
        </>
    }
}
