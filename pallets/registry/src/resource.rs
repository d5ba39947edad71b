//! Resources: registration, declaration changes, price, window, listing, retirement and
//! transfer.

use crate::{pallet::*, Resource};
use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{traits::Zero, DispatchError, DispatchResult},
};
use powerverse_primitives::{Price, ResourceId, Scorer, SpecsError, Status, Window};

impl<T: Config> Pallet<T> {
	/// Checks a declaration.
	///
	/// # Errors
	/// The named error of the first nonsense found: `NoCpuModel`, `BadCpu`, `BadGpu`,
	/// `UnknownGpuModel`, `BadMemory`, `BadStorage`, `BadNetwork`, `BadRegion`,
	/// `BadEnergy`, `BadTelemetryUrl`, `BadPrice`, `BadWindow`.
	pub fn check_declaration(d: &DeclarationOf<T>) -> Result<(), Error<T>> {
		d.specs.check().map_err(|e| match e {
			SpecsError::NoCpuModel => Error::<T>::NoCpuModel,
			SpecsError::BadCpu => Error::<T>::BadCpu,
			SpecsError::BadGpu => Error::<T>::BadGpu,
			SpecsError::BadMemory => Error::<T>::BadMemory,
			SpecsError::BadStorage => Error::<T>::BadStorage,
			SpecsError::BadNetwork => Error::<T>::BadNetwork,
		})?;
		if let Some(gpu) = &d.specs.gpu {
			ensure!(T::Scorer::knows_gpu(&gpu.model), Error::<T>::UnknownGpuModel);
		}
		ensure!(d.region.is_valid(), Error::<T>::BadRegion);
		ensure!(d.energy.is_valid(), Error::<T>::BadEnergy);
		ensure!(!d.telemetry.is_empty(), Error::<T>::BadTelemetryUrl);
		ensure!(d.price.is_valid(), Error::<T>::BadPrice);
		ensure!(d.window.is_valid(), Error::<T>::BadWindow);
		Ok(())
	}

	/// Registers a resource for `who`, mints its certificate and asks for its verification.
	///
	/// # Errors
	/// Those of [`Self::insert_resource`], and `InsufficientBalance` (for the verification
	/// fee), `DeadlinesFull`.
	pub(crate) fn do_register_resource(
		who: T::AccountId,
		declared: DeclarationOf<T>,
	) -> DispatchResult {
		let id = Self::insert_resource(who.clone(), declared)?;
		Self::ask_verification(&who, id)
	}

	/// Stores a new pending resource of `who` and mints its certificate; returns its id.
	///
	/// # Errors
	/// `NotProvider`, `AccountFrozen`, `AccountBlacklisted`, `BondTooLow`, `ReputationTooLow`,
	/// the declaration's errors, `MachineKeyInUse`, `TooManyResources`, `Overflow`,
	/// pallet-nfts' errors (e.g. no funds for the item deposit).
	pub(crate) fn insert_resource(
		who: T::AccountId,
		declared: DeclarationOf<T>,
	) -> Result<ResourceId, DispatchError> {
		let mut provider = Self::ensure_good_provider(&who)?;
		Self::check_declaration(&declared)?;
		let key = declared.machine_key;
		ensure!(!MachineKeys::<T>::contains_key(key), Error::<T>::MachineKeyInUse);
		ensure!(provider.resources < T::MaxResourcesPerOwner::get(), Error::<T>::TooManyResources);
		let id = NextResourceId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let now = frame_system::Pallet::<T>::block_number();
		let mut resource = Resource {
			owner: who.clone(),
			score: 0,
			score_version: 0,
			declared,
			status: Status::Pending,
			benchmark: None,
			verified: false,
			tenant: None,
			disputed: false,
			listed_at: now,
		};
		Self::score_record(&mut resource);
		Self::mint_certificate(id, &resource)?;
		NextResourceId::<T>::put(next);
		provider.resources = provider.resources.saturating_add(1);
		Providers::<T>::insert(&who, provider);
		Owned::<T>::insert(&who, id, ());
		MachineKeys::<T>::insert(key, id);
		Resources::<T>::insert(id, resource);
		Self::deposit_event(Event::Registered { resource: id, owner: who });
		Ok(id)
	}

