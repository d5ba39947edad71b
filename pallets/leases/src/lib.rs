//! # Leases
//!
//! Renting compute. A consumer rents a listed resource for whole hours at its price now (a
//! fixed price, or a Dutch auction's price at this block); the full rent is **held** on the
//! tenant's balance and the registry marks the resource rented. The tenant may extend the
//! lease or end it early; at its end block the lease settles by itself: the provider
//! receives the rent less the platform fee, the fee is partly burned (never below the floor
//! supply) and partly sent to the treasury, downtime credited by telemetry is refunded to
//! the tenant, and the resource returns to the market. Afterwards each side may rate the
//! other once, when the lease paid its provider something; the rating weighs by what was
//! paid ([`powerverse_primitives::Reputation::rate`]).
//!
//! **Every block is paid at the price it was bought at.** The rent and each extension at
//! another price are kept as [`Segment`]s of the lease (at most [`Config::MaxSegments`]).
//! Ending early pays the blocks used, each at its segment's price, and refunds the rest.
//! Downtime credits are taken from the **latest blocks used** (the most recently bought):
//! the provider is paid for the first `used − credit` blocks, each at its price.
//!
//! **A dispute stops the lease.** At the freeze the machine is freed (it stays marked
//! disputed, so nobody rents it until the ruling), the time used so far (less downtime
//! credits, priced as on early termination) stays in escrow for the ruling, and the unused
//! rest is refunded to the tenant at once. The ruling ([`Config::ArbiterOrigin`] now, the
//! arbitration pallet through [`powerverse_primitives::Escrow`] later) splits only that
//! time used. Telemetry reports downtime through [`powerverse_primitives::Downtime`];
//! demand orders open leases through [`powerverse_primitives::Leasing`]. The fee terms live
//! here and are read by orders through [`powerverse_primitives::FeePolicy`].
//!
//! Settlement work per block is bounded: ended leases wait in per-block queues ([`Due`])
//! that `on_initialize` works through from a cursor, at most [`Config::MaxDuePerInit`] jobs
//! a block; the rest carries over. A lease's job leaves the queue with the lease (ended
//! early, settled by hand, frozen, or moved by an extension), so queues hold live work only.
//! A settlement that fails in `on_initialize` is queued again an hour later
//! ([`Event::SettlementDeferred`]). Anyone may [`Pallet::settle`] an ended lease directly.
//!
//! **Sanctions.** A tenant the administrator froze or blacklisted ([`Config::Sanctions`])
//! may not rent (directly or through a filled demand) nor extend, and neither may anyone
//! rent or extend on a machine whose provider is sanctioned; leases under way run to their
//! end and settle as usual.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod dispute;
mod due;
mod invariants;
mod rating;
mod rent;

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

use polkadot_sdk::{frame_support, frame_system, sp_core, sp_runtime};

/// How many blocks after the one wanted a job may be queued in when that block's queue is
/// full.
pub const SPILL_BLOCKS: u32 = 8;

