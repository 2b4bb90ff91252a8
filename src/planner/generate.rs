//! Synthetic role packs of any size, for benchmarks (native and in the browser) and
//! property tests. Deterministic: the same arguments always give the same pack, on every
//! platform, because the generator uses its own tiny random number generator.
//!
//! The packs are plainly synthetic (ids like `role-00042`, titles like "Synthetic role
//! 42") and are never shown to users.

use crate::graph::{
    Band, BandRange, Competency, CompetencyId, CostToYou, Credential, CredentialId, CredentialKind,
    DegreeEntry, Evidence, Family, Framework, Months, Opportunity, OpportunityId, OpportunityKind,
    OpportunityStatus, Pack, PackInfo, Requirement, Role, RoleId, Transition,
};

/// A small, fast, deterministic random number generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator started from a seed.
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number from 0 up to but not including `bound` (0 when `bound` is 0).
    pub fn below(&mut self, bound: usize) -> usize {
        if bound == 0 {
            return 0;
        }
        // The modulo bias is negligible for the small bounds used here.
        (self.next_u64() % bound as u64) as usize
    }
}

const SYNTHETIC_SOURCE: &str = "https://example.org/foothold/synthetic-pack";

/// A pack of `roles` roles, each with `per_role` transitions to other distinct roles
/// (fewer when there are not enough roles), chosen by `seed`.
///
/// Roles spread over every family and band; about one in twenty is an entry role. Each
/// transition takes between 3 and 62 months, builds up to three of a pool of
/// competencies, is helped by up to one opportunity, and has a random evidence grade.
/// The pack is not guaranteed to pass validation (some roles may be dead ends), so load
/// it with [`RoleGraph::new_unchecked`](crate::graph::RoleGraph::new_unchecked).
pub fn synthetic_pack(roles: usize, per_role: usize, seed: u64) -> Pack {
    let mut random = SplitMix64::new(seed);
    let competency_count = (roles / 20).clamp(8, 200);
    let competencies: Vec<Competency> = (0..competency_count)
        .map(|i| Competency {
            id: CompetencyId(format!("competency-{i:03}")),
            name: format!("Synthetic competency {i}"),
            framework: Framework::Ddat,
            summary: "A synthetic competency for benchmarks and tests.".to_owned(),
            origin: None,
        })
        .collect();
    let opportunity_count = (roles / 50).clamp(4, 50);
    let opportunities: Vec<Opportunity> = (0..opportunity_count)
        .map(|i| Opportunity {
            id: OpportunityId(format!("opportunity-{i:03}")),
            title: format!("Synthetic opportunity {i}"),
            kind: OpportunityKind::Training,
            for_whom: "Anyone".to_owned(),
            length: "6 months".to_owned(),
            cost: None,
            to_you: CostToYou::NotPublished,
            degree: DegreeEntry::NotPublished,
            level: None,
            months: None,
            develops: vec![competencies[random.below(competency_count)].id.clone()],
            grants: Vec::new(),
            summary: "A synthetic opportunity for benchmarks and tests.".to_owned(),
            status: OpportunityStatus::Unknown,
            status_note: None,
            checked: None,
            sources: vec![SYNTHETIC_SOURCE.into()],
            origin: None,
        })
        .collect();
    let role_list: Vec<Role> = (0..roles)
        .map(|i| {
            let family = Family::ALL[i % Family::ALL.len()];
            // Bands rise with the role number, so the graph has a "senior end".
            let level = (i * 11 / roles.max(1)).min(10);
            let min = Band::ALL[level];
            let max = Band::ALL[(level + random.below(2)).min(10)];
            Role {
                id: role_id(i),
                title: format!("Synthetic role {i}"),
                also_known_as: Vec::new(),
                family,
                bands: BandRange { min, max },
                evidence: Evidence::Assumed,
                entry: i % 20 == 0,
                senior_terminal: level >= 9,
                requires: Requirement::default(),
                holds: Vec::new(),
                holds_one_of: Vec::new(),
                duty: false,
                summary: "A synthetic role for benchmarks and tests.".to_owned(),
                responsibilities: Vec::new(),
                entry_requirements: Vec::new(),
                competencies: Vec::new(),
                sources: vec![SYNTHETIC_SOURCE.into()],
                origin: None,
            }
        })
        .collect();
    let per_role = per_role.min(roles.saturating_sub(1));
    let mut transitions = Vec::with_capacity(roles * per_role);
    let mut targets = Vec::with_capacity(per_role);
    for from in 0..roles {
        targets.clear();
        while targets.len() < per_role {
            let to = random.below(roles);
            if to != from && !targets.contains(&to) {
                targets.push(to);
            }
        }
        for &to in &targets {
            let min = 3 + random.below(24) as u16;
            let max = min + random.below(36) as u16;
            let mut gain: Vec<CompetencyId> = Vec::new();
            for _ in 0..random.below(4) {
                let competency = &competencies[random.below(competency_count)].id;
                if !gain.contains(competency) {
                    gain.push(competency.clone());
                }
            }
            let opportunities = if random.below(3) == 0 {
                vec![opportunities[random.below(opportunity_count)].id.clone()]
            } else {
                Vec::new()
            };
            let evidence =
                [Evidence::Sourced, Evidence::Derived, Evidence::Assumed][random.below(3)];
            transitions.push(Transition {
                from: role_id(from),
                also_from: Vec::new(),
                to: role_id(to),
                gain,
                opportunities,
                months: Months { min, max },
                grants: Vec::new(),
                evidence,
                sources: vec![SYNTHETIC_SOURCE.into()],
                note: None,
                actions: vec!["Read the synthetic role description.".to_owned()],
                origin: None,
            });
        }
    }
    Pack {
        info: PackInfo {
            id: "synthetic".to_owned(),
            title: format!("Synthetic pack of {roles} roles"),
            data_version: "0000.00.0".to_owned(),
            checked: "2026-01-01".to_owned(),
            summary: "Generated for benchmarks and tests; not real career data.".to_owned(),
            licence: "MIT".to_owned(),
            acknowledgements: Vec::new(),
            key_sources: Vec::new(),
        },
        roles: role_list,
        transitions,
        competencies,
        opportunities,
        credentials: Vec::new(),
        migrations: Vec::new(),
    }
}

