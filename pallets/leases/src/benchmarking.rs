//! Benchmarks of every call and of one settlement done by `on_initialize`, each against its
//! worst case: the tenant's list nearly full, the queues of the blocks a job would go in
//! full but for the last one it may spill into, the queue a job is taken out of full, and
//! leases with as many segments as allowed.

use crate::{
	BalanceOf, BenchmarkHelper, Call, Config, Due, Event, HoldReason, Job, Leases, Pallet, Ratings,
	Segment, Tenancies, SPILL_BLOCKS,
};
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{
		traits::{
			fungible::{Inspect as _, Mutate as _, MutateHold as _},
			EnsureOrigin, Get,
		},
		BoundedVec,
	},
	frame_system::{self, pallet_prelude::BlockNumberFor, RawOrigin},
	sp_core::H256,
	sp_runtime::{
		traits::{Bounded, Saturating},
		Perbill, Percent, Permill,
	},
};
use powerverse_primitives::{FeeTerms, LeaseId, ResourceId, Resources};

const SEED: u32 = 0;

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

fn now<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number()
}

/// Gives `who` plenty.
fn fund<T: Config>(who: &T::AccountId) {
	let ed = T::Currency::minimum_balance();
	T::Currency::set_balance(who, ed.saturating_mul(1_000_000_000u32.into()));
}

/// Fills `tenant`'s list of leases but for one place, with ids no lease has.
fn crowd_tenant<T: Config>(tenant: &T::AccountId) {
	let ids: Vec<LeaseId> =
		(0..T::MaxLeasesPerTenant::get().saturating_sub(1)).map(|i| u64::MAX - i as u64).collect();
	Tenancies::<T>::insert(tenant, BoundedVec::truncate_from(ids));
}

/// Fills the queues of `at` and the blocks after it but for the last it may spill into.
fn crowd_queues<T: Config>(at: BlockNumberFor<T>) {
	let full: Vec<Job> =
		(0..T::MaxDuePerBlock::get()).map(|i| Job::Forget(u64::MAX - i as u64)).collect();
	let mut block = at;
	for _ in 1..SPILL_BLOCKS {
		Due::<T>::insert(block, BoundedVec::truncate_from(full.clone()));
		block = block.saturating_add(1u32.into());
	}
}

/// Fills the queue of `at` with other jobs but for `job`, which it holds last.
fn crowd_queue_with<T: Config>(at: BlockNumberFor<T>, job: Job) {
	let mut jobs: Vec<Job> =
		(1..T::MaxDuePerBlock::get()).map(|i| Job::Forget(u64::MAX - i as u64)).collect();
	jobs.push(job);
	Due::<T>::insert(at, BoundedVec::truncate_from(jobs));
}

/// Cuts `lease` into `n` segments (at most one an hour, at the same price, so its cost
/// stays its escrow); the last segment's price is raised by 1 when `bump` (the extra rent
/// held too), so that an extension at the listed price adds a segment.
fn segment<T: Config>(lease: LeaseId, n: u32, bump: bool) -> Result<(), BenchmarkError> {
	let mut l = Leases::<T>::get(lease).ok_or(BenchmarkError::Weightless)?;
	let hour: BlockNumberFor<T> = T::BlocksPerHour::get().into();
	let price = l.price;
	let mut segments: Vec<Segment<BalanceOf<T>, BlockNumberFor<T>>> = Vec::new();
	let mut end = l.start;
	for _ in 1..n {
		end = end.saturating_add(hour);
		if end >= l.end {
			break;
		}
		segments.push(Segment { end, price });
	}
	let last_hours =
		(Pallet::<T>::span(&l) / T::BlocksPerHour::get()).saturating_sub(segments.len() as u32);
	let last_price = if bump { price.saturating_add(1u32.into()) } else { price };
	segments.push(Segment { end: l.end, price: last_price });
	if bump {
		let extra = BalanceOf::<T>::from(last_hours);
		T::Currency::hold(&HoldReason::Rent.into(), &l.tenant, extra)
			.map_err(|_| BenchmarkError::Weightless)?;
		l.escrow = l.escrow.saturating_add(extra);
		l.price = last_price;
	}
	l.segments = BoundedVec::truncate_from(segments);
	Leases::<T>::insert(lease, l);
	Ok(())
}

/// A provider's listed resource and a funded tenant.
fn market<T: Config>() -> (ResourceId, T::AccountId, BalanceOf<T>) {
	let provider: T::AccountId = account("provider", 0, SEED);
	let tenant: T::AccountId = account("tenant", 0, SEED);
	fund::<T>(&provider);
	fund::<T>(&tenant);
	let id = T::BenchmarkHelper::listed_resource(&provider);
	let price = T::Resources::facts(id).expect("the helper lists it; qed").price;
	(id, tenant, price)
}

/// A lease of one hour from now.
fn leased<T: Config>() -> Result<(LeaseId, T::AccountId, BalanceOf<T>), BenchmarkError> {
	leased_for::<T>(1)
}

/// A lease of `hours` from now.
fn leased_for<T: Config>(
	hours: u32,
) -> Result<(LeaseId, T::AccountId, BalanceOf<T>), BenchmarkError> {
	let (id, tenant, price) = market::<T>();
	let lease = Pallet::<T>::do_rent(tenant.clone(), id, hours.max(1), price)?;
	Ok((lease, tenant, price))
}

