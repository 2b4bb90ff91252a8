//! The role pack's data types: roles, transitions between them, competencies and
//! development opportunities, exactly as a pack author writes them.
//!
//! This file depends only on `serde` (and `schemars` off the web), because the build
//! script includes it directly to compile the bundled pack. Keep it that way: no
//! `crate::` paths in here (the build script includes `funding.rs` beside it too).

pub use super::funding::{CostToYou, DegreeEntry};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

macro_rules! slug_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// Makes an id from a slug such as `digital-nurse`.
            pub fn new(slug: impl Into<String>) -> Self {
                Self(slug.into())
            }

            /// The slug as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(slug: &str) -> Self {
                Self(slug.to_owned())
            }
        }
    };
}

slug_id!(
    /// Stable identifier of a role, a lower-case slug such as `chief-nursing-information-officer`.
    /// Ids are kept forever: renames and removals go into the pack's migration map.
    RoleId
);
slug_id!(
    /// Stable identifier of a competency, such as `data-visualisation`.
    CompetencyId
);
slug_id!(
    /// Stable identifier of a development opportunity, such as `topol-digital-fellowship`.
    OpportunityId
);
slug_id!(
    /// Stable identifier of a credential (a professional registration or a qualification
    /// that gates roles), such as `nmc-nurse`.
    CredentialId
);

/// What kind of credential a pack declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum CredentialKind {
    /// Registration with a statutory regulator (NMC, HCPC, GPhC, GMC), including entry on
    /// a specialist part of a register (the GMC Specialist or GP Register).
    Registration,
    /// A qualification that employers make essential for a role, so that a route cannot
    /// pass through the role without it.
    Qualification,
}

impl CredentialKind {
    /// The kind's name as people read it.
    pub fn label(self) -> &'static str {
        match self {
            CredentialKind::Registration => "Professional registration",
            CredentialKind::Qualification => "Qualification",
        }
    }
}

/// Something a person holds that gates roles: a professional registration or a gating
/// qualification. Credentials belong to the person and travel with them along a route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Credential {
    /// Stable id.
    pub id: CredentialId,
    /// What the person holds, as people say it: "Registration as a nurse".
    pub name: String,
    /// A registration or a qualification.
    pub kind: CredentialKind,
    /// The regulator or body that grants it: "Nursing and Midwifery Council (NMC)".
    pub body: String,
    /// How people usually get it, in plain words (shown when a route needs it).
    pub how_to_get: String,
    /// Why it gates roles in this pack (required for qualifications).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why_it_gates: Option<String>,
    /// True when the usual ways in are degree courses or degree apprenticeships, so a
    /// route that gains it asks for a degree (or earns one on the way).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub needs_degree: bool,
    /// The sources behind the item: bare web addresses or records with a title and
    /// publisher (see [`Source`]).
    pub sources: Vec<Source>,
    /// File the item was read from (set by the loader, never written to the bundle).
    #[serde(skip)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub origin: Option<String>,
}

/// The credentials a role asks for: every one of `all_of`, and at least one of `any_of`
/// when that list is not empty.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// Credentials the person must hold, every one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub all_of: Vec<CredentialId>,
    /// Credentials of which the person must hold at least one (none when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub any_of: Vec<CredentialId>,
}

impl Requirement {
    /// True when the role asks for no credential at all.
    pub fn is_empty(&self) -> bool {
        self.all_of.is_empty() && self.any_of.is_empty()
    }

    /// Every credential the requirement names, `all_of` first.
    pub fn named(&self) -> impl Iterator<Item = &CredentialId> {
        self.all_of.iter().chain(&self.any_of)
    }
}

/// The most first actions a move lists.
pub const MAX_ACTIONS: usize = 3;

/// The longest a first action may be, in characters: one plain sentence.
pub const MAX_ACTION_CHARS: usize = 200;

