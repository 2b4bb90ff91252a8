//! Small components named for what the user sees.

pub mod app_link;
pub mod error_summary;
pub mod evidence_tag;
pub mod layout;
pub mod messages;
pub mod opportunity_facts;
pub mod pace_choice;
pub mod plan_progress;
pub mod role_map;
pub mod role_picker;
pub mod route_card;
pub mod step_list;

pub use app_link::{app_link, styled_app_link};
pub use error_summary::{ErrorSummary, FieldError};
pub use evidence_tag::{
    evidence_meaning, evidence_tag, grade_tag, route_evidence_sentence, with_terms_explained,
    Graded,
};
pub use layout::{footer, header};
pub use messages::{live_region, notice_banner, other_tab_banner, save_problem};
pub use opportunity_facts::{
    cost_to_you, fact_row, opportunity_facts, opportunity_line, status_text,
};
pub use pace_choice::PaceChoice;
pub use plan_progress::plan_progress;
pub use role_map::RoleMap;
pub use role_picker::RolePicker;
pub use route_card::route_card;
pub use step_list::step_list;
