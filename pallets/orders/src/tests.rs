//! Tests of the orders pallet: every call and error, demands filled, cancelled and expired,
//! tasks from slot to payment (commit and reveal, quorum, review, silence, dispute and
//! ruling, deadline, missing workers), the attacks they resist (stale queue entries, copied
//! results, Sybil ties and majorities), ratings, the due queue and `close`. Each test ends
//! with the invariant check.

use crate::{
	due::DUE_SLACK, mock::*, Acceptance, Due, DueCursor, Error, Event, HoldReason, Job, Kind,
	NextOrderId, Orders as OrderMap, OrdersOf, PaidWorker, Phase, TaskRatings, TaskSpecOf, Uri,
	Verification, WeightInfo,
};
use codec::Encode;
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		dispatch::GetDispatchInfo,
		traits::{
			fungible::{Mutate, MutateHold},
			tokens::Precision,
			Hooks,
		},
	},
	sp_core::H256,
	sp_io::hashing::blake2_256,
	sp_runtime::{DispatchError, Perbill},
};
use powerverse_primitives::{
	Escrow, Filter, Leasing, OrderId, ResourceId, Standing, Status, Subject,
};

/// Reward per provider in the tests: with the 10% fee a worker nets 900, 50 is burned and
/// 50 goes to the treasury.
const REWARD: u64 = 1_000;
const NET: u64 = 900;
const BURNED: u64 = 50;
const TO_TREASURY: u64 = 50;
/// Deadline and review window of the tests' tasks.
const DEADLINE: u64 = 20;
const REVIEW: u64 = 5;

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn any() -> Filter<u64> {
	Filter::default()
}

fn uri(s: &str) -> Uri {
	s.as_bytes().to_vec().try_into().unwrap()
}

fn hash(n: u8) -> H256 {
	H256::repeat_byte(n)
}

/// Each worker's secret salt.
fn salt(who: u64) -> H256 {
	H256::from_low_u64_be(who)
}

/// `who`'s commitment to `result` on task `id`, with its salt.
fn commitment(who: u64, id: OrderId, result: H256) -> H256 {
	crate::Pallet::<Test>::commitment(id, &result, &salt(who), &who)
}

fn free(who: u64) -> u64 {
	Balances::free_balance(who)
}

fn held(reason: HoldReason, who: u64) -> u64 {
	crate::Pallet::<Test>::held(reason, &who)
}

fn issuance() -> u64 {
	Balances::total_issuance()
}

/// Posts a demand of `who` for 10 hours at most 100 per hour, expiring at `expires`.
fn demand(who: u64, expires: u64) -> OrderId {
	let id = NextOrderId::<Test>::get();
	assert_ok!(Orders::post_demand(signed(who), any(), 10, 100, expires));
	id
}

fn spec(k: u32, verification: Verification) -> TaskSpecOf<Test> {
	crate::TaskSpec {
		description: hash(0xd0),
		uri: uri("ipfs://task"),
		requirements: any(),
		reward: REWARD,
		providers: k,
		deadline: DEADLINE,
		review: REVIEW,
		verification,
	}
}

/// Posts a task of `who`.
fn task(who: u64, spec: TaskSpecOf<Test>) -> OrderId {
	let id = NextOrderId::<Test>::get();
	assert_ok!(Orders::post_task(signed(who), spec));
	id
}

/// A listed resource of `who` taking a slot of task `id`.
fn take(who: u64, id: OrderId) -> ResourceId {
	let r = add_resource(who);
	assert_ok!(Orders::take(signed(who), id, r));
	r
}

fn phase(id: OrderId) -> Phase<u64> {
	match OrderMap::<Test>::get(id).unwrap().kind {
		Kind::Task(t) => t.phase,
		Kind::Demand(_) => panic!("not a task"),
	}
}

/// Fills the due queues of `from` and the next seven blocks with live demands of 1 planck
/// per hour for 1 hour, posted by six accounts (four orders each) given the endowment.
fn crowd_due(from: u64) {
	for who in 1_000..1_006 {
		<Balances as Mutate<u64>>::set_balance(&who, ENDOWMENT);
		for _ in 0..4 {
			assert_ok!(Orders::post_demand(signed(who), any(), 1, 1, from));
		}
	}
	assert_eq!(crate::Pallet::<Test>::find_due(from), None);
}

// ---------------------------------------------------------------------------------------
// Demands

#[test]
fn post_demand_holds_the_budget_and_books_the_expiry() {
	ExtBuilder::default().build_and_execute(|| {
		let id = demand(ALICE, 30);
		assert_eq!(held(HoldReason::Demand, ALICE), 1_000);
		assert_eq!(free(ALICE), ENDOWMENT - 1_000);
		let order = OrderMap::<Test>::get(id).unwrap();
		assert_eq!((order.consumer, order.due), (ALICE, Some(30)));
		assert_eq!(OrdersOf::<Test>::get(ALICE).into_inner(), vec![id]);
		assert_eq!(Due::<Test>::get(30).into_inner(), vec![Job::Settle(id)]);
		System::assert_last_event(
			Event::DemandPosted {
				order: id,
				consumer: ALICE,
				hours: 10,
				max_price: 100,
				budget: 1_000,
				expires: 30,
			}
			.into(),
		);
		assert_eq!(NextOrderId::<Test>::get(), id + 1);
	});
}

#[test]
fn post_demand_refuses_bad_input_and_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let post = |who, hours, price, expires| {
			Orders::post_demand(signed(who), any(), hours, price, expires)
		};
		assert_noop!(post(ALICE, 0, 100, 30), Error::<Test>::BadHours);
		assert_noop!(post(ALICE, MAX_LEASE_HOURS + 1, 1, 30), Error::<Test>::BadHours);
		assert_noop!(post(ALICE, u32::MAX / 10 + 1, 1, 30), Error::<Test>::BadHours);
		assert_noop!(post(ALICE, 10, 0, 30), Error::<Test>::BadPrice);
		assert_noop!(post(ALICE, 2, u64::MAX, 30), Error::<Test>::Overflow);
		assert_noop!(post(ALICE, 10, 100, 1), Error::<Test>::BadExpiry);
		assert_noop!(post(ALICE, 10, 100, 1_002), Error::<Test>::BadExpiry);
		assert_noop!(post(POOR, 10, 100, 30), Error::<Test>::InsufficientBalance);
		Restricted::set(vec![BOB]);
		assert_noop!(post(BOB, 10, 100, 30), Error::<Test>::Restricted);
		crowd_due(30);
		assert_noop!(post(ALICE, 10, 100, 30), Error::<Test>::DueFull);
		let next = NextOrderId::<Test>::get();
		NextOrderId::<Test>::put(OrderId::MAX);
		assert_noop!(post(ALICE, 10, 100, 40), Error::<Test>::Overflow);
		NextOrderId::<Test>::put(next);
		for expires in 40..44 {
			demand(ALICE, expires);
		}
		assert_noop!(post(ALICE, 10, 100, 50), Error::<Test>::TooManyOrders);
		// The longest lifetime is fine.
		demand(STRANGER, 1_001);
	});
}

#[test]
fn lifetimes_count_from_the_current_block() {
	ExtBuilder::default().at(500).build_and_execute(|| {
		let post = |expires| Orders::post_demand(signed(ALICE), any(), 10, 100, expires);
		assert_noop!(post(500), Error::<Test>::BadExpiry);
		assert_noop!(post(1_501), Error::<Test>::BadExpiry);
		assert_ok!(post(501));
		assert_ok!(post(1_500));
		let late = crate::TaskSpec { deadline: 1_501, ..spec(1, Verification::Consumer) };
		assert_noop!(Orders::post_task(signed(ALICE), late), Error::<Test>::BadExpiry);
	});
}

#[test]
fn fill_releases_the_budget_and_opens_the_lease() {
	ExtBuilder::default().build_and_execute(|| {
		let id = demand(ALICE, 30);
		let r = add_resource(P1);
		assert_ok!(Orders::fill(signed(P1), id, r, 80));
		assert_eq!(Leases::get(), vec![(ALICE, r, 10, 80)]);
		assert_eq!(held(HoldReason::Demand, ALICE), 0);
		assert_eq!(free(ALICE), ENDOWMENT);
		assert_eq!(status(r), Status::Rented);
		assert!(OrderMap::<Test>::get(id).is_none());
		assert!(!OrdersOf::<Test>::contains_key(ALICE));
		System::assert_last_event(
			Event::Filled { order: id, lease: 0, resource: r, provider: P1, price: 80 }.into(),
		);
		// The due entry went with the demand; a second fill finds nothing.
		assert!(!Due::<Test>::contains_key(30));
		assert_noop!(
			Orders::fill(signed(P2), id, add_resource(P2), 80),
			Error::<Test>::UnknownOrder
		);
		run_to(30);
		assert_eq!(free(ALICE), ENDOWMENT);
	});
}

#[test]
fn fill_at_the_maximum_price_until_the_block_before_expiry() {
	ExtBuilder::default().build_and_execute(|| {
		let id = demand(ALICE, 30);
		let r = add_resource(P1);
		run_to(29);
		assert_ok!(Orders::fill(signed(P1), id, r, 100));
		assert_eq!(Leases::get(), vec![(ALICE, r, 10, 100)]);
	});
}