/// A lease of `MaxSegments` hours (at most `MaxHours`) cut into as many segments, its
/// settlement job last in a full queue.
fn segmented<T: Config>() -> Result<(LeaseId, T::AccountId, BalanceOf<T>), BenchmarkError> {
	let n = T::MaxSegments::get().min(T::MaxHours::get());
	let (lease, tenant, price) = leased_for::<T>(n)?;
	segment::<T>(lease, n, false)?;
	let due = Leases::<T>::get(lease).expect("open; qed").due;
	crowd_queue_with::<T>(due, Job::Settle(lease));
	Ok((lease, tenant, price))
}

/// Moves to the lease's end without running the queue.
fn to_end<T: Config>(lease: LeaseId) {
	let end = Leases::<T>::get(lease).expect("open; qed").end;
	frame_system::Pallet::<T>::set_block_number(end);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn rent() {
		let (id, tenant, price) = market::<T>();
		crowd_tenant::<T>(&tenant);
		crowd_queues::<T>(now::<T>().saturating_add(T::BlocksPerHour::get().into()));
		#[extrinsic_call]
		_(RawOrigin::Signed(tenant.clone()), id, 1, price);
		assert_eq!(Tenancies::<T>::get(&tenant).len() as u32, T::MaxLeasesPerTenant::get());
	}

	// A new segment, the last one allowed; the old job taken out of a full queue.
	#[benchmark]
	fn extend() -> Result<(), BenchmarkError> {
		let n = T::MaxSegments::get()
			.saturating_sub(1)
			.min(T::MaxHours::get().saturating_sub(1))
			.max(1);
		let (lease, tenant, price) = leased_for::<T>(n)?;
		segment::<T>(lease, n, true)?;
		let l = Leases::<T>::get(lease).expect("open; qed");
		crowd_queue_with::<T>(l.due, Job::Settle(lease));
		crowd_queues::<T>(l.end.saturating_add(T::BlocksPerHour::get().into()));
		#[extrinsic_call]
		_(RawOrigin::Signed(tenant), lease, 1, price);
		let after = Leases::<T>::get(lease).expect("open; qed");
		assert!(after.end > l.end && after.segments.len() > l.segments.len());
		Ok(())
	}

	#[benchmark]
	fn settle() -> Result<(), BenchmarkError> {
		let (lease, tenant, _) = segmented::<T>()?;
		crowd_tenant::<T>(&tenant);
		to_end::<T>(lease);
		crowd_queues::<T>(now::<T>().saturating_add(T::RatingWindow::get()));
		#[extrinsic_call]
		_(RawOrigin::Signed(tenant), lease);
		assert!(Ratings::<T>::contains_key(lease));
		Ok(())
	}

	#[benchmark]
	fn settle_due() -> Result<(), BenchmarkError> {
		let n = T::MaxSegments::get().min(T::MaxHours::get());
		let (lease, tenant, _) = leased_for::<T>(n)?;
		segment::<T>(lease, n, false)?;
		crowd_tenant::<T>(&tenant);
		let due = Leases::<T>::get(lease).expect("open; qed").due;
		frame_system::Pallet::<T>::set_block_number(due);
		crate::Cursor::<T>::put(due);
		crowd_queues::<T>(due.saturating_add(T::RatingWindow::get()));
		#[block]
		{
			Pallet::<T>::run_due(due);
		}
		assert!(!Leases::<T>::contains_key(lease));
		Ok(())
	}

	// Halfway through a lease of many segments: part kept, part refunded, the machine freed.
	#[benchmark]
	fn dispute() -> Result<(), BenchmarkError> {
		let (lease, tenant, _) = segmented::<T>()?;
		let l = Leases::<T>::get(lease).expect("open; qed");
		let half = Pallet::<T>::span(&l) / 2;
		let at = l.start.saturating_add(half.into());
		frame_system::Pallet::<T>::set_block_number(at);
		let disputed = Pallet::<T>::earned(&l, at);
		let refunded = l.escrow.saturating_sub(disputed);
		#[extrinsic_call]
		_(RawOrigin::Signed(tenant), lease);
		assert_last_event::<T>(Event::Frozen { lease, at, disputed, refunded });
		Ok(())
	}

	#[benchmark]
	fn rule() -> Result<(), BenchmarkError> {
		let (lease, tenant, _) = leased::<T>()?;
		crowd_tenant::<T>(&tenant);
		to_end::<T>(lease);
		Pallet::<T>::do_dispute(tenant, lease)?;
		crowd_queues::<T>(now::<T>().saturating_add(T::RatingWindow::get()));
		let origin =
			T::ArbiterOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, lease, Perbill::from_percent(40));
		assert!(!Leases::<T>::contains_key(lease));
		Ok(())
	}

	// The second side rates: the record goes and its job leaves a full queue.
	#[benchmark]
	fn rate() -> Result<(), BenchmarkError> {
		let (lease, tenant, _) = leased::<T>()?;
		let provider = Leases::<T>::get(lease).expect("open; qed").provider;
		to_end::<T>(lease);
		Pallet::<T>::do_settle(lease)?;
		let until = Ratings::<T>::get(lease).expect("paid, so rated; qed").until;
		crowd_queue_with::<T>(until.saturating_add(1u32.into()), Job::Forget(lease));
		Pallet::<T>::do_rate(tenant, lease, 5, None)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(provider), lease, 5, Some(H256::repeat_byte(1)));
		assert!(!Ratings::<T>::contains_key(lease));
		Ok(())
	}

	#[benchmark]
	fn set_fees() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let terms = FeeTerms {
			fee: Permill::from_percent(3),
			burn: Percent::from_percent(30),
			floor: BalanceOf::<T>::max_value(),
		};
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, terms);
		assert_eq!(Pallet::<T>::fees(), terms);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::ExtBuilder.build(), crate::mock::Test);
}
