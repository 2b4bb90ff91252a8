//! Calendar export, checked by parsing it back with an independent iCalendar reader.

// Native only: these tests read the starter pack from disk.
#![cfg(not(target_arch = "wasm32"))]

mod core_support;

use core_support::{arb_plan, arb_text, date, sample_data, starter_graph};
use foothold::plan::{Plan, PlanId, Timestamp};
use foothold::share::{calendar_file_name, calendar_ics};
use ical::parser::ical::component::IcalEvent;
use proptest::prelude::*;
use std::io::BufReader;

fn now() -> Timestamp {
    "2026-11-25T09:30:00Z".parse().unwrap()
}

fn parse(ics: &str) -> ical::parser::ical::component::IcalCalendar {
    let mut calendars = ical::IcalParser::new(BufReader::new(ics.as_bytes()));
    let calendar = calendars.next().expect("one calendar").expect("it parses");
    assert!(calendars.next().is_none());
    calendar
}

fn property<'a>(event: &'a IcalEvent, name: &str) -> &'a ical::property::Property {
    event
        .properties
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("{name} missing"))
}

fn value(event: &IcalEvent, name: &str) -> String {
    property(event, name).value.clone().unwrap_or_default()
}

/// Undoes RFC 5545 TEXT escaping.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn dated_plan() -> Plan {
    let graph = starter_graph();
    let mut plan = sample_data(&graph).plans[0].clone();
    plan.set_target_date(0, Some(date("2026-09-01"))).unwrap();
    plan
}

fn check_lines(ics: &str) {
    assert!(ics.ends_with("\r\n"));
    for (position, _) in ics.match_indices('\n') {
        assert_eq!(
            &ics[position - 1..position],
            "\r",
            "every line ends with CRLF"
        );
    }
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
}

#[test]
fn dated_steps_become_all_day_events_another_reader_understands() {
    let graph = starter_graph();
    let plan = dated_plan();
    let ics = calendar_ics(&plan, &graph, now());
    check_lines(&ics);
    let calendar = parse(&ics);
    let header: Vec<(String, String)> = calendar
        .properties
        .iter()
        .map(|p| (p.name.clone(), p.value.clone().unwrap_or_default()))
        .collect();
    assert!(header.contains(&("VERSION".to_owned(), "2.0".to_owned())));
    assert!(header.contains(&(
        "PRODID".to_owned(),
        "-//Foothold//Career plan//EN".to_owned()
    )));
    assert_eq!(calendar.events.len(), 2);

    let first = &calendar.events[0];
    assert_eq!(value(first, "UID"), format!("{}-step-1@foothold", plan.id));
    assert_eq!(value(first, "DTSTAMP"), "20261125T093000Z");
    let start = property(first, "DTSTART");
    assert_eq!(start.value.as_deref(), Some("20260901"));
    assert_eq!(
        start.params,
        Some(vec![("VALUE".to_owned(), vec!["DATE".to_owned()])])
    );
    assert_eq!(value(first, "DTEND"), "20260902");
    assert_eq!(
        unescape(&value(first, "SUMMARY")),
        "Step 1: move to Digital nurse"
    );

    let second = &calendar.events[1];
    assert_eq!(value(second, "DTSTART"), "20270331");
    assert_eq!(value(second, "DTEND"), "20270401", "the day after 31 March");
    let description = unescape(&value(second, "DESCRIPTION"));
    assert!(description.contains("Plan: Nurse to CNIO\nStep 2 of 2: from Digital nurse to Chief nursing information officer\nStatus: In progress"), "{description}");
    assert!(
        description.contains(
            "Competencies to gain: Digital strategy, Leading informatics teams and projects"
        ),
        "{description}"
    );
    assert!(
        description.contains(
            "Notes: Ask the CNIO about shadowing, and the \"Digital\" network; café at 5pm"
        ),
        "{description}"
    );
    let uids: std::collections::BTreeSet<String> =
        calendar.events.iter().map(|e| value(e, "UID")).collect();
    assert_eq!(uids.len(), 2);
}

#[test]
fn special_characters_are_escaped_in_the_raw_file() {
    let graph = starter_graph();
    let ics = calendar_ics(&dated_plan(), &graph, now());
    let unfolded = ics.replace("\r\n ", "");
    assert!(
        unfolded.contains("shadowing\\, and the \"Digital\" network\\; café"),
        "{unfolded}"
    );
    assert!(unfolded.contains("Plan: Nurse to CNIO\\nStep 2 of 2"));
}

#[test]
fn long_non_ascii_notes_fold_at_75_octets_and_unfold_intact() {
    let graph = starter_graph();
    let mut plan = dated_plan();
    let notes =
        "Évaluer le système 电子病历, naïve café ☕ — 😀 emoji; back\\slash\nnew line. ".repeat(12);
    plan.set_notes(1, &notes).unwrap();
    let ics = calendar_ics(&plan, &graph, now());
    check_lines(&ics);
    let calendar = parse(&ics);
    let description = unescape(&value(&calendar.events[1], "DESCRIPTION"));
    let expected = format!("Notes: {notes}");
    // The reader trims the very end of the value; everything else must come back.
    assert!(description.ends_with(expected.trim_end()), "{description}");
}

