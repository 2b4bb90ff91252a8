//! How well a fact is backed, said in words (colour only repeats it).

use crate::graph::Evidence;
use yew::prelude::*;

/// A tag such as "Evidence: Sourced" with the grade's meaning as its title.
///
/// A plain function rather than a component: it has no state, and each component type
/// adds its own copy of yew's component machinery to the app.
pub fn evidence_tag(evidence: Evidence) -> Html {
    let modifier = match evidence {
        Evidence::Sourced => "fh-tag--sourced",
        Evidence::Derived => "fh-tag--derived",
        Evidence::Assumed => "fh-tag--assumed",
    };
    html! {
        <span class={classes!("fh-tag", modifier)} title={evidence.meaning()}>
            { "Evidence: " }{ evidence.label() }
        </span>
    }
}
