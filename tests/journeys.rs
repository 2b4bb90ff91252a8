//! The adviser's journeys in data/journeys.toml: at least forty, covering every entry role
//! and every family, and every one holds for the bundled pack. `foothold check data/`
//! runs the same checks and prints how many hold.

#![cfg(not(target_arch = "wasm32"))]

use foothold::graph::{source::read_pack_folder, Family, RoleGraph};
use foothold::planner::journeys::{check_all, Expect, Journey, JourneyFile};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

fn journeys() -> Vec<Journey> {
    let text = std::fs::read_to_string("data/journeys.toml").expect("data/journeys.toml exists");
    let file: JourneyFile = toml::from_str(&text).expect("data/journeys.toml parses");
    file.journey
}

fn graph() -> RoleGraph {
    let pack = read_pack_folder(Path::new("data")).expect("the bundled pack parses");
    RoleGraph::new(pack).expect("the bundled pack is valid")
}

#[test]
fn every_journey_an_adviser_expects_holds() {
    let graph = graph();
    let journeys = journeys();
    let broken: Vec<String> = check_all(&graph, &journeys)
        .into_iter()
        .filter_map(|(journey, outcome)| {
            outcome
                .err()
                .map(|faults| format!("{}: {}", journey.label(), faults.join("; ")))
        })
        .collect();
    assert!(broken.is_empty(), "broken journeys:\n{}", broken.join("\n"));
}

#[test]
fn the_journeys_cover_every_entry_role_and_every_family() {
    let graph = graph();
    let journeys = journeys();
    assert!(journeys.len() >= 40, "only {} journeys", journeys.len());
    let starts: BTreeSet<&str> = journeys.iter().map(|j| j.from.as_str()).collect();
    for role in graph.roles().iter().filter(|role| role.entry) {
        assert!(
            starts.contains(role.id.as_str()),
            "no journey starts at {}",
            role.id
        );
    }
    let families: BTreeSet<Family> = journeys
        .iter()
        .flat_map(|j| [&j.from, &j.to])
        .filter_map(|id| graph.role(id).map(|role| role.family))
        .collect();
    for family in Family::ALL {
        assert!(
            families.contains(&family),
            "no journey touches {}",
            family.label()
        );
    }
    assert!(journeys.iter().any(|j| j.expect == Expect::NoRoute));
    for journey in &journeys {
        assert!(
            !journey.why.trim().is_empty(),
            "{} says not why",
            journey.label()
        );
    }
}

#[test]
fn a_broken_journey_is_reported_with_what_went_wrong() {
    let graph = graph();
    let mut journey = journeys()
        .into_iter()
        .find(|j| j.from.as_str() == "pharmacist" && j.expect == Expect::NoRoute)
        .expect("the pharmacist to CNIO journey is in the file");
    // A pharmacist who also holds nurse registration can reach CNIO, so "no route" breaks.
    journey.holding = vec!["nmc-nurse".into()];
    let faults = journey
        .check(&graph)
        .expect_err("the journey no longer holds");
    assert!(
        faults[0].starts_with("expected no route, but found"),
        "{faults:?}"
    );
}

#[test]
fn check_runs_the_journeys_and_says_how_many_hold() {
    let output = Command::new(env!("CARGO_BIN_EXE_foothold"))
        .args(["check", "data"])
        .output()
        .expect("the foothold binary runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    let count = journeys().len();
    assert!(
        stdout.contains(&format!(
            "journeys:                  {count} of {count} hold"
        )),
        "{stdout}"
    );
}

#[test]
fn the_published_journeys_schema_matches_the_rust_types() {
    let output = Command::new(env!("CARGO_BIN_EXE_foothold"))
        .args(["schema", "journeys"])
        .output()
        .expect("the foothold binary runs");
    assert!(output.status.success());
    let published = std::fs::read_to_string("schema/journeys.schema.json")
        .expect("schema/journeys.schema.json is committed");
    assert_eq!(
        published.trim(),
        String::from_utf8_lossy(&output.stdout).trim(),
        "regenerate with: cargo run --bin foothold -- schema journeys > schema/journeys.schema.json"
    );
}
