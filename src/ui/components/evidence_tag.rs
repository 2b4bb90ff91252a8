//! How well a fact is backed, said in words (colour only repeats it), with what the grade
//! means for this fact in a `details` element anyone can open: by touch, keyboard or
//! screen reader, never a tooltip.

use crate::graph::Evidence;
use yew::prelude::*;

/// What a grade is about, so its explanation can say what it means for that fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Graded {
    /// A move between roles and its typical time.
    Move,
    /// The bands a role is advertised at.
    Bands,
}

/// What `evidence` means for a fact of kind `graded`, in plain words.
pub fn evidence_meaning(evidence: Evidence, graded: Graded) -> &'static str {
    match (evidence, graded) {
        (Evidence::Sourced, Graded::Move) => {
            "A published source describes this move and how long it usually takes."
        }
        (Evidence::Derived, Graded::Move) => {
            "Worked out from NHS Employers national job profiles or a national framework: no source states this move's time outright, so treat it as a guide."
        }
        (Evidence::Assumed, Graded::Move) => {
            "An informed estimate: no published source gives a time for this move, so the people who wrote Foothold's role data judged it from similar moves. Ask someone who has made the move, or look at current job adverts, before relying on it."
        }
        (Evidence::Sourced, Graded::Bands) => {
            "A published source, such as a national job profile or job adverts, states these bands."
        }
        (Evidence::Derived, Graded::Bands) => {
            "Worked out from the NHS Employers national job profile that fits the role; local job adverts may differ."
        }
        (Evidence::Assumed, Graded::Bands) => {
            "An informed estimate: no source states these bands. Check current job adverts for the role."
        }
    }
}

/// A grade as a tag, such as "Evidence: Informed estimate", with no explanation: for
/// lists that explain each grade beside it.
pub fn grade_tag(evidence: Evidence) -> Html {
    let modifier = match evidence {
        Evidence::Sourced => "fh-tag--sourced",
        Evidence::Derived => "fh-tag--derived",
        Evidence::Assumed => "fh-tag--assumed",
    };
    html! {
        <span class={classes!("fh-tag", modifier)}>
            <span class="fh-visually-hidden">{ "Evidence: " }</span>
            { evidence.label() }
        </span>
    }
}

/// A grade as a tag followed by "What this means", which opens to say what the grade
/// means for this fact.
///
/// A plain function rather than a component: it has no state, and each component type
/// adds its own copy of yew's component machinery to the app.
pub fn evidence_tag(evidence: Evidence, graded: Graded) -> Html {
    html! {
        <span class="fh-evidence">
            { grade_tag(evidence) }
            <details class="fh-evidence__details">
                <summary class="fh-evidence__summary">
                    { "What this means" }
                    <span class="fh-visually-hidden">{ format!(": {}", evidence.label()) }</span>
                </summary>
                <span class="fh-evidence__text">{ evidence_meaning(evidence, graded) }</span>
            </details>
        </span>
    }
}

/// How sure the figures on a whole route are, as a sentence about its weakest grade.
pub fn route_evidence_sentence(weakest: Evidence) -> &'static str {
    match weakest {
        Evidence::Sourced => "Every move and band on this route comes from a published source.",
        Evidence::Derived => {
            "Some moves or bands on this route are worked out from national job profiles, not stated by a source."
        }
        Evidence::Assumed => "Some figures on this route are informed estimates.",
    }
}

/// Short explanations of codes people meet in skill and course names.
const TERMS: [(&str, &str); 2] = [
    (
        "DCB0129",
        "DCB0129 is the NHS standard for managing clinical risk when making health IT",
    ),
    (
        "DCB0160",
        "DCB0160 is the NHS standard for managing clinical risk when using health IT",
    ),
];

/// A name followed by a short explanation of any code in it ("DCB0129"), so nobody has
/// to look it up.
pub fn with_terms_explained(name: &str) -> Html {
    let explained: Vec<&str> = TERMS
        .iter()
        .filter(|(term, _)| name.contains(term))
        .map(|(_, meaning)| *meaning)
        .collect();
    html! {
        <>
            { name.to_owned() }
            if !explained.is_empty() {
                <span class="fh-hint fh-term">{ format!(" ({})", explained.join("; ")) }</span>
            }
        </>
    }
}
