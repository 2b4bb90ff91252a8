//! Routes as people read them: each step with what to gain, what helps, how long it
//! takes and how well that is backed, and totals for the whole route.

use super::cost::{personalised_months, split_gain, RouteCost};
use super::search::Path;
use super::Objective;
use crate::graph::{
    BandRange, CompetencyId, CredentialId, CredentialSet, Evidence, Months, OpportunityId,
    RoleGraph, RoleId, Source,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One move on a route, explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteStep {
    /// The role moved from.
    pub from: RoleId,
    /// The role moved to.
    pub to: RoleId,
    /// Competencies the move builds that the user does not hold yet, in the pack's order.
    pub to_gain: Vec<CompetencyId>,
    /// Competencies the move builds that the user already holds, in the pack's order.
    pub already_held: Vec<CompetencyId>,
    /// Development opportunities that help with the move, in the pack's order.
    pub opportunities: Vec<OpportunityId>,
    /// The typical time the pack gives for the move.
    pub months: Months,
    /// The typical time for this user, shortened by what they hold
    /// (see [`personalised_months`](super::personalised_months)).
    pub personalised_months: Months,
    /// How well the move is backed.
    pub evidence: Evidence,
    /// Web addresses backing the move.
    pub sources: Vec<Source>,
    /// The pack authors' note on the move.
    pub note: Option<String>,
    /// What to do first: the move's first actions from the role data.
    pub actions: Vec<String>,
    /// The registrations and qualifications the person relies on to take the role moved
    /// to, in pack order (empty when the role asks for none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relies_on: Vec<CredentialId>,
    /// True when the person relies on one of `relies_on`, not all: they started in a role
    /// that covers several professions and did not say which they hold.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub relies_on_one_of: bool,
    /// Registrations and qualifications the move gives the person, in pack order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gains_credentials: Vec<CredentialId>,
}

/// What a whole route adds up to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteTotals {
    /// The sum of the steps' personalised times.
    pub months: Months,
    /// How many moves the route has.
    pub steps: usize,
    /// The band ranges of the roles from the start to the target.
    pub band_path: Vec<BandRange>,
    /// How many different competencies the user still has to gain along the route.
    pub competencies_to_gain: usize,
    /// The weakest evidence grade of any step.
    pub weakest_evidence: Evidence,
}

/// A route from one role to another, explained step by step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Route {
    /// The moves, in order from the start.
    pub steps: Vec<RouteStep>,
    /// What the route adds up to.
    pub totals: RouteTotals,
}

impl Route {
    /// The roles on the route, from the start to the target.
    pub fn roles(&self) -> Vec<RoleId> {
        let mut roles: Vec<RoleId> = self.steps.iter().map(|step| step.from.clone()).collect();
        if let Some(last) = self.steps.last() {
            roles.push(last.to.clone());
        }
        roles
    }

    /// The route's cost under an objective, as the planner ranked it: routes are ordered
    /// by this cost, then by the role ids from the start.
    pub fn cost(&self, objective: Objective) -> RouteCost {
        self.steps.iter().fold(RouteCost::ZERO, |total, step| {
            total + RouteCost::of_step(objective, step.personalised_months, step.to_gain.len())
        })
    }

    /// The roles strictly between the start and the target, without repeats and sorted.
    /// Two alternatives offered for the same query never share this set.
    pub fn intermediate_roles(&self) -> BTreeSet<RoleId> {
        let roles = self.roles();
        let mut inner = BTreeSet::new();
        // Inserting one by one rather than collecting avoids a sort of its own.
        if let [_, middle @ .., _] = roles.as_slice() {
            inner.extend(middle.iter().cloned());
        }
        inner
    }
}

/// Explains a path found by the search; `one_of` is the set of professions one of
/// which the person holds without having said which.
pub(crate) fn explain(
    graph: &RoleGraph,
    path: &Path,
    held: &BTreeSet<CompetencyId>,
    one_of: CredentialSet,
) -> Route {
    let mut steps = Vec::with_capacity(path.edges.len());
    let mut gained = BTreeSet::new();
    let mut total = Months { min: 0, max: 0 };
    let mut weakest = Evidence::Sourced;
    for (position, &edge) in path.edges.iter().enumerate() {
        let transition = graph.transition_at(edge);
        let (before, after) = (path.credentials[position], path.credentials[position + 1]);
        let needs = graph.needs_at(path.nodes[position + 1]);
        let (relied, relies_on_one_of) = needs.relied_on(before, after, one_of);
        let ids = |set: CredentialSet| -> Vec<CredentialId> {
            graph
                .credentials_in(set)
                .into_iter()
                .map(|credential| credential.id.clone())
                .collect()
        };
        let (to_gain, already_held) = split_gain(transition, held);
        let personalised = personalised_months(
            transition.months,
            to_gain.len() + already_held.len(),
            already_held.len(),
        );
        total.min = total.min.saturating_add(personalised.min);
        total.max = total.max.saturating_add(personalised.max);
        weakest = weakest.max(transition.evidence);
        gained.extend(to_gain.iter().cloned());
        steps.push(RouteStep {
            from: transition.from.clone(),
            to: transition.to.clone(),
            to_gain,
            already_held,
            opportunities: transition.opportunities.clone(),
            months: transition.months,
            personalised_months: personalised,
            evidence: transition.evidence,
            sources: transition.sources.clone(),
            note: transition.note.clone(),
            actions: transition.actions.clone(),
            relies_on: ids(relied),
            relies_on_one_of,
            gains_credentials: ids(after.minus(before)),
        });
    }
    let band_path = path
        .nodes
        .iter()
        .map(|&node| graph.role_at(node).bands)
        .collect();
    Route {
        totals: RouteTotals {
            months: total,
            steps: steps.len(),
            band_path,
            competencies_to_gain: gained.len(),
            weakest_evidence: weakest,
        },
        steps,
    }
}
