//! The role explorer: every role in the data, searchable by title and other titles and
//! narrowed by family, band and entry roles. The filters live in the address
//! (`#/roles?q=cnio&family=clinical-informatics`), so the back button from a role page
//! returns to the same list and a filtered list can be bookmarked or shared.

use crate::graph::{Band, Family, Role, RoleGraph};
use crate::ui::components::{evidence_tag, Graded};
use crate::ui::context::use_graph;
use crate::ui::routes::Route;
use serde::{Deserialize, Serialize};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew_router::prelude::*;

/// What the explorer is narrowed to. Serialised as the address's query, leaving out
/// anything not set so an unfiltered list has a clean address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleFilter {
    /// Text to find in the title or other titles; empty for every role.
    #[serde(default, rename = "q", skip_serializing_if = "String::is_empty")]
    pub query: String,
    /// Only roles of this family.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<Family>,
    /// Only roles whose band range includes this band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<Band>,
    /// Only roles people start from.
    #[serde(default, skip_serializing_if = "is_false")]
    pub entry: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl RoleFilter {
    /// True when nothing narrows the list.
    pub fn is_empty(&self) -> bool {
        self == &RoleFilter::default()
    }

    /// Whether a role passes the family, band and entry filters (the text is matched by
    /// [`RoleGraph::search_roles`]).
    pub fn admits(&self, role: &Role) -> bool {
        self.family.is_none_or(|family| role.family == family)
            && self.band.is_none_or(|band| band_in_range(band, role))
            && (!self.entry || role.entry)
    }
}

/// Whether `band` lies within the role's band range. A medical contract matches only
/// roles paid on one, since it is not on the Agenda for Change scale.
pub fn band_in_range(band: Band, role: &Role) -> bool {
    role.bands.min <= band && band <= role.bands.max
}

/// The roles that match a filter: best title matches first, then by title.
pub fn filter_roles<'g>(graph: &'g RoleGraph, filter: &RoleFilter) -> Vec<&'g Role> {
    graph
        .search_roles(&filter.query)
        .into_iter()
        .filter(|role| filter.admits(role))
        .collect()
}

/// The result count as announced to screen readers.
pub fn count_message(shown: usize, total: usize) -> String {
    match shown {
        0 => "No roles match".to_owned(),
        _ if shown == total => format!("{total} roles"),
        1 => format!("1 role of {total}"),
        _ => format!("{shown} roles of {total}"),
    }
}

/// The "Roles" page: the explorer.
#[function_component(RolesPage)]
pub fn roles_page() -> Html {
    let graph = use_graph();
    let location = use_location();
    let navigator = use_navigator();
    let from_address = location
        .as_ref()
        .and_then(|location| location.query::<RoleFilter>().ok())
        .unwrap_or_default();
    let filter = use_state(|| from_address.clone());

    // Following a link to the bare explorer while on it (say from the menu) clears the
    // filters; the explorer's own updates write the same filter back, so change nothing.
    {
        let filter = filter.clone();
        use_effect_with(from_address, move |from_address| {
            if *filter != *from_address {
                filter.set(from_address.clone());
            }
        });
    }

    let update = {
        let filter = filter.clone();
        Callback::from(move |next: RoleFilter| {
            if let Some(navigator) = &navigator {
                let written = if next.is_empty() {
                    navigator.replace(&Route::Roles);
                    Ok(())
                } else {
                    navigator.replace_with_query(&Route::Roles, &next)
                };
                // An address that cannot hold the filter only loses the bookmark;
                // the list still filters.
                let _ = written;
            }
            filter.set(next);
        })
    };

    let Some(graph) = graph else {
        return html! { <p>{ "The role data is not loaded yet." }</p> };
    };
    let roles = filter_roles(&graph, &filter);
    let total = graph.roles().len();

    html! {
        <div class="fh-page fh-explorer">
            <h1 class="fh-page__title" tabindex="-1">{ "Explore roles" }</h1>
            <p class="fh-lead">
                { "Every role in the data, from the jobs people start in to senior digital leadership. Search by job title, or narrow the list by family, band or entry roles." }
            </p>
            { filter_form(&filter, &update) }
            <p class="fh-explorer__count" role="status" aria-live="polite">
                { count_message(roles.len(), total) }
            </p>
            if roles.is_empty() {
                <div class="fh-empty fh-explorer__empty">
                    <p>{ "No roles match. Clear the filters, or try the start of a job title (nurse, analyst), another name for it (ward sister, HCA, EPR analyst) or a band (band 5, 8a)." }</p>
                    <button type="button" class="fh-button fh-button--secondary"
                        onclick={update.reform(|_| RoleFilter::default())}>
                        { "Clear the filters" }
                    </button>
                </div>
            } else {
                <ul class="fh-list-plain fh-role-list">
                    { for roles.iter().map(|role| role_card(role)) }
                </ul>
            }
        </div>
    }
}

