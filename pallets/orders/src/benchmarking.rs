//! Benchmarks of every call and of settling a due order, each against its worst case.
//!
//! Runtime-agnostic: accounts are funded with `set_balance` (new accounts are assumed not
//! restricted by [`Config::Reputation`], and to rate each other for the first time), the
//! arbiter's calls use [`Config::ArbiterOrigin`]'s successful origin, and listed resources
//! come from [`Config::BenchmarkHelper`]. The consumer's index is full, the due queues a job
//! is booked into are full but for the last block tried, and tasks have up to
//! [`Config::MaxProviders`] workers.

use crate::{
	due::DUE_SLACK, BalanceOf, BenchmarkHelper, Call, Config, Due, DueCursor, DueQueue, Event,
	HoldReason, Job, NextOrderId, Orders, OrdersOf, Pallet, Phase, TaskRatings, TaskSpec,
	TaskSpecOf, Uri, Verification,
};
use alloc::{vec, vec::Vec};
use polkadot_sdk::{
	frame_benchmarking::{self, v2::*},
	frame_support::{
		traits::{
			fungible::{Inspect as _, Mutate as _},
			EnsureOrigin, Get,
		},
		BoundedVec,
	},
	frame_system::{self, pallet_prelude::BlockNumberFor, RawOrigin},
	sp_core::H256,
	sp_runtime::{
		traits::{Saturating, Zero},
		Perbill,
	},
};
use powerverse_primitives::{Filter, OrderId, StorageKind, Tier};

const SEED: u32 = 0;
/// Hours of the benchmarks' demands.
const HOURS: u32 = 10;

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

fn now<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number()
}

/// `n` times the existential deposit.
fn eds<T: Config>(n: u32) -> BalanceOf<T> {
	T::Currency::minimum_balance().max(1u32.into()).saturating_mul(n.into())
}

/// Gives `who` enough for a full index of the benchmarks' orders.
fn fund<T: Config>(who: &T::AccountId) {
	T::Currency::set_balance(who, eds::<T>(1_000_000_000));
}

/// The most the benchmarks' demands pay per hour, and their tasks' reward.
fn price<T: Config>() -> BalanceOf<T> {
	eds::<T>(10)
}

fn reward<T: Config>() -> BalanceOf<T> {
	eds::<T>(100)
}

/// A filter with every field set: the largest to store (posting never checks resources).
fn big_filter<T: Config>() -> Filter<BalanceOf<T>> {
	Filter {
		gpu_model: Some(BoundedVec::truncate_from(vec![b'g'; 32])),
		min_gpus: Some(8),
		min_gpu_memory_mib: Some(81_920),
		min_cores: Some(128),
		min_memory_mib: Some(2_097_152),
		storage_kind: Some(StorageKind::Nvme),
		min_storage_gib: Some(30_720),
		country: Some(*b"DE"),
		geohash: Some(BoundedVec::truncate_from(b"u33db".to_vec())),
		tier: Some(Tier::Core),
		max_price: Some(price::<T>()),
		min_score: Some(1_000),
		min_reputation: Some(900),
	}
}

fn uri() -> Uri {
	BoundedVec::truncate_from(vec![b'u'; 128])
}

/// The furthest expiry or deadline allowed.
fn far<T: Config>() -> BlockNumberFor<T> {
	now::<T>().saturating_add(T::MaxLifetime::get())
}

/// A task for `k` workers meeting the default filter, due in (at most) 10 blocks.
fn spec<T: Config>(k: u32, verification: Verification) -> TaskSpecOf<T> {
	TaskSpec {
		description: H256::repeat_byte(1),
		uri: uri(),
		requirements: Filter::default(),
		reward: reward::<T>(),
		providers: k,
		deadline: now::<T>().saturating_add(T::MaxLifetime::get().min(10u32.into())),
		review: T::MaxReview::get().min(5u32.into()),
		verification,
	}
}

/// Posts `n` demands of `who`, each due in its own block after the benchmarks' deadlines
/// (block 10 from now) and before the crowded queues (from `MaxLifetime`).
fn fill_index<T: Config>(who: &T::AccountId, n: u32) -> Result<(), BenchmarkError> {
	for i in 0..n {
		let expires = now::<T>().saturating_add(11u32.saturating_add(i).into());
		Pallet::<T>::do_post_demand(who.clone(), Filter::default(), HOURS, price::<T>(), expires)?;
	}
	Ok(())
}

