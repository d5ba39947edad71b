//! Invariants checked after every test and by `try-runtime`.

use crate::{pallet::*, Job};
use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{fungible::InspectHold, Get},
	},
	sp_runtime::{
		traits::{Saturating, UniqueSaturatedInto, Zero},
		TryRuntimeError,
	},
};
use powerverse_primitives::{Resources, Status};

impl<T: Config> Pallet<T> {
	/// Checks that:
	/// - what each tenant has held under [`HoldReason::Rent`] equals the escrows of its open
	///   leases, and each open lease is in its tenant's list (and only those);
	/// - every lease's segments run from its start to its end in whole hours, the last at
	///   its `price`, and (unless frozen) cost exactly its escrow;
	/// - every running lease's machine is rented, `Running` points only at leases of that
	///   machine, and never at a frozen lease;
	/// - every lease that is not frozen is queued for settlement exactly once, at its due
	///   block, which is no earlier than its end; a frozen lease is not queued;
	/// - every queued job is live: a settlement of an open lease at its due block, or the
	///   closing of an open rating window at the block after its last;
	/// - no lease is both settled (open for ratings) and open, and every rating record
	///   weighs a payment.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut settles: BTreeSet<u64> = BTreeSet::new();
		let mut forgets: BTreeSet<u64> = BTreeSet::new();
		for (block, jobs) in Due::<T>::iter() {
			for job in jobs {
				match job {
					Job::Settle(id) => {
						let l = Leases::<T>::get(id).ok_or("a settlement queued for no lease")?;
						ensure!(!l.frozen, "a frozen lease is queued");
						ensure!(l.due == block, "a settlement queued off its due block");
						ensure!(settles.insert(id), "a lease is queued twice");
					},
					Job::Forget(id) => {
						let r = Ratings::<T>::get(id).ok_or("a window closing for no rating")?;
						ensure!(
							r.until.saturating_add(1u32.into()) == block,
							"a rating window closes off its block"
						);
						ensure!(forgets.insert(id), "a rating window closes twice");
					},
				}
			}
		}
		let per_hour = T::BlocksPerHour::get().max(1);
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
			let (mut from, mut cost) = (l.start, BalanceOf::<T>::zero());
			for s in &l.segments {
				let length: u32 = s.end.saturating_sub(from).unique_saturated_into();
				ensure!(
					s.end > from && length.is_multiple_of(per_hour),
					"a segment is empty or not whole hours"
				);
				cost = cost.saturating_add(s.price.saturating_mul((length / per_hour).into()));
				from = s.end;
			}
			ensure!(from == l.end, "the segments do not end with the lease");
			ensure!(
				l.segments.last().is_some_and(|s| s.price == l.price),
				"the lease's price is not its last segment's"
			);
			if l.frozen {
				ensure!(!settles.contains(&id), "a frozen lease is queued");
				ensure!(l.escrow <= cost, "more in dispute than the lease cost");
			} else {
				ensure!(settles.contains(&id), "lease not queued");
				ensure!(l.escrow == cost, "escrow differs from the segments' cost");
			}
			ensure!(!Ratings::<T>::contains_key(id), "a lease is both open and settled");
		}
		ensure!(count == Leases::<T>::count(), "lease counter is off");
		for (id, r) in Ratings::<T>::iter() {
			ensure!(!r.paid.is_zero(), "a rating of a lease that paid nothing");
			ensure!(forgets.contains(&id), "a rating window that never closes");
		}
		for (resource, id) in Running::<T>::iter() {
			let l = Leases::<T>::get(id).ok_or("a machine runs under no lease")?;
			ensure!(l.resource == resource, "running lease of another machine");
			ensure!(!l.frozen, "a frozen lease still runs");
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
