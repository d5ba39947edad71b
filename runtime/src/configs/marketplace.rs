//! The compute marketplace: the resource registry (providers, machines, verification,
//! certificates, listing), scoring (performance scores, reputation), leases (renting with the
//! rent in escrow, settlement, fees) and orders (demands providers fill, task orders).

use crate::{
	governance::ensure, Balance, Balances, Hash, Registry, Runtime, RuntimeHoldReason, Scoring,
	TreasuryAccount, DAYS, HOURS, MONTHS, UNITS,
};
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{tokens::imbalance::ResolveTo, ConstU32, Randomness},
		PalletId,
	},
	frame_system, pallet_babe,
	sp_runtime::{
		traits::{BlakeTwo256, Hash as _},
		Perbill, Percent, Permill,
	},
};
use powerverse_primitives::FeeTerms;

#[cfg(feature = "runtime-benchmarks")]
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
	/// What a deal must pay its provider for a rating of it to weigh in full: 50 PVC.
	pub const RatingFullWeight: u128 = 50 * UNITS;
}

impl pallet_registry::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	// Slashed verifier stake goes to the treasury.
	type Slashed = ResolveTo<TreasuryAccount, Balances>;
	type Nfts = crate::Nfts;
	type Scorer = Scoring;
	type Reputation = Scoring;
	type Sanctions = crate::Arbitration;
	type Randomness = PanelRandomness;
	// Referenda on the market-admin track (or root) set the parameters; those on the
	// verifier-admission track admit verifiers and force verdicts.
	type GovernanceOrigin = ensure::MarketAdmin;
	type AdmissionOrigin = ensure::VerifierAdmission;
	type CollectionDeposit = crate::configs::CollectionDeposit;
	type PalletId = RegistryPalletId;
	type BlocksPerHour = BlocksPerHour;
	type MaxResourcesPerOwner = MaxResourcesPerOwner;
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
	type GovernanceOrigin = ensure::MarketAdmin;
	type MaxModels = ConstU32<256>;
	type DecayHalfLife = DecayHalfLife;
	type RatingFactor = RatingFactor;
	type RulingBonus = ConstU32<20>;
	// A rating weighs in full after a deal that paid 50 PVC, in proportion below: ratings
	// cannot be bought with empty deals.
	type RatingFullWeight = RatingFullWeight;
	// One rater moves one account's reputation at most once a month.
	type RatingPeriod = DecayHalfLife;
	type WeightInfo = pallet_scoring::weights::SubstrateWeight<Runtime>;
}

/// Randomness of verifier panels: BABE's randomness of the last epoch mixed with the VRF
/// output of the parent block's author (in a block without one, the parent hash). It is known
/// from the parent block on, which is what it reports: a panel drawn two blocks after it was
/// asked for comes from a value nobody had when asking. Only the author of the block before
/// the draw could bias it, by withholding that block and losing its reward.
pub struct PanelRandomness;
impl Randomness<Hash, crate::BlockNumber> for PanelRandomness {
	fn random(subject: &[u8]) -> (Hash, crate::BlockNumber) {
		let (epoch, _) = pallet_babe::RandomnessFromOneEpochAgo::<Runtime>::random(subject);
		let (vrf, _) = pallet_babe::ParentBlockRandomness::<Runtime>::random(subject);
		let fresh = vrf.unwrap_or_else(frame_system::Pallet::<Runtime>::parent_hash);
		let now = frame_system::Pallet::<Runtime>::block_number();
		(BlakeTwo256::hash_of(&(epoch, fresh)), now.saturating_sub(1))
	}
}

/// The registry's parameters on the public networks.
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
		verification_fee: 30 * UNITS,
		draw_delay: 2,
	}
}

/// The registry's parameters on development and local networks: a panel of `panel_size`,
/// drawn two blocks after it is asked for, with half a minute to commit and to reveal, so a
/// machine is verified within two minutes of its registration.
pub fn dev_registry_params(
	panel_size: u32,
) -> pallet_registry::Params<Balance, crate::BlockNumber> {
	pallet_registry::Params {
		panel_size,
		commit_period: 5,
		reveal_period: 5,
		verification_fee: 3 * UNITS,
		..registry_params()
	}
}

parameter_types! {
	/// Ratings are open for a week after a lease is settled.
	pub const RatingWindow: crate::BlockNumber = 7 * DAYS;
}

