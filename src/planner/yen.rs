//! Loopless routes in order of cost, one at a time (Yen's algorithm with Lawler's
//! saving: a route is only spurred from where it left the route it came from).
//!
//! Each spur search is an A* search guided by the exact costs to the target in the
//! unblocked graph, which stay valid lower bounds when Yen's blocks roles and
//! transitions, so spur searches touch little of the graph.

use super::cost::RouteCost;
use super::search::{compare_paths, Engine, Path, State};
use petgraph::graph::{EdgeIndex, NodeIndex};
use std::collections::HashSet;

/// A lazy sequence of loopless paths from one role to another, best first, in the
/// planner's route order.
pub(crate) struct LooplessPaths {
    source: State,
    target: NodeIndex,
    /// Roles kept off every path (for example the first leg of a route through a role).
    excluded: Vec<NodeIndex>,
    costs_to_target: Vec<RouteCost>,
    found: Vec<Path>,
    /// Candidates, worst first, so the best is popped from the end.
    candidates: Vec<Path>,
    known: HashSet<Vec<EdgeIndex>>,
    started: bool,
}

impl LooplessPaths {
    /// Prepares the sequence from a state (a role and the credentials held there);
    /// `excluded` roles never appear on a path.
    pub fn new(
        engine: &mut Engine<'_>,
        source: State,
        target: NodeIndex,
        excluded: Vec<NodeIndex>,
        costs_to_target: Option<Vec<RouteCost>>,
    ) -> Self {
        let costs_to_target = costs_to_target.unwrap_or_else(|| {
            engine.clear_blocks();
            for &node in &excluded {
                engine.block_node(node);
            }
            engine.costs_to(target, Some(source.node))
        });
        LooplessPaths {
            source,
            target,
            excluded,
            costs_to_target,
            found: Vec::new(),
            candidates: Vec::new(),
            known: HashSet::new(),
            started: false,
        }
    }

    /// The next best loopless path, or none when there are no more.
    pub fn next(&mut self, engine: &mut Engine<'_>) -> Option<Path> {
        if !self.started {
            self.started = true;
            self.block_excluded(engine);
            let first = engine.shortest(self.source, self.target, Some(&self.costs_to_target))?;
            self.known.insert(first.edges.clone());
            self.found.push(first.clone());
            return Some(first);
        }
        let last = self.found.last()?.clone();
        for spur_at in last.deviation..last.nodes.len().saturating_sub(1) {
            self.spur(engine, &last, spur_at);
        }
        let next = self.candidates.pop()?;
        self.found.push(next.clone());
        Some(next)
    }

    fn block_excluded(&self, engine: &mut Engine<'_>) {
        engine.clear_blocks();
        for &node in &self.excluded {
            engine.block_node(node);
        }
    }

    fn spur(&mut self, engine: &mut Engine<'_>, last: &Path, spur_at: usize) {
        let root = &last.nodes[..=spur_at];
        self.block_excluded(engine);
        for &node in &root[..spur_at] {
            engine.block_node(node);
        }
        for path in &self.found {
            if path.nodes.len() > spur_at + 1 && &path.nodes[..=spur_at] == root {
                engine.block_edge(path.edges[spur_at]);
            }
        }
        let spur_from = last.state(spur_at);
        if self.costs_to_target[spur_from.node.index()] == RouteCost::UNREACHABLE {
            return;
        }
        let Some(spur) = engine.shortest(spur_from, self.target, Some(&self.costs_to_target))
        else {
            return;
        };
        let root_path = Path {
            nodes: root.to_vec(),
            edges: last.edges[..spur_at].to_vec(),
            credentials: last.credentials[..=spur_at].to_vec(),
            unused: last.unused[..=spur_at].to_vec(),
            prefix: last.prefix[..=spur_at].to_vec(),
            deviation: spur_at,
        };
        let candidate = root_path.join(&spur);
        if !self.known.insert(candidate.edges.clone()) {
            return;
        }
        let graph = engine.graph;
        // Worst first: insert after everything that ranks better than it.
        let position = self
            .candidates
            .partition_point(|other| compare_paths(graph, other, &candidate).is_gt());
        self.candidates.insert(position, candidate);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::RoleGraph;
    use crate::planner::testing::{pack_of, role, transition};
    use crate::planner::{Constraints, Objective};
    use std::collections::BTreeSet;

    #[test]
    fn paths_come_out_cheapest_first_without_repeats() {
        let pack = pack_of(
            vec![role("a"), role("b"), role("c"), role("d")],
            vec![
                transition("a", "b", 1, 1),
                transition("b", "d", 1, 1),
                transition("a", "c", 2, 2),
                transition("c", "d", 2, 2),
                transition("a", "d", 5, 5),
                transition("b", "c", 1, 1),
            ],
        );
        let graph = RoleGraph::new_unchecked(pack);
        let node = |id: &str| graph.node(&id.into()).unwrap();
        let mut engine = Engine::new(
            &graph,
            Objective::ShortestTime,
            BTreeSet::new(),
            crate::graph::CredentialSet::EMPTY,
            &Constraints::default(),
            node("a"),
            Some(node("d")),
        );
        let start = engine.start_state();
        let mut paths = LooplessPaths::new(&mut engine, start, node("d"), vec![], None);
        let mut costs = Vec::new();
        let mut seen = Vec::new();
        while let Some(path) = paths.next(&mut engine) {
            assert!(!seen.contains(&path.nodes));
            seen.push(path.nodes.clone());
            costs.push(path.cost().primary);
        }
        // a-b-d 4, then a-c-d and a-b-c-d both 8 (fewer steps first), then a-d 10.
        assert_eq!(costs, vec![4, 8, 8, 10]);
        assert_eq!(seen[1], vec![node("a"), node("c"), node("d")]);
        assert_eq!(seen[2], vec![node("a"), node("b"), node("c"), node("d")]);
    }

    #[test]
    fn a_heuristic_cut_short_gives_the_same_paths_as_a_full_one() {
        let graph = RoleGraph::new_unchecked(crate::planner::generate::synthetic_pack(200, 5, 4));
        let mut with_routes = 0;
        for (from, to) in [(0, 199), (31, 7), (120, 64), (5, 180), (60, 140)] {
            let (from, to) = (NodeIndex::new(from), NodeIndex::new(to));
            let mut engine = Engine::new(
                &graph,
                Objective::ShortestTime,
                BTreeSet::new(),
                crate::graph::CredentialSet::EMPTY,
                &Constraints::default(),
                from,
                Some(to),
            );
            let full = engine.costs_to(to, None);
            let start = engine.start_state();
            let mut cut_short = LooplessPaths::new(&mut engine, start, to, vec![], None);
            let mut exact = LooplessPaths::new(&mut engine, start, to, vec![], Some(full));
            let first = cut_short.next(&mut engine);
            with_routes += usize::from(first.is_some());
            assert_eq!(first, exact.next(&mut engine));
            for _ in 0..8 {
                assert_eq!(cut_short.next(&mut engine), exact.next(&mut engine));
            }
        }
        // Some pairs have no route once routes may not pass above their goal; most do.
        assert!(with_routes >= 3, "only {with_routes} pairs have routes");
    }
}
