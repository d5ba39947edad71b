//! Tests of the registry: every call, every error, the verification rounds, the status
//! trait and re-scoring. Each test ends with the pallet's invariant check.

use crate::{
	certificate::{decimal, hex, keys},
	mock::*,
	verification::commitment,
	Collection, Committee, Error, Event, HoldReason, Owned, Params, Providers, Rescore, Resources,
	Verdict, Verifications, Verifiers,
};
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::{fungible::InspectHold, tokens::nonfungibles_v2::Inspect},
	},
	pallet_nfts,
	sp_runtime::{BuildStorage, DispatchError, Perbill, Percent},
};
use powerverse_primitives::{
	Gpu, Interconnect, Price, ResourceId, Resources as _, Status, Tier, Window,
};

type Reg = crate::Pallet<Test>;

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn name(s: &str) -> crate::Name {
	s.as_bytes().to_vec().try_into().unwrap()
}

fn url(s: &str) -> crate::Url {
	s.as_bytes().to_vec().try_into().unwrap()
}

fn bonded(who: u64) -> u64 {
	Balances::balance_on_hold(&HoldReason::Bond.into(), &who)
}

fn provider(who: u64) {
	assert_ok!(Reg::register_provider(
		signed(who),
		name("Acme"),
		url("mailto:a@acme.io"),
		MIN_BOND
	));
}

/// Registers a resource of `who` (a provider already) and returns its id.
fn register(who: u64) -> ResourceId {
	let id = crate::NextResourceId::<Test>::get();
	assert_ok!(Reg::register_resource(signed(who), declaration()));
	id
}

/// A provider with a verified, idle resource.
fn verified(who: u64) -> ResourceId {
	provider(who);
	let id = register(who);
	assert_ok!(Reg::force_verify(RuntimeOrigin::root(), id, 1000));
	id
}

fn listed(who: u64) -> ResourceId {
	let id = verified(who);
	assert_ok!(Reg::list(signed(who), id));
	id
}

fn status(id: ResourceId) -> Status {
	Resources::<Test>::get(id).unwrap().status
}

fn attribute(id: ResourceId, key: &[u8]) -> Vec<u8> {
	let c = Collection::<Test>::get().unwrap();
	<Nfts as Inspect<u64>>::system_attribute(&c, Some(&id), key).unwrap_or_default()
}

fn panel(id: ResourceId) -> Vec<u64> {
	Verifications::<Test>::get(id).unwrap().panel.iter().map(|s| s.who).collect()
}

fn salt(who: u64) -> [u8; 32] {
	[who as u8; 32]
}

fn genuine(benchmark: u32) -> Verdict {
	Verdict { genuine: true, benchmark }
}

const FAKE: Verdict = Verdict { genuine: false, benchmark: 0 };

/// Each `(verifier, verdict)` commits now, then reveals after the commit window; the panel is
/// counted at the end of the reveal window.
fn vote(id: ResourceId, votes: &[(u64, Verdict)]) {
	let v = Verifications::<Test>::get(id).unwrap();
	for (who, verdict) in votes {
		let hash = commitment(id, v.round, verdict, &salt(*who));
		assert_ok!(Reg::commit(signed(*who), id, hash));
	}
	run_to(v.commit_end + 1);
	for (who, verdict) in votes {
		assert_ok!(Reg::reveal(signed(*who), id, *verdict, salt(*who)));
	}
	run_to(v.reveal_end + 1);
}

// ---------------------------------------------------------------------------------------
// Providers

#[test]
fn register_provider_holds_the_bond() {
	ExtBuilder::default().build_and_execute(|| {
		provider(ALICE);
		let p = Providers::<Test>::get(ALICE).unwrap();
		assert_eq!((p.bond, p.resources, p.engaged, p.unbonding), (MIN_BOND, 0, 0, None));
		assert_eq!(&p.name[..], b"Acme");
		assert_eq!(bonded(ALICE), MIN_BOND);
		System::assert_last_event(Event::ProviderRegistered { who: ALICE, bond: MIN_BOND }.into());
	});
}

#[test]
fn register_provider_refuses_bad_input_and_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Reg::register_provider(signed(ALICE), name("A"), url("x"), MIN_BOND - 1),
			Error::<Test>::BondTooLow
		);
		assert_noop!(
			Reg::register_provider(signed(POOR), name("A"), url("x"), MIN_BOND),
			Error::<Test>::InsufficientBalance
		);
		Restricted::set(vec![BOB]);
		assert_noop!(
			Reg::register_provider(signed(BOB), name("B"), url("x"), MIN_BOND),
			Error::<Test>::ReputationTooLow
		);
		provider(ALICE);
		assert_noop!(
			Reg::register_provider(signed(ALICE), name("A"), url("x"), MIN_BOND),
			Error::<Test>::AlreadyProvider
		);
		assert_eq!(bonded(ALICE), MIN_BOND);
	});
}

#[test]
fn update_provider_changes_name_and_contact() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Reg::update_provider(signed(ALICE), name("New"), url("https://new")),
			Error::<Test>::NotProvider
		);
		provider(ALICE);
		assert_ok!(Reg::update_provider(signed(ALICE), name("New"), url("https://new")));
		let p = Providers::<Test>::get(ALICE).unwrap();
		assert_eq!((&p.name[..], &p.contact[..]), (&b"New"[..], &b"https://new"[..]));
		System::assert_last_event(Event::ProviderUpdated { who: ALICE }.into());
	});
}

#[test]
fn bond_extra_adds_to_the_hold() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Reg::bond_extra(signed(ALICE), 5), Error::<Test>::NotProvider);
		provider(ALICE);
		assert_ok!(Reg::bond_extra(signed(ALICE), 500));
		assert_eq!(bonded(ALICE), MIN_BOND + 500);
		assert_eq!(Providers::<Test>::get(ALICE).unwrap().bond, MIN_BOND + 500);
		System::assert_last_event(Event::Bonded { who: ALICE, amount: 500 }.into());
		assert_noop!(Reg::bond_extra(signed(ALICE), 0), Error::<Test>::BondTooLow);
		assert_noop!(Reg::bond_extra(signed(ALICE), ENDOWMENT), Error::<Test>::InsufficientBalance);
	});
}

