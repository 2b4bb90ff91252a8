//! Share links: round trips, links cut short or tampered with, and decompression
//! bombs refused.

// Native only: these tests read the starter pack from disk.
#![cfg(not(target_arch = "wasm32"))]

mod core_support;

use core_support::{arb_plan, sample_data, starter_graph};
use foothold::share::{
    base64url, read_share_fragment, share_fragment, ShareError, MAX_SHARE_JSON_BYTES,
    MAX_SHARE_PAYLOAD_CHARS, SHARE_PREFIX,
};
use proptest::prelude::*;

fn packed(json: &[u8]) -> String {
    let deflated = miniz_oxide::deflate::compress_to_vec(json, 9);
    format!("{SHARE_PREFIX}{}", base64url::encode(&deflated))
}

#[test]
fn a_shared_plan_opens_from_the_whole_link_or_the_fragment() {
    let plan = sample_data(&starter_graph()).plans[0].clone();
    let fragment = share_fragment(&plan);
    assert!(fragment.starts_with("#/shared/"));
    assert!(
        fragment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"#/-_".contains(&b)),
        "only URL-safe characters: {fragment}"
    );
    assert_eq!(read_share_fragment(&fragment).as_ref(), Ok(&plan));
    let link = format!("https://example.nhs.uk/foothold/index.html{fragment}");
    assert_eq!(read_share_fragment(&link).as_ref(), Ok(&plan));
    assert_eq!(
        read_share_fragment(&format!("  {link}\n")).as_ref(),
        Ok(&plan)
    );
    assert_eq!(read_share_fragment(&fragment[1..]), Ok(plan));
}

#[test]
fn a_typical_plan_makes_a_short_link() {
    let plan = sample_data(&starter_graph()).plans[0].clone();
    assert!(
        share_fragment(&plan).len() < 600,
        "{}",
        share_fragment(&plan).len()
    );
}

#[test]
fn text_that_is_not_a_share_link_says_so() {
    for text in ["", "https://example.org/#/plans", "#/shared/", "hello"] {
        assert_eq!(
            read_share_fragment(text),
            Err(ShareError::NotAShareLink),
            "{text}"
        );
    }
}

#[test]
fn a_link_cut_short_or_changed_is_garbled_not_a_panic() {
    let plan = sample_data(&starter_graph()).plans[0].clone();
    let fragment = share_fragment(&plan);
    let cut = &fragment[..fragment.len() - 7];
    assert_eq!(read_share_fragment(cut), Err(ShareError::Garbled));
    let changed = fragment.replacen('A', "+", 1);
    assert!(read_share_fragment(&changed).is_err());
    let error = read_share_fragment(&format!("{SHARE_PREFIX}%%%")).unwrap_err();
    assert_eq!(error, ShareError::Garbled);
    assert!(error.to_string().contains("copy the whole link again"));
}

#[test]
fn a_decompression_bomb_is_refused_without_unpacking_it_all() {
    let bomb = vec![b' '; MAX_SHARE_JSON_BYTES * 20];
    let link = packed(&bomb);
    assert!(link.len() < 20_000, "the bomb is small: {}", link.len());
    let error = read_share_fragment(&link).unwrap_err();
    assert_eq!(error, ShareError::TooLarge);
    assert!(error.to_string().contains("not opened"));
}

#[test]
fn an_overlong_link_is_refused_before_decoding() {
    let link = format!("{SHARE_PREFIX}{}", "A".repeat(MAX_SHARE_PAYLOAD_CHARS + 1));
    assert_eq!(read_share_fragment(&link), Err(ShareError::TooLong));
}

#[test]
fn a_link_from_a_newer_share_format_asks_for_an_update() {
    let link = packed(br#"{"v":2,"plan":{}}"#);
    let error = read_share_fragment(&link).unwrap_err();
    assert_eq!(error, ShareError::NewerVersion(2));
    assert!(error.to_string().contains("Reload the page"));
}

#[test]
fn a_link_holding_something_other_than_a_sound_plan_says_what_is_wrong() {
    let not_a_plan = packed(br#"{"v":1,"plan":{"name":"x"}}"#);
    assert!(matches!(
        read_share_fragment(&not_a_plan),
        Err(ShareError::NotAPlan(_))
    ));

    let mut plan = sample_data(&starter_graph()).plans[0].clone();
    plan.target = "somewhere-else".into();
    let json = serde_json::to_vec(&serde_json::json!({ "v": 1, "plan": plan })).unwrap();
    let error = read_share_fragment(&packed(&json)).unwrap_err();
    assert!(
        error.to_string().contains("do not end at its target role"),
        "{error}"
    );
}

proptest! {
    #[test]
    fn every_sound_plan_survives_a_share_link(plan in arb_plan(1)) {
        prop_assert_eq!(read_share_fragment(&share_fragment(&plan)), Ok(plan));
    }

    #[test]
    fn reading_any_link_never_panics(text in "#/shared/[A-Za-z0-9_-]{0,400}") {
        let _ = read_share_fragment(&text);
    }

    #[test]
    fn reading_any_deflated_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = read_share_fragment(&packed(&bytes));
    }
}

#[test]
fn a_link_says_who_shared_the_plan_and_when_and_older_links_still_open() {
    use foothold::graph::{bundled_pack_data, RoleGraph};
    use foothold::plan::{Plan, PlanId};
    use foothold::planner::Objective;
    use foothold::share::{read_shared, share_fragment_from};
    let Ok(pack) = bundled_pack_data() else {
        panic!("the bundled pack reads");
    };
    let graph = RoleGraph::new_unchecked(pack);
    let step = graph.transitions()[0].clone();
    let Ok(today) = "2026-03-02".parse() else {
        panic!("a date");
    };
    let Ok(plan) = Plan::from_route(
        &graph,
        &[step.from.clone(), step.to.clone()],
        Objective::ShortestTime,
        "For my mentor",
        today,
        PlanId::generate(1, 1),
    ) else {
        panic!("a plan from a move in the data");
    };
    let Ok(shared) = read_shared(&share_fragment_from(&plan, Some(" Sam "), Some(today))) else {
        panic!("the link opens");
    };
    assert_eq!(shared.plan, plan);
    assert_eq!(shared.by.as_deref(), Some("Sam"));
    assert_eq!(shared.on, Some(today));

    let Ok(anonymous) = read_shared(&share_fragment_from(&plan, Some("  "), None)) else {
        panic!("the link opens");
    };
    assert_eq!((anonymous.by, anonymous.on), (None, None));
    let Ok(older) = read_shared(&share_fragment(&plan)) else {
        panic!("a link without sender opens");
    };
    assert_eq!(older.plan, plan);
}
