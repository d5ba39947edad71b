//! The registry as other pallets see it: [`powerverse_primitives::Resources`], and
//! [`powerverse_primitives::Delist`] for a blacklisting.

use crate::pallet::*;
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{ensure, storage::with_storage_layer, traits::Get},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::DispatchResult,
};
use powerverse_primitives::{
	hours_between, Delist, ResourceFacts, ResourceId, Resources as ResourcesApi, Status,
};

impl<T: Config> Pallet<T> {
	/// The price per hour of a resource at the current block (a Dutch auction falls every
	/// hour since listing).
	pub fn current_price(r: &ResourceOf<T>) -> BalanceOf<T> {
		let now = frame_system::Pallet::<T>::block_number();
		r.declared.price.at(hours_between(r.listed_at, now, T::BlocksPerHour::get()))
	}
}

impl<T: Config> ResourcesApi<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> for Pallet<T> {
	fn facts(
		id: ResourceId,
	) -> Option<ResourceFacts<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		Resources::<T>::get(id).map(|r| ResourceFacts {
			price: Self::current_price(&r),
			owner: r.owner,
			status: r.status,
			specs: r.declared.specs,
			score: r.score,
			tier: r.declared.tier,
			region: r.declared.region,
			offer: r.declared.price,
			window: r.declared.window,
			disputed: r.disputed,
		})
	}

	fn engage(id: ResourceId, tenant: &T::AccountId, task: bool) -> DispatchResult {
		let mut r = Resources::<T>::get(id).ok_or(Error::<T>::UnknownResource)?;
		ensure!(r.status == Status::Listed && !r.disputed, Error::<T>::BadStatus);
		r.tenant = Some(tenant.clone());
		Self::engage_provider(&r.owner, true);
		Self::set_status(id, r, if task { Status::Busy } else { Status::Rented })
	}

	/// Back to the market, unless its owner meanwhile fell below the bond minimum or the
	/// reputation threshold, or was frozen or blacklisted: then idle, and listed again only
	/// by the owner once in good standing.
	fn release(id: ResourceId) -> DispatchResult {
		let r = Resources::<T>::get(id).ok_or(Error::<T>::UnknownResource)?;
		ensure!(r.status.is_engaged(), Error::<T>::BadStatus);
		Self::engage_provider(&r.owner, false);
		let to = if Self::ensure_good_provider(&r.owner).is_ok() {
			Status::Listed
		} else {
			Status::Idle
		};
		Self::set_status(id, r, to)
	}

	fn set_disputed(id: ResourceId, disputed: bool) -> DispatchResult {
		let mut r = Resources::<T>::get(id).ok_or(Error::<T>::UnknownResource)?;
		if r.disputed == disputed {
			return Ok(());
		}
		r.disputed = disputed;
		Self::engage_provider(&r.owner, disputed);
		Resources::<T>::insert(id, r);
		Self::deposit_event(Event::DisputeSet { resource: id, disputed });
		Ok(())
	}

	fn set_suspended(id: ResourceId, suspended: bool) -> DispatchResult {
		let r = Resources::<T>::get(id).ok_or(Error::<T>::UnknownResource)?;
		if suspended {
			ensure!(
				matches!(r.status, Status::Idle | Status::Listed | Status::Paused),
				Error::<T>::BadStatus
			);
			Self::set_status(id, r, Status::Suspended)
		} else {
			ensure!(r.status == Status::Suspended, Error::<T>::BadStatus);
			Self::set_status(id, r, Status::Idle)
		}
	}
}

impl<T: Config> Delist<T::AccountId> for Pallet<T> {
	/// Moves each listed or paused machine of `owner` to idle, exactly as `unlist` does (out
	/// of the search index, certificate updated, `StatusChanged`). Machines in other states
	/// stay: rented and busy ones finish their deal and then come back idle (see
	/// [`ResourcesApi::release`]), and a sanctioned owner can list nothing.
	fn delist_owner(owner: &T::AccountId) -> u32 {
		// Collected first so that the index is not read while records change; at most
		// `MaxResourcesPerOwner`, which `insert_resource` and `transfer` enforce, and the
		// bound the weight of a blacklisting is charged for.
		let ids: Vec<ResourceId> = Owned::<T>::iter_key_prefix(owner)
			.take(T::MaxResourcesPerOwner::get() as usize)
			.collect();
		let mut delisted = 0u32;
		for id in ids {
			let Some(r) = Resources::<T>::get(id) else { continue };
			if !matches!(r.status, Status::Listed | Status::Paused) {
				continue;
			}
			// One layer per machine: a certificate that cannot be written leaves its machine
			// as it was rather than half moved, and the others are still delisted.
			match with_storage_layer(|| Self::set_status(id, r, Status::Idle)) {
				Ok(()) => delisted = delisted.saturating_add(1),
				Err(e) => log::warn!(target: crate::LOG_TARGET, "delisting {id}: {e:?}"),
			}
		}
		delisted
	}
}