#[test]
fn unbond_then_withdraw_after_the_period() {
	ExtBuilder::default().build_and_execute(|| {
		provider(ALICE);
		assert_ok!(Reg::bond_extra(signed(ALICE), 500));
		assert_noop!(Reg::unbond(signed(ALICE), 0), Error::<Test>::BadUnbond);
		assert_noop!(Reg::unbond(signed(ALICE), MIN_BOND + 501), Error::<Test>::BadUnbond);
		assert_noop!(Reg::withdraw_unbonded(signed(ALICE)), Error::<Test>::BadUnbond);
		assert_ok!(Reg::unbond(signed(ALICE), 200));
		System::assert_last_event(Event::Unbonding { who: ALICE, amount: 200, until: 11 }.into());
		run_to(5);
		assert_ok!(Reg::unbond(signed(ALICE), 100));
		System::assert_last_event(Event::Unbonding { who: ALICE, amount: 300, until: 15 }.into());
		run_to(14);
		assert_noop!(Reg::withdraw_unbonded(signed(ALICE)), Error::<Test>::StillUnbonding);
		run_to(15);
		let free = Balances::free_balance(ALICE);
		assert_ok!(Reg::withdraw_unbonded(signed(ALICE)));
		System::assert_last_event(
			Event::Withdrawn { who: ALICE, amount: 300, closed: false }.into(),
		);
		assert_eq!(Balances::free_balance(ALICE), free + 300);
		assert_eq!(bonded(ALICE), MIN_BOND + 200);
	});
}

#[test]
fn full_unbond_closes_a_provider_without_resources() {
	ExtBuilder::default().build_and_execute(|| {
		provider(ALICE);
		assert_ok!(Reg::unbond(signed(ALICE), MIN_BOND));
		run_to(11);
		assert_ok!(Reg::withdraw_unbonded(signed(ALICE)));
		System::assert_last_event(
			Event::Withdrawn { who: ALICE, amount: MIN_BOND, closed: true }.into(),
		);
		assert!(Providers::<Test>::get(ALICE).is_none());
		assert_eq!(bonded(ALICE), 0);
	});
}

#[test]
fn unbond_keeps_the_minimum_while_resources_remain_and_all_while_engaged() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		let id = listed(ALICE);
		assert_noop!(Reg::unbond(signed(ALICE), 1), Error::<Test>::BondTooLow);
		assert_ok!(Reg::bond_extra(signed(ALICE), 100));
		assert_ok!(Reg::engage(id, &BOB, false));
		assert_noop!(Reg::unbond(signed(ALICE), 100), Error::<Test>::ProviderEngaged);
		assert_ok!(Reg::release(id));
		assert_ok!(Reg::set_disputed(id, true));
		assert_noop!(Reg::unbond(signed(ALICE), 100), Error::<Test>::ProviderEngaged);
		assert_ok!(Reg::set_disputed(id, false));
		assert_ok!(Reg::unbond(signed(ALICE), 100));
		assert_noop!(Reg::unbond(signed(BOB), 100), Error::<Test>::NotProvider);
	});
}

// ---------------------------------------------------------------------------------------
// Registration

#[test]
fn register_resource_mints_a_locked_certificate_and_draws_a_panel() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		let free = Balances::free_balance(ALICE);
		let id = register(ALICE);
		assert_eq!(id, 0);
		let r = Resources::<Test>::get(id).unwrap();
		assert_eq!(
			(r.owner, r.status, r.verified, r.benchmark),
			(ALICE, Status::Pending, false, None)
		);
		assert_eq!(r.score, 16 * 10 + 2 * 100);
		assert!(Owned::<Test>::contains_key(ALICE, id));
		assert_eq!(Providers::<Test>::get(ALICE).unwrap().resources, 1);
		// The provider paid the item deposit (1).
		assert_eq!(Balances::free_balance(ALICE), free - 1);
		let c = Collection::<Test>::get().unwrap();
		assert_eq!(<Nfts as Inspect<u64>>::owner(&c, &id), Some(ALICE));
		assert_eq!(attribute(id, keys::OWNER), hex(&ALICE));
		assert_eq!(attribute(id, keys::STATUS), b"Pending".to_vec());
		assert_eq!(attribute(id, keys::SCORE), decimal(360));
		assert_eq!(attribute(id, keys::TENANT), Vec::<u8>::new());
		// pallet-nfts' own calls cannot move or burn it.
		assert_noop!(
			Nfts::transfer(signed(ALICE), c, id, BOB),
			pallet_nfts::Error::<Test>::ItemLocked
		);
		assert_noop!(Nfts::burn(signed(ALICE), c, id), pallet_nfts::Error::<Test>::ItemLocked);
		let members = panel(id);
		assert_eq!(members.len(), 3);
		assert!(members.iter().all(|m| VERIFIERS.contains(m)));
		let v = Verifications::<Test>::get(id).unwrap();
		assert_eq!((v.round, v.commit_end, v.reveal_end), (1, 6, 11));
		System::assert_has_event(Event::Registered { resource: id, owner: ALICE }.into());
		System::assert_last_event(
			Event::PanelDrawn {
				resource: id,
				round: 1,
				panel: members,
				commit_end: 6,
				reveal_end: 11,
			}
			.into(),
		);
	});
}

#[test]
fn register_resource_refuses_every_kind_of_nonsense_and_stores_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Reg::register_resource(signed(ALICE), declaration()),
			Error::<Test>::NotProvider
		);
		provider(ALICE);
		type D = crate::DeclarationOf<Test>;
		let cases: Vec<(fn(&mut D), Error<Test>)> = vec![
			(|d| d.specs.cpu.model = Default::default(), Error::<Test>::NoCpuModel),
			(|d| d.specs.cpu.cores = 0, Error::<Test>::BadCpu),
			(|d| d.specs.cpu.threads = 8, Error::<Test>::BadCpu),
			(|d| d.specs.cpu.boost_mhz = 1000, Error::<Test>::BadCpu),
			(|d| d.specs.gpu.as_mut().unwrap().memory_mib = 0, Error::<Test>::BadGpu),
			(|d| d.specs.gpu.as_mut().unwrap().count = 0, Error::<Test>::BadGpu),
			(
				|d| d.specs.gpu.as_mut().unwrap().model = b"GTX 9999".to_vec().try_into().unwrap(),
				Error::<Test>::UnknownGpuModel,
			),
			(|d| d.specs.memory_mib = 0, Error::<Test>::BadMemory),
			(|d| d.specs.storage.size_gib = 0, Error::<Test>::BadStorage),
			(|d| d.specs.storage.write_mbps = 0, Error::<Test>::BadStorage),
			(|d| d.specs.up_mbps = 0, Error::<Test>::BadNetwork),
			(|d| d.region.country = *b"de", Error::<Test>::BadRegion),
			(|d| d.region.geohash = b"u3a".to_vec().try_into().unwrap(), Error::<Test>::BadRegion),
			(|d| d.energy.pue_milli = 900, Error::<Test>::BadEnergy),
			(|d| d.telemetry = Default::default(), Error::<Test>::BadTelemetryUrl),
			(|d| d.price = Price::Fixed(0), Error::<Test>::BadPrice),
			(
				|d| d.price = Price::Dutch { start: 80, floor: 150, fall: 1 },
				Error::<Test>::BadPrice,
			),
			(
				|d| d.price = Price::Dutch { start: 150, floor: 80, fall: 0 },
				Error::<Test>::BadPrice,
			),
			(|d| d.window = Window { from: 10, until: 5 }, Error::<Test>::BadWindow),
		];
		for (break_it, error) in cases {
			let mut d = declaration();
			break_it(&mut d);
			assert_noop!(Reg::register_resource(signed(ALICE), d), error);
		}
		assert_eq!(Resources::<Test>::count(), 0);
	});
}