/// The career family a role belongs to; used for grouping, filtering and map rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    /// Registered clinical professions people start from: nursing, midwifery, AHPs, pharmacy, medicine.
    ClinicalPractice,
    /// Administration, clerical, health records and support work.
    Administration,
    /// Graduates, school leavers, apprentices and people changing career.
    EarlyCareers,
    /// Clinical informatics and digital clinical leadership.
    ClinicalInformatics,
    /// Data, analytics, clinical coding and information governance.
    DataAnalytics,
    /// NHS knowledge and library services: librarians, knowledge specialists and managers.
    KnowledgeLibrary,
    /// Technology, engineering and IT operations.
    Technology,
    /// Cyber security.
    CyberSecurity,
    /// Product, delivery, business analysis, user-centred design and programme offices.
    ProductDelivery,
    /// Senior digital leadership: heads of, directors and chief officers.
    Leadership,
}

impl Family {
    /// Every family in display order (the order of rows on the role map).
    pub const ALL: [Family; 10] = [
        Family::ClinicalPractice,
        Family::Administration,
        Family::EarlyCareers,
        Family::ClinicalInformatics,
        Family::DataAnalytics,
        Family::KnowledgeLibrary,
        Family::Technology,
        Family::CyberSecurity,
        Family::ProductDelivery,
        Family::Leadership,
    ];

    /// The family's name as people read it.
    pub fn label(self) -> &'static str {
        match self {
            Family::ClinicalPractice => "Clinical practice",
            Family::Administration => "Administration and support",
            Family::EarlyCareers => "Early careers and career changers",
            Family::ClinicalInformatics => "Clinical informatics",
            Family::DataAnalytics => "Data and analytics",
            Family::KnowledgeLibrary => "Knowledge and library services",
            Family::Technology => "Technology and engineering",
            Family::CyberSecurity => "Cyber security",
            Family::ProductDelivery => "Product, delivery and design",
            Family::Leadership => "Digital leadership",
        }
    }

    /// The slug used in data files and URLs.
    pub fn slug(self) -> &'static str {
        match self {
            Family::ClinicalPractice => "clinical-practice",
            Family::Administration => "administration",
            Family::EarlyCareers => "early-careers",
            Family::ClinicalInformatics => "clinical-informatics",
            Family::DataAnalytics => "data-analytics",
            Family::KnowledgeLibrary => "knowledge-library",
            Family::Technology => "technology",
            Family::CyberSecurity => "cyber-security",
            Family::ProductDelivery => "product-delivery",
            Family::Leadership => "leadership",
        }
    }

    /// Reads a family from its slug.
    pub fn from_slug(slug: &str) -> Option<Family> {
        Family::ALL.into_iter().find(|family| family.slug() == slug)
    }
}

/// A pay grade: an Agenda for Change band, a medical contract, or very senior manager pay.
///
/// Bands are ordered from 2 up to 9 and then very senior manager. Medical contracts sit
/// outside that scale; they order after everything so that sorting is total, but a band
/// ceiling never excludes them (see [`Band::within_ceiling`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    /// Agenda for Change band 2.
    B2,
    /// Agenda for Change band 3.
    B3,
    /// Agenda for Change band 4.
    B4,
    /// Agenda for Change band 5.
    B5,
    /// Agenda for Change band 6.
    B6,
    /// Agenda for Change band 7.
    B7,
    /// Agenda for Change band 8a.
    B8a,
    /// Agenda for Change band 8b.
    B8b,
    /// Agenda for Change band 8c.
    B8c,
    /// Agenda for Change band 8d.
    B8d,
    /// Agenda for Change band 9.
    B9,
    /// Very senior manager pay, set locally (board-level roles).
    VerySeniorManager,
    /// Paid on a medical or dental contract, not Agenda for Change.
    MedicalContract,
}

impl Band {
    /// Every band, lowest first.
    pub const ALL: [Band; 13] = [
        Band::B2,
        Band::B3,
        Band::B4,
        Band::B5,
        Band::B6,
        Band::B7,
        Band::B8a,
        Band::B8b,
        Band::B8c,
        Band::B8d,
        Band::B9,
        Band::VerySeniorManager,
        Band::MedicalContract,
    ];

