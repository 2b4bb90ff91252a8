//! What the user keeps: plans with their steps, the self-assessment, the evidence log
//! and working pace. These types are exactly what is saved, exported and imported, so
//! their serde names are part of the storage schema (see `store`).

use crate::graph::{CompetencyId, Months, RoleId};
use crate::plan::date::{Date, Timestamp};
use crate::planner::{Objective, SelfAssessment};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// The longest a plan name may be, in characters.
pub const MAX_NAME_CHARS: usize = 80;
/// The longest a step's notes may be, in characters.
pub const MAX_NOTES_CHARS: usize = 5_000;
/// The longest an evidence entry's description may be, in characters.
pub const MAX_EVIDENCE_CHARS: usize = 2_000;
/// The slowest part-time pace accepted, as a percentage of full time.
pub const MIN_PART_TIME_PERCENT: u8 = 10;
/// The most steps one plan may have. Real routes have a handful; the limit keeps a
/// hostile share link or file from carrying a plan big enough to freeze the page.
pub const MAX_STEPS_PER_PLAN: usize = 50;
/// The most plans one person may keep on a device.
pub const MAX_PLANS: usize = 200;
/// The longest screen address remembered as the last screen, in characters. A longer
/// one is not remembered, so a hostile address cannot fill storage and push out backups.
pub const MAX_LAST_SCREEN_CHARS: usize = 512;
/// The longest id Foothold makes or accepts, in characters.
pub const MAX_ID_CHARS: usize = 64;

macro_rules! text_id {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// Makes an id of the form `<prefix>-<counter>-<suffix>`, where the suffix is
            /// derived from `seed` so that ids made on different devices rarely clash.
            pub fn generate(counter: u64, seed: u64) -> Self {
                Self(format!("{}-{counter}-{}", $prefix, id_suffix(seed)))
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// Whether the id has the form Foothold's own ids have: the prefix, a dash,
            /// then lowercase letters, digits and dashes, at most [`MAX_ID_CHARS`] in
            /// all. Only such ids are written into files and addresses, so an id from
            /// an import can never carry a line break or markup into them.
            pub fn is_well_formed(&self) -> bool {
                well_formed_id(&self.0, $prefix)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(text: &str) -> Self {
                Self(text.to_owned())
            }
        }
    };
}

text_id!(
    /// Identifies a saved plan, such as `p-3-k9x2qa`. Unique within the user's data.
    PlanId,
    "p"
);
text_id!(
    /// Identifies an evidence entry, such as `e-12-0f3kz1`. Unique within the user's data.
    EvidenceId,
    "e"
);

fn well_formed_id(id: &str, prefix: &str) -> bool {
    let Some(rest) = id
        .strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix('-'))
    else {
        return false;
    };
    id.len() <= MAX_ID_CHARS
        && !rest.is_empty()
        && rest
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-')
}

// Six base-36 characters from a scrambled seed (splitmix64), so that consecutive seeds
// such as timestamps still give visibly different ids.
fn id_suffix(seed: u64) -> String {
    let mut mixed = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    mixed = (mixed ^ (mixed >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    mixed = (mixed ^ (mixed >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    mixed ^= mixed >> 31;
    const ALPHABET: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    (0..6)
        .map(|_| {
            let character = ALPHABET[(mixed % 36) as usize] as char;
            mixed /= 36;
            character
        })
        .collect()
}

/// Where the user is with one step of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepStatus {
    /// Not begun yet.
    #[default]
    NotStarted,
    /// Being worked on now.
    InProgress,
    /// Achieved.
    Done,
    /// Not needed (for example, already covered another way).
    Skipped,
}

impl StepStatus {
    /// Every status, in the order a step usually moves through them.
    pub const ALL: [StepStatus; 4] = [
        StepStatus::NotStarted,
        StepStatus::InProgress,
        StepStatus::Done,
        StepStatus::Skipped,
    ];

    /// The status as people read it.
    pub fn label(self) -> &'static str {
        match self {
            StepStatus::NotStarted => "Not started",
            StepStatus::InProgress => "In progress",
            StepStatus::Done => "Done",
            StepStatus::Skipped => "Skipped",
        }
    }

    /// True when the step needs no more work (done or skipped).
    pub fn is_finished(self) -> bool {
        matches!(self, StepStatus::Done | StepStatus::Skipped)
    }
}

/// One move of a plan, from one role to the next, with the user's progress on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanStep {
    /// The role moved from.
    pub from: RoleId,
    /// The role moved to.
    pub to: RoleId,
    /// How far the user has got.
    #[serde(default)]
    pub status: StepStatus,
    /// When the user aims to make the move, if they have set a date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_date: Option<Date>,
    /// The user's own notes (at most [`MAX_NOTES_CHARS`] characters).
    #[serde(default)]
    pub notes: String,
    /// The first actions of the move the user has ticked off, by their text (so a tick
    /// stays with its action when the role data changes around it).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub actions_done: BTreeSet<String>,
}

impl PlanStep {
    /// A new step that has not been started.
    pub fn new(from: RoleId, to: RoleId) -> PlanStep {
        PlanStep {
            from,
            to,
            status: StepStatus::NotStarted,
            target_date: None,
            notes: String::new(),
            actions_done: BTreeSet::new(),
        }
    }
}

/// A route the user has decided to follow, with progress, dates and notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// Unique id.
    pub id: PlanId,
    /// The user's name for the plan (1 to [`MAX_NAME_CHARS`] characters).
    pub name: String,
    /// The day the plan was made.
    pub created: Date,
    /// The role the plan starts from.
    pub start: RoleId,
    /// The role the plan aims for.
    pub target: RoleId,
    /// What "best" meant when the route was chosen.
    #[serde(default)]
    pub objective: Objective,
    /// The moves in order; each starts where the one before ended.
    pub steps: Vec<PlanStep>,
    /// The version of the role data the plan was last checked against.
    pub data_version: String,
}

