//! Tests of the leases pallet: every call and error, settlement by the queue and by hand,
//! downtime credits, disputes, ratings and fees. Each test ends with the invariant check.

use crate::{
	mock::*, Cursor, Due, Error, Event, HoldReason, Job, Leases, NextLeaseId, Ratings, Running,
	Segment, Tenancies,
};
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::fungible::{Inspect, InspectHold},
	},
	sp_core::H256,
	sp_runtime::{DispatchError, Perbill, Percent, Permill},
};
use powerverse_primitives::{
	Downtime, Escrow, FeeTerms, Leasing, Price, Standing, Status, Subject,
};

type L = crate::Pallet<Test>;

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn held(who: u64) -> u64 {
	Balances::balance_on_hold(&HoldReason::Rent.into(), &who)
}

fn free(who: u64) -> u64 {
	Balances::balance(&who)
}

/// Tenant rents resource 1 for 5 hours (50 blocks) at block 1; returns the lease id.
fn rent5() -> u64 {
	let id = crate::NextLeaseId::<Test>::get();
	assert_ok!(L::rent(signed(TENANT), 1, 5, PRICE));
	id
}

#[test]
fn rent_holds_the_rent_and_marks_the_machine_rented() {
	ExtBuilder.build_and_execute(|| {
		let id = rent5();
		assert_eq!(held(TENANT), 5 * PRICE);
		assert_eq!(free(TENANT), ENDOWMENT - 5 * PRICE);
		assert_eq!(resource_state(1), (Status::Rented, Some(TENANT)));
		assert_eq!(Running::<Test>::get(1), Some(id));
		assert_eq!(Tenancies::<Test>::get(TENANT).into_inner(), vec![id]);
		assert!(Due::<Test>::get(51).contains(&Job::Settle(id)));
		System::assert_last_event(
			Event::Rented {
				lease: id,
				tenant: TENANT,
				provider: PROVIDER,
				resource: 1,
				price: PRICE,
				start: 1,
				end: 51,
				escrow: 5 * PRICE,
			}
			.into(),
		);
	});
}

#[test]
fn rent_refuses_bad_input_and_changes_nothing() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(L::rent(signed(TENANT), 9, 5, PRICE), Error::<Test>::UnknownResource);
		assert_noop!(L::rent(signed(TENANT), 1, 5, PRICE - 1), Error::<Test>::PriceTooHigh);
		assert_noop!(L::rent(signed(TENANT), 1, 0, PRICE), Error::<Test>::BadHours);
		assert_noop!(L::rent(signed(TENANT), 1, 101, PRICE), Error::<Test>::BadHours);
		assert_noop!(L::rent(signed(PROVIDER), 1, 5, PRICE), Error::<Test>::OwnResource);
		assert_noop!(L::rent(signed(POOR), 1, 5, PRICE), Error::<Test>::InsufficientBalance);
		edit_resource(1, |f| f.window.until = 50);
		assert_noop!(L::rent(signed(TENANT), 1, 5, PRICE), Error::<Test>::OutsideWindow);
		edit_resource(1, |f| f.status = Status::Paused);
		assert_noop!(L::rent(signed(TENANT), 1, 1, PRICE), Error::<Test>::NotListed);
		edit_resource(1, |f| {
			f.status = Status::Listed;
			f.disputed = true
		});
		assert_noop!(L::rent(signed(TENANT), 1, 1, PRICE), Error::<Test>::NotListed);
		Restricted::set(vec![TENANT2]);
		assert_noop!(L::rent(signed(TENANT2), 2, 1, PRICE), Error::<Test>::ReputationTooLow);
		assert_noop!(L::rent(RuntimeOrigin::none(), 2, 1, PRICE), DispatchError::BadOrigin);
		assert_eq!(resource_state(2), (Status::Listed, None));
		assert_eq!(held(TENANT), 0);
	});
}

#[test]
fn a_tenant_has_a_bounded_number_of_leases() {
	ExtBuilder.build_and_execute(|| {
		add_resource(4, PROVIDER2, Price::Fixed(PRICE));
		for r in 1..=3 {
			assert_ok!(L::rent(signed(TENANT), r, 1, PRICE));
		}
		assert_noop!(L::rent(signed(TENANT), 4, 1, PRICE), Error::<Test>::TooManyLeases);
		// Another tenant is not affected.
		assert_ok!(L::rent(signed(TENANT2), 4, 1, PRICE));
	});
}

#[test]
fn full_queues_refuse_a_rent() {
	ExtBuilder.build_and_execute(|| {
		// Every block a lease of 5 hours could be queued in is full.
		for b in 51..51 + crate::SPILL_BLOCKS as u64 {
			Due::<Test>::insert(b, bounded_jobs(&[Job::Forget(900), Job::Forget(901)]));
		}
		assert_noop!(L::rent(signed(TENANT), 1, 5, PRICE), Error::<Test>::DueFull);
		// The last block with room takes it.
		Due::<Test>::insert(58, bounded_jobs(&[Job::Forget(900)]));
		let id = rent5();
		assert_eq!(Leases::<Test>::get(id).unwrap().due, 58);
		// The fillers name no rating: take them out for the invariants.
		for b in 51..51 + crate::SPILL_BLOCKS as u64 {
			L::unqueue(b, Job::Forget(900));
			L::unqueue(b, Job::Forget(901));
		}
		assert_eq!(Due::<Test>::get(58).into_inner(), vec![Job::Settle(id)]);
	});
}

