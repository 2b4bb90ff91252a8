//! One route offered for a query: its totals, its steps and a "Save as plan" button.

use crate::graph::RoleGraph;
use crate::planner::{Affordability, Route as PlannedRoute, RouteDegree};
use crate::ui::components::{evidence_meaning, route_evidence_sentence, step_list, Graded};
use crate::ui::state::role_title;
use yew::prelude::*;

/// A card with the route's summary and steps: `number` is its place in the list, from
/// 1; `best_label` says what "best" means for the first route ("Quickest", "Fewest
/// moves"); `on_save` saves the route as a plan.
///
/// A plain function rather than a component: it has no state, and each component type
/// adds its own copy of yew's component machinery to the app.
pub fn route_card(
    graph: &RoleGraph,
    route: &PlannedRoute,
    number: usize,
    best_label: Option<&'static str>,
    on_save: &Callback<()>,
) -> Html {
    let totals = &route.totals;
    let roles = route.roles();
    let through: Vec<String> = roles
        .iter()
        .skip(1)
        .take(roles.len().saturating_sub(2))
        .map(|id| role_title(graph, id))
        .collect();
    let heading = if through.is_empty() {
        format!("Route {}: a direct move", number)
    } else {
        format!("Route {}: through {}", number, through.join(", "))
    };
    let heading_id = format!("route-{}-heading", number);
    let moves = if totals.steps == 1 {
        "1 move".to_owned()
    } else {
        format!("{} moves", totals.steps)
    };
    let to_learn = match totals.competencies_to_gain {
        0 => "Nothing new".to_owned(),
        1 => "1 skill".to_owned(),
        n => format!("{n} skills"),
    };
    let afford = Affordability::of_route(graph, route);
    let cost = afford
        .headline()
        .map_or("No training listed", |cost| cost.label());
    let on_save = on_save.reform(|_: MouseEvent| ());
    html! {
        <article class={classes!("fh-card", "fh-card--route", best_label.is_some().then_some("fh-card--best"))} aria-labelledby={heading_id.clone()}>
            if let Some(label) = best_label {
                <p class="fh-card__label">{ label }</p>
            }
            <h2 class="fh-card__heading" id={heading_id}>{ heading }</h2>
            <dl class="fh-totals">
                { total("Typical time", totals.months.to_string()) }
                { total("Moves", moves) }
                { total("To learn", to_learn) }
                { total("Degree", afford.degree.label().to_owned()) }
                { total("Cost to you", cost.to_owned()) }
            </dl>
            if afford.degree != RouteDegree::NotNeeded {
                <p>{ afford.degree_sentence(graph) }</p>
            }
            if !afford.by_cost.is_empty() {
                <details class="fh-details">
                    <summary class="fh-details__summary"><span class="fh-details__summary-text">{ "What the training costs you" }</span></summary>
                    <div class="fh-details__text">
                        <p>{ "Each is one way to make a move on this route, not a charge for the move." }</p>
                        <dl class="fh-summary-list">
                            { for afford.by_cost.iter().map(|(cost, ids)| html! {
                                <div class="fh-summary-list__row">
                                    <dt class="fh-summary-list__key">{ cost.label() }</dt>
                                    <dd class="fh-summary-list__value">{ ids.iter().map(|id| graph.opportunity(id).map_or_else(|| id.to_string(), |o| o.title.clone())).collect::<Vec<_>>().join("; ") }</dd>
                                </div>
                            }) }
                        </dl>
                    </div>
                </details>
            }
            <p class="fh-totals__label" id={format!("route-{}-bands", number)}>{ "Pay bands along the route" }</p>
            <ol class="fh-band-path fh-form-group" aria-labelledby={format!("route-{}-bands", number)}>
                { for totals.band_path.iter().map(|band| html! { <li>{ band.to_string() }</li> }) }
            </ol>
            <details class="fh-details fh-band-path__help">
                <summary class="fh-details__summary"><span class="fh-details__summary-text">{ "What bands mean" }</span></summary>
                <div class="fh-details__text">
                    <p>{ "Most NHS staff are paid on the Agenda for Change scale, from band 2 up to band 9; bands 8a to 8d are senior management and specialist grades. Doctors are paid on medical contracts instead, and board directors on very senior manager pay." }</p>
                </div>
            </details>
            <p>{ route_evidence_sentence(totals.weakest_evidence) }</p>
            if totals.weakest_evidence != crate::graph::Evidence::Sourced {
                <details class="fh-details">
                    <summary class="fh-details__summary"><span class="fh-details__summary-text">{ "How sure is this?" }</span></summary>
                    <div class="fh-details__text">
                        <p>{ format!("The least certain move on this route is graded “{}”. ", totals.weakest_evidence.label()) }{ evidence_meaning(totals.weakest_evidence, Graded::Move) }</p>
                        <p>{ "Each step below says how sure its figures are." }</p>
                    </div>
                </details>
            }
            { step_list(graph, &route.steps, 3) }
            <div class="fh-card__footer">
                <button type="button" class="fh-button" onclick={on_save}>{ "Save as plan" }</button>
            </div>
        </article>
    }
}

/// One figure in a route card's totals: its label and value.
fn total(label: &'static str, value: String) -> Html {
    html! {
        <div class="fh-totals__item">
            <dt class="fh-totals__label">{ label }</dt>
            <dd class="fh-totals__value">{ value }</dd>
        </div>
    }
}
