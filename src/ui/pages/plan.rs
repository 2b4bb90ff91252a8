//! One plan: each step with its status, target date and notes, the registration each
//! step relies on, the evidence log for the skills each step needs, and ways to take
//! the plan elsewhere (print for an appraisal, calendar, share link, export file).
//! A plan whose route Foothold would no longer recommend says so and offers to plan
//! again; its steps and notes are kept as they are.

use crate::graph::{CompetencyId, RoleGraph};
use crate::plan::{
    check_route, gives_text, relies_on_text, AppData, Date, Pace, Plan, PlanId, RouteCheck,
    StepCredentials, StepStatus,
};
use crate::share::{
    calendar_file_name, calendar_ics, export_plan, share_fragment_from, PrintablePlan,
};
use crate::ui::components::{app_link, opportunity_line, plan_progress, PaceChoice};
use crate::ui::context::use_graph;
use crate::ui::format::{count, long_date, month_year};
use crate::ui::hooks::browser::{
    app_address, copy_to_clipboard, download, download_export, now, print, random_seed, store_text,
    stored_text, today,
};
use crate::ui::hooks::use_page;
use crate::ui::routes::Route;
use crate::ui::state::{role_title, use_app, Action, AppHandle, SaveStatus};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props for [`PlanPage`].
#[derive(Properties, PartialEq, Clone)]
pub struct PlanPageProps {
    /// The plan id from the address.
    pub id: AttrValue,
}

fn target_value<T: JsCast>(event: &Event) -> Option<T> {
    event
        .target()
        .and_then(|target| target.dyn_into::<T>().ok())
}

/// Where the name printed on plans is kept on this device (apart from the plans, so it is
/// typed once for all of them).
const PRINT_NAME_KEY: &str = "foothold.print-name";