#[test]
fn fill_refuses_and_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let id = demand(ALICE, 30);
		let r = add_resource(P1);
		let fill = |who, order, r, price| Orders::fill(signed(who), order, r, price);
		assert_noop!(fill(P1, 99, r, 80), Error::<Test>::UnknownOrder);
		let t = task(BOB, spec(1, Verification::Consumer));
		assert_noop!(fill(P1, t, r, 80), Error::<Test>::NotDemand);
		let own = add_resource(ALICE);
		assert_noop!(fill(ALICE, id, own, 80), Error::<Test>::OwnOrder);
		assert_noop!(fill(P1, id, r, 0), Error::<Test>::BadPrice);
		assert_noop!(fill(P1, id, r, 101), Error::<Test>::BadPrice);
		assert_noop!(fill(P1, id, 77, 80), Error::<Test>::UnknownResource);
		assert_noop!(fill(P2, id, r, 80), Error::<Test>::NotOwner);
		set_status(r, Status::Idle);
		assert_noop!(fill(P1, id, r, 80), Error::<Test>::NotListed);
		set_status(r, Status::Listed);
		Registry::mutate(|m| m.get_mut(&r).unwrap().disputed = true);
		assert_noop!(fill(P1, id, r, 80), Error::<Test>::NotListed);
		Registry::mutate(|m| m.get_mut(&r).unwrap().disputed = false);
		Restricted::set(vec![P1]);
		assert_noop!(fill(P1, id, r, 80), Error::<Test>::Restricted);
		Restricted::set(vec![]);
		System::set_block_number(30);
		assert_noop!(fill(P1, id, r, 80), Error::<Test>::Expired);
	});
}

#[test]
fn fill_needs_a_resource_meeting_the_requirements() {
	ExtBuilder::default().build_and_execute(|| {
		let post = |filter: Filter<u64>| {
			let id = NextOrderId::<Test>::get();
			assert_ok!(Orders::post_demand(signed(ALICE), filter, 10, 100, 30));
			id
		};
		let r = add_resource(P1);
		let cores = post(Filter { min_cores: Some(32), ..any() });
		let country = post(Filter { country: Some(*b"FR"), ..any() });
		let price = post(Filter { max_price: Some(50), ..any() });
		let reputation = post(Filter { min_reputation: Some(600), ..any() });
		for id in [cores, country, price, reputation] {
			assert_noop!(Orders::fill(signed(P1), id, r, 80), Error::<Test>::Unsuitable);
		}
		// The fill price is what the filter's price bound checks.
		assert_ok!(Orders::fill(signed(P1), price, r, 50));
		let r2 = add_resource(P2);
		Reputations::mutate(|m| m.insert(P2, 700));
		assert_ok!(Orders::fill(signed(P2), reputation, r2, 80));
	});
}

#[test]
fn cancel_demand_refunds_the_budget() {
	ExtBuilder::default().build_and_execute(|| {
		let id = demand(ALICE, 30);
		assert_noop!(Orders::cancel(signed(BOB), id), Error::<Test>::NotConsumer);
		assert_noop!(Orders::cancel(signed(ALICE), 99), Error::<Test>::UnknownOrder);
		assert_ok!(Orders::cancel(signed(ALICE), id));
		assert_eq!(held(HoldReason::Demand, ALICE), 0);
		assert_eq!(free(ALICE), ENDOWMENT);
		assert!(OrderMap::<Test>::get(id).is_none());
		assert!(!Due::<Test>::contains_key(30));
		System::assert_last_event(Event::Cancelled { order: id, refund: 1_000 }.into());
	});
}

#[test]
fn demand_expires_with_a_refund() {
	ExtBuilder::default().build_and_execute(|| {
		let id = demand(ALICE, 30);
		run_to(29);
		assert_eq!(held(HoldReason::Demand, ALICE), 1_000);
		run_to(30);
		assert_eq!(held(HoldReason::Demand, ALICE), 0);
		assert_eq!(free(ALICE), ENDOWMENT);
		assert!(OrderMap::<Test>::get(id).is_none());
		assert!(!Due::<Test>::contains_key(30));
		System::assert_last_event(Event::Expired { order: id, refund: 1_000 }.into());
	});
}

#[test]
fn a_demand_longer_than_any_lease_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		// Before: held for a lease `fill` could never open.
		assert_noop!(
			Orders::post_demand(signed(ALICE), any(), MAX_LEASE_HOURS + 1, 1, 30),
			Error::<Test>::BadHours
		);
		assert_eq!(free(ALICE), ENDOWMENT);
		// The longest lease is fine and can be filled.
		let id = NextOrderId::<Test>::get();
		assert_ok!(Orders::post_demand(signed(ALICE), any(), MAX_LEASE_HOURS, 1, 30));
		assert_eq!(held(HoldReason::Demand, ALICE), MAX_LEASE_HOURS as u64);
		let r = add_resource(P1);
		assert_ok!(Orders::fill(signed(P1), id, r, 1));
		assert_eq!(Leases::get(), vec![(ALICE, r, MAX_LEASE_HOURS, 1)]);
	});
}

#[test]
fn fill_weight_covers_the_lease_it_opens() {
	ExtBuilder::default().build_and_execute(|| {
		let call = crate::Call::<Test>::fill { order: 0, resource: 0, price: 1 };
		let declared = call.get_dispatch_info().call_weight;
		assert_eq!(declared, <() as WeightInfo>::fill() + MockLeasing::open_weight());
		assert!(declared.all_gte(MockLeasing::open_weight()));
	});
}

// ---------------------------------------------------------------------------------------
// Tasks: posting, slots, commitments, reveals

/// `who` commits to `result` on task `id`.
fn commit(who: u64, id: OrderId, result: H256) {
	assert_ok!(Orders::commit(signed(who), id, commitment(who, id, result)));
}

/// `who` reveals `result` on task `id`.
fn reveal(who: u64, id: OrderId, result: H256) {
	assert_ok!(Orders::reveal(signed(who), id, result, uri("ipfs://out"), salt(who)));
}

/// Every worker commits its result, then every worker reveals it (all slots taken).
fn work(id: OrderId, results: &[(u64, H256)]) {
	for (who, result) in results {
		commit(*who, id, *result);
	}
	for (who, result) in results {
		reveal(*who, id, *result);
	}
}

/// The single worker of task `id` commits and reveals `result`.
fn submit(who: u64, id: OrderId, result: H256) {
	work(id, &[(who, result)]);
}

fn task_of(id: OrderId) -> crate::Task<Test> {
	match OrderMap::<Test>::get(id).unwrap().kind {
		Kind::Task(t) => t,
		Kind::Demand(_) => panic!("not a task"),
	}
}

#[test]
fn post_task_holds_the_rewards() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(3, Verification::Majority));
		assert_eq!(held(HoldReason::Task, ALICE), 3 * REWARD);
		assert_eq!(OrderMap::<Test>::get(id).unwrap().due, Some(DEADLINE));
		assert_eq!(Due::<Test>::get(DEADLINE).into_inner(), vec![Job::Settle(id)]);
		assert_eq!(phase(id), Phase::Open);
		System::assert_last_event(
			Event::TaskPosted {
				order: id,
				consumer: ALICE,
				reward: REWARD,
				providers: 3,
				deadline: DEADLINE,
				verification: Verification::Majority,
			}
			.into(),
		);
	});
}

#[test]
fn post_task_refuses_bad_input_and_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let s = || spec(1, Verification::Consumer);
		let post = |who, s| Orders::post_task(signed(who), s);
		assert_noop!(
			post(ALICE, crate::TaskSpec { providers: 0, ..s() }),
			Error::<Test>::BadProviders
		);
		assert_noop!(
			post(ALICE, crate::TaskSpec { providers: 8, ..s() }),
			Error::<Test>::BadProviders
		);
		assert_noop!(
			post(ALICE, crate::TaskSpec { reward: 0, ..s() }),
			Error::<Test>::RewardTooLow
		);
		assert_noop!(
			post(ALICE, crate::TaskSpec { reward: ED - 1, ..s() }),
			Error::<Test>::RewardTooLow
		);
		assert_noop!(post(ALICE, crate::TaskSpec { review: 0, ..s() }), Error::<Test>::BadReview);
		assert_noop!(post(ALICE, crate::TaskSpec { review: 51, ..s() }), Error::<Test>::BadReview);
		assert_noop!(post(ALICE, crate::TaskSpec { deadline: 1, ..s() }), Error::<Test>::BadExpiry);
		assert_noop!(
			post(ALICE, crate::TaskSpec { deadline: 1_002, ..s() }),
			Error::<Test>::BadExpiry
		);
		assert_noop!(
			post(ALICE, crate::TaskSpec { reward: u64::MAX, providers: 2, ..s() }),
			Error::<Test>::Overflow
		);
		assert_noop!(post(POOR, s()), Error::<Test>::InsufficientBalance);
		Restricted::set(vec![BOB]);
		assert_noop!(post(BOB, s()), Error::<Test>::Restricted);
		crowd_due(DEADLINE);
		assert_noop!(post(ALICE, s()), Error::<Test>::DueFull);
	});
}

#[test]
fn take_makes_the_resource_busy() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(2, Verification::Consumer));
		let r = take(P1, id);
		assert_eq!(status(r), Status::Busy);
		System::assert_last_event(Event::Taken { order: id, provider: P1, resource: r }.into());
		let t = task_of(id);
		assert_eq!(t.workers.len(), 1);
		assert_eq!((t.workers[0].provider, t.workers[0].resource), (P1, r));
		assert_eq!((t.workers[0].commitment, t.workers[0].result.clone()), (None, None));
	});
}

