//! The role map page: every role laid out by band and family with the moves between
//! them, an optional highlighted route, and the same roles as a plain list of links for
//! anyone who would rather not (or cannot) use the picture.

use crate::graph::{RoleGraph, RoleId};
use crate::layout::map::group_by_family_and_band;
use crate::layout::neighbourhood;
use crate::planner::{find_routes, NoRoute, Route as PlannedRoute, RouteQuery, SelfAssessment};
use crate::ui::components::RoleMap;
use crate::ui::context::use_graph;
use crate::ui::routes::Route;
use crate::ui::state::use_app;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlSelectElement};
use yew::prelude::*;
use yew_router::prelude::*;

/// The route the map highlights between two roles: the planner's best route (the
/// quickest by typical time), as role ids from `from` to `to`, or why there is none.
pub fn route_to_highlight(
    graph: &RoleGraph,
    from: &RoleId,
    to: &RoleId,
    assessment: &SelfAssessment,
) -> Result<Vec<RoleId>, NoRoute> {
    let query = RouteQuery {
        routes: 1,
        ..RouteQuery::new(from.clone(), to.clone())
    };
    let routes = find_routes(graph, &query, assessment)?;
    Ok(routes.first().map(PlannedRoute::roles).unwrap_or_default())
}

/// The route chosen on the map page, kept in the address (`#/map?from=a&to=b`) so other
/// pages can link to a route on the map and the back button keeps it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapQuery {
    /// The role the route starts from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<RoleId>,
    /// The role the route goes to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<RoleId>,
}

pub use crate::layout::map::RoleGroups;

/// Roles grouped as on the map: by family in [`Family::ALL`](crate::graph::Family::ALL)
/// order, then by the band of their column, each group in title order.
pub fn roles_by_family_and_band(graph: &RoleGraph) -> RoleGroups<'_> {
    let mut groups = group_by_family_and_band(graph.roles().iter().collect());
    for (_, bands) in &mut groups {
        for (_, roles) in bands {
            crate::order::sort_by(roles, |a, b| a.title.cmp(&b.title));
        }
    }
    groups
}