fn bounded_jobs(
	jobs: &[Job],
) -> polkadot_sdk::frame_support::BoundedVec<Job, polkadot_sdk::frame_support::traits::ConstU32<2>>
{
	jobs.to_vec().try_into().unwrap()
}

#[test]
fn a_lease_settles_at_its_end_with_the_fee_burned_and_to_the_treasury() {
	ExtBuilder.build_and_execute(|| {
		let id = rent5();
		let issuance = Balances::total_issuance();
		run_to(50);
		assert!(Leases::<Test>::contains_key(id), "not before its end");
		run_to(51);
		// 5,000 rent: 10% fee = 500, half burned, half to the treasury.
		assert_eq!(free(PROVIDER), ENDOWMENT + 4_500);
		assert_eq!(free(TREASURY), 1 + 250);
		assert_eq!(Balances::total_issuance(), issuance - 250);
		assert_eq!(held(TENANT), 0);
		assert_eq!(free(TENANT), ENDOWMENT - 5_000);
		assert_eq!(resource_state(1), (Status::Listed, None));
		assert!(!Leases::<Test>::contains_key(id));
		assert!(!Running::<Test>::contains_key(1));
		assert!(Tenancies::<Test>::get(TENANT).is_empty());
		assert!(Ratings::<Test>::contains_key(id));
		System::assert_has_event(
			Event::Settled {
				lease: id,
				resource: 1,
				paid: 4_500,
				burned: 250,
				treasury: 250,
				refunded: 0,
			}
			.into(),
		);
	});
}

#[test]
fn burning_stops_at_the_floor() {
	ExtBuilder.build_and_execute(|| {
		let issuance = Balances::total_issuance();
		assert_ok!(L::set_fees(
			RuntimeOrigin::root(),
			FeeTerms { floor: issuance - 100, ..fees() }
		));
		rent5();
		run_to(51);
		// Only 100 could be burned; the other 400 of the fee went to the treasury.
		assert_eq!(Balances::total_issuance(), issuance - 100);
		assert_eq!(free(TREASURY), 1 + 400);
		assert_eq!(free(PROVIDER), ENDOWMENT + 4_500);
	});
}

#[test]
fn settlement_per_block_is_bounded_and_carries_over() {
	ExtBuilder.build_and_execute(|| {
		MaxDuePerInit::set(1);
		add_resource(4, PROVIDER2, Price::Fixed(PRICE));
		let a = rent5();
		assert_ok!(L::rent(signed(TENANT), 2, 5, PRICE));
		assert_ok!(L::rent(signed(TENANT2), 3, 5, PRICE));
		// The block-51 queue holds two; the third spilled into block 52.
		assert_eq!(Due::<Test>::get(51).len(), 2);
		assert_eq!(Leases::<Test>::get(a + 2).unwrap().due, 52);
		run_to(51);
		assert_eq!(Leases::<Test>::count(), 2);
		assert_eq!(Cursor::<Test>::get(), Some(51), "block 51 is not done yet");
		run_to(52);
		assert_eq!(Leases::<Test>::count(), 1);
		run_to(53);
		assert_eq!(Leases::<Test>::count(), 0);
		assert_eq!(Cursor::<Test>::get(), Some(54));
		assert_eq!(free(PROVIDER), ENDOWMENT + 2 * 4_500);
		assert_eq!(free(PROVIDER2), ENDOWMENT + 4_500);
	});
}

#[test]
fn anyone_settles_an_ended_lease() {
	ExtBuilder.build_and_execute(|| {
		let id = rent5();
		assert_noop!(L::settle(signed(TENANT2), id), Error::<Test>::NotEnded);
		// The queue has not run (blocks produced without the hook).
		System::set_block_number(60);
		assert_ok!(L::settle(signed(TENANT2), id));
		assert_eq!(free(PROVIDER), ENDOWMENT + 4_500);
		// Its job left the queue with it.
		assert!(!Due::<Test>::contains_key(51));
		assert_noop!(L::settle(signed(TENANT2), id), Error::<Test>::UnknownLease);
		// The queued job finds nothing to do.
		run_to(61);
		assert_eq!(free(PROVIDER), ENDOWMENT + 4_500);
	});
}

#[test]
fn extend_adds_hours_at_the_price_now() {
	ExtBuilder.build_and_execute(|| {
		let id = rent5();
		edit_resource(1, |f| f.price = 2 * PRICE);
		run_to(10);
		assert_noop!(L::extend(signed(TENANT), id, 2, PRICE), Error::<Test>::PriceTooHigh);
		assert_noop!(L::extend(signed(TENANT2), id, 2, 2 * PRICE), Error::<Test>::NotTenant);
		assert_noop!(L::extend(signed(TENANT), id, 96, 2 * PRICE), Error::<Test>::BadHours);
		assert_noop!(L::extend(signed(TENANT), 77, 2, 2 * PRICE), Error::<Test>::UnknownLease);
		assert_ok!(L::extend(signed(TENANT), id, 2, 2 * PRICE));
		System::assert_last_event(
			Event::Extended { lease: id, hours: 2, price: 2 * PRICE, end: 71, added: 4 * PRICE }
				.into(),
		);
		assert_eq!(held(TENANT), 9 * PRICE);
		let lease = Leases::<Test>::get(id).unwrap();
		assert_eq!(
			lease.segments.into_inner(),
			vec![Segment { end: 51, price: PRICE }, Segment { end: 71, price: 2 * PRICE }]
		);
		// The job moved from the old end to the new one.
		assert!(!Due::<Test>::contains_key(51));
		assert_eq!(Due::<Test>::get(71).into_inner(), vec![Job::Settle(id)]);
		// Settled at the new end, not the old one.
		run_to(51);
		assert!(Leases::<Test>::contains_key(id));
		run_to(71);
		assert!(!Leases::<Test>::contains_key(id));
		assert_eq!(free(PROVIDER), ENDOWMENT + 9 * PRICE * 9 / 10);
		assert_noop!(L::extend(signed(TENANT), id, 1, 2 * PRICE), Error::<Test>::UnknownLease);
	});
}

