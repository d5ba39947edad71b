//! Ratings: after a lease that paid its provider something is settled, each side may rate
//! the other once within the window. Reputation weighs each rating by what was paid and
//! counts one rating per rater and counterparty a period; when it refuses, nothing changes.

use crate::{pallet::*, Job};
use polkadot_sdk::{
	frame_support::ensure,
	frame_system,
	sp_core::H256,
	sp_runtime::{
		traits::{Saturating, UniqueSaturatedInto},
		DispatchResult,
	},
};
use powerverse_primitives::{LeaseId, Reputation};

impl<T: Config> Pallet<T> {
	/// `who` rates the other side of settled lease `id`, weighing by what the lease paid.
	///
	/// # Errors
	/// `BadStars`, `NotRatable` (not settled, the window closed, or nothing was paid),
	/// `NotParty`, `AlreadyRated`, and reputation's refusal (e.g. `who` rated the same
	/// account this rating period already).
	pub(crate) fn do_rate(
		who: T::AccountId,
		id: LeaseId,
		stars: u8,
		comment: Option<H256>,
	) -> DispatchResult {
		ensure!((1..=5).contains(&stars), Error::<T>::BadStars);
		let mut r = Ratings::<T>::get(id).ok_or(Error::<T>::NotRatable)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= r.until, Error::<T>::NotRatable);
		let rated = if who == r.tenant {
			ensure!(!r.by_tenant, Error::<T>::AlreadyRated);
			r.by_tenant = true;
			r.provider.clone()
		} else if who == r.provider {
			ensure!(!r.by_provider, Error::<T>::AlreadyRated);
			r.by_provider = true;
			r.tenant.clone()
		} else {
			return Err(Error::<T>::NotParty.into());
		};
		T::Reputation::rate(&who, &rated, stars, r.paid.unique_saturated_into())?;
		if r.by_tenant && r.by_provider {
			Ratings::<T>::remove(id);
			Self::unqueue(r.until.saturating_add(1u32.into()), Job::Forget(id));
		} else {
			Ratings::<T>::insert(id, r);
		}
		Self::deposit_event(Event::Rated { lease: id, by: who, who: rated, stars, comment });
		Ok(())
	}
}
