//! Queries: a resource, an owner's resources, and the filtered search of listed resources.
//! Listed resources are indexed in [`Ranked`] by bucket (all, GPU model, country) in score
//! order, so a search walks the smallest bucket its filter allows and, sorted by score, stops
//! as soon as its page is full. Every search and match examines at most [`MAX_SCAN`] index
//! entries and returns where it stopped ([`Cursor`]), so its work is bounded whatever the
//! market's size and however rare the filter; sorted by price, it orders only the entries
//! it examined.

use crate::{pallet::*, Bucket};
use alloc::vec::Vec;
use polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor;
use polkadot_sdk::sp_runtime::traits::UniqueSaturatedInto;
use powerverse_primitives::{
	fit, Cursor, Filter, Geohash, Matched, Matches, Reputation, ResourceId, ResourceView,
	Sanctions, SearchPage, Sort, Status, MATCH_POOL, MAX_PAGE, MAX_SCAN,
};

/// The rank key of a score: big-endian `u32::MAX − score`, so that key order is highest
/// score first.
pub fn rank(score: u32) -> [u8; 4] {
	(u32::MAX - score).to_be_bytes()
}

/// The score of a rank key: the inverse of [`rank`].
fn score_of(rank: [u8; 4]) -> u32 {
	u32::MAX - u32::from_be_bytes(rank)
}

/// A listed resource meeting a filter: id, resource, price now and, when the filter needs
/// it, the owner's reputation.
type Candidate<T> = (ResourceId, ResourceOf<T>, BalanceOf<T>, Option<u32>);

