//! Route results: the best routes for the query, side by side on wide screens, each
//! with a "Save as plan" button; or, when there is none, the planner's reason and the
//! nearest roles the user can reach instead.

use crate::graph::RoleGraph;
use crate::graph::RoleId;
use crate::plan::Plan;
use crate::planner::{find_routes, MissingCredential, NoRoute, Objective, Route as PlannedRoute};
use crate::ui::components::{app_link, route_card};
use crate::ui::context::use_graph;
use crate::ui::format;
use crate::ui::hooks::browser::{confirm, random_seed, today};
use crate::ui::hooks::{use_later_task, use_page};
use crate::ui::perf::{mark, measure_since};
use crate::ui::routes::Route;
use crate::ui::state::{role_title, use_app, Action};
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// Props for [`RoutesPage`].
#[derive(Properties, PartialEq, Clone)]
pub struct RoutesPageProps {
    /// The current role id from the address.
    pub from: AttrValue,
    /// The target role id from the address.
    pub to: AttrValue,
}

/// How the first route is labelled for each objective.
fn best_label(objective: Objective) -> &'static str {
    match objective {
        Objective::ShortestTime => "Quickest route",
        Objective::FewestSteps => "Fewest moves",
        Objective::FewestNewCompetencies => "Least new learning",
    }
}

fn objective_phrase(objective: Objective) -> &'static str {
    match objective {
        Objective::ShortestTime => "shortest time",
        Objective::FewestSteps => "fewest moves",
        Objective::FewestNewCompetencies => "fewest new skills to learn",
    }
}

/// The route results screen.
#[function_component(RoutesPage)]
pub fn routes_page(props: &RoutesPageProps) -> Html {
    let route_here = Route::Routes {
        from: props.from.to_string(),
        to: props.to.to_string(),
    };
    let heading = use_page(&route_here);
    let graph = use_graph();
    let app = use_app();
    let navigator = use_navigator();
    // The first two route cards are drawn at once and the rest in the next task, so
    // opening the screen is two short tasks rather than one long one.
    let all_cards = use_later_task();
    let from = RoleId::new(props.from.as_str());
    let to = RoleId::new(props.to.as_str());

    // An address opened directly (a bookmark, a reload) becomes the start screen's
    // choices too, so "Change your choices" starts from it.
    {
        let app = app.clone();
        let (from, to) = (from.clone(), to.clone());
        use_effect_with((from.clone(), to.clone()), move |_| {
            if let Some(app) = app {
                if app.options.start.as_ref() != Some(&from)
                    || app.options.target.as_ref() != Some(&to)
                {
                    let mut options = app.options.clone();
                    options.start = Some(from);
                    options.target = Some(to);
                    app.dispatch(Action::SetOptions(options));
                }
            }
        });
    }

    let (Some(graph), Some(app)) = (graph, app) else {
        return Html::default();
    };
    let query = app.options.query(from.clone(), to.clone());
    let assessment = app.data.assessment.clone();
    let result = {
        let graph = graph.clone();
        use_memo(
            (query.clone(), assessment.clone()),
            move |(query, assessment)| {
                mark("foothold:find-routes-start");
                let found = find_routes(&graph, query, assessment)
                    .map(|routes| routes.into_iter().map(Rc::new).collect::<Vec<_>>());
                measure_since("foothold:find-routes", "foothold:find-routes-start");
                found
            },
        )
    };

    let from_title = role_title(&graph, &from);
    let to_title = role_title(&graph, &to);
    let held = assessment.held.len() + assessment.completed.len();
    let several = several_professions_hint(&graph, &from, &assessment);

    let save = {
        let app = app.clone();
        let graph = graph.clone();
        let navigator = navigator.clone();
        let objective = query.objective;
        let name = format!("{from_title} to {to_title}");
        Callback::from(move |route: Rc<PlannedRoute>| {
            // The same route saved before: ask before making a second plan of it, and
            // otherwise open the one already saved.
            let roles = route.roles();
            let saved_before = app
                .data
                .plans
                .iter()
                .find(|plan| plan.roles().into_iter().eq(roles.iter()));
            if let Some(existing) = saved_before {
                let question = format!(
                    "You already saved this route as “{}”. Save it again as a second plan?\n\nChoose Cancel to open the plan you saved.",
                    existing.name
                );
                if !confirm(&question) {
                    if let Some(navigator) = &navigator {
                        navigator.push(&Route::Plan {
                            id: existing.id.to_string(),
                        });
                    }
                    return;
                }
            }
            let id = app.data.new_plan_id(random_seed());
            match Plan::from_route(
                &graph,
                &route.roles(),
                objective,
                &name,
                today(),
                id.clone(),
            ) {
                Ok(plan) => {
                    app.dispatch(Action::AddPlan(plan));
                    if let Some(navigator) = &navigator {
                        navigator.push(&Route::Plan { id: id.to_string() });
                    }
                }
                Err(error) => app.dispatch(Action::Notify(format!(
                    "The route could not be saved as a plan: {error}"
                ))),
            }
        })
    };

    let body = match &*result {
        Ok(routes) => {
            let count = routes.len();
            let intro = if count == 1 {
                "1 route".to_owned()
            } else {
                format!("{count} routes")
            };
            html! {
                <>
                    <p>
                        { format!("{intro}, best first by {}.", objective_phrase(query.objective)) }
                        if !assessment.credentials.is_empty() {
                            { format!(" Routes use the {} you told us you hold.",
                                format::count(assessment.credentials.len(), "registration or qualification", "registrations and qualifications")) }
                        }
                        if held > 0 {
                            { format!(" Times allow for the {held} skill{} and programme{} you told us you have.",
                                if held == 1 { "" } else { "s" }, if held == 1 { "" } else { "s" }) }
                        } else {
                            { " " }{ app_link(&Route::Skills, "Tell us what you already have") }{ " to make the times fit you." }
                        }
                    </p>
                    <ol class="fh-grid fh-grid--routes" aria-label="Routes">
                        { for routes.iter().enumerate().take(if all_cards { usize::MAX } else { 2 }).map(|(index, route)| {
                            let on_save = {
                                let save = save.clone();
                                let route = route.clone();
                                Callback::from(move |_| save.emit(route.clone()))
                            };
                            html! {
                                <li>
                                    { route_card(&graph, route, index + 1,
                                        (index == 0 && count > 1).then(|| best_label(query.objective)), &on_save) }
                                </li>
                            }
                        }) }
                    </ol>
                </>
            }
        }
        Err(no_route) => html! {
            <div class="fh-inset" role="status">
                <h2 class="fh-heading-m">{ "No route found" }</h2>
                { no_route_reason(no_route) }
                if !no_route.nearest().is_empty() {
                    <p class="fh-heading-s">{ "Roles you can reach that come closest" }</p>
                    <ul>
                        { for no_route.nearest().iter().map(|near| html! {
                            <li>
                                { app_link(&Route::Routes { from: from.to_string(), to: near.to_string() }, format!("Routes to {}", role_title(&graph, near))) }
                            </li>
                        }) }
                    </ul>
                }
            </div>
        },
    };

    html! {
        <>
            <h1 class="fh-heading-xl" tabindex="-1" ref={heading}>
                <span class="fh-caption">{ format!("From {from_title}") }</span>
                { format!("Routes to {to_title}") }
            </h1>
            <p class="fh-button-group">
                { app_link(&Route::Start, "Change your choices") }
                { app_link(&Route::Skills, "Mark what you already have") }
                { app_link(&Route::Explore { from: from.to_string() }, format!("Everywhere you could go from {from_title}")) }
            </p>
            { several }
            { body }
        </>
    }
}

