//! Task orders: posted with `reward × k` held; providers take slots with listed resources
//! (busy until they commit), commit to their results before the deadline and reveal them
//! afterwards; the results are then decided, by this rule:
//!
//! - **Commit, then reveal.** A worker commits to
//!   [`Pallet::commitment`]`(order, result, salt, worker)` while the task is open, before the
//!   deadline; one commitment per worker, none equal to another worker's. The reveal opens
//!   when every slot has committed, or at the deadline (workers without a commitment are
//!   then missing), for [`Config::RevealWindow`] blocks; no commitment is taken from then on.
//!   Nobody sees a result before every result is fixed, and a commitment bound to another
//!   account cannot be revealed: a result cannot be copied.
//! - **Quorum.** With k slots the quorum is `k / 2 + 1`, a strict majority of the slots asked
//!   (not of the results). The result is decided when the quorum or more revealed the same
//!   hash and no worker revealed another: its workers are paid (mode `Majority`) or the
//!   consumer reviews it (mode `Consumer`; silence accepts, a rejection goes to arbitration).
//! - **Otherwise arbitration.** Results that disagree (a tie, or a minority against a
//!   majority) or that fall short of the quorum never settle by count: the escrow of the
//!   workers who revealed is frozen and a dispute opened through [`Config::Disputes`];
//!   [`Config::ArbiterOrigin`] (root until arbitration lands) upholds one result and splits
//!   that result's rewards. Workers who revealed another result get nothing and a ruling
//!   against them.
//! - **Missing.** A worker that did not commit before the deadline or did not reveal before
//!   the end of the reveal gets a ruling against it and nothing; its share, and the shares of
//!   slots nobody took, go back to the consumer. Without any revealed result the task closes
//!   with everything refunded.
//! - **Slots.** One slot per owner and per machine, never the consumer's own.
//!
//! So an honest worker is never worse off for being honest: its result cannot be taken by a
//! copier; a consumer working slots under other accounts (Sybils) can neither outvote it nor
//! tie it into a refund, only send the task to an arbiter who sees every revealed output;
//! and it is paid without arbitration whenever its co-workers are honest too.
//!
//! Rulings on reputation when a disputed task is settled: workers whose result is not upheld
//! were at fault; for the upheld result's workers and the consumer, below half of the reward
//! to the providers the workers were at fault (`ruling(worker, true)`) and the consumer was
//! not (`ruling(consumer, false)`); above half the consumer was at fault and the workers were
//! not; exactly half, neither was.

use crate::{
	pallet::*, Acceptance, Kind, Order, PaidWorker, Phase, Submission, Task, TaskSpecOf, Uri,
	Verification, WeightInfo, Worker,
};
use polkadot_sdk::{
	frame_support::{
		dispatch::DispatchResultWithPostInfo,
		ensure,
		traits::{fungible::Inspect, Get},
		BoundedVec,
	},
	sp_core::H256,
	sp_runtime::{
		traits::{BlakeTwo256, CheckedMul, Hash, Saturating, Zero},
		DispatchResult, Perbill,
	},
};
use powerverse_primitives::{
	pay_held, Disputes, Escrow, FeePolicy, FeeTerms, OrderId, Reputation, ResourceId, Resources,
	Subject,
};

/// The workers a task paid, for its ratings.
type PaidOf<T> = BoundedVec<
	PaidWorker<<T as polkadot_sdk::frame_system::Config>::AccountId, BalanceOf<T>>,
	<T as Config>::MaxProviders,
>;

impl<T: Config> Pallet<T> {
	/// The commitment of `worker` to `result` on task `order`:
	/// `blake2_256(SCALE((order, result, salt, worker)))`, the tuple's types being `OrderId`
	/// (`u64`), `H256`, `H256` and the runtime's `AccountId`. Pick `salt` at random and keep
	/// it secret until the reveal.
	pub fn commitment(order: OrderId, result: &H256, salt: &H256, worker: &T::AccountId) -> H256 {
		BlakeTwo256::hash_of(&(order, result, salt, worker))
	}

	/// Equal results needed to decide a task of `k` slots: `k / 2 + 1`.
	pub fn quorum(k: u32) -> u32 {
		(k / 2).saturating_add(1)
	}

