//! Changing the user's data: making plans from routes, renaming, copying, deleting with
//! undo, updating steps, and keeping the evidence log. Every change checks its input and
//! returns a plain-English [`PlanError`] instead of changing anything when it is wrong.

use crate::graph::{CompetencyId, RoleGraph, RoleId, MAX_ACTIONS, MAX_ACTION_CHARS};
use crate::plan::date::Date;
use crate::plan::model::{
    AppData, EvidenceEntry, EvidenceId, Pace, Plan, PlanId, PlanStep, StepStatus,
    MAX_EVIDENCE_CHARS, MAX_LAST_SCREEN_CHARS, MAX_NAME_CHARS, MAX_NOTES_CHARS, MAX_PLANS,
    MAX_STEPS_PER_PLAN, MIN_PART_TIME_PERCENT,
};
use crate::planner::Objective;
use std::fmt;

/// Why a change to the user's data was refused. Nothing is changed when one is returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    /// No plan has this id.
    NoSuchPlan(PlanId),
    /// The plan has no step at this position (counted from 0).
    NoSuchStep {
        /// The position asked for.
        index: usize,
        /// How many steps the plan has.
        steps: usize,
    },
    /// The action is not one a step's move could list (too long, or one too many).
    NoSuchAction {
        /// The step's position (counted from 0).
        index: usize,
    },
    /// A plan needs at least a start and a target role.
    RouteTooShort,
    /// A role on the route is not in the role data.
    UnknownRole(RoleId),
    /// Two neighbouring roles on the route have no move between them.
    NotATransition {
        /// Title of the role moved from.
        from: String,
        /// Title of the role moved to.
        to: String,
    },
    /// The plan name is empty once spaces are trimmed.
    EmptyName,
    /// The plan name is longer than [`MAX_NAME_CHARS`].
    NameTooLong {
        /// Its length in characters.
        chars: usize,
    },
    /// The notes are longer than [`MAX_NOTES_CHARS`].
    NotesTooLong {
        /// Their length in characters.
        chars: usize,
    },
    /// An evidence entry says nothing once spaces are trimmed.
    EmptyEvidence,
    /// An evidence entry is longer than [`MAX_EVIDENCE_CHARS`].
    EvidenceTooLong {
        /// Its length in characters.
        chars: usize,
    },
    /// A part-time pace outside [`MIN_PART_TIME_PERCENT`] to 100.
    PaceOutOfRange(u8),
    /// A plan with this id is already in the data.
    DuplicatePlanId(PlanId),
    /// A route with more than [`MAX_STEPS_PER_PLAN`] steps.
    TooManySteps {
        /// How many steps it has.
        steps: usize,
    },
    /// Adding would take the user past [`MAX_PLANS`] plans.
    TooManyPlans,
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::NoSuchPlan(_) => f.write_str(
                "That plan could not be found. It may have been deleted in another tab.",
            ),
            PlanError::NoSuchStep { index, steps } => write!(
                f,
                "This plan has {steps} step(s), so there is no step {}.",
                index + 1
            ),
            PlanError::NoSuchAction { index } => write!(
                f,
                "That action could not be ticked on step {}: it is not one the role data lists.",
                index + 1
            ),
            PlanError::RouteTooShort => {
                f.write_str("A plan needs a starting role and a different target role.")
            }
            PlanError::UnknownRole(id) => {
                write!(f, "The role '{id}' is not in the role data.")
            }
            PlanError::NotATransition { from, to } => write!(
                f,
                "The role data has no move from '{from}' straight to '{to}'."
            ),
            PlanError::EmptyName => f.write_str("Give the plan a name."),
            PlanError::NameTooLong { chars } => write!(
                f,
                "Plan names can be up to {MAX_NAME_CHARS} characters; this one has {chars}."
            ),
            PlanError::NotesTooLong { chars } => write!(
                f,
                "Notes can be up to {MAX_NOTES_CHARS} characters; these have {chars}."
            ),
            PlanError::EmptyEvidence => f.write_str("Say what you did before adding evidence."),
            PlanError::EvidenceTooLong { chars } => write!(
                f,
                "Evidence can be up to {MAX_EVIDENCE_CHARS} characters; this has {chars}."
            ),
            PlanError::PaceOutOfRange(percent) => write!(
                f,
                "Part-time pace must be between {MIN_PART_TIME_PERCENT}% and 100%, not {percent}%."
            ),
            PlanError::DuplicatePlanId(_) => {
                f.write_str("A plan with the same id is already saved, so it was not added again.")
            }
            PlanError::TooManySteps { steps } => write!(
                f,
                "A plan can have up to {MAX_STEPS_PER_PLAN} steps; this route has {steps}."
            ),
            PlanError::TooManyPlans => write!(
                f,
                "You can keep up to {MAX_PLANS} plans. Delete a plan you no longer need, then try again."
            ),
        }
    }
}

