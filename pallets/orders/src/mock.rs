//! A test runtime: System, Balances and the orders pallet, with in-memory registry,
//! reputation, leasing and arbitration the tests control and inspect.

use crate::{self as pallet_orders};
use alloc::collections::btree_map::BTreeMap;
use polkadot_sdk::{
	frame_support::{
		derive_impl, parameter_types,
		traits::{tokens::imbalance::ResolveTo, ConstU32, ConstU64, Hooks},
		weights::Weight,
	},
	frame_system::{self, EnsureRoot},
	pallet_balances, sp_io,
	sp_runtime::{BuildStorage, DispatchError, DispatchResult, Percent, Permill},
};
use powerverse_primitives::{
	Cpu, Disputes, FeePolicy, FeeTerms, Gpu, Interconnect, LeaseId, Leasing, Price, Region,
	Reputation, ResourceFacts, ResourceId, Resources, Specs, Status, Storage, StorageKind, Subject,
	Tier, Window,
};

type Block = frame_system::mocking::MockBlock<Test>;

polkadot_sdk::frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Orders: pallet_orders,
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
	type ExistentialDeposit = ConstU64<ED>;
}

/// Facts of a mock resource.
pub type Facts = ResourceFacts<u64, u64, u64>;

parameter_types! {
	/// The registry: resources by id.
	pub static Registry: BTreeMap<ResourceId, Facts> = BTreeMap::new();
	/// Accounts whose reputation is below the threshold.
	pub static Restricted: Vec<u64> = vec![];
	/// Reputation of accounts (500 when absent).
	pub static Reputations: BTreeMap<u64, u32> = BTreeMap::new();
	/// Every ruling recorded: `(who, against)`.
	pub static Rulings: Vec<(u64, bool)> = vec![];
	/// Every rating recorded: `(by, who, stars, paid)`.
	pub static Ratings: Vec<(u64, u64, u8, u128)> = vec![];
	/// Whether the reputation keeper refuses ratings (as scoring does for a repeated one).
	pub static RatingsRefused: bool = false;
	/// Every lease opened: `(tenant, resource, hours, price)`; the lease id is the index.
	pub static Leases: Vec<(u64, ResourceId, u32, u64)> = vec![];
	/// Every dispute opened: `(subject, claimant, respondent)`.
	pub static OpenedDisputes: Vec<(Subject, u64, u64)> = vec![];
	/// Whether arbitration refuses new disputes.
	pub static DisputesFull: bool = false;
	pub const TreasuryAccount: u64 = TREASURY;
}

/// Registry with the registry's status rules: engaging needs a listed, undisputed resource.
pub struct MockResources;
impl Resources<u64, u64, u64> for MockResources {
	fn facts(id: ResourceId) -> Option<Facts> {
		Registry::get().get(&id).cloned()
	}
	fn engage(id: ResourceId, _tenant: &u64, task: bool) -> DispatchResult {
		Registry::mutate(|r| {
			let f = r.get_mut(&id).ok_or(DispatchError::Other("unknown resource"))?;
			if f.status != Status::Listed || f.disputed {
				return Err(DispatchError::Other("not listed"));
			}
			f.status = if task { Status::Busy } else { Status::Rented };
			Ok(())
		})
	}
	fn release(id: ResourceId) -> DispatchResult {
		Registry::mutate(|r| {
			let f = r.get_mut(&id).ok_or(DispatchError::Other("unknown resource"))?;
			if !f.status.is_engaged() {
				return Err(DispatchError::Other("not engaged"));
			}
			f.status = Status::Listed;
			Ok(())
		})
	}
	fn set_disputed(id: ResourceId, disputed: bool) -> DispatchResult {
		Registry::mutate(|r| {
			r.get_mut(&id).ok_or(DispatchError::Other("unknown resource"))?.disputed = disputed;
			Ok(())
		})
	}
	fn set_suspended(id: ResourceId, suspended: bool) -> DispatchResult {
		set_status(id, if suspended { Status::Suspended } else { Status::Idle });
		Ok(())
	}
}

/// Everyone at [`Reputations`] (500 by default), restricted when in [`Restricted`]; rulings
/// are recorded in [`Rulings`] and ratings in [`Ratings`] (refused while [`RatingsRefused`]).
pub struct MockReputation;
impl Reputation<u64> for MockReputation {
	fn reputation(who: &u64) -> u32 {
		Reputations::get().get(who).copied().unwrap_or(500)
	}
	fn is_restricted(who: &u64) -> bool {
		Restricted::get().contains(who)
	}
	fn rate(by: &u64, who: &u64, stars: u8, paid: u128) -> DispatchResult {
		if RatingsRefused::get() || by == who || !(1..=5).contains(&stars) {
			return Err(DispatchError::Other("rating refused"));
		}
		Ratings::mutate(|r| r.push((*by, *who, stars, paid)));
		Ok(())
	}
	fn ruling(who: &u64, against: bool) {
		Rulings::mutate(|r| r.push((*who, against)));
	}
}

pub use powerverse_primitives::sanctions::mock::{sanction, MockSanctions};

/// Records leases in [`Leases`] and marks the resource rented; refuses unlisted resources.
pub struct MockLeasing;
impl Leasing<u64, u64> for MockLeasing {
	fn open(
		tenant: &u64,
		resource: ResourceId,
		hours: u32,
		price: u64,
	) -> Result<LeaseId, DispatchError> {
		MockResources::engage(resource, tenant, false)?;
		Ok(Leases::mutate(|l| {
			l.push((*tenant, resource, hours, price));
			l.len() as LeaseId - 1
		}))
	}

	fn max_hours() -> u32 {
		MAX_LEASE_HOURS
	}

