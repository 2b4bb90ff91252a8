//! One stable sort shared by the whole crate.
//!
//! The standard library's sort is generic over both the item type and the comparison,
//! so every `sort_by` call site compiles to its own copy of the sort (over a kilobyte of
//! WebAssembly each). These functions sort positions (`usize`) through a comparison
//! behind `&dyn Fn`, so the app carries one copy of the sort; each call site adds only a
//! small loop that moves the items into their sorted places. The results are exactly
//! those of the standard library's stable sorts.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their original order, like
/// [`slice::sort_by`].
///
/// ```
/// let mut words = ["pear", "fig", "apple", "kiwi"];
/// foothold::order::sort_by(&mut words, |a, b| a.len().cmp(&b.len()));
/// assert_eq!(words, ["fig", "pear", "kiwi", "apple"]);
/// ```
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    move_into_order(items, order);
}

/// Sorts `items` by the key `key` gives each, keeping items with equal keys in their
/// original order, like [`slice::sort_by_key`].
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` into ascending order, like [`slice::sort`].
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` in the order that sorts the items they stand for, equal items
/// keeping their original order. Not generic, so there is one copy of the sort.
#[inline(never)]
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    positions.sort_by(|&a, &b| compare(a, b));
    positions
}

/// Rearranges `items` so that place `k` holds the item that was at `order[k]`, by
/// following each cycle of the permutation with swaps.
fn move_into_order<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut place = start;
        loop {
            let source = order[place];
            // Marks the place as final; a later start on it ends at once.
            order[place] = place;
            if source == start {
                break;
            }
            items.swap(place, source);
            place = source;
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sort_by_gives_the_same_order_as_the_standard_stable_sort(
            items in proptest::collection::vec((0u8..6, any::<u16>()), 0..60)
        ) {
            let mut ours = items.clone();
            let mut theirs = items;
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            theirs.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn sort_gives_ascending_order(items in proptest::collection::vec(any::<i32>(), 0..60)) {
            let mut ours = items.clone();
            let mut theirs = items;
            sort(&mut ours);
            theirs.sort();
            prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn sort_by_key_keeps_equal_keys_in_their_original_order() {
        let mut items = [(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut items, |item| item.0);
        assert_eq!(items, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }
}
