//! The pre-rendered frame in `index.html`: the app's header and, on a first visit to the
//! start screen, the start screen's opening lines and its two role fields. It lets someone
//! on a slow connection read, and start typing, before the wasm module has arrived.
//!
//! The app renders into its mount point while that is hidden, so its start-up steps never
//! show, and then takes the frame's place in one step once the first screen is drawn,
//! carrying over whatever was typed into the frame's fields.

use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlInputElement};

/// The attribute that marks the pre-rendered frame in `index.html`.
pub const SHELL_ATTRIBUTE: &str = "data-foothold-shell";

/// The attribute on each of the frame's fields naming the app's field that takes it over.
const HAND_OVER_ATTRIBUTE: &str = "data-foothold-hand-over";

/// The frame's fields, by id, in the order the app's start form has them.
const FRAME_FIELDS: [&str; 2] = ["shell-current-role", "shell-target-role"];

fn document() -> Option<Document> {
    web_sys::window().and_then(|window| window.document())
}

/// What someone typed into one of the frame's fields before the app arrived.
struct Typed {
    /// The id of the app's field that takes it over.
    app_field: String,
    /// The text in the frame's field.
    text: String,
    /// Whether the cursor was in that field.
    focused: bool,
}

/// Reads the frame's fields before the frame goes.
fn typed_in_frame(document: &Document) -> Vec<Typed> {
    let focused = document.active_element();
    FRAME_FIELDS
        .iter()
        .filter_map(|id| {
            let element = document.get_element_by_id(id)?;
            let app_field = element.get_attribute(HAND_OVER_ATTRIBUTE)?;
            let is_focused = focused.as_ref() == Some(&element);
            let input = element.dyn_into::<HtmlInputElement>().ok()?;
            Some(Typed {
                app_field,
                text: input.value(),
                focused: is_focused,
            })
        })
        .filter(|typed| typed.focused || !typed.text.trim().is_empty())
        .collect()
}

/// Gives the app's fields what was typed into the frame's, as if typed there: each field
/// is sent an `input` event, so the app reads the text (choosing the role when it is a
/// whole title) the same way it reads typing. A field the cursor was not in is left
/// again at once, so its list of matches stays closed; the cursor goes back to the
/// field it was in, at the end of its text.
fn hand_over(document: &Document, typed: Vec<Typed>) {
    let mut cursor_field = None;
    for typed in typed {
        let Some(field) = document
            .get_element_by_id(&typed.app_field)
            .and_then(|element| element.dyn_into::<HtmlInputElement>().ok())
        else {
            continue;
        };
        let text = typed.text.trim_start();
        // The app's own value (restored from an earlier visit) is never overwritten.
        if !text.is_empty() && field.value().is_empty() {
            let _ = field.focus();
            field.set_value(text);
            if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &{
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                init
            }) {
                let _ = field.dispatch_event(&event);
            }
            if !typed.focused {
                let _ = field.blur();
            }
        }
        if typed.focused {
            cursor_field = Some(field);
        }
    }
    if let Some(field) = cursor_field {
        let _ = field.focus();
        let end = u32::try_from(field.value().encode_utf16().count()).unwrap_or(u32::MAX);
        let _ = field.set_selection_range(end, end);
    }
}

/// Shows the app in place of the pre-rendered frame, in one step so nothing flickers,
/// and carries over what was typed into the frame's fields.
/// Does nothing once the frame is gone: after a failure message took its place, the app
/// stays hidden behind the message.
pub fn reveal_app() {
    let Some(document) = document() else {
        return;
    };
    let Ok(Some(shell)) = document.query_selector(&format!("[{SHELL_ATTRIBUTE}]")) else {
        return;
    };
    let typed = typed_in_frame(&document);
    shell.remove();
    if let Some(mount) = document.get_element_by_id(super::failure::MOUNT_POINT_ID) {
        let _ = mount.remove_attribute("hidden");
    }
    hand_over(&document, typed);
}

/// Removes the pre-rendered frame without showing the app, for failure messages.
pub fn remove_shell(document: &Document) {
    if let Ok(Some(shell)) = document.query_selector(&format!("[{SHELL_ATTRIBUTE}]")) {
        shell.remove();
    }
}
