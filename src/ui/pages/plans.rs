//! The plans dashboard: every saved plan with its progress, next step and projected
//! finish, whether Foothold would still recommend its route, the dates coming up, and
//! rename, duplicate and delete (with Undo).

use crate::lowercase::lowercase;
use crate::plan::{check_route, Dashboard, PlanId, PlanOverview};
use crate::ui::components::{app_link, plan_progress, styled_app_link};
use crate::ui::context::use_graph;
use crate::ui::format::{count, long_date, month_year};
use crate::ui::hooks::browser::{random_seed, today};
use crate::ui::hooks::use_page;
use crate::ui::routes::Route;
use crate::ui::state::{role_title, use_app, Action, AppHandle};
use yew::prelude::*;

/// The dashboard screen.
#[function_component(PlansPage)]
pub fn plans_page() -> Html {
    let heading = use_page(&Route::Plans);
    let graph = use_graph();
    let app = use_app();
    let (Some(graph), Some(app)) = (graph, app) else {
        return Html::default();
    };
    let today = today();
    let dashboard = Dashboard::new(&app.data, &graph, today);
    let pace = app.data.pace.phrase();

    let body = if dashboard.plans.is_empty() {
        html! {
            <div class="fh-empty">
                <h2 class="fh-heading-m">{ "You have no saved plans yet" }</h2>
                <p>{ "Find a route from where you are to where you want to be, then choose “Save as plan” to keep it here with dates, notes and progress." }</p>
                <p>{ app_link(&Route::Start, "Plan a route") }</p>
                <p>{ "Moving from another device? " }{ app_link(&Route::YourData, "Import your plans from a file") }{ "." }</p>
            </div>
        }
    } else {
        html! {
            <>
                if !dashboard.overdue.is_empty() || !dashboard.upcoming.is_empty() {
                    <section class="fh-card" aria-labelledby="dates-heading">
                        <h2 class="fh-card__heading" id="dates-heading">{ "Dates" }</h2>
                        if !dashboard.overdue.is_empty() {
                            <p class="fh-heading-s">{ "Past their target date" }</p>
                            <ul class="fh-list-compact">
                                { for dashboard.overdue.iter().map(|step| html! {
                                    <li>
                                        { app_link(&Route::Plan { id: step.plan_id.to_string() }, step.plan_name.clone()) }
                                        { format!(": step {}, {} – was due {}", step.index + 1, role_title(&graph, &step.to), long_date(step.date)) }
                                    </li>
                                }) }
                            </ul>
                        }
                        if !dashboard.upcoming.is_empty() {
                            <p class="fh-heading-s">{ "Coming up" }</p>
                            <ul class="fh-list-compact">
                                { for dashboard.upcoming.iter().take(5).map(|step| html! {
                                    <li>
                                        { app_link(&Route::Plan { id: step.plan_id.to_string() }, step.plan_name.clone()) }
                                        { format!(": step {}, {} – {} ({})", step.index + 1, role_title(&graph, &step.to), long_date(step.date),
                                            match step.days_away { 0 => "today".to_owned(), days => format!("in {}", count(days.unsigned_abs() as usize, "day", "days")) }) }
                                    </li>
                                }) }
                            </ul>
                        }
                    </section>
                }
                <ul class="fh-list-plain" aria-label="Saved plans">
                    { for dashboard.plans.iter().map(|overview| html! {
                        <li><PlanSummary overview={overview.clone()} pace={pace.clone()} /></li>
                    }) }
                </ul>
            </>
        }
    };

    html! {
        <>
            <h1 class="fh-heading-xl" tabindex="-1" ref={heading}>{ "Your plans" }</h1>
            <p>
                { format!("Projected dates assume you work on your plans {pace}. ") }
                { app_link(&Route::Skills, "Change your pace") }
            </p>
            if let Some(reminder) = app.data.export_reminder(crate::ui::hooks::browser::now()) {
                <div class="fh-inset">
                    <p>{ reminder }</p>
                    <p>{ app_link(&Route::YourData, "Export your data") }</p>
                </div>
            }
            { body }
        </>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct PlanSummaryProps {
    overview: PlanOverview,
    pace: String,
}

/// One plan's card on the dashboard.
#[function_component(PlanSummary)]
fn plan_summary(props: &PlanSummaryProps) -> Html {
    let graph = use_graph();
    let app = use_app();
    let renaming = use_state(|| false);
    let (Some(graph), Some(app)) = (graph, app) else {
        return Html::default();
    };
    let overview = &props.overview;
    let id = overview.id.clone();
    let heading_id = format!("plan-{}-heading", id);
    let projection = &overview.projection;
    let no_longer_recommended = app
        .data
        .plan(&id)
        .is_some_and(|plan| !check_route(plan, &graph, &app.data.assessment).is_valid());

    let next = match &overview.next_step {
        Some(step) => format!(
            "Step {}: move to {} ({})",
            step.index + 1,
            role_title(&graph, &step.to),
            lowercase(step.status.label())
        ),
        None => "Every step is finished.".to_owned(),
    };
    let finish = if overview.progress.is_complete() {
        "Finished".to_owned()
    } else {
        let mut text = format!(
            "Around {} ({} from now, {})",
            month_year(projection.finish),
            count(projection.months as usize, "month", "months"),
            props.pace
        );
        if projection.unestimated_steps > 0 {
            text.push_str(&format!(
                "; {} no longer in the role data, so this may be too early",
                count(projection.unestimated_steps, "step is", "steps are")
            ));
        }
        text
    };

    let on_duplicate = {
        let app = app.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| {
            app.dispatch(Action::DuplicatePlan {
                id: id.clone(),
                today: today(),
                seed: random_seed(),
            })
        })
    };
    let on_delete = {
        let app = app.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::DeletePlan(id.clone())))
    };
    let on_rename = {
        let renaming = renaming.clone();
        Callback::from(move |_: MouseEvent| renaming.set(true))
    };

    html! {
        <article class="fh-card" aria-labelledby={heading_id.clone()}>
            <h2 class="fh-card__heading" id={heading_id}>
                { app_link(&Route::Plan { id: id.to_string() }, overview.name.clone()) }
            </h2>
            <p class="fh-secondary">{ format!("From {} to {}", role_title(&graph, &overview.start), role_title(&graph, &overview.target)) }</p>
            if no_longer_recommended {
                <p><strong>{ "This route is no longer one Foothold can recommend." }</strong>{ " Open the plan to see why and to plan again; your steps and notes are kept." }</p>
            }
            { plan_progress(&overview.progress, &format!("plan-{id}-progress")) }
            <dl class="fh-summary-list">
                <div class="fh-summary-list__row">
                    <dt class="fh-summary-list__key">{ "Next step" }</dt>
                    <dd class="fh-summary-list__value">{ next }</dd>
                </div>
                <div class="fh-summary-list__row">
                    <dt class="fh-summary-list__key">{ "Projected finish" }</dt>
                    <dd class="fh-summary-list__value">{ finish }</dd>
                </div>
            </dl>
            if *renaming {
                <RenameForm app={app.clone()} id={id.clone()} current={overview.name.clone()}
                    on_done={{ let renaming = renaming.clone(); Callback::from(move |_| renaming.set(false)) }} />
            } else {
                <div class="fh-button-group">
                    { styled_app_link(&Route::Plan { id: id.to_string() }, classes!("fh-button", "fh-button--secondary"), false, html! {
                        <>{ "Open" }<span class="fh-visually-hidden">{ format!(" {}", overview.name) }</span></>
                    }) }
                    <button type="button" class="fh-button fh-button--link" onclick={on_rename}>
                        { "Rename" }<span class="fh-visually-hidden">{ format!(" {}", overview.name) }</span>
                    </button>
                    <button type="button" class="fh-button fh-button--link" onclick={on_duplicate}>
                        { "Duplicate" }<span class="fh-visually-hidden">{ format!(" {}", overview.name) }</span>
                    </button>
                    <button type="button" class="fh-button fh-button--link" onclick={on_delete}>
                        { "Delete" }<span class="fh-visually-hidden">{ format!(" {}", overview.name) }</span>
                    </button>
                </div>
            }
        </article>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct RenameFormProps {
    app: AppHandle,
    id: PlanId,
    current: String,
    on_done: Callback<()>,
}

/// An inline form to rename a plan; focus goes to the box when it opens.
#[function_component(RenameForm)]
fn rename_form(props: &RenameFormProps) -> Html {
    let input = use_node_ref();
    {
        let input = input.clone();
        use_effect_with((), move |_| {
            if let Some(element) = input.cast::<web_sys::HtmlInputElement>() {
                let _ = element.focus();
                element.select();
            }
        });
    }
    let field_id = format!("rename-{}", props.id);
    let onsubmit = {
        let app = props.app.clone();
        let id = props.id.clone();
        let input = input.clone();
        let on_done = props.on_done.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let name = input
                .cast::<web_sys::HtmlInputElement>()
                .map(|element| element.value())
                .unwrap_or_default();
            app.dispatch(Action::RenamePlan(id.clone(), name));
            on_done.emit(());
        })
    };
    let cancel = props.on_done.reform(|_: MouseEvent| ());
    html! {
        <form class="fh-form" {onsubmit}>
            <div class="fh-form-group">
                <label class="fh-label" for={field_id.clone()}>{ "New name" }</label>
                <input class="fh-input" id={field_id} type="text" maxlength="80" ref={input} value={props.current.clone()} />
            </div>
            <div class="fh-button-group">
                <button type="submit" class="fh-button">{ "Save name" }</button>
                <button type="button" class="fh-button fh-button--link" onclick={cancel}>{ "Cancel" }</button>
            </div>
        </form>
    }
}
