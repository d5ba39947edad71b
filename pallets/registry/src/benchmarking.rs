//! Benchmarks of every call and of the hooks' per-item work, each against its worst case.
//!
//! Runtime-agnostic: accounts are funded with `set_balance`, governance calls use
//! [`Config::GovernanceOrigin`]'s or [`Config::AdmissionOrigin`]'s successful origin, and what only the runtime knows (a GPU
//! model its scorer accepts, accounts in good standing) comes from [`Config::BenchmarkHelper`].
//! Panels are as large as [`MAX_PANEL`] and [`Config::MaxVerifiers`] allow, and the deadline
//! queues a draw or a count books into are full but for the last block tried. Machines sign
//! their challenges with ed25519 keys from the benchmark keystore: the reveal tries sr25519
//! first, so ed25519 is its dearest path.

use crate::{
	verification::{challenge_message, commitment, BOOKING_BLOCKS},
	BalanceOf, BenchmarkHelper, Call, Committee, Config, Deadlines, Declaration, DeclarationOf,
	Event, MachineSignature, Name, NextResourceId, Pallet, Parameters, Params, Providers, Ranked,
	Rescore, Resources, ScoreVersion, Seat, Url, Verdict, Verifications, Verifiers, MAX_PANEL,
};
use alloc::{vec, vec::Vec};
use polkadot_sdk::{
	frame_benchmarking::{self, v2::*},
	frame_support::{
		traits::{
			fungible::{Inspect as _, Mutate as _},
			EnsureOrigin, Get,
		},
		weights::Weight,
		BoundedVec,
	},
	frame_system::{self, pallet_prelude::BlockNumberFor, RawOrigin},
	sp_core::{crypto::KeyTypeId, H256},
	sp_io,
	sp_runtime::{
		traits::{BlakeTwo256, Hash, Saturating},
		Perbill, Percent,
	},
};
use powerverse_primitives::{
	Cpu, Energy, Gpu, Interconnect, Price, Region, ResourceId, Scorer, Specs, Status, Storage,
	StorageKind, Tier, Window,
};

const SEED: u32 = 0;

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

fn assert_has_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_has_event(event.into());
}

fn now<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number()
}

/// A bounded vector of `n` copies of `byte` (as long as the bound allows).
fn filled<S: Get<u32>>(byte: u8, n: usize) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(vec![byte; n])
}

/// Gives `who` enough for many bonds, stakes and NFT deposits, and good standing.
fn fund<T: Config>(who: &T::AccountId) {
	let p = Pallet::<T>::params();
	let unit = p
		.min_bond
		.saturating_add(p.verifier_stake)
		.saturating_add(T::CollectionDeposit::get())
		.saturating_add(T::Currency::minimum_balance());
	T::Currency::set_balance(who, unit.saturating_mul(1000u32.into()));
	T::BenchmarkHelper::unrestrict(who);
}

/// Makes `who` a provider bonding the minimum, with the longest name and contact.
fn provider<T: Config>(who: &T::AccountId) -> Result<(), BenchmarkError> {
	fund::<T>(who);
	let bond = Pallet::<T>::params().min_bond;
	Pallet::<T>::do_register_provider(who.clone(), filled(b'n', 64), filled(b'c', 128), bond)?;
	Ok(())
}

/// The largest declaration: every name at its longest, GPUs of a model the scorer knows, a
/// Dutch auction.
fn declaration<T: Config>() -> DeclarationOf<T> {
	let mut telemetry = b"https://".to_vec();
	telemetry.resize(128, b't');
	Declaration {
		specs: Specs {
			cpu: Cpu {
				model: filled(b'c', 32),
				cores: 128,
				threads: 256,
				base_mhz: 2_400,
				boost_mhz: 3_700,
			},
			gpu: Some(Gpu {
				model: T::BenchmarkHelper::gpu_model(),
				count: 8,
				memory_mib: 81_920,
				cores: 16_896,
				interconnect: Interconnect::NvLink,
			}),
			memory_mib: 2_097_152,
			memory_mhz: 4_800,
			storage: Storage {
				kind: StorageKind::Nvme,
				size_gib: 30_720,
				read_mbps: 14_000,
				write_mbps: 12_000,
			},
			up_mbps: 100_000,
			down_mbps: 100_000,
		},
		energy: Energy { renewable: Percent::from_percent(100), pue_milli: 1_100 },
		region: Region { country: *b"DE", geohash: BoundedVec::truncate_from(b"u33db".to_vec()) },
		tier: Tier::Core,
		// A key of its own for each resource: one machine key backs one resource.
		machine_key: BlakeTwo256::hash_of(&(b"bench/machine", NextResourceId::<T>::get())).0,
		telemetry: Url::truncate_from(telemetry),
		price: Price::Dutch { start: 1_000u32.into(), floor: 100u32.into(), fall: 10u32.into() },
		window: Window { from: now::<T>(), until: now::<T>().saturating_add(1_000_000u32.into()) },
	}
}

