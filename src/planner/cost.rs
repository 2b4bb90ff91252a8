//! What a step costs the user: the personalised time of a move given what they already
//! hold, and the comparable cost that ranks routes under each objective.
//!
//! Every step is costed on what the user holds now, not on what earlier steps of the same
//! route will teach them. That keeps a step's cost independent of the route it sits on,
//! which is what lets shortest-path search (and Yen's alternatives) find the true best.

use super::{Objective, SelfAssessment};
use crate::graph::{CompetencyId, CredentialSet, Months, RoleGraph, Transition};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Add;

/// The competencies a user counts as holding: those they marked as held, plus every
/// competency developed by an opportunity they completed. Unknown opportunity ids (for
/// example from a plan saved against older data) are ignored.
///
/// ```
/// use foothold::planner::{held_competencies, SelfAssessment};
/// use foothold::graph::{OpportunityId, RoleGraph};
/// # let pack = foothold::planner::generate::synthetic_pack(3, 1, 7);
/// let graph = RoleGraph::new_unchecked(pack);
/// let opportunity = graph.pack().opportunities[0].clone();
/// let mut assessment = SelfAssessment::default();
/// assessment.completed.insert(opportunity.id.clone());
/// let held = held_competencies(&graph, &assessment);
/// assert!(opportunity.develops.iter().all(|c| held.contains(c)));
/// ```
pub fn held_competencies(graph: &RoleGraph, assessment: &SelfAssessment) -> BTreeSet<CompetencyId> {
    let mut held = assessment.held.clone();
    for opportunity in &assessment.completed {
        if let Some(opportunity) = graph.opportunity(opportunity) {
            held.extend(opportunity.develops.iter().cloned());
        }
    }
    held
}

/// The credentials a user counts as holding beyond what their role implies: those they
/// declared, plus every credential granted by an opportunity they completed. Ids the
/// pack does not know are ignored.
pub fn declared_credentials(graph: &RoleGraph, assessment: &SelfAssessment) -> CredentialSet {
    let table = graph.credential_table();
    let mut declared = table.set_of(&assessment.credentials);
    for opportunity in &assessment.completed {
        if let Some(opportunity) = graph.opportunity(opportunity) {
            declared = declared.union(table.set_of(&opportunity.grants));
        }
    }
    declared
}

/// The time a move is likely to take this user, given how many of the competencies it
/// builds they already hold.
///
/// The rule: the shortest time never changes (moving still takes at least that long);
/// the longest time shrinks towards the shortest in proportion to the share of the
/// move's competencies already held. Holding all of them leaves only the shortest time;
/// holding none leaves the pack's whole range, whose midpoint is the typical time. A move
/// that lists no competencies to gain keeps its whole range, because nothing the user
/// holds can shorten time that is spent gaining experience.
///
/// A range written the wrong way round (only possible in unvalidated packs) is read
/// shortest first.
pub fn personalised_months(months: Months, gain: usize, held: usize) -> Months {
    let (min, max) = (months.min.min(months.max), months.min.max(months.max));
    if gain == 0 {
        return Months { min, max };
    }
    let held = held.min(gain) as u32;
    let spread = u32::from(max - min);
    // Integer division rounds the saving down, so a partial holding never claims more
    // than its share and the range only reaches the minimum when everything is held.
    let saving = spread * held / gain as u32;
    Months {
        min,
        max: max - saving as u16,
    }
}

/// A route's (or a single step's) cost under an objective, compared field by field:
/// the objective's own measure first, then a secondary measure, then the number of steps.
///
/// Under [`Objective::ShortestTime`] the primary measure is the sum of each step's
/// personalised minimum and maximum months (twice the typical time, kept whole), and the
/// secondary is unused. Under [`Objective::FewestSteps`] the primary is the number of
/// steps and the secondary the time. Under [`Objective::FewestNewCompetencies`] the
/// primary is the number of competencies still to gain, summed over the steps, and the
/// secondary the time. Equal costs are then ordered by the role ids along the route.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct RouteCost {
    /// The objective's own measure.
    pub primary: u32,
    /// The measure that breaks ties in the primary one (time, except under shortest time).
    pub secondary: u32,
    /// How many steps the route has.
    pub steps: u32,
}

impl RouteCost {
    /// The cost of going nowhere.
    pub const ZERO: RouteCost = RouteCost {
        primary: 0,
        secondary: 0,
        steps: 0,
    };

    /// A cost larger than any real route's, standing for "cannot get there".
    pub(crate) const UNREACHABLE: RouteCost = RouteCost {
        primary: u32::MAX,
        secondary: u32::MAX,
        steps: u32::MAX,
    };

    /// The cost of one step under an objective.
    pub fn of_step(objective: Objective, personalised: Months, still_to_gain: usize) -> RouteCost {
        let time = u32::from(personalised.min) + u32::from(personalised.max);
        let (primary, secondary) = match objective {
            Objective::ShortestTime => (time, 0),
            Objective::FewestSteps => (1, time),
            Objective::FewestNewCompetencies => (still_to_gain as u32, time),
        };
        RouteCost {
            primary,
            secondary,
            steps: 1,
        }
    }
}

impl Add for RouteCost {
    type Output = RouteCost;

    fn add(self, other: RouteCost) -> RouteCost {
        RouteCost {
            primary: self.primary.saturating_add(other.primary),
            secondary: self.secondary.saturating_add(other.secondary),
            steps: self.steps.saturating_add(other.steps),
        }
    }
}