	/// Posts a task of `who` and holds `reward × providers`.
	///
	/// # Errors
	/// `AccountFrozen`, `AccountBlacklisted`, `Restricted`, `BadProviders`, `RewardTooLow`,
	/// `BadReview`, `BadExpiry` (deadline), `Overflow` (escrow or ids), `TooManyOrders`,
	/// `DueFull`, `InsufficientBalance`.
	pub(crate) fn do_post_task(who: T::AccountId, spec: TaskSpecOf<T>) -> DispatchResult {
		Self::ensure_unrestricted(&who)?;
		ensure!((1..=T::MaxProviders::get()).contains(&spec.providers), Error::<T>::BadProviders);
		ensure!(
			!spec.reward.is_zero() && spec.reward >= T::Currency::minimum_balance(),
			Error::<T>::RewardTooLow
		);
		ensure!(
			!spec.review.is_zero() && spec.review <= T::MaxReview::get(),
			Error::<T>::BadReview
		);
		Self::ensure_lifetime(spec.deadline)?;
		let escrow = spec.reward.checked_mul(&spec.providers.into()).ok_or(Error::<T>::Overflow)?;
		let (reward, providers, deadline, verification) =
			(spec.reward, spec.providers, spec.deadline, spec.verification);
		let task = Task { spec, workers: BoundedVec::new(), phase: Phase::Open, escrow };
		let order = Order { consumer: who.clone(), due: None, kind: Kind::Task(task) };
		let id = Self::open_order(order, HoldReason::Task, escrow, deadline)?;
		Self::deposit_event(Event::TaskPosted {
			order: id,
			consumer: who,
			reward,
			providers,
			deadline,
			verification,
		});
		Ok(())
	}

	/// Gives `who` a slot of task `id` for its `resource`, which becomes busy with the task.
	///
	/// # Errors
	/// `AccountFrozen` / `AccountBlacklisted` (of the provider, then of the consumer),
	/// `Restricted`, `UnknownOrder`, `NotTask`, `OwnOrder` (the consumer, hence also its
	/// machines), `NotOpen`, `PastDeadline`, `AlreadyWorker` (one slot per owner),
	/// `SameMachine` (one slot per machine), `TaskFull`, `UnknownResource`, `NotOwner`,
	/// `NotListed`, `Unsuitable`.
	pub(crate) fn do_take(who: T::AccountId, id: OrderId, resource: ResourceId) -> DispatchResult {
		Self::ensure_unrestricted(&who)?;
		let mut order = Orders::<T>::get(id).ok_or(Error::<T>::UnknownOrder)?;
		let Kind::Task(task) = &mut order.kind else { return Err(Error::<T>::NotTask.into()) };
		// A sanctioned consumer's task takes no new workers; it may still cancel it.
		Self::ensure_good(&order.consumer)?;
		ensure!(order.consumer != who, Error::<T>::OwnOrder);
		ensure!(task.phase == Phase::Open, Error::<T>::NotOpen);
		ensure!(Self::now() < task.spec.deadline, Error::<T>::PastDeadline);
		ensure!(!task.workers.iter().any(|w| w.provider == who), Error::<T>::AlreadyWorker);
		ensure!(!task.workers.iter().any(|w| w.resource == resource), Error::<T>::SameMachine);
		ensure!((task.workers.len() as u32) < task.spec.providers, Error::<T>::TaskFull);
		// The owner is `who`: never the consumer, never another worker.
		Self::suitable(&who, resource, &task.spec.requirements, None)?;
		task.workers
			.try_push(Worker { provider: who.clone(), resource, commitment: None, result: None })
			.map_err(|_| Error::<T>::TaskFull)?;
		T::Resources::engage(resource, &order.consumer, true)?;
		Orders::<T>::insert(id, order);
		Self::deposit_event(Event::Taken { order: id, provider: who, resource });
		Ok(())
	}