#[test]
fn a_cpu_only_machine_and_the_owner_limit() {
	ExtBuilder::default().build_and_execute(|| {
		provider(ALICE);
		let mut d = declaration();
		d.specs.gpu = None;
		for _ in 0..3 {
			assert_ok!(Reg::register_resource(signed(ALICE), d.clone()));
		}
		// Too few verifiers for a panel: waiting.
		System::assert_last_event(Event::AwaitingVerifiers { resource: 2 }.into());
		assert_noop!(Reg::register_resource(signed(ALICE), d), Error::<Test>::TooManyResources);
	});
}

#[test]
fn restricted_or_underbonded_providers_cannot_register_or_list() {
	ExtBuilder::default().build_and_execute(|| {
		let id = verified(ALICE);
		Restricted::set(vec![ALICE]);
		assert_noop!(
			Reg::register_resource(signed(ALICE), declaration()),
			Error::<Test>::ReputationTooLow
		);
		assert_noop!(Reg::list(signed(ALICE), id), Error::<Test>::ReputationTooLow);
		Restricted::set(vec![]);
		assert_ok!(Reg::deregister(signed(ALICE), id));
		assert_ok!(Reg::unbond(signed(ALICE), 1));
		assert_noop!(
			Reg::register_resource(signed(ALICE), declaration()),
			Error::<Test>::BondTooLow
		);
	});
}

// ---------------------------------------------------------------------------------------
// Verification

#[test]
fn a_unanimous_panel_verifies_with_the_median_benchmark() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		let id = register(ALICE);
		let p = panel(id);
		vote(id, &[(p[0], genuine(1000)), (p[1], genuine(1050)), (p[2], genuine(980))]);
		let r = Resources::<Test>::get(id).unwrap();
		assert_eq!((r.status, r.verified, r.benchmark), (Status::Idle, true, Some(1000)));
		assert_eq!(r.score, 360 + 1000);
		assert_eq!(attribute(id, keys::STATUS), b"Idle".to_vec());
		assert_eq!(attribute(id, keys::SCORE), decimal(1360));
		assert!(Verifications::<Test>::get(id).is_none());
		System::assert_has_event(Event::Verified { resource: id, benchmark: 1000 }.into());
		System::assert_has_event(
			Event::StatusChanged { resource: id, from: Status::Pending, to: Status::Idle }.into(),
		);
		// Nobody slashed.
		for v in VERIFIERS {
			assert_eq!(Reg::verifier_held(&v), STAKE);
		}
		assert_eq!(Committee::<Test>::get().len(), 5);
	});
}

#[test]
fn silent_and_dissenting_verifiers_are_slashed_and_replaced() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		let id = register(ALICE);
		let p = panel(id);
		// p[0] and p[1] agree; p[2] says the machine is fake.
		vote(id, &[(p[0], genuine(1000)), (p[1], genuine(1020)), (p[2], FAKE)]);
		assert_eq!(status(id), Status::Idle);
		assert_eq!(Reg::verifier_held(&p[2]), 0);
		assert!(Verifiers::<Test>::get(p[2]).is_none());
		assert!(!Committee::<Test>::get().contains(&p[2]));
		// Slashed 10% (50), the rest (450) released.
		assert_eq!(Balances::free_balance(p[2]), ENDOWMENT - STAKE / 10);
		System::assert_has_event(
			Event::VerifierSlashed { who: p[2], resource: id, amount: STAKE / 10 }.into(),
		);

		// A second resource: one verifier is silent, one reports a figure 50% off.
		let id2 = register(ALICE);
		let q = panel(id2);
		let h0 = commitment(id2, 1, &genuine(2000), &salt(q[0]));
		let h1 = commitment(id2, 1, &genuine(3000), &salt(q[1]));
		let h2 = commitment(id2, 1, &genuine(2100), &salt(q[2]));
		assert_ok!(Reg::commit(signed(q[0]), id2, h0));
		assert_ok!(Reg::commit(signed(q[1]), id2, h1));
		assert_ok!(Reg::commit(signed(q[2]), id2, h2));
		let v = Verifications::<Test>::get(id2).unwrap();
		run_to(v.commit_end + 1);
		assert_ok!(Reg::reveal(signed(q[0]), id2, genuine(2000), salt(q[0])));
		assert_ok!(Reg::reveal(signed(q[1]), id2, genuine(3000), salt(q[1])));
		run_to(v.reveal_end + 1);
		// Two genuine reveals of three: a majority; median of [2000, 3000] is 3000, so the
		// figure 2000 is off by more than 10% and is slashed too, as is the silent one.
		let r = Resources::<Test>::get(id2).unwrap();
		assert_eq!(r.benchmark, Some(3000));
		assert!(Verifiers::<Test>::get(q[2]).is_none());
		assert!(Verifiers::<Test>::get(q[0]).is_none());
		assert!(Verifiers::<Test>::get(q[1]).is_some());
	});
}

#[test]
fn a_majority_of_fake_verdicts_rejects() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		let id = register(ALICE);
		let p = panel(id);
		vote(id, &[(p[0], FAKE), (p[1], FAKE), (p[2], genuine(900))]);
		assert_eq!(status(id), Status::Rejected);
		assert!(!Resources::<Test>::get(id).unwrap().verified);
		assert!(Verifiers::<Test>::get(p[2]).is_none());
		System::assert_has_event(Event::Rejected { resource: id }.into());
		assert_noop!(Reg::list(signed(ALICE), id), Error::<Test>::BadStatus);
		// The provider fixes the declaration and asks again.
		assert_ok!(Reg::update_resource(signed(ALICE), id, declaration()));
		assert_eq!(status(id), Status::Pending);
		assert!(Verifications::<Test>::get(id).is_some());
	});
}

