//! Demand and task orders as users meet them, through signed transactions on the development
//! chain with machines listed at genesis: a demand filled by a provider opens a lease; a task
//! taken, committed, revealed and accepted; a task accepted by the consumer's silence; a
//! missed deadline refunded; a redundant task with one dishonest provider, settled by the
//! arbiter.

mod common;

use common::{events, market::*, run_to_block};
use polkadot_sdk::{
	frame_support::{assert_ok, traits::fungible::InspectHold},
	sp_core::H256,
	sp_keyring::Sr25519Keyring,
	sp_runtime::{Perbill, Permill},
};
use powerverse_primitives::{Filter, Status};
use powerverse_runtime::{
	AccountId, Balance, Balances, Registry, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin,
	Scoring, System, HOURS, UNITS,
};

type OrdersCall = pallet_orders::Call<Runtime>;
type OrdersEvent = pallet_orders::Event<Runtime>;

/// Reward of one task worker: 5 PVC.
const REWARD: Balance = 5 * UNITS;

fn held(reason: pallet_orders::HoldReason, who: Sr25519Keyring) -> Balance {
	Balances::balance_on_hold(&reason.into(), &account(who))
}

/// Requirements every genesis machine meets: 16 cores or more.
fn requirements() -> Filter<Balance> {
	Filter { min_cores: Some(16), ..Default::default() }
}

/// The tenant posts a task for `providers` workers, due in an hour, reviewed for 100 blocks.
fn post_task(providers: u32, verification: pallet_orders::Verification) -> u64 {
	let deadline = System::block_number() + HOURS;
	submit(
		TENANT,
		RuntimeCall::Orders(OrdersCall::post_task {
			task: pallet_orders::TaskSpec {
				description: H256::repeat_byte(1),
				uri: b"ipfs://bafy-task".to_vec().try_into().unwrap(),
				requirements: requirements(),
				reward: REWARD,
				providers,
				deadline,
				review: 100,
				verification,
			},
		}),
	);
	find(|e| match e {
		RuntimeEvent::Orders(OrdersEvent::TaskPosted { order, .. }) => Some(order),
		_ => None,
	})
}

fn take(who: Sr25519Keyring, order: u64, resource: u32) {
	submit(who, RuntimeCall::Orders(OrdersCall::take { order, resource }));
}

/// The workers' secret salt (any 32 bytes; commitments are bound to the worker's account).
const SALT: H256 = H256::repeat_byte(0x5a);

/// `who` commits to the result `hash` (repeated) on task `order`, without showing it.
fn commit(who: Sr25519Keyring, order: u64, hash: u8) {
	let commitment = pallet_orders::Pallet::<Runtime>::commitment(
		order,
		&H256::repeat_byte(hash),
		&SALT,
		&account(who),
	);
	submit(who, RuntimeCall::Orders(OrdersCall::commit { order, commitment }));
}

/// `who` reveals the result it committed to.
fn reveal(who: Sr25519Keyring, order: u64, hash: u8) {
	submit(
		who,
		RuntimeCall::Orders(OrdersCall::reveal {
			order,
			result: H256::repeat_byte(hash),
			uri: b"ipfs://bafy-result".to_vec().try_into().unwrap(),
			salt: SALT,
		}),
	);
}

/// The only worker of task `order` commits and reveals (its commitment opens the reveal).
fn result(who: Sr25519Keyring, order: u64, hash: u8) {
	commit(who, order, hash);
	reveal(who, order, hash);
}

/// What a worker receives for one reward: less the 5% fee.
fn net(reward: Balance) -> Balance {
	reward - Permill::from_percent(5) * reward
}

#[test]
fn a_provider_fills_a_demand_and_a_lease_opens_at_its_price() {
	market().execute_with(|| {
		let expires = System::block_number() + 100;
		submit(
			TENANT,
			RuntimeCall::Orders(OrdersCall::post_demand {
				requirements: requirements(),
				hours: 3,
				max_price: 3 * UNITS,
				expires,
			}),
		);
		let order = find(|e| match e {
			RuntimeEvent::Orders(OrdersEvent::DemandPosted { order, .. }) => Some(order),
			_ => None,
		});
		assert_eq!(held(pallet_orders::HoldReason::Demand, TENANT), 9 * UNITS);
		check();
		// Above the consumer's price: refused.
		refused(
			PROVIDER,
			RuntimeCall::Orders(OrdersCall::fill { order, resource: 0, price: 4 * UNITS }),
		);
		// Not the provider's machine: refused.
		refused(
			PROVIDER,
			RuntimeCall::Orders(OrdersCall::fill { order, resource: 2, price: UNITS }),
		);
		let price = 25 * UNITS / 10;
		submit(PROVIDER, RuntimeCall::Orders(OrdersCall::fill { order, resource: 0, price }));
		let lease = find(|e| match e {
			RuntimeEvent::Orders(OrdersEvent::Filled { lease, .. }) => Some(lease),
			_ => None,
		});
		// The budget is released; the lease holds the rent at the fill price.
		assert_eq!(held(pallet_orders::HoldReason::Demand, TENANT), 0);
		assert_eq!(escrow(TENANT), 3 * price);
		let l = pallet_leases::Leases::<Runtime>::get(lease).unwrap();
		assert_eq!((l.tenant, l.price, l.resource), (account(TENANT), price, 0));
		assert_eq!(Registry::resource(0).unwrap().status, Status::Rented);
		assert!(pallet_orders::Orders::<Runtime>::get(order).is_none());
		check();
	});
}