	/// Records `who`'s commitment for task `id` and frees its resource; the k-th commitment
	/// opens the reveal.
	///
	/// # Errors
	/// `UnknownOrder`, `NotTask`, `NotOpen`, `PastDeadline`, `NotWorker`, `AlreadyCommitted`,
	/// `DuplicateCommitment`.
	pub(crate) fn do_commit(who: T::AccountId, id: OrderId, commitment: H256) -> DispatchResult {
		let mut order = Orders::<T>::get(id).ok_or(Error::<T>::UnknownOrder)?;
		let Kind::Task(task) = &mut order.kind else { return Err(Error::<T>::NotTask.into()) };
		ensure!(task.phase == Phase::Open, Error::<T>::NotOpen);
		ensure!(Self::now() < task.spec.deadline, Error::<T>::PastDeadline);
		ensure!(
			!task.workers.iter().any(|w| w.commitment == Some(commitment)),
			Error::<T>::DuplicateCommitment
		);
		let worker =
			task.workers.iter_mut().find(|w| w.provider == who).ok_or(Error::<T>::NotWorker)?;
		ensure!(worker.commitment.is_none(), Error::<T>::AlreadyCommitted);
		worker.commitment = Some(commitment);
		Self::free(worker.resource);
		let all = task.workers.len() as u32 == task.spec.providers
			&& task.workers.iter().all(|w| w.commitment.is_some());
		Self::deposit_event(Event::Committed { order: id, provider: who, commitment });
		if all {
			Self::open_reveal(id, &mut order);
		}
		Orders::<T>::insert(id, order);
		Ok(())
	}

	/// Opens the reveal of task `id` for [`Config::RevealWindow`] blocks from now and books
	/// its end. The caller stores the order.
	fn open_reveal(id: OrderId, order: &mut Order<T>) {
		let until = Self::now().saturating_add(T::RevealWindow::get());
		if let Kind::Task(task) = &mut order.kind {
			task.phase = Phase::Reveal { until };
		}
		Self::reschedule(id, order, Some(until));
		Self::deposit_event(Event::RevealOpened { order: id, until });
	}

	/// Records `who`'s revealed result for task `id` once it matches its commitment; the
	/// last reveal decides the task at once.
	///
	/// # Errors
	/// `UnknownOrder`, `NotTask`, `NotRevealing`, `RevealOver`, `NotWorker`,
	/// `AlreadyRevealed`, `BadReveal`; when deciding, a payment's error (a worker unable to
	/// receive its reward).
	pub(crate) fn do_reveal(
		who: T::AccountId,
		id: OrderId,
		hash: H256,
		uri: Uri,
		salt: H256,
	) -> DispatchResultWithPostInfo {
		let mut order = Orders::<T>::get(id).ok_or(Error::<T>::UnknownOrder)?;
		let Kind::Task(task) = &mut order.kind else { return Err(Error::<T>::NotTask.into()) };
		let Phase::Reveal { until } = task.phase else {
			return Err(Error::<T>::NotRevealing.into());
		};
		ensure!(Self::now() < until, Error::<T>::RevealOver);
		let worker =
			task.workers.iter_mut().find(|w| w.provider == who).ok_or(Error::<T>::NotWorker)?;
		ensure!(worker.result.is_none(), Error::<T>::AlreadyRevealed);
		ensure!(
			worker.commitment == Some(Self::commitment(id, &hash, &salt, &who)),
			Error::<T>::BadReveal
		);
		worker.result = Some(Submission { hash, uri });
		let k = task.workers.len() as u32;
		let all = task.workers.iter().all(|w| w.result.is_some());
		Self::deposit_event(Event::Revealed { order: id, provider: who, result: hash });
		if all {
			Self::decide(id, order)?;
			Ok(Some(T::WeightInfo::reveal(k)).into())
		} else {
			Orders::<T>::insert(id, order);
			Ok(Some(T::WeightInfo::reveal(1)).into())
		}
	}

	/// Ends the commit phase of an open task at its deadline: workers without a commitment
	/// get a ruling against them and their resources back; the shares of their slots and of
	/// the slots nobody took are refunded; without any commitment the task is closed, else
	/// the reveal opens.
	///
	/// # Errors
	/// A hold smaller than the escrow (the books are wrong).
	pub(crate) fn end_at_deadline(id: OrderId, mut order: Order<T>) -> DispatchResult {
		let consumer = order.consumer.clone();
		let Kind::Task(task) = &mut order.kind else { return Ok(()) };
		let mut kept = BoundedVec::<_, T::MaxProviders>::new();
		for w in core::mem::take(&mut task.workers) {
			if w.commitment.is_some() {
				// Fewer than were there: always fits.
				let _ = kept.try_push(w);
			} else {
				T::Reputation::ruling(&w.provider, true);
				Self::free(w.resource);
				Self::deposit_event(Event::Missed {
					order: id,
					provider: w.provider,
					resource: w.resource,
				});
			}
		}
		let committed = kept.len() as u32;
		if committed == 0 {
			let refund = task.escrow;
			Self::release(HoldReason::Task, &consumer, refund)?;
			Self::remove_order(id, &order);
			Self::deposit_event(Event::Expired { order: id, refund });
			return Ok(());
		}
		let unpaid = task.spec.providers.saturating_sub(committed);
		let refund = task.spec.reward.saturating_mul(unpaid.into()).min(task.escrow);
		Self::release(HoldReason::Task, &consumer, refund)?;
		task.escrow.saturating_reduce(refund);
		task.workers = kept;
		Self::deposit_event(Event::DeadlineReached { order: id, committed, refund });
		Self::open_reveal(id, &mut order);
		Orders::<T>::insert(id, order);
		Ok(())
	}

