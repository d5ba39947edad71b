//! The arbitration pallet's own data types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::sp_core::H256;
use powerverse_primitives::Standing;
use scale_info::TypeInfo;

/// A sanction the administrator put on an account.
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
pub struct Sanction<BlockNumber> {
	/// [`Standing::Frozen`] or [`Standing::Blacklisted`]; never [`Standing::Good`]: an
	/// account in good standing has no record.
	pub standing: Standing,
	/// Block from which the sanction (at this standing) holds.
	pub since: BlockNumber,
	/// Hash of the administrator's statement of the reasons, kept off chain.
	pub reason: H256,
}
