//! Tests of verification: the draw, commit and reveal, counting, the fee, the committee,
//! and each attack on them a provider or a verifier who has read the code would try. Each
//! test ends with the pallet's invariant check.

use crate::{
	mock::*, Committee, Deadlines, Error, Event, MachineKeys, Resources, Verifications, Verifiers,
};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, traits::fungible::Inspect},
	sp_core::H256,
	sp_runtime::DispatchError,
};
use powerverse_primitives::{Resources as _, Status};

type Reg = crate::Pallet<Test>;

/// Block of the draw of a resource registered at block 1, and its windows.
const DRAW: u64 = 1 + DRAW_DELAY;
const COMMIT_END: u64 = DRAW + 5;
const REVEAL_END: u64 = COMMIT_END + 5;

fn issuance() -> u64 {
	<Balances as Inspect<u64>>::total_issuance()
}

fn total(who: u64) -> u64 {
	<Balances as Inspect<u64>>::total_balance(&who)
}

/// A verifier's balance after being paid `paid` and slashed `slashed`.
fn verifier_total(paid: u64, slashed: u64) -> u64 {
	ENDOWMENT + paid - slashed
}

// ---------------------------------------------------------------------------------------
// The honest path

#[test]
fn registration_holds_the_fee_and_books_a_later_draw() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		let free = Balances::free_balance(ALICE);
		let id = register(ALICE);
		assert_eq!(Reg::fee_held(&ALICE), FEE);
		// Item deposit (1) and the fee (held) left the free balance.
		assert_eq!(Balances::free_balance(ALICE), free - 1 - FEE);
		let v = Verifications::<Test>::get(id).unwrap();
		assert_eq!((v.round, v.requested_at, v.fee, v.due, v.drawn()), (1, 1, FEE, DRAW, false));
		assert_eq!(Deadlines::<Test>::get(DRAW).to_vec(), vec![id]);
		System::assert_last_event(
			Event::VerificationRequested { resource: id, round: 1, fee: FEE, draw_at: DRAW }.into(),
		);
		// Nobody is on a panel yet: nothing to commit to.
		assert_noop!(
			Reg::commit(signed(VERIFIERS[0]), id, H256::repeat_byte(1)),
			Error::<Test>::NotOnPanel
		);
		let members = draw(id);
		assert_eq!(members.len(), 3);
		assert!(members.iter().all(|m| VERIFIERS.contains(m)));
		let v = Verifications::<Test>::get(id).unwrap();
		assert_eq!((v.commit_end, v.reveal_end, v.due), (COMMIT_END, REVEAL_END, REVEAL_END + 1));
		assert_ne!(v.challenge, H256::zero());
		System::assert_last_event(
			Event::PanelDrawn {
				resource: id,
				round: 1,
				panel: members.clone(),
				challenge: v.challenge,
				commit_end: COMMIT_END,
				reveal_end: REVEAL_END,
			}
			.into(),
		);
		for m in members {
			assert_eq!(Verifiers::<Test>::get(m).unwrap().seats, 1);
		}
	});
}

#[test]
fn a_unanimous_panel_verifies_with_the_median_and_shares_the_fee() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		let id = register(ALICE);
		let before = issuance();
		let alice = total(ALICE);
		let p = draw(id);
		vote(id, &[(p[0], genuine(1000)), (p[1], genuine(1050)), (p[2], genuine(980))]);
		let r = Resources::<Test>::get(id).unwrap();
		assert_eq!((r.status, r.verified, r.benchmark), (Status::Idle, true, Some(1000)));
		assert_eq!(r.score, 360 + 1000);
		assert!(Verifications::<Test>::get(id).is_none());
		System::assert_has_event(Event::Verified { resource: id, benchmark: 1000 }.into());
		// 90 shared by three: 30 each, nothing back to the owner.
		for m in &p {
			assert_eq!(total(*m), verifier_total(FEE / 3, 0));
			assert_eq!(Reg::verifier_held(m), STAKE);
			assert_eq!(Verifiers::<Test>::get(m).unwrap().seats, 0);
			System::assert_has_event(
				Event::VerifierPaid { who: *m, resource: id, amount: FEE / 3 }.into(),
			);
		}
		assert_eq!(total(ALICE), alice - FEE);
		assert_eq!(Reg::fee_held(&ALICE), 0);
		assert_eq!(issuance(), before);
		assert_eq!(Committee::<Test>::get().len(), 5);
	});
}