	/// Decides a task whose reveal is over (or complete): workers who did not reveal are
	/// missing (ruling against, share refunded); without any result everything is refunded;
	/// a quorum of equal results and no other is paid (mode `Majority`) or put under review
	/// (mode `Consumer`); anything else is frozen and disputed.
	///
	/// # Errors
	/// A hold smaller than the escrow (the books are wrong), a payment's error.
	pub(crate) fn decide(id: OrderId, mut order: Order<T>) -> DispatchResult {
		let consumer = order.consumer.clone();
		let Kind::Task(task) = &mut order.kind else { return Ok(()) };
		let reward = task.spec.reward;
		let mut kept = BoundedVec::<_, T::MaxProviders>::new();
		let mut refund = BalanceOf::<T>::zero();
		for w in core::mem::take(&mut task.workers) {
			if w.result.is_some() {
				// Fewer than were there: always fits.
				let _ = kept.try_push(w);
			} else {
				let share = reward.min(task.escrow);
				task.escrow.saturating_reduce(share);
				refund.saturating_accrue(share);
				T::Reputation::ruling(&w.provider, true);
				Self::deposit_event(Event::Missed {
					order: id,
					provider: w.provider,
					resource: w.resource,
				});
			}
		}
		let results = kept.len() as u32;
		if results == 0 {
			let refund = refund.saturating_add(task.escrow);
			Self::release(HoldReason::Task, &consumer, refund)?;
			Self::remove_order(id, &order);
			Self::deposit_event(Event::Expired { order: id, refund });
			return Ok(());
		}
		Self::release(HoldReason::Task, &consumer, refund)?;
		task.workers = kept;
		let quorum = Self::quorum(task.spec.providers);
		let agreed = Self::agreed(&task.workers);
		match agreed.filter(|_| results >= quorum) {
			Some(result) => match task.spec.verification {
				Verification::Majority => Self::complete(id, order, result, Acceptance::Majority),
				Verification::Consumer => {
					let until = Self::now().saturating_add(task.spec.review);
					task.phase = Phase::Review { result, until };
					Self::reschedule(id, &mut order, Some(until));
					Orders::<T>::insert(id, order);
					Self::deposit_event(Event::InReview { order: id, result, until });
					Ok(())
				},
			},
			None => {
				let respondent = task.workers.first().map(|w| w.provider.clone());
				task.phase = Phase::Disputed { result: agreed };
				Self::reschedule(id, &mut order, None);
				Orders::<T>::insert(id, order);
				let Some(respondent) = respondent else { return Ok(()) };
				// Arbitration refusing changes nothing there; the arbiter origin still rules.
				let opened = T::Disputes::open(Subject::Task(id), &consumer, &respondent)
					.inspect_err(
						|e| log::warn!(target: crate::LOG_TARGET, "dispute of task {id}: {e:?}"),
					)
					.is_ok();
				Self::deposit_event(Event::NoQuorum {
					order: id,
					results,
					quorum,
					respondent,
					opened,
				});
				Ok(())
			},
		}
	}

	/// The result hash every worker revealed, if they all revealed the same.
	pub(crate) fn agreed(workers: &[Worker<T::AccountId>]) -> Option<H256> {
		let mut hashes = workers.iter().map(|w| w.result.as_ref().map(|s| s.hash));
		let first = hashes.next().flatten()?;
		hashes.all(|h| h == Some(first)).then_some(first)
	}

