//! The print model: everything a printed plan shows (for an appraisal or a mentor
//! meeting), gathered into plain data so the UI only lays it out.

use crate::graph::{Band, BandRange, CompetencyId, OpportunityId, RoleGraph, RoleId, Source};
use crate::lowercase::lowercase;
use crate::plan::{AppData, Date, Plan, Progress, Projection, StepStatus};
use crate::planner::Objective;
use std::collections::BTreeSet;

/// A competency as printed, with the user's evidence for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintCompetency {
    /// Its id.
    pub id: CompetencyId,
    /// Its name (the id when the role data no longer has it).
    pub name: String,
    /// Evidence the user logged for it, oldest first.
    pub evidence: Vec<PrintEvidence>,
}

/// An evidence entry as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintEvidence {
    /// The name of the competency it shows.
    pub competency: String,
    /// What the user did.
    pub what: String,
    /// When.
    pub when: Date,
}

/// A development opportunity as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintOpportunity {
    /// Its id.
    pub id: OpportunityId,
    /// Its name.
    pub title: String,
    /// What kind of development it is.
    pub kind: &'static str,
    /// How long it takes.
    pub length: String,
    /// Cost or funding, where known.
    pub cost: Option<String>,
    /// What it costs the person, in plain words ("Paid while you train").
    pub to_you: &'static str,
    /// Whether it needs or gives a degree, in plain words.
    pub degree: &'static str,
    /// True when the user has completed it.
    pub completed: bool,
    /// Web addresses to find out more.
    pub sources: Vec<Source>,
}

/// One step as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintStep {
    /// Its number, from 1.
    pub number: usize,
    /// The title of the role moved from.
    pub from: String,
    /// The title of the role moved to.
    pub to: String,
    /// Its status.
    pub status: StepStatus,
    /// Its status as people read it.
    pub status_label: &'static str,
    /// The user's target date.
    pub target_date: Option<Date>,
    /// The user's notes.
    pub notes: String,
    /// Typical time for the move, such as "1 to 2 years"; `None` when the move is no
    /// longer in the role data.
    pub typical_time: Option<String>,
    /// How well the move is backed, such as "Sourced".
    pub evidence_grade: Option<&'static str>,
    /// The role data's note on the move.
    pub note: Option<String>,
    /// False when the move is no longer in the role data (the step is kept as saved).
    pub in_data: bool,
    /// Competencies the move needs that the user does not hold yet.
    pub to_gain: Vec<PrintCompetency>,
    /// Competencies the move needs that the user already holds.
    pub already_held: Vec<PrintCompetency>,
    /// Development that helps with the move.
    pub opportunities: Vec<PrintOpportunity>,
    /// The pay of the role moved to, in plain words (see [`pay_in_words`]); `None` when
    /// the role is no longer in the role data.
    pub pay: Option<String>,
    /// The move's first actions, each with whether the user has ticked it off.
    pub actions: Vec<(String, bool)>,
}

