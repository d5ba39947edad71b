//! The compute marketplace: the resource registry (providers, machines, verification,
//! certificates, listing) and scoring (performance scores, reputation).

use crate::{
	Balance, Balances, Runtime, RuntimeHoldReason, Scoring, TreasuryAccount, HOURS, MONTHS, UNITS,
};
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{tokens::imbalance::ResolveTo, ConstU32},
		PalletId,
	},
	frame_system::EnsureRoot,
	pallet_babe,
	sp_runtime::{Perbill, Percent},
};

use crate::AccountId;

parameter_types! {
	/// Account owning the certificate collection.
	pub const RegistryPalletId: PalletId = PalletId(*b"pv/regis");
	/// Blocks in an hour, the step of a Dutch auction.
	pub const BlocksPerHour: u32 = HOURS;
	/// A reputation's distance to neutral halves every month without news.
	pub const DecayHalfLife: crate::BlockNumber = MONTHS;
	/// One rating moves reputation a tenth of the way toward the rating's value.
	pub const RatingFactor: Percent = Percent::from_percent(10);
}

impl pallet_registry::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	// Slashed verifier stake goes to the treasury.
	type Slashed = ResolveTo<TreasuryAccount, Balances>;
	type Nfts = crate::Nfts;
	type Scorer = Scoring;
	type Reputation = Scoring;
	// Randomness known one epoch ahead cannot be steered by the block author at hand.
	type Randomness = pallet_babe::RandomnessFromOneEpochAgo<Runtime>;
	// Until the council and referenda exist: root (sudo on development chains).
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type CollectionDeposit = crate::configs::CollectionDeposit;
	type PalletId = RegistryPalletId;
	type BlocksPerHour = BlocksPerHour;
	type MaxResourcesPerOwner = ConstU32<1_000>;
	type MaxVerifiers = ConstU32<100>;
	type MaxDeadlinesPerBlock = ConstU32<50>;
	type MaxRounds = ConstU32<3>;
	type RescorePerBlock = ConstU32<200>;
	type WeightInfo = pallet_registry::weights::SubstrateWeight<Runtime>;
	// The genesis model table has the helper's GPU model; no account starts restricted.
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

impl pallet_scoring::Config for Runtime {
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type MaxModels = ConstU32<256>;
	type DecayHalfLife = DecayHalfLife;
	type RatingFactor = RatingFactor;
	type RulingBonus = ConstU32<20>;
	type WeightInfo = pallet_scoring::weights::SubstrateWeight<Runtime>;
}

/// The registry's parameters at genesis.
pub fn registry_params() -> pallet_registry::Params<Balance, crate::BlockNumber> {
	pallet_registry::Params {
		min_bond: 1_000 * UNITS,
		unbonding_period: 7 * crate::DAYS,
		verifier_stake: 5_000 * UNITS,
		panel_size: 3,
		commit_period: HOURS,
		reveal_period: HOURS,
		slash: Perbill::from_percent(10),
		tolerance: Percent::from_percent(10),
	}
}
