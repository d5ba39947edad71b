//! Reputation of accounts: ratings after leases and tasks, arbitration rulings, decay toward
//! neutral, and the restriction threshold.
//!
//! - Range 0 (worst) to [`MAX_REPUTATION`] (best); an account never rated is [`NEUTRAL`].
//! - **Ratings** move reputation by an exponential moving average toward the rating's target
//!   (1 star → 0, 2 → 250, 3 → 500, 4 → 750, 5 → 1000): `new = old + factor × (target −
//!   old)`, with `factor` the runtime's `RatingFactor` (e.g. 10%: about the last ten ratings
//!   matter). The step is rounded away from `old`, so repeated ratings reach the target.
//! - **Weight**: a rating counts in proportion to what the rated deal paid: the step above
//!   times `min(paid, RatingFullWeight) / RatingFullWeight`, rounded down ([`weighted_ema`]).
//!   A deal that paid nothing, or next to nothing, moves nothing, so ratings cannot be bought
//!   with empty leases.
//! - **Once a period**: one rater rates one account at most once per `RatingPeriod` blocks
//!   (the periods are `block / RatingPeriod`); a second rating is refused with
//!   [`Error::AlreadyRatedThisPeriod`](crate::Error::AlreadyRatedThisPeriod). The record is
//!   one key per pair in the period's prefix of [`RatedIn`]; past periods are removed in
//!   `on_idle` ([`Pallet::prune`]), so only about one period of records is ever stored.
//! - **Rulings**: a ruling against the account subtracts the governance-set `RulingPenalty`;
//!   a favourable one adds the runtime's `RulingBonus`; both clamp to 0..=1000.
//! - **Decay**: the distance to neutral halves every `DecayHalfLife` blocks since the last
//!   rating or ruling, computed lazily on read ([`decayed`]); a write first applies the decay
//!   up to now.

use crate::{
	types::Record, Config, Error, Event, Pallet, PruneFrom, RatedIn, Reputations, RulingPenalty,
	Threshold, WeightInfo,
};
use polkadot_sdk::{
	frame_support::{ensure, traits::Get, weights::Weight},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{
		helpers_128bit::multiply_by_rational_with_rounding,
		traits::{One, Saturating, UniqueSaturatedInto, Zero},
		DispatchResult, Percent, Rounding,
	},
};
use powerverse_primitives::Reputation;

/// The best reputation.
pub const MAX_REPUTATION: u32 = 1000;

/// The reputation of an account never rated, and where every reputation decays to.
pub const NEUTRAL: u32 = 500;

/// After this many half-lives every reputation is neutral (500 >> 9 is already 0).
pub const MAX_HALVINGS: u64 = 32;

/// Reputation `value` after `elapsed` blocks of decay with a half-life of `half_life` blocks.
///
/// The distance to [`NEUTRAL`] is halved once per whole half-life (a shift, at most
/// [`MAX_HALVINGS`] of them), and within the current half-life interpolated linearly between
/// the distance at its start and half of it: continuous, monotone, integer-exact, and never
/// more than 5% of the distance away from the exponential `d × 2^(−elapsed / half_life)`.
/// A `half_life` of 0 means no decay.
pub fn decayed(value: u32, elapsed: u64, half_life: u64) -> u32 {
	let value = value.min(MAX_REPUTATION);
	if half_life == 0 {
		return value;
	}
	let halvings = elapsed / half_life;
	if halvings >= MAX_HALVINGS {
		return NEUTRAL;
	}
	let into_this = u128::from(elapsed % half_life);
	let (above, distance) =
		if value >= NEUTRAL { (true, value - NEUTRAL) } else { (false, NEUTRAL - value) };
	// `halvings < 32`, so the shift is defined.
	let start = distance.checked_shr(halvings as u32).unwrap_or(0);
	let end = start / 2;
	let fallen = u128::from(start - end).saturating_mul(into_this) / u128::from(half_life);
	// `fallen < start - end` because `into_this < half_life`.
	let left = start.saturating_sub(u32::try_from(fallen).unwrap_or(u32::MAX));
	if above {
		NEUTRAL.saturating_add(left)
	} else {
		NEUTRAL.saturating_sub(left)
	}
}

/// The reputation a rating of `stars` (1 to 5) pulls toward, `None` for other values.
pub fn rating_target(stars: u8) -> Option<u32> {
	(1..=5).contains(&stars).then(|| u32::from(stars - 1) * (MAX_REPUTATION / 4))
}