/// A plan laid out for printing.
///
/// ```
/// # use foothold::graph::RoleGraph;
/// # use foothold::plan::{AppData, Plan, PlanId};
/// # use foothold::planner::Objective;
/// use foothold::share::PrintablePlan;
/// # let graph = RoleGraph::new_unchecked(foothold::graph::bundled_pack_data().unwrap());
/// # let t = graph.transitions()[0].clone();
/// # let today = "2026-01-05".parse().unwrap();
/// # let plan = Plan::from_route(&graph, &[t.from.clone(), t.to.clone()],
/// #     Objective::ShortestTime, "For appraisal", today, PlanId::generate(1, 1)).unwrap();
/// let page = PrintablePlan::new(&plan, &graph, &AppData::default(), today);
/// assert_eq!(page.steps.len(), 1);
/// assert_eq!(page.steps[0].number, 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintablePlan {
    /// The plan's name.
    pub name: String,
    /// The title of the starting role.
    pub start: String,
    /// The title of the target role.
    pub target: String,
    /// The roles in order, as titles.
    pub route: Vec<String>,
    /// What "best" meant when the route was chosen.
    pub objective: &'static str,
    /// Why this route, in words that are true whichever of the suggested routes was
    /// saved: the person chose it from routes listed by the objective.
    pub reason: String,
    /// The person's name, when they gave one (see [`PrintablePlan::for_person`]).
    pub person: Option<String>,
    /// When the plan was made.
    pub created: Date,
    /// The day it is printed.
    pub printed: Date,
    /// How far along it is.
    pub progress: Progress,
    /// When it might be finished at the user's pace.
    pub projection: Projection,
    /// The user's pace, such as "Part time (60%)".
    pub pace: String,
    /// The steps.
    pub steps: Vec<PrintStep>,
    /// Every competency the user holds (directly or through completed development).
    pub held: Vec<PrintCompetency>,
    /// The whole evidence log, oldest first.
    pub evidence: Vec<PrintEvidence>,
    /// The footer: made with Foothold, the role data's version and the date its facts
    /// were last checked. It names no organisation: the plan is the person's own.
    pub data_source: String,
    /// A line saying the plan is the person's own, not an official document.
    pub ownership: String,
}

/// A role's pay in plain words: "Agenda for Change bands 6 to 7", "Agenda for Change
/// band 5", "Very senior manager pay", or for doctors "Paid on a medical contract (the
/// doctors' pay scales), not on Agenda for Change bands".
pub fn pay_in_words(bands: &BandRange) -> String {
    let code = |band: Band| band.code().to_owned();
    match (bands.min, bands.max) {
        (Band::MedicalContract, _) | (_, Band::MedicalContract) => {
            "Paid on a medical contract (the doctors' pay scales), not on Agenda for Change bands"
                .to_owned()
        }
        (Band::VerySeniorManager, Band::VerySeniorManager) => "Very senior manager pay".to_owned(),
        (min, Band::VerySeniorManager) => {
            format!(
                "Agenda for Change band {} up to very senior manager pay",
                code(min)
            )
        }
        (min, max) if min == max => format!("Agenda for Change band {}", code(min)),
        (min, max) => format!("Agenda for Change bands {} to {}", code(min), code(max)),
    }
}

/// The objective as a phrase for the printed page.
pub fn objective_label(objective: Objective) -> &'static str {
    match objective {
        Objective::ShortestTime => "Shortest typical time",
        Objective::FewestSteps => "Fewest moves",
        Objective::FewestNewCompetencies => "Fewest new competencies",
    }
}

fn role_title(graph: &RoleGraph, id: &RoleId) -> String {
    graph
        .role(id)
        .map_or_else(|| id.to_string(), |role| role.title.clone())
}

fn competency_name(graph: &RoleGraph, id: &CompetencyId) -> String {
    graph
        .competency(id)
        .map_or_else(|| id.to_string(), |competency| competency.name.clone())
}

fn evidence_for(graph: &RoleGraph, data: &AppData, id: &CompetencyId) -> Vec<PrintEvidence> {
    data.evidence_for(id)
        .into_iter()
        .map(|entry| PrintEvidence {
            competency: competency_name(graph, &entry.competency),
            what: entry.what.clone(),
            when: entry.when,
        })
        .collect()
}

fn print_competency(graph: &RoleGraph, data: &AppData, id: &CompetencyId) -> PrintCompetency {
    PrintCompetency {
        id: id.clone(),
        name: competency_name(graph, id),
        evidence: evidence_for(graph, data, id),
    }
}

/// Competencies held directly plus those built by completed development.
fn effective_held(graph: &RoleGraph, data: &AppData) -> BTreeSet<CompetencyId> {
    let mut held = data.assessment.held.clone();
    for id in &data.assessment.completed {
        if let Some(opportunity) = graph.opportunity(id) {
            held.extend(opportunity.develops.iter().cloned());
        }
    }
    held
}

