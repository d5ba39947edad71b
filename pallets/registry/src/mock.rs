//! A test runtime: System, Balances, Nfts and the registry, with a scorer, reputation and
//! randomness the tests control.

use crate::{self as pallet_registry, Declaration, Params};
use polkadot_sdk::{
	frame_support::{
		derive_impl, parameter_types,
		traits::{AsEnsureOriginWithArg, ConstU32, ConstU64, Hooks, Randomness},
		PalletId,
	},
	frame_system::{self, EnsureRoot},
	pallet_balances,
	pallet_nfts::{self, PalletFeatures},
	sp_core::H256,
	sp_io,
	sp_runtime::{
		testing::{TestSignature, UintAuthorityId},
		traits::{BlakeTwo256, Hash},
		BuildStorage, DispatchResult, Perbill, Percent,
	},
};
use powerverse_primitives::{
	Cpu, Energy, Gpu, Interconnect, ModelName, Price, Region, Reputation, Scorer, Specs, Storage,
	StorageKind, Tier, Window,
};

type Block = frame_system::mocking::MockBlock<Test>;

polkadot_sdk::frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Nfts: pallet_nfts,
		Registry: pallet_registry,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	pub storage Features: PalletFeatures = PalletFeatures::all_enabled();
}

impl pallet_nfts::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type CollectionId = u32;
	type ItemId = u32;
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<frame_system::EnsureSigned<u64>>;
	type ForceOrigin = EnsureRoot<u64>;
	type Locker = ();
	type CollectionDeposit = ConstU64<2>;
	type ItemDeposit = ConstU64<1>;
	type MetadataDepositBase = ConstU64<1>;
	type AttributeDepositBase = ConstU64<1>;
	type DepositPerByte = ConstU64<1>;
	type StringLimit = ConstU32<50>;
	type KeyLimit = ConstU32<50>;
	type ValueLimit = ConstU32<100>;
	type ApprovalsLimit = ConstU32<10>;
	type ItemAttributesApprovalsLimit = ConstU32<2>;
	type MaxTips = ConstU32<10>;
	type MaxDeadlineDuration = ConstU64<10000>;
	type MaxAttributesPerCall = ConstU32<2>;
	type Features = Features;
	type OffchainSignature = TestSignature;
	type OffchainPublic = UintAuthorityId;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type Helper = NftsHelper;
	type BlockNumberProvider = System;
}

/// pallet-nfts' benchmark helper for the test signatures (its `()` wants `MultiSignature`).
#[cfg(feature = "runtime-benchmarks")]
pub struct NftsHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_nfts::BenchmarkHelper<u32, u32, UintAuthorityId, u64, TestSignature> for NftsHelper {
	fn collection(i: u16) -> u32 {
		i.into()
	}
	fn item(i: u16) -> u32 {
		i.into()
	}
	fn signer() -> (UintAuthorityId, u64) {
		(UintAuthorityId(0), 0)
	}
	fn sign(signer: &UintAuthorityId, message: &[u8]) -> TestSignature {
		TestSignature(signer.0, message.to_vec())
	}
}

parameter_types! {
	/// Version the mock scorer reports; tests bump it to trigger re-scoring.
	pub static ScoreVersion: u32 = 0;
	/// Accounts whose reputation is below the threshold.
	pub static Restricted: Vec<u64> = vec![];
	/// Points per core the mock scorer gives: changes with the version in tests.
	pub static PerCore: u32 = 10;
	pub const RegistryPalletId: PalletId = PalletId(*b"pv/regis");
}

/// Scores `cores × PerCore + GPUs × 100 + benchmark`; knows two GPU models.
pub struct MockScorer;
impl Scorer for MockScorer {
	fn score(specs: &Specs, benchmark: Option<u32>) -> u32 {
		specs.cpu.cores as u32 * PerCore::get()
			+ specs.gpu.as_ref().map_or(0, |g| g.count as u32 * 100)
			+ benchmark.unwrap_or(0)
	}
	fn version() -> u32 {
		ScoreVersion::get()
	}
	fn knows_gpu(model: &ModelName) -> bool {
		[&b"RTX 4090"[..], b"H100"].contains(&&model[..])
	}
}

/// Everyone is neutral except the accounts in [`Restricted`].
pub struct MockReputation;
impl Reputation<u64> for MockReputation {
	fn reputation(who: &u64) -> u32 {
		if Restricted::get().contains(who) {
			100
		} else {
			500
		}
	}
	fn is_restricted(who: &u64) -> bool {
		Restricted::get().contains(who)
	}
	fn rate(_: &u64, _: u8) -> DispatchResult {
		Ok(())
	}
	fn ruling(_: &u64, _: bool) {}
}

