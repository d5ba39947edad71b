//! Providers: registration and the bond.

use crate::{pallet::*, Name, Provider, Url};
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{fungible::MutateHold, tokens::Precision},
	},
	frame_system,
	sp_runtime::{
		traits::{Saturating, Zero},
		DispatchResult,
	},
};
use powerverse_primitives::{Reputation, Sanctions};

impl<T: Config> Pallet<T> {
	/// Registers `who` as a provider, holding `bond`.
	///
	/// # Errors
	/// `AlreadyProvider`, `AccountFrozen`, `AccountBlacklisted`, `ReputationTooLow`,
	/// `BondTooLow`, `InsufficientBalance`.
	pub(crate) fn do_register_provider(
		who: T::AccountId,
		name: Name,
		contact: Url,
		bond: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!Providers::<T>::contains_key(&who), Error::<T>::AlreadyProvider);
		Self::ensure_good(&who)?;
		ensure!(!T::Reputation::is_restricted(&who), Error::<T>::ReputationTooLow);
		ensure!(bond >= Self::params().min_bond, Error::<T>::BondTooLow);
		Self::hold_bond(&who, bond)?;
		let provider = Provider { name, contact, bond, unbonding: None, resources: 0, engaged: 0 };
		Providers::<T>::insert(&who, provider);
		Self::deposit_event(Event::ProviderRegistered { who, bond });
		Ok(())
	}

	/// Changes a provider's name and contact.
	///
	/// # Errors
	/// `NotProvider`.
	pub(crate) fn do_update_provider(
		who: T::AccountId,
		name: Name,
		contact: Url,
	) -> DispatchResult {
		Providers::<T>::try_mutate(&who, |p| {
			let p = p.as_mut().ok_or(Error::<T>::NotProvider)?;
			p.name = name;
			p.contact = contact;
			Ok::<_, Error<T>>(())
		})?;
		Self::deposit_event(Event::ProviderUpdated { who });
		Ok(())
	}

	/// Adds to a provider's bond.
	///
	/// # Errors
	/// `NotProvider`, `InsufficientBalance` (also for a zero amount: `BadUnbond` is for
	/// unbonding only, so zero is refused as `BondTooLow`).
	pub(crate) fn do_bond_extra(who: T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::BondTooLow);
		let mut p = Providers::<T>::get(&who).ok_or(Error::<T>::NotProvider)?;
		Self::hold_bond(&who, amount)?;
		p.bond = p.bond.saturating_add(amount);
		Providers::<T>::insert(&who, p);
		Self::deposit_event(Event::Bonded { who, amount });
		Ok(())
	}

	/// Starts unbonding `amount` (added to what is already unbonding; the period restarts).
	///
	/// # Errors
	/// `NotProvider`, `ProviderEngaged`, `BadUnbond` (zero, or more than the bonded part),
	/// `BondTooLow` (what stays bonded would be below the minimum while resources remain).
	pub(crate) fn do_unbond(who: T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		let mut p = Providers::<T>::get(&who).ok_or(Error::<T>::NotProvider)?;
		ensure!(p.engaged == 0, Error::<T>::ProviderEngaged);
		let unbonding = p.unbonding.map(|(a, _)| a).unwrap_or_default();
		let bonded = p.bonded();
		ensure!(!amount.is_zero() && amount <= bonded, Error::<T>::BadUnbond);
		let left = bonded.saturating_sub(amount);
		ensure!(p.resources == 0 || left >= Self::params().min_bond, Error::<T>::BondTooLow);
		let total = unbonding.saturating_add(amount);
		let until = frame_system::Pallet::<T>::block_number()
			.saturating_add(Self::params().unbonding_period);
		p.unbonding = Some((total, until));
		Providers::<T>::insert(&who, p);
		Self::deposit_event(Event::Unbonding { who, amount: total, until });
		Ok(())
	}

	/// Releases what finished unbonding; removes a provider left with nothing.
	///
	/// # Errors
	/// `NotProvider`, `ProviderEngaged` (a resource is rented, busy or disputed: the bond
	/// must answer for it), `AccountFrozen` / `AccountBlacklisted` (a sanctioned provider's
	/// bond stays held for the ruling that may slash it), `BadUnbond` (nothing unbonding),
	/// `StillUnbonding`.
	pub(crate) fn do_withdraw_unbonded(who: T::AccountId) -> DispatchResult {
		let mut p = Providers::<T>::get(&who).ok_or(Error::<T>::NotProvider)?;
		ensure!(p.engaged == 0, Error::<T>::ProviderEngaged);
		Self::ensure_good(&who)?;
		let (amount, until) = p.unbonding.ok_or(Error::<T>::BadUnbond)?;
		ensure!(frame_system::Pallet::<T>::block_number() >= until, Error::<T>::StillUnbonding);
		T::Currency::release(&HoldReason::Bond.into(), &who, amount, Precision::BestEffort)?;
		p.bond = p.bond.saturating_sub(amount);
		p.unbonding = None;
		let closed = p.bond.is_zero() && p.resources == 0;
		if closed {
			Providers::<T>::remove(&who);
		} else {
			Providers::<T>::insert(&who, p);
		}
		Self::deposit_event(Event::Withdrawn { who, amount, closed });
		Ok(())
	}

	/// Refuses an account the administrator froze or blacklisted: it may not enter new
	/// deals (become a provider, register, list, transfer or receive a resource, apply as a
	/// verifier) until the sanction is lifted.
	///
	/// # Errors
	/// `AccountFrozen`, `AccountBlacklisted`.
	pub(crate) fn ensure_good(who: &T::AccountId) -> Result<(), Error<T>> {
		T::Sanctions::standing(who)
			.ensure(Error::<T>::AccountFrozen, Error::<T>::AccountBlacklisted)
	}

	/// Whether `who` is a provider in good standing: bonded at least the minimum (not
	/// counting what is unbonding), not sanctioned by the administrator and not restricted
	/// by reputation.
	///
	/// # Errors
	/// `NotProvider`, `AccountFrozen`, `AccountBlacklisted`, `BondTooLow`, `ReputationTooLow`.
	pub(crate) fn ensure_good_provider(who: &T::AccountId) -> Result<ProviderOf<T>, Error<T>> {
		let p = Providers::<T>::get(who).ok_or(Error::<T>::NotProvider)?;
		Self::ensure_good(who)?;
		let unbonding = p.unbonding.map(|(a, _)| a).unwrap_or_default();
		ensure!(
			p.bond.saturating_sub(unbonding) >= Self::params().min_bond,
			Error::<T>::BondTooLow
		);
		ensure!(!T::Reputation::is_restricted(who), Error::<T>::ReputationTooLow);
		Ok(p)
	}

	/// Counts one engagement of `owner`'s resources more (`up`) or less.
	pub(crate) fn engage_provider(owner: &T::AccountId, up: bool) {
		Self::with_provider(owner, |p| {
			p.engaged = if up { p.engaged.saturating_add(1) } else { p.engaged.saturating_sub(1) };
		});
	}

	/// Changes the record of `owner`, if it is a provider.
	pub(crate) fn with_provider(owner: &T::AccountId, f: impl FnOnce(&mut ProviderOf<T>)) {
		Providers::<T>::mutate(owner, |p| p.as_mut().map(f));
	}

	/// Holds `amount` more of `who`'s balance under the bond reason.
	///
	/// # Errors
	/// `InsufficientBalance`.
	pub(crate) fn hold_bond(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		T::Currency::hold(&HoldReason::Bond.into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientBalance.into())
	}
}
