//! The pre-rendered frame in `index.html`: the app's header and, on a first visit to the
//! start screen, the start screen's opening lines and its two role fields. It lets someone
//! on a slow connection read, and start typing, before the wasm module has arrived.
//!
//! The app renders into its mount point while that is hidden, so its start-up steps never
//! show, and then takes the frame's place in one step once the first screen is drawn. The
//! loader (`assets/loader.js`) then hands what was typed into the frame's fields to the
//! app's, in plain DOM code that keeps the first download small.

use web_sys::Document;

/// The attribute that marks the pre-rendered frame in `index.html`.
pub const SHELL_ATTRIBUTE: &str = "data-foothold-shell";

fn document() -> Option<Document> {
    web_sys::window().and_then(|window| window.document())
}

/// Shows the app in place of the pre-rendered frame, in one step so nothing flickers.
/// Does nothing once the frame is gone: after a failure message took its place, the app
/// stays hidden behind the message.
pub fn reveal_app() {
    let Some(document) = document() else {
        return;
    };
    let Ok(Some(shell)) = document.query_selector(&format!("[{SHELL_ATTRIBUTE}]")) else {
        return;
    };
    shell.remove();
    if let Some(mount) = document.get_element_by_id(super::failure::MOUNT_POINT_ID) {
        let _ = mount.remove_attribute("hidden");
    }
}

/// Removes the pre-rendered frame without showing the app, for failure messages.
pub fn remove_shell(document: &Document) {
    if let Ok(Some(shell)) = document.query_selector(&format!("[{SHELL_ATTRIBUTE}]")) {
        shell.remove();
    }
}
