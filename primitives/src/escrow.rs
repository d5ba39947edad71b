//! Escrowed payments for compute: the ids of leases and orders, and the traits through which
//! orders open leases, telemetry reports downtime and arbitration freezes and rules on
//! escrows.

use crate::ResourceId;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::weights::Weight,
	sp_runtime::{DispatchError, DispatchResult, Perbill},
};
use scale_info::TypeInfo;

/// Identifies a lease.
pub type LeaseId = u64;
/// Identifies a demand or task order.
pub type OrderId = u64;

/// What a dispute is about: the escrow of a lease or of a task order.
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
pub enum Subject {
	/// A lease's rent.
	Lease(LeaseId),
	/// A task order's reward.
	Task(OrderId),
}

/// Arbitration as leases and orders see it: where a consumer's complaint goes.
pub trait Disputes<AccountId> {
	/// Records a dispute of `claimant` (the consumer) against `respondent` (the provider)
	/// over `subject`, whose escrow the caller has already frozen. Arbitration later rules
	/// through [`Escrow::rule`].
	///
	/// # Errors
	/// When arbitration cannot take the dispute (e.g. its queue is full): the caller then
	/// changes nothing.
	fn open(subject: Subject, claimant: &AccountId, respondent: &AccountId) -> DispatchResult;
}

/// Takes every dispute: rulings come from the pallets' own arbiter origin.
impl<AccountId> Disputes<AccountId> for () {
	fn open(_: Subject, _: &AccountId, _: &AccountId) -> DispatchResult {
		Ok(())
	}
}

/// An escrow arbitration can act on: implemented by leases (rents) and orders (task rewards).
pub trait Escrow {
	/// Freezes the escrow of `subject`: it is neither paid nor refunded until a ruling.
	///
	/// # Errors
	/// When there is no such open escrow, or it is frozen already.
	fn freeze(subject: Subject) -> DispatchResult;

	/// Settles a frozen escrow by ruling: the provider side gets `provider_share` of what is
	/// in dispute (less the platform fee), the consumer the rest; reputations follow.
	///
	/// # Errors
	/// When there is no such frozen escrow.
	fn rule(subject: Subject, provider_share: Perbill) -> DispatchResult;
}

/// Where telemetry reports that a rented machine was down.
pub trait Downtime {
	/// Credits `blocks` of downtime to the open lease of `resource`, if it has one; the
	/// credited time is refunded to the tenant at settlement. Returns the blocks credited
	/// (never beyond the lease's length).
	///
	/// # Errors
	/// When the resource has no open lease.
	fn report(resource: ResourceId, blocks: u32) -> Result<u32, DispatchError>;
}

/// Opening leases, as demand orders do when a provider fills them.
pub trait Leasing<AccountId, Balance> {
	/// Opens a lease of `resource` for `tenant`, `hours` long from now at `price` per hour,
	/// holding the rent on the tenant's balance.
	///
	/// # Errors
	/// As a direct rent: the resource not listed or not available that long, the tenant
	/// unable to pay, queues full.
	fn open(
		tenant: &AccountId,
		resource: ResourceId,
		hours: u32,
		price: Balance,
	) -> Result<LeaseId, DispatchError>;

	/// The longest lease in hours: a demand asking for more can never be filled.
	fn max_hours() -> u32;

	/// The worst-case weight of [`Self::open`], which callers add to their own.
	fn open_weight() -> Weight;
}