/// Key type of the machines' keys in the benchmark keystore.
const MACHINE: KeyTypeId = KeyTypeId(*b"pvmk");

/// Registers a resource of `owner` (made a provider if need be) with `declared`; no
/// verification is booked for it.
fn resource_with<T: Config>(
	owner: &T::AccountId,
	declared: DeclarationOf<T>,
) -> Result<ResourceId, BenchmarkError> {
	if !Providers::<T>::contains_key(owner) {
		provider::<T>(owner)?;
	}
	let id = NextResourceId::<T>::get();
	Pallet::<T>::do_register_resource(owner.clone(), declared)?;
	Pallet::<T>::abandon(id, owner, false);
	Ok(id)
}

/// Registers a resource of `owner` (made a provider if need be); no verification is booked.
fn resource<T: Config>(owner: &T::AccountId) -> Result<ResourceId, BenchmarkError> {
	resource_with::<T>(owner, declaration::<T>())
}

/// A verified, idle resource of `owner`.
fn verified<T: Config>(owner: &T::AccountId) -> Result<ResourceId, BenchmarkError> {
	let id = resource::<T>(owner)?;
	Pallet::<T>::do_force_verdict(id, Some(1_000))?;
	Ok(id)
}

/// A listed resource of `owner`: in the search index under all three of its buckets.
pub(crate) fn listed<T: Config>(owner: &T::AccountId) -> Result<ResourceId, BenchmarkError> {
	let id = verified::<T>(owner)?;
	Pallet::<T>::do_list(owner.clone(), id)?;
	Ok(id)
}

/// Entries of `id` in the search index.
fn indexed<T: Config>(id: ResourceId) -> usize {
	Ranked::<T>::iter_keys().filter(|(_, _, key)| *key == id.to_be_bytes()).count()
}

/// Applies and admits verifiers until the committee has `n` members; returns the committee.
fn committee<T: Config>(n: u32) -> Result<Vec<T::AccountId>, BenchmarkError> {
	// A chain's genesis may seat a committee already (the dev chain's has three): start
	// from none, so the committee has exactly `n` members and the weights scale with it.
	// The genesis members' records stay; they are simply not drawn.
	if Committee::<T>::get().len() as u32 > n {
		Committee::<T>::kill();
	}
	let mut i = 0;
	while (Committee::<T>::get().len() as u32) < n {
		let who: T::AccountId = account("verifier", i, SEED);
		i += 1;
		if Verifiers::<T>::contains_key(&who) {
			continue;
		}
		fund::<T>(&who);
		Pallet::<T>::do_apply_verifier(who.clone())?;
		Pallet::<T>::do_admit_verifier(who)?;
	}
	Ok(Committee::<T>::get().into_inner())
}

/// Sets the panel size to the largest valid one for a committee of `members`.
fn panel_size_for<T: Config>(members: u32) -> u32 {
	let most = members.min(MAX_PANEL).min(T::MaxVerifiers::get()).max(1);
	let size = if most % 2 == 0 { most - 1 } else { most };
	Parameters::<T>::put(Params { panel_size: size, ..Pallet::<T>::params() });
	size
}

/// Fills the deadline queues of all but the last of the blocks from `first` that a booking
/// may try, so that booking reads every queue.
fn crowd_deadlines<T: Config>(first: BlockNumberFor<T>) {
	let most = T::MaxDeadlinesPerBlock::get() as usize;
	let full = BoundedVec::<_, T::MaxDeadlinesPerBlock>::truncate_from(vec![ResourceId::MAX; most]);
	for i in 0..BOOKING_BLOCKS.saturating_sub(1) {
		Deadlines::<T>::insert(first.saturating_add(i.into()), full.clone());
	}
}

