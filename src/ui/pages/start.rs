//! Start: where are you now, where do you want to get to, and how to rank routes.

use crate::graph::{Band, RoleId};
use crate::planner::{Objective, MAX_ROUTES};
use crate::ui::components::{app_link, ErrorSummary, FieldError, RolePicker};
use crate::ui::context::use_role_index;
use crate::ui::hooks::use_page;
use crate::ui::pages::role::PlanTarget;
use crate::ui::routes::Route;
use crate::ui::state::{use_app, Action, QueryOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

const OBJECTIVES: [(Objective, &str, &str); 3] = [
    (
        Objective::ShortestTime,
        "Shortest time",
        "The quickest route, allowing for what you already have.",
    ),
    (
        Objective::FewestSteps,
        "Fewest steps",
        "The fewest job moves, even if each takes longer.",
    ),
    (
        Objective::FewestNewCompetencies,
        "Fewest new skills to learn",
        "The route that asks the least new learning of you.",
    ),
];

fn input_value(event: &Event) -> Option<String> {
    let target = event.target()?;
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return Some(input.value());
    }
    target
        .dyn_ref::<web_sys::HtmlSelectElement>()
        .map(|select| select.value())
}

fn checked(event: &Event) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|input| input.checked())
}

/// The start screen.
#[function_component(StartPage)]
pub fn start_page() -> Html {
    let heading = use_page(&Route::Start);
    let index = use_role_index();
    let app = use_app();
    let navigator = use_navigator();
    let errors = use_state(Vec::<FieldError>::new);
    // "Plan a route to this role" on a role page arrives here with `?to=<role id>`.
    let wanted_target = use_location()
        .and_then(|location| location.query::<PlanTarget>().ok())
        .map(|query| query.to);
    {
        let app = app.clone();
        let index = index.clone();
        use_effect_with(wanted_target, move |wanted| {
            if let (Some(wanted), Some(app), Some(index)) = (wanted, app, index) {
                let id = RoleId::new(wanted.as_str());
                if index.role(&id).is_some() && app.options.target.as_ref() != Some(&id) {
                    let mut next = app.options.clone();
                    next.target = Some(id);
                    app.dispatch(Action::SetOptions(next));
                }
            }
        });
    }
    let (Some(index), Some(app)) = (index, app) else {
        return Html::default();
    };
    let options = app.options.clone();

    // Every change to an option goes straight into the app state, so the results page
    // and a return visit see the same choices.
    let update = {
        let app = app.clone();
        move |change: Box<dyn Fn(&mut QueryOptions)>| {
            let mut next = app.options.clone();
            change(&mut next);
            app.dispatch(Action::SetOptions(next));
        }
    };
    let set = {
        let update = update.clone();
        move |change: fn(&mut QueryOptions, Option<RoleId>)| {
            let update = update.clone();
            Callback::from(move |role: Option<RoleId>| {
                update(Box::new(move |options| change(options, role.clone())))
            })
        }
    };
    let on_start = set(|options, role| options.start = role);
    let on_target = set(|options, role| options.target = role);
    let on_via = set(|options, role| options.via = role);
    let on_avoid = {
        let update = update.clone();
        Callback::from(move |role: Option<RoleId>| {
            if let Some(role) = role {
                update(Box::new(move |options| {
                    options.avoid.insert(role.clone());
                }))
            }
        })
    };

    let onsubmit = {
        let errors = errors.clone();
        let options = options.clone();
        let navigator = navigator.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let mut problems = Vec::new();
            if options.start.is_none() {
                problems.push(FieldError {
                    field: "current-role".into(),
                    message: "Choose your current role from the list".into(),
                });
            }
            if options.target.is_none() {
                problems.push(FieldError {
                    field: "target-role".into(),
                    message: "Choose the role you want to get to from the list".into(),
                });
            }
            if let (Some(from), Some(to)) = (&options.start, &options.target) {
                if from == to {
                    problems.push(FieldError {
                        field: "target-role".into(),
                        message: "Choose a target role different from your current role".into(),
                    });
                }
            }
            if !problems.is_empty() {
                errors.set(problems);
                return;
            }
            errors.set(Vec::new());
            if let (Some(from), Some(to), Some(navigator)) =
                (&options.start, &options.target, &navigator)
            {
                navigator.push(&Route::Routes {
                    from: from.to_string(),
                    to: to.to_string(),
                });
            }
        })
    };

    let on_explore = {
        let errors = errors.clone();
        let options = options.clone();
        let navigator = navigator.clone();
        Callback::from(move |_: MouseEvent| match (&options.start, &navigator) {
            (Some(from), Some(navigator)) => {
                errors.set(Vec::new());
                navigator.push(&Route::Explore {
                    from: from.to_string(),
                });
            }
            _ => errors.set(vec![FieldError {
                field: "current-role".into(),
                message: "Choose your current role first, so Foothold knows where you start".into(),
            }]),
        })
    };

    let error_for = |field: &str| {
        errors
            .iter()
            .find(|error| error.field == field)
            .map(|error| error.message.clone())
    };

    let on_count = {
        let update = update.clone();
        Callback::from(move |event: Event| {
            if let Some(count) = input_value(&event).and_then(|v| v.trim().parse::<usize>().ok()) {
                update(Box::new(move |options| {
                    options.routes = count.clamp(1, MAX_ROUTES)
                }));
            }
        })
    };
    let on_ceiling = {
        let update = update.clone();
        Callback::from(move |event: Event| {
            let ceiling = input_value(&event).and_then(|code| code.parse::<Band>().ok());
            update(Box::new(move |options| options.band_ceiling = ceiling));
        })
    };
    let on_sourced = {
        let update = update.clone();
        Callback::from(move |event: Event| {
            let sourced = checked(&event);
            update(Box::new(move |options| options.sourced_only = sourced));
        })
    };
    let on_years = {
        let update = update.clone();
        Callback::from(move |event: Event| {
            if let Some(years) = input_value(&event).and_then(|v| v.parse::<u8>().ok()) {
                update(Box::new(move |options| {
                    options.explore_years = years.clamp(1, 10)
                }));
            }
        })
    };

    let option_count = usize::from(options.via.is_some())
        + options.avoid.len()
        + usize::from(options.band_ceiling.is_some())
        + usize::from(options.sourced_only)
        + usize::from(options.objective != Objective::default())
        + usize::from(options.routes != crate::planner::DEFAULT_ROUTES);
    let summary = if option_count == 0 {
        "Route options".to_owned()
    } else {
        format!("Route options ({option_count} changed)")
    };
    let plans = app.data.plans.len();

    html! {
        <>
            <h1 class="fh-heading-xl" tabindex="-1" ref={heading}>{ "Plan your route" }</h1>
            <p class="fh-lead">{ "Find the moves that take you from the job you do now into a digital, data or informatics role in the NHS, with typical times, what to learn and the programmes that help." }</p>
            if plans > 0 {
                <p class="fh-inset">
                    { format!("You have {plans} saved plan{}. ", if plans == 1 { "" } else { "s" }) }
                    { app_link(&Route::Plans, "Go to your plans") }
                </p>
            }
            <ErrorSummary errors={(*errors).clone()} />
            <form class="fh-form" novalidate=true {onsubmit} data-foothold-warm-up="">
                <h2 class="fh-heading-m">{ "Where are you now?" }</h2>
                <RolePicker
                    id="current-role"
                    label="Current role"
                    hint="Start typing your job title, for example nurse, pharmacist or administrator."
                    value={options.start.clone()}
                    error={error_for("current-role")}
                    on_change={on_start}
                />
                <h2 class="fh-heading-m">{ "Where do you want to get to?" }</h2>
                <RolePicker
                    id="target-role"
                    label="Target role"
                    hint="For example digital nurse, data analyst or CNIO."
                    value={options.target.clone()}
                    error={error_for("target-role")}
                    on_change={on_target}
                />
                <details class="fh-details">
                    <summary class="fh-details__summary"><span class="fh-details__summary-text">{ summary }</span></summary>
                    <div class="fh-details__text">
                        <fieldset class="fh-fieldset">
                            <legend class="fh-fieldset__legend">{ "Which route is best for you?" }</legend>
                            <div class="fh-radios">
                                { for OBJECTIVES.iter().map(|(objective, label, hint)| {
                                    let objective = *objective;
                                    let id = format!("objective-{}", match objective {
                                        Objective::ShortestTime => "time",
                                        Objective::FewestSteps => "steps",
                                        Objective::FewestNewCompetencies => "learning",
                                    });
                                    let onchange = {
                                        let update = update.clone();
                                        Callback::from(move |_: Event| update(Box::new(move |options| options.objective = objective)))
                                    };
                                    html! {
                                        <div class="fh-radios__item">
                                            <input class="fh-radios__input" type="radio" name="objective" id={id.clone()}
                                                checked={options.objective == objective} aria-describedby={format!("{id}-hint")} {onchange} />
                                            <label class="fh-label fh-radios__label" for={id.clone()}>{ *label }</label>
                                            <div class="fh-hint fh-radios__hint" id={format!("{id}-hint")}>{ *hint }</div>
                                        </div>
                                    }
                                }) }
                            </div>
                        </fieldset>
                        <div class="fh-form-group">
                            <label class="fh-label" for="route-count">{ "Number of routes to show" }</label>
                            <div class="fh-hint" id="route-count-hint">{ format!("From 1 to {MAX_ROUTES}.") }</div>
                            <input class="fh-input fh-input--width-3" id="route-count" type="number" inputmode="numeric"
                                min="1" max={MAX_ROUTES.to_string()} value={options.routes.to_string()}
                                aria-describedby="route-count-hint" onchange={on_count} />
                        </div>
                        <RolePicker id="via-role" label="Pass through a role (optional)"
                            hint="Only show routes that include this role."
                            value={options.via.clone()} on_change={on_via} />
                        <div class="fh-form-group">
                            <RolePicker key={options.avoid.len()} id="avoid-role" label="Avoid a role (optional)"
                                hint="Routes will not go through roles you add here."
                                value={None::<RoleId>} on_change={on_avoid} />
                            if !options.avoid.is_empty() {
                                <ul class="fh-chip-list" aria-label="Roles to avoid">
                                    { for options.avoid.iter().map(|id| {
                                        let title = index.title_of(id);
                                        let onclick = {
                                            let update = update.clone();
                                            let id = id.clone();
                                            Callback::from(move |_: MouseEvent| {
                                                let id = id.clone();
                                                update(Box::new(move |options| { options.avoid.remove(&id); }))
                                            })
                                        };
                                        html! {
                                            <li class="fh-chip">
                                                <span>{ title.clone() }</span>
                                                <button type="button" class="fh-button fh-button--link fh-chip__remove"
                                                    aria-label={format!("Stop avoiding {title}")} {onclick}>{ "Remove" }</button>
                                            </li>
                                        }
                                    }) }
                                </ul>
                            }
                        </div>
                        <div class="fh-form-group">
                            <label class="fh-label" for="band-ceiling">{ "Highest band (optional)" }</label>
                            <div class="fh-hint" id="band-ceiling-hint">{ "Leave out roles usually advertised above this Agenda for Change band. Medical roles are not on this scale and are never left out." }</div>
                            <select class="fh-select" id="band-ceiling" aria-describedby="band-ceiling-hint" onchange={on_ceiling}>
                                <option value="" selected={options.band_ceiling.is_none()}>{ "No limit" }</option>
                                { for Band::ALL.iter().filter(|band| **band != Band::MedicalContract).map(|band| html! {
                                    <option value={band.code()} selected={options.band_ceiling == Some(*band)}>{ band.label() }</option>
                                }) }
                            </select>
                        </div>
                        <div class="fh-checkboxes">
                            <div class="fh-checkboxes__item">
                                <input class="fh-checkboxes__input" type="checkbox" id="sourced-only"
                                    checked={options.sourced_only} aria-describedby="sourced-only-hint" onchange={on_sourced} />
                                <label class="fh-label fh-checkboxes__label" for="sourced-only">{ "Only use moves backed by a published source" }</label>
                                <div class="fh-hint fh-checkboxes__hint" id="sourced-only-hint">{ "Leaves out moves that are derived from national job profiles or are our informed estimates." }</div>
                            </div>
                        </div>
                    </div>
                </details>
                <button type="submit" class="fh-button">{ "Find routes" }</button>
            </form>
            <section class="fh-section" aria-labelledby="explore-heading">
                <h2 class="fh-heading-m" id="explore-heading">{ "Not sure where to aim?" }</h2>
                <p>{ "See every role you could reach from your current role, grouped by kind of work." }</p>
                <div class="fh-form-group">
                    <label class="fh-label" for="explore-years">{ "Look ahead" }</label>
                    <select class="fh-select" id="explore-years" onchange={on_years}>
                        { for (1..=10u8).map(|years| html! {
                            <option value={years.to_string()} selected={options.explore_years == years}>
                                { if years == 1 { "1 year".to_owned() } else { format!("{years} years") } }
                            </option>
                        }) }
                    </select>
                </div>
                <button type="button" class="fh-button fh-button--secondary" onclick={on_explore}>
                    { "I don't know yet: show me where I could go" }
                </button>
            </section>
        </>
    }
}
