//! `registry_*` JSON-RPC methods: a resource by id, the resources of an owner, and the
//! filtered, paged search of listed resources. Answers come from the runtime's
//! `RegistryApi` at the best block (or the block asked for) and are shown in plain JSON:
//! names as text, accounts in SS58, balances as decimal strings of planck.
//!
//! Every method does bounded work and runs as a blocking method, off the server's async
//! workers (as `state_call` does): a search examines at most [`MAX_SCAN`] listed machines
//! and returns a cursor to carry on from; what could not be answered within that bound is
//! refused with an invalid-params error (-32602) saying so.

use std::sync::Arc;

use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{ErrorObject, ErrorObjectOwned},
};
use polkadot_sdk::{
	sp_api::ProvideRuntimeApi,
	sp_blockchain::HeaderBackend,
	sp_core::crypto::{Ss58AddressFormat, Ss58Codec},
	sp_runtime::traits::Block as BlockT,
};
use powerverse_primitives::{
	Cursor, Filter, Interconnect, Price, RegistryApi, ResourceView, Sort, Status, StorageKind,
	Tier, MAX_PAGE, MAX_SCAN,
};
use powerverse_runtime::{AccountId, Balance, BlockNumber, SS58Prefix};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// What `registry_search` takes. Every field is optional; unknown fields are refused.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Query {
	/// GPU model, exactly as in the scoring table, e.g. `"H100"`.
	pub gpu_model: Option<String>,
	/// At least this many GPUs.
	pub min_gpus: Option<u8>,
	/// At least this much memory per GPU, MiB.
	pub min_gpu_memory_mib: Option<u32>,
	/// At least this many CPU cores.
	pub min_cores: Option<u16>,
	/// At least this much memory, MiB.
	pub min_memory_mib: Option<u32>,
	/// `"nvme"`, `"ssd"` or `"hdd"`.
	pub storage_kind: Option<String>,
	/// At least this much storage, GiB.
	pub min_storage_gib: Option<u32>,
	/// ISO 3166-1 alpha-2 country code, e.g. `"DE"`.
	pub country: Option<String>,
	/// Geohash prefix, 1 to 5 characters.
	pub geohash: Option<String>,
	/// `"edge"`, `"regional"` or `"core"`.
	pub tier: Option<String>,
	/// Highest price per hour now, planck, as a decimal string.
	pub max_price: Option<String>,
	/// Lowest performance score.
	pub min_score: Option<u32>,
	/// Lowest owner reputation (0 to 1000).
	pub min_reputation: Option<u32>,
	/// `"score"` (highest first, the default) or `"price"` (lowest first, among the listed
	/// machines one call examines).
	pub sort: Option<String>,
	/// Page number from 0, within the first [`MAX_SCAN`] results: `(page + 1) × pageSize`
	/// at most [`MAX_SCAN`]. Not with `cursor`.
	pub page: Option<u32>,
	/// Results per page, 1 to 100 (default 20).
	pub page_size: Option<u32>,
	/// Where to carry on: the `next` of the previous answer to the same query.
	pub cursor: Option<String>,
}

/// What `registry_search` answers.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Found {
	/// At most a page of listed machines, as `registry_resource` shows them.
	pub resources: Vec<Value>,
	/// Cursor of the next page (pass it back as `cursor`); `null` when there is no more.
	pub next: Option<String>,
	/// Whether the call stopped at the [`MAX_SCAN`] listed machines it may examine, with more
	/// left: fewer results than a page may still leave more from `next`, and a sort by price
	/// ordered only the machines examined.
	pub truncated: bool,
}

/// The `registry_*` methods.
#[rpc(server, namespace = "registry")]
pub trait RegistryRpc<Hash> {
	/// A resource by id, `null` when there is none.
	#[method(name = "resource", blocking)]
	fn resource(&self, id: u32, at: Option<Hash>) -> RpcResult<Option<Value>>;

	/// The resources of an owner (SS58 address), by id: at most the registry's
	/// `MaxResourcesPerOwner`.
	#[method(name = "resourcesOf", blocking)]
	fn resources_of(&self, owner: String, at: Option<Hash>) -> RpcResult<Vec<Value>>;

	/// Listed resources meeting the query, sorted and paged, among at most [`MAX_SCAN`]
	/// listed machines examined, and the cursor of the next page.
	#[method(name = "search", blocking)]
	fn search(&self, query: Query, at: Option<Hash>) -> RpcResult<Found>;
}

/// Serves the `registry_*` methods from a client.
pub struct Registry<C, B> {
	client: Arc<C>,
	_block: std::marker::PhantomData<B>,
}

