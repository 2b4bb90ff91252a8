//! The pack audit: the figures a pack maintainer reads before each release.
//!
//! It counts grades, primary sources, hosts, press-only items, moves without notes and
//! the oldest sources, all from the pack alone, so it is a pure function of the pack.
//! The roles that most best routes pass through need the planner, which sits above the
//! graph, so the caller works them out and hands them in (see
//! `foothold::planner::busiest_roles`). `foothold audit` prints [`Audit::to_markdown`],
//! and the bundled pack's copy is committed as `data/AUDIT.md`.

use super::model::{Evidence, Pack, Source};
use super::provenance::{self, Standing};
use std::collections::BTreeMap;
use std::fmt::Write;

/// How many of something carry each grade.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GradeCounts {
    /// Graded "sourced".
    pub sourced: usize,
    /// Graded "derived".
    pub derived: usize,
    /// Graded "assumed" (informed estimates).
    pub assumed: usize,
}

impl GradeCounts {
    fn add(&mut self, evidence: Evidence) {
        match evidence {
            Evidence::Sourced => self.sourced += 1,
            Evidence::Derived => self.derived += 1,
            Evidence::Assumed => self.assumed += 1,
        }
    }

    /// All items counted.
    pub fn total(&self) -> usize {
        self.sourced + self.derived + self.assumed
    }

    /// The share of informed estimates, in whole per cent (0 when there are none).
    pub fn assumed_percent(&self) -> usize {
        percent(self.assumed, self.total())
    }
}

/// One host and how often the pack cites it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostCount {
    /// The host, e.g. `www.nhsemployers.org`.
    pub host: String,
    /// How many citations use it.
    pub citations: usize,
    /// What a source on this host can do for a grade.
    pub standing: Standing,
}

/// The audit of one pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Audit {
    /// The pack's data version.
    pub data_version: String,
    /// The pack's checked date, the default date checked for every source.
    pub checked: String,
    /// Roles by the grade of their band range.
    pub roles: GradeCounts,
    /// Moves by grade.
    pub moves: GradeCounts,
    /// Roles, moves, opportunities and credentials with at least one primary source.
    pub with_primary: usize,
    /// Roles, moves, opportunities and credentials in all.
    pub items: usize,
    /// Every host cited, most cited first.
    pub hosts: Vec<HostCount>,
    /// Items citing a rejected address, with the address.
    pub rejected: Vec<(String, String)>,
    /// Items whose every source is supporting (press, blogs, job boards, suppliers).
    pub press_only: Vec<String>,
    /// Moves with no note.
    pub moves_without_notes: Vec<String>,
    /// The sources checked longest ago: date checked and address, oldest first (at most
    /// ten).
    pub oldest_sources: Vec<(String, String)>,
    /// The roles that most best routes pass through (title, number of routes), as
    /// handed in by the caller; empty until then.
    pub busiest_roles: Vec<(String, usize)>,
}

fn percent(part: usize, whole: usize) -> usize {
    (part * 100 + whole / 2).checked_div(whole).unwrap_or(0)
}

impl Audit {
    /// Audits `pack` (everything but the busiest roles).
    pub fn of(pack: &Pack) -> Audit {
        let mut audit = Audit {
            data_version: pack.info.data_version.clone(),
            checked: pack.info.checked.clone(),
            roles: GradeCounts::default(),
            moves: GradeCounts::default(),
            with_primary: 0,
            items: 0,
            hosts: Vec::new(),
            rejected: Vec::new(),
            press_only: Vec::new(),
            moves_without_notes: Vec::new(),
            oldest_sources: Vec::new(),
            busiest_roles: Vec::new(),
        };
        let mut hosts: BTreeMap<String, usize> = BTreeMap::new();
        let mut dated: BTreeMap<(String, String), ()> = BTreeMap::new();
        let mut look_at = |audit: &mut Audit, item: String, sources: &[Source]| {
            audit.items += 1;
            if provenance::has_primary(sources) {
                audit.with_primary += 1;
            }
            if !sources.is_empty()
                && sources
                    .iter()
                    .all(|source| provenance::source_standing(source) == Standing::Supporting)
            {
                audit.press_only.push(item.clone());
            }
            for source in sources {
                let host = provenance::host(source.url()).unwrap_or_else(|| "(no host)".into());
                *hosts.entry(host).or_default() += 1;
                if provenance::rejection(source.url()).is_some() {
                    audit.rejected.push((item.clone(), source.url().to_owned()));
                }
                let checked = source.checked().unwrap_or(&pack.info.checked).to_owned();
                dated.insert((checked, source.url().to_owned()), ());
            }
        };
        for role in &pack.roles {
            audit.roles.add(role.evidence);
            look_at(&mut audit, format!("role `{}`", role.id), &role.sources);
        }
        for transition in &pack.transitions {
            audit.moves.add(transition.evidence);
            let item = format!("move `{}` → `{}`", transition.from, transition.to);
            if transition
                .note
                .as_deref()
                .is_none_or(|note| note.trim().is_empty())
            {
                audit.moves_without_notes.push(item.clone());
            }
            look_at(&mut audit, item, &transition.sources);
        }
        for opportunity in &pack.opportunities {
            let item = format!("opportunity `{}`", opportunity.id);
            look_at(&mut audit, item, &opportunity.sources);
        }
        for credential in &pack.credentials {
            let item = format!("credential `{}`", credential.id);
            look_at(&mut audit, item, &credential.sources);
        }
        let mut hosts: Vec<HostCount> = hosts
            .into_iter()
            .map(|(host, citations)| HostCount {
                // A host is judged by its kind; a whole-framework page on it is a page,
                // not the host.
                standing: match provenance::standing(&format!("https://{host}/")) {
                    Standing::General => Standing::Primary,
                    standing => standing,
                },
                host,
                citations,
            })
            .collect();
        hosts.sort_by(|a, b| b.citations.cmp(&a.citations).then(a.host.cmp(&b.host)));
        audit.hosts = hosts;
        audit.oldest_sources = dated.into_keys().take(10).collect();
        audit
    }