/// How a transition's competencies split for this user: those still to gain and those
/// already held, each in the pack's order and without repeats.
pub(crate) fn split_gain(
    transition: &Transition,
    held: &BTreeSet<CompetencyId>,
) -> (Vec<CompetencyId>, Vec<CompetencyId>) {
    let mut to_gain = Vec::new();
    let mut already_held = Vec::new();
    for competency in &transition.gain {
        if to_gain.contains(competency) || already_held.contains(competency) {
            continue;
        }
        if held.contains(competency) {
            already_held.push(competency.clone());
        } else {
            to_gain.push(competency.clone());
        }
    }
    (to_gain, already_held)
}

/// The personalised time and the number of competencies still to gain for a move,
/// without allocating: the planner calls this for every transition it looks at.
pub(crate) fn step_measures(transition: &Transition, held: &HeldSet) -> (Months, usize) {
    let gain = &transition.gain;
    let mut distinct = 0;
    let mut held_count = 0;
    for (position, competency) in gain.iter().enumerate() {
        if gain[..position].contains(competency) {
            continue;
        }
        distinct += 1;
        if held.contains(competency.as_str()) {
            held_count += 1;
        }
    }
    (
        personalised_months(transition.months, distinct, held_count),
        distinct - held_count,
    )
}

/// The competencies a user holds, for looking up many times quickly: searches on large
/// graphs check every transition they visit against it.
#[derive(Debug, Clone, Default)]
pub(crate) struct HeldSet(HashSet<Box<str>, BuildHasherDefault<FxHasher>>);

impl HeldSet {
    pub fn new(held: &BTreeSet<CompetencyId>) -> Self {
        HeldSet(held.iter().map(|id| Box::from(id.as_str())).collect())
    }

    pub fn contains(&self, id: &str) -> bool {
        self.0.contains(id)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The multiply-and-rotate hash used by the Rust compiler: much quicker than the
/// standard library's default for short keys, and there is no untrusted input to defend
/// against here.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn months(min: u16, max: u16) -> Months {
        Months { min, max }
    }

    #[test]
    fn holding_everything_leaves_only_the_shortest_time() {
        assert_eq!(personalised_months(months(12, 24), 3, 3), months(12, 12));
    }

    #[test]
    fn holding_nothing_leaves_the_whole_range() {
        assert_eq!(personalised_months(months(12, 24), 3, 0), months(12, 24));
    }

    #[test]
    fn a_move_with_nothing_to_gain_keeps_its_whole_range() {
        assert_eq!(personalised_months(months(6, 18), 0, 0), months(6, 18));
    }

    #[test]
    fn holding_part_shortens_the_longest_time_in_proportion() {
        assert_eq!(personalised_months(months(12, 24), 2, 1), months(12, 18));
        assert_eq!(personalised_months(months(60, 120), 3, 1), months(60, 100));
    }

    #[test]
    fn holding_more_never_makes_a_move_longer() {
        for gain in 1..6 {
            let mut previous = personalised_months(months(5, 77), gain, 0);
            for held in 1..=gain {
                let next = personalised_months(months(5, 77), gain, held);
                assert!(next.max <= previous.max);
                previous = next;
            }
        }
    }

    #[test]
    fn a_backwards_range_is_read_shortest_first() {
        assert_eq!(personalised_months(months(24, 12), 0, 0), months(12, 24));
    }

    #[test]
    fn shortest_time_ranks_by_twice_the_typical_time() {
        let cost = RouteCost::of_step(Objective::ShortestTime, months(12, 24), 2);
        assert_eq!(cost.primary, 36);
        assert_eq!(cost.steps, 1);
    }

    #[test]
    fn fewest_steps_ranks_by_steps_then_time() {
        let quick = RouteCost::of_step(Objective::FewestSteps, months(1, 2), 0);
        let slow = RouteCost::of_step(Objective::FewestSteps, months(50, 60), 0);
        assert!(quick + quick > slow);
        assert!(quick < slow);
    }

    #[test]
    fn fewest_new_competencies_ranks_by_what_is_still_to_gain() {
        let cost = RouteCost::of_step(Objective::FewestNewCompetencies, months(1, 2), 4);
        assert_eq!(cost.primary, 4);
        assert_eq!(cost.secondary, 3);
    }

    #[test]
    fn repeated_competencies_in_a_move_count_once() {
        let transition = Transition {
            from: "a".into(),
            also_from: vec![],
            to: "b".into(),
            gain: vec!["x".into(), "y".into(), "x".into()],
            opportunities: vec![],
            months: months(10, 20),
            grants: vec![],
            evidence: crate::graph::Evidence::Sourced,
            sources: vec![],
            note: None,
            actions: Vec::new(),
            origin: None,
        };
        let held: BTreeSet<CompetencyId> = ["x".into()].into_iter().collect();
        let (to_gain, already_held) = split_gain(&transition, &held);
        assert_eq!(to_gain, vec![CompetencyId::from("y")]);
        assert_eq!(already_held, vec![CompetencyId::from("x")]);
        assert_eq!(
            step_measures(&transition, &HeldSet::new(&held)),
            (months(10, 15), 1)
        );
    }

    #[test]
    fn the_held_set_finds_exactly_what_is_held() {
        let held: BTreeSet<CompetencyId> = ["data-visualisation".into(), "a".into()].into();
        let set = HeldSet::new(&held);
        assert!(set.contains("data-visualisation") && set.contains("a"));
        assert!(!set.contains("data-visualisatio") && !set.contains("b") && !set.contains(""));
        assert!(HeldSet::default().is_empty());
    }
}