#[test]
fn silent_and_dissenting_verifiers_are_slashed_and_the_majority_is_paid() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		let id = register(ALICE);
		let before = issuance();
		let p = draw(id);
		// p[0] and p[1] agree; p[2] says the machine is fake.
		vote(id, &[(p[0], genuine(1000)), (p[1], genuine(1020)), (p[2], FAKE)]);
		assert_eq!(status(id), Status::Idle);
		assert_eq!(Resources::<Test>::get(id).unwrap().benchmark, Some(1000));
		// 45 each to the two who agreed; p[2] loses 10% (50) and leaves with the rest.
		assert_eq!(total(p[0]), verifier_total(45, 0));
		assert_eq!(total(p[1]), verifier_total(45, 0));
		assert_eq!(total(p[2]), verifier_total(0, STAKE / 10));
		assert_eq!(Reg::verifier_held(&p[2]), 0);
		assert!(Verifiers::<Test>::get(p[2]).is_none());
		assert!(!Committee::<Test>::get().contains(&p[2]));
		System::assert_has_event(
			Event::VerifierSlashed { who: p[2], resource: id, amount: STAKE / 10 }.into(),
		);
		// The slash is burned here (the mock's `Slashed` drops it).
		assert_eq!(issuance(), before - STAKE / 10);
	});
}

#[test]
fn a_majority_of_fake_verdicts_rejects_and_a_new_declaration_pays_a_new_fee() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		let id = register(ALICE);
		let p = draw(id);
		vote(id, &[(p[0], FAKE), (p[1], FAKE), (p[2], genuine(900))]);
		let r = Resources::<Test>::get(id).unwrap();
		assert_eq!((r.status, r.verified, r.score), (Status::Rejected, false, 0));
		assert!(Verifiers::<Test>::get(p[2]).is_none());
		assert_eq!(total(p[0]), verifier_total(45, 0));
		System::assert_has_event(Event::Rejected { resource: id }.into());
		assert_noop!(Reg::list(signed(ALICE), id), Error::<Test>::BadStatus);
		// The provider fixes the declaration and asks again: a new fee.
		assert_ok!(Reg::update_resource(signed(ALICE), id, declaration_of(id)));
		assert_eq!(status(id), Status::Pending);
		assert_eq!(Reg::fee_held(&ALICE), FEE);
		assert!(!Verifications::<Test>::get(id).unwrap().drawn());
	});
}

#[test]
fn no_majority_draws_another_panel_then_waits_for_governance_and_refunds() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		let id = register(ALICE);
		let alice = total(ALICE);
		let p = draw(id);
		// One genuine, one fake, one silent: no majority.
		vote(id, &[(p[0], genuine(1000)), (p[1], FAKE)]);
		System::assert_has_event(Event::Inconclusive { resource: id, round: 1 }.into());
		assert_eq!(status(id), Status::Pending);
		// Only the silent one is slashed; nobody is paid; the fee waits for round 2.
		assert!(Verifiers::<Test>::get(p[2]).is_none());
		assert_eq!(total(p[0]), verifier_total(0, 0));
		assert_eq!(total(p[1]), verifier_total(0, 0));
		assert_eq!(Reg::fee_held(&ALICE), FEE);
		let v = Verifications::<Test>::get(id).unwrap();
		assert_eq!((v.round, v.fee, v.drawn()), (2, FEE, false));
		// Round 2: everyone silent. MaxRounds is 2: the resource waits for governance and the
		// fee goes back.
		draw(id);
		let v = Verifications::<Test>::get(id).unwrap();
		run_to(v.reveal_end + 1);
		assert!(Verifications::<Test>::get(id).is_none());
		assert_eq!(status(id), Status::Pending);
		assert_eq!(Committee::<Test>::get().len(), 1);
		assert_eq!(Reg::fee_held(&ALICE), 0);
		assert_eq!(total(ALICE), alice);
		System::assert_has_event(
			Event::FeeRefunded { resource: id, who: ALICE, amount: FEE }.into(),
		);
		assert_ok!(Reg::force_verify(RuntimeOrigin::root(), id, 700));
		assert_eq!(Resources::<Test>::get(id).unwrap().benchmark, Some(700));
	});
}

