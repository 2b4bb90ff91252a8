//! The versioned envelope every saved or exported document is wrapped in, and reading
//! it back from any schema version this build knows, upgrading older ones.
//!
//! ```json
//! { "app": "foothold", "schema": 2, "kind": "store", "data_version": "2026.11.0",
//!   "saved_at": "2026-11-25T09:30:00Z", "generation": 4, "data": { "plans": [] } }
//! ```

use crate::plan::{AppData, Timestamp};
use crate::store::v1;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The `app` value that marks a document as Foothold's.
pub const APP_NAME: &str = "foothold";
/// The schema version this build writes.
pub const CURRENT_SCHEMA: u64 = 2;
/// The oldest schema version this build can still read and upgrade.
pub const OLDEST_SCHEMA: u64 = 1;

/// What a document is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EnvelopeKind {
    /// The app's own saved copy in browser storage (or a backup of it).
    #[default]
    Store,
    /// A file the user exported.
    Export,
}

/// How much of the user's data an export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExportScope {
    /// Every plan plus the self-assessment, evidence log and pace.
    #[default]
    Everything,
    /// One plan only; the rest of the data in the file is empty and means nothing.
    OnePlan,
}

/// The envelope's fields other than the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// What the document is for.
    pub kind: EnvelopeKind,
    /// How much it holds (written for exports only).
    pub scope: ExportScope,
    /// The role data version the plans were saved against.
    pub data_version: String,
    /// When it was written.
    pub saved_at: Timestamp,
    /// Save counter, raised by one on every save, so tabs can tell a newer save from
    /// the one they loaded.
    pub generation: u64,
}

/// A document read back and brought up to the current schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The user's data.
    pub data: AppData,
    /// The schema it was written in.
    pub schema_was: u64,
    /// True when it was upgraded from an older schema (save it again to keep the
    /// upgrade).
    pub migrated: bool,
    /// What the document is for.
    pub kind: EnvelopeKind,
    /// How much it holds.
    pub scope: ExportScope,
    /// When it was written.
    pub saved_at: Timestamp,
    /// The role data version it was saved against.
    pub data_version: String,
    /// Its save counter (0 for schemas before there was one).
    pub generation: u64,
}

/// Why a document could not be read. Nothing is discarded when one of these is
/// returned: the caller still has the text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The text is not JSON at all.
    #[error("it is not readable data ({0})")]
    NotJson(String),
    /// The JSON is not a Foothold document.
    #[error("it was not written by Foothold")]
    NotFoothold,
    /// Written by a newer version of Foothold, in a schema this build does not know.
    #[error("it was written by a newer version of Foothold (format {found}; this version reads up to format {latest}). Reload the page to update Foothold", latest = CURRENT_SCHEMA)]
    NewerSchema {
        /// The schema version found.
        found: u64,
    },
    /// A Foothold document whose contents are damaged; says what is wrong.
    #[error("it is damaged: {0}")]
    Damaged(String),
}

/// The most characters of a reader's own wording (serde's) kept in a message.
const DETAIL_CHARS: usize = 160;

/// Cuts a reader's error wording to a readable length. serde quotes the offending
/// value, which in a hostile file can be a whole megabyte of text.
pub(crate) fn brief(detail: impl std::fmt::Display) -> String {
    let detail = detail.to_string();
    match detail.char_indices().nth(DETAIL_CHARS) {
        Some((cut, _)) => format!("{}…", &detail[..cut]),
        None => detail,
    }
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    app: &'static str,
    schema: u64,
    kind: EnvelopeKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    scope: Option<ExportScope>,
    data_version: &'a str,
    saved_at: Timestamp,
    generation: u64,
    data: &'a AppData,
}

/// Wraps the user's data as the app's own saved copy (kind `store`, generation 0).
///
/// ```
/// use foothold::plan::{AppData, Timestamp};
/// use foothold::store::{decode, encode};
///
/// let saved_at: Timestamp = "2026-11-25T09:30:00Z".parse().unwrap();
/// let text = encode(&AppData::default(), "2026.11.0", saved_at);
/// let back = decode(&text).unwrap();
/// assert_eq!(back.data, AppData::default());
/// assert_eq!(back.saved_at, saved_at);
/// assert!(!back.migrated);
/// ```
pub fn encode(data: &AppData, data_version: &str, saved_at: Timestamp) -> String {
    encode_with(
        data,
        &Header {
            kind: EnvelopeKind::Store,
            scope: ExportScope::Everything,
            data_version: data_version.to_owned(),
            saved_at,
            generation: 0,
        },
    )
}

