//! # Arbitration
//!
//! The market's referee. For now it keeps the **sanctions** of the administrator; disputes
//! between consumers and providers, committee rulings, compensation and bond slashing come
//! next and will live here too (see DESIGN.md, "How the pallets talk").
//!
//! ## Sanctions
//! [`Config::AdminOrigin`] (the administrator's governance track) may:
//! - **freeze** an account ([`Pallet::freeze`]): no new listings, rentals, orders or tasks
//!   until it is **unfrozen** ([`Pallet::unfreeze`]);
//! - **blacklist** an account ([`Pallet::blacklist`]), also one already frozen: as frozen,
//!   and its listed machines are taken off the market at once ([`Config::Resources`]); it
//!   lasts until governance **lifts** it ([`Pallet::lift`]), which also lifts a freeze.
//!
//! Each sanction carries the hash of an off-chain statement of its reasons and the block it
//! started ([`Sanction`]). The registry, leases and orders read an account's standing
//! through [`powerverse_primitives::Sanctions`], which this pallet implements, and refuse a
//! sanctioned account (and a sanctioned provider's machines) with their own named errors.
//! Deals already under way are not touched: leases run to their end and settle, tasks
//! taken are worked and paid.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod sanctions;

pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_system, sp_core};

/// What the benchmarks need from the rest of the runtime, which they cannot set up
/// generically. The `()` implementation sets up nothing: a blacklisting is then measured
/// without machines to delist.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Gives `owner` up to `n` listed machines in [`Config::Resources`] (funding and
	/// registering it as a provider as needed), for the blacklisting benchmark to delist;
	/// returns how many it listed.
	fn listed_machines(_owner: &AccountId, _n: u32) -> u32 {
		0
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl<AccountId> BenchmarkHelper<AccountId> for () {}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use powerverse_primitives::{Delist, Standing};
	use sp_core::H256;

	/// A sanction of this runtime.
	pub type SanctionOf<T> = Sanction<BlockNumberFor<T>>;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration.
	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The administrator: freezes, unfreezes, blacklists and lifts sanctions (the
		/// runtime's administrator governance track).
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The registry, which takes a blacklisted owner's listed machines off the market.
		type Resources: Delist<Self::AccountId>;

		/// Most machines one blacklisting may delist: the registry's `MaxResourcesPerOwner`.
		/// A blacklisting is charged for this many.
		#[pallet::constant]
		type MaxDelisted: Get<u32>;

		/// Weights of the calls.
		type WeightInfo: WeightInfo;

		/// Sets up listed machines for the blacklisting benchmark.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// `Sanctioned: AccountId => Sanction` — every account the administrator froze or
	/// blacklisted; an account in good standing has no entry. Removed by `unfreeze` (a
	/// freeze) or `lift` (any sanction).
	#[pallet::storage]
	pub type Sanctioned<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, SanctionOf<T>, OptionQuery>;

	/// Events.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The administrator froze an account: no new listings, rentals, orders or tasks.
		Frozen {
			/// The account.
			who: T::AccountId,
			/// Hash of the statement of reasons, kept off chain.
			reason: H256,
		},
		/// The administrator unfroze an account: it is in good standing again.
		Unfrozen {
			/// The account.
			who: T::AccountId,
		},
		/// The administrator blacklisted an account (frozen before or not) and its listed
		/// machines were taken off the market.
		Blacklisted {
			/// The account.
			who: T::AccountId,
			/// Hash of the statement of reasons, kept off chain.
			reason: H256,
			/// How many of its machines were taken off the market.
			delisted: u32,
		},
		/// A sanction (freeze or blacklisting) was lifted: the account is in good standing
		/// again. Its machines stay off the market until it lists them.
		Lifted {
			/// The account.
			who: T::AccountId,
		},
	}

	/// Errors.
	#[pallet::error]
	pub enum Error<T> {
		/// The account is frozen already; blacklist it to go further, or unfreeze it.
		AlreadyFrozen,
		/// The account is blacklisted already, which includes a freeze; only `lift` changes
		/// it.
		AlreadyBlacklisted,
		/// The account is not frozen (it is in good standing, or blacklisted: a blacklisting
		/// is lifted only with `lift`).
		NotFrozen,
		/// The account has no sanction to lift.
		NotSanctioned,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxDelisted::get() > 0, "a blacklisting must be able to delist");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(
			_n: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Freezes `who`: no new listings, rentals, orders or tasks until `unfreeze` (or
		/// `lift`); deals under way run on. `reason` is the hash of the statement of reasons.
		///
		/// Origin: [`Config::AdminOrigin`]. Errors: `AlreadyFrozen`, `AlreadyBlacklisted`.
		/// Emits [`Event::Frozen`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::freeze())]
		pub fn freeze(origin: OriginFor<T>, who: T::AccountId, reason: H256) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_freeze(who, reason)
		}

		/// Unfreezes a frozen `who`: it is in good standing again. A blacklisting is lifted
		/// only with `lift`.
		///
		/// Origin: [`Config::AdminOrigin`]. Errors: `NotFrozen`. Emits [`Event::Unfrozen`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::unfreeze())]
		pub fn unfreeze(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_unfreeze(who)
		}

		/// Blacklists `who` (in good standing or frozen): as frozen, and its listed and
		/// paused machines are taken off the market at once (rented and busy ones finish
		/// their deal, then come back idle). Lasts until `lift`. `reason` is the hash of the
		/// statement of reasons.
		///
		/// Origin: [`Config::AdminOrigin`]. Errors: `AlreadyBlacklisted`. Emits
		/// [`Event::Blacklisted`] with the number of machines delisted (and the registry's
		/// `StatusChanged` for each).
		// Charged for the most machines an owner may have and not refunded: the number
		// delisted does not bound the work, as the owner's other machines are read too.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::blacklist(T::MaxDelisted::get()))]
		pub fn blacklist(origin: OriginFor<T>, who: T::AccountId, reason: H256) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_blacklist(who, reason)
		}

		/// Lifts any sanction of `who`, a freeze or a blacklisting: it is in good standing
		/// again. Delisted machines stay idle until their owner lists them.
		///
		/// Origin: [`Config::AdminOrigin`]. Errors: `NotSanctioned`. Emits [`Event::Lifted`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::lift())]
		pub fn lift(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_lift(who)
		}
	}

	impl<T: Config> Pallet<T> {
		/// The standing of `who` now.
		pub fn standing_of(who: &T::AccountId) -> Standing {
			Sanctioned::<T>::get(who).map_or(Standing::Good, |s| s.standing)
		}

		/// Checks the pallet's invariants: every sanction is a freeze or a blacklisting
		/// (good standing is the absence of a record) and started no later than now.
		///
		/// # Errors
		/// A message naming the first broken invariant.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			let now = frame_system::Pallet::<T>::block_number();
			for (_, sanction) in Sanctioned::<T>::iter() {
				ensure!(sanction.standing != Standing::Good, "a sanction of good standing");
				ensure!(sanction.since <= now, "a sanction starting in the future");
			}
			Ok(())
		}
	}
}
