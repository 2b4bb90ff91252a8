//! What a development opportunity asks of the person who takes it: what it costs them
//! (paid while they train, free, fees, or not published) and whether it needs a degree,
//! gives one, or neither.
//!
//! These are structured so the planner can summarise a whole route ("paid while you
//! train", "no degree needed") and the validator can catch slips (an apprenticeship that
//! does not say it is paid). The free-text `cost` on an opportunity still carries the
//! details people read.

use serde::{Deserialize, Serialize};

/// What an opportunity costs the person who takes it.
///
/// Left out of a pack file it reads as [`CostToYou::NotPublished`]: a pack never
/// guesses.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum CostToYou {
    /// The person is employed and paid while training and does not pay for the training:
    /// apprenticeships in England, and salaried training posts such as the NHS
    /// Scientist Training Programme.
    PaidWhileTraining,
    /// Nothing to pay: free e-learning, centrally funded places, a published framework
    /// to assess yourself against.
    Free,
    /// The person may pay fees: memberships, registrations or certifications with a fee.
    /// The opportunity's `cost` says which.
    Fees,
    /// The cost to the person was not found in the sources read.
    #[default]
    NotPublished,
}

impl CostToYou {
    /// Every value, in the order summaries list them.
    pub const ALL: [CostToYou; 4] = [
        CostToYou::PaidWhileTraining,
        CostToYou::Free,
        CostToYou::Fees,
        CostToYou::NotPublished,
    ];

    /// The value in plain words, as the app shows it ("Paid while you train").
    pub fn label(self) -> &'static str {
        match self {
            CostToYou::PaidWhileTraining => "Paid while you train",
            CostToYou::Free => "Free to you",
            CostToYou::Fees => "Fees you may pay",
            CostToYou::NotPublished => "Cost not published",
        }
    }
}

/// Whether an opportunity needs a degree to start, gives one, or neither.
///
/// Left out of a pack file it reads as [`DegreeEntry::NotPublished`].
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum DegreeEntry {
    /// A degree (or an accepted equivalent) is needed to start.
    Needed,
    /// No degree is needed to start, and the person earns one on it (a degree
    /// apprenticeship, a professional doctorate in a salaried post).
    Earned,
    /// The published eligibility asks for no degree.
    NotNeeded,
    /// Whether a degree is needed was not found in the sources read.
    #[default]
    NotPublished,
}

impl DegreeEntry {
    /// The value in plain words, as the app shows it.
    pub fn label(self) -> &'static str {
        match self {
            DegreeEntry::Needed => "Degree needed to start",
            DegreeEntry::Earned => "You earn a degree on it",
            DegreeEntry::NotNeeded => "No degree needed",
            DegreeEntry::NotPublished => "Whether you need a degree is not published",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn left_out_values_read_as_not_published() {
        assert_eq!(CostToYou::default(), CostToYou::NotPublished);
        assert_eq!(DegreeEntry::default(), DegreeEntry::NotPublished);
    }

    #[test]
    fn pack_files_spell_values_in_kebab_case() {
        let parsed: Vec<CostToYou> =
            serde_json::from_str(r#"["paid-while-training","free","fees","not-published"]"#)
                .unwrap_or_default();
        assert_eq!(parsed, CostToYou::ALL.to_vec());
        let degree: Result<DegreeEntry, _> = serde_json::from_str(r#""not-needed""#);
        assert_eq!(degree.ok(), Some(DegreeEntry::NotNeeded));
    }

    #[test]
    fn every_cost_has_its_own_words() {
        let labels: std::collections::BTreeSet<&str> =
            CostToYou::ALL.iter().map(|cost| cost.label()).collect();
        assert_eq!(labels.len(), CostToYou::ALL.len());
        assert_eq!(CostToYou::PaidWhileTraining.label(), "Paid while you train");
    }
}