impl std::error::Error for PlanError {}

/// Trims a plan name and checks its length.
pub fn clean_name(name: &str) -> Result<String, PlanError> {
    let trimmed = name.trim();
    let chars = trimmed.chars().count();
    if chars == 0 {
        Err(PlanError::EmptyName)
    } else if chars > MAX_NAME_CHARS {
        Err(PlanError::NameTooLong { chars })
    } else {
        Ok(trimmed.to_owned())
    }
}

fn check_notes(notes: &str) -> Result<(), PlanError> {
    let chars = notes.chars().count();
    if chars > MAX_NOTES_CHARS {
        Err(PlanError::NotesTooLong { chars })
    } else {
        Ok(())
    }
}

fn title_of(graph: &RoleGraph, id: &RoleId) -> String {
    graph
        .role(id)
        .map_or_else(|| id.to_string(), |role| role.title.clone())
}

/// Cuts text to at most `max` characters, at a character boundary.
fn truncate_chars(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

impl Plan {
    /// Makes a plan from the roles of a route, start first and target last (the UI
    /// passes `route.roles()`). Each neighbouring pair must be a move in the role data.
    ///
    /// ```
    /// # use foothold::graph::{RoleGraph, RoleId};
    /// # use foothold::plan::{Date, Plan, PlanId};
    /// # use foothold::planner::Objective;
    /// # let pack = foothold::graph::bundled_pack_data().unwrap();
    /// # let graph = RoleGraph::new_unchecked(pack);
    /// # let t = graph.transitions()[0].clone();
    /// let roles = [t.from.clone(), t.to.clone()];
    /// let today: Date = "2026-01-05".parse().unwrap();
    /// let plan = Plan::from_route(&graph, &roles, Objective::ShortestTime, "My move", today,
    ///     PlanId::generate(1, 42)).unwrap();
    /// assert_eq!(plan.steps.len(), 1);
    /// assert_eq!(plan.target, t.to);
    /// ```
    pub fn from_route(
        graph: &RoleGraph,
        roles: &[RoleId],
        objective: Objective,
        name: &str,
        today: Date,
        id: PlanId,
    ) -> Result<Plan, PlanError> {
        let name = clean_name(name)?;
        let (Some(start), Some(target)) = (roles.first(), roles.last()) else {
            return Err(PlanError::RouteTooShort);
        };
        if roles.len() < 2 {
            return Err(PlanError::RouteTooShort);
        }
        if roles.len() - 1 > MAX_STEPS_PER_PLAN {
            return Err(PlanError::TooManySteps {
                steps: roles.len() - 1,
            });
        }
        if let Some(unknown) = roles.iter().find(|id| graph.role(id).is_none()) {
            return Err(PlanError::UnknownRole(unknown.clone()));
        }
        let mut steps = Vec::with_capacity(roles.len() - 1);
        for pair in roles.windows(2) {
            let (from, to) = (&pair[0], &pair[1]);
            if graph.transition(from, to).is_none() {
                return Err(PlanError::NotATransition {
                    from: title_of(graph, from),
                    to: title_of(graph, to),
                });
            }
            steps.push(PlanStep::new(from.clone(), to.clone()));
        }
        Ok(Plan {
            id,
            name,
            created: today,
            start: start.clone(),
            target: target.clone(),
            objective,
            steps,
            data_version: graph.info().data_version.clone(),
        })
    }

    /// Renames the plan (trimmed, 1 to [`MAX_NAME_CHARS`] characters).
    pub fn rename(&mut self, name: &str) -> Result<(), PlanError> {
        self.name = clean_name(name)?;
        Ok(())
    }

    fn step_mut(&mut self, index: usize) -> Result<&mut PlanStep, PlanError> {
        let steps = self.steps.len();
        self.steps
            .get_mut(index)
            .ok_or(PlanError::NoSuchStep { index, steps })
    }

    /// Sets how far the user has got with a step.
    pub fn set_status(&mut self, index: usize, status: StepStatus) -> Result<(), PlanError> {
        self.step_mut(index)?.status = status;
        Ok(())
    }

    /// Sets or clears the date the user aims to make a step's move by.
    pub fn set_target_date(&mut self, index: usize, date: Option<Date>) -> Result<(), PlanError> {
        self.step_mut(index)?.target_date = date;
        Ok(())
    }

    /// Replaces a step's notes (at most [`MAX_NOTES_CHARS`] characters, kept as typed).
    pub fn set_notes(&mut self, index: usize, notes: &str) -> Result<(), PlanError> {
        check_notes(notes)?;
        self.step_mut(index)?.notes = notes.to_owned();
        Ok(())
    }

    /// Ticks off (or un-ticks) one of a step's first actions, by its text (at most
    /// [`MAX_ACTIONS`] per step, each at most [`MAX_ACTION_CHARS`] characters, as the role
    /// data lists them).
    pub fn set_action_done(
        &mut self,
        index: usize,
        action: &str,
        done: bool,
    ) -> Result<(), PlanError> {
        let step = self.step_mut(index)?;
        if !done {
            step.actions_done.remove(action);
            return Ok(());
        }
        let fits = action.chars().count() <= MAX_ACTION_CHARS
            && (step.actions_done.contains(action) || step.actions_done.len() < MAX_ACTIONS);
        if !fits {
            return Err(PlanError::NoSuchAction { index });
        }
        step.actions_done.insert(action.to_owned());
        Ok(())
    }
}

/// A plan taken out by [`AppData::delete_plan`], kept so the deletion can be undone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeletedPlan {
    /// The plan as it was.
    pub plan: Plan,
    /// Where it was in the list.
    pub index: usize,
}