#[test]
fn commit_and_reveal_refuse_wrong_callers_phases_and_values() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		let id = register(ALICE);
		let p = draw(id);
		let outsider = VERIFIERS.iter().copied().find(|v| !p.contains(v)).unwrap();
		let h = commit_hash(id, p[0], &genuine(1000));
		assert_noop!(Reg::commit(signed(p[0]), 7, h), Error::<Test>::NoVerification);
		assert_noop!(Reg::commit(signed(outsider), id, h), Error::<Test>::NotOnPanel);
		assert_noop!(reveal(id, p[0], genuine(1000)), Error::<Test>::WrongPhase);
		assert_ok!(Reg::commit(signed(p[0]), id, h));
		System::assert_last_event(Event::Committed { resource: id, who: p[0] }.into());
		assert_noop!(Reg::commit(signed(p[0]), id, h), Error::<Test>::AlreadyDone);
		assert_ok!(Reg::commit(signed(p[1]), id, commit_hash(id, p[1], &FAKE)));
		run_to(COMMIT_END + 1);
		assert_noop!(
			Reg::commit(signed(p[2]), id, commit_hash(id, p[2], &FAKE)),
			Error::<Test>::WrongPhase
		);
		assert_noop!(reveal(id, p[0], genuine(1001)), Error::<Test>::CommitMismatch);
		assert_noop!(reveal(id, p[2], genuine(1000)), Error::<Test>::CommitMismatch);
		// A genuine verdict without the machine's signature, or signed by another machine,
		// or signed for another verifier, is refused.
		let verdict = genuine(1000);
		assert_noop!(
			Reg::reveal(signed(p[0]), id, verdict, salt(p[0]), None),
			Error::<Test>::BadMachineSignature
		);
		assert_noop!(
			Reg::reveal(signed(p[0]), id, verdict, salt(p[0]), Some(proof_by(77, id, p[0]))),
			Error::<Test>::BadMachineSignature
		);
		assert_noop!(
			Reg::reveal(signed(p[0]), id, verdict, salt(p[0]), Some(proof_by(id, id, p[1]))),
			Error::<Test>::BadMachineSignature
		);
		assert_ok!(reveal(id, p[0], verdict));
		System::assert_last_event(Event::Revealed { resource: id, who: p[0], verdict }.into());
		assert_noop!(reveal(id, p[0], verdict), Error::<Test>::AlreadyDone);
		// A fake verdict needs no signature: the machine may not even exist.
		assert_ok!(Reg::reveal(signed(p[1]), id, FAKE, salt(p[1]), None));
		System::set_block_number(REVEAL_END + 1);
		assert_noop!(reveal(id, p[2], FAKE), Error::<Test>::WrongPhase);
	});
}

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

#[test]
fn request_verification_draws_once_verifiers_joined_and_too_few_refund_the_fee() {
	ExtBuilder::default().build_and_execute(|| {
		provider(ALICE);
		let id = register(ALICE);
		let alice = total(ALICE);
		run_to(DRAW);
		// Too few verifiers at the draw: no panel, the fee goes back.
		assert!(Verifications::<Test>::get(id).is_none());
		System::assert_has_event(Event::AwaitingVerifiers { resource: id }.into());
		assert_eq!((Reg::fee_held(&ALICE), total(ALICE)), (0, alice));
		System::assert_has_event(
			Event::FeeRefunded { resource: id, who: ALICE, amount: FEE }.into(),
		);
		assert_noop!(Reg::request_verification(signed(BOB), id), Error::<Test>::NotOwner);
		for v in &VERIFIERS[..3] {
			assert_ok!(Reg::apply_verifier(signed(*v)));
			assert_ok!(Reg::admit_verifier(RuntimeOrigin::root(), *v));
		}
		assert_ok!(Reg::request_verification(signed(ALICE), id));
		assert_eq!(Reg::fee_held(&ALICE), FEE);
		assert_noop!(
			Reg::request_verification(signed(ALICE), id),
			Error::<Test>::VerificationUnderWay
		);
		assert_eq!(draw(id).len(), 3);
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
			assert!(!draw(id).contains(&v));
		}
	});
}

