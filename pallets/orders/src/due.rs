//! The due queue: every expiry, deadline, reveal end and review end is booked in [`Due`]
//! under the block it falls in (or one of the next [`DUE_SLACK`] blocks when that queue is
//! full), and so is the end of every rating window; an order that ends or moves on is
//! unbooked at once, so the queues hold live jobs only and cannot be filled by cancelled
//! orders. `on_initialize` does the jobs from [`DueCursor`] up to the current block, at most
//! [`Config::MaxDuePerInit`] per block, and carries the rest over; [`Pallet::close`] lets
//! anyone settle an order that is due. A settlement that fails is undone and booked again an
//! hour later: it is never dropped.

use crate::{pallet::*, Job, Kind, Order, Phase, WeightInfo};
use polkadot_sdk::{
	frame_support::{
		dispatch::DispatchResultWithPostInfo, ensure, storage::with_storage_layer, traits::Get,
		weights::Weight,
	},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_runtime::{traits::Saturating, DispatchResult},
};
use powerverse_primitives::OrderId;

/// Blocks tried, from the wanted one, when booking a job in the due queue.
pub const DUE_SLACK: u32 = 8;

impl<T: Config> Pallet<T> {
	/// The first block from `wanted` (trying [`DUE_SLACK`] blocks) whose due queue has room.
	pub(crate) fn find_due(wanted: BlockNumberFor<T>) -> Option<BlockNumberFor<T>> {
		let mut at = wanted;
		for _ in 0..DUE_SLACK {
			if (Due::<T>::decode_len(at).unwrap_or(0) as u32) < T::MaxDuePerBlock::get() {
				return Some(at);
			}
			at = at.saturating_add(1u32.into());
		}
		None
	}

	/// Books `job` in the first due queue with room from `wanted`, returning its block.
	pub(crate) fn book(job: Job, wanted: BlockNumberFor<T>) -> Option<BlockNumberFor<T>> {
		Self::find_due(wanted).filter(|at| Due::<T>::try_mutate(at, |q| q.try_push(job)).is_ok())
	}

	/// Removes `job` from the due queue of `at`, if it is there; an emptied queue is removed.
	pub(crate) fn unbook(job: Job, at: Option<BlockNumberFor<T>>) {
		if let Some(at) = at {
			powerverse_primitives::unqueue::<Due<T>, _, _, _>(at, &job);
		}
	}

	/// Moves order `id`'s due entry to the first queue with room from `wanted` (`None`:
	/// unbooks it), updating `order.due`; when no queue has room the order is left for
	/// `close` and `Unscheduled` says so.
	pub(crate) fn reschedule(id: OrderId, order: &mut Order<T>, wanted: Option<BlockNumberFor<T>>) {
		Self::unbook(Job::Settle(id), order.due);
		order.due = wanted.and_then(|w| {
			let booked = Self::book(Job::Settle(id), w);
			if booked.is_none() {
				Self::deposit_event(Event::Unscheduled { order: id, due: w });
			}
			booked
		});
	}

	/// Does the jobs due up to `now`, from the cursor on: at most `MaxDuePerInit` jobs, and
	/// as many queues read; what is left stays for the next block.
	pub(crate) fn process_due(now: BlockNumberFor<T>) -> Weight {
		let db = T::DbWeight::get();
		let mut weight = db.reads_writes(1, 1);
		let budget = T::MaxDuePerInit::get();
		let mut cursor = DueCursor::<T>::get().unwrap_or(now);
		let (mut done, mut queues) = (0u32, 0u32);
		while cursor <= now && done < budget && queues < budget {
			queues.saturating_inc();
			weight.saturating_accrue(db.reads_writes(1, 1));
			// Taken out while its jobs run: nothing they do books into a block not after `now`.
			let mut queue = Due::<T>::take(cursor).into_inner();
			let room = budget.saturating_sub(done) as usize;
			let rest = queue.split_off(room.min(queue.len()));
			for job in queue {
				done.saturating_inc();
				weight.saturating_accrue(Self::run_job(job, cursor, now));
			}
			if !rest.is_empty() {
				// Fewer than were there: always fits.
				Due::<T>::insert(cursor, crate::DueQueue::<T>::truncate_from(rest));
				break;
			}
			cursor.saturating_inc();
		}
		DueCursor::<T>::put(cursor);
		weight
	}

	/// Does one job of the queue of block `at`. A settlement that fails (which the books
	/// should make impossible) is undone and booked again an hour after `now`.
	fn run_job(job: Job, at: BlockNumberFor<T>, now: BlockNumberFor<T>) -> Weight {
		let id = match job {
			Job::Settle(id) => id,
			Job::Forget(id) => {
				Self::forget_ratings(id, at);
				return T::DbWeight::get().reads_writes(1, 1);
			},
		};
		let Some(order) = Orders::<T>::get(id).filter(|o| o.due == Some(at)) else {
			return T::DbWeight::get().reads(1);
		};
		let k = Self::workers(&order);
		if let Err(e) = with_storage_layer(|| Self::settle(id, order)) {
			log::error!(target: crate::LOG_TARGET, "settling order {id}: {e:?}");
			let wanted = now.saturating_add(T::BlocksPerHour::get().into());
			let retry = Self::book(Job::Settle(id), wanted);
			Orders::<T>::mutate(id, |o| {
				if let Some(o) = o {
					o.due = retry;
				}
			});
			Self::deposit_event(Event::SettleFailed { order: id, retry });
		}
		T::WeightInfo::process_due(k)
	}

	/// Workers an order has (at least 1: the weights' smallest case).
	pub(crate) fn workers(order: &Order<T>) -> u32 {
		match &order.kind {
			Kind::Demand(_) => 1,
			Kind::Task(t) => (t.workers.len() as u32).max(1),
		}
	}

	/// Does what is due for an order: refunds an expired demand, ends a task's commit phase
	/// at its deadline or its reveal, accepts a result whose review window is over.
	///
	/// # Errors
	/// `NotDue` for a disputed task; the books' or payments' errors.
	fn settle(id: OrderId, order: Order<T>) -> DispatchResult {
		match &order.kind {
			Kind::Demand(d) => Self::expire_demand(id, &order, d.budget),
			Kind::Task(t) => match t.phase {
				Phase::Open => Self::end_at_deadline(id, order),
				Phase::Reveal { .. } => Self::decide(id, order),
				Phase::Review { result, .. } => {
					Self::complete(id, order, result, crate::Acceptance::Silence)
				},
				Phase::Disputed { .. } => Err(Error::<T>::NotDue.into()),
			},
		}
	}

	/// Anyone settles an order that is due.
	///
	/// # Errors
	/// `UnknownOrder`, `NotDue`, the books' or payments' errors.
	pub(crate) fn do_close(id: OrderId) -> DispatchResultWithPostInfo {
		let order = Orders::<T>::get(id).ok_or(Error::<T>::UnknownOrder)?;
		let due = order.due_at().ok_or(Error::<T>::NotDue)?;
		ensure!(Self::now() >= due, Error::<T>::NotDue);
		let k = Self::workers(&order);
		Self::settle(id, order)?;
		Ok(Some(T::WeightInfo::close(k)).into())
	}
}
