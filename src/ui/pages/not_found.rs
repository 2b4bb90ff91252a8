//! The screen for an address the app does not know, such as a mistyped link.

use crate::ui::components::app_link;
use crate::ui::hooks::use_page;
use crate::ui::routes::Route;
use yew::prelude::*;

/// "Page not found", with the ways back in.
#[function_component(NotFoundPage)]
pub fn not_found_page() -> Html {
    let heading = use_page(&Route::NotFound);
    html! {
        <>
            <h1 class="fh-heading-xl" tabindex="-1" ref={heading}>{ "Page not found" }</h1>
            <p>{ "If you typed or pasted the address, check it is complete and correct." }</p>
            <p>{ app_link(&Route::Start, "Plan a route") }{ " or " }{ app_link(&Route::Plans, "go to your plans") }{ "." }</p>
        </>
    }
}
