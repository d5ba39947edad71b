//! Task orders: posted with `reward × k` held; providers take slots with listed resources
//! (busy until they submit); the result submitted by more than half of the submissions is
//! the task's result; its workers are paid at once (mode `Majority`) or after the consumer's
//! review (mode `Consumer`; silence accepts), or by ruling after a rejection. Workers off the
//! majority or past the deadline lose reputation and their shares go back to the consumer.
//!
//! Rulings on reputation when a disputed task is settled: below half of the reward to the
//! providers, the majority's workers were at fault (`ruling(worker, true)`) and the consumer
//! was not (`ruling(consumer, false)`); above half, the consumer was at fault and the workers
//! were not; exactly half, nobody was at fault.

use crate::{
	pallet::*, Acceptance, Kind, Order, Phase, Submission, Task, TaskSpecOf, Uri, Verification,
	WeightInfo, Worker,
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
		traits::{CheckedMul, Saturating, Zero},
		DispatchError, DispatchResult, Perbill,
	},
};
use powerverse_primitives::{
	pay_held, Disputes, Escrow, FeePolicy, FeeTerms, OrderId, Reputation, ResourceId, Resources,
	Subject,
};

impl<T: Config> Pallet<T> {
	/// Posts a task of `who` and holds `reward × providers`.
	///
	/// # Errors
	/// `Restricted`, `BadProviders`, `RewardTooLow`, `BadReview`, `BadExpiry` (deadline),
	/// `Overflow` (escrow or ids), `TooManyOrders`, `DueFull`, `InsufficientBalance`.
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
	/// `Restricted`, `UnknownOrder`, `NotTask`, `OwnOrder`, `NotOpen`, `PastDeadline`,
	/// `AlreadyWorker`, `TaskFull`, `UnknownResource`, `NotOwner`, `NotListed`,
	/// `Unsuitable`.
	pub(crate) fn do_take(who: T::AccountId, id: OrderId, resource: ResourceId) -> DispatchResult {
		Self::ensure_unrestricted(&who)?;
		let mut order = Orders::<T>::get(id).ok_or(Error::<T>::UnknownOrder)?;
		let Kind::Task(task) = &mut order.kind else { return Err(Error::<T>::NotTask.into()) };
		ensure!(order.consumer != who, Error::<T>::OwnOrder);
		ensure!(task.phase == Phase::Open, Error::<T>::NotOpen);
		ensure!(Self::now() < task.spec.deadline, Error::<T>::PastDeadline);
		ensure!(!task.workers.iter().any(|w| w.provider == who), Error::<T>::AlreadyWorker);
		ensure!((task.workers.len() as u32) < task.spec.providers, Error::<T>::TaskFull);
		Self::suitable(&who, resource, &task.spec.requirements, None)?;
		task.workers
			.try_push(Worker { provider: who.clone(), resource, result: None })
			.map_err(|_| Error::<T>::TaskFull)?;
		T::Resources::engage(resource, &order.consumer, true)?;
		Orders::<T>::insert(id, order);
		Self::deposit_event(Event::Taken { order: id, provider: who, resource });
		Ok(())
	}

	/// Records `who`'s result for task `id` and frees its resource; the k-th result decides
	/// the task at once.
	///
	/// # Errors
	/// `UnknownOrder`, `NotTask`, `NotOpen`, `PastDeadline`, `NotWorker`, `AlreadySubmitted`;
	/// when deciding, a payment's error (a worker unable to receive its reward).
	pub(crate) fn do_submit(
		who: T::AccountId,
		id: OrderId,
		hash: H256,
		uri: Uri,
	) -> DispatchResultWithPostInfo {
		let mut order = Orders::<T>::get(id).ok_or(Error::<T>::UnknownOrder)?;
		let Kind::Task(task) = &mut order.kind else { return Err(Error::<T>::NotTask.into()) };
		ensure!(task.phase == Phase::Open, Error::<T>::NotOpen);
		ensure!(Self::now() < task.spec.deadline, Error::<T>::PastDeadline);
		let worker =
			task.workers.iter_mut().find(|w| w.provider == who).ok_or(Error::<T>::NotWorker)?;
		ensure!(worker.result.is_none(), Error::<T>::AlreadySubmitted);
		worker.result = Some(Submission { hash, uri });
		Self::free(worker.resource);
		let k = task.workers.len() as u32;
		let complete = k == task.spec.providers && task.workers.iter().all(|w| w.result.is_some());
		Self::deposit_event(Event::Submitted { order: id, provider: who, result: hash });
		if complete {
			Self::decide(id, order)?;
			Ok(Some(T::WeightInfo::submit(k)).into())
		} else {
			Orders::<T>::insert(id, order);
			Ok(Some(T::WeightInfo::submit(1)).into())
		}
	}