#[test]
fn extend_refuses_past_the_window_or_without_funds() {
	ExtBuilder.build_and_execute(|| {
		edit_resource(1, |f| f.window.until = 60);
		let id = rent5();
		assert_noop!(L::extend(signed(TENANT), id, 1, PRICE), Error::<Test>::OutsideWindow);
		edit_resource(1, |f| f.window.until = 10_000);
		edit_resource(1, |f| f.price = ENDOWMENT);
		assert_noop!(
			L::extend(signed(TENANT), id, 1, ENDOWMENT),
			Error::<Test>::InsufficientBalance
		);
		System::set_block_number(51);
		assert_noop!(L::extend(signed(TENANT), id, 1, ENDOWMENT), Error::<Test>::Ended);
	});
}

#[test]
fn terminate_pays_the_time_used_and_refunds_the_rest() {
	ExtBuilder.build_and_execute(|| {
		let id = rent5();
		run_to(16);
		assert_noop!(L::terminate(signed(TENANT2), id), Error::<Test>::NotTenant);
		assert_ok!(L::terminate(signed(TENANT), id));
		// 15 of 50 blocks used: 1,500 gross, 150 fee.
		assert_eq!(free(PROVIDER), ENDOWMENT + 1_350);
		assert_eq!(free(TENANT), ENDOWMENT - 1_500);
		assert_eq!(held(TENANT), 0);
		assert_eq!(resource_state(1), (Status::Listed, None));
		System::assert_has_event(Event::Terminated { lease: id, at: 16 }.into());
		System::assert_last_event(
			Event::Settled {
				lease: id,
				resource: 1,
				paid: 1_350,
				burned: 75,
				treasury: 75,
				refunded: 3_500,
			}
			.into(),
		);
		assert_noop!(L::terminate(signed(TENANT), id), Error::<Test>::UnknownLease);
		// The machine can be rented again at once.
		assert_ok!(L::rent(signed(TENANT2), 1, 1, PRICE));
		run_to(60);
	});
}

#[test]
fn terminate_after_the_end_is_refused() {
	ExtBuilder.build_and_execute(|| {
		let id = rent5();
		System::set_block_number(51);
		assert_noop!(L::terminate(signed(TENANT), id), Error::<Test>::Ended);
	});
}

#[test]
fn downtime_credits_are_refunded_at_settlement() {
	ExtBuilder.build_and_execute(|| {
		let id = rent5();
		assert_eq!(<L as Downtime>::report(1, 10), Ok(10));
		System::assert_last_event(
			Event::DowntimeCredited { lease: id, blocks: 10, total: 10 }.into(),
		);
		// Never more than the lease lasts.
		assert_eq!(<L as Downtime>::report(1, 1_000), Ok(40));
		assert_eq!(Leases::<Test>::get(id).unwrap().credit, 50);
		assert_noop!(<L as Downtime>::report(2, 5), Error::<Test>::NotRented);
		run_to(51);
		// Everything credited: nothing paid, all refunded, nothing to rate.
		assert_eq!(free(PROVIDER), ENDOWMENT);
		assert_eq!(free(TENANT), ENDOWMENT);
		assert!(!Ratings::<Test>::contains_key(id));
		assert_noop!(L::rate(signed(TENANT), id, 1, None), Error::<Test>::NotRatable);
	});
}

#[test]
fn partial_downtime_is_refunded_in_proportion() {
	ExtBuilder.build_and_execute(|| {
		rent5();
		assert_ok!(<L as Downtime>::report(1, 10));
		run_to(51);
		// 40 of 50 blocks billable: 4,000 gross, 400 fee; 1,000 back to the tenant.
		assert_eq!(free(PROVIDER), ENDOWMENT + 3_600);
		assert_eq!(free(TENANT), ENDOWMENT - 4_000);
	});
}

