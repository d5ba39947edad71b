//! NFT certificates: one item per resource in the registry's collection, item id = resource
//! id, with human-readable attributes (`owner`, `status`, `score`, `tenant`) in pallet-nfts'
//! pallet namespace. Transfer is disabled at the NFT level so that a certificate never moves
//! without its resource; the registry lifts the lock only inside its own transfer and burn.

use crate::pallet::*;
use alloc::vec::Vec;
use codec::Encode;
use polkadot_sdk::{
	frame_support::traits::tokens::nonfungibles_v2::{Mutate, Transfer},
	pallet_nfts::ItemConfig,
	sp_runtime::{DispatchError, DispatchResult},
};
use powerverse_primitives::{ResourceId, Status};

/// Attribute keys of a certificate.
pub mod keys {
	/// The owner's account, hex.
	pub const OWNER: &[u8] = b"owner";
	/// The resource's status, e.g. `Listed`.
	pub const STATUS: &[u8] = b"status";
	/// The performance score, decimal.
	pub const SCORE: &[u8] = b"score";
	/// The tenant's account, hex; empty when none.
	pub const TENANT: &[u8] = b"tenant";
}

/// The name of a status as shown on the certificate.
pub fn status_name(s: Status) -> &'static [u8] {
	match s {
		Status::Pending => b"Pending",
		Status::Rejected => b"Rejected",
		Status::Idle => b"Idle",
		Status::Listed => b"Listed",
		Status::Rented => b"Rented",
		Status::Busy => b"Busy",
		Status::Paused => b"Paused",
		Status::Suspended => b"Suspended",
	}
}

/// `0x`-prefixed lower-case hex of an encoded value.
pub fn hex(value: &impl Encode) -> Vec<u8> {
	const DIGITS: &[u8; 16] = b"0123456789abcdef";
	let bytes = value.encode();
	let mut out = Vec::with_capacity(2 + 2 * bytes.len());
	out.extend_from_slice(b"0x");
	for b in bytes {
		out.push(DIGITS[(b >> 4) as usize]);
		out.push(DIGITS[(b & 0xf) as usize]);
	}
	out
}

/// Decimal digits of a number.
pub fn decimal(mut n: u32) -> Vec<u8> {
	let mut digits = Vec::new();
	loop {
		digits.push(b'0' + (n % 10) as u8);
		n /= 10;
		if n == 0 {
			break;
		}
	}
	digits.reverse();
	digits
}

impl<T: Config> Pallet<T> {
	fn collection() -> Result<u32, DispatchError> {
		Collection::<T>::get().ok_or(DispatchError::Other("registry collection missing"))
	}

	/// Mints the certificate of a new resource to its owner, who pays the item deposit,
	/// and locks its transfer.
	pub(crate) fn mint_certificate(id: ResourceId, r: &ResourceOf<T>) -> DispatchResult {
		let c = Self::collection()?;
		T::Nfts::mint_into(&c, &id, &r.owner, &ItemConfig::default(), false)?;
		T::Nfts::disable_transfer(&c, &id)?;
		Self::sync_certificate(id, r)
	}

	/// Writes the certificate's attributes from the resource record.
	pub(crate) fn sync_certificate(id: ResourceId, r: &ResourceOf<T>) -> DispatchResult {
		let c = Self::collection()?;
		T::Nfts::set_attribute(&c, &id, keys::OWNER, &hex(&r.owner))?;
		T::Nfts::set_attribute(&c, &id, keys::STATUS, status_name(r.status))?;
		T::Nfts::set_attribute(&c, &id, keys::SCORE, &decimal(r.score))?;
		let tenant = r.tenant.as_ref().map(hex).unwrap_or_default();
		T::Nfts::set_attribute(&c, &id, keys::TENANT, &tenant)
	}

	/// Burns a certificate (its item deposit goes back to its owner) and clears its
	/// attributes, which pallet-nfts would otherwise keep for the burned item id.
	pub(crate) fn burn_certificate(id: ResourceId) -> DispatchResult {
		let c = Self::collection()?;
		for key in [keys::OWNER, keys::STATUS, keys::SCORE, keys::TENANT] {
			T::Nfts::clear_attribute(&c, &id, key)?;
		}
		T::Nfts::enable_transfer(&c, &id)?;
		T::Nfts::burn(&c, &id, None)
	}

	/// Moves a certificate to `to`, keeping it locked afterwards.
	pub(crate) fn move_certificate(id: ResourceId, to: &T::AccountId) -> DispatchResult {
		let c = Self::collection()?;
		T::Nfts::enable_transfer(&c, &id)?;
		T::Nfts::transfer(&c, &id, to)?;
		T::Nfts::disable_transfer(&c, &id)
	}
}
