//! The role index: role ids, titles and other titles, small enough to ship with the
//! start screen while the full role graph loads with the screens that need it.

use super::{IndexedRole, LoadError, RoleId, RoleIndex};

/// The bundled pack's role index as compact JSON, written by the build script.
pub const BUNDLED_INDEX_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/role-index.json"));

/// Reads the bundled role index.
pub fn bundled_role_index() -> Result<RoleIndex, LoadError> {
    serde_json::from_str(BUNDLED_INDEX_JSON).map_err(|error| LoadError::Format(error.to_string()))
}

/// How well a role matches a lowercased search: 0 when its title starts with it, 1 when
/// its title or another title contains it, 2 for every role when the search is empty,
/// `None` when it does not match. Shared by the index and the full graph so both list
/// roles in the same order.
pub(crate) fn search_rank(needle: &str, title: &str, also_known_as: &[String]) -> Option<u8> {
    let title = title.to_lowercase();
    if needle.is_empty() {
        Some(2)
    } else if title.starts_with(needle) {
        Some(0)
    } else if title.contains(needle)
        || also_known_as
            .iter()
            .any(|other| other.to_lowercase().contains(needle))
    {
        Some(1)
    } else {
        None
    }
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

    /// Roles whose title or other titles contain the query, ignoring case; best matches
    /// (title starts with the query) first, then by title.
    ///
    /// ```
    /// let index = foothold::graph::bundled_role_index()?;
    /// let role = &index.roles[0];
    /// let query = role.title.to_uppercase();
    /// assert_eq!(index.search(&query)[0].id, role.id);
    /// # Ok::<(), foothold::graph::LoadError>(())
    /// ```
    pub fn search(&self, query: &str) -> Vec<&IndexedRole> {
        let needle = query.trim().to_lowercase();
        let mut matches: Vec<(u8, &IndexedRole)> = self
            .roles
            .iter()
            .filter_map(|role| {
                search_rank(&needle, &role.title, &role.also_known_as).map(|rank| (rank, role))
            })
            .collect();
        crate::order::sort_by(&mut matches, |a, b| {
            a.0.cmp(&b.0).then_with(|| a.1.title.cmp(&b.1.title))
        });
        matches.into_iter().map(|(_, role)| role).collect()
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
        for query in ["", "nurse", "DATA", "  analyst ", "clerk", "no such role"] {
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

    #[test]
    fn an_unknown_role_is_titled_by_its_id() {
        let index = bundled_role_index().expect("the bundled index parses");
        assert_eq!(index.title_of(&RoleId::new("retired-role")), "retired-role");
        let first = &index.roles[0];
        assert_eq!(index.title_of(&first.id), first.title);
    }
}