	/// Replaces the declaration of a resource, which goes back to pending.
	///
	/// # Errors
	/// `UnknownResource`, `NotOwner`, `Engaged`, `BadStatus` (suspended),
	/// `VerificationUnderWay` (a panel is at work), the declaration's errors,
	/// `MachineKeyInUse`, `InsufficientBalance` (for the fee), `DeadlinesFull`.
	pub(crate) fn do_update_resource(
		who: T::AccountId,
		id: ResourceId,
		declared: DeclarationOf<T>,
	) -> DispatchResult {
		let mut r = Self::owned_by(&who, id)?;
		Self::ensure_free(&r)?;
		Self::ensure_no_panel(id)?;
		Self::check_declaration(&declared)?;
		let (old_key, new_key) = (r.declared.machine_key, declared.machine_key);
		if new_key != old_key {
			ensure!(!MachineKeys::<T>::contains_key(new_key), Error::<T>::MachineKeyInUse);
			MachineKeys::<T>::remove(old_key);
			MachineKeys::<T>::insert(new_key, id);
		}
		let before = r.clone();
		let from = r.status;
		r.declared = declared;
		r.status = Status::Pending;
		r.benchmark = None;
		r.verified = false;
		Self::score_record(&mut r);
		Self::reindex(id, Some(&before), Some(&r));
		Resources::<T>::insert(id, &r);
		Self::sync_certificate(id, &r)?;
		Self::deposit_event(Event::Updated { resource: id });
		if from != Status::Pending {
			Self::deposit_event(Event::StatusChanged { resource: id, from, to: Status::Pending });
		}
		Self::deposit_event(Event::Scored {
			resource: id,
			score: r.score,
			version: r.score_version,
		});
		// A fee held for a panel not drawn yet pays for the new one.
		let fee = Self::abandon(id, &who, true);
		if fee.is_zero() {
			Self::ask_verification(&who, id)
		} else {
			Self::book_draw(id, 1, fee)
		}
	}

	/// Refuses while a panel is at work on `id`: its members are measuring the machine as
	/// declared, and the panel must not be re-rolled once known.
	///
	/// # Errors
	/// `VerificationUnderWay`.
	pub(crate) fn ensure_no_panel(id: ResourceId) -> Result<(), Error<T>> {
		ensure!(
			!Verifications::<T>::get(id).is_some_and(|v| v.drawn()),
			Error::<T>::VerificationUnderWay
		);
		Ok(())
	}

	/// Changes the price of a resource that is not rented or busy.
	///
	/// # Errors
	/// `UnknownResource`, `NotOwner`, `Engaged`, `BadPrice`.
	pub(crate) fn do_set_price(
		who: T::AccountId,
		id: ResourceId,
		price: Price<BalanceOf<T>>,
	) -> DispatchResult {
		let mut r = Self::owned_by(&who, id)?;
		ensure!(!r.status.is_engaged(), Error::<T>::Engaged);
		ensure!(price.is_valid(), Error::<T>::BadPrice);
		r.declared.price = price;
		r.listed_at = frame_system::Pallet::<T>::block_number();
		Resources::<T>::insert(id, r);
		Self::deposit_event(Event::PriceSet { resource: id, price });
		Ok(())
	}

	/// Changes the availability window of a resource that is not rented or busy.
	///
	/// # Errors
	/// `UnknownResource`, `NotOwner`, `Engaged`, `BadWindow`.
	pub(crate) fn do_set_window(
		who: T::AccountId,
		id: ResourceId,
		window: Window<BlockNumberFor<T>>,
	) -> DispatchResult {
		let mut r = Self::owned_by(&who, id)?;
		ensure!(!r.status.is_engaged(), Error::<T>::Engaged);
		ensure!(window.is_valid(), Error::<T>::BadWindow);
		r.declared.window = window;
		Resources::<T>::insert(id, r);
		Self::deposit_event(Event::WindowSet { resource: id, window });
		Ok(())
	}

	/// Lists an idle (hence verified) resource.
	///
	/// # Errors
	/// `UnknownResource`, `NotOwner`, `NotProvider`, `AccountFrozen`, `AccountBlacklisted`,
	/// `BondTooLow`, `ReputationTooLow`, `Disputed`, `BadStatus`.
	pub(crate) fn do_list(who: T::AccountId, id: ResourceId) -> DispatchResult {
		let r = Self::owned_by(&who, id)?;
		Self::ensure_good_provider(&who)?;
		ensure!(!r.disputed, Error::<T>::Disputed);
		ensure!(r.status == Status::Idle && r.verified, Error::<T>::BadStatus);
		Self::set_status(id, r, Status::Listed)
	}

	/// Lists a paused resource again; a Dutch auction restarts.
	///
	/// # Errors
	/// As [`Self::do_list`].
	pub(crate) fn do_resume(who: T::AccountId, id: ResourceId) -> DispatchResult {
		let r = Self::owned_by(&who, id)?;
		Self::ensure_good_provider(&who)?;
		ensure!(!r.disputed, Error::<T>::Disputed);
		ensure!(r.status == Status::Paused, Error::<T>::BadStatus);
		Self::set_status(id, r, Status::Listed)
	}