#[test]
fn a_plan_without_dates_gives_a_calendar_with_no_events() {
    let graph = starter_graph();
    let mut plan = sample_data(&graph).plans[1].clone();
    plan.name = "No dates, yet".to_owned();
    let ics = calendar_ics(&plan, &graph, now());
    let calendar = parse(&ics);
    assert!(calendar.events.is_empty());
    assert!(ics.contains("X-WR-CALNAME:No dates\\, yet\r\n"));
}

#[test]
fn the_file_name_is_safe_for_any_plan_id() {
    let mut plan = dated_plan();
    assert_eq!(
        calendar_file_name(&plan),
        format!("foothold-plan-{}.ics", plan.id)
    );
    plan.id = "p-1/../x y".into();
    assert_eq!(calendar_file_name(&plan), "foothold-plan-p-1----x-y.ics");
}

#[test]
fn each_event_has_a_uid_made_of_the_plan_id_and_step() {
    let graph = starter_graph();
    let mut plan = dated_plan();
    plan.id = PlanId::from("p-3-k9x2qa");
    let calendar = parse(&calendar_ics(&plan, &graph, now()));
    let uids: Vec<String> = calendar.events.iter().map(|e| value(e, "UID")).collect();
    assert_eq!(
        uids,
        ["p-3-k9x2qa-step-1@foothold", "p-3-k9x2qa-step-2@foothold"]
    );
}

/// What text inside a TEXT value reads back as: line breaks of any kind are one line
/// break, and other control characters are spaces.
fn calendar_chars(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// What a whole TEXT value reads back as: [`calendar_chars`], with white space at the
/// very end dropped (but not a line break, which the file writes as `\n`).
fn as_calendar_text(text: &str) -> String {
    calendar_chars(text)
        .trim_end_matches(|c: char| c.is_whitespace() && c != '\n')
        .to_owned()
}

/// Text that starts with a letter, then anything: the reader used here drops colons at
/// the very start of a value (its own quirk), so a value is never made to start with one.
fn hostile(max: usize) -> impl Strategy<Value = String> {
    (
        prop::char::range('a', 'z'),
        prop::collection::vec(
            prop_oneof![
                3 => arb_text(8),
                1 => prop::sample::select(vec![
                    "\r\nATTACH:https://evil.example/x".to_owned(),
                    "\nEND:VEVENT\nBEGIN:VEVENT\nUID:x".to_owned(),
                    "\r".to_owned(),
                    ";,\\:".to_owned(),
                    "é€😀漢".repeat(20),
                ]),
            ],
            0..max,
        ),
    )
        .prop_map(|(first, pieces)| format!("{first}{}", pieces.concat()))
}

proptest! {
    #[test]
    fn hostile_plans_make_calendars_another_reader_reads_back_exactly(
        plan in arb_plan(1),
        id in hostile(6),
        name in hostile(12),
        notes in prop::collection::vec(hostile(30), 4),
    ) {
        let graph = starter_graph();
        let mut plan = Plan { id: PlanId::from(id.as_str()), name, ..plan };
        for (step, notes) in plan.steps.iter_mut().zip(notes) {
            step.notes = notes;
        }
        let ics = calendar_ics(&plan, &graph, now());
        for line in ics.split("\r\n") {
            prop_assert!(line.len() <= 75, "{} octets: {:?}", line.len(), line);
        }
        let calendar = parse(&ics);
        let header: Vec<&str> = calendar.properties.iter().map(|p| p.name.as_str()).collect();
        prop_assert_eq!(header, ["VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME"]);
        let name_back = calendar.properties[4].value.clone().unwrap_or_default();
        prop_assert_eq!(unescape(&name_back), as_calendar_text(&plan.name));

        let dated: Vec<(usize, &foothold::plan::PlanStep)> = plan
            .steps
            .iter()
            .enumerate()
            .filter(|(_, step)| step.target_date.is_some())
            .collect();
        prop_assert_eq!(calendar.events.len(), dated.len());
        for (event, (index, step)) in calendar.events.iter().zip(dated) {
            let names: Vec<&str> = event.properties.iter().map(|p| p.name.as_str()).collect();
            prop_assert_eq!(
                names,
                ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "TRANSP"]
            );
            prop_assert!(event.alarms.is_empty());
            prop_assert_eq!(
                unescape(&value(event, "UID")),
                as_calendar_text(&format!("{}-step-{}@foothold", plan.id, index + 1))
            );
            let description = unescape(&value(event, "DESCRIPTION"));
            let first_line = calendar_chars(&format!("Plan: {}\n", plan.name));
            prop_assert!(description.starts_with(&first_line), "{:?}", description);
            if !step.notes.trim().is_empty() {
                let notes = as_calendar_text(&format!("Notes: {}", step.notes));
                prop_assert!(description.ends_with(&notes), "{:?} does not end with {:?}", description, notes);
            }
        }
    }
}
