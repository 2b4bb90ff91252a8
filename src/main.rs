//! Starts the Foothold web app; everything else lives in the library.

use foothold::ui::{failure, hooks::browser::next_task, lazy, perf, routes, App};
use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    failure::install_panic_hook();
    routes::guard_address();
    perf::mark(perf::WASM_INSTANTIATED);
    // The first render gets a task of its own, apart from the browser's work of setting
    // up the module, so neither holds up a tap for long.
    wasm_bindgen_futures::spawn_local(async {
        next_task().await;
        render();
    });
}

fn render() {
    let mount = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(failure::MOUNT_POINT_ID));
    match mount {
        // The mount point is hidden; the app shows itself in place of the pre-rendered
        // frame once its first screen is drawn (see `static_shell`).
        Some(mount) => {
            yew::Renderer::<App>::with_root(mount).render();
        }
        None => failure::show_start_failure(
            "The page is missing the place where the app goes. Reloading may fix this.",
        ),
    }
}

/// Gets the other screens' code and the role graph ready ahead of need; the loader
/// (`assets/loader.js`) calls it once someone starts planning and the service worker
/// serves the app's files from the device.
#[wasm_bindgen]
pub fn warm_up_screens() {
    lazy::warm_up();
}
