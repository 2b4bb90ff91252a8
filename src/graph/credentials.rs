//! Credentials as the planner sees them: small bit sets over a pack's credentials, what
//! each role asks for, and the one rule that says whether a person may enter a role.
//!
//! Registrations and gating qualifications belong to the person: a route starts with
//! what the starting role implies and what the person says they hold, gains credentials
//! on moves that grant them (training that ends in registration), and only enters a role
//! whose requirements are met at that point. The planner and the validator both decide
//! with [`RoleNeeds::admits`], so they never disagree.

use super::model::{CredentialId, CredentialKind, Pack};
use std::collections::HashMap;
use std::fmt;

/// The most credentials one pack may declare (one bit each in a [`CredentialSet`]).
pub const MAX_CREDENTIALS: usize = 64;

/// A set of a pack's credentials, one bit per credential in pack order.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct CredentialSet(u64);

impl CredentialSet {
    /// The empty set.
    pub const EMPTY: CredentialSet = CredentialSet(0);

    /// The set holding only the credential at `position` in the pack (none past 63).
    pub fn single(position: usize) -> CredentialSet {
        if position < MAX_CREDENTIALS {
            CredentialSet(1 << position)
        } else {
            CredentialSet::EMPTY
        }
    }

    /// Both sets together.
    pub fn union(self, other: CredentialSet) -> CredentialSet {
        CredentialSet(self.0 | other.0)
    }

    /// What the two sets share.
    pub fn intersection(self, other: CredentialSet) -> CredentialSet {
        CredentialSet(self.0 & other.0)
    }

    /// What this set has that `other` lacks.
    pub fn minus(self, other: CredentialSet) -> CredentialSet {
        CredentialSet(self.0 & !other.0)
    }

    /// True when the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// True when every member of this set is in `other`.
    pub fn is_subset(self, other: CredentialSet) -> bool {
        self.0 & !other.0 == 0
    }

    /// The positions of the members, lowest first.
    pub fn positions(self) -> impl Iterator<Item = usize> {
        (0..MAX_CREDENTIALS).filter(move |&bit| self.0 & (1 << bit) != 0)
    }
}

impl fmt::Debug for CredentialSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.positions()).finish()
    }
}

/// What entering a role asks of a person, as bit sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RoleNeeds {
    /// Every one of these.
    pub all_of: CredentialSet,
    /// At least one of these, when not empty.
    pub any_of: CredentialSet,
    /// The requirement names a credential the pack does not declare, so nobody meets it.
    pub impossible: bool,
}

impl RoleNeeds {
    /// Whether a person holding `held`, and perhaps one unnamed member of `one_of` (a
    /// start role that covers several professions, when the person has not said which),
    /// may enter the role.
    ///
    /// An unnamed "one of" only meets a requirement that every one of its members would
    /// meet, so the answer is true whichever profession the person has.
    ///
    /// ```
    /// use foothold::graph::{CredentialSet, RoleNeeds};
    /// let (nurse, physio, radiographer) =
    ///     (CredentialSet::single(0), CredentialSet::single(1), CredentialSet::single(2));
    /// let allied = physio.union(radiographer);
    /// let digital_ahp = RoleNeeds { any_of: allied, ..RoleNeeds::default() };
    /// assert!(digital_ahp.admits(physio, CredentialSet::EMPTY));
    /// assert!(!digital_ahp.admits(nurse, CredentialSet::EMPTY));
    /// // An allied health professional who has not said which profession still qualifies.
    /// assert!(digital_ahp.admits(CredentialSet::EMPTY, allied));
    /// ```
    pub fn admits(&self, held: CredentialSet, one_of: CredentialSet) -> bool {
        if self.impossible || !self.all_of.is_subset(held) {
            return false;
        }
        self.any_of.is_empty()
            || !self.any_of.intersection(held).is_empty()
            || (!one_of.is_empty() && one_of.is_subset(self.any_of))
    }

    /// What a person entering the role relies on bringing with them, when they hold
    /// `before` and the move in gives them `after` (`one_of` as for [`RoleNeeds::admits`]):
    /// the credentials the role needs that they held, leaving out what the move itself
    /// gives. The flag is true when they rely on one of the set, not all of it (they
    /// started in a role covering several professions and have not said which).
    ///
    /// ```
    /// use foothold::graph::{CredentialSet, RoleNeeds};
    /// let scientist = CredentialSet::single(3);
    /// let registered_post = RoleNeeds { all_of: scientist, ..RoleNeeds::default() };
    /// // Training that ends in registration: the step gives it, so it relies on nothing.
    /// let (relied, _) = registered_post.relied_on(CredentialSet::EMPTY, scientist, CredentialSet::EMPTY);
    /// assert!(relied.is_empty());
    /// // Someone already registered relies on their registration.
    /// let (relied, _) = registered_post.relied_on(scientist, scientist, CredentialSet::EMPTY);
    /// assert_eq!(relied, scientist);
    /// ```
    pub fn relied_on(
        &self,
        before: CredentialSet,
        after: CredentialSet,
        one_of: CredentialSet,
    ) -> (CredentialSet, bool) {
        let given = after.minus(before);
        let named_any = self.any_of.intersection(after);
        if self.any_of.is_empty() || !named_any.is_empty() {
            (self.all_of.union(named_any).minus(given), false)
        } else {
            let relied_any = self.any_of.intersection(one_of).minus(given);
            (
                self.all_of.union(relied_any).minus(given),
                !relied_any.is_empty(),
            )
        }
    }