#[test]
fn take_refuses_and_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(1, Verification::Consumer));
		let r = add_resource(P1);
		let take_ = |who, order, r| Orders::take(signed(who), order, r);
		assert_noop!(take_(P1, 99, r), Error::<Test>::UnknownOrder);
		let d = demand(BOB, 30);
		assert_noop!(take_(P1, d, r), Error::<Test>::NotTask);
		assert_noop!(take_(ALICE, id, add_resource(ALICE)), Error::<Test>::OwnOrder);
		assert_noop!(take_(P1, id, 77), Error::<Test>::UnknownResource);
		assert_noop!(take_(P2, id, r), Error::<Test>::NotOwner);
		set_status(r, Status::Paused);
		assert_noop!(take_(P1, id, r), Error::<Test>::NotListed);
		set_status(r, Status::Listed);
		Restricted::set(vec![P1]);
		assert_noop!(take_(P1, id, r), Error::<Test>::Restricted);
		Restricted::set(vec![]);
		let picky = task(
			BOB,
			crate::TaskSpec {
				requirements: Filter { min_score: Some(501), ..any() },
				..spec(1, Verification::Consumer)
			},
		);
		assert_noop!(take_(P1, picky, r), Error::<Test>::Unsuitable);
		assert_ok!(take_(P1, id, r));
		assert_noop!(take_(P1, id, add_resource(P1)), Error::<Test>::AlreadyWorker);
		assert_noop!(take_(P2, id, add_resource(P2)), Error::<Test>::TaskFull);
		commit(P1, id, hash(1));
		assert_noop!(take_(P2, id, add_resource(P2)), Error::<Test>::NotOpen);
		let late = task(BOB, spec(1, Verification::Consumer));
		System::set_block_number(DEADLINE);
		assert_noop!(take_(P2, late, add_resource(P2)), Error::<Test>::PastDeadline);
	});
}

#[test]
fn commit_frees_the_resource_and_hides_the_result() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(2, Verification::Consumer));
		let r = take(P1, id);
		commit(P1, id, hash(1));
		assert_eq!(status(r), Status::Listed);
		assert_eq!(phase(id), Phase::Open);
		let c = commitment(P1, id, hash(1));
		System::assert_last_event(
			Event::Committed { order: id, provider: P1, commitment: c }.into(),
		);
		let t = task_of(id);
		assert_eq!((t.workers[0].commitment, t.workers[0].result.clone()), (Some(c), None));
		// Still open: the deadline stays booked.
		assert_eq!(Due::<Test>::get(DEADLINE).into_inner(), vec![Job::Settle(id)]);
	});
}

#[test]
fn the_last_commitment_opens_the_reveal_and_moves_the_due_entry() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(2, Verification::Consumer));
		take(P1, id);
		take(P2, id);
		commit(P1, id, hash(1));
		run_to(3);
		commit(P2, id, hash(1));
		let until = 3 + REVEAL;
		System::assert_last_event(Event::RevealOpened { order: id, until }.into());
		assert_eq!(phase(id), Phase::Reveal { until });
		assert_eq!(OrderMap::<Test>::get(id).unwrap().due, Some(until));
		assert_eq!(Due::<Test>::get(until).into_inner(), vec![Job::Settle(id)]);
		assert!(!Due::<Test>::contains_key(DEADLINE));
		assert_eq!(held(HoldReason::Task, ALICE), 2 * REWARD);
	});
}

#[test]
fn commit_refuses_and_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(2, Verification::Consumer));
		take(P1, id);
		let com = |who, order| Orders::commit(signed(who), order, commitment(who, order, hash(1)));
		assert_noop!(com(P1, 99), Error::<Test>::UnknownOrder);
		let d = demand(BOB, 30);
		assert_noop!(com(P1, d), Error::<Test>::NotTask);
		assert_noop!(com(P2, id), Error::<Test>::NotWorker);
		commit(P1, id, hash(1));
		assert_noop!(
			Orders::commit(signed(P1), id, commitment(P1, id, hash(2))),
			Error::<Test>::AlreadyCommitted
		);
		take(P2, id);
		assert_noop!(
			Orders::commit(signed(P2), id, commitment(P1, id, hash(1))),
			Error::<Test>::DuplicateCommitment
		);
		System::set_block_number(DEADLINE);
		assert_noop!(com(P2, id), Error::<Test>::PastDeadline);
		System::set_block_number(1);
		commit(P2, id, hash(1));
		assert_noop!(com(P2, id), Error::<Test>::NotOpen);
	});
}

#[test]
fn reveal_refuses_and_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(2, Verification::Consumer));
		take(P1, id);
		take(P2, id);
		let rev = |who, order, result, salt| {
			Orders::reveal(signed(who), order, result, uri("ipfs://out"), salt)
		};
		commit(P1, id, hash(1));
		// Not before every slot committed (or the deadline).
		assert_noop!(rev(P1, id, hash(1), salt(P1)), Error::<Test>::NotRevealing);
		commit(P2, id, hash(1));
		assert_noop!(rev(P1, 99, hash(1), salt(P1)), Error::<Test>::UnknownOrder);
		let d = demand(BOB, 30);
		assert_noop!(rev(P1, d, hash(1), salt(P1)), Error::<Test>::NotTask);
		assert_noop!(rev(P3, id, hash(1), salt(P3)), Error::<Test>::NotWorker);
		assert_noop!(rev(P1, id, hash(2), salt(P1)), Error::<Test>::BadReveal);
		assert_noop!(rev(P1, id, hash(1), salt(P2)), Error::<Test>::BadReveal);
		reveal(P1, id, hash(1));
		System::assert_last_event(
			Event::Revealed { order: id, provider: P1, result: hash(1) }.into(),
		);
		assert_noop!(rev(P1, id, hash(1), salt(P1)), Error::<Test>::AlreadyRevealed);
		System::set_block_number(1 + REVEAL);
		assert_noop!(rev(P2, id, hash(1), salt(P2)), Error::<Test>::RevealOver);
		System::set_block_number(1);
		reveal(P2, id, hash(1));
		// Decided: no more reveals.
		assert_noop!(rev(P2, id, hash(1), salt(P2)), Error::<Test>::NotRevealing);
	});
}

#[test]
fn the_commitment_is_blake2_of_the_scale_encoded_tuple() {
	ExtBuilder::default().build_and_execute(|| {
		let (order, result, salt, worker): (u64, H256, H256, u64) = (7, hash(1), hash(2), P1);
		let expected = H256(blake2_256(&(order, result, salt, worker).encode()));
		assert_eq!(crate::Pallet::<Test>::commitment(order, &result, &salt, &worker), expected);
		// Bound to every part.
		assert_ne!(crate::Pallet::<Test>::commitment(order, &result, &salt, &P2), expected);
		assert_ne!(crate::Pallet::<Test>::commitment(8, &result, &salt, &worker), expected);
	});
}

// ---------------------------------------------------------------------------------------
// Attack: copied results (commit, then reveal)

#[test]
fn a_later_worker_cannot_copy_a_result() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(2, Verification::Majority));
		take(P1, id);
		take(P2, id);
		// P1's commitment is public, its result is not. Copying the commitment is refused...
		commit(P1, id, hash(1));
		assert_noop!(
			Orders::commit(signed(P2), id, commitment(P1, id, hash(1))),
			Error::<Test>::DuplicateCommitment
		);
		// ...and no result is shown before every slot has committed.
		assert_noop!(
			Orders::reveal(signed(P1), id, hash(1), uri("ipfs://out"), salt(P1)),
			Error::<Test>::NotRevealing
		);
		// P2 has to commit blind (here, a guess); then P1's result is revealed.
		commit(P2, id, hash(9));
		reveal(P1, id, hash(1));
		// P2 can neither reveal P1's result under its own commitment nor commit again.
		assert_noop!(
			Orders::reveal(signed(P2), id, hash(1), uri("ipfs://out"), salt(P1)),
			Error::<Test>::BadReveal
		);
		assert_noop!(
			Orders::commit(signed(P2), id, commitment(P2, id, hash(1))),
			Error::<Test>::NotOpen
		);
		// Its guess disagrees: nobody is paid without the arbiter.
		reveal(P2, id, hash(9));
		assert_eq!(phase(id), Phase::Disputed { result: None });
		assert_eq!((free(P1), free(P2)), (ENDOWMENT, ENDOWMENT));
		assert_ok!(Orders::rule(RuntimeOrigin::root(), id, Perbill::one(), Some(hash(1))));
		assert_eq!((free(P1), free(P2)), (ENDOWMENT + NET, ENDOWMENT));
		assert_eq!(free(ALICE), ENDOWMENT - REWARD);
	});
}

#[test]
fn a_front_run_commitment_cannot_be_revealed_by_the_copier() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(2, Verification::Majority));
		take(P1, id);
		let r2 = take(P2, id);
		// P2 sees P1's commitment in the pool and gets it in first.
		let stolen = commitment(P1, id, hash(1));
		assert_ok!(Orders::commit(signed(P2), id, stolen));
		// P1 commits again with a fresh salt.
		let fresh = H256::repeat_byte(0x55);
		let own = crate::Pallet::<Test>::commitment(id, &hash(1), &fresh, &P1);
		assert_ok!(Orders::commit(signed(P1), id, own));
		assert_ok!(Orders::reveal(signed(P1), id, hash(1), uri("ipfs://out"), fresh));
		// The stolen commitment is bound to P1's account: P2 cannot open it.
		assert_noop!(
			Orders::reveal(signed(P2), id, hash(1), uri("ipfs://out"), salt(P1)),
			Error::<Test>::BadReveal
		);
		// At the end of the reveal P2 is missing; P1 alone is short of the quorum of 2.
		run_to(1 + REVEAL);
		System::assert_has_event(Event::Missed { order: id, provider: P2, resource: r2 }.into());
		assert_eq!(Rulings::get(), vec![(P2, true)]);
		assert_eq!(phase(id), Phase::Disputed { result: Some(hash(1)) });
		assert_eq!(held(HoldReason::Task, ALICE), REWARD);
		assert_eq!(free(ALICE), ENDOWMENT - REWARD);
	});
}

