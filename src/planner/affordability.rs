//! Cost and entry for a whole route: whether it asks for a degree (or earns one on the
//! way, paid) and what the development it suggests costs the person.
//!
//! Everything is derived from the pack rather than claimed per role. A route needs a
//! degree when a move on it gains a registration whose ways in are degrees
//! (`needs_degree` on the credential); it earns one while paid when that move cites a
//! paid degree apprenticeship that grants the registration. Roles' free-text entry
//! requirements are not read: none in the bundled pack states a degree as the only way
//! in for a role a route can enter. What the route costs is the `to_you` of every
//! opportunity its moves cite, grouped, since each is one way to make the move rather
//! than a fee the move itself charges.

use super::explain::Route;
use crate::graph::{
    CostToYou, CredentialId, DegreeEntry, Opportunity, OpportunityId, RoleGraph, Transition,
};
use serde::{Deserialize, Serialize};

/// Whether a route asks for a degree.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum RouteDegree {
    /// No move on the route gains a registration that takes a degree.
    #[default]
    NotNeeded,
    /// Every such move cites a degree apprenticeship (or other paid training) that gives
    /// the degree and the registration while the person is paid.
    EarnedWhilePaid,
    /// A move gains a registration that takes a degree, with no paid way to earn it cited.
    Needed,
}

impl RouteDegree {
    /// A short answer for lists and route cards.
    pub fn label(self) -> &'static str {
        match self {
            RouteDegree::NotNeeded => "No degree needed",
            RouteDegree::EarnedWhilePaid => "Degree earned while paid",
            RouteDegree::Needed => "Degree needed",
        }
    }
}

/// What a route asks of the person in entry and cost.
///
/// ```
/// use foothold::planner::{Affordability, RouteDegree};
/// use foothold::graph::CostToYou;
/// let nothing = Affordability::default();
/// assert_eq!(nothing.degree, RouteDegree::NotNeeded);
/// assert_eq!(nothing.headline(), None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Affordability {
    /// Whether the route asks for a degree.
    pub degree: RouteDegree,
    /// The registrations behind `degree`: those gained on the route that take a degree,
    /// in route order without repeats.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub degree_for: Vec<CredentialId>,
    /// The opportunities the route's moves cite, grouped by what they cost the person
    /// in [`CostToYou::ALL`] order; within a group in route order, without repeats.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_cost: Vec<(CostToYou, Vec<OpportunityId>)>,
}

impl Affordability {
    /// The summary of a planned route.
    pub fn of_route(graph: &RoleGraph, route: &Route) -> Affordability {
        Affordability::of_moves(
            graph,
            route.steps.iter().map(|step| {
                (
                    step.opportunities.as_slice(),
                    step.gains_credentials.as_slice(),
                )
            }),
        )
    }

    /// The summary of moves given as each move's cited opportunities and the credentials
    /// it gains; unknown ids are skipped.
    pub fn of_moves<'a>(
        graph: &RoleGraph,
        moves: impl IntoIterator<Item = (&'a [OpportunityId], &'a [CredentialId])>,
    ) -> Affordability {
        let mut summary = Affordability::default();
        let mut groups: Vec<Vec<OpportunityId>> = vec![Vec::new(); CostToYou::ALL.len()];
        for (opportunities, gains) in moves {
            let cited: Vec<&Opportunity> = opportunities
                .iter()
                .filter_map(|id| graph.opportunity(id))
                .collect();
            for opportunity in &cited {
                let group = &mut groups[cost_rank(opportunity.to_you)];
                if !group.contains(&opportunity.id) {
                    group.push(opportunity.id.clone());
                }
            }
            for id in gains {
                let takes_degree = graph.credential(id).is_some_and(|c| c.needs_degree);
                if !takes_degree {
                    continue;
                }
                if !summary.degree_for.contains(id) {
                    summary.degree_for.push(id.clone());
                }
                let earned_paid = cited.iter().any(|opportunity| {
                    opportunity.grants.contains(id)
                        && opportunity.degree == DegreeEntry::Earned
                        && opportunity.to_you == CostToYou::PaidWhileTraining
                });
                let step = if earned_paid {
                    RouteDegree::EarnedWhilePaid
                } else {
                    RouteDegree::Needed
                };
                summary.degree = summary.degree.max(step);
            }
        }
        summary.by_cost = CostToYou::ALL
            .into_iter()
            .zip(groups)
            .filter(|(_, group)| !group.is_empty())
            .collect();
        summary
    }

    /// The summary of a walk through the pack's moves, each with the credentials it
    /// gains (for exploring, where routes are not explained step by step).
    pub fn of_transitions<'a>(
        graph: &RoleGraph,
        moves: impl IntoIterator<Item = (&'a Transition, Vec<CredentialId>)>,
    ) -> Affordability {
        let moves: Vec<(&Transition, Vec<CredentialId>)> = moves.into_iter().collect();
        Affordability::of_moves(
            graph,
            moves
                .iter()
                .map(|(transition, gains)| (transition.opportunities.as_slice(), gains.as_slice())),
        )
    }

    /// The most helpful single thing to say about cost: "paid while you train" when any
    /// suggested development pays, else free, else fees, else not published; `None` when
    /// the route suggests no development at all.
    pub fn headline(&self) -> Option<CostToYou> {
        self.by_cost.first().map(|(cost, _)| *cost)
    }

    /// The opportunities in one cost group (empty when there are none).
    pub fn costing(&self, cost: CostToYou) -> &[OpportunityId] {
        self.by_cost
            .iter()
            .find(|(group, _)| *group == cost)
            .map_or(&[], |(_, ids)| ids.as_slice())
    }

    /// One plain sentence on the degree question, naming the registrations behind it.
    pub fn degree_sentence(&self, graph: &RoleGraph) -> String {
        let names: Vec<String> = self
            .degree_for
            .iter()
            .map(|id| {
                graph
                    .credential(id)
                    .map_or_else(|| id.to_string(), |c| lower_first(&c.name))
            })
            .collect();
        match self.degree {
            RouteDegree::NotNeeded => {
                "No move on this route needs a degree, though some job adverts ask for one."
                    .to_owned()
            }
            RouteDegree::EarnedWhilePaid => format!(
                "Paid training on this route ends in a degree and leads to {}: you earn a degree while paid.",
                names.join(" and ")
            ),
            RouteDegree::Needed => format!(
                "This route needs a degree: {} takes one.",
                names.join(" and ")
            ),
        }
    }
}

