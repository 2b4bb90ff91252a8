//! Startup timing marks, read by the browser benchmark (`scripts/bench.sh`) through the
//! Performance API. A mark costs microseconds and is harmless when nobody reads it.

/// Set by `main` as soon as the wasm module is instantiated and running.
pub const WASM_INSTANTIATED: &str = "foothold:wasm-instantiated";

/// Set once the role index the start screen needs has been decoded (the full role graph
/// is read later, with the first screen that needs it).
pub const DATA_DECODED: &str = "foothold:data-decoded";

/// Set once the first screen has been drawn and shown in place of the pre-rendered frame.
pub const FIRST_RENDER: &str = "foothold:first-render";

/// Records a named point in time with `performance.mark(name)`. Does nothing where the
/// Performance API is missing, since timing must never break the app.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(name);
    }
}

/// Records the time since the mark `start` as a measure called `name`, for work the app
/// times itself (route finding, for example). Marks and measures named `foothold:*` are
/// collected by the browser benchmark. Does nothing if `start` was never marked.
pub fn measure_since(name: &str, start: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.measure_with_start_mark(name, start);
    }
}
