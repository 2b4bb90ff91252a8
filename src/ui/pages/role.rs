//! One role's page: what it is, what it pays, what it needs, how people get into it and
//! where they go next, what development helps, and the sources behind it all.

use crate::graph::{Opportunity, OpportunityId, Role, RoleGraph, RoleId, Source, Transition};
use crate::ui::components::{
    cost_to_you, evidence_tag, fact_row as summary_row, status_text, Graded,
};
use crate::ui::context::use_graph;
use crate::ui::routes::Route;
use serde::Serialize;
use yew::prelude::*;
use yew_router::prelude::*;

/// Props of [`RolePage`].
#[derive(Properties, PartialEq, Clone)]
pub struct RolePageProps {
    /// The role id from the address.
    pub id: AttrValue,
}

/// The query the Start page reads to prefill the role someone wants to get to.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct PlanTarget {
    /// The target role id.
    pub to: String,
}

/// A role's page, or a clear "not found" page for an id the data does not know.
#[function_component(RolePage)]
pub fn role_page(props: &RolePageProps) -> Html {
    let Some(graph) = use_graph() else {
        return html! { <p>{ "The role data is not loaded yet." }</p> };
    };
    let id = RoleId::new(props.id.as_str());
    match graph.role(&id) {
        Some(role) => role_details(&graph, role),
        None => role_not_found(&graph, &id),
    }
}

fn role_details(graph: &RoleGraph, role: &Role) -> Html {
    let ways_in = graph.ways_in(&role.id);
    let ways_on = graph.ways_on(&role.id);
    let development = development_on(graph, &ways_in, &ways_on);
    html! {
        <article class="fh-page fh-role">
            <h1 class="fh-page__title" tabindex="-1">{ &role.title }</h1>
            if !role.also_known_as.is_empty() {
                <p class="fh-role__aka">
                    { format!("Also called {}", role.also_known_as.join(", ")) }
                </p>
            }
            <dl class="fh-summary-list fh-role__facts">
                <div class="fh-summary-list__row">
                    <dt class="fh-summary-list__key">{ "Family" }</dt>
                    <dd class="fh-summary-list__value">{ role.family.label() }</dd>
                </div>
                <div class="fh-summary-list__row">
                    <dt class="fh-summary-list__key">{ "Band" }</dt>
                    <dd class="fh-summary-list__value">
                        { role.bands.to_string() }{ " " }{ evidence_tag(role.evidence, Graded::Bands) }
                    </dd>
                </div>
                if role.entry {
                    <div class="fh-summary-list__row">
                        <dt class="fh-summary-list__key">{ "Starting role" }</dt>
                        <dd class="fh-summary-list__value">{ "Yes: people join this role directly" }</dd>
                    </div>
                }
            </dl>
            if !role.requires.is_empty() {
                <div class="fh-inset fh-role__registration">
                    <p>
                        <strong>{ "This role needs a registration or qualification of your own." }</strong>
                        { " Routes only pass through it once you hold it; one profession's registration does not stand in for another's." }
                    </p>
                </div>
            }
            <p class="fh-lead">{ &role.summary }</p>

            <div class="fh-button-group fh-role__actions">
                <Link<Route, PlanTarget> classes="fh-button"
                    to={Route::Start}
                    query={Some(PlanTarget { to: role.id.to_string() })}>
                    { "Plan a route to this role" }
                </Link<Route, PlanTarget>>
                <Link<Route> classes="fh-button fh-button--secondary"
                    to={Route::Explore { from: role.id.to_string() }}>
                    { "Where can I go from here" }
                </Link<Route>>
            </div>

            if !role.responsibilities.is_empty() {
                <section class="fh-section" aria-labelledby="role-responsibilities">
                    <h2 id="role-responsibilities">{ "What the role involves" }</h2>
                    <ul>
                        { for role.responsibilities.iter().map(|item| html! { <li>{ item }</li> }) }
                    </ul>
                </section>
            }

            { entry_requirements(graph, role) }
            { competencies(graph, role) }

            <section class="fh-section" aria-labelledby="role-ways-in">
                <h2 id="role-ways-in">{ "Ways in" }</h2>
                if ways_in.is_empty() {
                    <p>{ if role.entry {
                        "People join this role directly; the data records no moves into it from other roles."
                    } else {
                        "The data records no moves into this role yet."
                    } }</p>
                } else {
                    <ul class="fh-list-plain fh-moves">
                        { for ways_in.iter().map(|transition| move_item(graph, transition, &transition.from, "From")) }
                    </ul>
                }
            </section>

            <section class="fh-section" aria-labelledby="role-ways-on">
                <h2 id="role-ways-on">{ "Ways on" }</h2>
                if ways_on.is_empty() {
                    <p>{ if role.senior_terminal {
                        "This is a senior role where many careers settle; the data records no further moves."
                    } else {
                        "The data records no moves on from this role yet."
                    } }</p>
                } else {
                    <ul class="fh-list-plain fh-moves">
                        { for ways_on.iter().map(|transition| move_item(graph, transition, &transition.to, "To")) }
                    </ul>
                }
            </section>

            if !development.is_empty() {
                <section class="fh-section" aria-labelledby="role-development">
                    <h2 id="role-development">{ "Development that helps" }</h2>
                    <p>{ "Programmes, qualifications and memberships that help with the moves into and out of this role." }</p>
                    <ul class="fh-list-plain fh-opportunities">
                        { for development.iter().map(|(opportunity, moves)| opportunity_item(opportunity, moves, &graph.info().checked)) }
                    </ul>
                </section>
            }

            <section class="fh-section" aria-labelledby="role-sources">
                <h2 id="role-sources">{ "Sources" }</h2>
                <p class="fh-hint">
                    { "These are external websites. They open only if you choose to follow them. " }
                    <Link<Route> to={Route::About}>{ "How we grade evidence" }</Link<Route>>
                </p>
                { source_list(&role.sources) }
            </section>
        </article>
    }
}

