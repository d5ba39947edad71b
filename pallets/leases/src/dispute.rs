//! Disputes and downtime: freezing a lease, settling it by ruling, and crediting downtime
//! reported by telemetry.
//!
//! A dispute stops the lease at the freeze: the machine is freed (and stays marked
//! disputed until the ruling, so nobody rents it meanwhile), what the provider has earned
//! by then (the blocks used less downtime credits, each at its price, as on early
//! termination) stays in escrow, and the unused rest goes back to the tenant at once. The
//! ruling splits only that time used.

use crate::{due::Close, pallet::*, Job};
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{fungible::MutateHold, tokens::Precision},
	},
	frame_system,
	sp_runtime::{traits::Saturating, DispatchError, DispatchResult, Perbill},
};
use powerverse_primitives::{
	Disputes, Downtime, Escrow, LeaseId, Reputation, ResourceId, Resources, Subject,
};

impl<T: Config> Pallet<T> {
	/// The tenant disputes a lease: its escrow is frozen and arbitration is told.
	///
	/// # Errors
	/// `UnknownLease`, `NotTenant`, `Frozen`, and arbitration's refusal.
	pub(crate) fn do_dispute(who: T::AccountId, id: LeaseId) -> DispatchResult {
		let lease = Leases::<T>::get(id).ok_or(Error::<T>::UnknownLease)?;
		ensure!(lease.tenant == who, Error::<T>::NotTenant);
		Self::do_freeze(id)?;
		T::Disputes::open(Subject::Lease(id), &lease.tenant, &lease.provider)
	}

	/// Freezes a lease: stops it now, keeps what the provider has earned so far in escrow
	/// for the ruling, refunds the rest to the tenant, takes its settlement job off the
	/// queue and marks its machine disputed.
	///
	/// # Errors
	/// `UnknownLease`, `Frozen`, and failures to release the refund or the machine.
	pub(crate) fn do_freeze(id: LeaseId) -> DispatchResult {
		let mut lease = Leases::<T>::get(id).ok_or(Error::<T>::UnknownLease)?;
		ensure!(!lease.frozen, Error::<T>::Frozen);
		let now = frame_system::Pallet::<T>::block_number();
		let disputed = Self::earned(&lease, now).min(lease.escrow);
		let refunded = lease.escrow.saturating_sub(disputed);
		T::Currency::release(&HoldReason::Rent.into(), &lease.tenant, refunded, Precision::Exact)?;
		Self::unqueue(lease.due, Job::Settle(id));
		Self::stop(id, &lease)?;
		T::Resources::set_disputed(lease.resource, true)?;
		lease.escrow = disputed;
		lease.frozen = true;
		Leases::<T>::insert(id, lease);
		Self::deposit_event(Event::Frozen { lease: id, at: now, disputed, refunded });
		Ok(())
	}

	/// Settles a frozen lease by ruling: the provider gets `share` of the time used up to the
	/// freeze (what is left in escrow), the tenant the rest. The party at fault loses
	/// reputation: the provider when it gets less than half, the tenant when the provider
	/// gets more than half.
	///
	/// # Errors
	/// `UnknownLease`, `NotFrozen`.
	pub(crate) fn do_rule(id: LeaseId, share: Perbill) -> DispatchResult {
		let lease = Leases::<T>::get(id).ok_or(Error::<T>::UnknownLease)?;
		ensure!(lease.frozen, Error::<T>::NotFrozen);
		let half = Perbill::from_percent(50);
		if share < half {
			T::Reputation::ruling(&lease.provider, true);
		} else if share > half {
			T::Reputation::ruling(&lease.tenant, true);
		}
		let resource = lease.resource;
		Self::finish(id, lease, Close::Ruling(share))?;
		T::Resources::set_disputed(resource, false)
	}
}

impl<T: Config> Escrow for Pallet<T> {
	fn freeze(subject: Subject) -> DispatchResult {
		match subject {
			Subject::Lease(id) => Self::do_freeze(id),
			Subject::Task(_) => Err(Error::<T>::UnknownLease.into()),
		}
	}

	fn rule(subject: Subject, provider_share: Perbill) -> DispatchResult {
		match subject {
			Subject::Lease(id) => Self::do_rule(id, provider_share),
			Subject::Task(_) => Err(Error::<T>::UnknownLease.into()),
		}
	}
}

impl<T: Config> Downtime for Pallet<T> {
	fn report(resource: ResourceId, blocks: u32) -> Result<u32, DispatchError> {
		let id = Running::<T>::get(resource).ok_or(Error::<T>::NotRented)?;
		let mut lease = Leases::<T>::get(id).ok_or(Error::<T>::UnknownLease)?;
		let total = lease.credit.saturating_add(blocks).min(Self::span(&lease));
		let credited = total.saturating_sub(lease.credit);
		lease.credit = total;
		Leases::<T>::insert(id, lease);
		Self::deposit_event(Event::DowntimeCredited { lease: id, blocks: credited, total });
		Ok(credited)
	}
}