#[test]
fn draws_and_counts_spill_into_later_blocks() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		provider(BOB);
		provider(CAROL);
		// Two verifications fit a block (MaxDeadlinesPerBlock = 2): the third moves on.
		let ids: Vec<_> = [ALICE, BOB, CAROL].iter().map(|w| register(*w)).collect();
		let dues: Vec<u64> =
			ids.iter().map(|id| Verifications::<Test>::get(id).unwrap().due).collect();
		assert_eq!(dues, vec![DRAW, DRAW, DRAW + 1]);
		run_to(DRAW + 1);
		let ends: Vec<u64> =
			ids.iter().map(|id| Verifications::<Test>::get(id).unwrap().reveal_end).collect();
		assert_eq!(ends, vec![REVEAL_END, REVEAL_END, REVEAL_END + 1]);
	});
}

#[test]
fn governance_verifies_or_rejects_directly_ending_the_panel() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		let id = register(ALICE);
		let alice = total(ALICE);
		let p = draw(id);
		assert_noop!(Reg::force_verify(signed(ALICE), id, 5), DispatchError::BadOrigin);
		assert_noop!(Reg::force_reject(signed(ALICE), id), DispatchError::BadOrigin);
		assert_noop!(
			Reg::force_verify(RuntimeOrigin::root(), 9, 5),
			Error::<Test>::UnknownResource
		);
		assert_ok!(Reg::force_reject(RuntimeOrigin::root(), id));
		assert_eq!(status(id), Status::Rejected);
		// The panel ends: its count is unbooked, its seats freed, the fee refunded.
		assert!(Verifications::<Test>::get(id).is_none());
		assert!(Deadlines::<Test>::get(REVEAL_END + 1).is_empty());
		assert!(p.iter().all(|m| Verifiers::<Test>::get(m).unwrap().seats == 0));
		assert_eq!((total(ALICE), Reg::fee_held(&ALICE)), (alice, 0));
		assert_noop!(Reg::force_reject(RuntimeOrigin::root(), id), Error::<Test>::BadStatus);
		assert_ok!(Reg::force_verify(RuntimeOrigin::root(), id, 5));
		System::assert_has_event(Event::Verified { resource: id, benchmark: 5 }.into());
		assert_eq!(status(id), Status::Idle);
		assert_noop!(Reg::force_verify(RuntimeOrigin::root(), id, 5), Error::<Test>::BadStatus);
		run_to(REVEAL_END + 2);
		assert_eq!(status(id), Status::Idle);
		assert_eq!(Committee::<Test>::get().len(), 5);
	});
}

// ---------------------------------------------------------------------------------------
// Attacks

/// Defect 1: a declaration edited while a verification was booked left the old deadline
/// behind, which then counted the new panel during its commit window and slashed everyone.
#[test]
fn an_edited_declaration_leaves_no_stale_deadline_to_slash_the_new_panel() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		let id = register(ALICE);
		run_to(2);
		// Edited before the draw: the booked draw moves, the fee carries over.
		assert_ok!(Reg::update_resource(signed(ALICE), id, declaration_of(id)));
		assert!(Deadlines::<Test>::get(DRAW).is_empty());
		let v = Verifications::<Test>::get(id).unwrap();
		assert_eq!((v.due, v.fee), (2 + DRAW_DELAY, FEE));
		assert_eq!(Reg::fee_held(&ALICE), FEE);
		let p = draw(id);
		// Edited while the panel is at work: refused, nothing changes.
		assert_noop!(
			Reg::update_resource(signed(ALICE), id, declaration_of(id)),
			Error::<Test>::VerificationUnderWay
		);
		vote(id, &[(p[0], genuine(1000)), (p[1], genuine(1000)), (p[2], genuine(1000))]);
		assert_eq!(status(id), Status::Idle);
		for m in p {
			assert_eq!(Reg::verifier_held(&m), STAKE);
			assert_eq!(total(m), verifier_total(FEE / 3, 0));
		}
		assert_eq!(Committee::<Test>::get().len(), 5);
	});
}

