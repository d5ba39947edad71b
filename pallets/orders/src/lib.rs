//! # Orders
//!
//! Consumers post demand and the chain holds the money until the work is done.
//!
//! - A **lease-type demand** ([`Pallet::post_demand`]) asks for a resource meeting a
//!   [`Filter`](powerverse_primitives::Filter) for some hours at most some price per hour; the
//!   budget (`max_price × hours`) is held. A provider whose listed resource meets it fills it
//!   ([`Pallet::fill`]) at a price of its choosing up to the maximum: the hold is released
//!   and a lease opened through [`Config::Leasing`], which holds the rent itself.
//! - A **task** ([`Pallet::post_task`]) asks k providers (1 to [`Config::MaxProviders`]) to
//!   run a described job on resources meeting a filter, for a reward each; `reward × k` is
//!   held. Providers take slots with their resources ([`Pallet::take`]), which become busy,
//!   and submit a result hash ([`Pallet::submit`]), which frees them. When all k have
//!   submitted, or at the deadline with at least one result, the result held by more than
//!   half of the submissions is the task's result: its workers are paid (mode `Majority`), or
//!   the consumer reviews it ([`Pallet::accept_result`], [`Pallet::reject_result`]; silence
//!   until the review window ends accepts). Workers off the majority or who missed the
//!   deadline lose reputation and their shares go back to the consumer. A rejected result
//!   goes to arbitration ([`Config::Disputes`]); [`Config::ArbiterOrigin`] (or an
//!   arbitration pallet through [`powerverse_primitives::Escrow`]) rules on it.
//!
//! Money: only holds on the consumer's balance ([`HoldReason`]); payments go from the hold to
//! the provider less the platform fee of [`Config::Fees`], burned and sent to
//! [`Config::Treasury`] ([`powerverse_primitives::pay_held`]).
//!
//! Time: every expiry, deadline and review end is booked in a per-block due queue ([`Due`]);
//! `on_initialize` settles at most [`Config::MaxDuePerInit`] due orders per block, carrying
//! the rest over, and anyone may [`Pallet::close`] an order that is due.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod demand;
mod due;
mod invariants;
mod order;
mod task;

pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use due::DUE_SLACK;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_system, sp_core, sp_runtime};

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::orders";