/// The first block a draw asked for now may be booked in.
fn draw_block<T: Config>() -> BlockNumberFor<T> {
	now::<T>().saturating_add(Pallet::<T>::params().draw_delay)
}

/// The first block the count of a panel drawn now may be booked in.
fn count_block<T: Config>() -> BlockNumberFor<T> {
	let p = Pallet::<T>::params();
	now::<T>()
		.saturating_add(p.commit_period)
		.saturating_add(p.reveal_period)
		.saturating_add(1u32.into())
}

/// A resource whose machine key is a new ed25519 key of the benchmark keystore; returns the
/// resource and the key.
fn keyed_resource<T: Config>(
	owner: &T::AccountId,
) -> Result<(ResourceId, [u8; 32]), BenchmarkError> {
	let key = sp_io::crypto::ed25519_generate(MACHINE, None);
	let declared = Declaration { machine_key: key.0, ..declaration::<T>() };
	Ok((resource_with::<T>(owner, declared)?, key.0))
}

/// Books a verification of `id` now and runs the block of its draw.
fn drawn<T: Config>(owner: &T::AccountId, id: ResourceId) -> Result<(), BenchmarkError> {
	Pallet::<T>::ask_verification(owner, id)?;
	let due = Verifications::<T>::get(id).ok_or("not booked")?.due;
	frame_system::Pallet::<T>::set_block_number(due);
	Pallet::<T>::run_deadlines(due);
	Ok(())
}

/// A resource of a new provider with the largest panel of a full committee at work on it;
/// returns the resource and its machine key.
fn under_verification<T: Config>() -> Result<(ResourceId, [u8; 32]), BenchmarkError> {
	let owner: T::AccountId = account("owner", 0, SEED);
	let (id, key) = keyed_resource::<T>(&owner)?;
	let size = panel_size_for::<T>(T::MaxVerifiers::get());
	committee::<T>(T::MaxVerifiers::get())?;
	drawn::<T>(&owner, id)?;
	let v = Verifications::<T>::get(id).ok_or("no panel drawn")?;
	assert_eq!(v.panel.len() as u32, size);
	Ok((id, key))
}

/// The machine's signature of `who`'s challenge on the panel at work on `id`.
fn machine_proof<T: Config>(
	id: ResourceId,
	key: [u8; 32],
	who: &T::AccountId,
) -> Result<MachineSignature, BenchmarkError> {
	let v = Verifications::<T>::get(id).ok_or("no panel drawn")?;
	let message = challenge_message(id, v.round, &v.challenge, who);
	let signature = sp_io::crypto::ed25519_sign(MACHINE, &key.into(), &message)
		.ok_or("the keystore signs with its own key; qed")?;
	Ok(signature.0)
}

/// A verifier's salt.
fn salt(i: usize) -> [u8; 32] {
	[i as u8; 32]
}

