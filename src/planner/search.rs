//! Shortest-path search over the role graph under a query's constraints, with the
//! planner's deterministic tie-break.
//!
//! # Credentials travel with the person
//!
//! The search walks states, not roles: a state is a role together with the credentials
//! the person holds on arriving there (registrations and gating qualifications). A move
//! adds what it grants; a role is entered only when its requirements are met by then
//! ([`RoleNeeds::admits`]). Validated packs grant credentials only on moves that lie on
//! no cycle of roles (the validator checks it), so a person never comes back to a role
//! holding more than before, and a route never repeats a role.
//!
//! Routes are ordered by their [`RouteCost`] (which counts steps last), then by the role
//! ids along the route read from the start. The forward search keeps, for each state,
//! the predecessor whose route from the start reads first; because every step costs at
//! least one step, all equally good predecessors are settled before the state itself, so
//! the choice never depends on the order of roles or transitions in the pack.
//!
//! # No detour through a post above the goal
//!
//! A route to a target never passes through a role whose lowest band is above the
//! target's highest band: nobody becomes a chief officer on the way to an analyst post,
//! and no careers adviser would suggest it. The start, the target and a role the person
//! asked to go through are exempt, and a target on a medical contract sets no limit (it
//! is not on the Agenda for Change scale). Searches without a target (exploring) are not
//! limited.
//!
//! # No training for a registration the route does not use
//!
//! A move that trains for a registration (three or four years of nurse training, the
//! Scientist Training Programme, specialty training) is on a route only when the route
//! uses that registration: it ends in the role the training leads into, or the next
//! move relies on the registration. A move relies on it when the role it goes to asks
//! for it or is held by everyone registered so (a digital nurse post after nurse
//! training), or when it trains, from a role that names it, for a further registration
//! (a nursing associate topping up to nurse). Nobody is told to qualify as a nurse on
//! the way to a user research post that asks for no registration. A role the person
//! asked to go through relies on the registrations it names. Qualifications (a clinical
//! safety course) are not limited: a move gives them by leading into the role that asks
//! for them.
//!
//! The search keeps this exact by carrying, in the state of a role just trained into,
//! the registrations the next move must rely on. Validated packs lead no such move into
//! a role that lies on a cycle of roles (the validator checks it), so no route needs to
//! come back to that role, and routes still never repeat a role.
//!
//! The engine keeps its buffers between searches and marks them with epochs instead of
//! clearing them, so Yen's algorithm can run many spur searches cheaply.

use super::cost::{personalised_months, step_measures, HeldSet, RouteCost};
use super::{Constraints, Objective};
use crate::graph::{Band, CompetencyId, CredentialSet, Evidence, RoleGraph};
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::Direction;
use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeSet, BinaryHeap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

/// The highest band a route to `target` may pass through on the way: the target's own
/// top band, or no limit when the target is paid on a medical contract.
pub(crate) fn seniority_limit(graph: &RoleGraph, target: NodeIndex) -> Option<Band> {
    let top = graph.role_at(target).bands.max;
    (top != Band::MedicalContract).then_some(top)
}

/// Whether a path ends at a role whose [`seniority_limit`] is `level`.
pub(crate) fn ends_at_level(graph: &RoleGraph, path: &Path, level: Option<Band>) -> bool {
    path.nodes
        .last()
        .is_some_and(|&end| seniority_limit(graph, end) == level)
}

/// Every [`seniority_limit`] a target in the graph has, lowest first, once each.
pub(crate) fn goal_levels(graph: &RoleGraph) -> Vec<Option<Band>> {
    let mut levels: Vec<Option<Band>> = graph
        .petgraph()
        .node_indices()
        .map(|node| seniority_limit(graph, node))
        .collect();
    levels.sort();
    levels.dedup();
    levels
}

/// Where a person is during the search: a role, the credentials held on arrival, and
/// the registrations the move there trained for, which the next move must rely on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct State {
    pub node: NodeIndex,
    pub credentials: CredentialSet,
    /// Registrations the move into this role trained for that nothing has relied on
    /// yet (see the module docs); a subset of `credentials`.
    pub unused: CredentialSet,
}

