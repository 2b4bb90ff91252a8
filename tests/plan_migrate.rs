//! Plans saved against older role data: renamed roles follow the migration map, gone
//! roles and moves are kept as saved and reported in plain English.

// Native only: these tests read the starter pack from disk.
#![cfg(not(target_arch = "wasm32"))]

mod core_support;

use core_support::{nurse_to_cnio_plan, starter_graph};
use foothold::graph::{Pack, RoleGraph, RoleId, RoleMigration};
use foothold::plan::{migrate_roles, step_in_data, Plan, RoleChange, StepStatus};

fn nurse_plan() -> Plan {
    let mut plan = nurse_to_cnio_plan("Nurse to CNIO", "p-1");
    plan.set_status(0, StepStatus::Done).unwrap();
    plan.set_notes(1, "My notes").unwrap();
    plan
}

fn rename_role(pack: &mut Pack, old: &str, new: &str, title: &str) {
    for role in &mut pack.roles {
        if role.id.as_str() == old {
            role.id = RoleId::new(new);
            role.title = title.to_owned();
        }
    }
    for transition in &mut pack.transitions {
        for end in [&mut transition.from, &mut transition.to] {
            if end.as_str() == old {
                *end = RoleId::new(new);
            }
        }
    }
}

fn migration(old: &str, new: Option<&str>, note: &str) -> RoleMigration {
    RoleMigration {
        old: RoleId::new(old),
        new: new.map(RoleId::new),
        since: "2027.01.0".to_owned(),
        note: note.to_owned(),
    }
}

/// The starter pack as a later data version, changed by `change`.
fn later_graph(change: impl FnOnce(&mut Pack)) -> RoleGraph {
    let mut pack = starter_graph().pack().clone();
    pack.info.data_version = "2027.01.0".to_owned();
    change(&mut pack);
    RoleGraph::new_unchecked(pack)
}

#[test]
fn a_plan_that_fits_the_data_has_no_changes_and_is_marked_checked() {
    let graph = later_graph(|_| {});
    let mut plan = nurse_plan();
    let before = plan.clone();
    assert_eq!(migrate_roles(&mut plan, &graph), vec![]);
    assert_eq!(plan.steps, before.steps);
    assert_eq!(plan.data_version, "2027.01.0");
}

#[test]
fn a_renamed_role_is_rewritten_everywhere_and_reported_once() {
    let graph = later_graph(|pack| {
        rename_role(
            pack,
            "digital-nurse",
            "digital-nursing-lead",
            "Digital nursing lead",
        );
        pack.migrations.push(migration(
            "digital-nurse",
            Some("digital-nursing-lead"),
            "Renamed to match current job titles.",
        ));
    });
    let mut plan = nurse_plan();
    let changes = migrate_roles(&mut plan, &graph);
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(
        changes[0].to_string(),
        "'digital-nurse' is now called 'Digital nursing lead'."
    );
    assert_eq!(plan.steps[0].to, RoleId::new("digital-nursing-lead"));
    assert_eq!(plan.steps[1].from, RoleId::new("digital-nursing-lead"));
    assert_eq!(plan.steps[0].status, StepStatus::Done, "progress is kept");
    assert_eq!(plan.steps[1].notes, "My notes", "notes are kept");
    assert!(step_in_data(&graph, &plan.steps[1].from, &plan.steps[1].to));
    // Running again finds nothing more to do.
    assert_eq!(migrate_roles(&mut plan, &graph), vec![]);
}

#[test]
fn a_renamed_start_and_target_are_rewritten() {
    let graph = later_graph(|pack| {
        rename_role(pack, "registered-nurse", "nurse", "Nurse");
        rename_role(pack, "chief-nursing-information-officer", "cnio", "CNIO");
        pack.migrations
            .push(migration("registered-nurse", Some("nurse"), "Shorter id."));
        pack.migrations.push(migration(
            "chief-nursing-information-officer",
            Some("cnio"),
            "Shorter id.",
        ));
    });
    let mut plan = nurse_plan();
    let changes = migrate_roles(&mut plan, &graph);
    assert_eq!(changes.len(), 2);
    assert_eq!(plan.start, RoleId::new("nurse"));
    assert_eq!(plan.target, RoleId::new("cnio"));
    assert_eq!(plan.steps[0].from, plan.start);
    assert_eq!(plan.steps[1].to, plan.target);
}