#[test]
fn a_worker_who_never_reveals_is_treated_as_missing() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(3, Verification::Majority));
		take(P1, id);
		take(P2, id);
		let r3 = take(P3, id);
		commit(P1, id, hash(1));
		commit(P2, id, hash(1));
		commit(P3, id, hash(1));
		reveal(P1, id, hash(1));
		reveal(P2, id, hash(1));
		let before = issuance();
		run_to(1 + REVEAL);
		System::assert_has_event(Event::Missed { order: id, provider: P3, resource: r3 }.into());
		System::assert_last_event(
			Event::Completed { order: id, result: hash(1), acceptance: Acceptance::Majority }
				.into(),
		);
		assert_eq!(Rulings::get(), vec![(P3, true)]);
		assert_eq!((free(P1), free(P2), free(P3)), (ENDOWMENT + NET, ENDOWMENT + NET, ENDOWMENT));
		assert_eq!(free(ALICE), ENDOWMENT - 2 * REWARD);
		assert_eq!(held(HoldReason::Task, ALICE), 0);
		assert_eq!(free(TREASURY), ED + 2 * TO_TREASURY);
		assert_eq!(issuance(), before - 2 * BURNED);
		assert_eq!(status(r3), Status::Listed);
	});
}

// ---------------------------------------------------------------------------------------
// Attack: Sybil slots and ties (quorum, dispute, distinct owners and machines)

#[test]
fn a_sybil_tie_opens_a_dispute_instead_of_a_refund() {
	ExtBuilder::default().build_and_execute(|| {
		// k = 2: the consumer works the second slot under another account (P2) and reveals
		// something else. Before: the tie refunded everything, the honest output for free.
		let id = task(ALICE, spec(2, Verification::Majority));
		take(P1, id);
		take(P2, id);
		work(id, &[(P1, hash(1)), (P2, hash(2))]);
		System::assert_last_event(
			Event::NoQuorum { order: id, results: 2, quorum: 2, respondent: P1, opened: true }
				.into(),
		);
		assert_eq!(OpenedDisputes::get(), vec![(Subject::Task(id), ALICE, P1)]);
		assert_eq!(phase(id), Phase::Disputed { result: None });
		assert_eq!(OrderMap::<Test>::get(id).unwrap().due, None);
		assert_eq!(held(HoldReason::Task, ALICE), 2 * REWARD);
		assert_eq!(free(ALICE), ENDOWMENT - 2 * REWARD);
		// Nothing settles it but a ruling.
		run_to(DEADLINE + REVEAL + REVIEW);
		assert_noop!(Orders::close(signed(STRANGER), id), Error::<Test>::NotDue);
		let before = issuance();
		assert_ok!(Orders::rule(RuntimeOrigin::root(), id, Perbill::one(), Some(hash(1))));
		System::assert_has_event(
			Event::Outvoted { order: id, provider: P2, refund: REWARD }.into(),
		);
		System::assert_last_event(
			Event::Ruled {
				order: id,
				upheld: Some(hash(1)),
				provider_share: Perbill::one(),
				paid: REWARD,
				refund: REWARD,
			}
			.into(),
		);
		assert_eq!((free(P1), free(P2)), (ENDOWMENT + NET, ENDOWMENT));
		assert_eq!(free(ALICE), ENDOWMENT - REWARD);
		assert_eq!(held(HoldReason::Task, ALICE), 0);
		assert_eq!(free(TREASURY), ED + TO_TREASURY);
		assert_eq!(issuance(), before - BURNED);
		assert_eq!(Rulings::get(), vec![(P2, true), (P1, false), (ALICE, true)]);
	});
}

#[test]
fn a_sybil_that_hides_its_result_cannot_refund_the_task() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(2, Verification::Majority));
		take(P1, id);
		take(P2, id);
		commit(P1, id, hash(1));
		commit(P2, id, hash(2));
		reveal(P1, id, hash(1));
		run_to(1 + REVEAL);
		// The Sybil is missing; the honest result alone is short of the quorum: disputed.
		assert_eq!(Rulings::get(), vec![(P2, true)]);
		assert_eq!(phase(id), Phase::Disputed { result: Some(hash(1)) });
		assert_eq!(free(ALICE), ENDOWMENT - REWARD);
		assert_ok!(Orders::rule(RuntimeOrigin::root(), id, Perbill::one(), None));
		assert_eq!(free(P1), ENDOWMENT + NET);
		assert_eq!(free(ALICE), ENDOWMENT - REWARD);
	});
}

#[test]
fn two_sybils_cannot_outvote_the_honest_worker() {
	ExtBuilder::default().build_and_execute(|| {
		// k = 3: two slots are the consumer's Sybils agreeing on junk. Before: they were the
		// majority, paid by the consumer to itself, and the honest worker was ruled against.
		let id = task(ALICE, spec(3, Verification::Majority));
		take(P1, id);
		take(P2, id);
		take(P3, id);
		work(id, &[(P1, hash(1)), (P2, hash(2)), (P3, hash(2))]);
		System::assert_last_event(
			Event::NoQuorum { order: id, results: 3, quorum: 2, respondent: P1, opened: true }
				.into(),
		);
		assert!(Rulings::get().is_empty());
		assert_eq!((free(P1), free(P2), free(P3)), (ENDOWMENT, ENDOWMENT, ENDOWMENT));
		assert_eq!(held(HoldReason::Task, ALICE), 3 * REWARD);
		let before = issuance();
		assert_ok!(Orders::rule(RuntimeOrigin::root(), id, Perbill::one(), Some(hash(1))));
		assert_eq!((free(P1), free(P2), free(P3)), (ENDOWMENT + NET, ENDOWMENT, ENDOWMENT));
		assert_eq!(free(ALICE), ENDOWMENT - REWARD);
		assert_eq!(issuance(), before - BURNED);
		assert_eq!(Rulings::get(), vec![(P2, true), (P3, true), (P1, false), (ALICE, true)]);
	});
}

#[test]
fn a_single_result_of_seven_is_short_of_the_quorum() {
	ExtBuilder::default().build_and_execute(|| {
		// Before: one submission at the deadline was the task's result and was paid.
		let id = task(ALICE, spec(7, Verification::Majority));
		take(P1, id);
		commit(P1, id, hash(1));
		run_to(DEADLINE);
		System::assert_has_event(
			Event::DeadlineReached { order: id, committed: 1, refund: 6 * REWARD }.into(),
		);
		System::assert_last_event(
			Event::RevealOpened { order: id, until: DEADLINE + REVEAL }.into(),
		);
		reveal(P1, id, hash(1));
		System::assert_last_event(
			Event::NoQuorum { order: id, results: 1, quorum: 4, respondent: P1, opened: true }
				.into(),
		);
		assert_eq!(phase(id), Phase::Disputed { result: Some(hash(1)) });
		assert_eq!(free(P1), ENDOWMENT);
		assert_eq!(held(HoldReason::Task, ALICE), REWARD);
		assert_eq!(free(ALICE), ENDOWMENT - REWARD);
	});
}

#[test]
fn a_quorum_without_dissent_is_paid_despite_a_missing_worker() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(3, Verification::Majority));
		take(P1, id);
		take(P2, id);
		let r3 = take(P3, id);
		commit(P1, id, hash(1));
		commit(P2, id, hash(1));
		run_to(DEADLINE);
		System::assert_has_event(Event::Missed { order: id, provider: P3, resource: r3 }.into());
		assert_eq!(status(r3), Status::Listed);
		System::assert_has_event(
			Event::DeadlineReached { order: id, committed: 2, refund: REWARD }.into(),
		);
		let before = issuance();
		reveal(P1, id, hash(1));
		reveal(P2, id, hash(1));
		System::assert_last_event(
			Event::Completed { order: id, result: hash(1), acceptance: Acceptance::Majority }
				.into(),
		);
		assert_eq!((free(P1), free(P2), free(P3)), (ENDOWMENT + NET, ENDOWMENT + NET, ENDOWMENT));
		assert_eq!(free(ALICE), ENDOWMENT - 2 * REWARD);
		assert_eq!(issuance(), before - 2 * BURNED);
		assert_eq!(Rulings::get(), vec![(P3, true)]);
	});
}

#[test]
fn the_consumer_cannot_work_its_own_task() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(2, Verification::Majority));
		let own = add_resource(ALICE);
		assert_noop!(Orders::take(signed(ALICE), id, own), Error::<Test>::OwnOrder);
	});
}

#[test]
fn one_slot_per_owner_and_per_machine() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(3, Verification::Majority));
		let r1 = take(P1, id);
		// A second machine of the same owner: refused.
		assert_noop!(Orders::take(signed(P1), id, add_resource(P1)), Error::<Test>::AlreadyWorker);
		// Committed, the machine is free again and changes hands: still one slot per machine.
		commit(P1, id, hash(1));
		set_owner(r1, P2);
		assert_noop!(Orders::take(signed(P2), id, r1), Error::<Test>::SameMachine);
		take(P2, id);
	});
}

