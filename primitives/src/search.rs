//! Searching the market: the filter consumers (and demand orders) use, the sort orders, and
//! what a search returns.
//!
//! Every search and match does bounded work: it examines at most [`MAX_SCAN`] entries of the
//! index of listed resources (kept in score order) and says where it stopped, so a caller
//! carries on from a [`Cursor`] instead of asking one call to read the whole market.

use crate::{
	Energy, ModelName, Price, Region, ResourceId, Specs, Status, StorageKind, Tier, Window,
};
use codec::{Decode, DecodeAll, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::{fmt, fmt::Debug, str::FromStr};
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

/// Most entries of the index of listed resources one search or match examines, matching or
/// not. Each costs a read of the resource (about 23 µs in a dev node, see
/// `benchmarks/RESULTS.md`), so a call stays near 25 ms however large the market is and
/// however rare the filter.
pub const MAX_SCAN: u32 = 1024;

const _: () = assert!(MAX_PAGE <= MAX_SCAN && MATCH_POOL as u32 <= MAX_SCAN);

/// Where a search starts: after an index entry, skipping some results first. A search
/// returns the cursor of the page after it ([`SearchPage::next`]); pass it back with the same
/// filter and sort.
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
pub struct Cursor {
	/// Score and id of the last index entry already examined (the index is in score order,
	/// highest first, then by id); `None` from the start of the index.
	pub after: Option<(u32, ResourceId)>,
	/// Results to skip first (below [`MAX_SCAN`]): the page number times the page size, or,
	/// sorted by price, the results of the same window already shown.
	pub skip: u32,
}

impl Cursor {
	/// From the start of the index, skipping `page` pages of `page_size` results; `None` when
	/// the page ends beyond the [`MAX_SCAN`] results one call could find
	/// (`(page + 1) × page_size > MAX_SCAN`): page further by [`SearchPage::next`].
	pub fn page(page: u32, page_size: u32) -> Option<Self> {
		let end = (u64::from(page) + 1).saturating_mul(page_size.into());
		(end <= MAX_SCAN.into()).then(|| Cursor { after: None, skip: page * page_size })
	}
}

/// The text of a cursor: `0x` and the hex of its SCALE encoding, opaque to clients.
impl fmt::Display for Cursor {
	fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
		f.write_str("0x")?;
		self.using_encoded(|b| b.iter().try_for_each(|b| write!(f, "{b:02x}")))
	}
}

/// Text that is not a cursor a search returned.
#[derive(Clone, Copy, Eq, PartialEq, Debug)]
pub struct BadCursor;

impl FromStr for Cursor {
	type Err = BadCursor;

	/// A cursor from its text; refuses anything a search could not have returned.
	fn from_str(s: &str) -> Result<Self, BadCursor> {
		let hex = s.strip_prefix("0x").ok_or(BadCursor)?.as_bytes();
		if hex.len() % 2 != 0 || hex.len() > 2 * Cursor::max_encoded_len() {
			return Err(BadCursor);
		}
		let digit = |c: u8| char::from(c).to_digit(16).ok_or(BadCursor);
		let bytes = hex
			.chunks(2)
			.map(|p| Ok(((digit(p[0])? << 4) | digit(p[1])?) as u8))
			.collect::<Result<alloc::vec::Vec<u8>, BadCursor>>()?;
		Cursor::decode_all(&mut &bytes[..]).ok().filter(|c| c.skip < MAX_SCAN).ok_or(BadCursor)
	}
}

/// One call's results of a search, and where the next call carries on.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct SearchPage<AccountId, Balance, BlockNumber> {
	/// At most the page size of results.
	pub resources: alloc::vec::Vec<ResourceView<AccountId, Balance, BlockNumber>>,
	/// Where the next page starts; `None` when the index holds nothing further.
	pub next: Option<Cursor>,
	/// Whether the call stopped at [`MAX_SCAN`] index entries with more left: the page may
	/// hold fewer results than asked though more follow from `next`, and a price sort ordered
	/// only the entries examined.
	pub truncated: bool,
}

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

		/// Listed resources meeting `filter`, at most `page_size` (at most [`MAX_PAGE`]),
		/// from `from` on, examining at most [`MAX_SCAN`] index entries (in score order). By
		/// score: the next matches after `from`. By price: the matches among those entries
		/// ordered by price, then [`Cursor::skip`] and `page_size` page within them; `next`
		/// pages on within them and then starts the next entries.
		fn search(
			filter: Filter<Balance>,
			sort: Sort,
			from: Cursor,
			page_size: u32,
		) -> SearchPage<AccountId, Balance, BlockNumber>;
	}
}

/// Most candidates [`MarketApi::market_match`] weighs: the highest-scoring listed resources
/// meeting the requirements among the first [`MAX_SCAN`] index entries examined.
pub const MATCH_POOL: usize = 256;

/// A geohash cell: 1 to 5 characters of geohash's base-32 alphabet.
pub type Geohash = BoundedVec<u8, ConstU32<5>>;

/// A resource proposed for a demand, and how well it fits.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct Matched<AccountId, Balance, BlockNumber> {
	/// The resource.
	pub resource: ResourceView<AccountId, Balance, BlockNumber>,
	/// Fit from 0 to 1000, see [`fit`].
	pub fit: u32,
}