#[test]
fn no_majority_draws_another_panel_then_waits_for_governance() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		let id = register(ALICE);
		let p = panel(id);
		// One genuine, one fake, one silent: no majority.
		vote(id, &[(p[0], genuine(1000)), (p[1], FAKE)]);
		System::assert_has_event(Event::Inconclusive { resource: id, round: 1 }.into());
		assert_eq!(status(id), Status::Pending);
		// Only the silent one is slashed; a second panel (round 2) from the four left.
		assert!(Verifiers::<Test>::get(p[2]).is_none());
		assert!(Verifiers::<Test>::get(p[0]).is_some() && Verifiers::<Test>::get(p[1]).is_some());
		let v = Verifications::<Test>::get(id).unwrap();
		assert_eq!(v.round, 2);
		// Round 2: everyone silent. MaxRounds is 2: the resource waits for governance.
		run_to(v.reveal_end + 1);
		assert!(Verifications::<Test>::get(id).is_none());
		assert_eq!(status(id), Status::Pending);
		assert_eq!(Committee::<Test>::get().len(), 1);
		assert_ok!(Reg::force_verify(RuntimeOrigin::root(), id, 700));
		assert_eq!(Resources::<Test>::get(id).unwrap().benchmark, Some(700));
	});
}

#[test]
fn commit_and_reveal_refuse_wrong_callers_phases_and_values() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		let id = register(ALICE);
		let p = panel(id);
		let outsider = VERIFIERS.iter().copied().find(|v| !p.contains(v)).unwrap();
		let h = commitment(id, 1, &genuine(1000), &salt(p[0]));
		assert_noop!(Reg::commit(signed(p[0]), 7, h), Error::<Test>::NoVerification);
		assert_noop!(Reg::commit(signed(outsider), id, h), Error::<Test>::NotOnPanel);
		assert_noop!(
			Reg::reveal(signed(p[0]), id, genuine(1000), salt(p[0])),
			Error::<Test>::WrongPhase
		);
		assert_ok!(Reg::commit(signed(p[0]), id, h));
		System::assert_last_event(Event::Committed { resource: id, who: p[0] }.into());
		assert_noop!(Reg::commit(signed(p[0]), id, h), Error::<Test>::AlreadyDone);
		run_to(7);
		assert_noop!(Reg::commit(signed(p[1]), id, h), Error::<Test>::WrongPhase);
		assert_noop!(
			Reg::reveal(signed(p[0]), id, genuine(1001), salt(p[0])),
			Error::<Test>::CommitMismatch
		);
		assert_noop!(
			Reg::reveal(signed(p[1]), id, genuine(1000), salt(p[1])),
			Error::<Test>::CommitMismatch
		);
		assert_ok!(Reg::reveal(signed(p[0]), id, genuine(1000), salt(p[0])));
		System::assert_last_event(
			Event::Revealed { resource: id, who: p[0], verdict: genuine(1000) }.into(),
		);
		assert_noop!(
			Reg::reveal(signed(p[0]), id, genuine(1000), salt(p[0])),
			Error::<Test>::AlreadyDone
		);
		run_to(11);
		System::set_block_number(12);
		assert_noop!(
			Reg::reveal(signed(p[1]), id, genuine(1000), salt(p[1])),
			Error::<Test>::WrongPhase
		);
	});
}

#[test]
fn request_verification_draws_once_verifiers_joined() {
	ExtBuilder::default().build_and_execute(|| {
		provider(ALICE);
		let id = register(ALICE);
		assert!(Verifications::<Test>::get(id).is_none());
		assert_noop!(Reg::request_verification(signed(BOB), id), Error::<Test>::NotOwner);
		for v in &VERIFIERS[..3] {
			assert_ok!(Reg::apply_verifier(signed(*v)));
			assert_ok!(Reg::admit_verifier(RuntimeOrigin::root(), *v));
		}
		assert_ok!(Reg::request_verification(signed(ALICE), id));
		assert_eq!(panel(id).len(), 3);
		assert_noop!(
			Reg::request_verification(signed(ALICE), id),
			Error::<Test>::VerificationUnderWay
		);
		assert_ok!(Reg::force_verify(RuntimeOrigin::root(), id, 10));
		assert_noop!(Reg::request_verification(signed(ALICE), id), Error::<Test>::BadStatus);
	});
}

#[test]
fn the_provider_is_never_on_its_own_panel() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		// Verifier 10 is also a provider; with 5 verifiers and itself excluded, it is never
		// drawn across many registrations.
		let v = VERIFIERS[0];
		provider(v);
		for _ in 0..3 {
			let id = register(v);
			assert!(!panel(id).contains(&v));
		}
	});
}

#[test]
fn deadlines_spill_into_later_blocks() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		provider(BOB);
		provider(CAROL);
		// Two verifications fit a block (MaxDeadlinesPerBlock = 2): the third moves on.
		let ends: Vec<u64> = [ALICE, BOB, CAROL]
			.iter()
			.map(|w| Verifications::<Test>::get(register(*w)).unwrap().reveal_end)
			.collect();
		assert_eq!(ends, vec![11, 11, 12]);
	});
}

#[test]
fn governance_verifies_or_rejects_directly() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		let id = register(ALICE);
		assert_noop!(Reg::force_verify(signed(ALICE), id, 5), DispatchError::BadOrigin);
		assert_noop!(Reg::force_reject(signed(ALICE), id), DispatchError::BadOrigin);
		assert_noop!(
			Reg::force_verify(RuntimeOrigin::root(), 9, 5),
			Error::<Test>::UnknownResource
		);
		assert_ok!(Reg::force_reject(RuntimeOrigin::root(), id));
		assert_eq!(status(id), Status::Rejected);
		assert!(Verifications::<Test>::get(id).is_none());
		assert_noop!(Reg::force_reject(RuntimeOrigin::root(), id), Error::<Test>::BadStatus);
		assert_ok!(Reg::force_verify(RuntimeOrigin::root(), id, 5));
		System::assert_has_event(Event::Verified { resource: id, benchmark: 5 }.into());
		assert_eq!(status(id), Status::Idle);
		assert_noop!(Reg::force_verify(RuntimeOrigin::root(), id, 5), Error::<Test>::BadStatus);
		// The old panel's deadline passes without effect.
		run_to(13);
		assert_eq!(status(id), Status::Idle);
	});
}

// ---------------------------------------------------------------------------------------
// Verifier committee

