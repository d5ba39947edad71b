//! A test runtime: System, Balances and the leases pallet, with a mock registry,
//! reputation and arbitration the tests control and inspect.

use crate::{self as pallet_leases};
use alloc::collections::btree_map::BTreeMap;
use core::cell::RefCell;
use polkadot_sdk::{
	frame_support::{
		derive_impl, parameter_types,
		traits::{tokens::imbalance::ResolveTo, ConstU32, ConstU64, Hooks},
	},
	frame_system::{self, EnsureRoot},
	pallet_balances, sp_io,
	sp_runtime::{BuildStorage, DispatchError, DispatchResult, Percent, Permill},
};
use powerverse_primitives::{
	Cpu, Disputes, FeeTerms, Price, Region, Reputation, ResourceFacts, ResourceId, Resources,
	Specs, Status, Storage, StorageKind, Subject, Tier, Window,
};

type Block = frame_system::mocking::MockBlock<Test>;

polkadot_sdk::frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Leases: pallet_leases,
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

/// A resource of the mock registry.
pub type Facts = ResourceFacts<u64, u64, u64>;

thread_local! {
	/// Ratings given: (by, who, stars, paid).
	pub static RATINGS: RefCell<Vec<(u64, u64, u8, u128)>> = const { RefCell::new(Vec::new()) };
	/// Rulings recorded: (who, against).
	pub static RULINGS: RefCell<Vec<(u64, bool)>> = const { RefCell::new(Vec::new()) };
	/// Disputes opened: (subject, claimant, respondent).
	pub static DISPUTES: RefCell<Vec<(Subject, u64, u64)>> = const { RefCell::new(Vec::new()) };
}

/// The mock registry's resources and their tenants.
pub type Machines = BTreeMap<ResourceId, (Facts, Option<u64>)>;

parameter_types! {
	/// The mock registry, kept in storage so that a failed call's changes roll back as the
	/// real registry's do.
	pub storage MockRegistry: Machines = BTreeMap::new();
	/// Accounts whose reputation is below the threshold.
	pub static Restricted: Vec<u64> = vec![];
	/// Whether arbitration refuses new disputes.
	pub static ArbitrationFull: bool = false;
	/// Whether reputation refuses ratings (as scoring does a second one in a period).
	pub static RatingRefused: bool = false;
	/// Whether the registry refuses to release machines (to make settlements fail).
	pub static ReleaseRefused: bool = false;
	/// Jobs `on_initialize` may do per block.
	pub static MaxDuePerInit: u32 = 3;
	pub const TreasuryAccount: u64 = TREASURY;
}

/// Reads the mock registry.
pub fn machines() -> Machines {
	MockRegistry::get()
}

/// Changes the mock registry.
pub fn with_machines<R>(f: impl FnOnce(&mut Machines) -> R) -> R {
	let mut machines = MockRegistry::get();
	let out = f(&mut machines);
	MockRegistry::set(&machines);
	out
}

/// The registry as the leases pallet sees it, kept in [`MockRegistry`].
pub struct MockResources;
impl Resources<u64, u64, u64> for MockResources {
	fn facts(id: ResourceId) -> Option<Facts> {
		machines().get(&id).map(|(f, _)| f.clone())
	}
	fn engage(id: ResourceId, tenant: &u64, task: bool) -> DispatchResult {
		with_machines(|r| {
			let (f, t) = r.get_mut(&id).ok_or(DispatchError::Other("unknown"))?;
			if f.status != Status::Listed || f.disputed {
				return Err(DispatchError::Other("not listed"));
			}
			f.status = if task { Status::Busy } else { Status::Rented };
			*t = Some(*tenant);
			Ok(())
		})
	}
	fn release(id: ResourceId) -> DispatchResult {
		if ReleaseRefused::get() {
			return Err(DispatchError::Other("release refused"));
		}
		with_machines(|r| {
			let (f, t) = r.get_mut(&id).ok_or(DispatchError::Other("unknown"))?;
			if !f.status.is_engaged() {
				return Err(DispatchError::Other("not engaged"));
			}
			f.status = Status::Listed;
			*t = None;
			Ok(())
		})
	}
	fn set_disputed(id: ResourceId, disputed: bool) -> DispatchResult {
		with_machines(|r| {
			let (f, _) = r.get_mut(&id).ok_or(DispatchError::Other("unknown"))?;
			f.disputed = disputed;
			Ok(())
		})
	}
	fn set_suspended(_: ResourceId, _: bool) -> DispatchResult {
		Ok(())
	}
}

/// Neutral reputation that records ratings and rulings, and refuses ratings while
/// [`RatingRefused`].
pub struct MockReputation;
impl Reputation<u64> for MockReputation {
	fn reputation(_: &u64) -> u32 {
		500
	}
	fn is_restricted(who: &u64) -> bool {
		Restricted::get().contains(who)
	}
	fn rate(by: &u64, who: &u64, stars: u8, paid: u128) -> DispatchResult {
		if RatingRefused::get() {
			return Err(DispatchError::Other("rated this period already"));
		}
		RATINGS.with(|r| r.borrow_mut().push((*by, *who, stars, paid)));
		Ok(())
	}
	fn ruling(who: &u64, against: bool) {
		RULINGS.with(|r| r.borrow_mut().push((*who, against)));
	}
}

pub use powerverse_primitives::sanctions::mock::{sanction, MockSanctions};

