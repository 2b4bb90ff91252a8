//! Reading a role pack from its human-editable TOML source folder.
//!
//! A pack folder holds:
//!
//! | file | contents |
//! |---|---|
//! | `pack.toml` | the [`PackInfo`](super::model::PackInfo) keys at top level |
//! | `competencies.toml` | `[[competency]]` tables |
//! | `opportunities.toml` | `[[opportunity]]` tables |
//! | `roles/*.toml` | `[[role]]` tables, one file per family is usual |
//! | `transitions/*.toml` | `[[transition]]` tables |
//! | `credentials.toml` (optional) | `[[credential]]` tables: registrations and gating qualifications |
//! | `migrations.toml` (optional) | `[[migration]]` tables for renamed or removed ids |
//!
//! The build script includes this file directly, so it may only use `super::model`.

use super::model::{
    Competency, Credential, Opportunity, Pack, PackInfo, Role, RoleMigration, Transition,
};
use serde::Deserialize;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

/// A pack source file that could not be read or parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceError {
    /// The file, relative to the pack folder.
    pub file: String,
    /// What is wrong, from the TOML reader, with a line number where it has one.
    pub message: String,
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CompetencyFile {
    #[serde(default)]
    competency: Vec<Competency>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct OpportunityFile {
    #[serde(default)]
    opportunity: Vec<Opportunity>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RoleFile {
    #[serde(default)]
    role: Vec<Role>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct TransitionFile {
    #[serde(default)]
    transition: Vec<Transition>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CredentialFile {
    #[serde(default)]
    credential: Vec<Credential>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct MigrationFile {
    #[serde(default)]
    migration: Vec<RoleMigration>,
}

/// Every file a pack folder is made of, in a stable order; useful for rebuild triggers.
pub fn source_files(folder: &Path) -> Result<Vec<PathBuf>, SourceError> {
    let mut files = vec![
        folder.join("pack.toml"),
        folder.join("competencies.toml"),
        folder.join("opportunities.toml"),
    ];
    for optional in ["credentials.toml", "migrations.toml"] {
        let file = folder.join(optional);
        if file.exists() {
            files.push(file);
        }
    }
    files.extend(toml_files_in(folder, "roles")?);
    files.extend(toml_files_in(folder, "transitions")?);
    Ok(files)
}

fn toml_files_in(folder: &Path, sub: &str) -> Result<Vec<PathBuf>, SourceError> {
    let dir = folder.join(sub);
    let entries = fs::read_dir(&dir).map_err(|error| SourceError {
        file: format!("{sub}/"),
        message: format!("cannot read the folder: {error}"),
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

fn relative(folder: &Path, file: &Path) -> String {
    file.strip_prefix(folder)
        .unwrap_or(file)
        .to_string_lossy()
        .replace('\\', "/")
}

fn read_toml<T: for<'de> Deserialize<'de>>(folder: &Path, file: &Path) -> Result<T, SourceError> {
    let name = relative(folder, file);
    let text = fs::read_to_string(file).map_err(|error| SourceError {
        file: name.clone(),
        message: format!("cannot read the file: {error}"),
    })?;
    toml::from_str(&text).map_err(|error| SourceError {
        file: name,
        message: error.to_string().trim_end().to_owned(),
    })
}

fn keep<T>(errors: &mut Vec<SourceError>, result: Result<T, SourceError>) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(error) => {
            errors.push(error);
            None
        }
    }
}

/// Reads a whole pack from its source folder, recording which file each item came from.
///
/// This only parses; call the validator to check the pack makes sense.
pub fn read_pack_folder(folder: &Path) -> Result<Pack, Vec<SourceError>> {
    let mut errors = Vec::new();

    let info: Option<PackInfo> = keep(&mut errors, read_toml(folder, &folder.join("pack.toml")));
    let mut competencies = Vec::new();
    let competencies_file = folder.join("competencies.toml");
    if let Some(file) = keep(
        &mut errors,
        read_toml::<CompetencyFile>(folder, &competencies_file),
    ) {
        let origin = relative(folder, &competencies_file);
        competencies.extend(file.competency.into_iter().map(|mut item| {
            item.origin = Some(origin.clone());
            item
        }));
    }
    let mut opportunities = Vec::new();
    let opportunities_file = folder.join("opportunities.toml");
    if let Some(file) = keep(
        &mut errors,
        read_toml::<OpportunityFile>(folder, &opportunities_file),
    ) {
        let origin = relative(folder, &opportunities_file);
        opportunities.extend(file.opportunity.into_iter().map(|mut item| {
            item.origin = Some(origin.clone());
            item
        }));
    }
    let mut credentials = Vec::new();
    let credentials_file = folder.join("credentials.toml");
    if credentials_file.exists() {
        if let Some(file) = keep(
            &mut errors,
            read_toml::<CredentialFile>(folder, &credentials_file),
        ) {
            let origin = relative(folder, &credentials_file);
            credentials.extend(file.credential.into_iter().map(|mut item| {
                item.origin = Some(origin.clone());
                item
            }));
        }
    }
    let mut migrations = Vec::new();
    let migrations_file = folder.join("migrations.toml");
    if migrations_file.exists() {
        if let Some(file) = keep(
            &mut errors,
            read_toml::<MigrationFile>(folder, &migrations_file),
        ) {
            migrations = file.migration;
        }
    }
    let mut roles = Vec::new();
    if let Some(files) = keep(&mut errors, toml_files_in(folder, "roles")) {
        for path in files {
            if let Some(file) = keep(&mut errors, read_toml::<RoleFile>(folder, &path)) {
                let origin = relative(folder, &path);
                roles.extend(file.role.into_iter().map(|mut item| {
                    item.origin = Some(origin.clone());
                    item
                }));
            }
        }
    }
    let mut transitions = Vec::new();
    if let Some(files) = keep(&mut errors, toml_files_in(folder, "transitions")) {
        for path in files {
            if let Some(file) = keep(&mut errors, read_toml::<TransitionFile>(folder, &path)) {
                let origin = relative(folder, &path);
                transitions.extend(
                    file.transition
                        .into_iter()
                        .flat_map(Transition::one_per_start)
                        .map(|mut item| {
                            item.origin = Some(origin.clone());
                            item
                        }),
                );
            }
        }
    }

    match info {
        Some(info) if errors.is_empty() => Ok(Pack {
            info,
            roles,
            transitions,
            competencies,
            opportunities,
            credentials,
            migrations,
        }),
        _ => Err(errors),
    }
}