#[test]
fn refused_arbitration_still_freezes_a_task_without_quorum() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(2, Verification::Consumer));
		take(P1, id);
		take(P2, id);
		DisputesFull::set(true);
		// The last reveal is not refused for arbitration's sake.
		work(id, &[(P1, hash(1)), (P2, hash(2))]);
		System::assert_last_event(
			Event::NoQuorum { order: id, results: 2, quorum: 2, respondent: P1, opened: false }
				.into(),
		);
		assert!(OpenedDisputes::get().is_empty());
		assert_eq!(phase(id), Phase::Disputed { result: None });
		// The arbiter origin rules: no result was right.
		assert_ok!(Orders::rule(RuntimeOrigin::root(), id, Perbill::zero(), None));
		assert_eq!(free(ALICE), ENDOWMENT);
		assert_eq!((free(P1), free(P2)), (ENDOWMENT, ENDOWMENT));
		assert_eq!(Rulings::get(), vec![(P1, true), (P2, true), (ALICE, false)]);
		assert!(!TaskRatings::<Test>::contains_key(id));
	});
}

// ---------------------------------------------------------------------------------------
// Tasks: acceptance

#[test]
fn accepted_result_pays_the_reward_less_the_fee() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(1, Verification::Consumer));
		let r = take(P1, id);
		submit(P1, id, hash(1));
		assert_eq!(status(r), Status::Listed);
		System::assert_last_event(
			Event::InReview { order: id, result: hash(1), until: 1 + REVIEW }.into(),
		);
		assert_eq!(phase(id), Phase::Review { result: hash(1), until: 1 + REVIEW });
		assert_eq!(Due::<Test>::get(1 + REVIEW).into_inner(), vec![Job::Settle(id)]);
		assert!(!Due::<Test>::contains_key(1 + REVEAL));
		let before = issuance();
		assert_noop!(Orders::accept_result(signed(BOB), id), Error::<Test>::NotConsumer);
		assert_ok!(Orders::accept_result(signed(ALICE), id));
		assert_eq!(free(P1), ENDOWMENT + NET);
		assert_eq!(free(TREASURY), ED + TO_TREASURY);
		assert_eq!(issuance(), before - BURNED);
		assert_eq!(held(HoldReason::Task, ALICE), 0);
		assert_eq!(free(ALICE), ENDOWMENT - REWARD);
		System::assert_has_event(
			Event::Paid {
				order: id,
				provider: P1,
				net: NET,
				burned: BURNED,
				treasury: TO_TREASURY,
			}
			.into(),
		);
		System::assert_has_event(Event::RatingsOpened { order: id, until: 1 + RATING }.into());
		System::assert_last_event(
			Event::Completed { order: id, result: hash(1), acceptance: Acceptance::Consumer }
				.into(),
		);
		assert!(OrderMap::<Test>::get(id).is_none());
		assert!(!Due::<Test>::contains_key(1 + REVIEW));
		assert!(Rulings::get().is_empty());
	});
}

#[test]
fn silence_accepts_when_the_review_window_ends() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(1, Verification::Consumer));
		take(P1, id);
		run_to(3);
		submit(P1, id, hash(1));
		let until = 3 + REVIEW;
		assert_eq!(OrderMap::<Test>::get(id).unwrap().due, Some(until));
		run_to(until - 1);
		assert_eq!(held(HoldReason::Task, ALICE), REWARD);
		run_to(until);
		assert_eq!(free(P1), ENDOWMENT + NET);
		assert_eq!(held(HoldReason::Task, ALICE), 0);
		System::assert_last_event(
			Event::Completed { order: id, result: hash(1), acceptance: Acceptance::Silence }.into(),
		);
		// Nothing of it is left in the queues but its rating window.
		assert!(!Due::<Test>::contains_key(DEADLINE));
		assert_eq!(Due::<Test>::get(until + RATING + 1).into_inner(), vec![Job::Forget(id)]);
	});
}

#[test]
fn accept_and_reject_need_a_result_under_review() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(1, Verification::Consumer));
		assert_noop!(Orders::accept_result(signed(ALICE), id), Error::<Test>::NotInReview);
		assert_noop!(Orders::reject_result(signed(ALICE), id), Error::<Test>::NotInReview);
		let d = demand(ALICE, 30);
		assert_noop!(Orders::accept_result(signed(ALICE), d), Error::<Test>::NotTask);
		assert_noop!(Orders::reject_result(signed(ALICE), d), Error::<Test>::NotTask);
		assert_noop!(Orders::accept_result(signed(ALICE), 99), Error::<Test>::UnknownOrder);
		take(P1, id);
		commit(P1, id, hash(1));
		// Revealing is not under review yet.
		assert_noop!(Orders::accept_result(signed(ALICE), id), Error::<Test>::NotInReview);
		reveal(P1, id, hash(1));
		assert_noop!(Orders::reject_result(signed(BOB), id), Error::<Test>::NotConsumer);
		DisputesFull::set(true);
		assert_noop!(
			Orders::reject_result(signed(ALICE), id),
			DispatchError::Other("arbitration is full")
		);
		DisputesFull::set(false);
		System::set_block_number(1 + REVIEW);
		assert_noop!(Orders::reject_result(signed(ALICE), id), Error::<Test>::ReviewOver);
		// Accepting late is accepting.
		assert_ok!(Orders::accept_result(signed(ALICE), id));
	});
}

// ---------------------------------------------------------------------------------------
// Tasks: disputes

/// A task of ALICE for P1 with its result rejected; returns its id.
fn disputed() -> OrderId {
	let id = task(ALICE, spec(1, Verification::Consumer));
	take(P1, id);
	submit(P1, id, hash(1));
	assert_ok!(Orders::reject_result(signed(ALICE), id));
	id
}

#[test]
fn reject_freezes_the_escrow_and_opens_a_dispute() {
	ExtBuilder::default().build_and_execute(|| {
		let id = disputed();
		System::assert_last_event(Event::Rejected { order: id, respondent: P1 }.into());
		assert_eq!(OpenedDisputes::get(), vec![(Subject::Task(id), ALICE, P1)]);
		assert_eq!(phase(id), Phase::Disputed { result: Some(hash(1)) });
		assert_eq!(OrderMap::<Test>::get(id).unwrap().due, None);
		assert!(!Due::<Test>::contains_key(1 + REVIEW));
		// Neither the review's end nor `close` touches it.
		run_to(DEADLINE + 1);
		assert_eq!(held(HoldReason::Task, ALICE), REWARD);
		assert_noop!(Orders::close(signed(STRANGER), id), Error::<Test>::NotDue);
		assert_noop!(Orders::accept_result(signed(ALICE), id), Error::<Test>::NotInReview);
	});
}

#[test]
fn rule_splits_the_escrow() {
	ExtBuilder::default().build_and_execute(|| {
		let id = disputed();
		let share = Perbill::from_percent(30);
		assert_noop!(Orders::rule(signed(ALICE), id, share, None), DispatchError::BadOrigin);
		let before = issuance();
		assert_ok!(Orders::rule(RuntimeOrigin::root(), id, share, None));
		// 300 to the provider: 270 net, 15 burned, 15 to the treasury; 700 back.
		assert_eq!(free(P1), ENDOWMENT + 270);
		assert_eq!(free(TREASURY), ED + 15);
		assert_eq!(issuance(), before - 15);
		assert_eq!(free(ALICE), ENDOWMENT - 300);
		assert_eq!(held(HoldReason::Task, ALICE), 0);
		assert_eq!(Rulings::get(), vec![(P1, true), (ALICE, false)]);
		System::assert_last_event(
			Event::Ruled { order: id, upheld: None, provider_share: share, paid: 300, refund: 700 }
				.into(),
		);
		assert!(OrderMap::<Test>::get(id).is_none());
		// The worker was paid something: the two may rate each other, weighing 300.
		let record = TaskRatings::<Test>::get(id).unwrap();
		assert_eq!(
			record.workers.into_inner(),
			vec![PaidWorker { provider: P1, paid: 300, by_consumer: false, by_worker: false }]
		);
	});
}

#[test]
fn rule_for_the_provider_is_against_the_consumer() {
	ExtBuilder::default().build_and_execute(|| {
		let id = disputed();
		assert_ok!(Orders::rule(RuntimeOrigin::root(), id, Perbill::one(), Some(hash(1))));
		assert_eq!(free(P1), ENDOWMENT + NET);
		assert_eq!(free(ALICE), ENDOWMENT - REWARD);
		assert_eq!(Rulings::get(), vec![(P1, false), (ALICE, true)]);
		let even = disputed();
		Rulings::set(vec![]);
		assert_ok!(Orders::rule(RuntimeOrigin::root(), even, Perbill::from_percent(50), None));
		// Exactly half: nobody was at fault, nobody's reputation moves.
		assert_eq!(Rulings::get(), vec![]);
	});
}