/// Defect 2: a verifier revealed, read the other reveals and left before the count, so its
/// slash found nothing held.
#[test]
fn leaving_before_the_count_does_not_escape_the_slash() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		let id = register(ALICE);
		let p = draw(id);
		let v = Verifications::<Test>::get(id).unwrap();
		let votes = [(p[0], genuine(1000)), (p[1], genuine(1000)), (p[2], FAKE)];
		for (who, verdict) in &votes {
			assert_ok!(Reg::commit(signed(*who), id, commit_hash(id, *who, verdict)));
		}
		run_to(v.commit_end + 1);
		for (who, verdict) in &votes {
			assert_ok!(reveal(id, *who, *verdict));
		}
		// p[2] sees it is outvoted and leaves; governance removes nobody else.
		assert_ok!(Reg::leave_verifiers(signed(p[2])));
		System::assert_last_event(Event::VerifierLeaving { who: p[2], seats: 1 }.into());
		assert!(!Committee::<Test>::get().contains(&p[2]));
		assert_eq!(Reg::verifier_held(&p[2]), STAKE);
		assert_noop!(Reg::leave_verifiers(signed(p[2])), Error::<Test>::NotVerifier);
		assert_noop!(Reg::apply_verifier(signed(p[2])), Error::<Test>::AlreadyVerifier);
		assert_noop!(Reg::admit_verifier(RuntimeOrigin::root(), p[2]), Error::<Test>::NotVerifier);
		run_to(v.reveal_end + 1);
		// Slashed 50 at the count, then the remaining 450 released.
		assert_eq!(total(p[2]), verifier_total(0, STAKE / 10));
		assert_eq!(Reg::verifier_held(&p[2]), 0);
		assert!(Verifiers::<Test>::get(p[2]).is_none());
		System::assert_has_event(
			Event::VerifierRemoved { who: p[2], released: STAKE - STAKE / 10 }.into(),
		);
	});
}

/// Defect 2, governance side: a verifier removed while seated keeps its stake at stake
/// until its panels are counted, and a silent one is still slashed.
#[test]
fn a_removed_verifier_is_still_slashed_for_silence() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		let id = register(ALICE);
		let p = draw(id);
		assert_ok!(Reg::remove_verifier(RuntimeOrigin::root(), p[0]));
		assert_eq!(Reg::verifier_held(&p[0]), STAKE);
		vote(id, &[(p[1], genuine(1000)), (p[2], genuine(1000))]);
		assert_eq!(status(id), Status::Idle);
		assert_eq!(total(p[0]), verifier_total(0, STAKE / 10));
		assert!(Verifiers::<Test>::get(p[0]).is_none());
		assert_eq!(total(p[1]), verifier_total(45, 0));
	});
}

/// Defect 3: commitments did not name their author, so one member could commit another's
/// hash and replay its reveal.
#[test]
fn a_copied_commitment_is_refused_and_cannot_be_replayed() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		let id = register(ALICE);
		let p = draw(id);
		let honest = commit_hash(id, p[0], &genuine(1000));
		// p[1] front-runs p[0] with p[0]'s own hash.
		assert_ok!(Reg::commit(signed(p[1]), id, honest));
		assert_noop!(Reg::commit(signed(p[0]), id, honest), Error::<Test>::DuplicateCommitment);
		// p[0] commits with another salt instead.
		let salt0 = [0xab; 32];
		let round = Verifications::<Test>::get(id).unwrap().round;
		let h0 = crate::verification::commitment(id, round, &p[0], &genuine(1000), &salt0);
		assert_ok!(Reg::commit(signed(p[0]), id, h0));
		assert_ok!(Reg::commit(signed(p[2]), id, commit_hash(id, p[2], &genuine(1000))));
		run_to(COMMIT_END + 1);
		assert_ok!(Reg::reveal(
			signed(p[0]),
			id,
			genuine(1000),
			salt0,
			proof(id, p[0], &genuine(1000))
		));
		// The copier cannot open the copied hash: it is bound to p[0]'s account.
		assert_noop!(
			Reg::reveal(
				signed(p[1]),
				id,
				genuine(1000),
				salt(p[0]),
				proof(id, p[1], &genuine(1000))
			),
			Error::<Test>::CommitMismatch
		);
		assert_ok!(reveal(id, p[2], genuine(1000)));
		run_to(REVEAL_END + 1);
		// The copier is silent, hence slashed; the two who worked share the fee.
		assert_eq!(status(id), Status::Idle);
		assert_eq!(total(p[1]), verifier_total(0, STAKE / 10));
		assert_eq!(total(p[0]), verifier_total(45, 0));
		assert_eq!(total(p[2]), verifier_total(45, 0));
	});
}