// A plain function rather than a component: it has no state of its own, and each
// component type adds its own copy of yew's component machinery to the app.
fn filter_form(filter: &RoleFilter, on_change: &Callback<RoleFilter>) -> Html {
    let changed = |apply: fn(&mut RoleFilter, String)| {
        let filter = filter.clone();
        let on_change = on_change.clone();
        move |value: String| {
            let mut next = filter.clone();
            apply(&mut next, value);
            on_change.emit(next);
        }
    };
    let on_query = {
        let set = changed(|filter, value| filter.query = value);
        Callback::from(move |event: InputEvent| {
            set(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_family = {
        let set = changed(|filter, value| filter.family = Family::from_slug(&value));
        Callback::from(move |event: Event| {
            set(event.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let on_band = {
        let set = changed(|filter, value| filter.band = value.parse().ok());
        Callback::from(move |event: Event| {
            set(event.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let on_entry = {
        let filter = filter.clone();
        let on_change = on_change.clone();
        Callback::from(move |event: Event| {
            let checked = event.target_unchecked_into::<HtmlInputElement>().checked();
            on_change.emit(RoleFilter {
                entry: checked,
                ..filter.clone()
            });
        })
    };
    let on_submit = Callback::from(|event: SubmitEvent| event.prevent_default());

    html! {
        <form class="fh-filters" role="search" aria-label="Find a role" onsubmit={on_submit}>
            <div class="fh-form-group fh-filters__search">
                <label class="fh-label" for="role-search">{ "Search by job title" }</label>
                <p class="fh-hint" id="role-search-hint">
                    { "Other titles count too, for example CNIO or staff nurse." }
                </p>
                <input id="role-search" class="fh-input" type="search" autocomplete="off"
                    spellcheck="false" aria-describedby="role-search-hint"
                    value={filter.query.clone()} oninput={on_query} />
            </div>
            <div class="fh-form-group">
                <label class="fh-label" for="role-family">{ "Family" }</label>
                <select id="role-family" class="fh-select" onchange={on_family}>
                    <option value="" selected={filter.family.is_none()}>{ "All families" }</option>
                    { for Family::ALL.into_iter().map(|family| html! {
                        <option value={family.slug()} selected={filter.family == Some(family)}>
                            { family.label() }
                        </option>
                    }) }
                </select>
            </div>
            <div class="fh-form-group">
                <label class="fh-label" for="role-band">{ "Band" }</label>
                <select id="role-band" class="fh-select" onchange={on_band}>
                    <option value="" selected={filter.band.is_none()}>{ "Any band" }</option>
                    { for Band::ALL.into_iter().map(|band| html! {
                        <option value={band.code()} selected={filter.band == Some(band)}>
                            { band.label() }
                        </option>
                    }) }
                </select>
            </div>
            <div class="fh-checkboxes__item fh-filters__entry">
                <input id="role-entry" class="fh-checkboxes__input" type="checkbox"
                    checked={filter.entry} onchange={on_entry}
                    aria-describedby="role-entry-hint" />
                <label class="fh-checkboxes__label" for="role-entry">{ "Entry roles only" }</label>
                <p class="fh-hint fh-checkboxes__hint" id="role-entry-hint">
                    { "Roles people start from, such as nurse, administrator or graduate." }
                </p>
            </div>
            if !filter.is_empty() {
                <button type="button" class="fh-button fh-button--secondary fh-filters__clear"
                    onclick={on_change.reform(|_| RoleFilter::default())}>
                    { "Clear the filters" }
                </button>
            }
        </form>
    }
}

fn role_card(role: &Role) -> Html {
    html! {
        <li class="fh-role-card" key={role.id.as_str().to_owned()}>
            <h2 class="fh-role-card__title">
                <Link<Route> to={Route::Role { id: role.id.to_string() }}>{ &role.title }</Link<Route>>
            </h2>
            if !role.also_known_as.is_empty() {
                <p class="fh-role-card__aka">
                    { format!("Also called {}", role.also_known_as.join(", ")) }
                </p>
            }
            <dl class="fh-role-card__facts">
                <div class="fh-role-card__fact">
                    <dt>{ "Family" }</dt>
                    <dd>{ role.family.label() }</dd>
                </div>
                <div class="fh-role-card__fact">
                    <dt>{ "Band" }</dt>
                    <dd>{ role.bands.to_string() }{ " " }{ evidence_tag(role.evidence, Graded::Bands) }</dd>
                </div>
            </dl>
            if role.entry {
                <p class="fh-role-card__entry"><span class="fh-tag fh-tag--status">{ "Entry role" }</span></p>
            }
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{BandRange, Evidence, RoleId};

    fn role(id: &str, title: &str, aka: &[&str], family: Family, bands: &str) -> Role {
        Role {
            id: RoleId::new(id),
            title: title.to_owned(),
            also_known_as: aka.iter().map(|s| (*s).to_owned()).collect(),
            family,
            bands: bands
                .parse::<BandRange>()
                .unwrap_or_else(|error| panic!("test band range: {error}")),
            evidence: Evidence::Sourced,
            entry: id == "registered-nurse",
            senior_terminal: false,
            requires: Default::default(),
            holds: Vec::new(),
            holds_one_of: Vec::new(),
            duty: false,
            summary: "A role.".to_owned(),
            responsibilities: Vec::new(),
            entry_requirements: Vec::new(),
            competencies: Vec::new(),
            sources: vec!["https://example.org/".into()],
            origin: None,
        }
    }

    fn graph() -> RoleGraph {
        let pack = crate::graph::Pack {
            info: crate::graph::PackInfo {
                id: "test".to_owned(),
                title: "Test".to_owned(),
                data_version: "2026.1.0".to_owned(),
                checked: "2026-01-01".to_owned(),
                summary: "Test.".to_owned(),
                licence: "MIT".to_owned(),
                acknowledgements: Vec::new(),
                key_sources: Vec::new(),
            },
            roles: vec![
                role(
                    "registered-nurse",
                    "Registered nurse",
                    &["Staff nurse"],
                    Family::ClinicalPractice,
                    "5-7",
                ),
                role(
                    "chief-nursing-information-officer",
                    "Chief nursing information officer",
                    &["CNIO"],
                    Family::ClinicalInformatics,
                    "8b-8d",
                ),
                role(
                    "chief-medical-information-officer",
                    "Chief medical information officer",
                    &["CMIO"],
                    Family::ClinicalInformatics,
                    "medical",
                ),
                role(
                    "data-analyst",
                    "Data analyst",
                    &[],
                    Family::DataAnalytics,
                    "5",
                ),
            ],
            transitions: Vec::new(),
            competencies: Vec::new(),
            opportunities: Vec::new(),
            credentials: Vec::new(),
            migrations: Vec::new(),
        };
        RoleGraph::new_unchecked(pack)
    }

    fn titles(roles: &[&Role]) -> Vec<String> {
        roles.iter().map(|role| role.title.clone()).collect()
    }

    #[test]
    fn another_title_finds_the_role() {
        let graph = graph();
        let filter = RoleFilter {
            query: "cnio".to_owned(),
            ..RoleFilter::default()
        };
        assert_eq!(
            titles(&filter_roles(&graph, &filter)),
            vec!["Chief nursing information officer"]
        );
    }

    #[test]
    fn family_band_and_entry_filters_combine() {
        let graph = graph();
        let informatics = RoleFilter {
            family: Some(Family::ClinicalInformatics),
            ..RoleFilter::default()
        };
        assert_eq!(filter_roles(&graph, &informatics).len(), 2);
        let band_six = RoleFilter {
            band: Some(Band::B6),
            ..RoleFilter::default()
        };
        assert_eq!(
            titles(&filter_roles(&graph, &band_six)),
            vec!["Registered nurse"]
        );
        let entry_at_band_five = RoleFilter {
            band: Some(Band::B5),
            entry: true,
            ..RoleFilter::default()
        };
        assert_eq!(
            titles(&filter_roles(&graph, &entry_at_band_five)),
            vec!["Registered nurse"]
        );
    }

    #[test]
    fn a_band_matches_within_the_range_including_its_ends() {
        let nurse = role("n", "N", &[], Family::ClinicalPractice, "5-7");
        assert!(band_in_range(Band::B5, &nurse));
        assert!(band_in_range(Band::B7, &nurse));
        assert!(!band_in_range(Band::B8a, &nurse));
        assert!(!band_in_range(Band::MedicalContract, &nurse));
    }

    #[test]
    fn the_medical_contract_band_matches_only_medical_roles() {
        let graph = graph();
        let medical = RoleFilter {
            band: Some(Band::MedicalContract),
            ..RoleFilter::default()
        };
        assert_eq!(
            titles(&filter_roles(&graph, &medical)),
            vec!["Chief medical information officer"]
        );
    }

    #[test]
    fn the_count_says_how_many_of_all_roles_are_shown() {
        assert_eq!(count_message(0, 40), "No roles match");
        assert_eq!(count_message(1, 40), "1 role of 40");
        assert_eq!(count_message(12, 40), "12 roles of 40");
        assert_eq!(count_message(40, 40), "40 roles");
    }

    #[test]
    fn any_filter_set_makes_the_filter_non_empty() {
        assert!(RoleFilter::default().is_empty());
        let entry = RoleFilter {
            entry: true,
            ..RoleFilter::default()
        };
        assert!(!entry.is_empty());
    }
}