#[test]
fn a_dispute_stops_the_lease_and_freezes_the_time_used_until_the_ruling() {
	ExtBuilder.build_and_execute(|| {
		let id = rent5();
		assert_noop!(L::dispute(signed(TENANT2), id), Error::<Test>::NotTenant);
		run_to(21);
		assert_ok!(<L as Downtime>::report(1, 4));
		assert_ok!(L::dispute(signed(TENANT), id));
		// 20 blocks used, 4 of them credited: 16 blocks (1,600) in dispute, 3,400 back now.
		System::assert_last_event(
			Event::Frozen { lease: id, at: 21, disputed: 1_600, refunded: 3_400 }.into(),
		);
		assert_eq!(held(TENANT), 1_600);
		assert_eq!(free(TENANT), ENDOWMENT - 1_600);
		assert!(DISPUTES.with(|d| d.borrow().contains(&(Subject::Lease(id), TENANT, PROVIDER))));
		// The lease stopped: the machine is free but disputed (not rentable), no job queued.
		assert!(is_disputed(1));
		assert_eq!(resource_state(1), (Status::Listed, None));
		assert!(!Running::<Test>::contains_key(1));
		assert!(!Due::<Test>::contains_key(51));
		assert_noop!(L::rent(signed(TENANT2), 1, 1, PRICE), Error::<Test>::NotListed);
		assert_noop!(<L as Downtime>::report(1, 5), Error::<Test>::NotRented);
		assert_noop!(L::dispute(signed(TENANT), id), Error::<Test>::Frozen);
		assert_noop!(L::terminate(signed(TENANT), id), Error::<Test>::Frozen);
		assert_noop!(L::extend(signed(TENANT), id, 1, PRICE), Error::<Test>::Frozen);
		run_to(60);
		// Time is up: the time used is neither paid nor refunded.
		assert_eq!(held(TENANT), 1_600);
		assert_eq!(free(PROVIDER), ENDOWMENT);
		assert_noop!(L::settle(signed(TENANT2), id), Error::<Test>::Frozen);
		assert_noop!(L::rule(signed(TENANT), id, Perbill::zero()), DispatchError::BadOrigin);
		let issuance = Balances::total_issuance();
		assert_ok!(L::rule(RuntimeOrigin::root(), id, Perbill::from_percent(30)));
		// 480 to the provider side (48 fee: 24 burned, 24 to the treasury), 1,120 back.
		assert_eq!(free(PROVIDER), ENDOWMENT + 432);
		assert_eq!(free(TREASURY), 1 + 24);
		assert_eq!(free(TENANT), ENDOWMENT - 480);
		assert_eq!(Balances::total_issuance(), issuance - 24);
		assert_eq!(held(TENANT), 0);
		assert!(!is_disputed(1));
		assert_eq!(RULINGS.with(|r| r.borrow().clone()), vec![(PROVIDER, true)]);
		System::assert_last_event(
			Event::Ruled {
				lease: id,
				provider_share: Perbill::from_percent(30),
				paid: 432,
				burned: 24,
				treasury: 24,
				refunded: 1_120,
			}
			.into(),
		);
		assert_eq!(Ratings::<Test>::get(id).unwrap().paid, 480);
		assert_noop!(
			L::rule(RuntimeOrigin::root(), id, Perbill::zero()),
			Error::<Test>::UnknownLease
		);
		// The machine can be rented again.
		assert_ok!(L::rent(signed(TENANT2), 1, 1, PRICE));
	});
}

#[test]
fn a_ruling_during_the_lease_ends_it_and_may_fault_the_tenant() {
	ExtBuilder.build_and_execute(|| {
		let id = rent5();
		assert_noop!(L::rule(RuntimeOrigin::root(), id, Perbill::one()), Error::<Test>::NotFrozen);
		run_to(21);
		assert_ok!(<L as Escrow>::freeze(Subject::Lease(id)));
		assert_ok!(<L as Escrow>::rule(Subject::Lease(id), Perbill::one()));
		// The 20 blocks used: 2,000 less the 10% fee.
		assert_eq!(free(PROVIDER), ENDOWMENT + 1_800);
		assert_eq!(free(TENANT), ENDOWMENT - 2_000);
		assert_eq!(resource_state(1), (Status::Listed, None));
		assert_eq!(RULINGS.with(|r| r.borrow().clone()), vec![(TENANT, true)]);
		assert!(<L as Escrow>::freeze(Subject::Task(0)).is_err());
		assert!(<L as Escrow>::rule(Subject::Task(0), Perbill::one()).is_err());
	});
}

#[test]
fn a_dispute_at_once_freezes_nothing_and_refunds_everything() {
	ExtBuilder.build_and_execute(|| {
		let id = rent5();
		assert_ok!(L::dispute(signed(TENANT), id));
		System::assert_last_event(
			Event::Frozen { lease: id, at: 1, disputed: 0, refunded: 5_000 }.into(),
		);
		assert_eq!(held(TENANT), 0);
		assert_ok!(L::rule(RuntimeOrigin::root(), id, Perbill::one()));
		assert_eq!(free(PROVIDER), ENDOWMENT);
		assert_eq!(free(TENANT), ENDOWMENT);
		// Nothing was paid: nothing to rate.
		assert!(!Ratings::<Test>::contains_key(id));
	});
}

#[test]
fn a_dispute_after_the_end_keeps_the_whole_rent_in_dispute() {
	ExtBuilder.build_and_execute(|| {
		let id = rent5();
		// Ended, not yet settled (blocks produced without the hook).
		System::set_block_number(60);
		assert_ok!(L::dispute(signed(TENANT), id));
		System::assert_last_event(
			Event::Frozen { lease: id, at: 60, disputed: 5_000, refunded: 0 }.into(),
		);
		assert_eq!(held(TENANT), 5_000);
		assert_eq!(resource_state(1), (Status::Listed, None));
		// The queue has nothing left to do for it.
		run_to(61);
		assert_eq!(held(TENANT), 5_000);
		assert!(Leases::<Test>::get(id).unwrap().frozen);
	});
}

