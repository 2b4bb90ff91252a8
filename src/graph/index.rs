//! The role index: role ids, titles and other titles, small enough to ship with the
//! start screen while the full role graph loads with the screens that need it.

use super::{Band, BandRange, IndexedRole, LoadError, RoleId, RoleIndex};
use crate::lowercase::lowercase;

/// The bundled pack's role index in the format of [`super::index_lines`], written by the
/// build script.
pub const BUNDLED_INDEX: &str = include_str!(concat!(env!("OUT_DIR"), "/role-index.txt"));

/// Reads the bundled role index.
pub fn bundled_role_index() -> Result<RoleIndex, LoadError> {
    super::index_lines::from_lines(BUNDLED_INDEX).map_err(LoadError::Format)
}

/// Titles people type that the pack does not use, and what to search for instead. Kept
/// small: the pack's other titles (`also_known_as`) carry most of this.
const SYNONYMS: [(&str, &str); 8] = [
    ("ward nurse", "registered nurse"),
    ("nurse", "registered nurse"),
    ("hca", "healthcare assistant"),
    ("sister", "ward sister"),
    ("ward manager", "charge nurse"),
    ("physio", "physiotherapist"),
    ("secretary", "medical secretary"),
    ("admin", "administrator"),
];

/// A search as typed, read once: the words, with any pay band ("band 5", "8a") taken
/// out, and the search a common title stands for.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Query {
    /// The words that are not a band, lowercased and joined by single spaces.
    text: String,
    /// The band asked for, if any.
    band: Option<Band>,
    /// What a common title in [`SYNONYMS`] stands for.
    synonym: Option<&'static str>,
}

impl Query {
    /// Reads what was typed.
    pub(crate) fn new(typed: &str) -> Query {
        let lowered = lowercase(typed);
        let mut band = None;
        let mut words = Vec::new();
        let mut tokens = lowered.split_whitespace().peekable();
        while let Some(word) = tokens.next() {
            let as_band = |word: &str| {
                word.parse::<Band>()
                    .ok()
                    .filter(|b| *b != Band::MedicalContract)
            };
            if word == "band" || word == "bands" {
                if let Some(found) = tokens.peek().and_then(|next| as_band(next)) {
                    band = Some(found);
                    tokens.next();
                    continue;
                }
            } else if let Some(found) = as_band(word) {
                band = Some(found);
                continue;
            }
            words.push(word);
        }
        let text = words.join(" ");
        let synonym = SYNONYMS
            .iter()
            .find(|(typed, _)| *typed == text)
            .map(|(_, meant)| *meant);
        Query {
            text,
            band,
            synonym,
        }
    }
}

/// Whether `needle` starts a word of `text` (after a space, hyphen, bracket and so on).
fn starts_a_word(text: &str, needle: &str) -> bool {
    text.match_indices(needle).any(|(at, _)| {
        text[..at]
            .chars()
            .next_back()
            .is_none_or(|before| !before.is_ascii_alphanumeric())
    })
}

/// The first letters of a title's words: "rn" for "Registered nurse".
fn initialism(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter_map(|word| word.chars().next())
        .collect()
}

/// How well one lowercased phrase matches a role, best 0: 0 the title or another title is
/// the phrase; 1 the title starts with it; 2 a word of the title starts with it, or it is
/// the title's initials ("rn"); 3 the same for another title; 4 the title or another
/// title contains it (three letters or more: "rn" must not find "learning").
fn phrase_rank(phrase: &str, title: &str, others: &[String]) -> Option<u8> {
    if phrase.is_empty() {
        return None;
    }
    let short = phrase.chars().count() < 3;
    if title == phrase || others.iter().any(|other| other == phrase) {
        Some(0)
    } else if title.starts_with(phrase) {
        Some(1)
    } else if starts_a_word(title, phrase) || initialism(title) == phrase {
        Some(2)
    } else if others
        .iter()
        .any(|other| starts_a_word(other, phrase) || initialism(other) == phrase)
    {
        Some(3)
    } else if !short && (title.contains(phrase) || others.iter().any(|o| o.contains(phrase))) {
        Some(4)
    } else {
        None
    }
}

