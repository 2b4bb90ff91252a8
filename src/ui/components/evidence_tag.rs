//! How well a fact is backed, said in words (colour only repeats it).

use crate::graph::Evidence;
use yew::prelude::*;

/// Props for [`EvidenceTag`].
#[derive(Properties, PartialEq, Clone)]
pub struct EvidenceTagProps {
    /// The grade.
    pub evidence: Evidence,
}

/// A tag such as "Evidence: Sourced" with the grade's meaning as its title.
#[function_component(EvidenceTag)]
pub fn evidence_tag(props: &EvidenceTagProps) -> Html {
    let modifier = match props.evidence {
        Evidence::Sourced => "fh-tag--sourced",
        Evidence::Derived => "fh-tag--derived",
        Evidence::Assumed => "fh-tag--assumed",
    };
    html! {
        <span class={classes!("fh-tag", modifier)} title={props.evidence.meaning()}>
            { "Evidence: " }{ props.evidence.label() }
        </span>
    }
}