/// Fills the due queues of `from` and the blocks after it, all but the last a new job may
/// book, so that booking reads every queue.
fn crowd_due<T: Config>(from: BlockNumberFor<T>) {
	let full = DueQueue::<T>::truncate_from(vec![
		Job::Settle(OrderId::MAX);
		T::MaxDuePerBlock::get() as usize
	]);
	for i in 0..DUE_SLACK.saturating_sub(1) {
		Due::<T>::insert(from.saturating_add(i.into()), full.clone());
	}
}

/// A funded consumer whose index holds all but one order.
fn consumer<T: Config>() -> Result<T::AccountId, BenchmarkError> {
	let who: T::AccountId = whitelisted_caller();
	fund::<T>(&who);
	fill_index::<T>(&who, T::MaxOrdersPerAccount::get().saturating_sub(1))?;
	Ok(who)
}

/// A funded provider with a listed resource.
fn provider<T: Config>(i: u32) -> (T::AccountId, powerverse_primitives::ResourceId) {
	let who: T::AccountId = account("provider", i, SEED);
	fund::<T>(&who);
	let resource = T::BenchmarkHelper::listed_resource(&who);
	(who, resource)
}

/// A task of `consumer` for `k` workers, all slots taken; returns it and the workers.
fn taken<T: Config>(
	consumer: &T::AccountId,
	k: u32,
	verification: Verification,
) -> Result<(OrderId, Vec<T::AccountId>), BenchmarkError> {
	let id = NextOrderId::<T>::get();
	Pallet::<T>::do_post_task(consumer.clone(), spec::<T>(k, verification))?;
	let mut workers = Vec::new();
	for i in 0..k {
		let (who, resource) = provider::<T>(i);
		Pallet::<T>::do_take(who.clone(), id, resource)?;
		workers.push(who);
	}
	Ok((id, workers))
}

fn result() -> H256 {
	H256::repeat_byte(7)
}

/// A salt of `who`'s own.
fn salt(who: &impl codec::Encode) -> H256 {
	<polkadot_sdk::sp_runtime::traits::BlakeTwo256 as polkadot_sdk::sp_runtime::traits::Hash>::hash_of(who)
}

/// `who` commits to [`result`] on task `id`.
fn commit_result<T: Config>(who: &T::AccountId, id: OrderId) -> Result<(), BenchmarkError> {
	let c = Pallet::<T>::commitment(id, &result(), &salt(who), who);
	Pallet::<T>::do_commit(who.clone(), id, c)?;
	Ok(())
}

/// `who` reveals [`result`] on task `id`.
fn reveal_result<T: Config>(who: &T::AccountId, id: OrderId) -> Result<(), BenchmarkError> {
	Pallet::<T>::do_reveal(who.clone(), id, result(), uri(), salt(who)).map_err(|e| e.error)?;
	Ok(())
}

/// The block the ratings of a task paid now would close at: crowded, to make booking read
/// every queue.
fn crowd_ratings<T: Config>() {
	crowd_due::<T>(now::<T>().saturating_add(T::RatingWindow::get()).saturating_add(1u32.into()));
}

/// A task of `k` workers at its deadline, none of whom committed: `k` missing workers,
/// whose resources are released.
fn at_deadline<T: Config>(k: u32) -> Result<(OrderId, BlockNumberFor<T>), BenchmarkError> {
	let consumer = consumer::<T>()?;
	let (id, _) = taken::<T>(&consumer, k, Verification::Majority)?;
	let deadline = spec::<T>(k, Verification::Majority).deadline;
	frame_system::Pallet::<T>::set_block_number(deadline);
	Ok((id, deadline))
}

/// A task of `k` workers, all committed: in its reveal.
fn revealing<T: Config>(
	k: u32,
	verification: Verification,
) -> Result<(T::AccountId, OrderId, Vec<T::AccountId>), BenchmarkError> {
	let consumer = consumer::<T>()?;
	let (id, workers) = taken::<T>(&consumer, k, verification)?;
	for who in workers.iter() {
		commit_result::<T>(who, id)?;
	}
	Ok((consumer, id, workers))
}

