//! The scoring pallet's own data types: parameter weights, the model table, reputation
//! records.
//!
//! # The performance score
//!
//! Every technical parameter of a resource's [`Specs`](powerverse_primitives::Specs) is one
//! [`Term`] of [`ParamWeights`]: a governance-set `weight` and a `reference` value, the
//! parameter's value on the *reference machine*. A parameter is normalised against its
//! reference in thousandths and capped at [`NORM_CAP`] (4× the reference), so that one huge
//! parameter (a 100 TiB disk, a 100 Gbit/s link) cannot dominate the score:
//!
//! ```text
//! normalised(value) = min(value × 1000 / reference, 4000)
//! score             = Σ weight × normalised(value) / 1000      (rounded down, saturating)
//! ```
//!
//! A machine equal to the reference machine in every parameter therefore scores the sum of
//! the weights; with the default weights (which sum to 1000) it scores 1000, and no machine
//! scores more than 4000. All arithmetic is integer, in `u64`, saturating.
//!
//! The value each term measures:
//!
//! | term            | value                                                                |
//! |-----------------|----------------------------------------------------------------------|
//! | `cpu`           | thousandths of reference cores: `cores × per-core rating`, where the |
//! |                 | rating is the model table's `fp32` for a known CPU model, otherwise  |
//! |                 | `boost_mhz × 1000 / cpu_reference_mhz`                               |
//! | `gpu_fp32`      | thousandths of reference GPUs: `count × fp32` of the GPU model       |
//! | `gpu_fp16`      | thousandths of reference GPUs: `count × fp16` of the GPU model       |
//! | `gpu_memory`    | `count × memory_mib` of the GPUs                                     |
//! | `memory`        | `memory_mib`                                                         |
//! | `memory_speed`  | `memory_mhz`                                                         |
//! | `storage_size`  | `storage.size_gib`                                                   |
//! | `storage_speed` | `(storage.read_mbps + storage.write_mbps) / 2`                       |
//! | `network`       | `(up_mbps + down_mbps) / 2`                                          |
//! | `benchmark`     | the verified benchmark figure; 0 while there is none                 |
//!
//! A GPU model that is not in the table (as a GPU) contributes nothing to `gpu_fp32` and
//! `gpu_fp16`; its memory still counts. The benchmark figure is a term of its own, added to
//! the others: a resource without a verified figure gets nothing for it, which rewards
//! verification. Storage kind and GPU interconnect are not scored: their effect shows in the
//! measured speeds and the benchmark figure.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::sp_runtime::{BoundedVec, Deserialize, Serialize};
use powerverse_primitives::ModelName;
use scale_info::TypeInfo;

/// A normalised parameter value equal to its reference: 1000 thousandths.
pub const UNIT: u32 = 1000;

/// The most a normalised parameter can count for: 4× its reference.
pub const NORM_CAP: u32 = 4 * UNIT;

/// One scored parameter: how much it counts and what value counts as the reference.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(crate = "polkadot_sdk::sp_runtime::serde", rename_all = "camelCase")]
pub struct Term {
	/// Score points a parameter equal to its reference earns.
	pub weight: u32,
	/// The parameter's value on the reference machine, in the unit of the table in the
	/// module docs; never 0 (it divides).
	pub reference: u32,
}

impl Term {
	/// A term of `weight` points at `reference`.
	pub const fn new(weight: u32, reference: u32) -> Self {
		Self { weight, reference }
	}
}

/// The governance-set weight and reference value of every technical parameter; see the
/// module docs for the formula.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(crate = "polkadot_sdk::sp_runtime::serde", rename_all = "camelCase")]
pub struct ParamWeights {
	/// CPU throughput, in thousandths of reference cores.
	pub cpu: Term,
	/// GPU FP32 throughput, in thousandths of reference GPUs.
	pub gpu_fp32: Term,
	/// GPU FP16 throughput, in thousandths of reference GPUs.
	pub gpu_fp16: Term,
	/// Total GPU memory, MiB.
	pub gpu_memory: Term,
	/// Memory size, MiB.
	pub memory: Term,
	/// Memory clock, MHz.
	pub memory_speed: Term,
	/// Storage size, GiB.
	pub storage_size: Term,
	/// Mean of sequential read and write speed, MB/s.
	pub storage_speed: Term,
	/// Mean of bandwidth up and down, Mbit/s.
	pub network: Term,
	/// The verified benchmark figure.
	pub benchmark: Term,
	/// Boost clock (MHz) at which one core of a CPU model missing from the table counts as
	/// one reference core; never 0.
	pub cpu_reference_mhz: u32,
}

impl ParamWeights {
	/// Every term, in declaration order.
	pub fn terms(&self) -> [Term; 10] {
		[
			self.cpu,
			self.gpu_fp32,
			self.gpu_fp16,
			self.gpu_memory,
			self.memory,
			self.memory_speed,
			self.storage_size,
			self.storage_speed,
			self.network,
			self.benchmark,
		]
	}