#[test]
fn verifiers_apply_are_admitted_and_leave() {
	ExtBuilder::default().build_and_execute(|| {
		let v = VERIFIERS[0];
		assert_noop!(Reg::apply_verifier(signed(POOR)), Error::<Test>::InsufficientBalance);
		assert_ok!(Reg::apply_verifier(signed(v)));
		System::assert_last_event(Event::VerifierApplied { who: v, stake: STAKE }.into());
		assert_eq!(Reg::verifier_held(&v), STAKE);
		assert_noop!(Reg::apply_verifier(signed(v)), Error::<Test>::AlreadyVerifier);
		assert_noop!(Reg::admit_verifier(signed(v), v), DispatchError::BadOrigin);
		assert_noop!(Reg::admit_verifier(RuntimeOrigin::root(), ALICE), Error::<Test>::NotVerifier);
		assert_ok!(Reg::admit_verifier(RuntimeOrigin::root(), v));
		System::assert_last_event(Event::VerifierAdmitted { who: v }.into());
		assert_eq!(Committee::<Test>::get().to_vec(), vec![v]);
		assert_noop!(Reg::admit_verifier(RuntimeOrigin::root(), v), Error::<Test>::AlreadyVerifier);
		assert_ok!(Reg::leave_verifiers(signed(v)));
		System::assert_last_event(Event::VerifierRemoved { who: v, released: STAKE }.into());
		assert!(Committee::<Test>::get().is_empty());
		assert_eq!(Balances::free_balance(v), ENDOWMENT);
		assert_noop!(Reg::leave_verifiers(signed(v)), Error::<Test>::NotVerifier);
	});
}

#[test]
fn governance_removes_verifiers_and_the_committee_is_bounded() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		assert_ok!(Reg::apply_verifier(signed(ALICE)));
		assert_noop!(
			Reg::admit_verifier(RuntimeOrigin::root(), ALICE),
			Error::<Test>::CommitteeFull
		);
		assert_noop!(Reg::remove_verifier(signed(ALICE), 10), DispatchError::BadOrigin);
		assert_ok!(Reg::remove_verifier(RuntimeOrigin::root(), 10));
		assert_ok!(Reg::admit_verifier(RuntimeOrigin::root(), ALICE));
		assert!(Committee::<Test>::get().contains(&ALICE));
		assert_noop!(Reg::remove_verifier(RuntimeOrigin::root(), BOB), Error::<Test>::NotVerifier);
	});
}

// ---------------------------------------------------------------------------------------
// Listing, price, window

#[test]
fn listing_lifecycle() {
	ExtBuilder::default().build_and_execute(|| {
		provider(ALICE);
		let id = register(ALICE);
		assert_noop!(Reg::list(signed(ALICE), id), Error::<Test>::BadStatus);
		assert_ok!(Reg::force_verify(RuntimeOrigin::root(), id, 100));
		assert_noop!(Reg::list(signed(BOB), id), Error::<Test>::NotOwner);
		assert_noop!(Reg::list(signed(ALICE), 5), Error::<Test>::UnknownResource);
		assert_noop!(Reg::pause(signed(ALICE), id), Error::<Test>::BadStatus);
		assert_noop!(Reg::resume(signed(ALICE), id), Error::<Test>::BadStatus);
		assert_noop!(Reg::unlist(signed(ALICE), id), Error::<Test>::BadStatus);
		for (call, to) in [
			(Reg::list as fn(_, _) -> _, Status::Listed),
			(Reg::pause, Status::Paused),
			(Reg::resume, Status::Listed),
			(Reg::pause, Status::Paused),
			(Reg::unlist, Status::Idle),
		] {
			let from = status(id);
			assert_ok!(call(signed(ALICE), id));
			assert_eq!(status(id), to);
			assert_eq!(attribute(id, keys::STATUS), crate::certificate::status_name(to).to_vec());
			System::assert_last_event(Event::StatusChanged { resource: id, from, to }.into());
		}
		assert_noop!(Reg::list(signed(BOB), id), Error::<Test>::NotOwner);
	});
}

#[test]
fn a_disputed_resource_cannot_be_listed() {
	ExtBuilder::default().build_and_execute(|| {
		let id = verified(ALICE);
		assert_ok!(Reg::set_disputed(id, true));
		System::assert_last_event(Event::DisputeSet { resource: id, disputed: true }.into());
		assert_noop!(Reg::list(signed(ALICE), id), Error::<Test>::Disputed);
		assert_ok!(Reg::set_disputed(id, false));
		assert_ok!(Reg::list(signed(ALICE), id));
	});
}

#[test]
fn price_and_window_change_while_not_rented() {
	ExtBuilder::default().build_and_execute(|| {
		let id = listed(ALICE);
		let dutch = Price::Dutch { start: 150, floor: 80, fall: 10 };
		assert_noop!(
			Reg::set_price(signed(ALICE), id, Price::Dutch { start: 1, floor: 2, fall: 1 }),
			Error::<Test>::BadPrice
		);
		assert_noop!(Reg::set_price(signed(BOB), id, dutch), Error::<Test>::NotOwner);
		assert_ok!(Reg::set_price(signed(ALICE), id, dutch));
		System::assert_last_event(Event::PriceSet { resource: id, price: dutch }.into());
		let w = Window { from: 5, until: 500 };
		assert_noop!(
			Reg::set_window(signed(ALICE), id, Window { from: 5, until: 5 }),
			Error::<Test>::BadWindow
		);
		assert_ok!(Reg::set_window(signed(ALICE), id, w));
		System::assert_last_event(Event::WindowSet { resource: id, window: w }.into());
		assert_eq!(Reg::facts(id).unwrap().window, w);
		assert_ok!(Reg::engage(id, &BOB, false));
		assert_noop!(Reg::set_price(signed(ALICE), id, dutch), Error::<Test>::Engaged);
		assert_noop!(Reg::set_window(signed(ALICE), id, w), Error::<Test>::Engaged);
	});
}

#[test]
fn a_dutch_auction_falls_every_hour_to_its_floor() {
	ExtBuilder::default().build_and_execute(|| {
		let id = verified(ALICE);
		assert_ok!(Reg::set_price(
			signed(ALICE),
			id,
			Price::Dutch { start: 150, floor: 80, fall: 10 }
		));
		assert_ok!(Reg::list(signed(ALICE), id));
		let listed_at = System::block_number();
		// BlocksPerHour is 10.
		for (blocks, price) in [(0, 150), (9, 150), (10, 140), (35, 120), (70, 80), (500, 80)] {
			System::set_block_number(listed_at + blocks);
			assert_eq!(Reg::facts(id).unwrap().price, price, "after {blocks} blocks");
		}
		// Pausing and resuming restarts the auction.
		assert_ok!(Reg::pause(signed(ALICE), id));
		assert_ok!(Reg::resume(signed(ALICE), id));
		assert_eq!(Reg::facts(id).unwrap().price, 150);
	});
}

