//! Benchmarks of every call, against the worst case of each.

use crate::{
	types::{ModelInfo, ParamWeights},
	Call, Config, Event, Models, Pallet, RulingPenalty, Threshold, Version, Weights,
};
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::traits::{EnsureOrigin, Get},
	frame_system,
	sp_runtime::BoundedVec,
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

	impl_benchmark_test_suite!(Pallet, crate::mock::new_bench_ext(), crate::mock::Test);
}
