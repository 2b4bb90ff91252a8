//! The yew app: renders state and turns user actions into `Action`s.

pub mod components;
pub mod context;
pub mod failure;
pub mod pages;
pub mod perf;
pub mod routes;

use yew::prelude::*;

/// The root component.
#[function_component(App)]
pub fn app() -> Html {
    html! { <main><h1>{ "Foothold" }</h1></main> }
}
