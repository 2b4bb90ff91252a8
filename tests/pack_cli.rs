//! The pack maintainers' command-line tool: `check` prints counts and every problem with a
//! non-zero exit on errors, and `schema` prints the schema that is published under data/.

#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn foothold(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_foothold"))
        .args(args)
        .output()
        .expect("the foothold binary runs")
}

/// A copy of the starter pack fixture in a fresh temporary folder, with its transitions
/// file rewritten by `edit`; the caller removes the folder.
fn starter_copy_with_transitions(
    name: &str,
    edit: impl FnOnce(String) -> String,
) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("foothold-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for sub in ["", "roles", "transitions"] {
        std::fs::create_dir_all(dir.join(sub)).expect("temp dir writable");
    }
    for file in [
        "pack.toml",
        "competencies.toml",
        "opportunities.toml",
        "credentials.toml",
        "roles/starter.toml",
    ] {
        std::fs::copy(
            format!("tests/fixtures/starter-pack/{file}"),
            dir.join(file),
        )
        .expect("fixture copies");
    }
    let transitions =
        std::fs::read_to_string("tests/fixtures/starter-pack/transitions/starter.toml")
            .expect("fixture readable");
    std::fs::write(dir.join("transitions/starter.toml"), edit(transitions))
        .expect("temp dir writable");
    dir
}

#[test]
fn check_prints_the_counts_of_a_valid_pack_and_succeeds() {
    let output = foothold(&["check", "tests/fixtures/starter-pack"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.contains("roles:                     6"), "{stdout}");
    assert!(stdout.contains("of which entry roles:    2"), "{stdout}");
    assert!(stdout.contains("transitions:               5"), "{stdout}");
    assert!(stdout.contains("development opportunities: 2"), "{stdout}");
    assert!(stdout.contains("competencies:              6"), "{stdout}");
    assert!(stdout.contains("no problems found"));
}

#[test]
fn check_fails_and_lists_problems_for_a_faulty_pack() {
    let dir = starter_copy_with_transitions("faulty", |transitions| {
        transitions.replace("to = \"data-analyst\"", "to = \"data-analist\"")
    });

    let output = foothold(&["check", dir.to_str().expect("utf-8 temp path")]);
    let _ = std::fs::remove_dir_all(&dir);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(stderr.contains("transitions/starter.toml"), "{stderr}");
    assert!(stderr.contains("did you mean `data-analyst`"), "{stderr}");
    assert!(stderr.contains("problem(s) found"), "{stderr}");
}

#[test]
fn published_schema_matches_the_rust_types() {
    let output = foothold(&["schema"]);
    assert!(output.status.success());
    let generated = String::from_utf8_lossy(&output.stdout);
    let published = std::fs::read_to_string("schema/pack.schema.json")
        .expect("schema/pack.schema.json is committed");
    assert_eq!(
        published.trim(),
        generated.trim(),
        "regenerate with: cargo run --bin foothold -- schema > schema/pack.schema.json"
    );
}

#[test]
fn compile_prints_the_compact_pack_the_app_embeds() {
    let output = foothold(&["compile", "tests/fixtures/starter-pack"]);
    assert!(output.status.success());
    let pack: foothold::graph::Pack =
        serde_json::from_slice(&output.stdout).expect("compile prints a pack as JSON");
    assert_eq!(pack.roles.len(), 6);
    assert_eq!(pack.transitions.len(), 5);
    assert!(!String::from_utf8_lossy(&output.stdout)
        .trim()
        .contains('\n'));
}

#[test]
fn a_move_written_once_for_several_roles_compiles_to_one_move_per_role() {
    // The administrator's move to data technician is also written as open to the nurse.
    let dir = starter_copy_with_transitions("shared", |transitions| {
        let shared = transitions.replacen(
            "from = \"administrator\"\nto = \"data-technician\"",
            "from = \"administrator\"\nalso_from = [\"registered-nurse\"]\nto = \"data-technician\"",
            1,
        );
        assert!(shared.contains("also_from"), "the fixture changed");
        shared
    });

    let output = foothold(&["compile", dir.to_str().expect("utf-8 temp path")]);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let pack: foothold::graph::Pack =
        serde_json::from_slice(&output.stdout).expect("compile prints a pack as JSON");
    assert_eq!(pack.transitions.len(), 6);
    let into_technician: Vec<&foothold::graph::Transition> = pack
        .transitions
        .iter()
        .filter(|t| t.to.as_str() == "data-technician")
        .collect();
    let starts: Vec<&str> = into_technician.iter().map(|t| t.from.as_str()).collect();
    assert_eq!(starts, ["administrator", "registered-nurse"]);
    assert_eq!(into_technician[0].gain, into_technician[1].gain);
    assert_eq!(into_technician[0].sources, into_technician[1].sources);
    assert!(into_technician.iter().all(|t| t.also_from.is_empty()));
    assert!(!String::from_utf8_lossy(&output.stdout).contains("also_from"));
}