/// A loopless walk found by the search: its roles, the transitions between them, the
/// credentials held on arriving at each role, and the cost of each prefix (so Yen's
/// algorithm can price a root without adding it up again).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Path {
    pub nodes: Vec<NodeIndex>,
    pub edges: Vec<EdgeIndex>,
    /// `credentials[i]` is what the person holds on arriving at `nodes[i]`.
    pub credentials: Vec<CredentialSet>,
    /// `unused[i]` is what the move into `nodes[i]` trained for and the next move must
    /// rely on.
    pub unused: Vec<CredentialSet>,
    /// `prefix[i]` is the cost of the first `i` steps; the last entry is the whole cost.
    pub prefix: Vec<RouteCost>,
    /// The index of the role where this path left the path it was derived from (Yen's).
    pub deviation: usize,
}

impl Path {
    pub fn cost(&self) -> RouteCost {
        self.prefix.last().copied().unwrap_or(RouteCost::ZERO)
    }

    /// The state at position `index` of the path.
    pub fn state(&self, index: usize) -> State {
        State {
            node: self.nodes[index],
            credentials: self.credentials[index],
            unused: self.unused[index],
        }
    }

    /// The state the path ends in.
    pub fn end(&self) -> State {
        self.state(self.nodes.len() - 1)
    }

    /// Joins a path that starts where this one ends.
    pub fn join(&self, onward: &Path) -> Path {
        let base = self.cost();
        let mut nodes = self.nodes.clone();
        nodes.extend_from_slice(&onward.nodes[1..]);
        let mut edges = self.edges.clone();
        edges.extend_from_slice(&onward.edges);
        let mut credentials = self.credentials.clone();
        credentials.extend_from_slice(&onward.credentials[1..]);
        let mut unused = self.unused.clone();
        unused.extend_from_slice(&onward.unused[1..]);
        let mut prefix = self.prefix.clone();
        prefix.extend(onward.prefix[1..].iter().map(|&cost| base + cost));
        Path {
            nodes,
            edges,
            credentials,
            unused,
            prefix,
            deviation: self.deviation,
        }
    }

    /// The roles strictly between the start and the end, sorted, for comparing routes.
    pub fn intermediate_set(&self) -> Vec<NodeIndex> {
        let mut inner: Vec<NodeIndex> = match self.nodes.len() {
            0..=2 => Vec::new(),
            n => self.nodes[1..n - 1].to_vec(),
        };
        crate::order::sort(&mut inner);
        inner
    }

    /// True when no role appears twice (always so in validated packs).
    pub fn visits_each_role_once(&self) -> bool {
        let mut roles = self.nodes.clone();
        crate::order::sort(&mut roles);
        roles.windows(2).all(|pair| pair[0] != pair[1])
    }
}

/// Orders paths the way the planner ranks routes: cost, then role ids from the start.
pub(crate) fn compare_paths(graph: &RoleGraph, a: &Path, b: &Path) -> Ordering {
    a.cost().cmp(&b.cost()).then_with(|| {
        let ids = |path: &Path| {
            path.nodes
                .iter()
                .map(|&node| graph.role_at(node).id.as_str())
                .collect::<Vec<_>>()
        };
        ids(a)
            .cmp(&ids(b))
            .then_with(|| a.nodes.cmp(&b.nodes))
            .then_with(|| a.edges.cmp(&b.edges))
    })
}

#[derive(Debug, Clone, Copy)]
enum EdgeCost {
    NotYetPriced,
    Closed,
    Open(RouteCost),
}

const NONE: u32 = u32::MAX;

/// A small, fast hasher for the engine's state keys (a role index and a credential
/// bitset): the keys are the engine's own numbers, never user text, so a keyed hash's
/// protection against chosen collisions buys nothing here.
#[derive(Default)]
struct StateHasher(u64);

