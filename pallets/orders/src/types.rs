//! The orders pallet's own data types.

use crate::pallet::{BalanceOf, Config};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use polkadot_sdk::{
	frame_support::{CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_core::H256,
	sp_runtime::{traits::ConstU32, BoundedVec},
};
use powerverse_primitives::{Filter, OrderId, ResourceId};
use scale_info::TypeInfo;

/// Where a task's description or a result can be fetched (`https:`, `ipfs:`, …).
pub type Uri = BoundedVec<u8, ConstU32<128>>;

/// A lease-type demand of this runtime.
pub type DemandOf<T> = Demand<BalanceOf<T>, BlockNumberFor<T>>;
/// A task as its consumer posts it, in this runtime.
pub type TaskSpecOf<T> = TaskSpec<BalanceOf<T>, BlockNumberFor<T>>;

/// How a task's result is accepted.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Verification {
	/// The consumer reviews the quorum's result and accepts or rejects it within the review
	/// window; silence until the window ends accepts it.
	Consumer,
	/// The workers of the quorum's result are paid as soon as it is known.
	Majority,
}

/// A lease-type demand: the consumer wants a resource meeting `requirements` for `hours`,
/// paying at most `max_price` per hour; any provider with such a resource may fill it.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Demand<Balance, BlockNumber> {
	/// What the resource must be and offer.
	pub requirements: Filter<Balance>,
	/// Length of the lease, in hours.
	pub hours: u32,
	/// Most the consumer pays per hour.
	pub max_price: Balance,
	/// `max_price × hours`, held on the consumer under [`crate::HoldReason::Demand`].
	pub budget: Balance,
	/// From this block on the demand can no longer be filled and is refunded.
	pub expires: BlockNumber,
}

/// A task-type demand as the consumer posts it.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct TaskSpec<Balance, BlockNumber> {
	/// Hash of the task's full description (inputs, program, expected output format).
	pub description: H256,
	/// Where the description can be fetched.
	pub uri: Uri,
	/// What the resources working on it must be and offer.
	pub requirements: Filter<Balance>,
	/// Paid to each worker whose result is accepted (before the platform fee).
	pub reward: Balance,
	/// Workers wanted (k): 1, or more for redundant execution; a result needs a quorum of
	/// `k / 2 + 1` workers revealing it and none revealing another.
	pub providers: u32,
	/// From this block on no slot can be taken nor result committed; the reveal opens.
	pub deadline: BlockNumber,
	/// Blocks the consumer has to review the result once it is known (mode `Consumer`).
	pub review: BlockNumber,
	/// How the result is accepted.
	pub verification: Verification,
}

/// A result a worker revealed.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Submission {
	/// Hash of the output: workers agree when their hashes are equal.
	pub hash: H256,
	/// Where the output can be fetched.
	pub uri: Uri,
}

/// A provider that took a slot of a task with one of its resources.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Worker<AccountId> {
	/// The provider, paid when its result is accepted.
	pub provider: AccountId,
	/// Its resource, busy with the task until the worker commits.
	pub resource: ResourceId,
	/// Its commitment to a result ([`crate::Pallet::commitment`]), once committed.
	pub commitment: Option<H256>,
	/// The result, once revealed.
	pub result: Option<Submission>,
}

/// Where a task is in its life.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Phase<BlockNumber> {
	/// Slots can be taken and results committed until the deadline.
	Open,
	/// Every slot committed, or the deadline passed with commitments: the committed workers
	/// reveal their results until block `until` (excluded); then the results are decided.
	Reveal {
		/// First block at which no result can be revealed.
		until: BlockNumber,
	},
	/// A quorum agreed on the result, which waits for the consumer (mode `Consumer`); it
	/// counts as accepted from block `until` on.
	Review {
		/// The agreed result hash.
		result: H256,
		/// First block at which the review window is over.
		until: BlockNumber,
	},
	/// The escrow waits for a ruling: the consumer rejected the result, arbitration froze
	/// it, or the revealed results disagree or fall short of the quorum.
	Disputed {
		/// The result every remaining worker revealed; `None` when they disagree.
		result: Option<H256>,
	},
}

/// A task order with its workers and escrow.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct Task<T: Config> {
	/// What the consumer posted.
	pub spec: TaskSpecOf<T>,
	/// Who took the slots, in the order they took them. From the reveal on only the workers
	/// who committed remain; from the decision on only those who revealed (in review, only
	/// the quorum's).
	pub workers: BoundedVec<Worker<T::AccountId>, T::MaxProviders>,
	/// Where the task is.
	pub phase: Phase<BlockNumberFor<T>>,
	/// What is still held on the consumer under [`crate::HoldReason::Task`] for this task:
	/// `reward × k` while open, `reward ×` the remaining workers afterwards.
	pub escrow: BalanceOf<T>,
}

/// What an order asks for.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub enum Kind<T: Config> {
	/// A lease-type demand.
	Demand(DemandOf<T>),
	/// A task-type demand.
	Task(Task<T>),
}

/// An open order.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct Order<T: Config> {
	/// Who posted it and pays.
	pub consumer: T::AccountId,
	/// Block whose due queue holds the order's next expiry, deadline or review end; `None`
	/// while disputed, or when no queue had room (then anyone may `close` it once due).
	pub due: Option<BlockNumberFor<T>>,
	/// What it asks for.
	pub kind: Kind<T>,
}

impl<T: Config> Order<T> {
	/// The block from which the order is due for settlement by the queue or `close`: a
	/// demand's expiry, an open task's deadline, the end of a reveal or review; `None` while
	/// disputed.
	pub fn due_at(&self) -> Option<BlockNumberFor<T>> {
		match &self.kind {
			Kind::Demand(d) => Some(d.expires),
			Kind::Task(t) => match t.phase {
				Phase::Open => Some(t.spec.deadline),
				Phase::Reveal { until } | Phase::Review { until, .. } => Some(until),
				Phase::Disputed { .. } => None,
			},
		}
	}

	/// What the order holds on the consumer: a demand's budget or a task's unpaid escrow.
	pub fn held(&self) -> BalanceOf<T> {
		match &self.kind {
			Kind::Demand(d) => d.budget,
			Kind::Task(t) => t.escrow,
		}
	}
}

/// How a task's result came to be accepted.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Acceptance {
	/// The consumer accepted it.
	Consumer,
	/// The consumer did not answer within the review window.
	Silence,
	/// Mode `Majority`: the quorum's result is accepted as soon as it is known.
	Majority,
}

/// A job in the due queue ([`crate::Due`]).
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Job {
	/// Settle an order that is due: expiry, deadline, end of the reveal or of the review.
	Settle(OrderId),
	/// Close the rating window of a paid task ([`crate::TaskRatings`]).
	Forget(OrderId),
}

/// A worker that was paid for a task, and who of it and the consumer has rated the other.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct PaidWorker<AccountId, Balance> {
	/// The worker.
	pub provider: AccountId,
	/// What the task paid it, before the fee: the weight of the ratings between it and the
	/// consumer.
	pub paid: Balance,
	/// Whether the consumer has rated it.
	pub by_consumer: bool,
	/// Whether it has rated the consumer.
	pub by_worker: bool,
}

/// Who may still rate whom after a task paid its workers.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct TaskRating<T: Config> {
	/// The consumer who posted the task.
	pub consumer: T::AccountId,
	/// Last block to rate; the due queue forgets the record at the next one.
	pub until: BlockNumberFor<T>,
	/// The workers paid (more than nothing), each with its rating flags.
	pub workers: BoundedVec<PaidWorker<T::AccountId, BalanceOf<T>>, T::MaxProviders>,
}
