//! The one pack validator, used by the tests, the `foothold check` command and the app
//! when it loads a pack. Every problem names the file, the item and the fix.

use super::credentials::MAX_CREDENTIALS;
use super::model::{
    BandRange, CostToYou, CredentialKind, DegreeEntry, Evidence, OpportunityKind, Pack, RoleId,
    Source, MAX_ACTIONS, MAX_ACTION_CHARS,
};
use super::provenance;
use super::realism::{self, RealismRule};
use std::collections::{HashMap, HashSet, VecDeque};
use std::fmt;

/// The longest typical time a single transition may claim, in months (ten years).
pub const MAX_TRANSITION_MONTHS: u16 = 120;

/// What kind of fault a pack problem is, so tests and tools can match on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProblemKind {
    /// Two items of the same kind share an id.
    DuplicateId,
    /// An item refers to a role, competency or opportunity that is not in the pack.
    UnknownId,
    /// A transition goes from a role to the same role.
    SelfLoop,
    /// Two transitions join the same pair of roles in the same direction.
    DuplicateTransition,
    /// A band range runs downwards or mixes a medical contract with bands.
    ImpossibleBands,
    /// A time range runs downwards, is empty, or is longer than ten years.
    ImpossibleTime,
    /// An item has no source, or a source that is not a web address.
    MissingSource,
    /// A source address is not `https:`.
    InsecureSource,
    /// A source is a document-copy, staging or note-pad site rather than the publisher.
    RejectedSource,
    /// An item graded "sourced" or "derived" has no primary source that could make the
    /// grade (only press, blogs or whole-framework pages).
    GradeWithoutPrimarySource,
    /// A required text (title, summary, name) is empty.
    MissingText,
    /// An id is not a lower-case slug.
    BadId,
    /// A role cannot be reached from any entry role.
    Unreachable,
    /// A role that is not a senior terminal role has no way on.
    DeadEnd,
    /// The pack has no entry roles at all.
    NoEntryRoles,
    /// A migration entry is inconsistent with the pack.
    BadMigration,
    /// A credential is declared or used wrongly: too many credentials, a qualification
    /// that does not say why it gates roles, or `holds` on a role nobody starts from.
    BadCredential,
    /// A move grants a credential but lies on a cycle of roles, so routes could come back
    /// to a role holding more than before; or it trains for a registration into a role
    /// that lies on a cycle, so a route could come back to that role to use it.
    GrantOnCycle,
    /// A move jumps two or more bands without the time and note that would justify it.
    UnexplainedJump,
    /// Someone starting at band 5 or below could reach band 8a, or a duty, in under two
    /// years.
    TooFastToSenior,
    /// A duty is entered from a starting role at band 5 or below, or as a step up in band.
    DutyMisused,
    /// A move's longest typical time is shorter than the typical length of a programme
    /// it cites, so the route would promise less time than the programme takes.
    ShorterThanProgramme,
    /// A move has no first actions, too many, or one that is empty or too long.
    BadActions,
    /// An opportunity's cost to the person or its degree entry contradicts its kind, its
    /// level, its `cost` text or the credentials it grants.
    CostOrDegreeMisstated,
    /// A compiled pack still lists `also_from` on a move: only source files may, and
    /// reading the source folder turns the list into one move per role.
    SharedMoveNotExpanded,
}

/// One thing wrong with a pack, said so that a pack author can fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackProblem {
    /// What kind of fault it is.
    pub kind: ProblemKind,
    /// The source file the item came from, where known.
    pub file: Option<String>,
    /// The item, e.g. "role `digital-nurse`" or "transition `a` → `b`".
    pub item: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl fmt::Display for PackProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.file {
            Some(file) => write!(f, "{file}: {}: {}", self.item, self.message),
            None => write!(f, "{}: {}", self.item, self.message),
        }
    }
}

