//! The app's state: the user's data, the route query being asked, save status and the
//! messages on screen, changed only by [`Action`]s through a yew reducer.
//!
//! The reducer calls the core's editing functions (`plan`) and never encodes storage
//! itself; the persistence hook watches `data` and saves it.

use crate::graph::{Band, RoleGraph, RoleId};
use crate::plan::{AppData, Date, DeletedPlan, EvidenceEntry, Pace, Plan, PlanId, StepStatus};
use crate::planner::{
    Constraints, Objective, RouteQuery, SelfAssessment, DEFAULT_ROUTES, MAX_ROUTES,
};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// The options the user sets on the start screen, kept while they move between screens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryOptions {
    /// The role chosen as "where are you now", if any.
    pub start: Option<RoleId>,
    /// The role chosen as "where do you want to get to", if any.
    pub target: Option<RoleId>,
    /// How routes are ranked.
    pub objective: Objective,
    /// How many routes to show, 1 to [`MAX_ROUTES`].
    pub routes: usize,
    /// Roles to keep off the route.
    pub avoid: BTreeSet<RoleId>,
    /// A role the route must pass through.
    pub via: Option<RoleId>,
    /// The highest band any role on the route may start at.
    pub band_ceiling: Option<Band>,
    /// Only use moves backed by a published source.
    pub sourced_only: bool,
    /// How far ahead "where could I go" looks, in years (1 to 10).
    pub explore_years: u8,
}

impl Default for QueryOptions {
    fn default() -> Self {
        QueryOptions {
            start: None,
            target: None,
            objective: Objective::default(),
            routes: DEFAULT_ROUTES,
            avoid: BTreeSet::new(),
            via: None,
            band_ceiling: None,
            sourced_only: false,
            explore_years: 3,
        }
    }
}

impl QueryOptions {
    /// The planner's constraints for these options.
    pub fn constraints(&self) -> Constraints {
        Constraints {
            avoid: self.avoid.clone(),
            via: self.via.clone(),
            band_ceiling: self.band_ceiling,
            sourced_only: self.sourced_only,
        }
    }

    /// The planner query from one role to another with these options.
    pub fn query(&self, from: RoleId, to: RoleId) -> RouteQuery {
        RouteQuery {
            from,
            to,
            objective: self.objective,
            routes: self.routes.clamp(1, MAX_ROUTES),
            constraints: self.constraints(),
        }
    }

    /// How far ahead to explore, in months.
    pub fn explore_months(&self) -> u16 {
        u16::from(self.explore_years.clamp(1, 10)) * 12
    }
}

/// Whether the user's data is safely stored.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SaveStatus {
    /// Everything on screen is stored.
    #[default]
    Saved,
    /// The last save failed; the message says why in plain English.
    Failed(String),
}

/// A change made to the data in another browser tab, waiting for the user's choice.
#[derive(Debug, Clone, PartialEq)]
pub struct OtherTabChange {
    /// The data as the other tab saved it.
    pub newer: Rc<AppData>,
}

/// Something removed that the user can still bring back.
#[derive(Debug, Clone, PartialEq)]
pub enum Undoable {
    /// A deleted plan.
    Plan(DeletedPlan),
    /// A deleted evidence entry and where it was in the log.
    Evidence(usize, EvidenceEntry),
}

/// A message shown on screen until the user dismisses it or it is replaced.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// What happened, in a sentence.
    pub text: String,
    /// What an "Undo" button would bring back, if anything.
    pub undo: Option<Undoable>,
}

/// Everything the app shows that is not the role data.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AppState {
    /// What the user keeps: plans, self-assessment, evidence, pace.
    pub data: Rc<AppData>,
    /// Options for finding and exploring routes.
    pub options: QueryOptions,
    /// Whether the data is stored.
    pub save: SaveStatus,
    /// Set when another tab changed the stored data.
    pub other_tab: Option<OtherTabChange>,
    /// The latest notice on screen.
    pub notice: Option<Notice>,
    /// The latest message for screen readers, with a counter so a repeated message is
    /// announced again.
    pub announcement: (u32, String),
    /// Counts changes to `data` made in this tab, so the persistence hook saves once per
    /// change and never saves data it just loaded.
    pub revision: u64,
    /// Set by "Keep mine": the next save may overwrite another tab's save.
    pub overwrite: bool,
    /// Counts requests to load the stored data again ("Load the newer version").
    pub reload_request: u64,
}

