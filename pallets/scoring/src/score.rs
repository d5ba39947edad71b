//! The performance score (pure functions, see the formula in [`crate::types`]) and the
//! governance of its inputs: parameter weights and the model table.

use crate::{
	types::{ModelInfo, ModelKind, ParamWeights, Term, NORM_CAP, UNIT},
	Config, Error, Event, Models, Pallet, Version, Weights,
};
use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::DispatchResult,
};
use powerverse_primitives::{Cpu, ModelName, Scorer, Specs};

/// `value` in thousandths of `reference`, at most [`NORM_CAP`]; 0 for a zero reference.
pub fn normalize(value: u64, reference: u32) -> u64 {
	value
		.saturating_mul(u64::from(UNIT))
		.checked_div(u64::from(reference))
		.unwrap_or(0)
		.min(u64::from(NORM_CAP))
}

/// What `term` adds to the score for `value`, in thousandths of a score point.
pub fn weighted(term: &Term, value: u64) -> u64 {
	u64::from(term.weight).saturating_mul(normalize(value, term.reference))
}

/// CPU throughput in thousandths of reference cores: `cores ×` the model's per-core rating
/// when the model is known, otherwise `cores × boost_mhz × 1000 / reference_mhz`.
pub fn cpu_milli_cores(cpu: &Cpu, model: Option<&ModelInfo>, reference_mhz: u32) -> u64 {
	let per_core = match model {
		Some(info) => u64::from(info.fp32),
		None => u64::from(cpu.boost_mhz)
			.saturating_mul(u64::from(UNIT))
			.checked_div(u64::from(reference_mhz))
			.unwrap_or(0),
	};
	per_core.saturating_mul(u64::from(cpu.cores))
}

/// The performance score of `specs` under `weights`.
///
/// `cpu_model` and `gpu_model` are the model table's entries for the specs' CPU and GPU
/// models (of the right kind), `None` when the table does not know them; `benchmark` is the
/// verified benchmark figure, if any. Never panics: every step saturates.
pub fn score(
	weights: &ParamWeights,
	specs: &Specs,
	benchmark: Option<u32>,
	cpu_model: Option<&ModelInfo>,
	gpu_model: Option<&ModelInfo>,
) -> u32 {
	let gpu = specs.gpu.as_ref();
	let gpus = gpu.map_or(0, |g| u64::from(g.count));
	let (fp32, fp16) = match (gpu, gpu_model) {
		(Some(_), Some(info)) => {
			(u64::from(info.fp32).saturating_mul(gpus), u64::from(info.fp16).saturating_mul(gpus))
		},
		_ => (0, 0),
	};
	let gpu_memory = gpu.map_or(0, |g| u64::from(g.memory_mib).saturating_mul(gpus));
	let mean = |a: u32, b: u32| (u64::from(a) + u64::from(b)) / 2;
	let storage = &specs.storage;

	let terms = [
		(&weights.cpu, cpu_milli_cores(&specs.cpu, cpu_model, weights.cpu_reference_mhz)),
		(&weights.gpu_fp32, fp32),
		(&weights.gpu_fp16, fp16),
		(&weights.gpu_memory, gpu_memory),
		(&weights.memory, u64::from(specs.memory_mib)),
		(&weights.memory_speed, u64::from(specs.memory_mhz)),
		(&weights.storage_size, u64::from(storage.size_gib)),
		(&weights.storage_speed, mean(storage.read_mbps, storage.write_mbps)),
		(&weights.network, mean(specs.up_mbps, specs.down_mbps)),
		(&weights.benchmark, u64::from(benchmark.unwrap_or(0))),
	];
	let total =
		terms.iter().fold(0u64, |acc, (term, value)| acc.saturating_add(weighted(term, *value)));
	u32::try_from(total / u64::from(UNIT)).unwrap_or(u32::MAX)
}

impl<T: Config> Pallet<T> {
	/// The model table's entry for `name` if it is a model of `kind`.
	pub fn model(name: &ModelName, kind: ModelKind) -> Option<ModelInfo> {
		Models::<T>::get(name).filter(|info| info.kind == kind)
	}

	/// The performance score of `specs` with the current weights and model table.
	pub fn score_of(specs: &Specs, benchmark: Option<u32>) -> u32 {
		let cpu = Self::model(&specs.cpu.model, ModelKind::Cpu);
		let gpu = specs.gpu.as_ref().and_then(|g| Self::model(&g.model, ModelKind::Gpu));
		score(&Weights::<T>::get(), specs, benchmark, cpu.as_ref(), gpu.as_ref())
	}

	/// Moves the score version on: every stored score is now due for re-scoring.
	fn bump_version() -> u32 {
		// A change counter, not an id: wrapping after 2^32 changes only needs the new value
		// to differ from the last one, which it does.
		Version::<T>::mutate(|v| {
			*v = v.wrapping_add(1);
			*v
		})
	}

	/// Replaces the parameter weights and moves the version on.
	///
	/// # Errors
	/// [`Error::ZeroReference`] when a reference value or the CPU reference clock is 0.
	pub(crate) fn do_set_weights(weights: ParamWeights) -> DispatchResult {
		ensure!(weights.references_valid(), Error::<T>::ZeroReference);
		Weights::<T>::put(weights);
		let version = Self::bump_version();
		Self::deposit_event(Event::WeightsSet { weights, version });
		Ok(())
	}

	/// Inserts or replaces a model table entry and moves the version on.
	///
	/// # Errors
	/// - [`Error::EmptyModelName`] when `name` is empty.
	/// - [`Error::ZeroThroughput`] when `info.fp32` is 0.
	/// - [`Error::TooManyModels`] when `name` is new and the table holds `MaxModels` entries.
	pub(crate) fn do_set_model(name: ModelName, info: ModelInfo) -> DispatchResult {
		ensure!(!name.is_empty(), Error::<T>::EmptyModelName);
		ensure!(info.fp32 != 0, Error::<T>::ZeroThroughput);
		ensure!(
			Models::<T>::contains_key(&name) || Models::<T>::count() < T::MaxModels::get(),
			Error::<T>::TooManyModels
		);
		Models::<T>::insert(&name, info);
		let version = Self::bump_version();
		Self::deposit_event(Event::ModelSet { name, info, version });
		Ok(())
	}

	/// Removes a model table entry and moves the version on.
	///
	/// # Errors
	/// [`Error::UnknownModel`] when the table has no entry `name`.
	pub(crate) fn do_remove_model(name: ModelName) -> DispatchResult {
		ensure!(Models::<T>::contains_key(&name), Error::<T>::UnknownModel);
		Models::<T>::remove(&name);
		let version = Self::bump_version();
		Self::deposit_event(Event::ModelRemoved { name, version });
		Ok(())
	}
}

impl<T: Config> Scorer for Pallet<T> {
	fn score(specs: &Specs, benchmark: Option<u32>) -> u32 {
		Self::score_of(specs, benchmark)
	}

	fn version() -> u32 {
		Version::<T>::get()
	}

	fn knows_gpu(model: &ModelName) -> bool {
		Self::model(model, ModelKind::Gpu).is_some()
	}
}