fn entry_requirements(graph: &RoleGraph, role: &Role) -> Html {
    if role.entry_requirements.is_empty() && role.requires.is_empty() {
        return Html::default();
    }
    html! {
        <section class="fh-section" aria-labelledby="role-entry-requirements">
            <h2 id="role-entry-requirements">{ "Entry requirements" }</h2>
            <ul>
                { for graph.requirement_lines(role).into_iter().map(|line| html! {
                    <li class="fh-role__registration-requirement">
                        <strong>{ "Needs: " }</strong>{ line }
                    </li>
                }) }
                { for role.entry_requirements.iter().map(|item| html! { <li>{ item }</li> }) }
            </ul>
        </section>
    }
}

fn competencies(graph: &RoleGraph, role: &Role) -> Html {
    if role.competencies.is_empty() {
        return Html::default();
    }
    html! {
        <section class="fh-section" aria-labelledby="role-competencies">
            <h2 id="role-competencies">{ "Competencies" }</h2>
            <ul class="fh-list-plain fh-competencies">
                { for role.competencies.iter().map(|id| match graph.competency(id) {
                    Some(competency) => html! {
                        <li class="fh-competency">
                            <span class="fh-competency__name">{ &competency.name }</span>
                            <span class="fh-competency__framework">
                                { format!(" – {}", competency.framework.label()) }
                            </span>
                        </li>
                    },
                    None => html! { <li>{ id.to_string() }</li> },
                }) }
            </ul>
        </section>
    }
}

/// One move on the ways in or ways on list: a link to the other role, the typical time
/// and the evidence grade.
fn move_item(graph: &RoleGraph, transition: &Transition, other: &RoleId, direction: &str) -> Html {
    let title = graph
        .role(other)
        .map_or_else(|| other.to_string(), |role| role.title.clone());
    html! {
        <li class="fh-move" key={format!("{}-{}", transition.from, transition.to)}>
            <span class="fh-visually-hidden">{ format!("{direction} ") }</span>
            <Link<Route> to={Route::Role { id: other.to_string() }}>{ title }</Link<Route>>
            <span class="fh-move__facts">
                { format!("Typically {} ", transition.months) }
                { evidence_tag(transition.evidence, Graded::Move) }
            </span>
            if let Some(note) = &transition.note {
                <span class="fh-move__note">{ note }</span>
            }
        </li>
    }
}

/// The development opportunities on a role's moves, in order of first appearance (ways
/// in first), each with the moves it helps, written "From → To".
fn development_on<'g>(
    graph: &'g RoleGraph,
    ways_in: &[&Transition],
    ways_on: &[&Transition],
) -> Vec<(&'g Opportunity, Vec<String>)> {
    let mut found: Vec<(&OpportunityId, Vec<String>)> = Vec::new();
    for transition in ways_in.iter().chain(ways_on) {
        let name = |id: &RoleId| {
            graph
                .role(id)
                .map_or_else(|| id.to_string(), |role| role.title.clone())
        };
        let label = format!("{} to {}", name(&transition.from), name(&transition.to));
        for id in &transition.opportunities {
            match found.iter_mut().find(|(known, _)| *known == id) {
                Some((_, moves)) => moves.push(label.clone()),
                None => found.push((id, vec![label.clone()])),
            }
        }
    }
    found
        .into_iter()
        .filter_map(|(id, moves)| graph.opportunity(id).map(|found| (found, moves)))
        .collect()
}

