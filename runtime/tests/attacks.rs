//! The market against players who have read its code: each test plays an attack as a journey
//! of signed extrinsics from several accounts on a local network (panels of three verifiers,
//! Charlie, Dave and Eve, from genesis), checking balances to the planck and every
//! marketplace pallet's invariants after each block.

mod common;

use common::{events, market::*, run_to_block};
use polkadot_sdk::{
	frame_support::traits::fungible::InspectHold,
	sp_core::{sr25519, Pair, H256},
	sp_io::TestExternalities,
	sp_keyring::Sr25519Keyring,
	sp_keystore::{testing::MemoryKeystore, KeystoreExt},
	sp_runtime::BuildStorage,
};
use powerverse_primitives::{Price, ResourceId, Status};
use powerverse_runtime::{
	genesis_config_presets::LOCAL_TESTNET, AccountId, Balance, Balances, Registry, Runtime,
	RuntimeCall, RuntimeEvent, Scoring, HOURS, UNITS,
};

type RegistryCall = pallet_registry::Call<Runtime>;

const CHARLIE: Sr25519Keyring = Sr25519Keyring::Charlie;
const DAVE: Sr25519Keyring = Sr25519Keyring::Dave;
const EVE: Sr25519Keyring = Sr25519Keyring::Eve;

/// The local network's genesis, at block 1.
fn local() -> TestExternalities {
	let config = common::genesis_config(LOCAL_TESTNET);
	let mut ext = TestExternalities::new(config.build_storage().expect("genesis builds"));
	ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
	ext.execute_with(|| run_to_block(1));
	ext
}

/// Runs to block `n` one block at a time, checking every pallet's invariants after each.
fn run_checked(n: u32) {
	while polkadot_sdk::frame_system::Pallet::<Runtime>::block_number() < n {
		let next = polkadot_sdk::frame_system::Pallet::<Runtime>::block_number() + 1;
		run_to_block(next);
		check();
	}
}

/// The machine's key pair.
fn machine() -> sr25519::Pair {
	sr25519::Pair::from_seed(&[0x4d; 32])
}

fn registry_held(who: Sr25519Keyring, reason: pallet_registry::HoldReason) -> Balance {
	Balances::balance_on_hold(&reason.into(), &account(who))
}

/// Ferdie bonds and registers the machine; returns its id and the block of its draw.
fn register_machine() -> (ResourceId, u32) {
	let params = pallet_registry::Pallet::<Runtime>::params();
	submit(
		PROVIDER,
		RuntimeCall::Registry(RegistryCall::register_provider {
			name: b"Ferdie".to_vec().try_into().unwrap(),
			contact: b"mailto:f@example.net".to_vec().try_into().unwrap(),
			bond: params.min_bond,
		}),
	);
	let declaration = pallet_registry::Declaration {
		machine_key: machine().public().0,
		..declaration(Price::Fixed(FIXED))
	};
	submit(PROVIDER, RuntimeCall::Registry(RegistryCall::register_resource { declaration }));
	find(|e| match e {
		RuntimeEvent::Registry(pallet_registry::Event::VerificationRequested {
			resource,
			draw_at,
			..
		}) => Some((resource, draw_at)),
		_ => None,
	})
}

/// The panel drawn in this block for `id`, with its challenge and windows.
fn drawn(id: ResourceId) -> (Vec<AccountId>, [u8; 32], u32, u32) {
	find(|e| match e {
		RuntimeEvent::Registry(pallet_registry::Event::PanelDrawn {
			resource,
			panel,
			challenge,
			commit_end,
			reveal_end,
			..
		}) if resource == id => Some((panel, challenge.0, commit_end, reveal_end)),
		_ => None,
	})
}

fn verdict(genuine: bool) -> pallet_registry::Verdict {
	pallet_registry::Verdict { genuine, benchmark: if genuine { 5_000 } else { 0 } }
}

