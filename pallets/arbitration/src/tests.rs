//! Tests of the arbitration pallet's sanctions: every call, every error (nothing changes),
//! the standing other pallets read, the weights and the invariant check. Each test ends with
//! the invariant check.

use crate::{mock::*, Error, Event, Sanction, Sanctioned, WeightInfo};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo, traits::Hooks},
	sp_core::H256,
	sp_runtime::DispatchError,
};
use powerverse_primitives::{Sanctions, Standing};

type A = crate::Pallet<Test>;

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// The hash of statement `n`.
fn reason(n: u8) -> H256 {
	H256::repeat_byte(n)
}

/// The standing of `who` as the registry, leases and orders read it.
fn standing(who: u64) -> Standing {
	<A as Sanctions<u64>>::standing(&who)
}

fn sanction(standing: Standing, since: u64, reason: H256) -> Option<Sanction<u64>> {
	Some(Sanction { standing, since, reason })
}

// ---------------------------------------------------------------------------------------
// Freeze and unfreeze

#[test]
fn freeze_records_the_sanction_and_delists_nothing() {
	ExtBuilder.build_and_execute(|| {
		list(ALICE, 3);
		assert_eq!(standing(ALICE), Standing::Good);
		assert_ok!(A::freeze(root(), ALICE, reason(1)));
		assert_eq!(Sanctioned::<Test>::get(ALICE), sanction(Standing::Frozen, 1, reason(1)));
		assert_eq!(standing(ALICE), Standing::Frozen);
		System::assert_last_event(Event::Frozen { who: ALICE, reason: reason(1) }.into());
		// A freeze leaves the machines listed: leases and orders refuse to rent them.
		assert_eq!(listed(ALICE), 3);
		assert!(Delistings::get().is_empty());
		// Others are not affected.
		assert_eq!(standing(BOB), Standing::Good);
	});
}

#[test]
fn freeze_refuses_and_changes_nothing() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(A::freeze(signed(ALICE), BOB, reason(1)), DispatchError::BadOrigin);
		assert_noop!(A::freeze(RuntimeOrigin::none(), BOB, reason(1)), DispatchError::BadOrigin);
		assert_ok!(A::freeze(root(), ALICE, reason(1)));
		System::set_block_number(5);
		assert_noop!(A::freeze(root(), ALICE, reason(2)), Error::<Test>::AlreadyFrozen);
		assert_ok!(A::blacklist(root(), BOB, reason(3)));
		assert_noop!(A::freeze(root(), BOB, reason(4)), Error::<Test>::AlreadyBlacklisted);
		assert_eq!(Sanctioned::<Test>::get(ALICE), sanction(Standing::Frozen, 1, reason(1)));
		assert_eq!(Sanctioned::<Test>::get(BOB), sanction(Standing::Blacklisted, 5, reason(3)));
	});
}

#[test]
fn unfreeze_restores_good_standing() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(A::freeze(root(), ALICE, reason(1)));
		assert_ok!(A::unfreeze(root(), ALICE));
		assert_eq!(Sanctioned::<Test>::get(ALICE), None);
		assert_eq!(standing(ALICE), Standing::Good);
		System::assert_last_event(Event::Unfrozen { who: ALICE }.into());
	});
}

#[test]
fn unfreeze_refuses_and_changes_nothing() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(A::unfreeze(root(), ALICE), Error::<Test>::NotFrozen);
		assert_ok!(A::freeze(root(), ALICE, reason(1)));
		assert_noop!(A::unfreeze(signed(ALICE), ALICE), DispatchError::BadOrigin);
		// A blacklisting is lifted only by `lift`.
		assert_ok!(A::blacklist(root(), BOB, reason(2)));
		assert_noop!(A::unfreeze(root(), BOB), Error::<Test>::NotFrozen);
		assert_eq!(standing(ALICE), Standing::Frozen);
		assert_eq!(standing(BOB), Standing::Blacklisted);
	});
}

// ---------------------------------------------------------------------------------------
// Blacklist

#[test]
fn blacklist_delists_the_owners_machines() {
	ExtBuilder.build_and_execute(|| {
		list(ALICE, 3);
		list(BOB, 2);
		assert_ok!(A::blacklist(root(), ALICE, reason(1)));
		assert_eq!(Sanctioned::<Test>::get(ALICE), sanction(Standing::Blacklisted, 1, reason(1)));
		assert_eq!(standing(ALICE), Standing::Blacklisted);
		System::assert_last_event(
			Event::Blacklisted { who: ALICE, reason: reason(1), delisted: 3 }.into(),
		);
		assert_eq!(Delistings::get(), vec![ALICE]);
		assert_eq!((listed(ALICE), listed(BOB)), (0, 2));
	});
}