#[test]
fn a_dispute_arbitration_refuses_changes_nothing() {
	ExtBuilder.build_and_execute(|| {
		let id = rent5();
		ArbitrationFull::set(true);
		assert_noop!(L::dispute(signed(TENANT), id), DispatchError::Other("arbitration full"));
		assert!(!Leases::<Test>::get(id).unwrap().frozen);
	});
}

#[test]
fn both_sides_rate_each_other_once_within_the_window() {
	ExtBuilder.build_and_execute(|| {
		let id = rent5();
		assert_noop!(L::rate(signed(TENANT), id, 5, None), Error::<Test>::NotRatable);
		run_to(51);
		assert_noop!(L::rate(signed(TENANT), id, 0, None), Error::<Test>::BadStars);
		assert_noop!(L::rate(signed(TENANT), id, 6, None), Error::<Test>::BadStars);
		assert_noop!(L::rate(signed(TENANT2), id, 5, None), Error::<Test>::NotParty);
		let comment = Some(H256::repeat_byte(7));
		assert_ok!(L::rate(signed(TENANT), id, 5, comment));
		System::assert_last_event(
			Event::Rated { lease: id, by: TENANT, who: PROVIDER, stars: 5, comment }.into(),
		);
		assert_noop!(L::rate(signed(TENANT), id, 4, None), Error::<Test>::AlreadyRated);
		assert_ok!(L::rate(signed(PROVIDER), id, 2, None));
		// Both weigh by the 5,000 the provider was paid (fee included).
		assert_eq!(
			RATINGS.with(|r| r.borrow().clone()),
			vec![(TENANT, PROVIDER, 5, 5_000), (PROVIDER, TENANT, 2, 5_000)]
		);
		// Both have rated: the record is gone, and the job that would close it.
		assert!(!Ratings::<Test>::contains_key(id));
		assert!(!Due::<Test>::contains_key(72));
	});
}

#[test]
fn the_rating_window_closes() {
	ExtBuilder.build_and_execute(|| {
		let id = rent5();
		run_to(51);
		assert_eq!(Ratings::<Test>::get(id).unwrap().until, 71);
		run_to(71);
		assert_ok!(L::rate(signed(TENANT), id, 3, None));
		run_to(72);
		assert!(!Ratings::<Test>::contains_key(id));
		assert_noop!(L::rate(signed(PROVIDER), id, 3, None), Error::<Test>::NotRatable);
	});
}

#[test]
fn governance_sets_the_fees() {
	ExtBuilder.build_and_execute(|| {
		let terms =
			FeeTerms { fee: Permill::from_percent(2), burn: Percent::from_percent(20), floor: 7 };
		assert_noop!(L::set_fees(signed(TENANT), terms), DispatchError::BadOrigin);
		assert_noop!(
			L::set_fees(
				RuntimeOrigin::root(),
				FeeTerms { fee: Permill::from_percent(51), ..terms }
			),
			Error::<Test>::BadFees
		);
		assert_ok!(L::set_fees(RuntimeOrigin::root(), terms));
		System::assert_last_event(
			Event::FeesSet { fee: terms.fee, burn: terms.burn, floor: 7 }.into(),
		);
		assert_eq!(<L as powerverse_primitives::FeePolicy<u64>>::terms(), terms);
		rent5();
		run_to(51);
		// 2% of 5,000 = 100: 20 burned, 80 to the treasury.
		assert_eq!(free(PROVIDER), ENDOWMENT + 4_900);
		assert_eq!(free(TREASURY), 81);
	});
}

#[test]
fn orders_open_leases_at_their_fill_price() {
	ExtBuilder.build_and_execute(|| {
		let id = <L as Leasing<u64, u64>>::open(&TENANT, 3, 2, PRICE / 2).unwrap();
		assert_eq!(held(TENANT), PRICE);
		let lease = Leases::<Test>::get(id).unwrap();
		assert_eq!((lease.provider, lease.price, lease.end), (PROVIDER2, PRICE / 2, 21));
		assert!(<L as Leasing<u64, u64>>::open(&TENANT2, 3, 2, PRICE).is_err());
	});
}

#[test]
fn integrity() {
	use polkadot_sdk::frame_support::traits::Hooks;
	ExtBuilder.build_and_execute(L::integrity_test);
}

/// Issue 12, defect 9: renting and terminating in the same block paid nothing but opened a
/// rating; nine 1-star ratings restricted any provider.
#[test]
fn rent_and_terminate_in_the_same_block_opens_no_rating() {
	ExtBuilder.build_and_execute(|| {
		for _ in 0..9 {
			let id = rent5();
			assert_ok!(L::terminate(signed(TENANT), id));
			assert!(!Ratings::<Test>::contains_key(id));
			assert_noop!(L::rate(signed(TENANT), id, 1, None), Error::<Test>::NotRatable);
		}
		assert!(RATINGS.with(|r| r.borrow().is_empty()));
		assert_eq!(free(TENANT), ENDOWMENT);
		assert_eq!(free(PROVIDER), ENDOWMENT);
	});
}

