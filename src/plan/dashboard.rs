//! The dashboard model: how far along each plan is, what to do next, which dates are
//! coming up or have passed, and when the plan might be finished at the user's pace.

use crate::graph::{RoleGraph, RoleId};
use crate::plan::date::Date;
use crate::plan::model::{AppData, Pace, Plan, PlanId, StepStatus};

/// How many of a plan's steps are finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Steps marked done.
    pub done: usize,
    /// Steps marked skipped.
    pub skipped: usize,
    /// Steps in progress.
    pub in_progress: usize,
    /// All steps.
    pub total: usize,
}

impl Progress {
    /// Steps needing no more work (done or skipped).
    pub fn finished(&self) -> usize {
        self.done + self.skipped
    }

    /// Finished steps as a whole percentage, rounded down so that 100 means every step
    /// is finished. A plan with no steps is complete.
    pub fn percent(&self) -> u8 {
        if self.total == 0 {
            return 100;
        }
        (self.finished() * 100 / self.total) as u8
    }

    /// True when every step is done or skipped.
    pub fn is_complete(&self) -> bool {
        self.finished() == self.total
    }
}

/// One first action still to take on a plan's step (see [`Plan::next_actions`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextAction {
    /// The step's position in the plan, from 0.
    pub index: usize,
    /// The action, as the role data words it.
    pub action: String,
}

/// The first step of a plan that is neither done nor skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextStep {
    /// Its position in the plan, from 0.
    pub index: usize,
    /// The role moved from.
    pub from: RoleId,
    /// The role moved to.
    pub to: RoleId,
    /// Its status (not started or in progress).
    pub status: StepStatus,
}

/// A dated step that is not finished.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedStep {
    /// The plan it belongs to.
    pub plan_id: PlanId,
    /// The plan's name.
    pub plan_name: String,
    /// The step's position in the plan, from 0.
    pub index: usize,
    /// The role moved from.
    pub from: RoleId,
    /// The role moved to.
    pub to: RoleId,
    /// The target date.
    pub date: Date,
    /// Days from today to the date (negative when it has passed).
    pub days_away: i64,
    /// The step's status.
    pub status: StepStatus,
}

/// When a plan might be finished, from typical move times and the user's pace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Projection {
    /// Whole months of work left at the user's pace, rounded up.
    pub months: u32,
    /// Today plus those months.
    pub finish: Date,
    /// Unfinished steps whose move is no longer in the role data, so they add no time;
    /// when this is not 0 the finish date is too early and the UI should say so.
    pub unestimated_steps: usize,
}

impl Plan {
    /// How many steps are finished.
    pub fn progress(&self) -> Progress {
        let count = |status| self.steps.iter().filter(|s| s.status == status).count();
        Progress {
            done: count(StepStatus::Done),
            skipped: count(StepStatus::Skipped),
            in_progress: count(StepStatus::InProgress),
            total: self.steps.len(),
        }
    }

    /// The first step that is neither done nor skipped; `None` when the plan is complete.
    pub fn next_step(&self) -> Option<NextStep> {
        self.steps
            .iter()
            .enumerate()
            .find(|(_, step)| !step.status.is_finished())
            .map(|(index, step)| NextStep {
                index,
                from: step.from.clone(),
                to: step.to.clone(),
                status: step.status,
            })
    }

    /// The next first actions to take: those not yet ticked off on unfinished steps, in
    /// step order, at most `limit` (the plan's "This month" list). Steps whose move is no
    /// longer in the role data have none.
    ///
    /// ```
    /// # use foothold::graph::{RoleGraph, RoleId};
    /// # use foothold::plan::{Date, Plan, PlanId};
    /// # use foothold::planner::Objective;
    /// # let pack = foothold::graph::bundled_pack_data().unwrap();
    /// # let graph = RoleGraph::new_unchecked(pack);
    /// let roles = [RoleId::new("registered-nurse"), RoleId::new("digital-nurse")];
    /// let today: Date = "2026-12-01".parse().unwrap();
    /// let mut plan = Plan::from_route(&graph, &roles, Objective::ShortestTime, "Digital nursing",
    ///     today, PlanId::generate(1, 42)).unwrap();
    /// let first = plan.next_actions(&graph, 3);
    /// assert!(!first.is_empty());
    /// plan.set_action_done(0, &first[0].action, true).unwrap();
    /// assert!(plan.next_actions(&graph, 3).iter().all(|next| next.action != first[0].action));
    /// ```
    pub fn next_actions(&self, graph: &RoleGraph, limit: usize) -> Vec<NextAction> {
        self.steps
            .iter()
            .enumerate()
            .filter(|(_, step)| !step.status.is_finished())
            .flat_map(|(index, step)| {
                graph
                    .transition(&step.from, &step.to)
                    .map(|transition| transition.actions.as_slice())
                    .unwrap_or_default()
                    .iter()
                    .filter(|action| !step.actions_done.contains(*action))
                    .map(move |action| NextAction {
                        index,
                        action: action.clone(),
                    })
            })
            .take(limit)
            .collect()
    }

