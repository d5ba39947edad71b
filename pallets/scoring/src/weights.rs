//! Weights for `pallet_scoring`.
//!
//! HAND-WRITTEN ESTIMATES until the node's `benchmark pallet` subcommand generates this file
//! from `src/benchmarking.rs`: database reads and writes counted from the code and charged
//! with `T::DbWeight`, plus a conservative compute term (generous against the 5–10 µs such
//! calls measure on reference hardware) and a proof size from the items' `MaxEncodedLen`.

use core::marker::PhantomData;
use polkadot_sdk::{
	frame_support::{
		traits::Get,
		weights::{constants::RocksDbWeight, Weight},
	},
	frame_system,
};

/// Weight functions needed for `pallet_scoring`.
pub trait WeightInfo {
	fn set_weights() -> Weight;
	fn set_model() -> Weight;
	fn remove_model() -> Weight;
	fn set_threshold() -> Weight;
	fn set_ruling_penalty() -> Weight;
}

/// Weights for `pallet_scoring` charged with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Scoring::Version` (r:1 w:1)
	/// Storage: `Scoring::Weights` (r:0 w:1)
	fn set_weights() -> Weight {
		Weight::from_parts(20_000_000, 2_000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Scoring::Models` (r:1 w:1)
	/// Storage: `Scoring::CounterForModels` (r:1 w:1)
	/// Storage: `Scoring::Version` (r:1 w:1)
	fn set_model() -> Weight {
		Weight::from_parts(25_000_000, 7_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Scoring::Models` (r:1 w:1)
	/// Storage: `Scoring::CounterForModels` (r:1 w:1)
	/// Storage: `Scoring::Version` (r:1 w:1)
	fn remove_model() -> Weight {
		Weight::from_parts(25_000_000, 7_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Scoring::Threshold` (r:0 w:1)
	fn set_threshold() -> Weight {
		Weight::from_parts(15_000_000, 500).saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Scoring::RulingPenalty` (r:0 w:1)
	fn set_ruling_penalty() -> Weight {
		Weight::from_parts(15_000_000, 500).saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// The same estimates against RocksDB's weights, for tests and mocks.
impl WeightInfo for () {
	fn set_weights() -> Weight {
		Weight::from_parts(20_000_000, 2_000)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn set_model() -> Weight {
		Weight::from_parts(25_000_000, 7_000)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn remove_model() -> Weight {
		Weight::from_parts(25_000_000, 7_000)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn set_threshold() -> Weight {
		Weight::from_parts(15_000_000, 500).saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn set_ruling_penalty() -> Weight {
		Weight::from_parts(15_000_000, 500).saturating_add(RocksDbWeight::get().writes(1_u64))
	}
}
