//! Benchmarks of every call, against the worst case of each.

use crate::{
	types::{ModelInfo, ParamWeights},
	Call, Config, Event, Models, Pallet, PruneFrom, RatedIn, RulingPenalty, Threshold, Version,
	Weights,
};
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{
		traits::{EnsureOrigin, Get},
		weights::Weight,
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{traits::Zero, BoundedVec},
};
use powerverse_primitives::ModelName;

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

/// A model name of the maximum length, numbered.
fn model_name(i: u32) -> ModelName {
	let mut name = alloc::vec![b'm'; 28];
	name.extend_from_slice(&i.to_be_bytes());
	BoundedVec::truncate_from(name)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_weights() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let weights = ParamWeights::default();
		let version = Version::<T>::get().wrapping_add(1);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, weights);

		assert_eq!(Weights::<T>::get(), weights);
		assert_last_event::<T>(Event::WeightsSet { weights, version });
		Ok(())
	}

	// Worst case: a new entry (the counter is written too).
	#[benchmark]
	fn set_model() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		if Models::<T>::count() >= T::MaxModels::get() {
			let first = Models::<T>::iter_keys().next().ok_or(BenchmarkError::Weightless)?;
			Models::<T>::remove(first);
		}
		let name = model_name(u32::MAX);
		let info = ModelInfo::gpu(2000, 2000);
		let version = Version::<T>::get().wrapping_add(1);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, name.clone(), info);

		assert_eq!(Models::<T>::get(&name), Some(info));
		assert_last_event::<T>(Event::ModelSet { name, info, version });
		Ok(())
	}

	#[benchmark]
	fn remove_model() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let name = model_name(0);
		if !Models::<T>::contains_key(&name) {
			if Models::<T>::count() >= T::MaxModels::get() {
				let first = Models::<T>::iter_keys().next().ok_or(BenchmarkError::Weightless)?;
				Models::<T>::remove(first);
			}
			Models::<T>::insert(&name, ModelInfo::gpu(1000, 1000));
		}
		let version = Version::<T>::get().wrapping_add(1);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, name.clone());

		assert!(!Models::<T>::contains_key(&name));
		assert_last_event::<T>(Event::ModelRemoved { name, version });
		Ok(())
	}

	#[benchmark]
	fn set_threshold() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 300);

		assert_eq!(Threshold::<T>::get(), 300);
		assert_last_event::<T>(Event::ThresholdSet { threshold: 300 });
		Ok(())
	}

	#[benchmark]
	fn set_ruling_penalty() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 150);

		assert_eq!(RulingPenalty::<T>::get(), 150);
		assert_last_event::<T>(Event::RulingPenaltySet { penalty: 150 });
		Ok(())
	}

	// `n` records of the previous rating period, all removed, and the step to the next
	// period: within the budget of one block (`MAX_PRUNE_PER_BLOCK` = 512 units, of which
	// one is the look at the period and one the look past its last record).
	#[benchmark]
	fn prune_ratings(n: Linear<0, 510>) {
		let past = BlockNumberFor::<T>::zero();
		for i in 0..n {
			let pair: (T::AccountId, T::AccountId) =
				(account("rater", i, 0), account("rated", i, 0));
			RatedIn::<T>::insert(past, pair, ());
		}
		PruneFrom::<T>::put(past);
		let now = T::RatingPeriod::get();
		frame_system::Pallet::<T>::set_block_number(now);

		#[block]
		{
			Pallet::<T>::prune(now, Weight::MAX);
		}

		assert_eq!(RatedIn::<T>::iter_prefix(past).count(), 0);
		assert_eq!(PruneFrom::<T>::get(), Pallet::<T>::period_of(now));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_bench_ext(), crate::mock::Test);
}
