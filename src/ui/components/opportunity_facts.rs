//! What a development opportunity asks of the person, as a short list: what it costs
//! them, whether it needs or gives a degree, who it is for, how long it takes and
//! whether it is running. Shared by route steps, saved plan steps and role pages.

use crate::graph::Opportunity;
use crate::plan::Date;
use yew::prelude::*;

/// What the opportunity costs the person: the plain label ("Paid while you train"),
/// then the pack's details where it has them.
pub fn cost_to_you(opportunity: &Opportunity) -> String {
    match &opportunity.cost {
        Some(cost) => format!("{}. {}", opportunity.to_you.label(), cost),
        None => opportunity.to_you.label().to_owned(),
    }
}

/// The opportunity's status, with what is known and the date it was checked
/// (`pack_checked` when the opportunity has no date of its own).
pub fn status_text(opportunity: &Opportunity, pack_checked: &str) -> String {
    let checked = opportunity.checked.as_deref().unwrap_or(pack_checked);
    let checked = checked
        .parse::<Date>()
        .map_or_else(|_| checked.to_owned(), Date::long_form);
    let mut text = opportunity.status.label().to_owned();
    if let Some(note) = &opportunity.status_note {
        text.push_str(". ");
        text.push_str(note.trim_end_matches('.'));
    }
    format!("{text} (checked {checked}).")
}

/// One row of a summary list.
pub fn fact_row(key: &'static str, value: String) -> Html {
    html! {
        <div class="fh-summary-list__row">
            <dt class="fh-summary-list__key">{ key }</dt>
            <dd class="fh-summary-list__value">{ value }</dd>
        </div>
    }
}

/// A summary list of cost to you, degree, who it is for, length and status.
pub fn opportunity_facts(opportunity: &Opportunity, pack_checked: &str) -> Html {
    html! {
        <dl class="fh-summary-list">
            { fact_row("Cost to you", cost_to_you(opportunity)) }
            { fact_row("Degree", opportunity.degree.label().to_owned()) }
            { fact_row("Who it is for", opportunity.for_whom.clone()) }
            { fact_row("Length", opportunity.length.clone()) }
            { fact_row("Status", status_text(opportunity, pack_checked)) }
        </dl>
    }
}

/// An opportunity in a list of what helps with a move: its name (a link to its first
/// source), its kind and what it costs the person, with the other facts behind a
/// "Cost, entry and length" disclosure.
pub fn opportunity_line(opportunity: &Opportunity, pack_checked: &str) -> Html {
    html! {
        <li>
            if let Some(source) = opportunity.sources.first() {
                <a href={source.url().to_owned()} rel="noopener noreferrer" target="_blank">
                    { opportunity.title.clone() }
                    <span class="fh-visually-hidden">{ " (opens in a new tab)" }</span>
                </a>
            } else {
                { opportunity.title.clone() }
            }
            <span class="fh-secondary">{ format!(" – {}. ", opportunity.kind.label()) }</span>
            <strong>{ opportunity.to_you.label() }</strong>
            <details class="fh-details">
                <summary class="fh-details__summary">
                    <span class="fh-details__summary-text">
                        { "Cost, entry and length" }
                        <span class="fh-visually-hidden">{ format!(": {}", opportunity.title) }</span>
                    </span>
                </summary>
                <div class="fh-details__text">{ opportunity_facts(opportunity, pack_checked) }</div>
            </details>
        </li>
    }
}
