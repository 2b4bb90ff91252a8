//! About the data: which version of the role data this is, when it was checked, what the
//! evidence grades mean, how much it holds, where it comes from and under what licence,
//! and the promise that nothing the user enters leaves their device.

use super::role::link_text;
use crate::graph::audit::Audit;
use crate::graph::{Evidence, OpportunityStatus, RoleGraph};
use crate::ui::components::grade_tag;
use crate::ui::context::use_graph;
use yew::prelude::*;

/// How much the data holds, as shown on the About page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataCounts {
    /// Every role.
    pub roles: usize,
    /// Roles people start from.
    pub entry_roles: usize,
    /// Moves between roles.
    pub transitions: usize,
    /// Development opportunities.
    pub opportunities: usize,
    /// Competencies.
    pub competencies: usize,
}

impl DataCounts {
    /// Counts what a role graph holds.
    pub fn of(graph: &RoleGraph) -> DataCounts {
        DataCounts {
            roles: graph.roles().len(),
            entry_roles: graph.roles().iter().filter(|role| role.entry).count(),
            transitions: graph.transitions().len(),
            opportunities: graph.pack().opportunities.len(),
            competencies: graph.pack().competencies.len(),
        }
    }
}

/// How many roles (by band range) and moves carry each evidence grade, so users can see
/// how much of the data is sourced.
pub fn evidence_counts(graph: &RoleGraph, grade: Evidence) -> (usize, usize) {
    let roles = graph
        .roles()
        .iter()
        .filter(|role| role.evidence == grade)
        .count();
    let moves = graph
        .transitions()
        .iter()
        .filter(|transition| transition.evidence == grade)
        .count();
    (roles, moves)
}

const EVIDENCE_GRADES: [Evidence; 3] = [Evidence::Sourced, Evidence::Derived, Evidence::Assumed];

/// Terms used across Foothold, each with a short explanation.
const GLOSSARY: [(&str, &str); 7] = [
    ("Band", "A step on Agenda for Change, the NHS pay scale for most staff: band 2 for entry jobs up to band 9; bands 8a to 8d are senior management and specialist grades."),
    ("Medical contract", "Doctors are paid on their own contracts (resident doctor, specialty doctor, consultant), not on bands."),
    ("Very senior manager", "Pay for board directors, set by each organisation rather than a band."),
    ("Role data (the pack)", "The roles, moves, skills and programmes Foothold plans with. It is written by the people who made Foothold from the public sources listed below, and has a version and the date its facts were last checked."),
    ("Competency", "A skill or area of knowledge a role asks for, named as in a national framework."),
    ("Development opportunity", "A course, apprenticeship, programme or way of learning on the job that helps with a move."),
    ("DCB0129 and DCB0160", "The NHS clinical risk management standards for health IT: DCB0129 for those who make it, DCB0160 for organisations that use it. A clinical safety officer applies them."),
];

/// The "About the data" page.
#[function_component(AboutPage)]
pub fn about_page() -> Html {
    let Some(graph) = use_graph() else {
        return html! { <p>{ "The role data is not loaded yet." }</p> };
    };
    let info = graph.info();
    let counts = DataCounts::of(&graph);
    html! {
        <div class="fh-page fh-about">
            <h1 class="fh-page__title" tabindex="-1">{ "About the data" }</h1>
            <p class="fh-lead">{ &info.summary }</p>

            <dl class="fh-summary-list fh-about__version">
                <div class="fh-summary-list__row">
                    <dt class="fh-summary-list__key">{ "Data" }</dt>
                    <dd class="fh-summary-list__value">{ &info.title }</dd>
                </div>
                <div class="fh-summary-list__row">
                    <dt class="fh-summary-list__key">{ "Data version" }</dt>
                    <dd class="fh-summary-list__value">{ &info.data_version }</dd>
                </div>
                <div class="fh-summary-list__row">
                    <dt class="fh-summary-list__key">{ "Facts last checked" }</dt>
                    <dd class="fh-summary-list__value">{ &info.checked }</dd>
                </div>
            </dl>

            <div class="fh-inset">
                <h2 class="fh-heading-m">{ "Your data stays on this device" }</h2>
                <p>
                    { "Foothold runs entirely in your browser. Your plans, notes and anything you tell it about yourself are kept on this device only. Nothing is sent to a server, and there is no account or tracking." }
                </p>
            </div>

            <section class="fh-section" aria-labelledby="about-evidence">
                <h2 id="about-evidence">{ "How sure we are: evidence grades" }</h2>
                <p>{ "Every band range and every move between roles carries one of three grades, so you can tell a published fact from an estimate." }</p>
                <dl class="fh-evidence-grades">
                    { for EVIDENCE_GRADES.into_iter().map(|grade| {
                        let (roles, moves) = evidence_counts(&graph, grade);
                        html! {
                            <div class="fh-evidence-grades__item">
                                <dt class="fh-evidence-grades__grade">{ grade_tag(grade) }</dt>
                                <dd>
                                    <p>{ grade.meaning() }</p>
                                    <p class="fh-hint">{ format!(
                                        "{} of {} band ranges and {} of {} moves.",
                                        roles, counts.roles, moves, counts.transitions
                                    ) }</p>
                                </dd>
                            </div>
                        }
                    }) }
                </dl>
            </section>

            { audit_section(&graph) }
            <section class="fh-section" aria-labelledby="about-words">
                <h2 id="about-words">{ "Words Foothold uses" }</h2>
                <dl class="fh-summary-list">
                    { for GLOSSARY.iter().map(|(term, meaning)| html! {
                        <div class="fh-summary-list__row">
                            <dt class="fh-summary-list__key">{ *term }</dt>
                            <dd class="fh-summary-list__value">{ *meaning }</dd>
                        </div>
                    }) }
                </dl>
            </section>

            <section class="fh-section" aria-labelledby="about-counts">
                <h2 id="about-counts">{ "What the data holds" }</h2>
                <table class="fh-table">
                    <caption class="fh-visually-hidden">{ "What the data holds" }</caption>
                    <tbody>
                        { count_row("Roles", counts.roles) }
                        { count_row("Starting roles", counts.entry_roles) }
                        { count_row("Moves between roles", counts.transitions) }
                        { count_row("Development opportunities", counts.opportunities) }
                        { count_row("Competencies", counts.competencies) }
                    </tbody>
                </table>
            </section>

            if !info.key_sources.is_empty() {
                <section class="fh-section" aria-labelledby="about-sources">
                    <h2 id="about-sources">{ "Key sources" }</h2>
                    <p class="fh-hint">{ "These are external websites. They open only if you choose to follow them." }</p>
                    <ul class="fh-sources">
                        { for info.key_sources.iter().map(|source| html! {
                            <li>
                                <a class="fh-external-link" href={source.url.clone()} rel="noopener noreferrer">
                                    { &source.title }
                                </a>
                                <span class="fh-sources__address">{ format!(" ({})", link_text(&source.url)) }</span>
                            </li>
                        }) }
                    </ul>
                </section>
            }

            <section class="fh-section" aria-labelledby="about-licence">
                <h2 id="about-licence">{ "Licence and acknowledgements" }</h2>
                <p>{ format!("The data's own text is published under the {} licence.", info.licence) }</p>
                if !info.acknowledgements.is_empty() {
                    <ul>
                        { for info.acknowledgements.iter().map(|line| html! { <li>{ line }</li> }) }
                    </ul>
                }
            </section>
        </div>
    }
}

