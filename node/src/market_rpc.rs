//! `market_match`: listed resources that meet a consumer's requirements, best fit first,
//! from the runtime's `MarketApi` at the best block (or the block asked for). The
//! requirements are the query of `registry_search` without its sort and paging; each answer
//! is a resource as `registry_*` shows it, plus its `fit` (0 to 1000).
//!
//! A match weighs at most [`MATCH_POOL`](powerverse_primitives::MATCH_POOL) candidates
//! found among at most [`MAX_SCAN`] listed machines (in score order), and runs as a blocking
//! method off the server's async workers. When that scan finds no candidate but did not
//! reach the end of the market, the call is refused with an invalid-params error (-32602)
//! saying so, rather than answering "none".

use std::sync::Arc;

use crate::registry_rpc::{internal, invalid, parse, to_json, Query};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use polkadot_sdk::{
	sp_api::ProvideRuntimeApi, sp_blockchain::HeaderBackend, sp_runtime::traits::Block as BlockT,
};
use powerverse_primitives::{MarketApi, MAX_PAGE, MAX_SCAN};
use powerverse_runtime::{AccountId, Balance, BlockNumber};
use serde_json::Value;

/// The `market_*` methods.
#[rpc(server, namespace = "market")]
pub trait MarketRpc<Hash> {
	/// Up to `limit` (1 to 100) listed resources meeting `requirements`, best fit first,
	/// among the highest-scoring ones found in at most [`MAX_SCAN`] listed machines; `near`
	/// is a geohash (1 to 5 characters) of the place the consumer prefers.
	#[method(name = "match", blocking)]
	fn market_match(
		&self,
		requirements: Query,
		limit: u32,
		near: Option<String>,
		at: Option<Hash>,
	) -> RpcResult<Vec<Value>>;
}

/// Serves the `market_*` methods from a client.
pub struct Market<C, B> {
	client: Arc<C>,
	_block: std::marker::PhantomData<B>,
}

impl<C, B> Market<C, B> {
	/// Methods answering from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _block: Default::default() }
	}
}

impl<C, B> MarketRpcServer<B::Hash> for Market<C, B>
where
	B: BlockT,
	C: ProvideRuntimeApi<B> + HeaderBackend<B> + Send + Sync + 'static,
	C::Api: MarketApi<B, AccountId, Balance, BlockNumber>,
{
	fn market_match(
		&self,
		requirements: Query,
		limit: u32,
		near: Option<String>,
		at: Option<B::Hash>,
	) -> RpcResult<Vec<Value>> {
		if requirements.sort.is_some()
			|| requirements.page.is_some()
			|| requirements.page_size.is_some()
			|| requirements.cursor.is_some()
		{
			return Err(invalid("sort, page, pageSize and cursor do not apply to market_match"));
		}
		if limit == 0 || limit > MAX_PAGE {
			return Err(invalid(format!("limit must be 1 to {MAX_PAGE}")));
		}
		let near = near
			.map(|g| {
				const GEOHASH: &[u8] = b"0123456789bcdefghjkmnpqrstuvwxyz";
				let b = g.into_bytes();
				if b.is_empty() || b.len() > 5 || !b.iter().all(|c| GEOHASH.contains(c)) {
					return Err(invalid("near must be a geohash of 1 to 5 characters"));
				}
				Ok(b.try_into().expect("length checked; qed"))
			})
			.transpose()?;
		let (filter, ..) = parse(requirements)?;
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let found =
			self.client.runtime_api().market_match(at, filter, near, limit).map_err(internal)?;
		if found.truncated && found.matches.is_empty() {
			return Err(invalid(format!(
				"no listed machine meeting the requirements among the {MAX_SCAN} highest-scoring \
				 ones examined, the most one call examines: name a gpuModel or country to \
				 search fewer, or page through registry_search by cursor"
			)));
		}
		Ok(found
			.matches
			.iter()
			.map(|m| {
				let mut v = to_json(&m.resource);
				v["fit"] = m.fit.into();
				v
			})
			.collect())
	}
}