/// The plan screen.
#[function_component(PlanPage)]
pub fn plan_page(props: &PlanPageProps) -> Html {
    let heading = use_page(&Route::Plan {
        id: props.id.to_string(),
    });
    let graph = use_graph();
    let app = use_app();
    let shared_link = use_state(|| None::<(String, bool)>);
    let person = use_state(|| stored_text(PRINT_NAME_KEY).unwrap_or_default());
    let calendar_error = use_state(|| None::<String>);
    let (Some(graph), Some(app)) = (graph, app) else {
        return Html::default();
    };
    let id = PlanId::from(props.id.as_str());
    let Some(plan) = app.data.plan(&id).cloned() else {
        return html! {
            <>
                <h1 class="fh-heading-xl" tabindex="-1" ref={heading}>{ "Plan not found" }</h1>
                <p>{ "This plan is not saved in this browser. It may have been deleted, or saved on another device." }</p>
                <p>{ app_link(&Route::Plans, "Go to your plans") }{ " or " }{ app_link(&Route::YourData, "import plans from a file") }{ "." }</p>
            </>
        };
    };
    let today = today();
    let progress = plan.progress();
    let projection = plan.projection(&graph, app.data.pace, today);
    let check = check_route(&plan, &graph, &app.data.assessment);
    let plan = Rc::new(plan);

    let on_print = Callback::from(|_: MouseEvent| print());
    let on_person = {
        let person = person.clone();
        Callback::from(move |event: Event| {
            if let Some(input) = target_value::<web_sys::HtmlInputElement>(&event) {
                let name = input.value();
                store_text(PRINT_NAME_KEY, &name);
                person.set(name.trim().to_owned());
            }
        })
    };
    // A calendar problem shows next to its button, not at the top of the page.
    let on_calendar = {
        let app = app.clone();
        let graph = graph.clone();
        let plan = plan.clone();
        let calendar_error = calendar_error.clone();
        Callback::from(move |_: MouseEvent| {
            if plan.steps.iter().all(|step| step.target_date.is_none()) {
                calendar_error.set(Some(
                    "Set a target date on at least one step first: the calendar holds one event for each dated step.".to_owned(),
                ));
                return;
            }
            let ics = calendar_ics(&plan, &graph, now());
            let name = calendar_file_name(&plan);
            match download(&name, "text/calendar", &ics) {
                Ok(()) => {
                    calendar_error.set(None);
                    app.dispatch(Action::Announce(format!("Downloaded {name}.")))
                }
                Err(reason) => calendar_error.set(Some(reason)),
            }
        })
    };
    let on_share = {
        let plan = plan.clone();
        let shared_link = shared_link.clone();
        let person = person.clone();
        Callback::from(move |_: MouseEvent| {
            let fragment = share_fragment_from(&plan, Some(person.as_str()), Some(today));
            let link = format!("{}{}", app_address(), fragment);
            shared_link.set(Some((link.clone(), false)));
            let shared_link = shared_link.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let copied = copy_to_clipboard(link.clone()).await;
                shared_link.set(Some((link, copied)));
            });
        })
    };
    let on_export = {
        let app = app.clone();
        let graph = graph.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| {
            match export_plan(&app.data, &id, &graph.info().data_version, now()) {
                Ok(file) => match download_export(&file) {
                    Ok(()) => {
                        app.dispatch(Action::Announce(format!("Downloaded {}.", file.file_name)))
                    }
                    Err(reason) => app.dispatch(Action::Notify(reason)),
                },
                Err(error) => app.dispatch(Action::Notify(error.to_string())),
            }
        })
    };

    let finish = if progress.is_complete() {
        "Every step is finished.".to_owned()
    } else {
        format!(
            "Working on it {}, you could finish around {} ({} from now).",
            app.data.pace.phrase(),
            month_year(projection.finish),
            count(projection.months as usize, "month", "months")
        )
    };
    let route_name = format!(
        "{} to {}",
        role_title(&graph, &plan.start),
        role_title(&graph, &plan.target)
    );
    let saved = matches!(app.save, SaveStatus::Saved);
    let on_pace = {
        let app = app.clone();
        Callback::from(move |pace: Pace| app.dispatch(Action::SetPace(pace)))
    };

    html! {
        <>
            <div class="fh-no-print">
                <p>{ app_link(&Route::Plans, "Back to your plans") }</p>
                <h1 class="fh-heading-xl" tabindex="-1" ref={heading}>
                    // The caption only when the name does not already say it, so the
                    // heading is read once.
                    if plan.name != route_name {
                        <span class="fh-caption">{ format!("From {route_name}") }</span>
                    }
                    { plan.name.clone() }
                </h1>
                { route_notice(&plan, &check) }
                { plan_progress(&progress, "plan-progress") }
                { this_month(&graph, &plan) }
                if saved {
                    <p class="fh-saved">{ "Saved on this device: changes to steps, dates and notes are kept as you make them." }</p>
                }
                <p class="fh-plan-finish">{ finish }</p>
                if !progress.is_complete() {
                    <details class="fh-details">
                        <summary class="fh-details__summary"><span class="fh-details__summary-text">{ "Change how you work on it" }</span></summary>
                        <div class="fh-details__text">
                            <PaceChoice id="plan-pace" legend="How will you work on this plan? This applies to all your plans."
                                pace={app.data.pace} on_change={on_pace} />
                        </div>
                    </details>
                }
                <div class="fh-form-group">
                    <label class="fh-label" for="print-name">{ "Your name on the printed plan (optional)" }</label>
                    <div class="fh-hint" id="print-name-hint">{ "Kept on this device only, for every plan you print." }</div>
                    <input class="fh-input fh-input--width-20" id="print-name" type="text" autocomplete="name"
                        aria-describedby="print-name-hint" value={(*person).clone()} onchange={on_person} />
                </div>
                <div class="fh-button-group">
                    <button type="button" class="fh-button fh-button--secondary" onclick={on_print}>{ "Print" }</button>
                    <button type="button" class="fh-button fh-button--secondary" onclick={on_calendar}>{ "Download calendar" }</button>
                    <button type="button" class="fh-button fh-button--secondary" onclick={on_share}>{ "Share link" }</button>
                    <button type="button" class="fh-button fh-button--secondary" onclick={on_export}>{ "Export this plan" }</button>
                </div>
                if let Some(problem) = &*calendar_error {
                    <p class="fh-error-message" role="alert">
                        <span class="fh-visually-hidden">{ "Error: " }</span>{ problem.clone() }
                    </p>
                }
                if let Some((link, copied)) = &*shared_link {
                    <div class="fh-inset">
                        <p role="status">{ if *copied { "Link copied. Anyone with it can see this plan, notes included." } else { "Copy this link to share the plan. Anyone with it can see this plan, notes included." } }</p>
                        <label class="fh-label" for="share-link">{ "Share link" }</label>
                        <input class="fh-input fh-share-link" id="share-link" type="text" readonly=true value={link.clone()} />
                    </div>
                }
                <ol class="fh-list-plain" aria-label="Steps">
                    { for plan.steps.iter().enumerate().map(|(index, _)| html! {
                        <li>{ step_editor(&graph, &app, &plan, index, check.steps.get(index)) }</li>
                    }) }
                </ol>
            </div>
            { print_view(&graph, &app, &plan, &check, &person) }
        </>
    }
}

