//! Spreading start-up work over several tasks of the browser's event loop.

use yew::prelude::*;

/// False on a component's first render and true from a later task of the event loop on,
/// so the component can paint something light first and the rest a task later. Start-up
/// split this way is several short tasks instead of one long one that holds up input.
#[hook]
pub fn use_later_task() -> bool {
    let due = use_state(|| false);
    {
        let due = due.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                super::browser::next_task().await;
                due.set(true);
            });
        });
    }
    *due
}
