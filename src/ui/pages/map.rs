//! The role map page: every role laid out by band and family with the moves between
//! them, an optional highlighted route, and the same roles as a plain list of links for
//! anyone who would rather not (or cannot) use the picture.

use crate::graph::{Band, Family, Role, RoleGraph, RoleId};
use crate::layout::map_band;
use crate::ui::components::RoleMap;
use crate::ui::context::use_graph;
use crate::ui::routes::Route;
use petgraph::algo::astar;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlSelectElement};
use yew::prelude::*;
use yew_router::prelude::*;

/// The route the map highlights between two roles: the quickest by typical time
/// (the midpoint of each move's time range), as role ids from `from` to `to`.
///
/// This is the map's one question to route planning. It answers from the graph alone;
/// the planner's personalised best route can answer it instead without changing the map.
pub fn route_to_highlight(graph: &RoleGraph, from: &RoleId, to: &RoleId) -> Option<Vec<RoleId>> {
    let start = graph.node(from)?;
    let goal = graph.node(to)?;
    let (_, nodes) = astar(
        graph.petgraph(),
        start,
        |node| node == goal,
        |edge| {
            let months = graph
                .transition_at(petgraph::visit::EdgeRef::id(&edge))
                .months;
            u32::from(months.min) + u32::from(months.max)
        },
        |_| 0,
    )?;
    Some(
        nodes
            .into_iter()
            .map(|node| graph.role_at(node).id.clone())
            .collect(),
    )
}

/// Roles by family, each family's roles by band.
pub type RoleGroups<'g> = Vec<(Family, Vec<(Band, Vec<&'g Role>)>)>;

/// Roles grouped as on the map: by family in [`Family::ALL`] order, then by the band of
/// their column, each group in title order.
pub fn roles_by_family_and_band(graph: &RoleGraph) -> RoleGroups<'_> {
    let mut groups: BTreeMap<Family, BTreeMap<Band, Vec<&Role>>> = BTreeMap::new();
    for role in graph.roles() {
        groups
            .entry(role.family)
            .or_default()
            .entry(map_band(role))
            .or_default()
            .push(role);
    }
    groups
        .into_iter()
        .map(|(family, bands)| {
            let bands = bands
                .into_iter()
                .map(|(band, mut roles)| {
                    roles.sort_by(|a, b| a.title.cmp(&b.title));
                    (band, roles)
                })
                .collect();
            (family, bands)
        })
        .collect()
}

