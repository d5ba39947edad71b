//! NFTs: the home of the resource certificates. The registry owns one collection and
//! mints a certificate per resource; anyone else may create collections of their own.

use crate::{deposit, AccountId, Balance, Balances, Runtime, RuntimeEvent, Signature, System};
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{AsEnsureOriginWithArg, ConstU32},
	},
	frame_system::{EnsureRoot, EnsureSigned},
	pallet_nfts::{self, PalletFeatures},
	sp_runtime::traits::Verify,
};

parameter_types! {
	/// Deposit for creating a collection.
	pub const CollectionDeposit: Balance = deposit(1, 130);
	/// Deposit for minting an item.
	pub const ItemDeposit: Balance = deposit(1, 164);
	/// Deposit for an item's or collection's metadata: base part.
	pub const MetadataDepositBase: Balance = deposit(1, 129);
	/// Deposit for an attribute: base part.
	pub const AttributeDepositBase: Balance = deposit(1, 0);
	/// Deposit per byte of metadata or attribute.
	pub const DepositPerByte: Balance = deposit(0, 1);
	/// Every feature on: attributes, approvals, swaps, trading.
	pub NftFeatures: PalletFeatures = PalletFeatures::all_enabled();
	/// Longest an approval or swap may be set to last: 30 days.
	pub const MaxDeadlineDuration: u32 = crate::MONTHS;
}

impl pallet_nfts::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type CollectionId = u32;
	type ItemId = u32;
	type Currency = Balances;
	type ForceOrigin = EnsureRoot<AccountId>;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	// Certificates are locked by the registry itself (pallet-nfts' transfer-disabled
	// attribute): they move only with their resource, through `Registry::transfer`.
	type Locker = ();
	type CollectionDeposit = CollectionDeposit;
	type ItemDeposit = ItemDeposit;
	type MetadataDepositBase = MetadataDepositBase;
	type AttributeDepositBase = AttributeDepositBase;
	type DepositPerByte = DepositPerByte;
	type StringLimit = ConstU32<256>;
	type KeyLimit = ConstU32<64>;
	type ValueLimit = ConstU32<256>;
	type ApprovalsLimit = ConstU32<20>;
	type ItemAttributesApprovalsLimit = ConstU32<30>;
	type MaxTips = ConstU32<10>;
	type MaxDeadlineDuration = MaxDeadlineDuration;
	type MaxAttributesPerCall = ConstU32<10>;
	type Features = NftFeatures;
	type OffchainSignature = Signature;
	type OffchainPublic = <Signature as Verify>::Signer;
	#[cfg(feature = "runtime-benchmarks")]
	type Helper = ();
	type WeightInfo = pallet_nfts::weights::SubstrateWeight<Runtime>;
	type BlockNumberProvider = System;
}