	/// Pays every remaining worker its reward, refunds any rest, removes the task and opens
	/// its ratings.
	///
	/// # Errors
	/// A payment's error (a worker unable to receive its reward, a hold too small).
	pub(crate) fn complete(
		id: OrderId,
		order: Order<T>,
		result: H256,
		acceptance: Acceptance,
	) -> DispatchResult {
		let Kind::Task(task) = &order.kind else { return Ok(()) };
		let terms = T::Fees::terms();
		let mut escrow = task.escrow;
		let mut paid = PaidOf::<T>::new();
		for w in task.workers.iter() {
			let gross = task.spec.reward.min(escrow);
			Self::pay(id, &order.consumer, &w.provider, gross, &terms, &mut paid)?;
			escrow.saturating_reduce(gross);
		}
		Self::release(HoldReason::Task, &order.consumer, escrow)?;
		Self::remove_order(id, &order);
		Self::open_ratings(id, &order.consumer, paid);
		Self::deposit_event(Event::Completed { order: id, result, acceptance });
		Ok(())
	}

	/// Pays `gross` of `consumer`'s task hold to `provider`, less the fee, and notes it in
	/// `paid` (nothing to pay: nothing noted).
	///
	/// # Errors
	/// [`pay_held`]'s.
	fn pay(
		id: OrderId,
		consumer: &T::AccountId,
		provider: &T::AccountId,
		gross: BalanceOf<T>,
		terms: &FeeTerms<BalanceOf<T>>,
		paid: &mut PaidOf<T>,
	) -> DispatchResult {
		if gross.is_zero() {
			return Ok(());
		}
		let out = pay_held::<_, T::Currency, T::Treasury>(
			&HoldReason::Task.into(),
			consumer,
			provider,
			gross,
			terms,
		)?;
		// At most one per worker: always fits.
		let _ = paid.try_push(PaidWorker {
			provider: provider.clone(),
			paid: gross,
			by_consumer: false,
			by_worker: false,
		});
		Self::deposit_event(Event::Paid {
			order: id,
			provider: provider.clone(),
			net: out.net,
			burned: out.burned,
			treasury: out.treasury,
		});
		Ok(())
	}

	/// Returns a resource to the market; the registry refusing (the resource gone or no
	/// longer busy) must not keep a task from ending, so it is only logged.
	pub(crate) fn free(resource: ResourceId) {
		if let Err(e) = T::Resources::release(resource) {
			log::warn!(target: crate::LOG_TARGET, "releasing resource {resource}: {e:?}");
		}
	}

	/// The consumer accepts the result under review.
	///
	/// # Errors
	/// `UnknownOrder`, `NotConsumer`, `NotTask`, `NotInReview`, a payment's error.
	pub(crate) fn do_accept_result(who: T::AccountId, id: OrderId) -> DispatchResultWithPostInfo {
		let order = Orders::<T>::get(id).ok_or(Error::<T>::UnknownOrder)?;
		ensure!(order.consumer == who, Error::<T>::NotConsumer);
		let Kind::Task(task) = &order.kind else { return Err(Error::<T>::NotTask.into()) };
		let Phase::Review { result, .. } = task.phase else {
			return Err(Error::<T>::NotInReview.into());
		};
		let k = task.workers.len() as u32;
		Self::complete(id, order, result, Acceptance::Consumer)?;
		Ok(Some(T::WeightInfo::accept_result(k)).into())
	}

	/// The consumer rejects the result under review: the escrow is frozen and a dispute
	/// opened against the quorum's first worker.
	///
	/// # Errors
	/// `UnknownOrder`, `NotConsumer`, `NotTask`, `NotInReview`, `ReviewOver`,
	/// [`Config::Disputes`]' errors (arbitration cannot take the dispute now).
	pub(crate) fn do_reject_result(who: T::AccountId, id: OrderId) -> DispatchResult {
		let mut order = Orders::<T>::get(id).ok_or(Error::<T>::UnknownOrder)?;
		ensure!(order.consumer == who, Error::<T>::NotConsumer);
		let Kind::Task(task) = &mut order.kind else { return Err(Error::<T>::NotTask.into()) };
		let Phase::Review { result, until } = task.phase else {
			return Err(Error::<T>::NotInReview.into());
		};
		ensure!(Self::now() < until, Error::<T>::ReviewOver);
		let respondent =
			task.workers.first().map(|w| w.provider.clone()).ok_or(Error::<T>::NotInReview)?;
		T::Disputes::open(Subject::Task(id), &who, &respondent)?;
		task.phase = Phase::Disputed { result: Some(result) };
		Self::reschedule(id, &mut order, None);
		Orders::<T>::insert(id, order);
		Self::deposit_event(Event::Rejected { order: id, respondent });
		Ok(())
	}

