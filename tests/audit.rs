//! `data/AUDIT.md` is the bundled pack's audit exactly as `foothold audit data/` prints
//! it, so a release never ships with a stale audit.

#![cfg(not(target_arch = "wasm32"))]

use foothold::graph::audit::Audit;
use foothold::graph::source::read_pack_folder;
use foothold::graph::RoleGraph;
use foothold::planner::audit_markdown;
use std::path::Path;

#[test]
fn committed_audit_matches_the_bundled_pack() {
    let pack = match read_pack_folder(Path::new("data")) {
        Ok(pack) => pack,
        Err(errors) => panic!("data/ must parse: {errors:?}"),
    };
    let audit = Audit::of(&pack);
    let graph = match RoleGraph::new(pack) {
        Ok(graph) => graph,
        Err(error) => panic!("data/ must be valid: {error}"),
    };
    let fresh = audit_markdown(audit, &graph);
    let committed = std::fs::read_to_string("data/AUDIT.md").unwrap_or_default();
    assert!(
        committed == fresh,
        "data/AUDIT.md is out of date: run `cargo run --bin foothold -- audit data/ > data/AUDIT.md`"
    );
}

#[test]
fn every_move_in_the_bundled_pack_has_a_note_and_no_source_is_rejected() {
    let pack = match read_pack_folder(Path::new("data")) {
        Ok(pack) => pack,
        Err(errors) => panic!("data/ must parse: {errors:?}"),
    };
    let audit = Audit::of(&pack);
    assert_eq!(audit.moves_without_notes, Vec::<String>::new());
    assert_eq!(audit.rejected, Vec::<(String, String)>::new());
}

#[test]
fn audit_counts_a_press_only_item_and_a_move_without_a_note() {
    let pack = match read_pack_folder(Path::new("tests/fixtures/starter-pack")) {
        Ok(pack) => pack,
        Err(errors) => panic!("the starter fixture must parse: {errors:?}"),
    };
    let mut pack = pack;
    pack.transitions[0].note = None;
    pack.transitions[0].sources =
        vec!["https://www.digitalhealth.net/2013/11/team-players/".into()];
    let audit = Audit::of(&pack);
    let first = format!(
        "move `{}` → `{}`",
        pack.transitions[0].from, pack.transitions[0].to
    );
    assert!(audit.moves_without_notes.contains(&first), "{first}");
    assert!(audit.press_only.iter().any(|item| item.starts_with("move")));
    assert_eq!(audit.roles.total(), pack.roles.len());
    assert_eq!(audit.moves.total(), pack.transitions.len());
}
