//! The platform fee on settled leases and tasks: how much, how much of it is burned, and
//! the one routine that pays a provider out of a consumer's escrow.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::traits::{
		fungible::{self, Credit},
		tokens::{imbalance::OnUnbalanced, Fortitude, Precision, Restriction},
	},
	sp_runtime::{traits::Zero, Deserialize, DispatchError, Percent, Permill, Serialize},
};
use scale_info::TypeInfo;

/// The fee terms governance sets.
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
pub struct FeeTerms<Balance> {
	/// Share of every settled payment the platform keeps.
	pub fee: Permill,
	/// Share of the fee that is burned; the rest goes to the treasury.
	pub burn: Percent,
	/// Burning stops once total issuance would fall below this; the fee then all goes to
	/// the treasury.
	pub floor: Balance,
}

/// Where a pallet reads the fee terms in force.
pub trait FeePolicy<Balance> {
	/// The terms now.
	fn terms() -> FeeTerms<Balance>;
}

/// How a payment out of escrow was divided.
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, Default)]
pub struct Payout<Balance> {
	/// What the provider received.
	pub net: Balance,
	/// What was burned.
	pub burned: Balance,
	/// What went to the treasury.
	pub treasury: Balance,
}

/// How `gross` divides under `terms` when total issuance is `issuance`: `(net, burned,
/// treasury)`. The burn never takes issuance below the floor.
pub fn split<Balance>(
	gross: Balance,
	terms: &FeeTerms<Balance>,
	issuance: Balance,
) -> Payout<Balance>
where
	Balance: polkadot_sdk::sp_runtime::traits::AtLeast32BitUnsigned + Copy,
{
	let fee = terms.fee.mul_floor(gross);
	let burnable = issuance.saturating_sub(terms.floor);
	let burned = terms.burn.mul_floor(fee).min(burnable);
	Payout { net: gross.saturating_sub(fee), burned, treasury: fee.saturating_sub(burned) }
}

/// Pays `gross` from `payer`'s hold under `reason` to `payee`: the fee is burned (down to
/// the floor) and sent to `Treasury`, the rest moves to `payee`'s free balance. A zero
/// `gross` does nothing.
///
/// # Errors
/// When less than `gross` is held, or `payee` cannot receive the net (a new account below
/// the existential deposit). Use inside a transactional call: on error some funds may
/// have moved.
pub fn pay_held<AccountId, C, Treasury>(
	reason: &C::Reason,
	payer: &AccountId,
	payee: &AccountId,
	gross: C::Balance,
	terms: &FeeTerms<C::Balance>,
) -> Result<Payout<C::Balance>, DispatchError>
where
	C: fungible::MutateHold<AccountId> + fungible::BalancedHold<AccountId>,
	Treasury: OnUnbalanced<Credit<AccountId, C>>,
{
	if gross.is_zero() {
		return Ok(Payout::default());
	}
	let out = split(gross, terms, C::total_issuance());
	if !out.net.is_zero() {
		C::transfer_on_hold(
			reason,
			payer,
			payee,
			out.net,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Force,
		)?;
	}
	if !out.burned.is_zero() {
		C::burn_held(reason, payer, out.burned, Precision::Exact, Fortitude::Force)?;
	}
	if !out.treasury.is_zero() {
		let (credit, missing) = C::slash(reason, payer, out.treasury);
		if !missing.is_zero() {
			return Err(DispatchError::Other("escrow smaller than the payment"));
		}
		Treasury::on_unbalanced(credit);
	}
	Ok(out)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn terms(fee: u32, burn: u8, floor: u64) -> FeeTerms<u64> {
		FeeTerms { fee: Permill::from_percent(fee), burn: Percent::from_percent(burn), floor }
	}

	#[test]
	fn split_takes_the_fee_and_burns_its_share() {
		let p = split(1_000u64, &terms(5, 40, 0), 1_000_000);
		assert_eq!(p, Payout { net: 950, burned: 20, treasury: 30 });
	}

	#[test]
	fn burn_stops_at_the_floor() {
		// 10 above the floor: only 10 of the 20 is burned, the rest goes to the treasury.
		let p = split(1_000u64, &terms(5, 40, 999_990), 1_000_000);
		assert_eq!(p, Payout { net: 950, burned: 10, treasury: 40 });
		// At or below the floor nothing is burned.
		let p = split(1_000u64, &terms(5, 40, 2_000_000), 1_000_000);
		assert_eq!(p, Payout { net: 950, burned: 0, treasury: 50 });
	}

	#[test]
	fn no_fee_pays_everything() {
		assert_eq!(
			split(77u64, &terms(0, 100, 0), 1_000),
			Payout { net: 77, burned: 0, treasury: 0 }
		);
	}
}