fn cost_rank(cost: CostToYou) -> usize {
    CostToYou::ALL
        .iter()
        .position(|candidate| *candidate == cost)
        .unwrap_or(CostToYou::ALL.len() - 1)
}

/// `text` with its first letter in lower case. Not `char::to_lowercase`: that brings the
/// standard library's Unicode case table into the app (see [`crate::lowercase`]).
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => crate::lowercase::lowercase(&first.to_string()) + chars.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{OpportunityKind, Pack, RoleId};
    use crate::planner::testing::{pack_of, role, transition};
    use crate::planner::{find_routes, RouteQuery, SelfAssessment};
    use proptest::prelude::*;

    /// A support worker becomes a nurse by one move citing `way-in`, then moves on to a
    /// digital nursing role (which asks for the registration) citing an e-learning
    /// course and a membership.
    fn nursing_pack(way_in: OpportunityKind, to_you: CostToYou, degree: DegreeEntry) -> Pack {
        let mut start = role("support-worker");
        start.entry = true;
        let mut nurse = role("nurse");
        nurse.requires.all_of = vec!["nmc-nurse".into()];
        let mut digital_nurse = role("digital-nurse");
        digital_nurse.requires.all_of = vec!["nmc-nurse".into()];
        let mut train = transition("support-worker", "nurse", 36, 48);
        train.grants = vec!["nmc-nurse".into()];
        train.opportunities = vec!["way-in".into()];
        let mut onward = transition("nurse", "digital-nurse", 12, 24);
        onward.opportunities = vec!["course".into(), "club".into(), "course".into()];
        let mut pack = pack_of(vec![start, nurse, digital_nurse], vec![train, onward]);
        for credential in &mut pack.credentials {
            credential.needs_degree = true;
        }
        for opportunity in &mut pack.opportunities {
            match opportunity.id.as_str() {
                "way-in" => {
                    opportunity.kind = way_in;
                    opportunity.to_you = to_you;
                    opportunity.degree = degree;
                    opportunity.grants = vec!["nmc-nurse".into()];
                    opportunity.level = Some(6);
                }
                "course" => opportunity.to_you = CostToYou::Free,
                _ => {
                    opportunity.to_you = CostToYou::Fees;
                    opportunity.cost = Some("A yearly fee".to_owned());
                }
            }
        }
        pack
    }

    fn best(pack: Pack) -> (RoleGraph, Route) {
        let graph = RoleGraph::new_unchecked(pack);
        let query = RouteQuery::new(RoleId::new("support-worker"), RoleId::new("digital-nurse"));
        let routes = match find_routes(&graph, &query, &SelfAssessment::default()) {
            Ok(routes) => routes,
            Err(no_route) => panic!("the test pack has a route: {no_route:?}"),
        };
        match routes.into_iter().next() {
            Some(route) => (graph, route),
            None => panic!("at least one route"),
        }
    }

    #[test]
    fn a_paid_degree_apprenticeship_that_grants_the_registration_earns_the_degree() {
        let (graph, route) = best(nursing_pack(
            OpportunityKind::Apprenticeship,
            CostToYou::PaidWhileTraining,
            DegreeEntry::Earned,
        ));
        let summary = Affordability::of_route(&graph, &route);
        assert_eq!(summary.degree, RouteDegree::EarnedWhilePaid);
        assert_eq!(summary.degree_for, vec![CredentialId::from("nmc-nurse")]);
        assert_eq!(summary.headline(), Some(CostToYou::PaidWhileTraining));
        assert!(summary
            .degree_sentence(&graph)
            .contains("you earn a degree while paid"));
    }

    #[test]
    fn a_registration_taking_a_degree_with_no_paid_way_in_needs_a_degree() {
        let (graph, route) = best(nursing_pack(
            OpportunityKind::Training,
            CostToYou::NotPublished,
            DegreeEntry::Needed,
        ));
        let summary = Affordability::of_route(&graph, &route);
        assert_eq!(summary.degree, RouteDegree::Needed);
        assert_eq!(
            summary.degree_sentence(&graph),
            "This route needs a degree: registration nmc-nurse takes one."
        );
        assert_eq!(summary.headline(), Some(CostToYou::Free));
    }

    #[test]
    fn costs_are_grouped_in_a_fixed_order_without_repeats() {
        let (graph, route) = best(nursing_pack(
            OpportunityKind::Apprenticeship,
            CostToYou::PaidWhileTraining,
            DegreeEntry::Earned,
        ));
        let summary = Affordability::of_route(&graph, &route);
        let groups: Vec<CostToYou> = summary.by_cost.iter().map(|(cost, _)| *cost).collect();
        assert_eq!(
            groups,
            vec![
                CostToYou::PaidWhileTraining,
                CostToYou::Free,
                CostToYou::Fees
            ]
        );
        assert_eq!(
            summary.costing(CostToYou::Free),
            &[OpportunityId::from("course")]
        );
        assert!(summary.costing(CostToYou::NotPublished).is_empty());
    }

    #[test]
    fn a_route_citing_nothing_has_no_cost_headline() {
        let graph = RoleGraph::new_unchecked(pack_of(
            vec![role("a"), role("b")],
            vec![transition("a", "b", 6, 12)],
        ));
        let summary = Affordability::of_moves(&graph, [(&[][..], &[][..])]);
        assert_eq!(summary, Affordability::default());
        assert!(summary.degree_sentence(&graph).starts_with("No move"));
    }

    fn any_cost() -> impl Strategy<Value = CostToYou> {
        prop::sample::select(CostToYou::ALL.to_vec())
    }

    proptest! {
        /// Whatever the opportunities cost, every cited opportunity lands in exactly one
        /// group, however often it is cited, and the headline is the first group in the
        /// fixed order.
        #[test]
        fn every_cited_opportunity_is_counted_once(costs in prop::collection::vec(any_cost(), 1..6)) {
            let cited: Vec<OpportunityId> = (0..costs.len()).map(|i| OpportunityId::from(format!("o{i}").as_str())).collect();
            let mut walk = transition("a", "b", 6, 12);
            walk.opportunities = cited.clone();
            let mut pack = pack_of(vec![role("a"), role("b")], vec![walk]);
            for (opportunity, cost) in pack.opportunities.iter_mut().zip(&costs) {
                opportunity.to_you = *cost;
            }
            let graph = RoleGraph::new_unchecked(pack);
            let summary = Affordability::of_moves(&graph, [(cited.as_slice(), &[][..]), (cited.as_slice(), &[][..])]);
            let counted: usize = summary.by_cost.iter().map(|(_, group)| group.len()).sum();
            prop_assert_eq!(counted, cited.len());
            let cheapest = CostToYou::ALL.into_iter().find(|cost| costs.contains(cost));
            prop_assert_eq!(summary.headline(), cheapest);
            prop_assert_eq!(summary.degree, RouteDegree::NotNeeded);
        }

        /// A route needs a degree exactly when a move gains a registration that takes
        /// one without a paid degree apprenticeship granting it.
        #[test]
        fn degree_follows_the_registration_and_its_way_in(
            takes_degree in any::<bool>(),
            to_you in any_cost(),
            earned in any::<bool>(),
        ) {
            let mut pack = nursing_pack(
                OpportunityKind::Apprenticeship,
                to_you,
                if earned { DegreeEntry::Earned } else { DegreeEntry::Needed },
            );
            for credential in &mut pack.credentials {
                credential.needs_degree = takes_degree;
            }
            let (graph, route) = best(pack);
            let expected = match (takes_degree, earned && to_you == CostToYou::PaidWhileTraining) {
                (false, _) => RouteDegree::NotNeeded,
                (true, true) => RouteDegree::EarnedWhilePaid,
                (true, false) => RouteDegree::Needed,
            };
            prop_assert_eq!(Affordability::of_route(&graph, &route).degree, expected);
        }
    }
}
