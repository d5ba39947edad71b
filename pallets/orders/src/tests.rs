//! Tests of the orders pallet: every call and error, demands filled, cancelled and expired,
//! tasks from slot to payment (review, silence, dispute and ruling, deadline, redundancy,
//! no majority), the due queue and `close`. Each test ends with the invariant check.

use crate::{
	mock::*, Acceptance, Due, DueCursor, Error, Event, HoldReason, Kind, NextOrderId,
	Orders as OrderMap, OrdersOf, Phase, TaskSpecOf, Uri, Verification,
};
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::{fungible::MutateHold, tokens::Precision, Hooks},
		BoundedVec,
	},
	sp_core::H256,
	sp_runtime::{DispatchError, Perbill},
};
use powerverse_primitives::{Escrow, Filter, OrderId, ResourceId, Status, Subject};

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

fn submit(who: u64, id: OrderId, result: H256) {
	assert_ok!(Orders::submit(signed(who), id, result, uri("ipfs://out")));
}

fn phase(id: OrderId) -> Phase<u64> {
	match OrderMap::<Test>::get(id).unwrap().kind {
		Kind::Task(t) => t.phase,
		Kind::Demand(_) => panic!("not a task"),
	}
}

/// Fills the due queues of `from` and the next seven blocks with stale entries.
fn crowd_due(from: u64) {
	for at in from..from + crate::due::DUE_SLACK as u64 {
		Due::<Test>::insert(at, BoundedVec::truncate_from(vec![OrderId::MAX; 3]));
	}
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
		assert_eq!(Due::<Test>::get(30).into_inner(), vec![id]);
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
		// A second fill finds nothing; the stale due entry is skipped at expiry.
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

// ---------------------------------------------------------------------------------------
// Tasks: posting, slots, results

#[test]
fn post_task_holds_the_rewards() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(3, Verification::Majority));
		assert_eq!(held(HoldReason::Task, ALICE), 3 * REWARD);
		assert_eq!(OrderMap::<Test>::get(id).unwrap().due, Some(DEADLINE));
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
			post(ALICE, crate::TaskSpec { providers: 6, ..s() }),
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
		let Kind::Task(t) = OrderMap::<Test>::get(id).unwrap().kind else { panic!() };
		assert_eq!(t.workers.len(), 1);
		assert_eq!((t.workers[0].provider, t.workers[0].resource), (P1, r));
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
		submit(P1, id, hash(1));
		assert_noop!(take_(P2, id, add_resource(P2)), Error::<Test>::NotOpen);
		let late = task(BOB, spec(1, Verification::Consumer));
		System::set_block_number(DEADLINE);
		assert_noop!(take_(P2, late, add_resource(P2)), Error::<Test>::PastDeadline);
	});
}

#[test]
fn submit_refuses_and_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(2, Verification::Consumer));
		take(P1, id);
		let sub = |who, order| Orders::submit(signed(who), order, hash(1), uri("ipfs://out"));
		assert_noop!(sub(P1, 99), Error::<Test>::UnknownOrder);
		let d = demand(BOB, 30);
		assert_noop!(sub(P1, d), Error::<Test>::NotTask);
		assert_noop!(sub(P2, id), Error::<Test>::NotWorker);
		submit(P1, id, hash(1));
		assert_noop!(sub(P1, id), Error::<Test>::AlreadySubmitted);
		take(P2, id);
		System::set_block_number(DEADLINE);
		assert_noop!(sub(P2, id), Error::<Test>::PastDeadline);
	});
}

#[test]
fn submit_frees_the_resource_and_records_the_result() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(2, Verification::Consumer));
		let r = take(P1, id);
		submit(P1, id, hash(1));
		assert_eq!(status(r), Status::Listed);
		assert_eq!(phase(id), Phase::Open);
		System::assert_last_event(
			Event::Submitted { order: id, provider: P1, result: hash(1) }.into(),
		);
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
		System::assert_last_event(
			Event::Completed { order: id, result: hash(1), acceptance: Acceptance::Consumer }
				.into(),
		);
		assert!(OrderMap::<Test>::get(id).is_none());
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
		// The deadline's entry is stale now and skipped.
		run_to(DEADLINE);
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
		submit(P1, id, hash(1));
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
		assert_eq!(phase(id), Phase::Disputed { result: hash(1) });
		assert_eq!(OrderMap::<Test>::get(id).unwrap().due, None);
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
		assert_noop!(
			Orders::rule(signed(ALICE), id, Perbill::from_percent(30)),
			DispatchError::BadOrigin
		);
		let before = issuance();
		assert_ok!(Orders::rule(RuntimeOrigin::root(), id, Perbill::from_percent(30)));
		// 300 to the provider: 270 net, 15 burned, 15 to the treasury; 700 back.
		assert_eq!(free(P1), ENDOWMENT + 270);
		assert_eq!(free(TREASURY), ED + 15);
		assert_eq!(issuance(), before - 15);
		assert_eq!(free(ALICE), ENDOWMENT - 300);
		assert_eq!(held(HoldReason::Task, ALICE), 0);
		assert_eq!(Rulings::get(), vec![(P1, true), (ALICE, false)]);
		System::assert_last_event(
			Event::Ruled {
				order: id,
				provider_share: Perbill::from_percent(30),
				paid: 300,
				refund: 700,
			}
			.into(),
		);
		assert!(OrderMap::<Test>::get(id).is_none());
	});
}