    /// The short code used in data files: `2` to `9`, `8a` to `8d`, `vsm`, `medical`.
    pub fn code(self) -> &'static str {
        match self {
            Band::B2 => "2",
            Band::B3 => "3",
            Band::B4 => "4",
            Band::B5 => "5",
            Band::B6 => "6",
            Band::B7 => "7",
            Band::B8a => "8a",
            Band::B8b => "8b",
            Band::B8c => "8c",
            Band::B8d => "8d",
            Band::B9 => "9",
            Band::VerySeniorManager => "vsm",
            Band::MedicalContract => "medical",
        }
    }

    /// How people read the band: "Band 8a", "Very senior manager", "Medical contract".
    pub fn label(self) -> String {
        match self {
            Band::VerySeniorManager => "Very senior manager".to_owned(),
            Band::MedicalContract => "Medical contract".to_owned(),
            other => format!("Band {}", other.code()),
        }
    }

    /// Whether a role at this band stays within a ceiling the user chose.
    /// Medical contracts are not on the Agenda for Change scale, so no ceiling excludes them.
    pub fn within_ceiling(self, ceiling: Band) -> bool {
        self == Band::MedicalContract || self <= ceiling
    }
}

impl fmt::Display for Band {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

impl FromStr for Band {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let code = text.trim().to_ascii_lowercase();
        Band::ALL
            .into_iter()
            .find(|band| band.code() == code)
            .ok_or_else(|| {
                format!("`{text}` is not a band: use 2 to 9, 8a to 8d, `vsm` or `medical`")
            })
    }
}

impl Serialize for Band {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Band {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// The pay range a role is usually advertised at, lowest band first.
///
/// Written in data files as `"6"`, `"6-7"`, `"8b-8d"`, `"9-vsm"` or `"medical"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BandRange {
    /// The lowest band the role is usually advertised at.
    pub min: Band,
    /// The highest band the role is usually advertised at.
    pub max: Band,
}

impl BandRange {
    /// Whether the range runs from a lower band up to a higher one (never downwards, and
    /// never mixing a medical contract with Agenda for Change bands).
    pub fn is_ordered(&self) -> bool {
        let medical = (
            self.min == Band::MedicalContract,
            self.max == Band::MedicalContract,
        );
        match medical {
            (true, true) => true,
            (false, false) => self.min <= self.max,
            _ => false,
        }
    }
}

impl fmt::Display for BandRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.min == self.max {
            write!(f, "{}", self.min.label())
        } else if self.max == Band::VerySeniorManager {
            write!(f, "{} to very senior manager", self.min.label())
        } else {
            write!(f, "Bands {} to {}", self.min.code(), self.max.code())
        }
    }
}

impl FromStr for BandRange {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.split_once('-') {
            Some((low, high)) => Ok(BandRange {
                min: low.parse()?,
                max: high.parse()?,
            }),
            None => {
                let band: Band = text.parse()?;
                Ok(BandRange {
                    min: band,
                    max: band,
                })
            }
        }
    }
}

impl Serialize for BandRange {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.min == self.max {
            serializer.serialize_str(self.min.code())
        } else {
            serializer.serialize_str(&format!("{}-{}", self.min.code(), self.max.code()))
        }
    }
}

impl<'de> Deserialize<'de> for BandRange {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for BandRange {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "BandRange".into()
    }

    fn json_schema(_generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A band or a range of bands: \"6\", \"6-7\", \"8b-8d\", \"9-vsm\", \"medical\"",
            "pattern": "^(2|3|4|5|6|7|8a|8b|8c|8d|9|vsm|medical)(-(2|3|4|5|6|7|8a|8b|8c|8d|9|vsm|medical))?$"
        })
    }
}

/// How well a fact is backed, so users can tell a sourced fact from an informed estimate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Evidence {
    /// Stated for this role or move by a primary source: a national body, a regulator, a
    /// professional body, a programme's own page, NHS Employers, a trust's job description
    /// or an NHS Jobs advert. Press and blogs may support it but never make it.
    Sourced,
    /// Worked out from a primary source specific to the role (a named national job profile
    /// or a named framework role), though no source states the fact outright.
    Derived,
    /// An informed assumption by the pack's authors: no primary source states it, though
    /// press or other supporting sources may be cited.
    Assumed,
}

