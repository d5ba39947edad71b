//! Tests of the registry: every call, every error, the verification rounds, the status
//! trait and re-scoring. Each test ends with the pallet's invariant check.

use crate::{
	certificate::{decimal, hex, keys},
	mock::*,
	Collection, Error, Event, Owned, Params, Providers, Ranked, Rescore, Resources, Verifiers,
};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, traits::tokens::nonfungibles_v2::Inspect},
	pallet_nfts,
	sp_runtime::{BuildStorage, DispatchError, Perbill, Percent},
};
use powerverse_primitives::{
	Delist, Gpu, Interconnect, Price, ResourceId, Resources as _, Standing, Status, Tier, Window,
};

type Reg = crate::Pallet<Test>;

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
fn register_resource_mints_a_locked_certificate_unscored_until_verified() {
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
		// Declared specs alone earn no score.
		assert_eq!(r.score, 0);
		assert!(Owned::<Test>::contains_key(ALICE, id));
		assert_eq!(Providers::<Test>::get(ALICE).unwrap().resources, 1);
		// The provider paid the item deposit (1) and holds the verification fee.
		assert_eq!(Balances::free_balance(ALICE), free - 1 - FEE);
		let c = Collection::<Test>::get().unwrap();
		assert_eq!(<Nfts as Inspect<u64>>::owner(&c, &id), Some(ALICE));
		assert_eq!(attribute(id, keys::OWNER), hex(&ALICE));
		assert_eq!(attribute(id, keys::STATUS), b"Pending".to_vec());
		assert_eq!(attribute(id, keys::SCORE), decimal(0));
		assert_eq!(attribute(id, keys::TENANT), Vec::<u8>::new());
		// pallet-nfts' own calls cannot move or burn it.
		assert_noop!(
			Nfts::transfer(signed(ALICE), c, id, BOB),
			pallet_nfts::Error::<Test>::ItemLocked
		);
		assert_noop!(Nfts::burn(signed(ALICE), c, id), pallet_nfts::Error::<Test>::ItemLocked);
		System::assert_has_event(Event::Registered { resource: id, owner: ALICE }.into());
		// Verified, it is scored from its specs and benchmark.
		assert_ok!(Reg::force_verify(RuntimeOrigin::root(), id, 40));
		assert_eq!(Resources::<Test>::get(id).unwrap().score, 16 * 10 + 2 * 100 + 40);
		assert_eq!(attribute(id, keys::SCORE), decimal(400));
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
		for n in 0..3 {
			let mut d = declaration_of(n);
			d.specs.gpu = None;
			assert_ok!(Reg::register_resource(signed(ALICE), d));
		}
		// Too few verifiers for a panel: waiting (two draws fit a block, the third is next).
		run_to(2 + DRAW_DELAY);
		System::assert_last_event(Event::AwaitingVerifiers { resource: 2 }.into());
		assert_noop!(
			Reg::register_resource(signed(ALICE), declaration_of(3)),
			Error::<Test>::TooManyResources
		);
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
		let mut d = declaration_of(id);
		d.specs.cpu.cores = 32;
		d.specs.cpu.threads = 64;
		d.tier = Tier::Core;
		let mut bad = d.clone();
		bad.specs.cpu.cores = 0;
		assert_noop!(Reg::update_resource(signed(ALICE), id, bad), Error::<Test>::BadCpu);
		assert_noop!(Reg::update_resource(signed(BOB), id, d.clone()), Error::<Test>::NotOwner);
		assert_ok!(Reg::update_resource(signed(ALICE), id, d.clone()));
		let r = Resources::<Test>::get(id).unwrap();
		assert_eq!((r.status, r.verified, r.benchmark, r.score), (Status::Pending, false, None, 0));
		assert_eq!(r.declared.tier, Tier::Core);
		System::assert_has_event(Event::Updated { resource: id }.into());
		assert_eq!(draw(id).len(), 3);
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
		for id in &ids {
			assert_ok!(Reg::force_verify(RuntimeOrigin::root(), *id, 0));
		}
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
		assert_ok!(Reg::force_verify(RuntimeOrigin::root(), 0, 0));
		assert_eq!(Resources::<Test>::get(0).unwrap().score, 160 + 800);
	});
}