impl Hasher for StateHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.write_u64(u64::from(byte));
        }
    }

    fn write_u32(&mut self, value: u32) {
        self.write_u64(u64::from(value));
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A state beyond the first layer, as a hash key: its role's index, its credentials and
/// its unused registrations.
type StateKey = (u32, CredentialSet, CredentialSet);

/// How a role was settled in a search: the credentials held, the registrations left
/// unused, and the cost.
type SettledAs = (CredentialSet, CredentialSet, RouteCost);

/// The constrained graph of one query, with reusable search buffers.
///
/// Per-state buffers hold every role with the credentials the person starts with (and no
/// unused registration), laid out by role, followed by the other states (a role with
/// more credentials) in the order the search first met them, found through a hash table. So a pack without credentials
/// costs the same as a plain role search, and a pack with them pays only for the states
/// a search actually reaches.
pub(crate) struct Engine<'g> {
    pub graph: &'g RoleGraph,
    pub objective: Objective,
    held: HeldSet,
    sourced_only: bool,
    start: State,
    /// The professions one of which the person holds without having said which.
    one_of: CredentialSet,
    /// The role the person asked to go through, which relies on what it names.
    via: Option<NodeIndex>,
    node_open: Vec<bool>,
    edge_cost: Vec<EdgeCost>,
    /// States beyond the first layer, by their buffer index minus the number of roles.
    extra_states: Vec<State>,
    /// The buffer index of each state beyond the first layer.
    extra_index: HashMap<StateKey, u32, BuildHasherDefault<StateHasher>>,
    /// Per role, the credential sets and unused registrations it was settled with in
    /// the current search and their costs (stamped with the search's epoch), to skip
    /// dominated states.
    settled_with: Vec<(u32, Vec<SettledAs>)>,
    best: Vec<RouteCost>,
    pred_edge: Vec<u32>,
    pred_state: Vec<u32>,
    reached: Vec<u32>,
    settled: Vec<u32>,
    epoch: u32,
    node_blocked: Vec<u32>,
    edge_blocked: Vec<u32>,
    block_epoch: u32,
    heap: BinaryHeap<Reverse<(RouteCost, RouteCost, u32)>>,
}

impl<'g> Engine<'g> {
    /// Prepares a search from `start` (exempt from the avoid list and the band ceiling)
    /// and, where given, to `target` (exempt from the avoid list only), for a person who
    /// holds the competencies `held` and has declared the credentials `declared` on top
    /// of what the start role implies.
    pub fn new(
        graph: &'g RoleGraph,
        objective: Objective,
        held: BTreeSet<CompetencyId>,
        declared: CredentialSet,
        constraints: &Constraints,
        start: NodeIndex,
        target: Option<NodeIndex>,
    ) -> Self {
        let nodes = graph.petgraph().node_count();
        let edges = graph.petgraph().edge_count();
        let mut node_open = vec![true; nodes];
        let goal_ceiling = target.and_then(|target| seniority_limit(graph, target));
        for (index, open) in node_open.iter_mut().enumerate() {
            let node = NodeIndex::new(index);
            if node == start {
                continue;
            }
            let role = graph.role_at(node);
            let waypoint = Some(node) == target || constraints.via.as_ref() == Some(&role.id);
            let avoided = Some(node) != target && constraints.avoid.contains(&role.id);
            let too_senior = constraints
                .band_ceiling
                .is_some_and(|ceiling| !role.bands.min.within_ceiling(ceiling));
            let above_goal =
                !waypoint && goal_ceiling.is_some_and(|top| !role.bands.min.within_ceiling(top));
            *open = !avoided && !too_senior && !above_goal;
        }
        let (credentials, one_of) = graph.starting_credentials(start, declared);
        Engine {
            graph,
            objective,
            held: HeldSet::new(&held),
            sourced_only: constraints.sourced_only,
            start: State {
                node: start,
                credentials,
                unused: CredentialSet::EMPTY,
            },
            one_of,
            via: constraints.via.as_ref().and_then(|id| graph.node(id)),
            node_open,
            edge_cost: vec![EdgeCost::NotYetPriced; edges],
            extra_states: Vec::new(),
            extra_index: HashMap::default(),
            settled_with: vec![(0, Vec::new()); nodes],
            best: vec![RouteCost::UNREACHABLE; nodes],
            pred_edge: vec![NONE; nodes],
            pred_state: vec![NONE; nodes],
            reached: vec![0; nodes],
            settled: vec![0; nodes],
            epoch: 1,
            node_blocked: vec![0; nodes],
            edge_blocked: vec![0; edges],
            block_epoch: 1,
            heap: BinaryHeap::new(),
        }
    }

