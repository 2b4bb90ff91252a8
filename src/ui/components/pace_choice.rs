//! The pace question: alongside my job, part time or full time, with the part-time
//! share. Asked on the skills screen and on each saved plan, where the projected finish
//! is shown.

use crate::plan::{Pace, MIN_PART_TIME_PERCENT};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props for [`PaceChoice`].
#[derive(Properties, PartialEq)]
pub struct PaceChoiceProps {
    /// Starts every element id, so two screens can each have the question.
    pub id: AttrValue,
    /// The question, as the fieldset's legend.
    pub legend: AttrValue,
    /// The pace saved now.
    pub pace: Pace,
    /// Called with the pace the person chose.
    pub on_change: Callback<Pace>,
}

/// Three radios and, for part time, the share of a week. A share outside the range is
/// explained beside the field and changes nothing.
#[function_component(PaceChoice)]
pub fn pace_choice(props: &PaceChoiceProps) -> Html {
    let problem = use_state_eq(|| false);
    let id = |part: &str| format!("{}-{part}", props.id);
    let choose = |pace: Pace| {
        let on_change = props.on_change.clone();
        let problem = problem.clone();
        Callback::from(move |_: Event| {
            problem.set(false);
            on_change.emit(pace)
        })
    };
    let part_time_percent = match props.pace {
        Pace::PartTime(percent) => percent,
        Pace::FullTime | Pace::FullTimeOnIt => 60,
    };
    let on_percent = {
        let on_change = props.on_change.clone();
        let problem = problem.clone();
        Callback::from(move |event: Event| {
            let percent = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|input| input.value().trim().parse::<u8>().ok())
                .filter(|percent| (MIN_PART_TIME_PERCENT..=100).contains(percent));
            match percent {
                Some(percent) => {
                    problem.set(false);
                    on_change.emit(Pace::PartTime(percent))
                }
                None => problem.set(true),
            }
        })
    };
    let radio = |value: &str, label: &str, hint: &str, pace: Pace, checked: bool| {
        let (input_id, hint_id) = (id(value), id(&format!("{value}-hint")));
        html! {
            <div class="fh-radios__item">
                <input class="fh-radios__input" type="radio" name={props.id.clone()} id={input_id.clone()} value={value.to_owned()}
                    checked={checked} aria-describedby={hint_id.clone()} onchange={choose(pace)} />
                <label class="fh-label fh-radios__label" for={input_id}>{ label.to_owned() }</label>
                <div class="fh-hint fh-radios__hint" id={hint_id}>{ hint.to_owned() }</div>
            </div>
        }
    };
    let percent_id = id("percent");
    let hint_id = id("percent-hint");
    let error_id = id("percent-error");
    let described_by = if *problem {
        format!("{hint_id} {error_id}")
    } else {
        hint_id.clone()
    };
    html! {
        <fieldset class="fh-fieldset">
            <legend class="fh-fieldset__legend fh-fieldset__legend--s">{ props.legend.clone() }</legend>
            <div class="fh-radios">
                { radio("job", "Alongside my job", "The typical times: most people make these moves while they keep working.",
                    Pace::FullTime, props.pace == Pace::FullTime) }
                { radio("part", "Part time", "Your dates stretch to match the share of a week you give.",
                    Pace::PartTime(part_time_percent), matches!(props.pace, Pace::PartTime(_))) }
                { radio("full", "Full time", "For a full-time course, a secondment or a training post. Dates use the short end of each move's typical time: our estimate, as the data gives ranges rather than full-time figures.",
                    Pace::FullTimeOnIt, props.pace == Pace::FullTimeOnIt) }
            </div>
            if let Pace::PartTime(percent) = props.pace {
                <div class={classes!("fh-form-group", problem.then_some("fh-form-group--error"))}>
                    <label class="fh-label" for={percent_id.clone()}>{ "Share of a full-time week, in percent" }</label>
                    <div class="fh-hint" id={hint_id}>{ format!("From {MIN_PART_TIME_PERCENT} to 100. For example, 3 days a week is 60.") }</div>
                    if *problem {
                        <p class="fh-error-message" id={error_id}>{ format!("Enter a share from {MIN_PART_TIME_PERCENT} to 100 percent.") }</p>
                    }
                    <input class="fh-input fh-input--width-3" id={percent_id} type="number" inputmode="numeric"
                        min={MIN_PART_TIME_PERCENT.to_string()} max="100" value={percent.to_string()}
                        aria-describedby={described_by} aria-invalid={problem.then_some("true")} onchange={on_percent} />
                </div>
            }
        </fieldset>
    }
}