/// How many credentials a [`credentialed_pack`] declares.
pub const SYNTHETIC_CREDENTIALS: usize = 8;

/// Where the moves of a [`credentialed_pack`] grant credentials.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grants {
    /// As in real packs: registration comes from the training that leads into the roles
    /// needing it, so about half the moves up a tier into a role that needs a credential
    /// grant it (one of the two, for a role that needs one of two).
    IntoRolesThatNeedThem,
    /// A stress case no real pack resembles: a third of the moves up a tier grant a
    /// credential picked at random, so a route meets dozens of different sets.
    Scattered,
}

/// A [`synthetic_pack`] with credentials laid over it the way a real pack has them.
///
/// Roles fall into four tiers by number; moves between tiers only go up (a move that
/// went down is turned round), and only such moves grant credentials, so, as the
/// validator demands of real packs, no credential is granted on a cycle of roles. About
/// one role in four needs one credential, one in six needs one of two, and entry roles
/// hold one credential or one of two; `grants` says which moves grant one.
///
/// The credentials are qualifications, not registrations. Inside a tier the random moves
/// put almost every role on a cycle, and the validator allows a move that trains for a
/// registration only into a role on no cycle (the planner's training rule relies on it),
/// so registrations here would make a pack no real one resembles. Qualifications gate
/// roles and travel with the person exactly as registrations do.
pub fn credentialed_pack(roles: usize, per_role: usize, seed: u64, grants: Grants) -> Pack {
    let mut pack = synthetic_pack(roles, per_role, seed);
    let mut random = SplitMix64::new(seed ^ 0x00C0_FFEE);
    let credential_id = |i: usize| CredentialId(format!("credential-{i}"));
    pack.credentials = (0..SYNTHETIC_CREDENTIALS)
        .map(|i| Credential {
            id: credential_id(i),
            name: format!("Synthetic qualification {i}"),
            kind: CredentialKind::Qualification,
            body: "A synthetic awarding body".to_owned(),
            how_to_get: "Synthetic training.".to_owned(),
            why_it_gates: Some("Synthetic roles ask for it.".to_owned()),
            needs_degree: false,
            sources: vec![SYNTHETIC_SOURCE.into()],
            origin: None,
        })
        .collect();
    let tier = |id: &RoleId| -> usize {
        let number: usize = id.as_str().trim_start_matches("role-").parse().unwrap_or(0);
        number * 4 / roles.max(1)
    };
    let mut pairs = std::collections::HashSet::new();
    pack.transitions.retain_mut(|transition| {
        if tier(&transition.to) < tier(&transition.from) {
            std::mem::swap(&mut transition.from, &mut transition.to);
        }
        pairs.insert((transition.from.clone(), transition.to.clone()))
    });
    let mut scattered = Vec::new();
    for transition in &pack.transitions {
        let up = tier(&transition.to) > tier(&transition.from);
        scattered.push(
            (up && random.below(3) == 0)
                .then(|| credential_id(random.below(SYNTHETIC_CREDENTIALS))),
        );
    }
    for role in &mut pack.roles {
        if role.entry {
            match random.below(3) {
                0 => role.holds = vec![credential_id(random.below(SYNTHETIC_CREDENTIALS))],
                1 => {
                    let first = random.below(SYNTHETIC_CREDENTIALS - 1);
                    role.holds_one_of = vec![credential_id(first), credential_id(first + 1)];
                }
                _ => {}
            }
        }
        match random.below(12) {
            0..=2 => {
                role.requires.all_of = vec![credential_id(random.below(SYNTHETIC_CREDENTIALS))]
            }
            3 | 4 => {
                let first = random.below(SYNTHETIC_CREDENTIALS - 1);
                role.requires.any_of = vec![credential_id(first), credential_id(first + 1)];
            }
            _ => {}
        }
    }
    let needs: std::collections::HashMap<RoleId, Option<CredentialId>> = pack
        .roles
        .iter()
        .map(|role| (role.id.clone(), role.requires.named().next().cloned()))
        .collect();
    for (transition, scattered) in pack.transitions.iter_mut().zip(scattered) {
        let granted = match grants {
            Grants::Scattered => scattered,
            Grants::IntoRolesThatNeedThem => {
                let up = tier(&transition.to) > tier(&transition.from);
                needs
                    .get(&transition.to)
                    .cloned()
                    .flatten()
                    .filter(|_| up && random.below(2) == 0)
            }
        };
        transition.grants = granted.into_iter().collect();
    }
    pack
}

