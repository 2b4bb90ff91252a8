//! The steps of a route as a numbered list: each move with its time, band, the
//! registration or qualification it relies on, what it gives, what to learn, what helps
//! (with what each costs the person, who it is for and how long it takes) and how well it
//! is backed.

use crate::graph::RoleGraph;
use crate::plan::{gives_text, relies_on_text};
use crate::planner::RouteStep;
use crate::ui::components::{
    app_link, evidence_tag, opportunity_line, with_terms_explained, Graded,
};
use crate::ui::routes::Route;
use crate::ui::state::role_title;
use yew::prelude::*;

/// How long a step takes, saying when what the user holds shortens it.
pub fn step_time(step: &RouteStep) -> String {
    if step.personalised_months == step.months {
        format!("About {}", step.months)
    } else {
        format!(
            "About {} for you (usually {})",
            step.personalised_months, step.months
        )
    }
}

fn competency_names(graph: &RoleGraph, ids: &[crate::graph::CompetencyId]) -> Vec<String> {
    ids.iter()
        .map(|id| {
            graph
                .competency(id)
                .map_or_else(|| id.to_string(), |c| c.name.clone())
        })
        .collect()
}

/// An `ol` with one item per step, in order; `heading_level` is the level of each step's
/// title (3 inside a route card).
///
/// A plain function rather than a component: it has no state, and each component type
/// adds its own copy of yew's component machinery to the app.
pub fn step_list(graph: &RoleGraph, steps: &[RouteStep], heading_level: u8) -> Html {
    let heading_tag = match heading_level {
        2 => "h2",
        4 => "h4",
        _ => "h3",
    };
    html! {
        <ol class="fh-steps">
            { for steps.iter().map(|step| {
                let target = graph.role(&step.to);
                let to_gain = competency_names(graph, &step.to_gain);
                let held = competency_names(graph, &step.already_held);
                let relies = relies_on_text(graph, &step.relies_on, step.relies_on_one_of);
                let gives = gives_text(graph, &step.gains_credentials);
                html! {
                    <li class="fh-steps__item">
                        <@{heading_tag} class="fh-steps__heading">
                            { app_link(&Route::Role { id: step.to.to_string() }, role_title(graph, &step.to)) }
                            <span class="fh-visually-hidden">{ format!(", from {}", role_title(graph, &step.from)) }</span>
                        </@>
                        <div class="fh-steps__meta">
                            <p>{ step_time(step) }</p>
                            if let Some(role) = target {
                                <p>{ role.bands.to_string() }</p>
                            }
                            <div>{ evidence_tag(step.evidence, Graded::Move) }</div>
                        </div>
                        if !step.actions.is_empty() {
                            <p class="fh-heading-s">{ "What to do first" }</p>
                            <ul class="fh-list-compact fh-steps__actions" aria-label="What to do first">
                                { for step.actions.iter().map(|action| html! { <li>{ action.clone() }</li> }) }
                            </ul>
                        }
                        if let Some(text) = relies {
                            <p class="fh-steps__credential">{ text }</p>
                        }
                        if let Some(text) = gives {
                            <p class="fh-steps__credential">{ text }</p>
                        }
                        if to_gain.is_empty() {
                            <p>{ "No new skills to learn for this move." }</p>
                        } else {
                            <p class="fh-heading-s">{ "Skills to gain" }</p>
                            <ul class="fh-list-compact" aria-label="Skills to gain">
                                { for to_gain.iter().map(|name| html! { <li>{ with_terms_explained(name) }</li> }) }
                            </ul>
                        }
                        if !held.is_empty() {
                            <p>{ format!("You already have: {}.", held.join(", ")) }</p>
                        }
                        if !step.opportunities.is_empty() {
                            <p class="fh-heading-s">{ "What helps" }</p>
                            <ul class="fh-list-compact" aria-label="What helps">
                                { for step.opportunities.iter().map(|id| match graph.opportunity(id) {
                                    Some(opportunity) => opportunity_line(opportunity, &graph.info().checked),
                                    None => html! { <li>{ id.to_string() }</li> },
                                }) }
                            </ul>
                        }
                        if let Some(note) = &step.note {
                            <p class="fh-secondary">{ note.clone() }</p>
                        }
                    </li>
                }
            }) }
        </ol>
    }
}
