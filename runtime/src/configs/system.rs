//! System, time, scheduling, preimages, batching, proxies, multisig and sudo.

use crate::{
	deposit, AccountId, Balance, Balances, Block, BlockNumber, Hash, Nonce, OriginCaller,
	PalletInfo, Preimage, Runtime, RuntimeCall, RuntimeEvent, RuntimeHoldReason, RuntimeOrigin,
	RuntimeTask, System, SLOT_DURATION, VERSION,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{
		derive_impl,
		dispatch::DispatchClass,
		parameter_types,
		traits::{
			fungible::HoldConsideration, ConstU32, EqualPrivilegeOnly, InstanceFilter,
			LinearStoragePrice,
		},
		weights::{
			constants::{BlockExecutionWeight, ExtrinsicBaseWeight, WEIGHT_REF_TIME_PER_SECOND},
			Weight,
		},
	},
	frame_system::{
		self,
		limits::{BlockLength, BlockWeights},
		EnsureRoot,
	},
	pallet_multisig, pallet_preimage, pallet_proxy, pallet_scheduler, pallet_sudo,
	pallet_timestamp, pallet_utility,
	sp_runtime::{traits::BlakeTwo256, Perbill},
	sp_version::RuntimeVersion,
};
use scale_info::TypeInfo;

/// Share of a block's weight and length that normal transactions may use; the rest is kept
/// for operational ones (such as equivocation reports) so they always get in.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Two seconds of compute per 6-second block leave time for import and networking. A
/// solo chain has no proof-of-validity limit, but a finite proof size bounds the state a
/// block may read (64 MiB, far above what two seconds of compute read) and gives
/// pallet-revive the ratio it maps Ethereum gas to weight with.
const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND.saturating_mul(2), 64 * 1024 * 1024);

parameter_types! {
	/// Blocks whose hash is kept for mortal transactions: about 40 minutes.
	pub const BlockHashCount: BlockNumber = 400;
	/// This runtime's version.
	pub const Version: RuntimeVersion = VERSION;
	/// Weight limits of a block, per dispatch class.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |weights| {
			weights.base_extrinsic = ExtrinsicBaseWeight::get();
		})
		.for_class(DispatchClass::Normal, |weights| {
			weights.max_total = Some(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.for_class(DispatchClass::Operational, |weights| {
			weights.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
			// Operational transactions get a reserve normal ones cannot consume.
			weights.reserved = Some(
				MAXIMUM_BLOCK_WEIGHT - NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT,
			);
		})
		.avg_block_initialization(Perbill::from_percent(10))
		.build_or_panic();
	/// Length limit of a block: 5 MiB.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO * *max
		})
		.build();
	/// Generic Substrate address format; Polkadot.js Apps shows addresses starting with 5.
	pub const SS58Prefix: u16 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type Hashing = BlakeTwo256;
	type BlockHashCount = BlockHashCount;
	type DbWeight = polkadot_sdk::frame_support::weights::constants::ParityDbWeight;
	type Version = Version;
	type AccountData = polkadot_sdk::pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	type SystemWeightInfo = frame_system::weights::SubstrateWeight<Runtime>;
	// Gives every new account its Ethereum address (and removes it with the account).
	type OnNewAccount = polkadot_sdk::pallet_revive::AutoMapper<Runtime>;
	type OnKilledAccount = polkadot_sdk::pallet_revive::AutoMapper<Runtime>;
}

parameter_types! {
	/// Half a slot: BABE needs timestamps at least this far apart.
	pub const MinimumPeriod: u64 = SLOT_DURATION / 2;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = crate::Babe;
	type MinimumPeriod = MinimumPeriod;
	type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Scheduled calls may use up to 80% of a block.
	pub MaximumSchedulerWeight: Weight = Perbill::from_percent(80) *
		RuntimeBlockWeights::get().max_block;
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	// Governance origins replace root here when the DAO lands.
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<50>;
	type WeightInfo = pallet_scheduler::weights::SubstrateWeight<Runtime>;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

parameter_types! {
	/// Deposit for noting a preimage: base part.
	pub const PreimageBaseDeposit: Balance = deposit(2, 64);
	/// Deposit for noting a preimage: per byte.
	pub const PreimageByteDeposit: Balance = deposit(0, 1);
	/// Hold reason under which preimage deposits are held.
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_preimage::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Deposit for a proxy list: base part.
	pub const ProxyDepositBase: Balance = deposit(1, 8);
	/// Deposit for a proxy list: per proxy.
	pub const ProxyDepositFactor: Balance = deposit(0, 33);
	/// Deposit for announcements: base part.
	pub const AnnouncementDepositBase: Balance = deposit(1, 8);
	/// Deposit for announcements: per announcement.
	pub const AnnouncementDepositFactor: Balance = deposit(0, 66);
}

/// What a proxy may do on behalf of the account that added it. Every type but `Any` is a
/// list of what it may do, not of what it may not: a call added to the runtime later is
/// refused until it is placed here, so no new way of moving value slips through.
#[derive(
	Copy,
	Clone,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
	Default,
)]
pub enum ProxyType {
	/// Anything.
	#[default]
	Any,
	/// Anything that cannot move the account's value to someone else: no transfers, no
	/// contract calls, no NFT moves, no machine transfers, no renting, no posting or paying
	/// orders. Staking, governance, proxies, multisigs and the provider's own bookkeeping
	/// are allowed.
	NonTransfer,
	/// Staking calls only (bond, nominate, validate, payouts), and batches of them.
	Staking,
	/// Only rejecting announcements of other proxies.
	CancelProxy,
	/// Governance only: referenda, conviction votes, the Council and its elections, the
	/// treasury's public calls, and batches of them.
	Governance,
	/// A provider's operator key: the marketplace (registry, leases, orders) but not
	/// transferring a machine to another owner, and batches of them.
	Market,
}

