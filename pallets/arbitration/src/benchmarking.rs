//! Benchmarks of every call, against the worst case of each.
//!
//! Runtime-agnostic: the calls use [`Config::AdminOrigin`]'s successful origin, and the
//! listed machines a blacklisting delists come from [`Config::BenchmarkHelper`] (the runtime
//! registers and lists them in the real registry, so their delisting is measured).

use crate::{BenchmarkHelper, Call, Config, Event, Pallet, Sanction, Sanctioned};
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::traits::{EnsureOrigin, Get},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_core::H256,
};
use powerverse_primitives::Standing;

const SEED: u32 = 0;

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

fn now<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number()
}

/// Sanctions `who` at `standing` directly, as an earlier call would have.
fn sanctioned<T: Config>(who: &T::AccountId, standing: Standing) {
	let sanction = Sanction { standing, since: now::<T>(), reason: H256::repeat_byte(1) };
	Sanctioned::<T>::insert(who, sanction);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn freeze() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("sanctioned", 0, SEED);
		let reason = H256::repeat_byte(2);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), reason);

		assert_eq!(Pallet::<T>::standing_of(&who), Standing::Frozen);
		assert_last_event::<T>(Event::Frozen { who, reason });
		Ok(())
	}

	#[benchmark]
	fn unfreeze() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("sanctioned", 0, SEED);
		sanctioned::<T>(&who, Standing::Frozen);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(!Sanctioned::<T>::contains_key(&who));
		assert_last_event::<T>(Event::Unfrozen { who });
		Ok(())
	}

	// Worst case: `n` listed machines to delist (as many as the helper could list), and a
	// freeze before, whose record is replaced.
	#[benchmark]
	fn blacklist(n: Linear<0, { T::MaxDelisted::get() }>) -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("sanctioned", 0, SEED);
		let listed = T::BenchmarkHelper::listed_machines(&who, n);
		sanctioned::<T>(&who, Standing::Frozen);
		let reason = H256::repeat_byte(2);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), reason);

		assert_eq!(Pallet::<T>::standing_of(&who), Standing::Blacklisted);
		assert_last_event::<T>(Event::Blacklisted { who, reason, delisted: listed });
		Ok(())
	}

	#[benchmark]
	fn lift() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("sanctioned", 0, SEED);
		sanctioned::<T>(&who, Standing::Blacklisted);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(!Sanctioned::<T>::contains_key(&who));
		assert_last_event::<T>(Event::Lifted { who });
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_bench_ext(), crate::mock::Test);
}