/// Shown when the plan's route is no longer one Foothold would recommend (a move has
/// gone from the role data, or a role on it now needs a registration the person would
/// not hold by then), with a link to plan the same start and target again.
fn route_notice(plan: &Plan, check: &RouteCheck) -> Html {
    if check.is_valid() {
        return Html::default();
    }
    let again = Route::Routes {
        from: plan.start.to_string(),
        to: plan.target.to_string(),
    };
    html! {
        <div class="fh-alert fh-alert--warning" role="region" aria-labelledby="route-check-heading">
            <h2 class="fh-alert__heading" id="route-check-heading">{ "This route is no longer one Foothold can recommend" }</h2>
            <ul>
                { for check.problems.iter().map(|problem| html! { <li>{ problem.to_string() }</li> }) }
            </ul>
            <p>{ "Your steps and notes are kept. If you hold a registration or qualification named above, " }
                { app_link(&Route::Skills, "add it under What I already have") }{ "." }</p>
            <p>{ app_link(&again, "Plan this route again") }</p>
        </div>
    }
}

/// "Relies on …" and "Gives you: …" lines for a step, when it has them.
fn credential_lines(graph: &RoleGraph, credentials: Option<&StepCredentials>) -> Html {
    let Some(credentials) = credentials else {
        return Html::default();
    };
    let relies = relies_on_text(graph, &credentials.relies_on, credentials.relies_on_one_of);
    let gives = gives_text(graph, &credentials.gains);
    html! {
        <>
            if let Some(text) = relies {
                <p class="fh-steps__credential">{ text }</p>
            }
            if let Some(text) = gives {
                <p class="fh-steps__credential">{ text }</p>
            }
        </>
    }
}

/// "This month": the next first actions still to take across the plan's unfinished
/// steps, so the plan opens with something to do.
fn this_month(graph: &RoleGraph, plan: &Plan) -> Html {
    let next = plan.next_actions(graph, 3);
    if next.is_empty() {
        return Html::default();
    }
    html! {
        <section class="fh-inset fh-this-month" aria-labelledby="this-month-heading">
            <h2 class="fh-heading-m" id="this-month-heading">{ "This month" }</h2>
            <ul class="fh-list-compact">
                { for next.iter().map(|next| html! {
                    <li>
                        { next.action.clone() }
                        <span class="fh-secondary">{ format!(" (step {}: {})", next.index + 1, role_title(graph, &plan.steps[next.index].to)) }</span>
                    </li>
                }) }
            </ul>
            <p class="fh-secondary">{ "Tick actions off under each step as you do them." }</p>
        </section>
    }
}