#[test]
fn ratings_weigh_by_what_the_provider_was_paid() {
	ExtBuilder.build_and_execute(|| {
		let id = rent5();
		run_to(16);
		assert_ok!(L::terminate(signed(TENANT), id));
		// 15 blocks used: 1,500 paid (fee included).
		assert_eq!(Ratings::<Test>::get(id).unwrap().paid, 1_500);
		assert_ok!(L::rate(signed(TENANT), id, 4, None));
		assert_eq!(RATINGS.with(|r| r.borrow().clone()), vec![(TENANT, PROVIDER, 4, 1_500)]);
	});
}

#[test]
fn a_rating_reputation_refuses_changes_nothing() {
	ExtBuilder.build_and_execute(|| {
		let id = rent5();
		run_to(51);
		RatingRefused::set(true);
		assert_noop!(
			L::rate(signed(TENANT), id, 1, None),
			DispatchError::Other("rated this period already")
		);
		assert!(!Ratings::<Test>::get(id).unwrap().by_tenant);
		RatingRefused::set(false);
		assert_ok!(L::rate(signed(TENANT), id, 1, None));
	});
}

/// Issue 12, defect 10: extending at a Dutch auction's floor rewrote the price of the hours
/// bought before; ending early then paid the first hours at the floor.
#[test]
fn extend_at_floor_then_terminate_pays_each_hour_at_its_price() {
	ExtBuilder.build_and_execute(|| {
		let id = rent5();
		edit_resource(1, |f| f.price = PRICE / 10);
		assert_ok!(L::extend(signed(TENANT), id, 95, PRICE / 10));
		System::assert_last_event(
			Event::Extended { lease: id, hours: 95, price: 100, end: 1_001, added: 9_500 }.into(),
		);
		assert_eq!(held(TENANT), 14_500);
		assert_eq!(
			Leases::<Test>::get(id).unwrap().segments.into_inner(),
			vec![Segment { end: 51, price: PRICE }, Segment { end: 1_001, price: 100 }]
		);
		run_to(51);
		let issuance = Balances::total_issuance();
		assert_ok!(L::terminate(signed(TENANT), id));
		// The first 50 blocks were bought at 1,000 an hour: 5,000 (not 14,500 × 50 / 1,000).
		assert_eq!(free(PROVIDER), ENDOWMENT + 4_500);
		assert_eq!(free(TREASURY), 1 + 250);
		assert_eq!(Balances::total_issuance(), issuance - 250);
		assert_eq!(free(TENANT), ENDOWMENT - 5_000);
		assert_eq!(held(TENANT), 0);
		System::assert_last_event(
			Event::Settled {
				lease: id,
				resource: 1,
				paid: 4_500,
				burned: 250,
				treasury: 250,
				refunded: 9_500,
			}
			.into(),
		);
	});
}

#[test]
fn terminate_within_a_later_segment_pays_both_prices() {
	ExtBuilder.build_and_execute(|| {
		let id = rent5();
		edit_resource(1, |f| f.price = PRICE / 10);
		assert_ok!(L::extend(signed(TENANT), id, 95, PRICE / 10));
		run_to(66);
		let issuance = Balances::total_issuance();
		assert_ok!(L::terminate(signed(TENANT), id));
		// 50 blocks at 1,000 an hour and 15 at 100 an hour: 5,150; fee 515, 257 burned.
		assert_eq!(free(PROVIDER), ENDOWMENT + 4_635);
		assert_eq!(free(TREASURY), 1 + 258);
		assert_eq!(Balances::total_issuance(), issuance - 257);
		assert_eq!(free(TENANT), ENDOWMENT - 5_150);
		System::assert_last_event(
			Event::Settled {
				lease: id,
				resource: 1,
				paid: 4_635,
				burned: 257,
				treasury: 258,
				refunded: 9_350,
			}
			.into(),
		);
	});
}

/// Issue 12, defect 10 without an auction: a demand filled at 10× the list price, extended
/// at the list price and ended.
#[test]
fn demand_filled_high_then_extended_at_list_price_pays_the_fill_price() {
	ExtBuilder.build_and_execute(|| {
		let id = <L as Leasing<u64, u64>>::open(&TENANT, 1, 2, 10 * PRICE).unwrap();
		assert_ok!(L::extend(signed(TENANT), id, 3, PRICE));
		assert_eq!(held(TENANT), 23_000);
		run_to(21);
		let issuance = Balances::total_issuance();
		assert_ok!(L::terminate(signed(TENANT), id));
		// The two hours used cost 10,000 each (not 23,000 × 20 / 50 = 9,200).
		assert_eq!(free(PROVIDER), ENDOWMENT + 18_000);
		assert_eq!(free(TREASURY), 1 + 1_000);
		assert_eq!(Balances::total_issuance(), issuance - 1_000);
		assert_eq!(free(TENANT), ENDOWMENT - 20_000);
		assert_eq!(held(TENANT), 0);
	});
}

#[test]
fn a_lease_has_a_bounded_number_of_segments() {
	ExtBuilder.build_and_execute(|| {
		let id = rent5();
		edit_resource(1, |f| f.price = 900);
		assert_ok!(L::extend(signed(TENANT), id, 1, 900));
		edit_resource(1, |f| f.price = 800);
		assert_ok!(L::extend(signed(TENANT), id, 1, 800));
		// The same price as the last segment lengthens it.
		assert_ok!(L::extend(signed(TENANT), id, 1, 800));
		assert_eq!(
			Leases::<Test>::get(id).unwrap().segments.into_inner(),
			vec![
				Segment { end: 51, price: 1_000 },
				Segment { end: 61, price: 900 },
				Segment { end: 81, price: 800 },
			]
		);
		edit_resource(1, |f| f.price = 700);
		assert_noop!(L::extend(signed(TENANT), id, 1, 700), Error::<Test>::TooManySegments);
		assert_eq!(held(TENANT), 5_000 + 900 + 1_600);
		run_to(81);
		// Every hour at its price: 7,500 less the 10% fee.
		assert_eq!(free(PROVIDER), ENDOWMENT + 6_750);
	});
}

