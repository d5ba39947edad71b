//! A test runtime: System, Balances, Nfts and the registry, with a scorer, reputation and
//! randomness the tests control.

use crate::{self as pallet_registry, Declaration, Params, Verdict};
use polkadot_sdk::{
	frame_support::{
		assert_ok, derive_impl, parameter_types,
		traits::{
			fungible::InspectHold, tokens::nonfungibles_v2::Inspect as NftInspect,
			AsEnsureOriginWithArg, ConstU32, ConstU64, Hooks, Randomness,
		},
		PalletId,
	},
	frame_system::{self, EnsureRoot},
	pallet_balances,
	pallet_nfts::{self, PalletFeatures},
	sp_core::{self, H256},
	sp_io, sp_keystore,
	sp_runtime::{
		testing::{TestSignature, UintAuthorityId},
		traits::{BlakeTwo256, Hash},
		BuildStorage, DispatchResult, Perbill, Percent,
	},
};
use powerverse_primitives::{
	Cpu, Energy, Gpu, Interconnect, ModelName, Price, Region, Reputation, ResourceId, Scorer,
	Specs, Status, Storage, StorageKind, Tier, Window,
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
	fn rate(_: &u64, _: &u64, _: u8, _: u128) -> DispatchResult {
		Ok(())
	}
	fn ruling(_: &u64, _: bool) {}
}

parameter_types! {}

pub use powerverse_primitives::sanctions::mock::{sanction, MockSanctions};

parameter_types! {
	/// When set, the block the mock randomness claims to be known since (and its value
	/// stays the same): tests of draws that must wait for fresh randomness set it.
	pub static KnownSince: Option<u64> = None;
}

/// Randomness that changes with the block and the subject, known since the current block
/// (unless [`KnownSince`] says otherwise).
pub struct MockRandomness;
impl Randomness<H256, u64> for MockRandomness {
	fn random(subject: &[u8]) -> (H256, u64) {
		match KnownSince::get() {
			Some(at) => (BlakeTwo256::hash_of(&(subject, at)), at),
			None => {
				let now = System::block_number();
				(BlakeTwo256::hash_of(&(subject, now)), now)
			},
		}
	}
}

/// The key pair of test machine `n`: its public key is the `machine_key` of
/// [`declaration_of`]`(n)`.
pub fn machine(n: u32) -> sp_core::sr25519::Pair {
	use sp_core::Pair as _;
	let mut seed = [0u8; 32];
	seed[..4].copy_from_slice(&n.to_le_bytes());
	seed[31] = 0x5e;
	sp_core::sr25519::Pair::from_seed(&seed)
}