/// Wraps the user's data with every header field given, in the current schema, as
/// compact JSON.
pub fn encode_with(data: &AppData, header: &Header) -> String {
    // AppData has only string map keys and no floats, so serde_json cannot fail on it
    // whatever the user typed; the fallback is never taken but keeps this panic-free.
    serde_json::to_string(&envelope_out(data, header)).unwrap_or_default()
}

/// Like [`encode_with`], but indented so that a person opening an exported file can
/// read it.
pub fn encode_pretty_with(data: &AppData, header: &Header) -> String {
    serde_json::to_string_pretty(&envelope_out(data, header)).unwrap_or_default()
}

fn envelope_out<'a>(data: &'a AppData, header: &'a Header) -> EnvelopeOut<'a> {
    EnvelopeOut {
        app: APP_NAME,
        schema: CURRENT_SCHEMA,
        kind: header.kind,
        scope: (header.kind == EnvelopeKind::Export).then_some(header.scope),
        data_version: &header.data_version,
        saved_at: header.saved_at,
        generation: header.generation,
        data,
    }
}

fn field<'a>(object: &'a serde_json::Map<String, Value>, name: &str) -> Option<&'a Value> {
    object.get(name).filter(|value| !value.is_null())
}

fn read_field<T: serde::de::DeserializeOwned>(
    object: &serde_json::Map<String, Value>,
    name: &str,
) -> Result<Option<T>, StoreError> {
    match field(object, name) {
        None => Ok(None),
        Some(value) => T::deserialize(value).map(Some).map_err(|error| {
            StoreError::Damaged(format!("the '{name}' field is wrong ({})", brief(error)))
        }),
    }
}

/// Reads a document in any known schema, upgrading older ones to the current one.
/// Anything else is an error value: not JSON, not Foothold's, from a newer version, or
/// damaged (the message says what is wrong).
pub fn decode(text: &str) -> Result<Decoded, StoreError> {
    let value: Value = serde_json::from_str(text).map_err(|error| {
        StoreError::NotJson(format!("line {}, column {}", error.line(), error.column()))
    })?;
    let Value::Object(mut object) = value else {
        return Err(StoreError::NotFoothold);
    };
    if field(&object, "app").and_then(Value::as_str) != Some(APP_NAME) {
        return Err(StoreError::NotFoothold);
    }
    let schema = match field(&object, "schema") {
        Some(Value::Number(number)) => number.as_u64().ok_or_else(|| {
            StoreError::Damaged("the format number is not a whole number".to_owned())
        })?,
        Some(_) => {
            return Err(StoreError::Damaged(
                "the format number is not a number".to_owned(),
            ))
        }
        None => {
            return Err(StoreError::Damaged(
                "the format number is missing".to_owned(),
            ))
        }
    };
    if schema > CURRENT_SCHEMA {
        return Err(StoreError::NewerSchema { found: schema });
    }
    if schema < OLDEST_SCHEMA {
        return Err(StoreError::Damaged(format!(
            "format {schema} is not a format Foothold has used"
        )));
    }
    let kind = read_field(&object, "kind")?.unwrap_or_default();
    let scope = read_field(&object, "scope")?.unwrap_or_default();
    let data_version: String = read_field(&object, "data_version")?.unwrap_or_default();
    let saved_at: Timestamp = read_field(&object, "saved_at")?
        .ok_or_else(|| StoreError::Damaged("the time it was saved is missing".to_owned()))?;
    let generation = read_field(&object, "generation")?.unwrap_or(0);
    let data = object
        .remove("data")
        .ok_or_else(|| StoreError::Damaged("there is no data in it".to_owned()))?;
    let data = upgrade(schema, data, &data_version)?;
    Ok(Decoded {
        data,
        schema_was: schema,
        migrated: schema != CURRENT_SCHEMA,
        kind,
        scope,
        saved_at,
        data_version,
        generation,
    })
}

// Each older schema has one upgrade step to the schema after it. When schema 3 comes,
// the current AppData shape is frozen as a v2 module and a v2-to-v3 step added here.
fn upgrade(schema: u64, data: Value, data_version: &str) -> Result<AppData, StoreError> {
    match schema {
        1 => v1::upgrade(data, data_version),
        _ => serde_json::from_value(data).map_err(|error| {
            StoreError::Damaged(format!("the plans are not as expected ({})", brief(error)))
        }),
    }
}
