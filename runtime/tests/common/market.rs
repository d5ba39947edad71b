//! The market of the journeys: the development chain with a provider's machines listed at
//! genesis, signed submission, balances and the invariants of every marketplace pallet.

use super::{events, genesis_config, run_to_block, signed};
use polkadot_sdk::{
	frame_support::traits::fungible::{Inspect, InspectHold},
	sp_io::TestExternalities,
	sp_keyring::Sr25519Keyring,
	sp_keystore::{testing::MemoryKeystore, KeystoreExt},
	sp_runtime::{BuildStorage, DispatchError, Percent},
};
use powerverse_primitives::{
	Cpu, Energy, Price, Region, Specs, Status, Storage, StorageKind, Tier, Window,
};
use powerverse_runtime::{
	genesis_config_presets::DEVELOPMENT, AccountId, Balance, Balances, Executive, Leases, Orders,
	Registry, Runtime, RuntimeCall, RuntimeEvent, TreasuryAccount, UNITS,
};

pub const PROVIDER: Sr25519Keyring = Sr25519Keyring::Ferdie;
pub const TENANT: Sr25519Keyring = Sr25519Keyring::Eve;
/// Fixed price of machine 0 per hour: 2 PVC.
pub const FIXED: Balance = 2 * UNITS;
/// Machine 1's auction: 0.15 PVC an hour falling 0.01 an hour to 0.08 (the white paper's).
pub const DUTCH: Price<Balance> =
	Price::Dutch { start: 15 * UNITS / 100, floor: 8 * UNITS / 100, fall: UNITS / 100 };

pub fn account(k: Sr25519Keyring) -> AccountId {
	k.to_account_id()
}

/// Applies `call` signed by `who` in the current block and expects it to succeed.
pub fn submit(who: Sr25519Keyring, call: RuntimeCall) {
	let outcome = Executive::apply_extrinsic(signed(&who.pair(), call.clone()))
		.unwrap_or_else(|e| panic!("{call:?} valid: {e:?}"));
	assert!(outcome.is_ok(), "{call:?} by {who:?} failed: {outcome:?}");
}

pub fn declaration(price: Price<Balance>) -> pallet_registry::DeclarationOf<Runtime> {
	pallet_registry::Declaration {
		specs: Specs {
			cpu: Cpu {
				model: b"EPYC 9354".to_vec().try_into().unwrap(),
				cores: 32,
				threads: 64,
				base_mhz: 3250,
				boost_mhz: 3800,
			},
			gpu: None,
			memory_mib: 262_144,
			memory_mhz: 4800,
			storage: Storage {
				kind: StorageKind::Nvme,
				size_gib: 4096,
				read_mbps: 7000,
				write_mbps: 5000,
			},
			up_mbps: 10_000,
			down_mbps: 10_000,
		},
		energy: Energy { renewable: Percent::from_percent(50), pue_milli: 1300 },
		region: Region { country: *b"DE", geohash: b"u33db".to_vec().try_into().unwrap() },
		tier: Tier::Regional,
		machine_key: [3; 32],
		telemetry: b"https://m.example.net/telemetry".to_vec().try_into().unwrap(),
		price,
		window: Window { from: 0, until: 10_000_000 },
	}
}

/// The development chain with Ferdie a provider of two verified, listed machines (0 at a
/// fixed price, 1 in a Dutch auction) and Dave and Charlie providers of one each (2 and 3,
/// at the fixed price).
pub fn market() -> TestExternalities {
	let mut config = genesis_config(DEVELOPMENT);
	config.registry.providers = [PROVIDER, Sr25519Keyring::Dave, Sr25519Keyring::Charlie]
		.iter()
		.map(|p| (account(*p), b"Provider".to_vec(), 1_000 * UNITS))
		.collect();
	config.registry.resources = [
		(PROVIDER, Price::Fixed(FIXED)),
		(PROVIDER, DUTCH),
		(Sr25519Keyring::Dave, Price::Fixed(FIXED)),
		(Sr25519Keyring::Charlie, Price::Fixed(FIXED)),
	]
	.into_iter()
	.enumerate()
	.map(|(n, (owner, price))| {
		// One machine key per machine.
		let declared =
			pallet_registry::Declaration { machine_key: [n as u8 + 1; 32], ..declaration(price) };
		(account(owner), declared, Some(1_000), true)
	})
	.collect();
	let mut ext = TestExternalities::new(config.build_storage().expect("genesis builds"));
	ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
	ext.execute_with(|| run_to_block(1));
	ext
}

pub fn free(k: Sr25519Keyring) -> Balance {
	Balances::balance(&account(k))
}

pub fn treasury() -> Balance {
	Balances::balance(&TreasuryAccount::get())
}

pub fn escrow(k: Sr25519Keyring) -> Balance {
	Balances::balance_on_hold(&pallet_leases::HoldReason::Rent.into(), &account(k))
}

/// The lease a `Rented` event of this block names.
pub fn rented() -> (u64, u32, Balance, Balance) {
	events()
		.into_iter()
		.find_map(|e| match e {
			RuntimeEvent::Leases(pallet_leases::Event::Rented {
				lease,
				end,
				price,
				escrow,
				..
			}) => Some((lease, end, price, escrow)),
			_ => None,
		})
		.expect("a lease was opened")
}

/// Every marketplace pallet's invariants, and that every rented machine has exactly one
/// open lease and every busy one exactly one task.
pub fn check() {
	Registry::do_try_state().expect("registry invariants hold");
	Leases::do_try_state().expect("leases invariants hold");
	Orders::do_try_state().expect("orders invariants hold");
	for (id, r) in pallet_registry::Resources::<Runtime>::iter() {
		let running = pallet_leases::Running::<Runtime>::get(id);
		assert_eq!(r.status == Status::Rented, running.is_some(), "machine {id}: lease or not");
		let tasks = pallet_orders::Orders::<Runtime>::iter_values()
			.filter(|o| match &o.kind {
				pallet_orders::Kind::Task(t) => {
					t.phase == pallet_orders::Phase::Open
						&& t.workers.iter().any(|w| w.resource == id && w.commitment.is_none())
				},
				_ => false,
			})
			.count();
		assert_eq!(usize::from(r.status == Status::Busy), tasks, "machine {id}: task or not");
	}
}

/// Applies `call` signed by `who` and returns its dispatch error; nothing else may fail.
pub fn refused(who: Sr25519Keyring, call: RuntimeCall) -> DispatchError {
	Executive::apply_extrinsic(signed(&who.pair(), call.clone()))
		.unwrap_or_else(|e| panic!("{call:?} valid: {e:?}"))
		.expect_err("the call is refused")
}

/// The first event of this block `pick` finds something in.
pub fn find<R>(pick: impl Fn(RuntimeEvent) -> Option<R>) -> R {
	events().into_iter().find_map(pick).expect("the event was emitted")
}
