//! The registry's own data types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use polkadot_sdk::{
	sp_core::H256,
	sp_runtime::{
		traits::{ConstU32, Saturating},
		BoundedVec, Deserialize, Perbill, Percent, Serialize,
	},
};
use powerverse_primitives::{Energy, ModelName, Price, Region, Specs, Status, Tier, Window};
use scale_info::TypeInfo;

/// Most verifiers a panel can have.
pub const MAX_PANEL: u32 = 15;

/// A URL: a provider's contact or a machine's telemetry endpoint.
pub type Url = BoundedVec<u8, ConstU32<128>>;
/// A provider's display name.
pub type Name = BoundedVec<u8, ConstU32<64>>;

/// The parameters governance sets.
#[derive(
	Clone,
	Copy,
	Serialize,
	Deserialize,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
#[serde(crate = "polkadot_sdk::sp_runtime::serde", rename_all = "camelCase")]
pub struct Params<Balance, BlockNumber> {
	/// Least bond a provider must hold to register and list resources.
	pub min_bond: Balance,
	/// Blocks between starting to unbond and being able to withdraw.
	pub unbonding_period: BlockNumber,
	/// Stake a verifier holds while in the committee.
	pub verifier_stake: Balance,
	/// Verifiers drawn for each resource: odd, so a majority always exists when all answer.
	pub panel_size: u32,
	/// Blocks the panel has to commit.
	pub commit_period: BlockNumber,
	/// Blocks after the commit period to reveal.
	pub reveal_period: BlockNumber,
	/// Share of the stake a verifier loses for missing the window or disagreeing.
	pub slash: Perbill,
	/// How far a verifier's benchmark figure may be from the majority's median and agree.
	pub tolerance: Percent,
	/// Fee the provider pays for each panel it asks for (at registration, after a changed
	/// declaration, on `request_verification`): held until the panel is counted, then shared
	/// by the members who voted with the majority.
	pub verification_fee: Balance,
	/// Blocks between asking for a panel and drawing it, at least 2: the draw uses
	/// randomness that did not exist when the panel was asked for (the parent block's, at the
	/// soonest), so nobody can know the panel in advance.
	pub draw_delay: BlockNumber,
}

/// A provider: who registers resources and bonds for them.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Provider<Balance, BlockNumber> {
	/// Display name.
	pub name: Name,
	/// How to reach the provider (`mailto:`, `https:`, …).
	pub contact: Url,
	/// Everything held under the bond reason, unbonding part included.
	pub bond: Balance,
	/// Part of the bond being unbonded, and the block from which it can be withdrawn.
	pub unbonding: Option<(Balance, BlockNumber)>,
	/// Resources the provider owns.
	pub resources: u32,
	/// Engagements of its resources: one per rented or busy resource, one per disputed one.
	/// While not zero the bond cannot be unbonded.
	pub engaged: u32,
}

impl<Balance: Saturating + Default + Copy, BlockNumber> Provider<Balance, BlockNumber> {
	/// The part of the bond that is not unbonding.
	pub fn bonded(&self) -> Balance {
		self.bond.saturating_sub(self.unbonding.as_ref().map(|(a, _)| *a).unwrap_or_default())
	}
}

/// What a provider declares about a resource.
#[derive(
	Clone,
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
pub struct Declaration<Balance, BlockNumber> {
	/// Hardware.
	pub specs: Specs,
	/// Energy attributes of the site.
	pub energy: Energy,
	/// Where the machine is.
	pub region: Region,
	/// Network tier.
	pub tier: Tier,
	/// Public key (ed25519 or sr25519) the machine signs its telemetry with.
	pub machine_key: [u8; 32],
	/// Where the machine serves its telemetry.
	pub telemetry: Url,
	/// Price per hour.
	pub price: Price<Balance>,
	/// When it may be rented.
	pub window: Window<BlockNumber>,
}

/// A registered resource.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Resource<AccountId, Balance, BlockNumber> {
	/// Who owns it (and its certificate) and is paid for it.
	pub owner: AccountId,
	/// What the owner declared.
	pub declared: Declaration<Balance, BlockNumber>,
	/// Where it is in its life.
	pub status: Status,
	/// Benchmark figure measured by the verifiers (or set by governance); `None` until
	/// verified, and again after a change of specs.
	pub benchmark: Option<u32>,
	/// Whether the current declaration passed verification.
	pub verified: bool,
	/// Performance score.
	pub score: u32,
	/// Version of the scoring weights the score was computed with.
	pub score_version: u32,
	/// Who rents it or runs a task on it.
	pub tenant: Option<AccountId>,
	/// Whether a dispute holds it.
	pub disputed: bool,
	/// Block it was last listed: a Dutch auction falls from there.
	pub listed_at: BlockNumber,
}

/// What a verifier reports: whether the machine matches its declaration and the benchmark
/// figure measured.
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
pub struct Verdict {
	/// The machine is what its declaration says.
	pub genuine: bool,
	/// Benchmark figure measured (ignored when not genuine).
	pub benchmark: u32,
}

/// One verifier's place on a panel.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Seat<AccountId> {
	/// The verifier.
	pub who: AccountId,
	/// [`crate::verification::commitment`] of the verifier's verdict, once committed.
	pub commit: Option<H256>,
	/// The revealed verdict, once revealed and matching the commit.
	pub verdict: Option<Verdict>,
}

/// A machine's signature (sr25519 or ed25519, 64 bytes) of a verification challenge: the
/// proof that a verifier measured the machine holding the declared key.
pub type MachineSignature = [u8; 64];

/// The verification under way for a resource: first booked for a draw, then with its panel
/// at work.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Verification<AccountId, Balance, BlockNumber> {
	/// Counts the panels drawn for this declaration, from 1.
	pub round: u32,
	/// Block the panel was asked for: its draw waits for randomness newer than this.
	pub requested_at: BlockNumber,
	/// Fee held on the owner for this declaration's panels.
	pub fee: Balance,
	/// Block whose `Deadlines` queue holds this verification: its draw while `panel` is
	/// empty, its counting afterwards.
	pub due: BlockNumber,
	/// What the machine signs for each verifier (see [`crate::verification::challenge_message`]);
	/// drawn with the panel, zero before.
	pub challenge: H256,
	/// Last block to commit (zero until drawn).
	pub commit_end: BlockNumber,
	/// Last block to reveal; the panel is counted at the start of the next block (zero until
	/// drawn).
	pub reveal_end: BlockNumber,
	/// The drawn verifiers; empty until the draw.
	pub panel: BoundedVec<Seat<AccountId>, ConstU32<MAX_PANEL>>,
}

impl<AccountId, Balance, BlockNumber> Verification<AccountId, Balance, BlockNumber> {
	/// Whether the panel has been drawn.
	pub fn drawn(&self) -> bool {
		!self.panel.is_empty()
	}
}

/// A member of (or applicant to) the verifier committee.
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
pub struct Verifier<Balance> {
	/// Stake held under the verifier reason.
	pub stake: Balance,
	/// Approved by governance and in the draw.
	pub active: bool,
	/// Panels it sits on that have not been counted yet: its stake stays held until they
	/// are, so that leaving cannot dodge a slash.
	pub seats: u32,
	/// It left (or was removed) while still seated: out of the draw, its stake released when
	/// its last seat is counted.
	pub leaving: bool,
}

/// A group of listed resources the search index keeps in score order.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub enum Bucket {
	/// Every listed resource.
	All,
	/// Listed resources with GPUs of this model.
	Gpu(ModelName),
	/// Listed resources in this country.
	Country([u8; 2]),
}
