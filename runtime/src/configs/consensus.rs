//! Proof of stake: BABE block production, GRANDPA finality, sessions, nominated staking,
//! the on-chain election and the slashing of equivocations.

use crate::{
	AccountId, Babe, Balance, Balances, Historical, Offences, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeHoldReason, Session, SessionKeys, Staking, Timestamp, TreasuryAccount,
	UncheckedExtrinsic, EPOCH_DURATION_IN_SLOTS, MILLISECS_PER_BLOCK, SESSIONS_PER_ERA, UNITS,
};
use polkadot_sdk::{
	frame_election_provider_support::{
		bounds::{ElectionBounds, ElectionBoundsBuilder},
		onchain, SequentialPhragmen,
	},
	frame_support::{
		parameter_types,
		traits::{tokens::imbalance::ResolveTo, ConstBool, ConstU32, KeyOwnerProofSystem},
	},
	frame_system::{self, EnsureRoot},
	pallet_authorship, pallet_babe, pallet_grandpa, pallet_offences, pallet_staking,
	sp_core::crypto::KeyTypeId,
	sp_runtime::{
		traits::{ConvertInto, OpaqueKeys},
		Perbill, Percent,
	},
	sp_staking::{EraIndex, SessionIndex},
};

parameter_types! {
	/// Blocks in an epoch: BABE's randomness and authority set change at its end.
	pub const EpochDuration: u64 = EPOCH_DURATION_IN_SLOTS;
	/// Expected time between blocks.
	pub const ExpectedBlockTime: u64 = MILLISECS_PER_BLOCK;
	/// Equivocation reports stay valid this long in the pool: a whole era.
	pub const ReportLongevity: u64 =
		BondingDuration::get() as u64 * SessionsPerEra::get() as u64 * EpochDuration::get();
	/// Most validators (BABE and GRANDPA authorities) there can be.
	pub const MaxAuthorities: u32 = 100;
}

impl pallet_babe::Config for Runtime {
	type EpochDuration = EpochDuration;
	type ExpectedBlockTime = ExpectedBlockTime;
	// Epochs change with sessions, which staking drives.
	type EpochChangeTrigger = pallet_babe::ExternalTrigger;
	type DisabledValidators = Session;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = MaxExposurePageSize;
	type KeyOwnerProof =
		<Historical as KeyOwnerProofSystem<(KeyTypeId, pallet_babe::AuthorityId)>>::Proof;
	type EquivocationReportSystem =
		pallet_babe::EquivocationReportSystem<Self, Offences, Historical, ReportLongevity>;
}

parameter_types! {
	/// GRANDPA set ids kept for equivocation proofs: one per session of the bonding period.
	pub const MaxSetIdSessionEntries: u32 = BondingDuration::get() * SessionsPerEra::get();
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = MaxExposurePageSize;
	type MaxSetIdSessionEntries = MaxSetIdSessionEntries;
	type KeyOwnerProof =
		<Historical as KeyOwnerProofSystem<(KeyTypeId, pallet_grandpa::AuthorityId)>>::Proof;
	type EquivocationReportSystem =
		pallet_grandpa::EquivocationReportSystem<Self, Offences, Historical, ReportLongevity>;
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Babe>;
	// Staking gives the author era points, which weigh its share of the era's reward.
	type EventHandler = Staking;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = Babe;
	type NextSessionRotation = Babe;
	type SessionManager = pallet_session::historical::NoteHistoricalRoot<Self, Staking>;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	// A slashed validator stays disabled for the rest of the era, up to a third of the set
	// (more would stall finality).
	type DisablingStrategy = pallet_session::disabling::UpToLimitWithReEnablingDisablingStrategy;
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = ();
}

impl pallet_session::historical::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type FullIdentification = ();
	type FullIdentificationOf = pallet_staking::UnitIdentificationOf<Self>;
}

impl pallet_offences::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = pallet_session::historical::IdentificationTuple<Self>;
	type OnOffenceHandler = Staking;
}

parameter_types! {
	/// Sessions in an era: validators are elected once an era.
	pub const SessionsPerEra: SessionIndex = SESSIONS_PER_ERA;
	/// Eras a stake stays locked after `unbond`: 7 days (2 eras with `fast-runtime`).
	pub const BondingDuration: EraIndex = if cfg!(feature = "fast-runtime") { 2 } else { 28 };
	/// Eras a slash waits before it is applied, so governance can cancel an unjust one.
	/// Always below the bonding duration so a slashed stake cannot leave first.
	pub const SlashDeferDuration: EraIndex = if cfg!(feature = "fast-runtime") { 1 } else { 27 };
	/// Eras of history kept for reward claims.
	pub const HistoryDepth: u32 = 84;
	/// Nominators paid per page of `payout_stakers`.
	pub const MaxExposurePageSize: u32 = 64;
	/// Most validators that can be elected.
	pub const MaxValidatorSet: u32 = MaxAuthorities::get();
	/// Voters (nominators and validators) the on-chain election reads, at most.
	pub const MaxElectingVoters: u32 = 5_000;
	/// Candidates the on-chain election reads, at most.
	pub const MaxElectableTargets: u32 = 1_000;
	/// Backers counted for one winner, at most.
	pub const MaxBackersPerWinner: u32 = 1_024;
	/// Bounds of the on-chain election, so an era change never exceeds a block.
	pub ElectionBoundsOnChain: ElectionBounds = ElectionBoundsBuilder::default()
		.voters_count(MaxElectingVoters::get().into())
		.targets_count(MaxElectableTargets::get().into())
		.build();
	/// Unlocking chunks a ledger may have at once.
	pub const MaxUnlockingChunks: u32 = 32;
	/// Share of each era's emission that goes to stakers; the rest funds the dividend pot.
	pub const StakersShare: Percent = Percent::from_percent(97);
	/// Yearly block-reward emission in the first five years: 140 million PVC over 5 years.
	pub const YearlyEmission: Balance = 28_000_000 * UNITS;
}

