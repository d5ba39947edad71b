//! # PowerVerse runtime
//!
//! The state transition function of the PowerVerse chain: proof of stake with BABE block
//! production (VRF slot lottery, chance proportional to stake), GRANDPA finality (more than
//! 2/3 of validators) and nominated staking with slashing; the PVC token (12 decimals);
//! treasury, scheduler, preimages, utility, proxy, multisig, NFTs (the resource
//! certificates), Ethereum-compatible smart contracts (pallet-revive running EVM bytecode),
//! governance by token holders ([`governance`]: referenda on tracks, conviction voting, an
//! elected Council) and, on development and local chains only, sudo.
//!
//! Pallet configuration lives in [`configs`], one file per concern; the runtime APIs the
//! node, wallets and Polkadot.js Apps use are in [`apis`]; genesis presets in
//! [`genesis_config_presets`].

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` and `impl_runtime_apis` expand deeply.
#![recursion_limit = "512"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod constants;
pub mod genesis_config_presets;
pub mod governance;

use polkadot_sdk::{
	frame_executive, frame_support, frame_system, pallet_authorship, pallet_babe, pallet_balances,
	pallet_collective, pallet_conviction_voting, pallet_elections_phragmen, pallet_grandpa,
	pallet_multisig, pallet_nfts, pallet_offences, pallet_preimage, pallet_proxy, pallet_referenda,
	pallet_revive, pallet_scheduler, pallet_staking, pallet_sudo, pallet_timestamp,
	pallet_transaction_payment, pallet_treasury, pallet_utility, sp_core,
	sp_runtime::{
		generic, impl_opaque_keys,
		traits::{BlakeTwo256, IdentifyAccount, Verify},
		MultiAddress, MultiSignature,
	},
	sp_version,
	sp_version::RuntimeVersion,
};

pub use apis::RuntimeApi;
pub use configs::*;
pub use constants::{currency::*, time::*};
pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_staking::StakerStatus;

/// The runtime's version: what a node and a wallet check before talking to it.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("powerverse"),
	impl_name: alloc::borrow::Cow::Borrowed("powerverse"),
	authoring_version: 1,
	// Bump on every change of runtime logic; `transaction_version` on every change of a
	// call's index or arguments, so signed transactions of the old shape are refused.
	spec_version: 100,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// A signature on the chain: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;
/// An account on the chain: the 32-byte public key behind a [`Signature`].
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// An amount of PVC in its smallest unit (10^-12 PVC).
pub type Balance = u128;
/// A transaction counter of an account.
pub type Nonce = u32;
/// A block's hash.
pub type Hash = sp_core::H256;
/// A block's height.
pub type BlockNumber = u32;
/// The address format for describing accounts in transactions.
pub type Address = MultiAddress<AccountId, ()>;
/// A block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// A block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// A block id.
pub type BlockId = generic::BlockId<Block>;

/// The checks every signed transaction passes, in order.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	// Sets the origin of an Ethereum transaction from its signature; a no-op for others.
	// After every extension that relies on a signed origin.
	pallet_revive::evm::tx_extension::SetOrigin<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// The extensions a wallet attaches to a signed transaction: its `nonce`, its mortality
/// `era` and a `tip` for priority. One definition for every signer (node benchmarks, tests,
/// tools, and Ethereum transactions through [`EthExtraImpl`]), so none drifts from
/// [`TxExtension`].
pub fn tx_extension(nonce: Nonce, era: generic::Era, tip: Balance) -> TxExtension {
	(
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(era),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(tip),
		pallet_revive::evm::tx_extension::SetOrigin::<Runtime>::default(),
		frame_system::WeightReclaim::<Runtime>::new(),
	)
}

/// An extrinsic as it travels the network and sits in a block: a Substrate extrinsic, or
/// an Ethereum transaction wrapped in `Revive::eth_transact` (checked by its Ethereum
/// signature).
pub type UncheckedExtrinsic =
	pallet_revive::evm::runtime::UncheckedExtrinsic<Address, Signature, EthExtraImpl>;
/// The Substrate extrinsic inside [`UncheckedExtrinsic`]: what wallets sign and submit.
pub type SubstrateExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// A signed Substrate extrinsic of `call` from `signer`.
pub fn signed_extrinsic(
	call: RuntimeCall,
	signer: AccountId,
	signature: Signature,
	extension: TxExtension,
) -> UncheckedExtrinsic {
	SubstrateExtrinsic::new_signed(call, Address::Id(signer), signature, extension).into()
}
/// The payload an account signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run on a runtime upgrade, oldest first.
pub type Migrations = ();

/// Dispatches calls to the pallets and runs the block hooks.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// Types the node needs without knowing the runtime's extrinsic format.
pub mod opaque {
	use super::*;
	use polkadot_sdk::sp_runtime::OpaqueExtrinsic;

	/// An opaque block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// An opaque block: extrinsics are bytes.
	pub type Block = generic::Block<Header, OpaqueExtrinsic>;
	/// An opaque block id.
	pub type BlockId = generic::BlockId<Block>;

	impl_opaque_keys! {
		/// The keys a validator registers with `session.set_keys`.
		pub struct SessionKeys {
			/// Signs BABE slot claims and blocks.
			pub babe: Babe,
			/// Signs GRANDPA finality votes.
			pub grandpa: Grandpa,
		}
	}
}

pub use opaque::SessionKeys;

#[frame_support::runtime]
mod runtime {
	/// The runtime.
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	// Core: 0–9.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Scheduler = pallet_scheduler;
	#[runtime::pallet_index(3)]
	pub type Preimage = pallet_preimage;

	// Money: 10–19.
	#[runtime::pallet_index(10)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(11)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(12)]
	pub type Treasury = pallet_treasury;

	// Governance: 13–19. Referenda decided by conviction votes, each dispatching from an
	// origin of `Origins` on that origin's track; the Council, elected by Phragmén.
	#[runtime::pallet_index(13)]
	pub type ConvictionVoting = pallet_conviction_voting;
	#[runtime::pallet_index(14)]
	pub type Referenda = pallet_referenda;
	#[runtime::pallet_index(15)]
	pub type Origins = governance::pallet_custom_origins;
	#[runtime::pallet_index(16)]
	pub type Council = pallet_collective<Instance1>;
	#[runtime::pallet_index(17)]
	pub type Elections = pallet_elections_phragmen;

	// Consensus and staking: 20–39. Authorship must come before Session so the author of
	// a block is known when the session rotates; Offences before Session too.
	#[runtime::pallet_index(20)]
	pub type Authorship = pallet_authorship;
	#[runtime::pallet_index(21)]
	pub type Babe = pallet_babe;
	#[runtime::pallet_index(22)]
	pub type Staking = pallet_staking;
	#[runtime::pallet_index(23)]
	pub type Offences = pallet_offences;
	#[runtime::pallet_index(24)]
	pub type Historical = pallet_session::historical;
	#[runtime::pallet_index(25)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(26)]
	pub type Grandpa = pallet_grandpa;

	// Accounts and batching: 40–49.
	#[runtime::pallet_index(40)]
	pub type Utility = pallet_utility;
	#[runtime::pallet_index(41)]
	pub type Proxy = pallet_proxy;
	#[runtime::pallet_index(42)]
	pub type Multisig = pallet_multisig;

	// Marketplace: 50–79 (resource certificates first; the marketplace pallets follow).
	#[runtime::pallet_index(50)]
	pub type Nfts = pallet_nfts;
	// Scoring before the registry: the registry's genesis machines are scored (and their
	// GPU models checked) with the scoring genesis already in place.
	#[runtime::pallet_index(51)]
	pub type Scoring = pallet_scoring;
	#[runtime::pallet_index(52)]
	pub type Registry = pallet_registry;
	#[runtime::pallet_index(53)]
	pub type Leases = pallet_leases;
	#[runtime::pallet_index(54)]
	pub type Orders = pallet_orders;
	#[runtime::pallet_index(55)]
	pub type Arbitration = pallet_arbitration;

	// Smart contracts: 80–89. Named `Revive`: the Ethereum RPC server looks it up by name.
	#[runtime::pallet_index(80)]
	pub type Revive = pallet_revive;

	// Development chains only: 255. The testnet and main-net specs set no sudo key.
	#[runtime::pallet_index(255)]
	pub type Sudo = pallet_sudo;
}

/// Re-exported so that every crate uses the same `pallet_session` as the runtime.
pub use pallet_session;