impl<C, B> Registry<C, B> {
	/// Methods answering from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _block: Default::default() }
	}
}

/// An invalid-params error with `message`.
pub fn invalid(message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObject::owned(jsonrpsee::types::error::INVALID_PARAMS_CODE, message.into(), None::<()>)
}

/// An internal error for a failed runtime call.
pub fn internal(e: impl std::fmt::Debug) -> ErrorObjectOwned {
	ErrorObject::owned(
		jsonrpsee::types::error::INTERNAL_ERROR_CODE,
		format!("runtime call failed: {e:?}"),
		None::<()>,
	)
}

impl<C: HeaderBackend<B>, B: BlockT> Registry<C, B> {
	/// The block asked for, or the best block.
	fn at(&self, at: Option<B::Hash>) -> B::Hash {
		at.unwrap_or_else(|| self.client.info().best_hash)
	}
}

impl<C, B> RegistryRpcServer<B::Hash> for Registry<C, B>
where
	B: BlockT,
	C: ProvideRuntimeApi<B> + HeaderBackend<B> + Send + Sync + 'static,
	C::Api: RegistryApi<B, AccountId, Balance, BlockNumber>,
{
	fn resource(&self, id: u32, at: Option<B::Hash>) -> RpcResult<Option<Value>> {
		let view = self.client.runtime_api().resource(self.at(at), id).map_err(internal)?;
		Ok(view.as_ref().map(to_json))
	}

	fn resources_of(&self, owner: String, at: Option<B::Hash>) -> RpcResult<Vec<Value>> {
		let owner = AccountId::from_ss58check(&owner)
			.map_err(|e| invalid(format!("owner is not an SS58 address: {e:?}")))?;
		let views = self.client.runtime_api().resources_of(self.at(at), owner).map_err(internal)?;
		Ok(views.iter().map(to_json).collect())
	}

	fn search(&self, query: Query, at: Option<B::Hash>) -> RpcResult<Found> {
		let (filter, sort, from, size) = parse(query)?;
		let found = self
			.client
			.runtime_api()
			.search(self.at(at), filter, sort, from, size)
			.map_err(internal)?;
		Ok(Found {
			resources: found.resources.iter().map(to_json).collect(),
			next: found.next.map(|c| c.to_string()),
			truncated: found.truncated,
		})
	}
}

/// The runtime's filter, sort, starting cursor and page size from a query.
///
/// # Errors
/// Invalid params, naming the field, for any value that cannot be understood, and for a
/// page that ends beyond the [`MAX_SCAN`] results one call can find.
pub fn parse(q: Query) -> Result<(Filter<Balance>, Sort, Cursor, u32), ErrorObjectOwned> {
	let bounded = |field: &str, s: String, max: usize| {
		if s.is_empty() || s.len() > max {
			Err(invalid(format!("{field} must be 1 to {max} characters")))
		} else {
			Ok(s.into_bytes())
		}
	};
	let gpu_model = q
		.gpu_model
		.map(|m| bounded("gpuModel", m, 32).map(|b| b.try_into().expect("length checked; qed")))
		.transpose()?;
	let storage_kind = q
		.storage_kind
		.map(|k| match k.to_ascii_lowercase().as_str() {
			"nvme" => Ok(StorageKind::Nvme),
			"ssd" => Ok(StorageKind::Ssd),
			"hdd" => Ok(StorageKind::Hdd),
			_ => Err(invalid("storageKind must be nvme, ssd or hdd")),
		})
		.transpose()?;
	let country = q
		.country
		.map(|c| {
			let b = c.into_bytes();
			<[u8; 2]>::try_from(b.as_slice())
				.ok()
				.filter(|b| b.iter().all(u8::is_ascii_uppercase))
				.ok_or_else(|| invalid("country must be two upper-case letters"))
		})
		.transpose()?;
	let geohash = q
		.geohash
		.map(|g| bounded("geohash", g, 5).map(|b| b.try_into().expect("length checked; qed")))
		.transpose()?;
	let tier = q
		.tier
		.map(|t| match t.to_ascii_lowercase().as_str() {
			"edge" => Ok(Tier::Edge),
			"regional" => Ok(Tier::Regional),
			"core" => Ok(Tier::Core),
			_ => Err(invalid("tier must be edge, regional or core")),
		})
		.transpose()?;
	let max_price = q
		.max_price
		.map(|p| p.parse::<Balance>().map_err(|_| invalid("maxPrice must be a decimal integer")))
		.transpose()?;
	let sort = match q.sort.as_deref() {
		None | Some("score") => Sort::Score,
		Some("price") => Sort::Price,
		Some(_) => return Err(invalid("sort must be score or price")),
	};
	let size = q.page_size.unwrap_or(20);
	if size == 0 || size > MAX_PAGE {
		return Err(invalid(format!("pageSize must be 1 to {MAX_PAGE}")));
	}
	let from = match (q.cursor, q.page) {
		(Some(_), Some(_)) => return Err(invalid("page and cursor do not go together")),
		(Some(c), None) => c.parse::<Cursor>().map_err(|_| {
			invalid("cursor must be the `next` of a previous registry_search answer")
		})?,
		(None, page) => Cursor::page(page.unwrap_or(0), size).ok_or_else(|| {
			invalid(format!(
				"(page + 1) × pageSize must be at most {MAX_SCAN}, the most listed machines \
				 one call examines: page further with `cursor`, the `next` of the answer"
			))
		})?,
	};
	let filter = Filter {
		gpu_model,
		min_gpus: q.min_gpus,
		min_gpu_memory_mib: q.min_gpu_memory_mib,
		min_cores: q.min_cores,
		min_memory_mib: q.min_memory_mib,
		storage_kind,
		min_storage_gib: q.min_storage_gib,
		country,
		geohash,
		tier,
		max_price,
		min_score: q.min_score,
		min_reputation: q.min_reputation,
	};
	Ok((filter, sort, from, size))
}