/// A consumer-reviewed task of `k` workers, all agreeing, under review.
fn in_review<T: Config>(k: u32) -> Result<(T::AccountId, OrderId), BenchmarkError> {
	let (consumer, id, workers) = revealing::<T>(k, Verification::Consumer)?;
	for who in workers.iter() {
		reveal_result::<T>(who, id)?;
	}
	Ok((consumer, id))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	// Worst case: the largest filter, the consumer's index full but for this order, the
	// due queues crowded.
	#[benchmark]
	fn post_demand() -> Result<(), BenchmarkError> {
		let caller = consumer::<T>()?;
		let expires = far::<T>();
		crowd_due::<T>(expires);
		let id = NextOrderId::<T>::get();
		let budget = price::<T>().saturating_mul(HOURS.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), big_filter::<T>(), HOURS, price::<T>(), expires);

		assert_eq!(OrdersOf::<T>::get(&caller).len() as u32, T::MaxOrdersPerAccount::get());
		assert_last_event::<T>(Event::DemandPosted {
			order: id,
			consumer: caller,
			hours: HOURS,
			max_price: price::<T>(),
			budget,
			expires,
		});
		Ok(())
	}

	// Worst case: the demand is the last of a full index.
	#[benchmark]
	fn fill() -> Result<(), BenchmarkError> {
		let consumer = consumer::<T>()?;
		let id = NextOrderId::<T>::get();
		Pallet::<T>::do_post_demand(
			consumer.clone(),
			Filter::default(),
			HOURS,
			price::<T>(),
			far::<T>(),
		)?;
		let (caller, resource) = provider::<T>(0);
		whitelist_account!(caller);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), id, resource, price::<T>());

		assert!(!Orders::<T>::contains_key(id));
		assert_eq!(OrdersOf::<T>::get(&consumer).len() as u32 + 1, T::MaxOrdersPerAccount::get());
		Ok(())
	}

	// Worst case: the order is the last of a full index.
	#[benchmark]
	fn cancel() -> Result<(), BenchmarkError> {
		let caller = consumer::<T>()?;
		let id = NextOrderId::<T>::get();
		Pallet::<T>::do_post_task(
			caller.clone(),
			spec::<T>(T::MaxProviders::get(), Verification::Consumer),
		)?;
		let refund = reward::<T>().saturating_mul(T::MaxProviders::get().into());

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);

		assert!(!Orders::<T>::contains_key(id));
		assert_last_event::<T>(Event::Cancelled { order: id, refund });
		Ok(())
	}

	// Worst case: the largest filter and URI, k = MaxProviders, a full index, crowded
	// queues.
	#[benchmark]
	fn post_task() -> Result<(), BenchmarkError> {
		let caller = consumer::<T>()?;
		let k = T::MaxProviders::get();
		let mut task = spec::<T>(k, Verification::Consumer);
		task.requirements = big_filter::<T>();
		task.deadline = far::<T>();
		crowd_due::<T>(task.deadline);
		let id = NextOrderId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), task.clone());

		assert_last_event::<T>(Event::TaskPosted {
			order: id,
			consumer: caller,
			reward: task.reward,
			providers: k,
			deadline: task.deadline,
			verification: Verification::Consumer,
		});
		Ok(())
	}

	// Worst case: the last of MaxProviders slots, the others' providers checked.
	#[benchmark]
	fn take() -> Result<(), BenchmarkError> {
		let consumer = consumer::<T>()?;
		let k = T::MaxProviders::get();
		let id = NextOrderId::<T>::get();
		Pallet::<T>::do_post_task(consumer, spec::<T>(k, Verification::Consumer))?;
		for i in 1..k {
			let (who, resource) = provider::<T>(i);
			Pallet::<T>::do_take(who, id, resource)?;
		}
		let (caller, resource) = provider::<T>(0);
		whitelist_account!(caller);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), id, resource);

		assert_last_event::<T>(Event::Taken { order: id, provider: caller, resource });
		Ok(())
	}

	// The last of MaxProviders commitments, checked against the others, which opens the
	// reveal: the deadline's due entry moves to the reveal's end, into crowded queues.
	#[benchmark]
	fn commit() -> Result<(), BenchmarkError> {
		let consumer = consumer::<T>()?;
		let k = T::MaxProviders::get();
		let (id, workers) = taken::<T>(&consumer, k, Verification::Majority)?;
		let (caller, others) = workers.split_last().ok_or("no worker")?;
		for who in others {
			commit_result::<T>(who, id)?;
		}
		crowd_due::<T>(now::<T>().saturating_add(T::RevealWindow::get()));
		let commitment = Pallet::<T>::commitment(id, &result(), &salt(caller), caller);
		whitelist_account!(caller);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), id, commitment);

		let until = now::<T>().saturating_add(T::RevealWindow::get());
		assert_last_event::<T>(Event::RevealOpened { order: id, until });
		Ok(())
	}

	// The last of `k` reveals, which decides the task in mode `Majority`: `k` payments and
	// the ratings opened in crowded queues.
	#[benchmark]
	fn reveal(k: Linear<1, { T::MaxProviders::get() }>) -> Result<(), BenchmarkError> {
		let (_, id, workers) = revealing::<T>(k, Verification::Majority)?;
		let (caller, others) = workers.split_last().ok_or("no worker")?;
		for who in others {
			reveal_result::<T>(who, id)?;
		}
		crowd_ratings::<T>();
		whitelist_account!(caller);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), id, result(), uri(), salt(caller));

		assert!(!Orders::<T>::contains_key(id));
		assert!(TaskRatings::<T>::contains_key(id));
		assert_last_event::<T>(Event::Completed {
			order: id,
			result: result(),
			acceptance: crate::Acceptance::Majority,
		});
		Ok(())
	}

	// Accepting a result of `k` workers: `k` payments.
	#[benchmark]
	fn accept_result(k: Linear<1, { T::MaxProviders::get() }>) -> Result<(), BenchmarkError> {
		let (caller, id) = in_review::<T>(k)?;
		crowd_ratings::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), id);

		assert!(Pallet::<T>::held(HoldReason::Task, &caller).is_zero());
		assert_last_event::<T>(Event::Completed {
			order: id,
			result: result(),
			acceptance: crate::Acceptance::Consumer,
		});
		Ok(())
	}

	#[benchmark]
	fn reject_result() -> Result<(), BenchmarkError> {
		let (caller, id) = in_review::<T>(T::MaxProviders::get())?;
		let respondent: T::AccountId = account("provider", 0, SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);

		let phase = match Orders::<T>::get(id).map(|o| o.kind) {
			Some(crate::Kind::Task(t)) => Some(t.phase),
			_ => None,
		};
		assert_eq!(phase, Some(Phase::Disputed { result: Some(result()) }));
		assert_last_event::<T>(Event::Rejected { order: id, respondent });
		Ok(())
	}

	// Ruling on a disputed result of `k` workers, upholding it: `k` payments, `k + 1`
	// rulings, the ratings opened in crowded queues.
	#[benchmark]
	fn rule(k: Linear<1, { T::MaxProviders::get() }>) -> Result<(), BenchmarkError> {
		let origin =
			T::ArbiterOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (consumer, id) = in_review::<T>(k)?;
		Pallet::<T>::do_reject_result(consumer, id)?;
		crowd_ratings::<T>();
		let share = Perbill::from_percent(60);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, share, Some(result()));

		assert!(!Orders::<T>::contains_key(id));
		assert!(TaskRatings::<T>::contains_key(id));
		Ok(())
	}

	// A task of `k` workers at its deadline, closed by a stranger: none committed, so `k`
	// rulings and `k` resources released (a release costs more than a payment).
	#[benchmark]
	fn close(k: Linear<1, { T::MaxProviders::get() }>) -> Result<(), BenchmarkError> {
		let (id, _) = at_deadline::<T>(k)?;
		let caller: T::AccountId = account("stranger", 0, SEED);
		whitelist_account!(caller);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);

		assert!(!Orders::<T>::contains_key(id));
		Ok(())
	}

	// Settling one due entry from the queue: as `close`, through `on_initialize`.
	#[benchmark]
	fn process_due(k: Linear<1, { T::MaxProviders::get() }>) -> Result<(), BenchmarkError> {
		let (id, deadline) = at_deadline::<T>(k)?;
		DueCursor::<T>::put(deadline);
		assert!(Due::<T>::get(deadline).contains(&Job::Settle(id)));

		#[block]
		{
			Pallet::<T>::process_due(deadline);
		}

		assert!(!Orders::<T>::contains_key(id));
		assert!(!Due::<T>::contains_key(deadline));
		Ok(())
	}

	// The consumer's rating of the last of MaxProviders paid workers, when everybody else
	// has rated: the record is removed and its due entry with it.
	#[benchmark]
	fn rate() -> Result<(), BenchmarkError> {
		let k = T::MaxProviders::get();
		let (caller, id) = in_review::<T>(k)?;
		Pallet::<T>::do_accept_result(caller.clone(), id).map_err(|e| e.error)?;
		let mut record = TaskRatings::<T>::get(id).ok_or("no ratings")?;
		let last = record.workers.len().saturating_sub(1);
		for (i, w) in record.workers.iter_mut().enumerate() {
			w.by_worker = true;
			w.by_consumer = i != last;
		}
		let worker = record.workers.last().map(|w| w.provider.clone()).ok_or("no worker")?;
		TaskRatings::<T>::insert(id, record);
		let comment = Some(H256::repeat_byte(3));

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), id, worker.clone(), 5, comment);

		assert!(!TaskRatings::<T>::contains_key(id));
		assert_last_event::<T>(Event::Rated {
			order: id,
			by: caller,
			who: worker,
			stars: 5,
			comment,
		});
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
