//! The `foothold route` command on the starter pack fixture.

#![cfg(not(target_arch = "wasm32"))]

use std::process::{Command, Output};

fn route(args: &[&str]) -> Output {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/starter-pack");
    Command::new(env!("CARGO_BIN_EXE_foothold"))
        .arg("route")
        .args(args)
        .arg(folder)
        .output()
        .expect("the command runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn the_best_route_is_printed_as_numbered_steps() {
    let output = route(&["registered-nurse", "chief-nursing-information-officer"]);
    assert!(output.status.success());
    let printed = text(&output.stdout);
    assert!(printed.contains("Route 1: 2 step(s), 4 to 8 years for you"));
    assert!(
        printed.contains("  1. Registered nurse (Bands 5 to 7) to Digital nurse (Bands 6 to 7)")
    );
    assert!(
        printed.contains("     To gain: Digital strategy; Leading informatics teams and projects")
    );
    assert!(printed.contains("     Evidence: Informed estimate"));
    assert!(!printed.contains("Route 2"));
}

#[test]
fn alternatives_and_objectives_can_be_asked_for() {
    let output = route(&[
        "registered-nurse",
        "chief-nursing-information-officer",
        "--routes",
        "3",
        "--objective",
        "steps",
    ]);
    assert!(output.status.success());
    let printed = text(&output.stdout);
    let first = printed
        .find("Route 1: 1 step(s)")
        .expect("the direct move is first");
    let second = printed
        .find("Route 2: 2 step(s)")
        .expect("the longer route is second");
    assert!(first < second);
}

#[test]
fn no_route_fails_with_the_reason_and_nearest_roles() {
    let output = route(&["administrator", "chief-nursing-information-officer"]);
    assert_eq!(output.status.code(), Some(1));
    let printed = text(&output.stderr);
    assert!(printed.contains("It needs registration as a nurse"));
    assert!(printed.contains("  - Data analyst (data-analyst)"));
}

#[test]
fn bad_options_are_refused_with_usage() {
    let output = route(&["registered-nurse", "digital-nurse", "--routes", "eleven"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("--routes takes a number from 1 to 10"));
}
