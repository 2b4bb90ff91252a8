//! Share links: a whole plan packed into the URL fragment, so it can be sent to a
//! mentor without any server. The fragment never leaves the browser when the link is
//! opened, because browsers do not send fragments to the web server.
//!
//! Packing is compact JSON, then deflate, then URL-safe base64. Reading is guarded at
//! every stage: a length limit on the link, a size limit on decompression (so a tiny
//! link cannot expand into gigabytes), and the same content checks as an import.

use crate::plan::{plan_problems, replacement_plan_id, Date, Plan};
use crate::share::base64url;
use crate::share::files::describe_problems;
use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a share link's fragment starts with; the app's router shows a shared plan for it.
pub const SHARE_PREFIX: &str = "#/shared/";
/// The share format this build writes.
pub const SHARE_VERSION: u32 = 1;
/// The longest payload accepted, in characters (about 96 KB of compressed plan).
pub const MAX_SHARE_PAYLOAD_CHARS: usize = 128 * 1024;
/// The most a payload may decompress to, in bytes.
pub const MAX_SHARE_JSON_BYTES: usize = 512 * 1024;

#[derive(Serialize)]
struct SharedOut<'a> {
    v: u32,
    plan: &'a Plan,
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    on: Option<Date>,
}

// Older links have no `by` or `on`; older builds ignore them in newer links.
#[derive(Deserialize)]
struct SharedIn {
    v: u32,
    plan: serde_json::Value,
    #[serde(default)]
    by: Option<String>,
    #[serde(default)]
    on: Option<serde_json::Value>,
}

/// A plan read from a share link, with who shared it and when, where the link says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedPlan {
    /// The plan.
    pub plan: Plan,
    /// The name the sender gave, if any.
    pub by: Option<String>,
    /// The day the link was made, if the link says.
    pub on: Option<Date>,
}

/// The longest sender name kept from a link, in characters.
const MAX_SENDER_CHARS: usize = 80;

/// Why a share link could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The text is not a Foothold share link.
    NotAShareLink,
    /// The link is far longer than any shared plan.
    TooLong,
    /// The link has been cut short or changed (for example by an email program).
    Garbled,
    /// The link would unpack to more than any plan needs.
    TooLarge,
    /// The link was made by a newer version of Foothold.
    NewerVersion(u32),
    /// The link unpacks, but not to a sound plan; says what is wrong.
    NotAPlan(String),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::NotAShareLink => f.write_str("This is not a Foothold share link."),
            ShareError::TooLong => f.write_str(
                "This share link is too long to be a Foothold plan. Ask for the plan as an exported file instead.",
            ),
            ShareError::Garbled => f.write_str(
                "This share link is incomplete or has been changed, so the plan cannot be read. Ask the sender to copy the whole link again.",
            ),
            ShareError::TooLarge => f.write_str(
                "This share link unpacks to far more than a plan, so it was not opened.",
            ),
            ShareError::NewerVersion(version) => write!(
                f,
                "This share link was made by a newer version of Foothold (share format {version}). Reload the page to update Foothold, then open the link again."
            ),
            ShareError::NotAPlan(detail) => write!(
                f,
                "This share link does not hold a plan Foothold can open: {detail}."
            ),
        }
    }
}

impl std::error::Error for ShareError {}

/// Packs a plan into a URL fragment, `#/shared/<payload>`, to put after the app's
/// address. Everything in the plan goes in, notes included: clear notes on a copy
/// first if the user does not want to share them.
///
/// ```
/// # use foothold::graph::RoleGraph;
/// # use foothold::plan::{Plan, PlanId};
/// # use foothold::planner::Objective;
/// use foothold::share::{read_share_fragment, share_fragment};
/// # let graph = RoleGraph::new_unchecked(foothold::graph::bundled_pack_data().unwrap());
/// # let t = graph.transitions()[0].clone();
/// # let plan = Plan::from_route(&graph, &[t.from.clone(), t.to.clone()],
/// #     Objective::ShortestTime, "For my mentor", "2026-01-05".parse().unwrap(),
/// #     PlanId::generate(1, 1)).unwrap();
/// let fragment = share_fragment(&plan);
/// assert!(fragment.starts_with("#/shared/"));
/// let link = format!("https://example.org/foothold/{fragment}");
/// assert_eq!(read_share_fragment(&link), Ok(plan));
/// ```
pub fn share_fragment(plan: &Plan) -> String {
    share_fragment_from(plan, None, None)
}

/// Like [`share_fragment`], also saying who shares the plan (a blank name is left out)
/// and on which day, so a mentor sees both.
pub fn share_fragment_from(plan: &Plan, by: Option<&str>, on: Option<Date>) -> String {
    let by = by.map(str::trim).filter(|name| !name.is_empty());
    let shared = SharedOut {
        v: SHARE_VERSION,
        plan,
        by,
        on,
    };
    // A plan has only string keys and no floats, so this cannot fail.
    let json = serde_json::to_vec(&shared).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    format!("{SHARE_PREFIX}{}", base64url::encode(&packed))
}

/// Reads a plan from a share link, its fragment, or the fragment without `#`. The
/// plan keeps the sender's id when it is in Foothold's own form and gets a fresh one
/// (the same for the same link) when it is not; add it with
/// [`AppData::add_as_copy`](crate::plan::AppData::add_as_copy).
pub fn read_share_fragment(text: &str) -> Result<Plan, ShareError> {
    read_shared(text).map(|shared| shared.plan)
}

/// Reads a share link like [`read_share_fragment`], with who shared it and when. A
/// sender or date the link garbles is left out rather than refusing the plan.
pub fn read_shared(text: &str) -> Result<SharedPlan, ShareError> {
    let text = text.trim();
    let payload = match text.find(SHARE_PREFIX) {
        Some(start) => &text[start + SHARE_PREFIX.len()..],
        None => text
            .strip_prefix(&SHARE_PREFIX[1..])
            .ok_or(ShareError::NotAShareLink)?,
    };
    if payload.is_empty() {
        return Err(ShareError::NotAShareLink);
    }
    if payload.len() > MAX_SHARE_PAYLOAD_CHARS {
        return Err(ShareError::TooLong);
    }
    let packed = base64url::decode(payload).ok_or(ShareError::Garbled)?;
    let json = decompress_to_vec_with_limit(&packed, MAX_SHARE_JSON_BYTES).map_err(|error| {
        if error.status == TINFLStatus::HasMoreOutput {
            ShareError::TooLarge
        } else {
            ShareError::Garbled
        }
    })?;
    let shared: SharedIn = serde_json::from_slice(&json).map_err(|_| ShareError::Garbled)?;
    if shared.v > SHARE_VERSION {
        return Err(ShareError::NewerVersion(shared.v));
    }
    let mut plan: Plan = serde_json::from_value(shared.plan).map_err(|error| {
        ShareError::NotAPlan(format!(
            "its contents are not as expected ({})",
            crate::store::envelope::brief(error)
        ))
    })?;
    if !plan.id.is_well_formed() {
        plan.id = replacement_plan_id(fnv1a(payload.as_bytes()));
    }
    if let Some(detail) = describe_problems(&plan_problems(&plan, 0)) {
        return Err(ShareError::NotAPlan(detail));
    }
    let by = shared
        .by
        .map(|name| {
            name.trim()
                .chars()
                .take(MAX_SENDER_CHARS)
                .collect::<String>()
        })
        .filter(|name| !name.is_empty());
    let on = shared.on.and_then(|on| serde_json::from_value(on).ok());
    Ok(SharedPlan { plan, by, on })
}

/// A fast, stable hash (FNV-1a), so a link always gives its plan the same fresh id.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
