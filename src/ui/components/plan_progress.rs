//! How far along a plan is: a labelled progress bar with the same fact in words.

use crate::plan::Progress;
use yew::prelude::*;

/// Props for [`PlanProgress`].
#[derive(Properties, PartialEq, Clone)]
pub struct PlanProgressProps {
    /// The plan's progress.
    pub progress: Progress,
    /// Makes the bar's id unique on a page with several plans.
    pub id: AttrValue,
}

/// A `progress` element with a label and "2 of 3 steps finished (66%)".
#[function_component(PlanProgress)]
pub fn plan_progress(props: &PlanProgressProps) -> Html {
    let progress = &props.progress;
    let bar_id = format!("{}-bar", props.id);
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
