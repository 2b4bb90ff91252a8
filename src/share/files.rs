//! Export and import files: the user's plans as a JSON file they can keep, move to
//! another device or send to someone, and reading such a file back with every check
//! done before anything is changed.

use crate::plan::{
    data_problems, replace_malformed_ids, AppData, EvidenceEntry, PlanError, PlanId, Timestamp,
    MAX_PLANS,
};
use crate::store::{
    decode, encode_pretty_with, EnvelopeKind, ExportScope, Header, StoreError, CURRENT_SCHEMA,
};
use std::fmt;

/// The largest file [`parse_import`] reads: 1 MB, far more than any real set of plans.
pub const MAX_IMPORT_BYTES: usize = 1024 * 1024;

/// How many content problems an import error lists before saying "and N more".
const PROBLEMS_SHOWN: usize = 3;

/// A file ready to download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    /// The suggested file name, such as `foothold-plans-2026-11-25.json`.
    pub file_name: String,
    /// The file's text (JSON).
    pub contents: String,
}

fn export(data: &AppData, scope: ExportScope, data_version: &str, now: Timestamp) -> String {
    encode_pretty_with(
        data,
        &Header {
            kind: EnvelopeKind::Export,
            scope,
            data_version: data_version.to_owned(),
            saved_at: now,
            generation: 0,
        },
    )
}

/// Exports everything the user keeps: all plans, the self-assessment, the evidence log
/// and pace.
///
/// ```
/// use foothold::plan::{AppData, Timestamp};
/// use foothold::share::{apply, export_all, parse_import, ImportMode};
///
/// let now: Timestamp = "2026-11-25T09:30:00Z".parse().unwrap();
/// let file = export_all(&AppData::default(), "2026.11.0", now);
/// assert_eq!(file.file_name, "foothold-plans-2026-11-25.json");
///
/// let preview = parse_import(file.contents.as_bytes()).unwrap();
/// assert_eq!(preview.plan_count(), 0);
/// let data = apply(&AppData::default(), &preview, ImportMode::ReplaceAll).unwrap();
/// assert_eq!(data, AppData::default());
/// ```
pub fn export_all(data: &AppData, data_version: &str, now: Timestamp) -> ExportFile {
    ExportFile {
        file_name: format!("foothold-plans-{}.json", now.date()),
        contents: export(data, ExportScope::Everything, data_version, now),
    }
}

/// Exports one plan on its own (no self-assessment or evidence), for example to send
/// to a mentor.
pub fn export_plan(
    data: &AppData,
    id: &PlanId,
    data_version: &str,
    now: Timestamp,
) -> Result<ExportFile, PlanError> {
    let plan = data
        .plan(id)
        .ok_or_else(|| PlanError::NoSuchPlan(id.clone()))?;
    let only = AppData {
        plans: vec![plan.clone()],
        ..AppData::default()
    };
    Ok(ExportFile {
        file_name: format!("foothold-plan-{}.json", now.date()),
        contents: export(&only, ExportScope::OnePlan, data_version, now),
    })
}

/// Why a file cannot be imported. Nothing has been changed when one is returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file is larger than [`MAX_IMPORT_BYTES`].
    TooBig {
        /// Its size in bytes.
        bytes: usize,
    },
    /// The file is not text (not UTF-8).
    NotText,
    /// The file is text but not JSON.
    NotJson,
    /// The file is JSON but not a Foothold file.
    NotFoothold,
    /// The file was made by a newer version of Foothold.
    NewerVersion {
        /// The schema version found.
        schema: u64,
    },
    /// The file is a Foothold file whose contents are damaged; says what is wrong.
    Damaged(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooBig { bytes } => write!(
                f,
                "This file is too big to be a Foothold file ({} KB; the limit is {} KB). Check you chose the right file.",
                bytes.div_ceil(1024),
                MAX_IMPORT_BYTES / 1024
            ),
            ImportError::NotText => f.write_str(
                "This file is not a Foothold file: it is not text. Choose the .json file Foothold exported.",
            ),
            ImportError::NotJson => f.write_str(
                "This file is not a Foothold file: it is not in the JSON format Foothold exports. Choose the .json file Foothold exported.",
            ),
            ImportError::NotFoothold => f.write_str(
                "This file is not a Foothold file. Choose the .json file Foothold exported.",
            ),
            ImportError::NewerVersion { schema } => write!(
                f,
                "This file was made by a newer version of Foothold (format {schema}; this version reads up to format {CURRENT_SCHEMA}). Reload the page to update Foothold, then try again.",
            ),
            ImportError::Damaged(detail) => write!(
                f,
                "This Foothold file is damaged and was not imported: {detail}. Nothing has been changed."
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// What an import file holds, checked and ready to show the user before they choose
/// how to bring it in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPreview {
    /// The data in the file, upgraded to the current schema.
    pub data: AppData,
    /// Whether the file holds everything or one plan.
    pub scope: ExportScope,
    /// When the file was made.
    pub saved_at: Timestamp,
    /// The role data version it was made against.
    pub data_version: String,
    /// The schema it was written in.
    pub schema_was: u64,
    /// True when it was upgraded from an older schema.
    pub migrated: bool,
    /// Ids in the file that were not in Foothold's own form, each with the fresh id it
    /// was given: (id in the file, new id).
    pub replaced_ids: Vec<(String, String)>,
}

impl ImportPreview {
    /// The names of the plans in the file, in order.
    pub fn plan_names(&self) -> Vec<&str> {
        self.data
            .plans
            .iter()
            .map(|plan| plan.name.as_str())
            .collect()
    }

    /// How many plans the file holds.
    pub fn plan_count(&self) -> usize {
        self.data.plans.len()
    }

    /// How many evidence entries the file holds.
    pub fn evidence_count(&self) -> usize {
        self.data.evidence.len()
    }

    /// How many competencies the file marks as held.
    pub fn held_count(&self) -> usize {
        self.data.assessment.held.len()
    }

    /// One sentence saying what the file holds, for the confirmation screen.
    pub fn summary(&self) -> String {
        let plans = counted(self.plan_count(), "plan", "plans");
        let saved = self.saved_at.date().long_form();
        let mut summary = match self.scope {
            ExportScope::OnePlan => format!("This file holds {plans}, saved {saved}."),
            ExportScope::Everything => format!(
                "This file holds {plans}, {} marked as held and {}, saved {saved}.",
                counted(self.held_count(), "competency", "competencies"),
                counted(self.evidence_count(), "evidence entry", "evidence entries"),
            ),
        };
        if !self.replaced_ids.is_empty() {
            summary.push_str(&format!(
                " {} in it had an id Foothold does not use and will be given a new one.",
                counted(self.replaced_ids.len(), "item", "items")
            ));
        }
        summary
    }
}

fn counted(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// Reads an import file and checks it thoroughly: size, text, JSON, that it is a
/// Foothold file of a version this build reads (older ones are upgraded), and that its
/// contents make sense. Nothing is changed; pass the preview to [`apply`] once the
/// user has confirmed.
pub fn parse_import(bytes: &[u8]) -> Result<ImportPreview, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooBig { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    // Some editors add a byte-order mark when a file is saved.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let decoded = decode(text).map_err(|error| match error {
        StoreError::NotJson(_) => ImportError::NotJson,
        StoreError::NotFoothold => ImportError::NotFoothold,
        StoreError::NewerSchema { found } => ImportError::NewerVersion { schema: found },
        StoreError::Damaged(detail) => ImportError::Damaged(detail),
    })?;
    let mut data = decoded.data;
    let replaced_ids = replace_malformed_ids(&mut data);
    let problems = data_problems(&data);
    if let Some(detail) = describe_problems(&problems) {
        return Err(ImportError::Damaged(detail));
    }
    Ok(ImportPreview {
        data,
        scope: decoded.scope,
        saved_at: decoded.saved_at,
        data_version: decoded.data_version,
        schema_was: decoded.schema_was,
        migrated: decoded.migrated,
        replaced_ids,
    })
}

