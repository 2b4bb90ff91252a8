//! The validator rejects each kind of fault in a pack with a message that names the
//! file, the item and the fix; the bundled pack passes.

#![cfg(not(target_arch = "wasm32"))]

use foothold::graph::source::read_pack_folder;
use foothold::graph::{
    bundled_pack_data, validate_pack, BandRange, CostToYou, DegreeEntry, Months, OpportunityKind,
    Pack, PackProblem, ProblemKind, RoleId, RoleMigration,
};
use foothold::planner::testing::{pack_of, role, transition};
use std::path::Path;

fn starter() -> Pack {
    match read_pack_folder(Path::new("tests/fixtures/starter-pack")) {
        Ok(pack) => pack,
        Err(errors) => panic!("the starter fixture must parse: {errors:?}"),
    }
}

fn problems_of(pack: &Pack, kind: ProblemKind) -> Vec<PackProblem> {
    validate_pack(pack)
        .into_iter()
        .filter(|problem| problem.kind == kind)
        .collect()
}

#[test]
fn bundled_pack_has_no_problems() {
    let pack = bundled_pack_data().expect("the bundled pack is valid JSON");
    let problems = validate_pack(&pack);
    assert!(problems.is_empty(), "bundled pack problems: {problems:#?}");
}

/// The app indexes the bundled pack without checking it again, trusting the test above;
/// this proves the two ways in give the same graph.
#[test]
fn app_reads_the_bundled_pack_as_the_checked_graph() {
    let trusted =
        foothold::graph::bundled_graph_checked_at_build().expect("the bundled pack parses");
    let checked = foothold::graph::bundled_graph().expect("the bundled pack is valid");
    assert!(trusted == checked);
    assert_eq!(
        trusted.petgraph().edge_count(),
        checked.petgraph().edge_count()
    );
}

#[test]
fn starter_fixture_has_no_problems() {
    assert_eq!(validate_pack(&starter()), Vec::new());
}

#[test]
fn duplicate_role_id_is_reported_with_its_file() {
    let mut pack = starter();
    let copy = pack.roles[1].clone();
    pack.roles.push(copy);
    let problems = problems_of(&pack, ProblemKind::DuplicateId);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].file.as_deref(), Some("roles/starter.toml"));
    assert!(problems[0].item.contains("digital-nurse"));
    assert!(problems[0]
        .to_string()
        .contains("give each role its own id"));
}

#[test]
fn transition_to_unknown_role_suggests_the_nearest_id() {
    let mut pack = starter();
    pack.transitions[0].to = RoleId::new("digital-nurs");
    let problems = problems_of(&pack, ProblemKind::UnknownId);
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0].file.as_deref(),
        Some("transitions/starter.toml")
    );
    assert!(
        problems[0].message.contains("did you mean `digital-nurse`"),
        "{}",
        problems[0]
    );
}

#[test]
fn unknown_competency_and_opportunity_are_reported() {
    let mut pack = starter();
    pack.transitions[1].gain.push("time-travel".into());
    pack.transitions[1]
        .opportunities
        .push("moon-fellowship".into());
    let problems = problems_of(&pack, ProblemKind::UnknownId);
    assert_eq!(problems.len(), 2);
    assert!(problems[0]
        .message
        .contains("unknown competency `time-travel`"));
    assert!(problems[1]
        .message
        .contains("unknown opportunity `moon-fellowship`"));
}

#[test]
fn self_loop_is_rejected() {
    let mut pack = starter();
    pack.transitions[0].to = pack.transitions[0].from.clone();
    assert_eq!(problems_of(&pack, ProblemKind::SelfLoop).len(), 1);
}

#[test]
fn shared_move_left_unexpanded_is_rejected() {
    let mut pack = starter();
    let other = pack.roles[0].id.clone();
    pack.transitions[0].also_from = vec![other];
    let problems = problems_of(&pack, ProblemKind::SharedMoveNotExpanded);
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message.contains("also_from"));
}

#[test]
fn repeated_move_is_rejected() {
    let mut pack = starter();
    let copy = pack.transitions[0].clone();
    pack.transitions.push(copy);
    let problems = problems_of(&pack, ProblemKind::DuplicateTransition);
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message.contains("merge"));
}

#[test]
fn downward_band_range_is_rejected() {
    let mut pack = starter();
    pack.roles[0].bands = BandRange {
        min: "7".parse().expect("a band"),
        max: "5".parse().expect("a band"),
    };
    let problems = problems_of(&pack, ProblemKind::ImpossibleBands);
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message.contains("7-5"));
}