/// Arbitration that records disputes, or refuses them when [`ArbitrationFull`].
pub struct MockDisputes;
impl Disputes<u64> for MockDisputes {
	fn open(subject: Subject, claimant: &u64, respondent: &u64) -> DispatchResult {
		if ArbitrationFull::get() {
			return Err(DispatchError::Other("arbitration full"));
		}
		DISPUTES.with(|d| d.borrow_mut().push((subject, *claimant, *respondent)));
		Ok(())
	}
}

impl pallet_leases::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Resources = MockResources;
	type Reputation = MockReputation;
	type Sanctions = MockSanctions;
	type Disputes = MockDisputes;
	type Treasury = ResolveTo<TreasuryAccount, Balances>;
	type GovernanceOrigin = EnsureRoot<u64>;
	type ArbiterOrigin = EnsureRoot<u64>;
	type BlocksPerHour = ConstU32<10>;
	type MaxHours = ConstU32<100>;
	type MaxLeasesPerTenant = ConstU32<3>;
	type MaxSegments = ConstU32<3>;
	type MaxDuePerBlock = ConstU32<2>;
	type MaxDuePerInit = MaxDuePerInit;
	type RatingWindow = ConstU64<20>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockHelper;
}

/// Lists a resource of the owner in the mock registry.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for MockHelper {
	fn listed_resource(owner: &u64) -> ResourceId {
		let id = machines().len() as ResourceId + 1000;
		add_resource(id, *owner, Price::Fixed(PRICE));
		id
	}
}

/// Providers: 1 and 2. Tenants: 10, 11. Treasury: 99. Poor tenant: 12.
pub const PROVIDER: u64 = 1;
pub const PROVIDER2: u64 = 2;
pub const TENANT: u64 = 10;
pub const TENANT2: u64 = 11;
pub const POOR: u64 = 12;
pub const TREASURY: u64 = 99;
pub const ENDOWMENT: u64 = 1_000_000;
/// Price per hour of the test machines.
pub const PRICE: u64 = 1_000;

/// Hardware of the test machines.
pub fn specs() -> Specs {
	Specs {
		cpu: Cpu {
			model: b"EPYC 9354".to_vec().try_into().unwrap(),
			cores: 16,
			threads: 32,
			base_mhz: 3250,
			boost_mhz: 3800,
		},
		gpu: None,
		memory_mib: 65_536,
		memory_mhz: 4800,
		storage: Storage {
			kind: StorageKind::Nvme,
			size_gib: 1024,
			read_mbps: 7000,
			write_mbps: 5000,
		},
		up_mbps: 1000,
		down_mbps: 1000,
	}
}

/// Adds a listed resource of `owner` at `price`, rentable from block 0 to 10,000.
pub fn add_resource(id: ResourceId, owner: u64, offer: Price<u64>) {
	let facts = ResourceFacts {
		owner,
		status: Status::Listed,
		specs: specs(),
		score: 100,
		tier: Tier::Regional,
		region: Region { country: *b"DE", geohash: b"u33db".to_vec().try_into().unwrap() },
		price: offer.at(0),
		offer,
		window: Window { from: 0, until: 10_000 },
		disputed: false,
	};
	with_machines(|r| r.insert(id, (facts, None)));
}

/// Changes a resource in the mock registry.
pub fn edit_resource(id: ResourceId, f: impl FnOnce(&mut Facts)) {
	with_machines(|r| f(&mut r.get_mut(&id).unwrap().0));
}

/// Status and tenant of a resource in the mock registry.
pub fn resource_state(id: ResourceId) -> (Status, Option<u64>) {
	machines().get(&id).map(|(f, t)| (f.status, *t)).unwrap()
}

/// The fee terms of the tests: 10%, half burned, no floor.
pub fn fees() -> FeeTerms<u64> {
	FeeTerms { fee: Permill::from_percent(10), burn: Percent::from_percent(50), floor: 0 }
}

/// Builds the test state and checks the invariants after each test.
#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	/// The externalities: funded accounts, resources 1 and 2 of provider 1, 3 of provider 2.
	pub fn build(self) -> sp_io::TestExternalities {
		let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		let balances = vec![
			(PROVIDER, ENDOWMENT),
			(PROVIDER2, ENDOWMENT),
			(TENANT, ENDOWMENT),
			(TENANT2, ENDOWMENT),
			(POOR, 100),
			(TREASURY, 1),
		];
		pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
			.assimilate_storage(&mut t)
			.unwrap();
		pallet_leases::GenesisConfig::<Test> { fees: Some(fees()) }
			.assimilate_storage(&mut t)
			.unwrap();
		let mut ext = sp_io::TestExternalities::new(t);
		ext.execute_with(|| {
			System::set_block_number(1);
			add_resource(1, PROVIDER, Price::Fixed(PRICE));
			add_resource(2, PROVIDER, Price::Fixed(PRICE));
			add_resource(3, PROVIDER2, Price::Fixed(PRICE));
		});
		ext
	}

	/// Runs `test`, then checks the invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Leases::do_try_state().unwrap();
		})
	}
}

/// Runs blocks up to `n`, with the pallet's hook.
pub fn run_to(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Leases::on_initialize(next);
	}
}

/// Whether a resource of the mock registry is disputed.
pub fn is_disputed(id: ResourceId) -> bool {
	machines().get(&id).unwrap().0.disputed
}