/// `who` commits to `genuine` on round 1 of `id`.
fn commit(who: Sr25519Keyring, id: ResourceId, genuine: bool) {
	let hash = pallet_registry::verification::commitment(
		id,
		1,
		&account(who),
		&verdict(genuine),
		&[who as u8; 32],
	);
	submit(who, RuntimeCall::Registry(RegistryCall::commit { resource: id, hash }));
}

/// `who` reveals `genuine` on round 1 of `id`, with the machine's signature when genuine.
fn reveal(who: Sr25519Keyring, id: ResourceId, challenge: [u8; 32], genuine: bool) {
	let message =
		pallet_registry::verification::challenge_message(id, 1, &challenge.into(), &account(who));
	let proof = genuine.then(|| machine().sign(&message).0);
	submit(
		who,
		RuntimeCall::Registry(RegistryCall::reveal {
			resource: id,
			verdict: verdict(genuine),
			salt: [who as u8; 32],
			proof,
		}),
	);
}

/// Defect 1: an edited declaration left its old deadline behind, which counted the new panel
/// during its commit window and slashed every member. Now the edit moves the booked draw,
/// a drawn panel cannot be edited away, and the panel that works is paid, not slashed.
#[test]
fn an_edit_during_verification_cannot_empty_the_committee() {
	local().execute_with(|| {
		let params = pallet_registry::Pallet::<Runtime>::params();
		let (id, draw_at) = register_machine();
		check();
		run_checked(draw_at - 1);
		// Re-declared before the draw: the draw moves, the fee carries over.
		let declaration = pallet_registry::Declaration {
			machine_key: machine().public().0,
			..declaration(Price::Fixed(2 * FIXED))
		};
		submit(
			PROVIDER,
			RuntimeCall::Registry(RegistryCall::update_resource {
				resource: id,
				declaration: declaration.clone(),
			}),
		);
		let moved = find_last(|e| match e {
			RuntimeEvent::Registry(pallet_registry::Event::VerificationRequested {
				draw_at,
				..
			}) => Some(draw_at),
			_ => None,
		});
		assert_eq!(moved, draw_at - 1 + params.draw_delay);
		assert_eq!(
			registry_held(PROVIDER, pallet_registry::HoldReason::VerificationFee),
			params.verification_fee
		);
		run_checked(moved);
		let (panel, challenge, commit_end, reveal_end) = drawn(id);
		assert_eq!(panel.len(), 3);
		// Re-declared while the panel is at work: refused.
		let error = refused(
			PROVIDER,
			RuntimeCall::Registry(RegistryCall::update_resource { resource: id, declaration }),
		);
		assert_eq!(error, pallet_registry::Error::<Runtime>::VerificationUnderWay.into());
		for v in [CHARLIE, DAVE, EVE] {
			commit(v, id, true);
		}
		run_checked(commit_end + 1);
		for v in [CHARLIE, DAVE, EVE] {
			reveal(v, id, challenge, true);
		}
		run_checked(reveal_end);
		let before: Vec<Balance> = [CHARLIE, DAVE, EVE].map(free).to_vec();
		run_checked(reveal_end + 1);
		assert_eq!(Registry::resource(id).unwrap().status, Status::Idle);
		// Each member is paid a third of the fee to the planck; nobody loses stake.
		for (v, had) in [CHARLIE, DAVE, EVE].into_iter().zip(before) {
			assert_eq!(free(v) - had, params.verification_fee / 3);
			assert_eq!(
				registry_held(v, pallet_registry::HoldReason::VerifierStake),
				params.verifier_stake
			);
		}
		assert_eq!(pallet_registry::Committee::<Runtime>::get().len(), 3);
		assert_eq!(registry_held(PROVIDER, pallet_registry::HoldReason::VerificationFee), 0);
	});
}

