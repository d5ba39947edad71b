//! Renting: opening a lease with the rent held in escrow, and extending it. The rent and
//! each extension at another price are kept as segments, so every block keeps the price it
//! was bought at.

use crate::{pallet::*, Job, Lease, Segment, WeightInfo};
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{fungible::MutateHold, Get},
		weights::Weight,
		BoundedVec,
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{
		traits::{CheckedMul, Saturating},
		DispatchError, DispatchResult,
	},
};
use powerverse_primitives::{
	LeaseId, Leasing, Reputation, ResourceId, Resources, Sanctions, Status,
};

impl<T: Config> Pallet<T> {
	/// The blocks in `hours`, or `BadHours` when out of range.
	pub(crate) fn blocks_of(hours: u32) -> Result<BlockNumberFor<T>, Error<T>> {
		ensure!(hours > 0 && hours <= T::MaxHours::get(), Error::<T>::BadHours);
		hours.checked_mul(T::BlocksPerHour::get()).map(Into::into).ok_or(Error::<T>::Overflow)
	}

	/// Refuses an account the administrator froze or blacklisted: as tenant or as provider,
	/// it may not enter a new rental or extend one.
	///
	/// # Errors
	/// `AccountFrozen`, `AccountBlacklisted`.
	pub(crate) fn ensure_good(who: &T::AccountId) -> Result<(), Error<T>> {
		T::Sanctions::standing(who)
			.ensure(Error::<T>::AccountFrozen, Error::<T>::AccountBlacklisted)
	}

	/// Rents `id` for `who` if its price now is at most `max_price` per hour.
	///
	/// # Errors
	/// `UnknownResource`, `PriceTooHigh`, and those of [`Self::do_open`].
	pub(crate) fn do_rent(
		who: T::AccountId,
		id: ResourceId,
		hours: u32,
		max_price: BalanceOf<T>,
	) -> Result<LeaseId, DispatchError> {
		let facts = T::Resources::facts(id).ok_or(Error::<T>::UnknownResource)?;
		ensure!(facts.price <= max_price, Error::<T>::PriceTooHigh);
		Self::do_open(who, id, hours, facts.price)
	}

	/// Opens a lease of `id` for `who`, `hours` from now at `price` per hour: holds the
	/// rent, marks the resource rented and queues the settlement.
	///
	/// # Errors
	/// `AccountFrozen` / `AccountBlacklisted` (of the tenant, then of the provider),
	/// `ReputationTooLow`, `BadHours`, `UnknownResource`, `NotListed` (also when disputed),
	/// `OwnResource`, `OutsideWindow`, `Overflow`, `TooManyLeases`, `InsufficientBalance`,
	/// `DueFull`.
	pub(crate) fn do_open(
		who: T::AccountId,
		id: ResourceId,
		hours: u32,
		price: BalanceOf<T>,
	) -> Result<LeaseId, DispatchError> {
		Self::ensure_good(&who)?;
		ensure!(!T::Reputation::is_restricted(&who), Error::<T>::ReputationTooLow);
		let length = Self::blocks_of(hours)?;
		let facts = T::Resources::facts(id).ok_or(Error::<T>::UnknownResource)?;
		// A sanctioned provider's machines stay listed while frozen: refused here.
		Self::ensure_good(&facts.owner)?;
		ensure!(facts.status == Status::Listed && !facts.disputed, Error::<T>::NotListed);
		ensure!(facts.owner != who, Error::<T>::OwnResource);
		let start = frame_system::Pallet::<T>::block_number();
		let end = start.saturating_add(length);
		ensure!(facts.window.covers(start, end), Error::<T>::OutsideWindow);
		let escrow = price.checked_mul(&hours.into()).ok_or(Error::<T>::Overflow)?;
		let lease_id = NextLeaseId::<T>::get();
		let next = lease_id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let mut tenancies = Tenancies::<T>::get(&who);
		tenancies.try_push(lease_id).map_err(|_| Error::<T>::TooManyLeases)?;
		T::Currency::hold(&HoldReason::Rent.into(), &who, escrow)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		let segments = BoundedVec::try_from(alloc::vec![Segment { end, price }])
			.map_err(|_| Error::<T>::TooManySegments)?;
		let due = Self::queue(end, Job::Settle(lease_id))?;
		T::Resources::engage(id, &who, false)?;
		NextLeaseId::<T>::put(next);
		Tenancies::<T>::insert(&who, tenancies);
		Running::<T>::insert(id, lease_id);
		let lease = Lease {
			tenant: who.clone(),
			provider: facts.owner.clone(),
			resource: id,
			price,
			start,
			end,
			segments,
			escrow,
			credit: 0,
			frozen: false,
			due,
		};
		Leases::<T>::insert(lease_id, lease);
		Self::deposit_event(Event::Rented {
			lease: lease_id,
			tenant: who,
			provider: facts.owner,
			resource: id,
			price,
			start,
			end,
			escrow,
		});
		Ok(lease_id)
	}

