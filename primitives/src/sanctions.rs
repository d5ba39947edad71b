//! Sanctions of the administrator: an account's standing (good, frozen, blacklisted), which
//! the registry, leases and orders read before they let an account into a new deal, and the
//! one registry action a blacklisting takes (delisting the owner's machines). The
//! arbitration pallet keeps the sanctions and implements [`Sanctions`]; the registry
//! implements [`Delist`].

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::sp_runtime::{Deserialize, Serialize};
use scale_info::TypeInfo;

/// Where an account stands with the administrator.
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
pub enum Standing {
	/// No sanction: the account may enter any deal its reputation allows.
	Good,
	/// Frozen for a while: no new listings, rentals, orders or tasks until the administrator
	/// unfreezes it. Deals already under way run to their end.
	Frozen,
	/// Blacklisted: as frozen, and its listed machines were taken off the market; it lasts
	/// until governance lifts it.
	Blacklisted,
}

impl Standing {
	/// Whether the account is not sanctioned.
	pub fn is_good(&self) -> bool {
		matches!(self, Standing::Good)
	}

	/// `Ok` in good standing, else the caller's own error for a freeze or a blacklisting:
	/// what every pallet that refuses sanctioned accounts checks.
	///
	/// # Errors
	/// `frozen` or `blacklisted`.
	pub fn ensure<E>(self, frozen: E, blacklisted: E) -> Result<(), E> {
		match self {
			Standing::Good => Ok(()),
			Standing::Frozen => Err(frozen),
			Standing::Blacklisted => Err(blacklisted),
		}
	}
}

/// The administrator's sanctions as the registry, leases and orders see them.
pub trait Sanctions<AccountId> {
	/// The standing of `who` now; [`Standing::Good`] for an account never sanctioned.
	fn standing(who: &AccountId) -> Standing;
}

/// Nobody is sanctioned: for runtimes and mocks without an administrator.
impl<AccountId> Sanctions<AccountId> for () {
	fn standing(_: &AccountId) -> Standing {
		Standing::Good
	}
}

/// The registry as a blacklisting sees it. A trait of its own rather than a method of
/// [`crate::Resources`], so that a pallet with no currency of its own can use it without
/// naming the registry's balance type.
pub trait Delist<AccountId> {
	/// Takes every listed (or paused) machine of `owner` off the market, to idle, as the
	/// owner's own `unlist` would; rented, busy, pending, rejected, idle and suspended
	/// machines stay as they are. Returns how many were taken off. The work is bounded by the
	/// registry's `MaxResourcesPerOwner`.
	fn delist_owner(owner: &AccountId) -> u32;
}

/// No registry: nothing to delist.
impl<AccountId> Delist<AccountId> for () {
	fn delist_owner(_: &AccountId) -> u32 {
		0
	}
}

/// Sanctions for the pallets' mock runtimes (accounts are `u64`): nobody is sanctioned until
/// a test calls [`sanction`](mock::sanction). Per test thread, as the tests themselves are.
#[cfg(feature = "std")]
pub mod mock {
	use super::{Sanctions, Standing};
	use std::{cell::RefCell, vec::Vec};

	std::thread_local! {
		static SANCTIONED: RefCell<Vec<(u64, Standing)>> = const { RefCell::new(Vec::new()) };
	}

	/// The sanctions [`sanction`] set.
	pub struct MockSanctions;

	impl Sanctions<u64> for MockSanctions {
		fn standing(who: &u64) -> Standing {
			SANCTIONED.with(|s| {
				s.borrow().iter().find(|(a, _)| a == who).map_or(Standing::Good, |(_, st)| *st)
			})
		}
	}

	/// Puts `who` in `standing` (`Good` lifts its sanction).
	pub fn sanction(who: u64, standing: Standing) {
		SANCTIONED.with(|s| {
			let mut s = s.borrow_mut();
			s.retain(|(a, _)| *a != who);
			if standing != Standing::Good {
				s.push((who, standing));
			}
		});
	}
}
