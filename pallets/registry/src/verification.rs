//! Verification by a committee: verifiers hold a stake; for each new or changed declaration
//! a panel is drawn with BABE randomness; each panel member commits to a verdict (genuine or
//! not, and a benchmark figure) and then reveals it. At the end of the reveal window a
//! strict majority of the panel decides: verified with the median benchmark of the
//! majority, or rejected. Members who did not reveal, or who are off the majority (wrong
//! verdict, or a figure further than the tolerance from the median), lose a share of their
//! stake and leave the committee. Without a majority another panel is drawn, up to
//! `MaxRounds`; then governance decides.

use crate::{pallet::*, Seat, Verdict, Verification, Verifier, WeightInfo, MAX_PANEL};
use alloc::vec::Vec;
use codec::Encode;
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{
			fungible::{BalancedHold, InspectHold, MutateHold},
			tokens::{
				imbalance::{Imbalance, OnUnbalanced},
				Precision,
			},
			Get, Randomness,
		},
		weights::Weight,
		BoundedVec,
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_core::H256,
	sp_runtime::{
		traits::{BlakeTwo256, Hash, Saturating},
		DispatchError, DispatchResult,
	},
};
use powerverse_primitives::{ResourceId, Status};

/// Blocks in which a new panel's counting may be booked, from the first the periods allow.
pub(crate) const BOOKING_BLOCKS: u32 = 8;

/// The commitment a verifier makes to `verdict` for a resource in a round.
pub fn commitment(resource: ResourceId, round: u32, verdict: &Verdict, salt: &[u8; 32]) -> H256 {
	BlakeTwo256::hash_of(&(resource, round, verdict, salt))
}

impl<T: Config> Pallet<T> {
	/// Draws a panel for a pending resource, or reports that there are too few verifiers.
	///
	/// # Errors
	/// `DeadlinesFull`.
	pub(crate) fn start_verification(id: ResourceId, round: u32) -> DispatchResult {
		let params = Self::params();
		let Some(owner) = Resources::<T>::get(id).map(|r| r.owner) else {
			return Ok(());
		};
		let mut pool: Vec<T::AccountId> =
			Committee::<T>::get().into_iter().filter(|v| v != &owner).collect();
		let size = params.panel_size.min(MAX_PANEL) as usize;
		if pool.len() < size {
			Verifications::<T>::remove(id);
			Self::deposit_event(Event::AwaitingVerifiers { resource: id });
			return Ok(());
		}
		let (seed, _) = T::Randomness::random(&(b"registry/panel", id, round).encode());
		let mut panel = Vec::with_capacity(size);
		for i in 0..size {
			let pick = T::Hashing::hash_of(&(seed, i as u32));
			let n = u32::from_le_bytes(
				pick.as_ref()[..4].try_into().expect("hashes are at least 4 bytes; qed"),
			) as usize;
			let at = n % pool.len();
			panel.push(pool.swap_remove(at));
		}
		let now = frame_system::Pallet::<T>::block_number();
		let commit_end = now.saturating_add(params.commit_period);
		let wanted = commit_end.saturating_add(params.reveal_period);
		let reveal_end = Self::book_deadline(wanted, id, round)?;
		let seats: Vec<_> = panel
			.iter()
			.map(|who| Seat { who: who.clone(), commit: None, verdict: None })
			.collect();
		let seats: BoundedVec<_, _> = seats.try_into().map_err(|_| Error::<T>::BadParams)?;
		Verifications::<T>::insert(
			id,
			Verification { round, commit_end, reveal_end, panel: seats },
		);
		Self::deposit_event(Event::PanelDrawn {
			resource: id,
			round,
			panel,
			commit_end,
			reveal_end,
		});
		Ok(())
	}

	/// Books the counting of a panel in the first block after `wanted` with room (trying
	/// [`BOOKING_BLOCKS`] blocks); returns the last reveal block, one before that.
	fn book_deadline(
		wanted: BlockNumberFor<T>,
		id: ResourceId,
		round: u32,
	) -> Result<BlockNumberFor<T>, DispatchError> {
		let mut at = wanted.saturating_add(1u32.into());
		for _ in 0..BOOKING_BLOCKS {
			if Deadlines::<T>::try_mutate(at, |q| q.try_push((id, round))).is_ok() {
				return Ok(at.saturating_sub(1u32.into()));
			}
			at = at.saturating_add(1u32.into());
		}
		Err(Error::<T>::DeadlinesFull.into())
	}