#[test]
fn update_resource_sends_it_back_to_verification() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		let id = listed(ALICE);
		let mut d = declaration();
		d.specs.cpu.cores = 32;
		d.specs.cpu.threads = 64;
		d.tier = Tier::Core;
		let mut bad = d.clone();
		bad.specs.cpu.cores = 0;
		assert_noop!(Reg::update_resource(signed(ALICE), id, bad), Error::<Test>::BadCpu);
		assert_noop!(Reg::update_resource(signed(BOB), id, d.clone()), Error::<Test>::NotOwner);
		assert_ok!(Reg::update_resource(signed(ALICE), id, d.clone()));
		let r = Resources::<Test>::get(id).unwrap();
		assert_eq!(
			(r.status, r.verified, r.benchmark, r.score),
			(Status::Pending, false, None, 520)
		);
		assert_eq!(r.declared.tier, Tier::Core);
		System::assert_has_event(Event::Updated { resource: id }.into());
		assert_eq!(panel(id).len(), 3);
		assert_ok!(Reg::force_verify(RuntimeOrigin::root(), id, 10));
		assert_ok!(Reg::list(signed(ALICE), id));
		assert_ok!(Reg::engage(id, &BOB, true));
		assert_noop!(Reg::update_resource(signed(ALICE), id, d), Error::<Test>::Engaged);
	});
}

// ---------------------------------------------------------------------------------------
// Deregistration and transfer

#[test]
fn deregister_burns_the_certificate_and_returns_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let id = listed(ALICE);
		assert_ok!(Reg::engage(id, &BOB, false));
		assert_noop!(Reg::deregister(signed(ALICE), id), Error::<Test>::Engaged);
		assert_ok!(Reg::release(id));
		assert_ok!(Reg::set_suspended(id, true));
		assert_noop!(Reg::deregister(signed(ALICE), id), Error::<Test>::BadStatus);
		assert_ok!(Reg::set_suspended(id, false));
		assert_noop!(Reg::deregister(signed(BOB), id), Error::<Test>::NotOwner);
		let free = Balances::free_balance(ALICE);
		assert_ok!(Reg::deregister(signed(ALICE), id));
		System::assert_last_event(Event::Deregistered { resource: id }.into());
		assert!(Resources::<Test>::get(id).is_none());
		assert!(!Owned::<Test>::contains_key(ALICE, id));
		let c = Collection::<Test>::get().unwrap();
		assert_eq!(<Nfts as Inspect<u64>>::owner(&c, &id), None);
		assert_eq!(Balances::free_balance(ALICE), free + 1);
		assert_eq!(Providers::<Test>::get(ALICE).unwrap().resources, 0);
		assert_noop!(Reg::deregister(signed(ALICE), id), Error::<Test>::UnknownResource);
	});
}

#[test]
fn transfer_moves_resource_certificate_and_income() {
	ExtBuilder::default().build_and_execute(|| {
		let id = listed(ALICE);
		assert_noop!(Reg::transfer(signed(ALICE), id, ALICE), Error::<Test>::SameOwner);
		assert_noop!(Reg::transfer(signed(ALICE), id, BOB), Error::<Test>::NotProvider);
		provider(BOB);
		assert_noop!(Reg::transfer(signed(BOB), id, ALICE), Error::<Test>::NotOwner);
		assert_ok!(Reg::engage(id, &CAROL, false));
		assert_noop!(Reg::transfer(signed(ALICE), id, BOB), Error::<Test>::Engaged);
		assert_ok!(Reg::release(id));
		Restricted::set(vec![BOB]);
		assert_noop!(Reg::transfer(signed(ALICE), id, BOB), Error::<Test>::ReputationTooLow);
		Restricted::set(vec![]);
		assert_ok!(Reg::transfer(signed(ALICE), id, BOB));
		System::assert_last_event(Event::Transferred { resource: id, from: ALICE, to: BOB }.into());
		let c = Collection::<Test>::get().unwrap();
		assert_eq!(<Nfts as Inspect<u64>>::owner(&c, &id), Some(BOB));
		assert_eq!(attribute(id, keys::OWNER), hex(&BOB));
		assert_eq!(Reg::facts(id).unwrap().owner, BOB);
		assert!(Owned::<Test>::contains_key(BOB, id) && !Owned::<Test>::contains_key(ALICE, id));
		assert_eq!(Providers::<Test>::get(ALICE).unwrap().resources, 0);
		assert_eq!(Providers::<Test>::get(BOB).unwrap().resources, 1);
		// Still locked at the NFT level.
		assert_noop!(
			Nfts::transfer(signed(BOB), c, id, ALICE),
			pallet_nfts::Error::<Test>::ItemLocked
		);
	});
}

// ---------------------------------------------------------------------------------------
// The status trait other pallets use

#[test]
fn engage_and_release_mark_the_tenant() {
	ExtBuilder::default().build_and_execute(|| {
		let id = verified(ALICE);
		assert_noop!(Reg::engage(id, &BOB, false), Error::<Test>::BadStatus);
		assert_noop!(Reg::release(id), Error::<Test>::BadStatus);
		assert_noop!(Reg::engage(42, &BOB, false), Error::<Test>::UnknownResource);
		assert_ok!(Reg::list(signed(ALICE), id));
		assert_ok!(Reg::engage(id, &BOB, false));
		assert_eq!(status(id), Status::Rented);
		assert_eq!(attribute(id, keys::TENANT), hex(&BOB));
		assert_eq!(Providers::<Test>::get(ALICE).unwrap().engaged, 1);
		assert_noop!(Reg::engage(id, &CAROL, true), Error::<Test>::BadStatus);
		assert_noop!(Reg::pause(signed(ALICE), id), Error::<Test>::BadStatus);
		assert_ok!(Reg::release(id));
		assert_eq!(status(id), Status::Listed);
		assert_eq!(attribute(id, keys::TENANT), Vec::<u8>::new());
		assert_ok!(Reg::engage(id, &CAROL, true));
		assert_eq!(status(id), Status::Busy);
		assert_ok!(Reg::release(id));
		assert_eq!(Providers::<Test>::get(ALICE).unwrap().engaged, 0);
		let f = Reg::facts(id).unwrap();
		assert_eq!((f.owner, f.status, f.price, f.score), (ALICE, Status::Listed, 100, 1360));
		assert_eq!(Reg::facts(42), None);
	});
}

#[test]
fn suspension_takes_a_resource_off_the_market() {
	ExtBuilder::default().build_and_execute(|| {
		let id = listed(ALICE);
		assert_noop!(Reg::set_suspended(id, false), Error::<Test>::BadStatus);
		assert_ok!(Reg::set_suspended(id, true));
		assert_eq!(status(id), Status::Suspended);
		assert_noop!(Reg::list(signed(ALICE), id), Error::<Test>::BadStatus);
		assert_noop!(Reg::transfer(signed(ALICE), id, BOB), Error::<Test>::BadStatus);
		assert_ok!(Reg::set_suspended(id, false));
		assert_eq!(status(id), Status::Idle);
		assert_ok!(Reg::list(signed(ALICE), id));
		assert_ok!(Reg::engage(id, &BOB, false));
		assert_noop!(Reg::set_suspended(id, true), Error::<Test>::BadStatus);
		assert_noop!(Reg::set_disputed(42, true), Error::<Test>::UnknownResource);
	});
}