/// One step: what it is, its status, date and notes, and the evidence log for the
/// skills it asks for. A plain function rather than a component: the plan page already
/// holds everything it shows, and each component type adds its own copy of yew's
/// component machinery to the app.
fn step_editor(
    graph: &RoleGraph,
    app: &AppHandle,
    plan: &Plan,
    index: usize,
    credentials: Option<&StepCredentials>,
) -> Html {
    let Some(step) = plan.steps.get(index) else {
        return Html::default();
    };
    let number = index + 1;
    let plan_id = plan.id.clone();
    let transition = graph.transition(&step.from, &step.to);
    let heading_id = format!("step-{number}-heading");

    let on_status = {
        let app = app.clone();
        let plan_id = plan_id.clone();
        Callback::from(move |event: Event| {
            let chosen = target_value::<web_sys::HtmlSelectElement>(&event).and_then(|select| {
                StepStatus::ALL
                    .get(select.selected_index().max(0) as usize)
                    .copied()
            });
            if let Some(status) = chosen {
                app.dispatch(Action::SetStepStatus(plan_id.clone(), index, status));
            }
        })
    };
    let on_date = {
        let app = app.clone();
        let plan_id = plan_id.clone();
        Callback::from(move |event: Event| {
            if let Some(input) = target_value::<web_sys::HtmlInputElement>(&event) {
                let value = input.value();
                let date = if value.trim().is_empty() {
                    None
                } else {
                    match value.parse::<Date>() {
                        Ok(date) => Some(date),
                        Err(error) => {
                            app.dispatch(Action::Notify(format!(
                                "That date was not saved: {error}"
                            )));
                            return;
                        }
                    }
                };
                app.dispatch(Action::SetStepDate(plan_id.clone(), index, date));
            }
        })
    };
    let on_notes = {
        let app = app.clone();
        let plan_id = plan_id.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(area) = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            {
                app.dispatch(Action::SetStepNotes(plan_id.clone(), index, area.value()));
            }
        })
    };

    let status_id = format!("step-{number}-status");
    let date_id = format!("step-{number}-date");
    let notes_id = format!("step-{number}-notes");
    let gain: Vec<CompetencyId> = transition.map(|t| t.gain.clone()).unwrap_or_default();

    html! {
        <section class="fh-card fh-plan-step" aria-labelledby={heading_id.clone()}>
            <h2 class="fh-card__heading" id={heading_id}>
                { format!("Step {number}: {}", role_title(graph, &step.to)) }
            </h2>
            <p class="fh-secondary">
                { format!("From {}", role_title(graph, &step.from)) }
                if let Some(transition) = transition {
                    { format!(". Usually takes {}.", transition.months) }
                } else {
                    { ". This move is no longer in the role data; your notes and dates are kept." }
                }
            </p>
            { credential_lines(graph, credentials) }
            { step_actions(app, plan, index, transition.map(|t| t.actions.as_slice()).unwrap_or_default()) }
            if let Some(transition) = transition.filter(|t| !t.opportunities.is_empty()) {
                <h3 class="fh-heading-s" id={format!("step-{number}-helps")}>{ "What helps" }</h3>
                <ul class="fh-list-compact" aria-labelledby={format!("step-{number}-helps")}>
                    { for transition.opportunities.iter().filter_map(|id| graph.opportunity(id)).map(|o| opportunity_line(o, &graph.info().checked)) }
                </ul>
            }
            <p><span class="fh-tag fh-tag--status">{ format!("Status: {}", step.status.label()) }</span></p>
            <div class="fh-plan-step__controls">
                <div class="fh-form-group">
                    <label class="fh-label" for={status_id.clone()}>{ format!("Status of step {number}") }</label>
                    <select class="fh-select" id={status_id} onchange={on_status}>
                        { for StepStatus::ALL.iter().map(|status| html! {
                            <option value={status.label()} selected={*status == step.status}>{ status.label() }</option>
                        }) }
                    </select>
                </div>
                <div class="fh-form-group">
                    <label class="fh-label" for={date_id.clone()}>{ format!("Target date for step {number}") }</label>
                    <input class="fh-input fh-input--width-10" id={date_id} type="date"
                        value={step.target_date.map(|date| date.to_string()).unwrap_or_default()}
                        onchange={on_date} />
                </div>
            </div>
            <div class="fh-form-group">
                <label class="fh-label" for={notes_id.clone()}>{ format!("Notes for step {number}") }</label>
                <textarea class="fh-textarea" id={notes_id} rows="4" maxlength="5000"
                    value={step.notes.clone()} oninput={on_notes} />
            </div>
            if !gain.is_empty() {
                <h3 class="fh-heading-s">{ "Evidence for the skills this step needs" }</h3>
                { for gain.iter().map(|competency| html! {
                    <EvidenceLog app={app.clone()} competency={competency.clone()} />
                }) }
            }
        </section>
    }
}