#[test]
fn a_frozen_account_can_be_blacklisted() {
	ExtBuilder.build_and_execute(|| {
		list(ALICE, 1);
		assert_ok!(A::freeze(root(), ALICE, reason(1)));
		System::set_block_number(7);
		assert_ok!(A::blacklist(root(), ALICE, reason(2)));
		// The blacklisting replaces the freeze, from now, for its own reasons.
		assert_eq!(Sanctioned::<Test>::get(ALICE), sanction(Standing::Blacklisted, 7, reason(2)));
		System::assert_last_event(
			Event::Blacklisted { who: ALICE, reason: reason(2), delisted: 1 }.into(),
		);
	});
}

#[test]
fn an_account_without_machines_is_blacklisted_with_none_delisted() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(A::blacklist(root(), BOB, reason(1)));
		System::assert_last_event(
			Event::Blacklisted { who: BOB, reason: reason(1), delisted: 0 }.into(),
		);
	});
}

#[test]
fn blacklist_refuses_and_changes_nothing() {
	ExtBuilder.build_and_execute(|| {
		list(ALICE, 2);
		assert_noop!(A::blacklist(signed(BOB), ALICE, reason(1)), DispatchError::BadOrigin);
		assert_eq!(listed(ALICE), 2);
		assert_ok!(A::blacklist(root(), ALICE, reason(1)));
		list(ALICE, 1);
		System::set_block_number(3);
		assert_noop!(A::blacklist(root(), ALICE, reason(2)), Error::<Test>::AlreadyBlacklisted);
		assert_eq!(Sanctioned::<Test>::get(ALICE), sanction(Standing::Blacklisted, 1, reason(1)));
		// Refused before the registry was asked.
		assert_eq!(Delistings::get(), vec![ALICE]);
		assert_eq!(listed(ALICE), 1);
	});
}

// ---------------------------------------------------------------------------------------
// Lift

#[test]
fn lift_ends_a_freeze_or_a_blacklisting() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(A::freeze(root(), ALICE, reason(1)));
		assert_ok!(A::blacklist(root(), BOB, reason(2)));
		for who in [ALICE, BOB] {
			assert_ok!(A::lift(root(), who));
			assert_eq!(Sanctioned::<Test>::get(who), None);
			assert_eq!(standing(who), Standing::Good);
			System::assert_last_event(Event::Lifted { who }.into());
		}
		// In good standing again, each may be sanctioned anew.
		assert_ok!(A::freeze(root(), BOB, reason(3)));
	});
}

#[test]
fn lift_refuses_and_changes_nothing() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(A::lift(root(), ALICE), Error::<Test>::NotSanctioned);
		assert_ok!(A::blacklist(root(), ALICE, reason(1)));
		assert_noop!(A::lift(signed(ALICE), ALICE), DispatchError::BadOrigin);
		assert_eq!(standing(ALICE), Standing::Blacklisted);
	});
}

// ---------------------------------------------------------------------------------------
// Weights, configuration and invariants

#[test]
fn a_blacklisting_is_charged_for_the_most_machines_it_may_delist() {
	ExtBuilder.build_and_execute(|| {
		let call = crate::Call::<Test>::blacklist { who: ALICE, reason: reason(1) };
		assert_eq!(
			call.get_dispatch_info().call_weight,
			<() as WeightInfo>::blacklist(MAX_DELISTED)
		);
		assert!(
			<() as WeightInfo>::blacklist(MAX_DELISTED).all_gt(<() as WeightInfo>::blacklist(0))
		);
	});
}

#[test]
fn configuration_is_sane() {
	ExtBuilder.build_and_execute(|| {
		<Arbitration as Hooks<u64>>::integrity_test();
	});
}

#[test]
fn try_state_catches_a_good_standing_record_and_a_future_start() {
	ExtBuilder.build_and_execute(|| {
		Sanctioned::<Test>::insert(
			ALICE,
			Sanction { standing: Standing::Good, since: 1, reason: reason(1) },
		);
		assert!(A::do_try_state().is_err());
		Sanctioned::<Test>::insert(
			ALICE,
			Sanction { standing: Standing::Frozen, since: 2, reason: reason(1) },
		);
		assert!(A::do_try_state().is_err());
		Sanctioned::<Test>::insert(
			ALICE,
			Sanction { standing: Standing::Frozen, since: 1, reason: reason(1) },
		);
		assert_ok!(A::do_try_state());
	});
}
