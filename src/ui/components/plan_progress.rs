//! How far along a plan is: a labelled progress bar with the same fact in words.

use crate::plan::Progress;
use yew::prelude::*;

/// A `progress` element with a label and "2 of 3 steps finished (66%)"; `id` makes the
/// bar's id unique on a page with several plans.
///
/// A plain function rather than a component: it has no state, and each component type
/// adds its own copy of yew's component machinery to the app.
pub fn plan_progress(progress: &Progress, id: &str) -> Html {
    let bar_id = format!("{id}-bar");
    let text = if progress.total == 0 {
        "This plan has no steps.".to_owned()
    } else {
        let mut text = format!(
            "{} of {} steps finished ({}%)",
            progress.finished(),
            progress.total,
            progress.percent()
        );
        if progress.in_progress > 0 {
            text.push_str(&format!(", {} in progress", progress.in_progress));
        }
        text.push('.');
        text
    };
    html! {
        <div class="fh-progress">
            <label class="fh-label" for={bar_id.clone()}>{ "Progress" }</label>
            <progress class="fh-progress__bar" id={bar_id} max={progress.total.max(1).to_string()}
                value={progress.finished().to_string()}>{ format!("{}%", progress.percent()) }</progress>
            <p class="fh-progress__text">{ text }</p>
        </div>
    }
}