/// Joins the first few problems into one clause; `None` when there are none.
pub(crate) fn describe_problems(problems: &[String]) -> Option<String> {
    if problems.is_empty() {
        return None;
    }
    let mut detail = problems
        .iter()
        .take(PROBLEMS_SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    if problems.len() > PROBLEMS_SHOWN {
        detail.push_str(&format!(
            "; and {} more problem(s)",
            problems.len() - PROBLEMS_SHOWN
        ));
    }
    Some(detail)
}

/// How to bring an import in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImportMode {
    /// The file's plans replace all saved plans. A whole-data file also replaces the
    /// self-assessment, evidence log and pace; a one-plan file leaves those alone. The
    /// current screen and last export time are always kept.
    ReplaceAll,
    /// The file's plans are added alongside the saved ones, each with a fresh id; held
    /// competencies and completed development are merged, and evidence entries not
    /// already logged are added. Pace stays as it is.
    AddAsCopies,
}

/// Works out the user's data after an import, without changing `existing`. The UI
/// calls this only after the user has confirmed the preview, then saves the result.
/// Imported plans may name roles from another data version: run
/// [`migrate_roles`](crate::plan::migrate_roles) on them as on any loaded plan.
/// Refused with [`PlanError::TooManyPlans`] when adding copies would take the user past
/// [`MAX_PLANS`] plans.
pub fn apply(
    existing: &AppData,
    preview: &ImportPreview,
    mode: ImportMode,
) -> Result<AppData, PlanError> {
    let incoming = &preview.data;
    Ok(match mode {
        ImportMode::ReplaceAll => match preview.scope {
            // Where the user is and when this browser last exported stay as they are.
            ExportScope::Everything => AppData {
                last_screen: existing.last_screen.clone(),
                last_export: existing.last_export,
                ..incoming.clone()
            },
            ExportScope::OnePlan => AppData {
                plans: incoming.plans.clone(),
                ..existing.clone()
            },
        },
        ImportMode::AddAsCopies => {
            if existing.plans.len() + incoming.plans.len() > MAX_PLANS {
                return Err(PlanError::TooManyPlans);
            }
            let mut merged = existing.clone();
            for (position, plan) in incoming.plans.iter().enumerate() {
                merged.add_as_copy(plan.clone(), position as u64)?;
            }
            if preview.scope == ExportScope::Everything {
                merge_assessment_and_evidence(&mut merged, incoming);
            }
            merged
        }
    })
}

fn merge_assessment_and_evidence(merged: &mut AppData, incoming: &AppData) {
    merged
        .assessment
        .held
        .extend(incoming.assessment.held.iter().cloned());
    merged
        .assessment
        .completed
        .extend(incoming.assessment.completed.iter().cloned());
    for (position, entry) in incoming.evidence.iter().enumerate() {
        let already_logged = merged.evidence.iter().any(|existing| {
            existing.competency == entry.competency
                && existing.what == entry.what
                && existing.when == entry.when
        });
        if already_logged {
            continue;
        }
        let id = if merged
            .evidence
            .iter()
            .any(|existing| existing.id == entry.id)
        {
            merged.new_evidence_id(position as u64)
        } else {
            entry.id.clone()
        };
        merged.evidence.push(EvidenceEntry {
            id,
            ..entry.clone()
        });
    }
}