/// The rules that keep `to_you` and `degree` honest: apprentices are employees paid while
/// they train; only training posts pay; fees are named; only degree-level study gives a
/// degree; training that ends in a registration taking a degree cannot need none.
fn check_cost_and_degree(checker: &mut Checker, pack: &Pack) {
    let kind = ProblemKind::CostOrDegreeMisstated;
    for opportunity in &pack.opportunities {
        let item = format!("opportunity `{}`", opportunity.id);
        let file = &opportunity.origin;
        let apprenticeship = opportunity.kind == OpportunityKind::Apprenticeship;
        let training_post = matches!(
            opportunity.kind,
            OpportunityKind::Apprenticeship
                | OpportunityKind::GraduateScheme
                | OpportunityKind::Training
        );
        if apprenticeship && opportunity.to_you != CostToYou::PaidWhileTraining {
            checker.report(kind, file, item.clone(), "is an apprenticeship, so the apprentice is an employee paid while training and the employer pays for the training: set `to_you = \"paid-while-training\"`".to_owned());
        }
        if !training_post && opportunity.to_you == CostToYou::PaidWhileTraining {
            checker.report(kind, file, item.clone(), format!("says `paid-while-training`, but only apprenticeships, graduate schemes and salaried training posts pay people to train, not a {}: use `free`, `fees` or `not-published`", crate::lowercase::lowercase(opportunity.kind.label())));
        }
        if opportunity.to_you == CostToYou::Fees
            && opportunity
                .cost
                .as_deref()
                .is_none_or(|cost| cost.trim().is_empty())
        {
            checker.report(kind, file, item.clone(), "says `fees` but has no `cost` naming them: add a `cost` saying which fees, from a source you have read".to_owned());
        }
        if opportunity.degree == DegreeEntry::Earned {
            let degree_level = match opportunity.kind {
                OpportunityKind::Apprenticeship => {
                    // A foundation degree is a level 5 qualification.
                    opportunity.level.is_some_and(|level| level >= 5)
                }
                other => matches!(
                    other,
                    OpportunityKind::GraduateScheme | OpportunityKind::Training
                ),
            };
            if !degree_level {
                checker.report(kind, file, item.clone(), "says a degree is `earned` on it, but only apprenticeships at level 5 (a foundation degree), 6 or 7 and graduate or salaried training give one: set its `level`, or use `needed`, `not-needed` or `not-published`".to_owned());
            }
        }
        if opportunity.degree == DegreeEntry::NotNeeded {
            let takes_degree = opportunity.grants.iter().find(|id| {
                pack.credentials
                    .iter()
                    .any(|credential| &credential.id == *id && credential.needs_degree)
            });
            if let Some(credential) = takes_degree {
                checker.report(kind, file, item.clone(), format!("says `not-needed` but grants `{credential}`, which takes a degree: say whether the degree is `needed` first or `earned` on it"));
            }
        }
    }
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Suggests the closest known id to an unknown one, for "did you mean" hints.
fn closest<'a>(unknown: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    known
        .map(|candidate| (edit_distance(unknown, candidate), candidate))
        .filter(|(distance, candidate)| *distance <= (candidate.len() / 3).max(2))
        .min()
        .map(|(_, candidate)| candidate)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            current.push(
                (previous[j] + cost)
                    .min(previous[j + 1] + 1)
                    .min(current[j] + 1),
            );
        }
        previous = current;
    }
    previous[b.len()]
}

struct Checker {
    problems: Vec<PackProblem>,
}

impl Checker {
    fn report(&mut self, kind: ProblemKind, file: &Option<String>, item: String, message: String) {
        self.problems.push(PackProblem {
            kind,
            file: file.clone(),
            item,
            message,
        });
    }

    fn check_sources(&mut self, file: &Option<String>, item: &str, sources: &[Source]) {
        if sources.is_empty() {
            self.report(
                ProblemKind::MissingSource,
                file,
                item.to_owned(),
                "has no sources: add at least one web address to `sources`".to_owned(),
            );
        }
        for source in sources {
            let source = source.url();
            if source.starts_with("http://") {
                self.report(
                    ProblemKind::InsecureSource,
                    file,
                    item.to_owned(),
                    format!("source `{source}` is not an https: address: use the page's https://… address"),
                );
            } else if !source.starts_with("https://") {
                self.report(
                    ProblemKind::MissingSource,
                    file,
                    item.to_owned(),
                    format!("source `{source}` is not a web address: write it as https://…"),
                );
            } else if let Some(reason) = provenance::rejection(source) {
                self.report(
                    ProblemKind::RejectedSource,
                    file,
                    item.to_owned(),
                    format!("source `{source}` is {reason}"),
                );
            }
        }
    }