	/// Draws a new panel for a pending resource that has none.
	///
	/// # Errors
	/// `UnknownResource`, `NotOwner`, `BadStatus` (not pending), `VerificationUnderWay`,
	/// `DeadlinesFull`.
	pub(crate) fn do_request_verification(who: T::AccountId, id: ResourceId) -> DispatchResult {
		let r = Self::owned_by(&who, id)?;
		ensure!(r.status == Status::Pending, Error::<T>::BadStatus);
		ensure!(!Verifications::<T>::contains_key(id), Error::<T>::VerificationUnderWay);
		Self::start_verification(id, 1)
	}

	/// Records a panel member's commitment.
	///
	/// # Errors
	/// `NoVerification`, `WrongPhase` (commit window over), `NotOnPanel`, `AlreadyDone`.
	pub(crate) fn do_commit(who: T::AccountId, id: ResourceId, hash: H256) -> DispatchResult {
		Verifications::<T>::try_mutate(id, |v| {
			let v = v.as_mut().ok_or(Error::<T>::NoVerification)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now <= v.commit_end, Error::<T>::WrongPhase);
			let seat = v.panel.iter_mut().find(|s| s.who == who).ok_or(Error::<T>::NotOnPanel)?;
			ensure!(seat.commit.is_none(), Error::<T>::AlreadyDone);
			seat.commit = Some(hash);
			Ok::<_, Error<T>>(())
		})?;
		Self::deposit_event(Event::Committed { resource: id, who });
		Ok(())
	}

	/// Records a panel member's verdict if it matches its commitment.
	///
	/// # Errors
	/// `NoVerification`, `WrongPhase` (commit window not over, or reveal window over),
	/// `NotOnPanel`, `AlreadyDone`, `CommitMismatch` (also when nothing was committed).
	pub(crate) fn do_reveal(
		who: T::AccountId,
		id: ResourceId,
		verdict: Verdict,
		salt: [u8; 32],
	) -> DispatchResult {
		Verifications::<T>::try_mutate(id, |v| {
			let v = v.as_mut().ok_or(Error::<T>::NoVerification)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now > v.commit_end && now <= v.reveal_end, Error::<T>::WrongPhase);
			let round = v.round;
			let seat = v.panel.iter_mut().find(|s| s.who == who).ok_or(Error::<T>::NotOnPanel)?;
			ensure!(seat.verdict.is_none(), Error::<T>::AlreadyDone);
			ensure!(
				seat.commit == Some(commitment(id, round, &verdict, &salt)),
				Error::<T>::CommitMismatch
			);
			seat.verdict = Some(verdict);
			Ok::<_, Error<T>>(())
		})?;
		Self::deposit_event(Event::Revealed { resource: id, who, verdict });
		Ok(())
	}

	/// Counts the panels whose reveal window ended in the previous block. Bounded by
	/// `MaxDeadlinesPerBlock` panels of at most `MAX_PANEL` members.
	pub(crate) fn count_panels(now: BlockNumberFor<T>) -> Weight {
		let due = Deadlines::<T>::take(now);
		let mut weight = T::DbWeight::get().reads_writes(1, 1);
		for (id, round) in due {
			weight = weight.saturating_add(T::WeightInfo::count_panel(MAX_PANEL));
			match Verifications::<T>::get(id) {
				Some(v) if v.round == round => {
					Verifications::<T>::remove(id);
					if let Err(e) = Self::count_panel(id, v) {
						log::warn!(target: crate::LOG_TARGET, "counting panel of {id}: {e:?}");
					}
				},
				// Replaced by a newer declaration, or the resource is gone.
				_ => {},
			}
		}
		weight
	}

	fn count_panel(id: ResourceId, v: VerificationOf<T>) -> DispatchResult {
		let size = v.panel.len() as u32;
		let genuine =
			v.panel.iter().filter(|s| s.verdict.is_some_and(|d| d.genuine)).count() as u32;
		let fake = v.panel.iter().filter(|s| s.verdict.is_some_and(|d| !d.genuine)).count() as u32;
		let majority = size / 2 + 1;
		let tolerance = Self::params().tolerance;
		let outcome = if genuine >= majority {
			let mut figures: Vec<u32> = v
				.panel
				.iter()
				.filter_map(|s| s.verdict.filter(|d| d.genuine).map(|d| d.benchmark))
				.collect();
			figures.sort_unstable();
			Some(Some(figures[figures.len() / 2]))
		} else if fake >= majority {
			Some(None)
		} else {
			None
		};
		for seat in v.panel.iter() {
			let agrees = match (seat.verdict, outcome) {
				(None, _) => false,
				// No majority: only the silent are at fault.
				(Some(_), None) => true,
				(Some(d), Some(None)) => !d.genuine,
				(Some(d), Some(Some(median))) => {
					d.genuine && d.benchmark.abs_diff(median) <= tolerance.mul_ceil(median)
				},
			};
			if !agrees {
				Self::slash_verifier(&seat.who, id);
			}
		}
		match outcome {
			Some(Some(benchmark)) => Self::verdict(id, Some(benchmark)),
			Some(None) => Self::verdict(id, None),
			None => {
				Self::deposit_event(Event::Inconclusive { resource: id, round: v.round });
				if v.round < T::MaxRounds::get() {
					Self::start_verification(id, v.round.saturating_add(1))
				} else {
					Ok(())
				}
			},
		}
	}

	/// Takes the slash share of a verifier's stake to [`Config::Slashed`] and removes it
	/// from the committee, releasing the rest.
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
		let _ = Self::do_remove_verifier(who.clone());
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
				Self::score_record(&mut r);
			},
			None => {
				r.benchmark = None;
				r.verified = false;
				r.status = Status::Rejected;
			},
		}
		Resources::<T>::insert(id, &r);
		Self::sync_certificate(id, &r)?;
		match benchmark {
			Some(b) => {
				Self::deposit_event(Event::Verified { resource: id, benchmark: b });
				Self::deposit_event(Event::Scored {
					resource: id,
					score: r.score,
					version: r.score_version,
				});
			},
			None => Self::deposit_event(Event::Rejected { resource: id }),
		}
		Self::deposit_event(Event::StatusChanged { resource: id, from, to: r.status });
		Ok(())
	}

	/// Governance's verdict on a pending or rejected resource; ends any panel at work.
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
		Verifications::<T>::remove(id);
		Self::verdict(id, benchmark)
	}

	/// Applies to the committee, holding the stake.
	///
	/// # Errors
	/// `AlreadyVerifier`, `InsufficientBalance`.
	pub(crate) fn do_apply_verifier(who: T::AccountId) -> DispatchResult {
		ensure!(!Verifiers::<T>::contains_key(&who), Error::<T>::AlreadyVerifier);
		let stake = Self::params().verifier_stake;
		T::Currency::hold(&HoldReason::VerifierStake.into(), &who, stake)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		Verifiers::<T>::insert(&who, Verifier { stake, active: false });
		Self::deposit_event(Event::VerifierApplied { who, stake });
		Ok(())
	}

	/// Admits an applicant to the committee.
	///
	/// # Errors
	/// `NotVerifier`, `AlreadyVerifier` (already active), `CommitteeFull`.
	pub(crate) fn do_admit_verifier(who: T::AccountId) -> DispatchResult {
		let mut v = Verifiers::<T>::get(&who).ok_or(Error::<T>::NotVerifier)?;
		ensure!(!v.active, Error::<T>::AlreadyVerifier);
		Committee::<T>::try_mutate(|c| c.try_push(who.clone()))
			.map_err(|_| Error::<T>::CommitteeFull)?;
		v.active = true;
		Verifiers::<T>::insert(&who, v);
		Self::deposit_event(Event::VerifierAdmitted { who });
		Ok(())
	}

	/// Removes a verifier or applicant, releasing its stake.
	///
	/// # Errors
	/// `NotVerifier`.
	pub(crate) fn do_remove_verifier(who: T::AccountId) -> DispatchResult {
		let v = Verifiers::<T>::take(&who).ok_or(Error::<T>::NotVerifier)?;
		if v.active {
			Committee::<T>::mutate(|c| c.retain(|m| m != &who));
		}
		let released = T::Currency::release(
			&HoldReason::VerifierStake.into(),
			&who,
			v.stake,
			Precision::BestEffort,
		)?;
		Self::deposit_event(Event::VerifierRemoved { who, released });
		Ok(())
	}

	/// What `who` has held under the verifier reason.
	pub fn verifier_held(who: &T::AccountId) -> BalanceOf<T> {
		T::Currency::balance_on_hold(&HoldReason::VerifierStake.into(), who)
	}
}
