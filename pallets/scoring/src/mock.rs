//! A mock runtime: System and Scoring, governance is root.

use crate as pallet_scoring;
use crate::types::{reference_models, ModelInfo, ParamWeights};
use polkadot_sdk::{
	frame_support::{self, derive_impl, parameter_types, traits::ConstU32},
	frame_system::{self, EnsureRoot},
	sp_io,
	sp_runtime::{BuildStorage, Percent},
};
use powerverse_primitives::ModelName;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Scoring: pallet_scoring,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// Blocks per reputation half-life in the mock.
pub const HALF_LIFE: u64 = 100;
/// Model table capacity in the mock (the reference table holds 14).
pub const MAX_MODELS: u32 = 16;
/// Favourable ruling bonus in the mock.
pub const BONUS: u32 = 20;
/// What a deal must pay for its rating to weigh in full, in the mock.
pub const FULL: u128 = 1_000;
/// Blocks in a rating period in the mock.
pub const PERIOD: u64 = 50;

parameter_types! {
	pub const DecayHalfLife: u64 = HALF_LIFE;
	pub const RatingFactor: Percent = Percent::from_percent(10);
	pub const RulingBonus: u32 = BONUS;
	pub const RatingFullWeight: u128 = FULL;
	pub const RatingPeriod: u64 = PERIOD;
}

impl pallet_scoring::Config for Test {
	type GovernanceOrigin = EnsureRoot<u64>;
	type MaxModels = ConstU32<MAX_MODELS>;
	type DecayHalfLife = DecayHalfLife;
	type RatingFactor = RatingFactor;
	type RulingBonus = RulingBonus;
	type RatingFullWeight = RatingFullWeight;
	type RatingPeriod = RatingPeriod;
	type WeightInfo = ();
}

/// Builds test externalities from the pallet's genesis config.
pub struct ExtBuilder {
	weights: ParamWeights,
	models: Vec<(ModelName, ModelInfo)>,
	threshold: u32,
	ruling_penalty: u32,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			weights: ParamWeights::default(),
			models: reference_models(),
			threshold: 200,
			ruling_penalty: 100,
		}
	}
}

impl ExtBuilder {
	/// Starts with an empty model table.
	pub fn no_models(mut self) -> Self {
		self.models = Vec::new();
		self
	}

	/// Starts with `weights`.
	pub fn weights(mut self, weights: ParamWeights) -> Self {
		self.weights = weights;
		self
	}

	/// Builds the externalities at block 1.
	pub fn build(self) -> sp_io::TestExternalities {
		let storage = RuntimeGenesisConfig {
			system: Default::default(),
			scoring: pallet_scoring::GenesisConfig {
				weights: self.weights,
				models: self.models,
				threshold: self.threshold,
				ruling_penalty: self.ruling_penalty,
				_config: Default::default(),
			},
		}
		.build_storage()
		.expect("the mock genesis is valid; qed");
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Scoring::do_try_state().expect("invariants hold after the test");
		})
	}
}

/// Externalities for the benchmark test suite.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}