fn verdict() -> Verdict {
	Verdict { genuine: true, benchmark: 1_000 }
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_provider() -> Result<(), BenchmarkError> {
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);
		let bond = Pallet::<T>::params().min_bond;
		let name: Name = filled(b'n', 64);
		let contact: Url = filled(b'c', 128);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), name, contact, bond);

		assert!(Providers::<T>::contains_key(&caller));
		assert_last_event::<T>(Event::ProviderRegistered { who: caller, bond });
		Ok(())
	}

	#[benchmark]
	fn update_provider() -> Result<(), BenchmarkError> {
		let caller: T::AccountId = whitelisted_caller();
		provider::<T>(&caller)?;
		let name: Name = filled(b'm', 64);
		let contact: Url = filled(b'd', 128);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), name.clone(), contact);

		assert_eq!(Providers::<T>::get(&caller).map(|p| p.name), Some(name));
		assert_last_event::<T>(Event::ProviderUpdated { who: caller });
		Ok(())
	}

	#[benchmark]
	fn bond_extra() -> Result<(), BenchmarkError> {
		let caller: T::AccountId = whitelisted_caller();
		provider::<T>(&caller)?;
		let amount = Pallet::<T>::params().min_bond;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), amount);

		let bond = Providers::<T>::get(&caller).map(|p| p.bond);
		assert_eq!(bond, Some(amount.saturating_add(amount)));
		assert_last_event::<T>(Event::Bonded { who: caller, amount });
		Ok(())
	}

	// Worst case: the provider owns a resource, so what stays bonded is checked too.
	#[benchmark]
	fn unbond() -> Result<(), BenchmarkError> {
		let caller: T::AccountId = whitelisted_caller();
		provider::<T>(&caller)?;
		let amount = Pallet::<T>::params().min_bond;
		Pallet::<T>::do_bond_extra(caller.clone(), amount)?;
		resource::<T>(&caller)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), amount);

		// The benchmark runner may set the block number during the call: read it after.
		let until = now::<T>().saturating_add(Pallet::<T>::params().unbonding_period);
		assert_eq!(Providers::<T>::get(&caller).and_then(|p| p.unbonding), Some((amount, until)));
		assert_last_event::<T>(Event::Unbonding { who: caller, amount, until });
		Ok(())
	}

	// Worst case: the whole bond is released and the provider record removed.
	#[benchmark]
	fn withdraw_unbonded() -> Result<(), BenchmarkError> {
		let caller: T::AccountId = whitelisted_caller();
		provider::<T>(&caller)?;
		let amount = Pallet::<T>::params().min_bond;
		Pallet::<T>::do_unbond(caller.clone(), amount)?;
		let until = now::<T>().saturating_add(Pallet::<T>::params().unbonding_period);
		frame_system::Pallet::<T>::set_block_number(until);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()));

		assert!(!Providers::<T>::contains_key(&caller));
		assert_last_event::<T>(Event::Withdrawn { who: caller, amount, closed: true });
		Ok(())
	}

	// Worst case: a GPU of a known model, the draw booked after reading every crowded
	// deadline queue. `v`, the committee's size, no longer matters here (the panel is drawn
	// later, see `draw_panel`); kept so that the weight's signature stays.
	#[benchmark]
	fn register_resource(v: Linear<3, { T::MaxVerifiers::get() }>) -> Result<(), BenchmarkError> {
		let caller: T::AccountId = whitelisted_caller();
		provider::<T>(&caller)?;
		committee::<T>(v)?;
		crowd_deadlines::<T>(draw_block::<T>());
		let declared = declaration::<T>();
		let id = NextResourceId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), declared.clone());

		let r = Resources::<T>::get(id).ok_or("not registered")?;
		assert_eq!((r.owner, r.declared, r.status), (caller, declared, Status::Pending));
		assert!(Verifications::<T>::get(id).is_some_and(|v| !v.drawn()));
		Ok(())
	}

	// Worst case: a listed resource (it leaves the search index and its status changes back
	// to pending) under the largest panel of a full committee, booked after reading every
	// crowded deadline queue.
	#[benchmark]
	fn update_resource() -> Result<(), BenchmarkError> {
		let caller: T::AccountId = whitelisted_caller();
		let id = listed::<T>(&caller)?;
		crowd_deadlines::<T>(draw_block::<T>());
		let mut declared = Resources::<T>::get(id).ok_or("resource gone")?.declared;
		declared.specs.cpu.cores = 96;
		// A new machine key: the key index moves too.
		declared.machine_key = [0xee; 32];

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id, declared.clone());

		let r = Resources::<T>::get(id).ok_or("resource gone")?;
		assert_eq!((r.declared, r.status), (declared, Status::Pending));
		assert!(Verifications::<T>::contains_key(id));
		assert_eq!(indexed::<T>(id), 0);
		assert_has_event::<T>(Event::StatusChanged {
			resource: id,
			from: Status::Listed,
			to: Status::Pending,
		});
		Ok(())
	}

	#[benchmark]
	fn set_price() -> Result<(), BenchmarkError> {
		let caller: T::AccountId = whitelisted_caller();
		let id = verified::<T>(&caller)?;
		let price: Price<BalanceOf<T>> =
			Price::Dutch { start: 2_000u32.into(), floor: 200u32.into(), fall: 20u32.into() };

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id, price);

		assert_eq!(Resources::<T>::get(id).map(|r| r.declared.price), Some(price));
		assert_last_event::<T>(Event::PriceSet { resource: id, price });
		Ok(())
	}

	#[benchmark]
	fn set_window() -> Result<(), BenchmarkError> {
		let caller: T::AccountId = whitelisted_caller();
		let id = verified::<T>(&caller)?;
		let window: Window<BlockNumberFor<T>> =
			Window { from: 10u32.into(), until: 2_000_000u32.into() };

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id, window);

		assert_eq!(Resources::<T>::get(id).map(|r| r.declared.window), Some(window));
		assert_last_event::<T>(Event::WindowSet { resource: id, window });
		Ok(())
	}

	// Measured through `list`, the status change that checks the most (owner, provider's
	// standing, dispute, verification) before indexing the resource under its three buckets
	// and writing the certificate.
	#[benchmark]
	fn set_status() -> Result<(), BenchmarkError> {
		let caller: T::AccountId = whitelisted_caller();
		let id = verified::<T>(&caller)?;

		#[extrinsic_call]
		list(RawOrigin::Signed(caller), id);

		assert_eq!(Resources::<T>::get(id).map(|r| r.status), Some(Status::Listed));
		assert_eq!(indexed::<T>(id), 3);
		assert_last_event::<T>(Event::StatusChanged {
			resource: id,
			from: Status::Idle,
			to: Status::Listed,
		});
		Ok(())
	}

	// Worst case: a listed resource, which leaves the search index too.
	#[benchmark]
	fn deregister() -> Result<(), BenchmarkError> {
		let caller: T::AccountId = whitelisted_caller();
		let id = listed::<T>(&caller)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), id);

		assert!(!Resources::<T>::contains_key(id));
		assert_eq!(indexed::<T>(id), 0);
		assert_eq!(Providers::<T>::get(&caller).map(|p| p.resources), Some(0));
		assert_last_event::<T>(Event::Deregistered { resource: id });
		Ok(())
	}

	#[benchmark]
	fn transfer() -> Result<(), BenchmarkError> {
		let caller: T::AccountId = whitelisted_caller();
		let id = verified::<T>(&caller)?;
		let to: T::AccountId = account("recipient", 0, SEED);
		provider::<T>(&to)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), id, to.clone());

		assert_eq!(Resources::<T>::get(id).map(|r| r.owner), Some(to.clone()));
		assert_last_event::<T>(Event::Transferred { resource: id, from: caller, to });
		Ok(())
	}

	// Worst case: the draw booked after reading every crowded deadline queue. `v` no longer
	// matters here (see `register_resource`).
	#[benchmark]
	fn request_verification(
		v: Linear<3, { T::MaxVerifiers::get() }>,
	) -> Result<(), BenchmarkError> {
		let caller: T::AccountId = whitelisted_caller();
		let id = resource::<T>(&caller)?;
		committee::<T>(v)?;
		crowd_deadlines::<T>(draw_block::<T>());

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);

		assert!(Verifications::<T>::get(id).is_some_and(|v| !v.drawn()));
		Ok(())
	}

	// Drawing a panel from a committee of `v` in the hook: the largest panel it allows, the
	// count booked after reading every crowded deadline queue.
	#[benchmark]
	fn draw_panel(v: Linear<3, { T::MaxVerifiers::get() }>) -> Result<(), BenchmarkError> {
		let owner: T::AccountId = account("owner", 0, SEED);
		let id = resource::<T>(&owner)?;
		committee::<T>(v)?;
		let size = panel_size_for::<T>(v);
		Pallet::<T>::ask_verification(&owner, id)?;
		let due = Verifications::<T>::get(id).ok_or("not booked")?.due;
		frame_system::Pallet::<T>::set_block_number(due);
		crowd_deadlines::<T>(count_block::<T>());

		#[block]
		{
			Pallet::<T>::run_deadlines(due);
		}

		let panel = Verifications::<T>::get(id).ok_or("no panel drawn")?.panel;
		assert_eq!(panel.len() as u32, size);
		Ok(())
	}

	// Worst case: the largest panel, the others committed, the caller last on the panel.
	#[benchmark]
	fn commit() -> Result<(), BenchmarkError> {
		let (id, _) = under_verification::<T>()?;
		let v = Verifications::<T>::get(id).ok_or("no panel drawn")?;
		let (last, others) = v.panel.split_last().ok_or("empty panel")?;
		for (i, seat) in others.iter().enumerate() {
			let hash = commitment(id, v.round, &seat.who, &verdict(), &salt(i));
			Pallet::<T>::do_commit(seat.who.clone(), id, hash)?;
		}
		let caller = last.who.clone();
		whitelist_account!(caller);
		let hash = commitment(id, v.round, &caller, &verdict(), &salt(others.len()));

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), id, hash);

		let v = Verifications::<T>::get(id).ok_or("panel gone")?;
		assert!(v.panel.iter().all(|s| s.commit.is_some()));
		assert_last_event::<T>(Event::Committed { resource: id, who: caller });
		Ok(())
	}

	// Worst case: the largest panel, all committed, the others revealed, the caller last,
	// with a genuine verdict whose ed25519 machine signature is checked after sr25519 fails.
	#[benchmark]
	fn reveal() -> Result<(), BenchmarkError> {
		let (id, key) = under_verification::<T>()?;
		let v = Verifications::<T>::get(id).ok_or("no panel drawn")?;
		for (i, seat) in v.panel.iter().enumerate() {
			let hash = commitment(id, v.round, &seat.who, &verdict(), &salt(i));
			Pallet::<T>::do_commit(seat.who.clone(), id, hash)?;
		}
		frame_system::Pallet::<T>::set_block_number(v.commit_end.saturating_add(1u32.into()));
		let (last, others) = v.panel.split_last().ok_or("empty panel")?;
		for (i, seat) in others.iter().enumerate() {
			let proof = machine_proof::<T>(id, key, &seat.who)?;
			Pallet::<T>::do_reveal(seat.who.clone(), id, verdict(), salt(i), Some(proof))?;
		}
		let caller = last.who.clone();
		whitelist_account!(caller);
		let proof = machine_proof::<T>(id, key, &caller)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), id, verdict(), salt(others.len()), Some(proof));

		let v = Verifications::<T>::get(id).ok_or("panel gone")?;
		assert!(v.panel.iter().all(|s| s.verdict == Some(verdict())));
		assert_last_event::<T>(Event::Revealed { resource: id, who: caller, verdict: verdict() });
		Ok(())
	}

	#[benchmark]
	fn apply_verifier() -> Result<(), BenchmarkError> {
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);
		let stake = Pallet::<T>::params().verifier_stake;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()));

		assert_eq!(Pallet::<T>::verifier_held(&caller), stake);
		assert_last_event::<T>(Event::VerifierApplied { who: caller, stake });
		Ok(())
	}

	// `v`: the committee's size once the applicant is in.
	#[benchmark]
	fn admit_verifier(v: Linear<1, { T::MaxVerifiers::get() }>) -> Result<(), BenchmarkError> {
		let origin =
			T::AdmissionOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		committee::<T>(v - 1)?;
		let who: T::AccountId = account("applicant", 0, SEED);
		fund::<T>(&who);
		Pallet::<T>::do_apply_verifier(who.clone())?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert_eq!(Committee::<T>::get().len() as u32, v);
		assert!(Verifiers::<T>::get(&who).is_some_and(|v| v.active));
		assert_last_event::<T>(Event::VerifierAdmitted { who });
		Ok(())
	}

	// `v`: the committee's size before the removal. Measured through governance's call;
	// `leave_verifiers` does the same work.
	#[benchmark]
	fn remove_verifier(v: Linear<1, { T::MaxVerifiers::get() }>) -> Result<(), BenchmarkError> {
		let origin =
			T::AdmissionOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let members = committee::<T>(v)?;
		let who = members.last().ok_or("empty committee")?.clone();
		let released = Pallet::<T>::params().verifier_stake;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert_eq!(Committee::<T>::get().len() as u32, v - 1);
		assert!(!Verifiers::<T>::contains_key(&who));
		assert_last_event::<T>(Event::VerifierRemoved { who, released });
		Ok(())
	}

	// Worst case: the largest panel is at work and is dropped (its seats freed, the fee
	// refunded).
	#[benchmark]
	fn force_verify() -> Result<(), BenchmarkError> {
		let origin =
			T::AdmissionOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (id, _) = under_verification::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, 1_000);

		let r = Resources::<T>::get(id).ok_or("resource gone")?;
		assert_eq!((r.status, r.verified, r.benchmark), (Status::Idle, true, Some(1_000)));
		assert!(!Verifications::<T>::contains_key(id));
		assert_last_event::<T>(Event::StatusChanged {
			resource: id,
			from: Status::Pending,
			to: Status::Idle,
		});
		Ok(())
	}

	#[benchmark]
	fn set_params() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let params = Params { slash: Perbill::from_percent(20), ..Pallet::<T>::params() };

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, params);

		assert_eq!(Parameters::<T>::get(), Some(params));
		assert_last_event::<T>(Event::ParamsSet { params });
		Ok(())
	}

	// Counting a panel of `p` seats. Worst case: every member committed but none revealed,
	// so each is slashed and leaves the committee, its stake released (the dearest work per
	// seat: a unanimous panel pays each member one transfer), and the round being
	// inconclusive, the next round's draw is booked after reading every crowded queue.
	#[benchmark]
	fn count_panel(
		p: Linear<1, { MAX_PANEL.min(T::MaxVerifiers::get()) }>,
	) -> Result<(), BenchmarkError> {
		let owner: T::AccountId = account("owner", 0, SEED);
		let id = resource::<T>(&owner)?;
		let members = committee::<T>(p.max(Pallet::<T>::params().panel_size))?;
		let seated = &members[..p as usize];
		Pallet::<T>::ask_verification(&owner, id)?;
		let mut v = Verifications::<T>::get(id).ok_or("not booked")?;
		Pallet::<T>::unbook(v.due, id);
		let reveal_end = now::<T>();
		let at = reveal_end.saturating_add(1u32.into());
		for who in seated {
			Verifiers::<T>::mutate(who, |m| m.as_mut().map(|m| m.seats = 1));
		}
		v.panel = BoundedVec::truncate_from(
			seated
				.iter()
				.map(|who| Seat {
					who: who.clone(),
					commit: Some(H256::repeat_byte(1)),
					verdict: None,
				})
				.collect::<Vec<_>>(),
		);
		v.commit_end = reveal_end;
		v.reveal_end = reveal_end;
		v.due = at;
		Verifications::<T>::insert(id, v);
		Deadlines::<T>::insert(at, BoundedVec::truncate_from(vec![id]));
		frame_system::Pallet::<T>::set_block_number(at);
		crowd_deadlines::<T>(draw_block::<T>());

		#[block]
		{
			Pallet::<T>::run_deadlines(at);
		}

		assert!(Deadlines::<T>::get(at).is_empty());
		assert!(seated.iter().all(|who| !Verifiers::<T>::contains_key(who)));
		assert_has_event::<T>(Event::Inconclusive { resource: id, round: 1 });
		let next = Verifications::<T>::get(id).map(|v| v.round);
		assert_eq!(next, (T::MaxRounds::get() > 1).then_some(2));
		Ok(())
	}

	// Re-scoring one resource: the cursor points at the last resource, listed (so it moves
	// in the search index) and scored under another version.
	#[benchmark]
	fn rescore_one() -> Result<(), BenchmarkError> {
		let owner: T::AccountId = account("owner", 0, SEED);
		let id = listed::<T>(&owner)?;
		let version = T::Scorer::version();
		ScoreVersion::<T>::put(version);
		Resources::<T>::mutate(id, |r| {
			if let Some(r) = r {
				r.score_version = version.wrapping_add(1);
			}
		});
		Rescore::<T>::put((version, id));
		assert_eq!(NextResourceId::<T>::get(), id.saturating_add(1));

		#[block]
		{
			Pallet::<T>::rescore(Weight::MAX);
		}

		let r = Resources::<T>::get(id).ok_or("resource gone")?;
		assert_eq!(r.score_version, version);
		assert!(Rescore::<T>::get().is_none());
		assert_eq!(indexed::<T>(id), 3);
		assert_last_event::<T>(Event::Scored { resource: id, score: r.score, version });
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