    /// A grade above "assumed" needs at least one primary source behind it.
    fn check_grade(
        &mut self,
        file: &Option<String>,
        item: &str,
        evidence: Evidence,
        sources: &[Source],
    ) {
        if evidence != Evidence::Assumed && !provenance::has_primary(sources) {
            self.report(
                ProblemKind::GradeWithoutPrimarySource,
                file,
                item.to_owned(),
                format!(
                    "is graded `{}` but none of its sources is a primary source (press, blogs and whole-framework pages cannot make a grade): add the publisher's own page or grade it `assumed`",
                    match evidence {
                        Evidence::Sourced => "sourced",
                        Evidence::Derived => "derived",
                        Evidence::Assumed => "assumed",
                    }
                ),
            );
        }
    }

    fn check_text(&mut self, file: &Option<String>, item: &str, field: &str, text: &str) {
        if text.trim().is_empty() {
            self.report(
                ProblemKind::MissingText,
                file,
                item.to_owned(),
                format!("`{field}` is empty: write a short {field}"),
            );
        }
    }

    fn check_id(&mut self, file: &Option<String>, item: &str, id: &str) {
        if !is_slug(id) {
            self.report(
                ProblemKind::BadId,
                file,
                item.to_owned(),
                "id must be a lower-case slug of letters, digits and single hyphens, e.g. `digital-nurse`"
                    .to_owned(),
            );
        }
    }
}

fn check_unknown(
    checker: &mut Checker,
    file: &Option<String>,
    item: &str,
    what: &str,
    field: &str,
    id: &str,
    known: &HashSet<&str>,
) {
    if !known.contains(id) {
        let hint = match closest(id, known.iter().copied()) {
            Some(near) => format!(": did you mean `{near}`?"),
            None => format!(": add the {what} or correct `{field}`"),
        };
        checker.report(
            ProblemKind::UnknownId,
            file,
            item.to_owned(),
            format!("`{field}` names unknown {what} `{id}`{hint}"),
        );
    }
}

fn duplicates<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen = HashSet::new();
    let mut repeated = Vec::new();
    for id in ids {
        if !seen.insert(id) && !repeated.contains(&id) {
            repeated.push(id);
        }
    }
    repeated
}

