//! Shortest-path search over the role graph under a query's constraints, with the
//! planner's deterministic tie-break.
//!
//! Routes are ordered by their [`RouteCost`] (which counts steps last), then by the role
//! ids along the route read from the start. The forward search keeps, for each role, the
//! predecessor whose route from the start reads first; because every step costs at least
//! one step, all equally good predecessors are settled before the role itself, so the
//! choice never depends on the order of roles or transitions in the pack.
//!
//! The engine keeps its buffers between searches and marks them with epochs instead of
//! clearing them, so Yen's algorithm can run many spur searches cheaply.

use super::cost::{personalised_months, step_measures, HeldSet, RouteCost};
use super::{Constraints, Objective};
use crate::graph::{CompetencyId, Evidence, RoleGraph};
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::Direction;
use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeSet, BinaryHeap};

/// A loopless walk found by the search: its roles, the transitions between them, and the
/// cost of each prefix (so Yen's algorithm can price a root without adding it up again).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Path {
    pub nodes: Vec<NodeIndex>,
    pub edges: Vec<EdgeIndex>,
    /// `prefix[i]` is the cost of the first `i` steps; the last entry is the whole cost.
    pub prefix: Vec<RouteCost>,
    /// The index of the role where this path left the path it was derived from (Yen's).
    pub deviation: usize,
}

impl Path {
    pub fn cost(&self) -> RouteCost {
        self.prefix.last().copied().unwrap_or(RouteCost::ZERO)
    }

