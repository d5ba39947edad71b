//! The PVC token, transaction fees and the treasury.

use crate::{
	AccountId, Authorship, Balance, Balances, BlockNumber, Runtime, RuntimeEvent,
	RuntimeFreezeReason, RuntimeHoldReason, System, Treasury, DAYS, EXISTENTIAL_DEPOSIT, MICRO,
	MINUTES,
};
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{
			fungible::{Balanced, Credit},
			tokens::{pay::PayFromAccount, UnityAssetBalanceConversion},
			ConstU32, Imbalance, OnUnbalanced, VariantCountOf,
		},
		weights::ConstantMultiplier,
		PalletId,
	},
	pallet_balances,
	pallet_revive::evm::fees::BlockRatioFee,
	pallet_transaction_payment,
	pallet_transaction_payment::{FungibleAdapter, Multiplier, TargetedFeeAdjustment},
	pallet_treasury,
	sp_runtime::{
		traits::{AccountIdConversion, IdentityLookup},
		FixedPointNumber, Permill, Perquintill,
	},
};

parameter_types! {
	/// The least an account may hold.
	pub const ExistentialDeposit: Balance = EXISTENTIAL_DEPOSIT;
}

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type Balance = Balance;
	// Dust of reaped accounts is burned.
	type DustRemoval = ();
	type ExistentialDeposit = ExistentialDeposit;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

/// Sends transaction fees and tips: 80% to the treasury, 20% to the block's author, so
/// authors gain from including transactions but cannot mint fees for themselves for free.
pub struct DealWithFees;

impl OnUnbalanced<Credit<AccountId, Balances>> for DealWithFees {
	fn on_unbalanceds(mut fees_then_tips: impl Iterator<Item = Credit<AccountId, Balances>>) {
		if let Some(mut fees) = fees_then_tips.next() {
			if let Some(tips) = fees_then_tips.next() {
				tips.merge_into(&mut fees);
			}
			let (to_treasury, to_author) = fees.ration(80, 20);
			// Resolving into an existing account cannot fail but for a dust amount below
			// the existential deposit; that dust is dropped, which burns it.
			let _ = Balances::resolve(&Treasury::account_id(), to_treasury);
			if let Some(author) = Authorship::author() {
				let _ = Balances::resolve(&author, to_author);
			}
		}
	}
}

parameter_types! {
	/// Fee per byte of a transaction: a millionth of a PVC.
	pub const TransactionByteFee: Balance = MICRO;
	/// Operational transactions pay 5× for their priority.
	pub const OperationalFeeMultiplier: u8 = 5;
	/// Fees rise when blocks are fuller than this, fall when emptier.
	pub const TargetBlockFullness: Perquintill = Perquintill::from_percent(25);
	/// How fast fees react to block fullness.
	pub AdjustmentVariable: Multiplier = Multiplier::saturating_from_rational(75, 1_000_000);
	/// Fees never fall below a tenth of their base.
	pub MinimumMultiplier: Multiplier = Multiplier::saturating_from_rational(1, 10u128);
	/// Nor rise without bound.
	pub MaximumMultiplier: Multiplier = Multiplier::saturating_from_integer(100_000u128);
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, DealWithFees>;
	// 10 planck per picosecond of reference compute (a plain transfer costs a few
	// thousandths of a PVC), or the same share of the block's proof-size limit if a call
	// uses more of that. pallet-revive maps Ethereum gas to weight through this ratio and
	// accepts no other weight-to-fee.
	type WeightToFee = BlockRatioFee<10, 1, Runtime, Balance>;
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = TargetedFeeAdjustment<
		Self,
		TargetBlockFullness,
		AdjustmentVariable,
		MinimumMultiplier,
		MaximumMultiplier,
	>;
	type OperationalFeeMultiplier = OperationalFeeMultiplier;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// The treasury's account is derived from this id.
	pub const TreasuryPalletId: PalletId = PalletId(*b"py/trsry");
	/// How often approved spends are paid out.
	pub const SpendPeriod: BlockNumber = if cfg!(feature = "fast-runtime") {
		5 * MINUTES
	} else {
		24 * DAYS
	};
	/// Unspent funds are kept, not burned: burning is the fee split's job.
	pub const Burn: Permill = Permill::zero();
	/// How long a spend stays claimable.
	pub const PayoutPeriod: BlockNumber = 30 * DAYS;
	/// The most one spend can move, for the root origin.
	pub const MaxBalance: Balance = Balance::MAX;
	/// The treasury's account.
	pub TreasuryAccount: AccountId = TreasuryPalletId::get().into_account_truncating();
}

impl pallet_treasury::Config for Runtime {
	type Currency = Balances;
	// A referendum on the treasurer track (or root) rejects and voids spends.
	type RejectOrigin = crate::governance::ensure::TreasurerOrRoot;
	type RuntimeEvent = RuntimeEvent;
	type SpendPeriod = SpendPeriod;
	type Burn = Burn;
	type PalletId = TreasuryPalletId;
	type BurnDestination = ();
	type WeightInfo = pallet_treasury::weights::SubstrateWeight<Runtime>;
	type SpendFunds = ();
	type MaxApprovals = ConstU32<100>;
	// Referenda on the spender tracks spend up to their track's limit; root without one.
	type SpendOrigin = crate::governance::TreasurySpender;
	type AssetKind = ();
	type Beneficiary = AccountId;
	type BeneficiaryLookup = IdentityLookup<Self::Beneficiary>;
	type Paymaster = PayFromAccount<Balances, TreasuryAccount>;
	type BalanceConverter = UnityAssetBalanceConversion;
	type PayoutPeriod = PayoutPeriod;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
	type BlockNumberProvider = System;
}
