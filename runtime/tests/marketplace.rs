//! The marketplace as users meet it, through signed transactions on the development chain:
//! a provider bonds and registers a machine, the drawn verifiers commit and reveal, the
//! provider lists it, a search finds it and its certificate is in pallet-nfts.

mod common;

use common::{events, new_ext, run_to_block, signed};
use polkadot_sdk::{
	frame_support::traits::{fungible::InspectHold, tokens::nonfungibles_v2::Inspect},
	pallet_nfts,
	sp_core::{sr25519, Pair},
	sp_keyring::Sr25519Keyring,
	sp_runtime::Percent,
};
use powerverse_primitives::{
	Cpu, Energy, Filter, Gpu, Interconnect, Price, Region, Sort, Specs, Status, Storage,
	StorageKind, Tier, Window,
};
use powerverse_runtime::{
	dev_registry_params,
	genesis_config_presets::{dev_verifiers, DEVELOPMENT},
	AccountId, Balances, Executive, Nfts, Registry, Runtime, RuntimeCall, RuntimeEvent, UNITS,
};

type RegistryCall = pallet_registry::Call<Runtime>;

/// Applies `call` signed by `who` in the current block and expects it to succeed.
fn submit(who: Sr25519Keyring, call: RuntimeCall) {
	let pair: sr25519::Pair = who.pair();
	let outcome = Executive::apply_extrinsic(signed(&pair, call.clone()))
		.unwrap_or_else(|e| panic!("{call:?} valid: {e:?}"));
	assert!(outcome.is_ok(), "{call:?} by {who:?} failed: {outcome:?}");
}

fn declaration() -> pallet_registry::DeclarationOf<Runtime> {
	pallet_registry::Declaration {
		specs: Specs {
			cpu: Cpu {
				model: b"EPYC 9654".to_vec().try_into().unwrap(),
				cores: 96,
				threads: 192,
				base_mhz: 2400,
				boost_mhz: 3700,
			},
			gpu: Some(Gpu {
				model: b"H100".to_vec().try_into().unwrap(),
				count: 8,
				memory_mib: 81_920,
				cores: 16_896,
				interconnect: Interconnect::NvLink,
			}),
			memory_mib: 1_572_864,
			memory_mhz: 4800,
			storage: Storage {
				kind: StorageKind::Nvme,
				size_gib: 30_720,
				read_mbps: 12_000,
				write_mbps: 9_000,
			},
			up_mbps: 25_000,
			down_mbps: 25_000,
		},
		energy: Energy { renewable: Percent::from_percent(80), pue_milli: 1150 },
		region: Region { country: *b"NL", geohash: b"u173z".to_vec().try_into().unwrap() },
		tier: Tier::Core,
		machine_key: machine().public().0,
		telemetry: b"https://h100.example.net/telemetry".to_vec().try_into().unwrap(),
		price: Price::Dutch { start: 15 * UNITS / 100, floor: 8 * UNITS / 100, fall: UNITS / 100 },
		window: Window { from: 0, until: 10_000_000 },
	}
}

fn account(k: Sr25519Keyring) -> AccountId {
	k.to_account_id()
}

/// The key pair of the test machine: its public key is the declaration's machine key.
pub fn machine() -> sr25519::Pair {
	sr25519::Pair::from_seed(&[1; 32])
}