/// Defect 2: a verifier revealed, saw the others' reveals and left before the count, so its
/// slash found nothing held. Now its stake stays until its panel is counted.
#[test]
fn a_verifier_who_leaves_before_the_count_is_still_slashed() {
	local().execute_with(|| {
		let params = pallet_registry::Pallet::<Runtime>::params();
		let (id, draw_at) = register_machine();
		run_checked(draw_at);
		let (_, challenge, commit_end, reveal_end) = drawn(id);
		commit(CHARLIE, id, true);
		commit(DAVE, id, true);
		commit(EVE, id, false);
		run_checked(commit_end + 1);
		reveal(CHARLIE, id, challenge, true);
		reveal(DAVE, id, challenge, true);
		reveal(EVE, id, challenge, false);
		// Eve is outvoted: she tries to leave with her whole stake.
		submit(EVE, RuntimeCall::Registry(RegistryCall::leave_verifiers {}));
		assert!(events().iter().any(|e| matches!(
			e,
			RuntimeEvent::Registry(pallet_registry::Event::VerifierLeaving { seats: 1, .. })
		)));
		assert_eq!(
			registry_held(EVE, pallet_registry::HoldReason::VerifierStake),
			params.verifier_stake
		);
		check();
		run_checked(reveal_end);
		let (eve, fund, issuance) = (free(EVE), treasury(), Balances::total_issuance());
		let winners = (free(CHARLIE), free(DAVE));
		run_checked(reveal_end + 1);
		let slash = params.slash * params.verifier_stake;
		assert_eq!(slash, 500 * UNITS);
		// Slashed to the treasury, the rest released; the fee shared by the two who agreed.
		assert_eq!(treasury() - fund, slash);
		assert_eq!(free(EVE) - eve, params.verifier_stake - slash);
		assert_eq!(registry_held(EVE, pallet_registry::HoldReason::VerifierStake), 0);
		assert_eq!(free(CHARLIE) - winners.0, params.verification_fee / 2);
		assert_eq!(free(DAVE) - winners.1, params.verification_fee / 2);
		assert_eq!(Balances::total_issuance(), issuance);
		assert!(pallet_registry::Verifiers::<Runtime>::get(account(EVE)).is_none());
		assert_eq!(Registry::resource(id).unwrap().status, Status::Idle);
	});
}

type LeasesCall = pallet_leases::Call<Runtime>;

/// The last event of this block `pick` finds something in.
fn find_last<R>(pick: impl Fn(RuntimeEvent) -> Option<R>) -> R {
	events().into_iter().rev().find_map(pick).expect("the event was emitted")
}

/// The fee `who` paid for its last transaction.
fn transaction_fee(who: Sr25519Keyring) -> Balance {
	find_last(|e| match e {
		RuntimeEvent::TransactionPayment(
			polkadot_sdk::pallet_transaction_payment::Event::TransactionFeePaid {
				who: w,
				actual_fee,
				..
			},
		) if w == account(who) => Some(actual_fee),
		_ => None,
	})
}
type OrdersCall = pallet_orders::Call<Runtime>;

/// The lease a tenant rents now: its id.
fn rent(who: Sr25519Keyring, resource: ResourceId, hours: u32, max_price: Balance) -> u64 {
	submit(who, RuntimeCall::Leases(LeasesCall::rent { resource, hours, max_price }));
	events()
		.into_iter()
		.rev()
		.find_map(|e| match e {
			RuntimeEvent::Leases(pallet_leases::Event::Rented { lease, .. }) => Some(lease),
			_ => None,
		})
		.expect("a lease was opened")
}

/// Defect 9, wash ratings: renting and ending in the same block pays nothing, so it opens
/// no rating; nine such cycles leave the provider's reputation and balance untouched.
#[test]
fn empty_leases_cannot_buy_one_star_ratings() {
	market().execute_with(|| {
		let provider = free(PROVIDER);
		let tenant_escrow = escrow(TENANT);
		for _ in 0..9 {
			let lease = rent(TENANT, 0, 1, FIXED);
			submit(TENANT, RuntimeCall::Leases(LeasesCall::terminate { lease }));
			let error = refused(
				TENANT,
				RuntimeCall::Leases(LeasesCall::rate { lease, stars: 1, comment: None }),
			);
			assert_eq!(error, pallet_leases::Error::<Runtime>::NotRatable.into());
			check();
		}
		assert_eq!(Scoring::reputation_of(&account(PROVIDER)), 500);
		assert_eq!(free(PROVIDER), provider);
		assert_eq!(escrow(TENANT), tenant_escrow);
		assert_eq!(Registry::resource(0).unwrap().status, Status::Listed);
	});
}

