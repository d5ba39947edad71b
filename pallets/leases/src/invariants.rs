//! Invariants checked after every test and by `try-runtime`.

use crate::{pallet::*, Job};
use alloc::collections::btree_map::BTreeMap;
use polkadot_sdk::{
	frame_support::{ensure, traits::fungible::InspectHold},
	sp_runtime::{traits::Saturating, TryRuntimeError},
};
use powerverse_primitives::{Resources, Status};

impl<T: Config> Pallet<T> {
	/// Checks that:
	/// - what each tenant has held under [`HoldReason::Rent`] equals the escrows of its open
	///   leases, and each open lease is in its tenant's list (and only those);
	/// - every running lease's machine is rented, and `Running` points only at leases of
	///   that machine;
	/// - every lease that is not frozen is queued for settlement at its due block, which is
	///   no earlier than its end;
	/// - no lease is both settled (open for ratings) and open.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut count = 0u32;
		for (id, l) in Leases::<T>::iter() {
			count.saturating_inc();
			ensure!(id < NextLeaseId::<T>::get(), "lease id beyond the next id");
			let e = held.entry(l.tenant.clone()).or_default();
			*e = e.saturating_add(l.escrow);
			ensure!(Tenancies::<T>::get(&l.tenant).contains(&id), "lease not in its tenant's list");
			ensure!(
				l.start < l.end && l.due >= l.end,
				"lease ends before it starts or is due early"
			);
			ensure!(l.credit <= Self::span(&l), "more downtime credited than the lease lasts");
			if !l.frozen {
				ensure!(Due::<T>::get(l.due).contains(&Job::Settle(id)), "lease not queued");
			}
			ensure!(!Ratings::<T>::contains_key(id), "a lease is both open and settled");
		}
		ensure!(count == Leases::<T>::count(), "lease counter is off");
		for (resource, id) in Running::<T>::iter() {
			let l = Leases::<T>::get(id).ok_or("a machine runs under no lease")?;
			ensure!(l.resource == resource, "running lease of another machine");
			let facts = T::Resources::facts(resource).ok_or("a rented machine does not exist")?;
			ensure!(facts.status == Status::Rented, "a running lease's machine is not rented");
		}
		for (tenant, ids) in Tenancies::<T>::iter() {
			for id in ids {
				ensure!(
					Leases::<T>::get(id).is_some_and(|l| l.tenant == tenant),
					"tenant list names a lease of someone else"
				);
			}
			let expected = held.remove(&tenant).unwrap_or_default();
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Rent.into(), &tenant) == expected,
				"rent held differs from the tenant's escrows"
			);
		}
		ensure!(held.is_empty(), "a lease's tenant has no list");
		Ok(())
	}
}
