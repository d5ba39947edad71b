//! Searching the market: the filter consumers (and demand orders) use, the sort orders, and
//! what a search returns.

use crate::{
	Energy, ModelName, Price, Region, ResourceId, Specs, Status, StorageKind, Tier, Window,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use polkadot_sdk::sp_runtime::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;

/// Requirements a resource must meet. Every field left `None` matches everything.
#[derive(
	Clone,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Filter<Balance> {
	/// GPU model, exactly.
	pub gpu_model: Option<ModelName>,
	/// At least this many GPUs (1 asks for any GPU).
	pub min_gpus: Option<u8>,
	/// At least this much memory per GPU, MiB.
	pub min_gpu_memory_mib: Option<u32>,
	/// At least this many CPU cores.
	pub min_cores: Option<u16>,
	/// At least this much memory, MiB.
	pub min_memory_mib: Option<u32>,
	/// This storage kind.
	pub storage_kind: Option<StorageKind>,
	/// At least this much storage, GiB.
	pub min_storage_gib: Option<u32>,
	/// In this country (ISO 3166-1 alpha-2).
	pub country: Option<[u8; 2]>,
	/// Geohash starting with this (a coarser or equal cell).
	pub geohash: Option<BoundedVec<u8, ConstU32<5>>>,
	/// In this tier.
	pub tier: Option<Tier>,
	/// Price per hour now at most this.
	pub max_price: Option<Balance>,
	/// Performance score at least this.
	pub min_score: Option<u32>,
	/// Owner's reputation at least this (0 to 1000).
	pub min_reputation: Option<u32>,
}

impl<Balance: PartialOrd> Filter<Balance> {
	/// Whether hardware and place meet the filter; price, score and reputation are checked
	/// by [`Self::meets_terms`].
	pub fn meets_specs(&self, specs: &Specs, region: &Region, tier: Tier) -> bool {
		let gpu = specs.gpu.as_ref();
		self.gpu_model.as_ref().is_none_or(|m| gpu.is_some_and(|g| &g.model == m))
			&& self.min_gpus.is_none_or(|n| gpu.map_or(0, |g| g.count) >= n)
			&& self.min_gpu_memory_mib.is_none_or(|n| gpu.is_some_and(|g| g.memory_mib >= n))
			&& self.min_cores.is_none_or(|n| specs.cpu.cores >= n)
			&& self.min_memory_mib.is_none_or(|n| specs.memory_mib >= n)
			&& self.storage_kind.is_none_or(|k| specs.storage.kind == k)
			&& self.min_storage_gib.is_none_or(|n| specs.storage.size_gib >= n)
			&& self.country.is_none_or(|c| region.country == c)
			&& self.geohash.as_ref().is_none_or(|h| region.geohash.starts_with(h))
			&& self.tier.is_none_or(|t| tier == t)
	}

	/// Whether the price now, the score and the owner's reputation meet the filter.
	pub fn meets_terms(&self, price: &Balance, score: u32, reputation: u32) -> bool {
		self.max_price.as_ref().is_none_or(|m| price <= m)
			&& self.min_score.is_none_or(|s| score >= s)
			&& self.min_reputation.is_none_or(|r| reputation >= r)
	}
}

/// Order of search results.
#[derive(
	Clone,
	Copy,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Sort {
	/// Highest performance score first (ties: lowest id first).
	#[default]
	Score,
	/// Lowest price per hour now first (ties: highest score first).
	Price,
}

/// A resource as queries show it.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct ResourceView<AccountId, Balance, BlockNumber> {
	/// Id (and certificate item id).
	pub id: ResourceId,
	/// Owner, paid for it.
	pub owner: AccountId,
	/// Status.
	pub status: Status,
	/// Hardware.
	pub specs: Specs,
	/// Energy attributes.
	pub energy: Energy,
	/// Place.
	pub region: Region,
	/// Tier.
	pub tier: Tier,
	/// Machine's telemetry key.
	pub machine_key: [u8; 32],
	/// Telemetry endpoint.
	pub telemetry: alloc::vec::Vec<u8>,
	/// The offer as set.
	pub offer: Price<Balance>,
	/// Price per hour at the block queried.
	pub price: Balance,
	/// Availability window.
	pub window: Window<BlockNumber>,
	/// Whether the current declaration is verified.
	pub verified: bool,
	/// Verified benchmark figure.
	pub benchmark: Option<u32>,
	/// Performance score.
	pub score: u32,
	/// Version of the scoring weights the score comes from.
	pub score_version: u32,
	/// Tenant, when rented or busy.
	pub tenant: Option<AccountId>,
	/// Whether a dispute holds it.
	pub disputed: bool,
	/// Owner's reputation (0 to 1000).
	pub reputation: u32,
}

/// Most results one search page may hold.
pub const MAX_PAGE: u32 = 100;

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Queries of the resource registry.
	pub trait RegistryApi<AccountId, Balance, BlockNumber>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// A resource by id.
		fn resource(id: ResourceId) -> Option<ResourceView<AccountId, Balance, BlockNumber>>;

		/// The resources of an owner, by id.
		fn resources_of(owner: AccountId) -> alloc::vec::Vec<ResourceView<AccountId, Balance, BlockNumber>>;

		/// Listed resources meeting `filter`, in `sort` order, skipping `page × page_size`
		/// results and returning at most `page_size` (at most [`MAX_PAGE`]).
		fn search(
			filter: Filter<Balance>,
			sort: Sort,
			page: u32,
			page_size: u32,
		) -> alloc::vec::Vec<ResourceView<AccountId, Balance, BlockNumber>>;
	}
}