/// [`declaration`] with the key of test machine `n`.
pub fn declaration_of(n: u32) -> crate::DeclarationOf<Test> {
	use sp_core::Pair as _;
	crate::Declaration { machine_key: machine(n).public().0, ..declaration() }
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
	type Sanctions = MockSanctions;
	type Randomness = MockRandomness;
	type GovernanceOrigin = EnsureRoot<u64>;
	type AdmissionOrigin = EnsureRoot<u64>;
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
/// Verification fee of the tests: divisible by 3, the panel size, but not by 2.
pub const FEE: u64 = 90;
/// Blocks between asking for a panel and drawing it.
pub const DRAW_DELAY: u64 = 2;

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
		verification_fee: FEE,
		draw_delay: DRAW_DELAY,
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
		// The benchmarks' machines sign their challenges with keystore keys.
		ext.register_extension(sp_keystore::KeystoreExt::new(
			sp_keystore::testing::MemoryKeystore::new(),
		));
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

// ---------------------------------------------------------------------------------------
// Helpers of the tests

type Reg = crate::Pallet<Test>;

/// A signed origin.
pub fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// A bounded name.
pub fn name(s: &str) -> crate::Name {
	s.as_bytes().to_vec().try_into().unwrap()
}

/// A bounded URL.
pub fn url(s: &str) -> crate::Url {
	s.as_bytes().to_vec().try_into().unwrap()
}

/// What `who` holds as provider bond.
pub fn bonded(who: u64) -> u64 {
	<Balances as InspectHold<u64>>::balance_on_hold(&crate::HoldReason::Bond.into(), &who)
}

/// Makes `who` a provider with the minimum bond.
pub fn provider(who: u64) {
	assert_ok!(Reg::register_provider(
		signed(who),
		name("Acme"),
		url("mailto:a@acme.io"),
		MIN_BOND
	));
}

/// Registers a resource of `who` (a provider already) with the key of test machine `id`,
/// its id, and returns the id.
pub fn register(who: u64) -> ResourceId {
	let id = crate::NextResourceId::<Test>::get();
	assert_ok!(Reg::register_resource(signed(who), declaration_of(id)));
	id
}

/// A provider with a verified, idle resource.
pub fn verified(who: u64) -> ResourceId {
	provider(who);
	let id = register(who);
	assert_ok!(Reg::force_verify(RuntimeOrigin::root(), id, 1000));
	id
}

/// A provider with a verified, listed resource.
pub fn listed(who: u64) -> ResourceId {
	let id = verified(who);
	assert_ok!(Reg::list(signed(who), id));
	id
}

/// The status of a resource.
pub fn status(id: ResourceId) -> Status {
	crate::Resources::<Test>::get(id).unwrap().status
}

/// A certificate attribute.
pub fn attribute(id: ResourceId, key: &[u8]) -> Vec<u8> {
	let c = crate::Collection::<Test>::get().unwrap();
	<Nfts as NftInspect<u64>>::system_attribute(&c, Some(&id), key).unwrap_or_default()
}

/// Runs to the block that draws the booked panel of `id` and returns the panel.
pub fn draw(id: ResourceId) -> Vec<u64> {
	let v = crate::Verifications::<Test>::get(id).unwrap();
	assert!(!v.drawn(), "panel of {id} drawn already");
	run_to(v.due);
	panel(id)
}

/// The drawn panel of `id`.
pub fn panel(id: ResourceId) -> Vec<u64> {
	crate::Verifications::<Test>::get(id).unwrap().panel.iter().map(|s| s.who).collect()
}

/// The salt a test verifier uses.
pub fn salt(who: u64) -> [u8; 32] {
	[who as u8; 32]
}

/// A genuine verdict with a benchmark figure.
pub fn genuine(benchmark: u32) -> Verdict {
	Verdict { genuine: true, benchmark }
}

/// A verdict that the machine is not what it claims.
pub const FAKE: Verdict = Verdict { genuine: false, benchmark: 0 };

/// `who`'s commitment to `verdict` on the current round of `id`.
pub fn commit_hash(id: ResourceId, who: u64, verdict: &Verdict) -> H256 {
	let round = crate::Verifications::<Test>::get(id).unwrap().round;
	crate::verification::commitment(id, round, &who, verdict, &salt(who))
}

/// Test machine `machine`'s signature of `who`'s challenge on the current round of `id`.
pub fn proof_by(machine_n: u32, id: ResourceId, who: u64) -> crate::MachineSignature {
	use sp_core::Pair as _;
	let v = crate::Verifications::<Test>::get(id).unwrap();
	let message = crate::verification::challenge_message(id, v.round, &v.challenge, &who);
	machine(machine_n).sign(&message).0
}

/// The proof for a reveal of `verdict` by `who` on `id` (machine `id` signs genuine ones).
pub fn proof(id: ResourceId, who: u64, verdict: &Verdict) -> Option<crate::MachineSignature> {
	verdict.genuine.then(|| proof_by(id, id, who))
}

/// Reveals `who`'s verdict on `id` with the right salt and proof.
pub fn reveal(id: ResourceId, who: u64, verdict: Verdict) -> DispatchResult {
	Reg::reveal(signed(who), id, verdict, salt(who), proof(id, who, &verdict))
}

/// Each `(verifier, verdict)` commits now, then reveals after the commit window; the panel is
/// counted at the end of the reveal window.
pub fn vote(id: ResourceId, votes: &[(u64, Verdict)]) {
	let v = crate::Verifications::<Test>::get(id).unwrap();
	for (who, verdict) in votes {
		assert_ok!(Reg::commit(signed(*who), id, commit_hash(id, *who, verdict)));
	}
	run_to(v.commit_end + 1);
	for (who, verdict) in votes {
		assert_ok!(reveal(id, *who, *verdict));
	}
	run_to(v.reveal_end + 1);
}