	/// Freezes the escrow of a task under review, for arbitration.
	///
	/// # Errors
	/// `UnknownOrder`, `NotTask`, `NotInReview` (not decided, or frozen already).
	pub(crate) fn do_freeze(id: OrderId) -> DispatchResult {
		let mut order = Orders::<T>::get(id).ok_or(Error::<T>::UnknownOrder)?;
		let Kind::Task(task) = &mut order.kind else { return Err(Error::<T>::NotTask.into()) };
		let Phase::Review { result, .. } = task.phase else {
			return Err(Error::<T>::NotInReview.into());
		};
		task.phase = Phase::Disputed { result: Some(result) };
		Self::reschedule(id, &mut order, None);
		Orders::<T>::insert(id, order);
		Self::deposit_event(Event::Frozen { order: id });
		Ok(())
	}

	/// Settles a disputed task upholding `upheld` (`None`: every remaining worker's result):
	/// each worker of the upheld result gets `provider_share` of its reward (less the fee),
	/// the other workers nothing (`Outvoted`), the consumer the rest; reputations as the
	/// module documentation says; ratings open for the workers paid.
	///
	/// # Errors
	/// `UnknownOrder`, `NotTask`, `NotDisputed`, `UnknownResult` (no worker revealed
	/// `upheld`), a payment's error.
	pub(crate) fn do_rule(
		id: OrderId,
		provider_share: Perbill,
		upheld: Option<H256>,
	) -> DispatchResultWithPostInfo {
		let order = Orders::<T>::get(id).ok_or(Error::<T>::UnknownOrder)?;
		let Kind::Task(task) = &order.kind else { return Err(Error::<T>::NotTask.into()) };
		ensure!(matches!(task.phase, Phase::Disputed { .. }), Error::<T>::NotDisputed);
		let holds = |w: &Worker<T::AccountId>| {
			upheld.is_none_or(|h| w.result.as_ref().is_some_and(|s| s.hash == h))
		};
		ensure!(task.workers.iter().any(holds), Error::<T>::UnknownResult);
		let consumer = &order.consumer;
		let terms = T::Fees::terms();
		let reward = task.spec.reward;
		let mut escrow = task.escrow;
		let (mut paid, mut refund) = (BalanceOf::<T>::zero(), BalanceOf::<T>::zero());
		let mut rated = PaidOf::<T>::new();
		for w in task.workers.iter() {
			if holds(w) {
				let gross = provider_share.mul_floor(reward).min(escrow);
				Self::pay(id, consumer, &w.provider, gross, &terms, &mut rated)?;
				escrow.saturating_reduce(gross);
				paid.saturating_accrue(gross);
			} else {
				let share = reward.min(escrow);
				escrow.saturating_reduce(share);
				refund.saturating_accrue(share);
				T::Reputation::ruling(&w.provider, true);
				Self::deposit_event(Event::Outvoted {
					order: id,
					provider: w.provider.clone(),
					refund: share,
				});
			}
		}
		refund.saturating_accrue(escrow);
		Self::release(HoldReason::Task, consumer, refund)?;
		let half = Perbill::from_percent(50);
		if provider_share != half {
			for w in task.workers.iter().filter(|w| holds(w)) {
				T::Reputation::ruling(&w.provider, provider_share < half);
			}
			T::Reputation::ruling(consumer, provider_share > half);
		}
		let k = task.workers.len() as u32;
		Self::remove_order(id, &order);
		Self::open_ratings(id, consumer, rated);
		Self::deposit_event(Event::Ruled { order: id, upheld, provider_share, paid, refund });
		Ok(Some(T::WeightInfo::rule(k)).into())
	}
}

/// Arbitration acts on task escrows through this; leases have their own. A ruling through
/// [`Escrow::rule`] upholds every remaining worker's result (see [`Pallet::rule`] to uphold
/// one of several).
impl<T: Config> Escrow for Pallet<T> {
	fn freeze(subject: Subject) -> DispatchResult {
		let Subject::Task(id) = subject else { return Err(Error::<T>::WrongSubject.into()) };
		Self::do_freeze(id)
	}

	fn rule(subject: Subject, provider_share: Perbill) -> DispatchResult {
		let Subject::Task(id) = subject else { return Err(Error::<T>::WrongSubject.into()) };
		Self::do_rule(id, provider_share, None).map(|_| ()).map_err(|e| e.error)
	}
}