// ---------------------------------------------------------------------------------------
// Queries

/// Lists a resource of `who` with `cores` cores, `gpus` RTX 4090 (none when 0), in
/// `country`, at a fixed `price`; returns its id.
fn offer(who: u64, cores: u16, gpus: u8, country: &[u8; 2], price: u64) -> ResourceId {
	let mut d = declaration_of(crate::NextResourceId::<Test>::get());
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
			(ALICE, declaration_of(0), Some(700), true),
			(ALICE, declaration_of(1), Some(800), false),
			(ALICE, declaration_of(2), None, false),
		],
		verifiers: vec![],
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

// ---------------------------------------------------------------------------------------
// Loopholes closed (issue 12, defect 8)

#[test]
fn a_burned_certificate_keeps_no_attributes() {
	ExtBuilder::default().build_and_execute(|| {
		let id = listed(ALICE);
		assert_eq!(attribute(id, keys::STATUS), b"Listed".to_vec());
		assert_ok!(Reg::deregister(signed(ALICE), id));
		for key in [keys::OWNER, keys::STATUS, keys::SCORE, keys::TENANT] {
			let c = Collection::<Test>::get().unwrap();
			assert_eq!(<Nfts as Inspect<u64>>::system_attribute(&c, Some(&id), key), None);
		}
	});
}

#[test]
fn a_lease_ending_does_not_relist_a_restricted_or_underbonded_owner() {
	ExtBuilder::default().build_and_execute(|| {
		let id = listed(ALICE);
		assert_ok!(Reg::engage(id, &BOB, false));
		// During the lease the owner's reputation falls below the threshold.
		Restricted::set(vec![ALICE]);
		assert_ok!(Reg::release(id));
		assert_eq!(status(id), Status::Idle);
		System::assert_last_event(
			Event::StatusChanged { resource: id, from: Status::Rented, to: Status::Idle }.into(),
		);
		assert_noop!(Reg::list(signed(ALICE), id), Error::<Test>::ReputationTooLow);
		Restricted::set(vec![]);
		assert_ok!(Reg::list(signed(ALICE), id));
		// An owner whose bond was slashed or unbonded below the minimum: the same.
		assert_ok!(Reg::engage(id, &BOB, true));
		Providers::<Test>::mutate(ALICE, |p| p.as_mut().unwrap().unbonding = Some((1, 100)));
		assert_ok!(Reg::release(id));
		assert_eq!(status(id), Status::Idle);
	});
}

#[test]
fn withdraw_unbonded_refuses_while_a_resource_is_engaged() {
	ExtBuilder::default().build_and_execute(|| {
		let id = listed(ALICE);
		assert_ok!(Reg::bond_extra(signed(ALICE), 100));
		assert_ok!(Reg::unbond(signed(ALICE), 100));
		run_to(20);
		// Rented after the unbonding started: the bond must answer for the lease.
		assert_ok!(Reg::engage(id, &BOB, false));
		assert_noop!(Reg::withdraw_unbonded(signed(ALICE)), Error::<Test>::ProviderEngaged);
		assert_ok!(Reg::release(id));
		assert_ok!(Reg::set_disputed(id, true));
		assert_noop!(Reg::withdraw_unbonded(signed(ALICE)), Error::<Test>::ProviderEngaged);
		assert_ok!(Reg::set_disputed(id, false));
		assert_ok!(Reg::withdraw_unbonded(signed(ALICE)));
		assert_eq!(bonded(ALICE), MIN_BOND);
	});
}

#[test]
fn a_dutch_auction_restarts_when_the_machine_is_listed_again_after_a_lease() {
	ExtBuilder::default().build_and_execute(|| {
		let id = verified(ALICE);
		let dutch = Price::Dutch { start: 150, floor: 80, fall: 10 };
		assert_ok!(Reg::set_price(signed(ALICE), id, dutch));
		assert_ok!(Reg::list(signed(ALICE), id));
		run_to(1 + 50);
		assert_eq!(Reg::facts(id).unwrap().price, 100);
		assert_ok!(Reg::engage(id, &BOB, false));
		run_to(1 + 80);
		assert_ok!(Reg::release(id));
		// Back on the market at the start price, not at the floor the old clock reached.
		assert_eq!(Reg::facts(id).unwrap().price, 150);
		assert_eq!(Resources::<Test>::get(id).unwrap().listed_at, 81);
	});
}