#[test]
fn rule_needs_a_disputed_task_and_a_revealed_result() {
	ExtBuilder::default().build_and_execute(|| {
		let root = RuntimeOrigin::root;
		let half = Perbill::from_percent(50);
		assert_noop!(Orders::rule(root(), 99, half, None), Error::<Test>::UnknownOrder);
		let d = demand(ALICE, 30);
		assert_noop!(Orders::rule(root(), d, half, None), Error::<Test>::NotTask);
		let id = task(ALICE, spec(1, Verification::Consumer));
		assert_noop!(Orders::rule(root(), id, half, None), Error::<Test>::NotDisputed);
		take(P1, id);
		submit(P1, id, hash(1));
		assert_noop!(Orders::rule(root(), id, half, None), Error::<Test>::NotDisputed);
		assert_ok!(Orders::reject_result(signed(ALICE), id));
		assert_noop!(Orders::rule(root(), id, half, Some(hash(2))), Error::<Test>::UnknownResult);
	});
}

#[test]
fn arbitration_freezes_and_rules_through_the_escrow_trait() {
	ExtBuilder::default().build_and_execute(|| {
		type Pallet = crate::Pallet<Test>;
		let id = task(ALICE, spec(1, Verification::Consumer));
		assert_noop!(Pallet::freeze(Subject::Task(id)), Error::<Test>::NotInReview);
		assert_noop!(Pallet::freeze(Subject::Lease(0)), Error::<Test>::WrongSubject);
		assert_noop!(
			<Pallet as Escrow>::rule(Subject::Lease(0), Perbill::one()),
			Error::<Test>::WrongSubject
		);
		take(P1, id);
		submit(P1, id, hash(1));
		assert_ok!(Pallet::freeze(Subject::Task(id)));
		System::assert_last_event(Event::Frozen { order: id }.into());
		assert!(!Due::<Test>::contains_key(1 + REVIEW));
		assert_noop!(Pallet::freeze(Subject::Task(id)), Error::<Test>::NotInReview);
		assert_ok!(<Pallet as Escrow>::rule(Subject::Task(id), Perbill::zero()));
		assert_eq!(free(ALICE), ENDOWMENT);
		assert_eq!(free(P1), ENDOWMENT);
		assert_eq!(Rulings::get(), vec![(P1, true), (ALICE, false)]);
		// Paid nothing: no ratings.
		assert!(!TaskRatings::<Test>::contains_key(id));
	});
}

// ---------------------------------------------------------------------------------------
// Tasks: deadlines, redundancy

#[test]
fn missed_deadline_costs_reputation_and_refunds_the_share() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(4, Verification::Consumer));
		let r1 = take(P1, id);
		let r2 = take(P2, id);
		let r3 = take(P3, id);
		commit(P1, id, hash(1));
		commit(P3, id, hash(1));
		assert_eq!(status(r2), Status::Busy);
		run_to(DEADLINE);
		assert_eq!(
			(status(r1), status(r2), status(r3)),
			(Status::Listed, Status::Listed, Status::Listed)
		);
		assert_eq!(Rulings::get(), vec![(P2, true)]);
		System::assert_has_event(Event::Missed { order: id, provider: P2, resource: r2 }.into());
		// P2's slot and the slot nobody took are refunded; the others reveal.
		System::assert_has_event(
			Event::DeadlineReached { order: id, committed: 2, refund: 2 * REWARD }.into(),
		);
		System::assert_last_event(
			Event::RevealOpened { order: id, until: DEADLINE + REVEAL }.into(),
		);
		assert_eq!(held(HoldReason::Task, ALICE), 2 * REWARD);
		assert_eq!(free(ALICE), ENDOWMENT - 2 * REWARD);
		assert_noop!(
			Orders::commit(signed(P2), id, commitment(P2, id, hash(1))),
			Error::<Test>::NotOpen
		);
		assert_noop!(
			Orders::reveal(signed(P2), id, hash(1), uri("ipfs://late"), salt(P2)),
			Error::<Test>::NotWorker
		);
		reveal(P1, id, hash(1));
		reveal(P3, id, hash(1));
		// Quorum of 4 is 3: two results are short of it.
		assert_eq!(phase(id), Phase::Disputed { result: Some(hash(1)) });
		assert_ok!(Orders::rule(RuntimeOrigin::root(), id, Perbill::one(), None));
		assert_eq!((free(P1), free(P2), free(P3)), (ENDOWMENT + NET, ENDOWMENT, ENDOWMENT + NET));
		assert_eq!(free(ALICE), ENDOWMENT - 2 * REWARD);
	});
}

#[test]
fn a_task_without_commitments_closes_at_the_deadline_with_a_full_refund() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(2, Verification::Majority));
		let r = take(P1, id);
		run_to(DEADLINE);
		assert_eq!(status(r), Status::Listed);
		assert_eq!(Rulings::get(), vec![(P1, true)]);
		System::assert_has_event(Event::Missed { order: id, provider: P1, resource: r }.into());
		System::assert_last_event(Event::Expired { order: id, refund: 2 * REWARD }.into());
		assert_eq!(held(HoldReason::Task, ALICE), 0);
		assert_eq!(free(ALICE), ENDOWMENT);
		assert!(OrderMap::<Test>::get(id).is_none());
		// A task nobody took ends the same way.
		let idle = task(
			ALICE,
			crate::TaskSpec { deadline: DEADLINE + 5, ..spec(1, Verification::Majority) },
		);
		run_to(DEADLINE + 5);
		System::assert_last_event(Event::Expired { order: idle, refund: REWARD }.into());
		assert_eq!(free(ALICE), ENDOWMENT);
	});
}

#[test]
fn a_task_without_reveals_closes_with_a_full_refund() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(2, Verification::Majority));
		take(P1, id);
		take(P2, id);
		commit(P1, id, hash(1));
		commit(P2, id, hash(1));
		run_to(1 + REVEAL);
		System::assert_last_event(Event::Expired { order: id, refund: 2 * REWARD }.into());
		assert_eq!(Rulings::get(), vec![(P1, true), (P2, true)]);
		assert_eq!(free(ALICE), ENDOWMENT);
		assert!(OrderMap::<Test>::get(id).is_none());
	});
}

#[test]
fn redundant_task_pays_an_agreeing_quorum() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(3, Verification::Majority));
		take(P1, id);
		take(P2, id);
		take(P3, id);
		let before = issuance();
		work(id, &[(P1, hash(1)), (P2, hash(1)), (P3, hash(1))]);
		System::assert_last_event(
			Event::Completed { order: id, result: hash(1), acceptance: Acceptance::Majority }
				.into(),
		);
		for p in [P1, P2, P3] {
			assert_eq!(free(p), ENDOWMENT + NET);
		}
		assert_eq!(free(ALICE), ENDOWMENT - 3 * REWARD);
		assert_eq!(held(HoldReason::Task, ALICE), 0);
		assert_eq!(free(TREASURY), ED + 3 * TO_TREASURY);
		assert_eq!(issuance(), before - 3 * BURNED);
		assert!(Rulings::get().is_empty());
		assert!(OrderMap::<Test>::get(id).is_none());
	});
}

#[test]
fn a_dissenting_result_goes_to_the_arbiter_who_rules_against_it() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(3, Verification::Majority));
		take(P1, id);
		take(P2, id);
		take(P3, id);
		work(id, &[(P1, hash(1)), (P2, hash(1)), (P3, hash(9))]);
		assert_eq!(phase(id), Phase::Disputed { result: None });
		let before = issuance();
		assert_ok!(Orders::rule(RuntimeOrigin::root(), id, Perbill::one(), Some(hash(1))));
		System::assert_has_event(
			Event::Outvoted { order: id, provider: P3, refund: REWARD }.into(),
		);
		assert_eq!((free(P1), free(P2), free(P3)), (ENDOWMENT + NET, ENDOWMENT + NET, ENDOWMENT));
		assert_eq!(free(ALICE), ENDOWMENT - 2 * REWARD);
		assert_eq!(held(HoldReason::Task, ALICE), 0);
		assert_eq!(free(TREASURY), ED + 2 * TO_TREASURY);
		assert_eq!(issuance(), before - 2 * BURNED);
		assert_eq!(Rulings::get(), vec![(P3, true), (P1, false), (P2, false), (ALICE, true)]);
		let paid: Vec<_> =
			TaskRatings::<Test>::get(id).unwrap().workers.iter().map(|w| w.provider).collect();
		assert_eq!(paid, vec![P1, P2]);
	});
}

#[test]
fn cancel_task_only_before_a_slot_is_taken() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(2, Verification::Consumer));
		assert_ok!(Orders::cancel(signed(ALICE), id));
		System::assert_last_event(Event::Cancelled { order: id, refund: 2 * REWARD }.into());
		assert_eq!(free(ALICE), ENDOWMENT);
		assert!(!Due::<Test>::contains_key(DEADLINE));
		let id = task(ALICE, spec(2, Verification::Consumer));
		take(P1, id);
		assert_noop!(Orders::cancel(signed(ALICE), id), Error::<Test>::Started);
	});
}

// ---------------------------------------------------------------------------------------
// Ratings

/// A task of ALICE for P1 and P2 (mode `Majority`), completed at block 1; returns its id.
fn paid_task() -> OrderId {
	let id = task(ALICE, spec(2, Verification::Majority));
	take(P1, id);
	take(P2, id);
	work(id, &[(P1, hash(1)), (P2, hash(1))]);
	id
}

