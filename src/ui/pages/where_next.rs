//! "I don't know yet": every role the user could reach from their current role within a
//! chosen number of years, grouped by kind of work.

use crate::graph::RoleId;
use crate::planner::explore;
use crate::ui::components::app_link;
use crate::ui::context::use_graph;
use crate::ui::hooks::use_page;
use crate::ui::perf::{mark, measure_since};
use crate::ui::routes::Route;
use crate::ui::state::{role_title, use_app, Action};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props for [`ExplorePage`].
#[derive(Properties, PartialEq, Clone)]
pub struct ExplorePageProps {
    /// The current role id from the address.
    pub from: AttrValue,
}

fn years(count: u8) -> String {
    if count == 1 {
        "1 year".to_owned()
    } else {
        format!("{count} years")
    }
}

fn moves(count: usize) -> String {
    if count == 1 {
        "1 move".to_owned()
    } else {
        format!("{count} moves")
    }
}

/// The "where could I go" screen.
#[function_component(ExplorePage)]
pub fn explore_page(props: &ExplorePageProps) -> Html {
    let heading = use_page(&Route::Explore {
        from: props.from.to_string(),
    });
    let graph = use_graph();
    let app = use_app();
    let (Some(graph), Some(app)) = (graph, app) else {
        return Html::default();
    };
    let from = RoleId::new(props.from.as_str());
    let options = app.options.clone();
    let within = options.explore_months();
    let constraints = options.constraints();
    let assessment = app.data.assessment.clone();
    let told_us = !assessment.held.is_empty()
        || !assessment.completed.is_empty()
        || !assessment.credentials.is_empty();
    let result = {
        let graph = graph.clone();
        let from = from.clone();
        use_memo(
            (from, within, constraints, assessment),
            move |(from, within, constraints, assessment)| {
                mark("foothold:explore-start");
                let found = explore(&graph, from, *within, constraints, assessment);
                measure_since("foothold:explore", "foothold:explore-start");
                found
            },
        )
    };
    let on_years = {
        let app = app.clone();
        Callback::from(move |event: Event| {
            let chosen = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .and_then(|select| select.value().parse::<u8>().ok());
            if let Some(chosen) = chosen {
                let mut next = app.options.clone();
                next.explore_years = chosen.clamp(1, 10);
                app.dispatch(Action::SetOptions(next));
            }
        })
    };
    let from_title = role_title(&graph, &from);
    let body = match &*result {
        Ok(groups) if groups.is_empty() => html! {
            <div class="fh-empty">
                <p>{ format!("No roles are within {} of {from_title} with your choices.", years(options.explore_years)) }</p>
                <p>{ "Try looking further ahead, or " }{ app_link(&Route::Start, "change your route options") }{ "." }</p>
            </div>
        },
        Ok(groups) => {
            let total: usize = groups.iter().map(|group| group.roles.len()).sum();
            html! {
                <>
                    <p>{ format!("{total} role{} within about {}, grouped by kind of work. {}",
                        if total == 1 { "" } else { "s" }, years(options.explore_years),
                        if told_us { "Times are typical and allow for what you told us you have." } else { "Times are typical." }) }
                        { " A degree is needed where a move needs a registration that takes one. The cost is for the training each route suggests." }
                        if !told_us {
                            { " " }{ app_link(&Route::Skills, "Tell us what you already have") }{ " to make them fit you." }
                        }
                    </p>
                    { for groups.iter().map(|group| html! {
                        <section class="fh-section" aria-labelledby={format!("family-{}", group.family.slug())}>
                            <h2 class="fh-heading-m" id={format!("family-{}", group.family.slug())}>{ group.family.label() }</h2>
                            <ul class="fh-reach-list">
                                { for group.roles.iter().map(|reach| {
                                    let title = role_title(&graph, &reach.role);
                                    html! {
                                        <li class="fh-reach-list__item">
                                            <span>
                                                { app_link(&Route::Routes { from: from.to_string(), to: reach.role.to_string() }, title.clone()) }
                                            </span>
                                            <span class="fh-secondary">{ format!("About {}, {}. {}. {}.", reach.months, moves(reach.steps),
                                                reach.affordability.degree.label(),
                                                reach.affordability.headline().map_or("No training listed", |cost| cost.label())) }</span>
                                        </li>
                                    }
                                }) }
                            </ul>
                        </section>
                    }) }
                </>
            }
        }
        Err(no_route) => html! {
            <div class="fh-inset" role="status"><p>{ no_route.message() }</p></div>
        },
    };
    html! {
        <>
            <h1 class="fh-heading-xl" tabindex="-1" ref={heading}>
                <span class="fh-caption">{ format!("From {from_title}") }</span>
                { "Where could you go?" }
            </h1>
            <div class="fh-form-group">
                <label class="fh-label" for="explore-within">{ "Look ahead" }</label>
                <select class="fh-select" id="explore-within" onchange={on_years}>
                    { for (1..=10u8).map(|count| html! {
                        <option value={count.to_string()} selected={options.explore_years == count}>{ years(count) }</option>
                    }) }
                </select>
            </div>
            <p>{ app_link(&Route::Start, "Back to planning a route") }</p>
            { body }
        </>
    }
}