#[test]
fn a_provider_registers_gets_verified_lists_and_is_found() {
	new_ext(DEVELOPMENT).execute_with(|| {
		let params = pallet_registry::Pallet::<Runtime>::params();
		// The development chain starts with a committee and panels of one.
		assert_eq!(params, dev_registry_params(1));
		assert_eq!(pallet_registry::Committee::<Runtime>::get().to_vec(), dev_verifiers());
		let provider = Sr25519Keyring::Ferdie;
		let verifiers = [Sr25519Keyring::Charlie, Sr25519Keyring::Dave, Sr25519Keyring::Eve];

		// The provider bonds and registers a machine; the fee is held, the draw booked.
		submit(
			provider,
			RuntimeCall::Registry(RegistryCall::register_provider {
				name: b"Ferdie's GPUs".to_vec().try_into().unwrap(),
				contact: b"mailto:ferdie@example.net".to_vec().try_into().unwrap(),
				bond: params.min_bond,
			}),
		);
		let held = |reason: pallet_registry::HoldReason| {
			Balances::balance_on_hold(&reason.into(), &account(provider))
		};
		assert_eq!(held(pallet_registry::HoldReason::Bond), params.min_bond);
		submit(
			provider,
			RuntimeCall::Registry(RegistryCall::register_resource { declaration: declaration() }),
		);
		assert_eq!(held(pallet_registry::HoldReason::VerificationFee), params.verification_fee);
		let (id, draw_at) = events()
			.into_iter()
			.find_map(|e| match e {
				RuntimeEvent::Registry(pallet_registry::Event::VerificationRequested {
					resource,
					draw_at,
					..
				}) => Some((resource, draw_at)),
				_ => None,
			})
			.expect("a panel is asked for");
		assert_eq!(Registry::resource(id).unwrap().status, Status::Pending);
		assert_eq!(Registry::resource(id).unwrap().score, 0);

		// The certificate is in pallet-nfts, owned by the provider, with its attributes.
		let collection = pallet_registry::Collection::<Runtime>::get().unwrap();
		assert!(pallet_nfts::Item::<Runtime>::contains_key(collection, id));
		assert_eq!(<Nfts as Inspect<AccountId>>::owner(&collection, &id), Some(account(provider)));
		let status =
			<Nfts as Inspect<AccountId>>::system_attribute(&collection, Some(&id), b"status");
		assert_eq!(status.as_deref(), Some(&b"Pending"[..]));

		// The panel is drawn at the booked block, from randomness newer than the request.
		run_to_block(draw_at);
		let (panel, challenge, commit_end, reveal_end) = events()
			.into_iter()
			.find_map(|e| match e {
				RuntimeEvent::Registry(pallet_registry::Event::PanelDrawn {
					panel,
					challenge,
					commit_end,
					reveal_end,
					..
				}) => Some((panel, challenge, commit_end, reveal_end)),
				_ => None,
			})
			.expect("a panel is drawn");
		assert_eq!(panel.len(), 1);
		let verifier = verifiers.into_iter().find(|v| panel.contains(&account(*v))).unwrap();
		let before = Balances::free_balance(account(verifier));

		// The drawn verifier measures the machine, which signs the verifier's challenge with
		// its key; the verifier commits, then reveals after the commit window.
		let verdict = pallet_registry::Verdict { genuine: true, benchmark: 9_000 };
		let salt = [9; 32];
		let hash =
			pallet_registry::verification::commitment(id, 1, &account(verifier), &verdict, &salt);
		submit(verifier, RuntimeCall::Registry(RegistryCall::commit { resource: id, hash }));
		run_to_block(commit_end + 1);
		let message =
			pallet_registry::verification::challenge_message(id, 1, &challenge, &account(verifier));
		let proof = Some(machine().sign(&message).0);
		submit(
			verifier,
			RuntimeCall::Registry(RegistryCall::reveal { resource: id, verdict, salt, proof }),
		);
		run_to_block(reveal_end + 1);
		let view = Registry::resource(id).unwrap();
		assert_eq!((view.status, view.verified, view.benchmark), (Status::Idle, true, Some(9_000)));
		assert!(view.score > 0);
		// The verifier is paid the whole fee (it paid its reveal's transaction fee before).
		assert!(Balances::free_balance(account(verifier)) > before);
		assert_eq!(held(pallet_registry::HoldReason::VerificationFee), 0);

		// Listed, it is found by a search for its GPU and a price it meets.
		submit(provider, RuntimeCall::Registry(RegistryCall::list { resource: id }));
		let filter = Filter {
			gpu_model: Some(b"H100".to_vec().try_into().unwrap()),
			min_gpus: Some(8),
			max_price: Some(15 * UNITS / 100),
			..Default::default()
		};
		let found = Registry::search(filter.clone(), Sort::Score, 0, 10);
		assert_eq!(found.iter().map(|r| r.id).collect::<Vec<_>>(), vec![id]);
		assert_eq!(found[0].owner, account(provider));
		assert_eq!(found[0].price, 15 * UNITS / 100);
		let too_cheap = Filter { max_price: Some(UNITS / 100), ..filter };
		assert!(Registry::search(too_cheap, Sort::Price, 0, 10).is_empty());
		let listed =
			<Nfts as Inspect<AccountId>>::system_attribute(&collection, Some(&id), b"status");
		assert_eq!(listed.as_deref(), Some(&b"Listed"[..]));
		Registry::do_try_state().expect("registry invariants hold");
	});
}