fn opportunity_item(opportunity: &Opportunity, moves: &[String], pack_checked: &str) -> Html {
    html! {
        <li class="fh-card fh-opportunity" key={opportunity.id.as_str().to_owned()}>
            <h3 class="fh-card__heading">{ &opportunity.title }</h3>
            <p>{ &opportunity.summary }</p>
            <dl class="fh-summary-list">
                { summary_row("Kind", match opportunity.level {
                    Some(level) => format!("{} (level {level})", opportunity.kind.label()),
                    None => opportunity.kind.label().to_owned(),
                }) }
                { summary_row("Who it is for", opportunity.for_whom.clone()) }
                { summary_row("Length", opportunity.length.clone()) }
                { summary_row("Cost to you", cost_to_you(opportunity)) }
                { summary_row("Degree", opportunity.degree.label().to_owned()) }
                { summary_row("Helps with", moves.join("; ")) }
                { summary_row("Status", status_text(opportunity, pack_checked)) }
            </dl>
            <h4 class="fh-heading-s fh-opportunity__sources">{ "Sources" }</h4>
            { source_list(&opportunity.sources) }
        </li>
    }
}

/// A list of external source links. They are plain links (no prefetching, no new
/// window) with `rel="noopener noreferrer"`, so nothing is fetched unless the user
/// follows one and the site learns nothing about where they came from.
pub fn source_list(sources: &[Source]) -> Html {
    let offline = web_sys::window().is_some_and(|window| !window.navigator().on_line());
    html! {
        <>
        if offline {
            <p class="fh-hint">{ "You are offline: these links open other websites, so they need an internet connection." }</p>
        } else {
            <p class="fh-visually-hidden">{ "These links open other websites and need an internet connection." }</p>
        }
        <ul class="fh-sources">
            { for sources.iter().map(|source| html! {
                <li>
                    <a class="fh-external-link" href={source.url().to_owned()} rel="noopener noreferrer">
                        { source.link_text() }
                    </a>
                    if source.title().is_some() || source.publisher().is_some() {
                        <span class="fh-sources__address">{ format!(" ({})", link_text(source.url())) }</span>
                    }
                </li>
            }) }
        </ul>
        </>
    }
}

/// A web address shortened for reading: no scheme, no `www.`, no trailing slash.
pub fn link_text(url: &str) -> String {
    let without_scheme = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let without_www = without_scheme
        .strip_prefix("www.")
        .unwrap_or(without_scheme);
    without_www.trim_end_matches('/').to_owned()
}

fn role_not_found(graph: &RoleGraph, id: &RoleId) -> Html {
    let migration = graph.migration(id);
    let replacement = migration
        .and_then(|migration| migration.new.as_ref())
        .and_then(|new| graph.role(new));
    html! {
        <div class="fh-page fh-role-missing">
            <h1 class="fh-page__title" tabindex="-1">{ "We can't find that role" }</h1>
            { match (migration, replacement) {
                (Some(migration), Some(new_role)) => html! {
                    <>
                        <p>{ format!(
                            "The role you asked for was renamed in data version {}. {}",
                            migration.since, migration.note
                        ) }</p>
                        <p>
                            { "It is now " }
                            <Link<Route> to={Route::Role { id: new_role.id.to_string() }}>
                                { &new_role.title }
                            </Link<Route>>
                            { "." }
                        </p>
                    </>
                },
                (Some(migration), None) => html! {
                    <p>{ format!(
                        "The role you asked for was removed from the data in version {}. {}",
                        migration.since, migration.note
                    ) }</p>
                },
                (None, _) => html! {
                    <p>{ "The link may be mistyped, or the role may not be in this version of the data." }</p>
                },
            } }
            <p>
                <Link<Route> to={Route::Roles}>{ "Browse all roles" }</Link<Route>>
                { " or " }
                <Link<Route> to={Route::Map}>{ "see the role map" }</Link<Route>>
                { "." }
            </p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(not(target_arch = "wasm32"))]
    use crate::planner::testing::starter_graph as starter;

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn development_on_a_roles_moves_names_the_moves_it_helps() {
        let graph = starter();
        let id = RoleId::new("digital-nurse");
        let development = development_on(&graph, &graph.ways_in(&id), &graph.ways_on(&id));
        let found: Vec<(&str, Vec<String>)> = development
            .iter()
            .map(|(opportunity, moves)| (opportunity.id.as_str(), moves.clone()))
            .collect();
        assert_eq!(
            found,
            vec![(
                "digital-health-leadership-programme",
                vec!["Digital nurse to Chief nursing information officer".to_owned()]
            )]
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_role_with_no_development_on_its_moves_lists_none() {
        let graph = starter();
        let id = RoleId::new("data-analyst");
        assert!(development_on(&graph, &graph.ways_in(&id), &graph.ways_on(&id)).is_empty());
    }

    #[test]
    fn link_text_drops_the_scheme_www_and_trailing_slash() {
        assert_eq!(
            link_text("https://www.hee.nhs.uk/our-work/"),
            "hee.nhs.uk/our-work"
        );
        assert_eq!(link_text("http://example.org"), "example.org");
        assert_eq!(link_text("ftp://example.org/"), "ftp://example.org");
    }
}
