//! A plain link to a screen of the app.

use crate::ui::routes::Route;
use yew::prelude::*;
use yew_router::prelude::*;

/// Props for [`AppLink`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppLinkProps {
    /// The screen to open.
    pub to: Route,
    /// Extra classes.
    #[prop_or_default]
    pub class: Classes,
    /// Marks the link as the current page in a navigation list.
    #[prop_or_default]
    pub current: bool,
    /// The link text.
    #[prop_or_default]
    pub children: Html,
}

/// A real `<a href="#/...">`, so it works with middle-click, "copy link" and the
/// keyboard; the hash router picks up the change.
#[function_component(AppLink)]
pub fn app_link(props: &AppLinkProps) -> Html {
    let href = format!("#{}", props.to.to_path());
    let current = props.current.then_some("page");
    html! {
        <a href={href} class={props.class.clone()} aria-current={current}>{ props.children.clone() }</a>
    }
}
