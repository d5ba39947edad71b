//! Scores: a resource's score comes from the scorer and its current weights; when the
//! weights change, every resource is re-scored over the following blocks.

use crate::{pallet::*, WeightInfo};
use polkadot_sdk::frame_support::{traits::Get, weights::Weight};
use powerverse_primitives::Scorer;

impl<T: Config> Pallet<T> {
	/// Scores `r` from its specs and verified benchmark under the current weights. A machine
	/// not verified (pending or rejected) scores 0: declared specs alone earn nothing.
	pub(crate) fn score_record(r: &mut ResourceOf<T>) {
		r.score = if r.verified { T::Scorer::score(&r.declared.specs, r.benchmark) } else { 0 };
		r.score_version = T::Scorer::version();
	}

	/// Re-scores resources scored under an older version of the weights, at most
	/// `RescorePerBlock` per block and within `limit`; resumes next block where it stopped.
	pub(crate) fn rescore(limit: Weight) -> Weight {
		let one = T::WeightInfo::rescore_one();
		let mut used = T::DbWeight::get().reads(2);
		if used.any_gt(limit) {
			return Weight::zero();
		}
		let version = T::Scorer::version();
		let mut state = Rescore::<T>::get();
		if ScoreVersion::<T>::get() != version {
			ScoreVersion::<T>::put(version);
			state = Some((version, 0));
			used = used.saturating_add(T::DbWeight::get().writes(1));
		}
		let Some((v, mut cursor)) = state else { return used };
		let end = NextResourceId::<T>::get();
		let mut done = 0;
		while cursor < end && done < T::RescorePerBlock::get() {
			if used.saturating_add(one).any_gt(limit) {
				break;
			}
			used = used.saturating_add(one);
			done += 1;
			if let Some(mut r) = Resources::<T>::get(cursor) {
				if r.score_version != v {
					let before = r.clone();
					Self::score_record(&mut r);
					Self::reindex(cursor, Some(&before), Some(&r));
					Resources::<T>::insert(cursor, &r);
					let _ = Self::sync_certificate(cursor, &r);
					Self::deposit_event(Event::Scored {
						resource: cursor,
						score: r.score,
						version: v,
					});
				}
			}
			cursor = cursor.saturating_add(1);
		}
		if cursor >= end {
			Rescore::<T>::kill();
		} else {
			Rescore::<T>::put((v, cursor));
		}
		used.saturating_add(T::DbWeight::get().writes(1))
	}
}