/// The id of the `index`-th synthetic role, such as `role-00042`.
pub fn role_id(index: usize) -> RoleId {
    RoleId(format!("role-{index:05}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_pack() {
        assert_eq!(synthetic_pack(50, 4, 9), synthetic_pack(50, 4, 9));
        assert_ne!(synthetic_pack(50, 4, 9), synthetic_pack(50, 4, 10));
    }

    #[test]
    fn every_role_has_the_asked_number_of_distinct_ways_on() {
        let pack = synthetic_pack(40, 10, 3);
        assert_eq!(pack.transitions.len(), 400);
        for role in &pack.roles {
            let mut targets: Vec<&RoleId> = pack
                .transitions
                .iter()
                .filter(|t| t.from == role.id)
                .map(|t| &t.to)
                .collect();
            assert_eq!(targets.len(), 10);
            assert!(!targets.contains(&&role.id));
            targets.sort();
            targets.dedup();
            assert_eq!(targets.len(), 10);
        }
    }

    #[test]
    fn a_tiny_pack_gets_as_many_transitions_as_it_can() {
        assert_eq!(synthetic_pack(3, 10, 1).transitions.len(), 6);
        assert!(synthetic_pack(0, 10, 1).roles.is_empty());
        assert!(synthetic_pack(1, 10, 1).transitions.is_empty());
    }

    #[test]
    fn the_generator_is_fixed_across_platforms() {
        let mut random = SplitMix64::new(0);
        assert_eq!(random.next_u64(), 0xE220_A839_7B1D_CDAF);
    }
}