	/// Ends an open task at its deadline: workers without a result get a ruling against
	/// them and their resources back; the shares of their slots and of the slots nobody
	/// took are refunded; without any result the task is closed, else the results are
	/// decided.
	///
	/// # Errors
	/// A hold smaller than the escrow (the books are wrong), a payment's error.
	pub(crate) fn end_at_deadline(id: OrderId, mut order: Order<T>) -> DispatchResult {
		let consumer = order.consumer.clone();
		let Kind::Task(task) = &mut order.kind else { return Ok(()) };
		let mut kept = BoundedVec::<_, T::MaxProviders>::new();
		for w in core::mem::take(&mut task.workers) {
			if w.result.is_some() {
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
		let results = kept.len() as u32;
		if results == 0 {
			let refund = task.escrow;
			Self::release(HoldReason::Task, &consumer, refund)?;
			Self::remove_order(id, &consumer);
			Self::deposit_event(Event::Expired { order: id, refund });
			return Ok(());
		}
		let unpaid = task.spec.providers.saturating_sub(results);
		let refund = task.spec.reward.saturating_mul(unpaid.into()).min(task.escrow);
		Self::release(HoldReason::Task, &consumer, refund)?;
		task.escrow.saturating_reduce(refund);
		task.workers = kept;
		Self::deposit_event(Event::DeadlineReached { order: id, results, refund });
		Self::decide(id, order)
	}

	/// Decides a task whose workers all submitted: refunds everything without a majority;
	/// else refunds the outvoted workers' shares (with a ruling against them) and pays the
	/// majority (mode `Majority`) or puts its result under review (mode `Consumer`).
	///
	/// # Errors
	/// A hold smaller than the escrow (the books are wrong), a payment's error.
	pub(crate) fn decide(id: OrderId, mut order: Order<T>) -> DispatchResult {
		let consumer = order.consumer.clone();
		let Kind::Task(task) = &mut order.kind else { return Ok(()) };
		let Some(result) = Self::majority(&task.workers) else {
			let refund = task.escrow;
			Self::release(HoldReason::Task, &consumer, refund)?;
			Self::remove_order(id, &consumer);
			Self::deposit_event(Event::NoMajority { order: id, refund });
			return Ok(());
		};
		let reward = task.spec.reward;
		let mut kept = BoundedVec::<_, T::MaxProviders>::new();
		for w in core::mem::take(&mut task.workers) {
			if w.result.as_ref().is_some_and(|s| s.hash == result) {
				// Fewer than were there: always fits.
				let _ = kept.try_push(w);
			} else {
				let refund = reward.min(task.escrow);
				Self::release(HoldReason::Task, &consumer, refund)?;
				task.escrow.saturating_reduce(refund);
				T::Reputation::ruling(&w.provider, true);
				Self::deposit_event(Event::Outvoted { order: id, provider: w.provider, refund });
			}
		}
		task.workers = kept;
		match task.spec.verification {
			Verification::Majority => Self::complete(id, order, result, Acceptance::Majority),
			Verification::Consumer => {
				let until = Self::now().saturating_add(task.spec.review);
				task.phase = Phase::Review { result, until };
				order.due = Self::schedule(id, until);
				Orders::<T>::insert(id, order);
				Self::deposit_event(Event::InReview { order: id, result, until });
				Ok(())
			},
		}
	}

	/// The result hash submitted by more than half of the workers who submitted.
	pub(crate) fn majority(workers: &[Worker<T::AccountId>]) -> Option<H256> {
		let hashes = || workers.iter().filter_map(|w| w.result.as_ref().map(|s| s.hash));
		let submitted = hashes().count();
		hashes().find(|h| hashes().filter(|o| o == h).count().saturating_mul(2) > submitted)
	}

	/// Pays every remaining worker its reward, refunds any rest, removes the task.
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
		for w in task.workers.iter() {
			let gross = task.spec.reward.min(escrow);
			Self::pay(id, &order.consumer, &w.provider, gross, &terms)?;
			escrow.saturating_reduce(gross);
		}
		Self::release(HoldReason::Task, &order.consumer, escrow)?;
		Self::remove_order(id, &order.consumer);
		Self::deposit_event(Event::Completed { order: id, result, acceptance });
		Ok(())
	}

	/// Pays `gross` of `consumer`'s task hold to `provider`, less the fee.
	///
	/// # Errors
	/// [`pay_held`]'s.
	fn pay(
		id: OrderId,
		consumer: &T::AccountId,
		provider: &T::AccountId,
		gross: BalanceOf<T>,
		terms: &FeeTerms<BalanceOf<T>>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let out = pay_held::<_, T::Currency, T::Treasury>(
			&HoldReason::Task.into(),
			consumer,
			provider,
			gross,
			terms,
		)?;
		Self::deposit_event(Event::Paid {
			order: id,
			provider: provider.clone(),
			net: out.net,
			burned: out.burned,
			treasury: out.treasury,
		});
		Ok(gross)
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
	/// opened against the majority's first worker.
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
		task.phase = Phase::Disputed { result };
		order.due = None;
		Orders::<T>::insert(id, order);
		Self::deposit_event(Event::Rejected { order: id, respondent });
		Ok(())
	}

	/// Freezes the escrow of a task under review, for arbitration.
	///
	/// # Errors
	/// `UnknownOrder`, `NotTask`, `NotInReview` (still open, or frozen already).
	pub(crate) fn do_freeze(id: OrderId) -> DispatchResult {
		let mut order = Orders::<T>::get(id).ok_or(Error::<T>::UnknownOrder)?;
		let Kind::Task(task) = &mut order.kind else { return Err(Error::<T>::NotTask.into()) };
		let Phase::Review { result, .. } = task.phase else {
			return Err(Error::<T>::NotInReview.into());
		};
		task.phase = Phase::Disputed { result };
		order.due = None;
		Orders::<T>::insert(id, order);
		Self::deposit_event(Event::Frozen { order: id });
		Ok(())
	}

	/// Settles a disputed task: each worker gets `provider_share` of its reward (less the
	/// fee), the consumer the rest; reputations as the module documentation says.
	///
	/// # Errors
	/// `UnknownOrder`, `NotTask`, `NotDisputed`, a payment's error.
	pub(crate) fn do_rule(id: OrderId, provider_share: Perbill) -> DispatchResultWithPostInfo {
		let order = Orders::<T>::get(id).ok_or(Error::<T>::UnknownOrder)?;
		let Kind::Task(task) = &order.kind else { return Err(Error::<T>::NotTask.into()) };
		ensure!(matches!(task.phase, Phase::Disputed { .. }), Error::<T>::NotDisputed);
		let consumer = &order.consumer;
		let terms = T::Fees::terms();
		let mut escrow = task.escrow;
		let mut paid = BalanceOf::<T>::zero();
		for w in task.workers.iter() {
			let gross = provider_share.mul_floor(task.spec.reward).min(escrow);
			Self::pay(id, consumer, &w.provider, gross, &terms)?;
			escrow.saturating_reduce(gross);
			paid.saturating_accrue(gross);
		}
		Self::release(HoldReason::Task, consumer, escrow)?;
		let half = Perbill::from_percent(50);
		if provider_share != half {
			for w in task.workers.iter() {
				T::Reputation::ruling(&w.provider, provider_share < half);
			}
			T::Reputation::ruling(consumer, provider_share > half);
		}
		let k = task.workers.len() as u32;
		Self::remove_order(id, consumer);
		Self::deposit_event(Event::Ruled { order: id, provider_share, paid, refund: escrow });
		Ok(Some(T::WeightInfo::rule(k)).into())
	}
}

/// Arbitration acts on task escrows through this; leases have their own.
impl<T: Config> Escrow for Pallet<T> {
	fn freeze(subject: Subject) -> DispatchResult {
		let Subject::Task(id) = subject else { return Err(Error::<T>::WrongSubject.into()) };
		Self::do_freeze(id)
	}

	fn rule(subject: Subject, provider_share: Perbill) -> DispatchResult {
		let Subject::Task(id) = subject else { return Err(Error::<T>::WrongSubject.into()) };
		Self::do_rule(id, provider_share).map(|_| ()).map_err(|e| e.error)
	}
}