// ---------------------------------------------------------------------------------------
// Re-scoring and parameters

#[test]
fn new_scoring_weights_rescore_every_resource_over_several_blocks() {
	ExtBuilder::default().build_and_execute(|| {
		provider(ALICE);
		provider(BOB);
		let ids: Vec<_> =
			(0..3).map(|_| register(ALICE)).chain((0..2).map(|_| register(BOB))).collect();
		assert_ok!(Reg::deregister(signed(ALICE), ids[1]));
		assert!(ids.iter().all(|id| Resources::<Test>::get(id).is_none_or(|r| r.score == 360)));
		PerCore::set(20);
		ScoreVersion::set(1);
		// Two per block (RescorePerBlock = 2); ids 0..5, id 1 gone.
		run_to(2);
		assert_eq!(Rescore::<Test>::get(), Some((1, 2)));
		let score = |id| Resources::<Test>::get(id).map(|r| (r.score, r.score_version));
		assert_eq!(score(0), Some((520, 1)));
		assert_eq!(score(2), Some((360, 0)));
		System::assert_has_event(Event::Scored { resource: 0, score: 520, version: 1 }.into());
		run_to(4);
		assert_eq!(Rescore::<Test>::get(), None);
		assert!([0, 2, 3, 4].iter().all(|id| score(*id) == Some((520, 1))));
		assert_eq!(attribute(4, keys::SCORE), decimal(520));
		// Nothing left to do: the hook stays cheap.
		run_to(6);
		assert_eq!(Rescore::<Test>::get(), None);
	});
}

#[test]
fn rescoring_stops_at_the_weight_limit() {
	ExtBuilder::default().build_and_execute(|| {
		provider(ALICE);
		register(ALICE);
		ScoreVersion::set(3);
		use polkadot_sdk::frame_support::{traits::Hooks, weights::Weight};
		assert_eq!(Reg::on_idle(2, Weight::zero()), Weight::zero());
		assert_eq!(Resources::<Test>::get(0).unwrap().score_version, 0);
		Reg::on_idle(2, Weight::MAX);
		assert_eq!(Resources::<Test>::get(0).unwrap().score_version, 3);
	});
}

#[test]
fn governance_sets_consistent_params_only() {
	ExtBuilder::default().build_and_execute(|| {
		let mut p = params();
		p.min_bond = 5_000;
		p.slash = Perbill::from_percent(50);
		p.tolerance = Percent::from_percent(5);
		assert_noop!(Reg::set_params(signed(ALICE), p), DispatchError::BadOrigin);
		for bad in [
			Params { panel_size: 2, ..p },
			Params { panel_size: 7, ..p },
			Params { commit_period: 0, ..p },
			Params { reveal_period: 0, ..p },
			Params { min_bond: 0, ..p },
			Params { verifier_stake: 0, ..p },
		] {
			assert_noop!(Reg::set_params(RuntimeOrigin::root(), bad), Error::<Test>::BadParams);
		}
		assert_ok!(Reg::set_params(RuntimeOrigin::root(), p));
		System::assert_last_event(Event::ParamsSet { params: p }.into());
		assert_eq!(Reg::params(), p);
		assert_noop!(
			Reg::register_provider(signed(ALICE), name("A"), url("x"), 4_999),
			Error::<Test>::BondTooLow
		);
	});
}

#[test]
fn genesis_creates_the_collection_owned_by_the_registry() {
	ExtBuilder::default().build_and_execute(|| {
		let c = Collection::<Test>::get().unwrap();
		assert_eq!(<Nfts as Inspect<u64>>::collection_owner(&c), Some(Reg::account()));
	});
}

#[test]
fn a_gpu_claim_needs_a_known_model_but_a_cpu_machine_does_not() {
	ExtBuilder::default().build_and_execute(|| {
		provider(ALICE);
		let mut d = declaration();
		d.specs.gpu = Some(Gpu {
			model: b"H100".to_vec().try_into().unwrap(),
			count: 8,
			memory_mib: 81_920,
			cores: 16_896,
			interconnect: Interconnect::NvLink,
		});
		assert_ok!(Reg::register_resource(signed(ALICE), d));
		assert_eq!(Resources::<Test>::get(0).unwrap().score, 160 + 800);
	});
}

// ---------------------------------------------------------------------------------------
// Queries

/// Lists a resource of `who` with `cores` cores, `gpus` RTX 4090 (none when 0), in
/// `country`, at a fixed `price`; returns its id.
fn offer(who: u64, cores: u16, gpus: u8, country: &[u8; 2], price: u64) -> ResourceId {
	let mut d = declaration();
	d.specs.cpu.cores = cores;
	d.specs.cpu.threads = cores * 2;
	if gpus == 0 {
		d.specs.gpu = None;
	} else {
		d.specs.gpu.as_mut().unwrap().count = gpus;
	}
	d.region.country = *country;
	d.price = Price::Fixed(price);
	let id = crate::NextResourceId::<Test>::get();
	assert_ok!(Reg::register_resource(signed(who), d));
	assert_ok!(Reg::force_verify(RuntimeOrigin::root(), id, 0));
	assert_ok!(Reg::list(signed(who), id));
	id
}

fn ids(v: Vec<powerverse_primitives::ResourceView<u64, u64, u64>>) -> Vec<ResourceId> {
	v.into_iter().map(|r| r.id).collect()
}