/// Defect 9, pumping: a second account of the provider rents for real and rates 5 stars;
/// the rating weighs what was paid (2 PVC of the 50 PVC that weigh in full) and a second one
/// in the same month counts nothing: it is refused and changes nothing.
#[test]
fn a_sybil_tenant_cannot_pump_its_provider() {
	market().execute_with(|| {
		let pump = Sr25519Keyring::Bob;
		let lease = rent(pump, 0, 1, FIXED);
		run_to_block(1 + HOURS);
		check();
		submit(pump, RuntimeCall::Leases(LeasesCall::rate { lease, stars: 5, comment: None }));
		let once = Scoring::reputation_of(&account(PROVIDER));
		// A tenth of the way to 1,000, scaled by 2/50: 500 × 10% × 4% = 2.
		assert!(once > 500 && once <= 503, "one small rating moves little: {once}");
		let lease = rent(pump, 0, 1, FIXED);
		run_to_block(1 + 2 * HOURS + 1);
		check();
		let error =
			refused(pump, RuntimeCall::Leases(LeasesCall::rate { lease, stars: 5, comment: None }));
		assert_eq!(error, pallet_scoring::Error::<Runtime>::AlreadyRatedThisPeriod.into());
		assert_eq!(Scoring::reputation_of(&account(PROVIDER)), once);
	});
}

/// Defect 10: a tenant rented the Dutch auction at its start price, extended at the floor it
/// fell to and terminated at once, paying the provider a fraction of what the first hours
/// cost. Now each hour is paid at the price it was bought at.
#[test]
fn extending_at_the_floor_then_ending_pays_each_hour_at_its_price() {
	market().execute_with(|| {
		// Machine 1: 0.15 PVC an hour, falling 0.01 an hour to 0.08.
		let start = 15 * UNITS / 100;
		let lease = rent(TENANT, 1, 10, start);
		assert_eq!(escrow(TENANT), 10 * start);
		run_to_block(1 + 7 * HOURS);
		let floor = 8 * UNITS / 100;
		assert_eq!(Registry::resource(1).unwrap().price, floor);
		submit(
			TENANT,
			RuntimeCall::Leases(LeasesCall::extend { lease, hours: 1, max_price: floor }),
		);
		assert_eq!(escrow(TENANT), 10 * start + floor);
		let (provider, tenant, fund, issuance) =
			(free(PROVIDER), free(TENANT), treasury(), Balances::total_issuance());
		let fees = pallet_leases::Pallet::<Runtime>::fees();
		submit(TENANT, RuntimeCall::Leases(LeasesCall::terminate { lease }));
		// Seven hours used, all bought at the start price: 1.05 PVC, not 11ths of the escrow.
		let gross = 7 * start;
		let fee = fees.fee * gross;
		let burned = fees.burn * fee;
		let refund = 10 * start + floor - gross;
		let settled = find_last(|e| match e {
			RuntimeEvent::Leases(pallet_leases::Event::Settled {
				lease: l,
				paid,
				burned,
				treasury,
				refunded,
				..
			}) if l == lease => Some((paid, burned, treasury, refunded)),
			_ => None,
		});
		assert_eq!(settled, (gross - fee, burned, fee - burned, refund));
		assert_eq!(free(PROVIDER) - provider, gross - fee);
		assert_eq!(issuance - Balances::total_issuance(), burned);
		assert_eq!(escrow(TENANT), 0);
		// The tenant gets the rest back, less the fee of its terminate transaction, of which
		// the treasury gets 80% on top of its share of the platform fee.
		let tx_fee = transaction_fee(TENANT);
		assert_eq!(free(TENANT), tenant + refund - tx_fee);
		assert_eq!(treasury() - fund, fee - burned + tx_fee * 4 / 5);
		// Back on the market, the auction starts again from its start price.
		assert_eq!(Registry::resource(1).unwrap().status, Status::Listed);
		assert_eq!(Registry::resource(1).unwrap().price, start);
		check();
	});
}