impl Evidence {
    /// Short label shown on cards.
    pub fn label(self) -> &'static str {
        match self {
            Evidence::Sourced => "Sourced",
            Evidence::Derived => "Derived from a source about this role",
            Evidence::Assumed => "Informed estimate",
        }
    }

    /// What the grade means, in a sentence.
    pub fn meaning(self) -> &'static str {
        match self {
            Evidence::Sourced => {
                "A primary source (a national body, regulator, professional body, programme, NHS Employers or an employer's own advert) states this for this role or move."
            }
            Evidence::Derived => {
                "Worked out from a primary source about this role, such as a named national job profile or framework role; no source states it outright."
            }
            Evidence::Assumed => {
                "Our informed estimate: no primary source states it, and any sources shown only support it. Check it against current job adverts before relying on it."
            }
        }
    }
}

/// Whether a source can make an evidence grade or only support one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// An organisation speaking for itself: a national body, regulator, professional
    /// body, programme, NHS Employers, or an employer's own job description or advert.
    Primary,
    /// Press, blogs, job boards, case studies, suppliers: may support a grade, never make
    /// one.
    Supporting,
}

/// A source written as a record: where it is, what it is, who published it, and when
/// the authors last checked it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SourceRecord {
    /// The page's `https:` address.
    pub url: String,
    /// The page's title, in short.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Who published it: "NHS Employers", "Nursing and Midwifery Council".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Primary or supporting; left out, it is worked out from the address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<SourceKind>,
    /// When the authors last read it, `YYYY-MM-DD`; left out, the pack's `checked` date
    /// applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<String>,
}

/// One source behind a role, move, opportunity or credential.
///
/// A pack may write a bare address (the older form, kept so small packs stay easy to
/// write) or a record with a title and publisher; both read into this type, and a bare
/// address stays a bare string in the compiled JSON to keep the bundle small.
///
/// ```
/// use foothold::graph::Source;
/// let bare: Source = serde_json::from_str(r#""https://www.nmc.org.uk/""#).unwrap();
/// assert_eq!(bare.url(), "https://www.nmc.org.uk/");
/// let record: Source = serde_json::from_str(
///     r#"{"url": "https://www.nmc.org.uk/", "title": "The register", "publisher": "NMC"}"#,
/// ).unwrap();
/// assert_eq!(record.link_text(), "The register (NMC)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Source {
    /// A bare web address.
    Address(String),
    /// A record with a title, publisher, kind and date checked.
    Record(SourceRecord),
}

impl Source {
    /// The web address.
    pub fn url(&self) -> &str {
        match self {
            Source::Address(url) => url,
            Source::Record(record) => &record.url,
        }
    }

    /// The title, where the pack gives one.
    pub fn title(&self) -> Option<&str> {
        match self {
            Source::Address(_) => None,
            Source::Record(record) => record.title.as_deref(),
        }
    }

    /// The publisher, where the pack gives one.
    pub fn publisher(&self) -> Option<&str> {
        match self {
            Source::Address(_) => None,
            Source::Record(record) => record.publisher.as_deref(),
        }
    }

    /// The kind the pack declares, if any.
    pub fn declared_kind(&self) -> Option<SourceKind> {
        match self {
            Source::Address(_) => None,
            Source::Record(record) => record.kind,
        }
    }

    /// The date the source was last checked, where the pack gives one for it alone.
    pub fn checked(&self) -> Option<&str> {
        match self {
            Source::Address(_) => None,
            Source::Record(record) => record.checked.as_deref(),
        }
    }

    /// Words for a link to the source: "title (publisher)", the title or publisher
    /// alone, or the address shortened (no scheme, no `www.`, no trailing slash).
    pub fn link_text(&self) -> String {
        match (self.title(), self.publisher()) {
            (Some(title), Some(publisher)) => format!("{title} ({publisher})"),
            (Some(title), None) => title.to_owned(),
            (None, Some(publisher)) => publisher.to_owned(),
            (None, None) => {
                let url = self.url();
                let without_scheme = url
                    .strip_prefix("https://")
                    .or_else(|| url.strip_prefix("http://"))
                    .unwrap_or(url);
                let without_www = without_scheme
                    .strip_prefix("www.")
                    .unwrap_or(without_scheme);
                without_www.trim_end_matches('/').to_owned()
            }
        }
    }
}