#[test]
fn consumer_and_paid_workers_rate_each_other_once() {
	ExtBuilder::default().build_and_execute(|| {
		let id = paid_task();
		System::assert_has_event(Event::RatingsOpened { order: id, until: 1 + RATING }.into());
		let record = TaskRatings::<Test>::get(id).unwrap();
		assert_eq!((record.consumer, record.until), (ALICE, 1 + RATING));
		assert_eq!(Due::<Test>::get(2 + RATING).into_inner(), vec![Job::Forget(id)]);
		let comment = Some(hash(0xcc));
		assert_ok!(Orders::rate(signed(ALICE), id, P1, 4, comment));
		System::assert_last_event(
			Event::Rated { order: id, by: ALICE, who: P1, stars: 4, comment }.into(),
		);
		assert_ok!(Orders::rate(signed(P1), id, ALICE, 5, None));
		assert_ok!(Orders::rate(signed(ALICE), id, P2, 2, None));
		// Each rating weighs what the worker was paid, before the fee.
		assert_eq!(
			Ratings::get(),
			vec![
				(ALICE, P1, 4, REWARD as u128),
				(P1, ALICE, 5, REWARD as u128),
				(ALICE, P2, 2, REWARD as u128)
			]
		);
		assert_noop!(Orders::rate(signed(ALICE), id, P1, 5, None), Error::<Test>::AlreadyRated);
		assert_noop!(Orders::rate(signed(P1), id, ALICE, 1, None), Error::<Test>::AlreadyRated);
		// The last rating removes the record and its due entry.
		assert_ok!(Orders::rate(signed(P2), id, ALICE, 3, None));
		assert!(!TaskRatings::<Test>::contains_key(id));
		assert!(!Due::<Test>::contains_key(2 + RATING));
		assert_noop!(Orders::rate(signed(P2), id, ALICE, 3, None), Error::<Test>::NotRatable);
	});
}

#[test]
fn rate_refuses_and_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let id = paid_task();
		let rate = |by, who, stars| Orders::rate(signed(by), id, who, stars, None);
		assert_noop!(rate(ALICE, P1, 0), Error::<Test>::BadStars);
		assert_noop!(rate(ALICE, P1, 6), Error::<Test>::BadStars);
		assert_noop!(Orders::rate(signed(ALICE), 99, P1, 3, None), Error::<Test>::NotRatable);
		assert_noop!(rate(STRANGER, ALICE, 3), Error::<Test>::NotParty);
		assert_noop!(rate(ALICE, STRANGER, 3), Error::<Test>::NotParty);
		assert_noop!(rate(P1, P2, 3), Error::<Test>::NotParty);
		RatingsRefused::set(true);
		assert_noop!(rate(ALICE, P1, 3), DispatchError::Other("rating refused"));
		RatingsRefused::set(false);
		System::set_block_number(2 + RATING);
		assert_noop!(rate(ALICE, P1, 3), Error::<Test>::NotRatable);
	});
}

#[test]
fn ratings_are_forgotten_when_the_window_closes() {
	ExtBuilder::default().build_and_execute(|| {
		let id = paid_task();
		assert_ok!(Orders::rate(signed(ALICE), id, P1, 4, None));
		run_to(1 + RATING);
		assert!(TaskRatings::<Test>::contains_key(id));
		assert_ok!(Orders::rate(signed(P2), id, ALICE, 4, None));
		run_to(2 + RATING);
		assert!(!TaskRatings::<Test>::contains_key(id));
		assert!(!Due::<Test>::contains_key(2 + RATING));
		assert_noop!(Orders::rate(signed(P1), id, ALICE, 4, None), Error::<Test>::NotRatable);
	});
}

#[test]
fn unpaid_workers_open_no_rating() {
	ExtBuilder::default().build_and_execute(|| {
		// Missing, outvoted or refunded: no rating to give or receive.
		let id = task(ALICE, spec(2, Verification::Majority));
		take(P1, id);
		take(P2, id);
		work(id, &[(P1, hash(1)), (P2, hash(2))]);
		assert_ok!(Orders::rule(RuntimeOrigin::root(), id, Perbill::one(), Some(hash(1))));
		assert_noop!(Orders::rate(signed(P2), id, ALICE, 1, None), Error::<Test>::NotParty);
		assert_noop!(Orders::rate(signed(ALICE), id, P2, 1, None), Error::<Test>::NotParty);
		assert_ok!(Orders::rate(signed(P1), id, ALICE, 5, None));
		let expired = task(ALICE, spec(1, Verification::Majority));
		take(P3, expired);
		run_to(DEADLINE);
		assert!(!TaskRatings::<Test>::contains_key(expired));
		assert_noop!(Orders::rate(signed(P3), expired, ALICE, 1, None), Error::<Test>::NotRatable);
	});
}

// ---------------------------------------------------------------------------------------
// Due queue and close

#[test]
fn cancelled_demands_cannot_fill_the_due_queues() {
	ExtBuilder::default().build_and_execute(|| {
		// The attack: post and cancel 1-planck demands expiring at block 30, more than the
		// queues of block 30 and its spill blocks hold. Before: honest posts got `DueFull`.
		for _ in 0..3 * DUE_SLACK {
			let id = NextOrderId::<Test>::get();
			assert_ok!(Orders::post_demand(signed(BOB), any(), 1, 1, 30));
			assert_ok!(Orders::cancel(signed(BOB), id));
		}
		assert!((30..30 + DUE_SLACK as u64).all(|at| !Due::<Test>::contains_key(at)));
		assert_eq!(free(BOB), ENDOWMENT);
		let id = demand(ALICE, 30);
		assert_eq!(Due::<Test>::get(30).into_inner(), vec![Job::Settle(id)]);
		// Tasks the same.
		for _ in 0..3 * DUE_SLACK {
			let t = task(BOB, spec(1, Verification::Majority));
			assert_ok!(Orders::cancel(signed(BOB), t));
		}
		let t = task(ALICE, spec(1, Verification::Majority));
		assert_eq!(Due::<Test>::get(DEADLINE).into_inner(), vec![Job::Settle(t)]);
	});
}

#[test]
fn a_task_moving_on_takes_its_due_entry_along() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(1, Verification::Consumer));
		take(P1, id);
		commit(P1, id, hash(1));
		assert!(!Due::<Test>::contains_key(DEADLINE));
		assert_eq!(Due::<Test>::get(1 + REVEAL).into_inner(), vec![Job::Settle(id)]);
		reveal(P1, id, hash(1));
		assert!(!Due::<Test>::contains_key(1 + REVEAL));
		assert_eq!(Due::<Test>::get(1 + REVIEW).into_inner(), vec![Job::Settle(id)]);
		assert_ok!(Orders::reject_result(signed(ALICE), id));
		assert!(Due::<Test>::iter().next().is_none());
	});
}

#[test]
fn a_full_due_queue_books_the_next_block() {
	ExtBuilder::default().build_and_execute(|| {
		let ids: Vec<_> = [ALICE, ALICE, BOB, BOB].iter().map(|w| demand(*w, 30)).collect();
		let settle = |ids: &[OrderId]| ids.iter().map(|id| Job::Settle(*id)).collect::<Vec<_>>();
		assert_eq!(Due::<Test>::get(30).into_inner(), settle(&ids[..3]));
		assert_eq!(Due::<Test>::get(31).into_inner(), settle(&ids[3..]));
		assert_eq!(OrderMap::<Test>::get(ids[3]).unwrap().due, Some(31));
		// Booked later, it still cannot be filled from its expiry on.
		System::set_block_number(30);
		let r = add_resource(P1);
		assert_noop!(Orders::fill(signed(P1), ids[3], r, 80), Error::<Test>::Expired);
	});
}

#[test]
fn due_orders_are_settled_a_few_per_block_and_the_rest_carried_over() {
	ExtBuilder::default().build_and_execute(|| {
		let ids: Vec<_> = [ALICE, ALICE, BOB].iter().map(|w| demand(*w, 10)).collect();
		run_to(10);
		// At most two per block: the third waits in block 10's queue.
		assert!(OrderMap::<Test>::get(ids[0]).is_none());
		assert!(OrderMap::<Test>::get(ids[1]).is_none());
		assert!(OrderMap::<Test>::get(ids[2]).is_some());
		assert_eq!(Due::<Test>::get(10).into_inner(), vec![Job::Settle(ids[2])]);
		assert_eq!(DueCursor::<Test>::get(), Some(10));
		run_to(11);
		System::assert_last_event(Event::Expired { order: ids[2], refund: 1_000 }.into());
		assert_eq!(DueCursor::<Test>::get(), Some(12));
		assert!(!Due::<Test>::contains_key(10));
		assert_eq!(free(BOB), ENDOWMENT);
	});
}

#[test]
fn a_lagging_cursor_catches_up_within_the_bound() {
	ExtBuilder::default().build_and_execute(|| {
		run_to(2);
		let a = demand(ALICE, 5);
		let b = demand(BOB, 6);
		let c = demand(BOB, 7);
		// Blocks 3 to 8 pass without hooks. Block 9 reads two queues (3 and 4, empty), block
		// 10 settles two orders, block 11 the third and reads one more queue.
		System::set_block_number(9);
		Orders::on_initialize(9);
		assert!([a, b, c].iter().all(|id| OrderMap::<Test>::get(id).is_some()));
		assert_eq!(DueCursor::<Test>::get(), Some(5));
		run_to(10);
		assert!(OrderMap::<Test>::get(a).is_none());
		assert!(OrderMap::<Test>::get(b).is_none());
		assert!(OrderMap::<Test>::get(c).is_some());
		assert_eq!(DueCursor::<Test>::get(), Some(7));
		run_to(11);
		assert!(OrderMap::<Test>::get(c).is_none());
		assert_eq!(DueCursor::<Test>::get(), Some(9));
		run_to(14);
		assert_eq!(DueCursor::<Test>::get(), Some(15));
		assert_eq!(free(BOB), ENDOWMENT);
	});
}