#[test]
fn downtime_is_refunded_at_the_price_of_the_latest_blocks_used() {
	ExtBuilder.build_and_execute(|| {
		let id = rent5();
		edit_resource(1, |f| f.price = PRICE / 10);
		assert_ok!(L::extend(signed(TENANT), id, 5, PRICE / 10));
		assert_ok!(<L as Downtime>::report(1, 10));
		let issuance = Balances::total_issuance();
		run_to(101);
		// The first 90 blocks are paid: 5,000 + 40 blocks at 100 an hour = 5,400; the last
		// 10 (bought at 100 an hour) are refunded: 100.
		assert_eq!(free(PROVIDER), ENDOWMENT + 4_860);
		assert_eq!(free(TREASURY), 1 + 270);
		assert_eq!(Balances::total_issuance(), issuance - 270);
		assert_eq!(free(TENANT), ENDOWMENT - 5_400);
		System::assert_has_event(
			Event::Settled {
				lease: id,
				resource: 1,
				paid: 4_860,
				burned: 270,
				treasury: 270,
				refunded: 100,
			}
			.into(),
		);
	});
}

/// Issue 12, defect 11: a lease disputed on day 1 of 90 and ruled for the provider paid all
/// 90 days.
#[test]
fn a_ruling_for_the_provider_after_one_hour_of_ninety_pays_one_hour() {
	ExtBuilder.build_and_execute(|| {
		let id = crate::NextLeaseId::<Test>::get();
		assert_ok!(L::rent(signed(TENANT), 1, 90, PRICE));
		assert_eq!(held(TENANT), 90_000);
		run_to(11);
		assert_ok!(L::dispute(signed(TENANT), id));
		System::assert_last_event(
			Event::Frozen { lease: id, at: 11, disputed: 1_000, refunded: 89_000 }.into(),
		);
		assert_eq!(held(TENANT), 1_000);
		assert_eq!(free(TENANT), ENDOWMENT - 1_000);
		let issuance = Balances::total_issuance();
		assert_ok!(L::rule(RuntimeOrigin::root(), id, Perbill::one()));
		assert_eq!(free(PROVIDER), ENDOWMENT + 900);
		assert_eq!(free(TREASURY), 1 + 50);
		assert_eq!(Balances::total_issuance(), issuance - 50);
		assert_eq!(free(TENANT), ENDOWMENT - 1_000);
		assert_eq!(held(TENANT), 0);
		System::assert_last_event(
			Event::Ruled {
				lease: id,
				provider_share: Perbill::one(),
				paid: 900,
				burned: 50,
				treasury: 50,
				refunded: 0,
			}
			.into(),
		);
	});
}

/// Issue 12, defect 12: rent/terminate cycles left their jobs in the queues until a block
/// and its spill blocks were full and honest rents got `DueFull`.
#[test]
fn rent_terminate_cycles_do_not_fill_the_due_queues() {
	ExtBuilder.build_and_execute(|| {
		// The queues a 5-hour lease from block 1 may use hold 2 × 8 jobs.
		for _ in 0..20 {
			let id = rent5();
			assert_ok!(L::terminate(signed(TENANT), id));
		}
		assert_eq!(Due::<Test>::iter().count(), 0);
		let id = crate::NextLeaseId::<Test>::get();
		assert_ok!(L::rent(signed(TENANT2), 2, 5, PRICE));
		assert_eq!(Due::<Test>::get(51).into_inner(), vec![Job::Settle(id)]);
	});
}

#[test]
fn extensions_move_the_job_and_leave_no_stale_entry() {
	ExtBuilder.build_and_execute(|| {
		let id = rent5();
		for hours in 1..=9 {
			assert_ok!(L::extend(signed(TENANT), id, 1, PRICE));
			let due = 51 + 10 * hours;
			assert_eq!(Leases::<Test>::get(id).unwrap().due, due);
			assert_eq!(Due::<Test>::iter().collect::<Vec<_>>().len(), 1);
			assert_eq!(Due::<Test>::get(due).into_inner(), vec![Job::Settle(id)]);
		}
		// One segment at one price.
		assert_eq!(Leases::<Test>::get(id).unwrap().segments.len(), 1);
	});
}

/// Issue 12, defect 12: a settlement failing in `on_initialize` was logged and its job lost.
#[test]
fn a_failed_settlement_is_queued_again_an_hour_later() {
	ExtBuilder.build_and_execute(|| {
		let id = rent5();
		ReleaseRefused::set(true);
		run_to(51);
		// (An `Other` error's message is not kept in the event's encoding.)
		System::assert_has_event(
			Event::SettlementDeferred { lease: id, error: DispatchError::Other(""), due: 61 }
				.into(),
		);
		// Nothing moved; the lease is open and queued again.
		assert_eq!(held(TENANT), 5_000);
		assert_eq!(free(PROVIDER), ENDOWMENT);
		assert_eq!(Leases::<Test>::get(id).unwrap().due, 61);
		assert_eq!(Due::<Test>::get(61).into_inner(), vec![Job::Settle(id)]);
		L::do_try_state().unwrap();
		// Still failing: an hour later again.
		run_to(61);
		assert_eq!(Leases::<Test>::get(id).unwrap().due, 71);
		L::do_try_state().unwrap();
		ReleaseRefused::set(false);
		run_to(71);
		assert!(!Leases::<Test>::contains_key(id));
		assert_eq!(free(PROVIDER), ENDOWMENT + 4_500);
		assert_eq!(free(TENANT), ENDOWMENT - 5_000);
	});
}