// ---------------------------------------------------------------------------------------
// Sanctions of the administrator (issue 13)

/// The error a sanctioned account gets.
fn refusal(standing: Standing) -> Error<Test> {
	match standing {
		Standing::Frozen => Error::<Test>::AccountFrozen,
		Standing::Blacklisted => Error::<Test>::AccountBlacklisted,
		Standing::Good => unreachable!("good accounts are not refused"),
	}
}

/// Entries of `id` in the search index.
fn indexed(id: ResourceId) -> usize {
	Ranked::<Test>::iter_keys().filter(|(_, _, key)| *key == id.to_be_bytes()).count()
}

#[test]
fn a_sanctioned_provider_cannot_withdraw_its_bond() {
	ExtBuilder::default().build_and_execute(|| {
		provider(ALICE);
		assert_ok!(Reg::unbond(signed(ALICE), MIN_BOND));
		run_to(11);
		// Frozen after unbonding, before withdrawing: the bond stays held for a ruling.
		for (standing, error) in [
			(Standing::Frozen, Error::<Test>::AccountFrozen),
			(Standing::Blacklisted, Error::<Test>::AccountBlacklisted),
		] {
			sanction(ALICE, standing);
			let free = Balances::free_balance(ALICE);
			assert_noop!(Reg::withdraw_unbonded(signed(ALICE)), error);
			assert_eq!(Balances::free_balance(ALICE), free);
			assert_eq!(bonded(ALICE), MIN_BOND);
		}
		sanction(ALICE, Standing::Good);
		let free = Balances::free_balance(ALICE);
		assert_ok!(Reg::withdraw_unbonded(signed(ALICE)));
		assert_eq!(Balances::free_balance(ALICE), free + MIN_BOND);
	});
}

#[test]
fn sanctioned_accounts_cannot_become_providers_or_verifiers() {
	ExtBuilder::default().build_and_execute(|| {
		sanction(ALICE, Standing::Frozen);
		sanction(BOB, Standing::Blacklisted);
		let register = |who| Reg::register_provider(signed(who), name("A"), url("x"), MIN_BOND);
		assert_noop!(register(ALICE), Error::<Test>::AccountFrozen);
		assert_noop!(register(BOB), Error::<Test>::AccountBlacklisted);
		assert_noop!(Reg::apply_verifier(signed(ALICE)), Error::<Test>::AccountFrozen);
		assert_noop!(Reg::apply_verifier(signed(BOB)), Error::<Test>::AccountBlacklisted);
		assert!(!Providers::<Test>::contains_key(ALICE) && !Verifiers::<Test>::contains_key(BOB));
		assert_eq!((bonded(ALICE), bonded(BOB)), (0, 0));
		// Once the sanction is lifted, both are open again.
		sanction(ALICE, Standing::Good);
		assert_ok!(register(ALICE));
		assert_ok!(Reg::apply_verifier(signed(ALICE)));
	});
}

#[test]
fn a_sanctioned_provider_cannot_register_list_or_resume() {
	ExtBuilder::default().build_and_execute(|| {
		provider(ALICE);
		let idle = register(ALICE);
		assert_ok!(Reg::force_verify(RuntimeOrigin::root(), idle, 1000));
		let paused = register(ALICE);
		assert_ok!(Reg::force_verify(RuntimeOrigin::root(), paused, 1000));
		assert_ok!(Reg::list(signed(ALICE), paused));
		assert_ok!(Reg::pause(signed(ALICE), paused));
		for standing in [Standing::Frozen, Standing::Blacklisted] {
			sanction(ALICE, standing);
			assert_noop!(
				Reg::register_resource(signed(ALICE), declaration_of(9)),
				refusal(standing)
			);
			assert_noop!(Reg::list(signed(ALICE), idle), refusal(standing));
			assert_noop!(Reg::resume(signed(ALICE), paused), refusal(standing));
		}
		assert_eq!((status(idle), status(paused)), (Status::Idle, Status::Paused));
		// Taking machines off the market is still the owner's right.
		assert_ok!(Reg::unlist(signed(ALICE), paused));
		sanction(ALICE, Standing::Good);
		assert_ok!(Reg::list(signed(ALICE), idle));
	});
}