    /// The audit with the busiest roles filled in.
    pub fn with_busiest_roles(mut self, busiest: Vec<(String, usize)>) -> Audit {
        self.busiest_roles = busiest;
        self
    }

    /// The audit as a Markdown report.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# Pack audit, data version {}\n", self.data_version);
        let _ = writeln!(
            out,
            "Written by `foothold audit data/`; a test fails when this file is out of date.\n"
        );
        let _ = writeln!(out, "## Grades\n");
        let _ = writeln!(
            out,
            "| | sourced | derived | informed estimate | total | estimates |"
        );
        let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|");
        for (name, counts) in [("roles", self.roles), ("moves", self.moves)] {
            let _ = writeln!(
                out,
                "| {name} | {} | {} | {} | {} | {}% |",
                counts.sourced,
                counts.derived,
                counts.assumed,
                counts.total(),
                counts.assumed_percent()
            );
        }
        let _ = writeln!(
            out,
            "\n{} of {} roles, moves, opportunities and credentials ({}%) cite at least one primary source.\n",
            self.with_primary,
            self.items,
            percent(self.with_primary, self.items)
        );
        let _ = writeln!(out, "## Rejected sources\n");
        if self.rejected.is_empty() {
            let _ = writeln!(out, "None.\n");
        } else {
            for (item, url) in &self.rejected {
                let _ = writeln!(out, "- {item}: {url}");
            }
            let _ = writeln!(out);
        }
        let _ = writeln!(
            out,
            "## Items with only press, blog or other supporting sources\n"
        );
        list(&mut out, &self.press_only);
        let _ = writeln!(out, "## Moves without notes\n");
        list(&mut out, &self.moves_without_notes);
        let _ = writeln!(out, "## Oldest sources\n");
        let _ = writeln!(out, "| checked | address |");
        let _ = writeln!(out, "|---|---|");
        for (checked, url) in &self.oldest_sources {
            let _ = writeln!(out, "| {checked} | {url} |");
        }
        let _ = writeln!(out, "\n## Roles that most best routes pass through\n");
        let _ = writeln!(
            out,
            "Best route (shortest time) from every entry role to every role it can reach; a role counts when a route passes through it, not when it starts or ends there.\n"
        );
        if self.busiest_roles.is_empty() {
            let _ = writeln!(out, "Not worked out.\n");
        } else {
            let _ = writeln!(out, "| role | routes through it |");
            let _ = writeln!(out, "|---|---:|");
            for (title, count) in &self.busiest_roles {
                let _ = writeln!(out, "| {title} | {count} |");
            }
            let _ = writeln!(out);
        }
        let _ = writeln!(out, "## Sources by host\n");
        let _ = writeln!(out, "| host | citations | standing |");
        let _ = writeln!(out, "|---|---:|---|");
        for host in &self.hosts {
            let standing = match host.standing {
                Standing::Primary => "primary",
                Standing::General => "whole-framework page",
                Standing::Supporting => "supporting",
                Standing::Rejected => "rejected",
            };
            let _ = writeln!(out, "| {} | {} | {standing} |", host.host, host.citations);
        }
        out
    }
}

fn list(out: &mut String, items: &[String]) {
    if items.is_empty() {
        let _ = writeln!(out, "None.\n");
    } else {
        let _ = writeln!(out, "{} in all:\n", items.len());
        for item in items {
            let _ = writeln!(out, "- {item}");
        }
        let _ = writeln!(out);
    }
}