/// Defect 4: panels came from randomness known for the whole epoch, so a provider could
/// pick ids or re-register until its own accounts were drawn.
#[test]
fn a_panel_waits_for_randomness_newer_than_the_request() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		// The randomness source says it has been known since block 1.
		KnownSince::set(Some(1));
		let id = register(ALICE);
		run_to(DRAW);
		// Known when the panel was asked for: no draw, booked again.
		let v = Verifications::<Test>::get(id).unwrap();
		assert_eq!((v.drawn(), v.due), (false, DRAW + DRAW_DELAY));
		run_to(DRAW + DRAW_DELAY);
		assert!(!Verifications::<Test>::get(id).unwrap().drawn());
		// Fresh randomness appears at block 6: the next booked draw uses it.
		KnownSince::set(Some(6));
		run_to(DRAW + 2 * DRAW_DELAY);
		assert_eq!(panel(id).len(), 3);
		KnownSince::set(None);
	});
}

/// Defect 4, re-rolls: once a panel is known it cannot be escaped by editing, moving or
/// re-registering the machine, and every new panel costs a new fee.
#[test]
fn a_drawn_panel_cannot_be_rerolled_and_each_new_one_costs_a_fee() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		provider(BOB);
		let id = register(ALICE);
		draw(id);
		assert_noop!(
			Reg::update_resource(signed(ALICE), id, declaration_of(id)),
			Error::<Test>::VerificationUnderWay
		);
		assert_noop!(Reg::deregister(signed(ALICE), id), Error::<Test>::VerificationUnderWay);
		assert_noop!(Reg::transfer(signed(ALICE), id, BOB), Error::<Test>::VerificationUnderWay);
		// Deregistered before its draw, a resource gets its fee back: nothing was seen.
		let id2 = register(ALICE);
		let free = Balances::free_balance(ALICE);
		assert_eq!(Reg::fee_held(&ALICE), 2 * FEE);
		assert_ok!(Reg::deregister(signed(ALICE), id2));
		// Its fee (90) and item deposit (1) come back; its draw is unbooked.
		assert_eq!(Balances::free_balance(ALICE), free + FEE + 1);
		assert_eq!(Reg::fee_held(&ALICE), FEE);
		assert!(Deadlines::<Test>::iter().all(|(_, q)| !q.contains(&id2)));
	});
}

/// Defect 5: the machine key was never checked, so one real server could be listed twenty
/// times.
#[test]
fn one_machine_key_backs_one_resource() {
	ExtBuilder::default().build_and_execute(|| {
		provider(ALICE);
		provider(BOB);
		let id = register(ALICE);
		assert_eq!(MachineKeys::<Test>::get(declaration_of(id).machine_key), Some(id));
		// The same box again, by its owner or by someone else: refused.
		assert_noop!(
			Reg::register_resource(signed(ALICE), declaration_of(id)),
			Error::<Test>::MachineKeyInUse
		);
		assert_noop!(
			Reg::register_resource(signed(BOB), declaration_of(id)),
			Error::<Test>::MachineKeyInUse
		);
		let other = register(BOB);
		assert_noop!(
			Reg::update_resource(signed(BOB), other, declaration_of(id)),
			Error::<Test>::MachineKeyInUse
		);
		// A new key moves the index; the old key is free again.
		assert_ok!(Reg::update_resource(signed(ALICE), id, declaration_of(50)));
		assert_eq!(MachineKeys::<Test>::get(declaration_of(id).machine_key), None);
		assert_ok!(Reg::update_resource(signed(BOB), other, declaration_of(id)));
		assert_ok!(Reg::deregister(signed(BOB), other));
		assert_eq!(MachineKeys::<Test>::get(declaration_of(id).machine_key), None);
	});
}