/// Whether two copies of the data differ in anything the user made (the screen each tab
/// was last on does not count, so moving around in one tab never alarms another).
pub fn same_user_data(a: &AppData, b: &AppData) -> bool {
    a.plans == b.plans
        && a.assessment == b.assessment
        && a.evidence == b.evidence
        && a.pace == b.pace
}

/// Everything the user or the browser can do to the app state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Data loaded at start (replaces data without counting as a change to save).
    Loaded(Rc<AppData>),
    /// Sets the route options.
    SetOptions(QueryOptions),
    /// Marks a competency as held or not.
    SetHeld(crate::graph::CompetencyId, bool),
    /// Marks a development opportunity as completed or not.
    SetCompleted(crate::graph::OpportunityId, bool),
    /// Marks a registration or qualification as held or not.
    SetCredential(crate::graph::CredentialId, bool),
    /// Sets the working pace.
    SetPace(Pace),
    /// Adds a plan made from a route.
    AddPlan(Plan),
    /// Adds a plan from a share link or a file as a copy with a fresh id.
    AddCopy(Plan, u64),
    /// Renames a plan.
    RenamePlan(PlanId, String),
    /// Copies a plan under a new id.
    DuplicatePlan {
        /// The plan to copy.
        id: PlanId,
        /// Today, the copy's creation date.
        today: Date,
        /// A random number for the copy's id.
        seed: u64,
    },
    /// Deletes a plan, keeping it for Undo.
    DeletePlan(PlanId),
    /// Sets a step's status.
    SetStepStatus(PlanId, usize, StepStatus),
    /// Sets or clears a step's target date.
    SetStepDate(PlanId, usize, Option<Date>),
    /// Replaces a step's notes.
    SetStepNotes(PlanId, usize, String),
    /// Ticks off (true) or un-ticks one of a step's first actions, by its text.
    SetActionDone(PlanId, usize, String, bool),
    /// Logs evidence for a competency.
    AddEvidence {
        /// The competency it shows.
        competency: crate::graph::CompetencyId,
        /// What the user did.
        what: String,
        /// When.
        when: Date,
        /// A random number for the entry's id.
        seed: u64,
    },
    /// Removes an evidence entry, keeping it for Undo.
    RemoveEvidence(crate::plan::EvidenceId),
    /// Brings back what the current notice's Undo refers to.
    Undo,
    /// Replaces all data (import "Replace all", restore a backup, save a shared copy).
    ReplaceData(AppData),
    /// Records that everything was just exported (for export reminders).
    MarkExported(crate::plan::Timestamp),
    /// Remembers the screen the user is on.
    Visited(String),
    /// The last save worked.
    SaveSucceeded,
    /// The last save failed.
    SaveFailed(String),
    /// Another tab saved newer data.
    OtherTabChanged(Rc<AppData>),
    /// Load the other tab's data.
    TakeOtherTab,
    /// Keep this tab's data (and save it over the other tab's).
    KeepMine,
    /// Shows a notice (and announces it).
    Notify(String),
    /// Announces a message to screen readers only.
    Announce(String),
    /// Hides the notice.
    DismissNotice,
}

impl AppState {
    fn with_data(&self, data: AppData) -> AppState {
        AppState {
            data: Rc::new(data),
            revision: self.revision + 1,
            ..self.clone()
        }
    }

    fn announced(mut self, text: impl Into<String>) -> AppState {
        self.announcement = (self.announcement.0.wrapping_add(1), text.into());
        self
    }

    fn noticed(self, text: impl Into<String>, undo: Option<Undoable>) -> AppState {
        let text = text.into();
        let mut state = self.announced(text.clone());
        state.notice = Some(Notice { text, undo });
        state
    }

    /// Applies a plan edit; a refused edit becomes a notice rather than a panic.
    fn edit_plan(
        &self,
        id: &PlanId,
        edit: impl FnOnce(&mut Plan) -> Result<(), crate::plan::PlanError>,
    ) -> AppState {
        let mut data = (*self.data).clone();
        let result = data.plan_mut(id).and_then(edit);
        match result {
            Ok(()) => self.with_data(data),
            Err(error) => self.clone().noticed(error.to_string(), None),
        }
    }

