//! Verification by a committee of staked verifiers, built to hold against a provider who
//! wants its machine passed and against verifiers who want to be paid without working.
//!
//! 1. **Asking.** Registering a resource, changing its declaration or calling
//!    `request_verification` holds the governance-set verification fee on the owner and books
//!    the panel's draw `draw_delay` blocks later. Nothing about the panel is known yet.
//! 2. **Drawing.** At the booked block the panel is drawn from the committee (never the owner)
//!    with [`Config::Randomness`], but only with randomness that became known *after* the
//!    request: when the source is older, the draw waits. So no one can pick resource ids or
//!    re-register until friendly accounts are drawn; every new draw costs a new fee. The draw
//!    also fixes a random `challenge`. While a panel is at work the declaration cannot change,
//!    the resource cannot be transferred or deregistered: a panel cannot be re-rolled once seen.
//! 3. **Committing.** Each member commits [`commitment`] of its verdict, which binds the
//!    member's own account: a member cannot copy another's commitment and replay its reveal,
//!    and a commitment already on the panel is refused.
//! 4. **Revealing.** After the commit window each member reveals. A *genuine* verdict must
//!    carry the machine's signature of [`challenge_message`] (the challenge and the member's
//!    account) under the declared `machine_key`: the verifier proves it measured the machine
//!    that holds the key, and a machine key belongs to one resource only, so one box cannot be
//!    listed many times.
//! 5. **Counting**, at the start of the block after the reveal window. The verdict needs a
//!    strict majority of the whole panel: either that many *fake* verdicts (rejected), or that
//!    many genuine figures within `tolerance` of the median of the genuine figures (the lower
//!    median when their count is even), in which case the resource is verified with that
//!    median. Two genuine figures that disagree beyond the tolerance are inconclusive, never a
//!    verdict against the lower one. Members who voted with the majority share the fee
//!    equally (the remainder of the division goes back to the owner); members who were silent
//!    or voted against a majority lose the `slash` share of their stake to
//!    [`Config::Slashed`] and leave the committee. Without a majority only the silent are at
//!    fault, the fee stays held and the next round is drawn, up to [`Config::MaxRounds`];
//!    after that governance decides and the fee is refunded.
//!
//! A verifier's stake stays held while it sits on any panel not yet counted: leaving (or
//! being removed) takes it out of future draws at once, but the stake is released only when
//! its last seat has been counted, so a member who sees the reveals cannot leave to dodge its
//! slash.

use crate::{
	pallet::*, MachineSignature, Seat, Verdict, Verification, Verifier, WeightInfo, MAX_PANEL,
};
use alloc::vec::Vec;
use codec::Encode;
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{
			fungible::{BalancedHold, InspectHold, MutateHold},
			tokens::{
				imbalance::{Imbalance, OnUnbalanced},
				Fortitude, Precision, Restriction,
			},
			Get, Randomness,
		},
		weights::Weight,
		BoundedVec,
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_core::{ed25519, sr25519, H256},
	sp_io,
	sp_runtime::{
		traits::{BlakeTwo256, CheckedDiv, Hash, Saturating, Zero},
		DispatchError, DispatchResult,
	},
};
use powerverse_primitives::{unqueue, ResourceId, Status};

/// Blocks in which a draw or a count may be booked, from the first one wanted.
pub(crate) const BOOKING_BLOCKS: u32 = 8;

/// The commitment verifier `who` makes to `verdict` for a resource in a round:
/// `blake2_256(SCALE((resource: u32, round: u32, who: AccountId, verdict: Verdict, salt:
/// [u8; 32])))`.
pub fn commitment<AccountId: Encode>(
	resource: ResourceId,
	round: u32,
	who: &AccountId,
	verdict: &Verdict,
	salt: &[u8; 32],
) -> H256 {
	BlakeTwo256::hash_of(&(resource, round, who, verdict, salt))
}