    /// Joins a path that starts where this one ends.
    pub fn join(&self, onward: &Path) -> Path {
        let base = self.cost();
        let mut nodes = self.nodes.clone();
        nodes.extend_from_slice(&onward.nodes[1..]);
        let mut edges = self.edges.clone();
        edges.extend_from_slice(&onward.edges);
        let mut prefix = self.prefix.clone();
        prefix.extend(onward.prefix[1..].iter().map(|&cost| base + cost));
        Path {
            nodes,
            edges,
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

const NO_EDGE: u32 = u32::MAX;

/// The constrained graph of one query, with reusable search buffers.
pub(crate) struct Engine<'g> {
    pub graph: &'g RoleGraph,
    pub objective: Objective,
    held: HeldSet,
    sourced_only: bool,
    node_open: Vec<bool>,
    edge_cost: Vec<EdgeCost>,
    best: Vec<RouteCost>,
    pred: Vec<u32>,
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
    /// and, where given, to `target` (exempt from the avoid list only).
    pub fn new(
        graph: &'g RoleGraph,
        objective: Objective,
        held: BTreeSet<CompetencyId>,
        constraints: &Constraints,
        start: NodeIndex,
        target: Option<NodeIndex>,
    ) -> Self {
        let nodes = graph.petgraph().node_count();
        let edges = graph.petgraph().edge_count();
        let mut node_open = vec![true; nodes];
        for (index, open) in node_open.iter_mut().enumerate() {
            let node = NodeIndex::new(index);
            if node == start {
                continue;
            }
            let role = graph.role_at(node);
            let avoided = Some(node) != target && constraints.avoid.contains(&role.id);
            let too_senior = constraints
                .band_ceiling
                .is_some_and(|ceiling| !role.bands.min.within_ceiling(ceiling));
            *open = !avoided && !too_senior;
        }
        Engine {
            graph,
            objective,
            held: HeldSet::new(&held),
            sourced_only: constraints.sourced_only,
            node_open,
            edge_cost: vec![EdgeCost::NotYetPriced; edges],
            best: vec![RouteCost::UNREACHABLE; nodes],
            pred: vec![NO_EDGE; nodes],
            reached: vec![0; nodes],
            settled: vec![0; nodes],
            epoch: 0,
            node_blocked: vec![0; nodes],
            edge_blocked: vec![0; edges],
            block_epoch: 1,
            heap: BinaryHeap::new(),
        }
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

    fn next_epoch(&mut self) {
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.reached.fill(0);
            self.settled.fill(0);
            self.epoch = 1;
        }
    }

    fn predecessor(&self, node: NodeIndex) -> Option<NodeIndex> {
        match self.pred[node.index()] {
            NO_EDGE => None,
            edge => self
                .graph
                .petgraph()
                .edge_endpoints(EdgeIndex::new(edge as usize))
                .map(|(from, _)| from),
        }
    }

    /// Whether reaching a role through `new_edge` reads before reaching it through
    /// `old_edge`, when both are equally good. Both routes have the same number of steps,
    /// so walking back in step finds where they first differ from the start.
    fn reads_first(&self, new_edge: EdgeIndex, old_edge: u32) -> bool {
        let petgraph = self.graph.petgraph();
        let old_edge = EdgeIndex::new(old_edge as usize);
        let (Some((mut a, _)), Some((mut b, _))) = (
            petgraph.edge_endpoints(new_edge),
            petgraph.edge_endpoints(old_edge),
        ) else {
            return false;
        };
        if a == b {
            // Two transitions between the same roles: only in unvalidated packs.
            return new_edge < old_edge;
        }
        let mut first_difference = (a, b);
        while a != b {
            first_difference = (a, b);
            match (self.predecessor(a), self.predecessor(b)) {
                (Some(next_a), Some(next_b)) => {
                    a = next_a;
                    b = next_b;
                }
                _ => break,
            }
        }
        let (a, b) = first_difference;
        let (id_a, id_b) = (&self.graph.role_at(a).id, &self.graph.role_at(b).id);
        id_a.cmp(id_b).then(a.cmp(&b)) == Ordering::Less
    }

    /// The best path from `source` to `target` under the constraints and current blocks,
    /// guided by `heuristic` (lower bounds on the cost to the target, as made by
    /// [`Engine::costs_to`]) when given.
    pub fn shortest(
        &mut self,
        source: NodeIndex,
        target: NodeIndex,
        heuristic: Option<&[RouteCost]>,
    ) -> Option<Path> {
        let estimate = |node: NodeIndex| heuristic.map_or(RouteCost::ZERO, |h| h[node.index()]);
        if !self.node_usable(target) || estimate(source) == RouteCost::UNREACHABLE {
            return None;
        }
        self.next_epoch();
        self.heap.clear();
        self.start_at(source);
        self.heap.push(Reverse((
            estimate(source),
            RouteCost::ZERO,
            source.index() as u32,
        )));
        while let Some(Reverse((_, cost, index))) = self.heap.pop() {
            let node = NodeIndex::new(index as usize);
            if self.settled[index as usize] == self.epoch || cost != self.best[index as usize] {
                continue;
            }
            self.settled[index as usize] = self.epoch;
            if node == target {
                return Some(self.path_to(target));
            }
            self.relax_from(node, |next| {
                let h = estimate(next);
                (h != RouteCost::UNREACHABLE).then_some(h)
            });
        }
        None
    }

    /// Every role reachable from `source` whose best cost has a primary measure of at
    /// most `limit`, with the best path to each, in the order they were settled.
    pub fn reachable(&mut self, source: NodeIndex, limit: Option<u32>) -> Vec<Path> {
        self.next_epoch();
        self.heap.clear();
        self.start_at(source);
        self.heap.push(Reverse((
            RouteCost::ZERO,
            RouteCost::ZERO,
            source.index() as u32,
        )));
        let mut settled = Vec::new();
        while let Some(Reverse((_, cost, index))) = self.heap.pop() {
            if self.settled[index as usize] == self.epoch || cost != self.best[index as usize] {
                continue;
            }
            if limit.is_some_and(|limit| cost.primary > limit) {
                break;
            }
            self.settled[index as usize] = self.epoch;
            let node = NodeIndex::new(index as usize);
            settled.push(node);
            self.relax_from(node, |_| Some(RouteCost::ZERO));
        }
        settled.into_iter().map(|node| self.path_to(node)).collect()
    }

    fn start_at(&mut self, source: NodeIndex) {
        let index = source.index();
        self.best[index] = RouteCost::ZERO;
        self.pred[index] = NO_EDGE;
        self.reached[index] = self.epoch;
    }

    fn relax_from(&mut self, node: NodeIndex, estimate: impl Fn(NodeIndex) -> Option<RouteCost>) {
        let base = self.best[node.index()];
        let graph = self.graph;
        let graph = graph.petgraph();
        let mut edges = graph.neighbors_directed(node, Direction::Outgoing).detach();
        while let Some((edge, next)) = edges.next(graph) {
            let index = next.index();
            if self.settled[index] == self.epoch || !self.node_usable(next) {
                continue;
            }
            let Some(h) = estimate(next) else {
                continue;
            };
            let Some(step) = self.price(edge) else {
                continue;
            };
            let cost = base + step;
            if self.reached[index] != self.epoch || cost < self.best[index] {
                self.reached[index] = self.epoch;
                self.best[index] = cost;
                self.pred[index] = edge.index() as u32;
                self.heap.push(Reverse((cost + h, cost, index as u32)));
            } else if cost == self.best[index] && self.reads_first(edge, self.pred[index]) {
                self.pred[index] = edge.index() as u32;
            }
        }
    }

    fn path_to(&self, target: NodeIndex) -> Path {
        let mut nodes = vec![target];
        let mut edges = Vec::new();
        let mut node = target;
        while self.pred[node.index()] != NO_EDGE {
            let edge = EdgeIndex::new(self.pred[node.index()] as usize);
            match self.graph.petgraph().edge_endpoints(edge) {
                Some((from, _)) => {
                    edges.push(edge);
                    nodes.push(from);
                    node = from;
                }
                None => break,
            }
            if nodes.len() > self.pred.len() {
                break;
            }
        }
        nodes.reverse();
        edges.reverse();
        let mut prefix = Vec::with_capacity(nodes.len());
        prefix.push(RouteCost::ZERO);
        for &node in &nodes[1..] {
            prefix.push(self.best[node.index()]);
        }
        Path {
            nodes,
            edges,
            prefix,
            deviation: 0,
        }
    }

    /// Lower bounds on the cost from every role to `target` under the constraints and
    /// current blocks ([`RouteCost::UNREACHABLE`] where there is no way), by searching
    /// backwards. Blocking more later only raises true costs, so they stay valid.
    ///
    /// With `from`, the search stops once it has settled every role at most as far from
    /// the target as `from` is; the rest get the distance where it stopped, which is
    /// still no more than their true cost and still consistent (each bound is at most a
    /// step's cost plus the bound after it), so A* stays exact while this search skips
    /// the far side of a large graph.
    pub fn costs_to(&mut self, target: NodeIndex, from: Option<NodeIndex>) -> Vec<RouteCost> {
        let nodes = self.best.len();
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
            &Constraints::default(),
            start,
            Some(target),
        )
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
        let path = engine.shortest(a, d, None).unwrap();
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
            &Constraints::default(),
            a,
            Some(b),
        );
        let expected = plain.shortest(a, b, None);
        let heuristic = plain.costs_to(b, Some(a));
        assert_eq!(plain.shortest(a, b, Some(&heuristic)), expected);
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
        assert_eq!(engine.shortest(a, b, None), None);
        assert_eq!(engine.shortest(a, b, None), None);
        engine.clear_blocks();
        assert!(engine.shortest(a, b, None).is_some());
        engine.block_node(b);
        assert_eq!(engine.shortest(a, b, None), None);
        engine.clear_blocks();
        assert!(engine.shortest(a, b, None).is_some());
    }
}