    /// Where the person starts: the start role with what it implies and what they declared.
    pub fn start_state(&self) -> State {
        self.start
    }

    fn node_count(&self) -> usize {
        self.node_blocked.len()
    }

    /// The buffer index of a state, adding one for a state not met before.
    fn index_of(&mut self, state: State) -> usize {
        if state.credentials == self.start.credentials && state.unused.is_empty() {
            return state.node.index();
        }
        let key = (state.node.index() as u32, state.credentials, state.unused);
        if let Some(&index) = self.extra_index.get(&key) {
            return index as usize;
        }
        let index = self.node_count() + self.extra_states.len();
        self.extra_states.push(state);
        self.extra_index.insert(key, index as u32);
        self.best.push(RouteCost::UNREACHABLE);
        self.pred_edge.push(NONE);
        self.pred_state.push(NONE);
        self.reached.push(0);
        self.settled.push(0);
        index
    }

    fn state_at(&self, index: usize) -> State {
        match index.checked_sub(self.node_count()) {
            Some(extra) => self.extra_states[extra],
            None => State {
                node: NodeIndex::new(index),
                credentials: self.start.credentials,
                unused: CredentialSet::EMPTY,
            },
        }
    }

    /// The role of the state at a buffer index.
    fn node_at(&self, index: usize) -> NodeIndex {
        self.state_at(index).node
    }

    /// Whether the person could already stand in the state's role holding everything the
    /// state holds and more, with no registration unused that the state has not left
    /// unused too, for strictly less: every way on from the state is open to that
    /// earlier arrival too and may end wherever the state's could (requirements only
    /// ever ask for credentials, no move costs more for holding more, and holding more
    /// never leaves more unused), so the state can lead to no best route. Equal costs
    /// are kept, so ties between routes are still broken by how they read.
    fn dominated(&self, state: State, cost: RouteCost) -> bool {
        let (stamp, settled) = &self.settled_with[state.node.index()];
        *stamp == self.epoch
            && settled.iter().any(|&(credentials, unused, settled_cost)| {
                settled_cost < cost
                    && state.credentials.is_subset(credentials)
                    && unused.is_subset(state.unused)
            })
    }

    /// Records that the search settled `state` at `cost`.
    fn note_settled(&mut self, state: State, cost: RouteCost) {
        let epoch = self.epoch;
        let (stamp, settled) = &mut self.settled_with[state.node.index()];
        if *stamp != epoch {
            *stamp = epoch;
            settled.clear();
        }
        settled.push((state.credentials, state.unused, cost));
    }

    /// Lifts every temporary block set by [`Engine::block_node`] and [`Engine::block_edge`].
    pub fn clear_blocks(&mut self) {
        self.block_epoch = self.block_epoch.wrapping_add(1);
        if self.block_epoch == 0 {
            self.node_blocked.fill(0);
            self.edge_blocked.fill(0);
            self.block_epoch = 1;
        }
    }

    /// Keeps a role off routes until the blocks are cleared.
    pub fn block_node(&mut self, node: NodeIndex) {
        self.node_blocked[node.index()] = self.block_epoch;
    }

    /// Blocks, until the blocks are cleared, every role a route to a target whose
    /// [`seniority_limit`] is `level` may not pass through, except the roles in `exempt`
    /// (the start, a via role). Searching with no target, then keeping the roles at
    /// that level, finds what a search aimed at each of them would find.
    pub fn block_above_goal(&mut self, level: Option<Band>, exempt: &[NodeIndex]) {
        let Some(top) = level else {
            return;
        };
        for index in 0..self.node_count() {
            let node = NodeIndex::new(index);
            if !exempt.contains(&node) && !self.graph.role_at(node).bands.min.within_ceiling(top) {
                self.block_node(node);
            }
        }
    }