/// What a machine signs for verifier `who` in a round:
/// `SCALE((b"powerverse/verify", resource: u32, round: u32, challenge: [u8; 32], who:
/// AccountId))`.
pub fn challenge_message<AccountId: Encode>(
	resource: ResourceId,
	round: u32,
	challenge: &H256,
	who: &AccountId,
) -> Vec<u8> {
	(b"powerverse/verify", resource, round, challenge, who).encode()
}

/// Whether `signature` is `key`'s sr25519 or ed25519 signature of `message`.
pub fn signed_by(key: &[u8; 32], message: &[u8], signature: &MachineSignature) -> bool {
	sp_io::crypto::sr25519_verify(
		&sr25519::Signature::from_raw(*signature),
		message,
		&sr25519::Public::from_raw(*key),
	) || sp_io::crypto::ed25519_verify(
		&ed25519::Signature::from_raw(*signature),
		message,
		&ed25519::Public::from_raw(*key),
	)
}

/// The lower median of `figures` (sorted in place); `None` when empty.
pub fn lower_median(figures: &mut [u32]) -> Option<u32> {
	figures.sort_unstable();
	figures.get(figures.len().checked_sub(1)? / 2).copied()
}

impl<T: Config> Pallet<T> {
	/// Asks for a panel for resource `id` (round `round`), with `fee` already held on its
	/// owner: books the draw `draw_delay` blocks from now.
	///
	/// # Errors
	/// `DeadlinesFull`.
	pub(crate) fn book_draw(id: ResourceId, round: u32, fee: BalanceOf<T>) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let due = Self::book(now.saturating_add(Self::params().draw_delay), id)?;
		Verifications::<T>::insert(
			id,
			Verification {
				round,
				requested_at: now,
				fee,
				due,
				challenge: H256::zero(),
				commit_end: Zero::zero(),
				reveal_end: Zero::zero(),
				panel: BoundedVec::new(),
			},
		);
		Self::deposit_event(Event::VerificationRequested {
			resource: id,
			round,
			fee,
			draw_at: due,
		});
		Ok(())
	}

	/// Holds the verification fee on `who` and books round 1 of a new declaration's panel.
	///
	/// # Errors
	/// `InsufficientBalance`, `DeadlinesFull`.
	pub(crate) fn ask_verification(who: &T::AccountId, id: ResourceId) -> DispatchResult {
		let fee = Self::params().verification_fee;
		T::Currency::hold(&HoldReason::VerificationFee.into(), who, fee)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		Self::book_draw(id, 1, fee)
	}

	/// Books `id` in the first block from `wanted` with room (trying [`BOOKING_BLOCKS`]
	/// blocks) and returns that block.
	fn book(wanted: BlockNumberFor<T>, id: ResourceId) -> Result<BlockNumberFor<T>, DispatchError> {
		let mut at = wanted;
		for _ in 0..BOOKING_BLOCKS {
			if Deadlines::<T>::try_mutate(at, |q| q.try_push(id)).is_ok() {
				return Ok(at);
			}
			at = at.saturating_add(1u32.into());
		}
		Err(Error::<T>::DeadlinesFull.into())
	}

	/// Removes `id` from the queue of block `at`.
	pub(crate) fn unbook(at: BlockNumberFor<T>, id: ResourceId) {
		unqueue::<Deadlines<T>, _, _, _>(at, &id);
	}

	/// Ends the verification of `id`, if any, before its panel is counted: takes its queue
	/// entry out, frees its panel's seats and refunds the fee to `owner` unless `keep_fee`.
	/// Returns the fee when kept (a changed declaration carries it to its new panel).
	pub(crate) fn abandon(id: ResourceId, owner: &T::AccountId, keep_fee: bool) -> BalanceOf<T> {
		let Some(v) = Verifications::<T>::take(id) else { return Zero::zero() };
		Self::unbook(v.due, id);
		for seat in v.panel.iter() {
			Self::vacate(&seat.who);
		}
		if keep_fee {
			v.fee
		} else {
			Self::refund_fee(id, owner, v.fee);
			Zero::zero()
		}
	}

	/// Returns a held verification fee to the owner.
	fn refund_fee(id: ResourceId, owner: &T::AccountId, fee: BalanceOf<T>) {
		if fee.is_zero() {
			return;
		}
		let refunded = T::Currency::release(
			&HoldReason::VerificationFee.into(),
			owner,
			fee,
			Precision::BestEffort,
		)
		.unwrap_or_default();
		Self::deposit_event(Event::FeeRefunded {
			resource: id,
			who: owner.clone(),
			amount: refunded,
		});
	}

	/// Draws a new panel for a pending resource of `who` that has none (there were too few
	/// verifiers before, or governance's last round was inconclusive), holding a new fee.
	///
	/// # Errors
	/// `UnknownResource`, `NotOwner`, `BadStatus` (not pending), `VerificationUnderWay`,
	/// `InsufficientBalance`, `DeadlinesFull`.
	pub(crate) fn do_request_verification(who: T::AccountId, id: ResourceId) -> DispatchResult {
		let r = Self::owned_by(&who, id)?;
		ensure!(r.status == Status::Pending, Error::<T>::BadStatus);
		ensure!(!Verifications::<T>::contains_key(id), Error::<T>::VerificationUnderWay);
		Self::ask_verification(&who, id)
	}

	/// Records a panel member's commitment.
	///
	/// # Errors
	/// `NoVerification`, `NotOnPanel` (also before the draw), `WrongPhase` (commit window
	/// over), `AlreadyDone`, `DuplicateCommitment` (another member committed the same hash).
	pub(crate) fn do_commit(who: T::AccountId, id: ResourceId, hash: H256) -> DispatchResult {
		Verifications::<T>::try_mutate(id, |v| {
			let v = v.as_mut().ok_or(Error::<T>::NoVerification)?;
			ensure!(v.panel.iter().any(|s| s.who == who), Error::<T>::NotOnPanel);
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now <= v.commit_end, Error::<T>::WrongPhase);
			ensure!(
				v.panel.iter().any(|s| s.who == who && s.commit.is_none()),
				Error::<T>::AlreadyDone
			);
			ensure!(
				!v.panel.iter().any(|s| s.commit == Some(hash)),
				Error::<T>::DuplicateCommitment
			);
			let seat = v.panel.iter_mut().find(|s| s.who == who).ok_or(Error::<T>::NotOnPanel)?;
			seat.commit = Some(hash);
			Ok::<_, Error<T>>(())
		})?;
		Self::deposit_event(Event::Committed { resource: id, who });
		Ok(())
	}

	/// Records a panel member's verdict if it matches its commitment and, when genuine, comes
	/// with the machine's signature of the member's challenge.
	///
	/// # Errors
	/// `NoVerification`, `NotOnPanel`, `WrongPhase` (commit window not over, or reveal window
	/// over), `AlreadyDone`, `CommitMismatch` (also when nothing was committed),
	/// `BadMachineSignature` (a genuine verdict without the machine key's signature).
	pub(crate) fn do_reveal(
		who: T::AccountId,
		id: ResourceId,
		verdict: Verdict,
		salt: [u8; 32],
		proof: Option<MachineSignature>,
	) -> DispatchResult {
		let key = Resources::<T>::get(id).ok_or(Error::<T>::NoVerification)?.declared.machine_key;
		Verifications::<T>::try_mutate(id, |v| {
			let v = v.as_mut().ok_or(Error::<T>::NoVerification)?;
			ensure!(v.panel.iter().any(|s| s.who == who), Error::<T>::NotOnPanel);
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now > v.commit_end && now <= v.reveal_end, Error::<T>::WrongPhase);
			let (round, challenge) = (v.round, v.challenge);
			let seat = v.panel.iter_mut().find(|s| s.who == who).ok_or(Error::<T>::NotOnPanel)?;
			ensure!(seat.verdict.is_none(), Error::<T>::AlreadyDone);
			ensure!(
				seat.commit == Some(commitment(id, round, &who, &verdict, &salt)),
				Error::<T>::CommitMismatch
			);
			if verdict.genuine {
				let message = challenge_message(id, round, &challenge, &who);
				ensure!(
					proof.is_some_and(|p| signed_by(&key, &message, &p)),
					Error::<T>::BadMachineSignature
				);
			}
			seat.verdict = Some(verdict);
			Ok::<_, Error<T>>(())
		})?;
		Self::deposit_event(Event::Revealed { resource: id, who, verdict });
		Ok(())
	}

	/// Works the verifications booked for this block: draws the panels due, counts those whose
	/// reveal window ended in the previous block. Bounded by `MaxDeadlinesPerBlock` entries,
	/// each a draw from at most `MaxVerifiers` members or a count of at most `MAX_PANEL` seats.
	pub(crate) fn run_deadlines(now: BlockNumberFor<T>) -> Weight {
		let due = Deadlines::<T>::take(now);
		let mut weight = T::DbWeight::get().reads_writes(1, 1);
		for id in due {
			let Some(v) = Verifications::<T>::get(id) else { continue };
			if v.due != now {
				continue;
			}
			let result = if v.drawn() {
				weight = weight.saturating_add(T::WeightInfo::count_panel(MAX_PANEL));
				Verifications::<T>::remove(id);
				Self::count_panel(id, v)
			} else {
				weight = weight.saturating_add(T::WeightInfo::draw_panel(T::MaxVerifiers::get()));
				Self::draw(id, v)
			};
			if let Err(e) = result {
				log::warn!(target: crate::LOG_TARGET, "verification of {id}: {e:?}");
			}
		}
		weight
	}

	/// Draws the panel of a booked verification, or books the draw again when the randomness
	/// at hand was already known when the panel was asked for. With too few verifiers (or no
	/// room to book its counting) the verification ends, the fee is refunded and the owner
	/// may ask again.
	fn draw(id: ResourceId, mut v: VerificationOf<T>) -> DispatchResult {
		let params = Self::params();
		let Some(owner) = Resources::<T>::get(id).map(|r| r.owner) else {
			Verifications::<T>::remove(id);
			return Ok(());
		};
		let now = frame_system::Pallet::<T>::block_number();
		let (seed, known_since) = T::Randomness::random(&(b"registry/panel", id, v.round).encode());
		if known_since <= v.requested_at {
			// Someone could have known this seed when the panel was asked for: wait.
			return match Self::book(now.saturating_add(params.draw_delay.max(1u32.into())), id) {
				Ok(due) => {
					v.due = due;
					Verifications::<T>::insert(id, v);
					Ok(())
				},
				Err(_) => Self::give_up(id, &owner, v.fee),
			};
		}
		let mut pool: Vec<T::AccountId> =
			Committee::<T>::get().into_iter().filter(|m| m != &owner).collect();
		let size = params.panel_size.min(MAX_PANEL) as usize;
		if pool.len() < size {
			return Self::give_up(id, &owner, v.fee);
		}
		let commit_end = now.saturating_add(params.commit_period);
		let Ok(count_at) = Self::book(
			commit_end.saturating_add(params.reveal_period).saturating_add(1u32.into()),
			id,
		) else {
			return Self::give_up(id, &owner, v.fee);
		};
		let mut panel = Vec::with_capacity(size);
		for i in 0..size {
			let pick = T::Hashing::hash_of(&(seed, i as u32));
			let n = u32::from_le_bytes(
				pick.as_ref()[..4].try_into().expect("hashes are at least 4 bytes; qed"),
			) as usize;
			let at = n % pool.len();
			panel.push(pool.swap_remove(at));
		}
		for who in &panel {
			Verifiers::<T>::mutate(who, |m| {
				if let Some(m) = m {
					m.seats.saturating_inc();
				}
			});
		}
		let seats: Vec<_> = panel
			.iter()
			.map(|who| Seat { who: who.clone(), commit: None, verdict: None })
			.collect();
		v.panel = seats.try_into().map_err(|_| Error::<T>::BadParams)?;
		v.challenge = BlakeTwo256::hash_of(&(b"registry/challenge", seed));
		v.commit_end = commit_end;
		v.reveal_end = count_at.saturating_sub(1u32.into());
		v.due = count_at;
		let (round, challenge, reveal_end) = (v.round, v.challenge, v.reveal_end);
		Verifications::<T>::insert(id, v);
		Self::deposit_event(Event::PanelDrawn {
			resource: id,
			round,
			panel,
			challenge,
			commit_end,
			reveal_end,
		});
		Ok(())
	}

	/// Ends a verification that cannot go on for now (too few verifiers, queues full): the
	/// fee is refunded and the owner asks again with `request_verification`.
	fn give_up(id: ResourceId, owner: &T::AccountId, fee: BalanceOf<T>) -> DispatchResult {
		Verifications::<T>::remove(id);
		Self::refund_fee(id, owner, fee);
		Self::deposit_event(Event::AwaitingVerifiers { resource: id });
		Ok(())
	}

	/// The outcome of a panel: `Some(Some(benchmark))` verified, `Some(None)` rejected,
	/// `None` inconclusive; and for each seat whether it voted with the outcome (for an
	/// inconclusive panel: whether it revealed at all).
	pub fn tally(v: &VerificationOf<T>) -> (Option<Option<u32>>, Vec<bool>) {
		let majority = (v.panel.len() as u32) / 2 + 1;
		let tolerance = Self::params().tolerance;
		let mut figures: Vec<u32> = v
			.panel
			.iter()
			.filter_map(|s| s.verdict.filter(|d| d.genuine).map(|d| d.benchmark))
			.collect();
		let near = |figure: u32, median: u32| figure.abs_diff(median) <= tolerance.mul_ceil(median);
		let fake = v.panel.iter().filter(|s| s.verdict.is_some_and(|d| !d.genuine)).count() as u32;
		let outcome = match lower_median(&mut figures) {
			Some(median)
				if figures.iter().filter(|f| near(**f, median)).count() as u32 >= majority =>
			{
				Some(Some(median))
			},
			_ if fake >= majority => Some(None),
			_ => None,
		};
		let agrees = v
			.panel
			.iter()
			.map(|seat| match (seat.verdict, outcome) {
				(None, _) => false,
				(Some(_), None) => true,
				(Some(d), Some(None)) => !d.genuine,
				(Some(d), Some(Some(median))) => d.genuine && near(d.benchmark, median),
			})
			.collect();
		(outcome, agrees)
	}

	/// Counts a panel: pays the majority, slashes the rest, applies the verdict or draws the
	/// next round.
	fn count_panel(id: ResourceId, v: VerificationOf<T>) -> DispatchResult {
		let Some(owner) = Resources::<T>::get(id).map(|r| r.owner) else { return Ok(()) };
		let (outcome, agrees) = Self::tally(&v);
		let mut slashed = Vec::new();
		for (seat, agrees) in v.panel.iter().zip(agrees.iter()) {
			if !agrees {
				Self::slash_verifier(&seat.who, id);
				slashed.push(seat.who.clone());
			}
			Self::vacate(&seat.who);
		}
		for who in slashed {
			// Out of the committee; a verifier already leaving stays so until its last seat.
			let _ = Self::do_remove_verifier(who);
		}
		match outcome {
			Some(verdict) => {
				let winners: Vec<_> = v
					.panel
					.iter()
					.zip(agrees.iter())
					.filter(|(_, a)| **a)
					.map(|(s, _)| s.who.clone())
					.collect();
				Self::pay_panel(id, &owner, v.fee, &winners);
				Self::verdict(id, verdict)
			},
			None => {
				Self::deposit_event(Event::Inconclusive { resource: id, round: v.round });
				if v.round < T::MaxRounds::get() {
					Self::book_draw(id, v.round.saturating_add(1), v.fee)
						.or_else(|_| Self::give_up(id, &owner, v.fee))
				} else {
					Self::refund_fee(id, &owner, v.fee);
					Ok(())
				}
			},
		}
	}

	/// Shares `fee`, held on `owner`, equally among `winners`; what cannot be shared (the
	/// remainder, or a transfer that fails) goes back to the owner.
	fn pay_panel(
		id: ResourceId,
		owner: &T::AccountId,
		fee: BalanceOf<T>,
		winners: &[T::AccountId],
	) {
		let reason = HoldReason::VerificationFee.into();
		let mut left = fee;
		if let Some(share) = fee.checked_div(&(winners.len() as u32).into()) {
			for who in winners {
				if share.is_zero() {
					break;
				}
				let paid = T::Currency::transfer_on_hold(
					&reason,
					owner,
					who,
					share,
					Precision::Exact,
					Restriction::Free,
					Fortitude::Polite,
				);
				if paid.is_ok() {
					left = left.saturating_sub(share);
					Self::deposit_event(Event::VerifierPaid {
						who: who.clone(),
						resource: id,
						amount: share,
					});
				}
			}
		}
		Self::refund_fee(id, owner, left);
	}

	/// Takes the slash share of a verifier's stake to [`Config::Slashed`].
	fn slash_verifier(who: &T::AccountId, id: ResourceId) {
		let Some(v) = Verifiers::<T>::get(who) else { return };
		let amount = Self::params().slash.mul_floor(v.stake);
		let (credit, _) = T::Currency::slash(&HoldReason::VerifierStake.into(), who, amount);
		let slashed = credit.peek();
		T::Slashed::on_unbalanced(credit);
		Verifiers::<T>::insert(who, Verifier { stake: v.stake.saturating_sub(slashed), ..v });
		Self::deposit_event(Event::VerifierSlashed {
			who: who.clone(),
			resource: id,
			amount: slashed,
		});
	}

	/// Frees one seat of `who`; a leaving verifier whose last seat this was is released.
	fn vacate(who: &T::AccountId) {
		let Some(mut v) = Verifiers::<T>::get(who) else { return };
		v.seats.saturating_dec();
		if v.leaving && v.seats == 0 {
			Verifiers::<T>::remove(who);
			Self::release_stake(who.clone(), v.stake);
		} else {
			Verifiers::<T>::insert(who, v);
		}
	}

	/// Applies a verdict: `Some(benchmark)` verifies, `None` rejects.
	fn verdict(id: ResourceId, benchmark: Option<u32>) -> DispatchResult {
		let Some(mut r) = Resources::<T>::get(id) else { return Ok(()) };
		let from = r.status;
		match benchmark {
			Some(b) => {
				r.benchmark = Some(b);
				r.verified = true;
				r.status = Status::Idle;
			},
			None => {
				r.benchmark = None;
				r.verified = false;
				r.status = Status::Rejected;
			},
		}
		Self::score_record(&mut r);
		Resources::<T>::insert(id, &r);
		Self::sync_certificate(id, &r)?;
		match benchmark {
			Some(b) => Self::deposit_event(Event::Verified { resource: id, benchmark: b }),
			None => Self::deposit_event(Event::Rejected { resource: id }),
		}
		Self::deposit_event(Event::Scored {
			resource: id,
			score: r.score,
			version: r.score_version,
		});
		Self::deposit_event(Event::StatusChanged { resource: id, from, to: r.status });
		Ok(())
	}

	/// Governance's verdict on a pending or rejected resource; ends any panel at work (its
	/// members are not paid, the fee is refunded).
	///
	/// # Errors
	/// `UnknownResource`, `BadStatus`.
	pub(crate) fn do_force_verdict(id: ResourceId, benchmark: Option<u32>) -> DispatchResult {
		let r = Resources::<T>::get(id).ok_or(Error::<T>::UnknownResource)?;
		let allowed = match benchmark {
			Some(_) => matches!(r.status, Status::Pending | Status::Rejected),
			None => r.status == Status::Pending,
		};
		ensure!(allowed, Error::<T>::BadStatus);
		Self::abandon(id, &r.owner, false);
		Self::verdict(id, benchmark)
	}

	/// Applies to the committee, holding the stake. A sanctioned account may not apply: a
	/// verifier judges other providers' machines.
	///
	/// # Errors
	/// `AlreadyVerifier` (also while leaving), `AccountFrozen`, `AccountBlacklisted`,
	/// `InsufficientBalance`.
	pub(crate) fn do_apply_verifier(who: T::AccountId) -> DispatchResult {
		ensure!(!Verifiers::<T>::contains_key(&who), Error::<T>::AlreadyVerifier);
		Self::ensure_good(&who)?;
		let stake = Self::params().verifier_stake;
		T::Currency::hold(&HoldReason::VerifierStake.into(), &who, stake)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		Verifiers::<T>::insert(&who, Verifier { stake, active: false, seats: 0, leaving: false });
		Self::deposit_event(Event::VerifierApplied { who, stake });
		Ok(())
	}

	/// Admits an applicant to the committee.
	///
	/// # Errors
	/// `NotVerifier` (also while leaving), `AlreadyVerifier` (already active),
	/// `CommitteeFull`.
	pub(crate) fn do_admit_verifier(who: T::AccountId) -> DispatchResult {
		let mut v = Verifiers::<T>::get(&who).ok_or(Error::<T>::NotVerifier)?;
		ensure!(!v.leaving, Error::<T>::NotVerifier);
		ensure!(!v.active, Error::<T>::AlreadyVerifier);
		Committee::<T>::try_mutate(|c| c.try_push(who.clone()))
			.map_err(|_| Error::<T>::CommitteeFull)?;
		v.active = true;
		Verifiers::<T>::insert(&who, v);
		Self::deposit_event(Event::VerifierAdmitted { who });
		Ok(())
	}

	/// Takes a verifier or applicant out of the committee. Its stake is released now when it
	/// sits on no panel, otherwise when its last seat has been counted.
	///
	/// # Errors
	/// `NotVerifier` (also when already leaving).
	pub(crate) fn do_remove_verifier(who: T::AccountId) -> DispatchResult {
		let mut v = Verifiers::<T>::get(&who).ok_or(Error::<T>::NotVerifier)?;
		ensure!(!v.leaving, Error::<T>::NotVerifier);
		if v.active {
			Committee::<T>::mutate(|c| c.retain(|m| m != &who));
		}
		if v.seats == 0 {
			Verifiers::<T>::remove(&who);
			Self::release_stake(who, v.stake);
		} else {
			v.active = false;
			v.leaving = true;
			let seats = v.seats;
			Verifiers::<T>::insert(&who, v);
			Self::deposit_event(Event::VerifierLeaving { who, seats });
		}
		Ok(())
	}

	/// Releases a departed verifier's stake.
	fn release_stake(who: T::AccountId, stake: BalanceOf<T>) {
		let released = T::Currency::release(
			&HoldReason::VerifierStake.into(),
			&who,
			stake,
			Precision::BestEffort,
		)
		.unwrap_or_default();
		Self::deposit_event(Event::VerifierRemoved { who, released });
	}

	/// What `who` has held under the verifier reason.
	pub fn verifier_held(who: &T::AccountId) -> BalanceOf<T> {
		T::Currency::balance_on_hold(&HoldReason::VerifierStake.into(), who)
	}

	/// What `who` has held under the verification fee reason.
	pub fn fee_held(who: &T::AccountId) -> BalanceOf<T> {
		T::Currency::balance_on_hold(&HoldReason::VerificationFee.into(), who)
	}
}