impl From<&str> for Source {
    fn from(url: &str) -> Self {
        Source::Address(url.to_owned())
    }
}

impl From<String> for Source {
    fn from(url: String) -> Self {
        Source::Address(url)
    }
}

/// The public framework a competency comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Framework {
    /// Government Digital and Data Profession Capability Framework (DDaT).
    Ddat,
    /// Faculty of Clinical Informatics core competency framework (domain names only).
    FciCcf,
    /// Health and Care Digital Capabilities Framework (digital literacy domains).
    HeeDcf,
    /// AI and Digital Healthcare Technologies Capability Framework.
    AiDht,
    /// National Competency Framework for Data Professionals in Health and Care.
    Ncf,
    /// Clinical risk management standards DCB0129 and DCB0160.
    Dcb,
    /// Professional registration and body requirements (FEDIP, BCS, FCI, AphA).
    Professional,
    /// NHS context the pack's authors describe in their own words.
    NhsContext,
}

impl Framework {
    /// The framework's name as people read it.
    pub fn label(self) -> &'static str {
        match self {
            Framework::Ddat => "Government Digital and Data Capability Framework",
            Framework::FciCcf => "Faculty of Clinical Informatics core competency framework",
            Framework::HeeDcf => "Health and Care Digital Capabilities Framework",
            Framework::AiDht => "AI and Digital Healthcare Technologies Capability Framework",
            Framework::Ncf => "National Competency Framework for Data Professionals",
            Framework::Dcb => "Clinical risk management standards DCB0129 and DCB0160",
            Framework::Professional => "Professional registration and membership",
            Framework::NhsContext => "NHS working context",
        }
    }
}

/// A capability a person can hold, and that roles need and transitions build.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Competency {
    /// Stable id.
    pub id: CompetencyId,
    /// Short name, e.g. "Data visualisation".
    pub name: String,
    /// The framework it is drawn from.
    pub framework: Framework,
    /// One or two sentences, in the pack authors' own words.
    pub summary: String,
    /// File the item was read from (set by the loader, never written to the bundle).
    #[serde(skip)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub origin: Option<String>,
}

/// What kind of development a development opportunity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum OpportunityKind {
    /// A leadership development programme.
    LeadershipProgramme,
    /// A fellowship or scholarship.
    Fellowship,
    /// A graduate scheme.
    GraduateScheme,
    /// An apprenticeship standard.
    Apprenticeship,
    /// Professional registration.
    Registration,
    /// Membership of a professional body.
    Membership,
    /// A professional network or community.
    Network,
    /// A mentoring programme.
    Mentoring,
    /// A bursary or funding scheme.
    Bursary,
    /// A course or formal training.
    Training,
    /// Learning people do on their own.
    SelfDirected,
}

impl OpportunityKind {
    /// The kind's name as people read it.
    pub fn label(self) -> &'static str {
        match self {
            OpportunityKind::LeadershipProgramme => "Leadership programme",
            OpportunityKind::Fellowship => "Fellowship or scholarship",
            OpportunityKind::GraduateScheme => "Graduate scheme",
            OpportunityKind::Apprenticeship => "Apprenticeship",
            OpportunityKind::Registration => "Professional registration",
            OpportunityKind::Membership => "Membership",
            OpportunityKind::Network => "Network",
            OpportunityKind::Mentoring => "Mentoring",
            OpportunityKind::Bursary => "Bursary",
            OpportunityKind::Training => "Training",
            OpportunityKind::SelfDirected => "Self-directed learning",
        }
    }
}