/// Sequential Phragmén on chain, bounded by [`ElectionBoundsOnChain`].
pub struct OnChainSeqPhragmen;

impl onchain::Config for OnChainSeqPhragmen {
	type System = Runtime;
	type Solver = SequentialPhragmen<AccountId, Perbill>;
	type DataProvider = Staking;
	type WeightInfo =
		polkadot_sdk::frame_election_provider_support::weights::SubstrateWeight<Runtime>;
	type MaxBackersPerWinner = MaxBackersPerWinner;
	type MaxWinnersPerPage = MaxValidatorSet;
	type Bounds = ElectionBoundsOnChain;
	type Sort = ConstBool<true>;
}

/// Block rewards per era: [`YearlyEmission`] pro rata to the era's length, 97% to validators
/// and nominators, 3% to the dividend pot.
///
/// The white paper's schedule (280 M PVC, halving every 5 years, from 30 days after listing)
/// replaces the flat rate when the dividends pallet lands; until then the 3% goes to the
/// treasury, which holds the pot.
pub struct EraPayout;

impl polkadot_sdk::sp_staking::EraPayout<Balance> for EraPayout {
	fn era_payout(
		_total_staked: Balance,
		_total_issuance: Balance,
		era_duration_millis: u64,
	) -> (Balance, Balance) {
		const MILLIS_PER_YEAR: u128 = 36_525 * 24 * 60 * 60 * 1_000 / 100;
		let emission =
			YearlyEmission::get().saturating_mul(era_duration_millis as u128) / MILLIS_PER_YEAR;
		let to_stakers = StakersShare::get() * emission;
		(to_stakers, emission.saturating_sub(to_stakers))
	}
}

impl pallet_staking::Config for Runtime {
	type OldCurrency = Balances;
	type Currency = Balances;
	type CurrencyBalance = Balance;
	type RuntimeHoldReason = RuntimeHoldReason;
	type UnixTime = Timestamp;
	type CurrencyToVote = polkadot_sdk::sp_staking::currency_to_vote::U128CurrencyToVote;
	type ElectionProvider = onchain::OnChainExecution<OnChainSeqPhragmen>;
	type GenesisElectionProvider = onchain::OnChainExecution<OnChainSeqPhragmen>;
	type NominationsQuota = pallet_staking::FixedNominationsQuota<16>;
	type HistoryDepth = HistoryDepth;
	type RewardRemainder = ResolveTo<TreasuryAccount, Balances>;
	type RuntimeEvent = RuntimeEvent;
	// Slashed funds go to the treasury.
	type Slash = ResolveTo<TreasuryAccount, Balances>;
	type Reward = ();
	type SessionsPerEra = SessionsPerEra;
	type BondingDuration = BondingDuration;
	type SlashDeferDuration = SlashDeferDuration;
	// Governance (council, referenda) replaces root here when the DAO lands.
	type AdminOrigin = EnsureRoot<AccountId>;
	type SessionInterface = Self;
	type EraPayout = EraPayout;
	type NextNewSession = Session;
	type MaxExposurePageSize = MaxExposurePageSize;
	type MaxValidatorSet = MaxValidatorSet;
	type VoterList = pallet_staking::UseNominatorsAndValidatorsMap<Self>;
	type TargetList = pallet_staking::UseValidatorsMap<Self>;
	type MaxUnlockingChunks = MaxUnlockingChunks;
	type MaxControllersInDeprecationBatch = ConstU32<100>;
	type EventListeners = ();
	type Filter = polkadot_sdk::frame_support::traits::Nothing;
	type BenchmarkingConfig = StakingBenchmarkingConfig;
	type WeightInfo = pallet_staking::weights::SubstrateWeight<Runtime>;
}

/// Sizes the staking benchmarks run at.
pub struct StakingBenchmarkingConfig;

impl pallet_staking::BenchmarkingConfig for StakingBenchmarkingConfig {
	type MaxNominators = ConstU32<1_000>;
	type MaxValidators = ConstU32<1_000>;
}

impl<C> frame_system::offchain::CreateTransactionBase<C> for Runtime
where
	RuntimeCall: From<C>,
{
	type Extrinsic = UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

impl<C> frame_system::offchain::CreateBare<C> for Runtime
where
	RuntimeCall: From<C>,
{
	fn create_bare(call: RuntimeCall) -> UncheckedExtrinsic {
		crate::SubstrateExtrinsic::new_bare(call).into()
	}
}