#[test]
fn transfer_refuses_a_sanctioned_owner_or_receiver() {
	ExtBuilder::default().build_and_execute(|| {
		let id = listed(ALICE);
		provider(BOB);
		sanction(ALICE, Standing::Frozen);
		assert_noop!(Reg::transfer(signed(ALICE), id, BOB), Error::<Test>::AccountFrozen);
		sanction(ALICE, Standing::Blacklisted);
		assert_noop!(Reg::transfer(signed(ALICE), id, BOB), Error::<Test>::AccountBlacklisted);
		sanction(ALICE, Standing::Good);
		sanction(BOB, Standing::Frozen);
		assert_noop!(Reg::transfer(signed(ALICE), id, BOB), Error::<Test>::AccountFrozen);
		sanction(BOB, Standing::Blacklisted);
		assert_noop!(Reg::transfer(signed(ALICE), id, BOB), Error::<Test>::AccountBlacklisted);
		assert!(Owned::<Test>::contains_key(ALICE, id));
		sanction(BOB, Standing::Good);
		assert_ok!(Reg::transfer(signed(ALICE), id, BOB));
	});
}

#[test]
fn a_sanctioned_owners_machine_comes_back_from_a_lease_idle() {
	ExtBuilder::default().build_and_execute(|| {
		let id = listed(ALICE);
		assert_ok!(Reg::engage(id, &BOB, false));
		sanction(ALICE, Standing::Frozen);
		assert_ok!(Reg::release(id));
		assert_eq!(status(id), Status::Idle);
		assert_eq!(indexed(id), 0);
		System::assert_last_event(
			Event::StatusChanged { resource: id, from: Status::Rented, to: Status::Idle }.into(),
		);
	});
}

#[test]
fn delisting_an_owner_takes_its_listed_and_paused_machines_off_the_market() {
	ExtBuilder::default().build_and_execute(|| {
		provider(ALICE);
		let ids: Vec<ResourceId> = (0..3).map(|_| register(ALICE)).collect();
		for id in &ids {
			assert_ok!(Reg::force_verify(RuntimeOrigin::root(), *id, 1000));
			assert_ok!(Reg::list(signed(ALICE), *id));
		}
		let (listed_, paused, rented) = (ids[0], ids[1], ids[2]);
		assert_ok!(Reg::pause(signed(ALICE), paused));
		assert_ok!(Reg::engage(rented, &CAROL, false));
		let other = listed(BOB);
		sanction(ALICE, Standing::Blacklisted);

		assert_eq!(<Reg as Delist<u64>>::delist_owner(&ALICE), 2);

		for id in [listed_, paused] {
			assert_eq!(status(id), Status::Idle);
			assert_eq!(indexed(id), 0);
			assert_eq!(attribute(id, keys::STATUS), b"Idle".to_vec());
		}
		// In the order of the owner index (hashed ids), so only their presence is checked.
		System::assert_has_event(
			Event::StatusChanged { resource: listed_, from: Status::Listed, to: Status::Idle }
				.into(),
		);
		System::assert_has_event(
			Event::StatusChanged { resource: paused, from: Status::Paused, to: Status::Idle }
				.into(),
		);
		// The rented machine finishes its lease, then comes back idle; others' machines stay.
		assert_eq!(status(rented), Status::Rented);
		assert_eq!((status(other), indexed(other)), (Status::Listed, 3));
		assert_ok!(Reg::release(rented));
		assert_eq!(status(rented), Status::Idle);
		// Nothing left to delist; an account with no machines has none either.
		assert_eq!(<Reg as Delist<u64>>::delist_owner(&ALICE), 0);
		assert_eq!(<Reg as Delist<u64>>::delist_owner(&CAROL), 0);
	});
}