fn text(b: &[u8]) -> String {
	String::from_utf8_lossy(b).into_owned()
}

fn address(a: &AccountId) -> String {
	a.to_ss58check_with_version(Ss58AddressFormat::custom(SS58Prefix::get()))
}

/// A resource in plain JSON.
pub fn to_json(r: &ResourceView<AccountId, Balance, BlockNumber>) -> Value {
	let s = &r.specs;
	let gpu = s.gpu.as_ref().map(|g| {
		json!({
			"model": text(&g.model),
			"count": g.count,
			"memoryMib": g.memory_mib,
			"cores": g.cores,
			"interconnect": match g.interconnect {
				Interconnect::None => "none",
				Interconnect::Pcie => "pcie",
				Interconnect::NvLink => "nvlink",
				Interconnect::InfinityFabric => "infinity-fabric",
			},
		})
	});
	let offer = match r.offer {
		Price::Fixed(p) => json!({ "fixed": p.to_string() }),
		Price::Dutch { start, floor, fall } => json!({
			"dutch": { "start": start.to_string(), "floor": floor.to_string(), "fall": fall.to_string() }
		}),
	};
	json!({
		"id": r.id,
		"owner": address(&r.owner),
		"status": match r.status {
			Status::Pending => "pending",
			Status::Rejected => "rejected",
			Status::Idle => "idle",
			Status::Listed => "listed",
			Status::Rented => "rented",
			Status::Busy => "busy",
			Status::Paused => "paused",
			Status::Suspended => "suspended",
		},
		"cpu": {
			"model": text(&s.cpu.model),
			"cores": s.cpu.cores,
			"threads": s.cpu.threads,
			"baseMhz": s.cpu.base_mhz,
			"boostMhz": s.cpu.boost_mhz,
		},
		"gpu": gpu,
		"memoryMib": s.memory_mib,
		"memoryMhz": s.memory_mhz,
		"storage": {
			"kind": match s.storage.kind {
				StorageKind::Nvme => "nvme",
				StorageKind::Ssd => "ssd",
				StorageKind::Hdd => "hdd",
			},
			"sizeGib": s.storage.size_gib,
			"readMbps": s.storage.read_mbps,
			"writeMbps": s.storage.write_mbps,
		},
		"upMbps": s.up_mbps,
		"downMbps": s.down_mbps,
		"energy": {
			"renewablePercent": r.energy.renewable.deconstruct(),
			"pueMilli": r.energy.pue_milli,
		},
		"region": { "country": text(&r.region.country), "geohash": text(&r.region.geohash) },
		"tier": match r.tier { Tier::Edge => "edge", Tier::Regional => "regional", Tier::Core => "core" },
		"machineKey": format!("0x{}", r.machine_key.iter().map(|b| format!("{b:02x}")).collect::<String>()),
		"telemetry": text(&r.telemetry),
		"offer": offer,
		"price": r.price.to_string(),
		"window": { "from": r.window.from, "until": r.window.until },
		"verified": r.verified,
		"benchmark": r.benchmark,
		"score": r.score,
		"scoreVersion": r.score_version,
		"tenant": r.tenant.as_ref().map(address),
		"disputed": r.disputed,
		"reputation": r.reputation,
	})
}
