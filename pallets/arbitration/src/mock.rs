//! A mock runtime: System and Arbitration, the administrator is root, and a registry whose
//! listed machines the tests set and whose delistings they inspect.

use crate as pallet_arbitration;
use alloc::collections::btree_map::BTreeMap;
use polkadot_sdk::{
	frame_support::{self, derive_impl, parameter_types, traits::ConstU32},
	frame_system::{self, EnsureRoot},
	sp_io,
	sp_runtime::BuildStorage,
};
use powerverse_primitives::Delist;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Arbitration: pallet_arbitration,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// Most machines a blacklisting delists in the mock.
pub const MAX_DELISTED: u32 = 5;

parameter_types! {
	/// The mock registry: how many listed machines each owner has. Kept in storage so that
	/// a failed call's changes roll back as the real registry's do.
	pub storage Listed: BTreeMap<u64, u32> = BTreeMap::new();
	/// Every owner delisted, in order.
	pub static Delistings: Vec<u64> = vec![];
}

/// Takes all of an owner's listed machines off the market (up to [`MAX_DELISTED`]) and
/// records the call.
pub struct MockRegistry;
impl Delist<u64> for MockRegistry {
	fn delist_owner(owner: &u64) -> u32 {
		Delistings::mutate(|d| d.push(*owner));
		let mut listed = Listed::get();
		let n = listed.remove(owner).unwrap_or(0).min(MAX_DELISTED);
		Listed::set(&listed);
		n
	}
}

/// Gives `owner` `n` listed machines in the mock registry.
pub fn list(owner: u64, n: u32) {
	let mut listed = Listed::get();
	listed.insert(owner, n);
	Listed::set(&listed);
}

/// Listed machines of `owner` in the mock registry.
pub fn listed(owner: u64) -> u32 {
	Listed::get().get(&owner).copied().unwrap_or(0)
}

impl pallet_arbitration::Config for Test {
	type AdminOrigin = EnsureRoot<u64>;
	type Resources = MockRegistry;
	type MaxDelisted = ConstU32<MAX_DELISTED>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockHelper;
}

/// Lists machines in the mock registry for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for MockHelper {
	fn listed_machines(owner: &u64, n: u32) -> u32 {
		list(*owner, n);
		n
	}
}

/// Accounts the tests sanction (the administrator is root).
pub const ALICE: u64 = 1;
pub const BOB: u64 = 2;

/// Builds test externalities at block 1.
#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	/// The externalities at block 1.
	pub fn build(self) -> sp_io::TestExternalities {
		let storage = frame_system::GenesisConfig::<Test>::default()
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
			Arbitration::do_try_state().expect("invariants hold after the test");
		})
	}
}

/// Externalities for the benchmark test suite.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	ExtBuilder.build()
}