/// Defect 15: with k = 2 the consumer took the second slot with another account of its own,
/// revealed a different result, and the tie refunded everything: free work. Now a tie goes
/// to the arbiter with the escrow frozen, and the honest worker is paid.
#[test]
fn a_consumer_cannot_tie_its_own_task_for_a_refund() {
	market().execute_with(|| {
		let (honest, sybil) = (PROVIDER, Sr25519Keyring::Dave);
		let reward = 5 * UNITS;
		let deadline = polkadot_sdk::frame_system::Pallet::<Runtime>::block_number() + HOURS;
		submit(
			TENANT,
			RuntimeCall::Orders(OrdersCall::post_task {
				task: pallet_orders::TaskSpec {
					description: H256::repeat_byte(1),
					uri: b"ipfs://task".to_vec().try_into().unwrap(),
					requirements: Default::default(),
					reward,
					providers: 2,
					deadline,
					review: 100,
					verification: pallet_orders::Verification::Majority,
				},
			}),
		);
		let order = find(|e| match e {
			RuntimeEvent::Orders(pallet_orders::Event::TaskPosted { order, .. }) => Some(order),
			_ => None,
		});
		let task_held =
			|| Balances::balance_on_hold(&pallet_orders::HoldReason::Task.into(), &account(TENANT));
		assert_eq!(task_held(), 2 * reward);
		submit(honest, RuntimeCall::Orders(OrdersCall::take { order, resource: 0 }));
		// One owner gets one slot: the honest provider's second machine is refused.
		let error = refused(honest, RuntimeCall::Orders(OrdersCall::take { order, resource: 1 }));
		assert_eq!(error, pallet_orders::Error::<Runtime>::AlreadyWorker.into());
		// The sybil, another account of the consumer, takes the second slot.
		submit(sybil, RuntimeCall::Orders(OrdersCall::take { order, resource: 2 }));
		check();
		let salt = H256::repeat_byte(0x5a);
		for (who, result) in [(honest, 7u8), (sybil, 9u8)] {
			let commitment = pallet_orders::Pallet::<Runtime>::commitment(
				order,
				&H256::repeat_byte(result),
				&salt,
				&account(who),
			);
			submit(who, RuntimeCall::Orders(OrdersCall::commit { order, commitment }));
		}
		check();
		let tenant = free(TENANT);
		for (who, result) in [(honest, 7u8), (sybil, 9u8)] {
			submit(
				who,
				RuntimeCall::Orders(OrdersCall::reveal {
					order,
					result: H256::repeat_byte(result),
					uri: b"ipfs://result".to_vec().try_into().unwrap(),
					salt,
				}),
			);
		}
		// A tie: no refund, the escrow is frozen for the arbiter.
		assert!(events().iter().any(|e| matches!(
			e,
			RuntimeEvent::Orders(pallet_orders::Event::NoQuorum { order: o, .. }) if *o == order
		)));
		assert_eq!(task_held(), 2 * reward);
		assert_eq!(free(TENANT), tenant);
		check();
		// The arbiter upholds the honest result: its worker is paid, the sybil's share goes
		// back to the consumer and the sybil is ruled against.
		let provider = free(honest);
		let fees = pallet_leases::Pallet::<Runtime>::fees();
		polkadot_sdk::frame_support::assert_ok!(pallet_orders::Pallet::<Runtime>::rule(
			powerverse_runtime::RuntimeOrigin::root(),
			order,
			polkadot_sdk::sp_runtime::Perbill::one(),
			Some(H256::repeat_byte(7)),
		));
		assert_eq!(free(honest) - provider, reward - fees.fee * reward);
		assert_eq!(free(TENANT) - tenant, reward);
		assert_eq!(task_held(), 0);
		assert!(Scoring::reputation_of(&account(sybil)) < 500);
		check();
	});
}