/// One exponential-moving-average step from `value` toward `target` by `factor`, the step
/// rounded away from `value`.
pub fn ema(value: u32, target: u32, factor: Percent) -> u32 {
	let value = value.min(MAX_REPUTATION);
	let target = target.min(MAX_REPUTATION);
	if target >= value {
		value.saturating_add(factor.mul_ceil(target - value))
	} else {
		value.saturating_sub(factor.mul_ceil(value - target))
	}
}

/// One [`ema`] step weighed by what the rated deal paid: the full step times
/// `min(paid, full) / full`, rounded down. A deal that paid `full` or more moves reputation as
/// [`ema`] does; one that paid nothing (or so little that the step rounds to 0) moves nothing.
/// A `full` of 0 weighs every rating in full.
pub fn weighted_ema(value: u32, target: u32, factor: Percent, paid: u128, full: u128) -> u32 {
	let value = value.min(MAX_REPUTATION);
	let target = target.min(MAX_REPUTATION);
	let step = ema(value, target, factor).abs_diff(value);
	let step = if full == 0 {
		step
	} else {
		// `paid.min(full) <= full`, so the result is at most `step` and fits.
		multiply_by_rational_with_rounding(step.into(), paid.min(full), full, Rounding::Down)
			.and_then(|s| u32::try_from(s).ok())
			.unwrap_or(0)
	};
	if target >= value {
		value.saturating_add(step)
	} else {
		value.saturating_sub(step)
	}
}

/// Most [`RatedIn`] records `on_idle` removes in one block, whatever weight is left.
pub const MAX_PRUNE_PER_BLOCK: u32 = 512;

/// Reputation after an arbitration ruling: `penalty` down when `against`, `bonus` up
/// otherwise, within 0..=1000.
pub fn after_ruling(value: u32, against: bool, penalty: u32, bonus: u32) -> u32 {
	if against {
		value.min(MAX_REPUTATION).saturating_sub(penalty)
	} else {
		value.saturating_add(bonus).min(MAX_REPUTATION)
	}
}

impl<T: Config> Pallet<T> {
	/// Reputation of `who` now, decay applied; [`NEUTRAL`] for an account never rated.
	pub fn reputation_of(who: &T::AccountId) -> u32 {
		Reputations::<T>::get(who).map_or(NEUTRAL, |record| Self::decayed_now(&record))
	}

	/// A record's value with the decay since its last update applied.
	fn decayed_now(record: &Record<frame_system::pallet_prelude::BlockNumberFor<T>>) -> u32 {
		let now = frame_system::Pallet::<T>::block_number();
		let elapsed: u64 = now.saturating_sub(record.updated_at).unique_saturated_into();
		let half_life: u64 = T::DecayHalfLife::get().unique_saturated_into();
		decayed(record.value, elapsed, half_life)
	}

	/// Applies decay up to now, then `change`, and stores the result at the current block.
	/// Returns the new reputation.
	fn update(who: &T::AccountId, rating: bool, change: impl FnOnce(u32) -> u32) -> u32 {
		let now = frame_system::Pallet::<T>::block_number();
		Reputations::<T>::mutate(who, |maybe| {
			let (current, ratings) = match maybe {
				Some(record) => (Self::decayed_now(record), record.ratings),
				None => (NEUTRAL, 0),
			};
			let value = change(current).min(MAX_REPUTATION);
			let ratings = if rating { ratings.saturating_add(1) } else { ratings };
			*maybe = Some(Record { value, updated_at: now, ratings });
			value
		})
	}

	/// The rating period `block` is in.
	pub fn period_of(block: BlockNumberFor<T>) -> BlockNumberFor<T> {
		let period = T::RatingPeriod::get();
		if period.is_zero() {
			return block;
		}
		block / period
	}

