//! Self-assessment: the skills the user already has (grouped by the framework they come
//! from), the development they have completed, the registrations and qualifications
//! they hold, and the pace they can work at. Routes are re-ranked from this straight
//! away.

use crate::graph::{Competency, Credential, Framework, RoleGraph};
use crate::plan::Pace;
use crate::ui::components::{app_link, PaceChoice};
use crate::ui::context::use_graph;
use crate::ui::format::count;
use crate::ui::hooks::use_page;
use crate::ui::routes::Route;
use crate::ui::state::{use_app, Action};
use wasm_bindgen::JsCast;
use yew::prelude::*;

fn checked(event: &Event) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|input| input.checked())
}

/// The self-assessment screen.
#[function_component(SkillsPage)]
pub fn skills_page() -> Html {
    let heading = use_page(&Route::Skills);
    let graph = use_graph();
    let app = use_app();
    let (Some(graph), Some(app)) = (graph, app) else {
        return Html::default();
    };
    let assessment = &app.data.assessment;

    // Frameworks in the order they first appear in the pack, each with its skills.
    let mut frameworks: Vec<(Framework, Vec<&Competency>)> = Vec::new();
    for competency in &graph.pack().competencies {
        match frameworks
            .iter_mut()
            .find(|(framework, _)| *framework == competency.framework)
        {
            Some((_, list)) => list.push(competency),
            None => frameworks.push((competency.framework, vec![competency])),
        }
    }

    // Credentials grouped by the body that grants them, in the order bodies first
    // appear in the pack (the HCPC's many professions stay together).
    let mut bodies: Vec<(&str, Vec<&Credential>)> = Vec::new();
    for credential in &graph.pack().credentials {
        match bodies
            .iter_mut()
            .find(|(body, _)| *body == credential.body.as_str())
        {
            Some((_, list)) => list.push(credential),
            None => bodies.push((credential.body.as_str(), vec![credential])),
        }
    }

    let on_pace = {
        let app = app.clone();
        Callback::from(move |pace: Pace| app.dispatch(Action::SetPace(pace)))
    };

    let back = match (&app.options.start, &app.options.target) {
        (Some(from), Some(to)) => html! {
            <p>{ app_link(&Route::Routes { from: from.to_string(), to: to.to_string() }, "See your routes with these changes") }</p>
        },
        _ => html! {
            <p>{ app_link(&Route::Start, "Plan a route") }</p>
        },
    };

    html! {
        <>
            <h1 class="fh-heading-xl" tabindex="-1" ref={heading}>{ "What I already have" }</h1>
            <p class="fh-lead">{ "Tick the skills you already have, the programmes you have finished and the registrations you hold. Routes then take less time where you are ahead, skip what you have, and open roles your registration allows." }</p>
            <p>{ format!("You have ticked {}, {} and {}. Changes are saved as you go.",
                count(assessment.held.len(), "skill", "skills"),
                count(assessment.completed.len(), "programme", "programmes"),
                count(assessment.credentials.len(), "registration or qualification", "registrations and qualifications")) }</p>
            { back.clone() }

            <h2 class="fh-heading-l">{ "Skills" }</h2>
            { for frameworks.iter().enumerate().map(|(group, (framework, competencies))| html! {
                <fieldset class="fh-fieldset">
                    <legend class="fh-fieldset__legend fh-fieldset__legend--s">{ framework.label() }</legend>
                    <div class="fh-checkboxes fh-checkboxes--columns">
                        { for competencies.iter().enumerate().map(|(index, competency)| {
                            let id = format!("skill-{group}-{index}");
                            let held = assessment.held.contains(&competency.id);
                            let onchange = {
                                let app = app.clone();
                                let competency = competency.id.clone();
                                Callback::from(move |event: Event| app.dispatch(Action::SetHeld(competency.clone(), checked(&event))))
                            };
                            html! {
                                <div class="fh-checkboxes__item">
                                    <input class="fh-checkboxes__input" type="checkbox" id={id.clone()} checked={held}
                                        aria-describedby={format!("{id}-hint")} {onchange} />
                                    <label class="fh-label fh-checkboxes__label" for={id.clone()}>{ competency.name.clone() }</label>
                                    <div class="fh-hint fh-checkboxes__hint" id={format!("{id}-hint")}>{ competency.summary.clone() }</div>
                                </div>
                            }
                        }) }
                    </div>
                </fieldset>
            }) }

            <h2 class="fh-heading-l">{ "Development I have completed" }</h2>
            <fieldset class="fh-fieldset">
                <legend class="fh-fieldset__legend fh-fieldset__legend--s">{ "Programmes, qualifications and memberships" }</legend>
                <div class="fh-hint">{ "Finishing one counts the skills it builds as held." }</div>
                <div class="fh-checkboxes fh-checkboxes--columns">
                    { for graph.pack().opportunities.iter().enumerate().map(|(index, opportunity)| {
                        let id = format!("done-{index}");
                        let done = assessment.completed.contains(&opportunity.id);
                        let onchange = {
                            let app = app.clone();
                            let opportunity = opportunity.id.clone();
                            Callback::from(move |event: Event| app.dispatch(Action::SetCompleted(opportunity.clone(), checked(&event))))
                        };
                        html! {
                            <div class="fh-checkboxes__item">
                                <input class="fh-checkboxes__input" type="checkbox" id={id.clone()} checked={done}
                                    aria-describedby={format!("{id}-hint")} {onchange} />
                                <label class="fh-label fh-checkboxes__label" for={id.clone()}>{ opportunity.title.clone() }</label>
                                <div class="fh-hint fh-checkboxes__hint" id={format!("{id}-hint")}>{ format!("{}, {}", opportunity.kind.label(), opportunity.length) }</div>
                            </div>
                        }
                    }) }
                </div>
            </fieldset>

            <h2 class="fh-heading-l" id="credentials">{ "Registrations and qualifications" }</h2>
            <p>{ "Routes only pass through roles whose registration you hold. Your current role already counts: a registered nurse holds registration as a nurse. Tick any others you hold, such as a pharmacist now working as a data analyst, who still holds registration as a pharmacist." }</p>
            { start_role_hint(&graph, app.options.start.as_ref(), assessment) }
            { for bodies.iter().enumerate().map(|(group, (body, credentials))| html! {
                <fieldset class="fh-fieldset">
                    <legend class="fh-fieldset__legend fh-fieldset__legend--s">{ format!("Held with {body}") }</legend>
                    <div class="fh-checkboxes fh-checkboxes--columns">
                        { for credentials.iter().enumerate().map(|(index, credential)| {
                            let id = format!("credential-{group}-{index}");
                            let held = assessment.credentials.contains(&credential.id);
                            let onchange = {
                                let app = app.clone();
                                let credential = credential.id.clone();
                                Callback::from(move |event: Event| app.dispatch(Action::SetCredential(credential.clone(), checked(&event))))
                            };
                            html! {
                                <div class="fh-checkboxes__item">
                                    <input class="fh-checkboxes__input" type="checkbox" id={id.clone()} checked={held}
                                        aria-describedby={format!("{id}-hint")} {onchange} />
                                    <label class="fh-label fh-checkboxes__label" for={id.clone()}>{ credential.name.clone() }</label>
                                    <div class="fh-hint fh-checkboxes__hint" id={format!("{id}-hint")}>{ format!("{}, {}", credential.kind.label(), credential.body) }</div>
                                </div>
                            }
                        }) }
                    </div>
                </fieldset>
            }) }

            <h2 class="fh-heading-l">{ "Your pace" }</h2>
            <PaceChoice id="pace" legend="How much time can you give to your career moves? Projected finish dates on your plans change to match."
                pace={app.data.pace} on_change={on_pace} />
            { back }
        </>
    }
}

/// When the chosen start role covers several professions (an allied health professional)
/// and the person has not ticked which, a line asking them to: until they do, routes
/// only pass through roles that every one of those professions could enter.
fn start_role_hint(
    graph: &RoleGraph,
    start: Option<&crate::graph::RoleId>,
    assessment: &crate::planner::SelfAssessment,
) -> Html {
    let Some(role) = start.and_then(|id| graph.role(id)) else {
        return Html::default();
    };
    if role.holds_one_of.is_empty()
        || role
            .holds_one_of
            .iter()
            .any(|id| assessment.credentials.contains(id))
    {
        return Html::default();
    }
    html! {
        <div class="fh-inset">
            <p>{ format!("Your starting role, {}, covers several professions. Tick the one you are registered in, so routes can use it; until you do, routes only pass through roles that every one of these professions could take.",
                role.title) }</p>
        </div>
    }
}