/// What a match found.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct Matches<AccountId, Balance, BlockNumber> {
	/// Best fit first.
	pub matches: alloc::vec::Vec<Matched<AccountId, Balance, BlockNumber>>,
	/// Whether the match stopped at [`MAX_SCAN`] index entries before finding [`MATCH_POOL`]
	/// candidates, with more listed resources left unexamined (lower-scoring ones).
	pub truncated: bool,
}

/// How well a candidate fits, 0 to 1000: 35% price (the cheapest candidate gets all of it,
/// one twice as dear half), 35% performance score (relative to the best candidate), 20%
/// the owner's reputation (0 to 1000), 10% nearness (the share of the wanted geohash the
/// resource's geohash starts with; none when no place is wanted).
pub fn fit(
	price: u128,
	cheapest: u128,
	score: u32,
	best: u32,
	reputation: u32,
	region: &[u8],
	near: Option<&[u8]>,
) -> u32 {
	let per_mille =
		|part: u128, whole: u128| part.saturating_mul(1000).checked_div(whole).unwrap_or(1000);
	let price_points = if price == 0 { 1000 } else { per_mille(cheapest, price).min(1000) };
	let score_points = per_mille(score.into(), best.into()).min(1000);
	let reputation_points = u128::from(reputation.min(1000));
	let near_points = near.filter(|n| !n.is_empty()).map_or(0, |n| {
		let common = n.iter().zip(region).take_while(|(a, b)| a == b).count();
		per_mille(common as u128, n.len() as u128)
	});
	let total = 35 * price_points + 35 * score_points + 20 * reputation_points + 10 * near_points;
	(total / 100) as u32
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Matching demand to the market.
	pub trait MarketApi<AccountId, Balance, BlockNumber>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// Listed resources meeting `requirements`, best [`fit`] first (ties: lower id), at
		/// most `limit` (at most [`MAX_PAGE`]), chosen among the [`MATCH_POOL`]
		/// highest-scoring ones found in at most [`MAX_SCAN`] index entries; `near` is the
		/// place the consumer prefers.
		fn market_match(
			requirements: Filter<Balance>,
			near: Option<Geohash>,
			limit: u32,
		) -> Matches<AccountId, Balance, BlockNumber>;
	}
}

#[cfg(test)]
mod tests {
	use super::{fit, Cursor, MAX_SCAN};
	use alloc::string::ToString;

	#[test]
	fn a_page_must_end_within_the_scan_limit() {
		assert_eq!(Cursor::page(0, 20), Some(Cursor { after: None, skip: 0 }));
		assert_eq!(Cursor::page(3, 20), Some(Cursor { after: None, skip: 60 }));
		// 1024 = 51.2 pages of 20: the 51st (from 0, results 1000 to 1019) is the last.
		assert_eq!(Cursor::page(50, 20), Some(Cursor { after: None, skip: 1000 }));
		assert_eq!(Cursor::page(51, 20), None);
		assert_eq!(Cursor::page(MAX_SCAN / 100, 100), None);
		assert_eq!(Cursor::page(u32::MAX, 100), None);
		assert_eq!(Cursor::page(0, MAX_SCAN), Some(Cursor::default()));
	}

	#[test]
	fn a_cursor_goes_through_text_and_back() {
		for c in [
			Cursor::default(),
			Cursor { after: Some((720, 3)), skip: 0 },
			Cursor { after: Some((u32::MAX, u32::MAX)), skip: MAX_SCAN - 1 },
		] {
			assert_eq!(c.to_string().parse::<Cursor>(), Ok(c));
		}
		assert_eq!(
			Cursor { after: Some((1, 2)), skip: 3 }.to_string(),
			"0x01010000000200000003000000"
		);
	}

	#[test]
	fn text_that_no_search_returned_is_not_a_cursor() {
		for bad in [
			"",
			"0x",
			"01010000000200000003000000",
			"0x0101000000020000000300000",
			"0x0101000000020000000300000000",
			"0x01010000000200000003000g00",
			"0x02010000000200000003000000",
			"0x00ff",
			// Skipping MAX_SCAN results or more.
			"0x0000040000",
		] {
			assert!(bad.parse::<Cursor>().is_err(), "{bad}");
		}
	}

	#[test]
	fn the_cheapest_best_most_reputable_nearest_fits_best() {
		assert_eq!(fit(10, 10, 500, 500, 1000, b"u33db", Some(b"u33db")), 1000);
		// Twice the price: half the price points.
		assert_eq!(fit(20, 10, 500, 500, 1000, b"u33db", Some(b"u33db")), 825);
		// Half the best score: half the score points.
		assert_eq!(fit(10, 10, 250, 500, 1000, b"u33db", Some(b"u33db")), 825);
		// Neutral reputation.
		assert_eq!(fit(10, 10, 500, 500, 500, b"u33db", Some(b"u33db")), 900);
		// Same 2 of 4 wanted characters; and no place wanted at all.
		assert_eq!(fit(10, 10, 500, 500, 1000, b"u3xyz", Some(b"u33d")), 950);
		assert_eq!(fit(10, 10, 500, 500, 1000, b"u33db", None), 900);
	}
}