impl AppData {
    /// A plan by id.
    pub fn plan(&self, id: &PlanId) -> Option<&Plan> {
        self.plans.iter().find(|plan| &plan.id == id)
    }

    /// A plan by id, to change it with [`Plan`]'s methods.
    pub fn plan_mut(&mut self, id: &PlanId) -> Result<&mut Plan, PlanError> {
        self.plans
            .iter_mut()
            .find(|plan| &plan.id == id)
            .ok_or_else(|| PlanError::NoSuchPlan(id.clone()))
    }

    /// A plan id not yet used, made from the number of plans and a seed the caller
    /// supplies (a random number or the time), such as `p-4-k9x2qa`.
    pub fn new_plan_id(&self, seed: u64) -> PlanId {
        let mut counter = self.plans.len() as u64 + 1;
        loop {
            let id = PlanId::generate(counter, seed);
            if self.plan(&id).is_none() {
                return id;
            }
            counter += 1;
        }
    }

    /// An evidence id not yet used, made like [`AppData::new_plan_id`].
    pub fn new_evidence_id(&self, seed: u64) -> EvidenceId {
        let mut counter = self.evidence.len() as u64 + 1;
        loop {
            let id = EvidenceId::generate(counter, seed);
            if self.evidence.iter().all(|entry| entry.id != id) {
                return id;
            }
            counter += 1;
        }
    }

    /// Adds a plan at the end of the list; refused if its id is already used or the
    /// user already keeps [`MAX_PLANS`] plans.
    pub fn add_plan(&mut self, plan: Plan) -> Result<(), PlanError> {
        self.check_room_for_a_plan()?;
        if self.plan(&plan.id).is_some() {
            return Err(PlanError::DuplicatePlanId(plan.id));
        }
        self.plans.push(plan);
        Ok(())
    }

    fn check_room_for_a_plan(&self) -> Result<(), PlanError> {
        if self.plans.len() >= MAX_PLANS {
            Err(PlanError::TooManyPlans)
        } else {
            Ok(())
        }
    }

    /// Adds a plan from elsewhere (an import or a share link) as a copy with a fresh id,
    /// so it never replaces a saved plan. A name already in use gets "(copy)" added.
    /// Returns the new id; refused when the user already keeps [`MAX_PLANS`] plans.
    pub fn add_as_copy(&mut self, mut plan: Plan, seed: u64) -> Result<PlanId, PlanError> {
        self.check_room_for_a_plan()?;
        plan.id = self.new_plan_id(seed);
        if self.plans.iter().any(|existing| existing.name == plan.name) {
            const SUFFIX: &str = " (copy)";
            let room = MAX_NAME_CHARS - SUFFIX.chars().count();
            plan.name = format!("{}{SUFFIX}", truncate_chars(&plan.name, room));
        }
        let id = plan.id.clone();
        self.plans.push(plan);
        Ok(id)
    }

    /// Renames a plan.
    pub fn rename_plan(&mut self, id: &PlanId, name: &str) -> Result<(), PlanError> {
        self.plan_mut(id)?.rename(name)
    }

