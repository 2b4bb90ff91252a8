//! Calendar export, checked by parsing it back with an independent iCalendar reader.

// Native only: these tests read the starter pack from disk.
#![cfg(not(target_arch = "wasm32"))]

mod core_support;

use core_support::{date, sample_data, starter_graph};
use foothold::plan::{Plan, Timestamp};
use foothold::share::{calendar_file_name, calendar_ics};
use ical::parser::ical::component::IcalEvent;
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