    /// Every role reachable from `source` (within `limit`, as [`Engine::reachable`]) by
    /// the route a search aimed at that role would find: one seniority level at a time,
    /// with the roles above each level blocked (see [`Engine::block_above_goal`]) and
    /// the `blocked` roles kept off every route.
    pub fn reachable_at_goal_levels(
        &mut self,
        source: State,
        limit: Option<u32>,
        exempt: &[NodeIndex],
        blocked: &[NodeIndex],
    ) -> Vec<Path> {
        let graph = self.graph;
        let mut found = Vec::new();
        for level in goal_levels(graph) {
            self.clear_blocks();
            self.block_above_goal(level, exempt);
            for &node in blocked {
                self.block_node(node);
            }
            found.extend(
                self.reachable(source, limit)
                    .into_iter()
                    .filter(|path| ends_at_level(graph, path, level)),
            );
        }
        found
    }

    /// Keeps a transition off routes until the blocks are cleared.
    pub fn block_edge(&mut self, edge: EdgeIndex) {
        self.edge_blocked[edge.index()] = self.block_epoch;
    }

    fn node_usable(&self, node: NodeIndex) -> bool {
        self.node_open[node.index()] && self.node_blocked[node.index()] != self.block_epoch
    }

    /// The cost of a transition for this user, or none when constraints rule it out.
    fn price(&mut self, edge: EdgeIndex) -> Option<RouteCost> {
        if self.edge_blocked[edge.index()] == self.block_epoch {
            return None;
        }
        let mut priced = self.edge_cost[edge.index()];
        if let EdgeCost::NotYetPriced = priced {
            priced = self.price_afresh(edge);
            self.edge_cost[edge.index()] = priced;
        }
        match priced {
            EdgeCost::Open(cost) => Some(cost),
            _ => None,
        }
    }

    fn price_afresh(&self, edge: EdgeIndex) -> EdgeCost {
        let transition = self.graph.transition_at(edge);
        let self_loop = self
            .graph
            .petgraph()
            .edge_endpoints(edge)
            .is_none_or(|(a, b)| a == b);
        if self_loop || (self.sourced_only && transition.evidence != Evidence::Sourced) {
            EdgeCost::Closed
        } else if !self.held.is_empty() || self.objective == Objective::FewestNewCompetencies {
            let (months, still_to_gain) = step_measures(transition, &self.held);
            EdgeCost::Open(RouteCost::of_step(self.objective, months, still_to_gain))
        } else {
            // Holding nothing leaves every range whole, so the competency lists need not
            // be read: on large graphs that saves most of the time.
            let months = personalised_months(transition.months, 0, 0);
            EdgeCost::Open(RouteCost::of_step(self.objective, months, 0))
        }
    }

    /// Where a move from `from` along `edge` leads, or none when the person may not
    /// enter the role it goes to, or may not leave `from` that way because the move does
    /// not rely on the registration they just trained for there (see the module docs).
    fn step(&self, from: State, edge: EdgeIndex, to: NodeIndex) -> Option<State> {
        let grants = self.graph.grants_at(edge);
        let credentials = from.credentials.union(grants);
        if !self.graph.needs_at(to).admits(credentials, self.one_of) {
            return None;
        }
        let registrations = self.graph.registrations_in(grants);
        if !from.unused.is_empty() {
            let mut relied_on = self.graph.registrations_named_at(to);
            if !registrations.is_empty() {
                relied_on = relied_on.union(self.graph.registrations_named_at(from.node));
            }
            if !from.unused.is_subset(relied_on) {
                return None;
            }
        }
        let mut unused = registrations.minus(from.credentials);
        if Some(to) == self.via {
            unused = unused.minus(self.graph.registrations_named_at(to));
        }
        Some(State {
            node: to,
            credentials,
            unused,
        })
    }

