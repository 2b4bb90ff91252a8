//! Spreading start-up work over several tasks of the browser's event loop.

use yew::prelude::*;

/// How many tasks of the event loop have passed since the component first rendered,
/// counting up to `steps` and no further: 0 on the first render, then one more in each
/// later task. A component can draw part of itself at each step; start-up split this
/// way is several short tasks instead of one long one that holds up input.
#[hook]
pub fn use_start_up_step(steps: u8) -> u8 {
    let step = use_state(|| 0u8);
    {
        let step = step.clone();
        use_effect_with(*step, move |current| {
            let current = *current;
            if current < steps {
                wasm_bindgen_futures::spawn_local(async move {
                    super::browser::next_task().await;
                    step.set(current + 1);
                });
            }
        });
    }
    *step
}

/// False on a component's first render and true from a later task of the event loop on:
/// [`use_start_up_step`] with a single step.
#[hook]
pub fn use_later_task() -> bool {
    use_start_up_step(1) >= 1
}