#[test]
fn medical_contract_mixed_with_bands_is_rejected() {
    let mut pack = starter();
    pack.roles[0].bands = "7-medical".parse().expect("parses as a range");
    assert_eq!(problems_of(&pack, ProblemKind::ImpossibleBands).len(), 1);
}

#[test]
fn unknown_band_code_fails_to_parse_with_the_allowed_codes() {
    let error = "10"
        .parse::<BandRange>()
        .expect_err("band 10 does not exist");
    assert!(error.contains("use 2 to 9, 8a to 8d"));
}

#[test]
fn impossible_times_are_rejected() {
    for (min, max, words) in [
        (24, 12, "runs downwards"),
        (0, 0, "takes no time"),
        (12, 240, "at most 120"),
    ] {
        let mut pack = starter();
        pack.transitions[0].months = Months { min, max };
        let problems = problems_of(&pack, ProblemKind::ImpossibleTime);
        assert_eq!(problems.len(), 1, "[{min}, {max}]");
        assert!(problems[0].message.contains(words), "{}", problems[0]);
    }
}

#[test]
fn a_move_shorter_than_the_programme_it_cites_is_rejected() {
    let mut pack = starter();
    let Some(index) = pack
        .transitions
        .iter()
        .position(|transition| !transition.opportunities.is_empty())
    else {
        panic!("the starter fixture has a move that cites an opportunity");
    };
    let cited = pack.transitions[index].opportunities[0].clone();
    pack.transitions[index].months = Months { min: 6, max: 12 };
    for opportunity in &mut pack.opportunities {
        if opportunity.id == cited {
            opportunity.months = Some(Months { min: 12, max: 21 });
        }
    }
    let problems = problems_of(&pack, ProblemKind::ShorterThanProgramme);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].message.contains("up to 21"), "{}", problems[0]);

    // Allowing the programme's typical length is enough.
    pack.transitions[index].months = Months { min: 6, max: 21 };
    assert!(problems_of(&pack, ProblemKind::ShorterThanProgramme).is_empty());
}

#[test]
fn missing_or_malformed_sources_are_rejected() {
    let mut pack = starter();
    pack.transitions[0].sources.clear();
    pack.roles[0].sources = vec!["a friend told me".into()];
    pack.opportunities[0].sources.clear();
    let problems = problems_of(&pack, ProblemKind::MissingSource);
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert!(problems
        .iter()
        .any(|p| p.message.contains("is not a web address")));
}

#[test]
fn role_cut_off_from_every_entry_role_is_unreachable() {
    let mut pack = starter();
    pack.transitions
        .retain(|t| t.to.as_str() != "data-technician");
    let problems = problems_of(&pack, ProblemKind::Unreachable);
    let items: Vec<&str> = problems.iter().map(|p| p.item.as_str()).collect();
    assert_eq!(items, ["role `data-technician`", "role `data-analyst`"]);
}

#[test]
fn dead_end_that_is_not_senior_terminal_is_reported() {
    let mut pack = starter();
    pack.transitions
        .retain(|t| t.from.as_str() != "data-technician");
    let problems = problems_of(&pack, ProblemKind::DeadEnd);
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message.contains("senior_terminal = true"));
}

#[test]
fn pack_without_entry_roles_is_rejected() {
    let mut pack = starter();
    for role in &mut pack.roles {
        role.entry = false;
    }
    assert_eq!(problems_of(&pack, ProblemKind::NoEntryRoles).len(), 1);
}

#[test]
fn ids_must_be_slugs_and_texts_present() {
    let mut pack = starter();
    pack.roles[0].id = RoleId::new("Registered Nurse");
    pack.roles[1].summary = "  ".to_owned();
    assert_eq!(problems_of(&pack, ProblemKind::BadId).len(), 1);
    assert_eq!(problems_of(&pack, ProblemKind::MissingText).len(), 1);
}

#[test]
fn migration_must_leave_a_gone_id_for_an_existing_one() {
    let mut pack = starter();
    pack.migrations.push(RoleMigration {
        old: RoleId::new("digital-nurse"),
        new: Some(RoleId::new("no-such-role")),
        since: "2026.11.0".to_owned(),
        note: "renamed".to_owned(),
    });
    let problems = problems_of(&pack, ProblemKind::BadMigration);
    assert_eq!(problems.len(), 2, "{problems:#?}");
}

