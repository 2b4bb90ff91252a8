//! Calendar files: a plan's dated steps as all-day events in iCalendar (RFC 5545)
//! format, which every calendar app imports.

use crate::graph::{RoleGraph, RoleId};
use crate::plan::{Plan, Timestamp};

/// The longest a calendar line may be, in octets, before it is folded (RFC 5545 3.1).
const MAX_LINE_OCTETS: usize = 75;

/// A property whose value is TEXT: escaped, with trailing white space dropped (it
/// carries nothing in a calendar, and some readers drop it anyway).
fn text_property(name: &str, value: &str) -> String {
    format!("{name}:{}", escape_text(value).trim_end())
}

/// Escapes text for an iCalendar TEXT value: backslash, semicolon, comma and line
/// breaks, as RFC 5545 3.3.11 requires. Other control characters are not allowed in
/// TEXT, so they become spaces.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(character) = chars.next() {
        match character {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                // A Windows line break is one break, not two.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            other if other.is_control() => out.push(' '),
            other => out.push(other),
        }
    }
    out
}

/// Folds one content line so no physical line exceeds 75 octets, never splitting a
/// UTF-8 character, and ends every line with CRLF. White space is never left at the
/// end of a physical line (it starts the next one instead), because some readers trim
/// trailing white space when unfolding.
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 60 * 3 + 2);
    let mut rest = line;
    let mut limit = MAX_LINE_OCTETS;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return out;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let trimmed = rest[..cut].trim_end().len();
        if trimmed > 0 {
            cut = trimmed;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // Continuation lines start with the folding space, which counts.
        limit = MAX_LINE_OCTETS - 1;
    }
}

fn role_title(graph: &RoleGraph, id: &RoleId) -> String {
    graph
        .role(id)
        .map_or_else(|| id.to_string(), |role| role.title.clone())
}

/// A file name for a plan's calendar, such as `foothold-plan-p-1-abc123.ics`.
pub fn calendar_file_name(plan: &Plan) -> String {
    let id: String = plan
        .id
        .as_str()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("foothold-plan-{id}.ics")
}

/// Exports a plan's dated steps as all-day events. `now` is stamped on every event
/// (DTSTAMP). Steps without a date are left out; a plan with no dates gives a valid
/// calendar with no events.
///
/// ```
/// # use foothold::graph::RoleGraph;
/// # use foothold::plan::{Plan, PlanId, Timestamp};
/// # use foothold::planner::Objective;
/// use foothold::share::calendar_ics;
/// # let graph = RoleGraph::new_unchecked(foothold::graph::bundled_pack_data().unwrap());
/// # let t = graph.transitions()[0].clone();
/// # let mut plan = Plan::from_route(&graph, &[t.from.clone(), t.to.clone()],
/// #     Objective::ShortestTime, "Plan", "2026-01-05".parse().unwrap(),
/// #     PlanId::generate(1, 1)).unwrap();
/// plan.set_target_date(0, Some("2026-09-01".parse().unwrap())).unwrap();
/// let now: Timestamp = "2026-01-05T12:00:00Z".parse().unwrap();
/// let ics = calendar_ics(&plan, &graph, now);
/// assert!(ics.contains("DTSTART;VALUE=DATE:20260901\r\n"));
/// ```
pub fn calendar_ics(plan: &Plan, graph: &RoleGraph, now: Timestamp) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Foothold//Career plan//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        text_property("X-WR-CALNAME", &plan.name),
    ];
    let total = plan.steps.len();
    for (index, step) in plan.steps.iter().enumerate() {
        let Some(date) = step.target_date else {
            continue;
        };
        let from = role_title(graph, &step.from);
        let to = role_title(graph, &step.to);
        let mut description = vec![
            format!("Plan: {}", plan.name),
            format!("Step {} of {total}: from {from} to {to}", index + 1),
            format!("Status: {}", step.status.label()),
        ];
        if let Some(transition) = graph.transition(&step.from, &step.to) {
            let gain: Vec<String> = transition
                .gain
                .iter()
                .map(|id| {
                    graph
                        .competency(id)
                        .map_or_else(|| id.to_string(), |c| c.name.clone())
                })
                .collect();
            if !gain.is_empty() {
                description.push(format!("Competencies to gain: {}", gain.join(", ")));
            }
            description.push(format!("Typical time: {}", transition.months));
        }
        if !step.notes.trim().is_empty() {
            description.push(format!("Notes: {}", step.notes));
        }
        lines.extend([
            "BEGIN:VEVENT".to_owned(),
            // The id is checked when a plan comes in from outside, and escaped here
            // too, so no id can ever end the line and add properties of its own.
            text_property("UID", &format!("{}-step-{}@foothold", plan.id, index + 1)),
            format!("DTSTAMP:{}", now.compact()),
            format!("DTSTART;VALUE=DATE:{}", date.compact()),
            format!("DTEND;VALUE=DATE:{}", date.add_days(1).compact()),
            text_property("SUMMARY", &format!("Step {}: move to {to}", index + 1)),
            text_property("DESCRIPTION", &description.join("\n")),
            "TRANSP:TRANSPARENT".to_owned(),
            "END:VEVENT".to_owned(),
        ]);
    }
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|line| fold_line(line)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_characters_are_escaped_for_text_values() {
        assert_eq!(
            escape_text("a\\b;c,d\ne\r\nf\rg"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ng"
        );
        assert_eq!(escape_text("bell\u{7}"), "bell ");
    }

    #[test]
    fn short_lines_are_not_folded() {
        assert_eq!(fold_line("SUMMARY:short"), "SUMMARY:short\r\n");
    }

    #[test]
    fn folded_lines_never_exceed_75_octets_nor_split_characters() {
        let line = format!("DESCRIPTION:{}", "é€😀 ".repeat(60));
        let folded = fold_line(&line);
        let physical: Vec<&str> = folded.split("\r\n").filter(|l| !l.is_empty()).collect();
        for line in &physical {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        for line in &physical[..physical.len() - 1] {
            assert!(
                !line.ends_with(' '),
                "a fold leaves a space at the end: {line:?}"
            );
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
    }
}
