//! The pallets benchmarked by `powerverse-node benchmark pallet` (built with
//! `--features runtime-benchmarks`); their weights feed the runtime's `WeightInfo`s.

use crate::*;
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_benchmarking::{BenchmarkBatch, BenchmarkConfig, BenchmarkList},
	frame_support::traits::{StorageInfo, StorageInfoTrait, WhitelistedStorageKeys},
	frame_system_benchmarking, pallet_offences_benchmarking, pallet_session_benchmarking,
	sp_storage::TrackedStorageKey,
};

type SystemBench = frame_system_benchmarking::Pallet<Runtime>;
type SystemExtensionsBench = frame_system_benchmarking::extensions::Pallet<Runtime>;
type SessionBench = pallet_session_benchmarking::Pallet<Runtime>;
type OffencesBench = pallet_offences_benchmarking::Pallet<Runtime>;

impl frame_system_benchmarking::Config for Runtime {}
impl pallet_session_benchmarking::Config for Runtime {
	fn generate_session_keys_and_proof(owner: AccountId) -> (SessionKeys, Vec<u8>) {
		// Keys generated in the benchmark's keystore, with the proof that `owner` holds them.
		let generated = SessionKeys::generate(&codec::Encode::encode(&owner), None);
		(generated.keys, codec::Encode::encode(&generated.proof))
	}
}
impl polkadot_sdk::pallet_transaction_payment::BenchmarkConfig for Runtime {}
impl pallet_offences_benchmarking::Config for Runtime {}

polkadot_sdk::frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench]
	[frame_system_extensions, SystemExtensionsBench]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_babe, Babe]
	[pallet_grandpa, Grandpa]
	[pallet_staking, Staking]
	[pallet_session, SessionBench]
	[pallet_offences, OffencesBench]
	[pallet_treasury, Treasury]
	[pallet_referenda, Referenda]
	[pallet_conviction_voting, ConvictionVoting]
	[pallet_collective, Council]
	[pallet_elections_phragmen, Elections]
	[pallet_scheduler, Scheduler]
	[pallet_preimage, Preimage]
	[pallet_utility, Utility]
	[pallet_proxy, Proxy]
	[pallet_multisig, Multisig]
	[pallet_nfts, Nfts]
	[pallet_registry, Registry]
	[pallet_leases, Leases]
	[pallet_orders, Orders]
	[pallet_scoring, Scoring]
	[pallet_arbitration, Arbitration]
	[pallet_sudo, Sudo]
);

/// Lists every benchmark, for `benchmark pallet --list`.
pub fn metadata(extra: bool) -> (Vec<BenchmarkList>, Vec<StorageInfo>) {
	let mut list = Vec::<BenchmarkList>::new();
	list_benchmarks!(list, extra);
	(list, AllPalletsWithSystem::storage_info())
}

/// Runs the benchmarks `config` selects.
pub fn dispatch(config: BenchmarkConfig) -> Result<Vec<BenchmarkBatch>, alloc::string::String> {
	let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();
	let mut batches = Vec::<BenchmarkBatch>::new();
	let params = (&config, &whitelist);
	add_benchmarks!(params, batches);
	Ok(batches)
}