/// Checks a whole pack and returns every problem found; an empty list means it is valid.
///
/// ```
/// use foothold::graph::{validate_pack, ProblemKind};
/// let mut pack = foothold::graph::bundled_pack_data().expect("the bundled pack parses");
/// assert!(validate_pack(&pack).is_empty());
/// let first = pack.transitions[0].clone();
/// pack.transitions.push(first);
/// assert_eq!(validate_pack(&pack)[0].kind, ProblemKind::DuplicateTransition);
/// ```
pub fn validate_pack(pack: &Pack) -> Vec<PackProblem> {
    let mut checker = Checker {
        problems: Vec::new(),
    };
    let none = None;

    // The pack's key sources obey the same rules as every other source.
    for key_source in &pack.info.key_sources {
        checker.check_sources(
            &Some("pack.toml".to_owned()),
            &format!("key source `{}`", key_source.title),
            &[Source::from(key_source.url.as_str())],
        );
    }
    // Ids: well formed and unique within their kind.
    for role in &pack.roles {
        checker.check_id(
            &role.origin,
            &format!("role `{}`", role.id),
            role.id.as_str(),
        );
        checker.check_text(
            &role.origin,
            &format!("role `{}`", role.id),
            "title",
            &role.title,
        );
        checker.check_text(
            &role.origin,
            &format!("role `{}`", role.id),
            "summary",
            &role.summary,
        );
        checker.check_sources(&role.origin, &format!("role `{}`", role.id), &role.sources);
        checker.check_grade(
            &role.origin,
            &format!("role `{}`", role.id),
            role.evidence,
            &role.sources,
        );
        if !role.bands.is_ordered() {
            checker.report(
                ProblemKind::ImpossibleBands,
                &role.origin,
                format!("role `{}`", role.id),
                format!(
                    "band range `{}` is impossible: write the lower band first, and do not mix `medical` with bands",
                    band_code(&role.bands)
                ),
            );
        }
    }
    for id in duplicates(pack.roles.iter().map(|role| role.id.as_str())) {
        let file = pack
            .roles
            .iter()
            .rev()
            .find(|role| role.id.as_str() == id)
            .and_then(|role| role.origin.clone());
        checker.report(
            ProblemKind::DuplicateId,
            &file,
            format!("role `{id}`"),
            "the id is used by more than one role: give each role its own id".to_owned(),
        );
    }
    for competency in &pack.competencies {
        let item = format!("competency `{}`", competency.id);
        checker.check_id(&competency.origin, &item, competency.id.as_str());
        checker.check_text(&competency.origin, &item, "name", &competency.name);
    }
    for id in duplicates(pack.competencies.iter().map(|c| c.id.as_str())) {
        checker.report(
            ProblemKind::DuplicateId,
            &Some("competencies.toml".to_owned()),
            format!("competency `{id}`"),
            "the id is used by more than one competency: merge them or rename one".to_owned(),
        );
    }
    for opportunity in &pack.opportunities {
        let item = format!("opportunity `{}`", opportunity.id);
        checker.check_id(&opportunity.origin, &item, opportunity.id.as_str());
        checker.check_text(&opportunity.origin, &item, "title", &opportunity.title);
        checker.check_sources(&opportunity.origin, &item, &opportunity.sources);
    }
    for id in duplicates(pack.opportunities.iter().map(|o| o.id.as_str())) {
        checker.report(
            ProblemKind::DuplicateId,
            &Some("opportunities.toml".to_owned()),
            format!("opportunity `{id}`"),
            "the id is used by more than one opportunity: merge them or rename one".to_owned(),
        );
    }

    // Hash sets: only membership is asked of them, and `closest` picks the same
    // suggestion whatever order it sees the ids in.
    let role_ids: HashSet<&str> = pack.roles.iter().map(|r| r.id.as_str()).collect();
    let competency_ids: HashSet<&str> = pack.competencies.iter().map(|c| c.id.as_str()).collect();
    let opportunity_ids: HashSet<&str> = pack.opportunities.iter().map(|o| o.id.as_str()).collect();

    for role in &pack.roles {
        let item = format!("role `{}`", role.id);
        for competency in &role.competencies {
            check_unknown(
                &mut checker,
                &role.origin,
                &item,
                "competency",
                "competencies",
                competency.as_str(),
                &competency_ids,
            );
        }
    }
    for opportunity in &pack.opportunities {
        let item = format!("opportunity `{}`", opportunity.id);
        for competency in &opportunity.develops {
            check_unknown(
                &mut checker,
                &opportunity.origin,
                &item,
                "competency",
                "develops",
                competency.as_str(),
                &competency_ids,
            );
        }
    }

    check_cost_and_degree(&mut checker, pack);

    // Transitions.
    let mut pairs = HashSet::new();
    for transition in &pack.transitions {
        let item = format!("transition `{}` → `{}`", transition.from, transition.to);
        let file = &transition.origin;
        check_unknown(
            &mut checker,
            file,
            &item,
            "role",
            "from",
            transition.from.as_str(),
            &role_ids,
        );
        check_unknown(
            &mut checker,
            file,
            &item,
            "role",
            "to",
            transition.to.as_str(),
            &role_ids,
        );
        if !transition.also_from.is_empty() {
            checker.report(
                ProblemKind::SharedMoveNotExpanded,
                file,
                item.clone(),
                "lists `also_from`, which only a pack's source files may: compile the source folder (`foothold compile`) so each role gets its own move".to_owned(),
            );
        }
        if transition.from == transition.to {
            checker.report(
                ProblemKind::SelfLoop,
                file,
                item.clone(),
                "goes from a role to itself: remove it or point `to` at another role".to_owned(),
            );
        }
        if !pairs.insert((transition.from.as_str(), transition.to.as_str())) {
            checker.report(
                ProblemKind::DuplicateTransition,
                file,
                item.clone(),
                "the same move is listed twice: merge the two transitions into one".to_owned(),
            );
        }
        let months = transition.months;
        if months.min > months.max {
            checker.report(
                ProblemKind::ImpossibleTime,
                file,
                item.clone(),
                format!(
                    "`months = [{}, {}]` runs downwards: write the shorter time first",
                    months.min, months.max
                ),
            );
        } else if months.max == 0 {
            checker.report(
                ProblemKind::ImpossibleTime,
                file,
                item.clone(),
                "`months = [0, 0]` says the move takes no time: give the longest typical time"
                    .to_owned(),
            );
        } else if months.max > MAX_TRANSITION_MONTHS {
            checker.report(
                ProblemKind::ImpossibleTime,
                file,
                item.clone(),
                format!(
                    "`months` goes up to {} months; one move may take at most {MAX_TRANSITION_MONTHS}: split it into steps",
                    months.max
                ),
            );
        }
        checker.check_sources(file, &item, &transition.sources);
        checker.check_grade(file, &item, transition.evidence, &transition.sources);
        let count = transition.actions.len();
        if count == 0 || count > MAX_ACTIONS {
            checker.report(
                ProblemKind::BadActions,
                file,
                item.clone(),
                format!(
                    "lists {count} first actions: give one to {MAX_ACTIONS} concrete things to do first (`actions = [\"…\"]`)"
                ),
            );
        }
        for action in &transition.actions {
            let length = action.trim().chars().count();
            if length == 0 || length > MAX_ACTION_CHARS {
                checker.report(
                    ProblemKind::BadActions,
                    file,
                    item.clone(),
                    format!(
                        "has a first action of {length} characters: write each as one plain sentence of 1 to {MAX_ACTION_CHARS} characters"
                    ),
                );
            }
        }
        for competency in &transition.gain {
            check_unknown(
                &mut checker,
                file,
                &item,
                "competency",
                "gain",
                competency.as_str(),
                &competency_ids,
            );
        }
        for opportunity in &transition.opportunities {
            check_unknown(
                &mut checker,
                file,
                &item,
                "opportunity",
                "opportunities",
                opportunity.as_str(),
                &opportunity_ids,
            );
            let programme = pack
                .opportunities
                .iter()
                .find(|candidate| &candidate.id == opportunity);
            if let Some(length) = programme.and_then(|programme| programme.months) {
                if transition.months.max < length.max {
                    checker.report(
                        ProblemKind::ShorterThanProgramme,
                        file,
                        item.clone(),
                        format!(
                            "takes at most {} months but cites `{opportunity}`, which typically takes up to {}: raise the longest time to at least {}",
                            transition.months.max, length.max, length.max
                        ),
                    );
                }
            }
        }
    }

    // Shape of the graph: reachability from entry roles and dead ends.
    let entries: Vec<&RoleId> = pack
        .roles
        .iter()
        .filter(|r| r.entry)
        .map(|r| &r.id)
        .collect();
    if entries.is_empty() && !pack.roles.is_empty() {
        checker.report(
            ProblemKind::NoEntryRoles,
            &none,
            "the pack".to_owned(),
            "has no entry roles: mark the roles people start from with `entry = true`".to_owned(),
        );
    }
    let mut next: HashMap<&str, Vec<&str>> = HashMap::new();
    for transition in &pack.transitions {
        next.entry(transition.from.as_str())
            .or_default()
            .push(transition.to.as_str());
    }
    let mut reached: HashSet<&str> = entries.iter().map(|id| id.as_str()).collect();
    let mut queue: VecDeque<&str> = reached.iter().copied().collect();
    while let Some(role) = queue.pop_front() {
        for &to in next.get(role).map(Vec::as_slice).unwrap_or_default() {
            if reached.insert(to) {
                queue.push_back(to);
            }
        }
    }
    if !entries.is_empty() {
        for role in &pack.roles {
            if !reached.contains(role.id.as_str()) {
                checker.report(
                    ProblemKind::Unreachable,
                    &role.origin,
                    format!("role `{}`", role.id),
                    "cannot be reached from any entry role: add a transition into it".to_owned(),
                );
            }
        }
    }
    for role in &pack.roles {
        if !role.senior_terminal && !next.contains_key(role.id.as_str()) {
            checker.report(
                ProblemKind::DeadEnd,
                &role.origin,
                format!("role `{}`", role.id),
                "has no ways on: add a transition out of it, or mark it `senior_terminal = true` if careers end there"
                    .to_owned(),
            );
        }
    }

    // Credentials: declared once, named only when declared, and used where they mean something.
    for credential in &pack.credentials {
        let item = format!("credential `{}`", credential.id);
        checker.check_id(&credential.origin, &item, credential.id.as_str());
        checker.check_text(&credential.origin, &item, "name", &credential.name);
        checker.check_text(&credential.origin, &item, "body", &credential.body);
        checker.check_text(
            &credential.origin,
            &item,
            "how_to_get",
            &credential.how_to_get,
        );
        checker.check_sources(&credential.origin, &item, &credential.sources);
        let explained = credential
            .why_it_gates
            .as_deref()
            .is_some_and(|why| !why.trim().is_empty());
        if credential.kind == CredentialKind::Qualification && !explained {
            checker.report(
                ProblemKind::BadCredential,
                &credential.origin,
                item,
                "is a qualification but does not say why it gates roles: add `why_it_gates`, or leave it out and list the course as a development opportunity".to_owned(),
            );
        }
    }
    for id in duplicates(pack.credentials.iter().map(|c| c.id.as_str())) {
        checker.report(
            ProblemKind::DuplicateId,
            &Some("credentials.toml".to_owned()),
            format!("credential `{id}`"),
            "the id is used by more than one credential: merge them or rename one".to_owned(),
        );
    }
    if pack.credentials.len() > MAX_CREDENTIALS {
        checker.report(
            ProblemKind::BadCredential,
            &Some("credentials.toml".to_owned()),
            "the pack".to_owned(),
            format!(
                "declares {} credentials; at most {MAX_CREDENTIALS} are supported: merge some",
                pack.credentials.len()
            ),
        );
    }
    let credential_ids: HashSet<&str> = pack.credentials.iter().map(|c| c.id.as_str()).collect();
    for role in &pack.roles {
        let item = format!("role `{}`", role.id);
        let named = role
            .requires
            .all_of
            .iter()
            .map(|id| ("requires.all_of", id))
            .chain(
                role.requires
                    .any_of
                    .iter()
                    .map(|id| ("requires.any_of", id)),
            )
            .chain(role.holds.iter().map(|id| ("holds", id)))
            .chain(role.holds_one_of.iter().map(|id| ("holds_one_of", id)));
        for (field, id) in named {
            check_unknown(
                &mut checker,
                &role.origin,
                &item,
                "credential",
                field,
                id.as_str(),
                &credential_ids,
            );
        }
        let holds_something = !role.holds.is_empty() || !role.holds_one_of.is_empty();
        if !role.entry && holds_something {
            checker.report(
                ProblemKind::BadCredential,
                &role.origin,
                item,
                "says what its holders have (`holds`), but nobody starts from it: mark it `entry = true`, or gate it with `requires` instead".to_owned(),
            );
        }
    }
    for transition in &pack.transitions {
        let item = format!("transition `{}` → `{}`", transition.from, transition.to);
        for id in &transition.grants {
            check_unknown(
                &mut checker,
                &transition.origin,
                &item,
                "credential",
                "grants",
                id.as_str(),
                &credential_ids,
            );
        }
    }
    for opportunity in &pack.opportunities {
        let item = format!("opportunity `{}`", opportunity.id);
        for id in &opportunity.grants {
            check_unknown(
                &mut checker,
                &opportunity.origin,
                &item,
                "credential",
                "grants",
                id.as_str(),
                &credential_ids,
            );
        }
    }

    // Realism: routes real people can walk (see the realism module).
    for problem in realism::check(pack) {
        let kind = match problem.rule {
            RealismRule::GrantOnCycle => ProblemKind::GrantOnCycle,
            RealismRule::UnexplainedJump => ProblemKind::UnexplainedJump,
            RealismRule::TooFastToSenior => ProblemKind::TooFastToSenior,
            RealismRule::DutyMisused => ProblemKind::DutyMisused,
        };
        checker.report(kind, &problem.file, problem.item, problem.message);
    }

    // Migrations must point away from ids that are gone, to ids that exist.
    for migration in &pack.migrations {
        let item = format!("migration of `{}`", migration.old);
        let file = Some("migrations.toml".to_owned());
        if role_ids.contains(migration.old.as_str()) {
            checker.report(
                ProblemKind::BadMigration,
                &file,
                item.clone(),
                "the old id is still a role in the pack: ids are kept forever, so remove the migration or the role"
                    .to_owned(),
            );
        }
        if let Some(new) = &migration.new {
            if !role_ids.contains(new.as_str()) {
                checker.report(
                    ProblemKind::BadMigration,
                    &file,
                    item,
                    format!("`new` names unknown role `{new}`: point it at a role in the pack"),
                );
            }
        }
    }

    checker.problems
}

fn band_code(bands: &BandRange) -> String {
    format!("{}-{}", bands.min.code(), bands.max.code())
}