#[test]
fn anyone_closes_a_due_order() {
	ExtBuilder::default().build_and_execute(|| {
		let id = demand(ALICE, 10);
		assert_noop!(Orders::close(signed(STRANGER), id), Error::<Test>::NotDue);
		assert_noop!(Orders::close(signed(STRANGER), 99), Error::<Test>::UnknownOrder);
		System::set_block_number(10);
		assert_ok!(Orders::close(signed(STRANGER), id));
		System::assert_last_event(Event::Expired { order: id, refund: 1_000 }.into());
		assert_eq!(free(ALICE), ENDOWMENT);
		// Its queue entry went with it.
		assert!(!Due::<Test>::contains_key(10));
		Orders::on_initialize(10);
		assert_eq!(free(ALICE), ENDOWMENT);
	});
}

#[test]
fn close_ends_the_commit_phase_the_reveal_and_the_review() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(2, Verification::Consumer));
		take(P1, id);
		take(P2, id);
		commit(P1, id, hash(1));
		commit(P2, id, hash(1));
		reveal(P1, id, hash(1));
		assert_noop!(Orders::close(signed(STRANGER), id), Error::<Test>::NotDue);
		// The reveal's end: P2 missing, P1 alone short of the quorum of 2.
		System::set_block_number(1 + REVEAL);
		assert_ok!(Orders::close(signed(STRANGER), id));
		assert_eq!(Rulings::get(), vec![(P2, true)]);
		assert_eq!(phase(id), Phase::Disputed { result: Some(hash(1)) });
		// The deadline: the reveal opens; after it, the review; after that, silence.
		let id = task(ALICE, crate::TaskSpec { deadline: 40, ..spec(3, Verification::Consumer) });
		take(P1, id);
		take(P2, id);
		commit(P1, id, hash(1));
		commit(P2, id, hash(1));
		assert_noop!(Orders::close(signed(STRANGER), id), Error::<Test>::NotDue);
		System::set_block_number(40);
		assert_ok!(Orders::close(signed(STRANGER), id));
		assert_eq!(phase(id), Phase::Reveal { until: 40 + REVEAL });
		reveal(P1, id, hash(1));
		reveal(P2, id, hash(1));
		assert_noop!(Orders::close(signed(STRANGER), id), Error::<Test>::NotDue);
		System::set_block_number(40 + REVIEW);
		assert_ok!(Orders::close(signed(STRANGER), id));
		System::assert_last_event(
			Event::Completed { order: id, result: hash(1), acceptance: Acceptance::Silence }.into(),
		);
		assert_eq!((free(P1), free(P2)), (ENDOWMENT + NET, ENDOWMENT + NET));
	});
}

#[test]
fn a_review_end_without_room_is_left_for_close() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(1, Verification::Consumer));
		take(P1, id);
		crowd_due(1 + REVIEW);
		submit(P1, id, hash(1));
		System::assert_has_event(Event::Unscheduled { order: id, due: 1 + REVIEW }.into());
		assert_eq!(OrderMap::<Test>::get(id).unwrap().due, None);
		System::set_block_number(1 + REVIEW);
		assert_ok!(Orders::close(signed(STRANGER), id));
		assert_eq!(free(P1), ENDOWMENT + NET);
	});
}

#[test]
fn a_failed_settlement_is_retried_an_hour_later() {
	ExtBuilder::default().build_and_execute(|| {
		let id = demand(ALICE, 10);
		// Break the books: the budget is no longer held, so the refund fails.
		let reason: RuntimeHoldReason = HoldReason::Demand.into();
		assert_ok!(Balances::release(&reason, &ALICE, 1_000, Precision::Exact));
		run_to(10);
		// Undone and booked again, not dropped.
		System::assert_last_event(Event::SettleFailed { order: id, retry: Some(20) }.into());
		assert_eq!(OrderMap::<Test>::get(id).unwrap().due, Some(20));
		assert_eq!(Due::<Test>::get(20).into_inner(), vec![Job::Settle(id)]);
		assert!(!Due::<Test>::contains_key(10));
		// Mended, the queue settles it.
		assert_ok!(Balances::hold(&reason, &ALICE, 1_000));
		run_to(20);
		System::assert_last_event(Event::Expired { order: id, refund: 1_000 }.into());
		assert_eq!(free(ALICE), ENDOWMENT);
	});
}

#[test]
fn a_failed_settlement_without_room_is_left_for_close() {
	ExtBuilder::default().build_and_execute(|| {
		let id = demand(ALICE, 10);
		crowd_due(20);
		let reason: RuntimeHoldReason = HoldReason::Demand.into();
		assert_ok!(Balances::release(&reason, &ALICE, 1_000, Precision::Exact));
		run_to(10);
		System::assert_last_event(Event::SettleFailed { order: id, retry: None }.into());
		assert_eq!(OrderMap::<Test>::get(id).unwrap().due, None);
		// Mended, anyone closes it.
		assert_ok!(Balances::hold(&reason, &ALICE, 1_000));
		assert_ok!(Orders::close(signed(STRANGER), id));
		System::assert_last_event(Event::Expired { order: id, refund: 1_000 }.into());
		assert_eq!(free(ALICE), ENDOWMENT);
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
fn a_sanctioned_consumer_cannot_post_and_nothing_changes() {
	ExtBuilder::default().build_and_execute(|| {
		let next = NextOrderId::<Test>::get();
		for standing in [Standing::Frozen, Standing::Blacklisted] {
			sanction(BOB, standing);
			assert_noop!(Orders::post_demand(signed(BOB), any(), 10, 100, 30), refusal(standing));
			assert_noop!(
				Orders::post_task(signed(BOB), spec(1, Verification::Consumer)),
				refusal(standing)
			);
		}
		assert_eq!(free(BOB), ENDOWMENT);
		assert_eq!((held(HoldReason::Demand, BOB), held(HoldReason::Task, BOB)), (0, 0));
		assert!(OrdersOf::<Test>::get(BOB).is_empty());
		assert_eq!(NextOrderId::<Test>::get(), next);
		sanction(BOB, Standing::Good);
		demand(BOB, 30);
	});
}

#[test]
fn a_sanctioned_provider_cannot_fill_or_take() {
	ExtBuilder::default().build_and_execute(|| {
		let d = demand(ALICE, 30);
		let t = task(ALICE, spec(1, Verification::Consumer));
		let r = add_resource(P1);
		for standing in [Standing::Frozen, Standing::Blacklisted] {
			sanction(P1, standing);
			assert_noop!(Orders::fill(signed(P1), d, r, 80), refusal(standing));
			assert_noop!(Orders::take(signed(P1), t, r), refusal(standing));
		}
		assert_eq!(status(r), Status::Listed);
		assert!(Leases::get().is_empty());
		assert_eq!(held(HoldReason::Demand, ALICE), 1_000);
		assert!(task_of(t).workers.is_empty());
		// Another provider fills and takes as usual.
		let r2 = add_resource(P2);
		assert_ok!(Orders::fill(signed(P2), d, r2, 80));
		take(P3, t);
	});
}

#[test]
fn a_sanctioned_consumers_orders_are_not_filled_or_taken_but_may_be_cancelled() {
	ExtBuilder::default().build_and_execute(|| {
		let d = demand(ALICE, 30);
		let t = task(ALICE, spec(1, Verification::Consumer));
		let r = add_resource(P1);
		for standing in [Standing::Frozen, Standing::Blacklisted] {
			sanction(ALICE, standing);
			assert_noop!(Orders::fill(signed(P1), d, r, 80), refusal(standing));
			assert_noop!(Orders::take(signed(P1), t, r), refusal(standing));
		}
		assert_eq!(status(r), Status::Listed);
		assert!(Leases::get().is_empty());
		assert_ok!(Orders::cancel(signed(ALICE), d));
		assert_ok!(Orders::cancel(signed(ALICE), t));
		System::assert_last_event(Event::Cancelled { order: t, refund: REWARD }.into());
		assert_eq!((held(HoldReason::Demand, ALICE), held(HoldReason::Task, ALICE)), (0, 0));
		assert_eq!(free(ALICE), ENDOWMENT);
	});
}

// ---------------------------------------------------------------------------------------
// Views and configuration

#[test]
fn views_show_open_orders() {
	ExtBuilder::default().build_and_execute(|| {
		let d = demand(ALICE, 30);
		let t = task(ALICE, spec(1, Verification::Consumer));
		type Pallet = crate::Pallet<Test>;
		assert_eq!(Pallet::order(d).map(|o| o.held()), Some(1_000));
		let mine: Vec<_> = Pallet::orders_of(&ALICE).into_iter().map(|(id, _)| id).collect();
		assert_eq!(mine, vec![d, t]);
		assert!(Pallet::orders_of(&BOB).is_empty());
		assert_eq!(Pallet::order(99), None);
	});
}

#[test]
fn quorum_is_a_strict_majority_of_the_slots() {
	type Pallet = crate::Pallet<Test>;
	assert_eq!((1..=7).map(Pallet::quorum).collect::<Vec<_>>(), vec![1, 2, 2, 3, 3, 4, 4]);
}

#[test]
fn configuration_is_sane() {
	ExtBuilder::default().build_and_execute(|| {
		<Orders as Hooks<u64>>::integrity_test();
	});
}
