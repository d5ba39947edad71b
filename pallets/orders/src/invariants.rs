//! Invariants checked after every test and by `try-runtime`.

use crate::{pallet::*, Kind, Phase};
use alloc::collections::btree_map::BTreeMap;
use polkadot_sdk::{
	frame_support::ensure,
	sp_runtime::{
		traits::{CheckedMul, Saturating},
		TryRuntimeError,
	},
};
use powerverse_primitives::{Resources, Status};

impl<T: Config> Pallet<T> {
	/// Checks that:
	/// - every order has an id below the next id and is in its consumer's index, and every
	///   index entry is an order of that consumer, once;
	/// - every order booked in a due queue is in that queue, at or after the cursor, and no
	///   queue is left behind the cursor; a disputed task is booked nowhere;
	/// - a demand's budget is `max_price × hours`; a task's escrow is `reward ×` its open
	///   slots (k while open, the majority's workers after the decision);
	/// - each consumer holds under [`HoldReason::Demand`] the budgets of its demands and under
	///   [`HoldReason::Task`] the escrows of its tasks;
	/// - a task has at most k workers, one per provider; while open, every worker without a
	///   result has its resource busy; after the decision every worker has the result.
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
				ensure!(Due::<T>::get(at).contains(&id), "order missing from its due queue");
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
					let workers = t.workers.len() as u32;
					ensure!(workers <= t.spec.providers, "more workers than slots");
					for (i, w) in t.workers.iter().enumerate() {
						ensure!(
							!t.workers[..i].iter().any(|o| o.provider == w.provider),
							"provider with two slots"
						);
					}
					let slots = match t.phase {
						Phase::Open => t.spec.providers,
						_ => workers,
					};
					ensure!(
						t.spec.reward.checked_mul(&slots.into()) == Some(t.escrow),
						"escrow is not reward × open slots"
					);
					match t.phase {
						Phase::Open => {
							for w in t.workers.iter().filter(|w| w.result.is_none()) {
								ensure!(
									T::Resources::facts(w.resource)
										.is_some_and(|f| f.status == Status::Busy),
									"a working worker's resource is not busy"
								);
							}
						},
						Phase::Review { result, .. } | Phase::Disputed { result } => {
							ensure!(workers > 0, "a decided task without workers");
							ensure!(
								t.workers
									.iter()
									.all(|w| w.result.as_ref().is_some_and(|s| s.hash == result)),
								"a decided task keeps a worker off the majority"
							);
						},
					}
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
		if let Some(c) = cursor {
			for at in Due::<T>::iter_keys() {
				ensure!(at >= c, "a due queue left behind the cursor");
			}
		}
		Ok(())
	}
}
