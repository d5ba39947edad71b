//! Task ratings: once a task has paid its workers, the consumer and each paid worker may
//! rate each other once within [`Config::RatingWindow`]. A rating weighs what the task paid
//! that worker ([`Reputation::rate`]); a worker paid nothing (missing, not upheld, refunded)
//! has no rating to give or receive. The record is removed when everybody has rated, or by
//! the due queue at the end of the window.

use crate::{pallet::*, Job, PaidWorker, TaskRating};
use polkadot_sdk::{
	frame_support::{ensure, traits::Get, BoundedVec},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_core::H256,
	sp_runtime::{
		traits::{SaturatedConversion, Saturating},
		DispatchResult,
	},
};
use powerverse_primitives::{OrderId, Reputation};

impl<T: Config> Pallet<T> {
	/// Lets `consumer` and the `paid` workers of task `id` rate each other until the end of
	/// the rating window. Without a paid worker, or without room in the due queues to close
	/// the window (a record that could never be removed), there are no ratings.
	pub(crate) fn open_ratings(
		id: OrderId,
		consumer: &T::AccountId,
		paid: BoundedVec<PaidWorker<T::AccountId, BalanceOf<T>>, T::MaxProviders>,
	) {
		if paid.is_empty() {
			return;
		}
		let one = 1u32.into();
		let wanted = Self::now().saturating_add(T::RatingWindow::get()).saturating_add(one);
		let Some(at) = Self::book(Job::Forget(id), wanted) else { return };
		let until = at.saturating_sub(one);
		TaskRatings::<T>::insert(
			id,
			TaskRating::<T> { consumer: consumer.clone(), until, workers: paid },
		);
		Self::deposit_event(Event::RatingsOpened { order: id, until });
	}

	/// `by` rates `who` for task `id`: the consumer a paid worker, or a paid worker the
	/// consumer.
	///
	/// # Errors
	/// `BadStars`, `NotRatable` (no record, or the window closed), `NotParty`,
	/// `AlreadyRated`, and [`Config::Reputation`]'s refusal (e.g. the same rater rating the
	/// same account again within its rating period).
	pub(crate) fn do_rate(
		by: T::AccountId,
		id: OrderId,
		who: T::AccountId,
		stars: u8,
		comment: Option<H256>,
	) -> DispatchResult {
		ensure!((1..=5).contains(&stars), Error::<T>::BadStars);
		let mut record = TaskRatings::<T>::get(id).ok_or(Error::<T>::NotRatable)?;
		ensure!(Self::now() <= record.until, Error::<T>::NotRatable);
		let paid = if by == record.consumer {
			let w = record
				.workers
				.iter_mut()
				.find(|w| w.provider == who)
				.ok_or(Error::<T>::NotParty)?;
			ensure!(!w.by_consumer, Error::<T>::AlreadyRated);
			w.by_consumer = true;
			w.paid
		} else {
			ensure!(who == record.consumer, Error::<T>::NotParty);
			let w =
				record.workers.iter_mut().find(|w| w.provider == by).ok_or(Error::<T>::NotParty)?;
			ensure!(!w.by_worker, Error::<T>::AlreadyRated);
			w.by_worker = true;
			w.paid
		};
		T::Reputation::rate(&by, &who, stars, paid.saturated_into())?;
		if record.workers.iter().all(|w| w.by_consumer && w.by_worker) {
			TaskRatings::<T>::remove(id);
			Self::unbook(Job::Forget(id), Some(record.until.saturating_add(1u32.into())));
		} else {
			TaskRatings::<T>::insert(id, record);
		}
		Self::deposit_event(Event::Rated { order: id, by, who, stars, comment });
		Ok(())
	}

	/// The due queue of block `at` closes the rating window of task `id`.
	pub(crate) fn forget_ratings(id: OrderId, at: BlockNumberFor<T>) {
		if TaskRatings::<T>::get(id).is_some_and(|r| r.until < at) {
			TaskRatings::<T>::remove(id);
		}
	}
}
