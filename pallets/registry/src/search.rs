//! Queries: a resource, an owner's resources, and the filtered, paged search of listed
//! resources. Listed resources are indexed in [`Ranked`] by bucket (all, GPU model, country)
//! in score order, so a search walks the smallest bucket its filter allows and, sorted by
//! score, stops as soon as its page is full.

use crate::{pallet::*, Bucket};
use alloc::vec::Vec;
use polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor;
use polkadot_sdk::sp_runtime::traits::UniqueSaturatedInto;
use powerverse_primitives::{
	fit, Filter, Geohash, Matched, Reputation, ResourceId, ResourceView, Sort, Status, MATCH_POOL,
	MAX_PAGE,
};

/// The rank key of a score: big-endian `u32::MAX − score`, so that key order is highest
/// score first.
pub fn rank(score: u32) -> [u8; 4] {
	(u32::MAX - score).to_be_bytes()
}

impl<T: Config> Pallet<T> {
	/// The buckets a resource is indexed under while listed.
	pub fn buckets(r: &ResourceOf<T>) -> Vec<Bucket> {
		let mut b = Vec::with_capacity(3);
		b.push(Bucket::All);
		if let Some(g) = &r.declared.specs.gpu {
			b.push(Bucket::Gpu(g.model.clone()));
		}
		b.push(Bucket::Country(r.declared.region.country));
		b
	}

	/// Moves a resource's index entries from what `before` was to what `after` is: only
	/// listed resources are indexed.
	pub(crate) fn reindex(
		id: ResourceId,
		before: Option<&ResourceOf<T>>,
		after: Option<&ResourceOf<T>>,
	) {
		let key = id.to_be_bytes();
		if let Some(r) = before.filter(|r| r.status == Status::Listed) {
			for b in Self::buckets(r) {
				Ranked::<T>::remove((b, rank(r.score), key));
			}
		}
		if let Some(r) = after.filter(|r| r.status == Status::Listed) {
			for b in Self::buckets(r) {
				Ranked::<T>::insert((b, rank(r.score), key), ());
			}
		}
	}

	/// A resource as queries show it.
	pub fn view(
		id: ResourceId,
		r: ResourceOf<T>,
	) -> ResourceView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> {
		let price = Self::current_price(&r);
		let reputation = T::Reputation::reputation(&r.owner);
		Self::view_with(id, r, price, reputation)
	}

	/// A resource as queries show it, with its price now and its owner's reputation
	/// already known.
	fn view_with(
		id: ResourceId,
		r: ResourceOf<T>,
		price: BalanceOf<T>,
		reputation: u32,
	) -> ResourceView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> {
		ResourceView {
			id,
			price,
			reputation,
			owner: r.owner,
			status: r.status,
			specs: r.declared.specs,
			energy: r.declared.energy,
			region: r.declared.region,
			tier: r.declared.tier,
			machine_key: r.declared.machine_key,
			telemetry: r.declared.telemetry.into_inner(),
			offer: r.declared.price,
			window: r.declared.window,
			verified: r.verified,
			benchmark: r.benchmark,
			score: r.score,
			score_version: r.score_version,
			tenant: r.tenant,
			disputed: r.disputed,
		}
	}