	fn open_weight() -> Weight {
		Weight::from_parts(1_000_000, 1_000)
	}
}

/// The longest lease [`MockLeasing`] opens, in hours.
pub const MAX_LEASE_HOURS: u32 = 2_160;

/// Records disputes in [`OpenedDisputes`]; refuses them while [`DisputesFull`].
pub struct MockDisputes;
impl Disputes<u64> for MockDisputes {
	fn open(subject: Subject, claimant: &u64, respondent: &u64) -> DispatchResult {
		if DisputesFull::get() {
			return Err(DispatchError::Other("arbitration is full"));
		}
		OpenedDisputes::mutate(|d| d.push((subject, *claimant, *respondent)));
		Ok(())
	}
}

/// A 10% fee, half of it burned.
pub struct MockFees;
impl FeePolicy<u64> for MockFees {
	fn terms() -> FeeTerms<u64> {
		FeeTerms { fee: Permill::from_percent(10), burn: Percent::from_percent(50), floor: 0 }
	}
}

/// Makes listed resources for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for MockHelper {
	fn listed_resource(owner: &u64) -> ResourceId {
		add_resource(*owner)
	}
}

impl pallet_orders::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Resources = MockResources;
	type Reputation = MockReputation;
	type Sanctions = MockSanctions;
	type Leasing = MockLeasing;
	type Fees = MockFees;
	type Treasury = ResolveTo<TreasuryAccount, Balances>;
	type Disputes = MockDisputes;
	type ArbiterOrigin = EnsureRoot<u64>;
	type BlocksPerHour = ConstU32<10>;
	type MaxOrdersPerAccount = ConstU32<4>;
	type MaxProviders = ConstU32<7>;
	type MaxDuePerBlock = ConstU32<3>;
	type MaxDuePerInit = ConstU32<2>;
	type MaxLifetime = ConstU64<1000>;
	type MaxReview = ConstU64<50>;
	type RevealWindow = ConstU64<REVEAL>;
	type RatingWindow = ConstU64<RATING>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockHelper;
}

/// Existential deposit.
pub const ED: u64 = 10;
/// Blocks to reveal a committed result.
pub const REVEAL: u64 = 4;
/// Blocks to rate after a task paid its workers.
pub const RATING: u64 = 10;
/// Consumers.
pub const ALICE: u64 = 1;
pub const BOB: u64 = 2;
/// Providers.
pub const P1: u64 = 11;
pub const P2: u64 = 12;
pub const P3: u64 = 13;
pub const P4: u64 = 14;
pub const P5: u64 = 15;
pub const P6: u64 = 16;
pub const P7: u64 = 17;
/// Nobody in particular.
pub const STRANGER: u64 = 50;
/// Has almost nothing.
pub const POOR: u64 = 99;
/// Receives the unburned part of the fees.
pub const TREASURY: u64 = 100;
pub const ENDOWMENT: u64 = 1_000_000;

/// Specs of every mock resource: 16 cores, two RTX 4090, 128 GiB, 2 TiB NVMe.
pub fn specs() -> Specs {
	Specs {
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
	}
}

/// Adds a listed resource of `owner` (in Germany, regional tier, 100 per hour, score 500)
/// and returns its id.
pub fn add_resource(owner: u64) -> ResourceId {
	Registry::mutate(|r| {
		let id = r.keys().next_back().map_or(0, |k| k + 1);
		r.insert(
			id,
			ResourceFacts {
				owner,
				status: Status::Listed,
				specs: specs(),
				score: 500,
				tier: Tier::Regional,
				region: Region { country: *b"DE", geohash: b"u33db".to_vec().try_into().unwrap() },
				price: 100,
				offer: Price::Fixed(100),
				window: Window { from: 0, until: 1_000_000 },
				disputed: false,
			},
		);
		id
	})
}

/// Status of a mock resource.
pub fn status(id: ResourceId) -> Status {
	Registry::get()[&id].status
}

/// Hands a mock resource to another owner, as a registry transfer does.
pub fn set_owner(id: ResourceId, owner: u64) {
	Registry::mutate(|r| {
		if let Some(f) = r.get_mut(&id) {
			f.owner = owner;
		}
	});
}

/// Sets the status of a mock resource.
pub fn set_status(id: ResourceId, status: Status) {
	Registry::mutate(|r| {
		if let Some(f) = r.get_mut(&id) {
			f.status = status;
		}
	});
}

/// Builds the test state and checks the pallet's invariants after each test.
pub struct ExtBuilder {
	block: u64,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { block: 1 }
	}
}

impl ExtBuilder {
	/// Starting at `block` (1 by default), with no hook run before it.
	pub fn at(mut self, block: u64) -> Self {
		self.block = block;
		self
	}

	/// The externalities: consumers, providers and a stranger endowed, the treasury with
	/// the existential deposit.
	pub fn build(self) -> sp_io::TestExternalities {
		let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		let mut balances: Vec<(u64, u64)> = [ALICE, BOB, P1, P2, P3, P4, P5, P6, P7, STRANGER]
			.iter()
			.map(|a| (*a, ENDOWMENT))
			.collect();
		balances.push((POOR, 2 * ED));
		balances.push((TREASURY, ED));
		pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
			.assimilate_storage(&mut t)
			.unwrap();
		let mut ext = sp_io::TestExternalities::new(t);
		ext.execute_with(|| System::set_block_number(self.block));
		ext
	}

	/// Runs `test`, then checks the invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Orders::do_try_state().unwrap();
		})
	}
}

/// Runs blocks up to `n`, with the pallet's `on_initialize`.
pub fn run_to(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Orders::on_initialize(next);
	}
}