#[test]
fn search_filters_sorts_and_pages_listed_resources() {
	use powerverse_primitives::{Filter, Sort};
	ExtBuilder::default().build_and_execute(|| {
		provider(ALICE);
		provider(BOB);
		provider(CAROL);
		// Scores: cores × 10 + GPUs × 100.
		let a = offer(ALICE, 8, 0, b"DE", 50); // 80
		let b = offer(ALICE, 16, 1, b"DE", 120); // 260
		let c = offer(BOB, 32, 4, b"FR", 300); // 720
		let d = offer(BOB, 16, 2, b"US", 90); // 360
		let e = offer(CAROL, 64, 0, b"FR", 200); // 640
		let all = Filter::<u64>::default();
		assert_eq!(ids(Reg::search(all.clone(), Sort::Score, 0, 10)), vec![c, e, d, b, a]);
		assert_eq!(ids(Reg::search(all.clone(), Sort::Price, 0, 10)), vec![a, d, b, e, c]);
		// Pages.
		assert_eq!(ids(Reg::search(all.clone(), Sort::Score, 1, 2)), vec![d, b]);
		assert_eq!(ids(Reg::search(all.clone(), Sort::Price, 2, 2)), vec![c]);
		assert!(Reg::search(all.clone(), Sort::Score, 3, 2).is_empty());
		assert!(Reg::search(all.clone(), Sort::Score, 0, 0).is_empty());
		// Filters.
		let gpu =
			Filter { gpu_model: Some(b"RTX 4090".to_vec().try_into().unwrap()), ..all.clone() };
		assert_eq!(ids(Reg::search(gpu.clone(), Sort::Score, 0, 10)), vec![c, d, b]);
		let two = Filter { min_gpus: Some(2), max_price: Some(100), ..gpu.clone() };
		assert_eq!(ids(Reg::search(two, Sort::Score, 0, 10)), vec![d]);
		let fr = Filter { country: Some(*b"FR"), ..all.clone() };
		assert_eq!(ids(Reg::search(fr, Sort::Price, 0, 10)), vec![e, c]);
		let big = Filter { min_cores: Some(32), min_score: Some(700), ..all.clone() };
		assert_eq!(ids(Reg::search(big, Sort::Score, 0, 10)), vec![c]);
		let edge = Filter { tier: Some(Tier::Edge), ..all.clone() };
		assert!(Reg::search(edge, Sort::Score, 0, 10).is_empty());
		Restricted::set(vec![BOB]);
		let reputable = Filter { min_reputation: Some(300), ..all.clone() };
		assert_eq!(ids(Reg::search(reputable, Sort::Score, 0, 10)), vec![e, b, a]);
		Restricted::set(vec![]);
		// Rented, paused or retired resources leave the results; price now is shown.
		assert_ok!(Reg::engage(c, &ALICE, false));
		assert_ok!(Reg::pause(signed(CAROL), e));
		assert_ok!(Reg::deregister(signed(ALICE), a));
		let found = Reg::search(all.clone(), Sort::Score, 0, 10);
		assert_eq!(ids(found.clone()), vec![d, b]);
		assert_eq!((found[0].price, found[0].owner, found[0].reputation), (90, BOB, 500));
		assert_ok!(Reg::release(c));
		assert_eq!(ids(Reg::search(all.clone(), Sort::Score, 0, 1)), vec![c]);
		// A re-score moves resources in the index.
		PerCore::set(1);
		ScoreVersion::set(1);
		run_to(5);
		assert_eq!(ids(Reg::search(all, Sort::Score, 0, 10)), vec![c, d, b]);
	});
}

#[test]
fn market_match_ranks_by_price_score_reputation_and_place() {
	use powerverse_primitives::Filter;
	ExtBuilder::default().build_and_execute(|| {
		provider(ALICE);
		provider(BOB);
		provider(CAROL);
		let a = offer(ALICE, 8, 0, b"DE", 50); // score 80
		let b = offer(ALICE, 16, 1, b"DE", 120); // 260
		let c = offer(BOB, 32, 4, b"FR", 300); // 720
		let d = offer(BOB, 16, 2, b"US", 90); // 360
		let e = offer(CAROL, 64, 0, b"FR", 200); // 640
		let fits = |m: Vec<powerverse_primitives::Matched<u64, u64, u64>>| {
			m.into_iter().map(|m| (m.resource.id, m.fit)).collect::<Vec<_>>()
		};
		let all = Filter::<u64>::default();
		// 35% price (cheapest 50), 35% score (best 720), 20% reputation (neutral 500).
		assert_eq!(
			fits(Reg::market_match(all.clone(), None, 10)),
			vec![(c, 508), (e, 498), (a, 488), (d, 469), (b, 371)]
		);
		assert_eq!(fits(Reg::market_match(all.clone(), None, 2)), vec![(c, 508), (e, 498)]);
		assert!(Reg::market_match(all.clone(), None, 0).is_empty());
		// Every machine is in cell u33db: all gain the 10% of nearness; a far cell gains none.
		let near = Some(b"u33".to_vec().try_into().unwrap());
		assert_eq!(fits(Reg::market_match(all.clone(), near, 1)), vec![(c, 608)]);
		let far = Some(b"9q8".to_vec().try_into().unwrap());
		assert_eq!(fits(Reg::market_match(all.clone(), far, 1)), vec![(c, 508)]);
		// Requirements filter first; prices and scores compare within what is left.
		let de = Filter { country: Some(*b"DE"), ..all.clone() };
		assert_eq!(fits(Reg::market_match(de, None, 10)), vec![(b, 595), (a, 557)]);
		// A bad reputation costs places.
		Restricted::set(vec![BOB]);
		assert_eq!(fits(Reg::market_match(all, None, 2)), vec![(e, 498), (a, 488)]);
	});
}

#[test]
fn resource_and_resources_of_show_everything() {
	ExtBuilder::default().build_and_execute(|| {
		provider(ALICE);
		let a = register(ALICE);
		let b = offer(ALICE, 8, 0, b"DE", 50);
		let view = Reg::resource(a).unwrap();
		assert_eq!(
			(view.id, view.owner, view.status, view.verified),
			(a, ALICE, Status::Pending, false)
		);
		assert_eq!(view.specs, declaration().specs);
		assert_eq!(view.telemetry, declaration().telemetry.to_vec());
		assert_eq!(ids(Reg::resources_of(ALICE)), vec![a, b]);
		assert!(Reg::resources_of(BOB).is_empty());
		assert!(Reg::resource(9).is_none());
	});
}

#[test]
fn genesis_can_seed_providers_and_listed_machines() {
	let mut t =
		polkadot_sdk::frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	polkadot_sdk::pallet_balances::GenesisConfig::<Test> {
		balances: vec![(ALICE, ENDOWMENT)],
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	crate::GenesisConfig::<Test> {
		params: Some(params()),
		providers: vec![(ALICE, b"Seed".to_vec(), MIN_BOND)],
		resources: vec![
			(ALICE, declaration(), Some(700), true),
			(ALICE, declaration(), Some(800), false),
			(ALICE, declaration(), None, false),
		],
	}
	.assimilate_storage(&mut t)
	.unwrap();
	polkadot_sdk::sp_io::TestExternalities::new(t).execute_with(|| {
		assert_eq!(bonded(ALICE), MIN_BOND);
		assert_eq!([0, 1, 2].map(status), [Status::Listed, Status::Idle, Status::Pending]);
		assert_eq!(Resources::<Test>::get(0).unwrap().benchmark, Some(700));
		let all = powerverse_primitives::Filter::<u64>::default();
		assert_eq!(ids(Reg::search(all, powerverse_primitives::Sort::Score, 0, 10)), vec![0]);
		Reg::do_try_state().unwrap();
	});
}