	/// Adds `hours` at the price now to a running lease of `who`: a new segment at that
	/// price, or a longer last segment when its price is the same. The settlement job moves
	/// to the new end.
	///
	/// # Errors
	/// `UnknownLease`, `NotTenant`, `AccountFrozen` / `AccountBlacklisted` (of the tenant,
	/// then of the provider), `Ended`, `Frozen`, `BadHours`, `UnknownResource`,
	/// `PriceTooHigh`, `OutsideWindow`, `Overflow`, `TooManySegments`, `InsufficientBalance`,
	/// `DueFull`.
	pub(crate) fn do_extend(
		who: T::AccountId,
		id: LeaseId,
		hours: u32,
		max_price: BalanceOf<T>,
	) -> DispatchResult {
		let mut lease = Leases::<T>::get(id).ok_or(Error::<T>::UnknownLease)?;
		ensure!(lease.tenant == who, Error::<T>::NotTenant);
		Self::ensure_good(&who)?;
		Self::ensure_good(&lease.provider)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < lease.end, Error::<T>::Ended);
		ensure!(!lease.frozen, Error::<T>::Frozen);
		let more = Self::blocks_of(hours)?;
		// The lease as a whole may not outgrow the longest lease either.
		let had = Self::span(&lease).checked_div(T::BlocksPerHour::get()).unwrap_or(0);
		ensure!(had.saturating_add(hours) <= T::MaxHours::get(), Error::<T>::BadHours);
		let facts = T::Resources::facts(lease.resource).ok_or(Error::<T>::UnknownResource)?;
		ensure!(facts.price <= max_price, Error::<T>::PriceTooHigh);
		let end = lease.end.saturating_add(more);
		ensure!(facts.window.covers(lease.start, end), Error::<T>::OutsideWindow);
		let added = facts.price.checked_mul(&hours.into()).ok_or(Error::<T>::Overflow)?;
		match lease.segments.last_mut() {
			Some(last) if last.price == facts.price => last.end = end,
			_ => lease
				.segments
				.try_push(Segment { end, price: facts.price })
				.map_err(|_| Error::<T>::TooManySegments)?,
		}
		T::Currency::hold(&HoldReason::Rent.into(), &who, added)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		// The job at the old end goes; its slot may be one the new end can use.
		Self::unqueue(lease.due, Job::Settle(id));
		lease.due = Self::queue(end, Job::Settle(id))?;
		lease.end = end;
		lease.escrow = lease.escrow.saturating_add(added);
		lease.price = facts.price;
		Leases::<T>::insert(id, lease);
		Self::deposit_event(Event::Extended { lease: id, hours, price: facts.price, end, added });
		Ok(())
	}
}

impl<T: Config> Leasing<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn open(
		tenant: &T::AccountId,
		resource: ResourceId,
		hours: u32,
		price: BalanceOf<T>,
	) -> Result<LeaseId, DispatchError> {
		Self::do_open(tenant.clone(), resource, hours, price)
	}

	fn max_hours() -> u32 {
		T::MaxHours::get()
	}

	fn open_weight() -> Weight {
		T::WeightInfo::rent()
	}
}