/// A programme, qualification, membership or other development that helps people move on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Opportunity {
    /// Stable id.
    pub id: OpportunityId,
    /// Its name.
    pub title: String,
    /// What kind of development it is.
    pub kind: OpportunityKind,
    /// Who it is for, including eligibility where public.
    pub for_whom: String,
    /// How long it takes, as people would say it ("12 months part-time").
    pub length: String,
    /// Cost or funding where public; absent where unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<String>,
    /// What it costs the person who takes it; `not-published` when left out.
    #[serde(default)]
    pub to_you: CostToYou,
    /// Whether it needs a degree to start or gives one; `not-published` when left out.
    #[serde(default)]
    pub degree: DegreeEntry,
    /// Apprenticeship level (2 to 7), for apprenticeships.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// The programme's typical length in whole months, `[shortest, typical longest]`,
    /// where its own page publishes one; moves that cite it must allow at least the
    /// longer figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<Months>,
    /// Competencies that completing it builds; completing it counts them as held.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub develops: Vec<CompetencyId>,
    /// Credentials that completing it gives (a nursing degree apprenticeship gives
    /// registration as a nurse); completing it counts them as held.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grants: Vec<CredentialId>,
    /// Summary in the pack authors' own words.
    pub summary: String,
    /// Whether it was running when the authors last checked; `unknown` unless a source
    /// read on the date checked confirmed it.
    #[serde(default)]
    pub status: OpportunityStatus,
    /// What is known about the status, in plain words ("No intake after 2023 could be
    /// confirmed").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_note: Option<String>,
    /// When the status was last checked, `YYYY-MM-DD`; left out, the pack's `checked`
    /// date applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<String>,
    /// The sources behind the item: bare web addresses or records with a title and
    /// publisher (see [`Source`]).
    pub sources: Vec<Source>,
    /// File the item was read from (set by the loader, never written to the bundle).
    #[serde(skip)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub origin: Option<String>,
}

/// Whether a programme or scheme was running when the pack's authors last checked.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum OpportunityStatus {
    /// Running and taking people, as its own page said when checked.
    Open,
    /// Closed or retired.
    Closed,
    /// Still running but changed (a new version, a new name, different terms).
    Changed,
    /// Its current status could not be confirmed.
    #[default]
    Unknown,
}

impl OpportunityStatus {
    /// The status in plain words, for the app.
    pub fn label(self) -> &'static str {
        match self {
            OpportunityStatus::Open => "Open",
            OpportunityStatus::Closed => "Closed",
            OpportunityStatus::Changed => "Changed: check the current details before applying",
            OpportunityStatus::Unknown => "We could not confirm its current status",
        }
    }
}

/// A job people hold or aim for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Stable id.
    pub id: RoleId,
    /// The title most used in the NHS.
    pub title: String,
    /// Other titles the role goes by, searched as well as the title.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_known_as: Vec<String>,
    /// Its career family.
    pub family: Family,
    /// The bands it is usually advertised at.
    pub bands: BandRange,
    /// How well the band range is backed.
    pub evidence: Evidence,
    /// True for roles people start from (nurse, administrator, graduate and so on).
    #[serde(default)]
    pub entry: bool,
    /// True for senior roles where a career path may end, so having no ways on is fine.
    #[serde(default)]
    pub senior_terminal: bool,
    /// The credentials a person needs to take the role: a route only enters the role
    /// when the person holds them by then.
    #[serde(default, skip_serializing_if = "Requirement::is_empty")]
    pub requires: Requirement,
    /// For roles people start from: the credentials everyone in the role holds (a
    /// registered nurse holds registration as a nurse).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holds: Vec<CredentialId>,
    /// For roles people start from that cover several professions: everyone in the role
    /// holds one of these, and the person can say which (an allied health professional
    /// is registered in one of the allied health professions).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holds_one_of: Vec<CredentialId>,
    /// True for a duty a person takes on alongside their post, usually at their own band,
    /// rather than a job they move into (a clinical safety officer). Moves into a duty
    /// come only from experienced roles and never raise the person's band.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub duty: bool,
    /// What the role is for, in the pack authors' own words.
    pub summary: String,
    /// Typical responsibilities.
    #[serde(default)]
    pub responsibilities: Vec<String>,
    /// What someone needs before they can be appointed.
    #[serde(default)]
    pub entry_requirements: Vec<String>,
    /// Competencies the role needs.
    #[serde(default)]
    pub competencies: Vec<CompetencyId>,
    /// The sources behind the item: bare web addresses or records with a title and
    /// publisher (see [`Source`]).
    pub sources: Vec<Source>,
    /// File the item was read from (set by the loader, never written to the bundle).
    #[serde(skip)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub origin: Option<String>,
}