/// The "Role map" page.
#[function_component(MapPage)]
pub fn map_page() -> Html {
    let graph = use_graph();
    let from = use_state(|| None::<RoleId>);
    let to = use_state(|| None::<RoleId>);
    let route = use_memo(
        (graph.clone(), (*from).clone(), (*to).clone()),
        |(graph, from, to)| match (graph, from, to) {
            (Some(graph), Some(from), Some(to)) => Some(route_to_highlight(graph, from, to)),
            _ => None,
        },
    );
    let Some(graph) = graph else {
        return html! { <p>{ "The role data is not loaded yet." }</p> };
    };

    let choose = |state: UseStateHandle<Option<RoleId>>| {
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            state.set((!value.is_empty()).then(|| RoleId::new(value)));
        })
    };
    let clear = {
        let (from, to) = (from.clone(), to.clone());
        Callback::from(move |_: MouseEvent| {
            from.set(None);
            to.set(None);
        })
    };
    let skip_to_list = Callback::from(|_: MouseEvent| {
        let heading = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id("map-list-heading"))
            .and_then(|element| element.dyn_into::<HtmlElement>().ok());
        if let Some(heading) = heading {
            let _ = heading.focus();
        }
    });

    let highlight: Vec<RoleId> = route
        .as_ref()
        .as_ref()
        .and_then(|found| found.clone())
        .filter(|steps| steps.len() > 1)
        .unwrap_or_default();
    let title_of = |id: &RoleId| {
        graph
            .role(id)
            .map_or_else(|| id.to_string(), |role| role.title.clone())
    };
    let status = match (route.as_ref(), from.as_ref(), to.as_ref()) {
        (Some(Some(steps)), Some(_), Some(_)) if steps.len() == 1 => {
            "You chose the same role twice, so there is no route to show.".to_owned()
        }
        (Some(Some(steps)), _, _) => format!(
            "Showing the quickest route by typical time, {} moves: {}.",
            steps.len().saturating_sub(1),
            steps
                .iter()
                .map(title_of)
                .collect::<Vec<_>>()
                .join(", then ")
        ),
        (Some(None), Some(from), Some(to)) => format!(
            "The data has no route from {} to {}. Try another pair of roles.",
            title_of(from),
            title_of(to)
        ),
        _ => String::new(),
    };
    let groups = roles_by_family_and_band(&graph);
    let step_of = |id: &RoleId| highlight.iter().position(|step| step == id).map(|i| i + 1);

    html! {
        <div class="fh-page fh-map-page">
            <h1 class="fh-page__title" tabindex="-1">{ "Role map" }</h1>
            <p class="fh-lead">
                { "Every role in the data, by band from left to right and by family from top to bottom. The lines show the moves people make between roles." }
            </p>

            <form class="fh-map-route" onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
                <fieldset class="fh-fieldset">
                    <legend class="fh-fieldset__legend">{ "Highlight a route on the map" }</legend>
                    <div class="fh-field">
                        <label class="fh-label" for="map-from">{ "Highlight a route from" }</label>
                        { role_select("map-from", &groups, from.as_ref(), choose(from.clone())) }
                    </div>
                    <div class="fh-field">
                        <label class="fh-label" for="map-to">{ "to" }</label>
                        { role_select("map-to", &groups, to.as_ref(), choose(to.clone())) }
                    </div>
                    if from.is_some() || to.is_some() {
                        <button type="button" class="fh-button fh-button--secondary" onclick={clear}>
                            { "Clear the route" }
                        </button>
                    }
                </fieldset>
            </form>
            <p class="fh-map-page__status" role="status" aria-live="polite">{ status }</p>

            <button type="button" class="fh-link-button fh-map-page__skip" onclick={skip_to_list}>
                { "Skip the map and go to the list of roles" }
            </button>

            <RoleMap highlight={highlight.clone()} />

            <section class="fh-section fh-map-list" aria-labelledby="map-list-heading">
                <h2 id="map-list-heading" tabindex="-1">{ "Roles on the map as a list" }</h2>
                <p>{ "The same roles as the map, by family and then by the lowest band each is usually advertised at." }</p>
                { for groups.iter().map(|(family, bands)| html! {
                    <section class="fh-map-list__family" key={family.slug()}>
                        <h3>{ family.label() }</h3>
                        <ul class="fh-list fh-map-list__bands">
                            { for bands.iter().map(|(band, roles)| html! {
                                <li key={band.code()}>
                                    <span class="fh-map-list__band">{ band.label() }</span>
                                    <ul class="fh-list fh-map-list__roles">
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
    use crate::graph::source::read_pack_folder;
    use std::path::Path;

    fn starter() -> RoleGraph {
        let pack = read_pack_folder(Path::new("tests/fixtures/starter-pack"))
            .unwrap_or_else(|errors| panic!("the starter fixture must parse: {errors:?}"));
        RoleGraph::new(pack).unwrap_or_else(|error| panic!("the starter fixture is valid: {error}"))
    }

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
        );
        assert_eq!(
            route,
            Some(ids(&["administrator", "data-technician", "data-analyst"]))
        );
    }

    #[test]
    fn the_highlighted_route_is_the_quickest_by_typical_time() {
        let graph = starter();
        let route = route_to_highlight(
            &graph,
            &RoleId::new("registered-nurse"),
            &RoleId::new("chief-nursing-information-officer"),
        )
        .unwrap_or_default();
        let months = |path: &[RoleId]| -> u32 {
            path.windows(2)
                .filter_map(|pair| graph.transition(&pair[0], &pair[1]))
                .map(|t| u32::from(t.months.min) + u32::from(t.months.max))
                .sum()
        };
        let direct = ids(&["registered-nurse", "chief-nursing-information-officer"]);
        let via = ids(&[
            "registered-nurse",
            "digital-nurse",
            "chief-nursing-information-officer",
        ]);
        assert!(route == direct || route == via);
        assert_eq!(months(&route), months(&direct).min(months(&via)));
    }

    #[test]
    fn there_is_no_route_against_the_direction_of_the_moves() {
        let graph = starter();
        let route = route_to_highlight(
            &graph,
            &RoleId::new("data-analyst"),
            &RoleId::new("administrator"),
        );
        assert_eq!(route, None);
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