#[test]
fn a_task_is_taken_done_and_accepted() {
	market().execute_with(|| {
		let order = post_task(1, pallet_orders::Verification::Consumer);
		assert_eq!(held(pallet_orders::HoldReason::Task, TENANT), REWARD);
		take(PROVIDER, order, 0);
		assert_eq!(Registry::resource(0).unwrap().status, Status::Busy);
		check();
		commit(PROVIDER, order, 7);
		// Committed: the machine is back on the market; the reveal is open.
		assert_eq!(Registry::resource(0).unwrap().status, Status::Listed);
		check();
		reveal(PROVIDER, order, 7);
		// The result is in review.
		check();
		let provider = free(PROVIDER);
		submit(TENANT, RuntimeCall::Orders(OrdersCall::accept_result { order }));
		assert_eq!(free(PROVIDER) - provider, net(REWARD));
		assert_eq!(held(pallet_orders::HoldReason::Task, TENANT), 0);
		assert!(events().iter().any(|e| matches!(
			e,
			RuntimeEvent::Orders(OrdersEvent::Completed {
				acceptance: pallet_orders::Acceptance::Consumer,
				..
			})
		)));
		check();
	});
}

#[test]
fn silence_accepts_a_result_when_the_review_window_ends() {
	market().execute_with(|| {
		let order = post_task(1, pallet_orders::Verification::Consumer);
		take(PROVIDER, order, 0);
		result(PROVIDER, order, 7);
		let until = find(|e| match e {
			RuntimeEvent::Orders(OrdersEvent::InReview { until, .. }) => Some(until),
			_ => None,
		});
		let provider = free(PROVIDER);
		run_to_block(until);
		assert_eq!(free(PROVIDER) - provider, net(REWARD));
		assert!(events().iter().any(|e| matches!(
			e,
			RuntimeEvent::Orders(OrdersEvent::Completed {
				acceptance: pallet_orders::Acceptance::Silence,
				..
			})
		)));
		assert_eq!(held(pallet_orders::HoldReason::Task, TENANT), 0);
		check();
	});
}

#[test]
fn a_missed_deadline_refunds_the_consumer_and_costs_the_provider() {
	market().execute_with(|| {
		let deadline = System::block_number() + HOURS;
		let order = post_task(1, pallet_orders::Verification::Consumer);
		take(PROVIDER, order, 0);
		let tenant = free(TENANT);
		run_to_block(deadline);
		assert_eq!(free(TENANT) - tenant, REWARD);
		assert_eq!(held(pallet_orders::HoldReason::Task, TENANT), 0);
		assert_eq!(Registry::resource(0).unwrap().status, Status::Listed);
		assert!(Scoring::reputation_of(&account(PROVIDER)) < 500);
		assert!(events().iter().any(|e| matches!(
			e,
			RuntimeEvent::Orders(OrdersEvent::Missed { order: o, .. }) if *o == order
		)));
		check();
	});
}

#[test]
fn a_redundant_task_with_a_dissenting_result_is_settled_by_the_arbiter() {
	market().execute_with(|| {
		let (honest, other, liar) = (PROVIDER, Sr25519Keyring::Dave, Sr25519Keyring::Charlie);
		let order = post_task(3, pallet_orders::Verification::Majority);
		assert_eq!(held(pallet_orders::HoldReason::Task, TENANT), 3 * REWARD);
		take(honest, order, 0);
		take(other, order, 2);
		take(liar, order, 3);
		check();
		commit(honest, order, 7);
		commit(liar, order, 9);
		commit(other, order, 7);
		// Every slot committed: the machines are back on the market and the reveal is open.
		for id in [0, 2, 3] {
			assert_eq!(Registry::resource(id).unwrap().status, Status::Listed);
		}
		check();
		reveal(honest, order, 7);
		reveal(liar, order, 9);
		reveal(other, order, 7);
		// The results disagree: no count settles it; the escrow waits for the arbiter.
		assert!(events().iter().any(|e| matches!(
			e,
			RuntimeEvent::Orders(OrdersEvent::NoQuorum { order: o, .. }) if *o == order
		)));
		assert_eq!(held(pallet_orders::HoldReason::Task, TENANT), 3 * REWARD);
		check();
		let tenant = free(TENANT);
		assert_ok!(pallet_orders::Pallet::<Runtime>::rule(
			RuntimeOrigin::root(),
			order,
			Perbill::one(),
			Some(H256::repeat_byte(7)),
		));
		// The upheld result's workers are paid, the other share refunded.
		let paid: Vec<(AccountId, Balance)> = events()
			.into_iter()
			.filter_map(|e| match e {
				RuntimeEvent::Orders(OrdersEvent::Paid { provider, net, .. }) => {
					Some((provider, net))
				},
				_ => None,
			})
			.collect();
		assert_eq!(paid, vec![(account(honest), net(REWARD)), (account(other), net(REWARD))]);
		assert_eq!(free(TENANT) - tenant, REWARD);
		assert_eq!(held(pallet_orders::HoldReason::Task, TENANT), 0);
		assert!(Scoring::reputation_of(&account(liar)) < 500);
		assert!(events().iter().any(|e| matches!(
			e,
			RuntimeEvent::Orders(OrdersEvent::Outvoted { provider, .. }) if *provider == account(liar)
		)));
		check();
	});
}