/// A typical time range in whole months, shortest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(from = "[u16; 2]", into = "[u16; 2]")]
pub struct Months {
    /// The shortest typical time.
    pub min: u16,
    /// The longest typical time.
    pub max: u16,
}

impl From<[u16; 2]> for Months {
    fn from([min, max]: [u16; 2]) -> Self {
        Months { min, max }
    }
}

impl From<Months> for [u16; 2] {
    fn from(months: Months) -> Self {
        [months.min, months.max]
    }
}

impl fmt::Display for Months {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&describe_month_range(self.min, self.max))
    }
}

/// Writes a month range the way people say it: "6 to 12 months", "1 to 2 years", and for
/// long ranges that are not whole years, half years: "4½ to 9½ years".
///
/// ```
/// use foothold::graph::describe_month_range;
/// assert_eq!(describe_month_range(6, 12), "6 to 12 months");
/// assert_eq!(describe_month_range(12, 24), "1 to 2 years");
/// assert_eq!(describe_month_range(54, 114), "4½ to 9½ years");
/// assert_eq!(describe_month_range(18, 30), "1½ to 2½ years");
/// ```
pub fn describe_month_range(min: u16, max: u16) -> String {
    let whole_years = min % 12 == 0 && max % 12 == 0 && min > 0;
    if whole_years {
        let (low, high) = (min / 12, max / 12);
        let plural = if high == 1 { "" } else { "s" };
        return if low == high {
            format!("{high} year{plural}")
        } else {
            format!("{low} to {high} year{plural}")
        };
    }
    // Past two years, people think in years; months would read as false precision.
    if min >= 12 && max >= 24 {
        let (low, high) = (half_years(min), half_years(max));
        return if low == high {
            format!("{high} years")
        } else {
            format!("{low} to {high} years")
        };
    }
    let plural = if max == 1 { "" } else { "s" };
    if min == max {
        format!("{max} month{plural}")
    } else {
        format!("{min} to {max} month{plural}")
    }
}

/// Months as years to the nearest half year: 54 months is "4½".
fn half_years(months: u16) -> String {
    let halves = (months + 3) / 6;
    match (halves / 2, halves % 2) {
        (whole, 0) => whole.to_string(),
        (0, _) => "½".to_owned(),
        (whole, _) => format!("{whole}½"),
    }
}

/// A move from one role to another that people really make (or plausibly can).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Transition {
    /// The role moved from.
    pub from: RoleId,
    /// Other roles the same move starts from, in a pack's source files only: a move that
    /// is the same from several parallel roles (the digital posts of each registered
    /// profession, say) is written once, so its note, grade and sources cannot drift
    /// apart. Reading the source folder makes one move per role
    /// ([`Transition::one_per_start`]); compiled packs never carry the list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_from: Vec<RoleId>,
    /// The role moved to.
    pub to: RoleId,
    /// Competencies to gain for the move.
    #[serde(default)]
    pub gain: Vec<CompetencyId>,
    /// Development opportunities that help.
    #[serde(default)]
    pub opportunities: Vec<OpportunityId>,
    /// Typical time the move takes, in months.
    pub months: Months,
    /// Credentials the move gives the person (training that ends in registration).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grants: Vec<CredentialId>,
    /// How well the move is backed.
    pub evidence: Evidence,
    /// The sources behind the item: bare web addresses or records with a title and
    /// publisher (see [`Source`]).
    pub sources: Vec<Source>,
    /// A note for users, in the pack authors' own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// What to do first: one to [`MAX_ACTIONS`] concrete first actions for someone
    /// starting the move, in plain words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<String>,
    /// File the item was read from (set by the loader, never written to the bundle).
    #[serde(skip)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub origin: Option<String>,
}