impl Plan {
    /// Every role on the plan in order, from the start to the target.
    pub fn roles(&self) -> Vec<&RoleId> {
        let mut roles = vec![&self.start];
        roles.extend(self.steps.iter().map(|step| &step.to));
        roles
    }
}

/// How much of a working week the user gives to their career moves; it stretches
/// projected dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Pace {
    /// Typical times as the role data gives them.
    #[default]
    FullTime,
    /// A percentage of full time, from [`MIN_PART_TIME_PERCENT`] to 100.
    PartTime(u8),
    /// Full time on the moves themselves: a full-time course, a secondment or a
    /// training post. Each move counts at the short end of its typical range, since the
    /// pack gives ranges, not full-time figures.
    FullTimeOnIt,
}

impl Pace {
    /// Whether the pace is one the app offers: full time, or part time from
    /// [`MIN_PART_TIME_PERCENT`] to 100%.
    pub fn in_range(self) -> bool {
        match self {
            Pace::FullTime | Pace::FullTimeOnIt => true,
            Pace::PartTime(percent) => (MIN_PART_TIME_PERCENT..=100).contains(&percent),
        }
    }

    /// The share of full time, from 0.1 to 1.0; values saved out of range are held
    /// inside it so a projection never divides by zero.
    pub fn fraction(self) -> f64 {
        match self {
            Pace::FullTime | Pace::FullTimeOnIt => 1.0,
            Pace::PartTime(percent) => f64::from(percent.clamp(MIN_PART_TIME_PERCENT, 100)) / 100.0,
        }
    }

    /// The pace as people read it: "Alongside my job" (the typical times, which
    /// describe people making these moves while they keep working) or "Part time (60%)".
    pub fn label(self) -> String {
        match self {
            Pace::FullTime => "Alongside my job".to_owned(),
            Pace::PartTime(percent) => format!("Part time ({percent}%)"),
            Pace::FullTimeOnIt => "Full time".to_owned(),
        }
    }

    /// The months a move counts for at this pace, before the pace's share of full time
    /// divides it: the middle of its typical range, or the short end for
    /// [`Pace::FullTimeOnIt`].
    pub fn months_for(self, typical: Months) -> f64 {
        match self {
            Pace::FullTimeOnIt => f64::from(typical.min),
            Pace::FullTime | Pace::PartTime(_) => {
                (f64::from(typical.min) + f64::from(typical.max)) / 2.0
            }
        }
    }

    /// The pace inside a sentence: "alongside your job" or "part time, at 60% of a
    /// full-time week".
    pub fn phrase(self) -> String {
        match self {
            Pace::FullTime => "alongside your job".to_owned(),
            Pace::PartTime(percent) => format!("part time, at {percent}% of a full-time week"),
            Pace::FullTimeOnIt => {
                "full time, at the short end of each move's typical time".to_owned()
            }
        }
    }
}

/// Something the user did that shows a competency: a course, a project, feedback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceEntry {
    /// Unique id.
    pub id: EvidenceId,
    /// The competency it shows.
    pub competency: CompetencyId,
    /// What the user did, in their words.
    pub what: String,
    /// When.
    pub when: Date,
}

/// Everything the user keeps on this device, saved as one document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AppData {
    /// Saved plans, in the order the user sees them.
    #[serde(default)]
    pub plans: Vec<Plan>,
    /// Competencies held and development completed.
    #[serde(default)]
    pub assessment: SelfAssessment,
    /// The evidence log.
    #[serde(default)]
    pub evidence: Vec<EvidenceEntry>,
    /// Working pace for projected dates.
    #[serde(default)]
    pub pace: Pace,
    /// The screen the user was last on, so the app can reopen there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_screen: Option<String>,
    /// When the user last exported everything, for export reminders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_export: Option<Timestamp>,
}
