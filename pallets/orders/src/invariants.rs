//! Invariants checked after every test and by `try-runtime`.

use crate::{pallet::*, Job, Kind, Phase};
use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};
use polkadot_sdk::{
	frame_support::ensure,
	sp_runtime::{
		traits::{CheckedMul, Saturating, Zero},
		TryRuntimeError,
	},
};
use powerverse_primitives::{Resources, Status};

impl<T: Config> Pallet<T> {
	/// Checks that:
	/// - every order has an id below the next id and is in its consumer's index, and every
	///   index entry is an order of that consumer, once;
	/// - the due queues hold live jobs only, each once, none behind the cursor: every
	///   `Settle` entry is an order booked in that block and every booked order is there (a
	///   disputed task is booked nowhere); every `Forget` entry is a rating record whose
	///   window ends the block before, and every rating record has its entry;
	/// - a demand's budget is `max_price × hours`; a task's escrow is `reward ×` its open
	///   slots (k while open, its remaining workers afterwards);
	/// - each consumer holds under [`HoldReason::Demand`] the budgets of its demands and under
	///   [`HoldReason::Task`] the escrows of its tasks;
	/// - a task has at most k workers, one per provider and per resource, with distinct
	///   commitments; while open, a worker without a commitment has its resource busy and none
	///   has revealed; in the reveal every worker committed, and a revealed result is there
	///   only with a commitment; in review every worker revealed the agreed result, at least a
	///   quorum of them; in dispute every worker revealed, all the disputed result if any;
	/// - a rating record names at least one paid worker, each once, none the consumer, paid
	///   more than nothing, and not everybody has rated yet.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let next = NextOrderId::<T>::get();
		let cursor = DueCursor::<T>::get();
		let mut held: BTreeMap<T::AccountId, (BalanceOf<T>, BalanceOf<T>)> = BTreeMap::new();
		for (id, order) in Orders::<T>::iter() {
			ensure!(id < next, "order id beyond the next id");
			ensure!(
				OrdersOf::<T>::get(&order.consumer).contains(&id),
				"order not indexed under its consumer"
			);
			if let Some(at) = order.due {
				ensure!(
					Due::<T>::get(at).contains(&Job::Settle(id)),
					"order missing from its due queue"
				);
				ensure!(cursor.is_none_or(|c| at >= c), "order booked behind the cursor");
			}
			let sums = held.entry(order.consumer.clone()).or_default();
			match &order.kind {
				Kind::Demand(d) => {
					ensure!(
						d.max_price.checked_mul(&d.hours.into()) == Some(d.budget),
						"budget is not max_price × hours"
					);
					sums.0.saturating_accrue(d.budget);
				},
				Kind::Task(t) => {
					Self::check_task(t)?;
					if matches!(t.phase, Phase::Disputed { .. }) {
						ensure!(order.due.is_none(), "a disputed task is booked to fall due");
					}
					sums.1.saturating_accrue(t.escrow);
				},
			}
		}
		for (who, ids) in OrdersOf::<T>::iter() {
			ensure!(!ids.is_empty(), "empty index kept");
			for (i, id) in ids.iter().enumerate() {
				ensure!(!ids[..i].contains(id), "order indexed twice");
				ensure!(
					Orders::<T>::get(id).is_some_and(|o| o.consumer == who),
					"index points at no order of this consumer"
				);
			}
			let (demands, tasks) = held.remove(&who).unwrap_or_default();
			ensure!(Self::held(HoldReason::Demand, &who) == demands, "demand hold differs");
			ensure!(Self::held(HoldReason::Task, &who) == tasks, "task hold differs");
		}
		ensure!(held.is_empty(), "an order's consumer has no index");
		let mut jobs = BTreeSet::new();
		for (at, queue) in Due::<T>::iter() {
			ensure!(!queue.is_empty(), "empty due queue kept");
			ensure!(cursor.is_none_or(|c| at >= c), "a due queue left behind the cursor");
			for job in queue {
				ensure!(jobs.insert(job), "a job booked twice");
				match job {
					Job::Settle(id) => ensure!(
						Orders::<T>::get(id).is_some_and(|o| o.due == Some(at)),
						"a stale settle job in the due queue"
					),
					Job::Forget(id) => ensure!(
						TaskRatings::<T>::get(id)
							.is_some_and(|r| r.until.saturating_add(1u32.into()) == at),
						"a stale forget job in the due queue"
					),
				}
			}
		}
		for (id, record) in TaskRatings::<T>::iter() {
			ensure!(jobs.contains(&Job::Forget(id)), "a rating record nothing forgets");
			ensure!(!record.workers.is_empty(), "a rating record without workers");
			for (i, w) in record.workers.iter().enumerate() {
				ensure!(w.provider != record.consumer, "a consumer rating itself");
				ensure!(!w.paid.is_zero(), "a rating record for an unpaid worker");
				ensure!(
					!record.workers[..i].iter().any(|o| o.provider == w.provider),
					"a worker twice in a rating record"
				);
			}
			ensure!(
				!record.workers.iter().all(|w| w.by_consumer && w.by_worker),
				"a fully rated record kept"
			);
		}
		Ok(())
	}

	/// The invariants of one task (see [`Self::do_try_state`]).
	fn check_task(t: &crate::Task<T>) -> Result<(), TryRuntimeError> {
		let workers = t.workers.len() as u32;
		ensure!(workers <= t.spec.providers, "more workers than slots");
		for (i, w) in t.workers.iter().enumerate() {
			let before = &t.workers[..i];
			ensure!(!before.iter().any(|o| o.provider == w.provider), "provider with two slots");
			ensure!(!before.iter().any(|o| o.resource == w.resource), "machine with two slots");
			ensure!(
				w.commitment.is_none() || !before.iter().any(|o| o.commitment == w.commitment),
				"two equal commitments"
			);
			ensure!(w.result.is_none() || w.commitment.is_some(), "a reveal without commitment");
		}
		let slots = match t.phase {
			Phase::Open => t.spec.providers,
			_ => workers,
		};
		ensure!(
			t.spec.reward.checked_mul(&slots.into()) == Some(t.escrow),
			"escrow is not reward × open slots"
		);
		let revealed = |h: Option<_>| {
			t.workers
				.iter()
				.all(|w| w.result.as_ref().is_some_and(|s| h.is_none_or(|h| s.hash == h)))
		};
		match t.phase {
			Phase::Open => {
				ensure!(t.workers.iter().all(|w| w.result.is_none()), "a reveal while open");
				for w in t.workers.iter().filter(|w| w.commitment.is_none()) {
					ensure!(
						T::Resources::facts(w.resource).is_some_and(|f| f.status == Status::Busy),
						"a working worker's resource is not busy"
					);
				}
			},
			Phase::Reveal { .. } => {
				ensure!(workers > 0, "a reveal without workers");
				ensure!(
					t.workers.iter().all(|w| w.commitment.is_some()),
					"an uncommitted worker in the reveal"
				);
			},
			Phase::Review { result, .. } => {
				ensure!(workers >= Self::quorum(t.spec.providers), "a review short of the quorum");
				ensure!(revealed(Some(result)), "a reviewed task keeps a worker off the result");
			},
			Phase::Disputed { result } => {
				ensure!(workers > 0, "a dispute without workers");
				ensure!(revealed(result), "a disputed task keeps a worker off its result");
			},
		}
		Ok(())
	}
}