/// What the benchmarks need from the rest of the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Makes `owner` (funded by the benchmark) a provider with a listed resource available
	/// for the next [`Config::MaxHours`] hours at least; returns its id.
	fn listed_resource(owner: &AccountId) -> powerverse_primitives::ResourceId;
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, tokens::imbalance::OnUnbalanced},
	};
	use frame_system::pallet_prelude::*;
	use powerverse_primitives::{
		Disputes, FeeTerms, LeaseId, Reputation, ResourceId, Resources as ResourcesApi, Sanctions,
	};
	use sp_runtime::{Perbill, Percent, Permill};

	/// Balance of the native currency.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;
	/// Fee taken from escrow, handed to [`Config::Treasury`].
	pub type CreditOf<T> =
		fungible::Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;
	/// A lease of this runtime.
	pub type LeaseOf<T> = Lease<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		<T as Config>::MaxSegments,
	>;
	/// A segment of a lease of this runtime.
	pub type SegmentOf<T> = Segment<BalanceOf<T>, BlockNumberFor<T>>;
	/// A rating record of this runtime.
	pub type RatingOf<T> =
		Rating<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// Configuration.
	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The native currency: rents are held on it.
		type Currency: fungible::Inspect<Self::AccountId>
			+ fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::BalancedHold<Self::AccountId>;

		/// The runtime's hold reasons, of which [`HoldReason`] is part.
		type RuntimeHoldReason: From<HoldReason>;

		/// The registry: facts about resources and their status changes.
		type Resources: ResourcesApi<Self::AccountId, BalanceOf<Self>, BlockNumberFor<Self>>;

		/// Reputation: restricted accounts may not rent; ratings and rulings feed it.
		type Reputation: Reputation<Self::AccountId>;

		/// The administrator's sanctions: a frozen or blacklisted account may not rent or
		/// extend, and a sanctioned provider's machines may not be rented or extended.
		type Sanctions: Sanctions<Self::AccountId>;

		/// Where a tenant's dispute goes.
		type Disputes: Disputes<Self::AccountId>;

		/// Receives the treasury's share of the platform fee.
		type Treasury: OnUnbalanced<CreditOf<Self>>;

		/// Who sets the fee terms.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Who rules on frozen leases until the arbitration pallet does.
		type ArbiterOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Blocks in an hour: leases are rented by the hour.
		#[pallet::constant]
		type BlocksPerHour: Get<u32>;

		/// Longest lease (and extension) in hours.
		#[pallet::constant]
		type MaxHours: Get<u32>;

		/// Most open leases one tenant may have.
		#[pallet::constant]
		type MaxLeasesPerTenant: Get<u32>;

		/// Most parts at different prices one lease may have: the rent and the extensions at
		/// another price than the part before (see [`Segment`]).
		#[pallet::constant]
		type MaxSegments: Get<u32>;

		/// Most jobs one block's queue holds; more spill into the next blocks.
		#[pallet::constant]
		type MaxDuePerBlock: Get<u32>;

		/// Most queued jobs `on_initialize` does in one block; the rest waits a block.
		#[pallet::constant]
		type MaxDuePerInit: Get<u32>;

		/// Blocks after settlement during which tenant and provider may rate each other.
		#[pallet::constant]
		type RatingWindow: Get<BlockNumberFor<Self>>;

		/// Weights of the calls.
		type WeightInfo: WeightInfo;

		/// Sets up listed resources for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// Why the leases pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Rent in escrow for open leases.
		#[codec(index = 0)]
		Rent,
	}

	/// `Fees` — the platform fee terms in force (set by governance; read by orders too).
	#[pallet::storage]
	pub type Fees<T: Config> = StorageValue<_, FeeTerms<BalanceOf<T>>, OptionQuery>;

	/// `Leases: LeaseId => Lease` — every open lease, and frozen ones until their ruling;
	/// removed at settlement.
	#[pallet::storage]
	pub type Leases<T: Config> =
		CountedStorageMap<_, Twox64Concat, LeaseId, LeaseOf<T>, OptionQuery>;

	/// `NextLeaseId` — id the next lease gets.
	#[pallet::storage]
	pub type NextLeaseId<T: Config> = StorageValue<_, LeaseId, ValueQuery>;

	/// `Running: ResourceId => LeaseId` — the lease a resource is rented under right now.
	#[pallet::storage]
	pub type Running<T: Config> = StorageMap<_, Twox64Concat, ResourceId, LeaseId, OptionQuery>;

	/// `Tenancies: AccountId => [LeaseId]` — the open leases of each tenant.
	#[pallet::storage]
	pub type Tenancies<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<LeaseId, T::MaxLeasesPerTenant>,
		ValueQuery,
	>;

	/// `Due: BlockNumber => [Job]` — what `on_initialize` does once that block is reached.
	/// A lease's settlement job is removed when the lease closes, is frozen or moves, and a
	/// rating's job when both sides have rated: every job here is live.
	#[pallet::storage]
	pub type Due<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<Job, T::MaxDuePerBlock>,
		ValueQuery,
	>;

	/// `Cursor` — the first block whose queue is not done yet; `None` before the first block.
	#[pallet::storage]
	pub type Cursor<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	/// `Ratings: LeaseId => Rating` — settled leases that paid their provider something and
	/// whose sides may still rate each other; removed when both have rated or the window
	/// closes.
	#[pallet::storage]
	pub type Ratings<T: Config> = StorageMap<_, Twox64Concat, LeaseId, RatingOf<T>, OptionQuery>;

	/// Genesis: the fee terms.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Fee terms; [`Pallet::default_fees`] when `None`.
		pub fees: Option<FeeTerms<BalanceOf<T>>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(fees) = self.fees {
				Fees::<T>::put(fees);
			}
		}
	}

	/// Events.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A resource was rented: what the provider's agent needs to provision the machine.
		Rented {
			/// The new lease.
			lease: LeaseId,
			/// Who rents.
			tenant: T::AccountId,
			/// Who provides.
			provider: T::AccountId,
			/// The machine.
			resource: ResourceId,
			/// Price per hour paid.
			price: BalanceOf<T>,
			/// First block.
			start: BlockNumberFor<T>,
			/// End block (exclusive).
			end: BlockNumberFor<T>,
			/// Rent held.
			escrow: BalanceOf<T>,
		},
		/// A lease was extended.
		Extended {
			/// The lease.
			lease: LeaseId,
			/// Hours added.
			hours: u32,
			/// Price per hour of the added hours.
			price: BalanceOf<T>,
			/// New end block.
			end: BlockNumberFor<T>,
			/// Rent added to the escrow.
			added: BalanceOf<T>,
		},
		/// The tenant ended a lease early.
		Terminated {
			/// The lease.
			lease: LeaseId,
			/// Block it ended.
			at: BlockNumberFor<T>,
		},
		/// A lease was settled and closed.
		Settled {
			/// The lease.
			lease: LeaseId,
			/// The machine, back on the market.
			resource: ResourceId,
			/// Paid to the provider after the fee.
			paid: BalanceOf<T>,
			/// Fee burned.
			burned: BalanceOf<T>,
			/// Fee sent to the treasury.
			treasury: BalanceOf<T>,
			/// Returned to the tenant.
			refunded: BalanceOf<T>,
		},
		/// Telemetry credited downtime to a lease.
		DowntimeCredited {
			/// The lease.
			lease: LeaseId,
			/// Blocks credited now.
			blocks: u32,
			/// Blocks credited in all.
			total: u32,
		},
		/// A dispute froze a lease: it stopped, the unused rest was refunded and the time used
		/// waits for the ruling.
		Frozen {
			/// The lease.
			lease: LeaseId,
			/// Block it stopped.
			at: BlockNumberFor<T>,
			/// Left in escrow for the ruling: the time used, less downtime credits.
			disputed: BalanceOf<T>,
			/// Returned to the tenant now: the time not used and the credits.
			refunded: BalanceOf<T>,
		},
		/// A ruling settled a frozen lease.
		Ruled {
			/// The lease.
			lease: LeaseId,
			/// Share of the disputed escrow (the time used) given to the provider.
			provider_share: Perbill,
			/// Paid to the provider after the fee.
			paid: BalanceOf<T>,
			/// Fee burned.
			burned: BalanceOf<T>,
			/// Fee sent to the treasury.
			treasury: BalanceOf<T>,
			/// Returned to the tenant.
			refunded: BalanceOf<T>,
		},
		/// A settlement in `on_initialize` failed; it was queued again and the lease stays open
		/// (anyone may also [`Pallet::settle`] it).
		SettlementDeferred {
			/// The lease.
			lease: LeaseId,
			/// Why it failed.
			error: DispatchError,
			/// Block whose queue now holds it.
			due: BlockNumberFor<T>,
		},
		/// One side of a settled lease rated the other.
		Rated {
			/// The lease.
			lease: LeaseId,
			/// Who rated.
			by: T::AccountId,
			/// Who was rated.
			who: T::AccountId,
			/// 1 (bad) to 5 (excellent).
			stars: u8,
			/// Hash of a comment kept off chain, if any.
			comment: Option<sp_core::H256>,
		},
		/// Governance set the fee terms.
		FeesSet {
			/// Share of each payment kept as fee.
			fee: Permill,
			/// Share of the fee burned.
			burn: Percent,
			/// Total issuance below which nothing is burned.
			floor: BalanceOf<T>,
		},
	}

	/// Errors.
	#[pallet::error]
	pub enum Error<T> {
		/// No resource with this id.
		UnknownResource,
		/// The resource is not listed (or is disputed): it cannot be rented now.
		NotListed,
		/// The provider cannot rent its own resource.
		OwnResource,
		/// Hours must be 1 to `MaxHours`.
		BadHours,
		/// The lease would run past the resource's availability window.
		OutsideWindow,
		/// The price now is above the most the tenant would pay.
		PriceTooHigh,
		/// Not enough free balance to hold the rent.
		InsufficientBalance,
		/// The account's reputation is below the governance threshold.
		ReputationTooLow,
		/// The tenant has as many open leases as allowed; wait for one to end.
		TooManyLeases,
		/// Too many leases end around that block; try another number of hours.
		DueFull,
		/// No open lease with this id.
		UnknownLease,
		/// Only the tenant may do this.
		NotTenant,
		/// The lease has ended already.
		Ended,
		/// The lease has not ended yet.
		NotEnded,
		/// A dispute froze the lease; only a ruling can close it.
		Frozen,
		/// The lease is not frozen.
		NotFrozen,
		/// The resource has no running lease.
		NotRented,
		/// Ratings are 1 to 5 stars.
		BadStars,
		/// Nothing to rate: the lease is not settled, its rating window has closed, or it paid
		/// its provider nothing.
		NotRatable,
		/// Only the lease's tenant or provider may rate.
		NotParty,
		/// This side has rated already.
		AlreadyRated,
		/// The fee terms are out of range.
		BadFees,
		/// The lease has as many parts at different prices as allowed (`MaxSegments`): extend
		/// it at the price of its last part, or rent anew when it ends.
		TooManySegments,
		/// Arithmetic overflow: the amount or the id space is too large.
		Overflow,
		/// The account (the tenant, or the provider of the machine) is frozen by the
		/// administrator: no new rentals or extensions until it is unfrozen.
		AccountFrozen,
		/// The account (the tenant, or the provider of the machine) is blacklisted by the
		/// administrator: no new rentals or extensions until governance lifts it.
		AccountBlacklisted,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::run_due(now)
		}

		fn integrity_test() {
			assert!(T::BlocksPerHour::get() > 0, "an hour has blocks");
			assert!(T::MaxHours::get() > 0, "a lease lasts at least an hour");
			assert!(T::MaxDuePerBlock::get() > 0, "leases must be able to end");
			assert!(T::MaxDuePerInit::get() > 0, "settlement must progress");
			assert!(T::MaxLeasesPerTenant::get() > 0, "tenants must be able to rent");
			assert!(T::MaxSegments::get() > 0, "a lease has at least its rent");
			assert!(!T::RatingWindow::get().is_zero(), "ratings need a window");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Rents a listed resource for `hours` from now at its price now, if that is at most
		/// `max_price` per hour. The rent is held until settlement.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::rent())]
		pub fn rent(
			origin: OriginFor<T>,
			resource: ResourceId,
			hours: u32,
			max_price: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_rent(who, resource, hours, max_price).map(|_| ())
		}

		/// Adds `hours` to a running lease at the resource's price now (at most `max_price`);
		/// the blocks bought before keep their price.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::extend())]
		pub fn extend(
			origin: OriginFor<T>,
			lease: LeaseId,
			hours: u32,
			max_price: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_extend(who, lease, hours, max_price)
		}

		/// Ends a running lease now: the provider is paid for the time used, each block at the
		/// price it was bought at; the tenant gets the rest back.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::settle())]
		pub fn terminate(origin: OriginFor<T>, lease: LeaseId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_terminate(who, lease)
		}

		/// Settles a lease that has ended but was not settled yet. Anyone may call.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::settle())]
		pub fn settle(origin: OriginFor<T>, lease: LeaseId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_settle(lease)
		}

		/// The tenant disputes a lease that is running or not yet settled: the lease stops,
		/// the unused rest is refunded and the time used is frozen until a ruling.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::dispute())]
		pub fn dispute(origin: OriginFor<T>, lease: LeaseId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_dispute(who, lease)
		}

		/// Settles a frozen lease by ruling: the provider gets `provider_share` of the time
		/// used up to the freeze (less the fee), the tenant the rest.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::rule())]
		pub fn rule(
			origin: OriginFor<T>,
			lease: LeaseId,
			provider_share: Perbill,
		) -> DispatchResult {
			T::ArbiterOrigin::ensure_origin(origin)?;
			Self::do_rule(lease, provider_share)
		}

		/// After settlement of a lease that paid its provider something, the tenant rates the
		/// provider or the provider the tenant, once, 1 to 5 stars, with an optional hash of a
		/// comment kept off chain. Reputation may refuse it (e.g. the same counterparty was
		/// rated this period already); then nothing changes.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::rate())]
		pub fn rate(
			origin: OriginFor<T>,
			lease: LeaseId,
			stars: u8,
			comment: Option<sp_core::H256>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_rate(who, lease, stars, comment)
		}

		/// Governance sets the fee terms.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_fees())]
		pub fn set_fees(origin: OriginFor<T>, terms: FeeTerms<BalanceOf<T>>) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			// A fee of more than half of every payment would make renting pointless.
			ensure!(terms.fee <= Permill::from_percent(50), Error::<T>::BadFees);
			Fees::<T>::put(terms);
			let FeeTerms { fee, burn, floor } = terms;
			Self::deposit_event(Event::FeesSet { fee, burn, floor });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The fee terms in force.
		pub fn fees() -> FeeTerms<BalanceOf<T>> {
			Fees::<T>::get().unwrap_or_else(Self::default_fees)
		}

		/// Terms used when genesis sets none: 5% fee, half of it burned, no floor.
		pub fn default_fees() -> FeeTerms<BalanceOf<T>> {
			FeeTerms {
				fee: Permill::from_percent(5),
				burn: Percent::from_percent(50),
				floor: Default::default(),
			}
		}

		/// Open leases of `tenant`, by id.
		pub fn leases_of(tenant: &T::AccountId) -> alloc::vec::Vec<(LeaseId, LeaseOf<T>)> {
			Tenancies::<T>::get(tenant)
				.into_iter()
				.filter_map(|id| Leases::<T>::get(id).map(|l| (id, l)))
				.collect()
		}
	}

	impl<T: Config> powerverse_primitives::FeePolicy<BalanceOf<T>> for Pallet<T> {
		fn terms() -> FeeTerms<BalanceOf<T>> {
			Self::fees()
		}
	}
}