/// Why there is no route. When the target needs a registration or qualification, each
/// missing one is listed with who grants it and how people get it, rather than one long
/// sentence.
fn no_route_reason(no_route: &NoRoute) -> Html {
    let NoRoute::NeedsCredentials {
        title,
        missing_all,
        missing_any,
        ..
    } = no_route
    else {
        return html! { <p>{ no_route.message() }</p> };
    };
    let item = |credential: &MissingCredential| {
        html! {
            <li>
                <strong>{ credential.name.clone() }</strong>
                <span class="fh-secondary">{ format!(" ({})", credential.body) }</span>
                <br />
                { format!("How people get it: {}", credential.how_to_get) }
            </li>
        }
    };
    html! {
        <>
            <p>{ format!("{title} needs a registration or qualification that you do not hold, and no route from where you are gains it.") }</p>
            if !missing_all.is_empty() {
                <p class="fh-heading-s" id="missing-all">{ if missing_all.len() == 1 { "It needs" } else { "It needs all of these" } }</p>
                <ul aria-labelledby="missing-all">{ for missing_all.iter().map(item) }</ul>
            }
            if !missing_any.is_empty() {
                <p class="fh-heading-s" id="missing-any">{ if missing_any.len() == 1 { "It needs" } else { "It needs one of these" } }</p>
                if missing_any.len() > 1 {
                    <p>{ "Each is gained through that profession's own training; one profession's registration does not stand in for another's." }</p>
                }
                <ul aria-labelledby="missing-any">{ for missing_any.iter().map(item) }</ul>
            }
            <p>{ "If you already hold one, " }{ app_link(&Route::Skills, "add it under What I already have") }{ " and the routes will use it." }</p>
        </>
    }
}

/// When the start role covers several professions and the person has not said which
/// they are registered in, says so near the start: routes then only pass through roles
/// that every one of those professions could take.
fn several_professions_hint(
    graph: &RoleGraph,
    from: &RoleId,
    assessment: &crate::planner::SelfAssessment,
) -> Html {
    let Some(role) = graph.role(from) else {
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
        <p class="fh-inset">
            { format!("{} covers several professions. ", role.title) }
            { app_link(&Route::Skills, "Tell us which you are registered in") }
            { ": until you do, routes only pass through roles that every one of them could take." }
        </p>
    }
}