	/// A resource by id.
	pub fn resource(
		id: ResourceId,
	) -> Option<ResourceView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		Resources::<T>::get(id).map(|r| Self::view(id, r))
	}

	/// The resources of `owner` (at most `MaxResourcesPerOwner`), by id.
	pub fn resources_of(
		owner: T::AccountId,
	) -> Vec<ResourceView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let mut ids: Vec<ResourceId> = Owned::<T>::iter_key_prefix(&owner).collect();
		ids.sort_unstable();
		ids.into_iter().filter_map(Self::resource).collect()
	}

	/// Listed resources meeting `filter` in `sort` order: page `page` of `page_size` (at
	/// most [`MAX_PAGE`]) results.
	pub fn search(
		filter: Filter<BalanceOf<T>>,
		sort: Sort,
		page: u32,
		page_size: u32,
	) -> Vec<ResourceView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let size = page_size.min(MAX_PAGE) as usize;
		if size == 0 {
			return Vec::new();
		}
		let skip = (page as usize).saturating_mul(size);
		let matches = Self::candidates(filter);
		let show = |(id, r, price, reputation): (ResourceId, ResourceOf<T>, _, Option<u32>)| {
			let reputation = reputation.unwrap_or_else(|| T::Reputation::reputation(&r.owner));
			Self::view_with(id, r, price, reputation)
		};
		match sort {
			Sort::Score => matches.skip(skip).take(size).map(show).collect(),
			Sort::Price => {
				let mut all: Vec<_> = matches.collect();
				all.sort_by(|a, b| {
					a.2.cmp(&b.2).then(b.1.score.cmp(&a.1.score)).then(a.0.cmp(&b.0))
				});
				all.into_iter().skip(skip).take(size).map(show).collect()
			},
		}
	}

	/// Listed resources meeting `filter`, highest score first, with their price now and
	/// (when the filter needs it) their owner's reputation. Walks the smallest bucket the
	/// filter allows: a GPU model, else a country, else all.
	fn candidates(
		filter: Filter<BalanceOf<T>>,
	) -> impl Iterator<Item = (ResourceId, ResourceOf<T>, BalanceOf<T>, Option<u32>)> {
		let bucket = match (&filter.gpu_model, filter.country) {
			(Some(m), _) => Bucket::Gpu(m.clone()),
			(None, Some(c)) => Bucket::Country(c),
			(None, None) => Bucket::All,
		};
		Ranked::<T>::iter_key_prefix((bucket,)).filter_map(move |(_, key)| {
			let id = ResourceId::from_be_bytes(key);
			let r = Resources::<T>::get(id)?;
			if !filter.meets_specs(&r.declared.specs, &r.declared.region, r.declared.tier) {
				return None;
			}
			let price = Self::current_price(&r);
			// Read only when the filter needs it; results read it when shown.
			let reputation = filter.min_reputation.map(|_| T::Reputation::reputation(&r.owner));
			filter
				.meets_terms(&price, r.score, reputation.unwrap_or(0))
				.then_some((id, r, price, reputation))
		})
	}

	/// Listed resources meeting `requirements`, best fit first (see
	/// [`powerverse_primitives::fit`]), at most `limit` (at most [`MAX_PAGE`]), chosen among
	/// the [`MATCH_POOL`] highest-scoring candidates.
	pub fn market_match(
		requirements: Filter<BalanceOf<T>>,
		near: Option<Geohash>,
		limit: u32,
	) -> Vec<Matched<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let limit = limit.min(MAX_PAGE) as usize;
		if limit == 0 {
			return Vec::new();
		}
		let pool: Vec<_> = Self::candidates(requirements)
			.take(MATCH_POOL)
			.map(|(id, r, price, reputation)| {
				let reputation = reputation.unwrap_or_else(|| T::Reputation::reputation(&r.owner));
				(id, r, price, reputation)
			})
			.collect();
		let cheapest = pool.iter().map(|c| c.2.unique_saturated_into()).min().unwrap_or(0u128);
		// Candidates come in score order: the first has the best score.
		let best = pool.first().map_or(0, |c| c.1.score);
		let mut fitted: Vec<_> = pool
			.into_iter()
			.map(|(id, r, price, reputation)| {
				let f = fit(
					price.unique_saturated_into(),
					cheapest,
					r.score,
					best,
					reputation,
					&r.declared.region.geohash,
					near.as_deref().map(|n| &n[..]),
				);
				(f, id, r, price, reputation)
			})
			.collect();
		fitted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
		fitted
			.into_iter()
			.take(limit)
			.map(|(fit, id, r, price, reputation)| Matched {
				resource: Self::view_with(id, r, price, reputation),
				fit,
			})
			.collect()
	}
}
