//! The leases pallet's own data types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use powerverse_primitives::{LeaseId, ResourceId};
use scale_info::TypeInfo;

/// A lease: a tenant's use of a resource from `start` to `end`, paid for by `escrow` held on
/// the tenant's balance.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Lease<AccountId, Balance, BlockNumber> {
	/// Who rents and pays.
	pub tenant: AccountId,
	/// Who owns the resource and is paid.
	pub provider: AccountId,
	/// What is rented.
	pub resource: ResourceId,
	/// Price per hour of the last rent or extension.
	pub price: Balance,
	/// First block of the lease.
	pub start: BlockNumber,
	/// Block at which the lease ends (exclusive).
	pub end: BlockNumber,
	/// Rent held on the tenant's balance for the whole lease.
	pub escrow: Balance,
	/// Blocks of downtime credited by telemetry: refunded to the tenant at settlement.
	pub credit: u32,
	/// Whether a dispute froze the escrow: neither paid nor refunded until the ruling.
	pub frozen: bool,
	/// Block whose settlement queue holds this lease: `end`, or a little later when that
	/// block's queue was full.
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

/// Who may still rate whom after a lease has been settled.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Rating<AccountId, BlockNumber> {
	/// The tenant of the lease.
	pub tenant: AccountId,
	/// The provider of the lease.
	pub provider: AccountId,
	/// Last block to rate.
	pub until: BlockNumber,
	/// Whether the tenant has rated the provider.
	pub by_tenant: bool,
	/// Whether the provider has rated the tenant.
	pub by_provider: bool,
}
