//! # Scoring pallet
//!
//! Computes the performance score of a resource from its specs and keeps the reputation of
//! accounts.
//!
//! - **Score** ([`score`], formula in [`types`]): a weighted sum of the technical parameters,
//!   each normalised against a reference value and capped at 4× it. Governance sets the
//!   weights ([`Pallet::set_weights`]) and a table of CPU and GPU models with their relative
//!   throughput ([`Pallet::set_model`], [`Pallet::remove_model`]). Every change of either
//!   moves [`Version`] on, so the registry knows which stored scores are stale. Other pallets
//!   use it through [`powerverse_primitives::Scorer`].
//! - **Reputation** ([`reputation`]): 0 to 1000, neutral 500; ratings (1–5 stars) after
//!   leases and tasks move it by an exponential moving average, arbitration rulings by a
//!   penalty or a bonus, and it decays toward neutral with a half-life. Accounts below the
//!   governance threshold are restricted. Other pallets use it through
//!   [`powerverse_primitives::Reputation`].
//! - **Ratings cannot be bought**: a rating weighs in proportion to what the rated deal paid
//!   (up to [`Config::RatingFullWeight`]; nothing paid, no weight), and one rater rates one
//!   account at most once per [`Config::RatingPeriod`] ([`RatedIn`], pruned in `on_idle`).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
pub mod reputation;
pub mod score;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
	use crate::{
		reputation::MAX_REPUTATION,
		types::{reference_models, ModelInfo, ParamWeights, Record},
		WeightInfo,
	};
	use alloc::vec::Vec;
	use polkadot_sdk::{
		frame_support::pallet_prelude::*, frame_system::pallet_prelude::*, sp_runtime::Percent,
	};
	use powerverse_primitives::ModelName;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who may change weights, the model table, the threshold and the ruling penalty
		/// (council, a referenda track).
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Most entries the model table may hold.
		#[pallet::constant]
		type MaxModels: Get<u32>;

		/// Blocks in which a reputation's distance to neutral halves; not 0.
		#[pallet::constant]
		type DecayHalfLife: Get<BlockNumberFor<Self>>;

		/// How far one rating moves reputation toward the rating's target (the EMA factor);
		/// not 0.
		#[pallet::constant]
		type RatingFactor: Get<Percent>;

		/// How much a favourable ruling raises reputation; at most 1000.
		#[pallet::constant]
		type RulingBonus: Get<u32>;

		/// What a rated deal must have paid (in the native currency's smallest unit) for the
		/// rating to weigh in full; a deal that paid less moves reputation by `RatingFactor ×
		/// min(paid, RatingFullWeight) / RatingFullWeight` of the way. Not 0.
		#[pallet::constant]
		type RatingFullWeight: Get<u128>;

		/// Blocks in a rating period: one rater rates one account at most once a period
		/// (periods are `block / RatingPeriod`). Not 0.
		#[pallet::constant]
		type RatingPeriod: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// `Weights: ParamWeights` — the weight and reference value of every parameter.
	#[pallet::storage]
	pub type Weights<T: Config> = StorageValue<_, ParamWeights, ValueQuery>;

	/// `Models: ModelName => ModelInfo` — the reference table of CPU and GPU models, at most
	/// `MaxModels` entries.
	#[pallet::storage]
	pub type Models<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, ModelName, ModelInfo, OptionQuery>;

	/// `Version: u32` — moves on whenever the weights or the model table change; a score
	/// computed under another version is stale.
	#[pallet::storage]
	pub type Version<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// `Threshold: u32` — accounts with a reputation below it are restricted; at most 1000.
	#[pallet::storage]
	pub type Threshold<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// `RulingPenalty: u32` — how much a ruling against lowers reputation; at most 1000.
	#[pallet::storage]
	pub type RulingPenalty<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// `Reputations: AccountId => Record` — reputation of every account ever rated or ruled
	/// on, as last written (decay applies on read); absent means neutral.
	#[pallet::storage]
	pub type Reputations<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Record<BlockNumberFor<T>>, OptionQuery>;

	/// `RatedIn: (period, (rater, rated)) => ()` — who rated whom in each rating period
	/// (`block / RatingPeriod`). Only the current period is read; the records of past periods
	/// are removed in `on_idle` (from [`PruneFrom`] on), so the map holds about one period of
	/// ratings, each of which a paid deal opened.
	#[pallet::storage]
	pub type RatedIn<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		Blake2_128Concat,
		(T::AccountId, T::AccountId),
		(),
		OptionQuery,
	>;

	/// `PruneFrom` — the oldest rating period whose [`RatedIn`] records may not all be
	/// removed yet; every earlier period is empty.
	#[pallet::storage]
	pub type PruneFrom<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// Initial parameter weights; every reference non-zero.
		pub weights: ParamWeights,
		/// Initial model table, at most `MaxModels` entries.
		pub models: Vec<(ModelName, ModelInfo)>,
		/// Initial restriction threshold, at most 1000.
		pub threshold: u32,
		/// Initial ruling penalty, at most 1000.
		pub ruling_penalty: u32,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			Self {
				weights: ParamWeights::default(),
				models: reference_models(),
				threshold: 200,
				ruling_penalty: 100,
				_config: Default::default(),
			}
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			assert!(self.weights.references_valid(), "scoring genesis: a reference value is 0");
			assert!(self.threshold <= MAX_REPUTATION, "scoring genesis: threshold above 1000");
			assert!(self.ruling_penalty <= MAX_REPUTATION, "scoring genesis: penalty above 1000");
			Weights::<T>::put(self.weights);
			for (name, info) in &self.models {
				assert!(!name.is_empty() && info.fp32 != 0, "scoring genesis: bad model entry");
				Models::<T>::insert(name, info);
			}
			assert!(
				Models::<T>::count() <= T::MaxModels::get(),
				"scoring genesis: more models than MaxModels"
			);
			Threshold::<T>::put(self.threshold);
			RulingPenalty::<T>::put(self.ruling_penalty);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The parameter weights were replaced.
		WeightsSet {
			/// The new weights.
			weights: ParamWeights,
			/// The new score version.
			version: u32,
		},
		/// A model table entry was inserted or replaced.
		ModelSet {
			/// Model name.
			name: ModelName,
			/// Its kind and relative throughput.
			info: ModelInfo,
			/// The new score version.
			version: u32,
		},
		/// A model table entry was removed.
		ModelRemoved {
			/// Model name.
			name: ModelName,
			/// The new score version.
			version: u32,
		},
		/// The restriction threshold changed.
		ThresholdSet {
			/// Accounts below it are restricted.
			threshold: u32,
		},
		/// The ruling penalty changed.
		RulingPenaltySet {
			/// How much a ruling against lowers reputation.
			penalty: u32,
		},
		/// An account was rated after a lease or task.
		Rated {
			/// Who rated.
			by: T::AccountId,
			/// The account rated.
			who: T::AccountId,
			/// The rating, 1 to 5.
			stars: u8,
			/// What the rated deal paid: the rating weighs in proportion, up to
			/// `RatingFullWeight`.
			paid: u128,
			/// Its reputation after the rating.
			reputation: u32,
		},
		/// An arbitration ruling about an account was recorded.
		Ruled {
			/// The account ruled on.
			who: T::AccountId,
			/// Whether the ruling went against it.
			against: bool,
			/// Its reputation after the ruling.
			reputation: u32,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// A reference value of the weights (or the CPU reference clock) is 0; it divides,
		/// so give every parameter a positive reference.
		ZeroReference,
		/// The model table holds `MaxModels` entries already; remove an unused model first.
		TooManyModels,
		/// No model of that name is in the table; check the exact spelling.
		UnknownModel,
		/// A model name must not be empty.
		EmptyModelName,
		/// A model's FP32 throughput must be positive (1000 is the reference model).
		ZeroThroughput,
		/// The restriction threshold is a reputation: at most 1000.
		ThresholdTooHigh,
		/// The ruling penalty is a reputation difference: at most 1000.
		PenaltyTooHigh,
		/// A rating is 1 to 5 stars.
		BadStars,
		/// An account cannot rate itself.
		SelfRating,
		/// This rater has rated this account in the current rating period already; ratings
		/// of the same counterparty count once a period, try again in the next one.
		AlreadyRatedThisPeriod,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxModels::get() > 0, "MaxModels must allow at least one model");
			assert!(!T::DecayHalfLife::get().is_zero(), "DecayHalfLife must be positive");
			assert!(!T::RatingFactor::get().is_zero(), "RatingFactor must be positive");
			assert!(T::RulingBonus::get() <= MAX_REPUTATION, "RulingBonus must be at most 1000");
			assert!(T::RatingFullWeight::get() > 0, "RatingFullWeight must be positive");
			assert!(!T::RatingPeriod::get().is_zero(), "RatingPeriod must be positive");
		}

		fn on_idle(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::prune(now, remaining)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(
			_n: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Replaces the weight and reference value of every parameter. Moves the score
		/// version on: every resource is re-scored.
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::WeightsSet`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_weights())]
		pub fn set_weights(origin: OriginFor<T>, weights: ParamWeights) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_weights(weights)
		}

		/// Inserts or replaces the model table entry `name`. Moves the score version on.
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::ModelSet`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_model())]
		pub fn set_model(origin: OriginFor<T>, name: ModelName, info: ModelInfo) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_model(name, info)
		}

		/// Removes the model table entry `name`. Moves the score version on.
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::ModelRemoved`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_model())]
		pub fn remove_model(origin: OriginFor<T>, name: ModelName) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_remove_model(name)
		}

		/// Sets the reputation below which accounts are restricted (0 to 1000).
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::ThresholdSet`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_threshold())]
		pub fn set_threshold(origin: OriginFor<T>, threshold: u32) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_threshold(threshold)
		}

		/// Sets how much a ruling against lowers reputation (0 to 1000).
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::RulingPenaltySet`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_ruling_penalty())]
		pub fn set_ruling_penalty(origin: OriginFor<T>, penalty: u32) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_ruling_penalty(penalty)
		}
	}

	impl<T: Config> Pallet<T> {
		/// Checks the pallet's invariants: every reputation at most 1000 and not written in
		/// the future, the model count within `MaxModels` and equal to the entries, every
		/// entry named with a positive FP32 figure, threshold and penalty at most 1000, every
		/// reference non-zero, no rating recorded in a future period or left in a pruned one.
		///
		/// # Errors
		/// A message naming the first broken invariant.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			let now = polkadot_sdk::frame_system::Pallet::<T>::block_number();
			for (_, record) in Reputations::<T>::iter() {
				ensure!(record.value <= MAX_REPUTATION, "reputation above 1000");
				ensure!(record.updated_at <= now, "reputation written in the future");
			}
			let count = Models::<T>::count();
			ensure!(count <= T::MaxModels::get(), "more models than MaxModels");
			let mut entries = 0u32;
			for (name, info) in Models::<T>::iter() {
				ensure!(!name.is_empty() && info.fp32 != 0, "bad model entry");
				entries = entries.saturating_add(1);
			}
			ensure!(entries == count, "model counter differs from the entries");
			ensure!(Threshold::<T>::get() <= MAX_REPUTATION, "threshold above 1000");
			ensure!(RulingPenalty::<T>::get() <= MAX_REPUTATION, "ruling penalty above 1000");
			ensure!(Weights::<T>::get().references_valid(), "a reference value is 0");
			let (current, from) = (Self::period_of(now), PruneFrom::<T>::get());
			ensure!(from <= current, "pruning ahead of the current period");
			for (period, (by, who), ()) in RatedIn::<T>::iter() {
				ensure!(period <= current, "rating recorded in a future period");
				ensure!(period >= from, "rating left in a pruned period");
				ensure!(by != who, "an account rated itself");
			}
			Ok(())
		}
	}
}