/// Randomness that changes with the block and the subject.
pub struct MockRandomness;
impl Randomness<H256, u64> for MockRandomness {
	fn random(subject: &[u8]) -> (H256, u64) {
		let now = System::block_number();
		(BlakeTwo256::hash_of(&(subject, now)), now)
	}
}

parameter_types! {
	pub static RescorePerBlock: u32 = 2;
}

impl pallet_registry::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Slashed = ();
	type Nfts = Nfts;
	type Scorer = MockScorer;
	type Reputation = MockReputation;
	type Randomness = MockRandomness;
	type GovernanceOrigin = EnsureRoot<u64>;
	type CollectionDeposit = ConstU64<2>;
	type PalletId = RegistryPalletId;
	type BlocksPerHour = ConstU32<10>;
	type MaxResourcesPerOwner = ConstU32<3>;
	type MaxVerifiers = ConstU32<5>;
	type MaxDeadlinesPerBlock = ConstU32<2>;
	type MaxRounds = ConstU32<2>;
	type RescorePerBlock = RescorePerBlock;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

/// Provider accounts: 1, 2 (and 3 for transfers). Verifiers: 10 to 14. Poor account: 99.
pub const ALICE: u64 = 1;
pub const BOB: u64 = 2;
pub const CAROL: u64 = 3;
pub const VERIFIERS: [u64; 5] = [10, 11, 12, 13, 14];
pub const POOR: u64 = 99;
pub const ENDOWMENT: u64 = 1_000_000;
pub const MIN_BOND: u64 = 1_000;
pub const STAKE: u64 = 500;

/// The parameters of the tests.
pub fn params() -> crate::ParamsOf<Test> {
	Params {
		min_bond: MIN_BOND,
		unbonding_period: 10,
		verifier_stake: STAKE,
		panel_size: 3,
		commit_period: 5,
		reveal_period: 5,
		slash: Perbill::from_percent(10),
		tolerance: Percent::from_percent(10),
	}
}

/// A valid declaration: 16-core CPU, two RTX 4090, fixed price 100 per hour.
pub fn declaration() -> crate::DeclarationOf<Test> {
	Declaration {
		specs: Specs {
			cpu: Cpu {
				model: b"EPYC 9354".to_vec().try_into().unwrap(),
				cores: 16,
				threads: 32,
				base_mhz: 3250,
				boost_mhz: 3800,
			},
			gpu: Some(Gpu {
				model: b"RTX 4090".to_vec().try_into().unwrap(),
				count: 2,
				memory_mib: 24_576,
				cores: 16_384,
				interconnect: Interconnect::Pcie,
			}),
			memory_mib: 131_072,
			memory_mhz: 4800,
			storage: Storage {
				kind: StorageKind::Nvme,
				size_gib: 2048,
				read_mbps: 7000,
				write_mbps: 5000,
			},
			up_mbps: 1000,
			down_mbps: 1000,
		},
		energy: Energy { renewable: Percent::from_percent(60), pue_milli: 1200 },
		region: Region { country: *b"DE", geohash: b"u33db".to_vec().try_into().unwrap() },
		tier: Tier::Regional,
		machine_key: [7; 32],
		telemetry: b"https://m1.example.org/telemetry".to_vec().try_into().unwrap(),
		price: Price::Fixed(100),
		window: Window { from: 0, until: 1_000_000 },
	}
}

/// Builds the test state and checks the registry's invariants after each test.
#[derive(Default)]
pub struct ExtBuilder {
	committee: bool,
}

impl ExtBuilder {
	/// With the five verifiers applied and admitted.
	pub fn with_committee(mut self) -> Self {
		self.committee = true;
		self
	}

	/// The externalities.
	pub fn build(self) -> sp_io::TestExternalities {
		let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		let mut balances: Vec<(u64, u64)> =
			[ALICE, BOB, CAROL].iter().chain(VERIFIERS.iter()).map(|a| (*a, ENDOWMENT)).collect();
		balances.push((POOR, 10));
		pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
			.assimilate_storage(&mut t)
			.unwrap();
		pallet_registry::GenesisConfig::<Test> { params: Some(params()), ..Default::default() }
			.assimilate_storage(&mut t)
			.unwrap();
		let mut ext = sp_io::TestExternalities::new(t);
		ext.execute_with(|| {
			System::set_block_number(1);
			if self.committee {
				for v in VERIFIERS {
					Registry::apply_verifier(RuntimeOrigin::signed(v)).unwrap();
					Registry::admit_verifier(RuntimeOrigin::root(), v).unwrap();
				}
			}
		});
		ext
	}

	/// Runs `test`, then checks the invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Registry::do_try_state().unwrap();
		})
	}
}

/// Runs blocks up to `n`, with the registry's hooks.
pub fn run_to(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Registry::on_initialize(next);
		Registry::on_idle(next, polkadot_sdk::frame_support::weights::Weight::MAX);
	}
}