    /// What a person holding `held` still lacks: the missing `all_of` credentials, and
    /// the `any_of` list when they hold none of it.
    pub fn missing(&self, held: CredentialSet) -> (CredentialSet, CredentialSet) {
        let all = self.all_of.minus(held);
        let any = if self.any_of.is_empty() || !self.any_of.intersection(held).is_empty() {
            CredentialSet::EMPTY
        } else {
            self.any_of
        };
        (all, any)
    }
}

/// A pack's credentials as bit positions, and every role's, move's and opportunity's
/// credentials as sets, for quick checks during route search.
#[derive(Debug, Clone, Default)]
pub struct CredentialTable {
    positions: HashMap<CredentialId, usize>,
    /// What entering each role asks, by role position.
    pub needs: Vec<RoleNeeds>,
    /// What each role implies its holder has, by role position.
    pub holds: Vec<CredentialSet>,
    /// One of which each role's holder has, by role position.
    pub holds_one_of: Vec<CredentialSet>,
    /// What each move grants, by transition position.
    pub grants: Vec<CredentialSet>,
    /// The credentials that are registrations with a regulator (not qualifications).
    pub registrations: CredentialSet,
    /// The registrations each role names, by role position: those entering it asks for
    /// and those everyone in it holds (or one of which they hold).
    pub registrations_named: Vec<CredentialSet>,
}

impl CredentialTable {
    /// Builds the table for a pack. Ids the pack does not declare are left out of sets
    /// (the validator reports them); a requirement naming one can never be met.
    pub fn of_pack(pack: &Pack) -> Self {
        let positions: HashMap<CredentialId, usize> = pack
            .credentials
            .iter()
            .take(MAX_CREDENTIALS)
            .enumerate()
            .map(|(position, credential)| (credential.id.clone(), position))
            .collect();
        let set_of = |ids: &[CredentialId]| {
            ids.iter()
                .filter_map(|id| positions.get(id))
                .fold(CredentialSet::EMPTY, |set, &position| {
                    set.union(CredentialSet::single(position))
                })
        };
        let needs: Vec<RoleNeeds> = pack
            .roles
            .iter()
            .map(|role| RoleNeeds {
                all_of: set_of(&role.requires.all_of),
                any_of: set_of(&role.requires.any_of),
                impossible: role.requires.named().any(|id| !positions.contains_key(id)),
            })
            .collect();
        let holds: Vec<CredentialSet> = pack.roles.iter().map(|role| set_of(&role.holds)).collect();
        let holds_one_of: Vec<CredentialSet> = pack
            .roles
            .iter()
            .map(|role| set_of(&role.holds_one_of))
            .collect();
        let grants = pack
            .transitions
            .iter()
            .map(|transition| set_of(&transition.grants))
            .collect();
        let registration_ids: Vec<CredentialId> = pack
            .credentials
            .iter()
            .filter(|credential| credential.kind == CredentialKind::Registration)
            .map(|credential| credential.id.clone())
            .collect();
        let registrations = set_of(&registration_ids);
        let registrations_named = needs
            .iter()
            .zip(holds.iter().zip(&holds_one_of))
            .map(|(needs, (&holds, &holds_one_of))| {
                needs
                    .all_of
                    .union(needs.any_of)
                    .union(holds)
                    .union(holds_one_of)
                    .intersection(registrations)
            })
            .collect();
        CredentialTable {
            positions,
            needs,
            holds,
            holds_one_of,
            grants,
            registrations,
            registrations_named,
        }
    }

    /// The set of the given ids that the pack declares.
    pub fn set_of<'a>(&self, ids: impl IntoIterator<Item = &'a CredentialId>) -> CredentialSet {
        ids.into_iter()
            .filter_map(|id| self.positions.get(id))
            .fold(CredentialSet::EMPTY, |set, &position| {
                set.union(CredentialSet::single(position))
            })
    }

    /// The position of a credential in the pack.
    pub fn position(&self, id: &CredentialId) -> Option<usize> {
        self.positions.get(id).copied()
    }
}
