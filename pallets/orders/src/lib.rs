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
//!   held. Providers take slots with their resources ([`Pallet::take`]), which become busy;
//!   one slot per owner and per machine, never the consumer's. Results are committed and
//!   revealed so that nobody can copy another's: a worker commits to its result
//!   ([`Pallet::commit`], which frees its resource) before the deadline, and once every slot
//!   committed or the deadline passed, reveals it ([`Pallet::reveal`]) within
//!   [`Config::RevealWindow`]. A result needs a **quorum**: `k / 2 + 1` workers revealing the
//!   same hash and none revealing another. Then its workers are paid (mode `Majority`) or the
//!   consumer reviews it ([`Pallet::accept_result`], [`Pallet::reject_result`]; silence until
//!   the review window ends accepts). Results that disagree or fall short of the quorum, and
//!   rejected results, go to arbitration ([`Config::Disputes`]) with the escrow frozen;
//!   [`Config::ArbiterOrigin`] (or an arbitration pallet through
//!   [`powerverse_primitives::Escrow`]) rules on it. Workers who missed the deadline or the
//!   reveal, or whose result a ruling does not uphold, lose reputation and are not paid. An
//!   honest worker is never worse off for being honest: nobody can take its result, and no
//!   other results, however many, settle against it without an arbiter.
//! - After a task paid its workers, the consumer and each paid worker may rate each other
//!   once ([`Pallet::rate`]) within [`Config::RatingWindow`].
//!
//! Money: only holds on the consumer's balance ([`HoldReason`]); payments go from the hold to
//! the provider less the platform fee of [`Config::Fees`], burned and sent to
//! [`Config::Treasury`] ([`powerverse_primitives::pay_held`]).
//!
//! Sanctions: an account the administrator froze or blacklisted ([`Config::Sanctions`]) may
//! not post, fill or take orders, and the open orders of a sanctioned consumer can no longer
//! be filled or taken; what is under way (slots taken, results committed) runs to its end.
//!
//! Time: every expiry, deadline, reveal end, review end and rating window end is booked in a
//! per-block due queue ([`Due`]), and unbooked when the order ends or moves on, so the queue
//! holds only live jobs; `on_initialize` does at most [`Config::MaxDuePerInit`] jobs per
//! block, carrying the rest over, and anyone may [`Pallet::close`] an order that is due.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod demand;
mod due;
mod invariants;
mod order;
mod rating;
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
		Sanctions,
	};
	use sp_core::H256;
	use sp_runtime::Perbill;

	/// Balance of the native currency.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;
	/// The jobs falling due in one block.
	pub type DueQueue<T> = BoundedVec<Job, <T as Config>::MaxDuePerBlock>;
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
		/// past the deadline or the reveal, or whose result a ruling does not uphold, get a
		/// ruling against them; consumers and paid workers rate each other.
		type Reputation: Reputation<Self::AccountId>;

		/// The administrator's sanctions: a frozen or blacklisted account may not post, fill
		/// or take orders, and its own open orders can no longer be filled or taken (it may
		/// still cancel them).
		type Sanctions: Sanctions<Self::AccountId>;

		/// Opens the lease when a demand is filled.
		type Leasing: Leasing<Self::AccountId, BalanceOf<Self>>;

		/// The platform fee on rewards paid.
		type Fees: FeePolicy<BalanceOf<Self>>;

		/// Where the unburned part of the fee goes.
		type Treasury: OnUnbalanced<CreditOf<Self>>;

		/// Where rejected results, and results that disagree or fall short of the quorum, go.
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

		/// Blocks the committed workers of a task have to reveal their results, from when
		/// every slot committed or the deadline passed.
		#[pallet::constant]
		type RevealWindow: Get<BlockNumberFor<Self>>;

		/// Blocks after a task paid its workers during which it and its consumer may rate
		/// each other.
		#[pallet::constant]
		type RatingWindow: Get<BlockNumberFor<Self>>;

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

	/// `Due: BlockNumber => [Job]` — jobs to do from the start of that block: orders to
	/// settle (booked where their `due` says) and rating windows to close (at the block after
	/// their `until`). An order or rating record that ends or moves on is unbooked, so every
	/// entry is live.
	#[pallet::storage]
	pub type Due<T: Config> =
		StorageMap<_, Twox64Concat, BlockNumberFor<T>, DueQueue<T>, ValueQuery>;

	/// `DueCursor` — the first block whose due queue is not fully processed; `None` until
	/// the first block is initialised.
	#[pallet::storage]
	pub type DueCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	/// `TaskRatings: OrderId => TaskRating` — tasks that paid workers, whose consumer and
	/// paid workers may still rate each other; removed when all have rated or the window
	/// closes (by the due queue).
	#[pallet::storage]
	pub type TaskRatings<T: Config> =
		StorageMap<_, Twox64Concat, OrderId, TaskRating<T>, OptionQuery>;

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
			/// First block at which no slot can be taken nor result committed.
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
		/// A worker committed to its result; its resource is free again.
		Committed {
			/// The task.
			order: OrderId,
			/// The worker.
			provider: T::AccountId,
			/// Its commitment ([`Pallet::commitment`]).
			commitment: H256,
		},
		/// The committed workers of a task may reveal their results: every slot committed, or
		/// the deadline passed.
		RevealOpened {
			/// The task.
			order: OrderId,
			/// First block at which no result can be revealed.
			until: BlockNumberFor<T>,
		},
		/// A worker revealed the result it committed to.
		Revealed {
			/// The task.
			order: OrderId,
			/// The worker.
			provider: T::AccountId,
			/// Hash of its output.
			result: H256,
		},
		/// A worker did not commit before the deadline, or did not reveal before the end of
		/// the reveal: it gets a ruling against it, is not paid and its resource is released
		/// (if still busy); its share is refunded (see `DeadlineReached`, `Expired`).
		Missed {
			/// The task.
			order: OrderId,
			/// The worker.
			provider: T::AccountId,
			/// Its resource.
			resource: ResourceId,
		},
		/// A task reached its deadline with commitments: the shares of the slots without one
		/// (missed or never taken) are refunded and the reveal opens.
		DeadlineReached {
			/// The task.
			order: OrderId,
			/// Workers who committed.
			committed: u32,
			/// Amount released to the consumer.
			refund: BalanceOf<T>,
		},
		/// A ruling did not uphold a worker's result: it gets a ruling against it and its
		/// share is refunded.
		Outvoted {
			/// The task.
			order: OrderId,
			/// The worker.
			provider: T::AccountId,
			/// Its share, released to the consumer.
			refund: BalanceOf<T>,
		},
		/// The revealed results disagree, or fewer than the quorum revealed the same one: the
		/// escrow of the workers who revealed is frozen and a dispute opened against the first
		/// of them; [`Config::ArbiterOrigin`] rules.
		NoQuorum {
			/// The task.
			order: OrderId,
			/// Results revealed.
			results: u32,
			/// Results needed, all equal: `k / 2 + 1`.
			quorum: u32,
			/// The worker the dispute is against.
			respondent: T::AccountId,
			/// Whether [`Config::Disputes`] took the dispute; if not, only
			/// [`Config::ArbiterOrigin`] rules on it.
			opened: bool,
		},
		/// The quorum's result waits for the consumer's review.
		InReview {
			/// The task.
			order: OrderId,
			/// The agreed result hash.
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
			/// The provider the dispute is against: the quorum's first worker.
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
			/// The result upheld; `None`: every remaining worker's.
			upheld: Option<H256>,
			/// Share of its reward the ruling gave each worker of the upheld result.
			provider_share: Perbill,
			/// Total paid to the workers, before the fee.
			paid: BalanceOf<T>,
			/// Amount released to the consumer.
			refund: BalanceOf<T>,
		},
		/// An order will not be settled by the due queue: no queue had room for its reveal or
		/// review end. Anyone may `close` it from `due` on.
		Unscheduled {
			/// The order.
			order: OrderId,
			/// From when it may be closed.
			due: BlockNumberFor<T>,
		},
		/// Settling a due order in `on_initialize` failed (logged, undone): it is booked again
		/// an hour later, and anyone may `close` it meanwhile.
		SettleFailed {
			/// The order.
			order: OrderId,
			/// Block of the next attempt; `None` when no queue had room (then only `close`).
			retry: Option<BlockNumberFor<T>>,
		},
		/// A task paid its workers: they and the consumer may rate each other.
		RatingsOpened {
			/// The task.
			order: OrderId,
			/// Last block to rate.
			until: BlockNumberFor<T>,
		},
		/// A consumer rated a paid worker of its task, or a paid worker the consumer.
		Rated {
			/// The task.
			order: OrderId,
			/// Who rated.
			by: T::AccountId,
			/// Who was rated.
			who: T::AccountId,
			/// 1 (bad) to 5 (excellent).
			stars: u8,
			/// Hash of a comment kept off chain, if any.
			comment: Option<H256>,
		},
	}

	/// Errors.
	#[pallet::error]
	pub enum Error<T> {
		/// The account's reputation is below the governance threshold: restricted accounts
		/// may not post, fill or take orders.
		Restricted,
		/// A demand of zero hours, or of more hours than a lease may last
		/// ([`powerverse_primitives::Leasing::max_hours`]), or whose blocks
		/// (`hours × BlocksPerHour`) overflow a `u32`: ask for 1 hour up to the longest lease.
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
		/// A consumer may not fill or take its own order, nor work a slot of its task with one
		/// of its own machines.
		OwnOrder,
		/// The demand has expired: it can no longer be filled.
		Expired,
		/// The task's deadline has passed: no slot can be taken nor result committed.
		PastDeadline,
		/// The task is past its commit phase (revealing or decided): it takes no more slots or
		/// commitments.
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
		/// The provider already has a slot on this task: one slot per owner.
		AlreadyWorker,
		/// This machine already worked a slot of this task (under another owner): one slot
		/// per machine.
		SameMachine,
		/// The caller has no slot on this task (or, revealing, no longer has one: it missed
		/// the deadline).
		NotWorker,
		/// The worker already committed to a result.
		AlreadyCommitted,
		/// Another worker of this task committed to the same value: commit to
		/// [`Pallet::commitment`] of your own result, salt and account.
		DuplicateCommitment,
		/// The task does not take reveals now: it waits for every slot to commit or for the
		/// deadline, or its results are decided.
		NotRevealing,
		/// The reveal window is over: a worker who did not reveal counts as missing.
		RevealOver,
		/// The worker did not commit to a result: nothing to reveal.
		NotCommitted,
		/// The worker already revealed its result.
		AlreadyRevealed,
		/// The result, salt and account do not hash to the worker's commitment.
		BadReveal,
		/// A provider has taken a slot: the task can no longer be cancelled; it ends at its
		/// deadline at the latest.
		Started,
		/// The task's result is not waiting for review (still open, or already disputed).
		NotInReview,
		/// The review window is over: the result counts as accepted; `close` pays it.
		ReviewOver,
		/// The task is not disputed: only a disputed task's escrow can be ruled on.
		NotDisputed,
		/// No worker of the disputed task revealed the result the ruling upholds.
		UnknownResult,
		/// Ratings are 1 to 5 stars.
		BadStars,
		/// Nothing to rate: the task paid no worker, is not settled yet, or its rating window
		/// has closed.
		NotRatable,
		/// Only the consumer and the task's paid workers rate, a worker only the consumer and
		/// the consumer only a paid worker.
		NotParty,
		/// This rater has rated this counterparty for this task already.
		AlreadyRated,
		/// The order is not due yet (before its expiry, deadline or review end), or it is
		/// disputed and waits for a ruling.
		NotDue,
		/// Leases are settled by the leases pallet: this escrow only knows tasks.
		WrongSubject,
		/// The account (the caller, or the consumer whose order it is) is frozen by the
		/// administrator: no new orders, fills or task slots until it is unfrozen.
		AccountFrozen,
		/// The account (the caller, or the consumer whose order it is) is blacklisted by the
		/// administrator: no new orders, fills or task slots until governance lifts it.
		AccountBlacklisted,
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
			assert!(!T::RevealWindow::get().is_zero(), "workers must be able to reveal");
			assert!(!T::RatingWindow::get().is_zero(), "ratings need a window");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Posts a lease-type demand: a resource meeting `requirements` for `hours` (1 to the
		/// longest lease), at most `max_price` per hour, fillable until `expires`.
		///
		/// Origin: signed, the consumer. Holds `max_price × hours` and books the expiry.
		/// Emits `DemandPosted`.
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
		/// demand's maximum).
		///
		/// Origin: signed, the resource's owner. Releases the budget, opens the lease for the
		/// consumer through [`Config::Leasing`] (whose weight is included) and removes the
		/// demand. Emits `Filled`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::fill().saturating_add(T::Leasing::open_weight()))]
		pub fn fill(
			origin: OriginFor<T>,
			order: OrderId,
			resource: ResourceId,
			price: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_fill(who, order, resource, price)
		}

		/// Cancels a demand, or a task no provider has taken a slot of.
		///
		/// Origin: signed, the consumer. Releases what the order holds and removes it and its
		/// due entry. Emits `Cancelled`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::cancel())]
		pub fn cancel(origin: OriginFor<T>, order: OrderId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel(who, order)
		}

		/// Posts a task for `task.providers` workers.
		///
		/// Origin: signed, the consumer. Holds `reward × providers` and books the deadline.
		/// Emits `TaskPosted`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::post_task())]
		pub fn post_task(origin: OriginFor<T>, task: TaskSpecOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_post_task(who, task)
		}

		/// Takes a slot of a task with the caller's listed `resource`: one slot per owner and
		/// per machine, never with the consumer's machines.
		///
		/// Origin: signed, the resource's owner. The resource becomes busy with the task until
		/// its worker commits. Emits `Taken`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::take())]
		pub fn take(origin: OriginFor<T>, order: OrderId, resource: ResourceId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_take(who, order, resource)
		}

		/// Commits the caller's result before the deadline, without showing it:
		/// `commitment = blake2_256(SCALE((order, result, salt, worker)))` with `order: u64`,
		/// `result: H256` (the output's hash), `salt: H256` (secret, random) and `worker:
		/// AccountId` (the caller), as [`Pallet::commitment`] computes it. Bound to the caller,
		/// a commitment copied from another worker can never be revealed.
		///
		/// Origin: signed, a worker of the task. Frees its resource. When every slot has
		/// committed the reveal opens for [`Config::RevealWindow`] blocks. Emits `Committed`,
		/// then `RevealOpened` when it was the last.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::commit())]
		pub fn commit(origin: OriginFor<T>, order: OrderId, commitment: H256) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_commit(who, order, commitment)
		}

		/// Reveals the result the caller committed to: the output's hash `result`, where to
		/// fetch it (`uri`) and the `salt`; they must hash with the caller's account to its
		/// commitment. Accepted from when the reveal opens (`RevealOpened`) until its end.
		///
		/// Origin: signed, a worker of the task that committed. The last reveal decides the
		/// task (see the crate documentation: quorum, dispute, payment or review). Emits
		/// `Revealed`, then the decision's events.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::reveal(T::MaxProviders::get()))]
		pub fn reveal(
			origin: OriginFor<T>,
			order: OrderId,
			result: H256,
			uri: Uri,
			salt: H256,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_reveal(who, order, result, uri, salt)
		}

		/// The consumer accepts the result under review.
		///
		/// Origin: signed, the consumer. Pays the workers (less the fee), removes the task and
		/// opens the ratings. Emits `Paid` for each worker, `RatingsOpened`, `Completed`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::accept_result(T::MaxProviders::get()))]
		pub fn accept_result(origin: OriginFor<T>, order: OrderId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_accept_result(who, order)
		}

		/// The consumer rejects the result under review, within the review window.
		///
		/// Origin: signed, the consumer. Freezes the escrow and opens a dispute against the
		/// quorum's first worker through [`Config::Disputes`]. Emits `Rejected`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::reject_result())]
		pub fn reject_result(origin: OriginFor<T>, order: OrderId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reject_result(who, order)
		}

		/// The arbiter settles a disputed task, upholding the result `upheld` (one a worker
		/// of the dispute revealed; `None`: every remaining worker's): each worker of the
		/// upheld result gets `provider_share` of its reward (less the fee); the other workers
		/// get nothing and a ruling against them; the consumer gets the rest.
		///
		/// Origin: [`Config::ArbiterOrigin`]. Removes the task; opens the ratings when a
		/// worker was paid. Emits `Outvoted`, `Paid`, `RatingsOpened` as they happen, then
		/// `Ruled`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::rule(T::MaxProviders::get()))]
		pub fn rule(
			origin: OriginFor<T>,
			order: OrderId,
			provider_share: Perbill,
			upheld: Option<H256>,
		) -> DispatchResultWithPostInfo {
			T::ArbiterOrigin::ensure_origin(origin)?;
			Self::do_rule(order, provider_share, upheld)
		}

		/// Settles an order that is due, as the due queue would: refunds an expired demand,
		/// ends a task's commit phase at its deadline or its reveal at the reveal's end,
		/// accepts a result whose review window is over.
		///
		/// Origin: signed, anyone. Emits the settlement's events.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::close(T::MaxProviders::get()))]
		pub fn close(origin: OriginFor<T>, order: OrderId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_close(order)
		}

		/// Rates the other side of a task that paid its workers, within the rating window:
		/// the consumer rates a paid worker (`who`), a paid worker rates the consumer (`who`
		/// is the consumer); each once per task, 1 to 5 stars, with an optional hash of a
		/// comment kept off chain. The rating weighs what the task paid that worker.
		///
		/// Origin: signed, the consumer or a paid worker. Records the rating with
		/// [`Config::Reputation`]. Emits `Rated`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::rate())]
		pub fn rate(
			origin: OriginFor<T>,
			order: OrderId,
			who: T::AccountId,
			stars: u8,
			comment: Option<H256>,
		) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_rate(by, order, who, stars, comment)
		}
	}
}
