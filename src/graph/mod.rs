//! The role graph: the pack's types, reading packs, validating them, and a petgraph
//! index over roles and transitions that the planner walks.

pub mod audit;
pub mod credentials;
pub mod funding;
pub mod index;
pub mod index_lines;
pub mod model;
pub mod provenance;
pub mod realism;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;
pub mod validate;

pub use credentials::{CredentialSet, CredentialTable, RoleNeeds, MAX_CREDENTIALS};
pub use index::{bundled_role_index, BUNDLED_INDEX};
pub use model::*;
pub use validate::{validate_pack, PackProblem, ProblemKind, MAX_TRANSITION_MONTHS};

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use std::collections::HashMap;
use std::fmt;

/// The bundled NHS pack as compact JSON, compiled from `data/` by the build script.
pub const BUNDLED_PACK_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/pack.json"));

/// Why a pack could not be loaded into a [`RoleGraph`].
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The bytes are not a pack in the expected format.
    Format(String),
    /// The pack parsed but failed validation.
    Invalid(Vec<PackProblem>),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Format(message) => write!(f, "the role data could not be read: {message}"),
            LoadError::Invalid(problems) => {
                write!(f, "the role data has {} problem(s)", problems.len())?;
                if let Some(first) = problems.first() {
                    write!(f, "; the first is {first}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// Parses the bundled pack without validating it (for tools and tests that check it).
pub fn bundled_pack_data() -> Result<Pack, LoadError> {
    serde_json::from_str(BUNDLED_PACK_JSON).map_err(|error| LoadError::Format(error.to_string()))
}

/// Reads the bundled NHS pack and indexes it without running the checks again: the app's
/// way in.
///
/// The bundled pack is fixed when the app is built, and the test suite
/// (`bundled_pack_has_no_problems` in `tests/validate_pack.rs`, which CI runs on the same
/// commit as the release build) proves it passes every check. Checking it again on each
/// visit would cost a phone a long task and the download of the checker's code for
/// nothing. Packs from anywhere else go through [`RoleGraph::new`].
pub fn bundled_graph_checked_at_build() -> Result<RoleGraph, LoadError> {
    bundled_pack_data().map(RoleGraph::new_unchecked)
}

/// Loads and validates the bundled NHS pack.
pub fn bundled_graph() -> Result<RoleGraph, LoadError> {
    RoleGraph::new(bundled_pack_data()?)
}

/// A validated pack with an index for walking it: roles are nodes, transitions are edges.
///
/// Node weights are positions in [`Pack::roles`], edge weights positions in
/// [`Pack::transitions`], so the graph and the pack never disagree.
#[derive(Debug, Clone)]
pub struct RoleGraph {
    pack: Pack,
    graph: DiGraph<usize, usize>,
    nodes: HashMap<RoleId, NodeIndex>,
    competencies: HashMap<CompetencyId, usize>,
    opportunities: HashMap<OpportunityId, usize>,
    credentials: CredentialTable,
    /// Each node's place when roles are sorted by id (then by node), so the planner can
    /// break ties between routes by comparing numbers rather than id texts.
    id_order: Vec<u32>,
}

impl PartialEq for RoleGraph {
    fn eq(&self, other: &Self) -> bool {
        self.pack == other.pack
    }
}

impl RoleGraph {
    /// Validates a pack and indexes it; a pack with any problem is refused with them all.
    pub fn new(pack: Pack) -> Result<Self, LoadError> {
        let problems = validate_pack(&pack);
        if !problems.is_empty() {
            return Err(LoadError::Invalid(problems));
        }
        Ok(Self::index(pack))
    }

    /// Indexes a pack that the caller knows to have no dangling ids (generated graphs in
    /// benchmarks and property tests, which may break shape rules such as dead ends).
    /// Transitions naming unknown roles are skipped rather than trusted.
    pub fn new_unchecked(pack: Pack) -> Self {
        Self::index(pack)
    }

    fn index(pack: Pack) -> Self {
        let mut graph = DiGraph::with_capacity(pack.roles.len(), pack.transitions.len());
        let mut nodes = HashMap::with_capacity(pack.roles.len());
        for (position, role) in pack.roles.iter().enumerate() {
            let node = graph.add_node(position);
            nodes.entry(role.id.clone()).or_insert(node);
        }
        for (position, transition) in pack.transitions.iter().enumerate() {
            if let (Some(&from), Some(&to)) =
                (nodes.get(&transition.from), nodes.get(&transition.to))
            {
                graph.add_edge(from, to, position);
            }
        }
        let competencies = pack
            .competencies
            .iter()
            .enumerate()
            .map(|(position, c)| (c.id.clone(), position))
            .collect();
        let opportunities = pack
            .opportunities
            .iter()
            .enumerate()
            .map(|(position, o)| (o.id.clone(), position))
            .collect();
        let credentials = CredentialTable::of_pack(&pack);
        let mut by_id: Vec<NodeIndex> = graph.node_indices().collect();
        by_id.sort_by(|&a, &b| {
            pack.roles[graph[a]]
                .id
                .cmp(&pack.roles[graph[b]].id)
                .then(a.cmp(&b))
        });
        let mut id_order = vec![0; by_id.len()];
        for (place, node) in by_id.into_iter().enumerate() {
            id_order[node.index()] = place as u32;
        }
        RoleGraph {
            pack,
            graph,
            nodes,
            competencies,
            opportunities,
            credentials,
            id_order,
        }
    }

    /// The pack behind the graph.
    pub fn pack(&self) -> &Pack {
        &self.pack
    }

    /// Facts about the pack.
    pub fn info(&self) -> &PackInfo {
        &self.pack.info
    }

    /// Every role, in pack order.
    pub fn roles(&self) -> &[Role] {
        &self.pack.roles
    }

    /// Every transition, in pack order.
    pub fn transitions(&self) -> &[Transition] {
        &self.pack.transitions
    }

    /// A role by id.
    pub fn role(&self, id: &RoleId) -> Option<&Role> {
        self.nodes
            .get(id)
            .map(|&node| &self.pack.roles[self.graph[node]])
    }

    /// A competency by id.
    pub fn competency(&self, id: &CompetencyId) -> Option<&Competency> {
        self.competencies
            .get(id)
            .map(|&position| &self.pack.competencies[position])
    }

    /// A development opportunity by id.
    pub fn opportunity(&self, id: &OpportunityId) -> Option<&Opportunity> {
        self.opportunities
            .get(id)
            .map(|&position| &self.pack.opportunities[position])
    }

    /// A credential by id.
    pub fn credential(&self, id: &CredentialId) -> Option<&Credential> {
        self.credentials
            .position(id)
            .and_then(|position| self.pack.credentials.get(position))
    }

    /// Every role's, move's and opportunity's credentials as bit sets, for the planner.
    pub fn credential_table(&self) -> &CredentialTable {
        &self.credentials
    }

    /// The credentials in a set, in pack order.
    pub fn credentials_in(&self, set: CredentialSet) -> Vec<&Credential> {
        set.positions()
            .filter_map(|position| self.pack.credentials.get(position))
            .collect()
    }

    /// What a person starting in a role holds: what the role implies plus what they
    /// declared, and, when the role covers several professions and they named none of
    /// them, the set one of which they hold.
    pub fn starting_credentials(
        &self,
        start: NodeIndex,
        declared: CredentialSet,
    ) -> (CredentialSet, CredentialSet) {
        let position = self.graph[start];
        let table = &self.credentials;
        let held = table.holds[position].union(declared);
        let one_of = table.holds_one_of[position];
        if one_of.intersection(held).is_empty() {
            (held, one_of)
        } else {
            (held, CredentialSet::EMPTY)
        }
    }

    /// A role's credential requirements as sentences people read: one for each
    /// credential needed outright, and one for a choice of several ("One of: …").
    ///
    /// ```
    /// let graph = foothold::graph::bundled_graph().expect("the bundled pack is valid");
    /// let cnio = graph.role(&"chief-nursing-information-officer".into()).unwrap();
    /// let lines = graph.requirement_lines(cnio);
    /// assert!(lines[0].contains("Registration as a nurse"));
    /// ```
    pub fn requirement_lines(&self, role: &Role) -> Vec<String> {
        let describe = |id: &CredentialId| match self.credential(id) {
            Some(credential) => format!("{} ({})", credential.name, credential.body),
            None => id.to_string(),
        };
        let mut lines: Vec<String> = role.requires.all_of.iter().map(describe).collect();
        match role.requires.any_of.as_slice() {
            [] => {}
            [only] => lines.push(describe(only)),
            several => {
                let names: Vec<String> = several
                    .iter()
                    .map(|id| {
                        self.credential(id)
                            .map_or_else(|| id.to_string(), |c| c.name.clone())
                    })
                    .collect();
                lines.push(format!("One of: {}", names.join("; ")));
            }
        }
        lines
    }

    /// What entering the role at a node asks for.
    pub fn needs_at(&self, node: NodeIndex) -> RoleNeeds {
        self.credentials.needs[self.graph[node]]
    }

    /// What the move on an edge grants.
    pub fn grants_at(&self, edge: EdgeIndex) -> CredentialSet {
        self.credentials.grants[self.graph[edge]]
    }

    /// The registrations (not qualifications) among `set`.
    pub fn registrations_in(&self, set: CredentialSet) -> CredentialSet {
        set.intersection(self.credentials.registrations)
    }

    /// The registrations the role at a node names: those entering it asks for, and
    /// those everyone in it holds (or one of which they hold).
    pub fn registrations_named_at(&self, node: NodeIndex) -> CredentialSet {
        self.credentials.registrations_named[self.graph[node]]
    }

    /// The transition from one role straight to another, if there is one.
    pub fn transition(&self, from: &RoleId, to: &RoleId) -> Option<&Transition> {
        let (&a, &b) = (self.nodes.get(from)?, self.nodes.get(to)?);
        self.graph
            .find_edge(a, b)
            .map(|edge| &self.pack.transitions[self.graph[edge]])
    }

    /// Moves into a role ("ways in"), in pack order.
    pub fn ways_in(&self, id: &RoleId) -> Vec<&Transition> {
        self.edges_of(id, petgraph::Direction::Incoming)
    }

    /// Moves out of a role ("ways on"), in pack order.
    pub fn ways_on(&self, id: &RoleId) -> Vec<&Transition> {
        self.edges_of(id, petgraph::Direction::Outgoing)
    }

    fn edges_of(&self, id: &RoleId, direction: petgraph::Direction) -> Vec<&Transition> {
        let Some(&node) = self.nodes.get(id) else {
            return Vec::new();
        };
        let mut positions: Vec<usize> = self
            .graph
            .edges_directed(node, direction)
            .map(|edge| *edge.weight())
            .collect();
        crate::order::sort(&mut positions);
        positions
            .into_iter()
            .map(|position| &self.pack.transitions[position])
            .collect()
    }

    /// The petgraph index, for the planner.
    pub fn petgraph(&self) -> &DiGraph<usize, usize> {
        &self.graph
    }

    /// The node of a role, for the planner.
    pub fn node(&self, id: &RoleId) -> Option<NodeIndex> {
        self.nodes.get(id).copied()
    }

    /// The role at a node.
    pub fn role_at(&self, node: NodeIndex) -> &Role {
        &self.pack.roles[self.graph[node]]
    }

    /// The node's place when roles are sorted by id, then by node: comparing two places
    /// compares the ids.
    pub(crate) fn id_order(&self, node: NodeIndex) -> u32 {
        self.id_order[node.index()]
    }

    /// The transition on an edge.
    pub fn transition_at(&self, edge: EdgeIndex) -> &Transition {
        &self.pack.transitions[self.graph[edge]]
    }

    /// Where a role id that is no longer in the pack went, if the migration map knows.
    pub fn migration(&self, old: &RoleId) -> Option<&RoleMigration> {
        self.pack.migrations.iter().find(|m| &m.old == old)
    }

    /// Roles matching a search, best first, in the same order as
    /// [`RoleIndex::search`] (the role picker and the Roles screen agree).
    pub fn search_roles(&self, query: &str) -> Vec<&Role> {
        let query = index::Query::new(query);
        let mut matches: Vec<index::Ranked<'_, &Role>> = self
            .pack
            .roles
            .iter()
            .filter_map(|role| {
                index::search_rank(&query, &role.title, &role.also_known_as, &role.bands)
                    .map(|rank| (rank, role.entry, role.title.as_str(), role))
            })
            .collect();
        index::sort_matches(&mut matches);
        matches.into_iter().map(|(_, _, _, role)| role).collect()
    }
}