    /// Copies a plan, steps and progress included, as "Copy of …" placed just after it.
    /// Returns the copy's id.
    pub fn duplicate_plan(
        &mut self,
        id: &PlanId,
        today: Date,
        seed: u64,
    ) -> Result<PlanId, PlanError> {
        self.check_room_for_a_plan()?;
        let index = self
            .plans
            .iter()
            .position(|plan| &plan.id == id)
            .ok_or_else(|| PlanError::NoSuchPlan(id.clone()))?;
        let mut copy = self.plans[index].clone();
        copy.id = self.new_plan_id(seed);
        copy.name = truncate_chars(&format!("Copy of {}", copy.name), MAX_NAME_CHARS);
        copy.created = today;
        let new_id = copy.id.clone();
        self.plans.insert(index + 1, copy);
        Ok(new_id)
    }

    /// Takes a plan out, returning it with its position so [`AppData::restore`] can
    /// put it back. `None` when no plan has the id.
    pub fn delete_plan(&mut self, id: &PlanId) -> Option<DeletedPlan> {
        let index = self.plans.iter().position(|plan| &plan.id == id)?;
        let plan = self.plans.remove(index);
        Some(DeletedPlan { plan, index })
    }

    /// Undoes a deletion, putting the plan back where it was (or last, if the list has
    /// since got shorter). Refused if a plan with its id has been added meanwhile.
    pub fn restore(&mut self, deleted: DeletedPlan) -> Result<(), PlanError> {
        if self.plan(&deleted.plan.id).is_some() {
            return Err(PlanError::DuplicatePlanId(deleted.plan.id));
        }
        let index = deleted.index.min(self.plans.len());
        self.plans.insert(index, deleted.plan);
        Ok(())
    }

    /// Remembers the screen the user is on, so the app can reopen there. An address
    /// longer than [`MAX_LAST_SCREEN_CHARS`] is not remembered (the last screen is
    /// cleared instead): it cannot be a real screen, and storing it would crowd out
    /// backups. Returns true when the data changed.
    pub fn remember_screen(&mut self, screen: &str) -> bool {
        let remembered = (screen.chars().count() <= MAX_LAST_SCREEN_CHARS).then_some(screen);
        if self.last_screen.as_deref() == remembered {
            return false;
        }
        self.last_screen = remembered.map(str::to_owned);
        true
    }

    /// Sets the working pace; a part-time percentage must be in range.
    pub fn set_pace(&mut self, pace: Pace) -> Result<(), PlanError> {
        if let Pace::PartTime(percent) = pace {
            if !pace.in_range() {
                return Err(PlanError::PaceOutOfRange(percent));
            }
        }
        self.pace = pace;
        Ok(())
    }

    /// Logs evidence for a competency. The description is trimmed and must say
    /// something. Returns the new entry's id.
    pub fn add_evidence(
        &mut self,
        competency: CompetencyId,
        what: &str,
        when: Date,
        seed: u64,
    ) -> Result<EvidenceId, PlanError> {
        let what = what.trim();
        let chars = what.chars().count();
        if chars == 0 {
            return Err(PlanError::EmptyEvidence);
        }
        if chars > MAX_EVIDENCE_CHARS {
            return Err(PlanError::EvidenceTooLong { chars });
        }
        let id = self.new_evidence_id(seed);
        self.evidence.push(EvidenceEntry {
            id: id.clone(),
            competency,
            what: what.to_owned(),
            when,
        });
        Ok(id)
    }

    /// Removes an evidence entry, returning it (so the UI can offer undo by adding it
    /// back with [`AppData::restore_evidence`]).
    pub fn remove_evidence(&mut self, id: &EvidenceId) -> Option<(usize, EvidenceEntry)> {
        let index = self.evidence.iter().position(|entry| &entry.id == id)?;
        Some((index, self.evidence.remove(index)))
    }

    /// Puts a removed evidence entry back where it was; ignored if its id is in use.
    pub fn restore_evidence(&mut self, index: usize, entry: EvidenceEntry) {
        if self.evidence.iter().any(|existing| existing.id == entry.id) {
            return;
        }
        let index = index.min(self.evidence.len());
        self.evidence.insert(index, entry);
    }

    /// The evidence for one competency, oldest first.
    pub fn evidence_for(&self, competency: &CompetencyId) -> Vec<&EvidenceEntry> {
        let mut entries: Vec<&EvidenceEntry> = self
            .evidence
            .iter()
            .filter(|entry| &entry.competency == competency)
            .collect();
        crate::order::sort_by_key(&mut entries, |entry| entry.when);
        entries
    }
}
