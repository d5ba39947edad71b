//! Weights for `pallet_leases`.
//!
//! PLACEHOLDER until generated on the reference machine by `make weights` (which overwrites
//! this file with the node's benchmark CLI output): figures of the same order as the
//! registry's measured calls with the reads and writes each call makes.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use polkadot_sdk::frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions of `pallet_leases`.
pub trait WeightInfo {
	fn rent() -> Weight;
	fn extend() -> Weight;
	fn settle() -> Weight;
	fn dispute() -> Weight;
	fn rule() -> Weight;
	fn rate() -> Weight;
	fn set_fees() -> Weight;
	fn settle_due() -> Weight;
}

/// Weights of `pallet_leases` with the runtime's database costs.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn rent() -> Weight {
		Weight::from_parts(300_000_000, 20000)
			.saturating_add(T::DbWeight::get().reads(14_u64))
			.saturating_add(T::DbWeight::get().writes(16_u64))
	}
	fn extend() -> Weight {
		Weight::from_parts(200_000_000, 12000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn settle() -> Weight {
		Weight::from_parts(400_000_000, 20000)
			.saturating_add(T::DbWeight::get().reads(16_u64))
			.saturating_add(T::DbWeight::get().writes(16_u64))
	}
	fn dispute() -> Weight {
		Weight::from_parts(150_000_000, 8000)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn rule() -> Weight {
		Weight::from_parts(420_000_000, 20000)
			.saturating_add(T::DbWeight::get().reads(16_u64))
			.saturating_add(T::DbWeight::get().writes(16_u64))
	}
	fn rate() -> Weight {
		Weight::from_parts(80_000_000, 4000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn set_fees() -> Weight {
		Weight::from_parts(20_000_000, 0)
			.saturating_add(T::DbWeight::get().reads(0_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn settle_due() -> Weight {
		Weight::from_parts(420_000_000, 20000)
			.saturating_add(T::DbWeight::get().reads(17_u64))
			.saturating_add(T::DbWeight::get().writes(17_u64))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn rent() -> Weight {
		Weight::from_parts(300_000_000, 20000)
			.saturating_add(RocksDbWeight::get().reads(14_u64))
			.saturating_add(RocksDbWeight::get().writes(16_u64))
	}
	fn extend() -> Weight {
		Weight::from_parts(200_000_000, 12000)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn settle() -> Weight {
		Weight::from_parts(400_000_000, 20000)
			.saturating_add(RocksDbWeight::get().reads(16_u64))
			.saturating_add(RocksDbWeight::get().writes(16_u64))
	}
	fn dispute() -> Weight {
		Weight::from_parts(150_000_000, 8000)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn rule() -> Weight {
		Weight::from_parts(420_000_000, 20000)
			.saturating_add(RocksDbWeight::get().reads(16_u64))
			.saturating_add(RocksDbWeight::get().writes(16_u64))
	}
	fn rate() -> Weight {
		Weight::from_parts(80_000_000, 4000)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn set_fees() -> Weight {
		Weight::from_parts(20_000_000, 0)
			.saturating_add(RocksDbWeight::get().reads(0_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn settle_due() -> Weight {
		Weight::from_parts(420_000_000, 20000)
			.saturating_add(RocksDbWeight::get().reads(17_u64))
			.saturating_add(RocksDbWeight::get().writes(17_u64))
	}
}
