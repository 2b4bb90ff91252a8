//! The list of problems shown at the top of a form after a failed submit, each linking
//! to the field to fix (as on NHS.UK and GOV.UK forms).

use crate::ui::hooks::page::focus_by_id;
use yew::prelude::*;

/// One problem: the field's id and what to do.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    /// The id of the input to fix.
    pub field: AttrValue,
    /// What to do, as an instruction ("Choose your current role").
    pub message: AttrValue,
}

/// Props for [`ErrorSummary`].
#[derive(Properties, PartialEq, Clone)]
pub struct ErrorSummaryProps {
    /// The problems; nothing is shown when empty.
    pub errors: Vec<FieldError>,
}

/// An alert listing the problems, focused when it appears so screen readers read it.
#[function_component(ErrorSummary)]
pub fn error_summary(props: &ErrorSummaryProps) -> Html {
    let box_ref = use_node_ref();
    {
        let box_ref = box_ref.clone();
        use_effect_with(props.errors.clone(), move |errors| {
            if !errors.is_empty() {
                if let Some(element) = box_ref.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }
    if props.errors.is_empty() {
        return Html::default();
    }
    html! {
        <div class="fh-error-summary" role="alert" tabindex="-1" ref={box_ref} aria-labelledby="error-summary-title">
            <h2 class="fh-error-summary__title" id="error-summary-title">{ "There is a problem" }</h2>
            <ul class="fh-error-summary__list">
                { for props.errors.iter().map(|error| {
                    let field = error.field.clone();
                    let onclick = Callback::from(move |event: MouseEvent| {
                        event.prevent_default();
                        focus_by_id(&field);
                    });
                    html! {
                        <li><a href={format!("#{}", error.field)} {onclick}>{ error.message.clone() }</a></li>
                    }
                }) }
            </ul>
        </div>
    }
}