impl Transition {
    /// The move once for each role it starts from: itself for `from`, then a copy for
    /// each role in `also_from`, every copy with the list emptied.
    ///
    /// ```
    /// use foothold::graph::RoleId;
    /// use foothold::planner::testing::transition;
    /// let mut shared = transition("digital-nurse", "clinical-informatician", 12, 36);
    /// shared.also_from = vec![RoleId::from("digital-midwife")];
    /// let starts: Vec<String> = shared.one_per_start().map(|t| t.from.to_string()).collect();
    /// assert_eq!(starts, ["digital-nurse", "digital-midwife"]);
    /// ```
    pub fn one_per_start(mut self) -> impl Iterator<Item = Transition> {
        let others = std::mem::take(&mut self.also_from);
        let copies: Vec<Transition> = others
            .into_iter()
            .map(|from| Transition {
                from,
                ..self.clone()
            })
            .collect();
        std::iter::once(self).chain(copies)
    }
}

/// A role id that was renamed or removed, so plans saved against older data still open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoleMigration {
    /// The id that is no longer in the pack.
    pub old: RoleId,
    /// The id that replaces it, or none when the role was removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<RoleId>,
    /// The data version in which the change was made.
    pub since: String,
    /// Why, in a sentence users will see.
    pub note: String,
}

/// Facts about the pack as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PackInfo {
    /// Stable id of the pack, e.g. `nhs-england-digital`.
    pub id: String,
    /// Its name.
    pub title: String,
    /// Version of the data, `YYYY.MM.N`.
    pub data_version: String,
    /// The date the facts were last checked, `YYYY-MM-DD`.
    pub checked: String,
    /// What the pack is and how to read it.
    pub summary: String,
    /// Licence of the pack's own text.
    pub licence: String,
    /// Licences and attributions of the public material it draws on.
    #[serde(default)]
    pub acknowledgements: Vec<String>,
    /// The main sources, as web addresses with a title.
    #[serde(default)]
    pub key_sources: Vec<KeySource>,
}

/// A titled source listed on the About the data page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KeySource {
    /// What the source is.
    pub title: String,
    /// Its web address.
    pub url: String,
}

/// A whole role pack: everything the planner and the app know about careers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// Facts about the pack.
    pub info: PackInfo,
    /// Every role.
    pub roles: Vec<Role>,
    /// Every transition.
    pub transitions: Vec<Transition>,
    /// Every competency.
    pub competencies: Vec<Competency>,
    /// Every development opportunity.
    pub opportunities: Vec<Opportunity>,
    /// Every credential (registrations and gating qualifications).
    #[serde(default)]
    pub credentials: Vec<Credential>,
    /// Renamed and removed role ids.
    #[serde(default)]
    pub migrations: Vec<RoleMigration>,
}

/// The little the start screen needs about each role, so the app can show it before the
/// full role graph (every transition, competency, opportunity and source) has loaded.
/// The build script derives it from the bundled pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleIndex {
    /// The pack's data version, recorded in exports.
    pub data_version: String,
    /// Every role, in pack order.
    pub roles: Vec<IndexedRole>,
}

/// One role in a [`RoleIndex`]: what a role picker shows and searches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexedRole {
    /// The role's id.
    pub id: RoleId,
    /// Its title.
    pub title: String,
    /// Its other titles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_known_as: Vec<String>,
    /// The bands it is usually advertised at, so "band 5" finds it.
    pub bands: BandRange,
    /// True for roles people start from, listed first among equally good matches.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub entry: bool,
}

impl RoleIndex {
    /// The index of `pack`'s roles.
    pub fn of_pack(pack: &Pack) -> Self {
        RoleIndex {
            data_version: pack.info.data_version.clone(),
            roles: pack
                .roles
                .iter()
                .map(|role| IndexedRole {
                    id: role.id.clone(),
                    title: role.title.clone(),
                    also_known_as: role.also_known_as.clone(),
                    bands: role.bands,
                    entry: role.entry,
                })
                .collect(),
        }
    }
}
