//! Weights of the registry's calls and hooks.
//!
//! ESTIMATES, not yet generated: each is a base cost plus the storage reads and writes the
//! call makes in its worst case (a certificate update is four pallet-nfts attribute writes,
//! each reading the collection, item and old attribute). Replace with the output of
//! `powerverse-node benchmark pallet --pallet pallet_registry` (see `benchmarking.rs`).

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use polkadot_sdk::frame_support::{traits::Get, weights::Weight};

/// Weights of the registry.
pub trait WeightInfo {
	fn register_provider() -> Weight;
	fn update_provider() -> Weight;
	fn bond_extra() -> Weight;
	fn unbond() -> Weight;
	fn withdraw_unbonded() -> Weight;
	fn register_resource(v: u32) -> Weight;
	fn update_resource() -> Weight;
	fn set_price() -> Weight;
	fn set_window() -> Weight;
	fn set_status() -> Weight;
	fn deregister() -> Weight;
	fn transfer() -> Weight;
	fn request_verification(v: u32) -> Weight;
	fn commit() -> Weight;
	fn reveal() -> Weight;
	fn apply_verifier() -> Weight;
	fn admit_verifier(v: u32) -> Weight;
	fn remove_verifier(v: u32) -> Weight;
	fn force_verify() -> Weight;
	fn set_params() -> Weight;
	fn count_panel(p: u32) -> Weight;
	fn rescore_one() -> Weight;
}

/// Reads and writes of one certificate update.
const CERT_READS: u64 = 12;
const CERT_WRITES: u64 = 4;

/// Weights for a runtime with `T`'s database costs.
pub struct SubstrateWeight<T>(PhantomData<T>);

fn base(ref_time_us: u64, proof: u64) -> Weight {
	Weight::from_parts(ref_time_us * 1_000_000, proof)
}

impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_provider() -> Weight {
		base(60, 4_000).saturating_add(T::DbWeight::get().reads_writes(4, 3))
	}
	fn update_provider() -> Weight {
		base(20, 4_000).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	fn bond_extra() -> Weight {
		base(50, 4_000).saturating_add(T::DbWeight::get().reads_writes(4, 3))
	}
	fn unbond() -> Weight {
		base(30, 4_000).saturating_add(T::DbWeight::get().reads_writes(2, 1))
	}
	fn withdraw_unbonded() -> Weight {
		base(50, 4_000).saturating_add(T::DbWeight::get().reads_writes(4, 3))
	}
	fn register_resource(v: u32) -> Weight {
		base(150, 20_000)
			.saturating_add(Weight::from_parts(200_000 * v as u64, 48 * v as u64))
			.saturating_add(T::DbWeight::get().reads_writes(14 + CERT_READS, 12 + CERT_WRITES))
	}
	fn update_resource() -> Weight {
		base(120, 20_000)
			.saturating_add(T::DbWeight::get().reads_writes(8 + CERT_READS, 6 + CERT_WRITES))
	}
	fn set_price() -> Weight {
		base(25, 2_000).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	fn set_window() -> Weight {
		base(25, 2_000).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	fn set_status() -> Weight {
		base(40, 6_000)
			.saturating_add(T::DbWeight::get().reads_writes(4 + CERT_READS, 1 + CERT_WRITES))
	}
	fn deregister() -> Weight {
		base(120, 12_000).saturating_add(T::DbWeight::get().reads_writes(12, 12))
	}
	fn transfer() -> Weight {
		base(120, 12_000)
			.saturating_add(T::DbWeight::get().reads_writes(14 + CERT_READS, 12 + CERT_WRITES))
	}
	fn request_verification(v: u32) -> Weight {
		base(60, 10_000)
			.saturating_add(Weight::from_parts(200_000 * v as u64, 48 * v as u64))
			.saturating_add(T::DbWeight::get().reads_writes(6, 2))
	}
	fn commit() -> Weight {
		base(30, 3_000).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	fn reveal() -> Weight {
		base(40, 3_000).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	fn apply_verifier() -> Weight {
		base(50, 4_000).saturating_add(T::DbWeight::get().reads_writes(4, 3))
	}
	fn admit_verifier(v: u32) -> Weight {
		base(30, 2_000)
			.saturating_add(Weight::from_parts(20_000 * v as u64, 48 * v as u64))
			.saturating_add(T::DbWeight::get().reads_writes(2, 2))
	}
	fn remove_verifier(v: u32) -> Weight {
		base(50, 4_000)
			.saturating_add(Weight::from_parts(20_000 * v as u64, 48 * v as u64))
			.saturating_add(T::DbWeight::get().reads_writes(5, 4))
	}
	fn force_verify() -> Weight {
		base(80, 8_000)
			.saturating_add(T::DbWeight::get().reads_writes(3 + CERT_READS, 2 + CERT_WRITES))
	}
	fn set_params() -> Weight {
		base(10, 0).saturating_add(T::DbWeight::get().writes(1))
	}
	fn count_panel(p: u32) -> Weight {
		base(80, 10_000).saturating_add(
			T::DbWeight::get()
				.reads_writes(4 + CERT_READS + 6 * p as u64, 3 + CERT_WRITES + 6 * p as u64),
		)
	}
	fn rescore_one() -> Weight {
		base(40, 4_000)
			.saturating_add(T::DbWeight::get().reads_writes(1 + CERT_READS, 1 + CERT_WRITES))
	}
}

impl WeightInfo for () {
	fn register_provider() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn update_provider() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn bond_extra() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn unbond() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn withdraw_unbonded() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn register_resource(_: u32) -> Weight {
		Weight::from_parts(1, 0)
	}
	fn update_resource() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn set_price() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn set_window() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn set_status() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn deregister() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn transfer() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn request_verification(_: u32) -> Weight {
		Weight::from_parts(1, 0)
	}
	fn commit() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn reveal() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn apply_verifier() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn admit_verifier(_: u32) -> Weight {
		Weight::from_parts(1, 0)
	}
	fn remove_verifier(_: u32) -> Weight {
		Weight::from_parts(1, 0)
	}
	fn force_verify() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn set_params() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn count_panel(_: u32) -> Weight {
		Weight::from_parts(1, 0)
	}
	fn rescore_one() -> Weight {
		Weight::from_parts(1, 0)
	}
}
