//! Sanctions: freezing, unfreezing, blacklisting and lifting, and the standing the registry,
//! leases and orders read through [`powerverse_primitives::Sanctions`].

use crate::{pallet::*, Sanction};
use polkadot_sdk::{
	frame_support::ensure, frame_system, sp_core::H256, sp_runtime::DispatchResult,
};
use powerverse_primitives::{Delist, Sanctions, Standing};

impl<T: Config> Pallet<T> {
	/// Freezes `who`, in good standing until now.
	///
	/// # Errors
	/// `AlreadyFrozen`, `AlreadyBlacklisted` (a freeze would soften the blacklisting).
	pub(crate) fn do_freeze(who: T::AccountId, reason: H256) -> DispatchResult {
		match Self::standing_of(&who) {
			Standing::Good => {},
			Standing::Frozen => return Err(Error::<T>::AlreadyFrozen.into()),
			Standing::Blacklisted => return Err(Error::<T>::AlreadyBlacklisted.into()),
		}
		Self::record(&who, Standing::Frozen, reason);
		Self::deposit_event(Event::Frozen { who, reason });
		Ok(())
	}

	/// Unfreezes a frozen `who`.
	///
	/// # Errors
	/// `NotFrozen` (in good standing, or blacklisted: only [`Self::do_lift`] ends that).
	pub(crate) fn do_unfreeze(who: T::AccountId) -> DispatchResult {
		ensure!(Self::standing_of(&who) == Standing::Frozen, Error::<T>::NotFrozen);
		Sanctioned::<T>::remove(&who);
		Self::deposit_event(Event::Unfrozen { who });
		Ok(())
	}

	/// Blacklists `who`, in good standing or frozen, and has the registry take its listed
	/// machines off the market.
	///
	/// # Errors
	/// `AlreadyBlacklisted`.
	pub(crate) fn do_blacklist(who: T::AccountId, reason: H256) -> DispatchResult {
		ensure!(Self::standing_of(&who) != Standing::Blacklisted, Error::<T>::AlreadyBlacklisted);
		// Recorded before delisting, so that the registry already sees the owner blacklisted
		// (a machine of its released meanwhile would go idle, not back to the market).
		Self::record(&who, Standing::Blacklisted, reason);
		let delisted = T::Resources::delist_owner(&who);
		Self::deposit_event(Event::Blacklisted { who, reason, delisted });
		Ok(())
	}

	/// Lifts the freeze or blacklisting of `who`.
	///
	/// # Errors
	/// `NotSanctioned`.
	pub(crate) fn do_lift(who: T::AccountId) -> DispatchResult {
		Sanctioned::<T>::take(&who).ok_or(Error::<T>::NotSanctioned)?;
		Self::deposit_event(Event::Lifted { who });
		Ok(())
	}

	/// Stores a sanction of `who` at `standing` from now on, replacing any before it.
	fn record(who: &T::AccountId, standing: Standing, reason: H256) {
		let since = frame_system::Pallet::<T>::block_number();
		Sanctioned::<T>::insert(who, Sanction { standing, since, reason });
	}
}

impl<T: Config> Sanctions<T::AccountId> for Pallet<T> {
	fn standing(who: &T::AccountId) -> Standing {
		Self::standing_of(who)
	}
}