    /// The self-assessment, for the planner.
    pub fn assessment(&self) -> &SelfAssessment {
        &self.data.assessment
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let state = &*self;
        let next = match action {
            Action::Loaded(data) => AppState {
                data,
                ..state.clone()
            },
            Action::SetOptions(options) => AppState {
                options,
                ..state.clone()
            },
            Action::SetHeld(competency, held) => {
                let mut data = (*state.data).clone();
                if held {
                    data.assessment.held.insert(competency);
                } else {
                    data.assessment.held.remove(&competency);
                }
                state.with_data(data)
            }
            Action::SetCompleted(opportunity, done) => {
                let mut data = (*state.data).clone();
                if done {
                    data.assessment.completed.insert(opportunity);
                } else {
                    data.assessment.completed.remove(&opportunity);
                }
                state.with_data(data)
            }
            Action::SetCredential(credential, held) => {
                let mut data = (*state.data).clone();
                if held {
                    data.assessment.credentials.insert(credential);
                } else {
                    data.assessment.credentials.remove(&credential);
                }
                state.with_data(data)
            }
            Action::SetPace(pace) => {
                let mut data = (*state.data).clone();
                match data.set_pace(pace) {
                    Ok(()) => state.with_data(data),
                    Err(error) => state.clone().noticed(error.to_string(), None),
                }
            }
            Action::AddPlan(plan) => {
                let mut data = (*state.data).clone();
                let name = plan.name.clone();
                match data.add_plan(plan) {
                    Ok(()) => state.with_data(data).noticed(
                        format!("Saved “{name}” to your plans, on this device."),
                        None,
                    ),
                    Err(error) => state.clone().noticed(error.to_string(), None),
                }
            }
            Action::AddCopy(plan, seed) => {
                let mut data = (*state.data).clone();
                let name = plan.name.clone();
                match data.add_as_copy(plan, seed) {
                    Ok(_) => state
                        .with_data(data)
                        .noticed(format!("Saved a copy of “{name}” to your plans."), None),
                    Err(error) => state.clone().noticed(error.to_string(), None),
                }
            }
            Action::RenamePlan(id, name) => state
                .edit_plan(&id, |plan| plan.rename(&name))
                .announced("Plan renamed."),
            Action::DuplicatePlan { id, today, seed } => {
                let mut data = (*state.data).clone();
                match data.duplicate_plan(&id, today, seed) {
                    Ok(_) => state.with_data(data).announced("Plan copied."),
                    Err(error) => state.clone().noticed(error.to_string(), None),
                }
            }
            Action::DeletePlan(id) => {
                let mut data = (*state.data).clone();
                match data.delete_plan(&id) {
                    Some(deleted) => {
                        let text = format!("Deleted “{}”.", deleted.plan.name);
                        state
                            .with_data(data)
                            .noticed(text, Some(Undoable::Plan(deleted)))
                    }
                    None => state.clone(),
                }
            }
            Action::SetStepStatus(id, index, status) => state
                .edit_plan(&id, |plan| plan.set_status(index, status))
                .announced(format!("Step {} marked {}.", index + 1, status.label())),
            Action::SetStepDate(id, index, date) => {
                state.edit_plan(&id, |plan| plan.set_target_date(index, date))
            }
            Action::SetStepNotes(id, index, notes) => {
                state.edit_plan(&id, |plan| plan.set_notes(index, &notes))
            }
            Action::SetActionDone(id, index, action, done) => state
                .edit_plan(&id, |plan| plan.set_action_done(index, &action, done))
                .announced(if done {
                    "Action ticked off."
                } else {
                    "Tick removed."
                }),
            Action::AddEvidence {
                competency,
                what,
                when,
                seed,
            } => {
                let mut data = (*state.data).clone();
                match data.add_evidence(competency, &what, when, seed) {
                    Ok(_) => state.with_data(data).announced("Evidence added."),
                    Err(error) => state.clone().noticed(error.to_string(), None),
                }
            }
            Action::RemoveEvidence(id) => {
                let mut data = (*state.data).clone();
                match data.remove_evidence(&id) {
                    Some((index, entry)) => state.with_data(data).noticed(
                        "Evidence entry removed.",
                        Some(Undoable::Evidence(index, entry)),
                    ),
                    None => state.clone(),
                }
            }
            Action::Undo => match state.notice.as_ref().and_then(|n| n.undo.clone()) {
                Some(Undoable::Plan(deleted)) => {
                    let mut data = (*state.data).clone();
                    let name = deleted.plan.name.clone();
                    match data.restore(deleted) {
                        Ok(()) => {
                            let mut next = state
                                .with_data(data)
                                .announced(format!("Brought back “{name}”."));
                            next.notice = None;
                            next
                        }
                        Err(error) => state.clone().noticed(error.to_string(), None),
                    }
                }
                Some(Undoable::Evidence(index, entry)) => {
                    let mut data = (*state.data).clone();
                    data.restore_evidence(index, entry);
                    let mut next = state.with_data(data).announced("Evidence entry restored.");
                    next.notice = None;
                    next
                }
                None => state.clone(),
            },
            Action::ReplaceData(data) => state.with_data(data),
            Action::MarkExported(now) => {
                let mut data = (*state.data).clone();
                data.mark_exported(now);
                state.with_data(data)
            }
            Action::Visited(screen) => {
                let mut data = (*state.data).clone();
                if !data.remember_screen(&screen) {
                    return self;
                }
                state.with_data(data)
            }
            Action::SaveSucceeded => {
                if state.save == SaveStatus::Saved && !state.overwrite {
                    return self;
                }
                let recovered = state.save != SaveStatus::Saved;
                let next = AppState {
                    save: SaveStatus::Saved,
                    overwrite: false,
                    ..state.clone()
                };
                if recovered {
                    next.announced("Your changes are saved.")
                } else {
                    next
                }
            }
            Action::SaveFailed(message) => AppState {
                save: SaveStatus::Failed(message),
                ..state.clone()
            },
            Action::OtherTabChanged(newer) => {
                if same_user_data(&newer, &state.data) {
                    return self;
                }
                AppState {
                    other_tab: Some(OtherTabChange { newer }),
                    ..state.clone()
                }
                .announced("Foothold was changed in another tab.")
            }
            Action::TakeOtherTab => match &state.other_tab {
                // The persistence hook reloads from storage, so this tab's save counter
                // matches the newer save; showing its copy at once avoids a flicker.
                Some(change) => AppState {
                    data: change.newer.clone(),
                    other_tab: None,
                    reload_request: state.reload_request + 1,
                    ..state.clone()
                }
                .announced("Loaded the newer version."),
                None => state.clone(),
            },
            Action::KeepMine => {
                // Counting this as a change makes the persistence hook save this tab's
                // data over the other tab's, so the choice sticks.
                let mut next = state.with_data((*state.data).clone());
                next.other_tab = None;
                next.overwrite = true;
                next.announced("Kept this tab's version.")
            }
            Action::Notify(text) => state.clone().noticed(text, None),
            Action::Announce(text) => state.clone().announced(text),
            Action::DismissNotice => AppState {
                notice: None,
                ..state.clone()
            },
        };
        Rc::new(next)
    }
}