#[test]
fn source_folder_with_a_typo_names_the_file_and_line() {
    let dir = std::env::temp_dir().join(format!("foothold-pack-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(Path::new("tests/fixtures/starter-pack"), &dir);
    let broken = dir.join("roles/starter.toml");
    let text = std::fs::read_to_string(&broken).expect("fixture readable");
    std::fs::write(
        &broken,
        text.replacen(
            "family = \"clinical-practice\"",
            "famly = \"clinical-practice\"",
            1,
        ),
    )
    .expect("temp dir writable");
    let errors = read_pack_folder(&dir).expect_err("a misspelt field is refused");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].file, "roles/starter.toml");
    assert!(errors[0].message.contains("famly"), "{}", errors[0].message);
    assert!(errors[0].message.contains("line"), "{}", errors[0].message);
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("temp dir writable");
    for entry in std::fs::read_dir(from).expect("fixture readable").flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("temp dir writable");
        }
    }
}

#[test]
fn plain_http_source_is_rejected() {
    let mut pack = starter();
    pack.roles[0].sources = vec!["http://www.nhsemployers.org/".into()];
    let problems = problems_of(&pack, ProblemKind::InsecureSource);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].message.contains("https"), "{}", problems[0]);
}

#[test]
fn copy_site_and_staging_sources_are_rejected() {
    let mut pack = starter();
    pack.roles[0].sources = vec![
        "https://cupdf.com/document/a-copied-profile.html".into(),
        "https://trust-site-staging.example.nhs.uk/jobs".into(),
    ];
    let problems = problems_of(&pack, ProblemKind::RejectedSource);
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(
        problems[0].message.contains("original publisher"),
        "{}",
        problems[0]
    );
    assert!(problems[1].message.contains("staging"), "{}", problems[1]);
}

#[test]
fn grade_resting_only_on_press_or_a_framework_download_page_is_rejected() {
    let mut pack = starter();
    pack.roles[0].evidence = foothold::graph::Evidence::Sourced;
    pack.roles[0].sources = vec!["https://www.digitalhealth.net/2013/11/team-players/".into()];
    pack.transitions[0].evidence = foothold::graph::Evidence::Derived;
    pack.transitions[0].sources =
        vec!["https://ddat-capability-framework.service.gov.uk/download".into()];
    let problems = problems_of(&pack, ProblemKind::GradeWithoutPrimarySource);
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(
        problems[0].message.contains("graded `sourced`"),
        "{}",
        problems[0]
    );
    assert!(
        problems[1].message.contains("graded `derived`"),
        "{}",
        problems[1]
    );
}

#[test]
fn a_source_record_declared_supporting_cannot_make_a_grade() {
    let mut pack = starter();
    pack.roles[0].evidence = foothold::graph::Evidence::Sourced;
    pack.roles[0].sources = vec![foothold::graph::Source::Record(
        foothold::graph::SourceRecord {
            url: "https://www.example-trust.nhs.uk/news/a-case-study".to_owned(),
            title: Some("A nurse's story".to_owned()),
            publisher: Some("Example trust".to_owned()),
            kind: Some(foothold::graph::SourceKind::Supporting),
            checked: None,
        },
    )];
    let problems = problems_of(&pack, ProblemKind::GradeWithoutPrimarySource);
    assert_eq!(problems.len(), 1, "{problems:#?}");
}

/// The starter fixture's apprenticeship, by position.
fn apprenticeship(pack: &Pack) -> usize {
    match pack
        .opportunities
        .iter()
        .position(|opportunity| opportunity.kind == OpportunityKind::Apprenticeship)
    {
        Some(index) => index,
        None => panic!("the starter fixture has an apprenticeship"),
    }
}

#[test]
fn an_apprenticeship_that_does_not_say_paid_while_training_is_rejected() {
    let mut pack = starter();
    let index = apprenticeship(&pack);
    pack.opportunities[index].to_you = CostToYou::NotPublished;
    let problems = problems_of(&pack, ProblemKind::CostOrDegreeMisstated);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].item.contains("data-technician-apprenticeship"));
    assert!(
        problems[0].message.contains("paid-while-training"),
        "{}",
        problems[0]
    );
}

#[test]
fn only_training_posts_may_say_paid_while_training() {
    let mut pack = starter();
    let index = apprenticeship(&pack);
    pack.opportunities[index].kind = OpportunityKind::Membership;
    let problems = problems_of(&pack, ProblemKind::CostOrDegreeMisstated);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].message.contains("not a membership"),
        "{}",
        problems[0]
    );
}