	/// Moves an owned resource from one of `from` to `to`.
	///
	/// # Errors
	/// `UnknownResource`, `NotOwner`, `BadStatus`.
	pub(crate) fn do_move(
		who: T::AccountId,
		id: ResourceId,
		from: &[Status],
		to: Status,
	) -> DispatchResult {
		let r = Self::owned_by(&who, id)?;
		ensure!(from.contains(&r.status), Error::<T>::BadStatus);
		Self::set_status(id, r, to)
	}

	/// Removes a resource and burns its certificate; a fee held for a panel not drawn yet is
	/// refunded.
	///
	/// # Errors
	/// `UnknownResource`, `NotOwner`, `Engaged`, `BadStatus` (suspended),
	/// `VerificationUnderWay`.
	pub(crate) fn do_deregister(who: T::AccountId, id: ResourceId) -> DispatchResult {
		let r = Self::owned_by(&who, id)?;
		Self::ensure_free(&r)?;
		Self::ensure_no_panel(id)?;
		Self::burn_certificate(id)?;
		Self::reindex(id, Some(&r), None);
		Self::abandon(id, &who, false);
		Resources::<T>::remove(id);
		MachineKeys::<T>::remove(r.declared.machine_key);
		Owned::<T>::remove(&who, id);
		Self::with_provider(&who, |p| p.resources = p.resources.saturating_sub(1));
		Self::deposit_event(Event::Deregistered { resource: id });
		Ok(())
	}

	/// Moves a free resource and its certificate to another provider. Neither side may be
	/// sanctioned: a frozen or blacklisted owner could otherwise hand its machines to an
	/// accomplice and keep earning from them.
	///
	/// # Errors
	/// `UnknownResource`, `NotOwner`, `SameOwner`, `AccountFrozen` / `AccountBlacklisted` (of
	/// either side), `Engaged`, `BadStatus` (suspended), `VerificationUnderWay` (its fee is
	/// the old owner's and the new owner could be on the panel), `NotProvider` /
	/// `BondTooLow` / `ReputationTooLow` (of the new owner), `TooManyResources`.
	pub(crate) fn do_transfer(
		who: T::AccountId,
		id: ResourceId,
		to: T::AccountId,
	) -> DispatchResult {
		let mut r = Self::owned_by(&who, id)?;
		ensure!(who != to, Error::<T>::SameOwner);
		Self::ensure_good(&who)?;
		Self::ensure_free(&r)?;
		ensure!(!Verifications::<T>::contains_key(id), Error::<T>::VerificationUnderWay);
		let mut dest = Self::ensure_good_provider(&to)?;
		ensure!(dest.resources < T::MaxResourcesPerOwner::get(), Error::<T>::TooManyResources);
		Self::move_certificate(id, &to)?;
		dest.resources = dest.resources.saturating_add(1);
		Providers::<T>::insert(&to, dest);
		Self::with_provider(&who, |p| p.resources = p.resources.saturating_sub(1));
		Owned::<T>::remove(&who, id);
		Owned::<T>::insert(&to, id, ());
		r.owner = to.clone();
		Resources::<T>::insert(id, &r);
		Self::sync_certificate(id, &r)?;
		Self::deposit_event(Event::Transferred { resource: id, from: who, to });
		Ok(())
	}

	/// The resource `id` if `who` owns it.
	///
	/// # Errors
	/// `UnknownResource`, `NotOwner`.
	pub(crate) fn owned_by(who: &T::AccountId, id: ResourceId) -> Result<ResourceOf<T>, Error<T>> {
		let r = Resources::<T>::get(id).ok_or(Error::<T>::UnknownResource)?;
		ensure!(&r.owner == who, Error::<T>::NotOwner);
		Ok(r)
	}

	/// Whether a resource may change hands, declaration or leave: not rented, busy,
	/// disputed or suspended.
	///
	/// # Errors
	/// `Engaged`, `BadStatus`.
	pub(crate) fn ensure_free(r: &ResourceOf<T>) -> Result<(), Error<T>> {
		ensure!(!r.status.is_engaged() && !r.disputed, Error::<T>::Engaged);
		ensure!(r.status != Status::Suspended, Error::<T>::BadStatus);
		Ok(())
	}

	/// Stores the new status, stamps listings (a Dutch auction restarts from its start price
	/// whenever the machine is listed again, after a lease too), updates the certificate,
	/// emits the event.
	pub(crate) fn set_status(
		id: ResourceId,
		mut r: ResourceOf<T>,
		to: Status,
	) -> Result<(), DispatchError> {
		let before = r.clone();
		let from = r.status;
		if to == Status::Listed {
			r.listed_at = frame_system::Pallet::<T>::block_number();
		}
		if !to.is_engaged() {
			r.tenant = None;
		}
		r.status = to;
		Self::reindex(id, Some(&before), Some(&r));
		Resources::<T>::insert(id, &r);
		Self::sync_certificate(id, &r)?;
		Self::deposit_event(Event::StatusChanged { resource: id, from, to });
		Ok(())
	}
}