/// Not a test: writes the raw genesis storage (`{"0x key": "0x value"}`) of the development
/// chain seeded with `POWERVERSE_SEED_COUNT` listed machines of 100 providers
/// (`//Bench//0` … `//Bench//99`) to `POWERVERSE_SEED_OUT`, for
/// `benchmarks/registry-search.sh`. Built natively: a genesis of 100,000 machines is too
/// large for the runtime's Wasm memory.
#[test]
#[ignore]
fn seed_genesis_storage() {
	use polkadot_sdk::sp_runtime::BuildStorage;
	let (Ok(out), Ok(count)) =
		(std::env::var("POWERVERSE_SEED_OUT"), std::env::var("POWERVERSE_SEED_COUNT"))
	else {
		return;
	};
	let count: u32 = count.parse().expect("a count");
	let mut config = common::genesis_config(DEVELOPMENT);
	let providers: Vec<AccountId> = (0..100)
		.map(|p| {
			sr25519::Pair::from_string(&format!("//Bench//{p}"), None).unwrap().public().into()
		})
		.collect();
	for p in &providers {
		config.balances.balances.push((p.clone(), 1_000_000 * UNITS));
	}
	config.registry.providers =
		providers.iter().map(|p| (p.clone(), b"Bench".to_vec(), 1_000 * UNITS)).collect();
	const GPUS: [&[u8]; 5] = [b"H100", b"A100", b"RTX 4090", b"L40S", b"MI300X"];
	const COUNTRIES: [&[u8; 2]; 10] =
		[b"DE", b"US", b"NL", b"FR", b"JP", b"SG", b"BR", b"CA", b"IN", b"GB"];
	config.registry.resources = (0..count)
		.map(|i| {
			let mut d = declaration();
			// One machine key per machine.
			d.machine_key = [&i.to_le_bytes()[..], &[0xbe; 28]].concat().try_into().unwrap();
			let cores = 8u16 << (i % 5);
			d.specs.cpu.cores = cores;
			d.specs.cpu.threads = cores * 2;
			d.specs.gpu = GPUS.get((i % 6) as usize).map(|m| Gpu {
				model: m.to_vec().try_into().unwrap(),
				count: 1 + (i % 8) as u8,
				memory_mib: 24_576 + 8_192 * (i % 8),
				cores: 16_384,
				interconnect: Interconnect::Pcie,
			});
			d.specs.memory_mib = 65_536 << (i % 4);
			d.region.country = *COUNTRIES[(i % 10) as usize];
			d.tier = [Tier::Edge, Tier::Regional, Tier::Core][(i % 3) as usize];
			d.price = Price::Fixed((5 + (i as u128 * 7_919) % 200) * UNITS / 100);
			(providers[(i % 100) as usize].clone(), d, Some(500 + i % 1_000), true)
		})
		.collect();
	let storage = config.build_storage().expect("the seeded genesis builds");
	let hex = |b: &[u8]| format!("0x{}", b.iter().map(|x| format!("{x:02x}")).collect::<String>());
	let top: serde_json::Map<String, serde_json::Value> =
		storage.top.iter().map(|(k, v)| (hex(k), hex(v).into())).collect();
	std::fs::write(out, serde_json::to_vec(&top).unwrap()).expect("writable output");
}