/// The "Role map" page.
#[function_component(MapPage)]
pub fn map_page() -> Html {
    let graph = use_graph();
    let start = use_app().and_then(|app| app.options.start.clone());
    let location = use_location();
    let navigator = use_navigator();
    let from_address = location
        .as_ref()
        .and_then(|location| location.query::<MapQuery>().ok())
        .unwrap_or_default();
    let chosen = use_state(|| from_address.clone());
    {
        // Another page linking to a route on the map while the map is open.
        let chosen = chosen.clone();
        use_effect_with(from_address, move |from_address| {
            if *chosen != *from_address {
                chosen.set(from_address.clone());
            }
        });
    }
    let route = use_memo(
        (graph.clone(), (*chosen).clone()),
        |(graph, chosen)| match (graph, &chosen.from, &chosen.to) {
            (Some(graph), Some(from), Some(to)) => Some(route_to_highlight(
                graph,
                from,
                to,
                &SelfAssessment::default(),
            )),
            _ => None,
        },
    );
    let Some(graph) = graph else {
        return html! { <p>{ "The role data is not loaded yet." }</p> };
    };

    let update = {
        let chosen = chosen.clone();
        Callback::from(move |next: MapQuery| {
            if let Some(navigator) = &navigator {
                if next == MapQuery::default() {
                    navigator.replace(&Route::Map);
                } else {
                    // An address that cannot hold the choice only loses the bookmark.
                    let _ = navigator.replace_with_query(&Route::Map, &next);
                }
            }
            chosen.set(next);
        })
    };
    let choose_from = {
        let (chosen, update) = (chosen.clone(), update.clone());
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            update.emit(MapQuery {
                from: (!value.is_empty()).then(|| RoleId::new(value)),
                ..(*chosen).clone()
            });
        })
    };
    let choose_to = {
        let (chosen, update) = (chosen.clone(), update.clone());
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            update.emit(MapQuery {
                to: (!value.is_empty()).then(|| RoleId::new(value)),
                ..(*chosen).clone()
            });
        })
    };
    let clear = update.reform(|_: MouseEvent| MapQuery::default());
    let skip_to_list = Callback::from(|_: MouseEvent| {
        let heading = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id("map-list-heading"))
            .and_then(|element| element.dyn_into::<HtmlElement>().ok());
        if let Some(heading) = heading {
            let _ = heading.focus();
        }
    });

    let highlight: Vec<RoleId> = match route.as_ref() {
        Some(Ok(steps)) => steps.clone(),
        _ => Vec::new(),
    };
    // With no route, the map opens on the chosen start, or the role the person said
    // they hold, and the roles one move from it.
    let focus: Vec<RoleId> = match (highlight.is_empty(), chosen.from.clone().or(start)) {
        (true, Some(role)) => neighbourhood(&graph, &role),
        _ => Vec::new(),
    };
    let title_of = |id: &RoleId| {
        graph
            .role(id)
            .map_or_else(|| id.to_string(), |role| role.title.clone())
    };
    let (status, nearest) = match route.as_ref() {
        Some(Ok(steps)) => (
            format!(
                "Showing the quickest route by typical time, {} {}: {}.",
                steps.len().saturating_sub(1),
                if steps.len() == 2 { "move" } else { "moves" },
                steps
                    .iter()
                    .map(title_of)
                    .collect::<Vec<_>>()
                    .join(", then ")
            ),
            Vec::new(),
        ),
        Some(Err(no_route)) => (no_route.message(), no_route.nearest().to_vec()),
        None => (String::new(), Vec::new()),
    };
    let groups = roles_by_family_and_band(&graph);
    let step_of = |id: &RoleId| highlight.iter().position(|step| step == id).map(|i| i + 1);

    html! {
        <div class="fh-page fh-map-page">
            <h1 class="fh-page__title" tabindex="-1">{ "Role map" }</h1>
            <p class="fh-lead">
                { "Every role in the data, by band from left to right and by family from top to bottom. The lines show the moves people make between roles." }
            </p>

            <form class="fh-form fh-map-route" onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
                <fieldset class="fh-fieldset">
                    <legend class="fh-fieldset__legend">{ "Highlight a route on the map" }</legend>
                    <div class="fh-map-route__fields">
                        <div class="fh-form-group">
                            <label class="fh-label" for="map-from">{ "Highlight a route from" }</label>
                            { role_select("map-from", &groups, chosen.from.as_ref(), choose_from) }
                        </div>
                        <div class="fh-form-group">
                            <label class="fh-label" for="map-to">{ "to" }</label>
                            { role_select("map-to", &groups, chosen.to.as_ref(), choose_to) }
                        </div>
                    </div>
                    if *chosen != MapQuery::default() {
                        <button type="button" class="fh-button fh-button--secondary" onclick={clear}>
                            { "Clear the route" }
                        </button>
                    }
                </fieldset>
            </form>
            <div class="fh-map-page__status" role="status" aria-live="polite">
                if !status.is_empty() {
                    <p>{ status }</p>
                }
                if !nearest.is_empty() {
                    <ul class="fh-list-plain fh-map-page__nearest">
                        { for nearest.iter().map(|id| html! {
                            <li key={id.as_str().to_owned()}>
                                <Link<Route> to={Route::Role { id: id.to_string() }}>{ title_of(id) }</Link<Route>>
                            </li>
                        }) }
                    </ul>
                }
            </div>

            <button type="button" class="fh-button fh-button--link fh-map-page__skip" onclick={skip_to_list}>
                { "Skip the map and go to the list of roles" }
            </button>

            <RoleMap highlight={highlight.clone()} {focus} />

            <section class="fh-section fh-map-list" aria-labelledby="map-list-heading">
                <h2 id="map-list-heading" tabindex="-1">{ "Roles on the map as a list" }</h2>
                <p>{ "The same roles as the map, by family and then by the lowest band each is usually advertised at." }</p>
                { for groups.iter().map(|(family, bands)| html! {
                    <section class="fh-map-list__family" key={family.slug()}>
                        <h3>{ family.label() }</h3>
                        <ul class="fh-list-plain fh-map-list__bands">
                            { for bands.iter().map(|(band, roles)| html! {
                                <li key={band.code()}>
                                    <span class="fh-map-list__band">{ band.label() }</span>
                                    <ul class="fh-map-list__roles">
                                        { for roles.iter().map(|role| html! {
                                            <li key={role.id.as_str().to_owned()}>
                                                <Link<Route> to={Route::Role { id: role.id.to_string() }}>
                                                    { &role.title }
                                                </Link<Route>>
                                                { format!(" ({})", role.bands) }
                                                if let Some(step) = step_of(&role.id) {
                                                    <strong class="fh-map-list__route">
                                                        { format!(" On your route: step {step}") }
                                                    </strong>
                                                }
                                            </li>
                                        }) }
                                    </ul>
                                </li>
                            }) }
                        </ul>
                    </section>
                }) }
            </section>
        </div>
    }
}