impl pallet_leases::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Resources = Registry;
	type Reputation = Scoring;
	type Sanctions = crate::Arbitration;
	// Until the arbitration pallet exists, disputes are ruled on by the arbiter origin.
	type Disputes = ();
	// The treasury's share of the platform fee.
	type Treasury = ResolveTo<TreasuryAccount, Balances>;
	// The market-admin track sets the fee terms. Until the arbitration pallet rules on
	// disputes, a referendum on the arbitration-appeals track (or root) does.
	type GovernanceOrigin = ensure::MarketAdmin;
	type ArbiterOrigin = ensure::ArbitrationAppeals;
	type BlocksPerHour = BlocksPerHour;
	// 90 days.
	type MaxHours = ConstU32<2_160>;
	type MaxLeasesPerTenant = ConstU32<100>;
	// The rent and up to 15 extensions at other prices.
	type MaxSegments = ConstU32<16>;
	// A full block holds about 950 rents, all ending in the same block when of equal
	// length: the queues of one block and the 7 after it must take them all.
	type MaxDuePerBlock = ConstU32<1_000>;
	// About 180 ms of a 2 s block at most; a full block's leases settle within 10 blocks.
	type MaxDuePerInit = ConstU32<100>;
	type RatingWindow = RatingWindow;
	type WeightInfo = pallet_leases::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MarketBenchmarks;
}

impl pallet_orders::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Resources = Registry;
	type Reputation = Scoring;
	type Sanctions = crate::Arbitration;
	type Leasing = crate::Leases;
	// The fee terms are the leases pallet's: one platform fee for rents and tasks.
	type Fees = crate::Leases;
	type Treasury = ResolveTo<TreasuryAccount, Balances>;
	type Disputes = ();
	// Until the arbitration pallet rules on disputes, a referendum on the
	// arbitration-appeals track (or root) does.
	type ArbiterOrigin = ensure::ArbitrationAppeals;
	type BlocksPerHour = BlocksPerHour;
	type MaxOrdersPerAccount = ConstU32<32>;
	type MaxProviders = ConstU32<7>;
	// Posts and reviews ending together: the queues of 8 blocks take 2,048.
	type MaxDuePerBlock = ConstU32<256>;
	type MaxDuePerInit = ConstU32<64>;
	type MaxLifetime = ConstU32<{ 30 * DAYS }>;
	type MaxReview = ConstU32<{ 3 * DAYS }>;
	// Workers reveal their committed results within an hour of the last commitment (or of
	// the deadline).
	type RevealWindow = ConstU32<HOURS>;
	type RatingWindow = RatingWindow;
	type WeightInfo = pallet_orders::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MarketBenchmarks;
}

parameter_types! {
	/// Machines one provider may register: also the most a blacklisting delists.
	pub const MaxResourcesPerOwner: u32 = 1_000;
}

impl pallet_arbitration::Config for Runtime {
	// A referendum on the administrator track (or root) freezes, blacklists and lifts.
	type AdminOrigin = ensure::Administrator;
	type Resources = Registry;
	type MaxDelisted = MaxResourcesPerOwner;
	type WeightInfo = pallet_arbitration::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MarketBenchmarks;
}

/// Listed machines for the benchmarks of leases and orders, from the registry's own
/// benchmark setup.
#[cfg(feature = "runtime-benchmarks")]
pub struct MarketBenchmarks;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_arbitration::BenchmarkHelper<AccountId> for MarketBenchmarks {
	fn listed_machines(owner: &AccountId, n: u32) -> u32 {
		for _ in 0..n {
			Registry::listed_for_benchmarks(owner);
		}
		n
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl pallet_leases::BenchmarkHelper<AccountId> for MarketBenchmarks {
	fn listed_resource(owner: &AccountId) -> powerverse_primitives::ResourceId {
		Registry::listed_for_benchmarks(owner)
	}
}

/// The total issuance below which the platform fee is no longer burned on the public
/// networks: 1 billion PVC of the 1.4 billion.
pub const BURN_FLOOR: Balance = 1_000_000_000 * UNITS;

/// The platform fee at genesis: 5% of every settled lease or task, 40% of it burned (above
/// `floor`), the rest to the treasury. Development and local chains hold far less than the
/// public floor, so they burn down to zero to show the burn working.
pub fn fee_terms(floor: Balance) -> FeeTerms<Balance> {
	FeeTerms { fee: Permill::from_percent(5), burn: Percent::from_percent(40), floor }
}

#[cfg(feature = "runtime-benchmarks")]
impl pallet_orders::BenchmarkHelper<AccountId> for MarketBenchmarks {
	fn listed_resource(owner: &AccountId) -> powerverse_primitives::ResourceId {
		Registry::listed_for_benchmarks(owner)
	}
}
