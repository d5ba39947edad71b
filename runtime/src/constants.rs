//! Units of money and time every part of the runtime agrees on.

/// Money: PVC has 12 decimals.
pub mod currency {
	use crate::Balance;

	/// One PVC.
	pub const UNITS: Balance = 1_000_000_000_000;
	/// A hundredth of a PVC.
	pub const CENTS: Balance = UNITS / 100;
	/// A thousandth of a PVC.
	pub const MILLI: Balance = UNITS / 1_000;
	/// A millionth of a PVC.
	pub const MICRO: Balance = UNITS / 1_000_000;

	/// Total supply of PVC the white papers fix: 1.4 billion.
	pub const TOTAL_SUPPLY: Balance = 1_400_000_000 * UNITS;

	/// The least an account may hold; below it the account is reaped. A hundredth of a PVC
	/// keeps dust accounts out of state without pricing out small holders.
	pub const EXISTENTIAL_DEPOSIT: Balance = CENTS;

	/// A deposit for storing `items` entries of `bytes` bytes in all: what storage spam costs.
	pub const fn deposit(items: u32, bytes: u32) -> Balance {
		items as Balance * 20 * CENTS + (bytes as Balance) * 100 * MICRO
	}
}

/// Time: 6-second blocks; a month is 30 days.
pub mod time {
	use crate::BlockNumber;

	/// Target time between blocks. BABE's slot duration is the same.
	pub const MILLISECS_PER_BLOCK: u64 = 6_000;
	/// Length of a BABE slot, in milliseconds.
	pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;

	/// Blocks in a minute.
	pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
	/// Blocks in an hour.
	pub const HOURS: BlockNumber = MINUTES * 60;
	/// Blocks in a day.
	pub const DAYS: BlockNumber = HOURS * 24;
	/// Blocks in a month as dividends and vesting count it: 30 days, 432,000 blocks.
	pub const MONTHS: BlockNumber = DAYS * 30;

	/// Blocks in an epoch (one session): an hour, or a minute with `fast-runtime`.
	#[cfg(not(feature = "fast-runtime"))]
	pub const EPOCH_DURATION_IN_BLOCKS: BlockNumber = HOURS;
	/// Blocks in an epoch (one session): an hour, or a minute with `fast-runtime`.
	#[cfg(feature = "fast-runtime")]
	pub const EPOCH_DURATION_IN_BLOCKS: BlockNumber = MINUTES;

	/// Slots in an epoch: with no skipped slots, the same as blocks.
	pub const EPOCH_DURATION_IN_SLOTS: u64 = EPOCH_DURATION_IN_BLOCKS as u64;

	/// Sessions in a staking era: 6 hours, or 3 minutes with `fast-runtime`.
	#[cfg(not(feature = "fast-runtime"))]
	pub const SESSIONS_PER_ERA: u32 = 6;
	/// Sessions in a staking era: 6 hours, or 3 minutes with `fast-runtime`.
	#[cfg(feature = "fast-runtime")]
	pub const SESSIONS_PER_ERA: u32 = 3;

	/// The probability of a slot having a primary (VRF) block author: 1/4. Slots without
	/// one are filled by a secondary author chosen by VRF, so every slot gets a block.
	pub const PRIMARY_PROBABILITY: (u64, u64) = (1, 4);

	/// BABE's epoch configuration at genesis.
	pub const BABE_GENESIS_EPOCH_CONFIG: polkadot_sdk::sp_consensus_babe::BabeEpochConfiguration =
		polkadot_sdk::sp_consensus_babe::BabeEpochConfiguration {
			c: PRIMARY_PROBABILITY,
			allowed_slots:
				polkadot_sdk::sp_consensus_babe::AllowedSlots::PrimaryAndSecondaryVRFSlots,
		};
}