/// Where a bounded walk of the index stopped.
struct Walk {
	/// Score and id of the last entry examined, when the bucket holds entries after it.
	resume: Option<(u32, ResourceId)>,
	/// Whether the walk stopped because it had examined [`MAX_SCAN`] entries, with entries
	/// left, rather than because it had enough or the bucket ended.
	limited: bool,
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
	/// most [`MAX_PAGE`]) results among the first [`MAX_SCAN`] index entries; see
	/// [`Self::search_page`], which also says where to carry on.
	pub fn search(
		filter: Filter<BalanceOf<T>>,
		sort: Sort,
		page: u32,
		page_size: u32,
	) -> Vec<ResourceView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let skip = page.saturating_mul(page_size.min(MAX_PAGE));
		Self::search_page(filter, sort, Cursor { after: None, skip }, page_size).resources
	}

	/// Listed resources meeting `filter`, at most `page_size` (at most [`MAX_PAGE`]), from
	/// `from` on, examining at most [`MAX_SCAN`] index entries. By score: the matches after
	/// `from.skip` more, until the page is full. By price: every match among the entries,
	/// ordered by price, from `from.skip` on; `next` pages on among the same entries, then
	/// after them.
	pub fn search_page(
		filter: Filter<BalanceOf<T>>,
		sort: Sort,
		from: Cursor,
		page_size: u32,
	) -> SearchPage<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> {
		let size = page_size.min(MAX_PAGE) as usize;
		if size == 0 {
			return SearchPage { resources: Vec::new(), next: None, truncated: false };
		}
		let skip = from.skip as usize;
		let show = |(id, r, price, reputation): Candidate<T>| {
			let reputation = reputation.unwrap_or_else(|| T::Reputation::reputation(&r.owner));
			Self::view_with(id, r, price, reputation)
		};
		let after = |resume: Option<_>| resume.map(|at| Cursor { after: Some(at), skip: 0 });
		match sort {
			Sort::Score => {
				let (mut skipped, mut page) = (0, Vec::with_capacity(size));
				let walk = Self::walk(&filter, from.after, |c| {
					if skipped < skip {
						skipped += 1;
					} else {
						page.push(c);
					}
					page.len() < size
				});
				SearchPage {
					resources: page.into_iter().map(show).collect(),
					next: after(walk.resume),
					truncated: walk.limited,
				}
			},
			Sort::Price => {
				let mut window = Vec::new();
				let walk = Self::walk(&filter, from.after, |c| {
					window.push(c);
					true
				});
				window.sort_by(|a, b| {
					a.2.cmp(&b.2).then(b.1.score.cmp(&a.1.score)).then(a.0.cmp(&b.0))
				});
				let end = skip.saturating_add(size);
				// The window holds at most MAX_SCAN results, so `end` fits a u32 when below.
				let next = if end < window.len() {
					Some(Cursor { after: from.after, skip: end as u32 })
				} else {
					after(walk.resume)
				};
				SearchPage {
					resources: window.into_iter().skip(skip).take(size).map(show).collect(),
					next,
					truncated: walk.limited,
				}
			},
		}
	}

	/// The bucket a search walks: the smallest its filter allows, a GPU model, else a
	/// country, else all.
	fn bucket(filter: &Filter<BalanceOf<T>>) -> Bucket {
		match (&filter.gpu_model, filter.country) {
			(Some(m), _) => Bucket::Gpu(m.clone()),
			(None, Some(c)) => Bucket::Country(c),
			(None, None) => Bucket::All,
		}
	}

	/// Walks the index of listed resources in the filter's bucket, highest score first,
	/// from after `after` (score and id), examining at most [`MAX_SCAN`] entries and handing
	/// each resource meeting `filter` to `take`, which says whether it wants more.
	fn walk(
		filter: &Filter<BalanceOf<T>>,
		after: Option<(u32, ResourceId)>,
		mut take: impl FnMut(Candidate<T>) -> bool,
	) -> Walk {
		let bucket = Self::bucket(filter);
		let mut keys = match after {
			Some((score, id)) => {
				let last = Ranked::<T>::hashed_key_for((&bucket, rank(score), id.to_be_bytes()));
				Ranked::<T>::iter_key_prefix_from((bucket,), last)
			},
			None => Ranked::<T>::iter_key_prefix((bucket,)),
		};
		let mut last = None;
		for _ in 0..MAX_SCAN {
			let Some((r, key)) = keys.next() else {
				return Walk { resume: None, limited: false };
			};
			let id = ResourceId::from_be_bytes(key);
			last = Some((score_of(r), id));
			if let Some(c) = Self::candidate(filter, id) {
				if !take(c) {
					let more = keys.next().is_some();
					return Walk { resume: last.filter(|_| more), limited: false };
				}
			}
		}
		let more = keys.next().is_some();
		Walk { resume: last.filter(|_| more), limited: more }
	}

	/// Resource `id` with its price now and (when the filter needs it) its owner's
	/// reputation, if it meets `filter`.
	fn candidate(filter: &Filter<BalanceOf<T>>, id: ResourceId) -> Option<Candidate<T>> {
		let r = Resources::<T>::get(id)?;
		if !filter.meets_specs(&r.declared.specs, &r.declared.region, r.declared.tier) {
			return None;
		}
		// A frozen provider's machines stay listed but nobody may rent them: not offered.
		if !T::Sanctions::standing(&r.owner).is_good() {
			return None;
		}
		let price = Self::current_price(&r);
		// Read only when the filter needs it; results read it when shown.
		let reputation = filter.min_reputation.map(|_| T::Reputation::reputation(&r.owner));
		filter
			.meets_terms(&price, r.score, reputation.unwrap_or(0))
			.then_some((id, r, price, reputation))
	}

	/// Listed resources meeting `requirements`, best fit first: [`Self::matches`] without
	/// saying whether the scan limit cut it short.
	pub fn market_match(
		requirements: Filter<BalanceOf<T>>,
		near: Option<Geohash>,
		limit: u32,
	) -> Vec<Matched<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		Self::matches(requirements, near, limit).matches
	}

	/// Listed resources meeting `requirements`, best fit first (see
	/// [`powerverse_primitives::fit`]), at most `limit` (at most [`MAX_PAGE`]), chosen among
	/// the [`MATCH_POOL`] highest-scoring candidates found in at most [`MAX_SCAN`] index
	/// entries; `truncated` when the limit stopped the scan before the pool was full.
	pub fn matches(
		requirements: Filter<BalanceOf<T>>,
		near: Option<Geohash>,
		limit: u32,
	) -> Matches<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> {
		let limit = limit.min(MAX_PAGE) as usize;
		if limit == 0 {
			return Matches { matches: Vec::new(), truncated: false };
		}
		let mut pool = Vec::new();
		let walk = Self::walk(&requirements, None, |c| {
			pool.push(c);
			pool.len() < MATCH_POOL
		});
		let pool: Vec<_> = pool
			.into_iter()
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
		let matches = fitted
			.into_iter()
			.take(limit)
			.map(|(fit, id, r, price, reputation)| Matched {
				resource: Self::view_with(id, r, price, reputation),
				fit,
			})
			.collect();
		Matches { matches, truncated: walk.limited }
	}
}
