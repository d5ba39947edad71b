//! How a resource is offered: price, availability window and status.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::sp_runtime::{traits::AtLeast32BitUnsigned, Deserialize, Serialize};
use scale_info::TypeInfo;

/// Price per hour of a resource.
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
	Serialize,
	Deserialize,
)]
#[serde(crate = "polkadot_sdk::sp_runtime::serde", rename_all = "camelCase")]
pub enum Price<Balance> {
	/// The same price per hour until the provider changes it.
	Fixed(Balance),
	/// A Dutch auction: from `start` per hour when listed, falling by `fall` every hour of
	/// listing until `floor` (e.g. 0.15 → 0.08 per hour).
	Dutch {
		/// Price per hour at the listing block.
		start: Balance,
		/// Lowest price per hour.
		floor: Balance,
		/// How much the price per hour falls every hour listed.
		fall: Balance,
	},
}

impl<Balance: AtLeast32BitUnsigned + Copy> Price<Balance> {
	/// Whether the price can be offered: non-zero, floor at most start, a falling auction.
	pub fn is_valid(&self) -> bool {
		match *self {
			Price::Fixed(p) => !p.is_zero(),
			Price::Dutch { start, floor, fall } => {
				!floor.is_zero() && floor <= start && !fall.is_zero()
			},
		}
	}

	/// Price per hour after `hours_listed` full hours of listing.
	pub fn at(&self, hours_listed: u32) -> Balance {
		match *self {
			Price::Fixed(p) => p,
			Price::Dutch { start, floor, fall } => {
				start.saturating_sub(fall.saturating_mul(hours_listed.into())).max(floor)
			},
		}
	}
}

/// The blocks in which a resource may be rented: `from` inclusive, `until` exclusive.
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
	Serialize,
	Deserialize,
)]
#[serde(crate = "polkadot_sdk::sp_runtime::serde", rename_all = "camelCase")]
pub struct Window<BlockNumber> {
	/// First block a lease may start.
	pub from: BlockNumber,
	/// Block by which every lease must have ended.
	pub until: BlockNumber,
}

impl<BlockNumber: PartialOrd + Copy> Window<BlockNumber> {
	/// Whether the window is not empty.
	pub fn is_valid(&self) -> bool {
		self.from < self.until
	}

	/// Whether `[start, end)` lies inside the window.
	pub fn covers(&self, start: BlockNumber, end: BlockNumber) -> bool {
		self.from <= start && start < end && end <= self.until
	}
}

/// Where a resource is in its life.
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
	Serialize,
	Deserialize,
)]
#[serde(crate = "polkadot_sdk::sp_runtime::serde", rename_all = "camelCase")]
pub enum Status {
	/// Registered or changed, waiting for verification; cannot be listed.
	Pending,
	/// Verification found the declared specs false; the provider may change and resubmit.
	Rejected,
	/// Verified and not offered.
	Idle,
	/// Verified and offered: can be rented or take tasks.
	Listed,
	/// Rented by a lease.
	Rented,
	/// Working on a task order.
	Busy,
	/// Taken off the market by its provider for a while; `resume` lists it again.
	Paused,
	/// Taken off the market by arbitration.
	Suspended,
}

impl Status {
	/// Whether a tenant or a task holds the resource.
	pub fn is_engaged(&self) -> bool {
		matches!(self, Status::Rented | Status::Busy)
	}
}

/// Whole hours between two block numbers, given the blocks in an hour.
pub fn hours_between<BlockNumber>(from: BlockNumber, to: BlockNumber, per_hour: u32) -> u32
where
	BlockNumber: AtLeast32BitUnsigned + Copy,
{
	let blocks: u32 = to.saturating_sub(from).unique_saturated_into();
	blocks.checked_div(per_hour).unwrap_or(0)
}
