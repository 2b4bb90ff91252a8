//! Makes failure visible. A panic or a failed start hides the app behind a plain-English
//! message and a Reload button, so nobody is left looking at a frozen or blank page.
//!
//! The release build aborts on panic, so nothing in wasm can run after the hook returns.
//! The Reload button therefore carries a `data-foothold-reload` attribute that the
//! page's JavaScript loader listens for, rather than a wasm click handler.

use std::fmt::Write as _;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// The id of the element the app renders into and a failure message replaces.
pub const MOUNT_POINT_ID: &str = "app";

/// The headline shown when the running app hits a bug.
pub const STOPPED_HEADLINE: &str = "Sorry, Foothold stopped working";

/// The headline shown when the app cannot start at all.
pub const START_FAILED_HEADLINE: &str = "Sorry, Foothold could not start";

/// What the user can rely on and do next, shown under either headline.
pub const REASSURANCE: &str =
    "Your saved plans are safe on this device. Reload the page to try again.";

/// Installs a panic hook that logs the panic, with a stack trace, to the browser console
/// and shows the "stopped working" message in place of the app. Call it first thing in
/// `main`. It goes through yew's `set_custom_panic_hook`, because yew otherwise replaces
/// any hook with its own console-only one when the app first renders.
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let mut details = String::from("Foothold stopped: ");
        let _ = write!(details, "{info}");
        web_sys::console::error_2(
            &JsValue::from_str(&details),
            &js_sys::Error::new("where it stopped"),
        );
        show_failure(STOPPED_HEADLINE, None);
    }));
}

/// Shows the "could not start" message in place of the app, with `message` explaining
/// what went wrong in plain English, and logs it to the console. For failures the app
/// detects before it can render, such as bundled data that does not decode.
pub fn show_start_failure(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(&format!(
        "Foothold could not start: {message}"
    )));
    show_failure(START_FAILED_HEADLINE, Some(message));
}

/// Writes the failure block into the page. Returns quietly when there is no document,
/// because a failure report must never fail in turn.
fn show_failure(headline: &str, cause: Option<&str>) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Some(block) = failure_block(&document, headline, cause) else {
        return;
    };
    // The block goes beside the app, which is hidden rather than emptied: yew may still
    // have a render queued, and it must not land on top of the message. The pre-rendered
    // frame goes, since it promised an app that is not coming.
    super::static_shell::remove_shell(&document);
    if let Some(mount) = document.get_element_by_id(MOUNT_POINT_ID) {
        let _ = mount.before_with_node_1(&block);
        let _ = mount.set_attribute("hidden", "");
    } else if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&block);
    }
    if let Some(heading) = block.first_element_child() {
        let _ = heading.set_attribute("tabindex", "-1");
        if let Ok(heading) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(heading) {
            let _ = heading.focus();
        }
    }
}

/// Builds `<div role="alert">` with a heading, the cause if any, the reassurance and a
/// Reload button, using text nodes only so no message can inject markup.
fn failure_block(document: &Document, headline: &str, cause: Option<&str>) -> Option<Element> {
    let block = document.create_element("div").ok()?;
    block.set_attribute("role", "alert").ok()?;
    block.set_attribute("class", "fh-failure").ok()?;
    block.set_attribute("data-foothold-failure", "").ok()?;

    let heading = document.create_element("h1").ok()?;
    heading.set_text_content(Some(&format!("{headline}.")));
    block.append_child(&heading).ok()?;

    if let Some(cause) = cause {
        let paragraph = document.create_element("p").ok()?;
        paragraph.set_text_content(Some(cause));
        block.append_child(&paragraph).ok()?;
    }

    let paragraph = document.create_element("p").ok()?;
    paragraph.set_text_content(Some(REASSURANCE));
    block.append_child(&paragraph).ok()?;

    let button = document.create_element("button").ok()?;
    button.set_attribute("type", "button").ok()?;
    button.set_attribute("class", "fh-button").ok()?;
    button.set_attribute("data-foothold-reload", "").ok()?;
    button.set_text_content(Some("Reload"));
    block.append_child(&button).ok()?;
    Some(block)
}