	/// Records a rating of `who` by `by` after a deal that paid `paid`: weighed by `paid`
	/// ([`weighted_ema`]), once per rater, account and rating period.
	///
	/// # Errors
	/// [`Error::BadStars`] when `stars` is not 1 to 5, [`Error::SelfRating`] when `by` is
	/// `who`, [`Error::AlreadyRatedThisPeriod`] when `by` rated `who` in this period already;
	/// nothing is written then.
	pub fn do_rate(by: &T::AccountId, who: &T::AccountId, stars: u8, paid: u128) -> DispatchResult {
		let target = rating_target(stars).ok_or(Error::<T>::BadStars)?;
		ensure!(by != who, Error::<T>::SelfRating);
		let period = Self::period_of(frame_system::Pallet::<T>::block_number());
		let pair = (by.clone(), who.clone());
		ensure!(!RatedIn::<T>::contains_key(period, &pair), Error::<T>::AlreadyRatedThisPeriod);
		RatedIn::<T>::insert(period, pair, ());
		let (factor, full) = (T::RatingFactor::get(), T::RatingFullWeight::get());
		let reputation = Self::update(who, true, |v| weighted_ema(v, target, factor, paid, full));
		Self::deposit_event(Event::Rated {
			by: by.clone(),
			who: who.clone(),
			stars,
			paid,
			reputation,
		});
		Ok(())
	}

	/// Removes the [`RatedIn`] records of past periods, from [`PruneFrom`] on, as far as
	/// `limit` allows (and at most [`MAX_PRUNE_PER_BLOCK`]); the rest waits for the next
	/// block. Returns the weight used.
	pub fn prune(now: BlockNumberFor<T>, limit: Weight) -> Weight {
		let base = T::WeightInfo::prune_ratings(0);
		let current = Self::period_of(now);
		if limit.any_lt(base) {
			return Weight::zero();
		}
		let mut from = PruneFrom::<T>::get();
		if from >= current {
			return T::DbWeight::get().reads(1);
		}
		let per = T::WeightInfo::prune_ratings(1).saturating_sub(base);
		let budget = limit
			.saturating_sub(base)
			.checked_div_per_component(&per)
			.unwrap_or(u64::MAX)
			.min(MAX_PRUNE_PER_BLOCK.into());
		// Every record removed and every period looked at counts one unit of the budget.
		let mut used = 0u64;
		while from < current && used < budget {
			let room = budget.saturating_sub(used).saturating_sub(1);
			let room = usize::try_from(room).unwrap_or(usize::MAX);
			let removed = RatedIn::<T>::drain_prefix(from).take(room).count();
			used = used.saturating_add(1).saturating_add(removed as u64);
			if removed < room {
				// Nothing left in this period.
				from = from.saturating_add(One::one());
			} else {
				break;
			}
		}
		PruneFrom::<T>::put(from);
		let units = u32::try_from(used).unwrap_or(u32::MAX);
		T::WeightInfo::prune_ratings(units)
	}

	/// Records an arbitration ruling about `who`.
	pub fn do_ruling(who: &T::AccountId, against: bool) {
		let (penalty, bonus) = (RulingPenalty::<T>::get(), T::RulingBonus::get());
		let reputation = Self::update(who, false, |v| after_ruling(v, against, penalty, bonus));
		Self::deposit_event(Event::Ruled { who: who.clone(), against, reputation });
	}

	/// Sets the restriction threshold.
	///
	/// # Errors
	/// [`Error::ThresholdTooHigh`] above 1000.
	pub(crate) fn do_set_threshold(threshold: u32) -> DispatchResult {
		ensure!(threshold <= MAX_REPUTATION, Error::<T>::ThresholdTooHigh);
		Threshold::<T>::put(threshold);
		Self::deposit_event(Event::ThresholdSet { threshold });
		Ok(())
	}

	/// Sets the penalty of a ruling against.
	///
	/// # Errors
	/// [`Error::PenaltyTooHigh`] above 1000.
	pub(crate) fn do_set_ruling_penalty(penalty: u32) -> DispatchResult {
		ensure!(penalty <= MAX_REPUTATION, Error::<T>::PenaltyTooHigh);
		RulingPenalty::<T>::put(penalty);
		Self::deposit_event(Event::RulingPenaltySet { penalty });
		Ok(())
	}
}

impl<T: Config> Reputation<T::AccountId> for Pallet<T> {
	fn reputation(who: &T::AccountId) -> u32 {
		Self::reputation_of(who)
	}

	fn is_restricted(who: &T::AccountId) -> bool {
		Self::reputation_of(who) < Threshold::<T>::get()
	}

	fn rate(by: &T::AccountId, who: &T::AccountId, stars: u8, paid: u128) -> DispatchResult {
		Self::do_rate(by, who, stars, paid)
	}

	fn ruling(who: &T::AccountId, against: bool) {
		Self::do_ruling(who, against)
	}
}