    fn next_epoch(&mut self) {
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.reached.fill(0);
            self.settled.fill(0);
            for (stamp, _) in &mut self.settled_with {
                *stamp = 0;
            }
            self.epoch = 1;
        }
    }

    /// Whether reaching a state from `new_from` reads before reaching it from
    /// `old_from`, when both are equally good. Both routes have the same number of
    /// steps, so walking back in step finds the first role, from the start, where they
    /// differ.
    fn reads_first(
        &self,
        new_edge: EdgeIndex,
        new_from: usize,
        old_edge: u32,
        old_from: u32,
    ) -> bool {
        let (mut a, mut b) = (new_from, old_from as usize);
        if a == b {
            // Two transitions between the same roles: only in unvalidated packs.
            return new_edge.index() < old_edge as usize;
        }
        let mut first_difference = None;
        while a != b {
            let (node_a, node_b) = (self.node_at(a), self.node_at(b));
            if node_a != node_b {
                first_difference = Some((node_a, node_b));
            }
            match (self.pred_state[a], self.pred_state[b]) {
                (NONE, _) | (_, NONE) => break,
                (next_a, next_b) => {
                    a = next_a as usize;
                    b = next_b as usize;
                }
            }
        }
        let Some((a, b)) = first_difference else {
            return new_edge.index() < old_edge as usize;
        };
        self.graph.id_order(a) < self.graph.id_order(b)
    }

    /// The best path from `source` to `target` (holding any credentials there) under the
    /// constraints and current blocks, guided by `heuristic` (lower bounds on the cost to
    /// the target, as made by [`Engine::costs_to`]) when given.
    pub fn shortest(
        &mut self,
        source: State,
        target: NodeIndex,
        heuristic: Option<&[RouteCost]>,
    ) -> Option<Path> {
        let estimate = |node: NodeIndex| heuristic.map_or(RouteCost::ZERO, |h| h[node.index()]);
        if !self.node_usable(target) || estimate(source.node) == RouteCost::UNREACHABLE {
            return None;
        }
        self.next_epoch();
        self.heap.clear();
        let source_index = self.start_at(source);
        self.heap.push(Reverse((
            estimate(source.node),
            RouteCost::ZERO,
            source_index as u32,
        )));
        while let Some(Reverse((_, cost, index))) = self.heap.pop() {
            let index = index as usize;
            if self.settled[index] == self.epoch || cost != self.best[index] {
                continue;
            }
            let state = self.state_at(index);
            if self.dominated(state, cost) {
                continue;
            }
            self.settled[index] = self.epoch;
            self.note_settled(state, cost);
            if state.node == target {
                return Some(self.best_arrival(index, cost));
            }
            self.relax_from(index, |next| {
                let h = estimate(next);
                (h != RouteCost::UNREACHABLE).then_some(h)
            });
        }
        None
    }

    /// The path to the first target state settled, or to another state of the same role
    /// and cost whose route reads first. Every predecessor of such a state costs less, so
    /// it was settled before and the state's own route is final.
    fn best_arrival(&mut self, index: usize, cost: RouteCost) -> Path {
        let target = self.node_at(index);
        let mut best = self.path_to(index);
        let rivals: Vec<usize> = self
            .heap
            .iter()
            .map(|Reverse((_, rival_cost, rival))| (*rival_cost, *rival as usize))
            .filter(|&(rival_cost, rival)| {
                rival != index
                    && self.node_at(rival) == target
                    && rival_cost == cost
                    && self.best[rival] == cost
                    && self.reached[rival] == self.epoch
            })
            .map(|(_, rival)| rival)
            .collect();
        for rival in rivals {
            let other = self.path_to(rival);
            if compare_paths(self.graph, &other, &best).is_lt() {
                best = other;
            }
        }
        best
    }

    /// Every role reachable from `source` whose best cost has a primary measure of at
    /// most `limit`, with the best path to each (whatever the person holds there), in
    /// the order they were settled.
    pub fn reachable(&mut self, source: State, limit: Option<u32>) -> Vec<Path> {
        self.next_epoch();
        self.heap.clear();
        let source_index = self.start_at(source);
        self.heap.push(Reverse((
            RouteCost::ZERO,
            RouteCost::ZERO,
            source_index as u32,
        )));
        let mut settled = Vec::new();
        let mut roles_seen = vec![false; self.node_count()];
        while let Some(Reverse((_, cost, index))) = self.heap.pop() {
            let index = index as usize;
            if self.settled[index] == self.epoch || cost != self.best[index] {
                continue;
            }
            if limit.is_some_and(|limit| cost.primary > limit) {
                break;
            }
            self.settled[index] = self.epoch;
            let node = self.node_at(index).index();
            if !roles_seen[node] {
                roles_seen[node] = true;
                settled.push(index);
            }
            self.relax_from(index, |_| Some(RouteCost::ZERO));
        }
        settled
            .into_iter()
            .map(|index| self.path_to(index))
            .collect()
    }

    fn start_at(&mut self, source: State) -> usize {
        let index = self.index_of(source);
        self.best[index] = RouteCost::ZERO;
        self.pred_edge[index] = NONE;
        self.pred_state[index] = NONE;
        self.reached[index] = self.epoch;
        index
    }

    fn relax_from(&mut self, index: usize, estimate: impl Fn(NodeIndex) -> Option<RouteCost>) {
        let base = self.best[index];
        let from = self.state_at(index);
        let graph = self.graph;
        let petgraph = graph.petgraph();
        let mut edges = petgraph
            .neighbors_directed(from.node, Direction::Outgoing)
            .detach();
        while let Some((edge, next)) = edges.next(petgraph) {
            if !self.node_usable(next) {
                continue;
            }
            let Some(state) = self.step(from, edge, next) else {
                continue;
            };
            let next_index = self.index_of(state);
            if self.settled[next_index] == self.epoch {
                continue;
            }
            let Some(h) = estimate(next) else {
                continue;
            };
            let Some(step) = self.price(edge) else {
                continue;
            };
            let cost = base + step;
            if self.reached[next_index] != self.epoch || cost < self.best[next_index] {
                self.reached[next_index] = self.epoch;
                self.best[next_index] = cost;
                self.pred_edge[next_index] = edge.index() as u32;
                self.pred_state[next_index] = index as u32;
                self.heap.push(Reverse((cost + h, cost, next_index as u32)));
            } else if cost == self.best[next_index]
                && self.reads_first(
                    edge,
                    index,
                    self.pred_edge[next_index],
                    self.pred_state[next_index],
                )
            {
                self.pred_edge[next_index] = edge.index() as u32;
                self.pred_state[next_index] = index as u32;
            }
        }
    }

    fn path_to(&self, index: usize) -> Path {
        let mut indices = vec![index];
        let mut edges = Vec::new();
        let mut current = index;
        while self.pred_state[current] != NONE {
            edges.push(EdgeIndex::new(self.pred_edge[current] as usize));
            current = self.pred_state[current] as usize;
            indices.push(current);
            if indices.len() > self.pred_state.len() {
                break;
            }
        }
        indices.reverse();
        edges.reverse();
        let states: Vec<State> = indices.iter().map(|&i| self.state_at(i)).collect();
        let mut prefix = Vec::with_capacity(indices.len());
        prefix.push(RouteCost::ZERO);
        for &i in &indices[1..] {
            prefix.push(self.best[i]);
        }
        Path {
            nodes: states.iter().map(|state| state.node).collect(),
            credentials: states.iter().map(|state| state.credentials).collect(),
            unused: states.iter().map(|state| state.unused).collect(),
            edges,
            prefix,
            deviation: 0,
        }
    }

    /// Lower bounds on the cost from every role to `target` under the constraints and
    /// current blocks ([`RouteCost::UNREACHABLE`] where there is no way), by searching
    /// backwards over roles. Credentials only ever rule moves out, and blocking more
    /// later only raises true costs, so the bounds stay valid for every state.
    ///
    /// With `from`, the search stops once it has settled every role at most as far from
    /// the target as `from` is; the rest get the distance where it stopped, which is
    /// still no more than their true cost and still consistent (each bound is at most a
    /// step's cost plus the bound after it), so A* stays exact while this search skips
    /// the far side of a large graph.
    pub fn costs_to(&mut self, target: NodeIndex, from: Option<NodeIndex>) -> Vec<RouteCost> {
        let nodes = self.node_count();
        let mut costs = vec![RouteCost::UNREACHABLE; nodes];
        if !self.node_usable(target) {
            return costs;
        }
        let mut done = vec![false; nodes];
        let mut heap = BinaryHeap::new();
        costs[target.index()] = RouteCost::ZERO;
        heap.push(Reverse((RouteCost::ZERO, target.index() as u32)));
        let graph = self.graph;
        let graph = graph.petgraph();
        let mut stop_after = None;
        let mut floor = None;
        while let Some(Reverse((cost, index))) = heap.pop() {
            let index = index as usize;
            if done[index] || cost != costs[index] {
                continue;
            }
            if stop_after.is_some_and(|limit| cost > limit) {
                floor = Some(cost);
                break;
            }
            done[index] = true;
            let node = NodeIndex::new(index);
            if Some(node) == from {
                stop_after = Some(cost);
            }
            let mut edges = graph.neighbors_directed(node, Direction::Incoming).detach();
            while let Some((edge, previous)) = edges.next(graph) {
                if done[previous.index()] || !self.node_usable(previous) {
                    continue;
                }
                let Some(step) = self.price(edge) else {
                    continue;
                };
                let total = cost + step;
                if total < costs[previous.index()] {
                    costs[previous.index()] = total;
                    heap.push(Reverse((total, previous.index() as u32)));
                }
            }
        }
        if let Some(floor) = floor {
            for (cost, done) in costs.iter_mut().zip(done) {
                if !done {
                    *cost = floor;
                }
            }
        }
        costs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planner::testing::{pack_of, role, transition};

    fn engine<'g>(graph: &'g RoleGraph, start: &str, target: &str) -> Engine<'g> {
        let start = graph.node(&start.into()).unwrap();
        let target = graph.node(&target.into()).unwrap();
        Engine::new(
            graph,
            Objective::ShortestTime,
            BTreeSet::new(),
            CredentialSet::EMPTY,
            &Constraints::default(),
            start,
            Some(target),
        )
    }

    fn at(node: NodeIndex) -> State {
        State {
            node,
            credentials: CredentialSet::EMPTY,
            unused: CredentialSet::EMPTY,
        }
    }

    fn ids(graph: &RoleGraph, path: &Path) -> Vec<String> {
        path.nodes
            .iter()
            .map(|&n| graph.role_at(n).id.to_string())
            .collect()
    }

    #[test]
    fn equal_routes_are_broken_by_role_ids_from_the_start() {
        // a -> c -> d and a -> b -> d cost the same: the route through b reads first.
        let pack = pack_of(
            vec![role("a"), role("b"), role("c"), role("d")],
            vec![
                transition("a", "c", 10, 10),
                transition("c", "d", 10, 10),
                transition("a", "b", 10, 10),
                transition("b", "d", 10, 10),
            ],
        );
        let graph = RoleGraph::new_unchecked(pack);
        let mut engine = engine(&graph, "a", "d");
        let (a, d) = (
            graph.node(&"a".into()).unwrap(),
            graph.node(&"d".into()).unwrap(),
        );
        let path = engine.shortest(at(a), d, None).unwrap();
        assert_eq!(ids(&graph, &path), ["a", "b", "d"]);
    }

    #[test]
    fn the_heuristic_search_finds_the_same_route_as_the_plain_one() {
        let pack = crate::planner::generate::synthetic_pack(300, 6, 11);
        let graph = RoleGraph::new_unchecked(pack);
        let (a, b) = (NodeIndex::new(3), NodeIndex::new(250));
        let mut plain = Engine::new(
            &graph,
            Objective::ShortestTime,
            BTreeSet::new(),
            CredentialSet::EMPTY,
            &Constraints::default(),
            a,
            Some(b),
        );
        let expected = plain.shortest(at(a), b, None);
        let heuristic = plain.costs_to(b, Some(a));
        assert_eq!(plain.shortest(at(a), b, Some(&heuristic)), expected);
        assert_eq!(
            expected.map(|p| p.cost()),
            Some(heuristic[a.index()]).filter(|c| *c != RouteCost::UNREACHABLE)
        );
    }

    #[test]
    fn blocks_last_until_cleared() {
        let pack = pack_of(vec![role("a"), role("b")], vec![transition("a", "b", 1, 2)]);
        let graph = RoleGraph::new_unchecked(pack);
        let mut engine = engine(&graph, "a", "b");
        let (a, b) = (NodeIndex::new(0), NodeIndex::new(1));
        engine.block_edge(EdgeIndex::new(0));
        assert_eq!(engine.shortest(at(a), b, None), None);
        assert_eq!(engine.shortest(at(a), b, None), None);
        engine.clear_blocks();
        assert!(engine.shortest(at(a), b, None).is_some());
        engine.block_node(b);
        assert_eq!(engine.shortest(at(a), b, None), None);
        engine.clear_blocks();
        assert!(engine.shortest(at(a), b, None).is_some());
    }
}
