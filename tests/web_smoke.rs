//! Browser checks of the parts of the app that only exist in a browser: the bundled role
//! graph decodes inside wasm, timing marks reach the Performance API, the app takes the
//! place of the pre-rendered frame, and a failure replaces the app with a message a
//! person can act on.
//!
//! Run with `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_smoke`.
#![cfg(target_arch = "wasm32")]

use foothold::graph::bundled_graph;
use foothold::ui::{failure, perf, static_shell};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|window| window.document())
        .expect("the test page has a document")
}

#[wasm_bindgen_test]
fn bundled_role_graph_loads_in_the_browser() {
    let graph = bundled_graph().expect("the bundled pack decodes and validates in wasm");
    assert!(!graph.roles().is_empty(), "the bundled pack has roles");
    assert!(
        !graph.transitions().is_empty(),
        "the bundled pack has transitions"
    );
}

#[wasm_bindgen_test]
fn a_mark_is_visible_to_the_performance_api() {
    perf::mark(perf::DATA_DECODED);
    let performance = web_sys::window()
        .and_then(|window| window.performance())
        .expect("the test page has the Performance API");
    let marks = performance.get_entries_by_name_with_entry_type(perf::DATA_DECODED, "mark");
    assert!(marks.length() >= 1);
}

#[wasm_bindgen_test]
fn a_measure_records_the_time_since_its_start_mark() {
    perf::mark("foothold:smoke-start");
    perf::measure_since("foothold:smoke", "foothold:smoke-start");
    perf::measure_since("foothold:never-started", "foothold:no-such-mark");
    let performance = web_sys::window()
        .and_then(|window| window.performance())
        .expect("the test page has the Performance API");
    let measured = performance.get_entries_by_name_with_entry_type("foothold:smoke", "measure");
    assert_eq!(measured.length(), 1);
    let unmeasured =
        performance.get_entries_by_name_with_entry_type("foothold:never-started", "measure");
    assert_eq!(unmeasured.length(), 0);
}

#[wasm_bindgen_test]
fn a_failed_start_hides_the_app_behind_a_plain_message_and_a_reload_button() {
    let mount = add_mount_point();
    mount.set_text_content(Some("the app's last screen"));

    failure::show_start_failure("The bundled role data could not be read.");

    let alert = mount
        .previous_element_sibling()
        .expect("an alert stands where the app was");
    assert_eq!(alert.get_attribute("role").as_deref(), Some("alert"));
    assert!(mount.has_attribute("hidden"), "the app is hidden");
    let text = alert.text_content().unwrap_or_default();
    assert!(text.contains("Sorry, Foothold could not start."), "{text}");
    assert!(
        text.contains("The bundled role data could not be read."),
        "{text}"
    );
    assert!(text.contains(failure::REASSURANCE), "{text}");
    let button = alert
        .query_selector("button[data-foothold-reload]")
        .expect("the selector is valid")
        .expect("the alert has a Reload button");
    assert_eq!(button.text_content().as_deref(), Some("Reload"));
    alert.remove();
    mount.remove();
}

/// Adds the element the app renders into to the test page.
fn add_mount_point() -> web_sys::Element {
    let mount = document()
        .create_element("div")
        .expect("a div can be created");
    mount.set_id(failure::MOUNT_POINT_ID);
    document()
        .body()
        .expect("the test page has a body")
        .append_child(&mount)
        .expect("the mount point can be added");
    mount
}

/// Builds the page as index.html has it: the hidden mount point and the frame after it.
fn page_with_frame() -> (web_sys::Element, web_sys::Element) {
    let document = document();
    let body = document.body().expect("the test page has a body");
    let mount = add_mount_point();
    mount
        .set_attribute("hidden", "")
        .expect("the mount point can be hidden");
    let frame = document
        .create_element("div")
        .expect("a div can be created");
    frame
        .set_attribute(static_shell::SHELL_ATTRIBUTE, "")
        .expect("the frame can be marked");
    body.append_child(&frame).expect("the frame can be added");
    (mount, frame)
}

#[wasm_bindgen_test]
fn the_app_takes_the_place_of_the_pre_rendered_frame_in_one_step() {
    let (mount, frame) = page_with_frame();

    static_shell::reveal_app();

    assert!(!frame.is_connected(), "the frame is gone");
    assert!(!mount.has_attribute("hidden"), "the app shows");
    // A second call (a later screen) changes nothing.
    mount
        .set_attribute("hidden", "")
        .expect("the mount point can be hidden");
    static_shell::reveal_app();
    assert!(
        mount.has_attribute("hidden"),
        "without a frame there is nothing to swap"
    );
    mount.remove();
}

#[wasm_bindgen_test]
fn a_failed_start_removes_the_frame_and_keeps_the_app_hidden() {
    let (mount, frame) = page_with_frame();

    failure::show_start_failure("The bundled role data could not be read.");
    static_shell::reveal_app();

    assert!(!frame.is_connected(), "the frame is gone");
    assert!(
        mount.has_attribute("hidden"),
        "the app stays behind the message"
    );
    let alert = mount
        .previous_element_sibling()
        .expect("an alert stands where the app was");
    assert_eq!(alert.get_attribute("role").as_deref(), Some("alert"));
    alert.remove();
    mount.remove();
}
