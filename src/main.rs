//! Starts the Foothold web app; everything else lives in the library.

use foothold::ui::{failure, perf, App};

fn main() {
    failure::install_panic_hook();
    perf::mark(perf::WASM_INSTANTIATED);
    let mount = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(failure::MOUNT_POINT_ID));
    match mount {
        // Yew clears the static "Loading Foothold…" shell from the mount point.
        Some(mount) => {
            yew::Renderer::<App>::with_root(mount).render();
        }
        None => failure::show_start_failure(
            "The page is missing the place where the app goes. Reloading may fix this.",
        ),
    }
}