/// The app state handle every page uses.
pub type AppHandle = UseReducerHandle<AppState>;

/// The app state from context. The app provides it above every page.
#[hook]
pub fn use_app() -> Option<AppHandle> {
    use_context::<AppHandle>()
}

/// Where a role id points in the graph, or its id when the data no longer has it, so a
/// plan saved against older data still reads sensibly.
pub fn role_title(graph: &RoleGraph, id: &RoleId) -> String {
    graph
        .role(id)
        .map_or_else(|| id.to_string(), |role| role.title.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::CompetencyId;
    use crate::plan::PlanStep;

    fn plan(id: &str, name: &str) -> Plan {
        Plan {
            id: PlanId::from(id),
            name: name.to_owned(),
            created: Date::new(2026, 1, 5).expect("a real date"),
            start: RoleId::new("registered-nurse"),
            target: RoleId::new("digital-nurse"),
            objective: Objective::default(),
            steps: vec![PlanStep::new(
                RoleId::new("registered-nurse"),
                RoleId::new("digital-nurse"),
            )],
            data_version: "test".to_owned(),
        }
    }

    fn reduce(state: AppState, actions: Vec<Action>) -> AppState {
        let mut state = Rc::new(state);
        for action in actions {
            state = state.reduce(action);
        }
        (*state).clone()
    }

    #[test]
    fn a_deleted_plan_comes_back_in_its_place_with_undo() {
        let state = reduce(
            AppState::default(),
            vec![
                Action::AddPlan(plan("p-1", "First")),
                Action::AddPlan(plan("p-2", "Second")),
                Action::DeletePlan(PlanId::from("p-1")),
            ],
        );
        assert_eq!(state.data.plans.len(), 1);
        assert!(state.notice.as_ref().is_some_and(|n| n.undo.is_some()));
        let state = reduce(state, vec![Action::Undo]);
        let names: Vec<&str> = state.data.plans.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["First", "Second"]);
        assert!(state.notice.is_none());
    }

    #[test]
    fn every_change_to_the_data_counts_as_a_revision_to_save() {
        let state = reduce(
            AppState::default(),
            vec![
                Action::SetHeld(CompetencyId::new("digital-literacy"), true),
                Action::SetPace(Pace::PartTime(60)),
            ],
        );
        assert_eq!(state.revision, 2);
        assert!(state
            .data
            .assessment
            .held
            .contains(&CompetencyId::new("digital-literacy")));
        let unchanged = reduce(
            state.clone(),
            vec![Action::SetOptions(QueryOptions::default())],
        );
        assert_eq!(unchanged.revision, state.revision);
    }

    #[test]
    fn ticking_a_registration_keeps_it_in_the_assessment_and_unticking_removes_it() {
        let pharmacist = crate::graph::CredentialId::new("gphc-pharmacist");
        let state = reduce(
            AppState::default(),
            vec![Action::SetCredential(pharmacist.clone(), true)],
        );
        assert!(state.data.assessment.credentials.contains(&pharmacist));
        assert_eq!(state.revision, 1);
        let state = reduce(
            state,
            vec![Action::SetCredential(pharmacist.clone(), false)],
        );
        assert!(!state.data.assessment.credentials.contains(&pharmacist));
        assert_eq!(state.revision, 2);
    }

    #[test]
    fn a_refused_edit_is_shown_as_a_notice_and_changes_nothing() {
        let state = reduce(
            AppState::default(),
            vec![
                Action::AddPlan(plan("p-1", "First")),
                Action::RenamePlan(PlanId::from("p-1"), "   ".to_owned()),
                Action::SetPace(Pace::PartTime(0)),
            ],
        );
        assert_eq!(state.data.plans[0].name, "First");
        assert_eq!(state.data.pace, Pace::FullTime);
        assert!(state.notice.is_some());
        assert_eq!(state.revision, 1);
    }

    #[test]
    fn another_tab_moving_between_screens_raises_no_warning() {
        let state = reduce(
            AppState::default(),
            vec![Action::AddPlan(plan("p-1", "First"))],
        );
        let mut elsewhere = (*state.data).clone();
        elsewhere.last_screen = Some("/plans".to_owned());
        let state = reduce(state, vec![Action::OtherTabChanged(Rc::new(elsewhere))]);
        assert!(state.other_tab.is_none());

        let mut changed = (*state.data).clone();
        changed.plans[0].name = "Renamed elsewhere".to_owned();
        let state = reduce(state, vec![Action::OtherTabChanged(Rc::new(changed))]);
        assert!(state.other_tab.is_some());
    }

    #[test]
    fn keeping_this_tabs_version_saves_over_the_other_tab_once() {
        let state = reduce(
            AppState::default(),
            vec![Action::AddPlan(plan("p-1", "Mine"))],
        );
        let mut theirs = (*state.data).clone();
        theirs.plans.clear();
        let state = reduce(state, vec![Action::OtherTabChanged(Rc::new(theirs))]);
        let before = state.revision;
        let state = reduce(state, vec![Action::KeepMine]);
        assert!(state.other_tab.is_none());
        assert!(state.overwrite);
        assert_eq!(state.revision, before + 1);
        assert_eq!(state.data.plans[0].name, "Mine");
        let state = reduce(state, vec![Action::SaveSucceeded]);
        assert!(!state.overwrite);
    }

    #[test]
    fn loading_the_newer_version_asks_for_a_reload_from_storage() {
        let state = reduce(
            AppState::default(),
            vec![Action::AddPlan(plan("p-1", "Mine"))],
        );
        let mut theirs = (*state.data).clone();
        theirs.plans[0].name = "Theirs".to_owned();
        let state = reduce(
            state,
            vec![
                Action::OtherTabChanged(Rc::new(theirs)),
                Action::TakeOtherTab,
            ],
        );
        assert_eq!(state.reload_request, 1);
        assert_eq!(state.data.plans[0].name, "Theirs");
        assert!(state.other_tab.is_none());
    }

    #[test]
    fn options_turn_into_a_planner_query_within_the_allowed_number_of_routes() {
        let options = QueryOptions {
            routes: 50,
            explore_years: 0,
            ..QueryOptions::default()
        };
        let query = options.query(RoleId::new("a"), RoleId::new("b"));
        assert_eq!(query.routes, MAX_ROUTES);
        assert_eq!(options.explore_months(), 12);
    }
}