/// Defect 5: a verdict of "genuine" must come from someone who reached the machine holding
/// the key: a verifier who never measured it cannot pass it.
#[test]
fn a_lazy_verifier_without_the_machine_signature_cannot_pass_it() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		let id = register(ALICE);
		let p = draw(id);
		for who in &p {
			assert_ok!(Reg::commit(signed(*who), id, commit_hash(id, *who, &genuine(1000))));
		}
		run_to(COMMIT_END + 1);
		for who in &p {
			assert_noop!(
				Reg::reveal(signed(*who), id, genuine(1000), salt(*who), Some([0; 64])),
				Error::<Test>::BadMachineSignature
			);
		}
		run_to(REVEAL_END + 1);
		// Nobody could reveal: all silent, all slashed, no verdict.
		assert_eq!(status(id), Status::Pending);
		assert!(p.iter().all(|m| total(*m) == verifier_total(0, STAKE / 10)));
	});
}

/// Defect 6: with two genuine reveals the median was the higher figure and the honest lower
/// one was slashed. Two genuine figures apart are inconclusive, not a verdict.
#[test]
fn two_genuine_figures_apart_are_inconclusive_and_nobody_who_revealed_is_slashed() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		let id = register(ALICE);
		let p = draw(id);
		vote(id, &[(p[0], genuine(2000)), (p[1], genuine(3000))]);
		System::assert_has_event(Event::Inconclusive { resource: id, round: 1 }.into());
		assert_eq!(status(id), Status::Pending);
		assert_eq!(Reg::verifier_held(&p[0]), STAKE);
		assert_eq!(Reg::verifier_held(&p[1]), STAKE);
		assert_eq!(total(p[0]), verifier_total(0, 0));
		// Only the silent member is slashed; the fee waits for round 2.
		assert_eq!(total(p[2]), verifier_total(0, STAKE / 10));
		assert_eq!(Verifications::<Test>::get(id).unwrap().round, 2);
		assert_eq!(Reg::fee_held(&ALICE), FEE);
	});
}

/// Defect 6: with two close figures the verdict is the lower one and both are paid.
#[test]
fn two_close_genuine_figures_verify_with_the_lower_median() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		let id = register(ALICE);
		let p = draw(id);
		vote(id, &[(p[0], genuine(2000)), (p[1], genuine(2150))]);
		assert_eq!(Resources::<Test>::get(id).unwrap().benchmark, Some(2000));
		assert_eq!(total(p[0]), verifier_total(45, 0));
		assert_eq!(total(p[1]), verifier_total(45, 0));
		assert_eq!(total(p[2]), verifier_total(0, STAKE / 10));
	});
}

/// Defect 7: the fee's remainder after an even split goes back to the owner, to the planck.
#[test]
fn the_fee_remainder_goes_back_to_the_owner() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		let mut p = params();
		p.verification_fee = 100;
		assert_ok!(Reg::set_params(RuntimeOrigin::root(), p));
		provider(ALICE);
		let id = register(ALICE);
		let alice = total(ALICE);
		let m = draw(id);
		vote(id, &[(m[0], genuine(500)), (m[1], genuine(500)), (m[2], genuine(500))]);
		// 100 / 3 = 33 each; 1 back to the owner.
		for v in m {
			assert_eq!(total(v), verifier_total(33, 0));
		}
		assert_eq!(total(ALICE), alice - 99);
		System::assert_has_event(Event::FeeRefunded { resource: id, who: ALICE, amount: 1 }.into());
	});
}

#[test]
fn resources_facts_of_a_pending_machine_show_score_zero() {
	ExtBuilder::default().with_committee().build_and_execute(|| {
		provider(ALICE);
		let id = register(ALICE);
		assert_eq!(Reg::facts(id).unwrap().score, 0);
	});
}