	/// Whether every reference value (and the CPU reference clock) is non-zero.
	pub fn references_valid(&self) -> bool {
		self.cpu_reference_mhz != 0 && self.terms().iter().all(|t| t.reference != 0)
	}
}

impl Default for ParamWeights {
	/// The reference machine is a 4-GPU server: 32 cores like an EPYC 9654's, 4× A100 with
	/// 80 GiB each, 256 GiB of DDR5-4800, 4 TiB of NVMe at 5 GB/s, 1 Gbit/s. The weights sum
	/// to 1000, half of it for GPUs.
	fn default() -> Self {
		Self {
			cpu: Term::new(150, 32 * UNIT),
			gpu_fp32: Term::new(200, 4 * UNIT),
			gpu_fp16: Term::new(200, 4 * UNIT),
			gpu_memory: Term::new(100, 4 * 80 * 1024),
			memory: Term::new(80, 256 * 1024),
			memory_speed: Term::new(20, 4800),
			storage_size: Term::new(40, 4096),
			storage_speed: Term::new(40, 5000),
			network: Term::new(70, 1000),
			benchmark: Term::new(100, 1000),
			cpu_reference_mhz: 3700,
		}
	}
}

/// Whether a model table entry is a processor or a graphics card.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(crate = "polkadot_sdk::sp_runtime::serde")]
pub enum ModelKind {
	/// A CPU: throughput figures are per core.
	Cpu,
	/// A GPU: throughput figures are per card.
	Gpu,
}

/// An entry of the model table: relative throughput where 1000 is the reference model.
///
/// GPUs are rated per card against an NVIDIA A100 (19.5 TFLOPS FP32, 312 TFLOPS dense FP16
/// tensor). CPUs are rated per core against a core of an AMD EPYC 9654 (Zen 4 at 3.7 GHz);
/// the score uses a CPU's `fp32` only, `fp16` (BF16/FP16 units such as AMX) is kept for
/// reference.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(crate = "polkadot_sdk::sp_runtime::serde", rename_all = "camelCase")]
pub struct ModelInfo {
	/// Processor or graphics card.
	pub kind: ModelKind,
	/// FP32 throughput relative to the reference model (1000); never 0.
	pub fp32: u32,
	/// FP16 throughput relative to the reference model (1000).
	pub fp16: u32,
}

impl ModelInfo {
	/// A GPU entry.
	pub const fn gpu(fp32: u32, fp16: u32) -> Self {
		Self { kind: ModelKind::Gpu, fp32, fp16 }
	}

	/// A CPU entry (per core).
	pub const fn cpu(fp32: u32, fp16: u32) -> Self {
		Self { kind: ModelKind::Cpu, fp32, fp16 }
	}
}

/// The reputation of one account as last written.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Record<BlockNumber> {
	/// Reputation at `updated_at`, 0 to 1000; it decays toward neutral (500) from there.
	pub value: u32,
	/// Block of the last rating or ruling.
	pub updated_at: BlockNumber,
	/// How many ratings the account has received.
	pub ratings: u32,
}

/// A sensible starting model table: common data-centre and consumer GPUs (public FP32 and
/// dense FP16-tensor figures relative to an A100) and CPUs (per-core FP32 and FP16/BF16
/// relative to an EPYC 9654 core, from SIMD width, FMA units and boost clock).
pub fn reference_models() -> Vec<(ModelName, ModelInfo)> {
	let table: [(&[u8], ModelInfo); 14] = [
		(b"A100", ModelInfo::gpu(1000, 1000)),
		(b"H100", ModelInfo::gpu(3436, 3171)),
		(b"H200", ModelInfo::gpu(3436, 3171)),
		(b"L40S", ModelInfo::gpu(4697, 1160)),
		(b"MI300X", ModelInfo::gpu(4190, 4189)),
		(b"RTX 4090", ModelInfo::gpu(4236, 529)),
		(b"RTX 3090", ModelInfo::gpu(1826, 228)),
		(b"V100", ModelInfo::gpu(805, 401)),
		(b"T4", ModelInfo::gpu(415, 208)),
		(b"EPYC 9654", ModelInfo::cpu(1000, 2000)),
		(b"EPYC 7763", ModelInfo::cpu(946, 946)),
		(b"Xeon Platinum 8480+", ModelInfo::cpu(2054, 16000)),
		(b"Ryzen 9 7950X", ModelInfo::cpu(1540, 3080)),
		(b"Core i9-13900K", ModelInfo::cpu(1570, 1570)),
	];
	table.into_iter().map(|(name, info)| (BoundedVec::truncate_from(name.to_vec()), info)).collect()
}