#[test]
fn rule_for_the_provider_is_against_the_consumer() {
	ExtBuilder::default().build_and_execute(|| {
		let id = disputed();
		assert_ok!(Orders::rule(RuntimeOrigin::root(), id, Perbill::one()));
		assert_eq!(free(P1), ENDOWMENT + NET);
		assert_eq!(free(ALICE), ENDOWMENT - REWARD);
		assert_eq!(Rulings::get(), vec![(P1, false), (ALICE, true)]);
		let even = disputed();
		Rulings::set(vec![]);
		assert_ok!(Orders::rule(RuntimeOrigin::root(), even, Perbill::from_percent(50)));
		// Exactly half: nobody was at fault, nobody's reputation moves.
		assert_eq!(Rulings::get(), vec![]);
	});
}

#[test]
fn rule_needs_a_disputed_task() {
	ExtBuilder::default().build_and_execute(|| {
		let root = RuntimeOrigin::root;
		let half = Perbill::from_percent(50);
		assert_noop!(Orders::rule(root(), 99, half), Error::<Test>::UnknownOrder);
		let d = demand(ALICE, 30);
		assert_noop!(Orders::rule(root(), d, half), Error::<Test>::NotTask);
		let id = task(ALICE, spec(1, Verification::Consumer));
		assert_noop!(Orders::rule(root(), id, half), Error::<Test>::NotDisputed);
		take(P1, id);
		submit(P1, id, hash(1));
		assert_noop!(Orders::rule(root(), id, half), Error::<Test>::NotDisputed);
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
		assert_noop!(Pallet::freeze(Subject::Task(id)), Error::<Test>::NotInReview);
		assert_ok!(<Pallet as Escrow>::rule(Subject::Task(id), Perbill::zero()));
		assert_eq!(free(ALICE), ENDOWMENT);
		assert_eq!(free(P1), ENDOWMENT);
		assert_eq!(Rulings::get(), vec![(P1, true), (ALICE, false)]);
	});
}

// ---------------------------------------------------------------------------------------
// Tasks: deadlines, redundancy, majority

#[test]
fn missed_deadline_costs_reputation_and_refunds_the_share() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(3, Verification::Consumer));
		let r1 = take(P1, id);
		let r2 = take(P2, id);
		submit(P1, id, hash(1));
		assert_eq!(status(r2), Status::Busy);
		run_to(DEADLINE);
		assert_eq!(status(r1), Status::Listed);
		assert_eq!(status(r2), Status::Listed);
		assert_eq!(Rulings::get(), vec![(P2, true)]);
		System::assert_has_event(Event::Missed { order: id, provider: P2, resource: r2 }.into());
		// P2's slot and the slot nobody took are refunded; P1's result is under review.
		System::assert_has_event(
			Event::DeadlineReached { order: id, results: 1, refund: 2 * REWARD }.into(),
		);
		System::assert_last_event(
			Event::InReview { order: id, result: hash(1), until: DEADLINE + REVIEW }.into(),
		);
		assert_eq!(held(HoldReason::Task, ALICE), REWARD);
		assert_eq!(free(ALICE), ENDOWMENT - REWARD);
		assert_noop!(
			Orders::submit(signed(P2), id, hash(1), uri("ipfs://late")),
			Error::<Test>::NotOpen
		);
		run_to(DEADLINE + REVIEW);
		assert_eq!(free(P1), ENDOWMENT + NET);
		assert_eq!(free(P2), ENDOWMENT);
	});
}

#[test]
fn a_task_without_results_closes_at_the_deadline_with_a_full_refund() {
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
fn redundant_task_pays_the_majority_and_rules_against_the_dishonest() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(3, Verification::Majority));
		take(P1, id);
		take(P2, id);
		take(P3, id);
		submit(P1, id, hash(1));
		submit(P3, id, hash(9));
		let before = issuance();
		submit(P2, id, hash(1));
		System::assert_has_event(
			Event::Outvoted { order: id, provider: P3, refund: REWARD }.into(),
		);
		System::assert_last_event(
			Event::Completed { order: id, result: hash(1), acceptance: Acceptance::Majority }
				.into(),
		);
		assert_eq!(free(P1), ENDOWMENT + NET);
		assert_eq!(free(P2), ENDOWMENT + NET);
		assert_eq!(free(P3), ENDOWMENT);
		assert_eq!(free(ALICE), ENDOWMENT - 2 * REWARD);
		assert_eq!(held(HoldReason::Task, ALICE), 0);
		assert_eq!(free(TREASURY), ED + 2 * TO_TREASURY);
		assert_eq!(issuance(), before - 2 * BURNED);
		assert_eq!(Rulings::get(), vec![(P3, true)]);
		assert!(OrderMap::<Test>::get(id).is_none());
	});
}