/// A step's first actions as checkboxes the person ticks off as they do them.
fn step_actions(app: &AppHandle, plan: &Plan, index: usize, actions: &[String]) -> Html {
    let Some(step) = plan.steps.get(index) else {
        return Html::default();
    };
    if actions.is_empty() {
        return Html::default();
    }
    let number = index + 1;
    html! {
        <fieldset class="fh-fieldset fh-plan-step__actions">
            <legend class="fh-fieldset__legend fh-heading-s">{ format!("What to do first for step {number}") }</legend>
            <div class="fh-checkboxes">
                { for actions.iter().enumerate().map(|(position, action)| {
                    let id = format!("step-{number}-action-{}", position + 1);
                    let on_change = {
                        let app = app.clone();
                        let plan_id = plan.id.clone();
                        let action = action.clone();
                        Callback::from(move |event: Event| {
                            if let Some(input) = target_value::<web_sys::HtmlInputElement>(&event) {
                                app.dispatch(Action::SetActionDone(plan_id.clone(), index, action.clone(), input.checked()));
                            }
                        })
                    };
                    html! {
                        <div class="fh-checkboxes__item">
                            <input class="fh-checkboxes__input" type="checkbox" id={id.clone()}
                                checked={step.actions_done.contains(action)} onchange={on_change} />
                            <label class="fh-label fh-checkboxes__label" for={id}>{ action.clone() }</label>
                        </div>
                    }
                }) }
            </div>
        </fieldset>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct EvidenceLogProps {
    app: AppHandle,
    competency: CompetencyId,
}

/// The evidence logged for one skill, and a form to add more.
#[function_component(EvidenceLog)]
fn evidence_log(props: &EvidenceLogProps) -> Html {
    let graph = use_graph();
    let what = use_state(String::new);
    let when = use_state(|| today().to_string());
    let error = use_state(|| None::<String>);
    let Some(graph) = graph else {
        return Html::default();
    };
    let name = graph
        .competency(&props.competency)
        .map_or_else(|| props.competency.to_string(), |c| c.name.clone());
    let entries = props.app.data.evidence_for(&props.competency);
    let slug = props.competency.to_string();
    let what_id = format!("evidence-{slug}-what");
    let when_id = format!("evidence-{slug}-when");
    let error_id = format!("evidence-{slug}-error");

    let onsubmit = {
        let app = props.app.clone();
        let competency = props.competency.clone();
        let what = what.clone();
        let when = when.clone();
        let error = error.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if what.trim().is_empty() {
                error.set(Some("Describe what you did".to_owned()));
                return;
            }
            let date = match when.parse::<Date>() {
                Ok(date) => date,
                Err(_) => {
                    error.set(Some("Enter the date you did it".to_owned()));
                    return;
                }
            };
            error.set(None);
            app.dispatch(Action::AddEvidence {
                competency: competency.clone(),
                what: (*what).clone(),
                when: date,
                seed: random_seed(),
            });
            what.set(String::new());
        })
    };
    let on_what = {
        let what = what.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(area) = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            {
                what.set(area.value());
            }
        })
    };
    let on_when = {
        let when = when.clone();
        Callback::from(move |event: Event| {
            if let Some(input) = target_value::<web_sys::HtmlInputElement>(&event) {
                when.set(input.value());
            }
        })
    };

    html! {
        <details class="fh-details">
            <summary class="fh-details__summary">
                <span class="fh-details__summary-text">{ match entries.len() {
                    0 => format!("{name}: nothing logged yet"),
                    n => format!("{name}: {}", count(n, "piece of evidence", "pieces of evidence")),
                } }</span>
            </summary>
            <div class="fh-details__text">
                if entries.is_empty() {
                    <p>{ "Nothing logged yet. Add what you did that shows this skill: a course, a project, feedback." }</p>
                } else {
                    <ul class="fh-evidence-list">
                        { for entries.iter().map(|entry| {
                            let remove = {
                                let app = props.app.clone();
                                let id = entry.id.clone();
                                Callback::from(move |_: MouseEvent| app.dispatch(Action::RemoveEvidence(id.clone())))
                            };
                            html! {
                                <li>
                                    <p>{ entry.what.clone() }</p>
                                    <p class="fh-secondary">{ long_date(entry.when) }</p>
                                    <button type="button" class="fh-button fh-button--link" onclick={remove}>
                                        { "Remove" }<span class="fh-visually-hidden">{ format!(" evidence from {}", long_date(entry.when)) }</span>
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                }
                <form class="fh-form" novalidate=true {onsubmit}>
                    <div class={classes!("fh-form-group", error.is_some().then_some("fh-form-group--error"))}>
                        <label class="fh-label" for={what_id.clone()}>{ format!("What I did ({name})") }</label>
                        if let Some(message) = &*error {
                            <p class="fh-error-message" id={error_id.clone()}><span class="fh-visually-hidden">{ "Error: " }</span>{ message.clone() }</p>
                        }
                        <textarea class="fh-textarea" id={what_id} rows="3" maxlength="2000" value={(*what).clone()} oninput={on_what}
                            aria-describedby={error.is_some().then(|| error_id.clone())} />
                    </div>
                    <div class="fh-form-group">
                        <label class="fh-label" for={when_id.clone()}>{ "When" }</label>
                        <input class="fh-input fh-input--width-10" id={when_id} type="date" value={(*when).clone()} onchange={on_when} />
                    </div>
                    <button type="submit" class="fh-button fh-button--secondary">{ "Add evidence" }</button>
                </form>
            </div>
        </details>
    }
}

/// The plan as a personal development plan for an appraisal, shown only when printing.
/// A plain function rather than a component, like [`step_editor`].
fn print_view(
    graph: &RoleGraph,
    app: &AppHandle,
    plan: &Plan,
    check: &RouteCheck,
    person: &str,
) -> Html {
    let printable = printable(plan, graph, &app.data).for_person(person);
    html! {
        <div class="fh-print-only">
            <h1 class="fh-heading-l">{ format!("Personal development plan: {}", printable.name) }</h1>
            <dl class="fh-summary-list">
                if let Some(name) = &printable.person {
                    <div class="fh-summary-list__row"><dt class="fh-summary-list__key">{ "Name" }</dt><dd class="fh-summary-list__value">{ name.clone() }</dd></div>
                }
                <div class="fh-summary-list__row"><dt class="fh-summary-list__key">{ "Date" }</dt><dd class="fh-summary-list__value">{ long_date(printable.printed) }</dd></div>
                <div class="fh-summary-list__row"><dt class="fh-summary-list__key">{ "From" }</dt><dd class="fh-summary-list__value">{ printable.start.clone() }</dd></div>
                <div class="fh-summary-list__row"><dt class="fh-summary-list__key">{ "Aiming for" }</dt><dd class="fh-summary-list__value">{ printable.target.clone() }</dd></div>
                <div class="fh-summary-list__row"><dt class="fh-summary-list__key">{ "Route" }</dt><dd class="fh-summary-list__value">{ printable.route.join(" → ") }</dd></div>
                <div class="fh-summary-list__row"><dt class="fh-summary-list__key">{ "Why this route" }</dt><dd class="fh-summary-list__value">{ printable.reason.clone() }</dd></div>
                <div class="fh-summary-list__row"><dt class="fh-summary-list__key">{ "Progress" }</dt><dd class="fh-summary-list__value">{ format!("{} of {} steps finished", printable.progress.finished(), printable.progress.total) }</dd></div>
                <div class="fh-summary-list__row"><dt class="fh-summary-list__key">{ "Projected finish" }</dt><dd class="fh-summary-list__value">{ format!("{} ({})", month_year(printable.projection.finish), printable.pace) }</dd></div>
            </dl>
            if !check.is_valid() {
                <p>{ "Foothold would no longer recommend this route: " }
                    { check.problems.iter().map(ToString::to_string).collect::<Vec<_>>().join(" ") }</p>
            }
            <h2 class="fh-heading-m">{ "Development steps" }</h2>
            <ol>
                { for printable.steps.iter().enumerate().map(|(index, step)| html! {
                    <li class="fh-plan-step">
                        <h3 class="fh-heading-s">{ format!("{} to {}", step.from, step.to) }</h3>
                        { credential_lines(graph, check.steps.get(index)) }
                        <p>{ format!("Status: {}", step.status_label) }
                            if let Some(date) = step.target_date { { format!(". Target date: {}", long_date(date)) } }
                            if let Some(time) = &step.typical_time { { format!(". Typical time: {time}") } }
                            if let Some(grade) = step.evidence_grade { { format!(". How sure: {grade}") } }
                        </p>
                        if let Some(pay) = &step.pay {
                            <p>{ format!("Pay: {pay}.") }</p>
                        }
                        if !step.actions.is_empty() {
                            <p><strong>{ "What to do first: " }</strong>
                                { step.actions.iter().map(|(action, done)| if *done { format!("{action} (done)") } else { action.clone() }).collect::<Vec<_>>().join(" ") }</p>
                        }
                        if !step.to_gain.is_empty() {
                            <p><strong>{ "Skills to develop: " }</strong>{ step.to_gain.iter().map(|c| c.name.clone()).collect::<Vec<_>>().join(", ") }</p>
                            { for step.to_gain.iter().filter(|c| !c.evidence.is_empty()).map(|c| html! {
                                <p>{ format!("Evidence for {}: ", c.name) }
                                    { c.evidence.iter().map(|e| format!("{} ({})", e.what, long_date(e.when))).collect::<Vec<_>>().join("; ") }
                                </p>
                            }) }
                        }
                        if !step.opportunities.is_empty() {
                            <p><strong>{ "Development opportunities: " }</strong>
                                { step.opportunities.iter().map(|o| format!("{} ({}, {}. {}. {}{})", o.title, o.kind, o.length, o.to_you, o.degree, if o.completed { ". Completed" } else { "" })).collect::<Vec<_>>().join("; ") }
                            </p>
                        }
                        if !step.notes.is_empty() {
                            <p><strong>{ "Notes: " }</strong>{ step.notes.clone() }</p>
                        }
                    </li>
                }) }
            </ol>
            <h2 class="fh-heading-m">{ "Discussed at appraisal" }</h2>
            <p>{ "Appraiser's comments:" }</p>
            <p>{ "______________________________________________" }</p>
            <p>{ "Signed (appraisee): ____________________  Date: __________" }</p>
            <p>{ "Signed (appraiser): ____________________  Date: __________" }</p>
            <p>{ printable.ownership.clone() }</p>
            <p class="fh-secondary">{ printable.data_source.clone() }</p>
        </div>
    }
}

fn printable(plan: &Plan, graph: &RoleGraph, data: &AppData) -> PrintablePlan {
    PrintablePlan::new(plan, graph, data, today())
}
