//! Ending leases: the per-block job queues worked through by `on_initialize`, settlement at
//! the end block, early termination, and the one routine that pays out an escrow.

use crate::{pallet::*, Job, Rating, WeightInfo, SPILL_BLOCKS};
use polkadot_sdk::{
	frame_support::{
		ensure,
		storage::with_storage_layer,
		traits::{fungible::MutateHold, tokens::Precision, Get},
		weights::Weight,
		BoundedVec,
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{
		helpers_128bit::multiply_by_rational_with_rounding,
		traits::{Saturating, UniqueSaturatedFrom, UniqueSaturatedInto, Zero},
		DispatchError, DispatchResult, Perbill, Rounding,
	},
};
use powerverse_primitives::{pay_held, LeaseId, Resources};

/// How a lease closes.
#[derive(Clone, Copy)]
pub enum Close<BlockNumber> {
	/// At this block (its end, or earlier when terminated): paid by the blocks used, each
	/// at its segment's price, less downtime credits.
	At(BlockNumber),
	/// By a ruling giving the provider this share of the escrow (the time used up to the
	/// freeze).
	Ruling(Perbill),
}

/// Most blocks `on_initialize` steps through in one go when it has fallen behind.
pub const MAX_STEPS: u32 = 64;

/// How many times a failed settlement looks for room in the queues an hour later, two
/// hours later, and so on, before it is left to [`Pallet::settle`].
pub const RETRY_HOURS: u32 = 24;

/// `amount × part / whole`, rounded down; `amount` when `whole` is zero.
pub fn prorate<B: UniqueSaturatedInto<u128> + UniqueSaturatedFrom<u128> + Copy>(
	amount: B,
	part: u32,
	whole: u32,
) -> B {
	if whole == 0 {
		return amount;
	}
	let a: u128 = amount.unique_saturated_into();
	let r =
		multiply_by_rational_with_rounding(a, part.min(whole).into(), whole.into(), Rounding::Down)
			.unwrap_or(a);
	B::unique_saturated_from(r)
}

impl<T: Config> Pallet<T> {
	/// Length of a lease in blocks.
	pub fn span(l: &LeaseOf<T>) -> u32 {
		l.end.saturating_sub(l.start).unique_saturated_into()
	}

	/// What the first `blocks` blocks of `lease` cost: each segment's blocks at its price,
	/// a segment used in part prorated and rounded down. All of a lease's blocks cost its
	/// escrow (before a freeze), exactly.
	pub fn cost_of_first(lease: &LeaseOf<T>, blocks: u32) -> BalanceOf<T> {
		let per_hour = T::BlocksPerHour::get().max(1);
		let (mut from, mut left) = (lease.start, blocks);
		let mut total = BalanceOf::<T>::zero();
		for segment in &lease.segments {
			if left == 0 {
				break;
			}
			let length: u32 = segment.end.saturating_sub(from).unique_saturated_into();
			let hours = length / per_hour;
			// Rent and extension checked `price × hours` against overflow.
			let whole = segment.price.saturating_mul(hours.into());
			let used = left.min(length);
			total = total.saturating_add(prorate(whole, used, length));
			left = left.saturating_sub(used);
			from = segment.end;
		}
		total
	}

	/// Queues `job` at block `at`, or at one of the next [`SPILL_BLOCKS`] blocks when that
	/// block's queue is full; returns the block used.
	///
	/// # Errors
	/// `DueFull` when all of them are full.
	pub(crate) fn queue(at: BlockNumberFor<T>, job: Job) -> Result<BlockNumberFor<T>, Error<T>> {
		let mut block = at;
		for _ in 0..SPILL_BLOCKS {
			if Due::<T>::try_mutate(block, |q| q.try_push(job)).is_ok() {
				return Ok(block);
			}
			block = block.saturating_add(1u32.into());
		}
		Err(Error::<T>::DueFull)
	}

	/// Removes `job` from the queue of block `at`, if it is there.
	pub(crate) fn unqueue(at: BlockNumberFor<T>, job: Job) {
		powerverse_primitives::unqueue::<Due<T>, _, _, _>(at, &job);
	}

	/// Works through the queues of the blocks up to `now`, at most `MaxDuePerInit` jobs and
	/// [`MAX_STEPS`] blocks; what is left waits for the next block.
	pub(crate) fn run_due(now: BlockNumberFor<T>) -> Weight {
		let mut cursor = Cursor::<T>::get().unwrap_or(now);
		let mut budget = T::MaxDuePerInit::get() as usize;
		let (mut steps, mut done) = (0u32, 0u32);
		while cursor <= now && steps < MAX_STEPS {
			steps.saturating_inc();
			let mut jobs = Due::<T>::take(cursor).into_inner();
			let rest = jobs.split_off(budget.min(jobs.len()));
			budget = budget.saturating_sub(jobs.len());
			for job in jobs {
				done.saturating_inc();
				Self::run_job(job, cursor);
			}
			if !rest.is_empty() {
				// Fewer than the bound were taken out, so the rest fits back.
				Due::<T>::insert(cursor, BoundedVec::truncate_from(rest));
				break;
			}
			cursor = cursor.saturating_add(1u32.into());
		}
		Cursor::<T>::put(cursor);
		T::DbWeight::get()
			.reads_writes(steps.saturating_add(1).into(), steps.saturating_add(1).into())
			.saturating_add(T::WeightInfo::settle_due().saturating_mul(done.into()))
	}

	/// Does one queued job of block `block` (already taken out of its queue); skips it when
	/// its lease is gone, frozen or has moved (none of which leaves a job behind).
	fn run_job(job: Job, block: BlockNumberFor<T>) {
		match job {
			Job::Settle(id) => {
				let Some(lease) = Leases::<T>::get(id) else { return };
				if lease.due != block || lease.frozen {
					return;
				}
				// Each settlement is all or nothing; one that fails is queued again.
				let end = lease.end;
				if let Err(e) = with_storage_layer(|| Self::finish(id, lease, Close::At(end))) {
					Self::defer(id, e);
				}
			},
			Job::Forget(id) => {
				if Ratings::<T>::get(id).is_some_and(|r| r.until < block) {
					Ratings::<T>::remove(id);
				}
			},
		}
	}

	/// Queues the settlement of lease `id`, which just failed with `error` in
	/// `on_initialize`, again an hour from now (or, when those queues are full, an hour
	/// later, up to [`RETRY_HOURS`] hours). The lease stays open meanwhile; anyone may
	/// [`Pallet::settle`] it. Only when every queue tried is full is the job dropped (and
	/// logged): `settle` is then the only way.
	fn defer(id: LeaseId, error: DispatchError) {
		let now = frame_system::Pallet::<T>::block_number();
		let hour: BlockNumberFor<T> = T::BlocksPerHour::get().max(1).into();
		let mut at = now;
		for _ in 0..RETRY_HOURS {
			at = at.saturating_add(hour);
			if let Ok(due) = Self::queue(at, Job::Settle(id)) {
				Leases::<T>::mutate(id, |lease| {
					if let Some(lease) = lease {
						lease.due = due;
					}
				});
				Self::deposit_event(Event::SettlementDeferred { lease: id, error, due });
				return;
			}
		}
		log::error!(target: "runtime::leases", "lease {id} not settled ({error:?}) nor requeued");
	}

	/// Settles a lease that has ended.
	///
	/// # Errors
	/// `UnknownLease`, `NotEnded`, `Frozen`, and failures to move the escrow.
	pub(crate) fn do_settle(id: LeaseId) -> DispatchResult {
		let lease = Leases::<T>::get(id).ok_or(Error::<T>::UnknownLease)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now >= lease.end, Error::<T>::NotEnded);
		ensure!(!lease.frozen, Error::<T>::Frozen);
		let end = lease.end;
		Self::finish(id, lease, Close::At(end))
	}

	/// Ends a running lease of `who` now.
	///
	/// # Errors
	/// `UnknownLease`, `NotTenant`, `Ended` (settle it instead), `Frozen`.
	pub(crate) fn do_terminate(who: T::AccountId, id: LeaseId) -> DispatchResult {
		let lease = Leases::<T>::get(id).ok_or(Error::<T>::UnknownLease)?;
		ensure!(lease.tenant == who, Error::<T>::NotTenant);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < lease.end, Error::<T>::Ended);
		ensure!(!lease.frozen, Error::<T>::Frozen);
		Self::deposit_event(Event::Terminated { lease: id, at: now });
		Self::finish(id, lease, Close::At(now))
	}

	/// Closes a lease: pays the provider its part of the escrow, refunds the rest to the
	/// tenant, frees the machine, removes its queued job, opens the ratings when the
	/// provider was paid something, and emits `Settled` or `Ruled`.
	///
	/// # Errors
	/// Failures to move the escrow; call it in a storage layer.
	pub(crate) fn finish(
		id: LeaseId,
		lease: LeaseOf<T>,
		how: Close<BlockNumberFor<T>>,
	) -> DispatchResult {
		let gross = match how {
			Close::At(at) => Self::earned(&lease, at),
			Close::Ruling(share) => share.mul_floor(lease.escrow),
		};
		let reason = HoldReason::Rent.into();
		let paid = pay_held::<_, T::Currency, T::Treasury>(
			&reason,
			&lease.tenant,
			&lease.provider,
			gross,
			&Self::fees(),
		)?;
		let refunded = lease.escrow.saturating_sub(gross);
		T::Currency::release(&reason, &lease.tenant, refunded, Precision::Exact)?;
		Self::stop(id, &lease)?;
		if !lease.frozen {
			// A frozen lease's job left the queue at the freeze.
			Self::unqueue(lease.due, Job::Settle(id));
		}
		Leases::<T>::remove(id);
		Tenancies::<T>::mutate_exists(&lease.tenant, |ids| {
			if let Some(list) = ids {
				list.retain(|l| *l != id);
				if list.is_empty() {
					*ids = None;
				}
			}
		});
		if !gross.is_zero() {
			Self::open_ratings(id, &lease, gross);
		}
		let (paid, burned, treasury) = (paid.net, paid.burned, paid.treasury);
		Self::deposit_event(match how {
			Close::At(_) => Event::Settled {
				lease: id,
				resource: lease.resource,
				paid,
				burned,
				treasury,
				refunded,
			},
			Close::Ruling(provider_share) => {
				Event::Ruled { lease: id, provider_share, paid, burned, treasury, refunded }
			},
		});
		Ok(())
	}

	/// Frees the machine of a lease if it is still rented under it.
	pub(crate) fn stop(id: LeaseId, lease: &LeaseOf<T>) -> DispatchResult {
		if Running::<T>::get(lease.resource) == Some(id) {
			Running::<T>::remove(lease.resource);
			T::Resources::release(lease.resource)?;
		}
		Ok(())
	}

	/// What the provider has earned by block `at`: the blocks used up to `at` (at most the
	/// lease's end) less the downtime credited, which is taken from the latest blocks used;
	/// each block at its segment's price ([`Self::cost_of_first`]).
	pub fn earned(lease: &LeaseOf<T>, at: BlockNumberFor<T>) -> BalanceOf<T> {
		let used: u32 = at.min(lease.end).saturating_sub(lease.start).unique_saturated_into();
		Self::cost_of_first(lease, used.saturating_sub(lease.credit))
	}

	/// Lets both sides rate each other for the rating window, each rating weighing by
	/// `paid`, what the lease paid its provider (fee included).
	fn open_ratings(id: LeaseId, lease: &LeaseOf<T>, paid: BalanceOf<T>) {
		let until =
			frame_system::Pallet::<T>::block_number().saturating_add(T::RatingWindow::get());
		// Cleaned up at the start of the block after the last one to rate. Without a queue
		// slot the record could never be cleaned up: no ratings then.
		let one: BlockNumberFor<T> = 1u32.into();
		if let Ok(at) = Self::queue(until.saturating_add(one), Job::Forget(id)) {
			let until = at.saturating_sub(one);
			Ratings::<T>::insert(
				id,
				Rating {
					tenant: lease.tenant.clone(),
					provider: lease.provider.clone(),
					paid,
					until,
					by_tenant: false,
					by_provider: false,
				},
			);
		}
	}
}
