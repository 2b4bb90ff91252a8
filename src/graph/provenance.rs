//! How much a source address can carry: the pack's grading rubric, as code.
//!
//! A grade is only as good as the page behind it. The rubric (written out in the pack's
//! `README.md`) is: "sourced" needs a primary source (a national body, a regulator, a
//! professional body, a programme's own page, NHS Employers, a trust's job description
//! or an NHS Jobs advert) that states the fact for that role or move; "derived" needs a
//! source specific to the role; press, blogs, job-board articles and case studies may
//! support a grade but never make one. Some addresses are not sources at all: copies of
//! other people's documents, web-agency staging sites and note-pad pages. This module
//! sorts an address into those standings by its host, so the validator and the audit
//! agree on one list.

use super::model::{Source, SourceKind};

/// What a source address can do for a grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Standing {
    /// May make a grade: an organisation speaking for itself about its own roles,
    /// programmes or rules.
    Primary,
    /// A page that describes a whole framework or scheme but names no role, such as a
    /// framework's download page: useful to readers, but it cannot make a grade.
    General,
    /// Press, blogs, job-board articles, suppliers and consultancies: may support a
    /// grade, never make one.
    Supporting,
    /// Not a source at all: a copy of someone else's document, a staging site or a
    /// note-pad page. The validator rejects it.
    Rejected,
}

/// Hosts that copy other publishers' documents, and note-pad or paste sites.
const REJECTED_HOSTS: &[&str] = &[
    "cupdf.com",
    "docplayer.net",
    "careersdocbox.com",
    "docslib.org",
    "dokumen.tips",
    "pdfslide.net",
    "pdfslide.us",
    "fill.io",
    "paperzz.com",
    "docstoc.com",
    "studylib.net",
    "yumpu.com",
    "scribd.com",
    "hackmd.io",
    "pastebin.com",
    "notepad.pw",
    "justpaste.it",
    "rentry.co",
    "onyx-sites.io",
];

/// Press, blogs, job boards, suppliers and consultancies.
const SUPPORTING_HOSTS: &[&str] = &[
    "digitalhealth.net",
    "digitalhealthnews.eu",
    "htn.co.uk",
    "computerweekly.com",
    "diginomica.com",
    "hsj.co.uk",
    "hsjjobs.com",
    "medium.com",
    "blogs.bmj.com",
    "bmjleader.bmj.com",
    "blog.gov.uk",
    "telblog.hee.nhs.uk",
    "techtarget.com",
    "healthcareleadernews.com",
    "business-line.com",
    "targetjobs.co.uk",
    "targetcoverage.com",
    "rcninursingjobs.co.uk",
    "nhspayscales.co.uk",
    "healthjobsonline.co.uk",
    "graduate-jobs.com",
    "interview-training.co.uk",
    "cybilityconsulting.co.uk",
    "safehand.co.uk",
    "protectclinical.com",
    "systemc.com",
    "pslhub.org",
    "kingsfund.blogs.com",
    "epmahub.com",
    "wecandotogether.org.uk",
    "worcesternews.co.uk",
    "pulsetoday.co.uk",
    "pulsepcn.co.uk",
    "bpsa.co.uk",
];

/// Addresses of whole-framework pages that name no role.
const GENERAL_PAGES: &[&str] = &[
    "https://ddat-capability-framework.service.gov.uk/download",
    "https://ddat-capability-framework.service.gov.uk",
    "https://ddat-capability-framework.service.gov.uk/",
    "https://www.nhsemployers.org/pay-pensions-and-reward/job-evaluation/national-job-profiles/administrative-services",
];

/// The host of a web address, lower-cased, without port or user; `None` when the text
/// is not an `http:` or `https:` address.
pub fn host(address: &str) -> Option<String> {
    let rest = address
        .strip_prefix("https://")
        .or_else(|| address.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit('@').next()?;
    let host = authority.split(':').next()?.to_ascii_lowercase();
    if host.is_empty() {
        None
    } else {
        Some(host)
    }
}

/// Whether `host` is `domain` or a subdomain of it.
fn within(host: &str, domain: &str) -> bool {
    host == domain
        || host
            .strip_suffix(domain)
            .is_some_and(|prefix| prefix.ends_with('.'))
}

/// Why an address is not a source at all, or `None` when it may be one.
///
/// ```
/// use foothold::graph::provenance::rejection;
/// assert!(rejection("https://cupdf.com/document/anything").is_some());
/// assert!(rejection("https://staging.example.nhs.uk/page").is_some());
/// assert!(rejection("https://www.nhsemployers.org/articles").is_none());
/// ```
pub fn rejection(address: &str) -> Option<&'static str> {
    let host = host(address)?;
    if REJECTED_HOSTS.iter().any(|domain| within(&host, domain)) {
        return Some("a document-copy or note-pad site, not the publisher: cite the original publisher's page");
    }
    let staging = host.split('.').any(|label| {
        label.contains("staging")
            || label.ends_with("-dev")
            || label == "dev"
            || label.starts_with("dev-")
            || label == "uat"
            || label == "preview"
    });
    if staging {
        return Some("a staging or development site, not the published page: cite the live page");
    }
    None
}

/// What `address` can do for a grade (see [`Standing`]).
pub fn standing(address: &str) -> Standing {
    if rejection(address).is_some() {
        return Standing::Rejected;
    }
    let trimmed = address.trim_end_matches('/');
    if GENERAL_PAGES
        .iter()
        .any(|page| page.trim_end_matches('/') == trimmed)
    {
        return Standing::General;
    }
    match host(address) {
        Some(host) if SUPPORTING_HOSTS.iter().any(|domain| within(&host, domain)) => {
            Standing::Supporting
        }
        Some(_) => Standing::Primary,
        None => Standing::Rejected,
    }
}

/// The standing of a source as the pack writes it: a record that declares itself
/// supporting is supporting whatever its host; otherwise the address decides.
pub fn source_standing(source: &Source) -> Standing {
    let by_address = standing(source.url());
    match (by_address, source.declared_kind()) {
        (Standing::Rejected, _) | (Standing::General, _) => by_address,
        (_, Some(SourceKind::Supporting)) => Standing::Supporting,
        _ => by_address,
    }
}

/// Whether any of `sources` may make a grade.
pub fn has_primary(sources: &[Source]) -> bool {
    sources
        .iter()
        .any(|source| source_standing(source) == Standing::Primary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subdomains_share_their_parent_standing() {
        assert_eq!(
            standing("https://www.digitalhealth.net/2013/11/x/"),
            Standing::Supporting
        );
        assert_eq!(
            standing("https://cddo.blog.gov.uk/2024/09/18/x"),
            Standing::Supporting
        );
        assert_eq!(standing("https://www.gov.uk/guidance"), Standing::Primary);
    }

    #[test]
    fn a_lookalike_host_is_not_a_subdomain() {
        assert_eq!(standing("https://notcupdf.com/x"), Standing::Primary);
    }

    #[test]
    fn framework_download_page_names_no_role() {
        assert_eq!(
            standing("https://ddat-capability-framework.service.gov.uk/download"),
            Standing::General
        );
        assert_eq!(
            standing("https://ddat-capability-framework.service.gov.uk/role/data-analyst"),
            Standing::Primary
        );
    }

    #[test]
    fn development_hosts_are_rejected() {
        assert!(rejection("https://site-dev.example.org/").is_some());
        assert!(rejection("https://dhi-publishing-new-theme.onyx-sites.io/?p=1").is_some());
        assert!(rejection("https://developer.example.org/").is_none());
    }
}