    /// Unfinished steps with a target date, soonest first (ties in step order).
    pub fn dated_steps(&self, today: Date) -> Vec<DatedStep> {
        let mut dated: Vec<DatedStep> = self
            .steps
            .iter()
            .enumerate()
            .filter(|(_, step)| !step.status.is_finished())
            .filter_map(|(index, step)| {
                step.target_date.map(|date| DatedStep {
                    plan_id: self.id.clone(),
                    plan_name: self.name.clone(),
                    index,
                    from: step.from.clone(),
                    to: step.to.clone(),
                    date,
                    days_away: today.days_until(date),
                    status: step.status,
                })
            })
            .collect();
        crate::order::sort_by_key(&mut dated, |step| (step.date, step.index));
        dated
    }

    /// Projects when the plan might be finished: each unfinished step adds its move's
    /// months at the pace ([`Pace::months_for`]; half of that when in progress), the total is
    /// divided by the pace's share of full time, rounded up to whole months and added
    /// to today.
    ///
    /// ```
    /// # use foothold::graph::RoleGraph;
    /// # use foothold::plan::{Date, Pace, Plan, PlanId};
    /// # use foothold::planner::Objective;
    /// # let graph = RoleGraph::new_unchecked(foothold::graph::bundled_pack_data().unwrap());
    /// # let t = graph.transitions()[0].clone();
    /// # let today: Date = "2026-01-05".parse().unwrap();
    /// # let plan = Plan::from_route(&graph, &[t.from.clone(), t.to.clone()],
    /// #     Objective::ShortestTime, "Plan", today, PlanId::generate(1, 1)).unwrap();
    /// let full = plan.projection(&graph, Pace::FullTime, today);
    /// let half = plan.projection(&graph, Pace::PartTime(50), today);
    /// assert!(half.months >= full.months * 2 - 1);
    /// assert!(half.finish >= full.finish);
    /// let on_it = plan.projection(&graph, Pace::FullTimeOnIt, today);
    /// assert!(on_it.months <= full.months);
    /// ```
    pub fn projection(&self, graph: &RoleGraph, pace: Pace, today: Date) -> Projection {
        let mut months_left = 0.0_f64;
        let mut unestimated_steps = 0;
        for step in self.steps.iter().filter(|step| !step.status.is_finished()) {
            let Some(transition) = graph.transition(&step.from, &step.to) else {
                unestimated_steps += 1;
                continue;
            };
            let months = pace.months_for(transition.months);
            let share = if step.status == StepStatus::InProgress {
                0.5
            } else {
                1.0
            };
            months_left += months * share;
        }
        // Months are at most u16::MAX per step and the pace at least a tenth, so this
        // stays far inside u32; the cast saturates regardless.
        let months = (months_left / pace.fraction()).ceil() as u32;
        Projection {
            months,
            finish: today.add_months(i64::from(months)),
            unestimated_steps,
        }
    }
}

/// One plan as the dashboard shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanOverview {
    /// The plan's id.
    pub id: PlanId,
    /// The plan's name.
    pub name: String,
    /// Where it starts.
    pub start: RoleId,
    /// Where it aims.
    pub target: RoleId,
    /// How far along it is.
    pub progress: Progress,
    /// What to do next; `None` when complete.
    pub next_step: Option<NextStep>,
    /// When it might be finished.
    pub projection: Projection,
}

/// Everything the dashboard shows, worked out from the user's data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dashboard {
    /// Each plan, in the user's order.
    pub plans: Vec<PlanOverview>,
    /// Unfinished dated steps from today on, across all plans, soonest first.
    pub upcoming: Vec<DatedStep>,
    /// Unfinished dated steps whose date has passed, across all plans, oldest first.
    pub overdue: Vec<DatedStep>,
}

impl Dashboard {
    /// Works out the dashboard for the user's data on a given day.
    pub fn new(data: &AppData, graph: &RoleGraph, today: Date) -> Dashboard {
        let mut upcoming = Vec::new();
        let mut overdue = Vec::new();
        let plans = data
            .plans
            .iter()
            .map(|plan| {
                for dated in plan.dated_steps(today) {
                    if dated.date >= today {
                        upcoming.push(dated);
                    } else {
                        overdue.push(dated);
                    }
                }
                PlanOverview {
                    id: plan.id.clone(),
                    name: plan.name.clone(),
                    start: plan.start.clone(),
                    target: plan.target.clone(),
                    progress: plan.progress(),
                    next_step: plan.next_step(),
                    projection: plan.projection(graph, data.pace, today),
                }
            })
            .collect();
        // Stable sorts keep plan order for steps due the same day.
        crate::order::sort_by_key(&mut upcoming, |step| step.date);
        crate::order::sort_by_key(&mut overdue, |step| step.date);
        Dashboard {
            plans,
            upcoming,
            overdue,
        }
    }
}
