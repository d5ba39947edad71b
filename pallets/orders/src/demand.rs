//! Lease-type demands: posted with a held budget, filled by a provider (which opens a lease
//! through [`Config::Leasing`]), cancelled by the consumer, refunded at expiry.

use crate::{pallet::*, Demand, Kind, Order};
use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_runtime::{
		traits::{CheckedMul, Zero},
		DispatchResult,
	},
};
use powerverse_primitives::{Filter, Leasing, OrderId, ResourceId};

impl<T: Config> Pallet<T> {
	/// Posts a demand of `who` and holds its budget, `max_price × hours`.
	///
	/// # Errors
	/// `AccountFrozen`, `AccountBlacklisted`, `Restricted`, `BadHours` (zero, longer than
	/// [`Leasing::max_hours`], or overflowing in blocks), `BadPrice` (zero), `Overflow`
	/// (budget or ids), `BadExpiry`, `TooManyOrders`, `DueFull`, `InsufficientBalance`.
	pub(crate) fn do_post_demand(
		who: T::AccountId,
		requirements: Filter<BalanceOf<T>>,
		hours: u32,
		max_price: BalanceOf<T>,
		expires: BlockNumberFor<T>,
	) -> DispatchResult {
		Self::ensure_unrestricted(&who)?;
		ensure!(
			hours > 0
				&& hours <= T::Leasing::max_hours()
				&& hours.checked_mul(T::BlocksPerHour::get()).is_some(),
			Error::<T>::BadHours
		);
		ensure!(!max_price.is_zero(), Error::<T>::BadPrice);
		let budget = max_price.checked_mul(&hours.into()).ok_or(Error::<T>::Overflow)?;
		Self::ensure_lifetime(expires)?;
		let demand = Demand { requirements, hours, max_price, budget, expires };
		let order = Order { consumer: who.clone(), due: None, kind: Kind::Demand(demand) };
		let id = Self::open_order(order, HoldReason::Demand, budget, expires)?;
		Self::deposit_event(Event::DemandPosted {
			order: id,
			consumer: who,
			hours,
			max_price,
			budget,
			expires,
		});
		Ok(())
	}

	/// Fills demand `id` with `who`'s `resource` at `price` per hour: releases the budget,
	/// opens the lease (which holds `price × hours` on the consumer) and removes the demand.
	///
	/// # Errors
	/// `AccountFrozen` / `AccountBlacklisted` (of the provider, then of the consumer),
	/// `Restricted`, `UnknownOrder`, `NotDemand`, `OwnOrder`, `Expired`, `BadPrice` (zero or
	/// above the maximum), `UnknownResource`, `NotOwner`, `NotListed`, `Unsuitable`, and
	/// [`Config::Leasing`]'s errors (the resource not available that long, the consumer
	/// unable to pay the rent…).
	pub(crate) fn do_fill(
		who: T::AccountId,
		id: OrderId,
		resource: ResourceId,
		price: BalanceOf<T>,
	) -> DispatchResult {
		Self::ensure_unrestricted(&who)?;
		let order = Orders::<T>::get(id).ok_or(Error::<T>::UnknownOrder)?;
		let Kind::Demand(demand) = &order.kind else { return Err(Error::<T>::NotDemand.into()) };
		// A fill opens a rental for the consumer: a sanctioned one may enter none. The
		// provider is `who` (the resource must be its own), checked above.
		Self::ensure_good(&order.consumer)?;
		ensure!(order.consumer != who, Error::<T>::OwnOrder);
		ensure!(Self::now() < demand.expires, Error::<T>::Expired);
		ensure!(!price.is_zero() && price <= demand.max_price, Error::<T>::BadPrice);
		Self::suitable(&who, resource, &demand.requirements, Some(price))?;
		Self::release(HoldReason::Demand, &order.consumer, demand.budget)?;
		let lease = T::Leasing::open(&order.consumer, resource, demand.hours, price)?;
		Self::remove_order(id, &order);
		Self::deposit_event(Event::Filled { order: id, lease, resource, provider: who, price });
		Ok(())
	}

	/// Refunds and removes a demand that expired unfilled.
	///
	/// # Errors
	/// When the hold is smaller than the budget (the books are wrong).
	pub(crate) fn expire_demand(
		id: OrderId,
		order: &Order<T>,
		budget: BalanceOf<T>,
	) -> DispatchResult {
		Self::release(HoldReason::Demand, &order.consumer, budget)?;
		Self::remove_order(id, order);
		Self::deposit_event(Event::Expired { order: id, refund: budget });
		Ok(())
	}
}