/// How well a role matches a search, best 0 (see [`phrase_rank`]; a common title counts
/// as well as what it stands for), 6 for every role when the search is empty, `None`
/// when it does not match. A band in the search keeps only roles advertised at that
/// band; a band alone lists roles that start at it (0) before those reaching it (1).
/// Shared by the index and the full graph so both list roles in the same order.
pub(crate) fn search_rank(
    query: &Query,
    title: &str,
    also_known_as: &[String],
    bands: &BandRange,
) -> Option<u8> {
    if let Some(band) = query.band {
        if bands.min == Band::MedicalContract || band < bands.min || band > bands.max {
            return None;
        }
        if query.text.is_empty() {
            return Some(u8::from(bands.min != band));
        }
    } else if query.text.is_empty() {
        return Some(6);
    }
    let title = lowercase(title);
    let others: Vec<String> = also_known_as.iter().map(|o| lowercase(o)).collect();
    let typed = phrase_rank(&query.text, &title, &others);
    let meant = query
        .synonym
        .and_then(|meant| phrase_rank(meant, &title, &others));
    match (typed, meant) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// One search match: its rank, whether it is a role people start from, its title.
pub(crate) type Ranked<'a, T> = (u8, bool, &'a str, T);

/// Sorts search matches best first; among equals, roles people start from first (the
/// titles most people know: "nur" lists "Registered nurse" before "Digital nurse"),
/// then by title.
pub(crate) fn sort_matches<T>(matches: &mut [Ranked<'_, T>]) {
    crate::order::sort_by(matches, |a, b| {
        a.0.cmp(&b.0)
            .then_with(|| b.1.cmp(&a.1))
            .then_with(|| a.2.cmp(b.2))
    });
}

impl RoleIndex {
    /// A role by id.
    pub fn role(&self, id: &RoleId) -> Option<&IndexedRole> {
        self.roles.iter().find(|role| &role.id == id)
    }

    /// The role's title, or its id when the data no longer has it, so a plan saved
    /// against older data still reads sensibly.
    pub fn title_of(&self, id: &RoleId) -> String {
        self.role(id)
            .map_or_else(|| id.to_string(), |role| role.title.clone())
    }

    /// Roles matching a search, best first (see [`search_rank`]): exact titles, then
    /// titles starting with it, then titles with a word starting with it, then other
    /// titles, then the rest; a band ("band 5", "8a") and common titles ("ward nurse",
    /// "HCA") work too. Ignores case.
    ///
    /// ```
    /// let index = foothold::graph::bundled_role_index()?;
    /// let role = &index.roles[0];
    /// let query = role.title.to_uppercase();
    /// assert_eq!(index.search(&query)[0].id, role.id);
    /// # Ok::<(), foothold::graph::LoadError>(())
    /// ```
    pub fn search(&self, query: &str) -> Vec<&IndexedRole> {
        let query = Query::new(query);
        let mut matches: Vec<Ranked<'_, &IndexedRole>> = self
            .roles
            .iter()
            .filter_map(|role| {
                search_rank(&query, &role.title, &role.also_known_as, &role.bands)
                    .map(|rank| (rank, role.entry, role.title.as_str(), role))
            })
            .collect();
        sort_matches(&mut matches);
        matches.into_iter().map(|(_, _, _, role)| role).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{bundled_graph, bundled_pack_data};

    #[test]
    fn the_bundled_index_is_the_index_of_the_bundled_pack() {
        let pack = bundled_pack_data().expect("the bundled pack parses");
        let index = bundled_role_index().expect("the bundled index parses");
        assert_eq!(index, RoleIndex::of_pack(&pack));
    }

    #[test]
    fn searching_the_index_lists_the_same_roles_as_searching_the_graph() {
        let graph = bundled_graph().expect("the bundled pack is valid");
        let index = bundled_role_index().expect("the bundled index parses");
        for query in [
            "",
            "nurse",
            "DATA",
            "  analyst ",
            "clerk",
            "no such role",
            "band 5",
            "RN",
            "ward nurse",
        ] {
            let from_index: Vec<&RoleId> =
                index.search(query).iter().map(|role| &role.id).collect();
            let from_graph: Vec<&RoleId> = graph
                .search_roles(query)
                .iter()
                .map(|role| &role.id)
                .collect();
            assert_eq!(from_index, from_graph, "search for {query:?}");
        }
    }

    fn first_titles(query: &str, count: usize) -> Vec<String> {
        let index = bundled_role_index().expect("the bundled index parses");
        index
            .search(query)
            .iter()
            .take(count)
            .map(|role| role.title.clone())
            .collect()
    }

    #[test]
    fn the_start_of_a_well_known_title_lists_that_role_first() {
        assert_eq!(first_titles("nur", 1), ["Registered nurse"]);
        assert_eq!(first_titles("Nurse", 1), ["Registered nurse"]);
        assert_eq!(first_titles("data an", 1), ["Data analyst"]);
    }

    #[test]
    fn titles_starting_with_the_search_come_before_titles_merely_containing_it() {
        let titles = first_titles("data", 200);
        let last_starting = titles.iter().rposition(|t| t.starts_with("Data"));
        let first_other = titles.iter().position(|t| !t.starts_with("Data"));
        assert!(last_starting < first_other, "{titles:?}");
    }

    #[test]
    fn a_band_finds_roles_advertised_at_that_band() {
        let index = bundled_role_index().expect("the bundled index parses");
        for query in ["band 5", "Band 5", "5"] {
            let found = index.search(query);
            assert!(!found.is_empty(), "{query}");
            assert!(found
                .iter()
                .all(|r| r.bands.min <= Band::B5 && Band::B5 <= r.bands.max));
            assert!(
                found.iter().any(|r| r.title == "Registered nurse"),
                "{query}"
            );
            assert_eq!(found[0].bands.min, Band::B5, "{query}");
        }
        let senior = index.search("8a");
        assert!(senior.iter().any(|r| r.title == "Clinical systems manager"));
        assert!(senior
            .iter()
            .all(|r| r.bands.min <= Band::B8a && Band::B8a <= r.bands.max));
        assert_eq!(first_titles("band 5 nurse", 1), ["Registered nurse"]);
    }

    #[test]
    fn common_titles_find_the_role_people_mean() {
        for (typed, meant) in [
            ("ward nurse", "Registered nurse"),
            ("ward sister", "Registered nurse"),
            ("RN", "Registered nurse"),
            ("HCA", "Healthcare support worker"),
            ("IG officer", "Information governance officer"),
            ("EPR analyst", "Clinical systems analyst"),
            ("CCIO", "Chief clinical information officer"),
        ] {
            assert_eq!(first_titles(typed, 1), [meant], "{typed}");
        }
    }

    #[test]
    fn two_letters_match_whole_words_and_initials_not_the_middle_of_words() {
        let titles = first_titles("RN", 200);
        assert!(
            !titles.iter().any(|t| t == "Machine learning engineer"),
            "{titles:?}"
        );
        assert!(first_titles("IT", 200)
            .iter()
            .all(|t| !t.contains("Digital")));
    }

    #[test]
    fn nonsense_finds_nothing() {
        assert!(first_titles("zzzz", 5).is_empty());
        assert!(first_titles("band 1", 5).is_empty());
    }

    #[test]
    fn an_unknown_role_is_titled_by_its_id() {
        let index = bundled_role_index().expect("the bundled index parses");
        assert_eq!(index.title_of(&RoleId::new("retired-role")), "retired-role");
        let first = &index.roles[0];
        assert_eq!(index.title_of(&first.id), first.title);
    }
}
