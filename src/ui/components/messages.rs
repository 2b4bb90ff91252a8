//! Messages about the app itself: the screen-reader live region, notices with Undo,
//! save failures and changes made in another tab.
//!
//! Plain functions of the app state rather than components: the frame that shows them
//! re-renders whenever the state changes anyway, and each component type adds its own
//! copy of yew's component machinery to the app.

use crate::ui::state::{Action, AppHandle, SaveStatus};
use yew::prelude::*;

/// A visually hidden live region that reads out the latest announcement.
pub fn live_region(app: &AppHandle) -> Html {
    let (count, text) = &app.announcement;
    // Keying on the counter replaces the text node, so the same message said twice is
    // still read out.
    html! {
        <div class="fh-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            <span key={*count}>{ text.clone() }</span>
        </div>
    }
}

/// The latest notice, with Undo when something can be brought back.
pub fn notice_banner(app: &AppHandle) -> Html {
    let Some(notice) = app.notice.clone() else {
        return Html::default();
    };
    let undo = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Undo))
    };
    let dismiss = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::DismissNotice))
    };
    html! {
        <div class="fh-notice" role="region" aria-label="Notice">
            <p class="fh-notice__text">{ notice.text }</p>
            <div class="fh-button-group">
                if notice.undo.is_some() {
                    <button type="button" class="fh-button fh-button--secondary" onclick={undo}>{ "Undo" }</button>
                }
                <button type="button" class="fh-button fh-button--link" onclick={dismiss}>{ "Dismiss" }</button>
            </div>
        </div>
    }
}

/// Shown at once when saving fails, with a way to get the data out: `on_export`
/// downloads all the user's data, so nothing is lost while saving fails.
pub fn save_problem(app: &AppHandle, on_export: &Callback<()>) -> Html {
    let SaveStatus::Failed(reason) = &app.save else {
        return Html::default();
    };
    let export = on_export.reform(|_: MouseEvent| ());
    html! {
        <div class="fh-alert fh-alert--error" role="alert">
            <h2 class="fh-alert__heading">{ "Your latest changes are not saved" }</h2>
            <p>{ reason.clone() }</p>
            <p>{ "Export your data now to keep a copy while this is sorted out. Foothold keeps trying to save every few seconds and when you come back to this page." }</p>
            <button type="button" class="fh-button" onclick={export}>{ "Export now" }</button>
        </div>
    }
}

/// Shown when another tab saved different data, so neither tab silently overwrites the
/// other.
pub fn other_tab_banner(app: &AppHandle) -> Html {
    if app.other_tab.is_none() {
        return Html::default();
    }
    let take = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::TakeOtherTab))
    };
    let keep = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::KeepMine))
    };
    html! {
        <div class="fh-alert fh-alert--warning" role="alert">
            <h2 class="fh-alert__heading">{ "Foothold was changed in another tab" }</h2>
            <p>{ "Your plans were changed in another tab or window. Changes made in this tab are not saved until you choose which version to keep. Loading the newer version replaces this tab's changes; keeping yours replaces the other tab's changes." }</p>
            <div class="fh-button-group">
                <button type="button" class="fh-button" onclick={take}>{ "Load the newer version" }</button>
                <button type="button" class="fh-button fh-button--secondary" onclick={keep}>{ "Keep mine" }</button>
            </div>
        </div>
    }
}