#[test]
fn a_removed_role_is_kept_as_saved_and_flagged() {
    let graph = later_graph(|pack| {
        pack.roles
            .retain(|role| role.id.as_str() != "digital-nurse");
        pack.transitions
            .retain(|t| t.from.as_str() != "digital-nurse" && t.to.as_str() != "digital-nurse");
        pack.migrations
            .push(migration("digital-nurse", None, "Merged into other roles."));
    });
    let mut plan = nurse_plan();
    let before = plan.clone();
    let changes = migrate_roles(&mut plan, &graph);
    assert_eq!(
        changes,
        vec![RoleChange::Removed {
            id: RoleId::new("digital-nurse"),
            note: Some("Merged into other roles.".to_owned()),
        }]
    );
    assert_eq!(
        changes[0].to_string(),
        "'digital-nurse' is no longer in the role data; this step is kept as you saved it."
    );
    assert_eq!(plan.steps, before.steps, "the steps are kept exactly");
    assert!(!step_in_data(
        &graph,
        &plan.steps[0].from,
        &plan.steps[0].to
    ));
}

#[test]
fn a_role_missing_from_the_map_is_treated_as_removed() {
    let graph = later_graph(|pack| {
        pack.roles
            .retain(|role| role.id.as_str() != "digital-nurse");
    });
    let mut plan = nurse_plan();
    let changes = migrate_roles(&mut plan, &graph);
    assert!(matches!(
        &changes[..],
        [RoleChange::Removed { note: None, .. }]
    ));
}

#[test]
fn a_chain_of_renames_is_followed_to_the_end() {
    let graph = later_graph(|pack| {
        rename_role(pack, "digital-nurse", "digital-lead", "Digital lead");
        pack.migrations.push(migration(
            "digital-nurse",
            Some("nurse-informatician"),
            "First rename.",
        ));
        pack.migrations.push(migration(
            "nurse-informatician",
            Some("digital-lead"),
            "Second rename.",
        ));
    });
    let mut plan = nurse_plan();
    let changes = migrate_roles(&mut plan, &graph);
    assert_eq!(
        changes[0].to_string(),
        "'digital-nurse' is now called 'Digital lead'."
    );
    assert_eq!(plan.steps[0].to, RoleId::new("digital-lead"));
}

#[test]
fn a_loop_in_the_migration_map_ends_as_removed_instead_of_hanging() {
    let graph = later_graph(|pack| {
        pack.roles
            .retain(|role| role.id.as_str() != "digital-nurse");
        pack.migrations
            .push(migration("digital-nurse", Some("x"), "Loop."));
        pack.migrations
            .push(migration("x", Some("digital-nurse"), "Loop."));
    });
    let mut plan = nurse_plan();
    let changes = migrate_roles(&mut plan, &graph);
    assert!(matches!(&changes[..], [RoleChange::Removed { .. }]));
}

#[test]
fn a_move_no_longer_in_the_data_is_flagged_with_its_step() {
    let graph = later_graph(|pack| {
        pack.transitions.retain(|t| {
            !(t.from.as_str() == "digital-nurse"
                && t.to.as_str() == "chief-nursing-information-officer")
        });
    });
    let mut plan = nurse_plan();
    let changes = migrate_roles(&mut plan, &graph);
    assert_eq!(
        changes.iter().map(ToString::to_string).collect::<Vec<_>>(),
        vec!["Step 2: the move from 'Digital nurse' to 'Chief nursing information officer' is no longer in the role data; this step is kept as you saved it."]
    );
    assert_eq!(plan.steps.len(), 2);
}
