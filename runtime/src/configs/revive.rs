//! Ethereum compatibility: pallet-revive runs EVM bytecode (Solidity compiled by `solc`),
//! and Ethereum-signed transactions enter the chain through its `eth_transact` call.
//!
//! Wallets see PVC with 18 decimals (`NativeToEthRatio` = 10^6 on top of PVC's 12); every
//! 32-byte account has an Ethereum address (the last 20 bytes of its keccak-256 hash,
//! mapped automatically when the account is created) and every Ethereum key an account
//! (its address padded with `0xee`), so one key acts from both worlds.

use crate::{
	deposit, pallet_session, Address, Balance, Balances, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeHoldReason, RuntimeOrigin, Signature, Timestamp, TxExtension,
};
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{ConstBool, ConstU32, ConstU64},
	},
	frame_system::EnsureSigned,
	pallet_revive::{
		self,
		evm::{fees::Info as FeeInfo, runtime::EthExtra, tx_extension::SetOrigin},
		AccountId32Mapper,
	},
	sp_runtime::{generic::Era, traits::InvalidVersion, FixedU128, Perbill},
};

/// The EIP-155 chain id of PowerVerse networks: what MetaMask is given as "Chain ID" and
/// what every Ethereum transaction signs, so a transaction for another chain is refused.
pub const CHAIN_ID: u64 = 1_400_140;

parameter_types! {
	/// Deposit per storage item a contract creates: the same price as any other storage.
	pub const ContractDepositPerItem: Balance = deposit(1, 0);
	/// Deposit per byte a contract stores (code included): 24 KiB of code costs about
	/// 2.5 PVC, returned when the storage is freed.
	pub const ContractDepositPerByte: Balance = deposit(0, 1);
	/// Deposit per item of a contract's child trie.
	pub const ContractDepositPerChildTrieItem: Balance = deposit(1, 0) / 100;
	/// Share of a code's deposit locked when another contract starts to use it, so code
	/// cannot be removed from under its users.
	pub const CodeHashLockupDepositPercent: Perbill = Perbill::from_percent(30);
	/// Share of a block's extrinsic weight one Ethereum transaction may use.
	pub MaxEthExtrinsicWeight: FixedU128 = FixedU128::from_rational(9, 10);
}

/// The transaction extensions an Ethereum transaction runs through: the same checks and
/// fee payment as a Substrate transaction, with the origin taken from the Ethereum
/// signature.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct EthExtraImpl;

impl EthExtra for EthExtraImpl {
	type Config = Runtime;
	type ExtensionV0 = TxExtension;
	type ExtensionOtherVersions = InvalidVersion;

	fn get_eth_extension(nonce: crate::Nonce, tip: Balance) -> TxExtension {
		// Ethereum transactions carry no mortality; the nonce prevents replays.
		let mut extension = crate::tx_extension(nonce, Era::Immortal, tip);
		extension.8 = SetOrigin::new_from_eth_transaction();
		extension
	}
}

impl pallet_revive::Config for Runtime {
	type Time = Timestamp;
	type Balance = Balance;
	type Currency = Balances;
	// Gas rounding is dust; it is burned like any dust.
	type OnBurn = ();
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeHoldReason = RuntimeHoldReason;
	type WeightInfo = pallet_revive::weights::SubstrateWeight<Runtime>;
	// The marketplace precompile joins here.
	type Precompiles = ();
	// `block.coinbase` is the BABE author of the block.
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, crate::Babe>;
	type DepositPerByte = ContractDepositPerByte;
	type DepositPerItem = ContractDepositPerItem;
	type DepositPerChildTrieItem = ContractDepositPerChildTrieItem;
	type CodeHashLockupDepositPercent = CodeHashLockupDepositPercent;
	type AddressMapper = AccountId32Mapper<Self>;
	type AllowEVMBytecode = ConstBool<true>;
	type UploadOrigin = EnsureSigned<Self::AccountId>;
	type InstantiateOrigin = EnsureSigned<Self::AccountId>;
	type RuntimeMemory = ConstU32<{ 128 * 1024 * 1024 }>;
	type PVFMemory = ConstU32<{ 512 * 1024 * 1024 }>;
	type ChainId = ConstU64<CHAIN_ID>;
	type NativeToEthRatio = ConstU32<1_000_000>;
	type FeeInfo = FeeInfo<Address, Signature, EthExtraImpl>;
	// Storage deposits are paid in PVC.
	type Deposit = ();
	type MaxEthExtrinsicWeight = MaxEthExtrinsicWeight;
	// No unlimited contract sizes or debug tracing on a public chain.
	type DebugEnabled = ConstBool<false>;
	// Every account gets its Ethereum address when it is created: no `map_account` step
	// before a Substrate account can use contracts.
	type AutoMap = ConstBool<true>;
	// Scales gas so that a plain transfer costs gas of the order of Ethereum's 21,000 and
	// tools that assume Ethereum's gas figures keep working; fees are not affected.
	type GasScale = ConstU32<500_000>;
}
