//! What demands and tasks share: posting into the index, the consumer's hold, the
//! resource check, cancelling, removal and the read-only views.

use crate::{pallet::*, Job, Kind, Order, Phase};
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{
			fungible::{InspectHold, MutateHold},
			tokens::Precision,
			Get,
		},
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{
		traits::{Saturating, Zero},
		DispatchError, DispatchResult,
	},
};
use powerverse_primitives::{
	Filter, OrderId, Reputation, ResourceFacts, ResourceId, Resources, Sanctions, Status,
};

/// Facts about a resource of this runtime.
pub(crate) type FactsOf<T> =
	ResourceFacts<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

impl<T: Config> Pallet<T> {
	/// The open order `id`, if any.
	pub fn order(id: OrderId) -> Option<Order<T>> {
		Orders::<T>::get(id)
	}

	/// The open orders of `who`, oldest first.
	pub fn orders_of(who: &T::AccountId) -> Vec<(OrderId, Order<T>)> {
		OrdersOf::<T>::get(who)
			.into_iter()
			.filter_map(|id| Orders::<T>::get(id).map(|o| (id, o)))
			.collect()
	}

	/// The current block.
	pub(crate) fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// Refuses an account the administrator froze or blacklisted: it may not enter a new
	/// deal, as consumer or as provider.
	///
	/// # Errors
	/// `AccountFrozen`, `AccountBlacklisted`.
	pub(crate) fn ensure_good(who: &T::AccountId) -> Result<(), Error<T>> {
		T::Sanctions::standing(who)
			.ensure(Error::<T>::AccountFrozen, Error::<T>::AccountBlacklisted)
	}

	/// Checks that `who` may post, fill or take orders: not sanctioned by the administrator,
	/// not restricted by reputation.
	///
	/// # Errors
	/// `AccountFrozen`, `AccountBlacklisted`; `Restricted` when `who`'s reputation is below
	/// the governance threshold.
	pub(crate) fn ensure_unrestricted(who: &T::AccountId) -> Result<(), Error<T>> {
		Self::ensure_good(who)?;
		ensure!(!T::Reputation::is_restricted(who), Error::<T>::Restricted);
		Ok(())
	}

	/// Checks an expiry or deadline.
	///
	/// # Errors
	/// `BadExpiry` unless `at` is after now and at most `MaxLifetime` ahead.
	pub(crate) fn ensure_lifetime(at: BlockNumberFor<T>) -> Result<(), Error<T>> {
		let now = Self::now();
		ensure!(at > now && at <= now.saturating_add(T::MaxLifetime::get()), Error::<T>::BadExpiry);
		Ok(())
	}

	/// A listed resource of `who` that meets `filter` at `price` (its price now when `None`).
	///
	/// # Errors
	/// `UnknownResource`, `NotOwner`, `NotListed` (also when disputed), `Unsuitable`.
	pub(crate) fn suitable(
		who: &T::AccountId,
		resource: ResourceId,
		filter: &Filter<BalanceOf<T>>,
		price: Option<BalanceOf<T>>,
	) -> Result<FactsOf<T>, Error<T>> {
		let facts = T::Resources::facts(resource).ok_or(Error::<T>::UnknownResource)?;
		ensure!(&facts.owner == who, Error::<T>::NotOwner);
		ensure!(facts.status == Status::Listed && !facts.disputed, Error::<T>::NotListed);
		let price = price.unwrap_or(facts.price);
		let reputation = T::Reputation::reputation(&facts.owner);
		ensure!(
			filter.meets_specs(&facts.specs, &facts.region, facts.tier)
				&& filter.meets_terms(&price, facts.score, reputation),
			Error::<T>::Unsuitable
		);
		Ok(facts)
	}

	/// Stores a new order of `order.consumer`, holding `amount` under `reason` and booking
	/// it in the due queue of `due` (or the next block with room). Writes only once every
	/// check passed.
	///
	/// # Errors
	/// `TooManyOrders`, `Overflow` (ids), `DueFull`, `InsufficientBalance`.
	pub(crate) fn open_order(
		mut order: Order<T>,
		reason: HoldReason,
		amount: BalanceOf<T>,
		due: BlockNumberFor<T>,
	) -> Result<OrderId, DispatchError> {
		let mut index = OrdersOf::<T>::get(&order.consumer);
		let id = NextOrderId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		index.try_push(id).map_err(|_| Error::<T>::TooManyOrders)?;
		let at = Self::find_due(due).ok_or(Error::<T>::DueFull)?;
		T::Currency::hold(&reason.into(), &order.consumer, amount)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		Due::<T>::try_mutate(at, |q| q.try_push(Job::Settle(id)))
			.map_err(|_| Error::<T>::DueFull)?;
		order.due = Some(at);
		NextOrderId::<T>::put(next);
		OrdersOf::<T>::insert(&order.consumer, index);
		Orders::<T>::insert(id, order);
		Ok(id)
	}

	/// Removes an order, its due entry and its index entry.
	pub(crate) fn remove_order(id: OrderId, order: &Order<T>) {
		Orders::<T>::remove(id);
		Self::unbook(Job::Settle(id), order.due);
		OrdersOf::<T>::mutate_exists(&order.consumer, |index| {
			if let Some(ids) = index {
				ids.retain(|o| *o != id);
				if ids.is_empty() {
					*index = None;
				}
			}
		});
	}

	/// Releases `amount` of `who`'s hold under `reason`.
	///
	/// # Errors
	/// When less is held: the books and the holds disagree.
	pub(crate) fn release(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if !amount.is_zero() {
			T::Currency::release(&reason.into(), who, amount, Precision::Exact)?;
		}
		Ok(())
	}

	/// What `who` has held under `reason`.
	pub fn held(reason: HoldReason, who: &T::AccountId) -> BalanceOf<T> {
		T::Currency::balance_on_hold(&reason.into(), who)
	}

	/// Cancels an order of `who`: a demand, or a task no provider has taken a slot of; its
	/// due entry goes with it.
	///
	/// # Errors
	/// `UnknownOrder`, `NotConsumer`, `Started` (a slot is taken).
	pub(crate) fn do_cancel(who: T::AccountId, id: OrderId) -> DispatchResult {
		let order = Orders::<T>::get(id).ok_or(Error::<T>::UnknownOrder)?;
		ensure!(order.consumer == who, Error::<T>::NotConsumer);
		let reason = match &order.kind {
			Kind::Demand(_) => HoldReason::Demand,
			Kind::Task(t) => {
				ensure!(t.workers.is_empty() && t.phase == Phase::Open, Error::<T>::Started);
				HoldReason::Task
			},
		};
		let refund = order.held();
		Self::release(reason, &who, refund)?;
		Self::remove_order(id, &order);
		Self::deposit_event(Event::Cancelled { order: id, refund });
		Ok(())
	}
}
