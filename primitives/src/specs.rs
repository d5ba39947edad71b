//! What a resource is: the technical parameters a provider declares and verifiers measure.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::sp_runtime::{traits::ConstU32, BoundedVec, Deserialize, Percent, Serialize};
use scale_info::TypeInfo;

/// A CPU or GPU model name as in the scoring pallet's reference table, e.g. `RTX 4090`.
pub type ModelName = BoundedVec<u8, ConstU32<32>>;

/// The processor of a resource.
#[derive(
	Clone,
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
pub struct Cpu {
	/// Model name, e.g. `EPYC 9654`.
	pub model: ModelName,
	/// Physical cores offered.
	pub cores: u16,
	/// Hardware threads offered (at least `cores`).
	pub threads: u16,
	/// Base clock in MHz.
	pub base_mhz: u32,
	/// Boost clock in MHz (at least `base_mhz`).
	pub boost_mhz: u32,
}

/// How the GPUs of one resource talk to each other.
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
pub enum Interconnect {
	/// A single GPU, or GPUs without a link.
	None,
	/// Over PCI Express only.
	Pcie,
	/// NVIDIA NVLink.
	NvLink,
	/// AMD Infinity Fabric.
	InfinityFabric,
}

/// The GPUs of a resource: all of one model.
#[derive(
	Clone,
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
pub struct Gpu {
	/// Model name; must be in the scoring pallet's reference table.
	pub model: ModelName,
	/// How many GPUs.
	pub count: u8,
	/// Memory of one GPU in MiB.
	pub memory_mib: u32,
	/// CUDA cores (or stream processors) of one GPU.
	pub cores: u32,
	/// How the GPUs are linked.
	pub interconnect: Interconnect,
}

/// Kind of storage device.
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
pub enum StorageKind {
	/// NVMe solid-state drive.
	Nvme,
	/// SATA/SAS solid-state drive.
	Ssd,
	/// Spinning disk.
	Hdd,
}

/// The storage of a resource.
#[derive(
	Clone,
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
pub struct Storage {
	/// Device kind.
	pub kind: StorageKind,
	/// Size in GiB.
	pub size_gib: u32,
	/// Sequential read speed in MB/s.
	pub read_mbps: u32,
	/// Sequential write speed in MB/s.
	pub write_mbps: u32,
}

/// Where a resource sits in the network.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(crate = "polkadot_sdk::sp_runtime::serde", rename_all = "camelCase")]
pub enum Tier {
	/// Near users: small sites, homes, offices.
	Edge,
	/// A regional data centre.
	Regional,
	/// A core data centre.
	Core,
}

/// Where a resource is: an ISO 3166-1 alpha-2 country code and a coarse geohash.
#[derive(
	Clone,
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
pub struct Region {
	/// Upper-case ISO 3166-1 alpha-2 code, e.g. `DE`.
	pub country: [u8; 2],
	/// Geohash of 1 to 5 characters (5 is about 5 km): coarse on purpose.
	pub geohash: BoundedVec<u8, ConstU32<5>>,
}

/// Energy attributes of the site.
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
pub struct Energy {
	/// Share of the power that is renewable.
	pub renewable: Percent,
	/// Power usage effectiveness in thousandths: 1000 (a perfect 1.0) or more.
	pub pue_milli: u16,
}

/// The hardware of a resource: what scoring weighs and verifiers measure.
#[derive(
	Clone,
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
pub struct Specs {
	/// Processor.
	pub cpu: Cpu,
	/// GPUs, if any.
	pub gpu: Option<Gpu>,
	/// Memory size in MiB.
	pub memory_mib: u32,
	/// Memory clock in MHz.
	pub memory_mhz: u32,
	/// Storage.
	pub storage: Storage,
	/// Network bandwidth up, Mbit/s.
	pub up_mbps: u32,
	/// Network bandwidth down, Mbit/s.
	pub down_mbps: u32,
}

/// Why a set of specs is not a machine.
#[derive(Clone, Copy, Eq, PartialEq, Debug)]
pub enum SpecsError {
	/// The CPU model name is empty.
	NoCpuModel,
	/// Zero cores, fewer threads than cores, or a zero clock / boost below base.
	BadCpu,
	/// A GPU is claimed with count, memory or cores of zero, or an empty model name.
	BadGpu,
	/// Memory size or clock is zero.
	BadMemory,
	/// Storage size or speeds are zero.
	BadStorage,
	/// Bandwidth up or down is zero.
	BadNetwork,
}

impl Specs {
	/// Checks that the numbers describe a real machine.
	///
	/// # Errors
	/// The first [`SpecsError`] found.
	pub fn check(&self) -> Result<(), SpecsError> {
		let c = &self.cpu;
		if c.model.is_empty() {
			return Err(SpecsError::NoCpuModel);
		}
		if c.cores == 0 || c.threads < c.cores || c.base_mhz == 0 || c.boost_mhz < c.base_mhz {
			return Err(SpecsError::BadCpu);
		}
		if let Some(g) = &self.gpu {
			if g.model.is_empty() || g.count == 0 || g.memory_mib == 0 || g.cores == 0 {
				return Err(SpecsError::BadGpu);
			}
		}
		if self.memory_mib == 0 || self.memory_mhz == 0 {
			return Err(SpecsError::BadMemory);
		}
		let s = &self.storage;
		if s.size_gib == 0 || s.read_mbps == 0 || s.write_mbps == 0 {
			return Err(SpecsError::BadStorage);
		}
		if self.up_mbps == 0 || self.down_mbps == 0 {
			return Err(SpecsError::BadNetwork);
		}
		Ok(())
	}
}

impl Region {
	/// Whether the country code is two upper-case letters and the geohash uses geohash's
	/// base-32 alphabet.
	pub fn is_valid(&self) -> bool {
		const GEOHASH: &[u8] = b"0123456789bcdefghjkmnpqrstuvwxyz";
		self.country.iter().all(u8::is_ascii_uppercase)
			&& !self.geohash.is_empty()
			&& self.geohash.iter().all(|c| GEOHASH.contains(c))
	}
}

impl Energy {
	/// Whether the PUE is physically possible (1.0 to 5.0).
	pub fn is_valid(&self) -> bool {
		(1000..=5000).contains(&self.pue_milli)
	}
}
