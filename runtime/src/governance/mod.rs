//! Governance: referenda decided by conviction-weighted votes of PVC holders (OpenGov), and
//! an elected Council.
//!
//! # Who may do what
//!
//! - **Any account** may submit a referendum (depositing [`SubmissionDeposit`]) to dispatch a
//!   call from one of the origins in [`origins`]; the origin picks the track
//!   ([`tracks`]), which sets the decision deposit, the periods and how much approval and
//!   support the referendum needs. Root proposals (runtime upgrades, anything) need the
//!   most; a small treasury spend the least.
//! - **PVC holders** vote aye or nay on referenda, locking their vote for longer in return
//!   for more weight (conviction), and may delegate their votes per track.
//! - **What each origin may do** is set by the other pallets' configs, through the checks in
//!   [`ensure`] (each also accepts root):
//!   - `Treasurer` administers the treasury and spends up to 10,000,000 PVC at once;
//!     `SmallSpender`, `MediumSpender` and `BigSpender` spend up to 10,000, 100,000 and
//!     1,000,000 PVC ([`TreasurySpender`]).
//!   - `MarketAdmin` sets the market's parameters: fees, the burn floor, score weights and
//!     the GPU model table, bonds, verification parameters ([`ensure::MarketAdmin`]).
//!   - `VerifierAdmission` admits and removes verifiers and forces verification verdicts
//!     ([`ensure::VerifierAdmission`]).
//!   - `ArbitrationAppeals` decides appeals against arbitration rulings
//!     ([`ensure::ArbitrationAppeals`]).
//!   - `Administrator` freezes and blacklists accounts ([`ensure::Administrator`]).
//! - **Root** (a referendum on the root track; sudo on development chains) cancels and kills
//!   referenda and the council's motions, and sets the council's members outright.
//! - **The Council** (7 members and 7 runners-up, elected by PVC holders with
//!   Phragmén every [`TermDuration`], candidates bonding [`CandidacyBond`]) proposes and
//!   votes on motions; a passed motion dispatches from the council's collective origin,
//!   which a config accepts only where it names [`ensure::CouncilMajority`] or
//!   [`ensure::CouncilTwoThirds`]. The council cannot dispatch from the origins above:
//!   those come from referenda only.

pub mod origins;
pub mod tracks;

pub use origins::pallet_custom_origins;
pub use tracks::TracksInfo;

use crate::{
	deposit, AccountId, Balance, Balances, BlockNumber, Council, MaxBalance, Preimage, Referenda,
	Runtime, RuntimeBlockWeights, RuntimeCall, RuntimeEvent, RuntimeOrigin, Scheduler, System,
	Treasury, DAYS, MINUTES, UNITS,
};
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{tokens::currency::ActiveIssuanceOf, ConstU32, EitherOf, LockIdentifier},
		weights::Weight,
	},
	frame_system::{EnsureRoot, EnsureRootWithSuccess, EnsureSigned},
	pallet_collective, pallet_conviction_voting, pallet_elections_phragmen, pallet_referenda,
	sp_runtime::Perbill,
	sp_staking::currency_to_vote::U128CurrencyToVote,
};

/// Passes root, with no limit, and the spending origins, each with its limit: the most
/// one treasury spend may move.
pub type TreasurySpender = EitherOf<EnsureRootWithSuccess<AccountId, MaxBalance>, origins::Spender>;

/// The checks other pallets' configs name to accept a governance origin. Each also accepts
/// root, so sudo (on development chains) and a root referendum can always act.
pub mod ensure {
	use super::{origins, AccountId, CouncilCollective};
	use polkadot_sdk::{
		frame_support::traits::EitherOf, frame_system::EnsureRoot, pallet_collective,
	};

	/// Root or the `Treasurer` origin: treasury administration (rejecting and voiding
	/// spends).
	pub type TreasurerOrRoot = EitherOf<EnsureRoot<AccountId>, origins::Treasurer>;
	/// Root or the `MarketAdmin` origin: market parameters.
	pub type MarketAdmin = EitherOf<EnsureRoot<AccountId>, origins::MarketAdmin>;
	/// Root or the `VerifierAdmission` origin: admitting and removing verifiers, forced
	/// verdicts.
	pub type VerifierAdmission = EitherOf<EnsureRoot<AccountId>, origins::VerifierAdmission>;
	/// Root or the `ArbitrationAppeals` origin: appeals against arbitration rulings.
	pub type ArbitrationAppeals = EitherOf<EnsureRoot<AccountId>, origins::ArbitrationAppeals>;
	/// Root or the `Administrator` origin: freezing and blacklisting accounts.
	pub type Administrator = EitherOf<EnsureRoot<AccountId>, origins::Administrator>;
	/// More than half of the council, by a motion.
	pub type CouncilMajority =
		pallet_collective::EnsureProportionMoreThan<AccountId, CouncilCollective, 1, 2>;
	/// At least two thirds of the council, by a motion.
	pub type CouncilTwoThirds =
		pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>;
}

impl pallet_custom_origins::Config for Runtime {}

parameter_types! {
	/// The least a winning vote stays locked, times its conviction's multiplier: 7 days
	/// (a minute with `fast-runtime`). No shorter than any track's enactment delay, so
	/// those who passed a proposal still hold their stake when it takes effect.
	pub const VoteLockingPeriod: BlockNumber =
		if cfg!(feature = "fast-runtime") { MINUTES } else { 7 * DAYS };
}

impl pallet_conviction_voting::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_conviction_voting::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type Polls = Referenda;
	// Support is measured against the PVC that can vote: all of it but what is
	// deactivated, which is the treasury's pot.
	type MaxTurnout = ActiveIssuanceOf<Balances, AccountId>;
	type MaxVotes = ConstU32<512>;
	type VoteLockingPeriod = VoteLockingPeriod;
	type BlockNumberProvider = System;
	type VotingHooks = ();
}

