//! A plain link to a screen of the app.

use crate::ui::routes::Route;
use yew::prelude::*;
use yew_router::prelude::*;

/// A real `<a href="#/...">`, so it works with middle-click, "copy link" and the
/// keyboard; the hash router picks up the change.
///
/// A plain function rather than a component: it has no state, and each component type
/// (and each place that builds a component's props) adds code to the app.
pub fn app_link(to: &Route, content: impl Into<Html>) -> Html {
    styled_app_link(to, Classes::new(), false, content.into())
}

/// Like [`app_link`], with extra classes, and marked as the current page in a
/// navigation list when `current` is true.
pub fn styled_app_link(to: &Route, class: Classes, current: bool, content: Html) -> Html {
    let href = format!("#{}", to.to_path());
    let current = current.then_some("page");
    html! {
        <a href={href} class={class} aria-current={current}>{ content }</a>
    }
}