fn count_row(label: &str, count: usize) -> Html {
    html! {
        <tr>
            <th scope="row">{ label.to_owned() }</th>
            <td class="fh-table__number">{ count }</td>
        </tr>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    use crate::planner::testing::starter_graph as starter;

    #[test]
    fn counts_cover_roles_entry_roles_moves_development_and_competencies() {
        let graph = starter();
        let counts = DataCounts::of(&graph);
        assert_eq!(counts.roles, 6);
        assert_eq!(counts.entry_roles, 2);
        assert_eq!(counts.transitions, 5);
        assert_eq!(counts.opportunities, graph.pack().opportunities.len());
        assert_eq!(counts.competencies, graph.pack().competencies.len());
    }

    #[test]
    fn every_role_and_move_has_exactly_one_grade_counted() {
        let graph = starter();
        let (roles, moves) = EVIDENCE_GRADES
            .into_iter()
            .map(|grade| evidence_counts(&graph, grade))
            .fold((0, 0), |(r, m), (a, b)| (r + a, m + b));
        assert_eq!((roles, moves), (6, 5));
        assert_eq!(evidence_counts(&graph, Evidence::Assumed).0, 1);
    }
}

/// The pack audit's figures in plain words (the same figures as `data/AUDIT.md`, less
/// the busiest roles, which take too long to work out in a browser).
fn audit_section(graph: &RoleGraph) -> Html {
    let audit = Audit::of(graph.pack());
    let unconfirmed = graph
        .pack()
        .opportunities
        .iter()
        .filter(|opportunity| opportunity.status == OpportunityStatus::Unknown)
        .count();
    let noted = audit.moves.total() - audit.moves_without_notes.len();
    html! {
        <section class="fh-section" aria-labelledby="about-audit">
            <h2 id="about-audit">{ "How the data was checked" }</h2>
            <ul>
                <li>{ format!(
                    "{} of {} roles, moves, programmes and registrations cite at least one primary source: a national body, regulator, professional body, programme or employer speaking for itself.",
                    audit.with_primary, audit.items
                ) }</li>
                <li>{ format!(
                    "{} rest only on press, blogs, job boards or suppliers, so they are graded as estimates.",
                    audit.press_only.len()
                ) }</li>
                <li>{ format!(
                    "{}% of band ranges and {}% of moves are our informed estimates.",
                    audit.roles.assumed_percent(),
                    audit.moves.assumed_percent()
                ) }</li>
                <li>{ format!("{noted} of {} moves explain what the move involves and how people make it.", audit.moves.total()) }</li>
                <li>{ format!(
                    "We could not confirm the current status of {unconfirmed} of {} development opportunities; each one says so.",
                    graph.pack().opportunities.len()
                ) }</li>
                <li>{ format!(
                    "Sources come from {} websites; copies of other people's documents are never used.",
                    audit.hosts.len()
                ) }</li>
            </ul>
        </section>
    }
}