#[test]
fn fees_without_a_cost_naming_them_are_rejected() {
    let mut pack = starter();
    pack.opportunities[0].to_you = CostToYou::Fees;
    pack.opportunities[0].cost = None;
    let problems = problems_of(&pack, ProblemKind::CostOrDegreeMisstated);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].message.contains("add a `cost`"),
        "{}",
        problems[0]
    );

    pack.opportunities[0].cost = Some("A yearly membership fee".to_owned());
    assert!(problems_of(&pack, ProblemKind::CostOrDegreeMisstated).is_empty());
}

#[test]
fn a_degree_is_earned_only_at_degree_level() {
    let mut pack = starter();
    let index = apprenticeship(&pack);
    pack.opportunities[index].degree = DegreeEntry::Earned;
    let problems = problems_of(&pack, ProblemKind::CostOrDegreeMisstated);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .message
            .contains("level 5 (a foundation degree), 6 or 7"),
        "{}",
        problems[0]
    );

    // A level 4 apprenticeship gives no degree.
    pack.opportunities[index].level = Some(4);
    assert_eq!(
        problems_of(&pack, ProblemKind::CostOrDegreeMisstated).len(),
        1
    );

    // A level 5 apprenticeship can end in a foundation degree (the nursing associate's).
    pack.opportunities[index].level = Some(5);
    assert!(problems_of(&pack, ProblemKind::CostOrDegreeMisstated).is_empty());

    // A level 6 apprenticeship is a degree apprenticeship.
    pack.opportunities[index].level = Some(6);
    assert!(problems_of(&pack, ProblemKind::CostOrDegreeMisstated).is_empty());
}

#[test]
fn training_that_grants_a_registration_taking_a_degree_cannot_need_none() {
    let mut pack = starter();
    let index = apprenticeship(&pack);
    let Some(nurse) = pack.credentials.first_mut() else {
        panic!("the starter fixture declares a credential");
    };
    nurse.needs_degree = true;
    let nurse = nurse.id.clone();
    pack.opportunities[index].grants = vec![nurse];
    let problems = problems_of(&pack, ProblemKind::CostOrDegreeMisstated);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].message.contains("takes a degree"),
        "{}",
        problems[0]
    );
}

#[test]
fn every_bundled_opportunity_says_what_it_costs_and_every_apprenticeship_pays() {
    let pack = bundled_pack_data().expect("the bundled pack is valid JSON");
    for opportunity in &pack.opportunities {
        if opportunity.kind == OpportunityKind::Apprenticeship {
            assert_eq!(
                opportunity.to_you,
                CostToYou::PaidWhileTraining,
                "{}",
                opportunity.id
            );
        }
    }
    assert!(pack
        .opportunities
        .iter()
        .any(|opportunity| opportunity.degree == DegreeEntry::Earned));
}

/// A support worker trains as a nurse; nurses move into a digital post and, where
/// `way_back` is set, back again.
fn nurse_training_pack(way_back: bool) -> Pack {
    let mut nurse = role("nurse");
    nurse.requires.all_of = vec!["reg-nurse".into()];
    let mut train = transition("support", "nurse", 36, 48);
    train.grants = vec!["reg-nurse".into()];
    let mut moves = vec![train, transition("nurse", "digital", 12, 24)];
    if way_back {
        moves.push(transition("digital", "nurse", 12, 24));
    }
    pack_of(vec![role("support"), nurse, role("digital")], moves)
}

#[test]
fn training_for_a_registration_into_a_role_on_a_cycle_is_rejected() {
    assert!(problems_of(&nurse_training_pack(false), ProblemKind::GrantOnCycle).is_empty());
    let problems = problems_of(&nurse_training_pack(true), ProblemKind::GrantOnCycle);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .message
            .contains("`nurse` lies on a cycle of roles"),
        "{}",
        problems[0]
    );
    assert!(
        problems[0].item.contains("`support` → `nurse`"),
        "{}",
        problems[0]
    );
}

#[test]
fn a_grant_on_a_move_that_lies_on_a_cycle_is_rejected() {
    let mut pack = nurse_training_pack(false);
    pack.transitions
        .push(transition("digital", "support", 12, 24));
    let problems = problems_of(&pack, ProblemKind::GrantOnCycle);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].message.contains("can come back"),
        "{}",
        problems[0]
    );
}