impl PrintablePlan {
    /// Gathers everything to print for a plan.
    pub fn new(plan: &Plan, graph: &RoleGraph, data: &AppData, today: Date) -> PrintablePlan {
        let held = effective_held(graph, data);
        let steps = plan
            .steps
            .iter()
            .enumerate()
            .map(|(index, step)| {
                let transition = graph.transition(&step.from, &step.to);
                let (to_gain, already_held) = transition
                    .map(|t| {
                        t.gain
                            .iter()
                            .partition::<Vec<_>, _>(|id| !held.contains(*id))
                    })
                    .unwrap_or_default();
                let opportunities = transition
                    .map(|t| {
                        t.opportunities
                            .iter()
                            .filter_map(|id| graph.opportunity(id))
                            .map(|o| PrintOpportunity {
                                id: o.id.clone(),
                                title: o.title.clone(),
                                kind: o.kind.label(),
                                length: o.length.clone(),
                                cost: o.cost.clone(),
                                to_you: o.to_you.label(),
                                degree: o.degree.label(),
                                completed: data.assessment.completed.contains(&o.id),
                                sources: o.sources.clone(),
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                PrintStep {
                    number: index + 1,
                    from: role_title(graph, &step.from),
                    to: role_title(graph, &step.to),
                    status: step.status,
                    status_label: step.status.label(),
                    target_date: step.target_date,
                    notes: step.notes.clone(),
                    typical_time: transition.map(|t| t.months.to_string()),
                    evidence_grade: transition.map(|t| t.evidence.label()),
                    note: transition.and_then(|t| t.note.clone()),
                    in_data: transition.is_some(),
                    to_gain: to_gain
                        .into_iter()
                        .map(|id| print_competency(graph, data, id))
                        .collect(),
                    already_held: already_held
                        .into_iter()
                        .map(|id| print_competency(graph, data, id))
                        .collect(),
                    opportunities,
                    pay: graph.role(&step.to).map(|role| pay_in_words(&role.bands)),
                    actions: transition
                        .map(|t| {
                            t.actions
                                .iter()
                                .map(|action| (action.clone(), step.actions_done.contains(action)))
                                .collect()
                        })
                        .unwrap_or_default(),
                }
            })
            .collect();
        let mut evidence: Vec<PrintEvidence> = data
            .evidence
            .iter()
            .map(|entry| PrintEvidence {
                competency: competency_name(graph, &entry.competency),
                what: entry.what.clone(),
                when: entry.when,
            })
            .collect();
        crate::order::sort_by_key(&mut evidence, |entry| entry.when);
        let info = graph.info();
        PrintablePlan {
            name: plan.name.clone(),
            start: role_title(graph, &plan.start),
            target: role_title(graph, &plan.target),
            route: plan
                .roles()
                .into_iter()
                .map(|id| role_title(graph, id))
                .collect(),
            objective: objective_label(plan.objective),
            reason: format!(
                "Chosen by the person from the routes Foothold suggested, which it listed by {}.",
                lowercase(objective_label(plan.objective))
            ),
            person: None,
            created: plan.created,
            printed: today,
            progress: plan.progress(),
            projection: plan.projection(graph, data.pace, today),
            pace: data.pace.label(),
            steps,
            held: held
                .iter()
                .map(|id| print_competency(graph, data, id))
                .collect(),
            evidence,
            data_source: format!(
                "Made with Foothold, role data version {} (facts last checked {}).",
                info.data_version, info.checked
            ),
            ownership: "This is the person's own plan, made with Foothold. It is not an official NHS document, a job offer or a promise of funding.".to_owned(),
        }
    }

    /// The same page with the person's name on it; a blank name leaves it off.
    pub fn for_person(mut self, name: &str) -> PrintablePlan {
        let name = name.trim();
        if !name.is_empty() {
            self.ownership = format!("This is {name}'s own plan, made with Foothold. It is not an official NHS document, a job offer or a promise of funding.");
            self.person = Some(name.to_owned());
        }
        self
    }
}