/// What the benchmarks need from the rest of the runtime, which they cannot set up
/// generically.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Makes `owner` (funded by the benchmark) a provider in good standing with a verified,
	/// listed resource that meets the default (all-`None`) filter and that
	/// [`Config::Leasing`] can lease for the next 10 hours (the `fill` benchmark opens such a
	/// lease); returns its id. Called for up to [`Config::MaxProviders`] different owners in
	/// one benchmark.
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
		Disputes, FeePolicy, Filter, LeaseId, Leasing, OrderId, Reputation, ResourceId, Resources,
	};
	use sp_core::H256;
	use sp_runtime::Perbill;

	/// Balance of the native currency.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;
	/// The orders falling due in one block.
	pub type DueQueue<T> = BoundedVec<OrderId, <T as Config>::MaxDuePerBlock>;
	/// Fees taken from payments, to be handed to [`Config::Treasury`].
	pub type CreditOf<T> =
		fungible::Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// Configuration.
	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The native currency: budgets and rewards are held on it.
		type Currency: fungible::Inspect<Self::AccountId>
			+ fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::BalancedHold<Self::AccountId>;

		/// The runtime's hold reasons, of which [`HoldReason`] is part.
		type RuntimeHoldReason: From<HoldReason>;

		/// The registry: facts about resources, and marking them busy with a task.
		type Resources: Resources<Self::AccountId, BalanceOf<Self>, BlockNumberFor<Self>>;

		/// Reputation of accounts: restricted ones may not post, fill or take orders; workers
		/// off the majority or past the deadline get a ruling against them.
		type Reputation: Reputation<Self::AccountId>;

		/// Opens the lease when a demand is filled.
		type Leasing: Leasing<Self::AccountId, BalanceOf<Self>>;

		/// The platform fee on rewards paid.
		type Fees: FeePolicy<BalanceOf<Self>>;

		/// Where the unburned part of the fee goes.
		type Treasury: OnUnbalanced<CreditOf<Self>>;

		/// Where a rejected result goes.
		type Disputes: Disputes<Self::AccountId>;

		/// Who rules on disputed tasks until an arbitration pallet does it through
		/// [`powerverse_primitives::Escrow`].
		type ArbiterOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Blocks in an hour: a demand's lease, in blocks, must fit a `u32`.
		#[pallet::constant]
		type BlocksPerHour: Get<u32>;

		/// Most open orders one consumer may have.
		#[pallet::constant]
		type MaxOrdersPerAccount: Get<u32>;

		/// Most providers a task may ask for (its k).
		#[pallet::constant]
		type MaxProviders: Get<u32>;

		/// Most orders that may fall due in one block; more are booked in the next blocks.
		#[pallet::constant]
		type MaxDuePerBlock: Get<u32>;

		/// Most due orders settled at the start of a block; the rest wait for the next.
		#[pallet::constant]
		type MaxDuePerInit: Get<u32>;

		/// How far ahead of the current block an expiry or deadline may be.
		#[pallet::constant]
		type MaxLifetime: Get<BlockNumberFor<Self>>;

		/// Longest review window a task may give its consumer.
		#[pallet::constant]
		type MaxReview: Get<BlockNumberFor<Self>>;

		/// Weights of the calls and of settling a due order.
		type WeightInfo: WeightInfo;

		/// Sets up what the benchmarks need from the registry: providers with listed
		/// resources.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// Why the orders pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The budget of a lease-type demand.
		#[codec(index = 0)]
		Demand,
		/// The unpaid rewards of a task.
		#[codec(index = 1)]
		Task,
	}

	/// `NextOrderId` — id the next posted order gets.
	#[pallet::storage]
	pub type NextOrderId<T: Config> = StorageValue<_, OrderId, ValueQuery>;

	/// `Orders: OrderId => Order` — every open demand and task; removed when filled,
	/// cancelled, expired or settled.
	#[pallet::storage]
	pub type Orders<T: Config> = StorageMap<_, Twox64Concat, OrderId, Order<T>, OptionQuery>;

	/// `OrdersOf: AccountId => [OrderId]` — the open orders of each consumer, oldest first;
	/// no entry when it has none.
	#[pallet::storage]
	pub type OrdersOf<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<OrderId, T::MaxOrdersPerAccount>,
		ValueQuery,
	>;

	/// `Due: BlockNumber => [OrderId]` — orders to settle from the start of that block. An
	/// entry whose order is gone or booked in another block is stale and skipped.
	#[pallet::storage]
	pub type Due<T: Config> =
		StorageMap<_, Twox64Concat, BlockNumberFor<T>, DueQueue<T>, ValueQuery>;

	/// `DueCursor` — the first block whose due queue is not fully processed; `None` until
	/// the first block is initialised.
	#[pallet::storage]
	pub type DueCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	/// Events.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A consumer posted a lease-type demand; its budget is held.
		DemandPosted {
			/// The new order.
			order: OrderId,
			/// Who posted it.
			consumer: T::AccountId,
			/// Length of the lease wanted, in hours.
			hours: u32,
			/// Most the consumer pays per hour.
			max_price: BalanceOf<T>,
			/// Amount held: `max_price × hours`.
			budget: BalanceOf<T>,
			/// First block at which it can no longer be filled.
			expires: BlockNumberFor<T>,
		},
		/// A provider filled a demand: the budget is released and the lease opened.
		Filled {
			/// The demand, now removed.
			order: OrderId,
			/// The lease opened.
			lease: LeaseId,
			/// The resource leased.
			resource: ResourceId,
			/// Its owner.
			provider: T::AccountId,
			/// Price per hour of the lease.
			price: BalanceOf<T>,
		},
		/// The consumer cancelled an order; what it held is released.
		Cancelled {
			/// The order, now removed.
			order: OrderId,
			/// Amount released to the consumer.
			refund: BalanceOf<T>,
		},
		/// A demand expired unfilled, or a task reached its deadline without any result; what
		/// it held is released.
		Expired {
			/// The order, now removed.
			order: OrderId,
			/// Amount released to the consumer.
			refund: BalanceOf<T>,
		},
		/// A consumer posted a task; `reward × providers` is held.
		TaskPosted {
			/// The new order.
			order: OrderId,
			/// Who posted it.
			consumer: T::AccountId,
			/// Paid to each accepted worker, before the fee.
			reward: BalanceOf<T>,
			/// Workers wanted (k).
			providers: u32,
			/// First block at which no slot can be taken nor result submitted.
			deadline: BlockNumberFor<T>,
			/// How the result is accepted.
			verification: Verification,
		},
		/// A provider took a slot of a task; its resource is busy with it.
		Taken {
			/// The task.
			order: OrderId,
			/// The provider.
			provider: T::AccountId,
			/// Its resource.
			resource: ResourceId,
		},
		/// A worker submitted its result; its resource is free again.
		Submitted {
			/// The task.
			order: OrderId,
			/// The worker.
			provider: T::AccountId,
			/// Hash of its output.
			result: H256,
		},
		/// A worker did not submit before the deadline: it gets a ruling against it and its
		/// resource is released; its share is refunded (see `DeadlineReached`, `Expired`).
		Missed {
			/// The task.
			order: OrderId,
			/// The worker.
			provider: T::AccountId,
			/// Its resource, released.
			resource: ResourceId,
		},
		/// A task reached its deadline with results: the shares of the slots without one
		/// (missed or never taken) are refunded and the results decided.
		DeadlineReached {
			/// The task.
			order: OrderId,
			/// Results submitted.
			results: u32,
			/// Amount released to the consumer.
			refund: BalanceOf<T>,
		},
		/// A worker's result differs from the majority's: it gets a ruling against it and its
		/// share is refunded.
		Outvoted {
			/// The task.
			order: OrderId,
			/// The worker.
			provider: T::AccountId,
			/// Its share, released to the consumer.
			refund: BalanceOf<T>,
		},
		/// No result was submitted by more than half of the workers who submitted: the task is
		/// closed and everything refunded.
		NoMajority {
			/// The task, now removed.
			order: OrderId,
			/// Amount released to the consumer.
			refund: BalanceOf<T>,
		},
		/// The majority result waits for the consumer's review.
		InReview {
			/// The task.
			order: OrderId,
			/// The majority's result hash.
			result: H256,
			/// First block at which silence counts as acceptance.
			until: BlockNumberFor<T>,
		},
		/// A worker was paid its reward from the consumer's hold.
		Paid {
			/// The task.
			order: OrderId,
			/// The worker.
			provider: T::AccountId,
			/// What it received.
			net: BalanceOf<T>,
			/// Fee burned.
			burned: BalanceOf<T>,
			/// Fee sent to the treasury.
			treasury: BalanceOf<T>,
		},
		/// A task's result was accepted and its workers paid; the task is removed.
		Completed {
			/// The task.
			order: OrderId,
			/// The accepted result hash.
			result: H256,
			/// How it was accepted.
			acceptance: Acceptance,
		},
		/// The consumer rejected a task's result: the escrow is frozen and a dispute opened.
		Rejected {
			/// The task.
			order: OrderId,
			/// The provider the dispute is against: the majority's first worker.
			respondent: T::AccountId,
		},
		/// Arbitration froze a task's escrow under review.
		Frozen {
			/// The task.
			order: OrderId,
		},
		/// A disputed task was settled by ruling; the task is removed.
		Ruled {
			/// The task.
			order: OrderId,
			/// Share of each worker's reward the ruling gave it.
			provider_share: Perbill,
			/// Total paid to the workers, before the fee.
			paid: BalanceOf<T>,
			/// Amount released to the consumer.
			refund: BalanceOf<T>,
		},
		/// An order will not be settled by the due queue: no queue had room for its review
		/// end, or settling it failed (logged, undone). Anyone may `close` it from `due` on.
		Unscheduled {
			/// The order.
			order: OrderId,
			/// From when it may be closed.
			due: BlockNumberFor<T>,
		},
	}

	/// Errors.
	#[pallet::error]
	pub enum Error<T> {
		/// The account's reputation is below the governance threshold: restricted accounts
		/// may not post, fill or take orders.
		Restricted,
		/// A demand of zero hours, or one whose blocks (`hours × BlocksPerHour`) overflow a
		/// `u32`: ask for 1 hour or more, and fewer than `u32::MAX / BlocksPerHour`.
		BadHours,
		/// A demand's maximum price is zero, or a fill price is zero or above the demand's
		/// maximum: offer between 1 and `max_price` per hour.
		BadPrice,
		/// The expiry or deadline is not after the current block, or further ahead than
		/// `MaxLifetime`.
		BadExpiry,
		/// The review window is zero or longer than `MaxReview` blocks.
		BadReview,
		/// A task must ask for 1 to `MaxProviders` providers.
		BadProviders,
		/// The reward per provider is below the existential deposit: a provider might not be
		/// able to receive it.
		RewardTooLow,
		/// An amount (budget, escrow) or the order id space overflows.
		Overflow,
		/// The consumer's free balance cannot hold the budget or escrow (the existential
		/// deposit stays free).
		InsufficientBalance,
		/// The consumer has `MaxOrdersPerAccount` open orders: cancel one or wait for one to
		/// end.
		TooManyOrders,
		/// The due queues of the wanted block and the next few are full: choose another
		/// expiry or deadline, or try again later.
		DueFull,
		/// No open order has this id: it was filled, cancelled or settled, or never existed.
		UnknownOrder,
		/// The order is a task: take a slot with `take` instead.
		NotDemand,
		/// The order is a lease-type demand: fill it with `fill` instead.
		NotTask,
		/// Only the consumer who posted the order may do this.
		NotConsumer,
		/// A consumer may not fill or take its own order.
		OwnOrder,
		/// The demand has expired: it can no longer be filled.
		Expired,
		/// The task's deadline has passed: no slot can be taken nor result submitted.
		PastDeadline,
		/// The task's result has been decided: it takes no more slots or results.
		NotOpen,
		/// No resource has this id.
		UnknownResource,
		/// The resource belongs to someone else: fill and take with your own resources.
		NotOwner,
		/// The resource is not listed, or is disputed: list it first.
		NotListed,
		/// The resource does not meet the order's requirements (specs, region, tier, price
		/// now, score or its owner's reputation).
		Unsuitable,
		/// All k slots of the task are taken.
		TaskFull,
		/// The provider already has a slot on this task: one slot per provider.
		AlreadyWorker,
		/// The caller has no slot on this task.
		NotWorker,
		/// The worker already submitted its result.
		AlreadySubmitted,
		/// A provider has taken a slot: the task can no longer be cancelled; it ends at its
		/// deadline at the latest.
		Started,
		/// The task's result is not waiting for review (still open, or already disputed).
		NotInReview,
		/// The review window is over: the result counts as accepted; `close` pays it.
		ReviewOver,
		/// The task is not disputed: only a disputed task's escrow can be ruled on.
		NotDisputed,
		/// The order is not due yet (before its expiry, deadline or review end), or it is
		/// disputed and waits for a ruling.
		NotDue,
		/// Leases are settled by the leases pallet: this escrow only knows tasks.
		WrongSubject,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::process_due(now)
		}

		fn integrity_test() {
			assert!(T::BlocksPerHour::get() > 0, "an hour has blocks");
			assert!(T::MaxOrdersPerAccount::get() > 0, "consumers must be able to post");
			assert!(T::MaxProviders::get() > 0, "a task needs a provider");
			assert!(T::MaxDuePerBlock::get() > 0, "orders must be able to fall due");
			assert!(T::MaxDuePerInit::get() > 0, "due orders must be settled");
			assert!(!T::MaxLifetime::get().is_zero(), "orders must be able to live");
			assert!(!T::MaxReview::get().is_zero(), "consumers must be able to review");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Posts a lease-type demand: a resource meeting `requirements` for `hours`, at most
		/// `max_price` per hour, fillable until `expires`. Holds `max_price × hours`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::post_demand())]
		pub fn post_demand(
			origin: OriginFor<T>,
			requirements: Filter<BalanceOf<T>>,
			hours: u32,
			max_price: BalanceOf<T>,
			expires: BlockNumberFor<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_post_demand(who, requirements, hours, max_price, expires)
		}

		/// Fills a demand with the caller's listed `resource` at `price` per hour (at most the
		/// demand's maximum): the budget is released and a lease opened for the consumer.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::fill())]
		pub fn fill(
			origin: OriginFor<T>,
			order: OrderId,
			resource: ResourceId,
			price: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_fill(who, order, resource, price)
		}

		/// Cancels a demand, or a task no provider has taken a slot of; what it holds is
		/// released.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::cancel())]
		pub fn cancel(origin: OriginFor<T>, order: OrderId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel(who, order)
		}

		/// Posts a task for `task.providers` workers. Holds `reward × providers`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::post_task())]
		pub fn post_task(origin: OriginFor<T>, task: TaskSpecOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_post_task(who, task)
		}

		/// Takes a slot of a task with the caller's listed `resource`, which becomes busy with
		/// it until the result is submitted.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::take())]
		pub fn take(origin: OriginFor<T>, order: OrderId, resource: ResourceId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_take(who, order, resource)
		}

		/// Submits the caller's result: the hash of its output and where to fetch it. Its
		/// resource is released; the last of the k results decides the task.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::submit(T::MaxProviders::get()))]
		pub fn submit(
			origin: OriginFor<T>,
			order: OrderId,
			result: H256,
			uri: Uri,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_submit(who, order, result, uri)
		}

		/// The consumer accepts the result under review: its workers are paid.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::accept_result(T::MaxProviders::get()))]
		pub fn accept_result(origin: OriginFor<T>, order: OrderId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_accept_result(who, order)
		}

		/// The consumer rejects the result under review, within the review window: the escrow
		/// is frozen and a dispute opened against the majority's first worker.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::reject_result())]
		pub fn reject_result(origin: OriginFor<T>, order: OrderId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reject_result(who, order)
		}

		/// The arbiter settles a disputed task: each majority worker gets `provider_share` of
		/// its reward (less the fee), the consumer the rest.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::rule(T::MaxProviders::get()))]
		pub fn rule(
			origin: OriginFor<T>,
			order: OrderId,
			provider_share: Perbill,
		) -> DispatchResultWithPostInfo {
			T::ArbiterOrigin::ensure_origin(origin)?;
			Self::do_rule(order, provider_share)
		}

		/// Anyone settles an order that is due, as the due queue would: refunds an expired
		/// demand, ends a task at its deadline, accepts a result whose review window is over.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::close(T::MaxProviders::get()))]
		pub fn close(origin: OriginFor<T>, order: OrderId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_close(order)
		}
	}
}