fn role_select(
    id: &'static str,
    groups: &RoleGroups<'_>,
    chosen: Option<&RoleId>,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <select id={id} class="fh-select" {onchange}>
            <option value="" selected={chosen.is_none()}>{ "Choose a role" }</option>
            { for groups.iter().map(|(family, bands)| html! {
                <optgroup label={family.label()}>
                    { for bands.iter().flat_map(|(_, roles)| roles.iter()).map(|role| html! {
                        <option value={role.id.to_string()} selected={chosen == Some(&role.id)}>
                            { &role.title }
                        </option>
                    }) }
                </optgroup>
            }) }
        </select>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::graph::{Band, Family};

    use crate::planner::testing::starter_graph as starter;

    fn ids(slugs: &[&str]) -> Vec<RoleId> {
        slugs.iter().map(|slug| RoleId::new(*slug)).collect()
    }

    #[test]
    fn the_highlighted_route_follows_moves_in_the_data() {
        let graph = starter();
        let route = route_to_highlight(
            &graph,
            &RoleId::new("administrator"),
            &RoleId::new("data-analyst"),
            &SelfAssessment::default(),
        );
        assert_eq!(
            route,
            Ok(ids(&["administrator", "data-technician", "data-analyst"]))
        );
    }

    #[test]
    fn every_step_of_the_highlighted_route_is_a_move_in_the_data() {
        let graph = starter();
        let route = route_to_highlight(
            &graph,
            &RoleId::new("registered-nurse"),
            &RoleId::new("chief-nursing-information-officer"),
            &SelfAssessment::default(),
        )
        .unwrap_or_default();
        assert!(route.len() >= 2, "a route was expected: {route:?}");
        assert_eq!(route.first(), Some(&RoleId::new("registered-nurse")));
        assert_eq!(
            route.last(),
            Some(&RoleId::new("chief-nursing-information-officer"))
        );
        for pair in route.windows(2) {
            assert!(graph.transition(&pair[0], &pair[1]).is_some());
        }
    }

    #[test]
    fn choosing_the_same_role_twice_says_so() {
        let graph = starter();
        let nurse = RoleId::new("registered-nurse");
        let route = route_to_highlight(&graph, &nurse, &nurse, &SelfAssessment::default());
        assert!(matches!(route, Err(NoRoute::SameRole { .. })));
    }

    #[test]
    fn there_is_no_route_against_the_direction_of_the_moves() {
        let graph = starter();
        let route = route_to_highlight(
            &graph,
            &RoleId::new("data-analyst"),
            &RoleId::new("administrator"),
            &SelfAssessment::default(),
        );
        assert!(matches!(route, Err(NoRoute::Unreachable { .. })));
    }

    #[test]
    fn the_list_groups_every_role_by_family_then_band() {
        let graph = starter();
        let groups = roles_by_family_and_band(&graph);
        let families: Vec<Family> = groups.iter().map(|(family, _)| *family).collect();
        assert_eq!(
            families,
            vec![
                Family::ClinicalPractice,
                Family::Administration,
                Family::ClinicalInformatics,
                Family::DataAnalytics,
            ]
        );
        let listed: usize = groups
            .iter()
            .flat_map(|(_, bands)| bands.iter())
            .map(|(_, roles)| roles.len())
            .sum();
        assert_eq!(listed, graph.roles().len());
        let data: Vec<(Band, Vec<&str>)> = groups[3]
            .1
            .iter()
            .map(|(band, roles)| (*band, roles.iter().map(|r| r.title.as_str()).collect()))
            .collect();
        assert_eq!(
            data,
            vec![
                (Band::B3, vec!["Data technician"]),
                (Band::B5, vec!["Data analyst"]),
            ]
        );
    }
}
