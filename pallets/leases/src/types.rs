//! The leases pallet's own data types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use polkadot_sdk::frame_support::{traits::Get, BoundedVec};
use powerverse_primitives::{LeaseId, ResourceId};
use scale_info::TypeInfo;

/// A part of a lease bought at one price: the blocks from the end of the part before it (or
/// the lease's start) up to `end`, whole hours at `price` per hour.
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
pub struct Segment<Balance, BlockNumber> {
	/// Block at which this part ends (exclusive).
	pub end: BlockNumber,
	/// Price per hour these blocks were bought at.
	pub price: Balance,
}

/// A lease: a tenant's use of a resource from `start` to `end`, paid for by `escrow` held on
/// the tenant's balance. The rent and each extension are kept as [`Segment`]s, so every
/// block is paid at the price it was bought at.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxSegments))]
#[codec(mel_bound(AccountId: MaxEncodedLen, Balance: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct Lease<AccountId, Balance, BlockNumber, MaxSegments: Get<u32>> {
	/// Who rents and pays.
	pub tenant: AccountId,
	/// Who owns the resource and is paid.
	pub provider: AccountId,
	/// What is rented.
	pub resource: ResourceId,
	/// Price per hour of the last rent or extension (the price of the last segment).
	pub price: Balance,
	/// First block of the lease.
	pub start: BlockNumber,
	/// Block at which the lease ends (exclusive): the end of the last segment.
	pub end: BlockNumber,
	/// The parts of the lease by the price they were bought at, in order: the rent, then
	/// each extension at another price (an extension at the same price lengthens the last).
	pub segments: BoundedVec<Segment<Balance, BlockNumber>, MaxSegments>,
	/// Rent held on the tenant's balance: the price of every segment, until a dispute
	/// freezes the lease; from then on only what is in dispute (the time used).
	pub escrow: Balance,
	/// Blocks of downtime credited by telemetry: the latest blocks used are not paid for.
	pub credit: u32,
	/// Whether a dispute froze the lease: it stopped at the freeze, the unused rest was
	/// refunded, and `escrow` (the time used) waits for the ruling.
	pub frozen: bool,
	/// Block whose settlement queue holds this lease: `end`, a little later when that
	/// block's queue was full, or later still when a settlement failed and was deferred.
	/// Meaningless once frozen (a frozen lease is not queued).
	pub due: BlockNumber,
}

/// Work queued for a block.
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
pub enum Job {
	/// Settle a lease that has ended.
	Settle(LeaseId),
	/// Close the rating window of a settled lease.
	Forget(LeaseId),
}

/// Who may still rate whom after a lease has been settled; only leases that paid their
/// provider something are rated.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Rating<AccountId, Balance, BlockNumber> {
	/// The tenant of the lease.
	pub tenant: AccountId,
	/// The provider of the lease.
	pub provider: AccountId,
	/// What the lease paid its provider, fee included (never 0): both ratings weigh by it.
	pub paid: Balance,
	/// Last block to rate; the record is forgotten by the job queued at the block after.
	pub until: BlockNumber,
	/// Whether the tenant has rated the provider.
	pub by_tenant: bool,
	/// Whether the provider has rated the tenant.
	pub by_provider: bool,
}
