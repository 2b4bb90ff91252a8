//! Moving data off and onto the device: export and import files, share links, the print
//! model and calendar files. All pure: the UI does the downloading, file picking and
//! printing.
//!
//! - [`export_all`] / [`export_plan`] give an [`ExportFile`] to download.
//! - [`parse_import`] checks a chosen file and gives an [`ImportPreview`] to confirm;
//!   [`apply`] then works out the new data. Nothing changes before the user confirms.
//! - [`share_fragment`] / [`read_share_fragment`] pack a plan into a link and back.
//! - [`PrintablePlan`] gathers a plan for printing; [`calendar_ics`] makes a calendar.

pub mod base64url;
pub mod calendar;
pub mod files;
pub mod link;
pub mod print;

pub use calendar::{calendar_file_name, calendar_ics, escape_text, fold_line};
pub use files::{
    apply, export_all, export_plan, parse_import, ExportFile, ImportError, ImportMode,
    ImportPreview, MAX_IMPORT_BYTES,
};
pub use link::{
    read_share_fragment, read_shared, share_fragment, share_fragment_from, ShareError, SharedPlan,
    MAX_SHARE_JSON_BYTES, MAX_SHARE_PAYLOAD_CHARS, SHARE_PREFIX, SHARE_VERSION,
};
pub use print::{
    objective_label, pay_in_words, PrintCompetency, PrintEvidence, PrintOpportunity, PrintStep,
    PrintablePlan,
};