impl ProxyType {
	/// Calls that move value out of the account: what `NonTransfer` refuses among the
	/// pallets it otherwise allows.
	fn moves_value(c: &RuntimeCall) -> bool {
		use {pallet_leases::Call as L, pallet_orders::Call as O, pallet_registry::Call as R};
		matches!(
			c,
			RuntimeCall::Registry(R::transfer { .. })
				| RuntimeCall::Leases(L::rent { .. } | L::extend { .. })
				| RuntimeCall::Orders(
					O::post_demand { .. } | O::post_task { .. } | O::accept_result { .. }
				)
		)
	}

	/// Governance calls any account may make.
	fn governs(c: &RuntimeCall) -> bool {
		matches!(
			c,
			RuntimeCall::Referenda(..)
				| RuntimeCall::ConvictionVoting(..)
				| RuntimeCall::Council(..)
				| RuntimeCall::Elections(..)
				| RuntimeCall::Treasury(..)
				| RuntimeCall::Utility(..)
		)
	}

	/// Staking and session-key calls.
	fn stakes(c: &RuntimeCall) -> bool {
		matches!(c, RuntimeCall::Staking(..) | RuntimeCall::Session(..) | RuntimeCall::Utility(..))
	}

	/// Marketplace calls.
	fn trades(c: &RuntimeCall) -> bool {
		matches!(
			c,
			RuntimeCall::Registry(..)
				| RuntimeCall::Scoring(..)
				| RuntimeCall::Leases(..)
				| RuntimeCall::Orders(..)
				| RuntimeCall::Utility(..)
		)
	}
}

impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, c: &RuntimeCall) -> bool {
		match self {
			ProxyType::Any => true,
			ProxyType::NonTransfer => {
				(Self::governs(c)
					|| Self::stakes(c)
					|| Self::trades(c)
					|| matches!(
						c,
						RuntimeCall::System(..)
							| RuntimeCall::Scheduler(..)
							| RuntimeCall::Preimage(..)
							| RuntimeCall::Proxy(..)
							| RuntimeCall::Multisig(..)
					)) && !Self::moves_value(c)
			},
			ProxyType::Staking => Self::stakes(c),
			ProxyType::CancelProxy => matches!(
				c,
				RuntimeCall::Proxy(pallet_proxy::Call::reject_announcement { .. })
					| RuntimeCall::Utility(..)
					| RuntimeCall::Multisig(..)
			),
			ProxyType::Governance => Self::governs(c),
			ProxyType::Market => {
				Self::trades(c)
					&& !matches!(c, RuntimeCall::Registry(pallet_registry::Call::transfer { .. }))
			},
		}
	}

	fn is_superset(&self, o: &Self) -> bool {
		match (self, o) {
			(x, y) if x == y => true,
			(ProxyType::Any, _) => true,
			(_, ProxyType::Any) => false,
			// A market proxy may rent: more than a non-transfer one may do.
			(ProxyType::NonTransfer, ProxyType::Market) => false,
			(ProxyType::NonTransfer, _) => true,
			_ => false,
		}
	}
}

impl pallet_proxy::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type ProxyType = ProxyType;
	type ProxyDepositBase = ProxyDepositBase;
	type ProxyDepositFactor = ProxyDepositFactor;
	type MaxProxies = ConstU32<32>;
	type WeightInfo = pallet_proxy::weights::SubstrateWeight<Runtime>;
	type MaxPending = ConstU32<32>;
	type CallHasher = BlakeTwo256;
	type AnnouncementDepositBase = AnnouncementDepositBase;
	type AnnouncementDepositFactor = AnnouncementDepositFactor;
	type BlockNumberProvider = System;
}

parameter_types! {
	/// Deposit for a multisig operation: base part.
	pub const MultisigDepositBase: Balance = deposit(1, 88);
	/// Deposit for a multisig operation: per signatory.
	pub const MultisigDepositFactor: Balance = deposit(0, 32);
}

impl pallet_multisig::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type DepositBase = MultisigDepositBase;
	type DepositFactor = MultisigDepositFactor;
	type MaxSignatories = ConstU32<100>;
	type WeightInfo = pallet_multisig::weights::SubstrateWeight<Runtime>;
	type BlockNumberProvider = System;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}