#[test]
fn no_majority_refunds_everything() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(2, Verification::Consumer));
		take(P1, id);
		take(P2, id);
		submit(P1, id, hash(1));
		submit(P2, id, hash(2));
		System::assert_last_event(Event::NoMajority { order: id, refund: 2 * REWARD }.into());
		assert_eq!(free(ALICE), ENDOWMENT);
		assert_eq!((free(P1), free(P2)), (ENDOWMENT, ENDOWMENT));
		assert!(Rulings::get().is_empty());
		assert!(OrderMap::<Test>::get(id).is_none());
	});
}

#[test]
fn cancel_task_only_before_a_slot_is_taken() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(2, Verification::Consumer));
		assert_ok!(Orders::cancel(signed(ALICE), id));
		System::assert_last_event(Event::Cancelled { order: id, refund: 2 * REWARD }.into());
		assert_eq!(free(ALICE), ENDOWMENT);
		let id = task(ALICE, spec(2, Verification::Consumer));
		take(P1, id);
		assert_noop!(Orders::cancel(signed(ALICE), id), Error::<Test>::Started);
	});
}

// ---------------------------------------------------------------------------------------
// Due queue and close

#[test]
fn a_full_due_queue_books_the_next_block() {
	ExtBuilder::default().build_and_execute(|| {
		let ids: Vec<_> = [ALICE, ALICE, BOB, BOB].iter().map(|w| demand(*w, 30)).collect();
		assert_eq!(Due::<Test>::get(30).into_inner(), ids[..3].to_vec());
		assert_eq!(Due::<Test>::get(31).into_inner(), vec![ids[3]]);
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
		assert_eq!(Due::<Test>::get(10).into_inner(), vec![ids[2]]);
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
fn stale_due_entries_are_skipped() {
	ExtBuilder::default().build_and_execute(|| {
		let id = demand(ALICE, 10);
		assert_ok!(Orders::cancel(signed(ALICE), id));
		let kept = demand(ALICE, 10);
		run_to(10);
		System::assert_last_event(Event::Expired { order: kept, refund: 1_000 }.into());
		assert_eq!(free(ALICE), ENDOWMENT);
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
		// The queue's entry is stale now.
		Orders::on_initialize(10);
		assert_eq!(free(ALICE), ENDOWMENT);
	});
}

#[test]
fn close_ends_tasks_at_the_deadline_and_after_review() {
	ExtBuilder::default().build_and_execute(|| {
		let id = task(ALICE, spec(2, Verification::Majority));
		take(P1, id);
		take(P2, id);
		submit(P1, id, hash(1));
		assert_noop!(Orders::close(signed(STRANGER), id), Error::<Test>::NotDue);
		System::set_block_number(DEADLINE);
		assert_ok!(Orders::close(signed(STRANGER), id));
		assert_eq!(free(P1), ENDOWMENT + NET);
		assert_eq!(Rulings::get(), vec![(P2, true)]);
		let id = task(ALICE, crate::TaskSpec { deadline: 40, ..spec(1, Verification::Consumer) });
		take(P1, id);
		submit(P1, id, hash(1));
		assert_noop!(Orders::close(signed(STRANGER), id), Error::<Test>::NotDue);
		System::set_block_number(DEADLINE + REVIEW);
		assert_ok!(Orders::close(signed(STRANGER), id));
		System::assert_last_event(
			Event::Completed { order: id, result: hash(1), acceptance: Acceptance::Silence }.into(),
		);
		assert_eq!(free(P1), ENDOWMENT + 2 * NET);
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
fn a_failed_settlement_is_undone_and_left_for_close() {
	ExtBuilder::default().build_and_execute(|| {
		let id = demand(ALICE, 10);
		// Break the books: the budget is no longer held, so the refund fails.
		let reason: RuntimeHoldReason = HoldReason::Demand.into();
		assert_ok!(Balances::release(&reason, &ALICE, 1_000, Precision::Exact));
		run_to(10);
		System::assert_last_event(Event::Unscheduled { order: id, due: 10 }.into());
		assert_eq!(OrderMap::<Test>::get(id).unwrap().due, None);
		assert!(!Due::<Test>::contains_key(10));
		// Mended, anyone closes it.
		assert_ok!(Balances::hold(&reason, &ALICE, 1_000));
		assert_ok!(Orders::close(signed(STRANGER), id));
		System::assert_last_event(Event::Expired { order: id, refund: 1_000 }.into());
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
fn configuration_is_sane() {
	ExtBuilder::default().build_and_execute(|| {
		<Orders as Hooks<u64>>::integrity_test();
	});
}