parameter_types! {
	/// Held from whoever submits a referendum: 10 PVC, refunded if it is approved or
	/// cancelled, so spam costs something.
	pub const SubmissionDeposit: Balance = 10 * UNITS;
	/// A referendum that has not started deciding (no decision deposit, or its track full)
	/// this long after submission may be timed out by anyone: 14 days (5 minutes with
	/// `fast-runtime`).
	pub const UndecidingTimeout: BlockNumber =
		if cfg!(feature = "fast-runtime") { 5 * MINUTES } else { 14 * DAYS };
	/// Referenda's alarms are set to the block: with few referenda the extra wake-ups cost
	/// little.
	pub const AlarmInterval: BlockNumber = 1;
}

impl pallet_referenda::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_referenda::weights::SubstrateWeight<Runtime>;
	type Scheduler = Scheduler;
	type Currency = Balances;
	type SubmitOrigin = EnsureSigned<AccountId>;
	type CancelOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	// Deposits of killed referenda go to the treasury.
	type Slash = Treasury;
	type Votes = pallet_conviction_voting::VotesOf<Runtime>;
	type Tally = pallet_conviction_voting::TallyOf<Runtime>;
	type SubmissionDeposit = SubmissionDeposit;
	type MaxQueued = ConstU32<100>;
	type UndecidingTimeout = UndecidingTimeout;
	type AlarmInterval = AlarmInterval;
	type Tracks = TracksInfo;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

/// The council's instance of pallet-collective.
pub type CouncilCollective = pallet_collective::Instance1;

parameter_types! {
	/// How long a council motion stays open for votes: 5 days (2 minutes with
	/// `fast-runtime`).
	pub const CouncilMotionDuration: BlockNumber =
		if cfg!(feature = "fast-runtime") { 2 * MINUTES } else { 5 * DAYS };
	/// Open council motions, at most.
	pub const CouncilMaxProposals: u32 = 100;
	/// Council members, at most: room above the 7 elected for members set by root.
	pub const CouncilMaxMembers: u32 = 13;
	/// The heaviest call a council motion may dispatch: half a block, so a motion's call
	/// always fits with the block's other work.
	pub MaxCouncilProposalWeight: Weight =
		Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = CouncilMaxProposals;
	type MaxMembers = CouncilMaxMembers;
	// Members who did not vote when a motion closes vote as the prime member did.
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxCouncilProposalWeight;
	type DisapproveOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	// Members propose for free: there are few of them and they are elected.
	type Consideration = ();
}

parameter_types! {
	/// The lock id of votes in council elections (staking's is `staking `, conviction
	/// voting's `pyconvot`).
	pub const ElectionsPhragmenPalletId: LockIdentifier = *b"pv/elect";
	/// Reserved from a council candidate: 100 PVC, lost if the candidate ends neither
	/// member nor runner-up.
	pub const CandidacyBond: Balance = 100 * UNITS;
	/// Reserved from a voter, base part: one storage item of the voter's key (32 bytes)
	/// and stake and deposit (16 + 16 bytes).
	pub const VotingBondBase: Balance = deposit(1, 64);
	/// Reserved from a voter, per candidate voted for: an account id.
	pub const VotingBondFactor: Balance = deposit(0, 32);
	/// Seats on the council filled by election.
	pub const DesiredMembers: u32 = 7;
	/// Runners-up kept to fill seats that fall vacant between elections.
	pub const DesiredRunnersUp: u32 = 7;
	/// Council elections are held this often: 7 days (5 minutes with `fast-runtime`).
	pub const TermDuration: BlockNumber =
		if cfg!(feature = "fast-runtime") { 5 * MINUTES } else { 7 * DAYS };
	/// Candidates, at most. This and the two below bound the election's weight, which the
	/// pallet checks to be below a block's.
	pub const ElectionsMaxCandidates: u32 = 64;
	/// Voters, at most.
	pub const ElectionsMaxVoters: u32 = 512;
	/// Candidates one voter may vote for, at most.
	pub const ElectionsMaxVotesPerVoter: u32 = 16;
}

// Every elected member must fit in the council.
const _: () = assert!(DesiredMembers::get() <= CouncilMaxMembers::get());

impl pallet_elections_phragmen::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type PalletId = ElectionsPhragmenPalletId;
	type Currency = Balances;
	type ChangeMembers = Council;
	// The council's genesis members therefore come from this pallet's genesis, not the
	// council's.
	type InitializeMembers = Council;
	// As staking: stakes are scaled down into a u64 by the issuance's multiple of u64::MAX
	// (75 at 1.4 billion PVC), the same factor for every voter.
	type CurrencyToVote = U128CurrencyToVote;
	type CandidacyBond = CandidacyBond;
	type VotingBondBase = VotingBondBase;
	type VotingBondFactor = VotingBondFactor;
	// Bonds of losing candidates, and of members root removes with a slash, go to the
	// treasury. (This version slashes both through `LoserCandidate` and never uses
	// `KickedMember`; it is set alike in case a later one does.)
	type LoserCandidate = Treasury;
	type KickedMember = Treasury;
	type DesiredMembers = DesiredMembers;
	type DesiredRunnersUp = DesiredRunnersUp;
	type TermDuration = TermDuration;
	type MaxCandidates = ElectionsMaxCandidates;
	type MaxVoters = ElectionsMaxVoters;
	type MaxVotesPerVoter = ElectionsMaxVotesPerVoter;
	type WeightInfo = pallet_elections_phragmen::weights::SubstrateWeight<Runtime>;
}
