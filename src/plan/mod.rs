//! The user's saved plans: steps with status, dates and notes, progress, projected
//! finish dates and the evidence log.
//!
//! Everything here is a plain function of its inputs. The UI keeps one [`AppData`],
//! changes it with the methods below (each returns a [`PlanError`] and changes nothing
//! when the input is wrong) and hands it to `store` to save.
//!
//! ```
//! use foothold::graph::RoleGraph;
//! use foothold::plan::{AppData, Dashboard, Date, Plan, StepStatus};
//! use foothold::planner::Objective;
//!
//! # let graph = RoleGraph::new_unchecked(foothold::graph::bundled_pack_data().unwrap());
//! # let t = graph.transitions()[0].clone();
//! # let roles = vec![t.from.clone(), t.to.clone()];
//! let today: Date = "2026-01-05".parse().unwrap();
//! let mut data = AppData::default();
//! let id = data.new_plan_id(7);
//! let plan = Plan::from_route(&graph, &roles, Objective::ShortestTime, "Into digital", today, id.clone())
//!     .unwrap();
//! data.add_plan(plan).unwrap();
//! data.plan_mut(&id).unwrap().set_status(0, StepStatus::Done).unwrap();
//!
//! let dashboard = Dashboard::new(&data, &graph, today);
//! assert_eq!(dashboard.plans[0].progress.percent(), 100);
//!
//! let removed = data.delete_plan(&id).unwrap();
//! data.restore(removed).unwrap();
//! assert_eq!(data.plans.len(), 1);
//! ```

pub mod check;
pub mod dashboard;
pub mod date;
pub mod edit;
pub mod migrate;
pub mod model;
pub mod reminder;
pub mod route_check;

pub use check::{data_problems, plan_problems, replace_malformed_ids, replacement_plan_id};
pub use dashboard::{
    Dashboard, DatedStep, NextAction, NextStep, PlanOverview, Progress, Projection,
};
pub use date::{Date, DateError, Timestamp};
pub use edit::{clean_name, DeletedPlan, PlanError};
pub use migrate::{migrate_roles, step_in_data, RoleChange};
pub use model::{
    AppData, EvidenceEntry, EvidenceId, Pace, Plan, PlanId, PlanStep, StepStatus,
    MAX_EVIDENCE_CHARS, MAX_ID_CHARS, MAX_LAST_SCREEN_CHARS, MAX_NAME_CHARS, MAX_NOTES_CHARS,
    MAX_PLANS, MAX_STEPS_PER_PLAN, MIN_PART_TIME_PERCENT,
};
pub use reminder::EXPORT_REMINDER_DAYS;
pub use route_check::{
    body_short, check_route, gives_text, relies_on_text, RouteCheck, RouteProblem, StepCredentials,
};