#[test]
fn a_deferred_settlement_may_be_settled_by_hand() {
	ExtBuilder.build_and_execute(|| {
		let id = rent5();
		ReleaseRefused::set(true);
		run_to(51);
		ReleaseRefused::set(false);
		assert_ok!(L::settle(signed(TENANT2), id));
		assert!(!Due::<Test>::contains_key(61));
		assert_eq!(free(PROVIDER), ENDOWMENT + 4_500);
	});
}

#[test]
fn try_state_catches_stale_jobs_and_broken_segments() {
	ExtBuilder.build_and_execute(|| {
		let id = rent5();
		Due::<Test>::insert(70, bounded_jobs(&[Job::Settle(77)]));
		assert!(L::do_try_state().is_err());
		Due::<Test>::insert(70, bounded_jobs(&[Job::Settle(id)]));
		assert!(L::do_try_state().is_err(), "queued twice");
		Due::<Test>::insert(70, bounded_jobs(&[Job::Forget(id)]));
		assert!(L::do_try_state().is_err(), "no rating to forget");
		Due::<Test>::remove(70);
		assert!(L::do_try_state().is_ok());
		Leases::<Test>::mutate(id, |l| l.as_mut().unwrap().segments[0].price = 999);
		assert!(L::do_try_state().is_err(), "escrow differs from the segments");
		Leases::<Test>::mutate(id, |l| l.as_mut().unwrap().segments[0].price = PRICE);
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

#[test]
fn a_sanctioned_tenant_cannot_rent_and_nothing_changes() {
	ExtBuilder.build_and_execute(|| {
		for standing in [Standing::Frozen, Standing::Blacklisted] {
			sanction(TENANT, standing);
			assert_noop!(L::rent(signed(TENANT), 1, 5, PRICE), refusal(standing));
			// Nor through a filled demand.
			assert_noop!(<L as Leasing<u64, u64>>::open(&TENANT, 3, 2, PRICE), refusal(standing));
		}
		assert_eq!((free(TENANT), held(TENANT)), (ENDOWMENT, 0));
		assert_eq!(resource_state(1), (Status::Listed, None));
		assert_eq!(resource_state(3), (Status::Listed, None));
		assert!(Tenancies::<Test>::get(TENANT).is_empty());
		assert_eq!(NextLeaseId::<Test>::get(), 0);
		// Another tenant is not affected, and the tenant rents again once unfrozen.
		assert_ok!(L::rent(signed(TENANT2), 1, 5, PRICE));
		sanction(TENANT, Standing::Good);
		assert_ok!(L::rent(signed(TENANT), 2, 5, PRICE));
	});
}

#[test]
fn a_sanctioned_providers_machines_cannot_be_rented() {
	ExtBuilder.build_and_execute(|| {
		for standing in [Standing::Frozen, Standing::Blacklisted] {
			sanction(PROVIDER, standing);
			assert_noop!(L::rent(signed(TENANT), 1, 5, PRICE), refusal(standing));
			assert_noop!(L::rent(signed(TENANT), 2, 5, PRICE), refusal(standing));
			assert_noop!(<L as Leasing<u64, u64>>::open(&TENANT, 1, 2, PRICE), refusal(standing));
		}
		assert_eq!((free(TENANT), held(TENANT)), (ENDOWMENT, 0));
		assert_eq!(resource_state(1), (Status::Listed, None));
		// Another provider's machine is rented as usual.
		assert_ok!(L::rent(signed(TENANT), 3, 5, PRICE));
	});
}

#[test]
fn extend_refuses_a_sanctioned_tenant_or_provider_but_the_lease_runs_to_its_end() {
	ExtBuilder.build_and_execute(|| {
		let id = rent5();
		for standing in [Standing::Frozen, Standing::Blacklisted] {
			sanction(TENANT, standing);
			assert_noop!(L::extend(signed(TENANT), id, 1, PRICE), refusal(standing));
			sanction(TENANT, Standing::Good);
			sanction(PROVIDER, standing);
			assert_noop!(L::extend(signed(TENANT), id, 1, PRICE), refusal(standing));
			sanction(PROVIDER, Standing::Good);
		}
		assert_eq!(held(TENANT), 5 * PRICE);
		assert_eq!(Leases::<Test>::get(id).unwrap().end, 51);
		// A sanction stops new deals, not the ones under way: the lease settles as usual.
		sanction(TENANT, Standing::Blacklisted);
		sanction(PROVIDER, Standing::Blacklisted);
		run_to(51);
		assert!(!Leases::<Test>::contains_key(id));
		assert_eq!(held(TENANT), 0);
		assert_eq!(free(PROVIDER), ENDOWMENT + 5 * PRICE * 9 / 10);
	});
}
