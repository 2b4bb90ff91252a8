//! Small hand-built packs for examples and tests: a few lines describe a graph of roles
//! and moves, with every other field filled in plainly.
//!
//! ```
//! use foothold::graph::RoleGraph;
//! use foothold::planner::testing::{pack_of, role, transition};
//!
//! let graph = RoleGraph::new_unchecked(pack_of(
//!     vec![role("a"), role("b")],
//!     vec![transition("a", "b", 6, 12)],
//! ));
//! assert_eq!(graph.ways_on(&"a".into()).len(), 1);
//! ```

use crate::graph::{
    Band, BandRange, Competency, CompetencyId, CostToYou, Credential, CredentialId, CredentialKind,
    DegreeEntry, Evidence, Family, Framework, Months, Opportunity, OpportunityId, OpportunityKind,
    OpportunityStatus, Pack, PackInfo, Role, RoleId, Transition,
};

/// The small real-role pack under `tests/fixtures/starter-pack`, validated; for unit
/// tests run from the crate root. Panics with the problems if the fixture is broken.
#[cfg(not(target_arch = "wasm32"))]
pub fn starter_graph() -> crate::graph::RoleGraph {
    let folder = std::path::Path::new("tests/fixtures/starter-pack");
    let pack = crate::graph::source::read_pack_folder(folder)
        .unwrap_or_else(|errors| panic!("the starter fixture must parse: {errors:?}"));
    crate::graph::RoleGraph::new(pack)
        .unwrap_or_else(|error| panic!("the starter fixture is valid: {error}"))
}

const TEST_SOURCE: &str = "https://example.org/foothold/test-pack";

/// A role with the given id, titled after it, in the data and analytics family at band 5.
pub fn role(id: &str) -> Role {
    Role {
        id: RoleId::from(id),
        title: format!("Role {id}"),
        also_known_as: Vec::new(),
        family: Family::DataAnalytics,
        bands: BandRange {
            min: Band::B5,
            max: Band::B5,
        },
        evidence: Evidence::Sourced,
        entry: false,
        senior_terminal: false,
        requires: Default::default(),
        holds: Vec::new(),
        holds_one_of: Vec::new(),
        duty: false,
        summary: format!("Test role {id}."),
        responsibilities: Vec::new(),
        entry_requirements: Vec::new(),
        competencies: Vec::new(),
        sources: vec![TEST_SOURCE.into()],
        origin: None,
    }
}

/// A sourced move between two roles taking `min` to `max` months, building nothing.
pub fn transition(from: &str, to: &str, min: u16, max: u16) -> Transition {
    Transition {
        from: RoleId::from(from),
        also_from: Vec::new(),
        to: RoleId::from(to),
        gain: Vec::new(),
        opportunities: Vec::new(),
        months: Months { min, max },
        grants: Vec::new(),
        evidence: Evidence::Sourced,
        sources: vec![TEST_SOURCE.into()],
        note: None,
        actions: vec!["Talk to someone already in the role.".to_owned()],
        origin: None,
    }
}

/// A registration with the given id, named after it.
pub fn credential(id: &str) -> Credential {
    Credential {
        id: CredentialId::from(id),
        name: format!("Registration {id}"),
        kind: CredentialKind::Registration,
        body: "Test regulator".to_owned(),
        how_to_get: format!("Train for {id}."),
        why_it_gates: None,
        needs_degree: false,
        sources: vec![TEST_SOURCE.into()],
        origin: None,
    }
}

/// A pack of the given roles and moves, with a competency for every id the moves build,
/// an opportunity (developing nothing) for every id they name, and a credential for
/// every credential id the roles and moves name.
pub fn pack_of(roles: Vec<Role>, transitions: Vec<Transition>) -> Pack {
    let mut credential_ids: Vec<CredentialId> = roles
        .iter()
        .flat_map(|r| {
            r.requires
                .named()
                .chain(&r.holds)
                .chain(&r.holds_one_of)
                .cloned()
                .collect::<Vec<_>>()
        })
        .chain(transitions.iter().flat_map(|t| t.grants.iter().cloned()))
        .collect();
    credential_ids.sort();
    credential_ids.dedup();
    let mut competency_ids: Vec<CompetencyId> = transitions
        .iter()
        .flat_map(|t| t.gain.iter().cloned())
        .collect();
    competency_ids.sort();
    competency_ids.dedup();
    let mut opportunity_ids: Vec<OpportunityId> = transitions
        .iter()
        .flat_map(|t| t.opportunities.iter().cloned())
        .collect();
    opportunity_ids.sort();
    opportunity_ids.dedup();
    Pack {
        info: PackInfo {
            id: "test".to_owned(),
            title: "Test pack".to_owned(),
            data_version: "0000.00.0".to_owned(),
            checked: "2026-01-01".to_owned(),
            summary: "Built in code for tests.".to_owned(),
            licence: "MIT".to_owned(),
            acknowledgements: Vec::new(),
            key_sources: Vec::new(),
        },
        roles,
        transitions,
        competencies: competency_ids
            .into_iter()
            .map(|id| Competency {
                name: format!("Competency {id}"),
                id,
                framework: Framework::Ddat,
                summary: "Test competency.".to_owned(),
                origin: None,
            })
            .collect(),
        opportunities: opportunity_ids
            .into_iter()
            .map(|id| Opportunity {
                title: format!("Opportunity {id}"),
                id,
                kind: OpportunityKind::Training,
                for_whom: "Anyone".to_owned(),
                length: "6 months".to_owned(),
                cost: None,
                to_you: CostToYou::NotPublished,
                degree: DegreeEntry::NotPublished,
                level: None,
                months: None,
                develops: Vec::new(),
                grants: Vec::new(),
                summary: "Test opportunity.".to_owned(),
                status: OpportunityStatus::Unknown,
                status_note: None,
                checked: None,
                sources: vec![TEST_SOURCE.into()],
                origin: None,
            })
            .collect(),
        credentials: credential_ids
            .iter()
            .map(|id| credential(id.as_str()))
            .collect(),
        migrations: Vec::new(),
    }
}
