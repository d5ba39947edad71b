//! The traits the pallets talk through.

use crate::{ModelName, Price, Region, ResourceId, Specs, Status, Tier, Window};
use codec::{Decode, Encode};
use polkadot_sdk::sp_runtime::{DispatchError, DispatchResult};
use scale_info::TypeInfo;

/// What other pallets may know of a resource.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct ResourceFacts<AccountId, Balance, BlockNumber> {
	/// Who owns the resource and is paid for it.
	pub owner: AccountId,
	/// Where it is in its life.
	pub status: Status,
	/// Its hardware.
	pub specs: Specs,
	/// Performance score.
	pub score: u32,
	/// Network tier.
	pub tier: Tier,
	/// Where it is.
	pub region: Region,
	/// Price per hour right now.
	pub price: Balance,
	/// The offer as the provider set it.
	pub offer: Price<Balance>,
	/// When it may be rented.
	pub window: Window<BlockNumber>,
	/// Whether a dispute holds it.
	pub disputed: bool,
}

/// The registry as leases, orders, arbitration and telemetry see it: facts about a resource
/// and the status changes they may ask for.
pub trait Resources<AccountId, Balance, BlockNumber> {
	/// Facts about a resource, `None` when it does not exist.
	fn facts(id: ResourceId) -> Option<ResourceFacts<AccountId, Balance, BlockNumber>>;

	/// Marks a listed resource rented (`task == false`) or busy with a task by `tenant`.
	///
	/// # Errors
	/// When the resource is not listed.
	fn engage(id: ResourceId, tenant: &AccountId, task: bool) -> DispatchResult;

	/// Returns a rented or busy resource to the market (listed), or to idle when its
	/// provider unlisted it meanwhile.
	///
	/// # Errors
	/// When the resource is not rented or busy.
	fn release(id: ResourceId) -> DispatchResult;

	/// Marks a resource disputed (no transfer, no deregistration, no unbonding of its
	/// provider) or clears the mark.
	///
	/// # Errors
	/// When the resource does not exist.
	fn set_disputed(id: ResourceId, disputed: bool) -> DispatchResult;

	/// Takes a resource off the market by arbitration (`true`) or lets it back (`false`).
	///
	/// # Errors
	/// When the resource does not exist, or is rented or busy when suspending.
	fn set_suspended(id: ResourceId, suspended: bool) -> DispatchResult;
}

/// The scoring pallet as the registry sees it.
pub trait Scorer {
	/// The performance score of `specs`, with the verified benchmark figure when there is one.
	fn score(specs: &Specs, benchmark: Option<u32>) -> u32;

	/// Changes whenever the weights or the model table change: a resource scored under
	/// another version is due for re-scoring.
	fn version() -> u32;

	/// Whether `model` is in the reference table of GPU models.
	fn knows_gpu(model: &ModelName) -> bool;
}

/// Reputation of accounts (providers and consumers), kept by the scoring pallet.
pub trait Reputation<AccountId> {
	/// Reputation now, 0 (worst) to 1000 (best); new accounts start at the neutral value.
	fn reputation(who: &AccountId) -> u32;

	/// Whether the reputation is below the governance threshold: such an account may not
	/// register, list, rent or post orders.
	fn is_restricted(who: &AccountId) -> bool;

	/// Records a rating by `by` of `who` after a lease or task: 1 (bad) to 5 (excellent).
	/// `paid` is what the rated deal actually paid its provider, in the native currency's
	/// smallest unit: a rating weighs in proportion to it (nothing paid, no weight), and one
	/// rater moves one counterparty's reputation once per rating period at most, so ratings
	/// cannot be bought with empty deals or repeated.
	///
	/// # Errors
	/// When `stars` is not 1 to 5, or `by` is `who`.
	fn rate(by: &AccountId, who: &AccountId, stars: u8, paid: u128) -> DispatchResult;

	/// Records an arbitration ruling: `against == true` when `who` was at fault.
	fn ruling(who: &AccountId, against: bool);
}

impl Scorer for () {
	fn score(_: &Specs, benchmark: Option<u32>) -> u32 {
		benchmark.unwrap_or(0)
	}
	fn version() -> u32 {
		0
	}
	fn knows_gpu(_: &ModelName) -> bool {
		true
	}
}

impl<AccountId> Reputation<AccountId> for () {
	fn reputation(_: &AccountId) -> u32 {
		500
	}
	fn is_restricted(_: &AccountId) -> bool {
		false
	}
	fn rate(_: &AccountId, _: &AccountId, stars: u8, _: u128) -> DispatchResult {
		if (1..=5).contains(&stars) {
			Ok(())
		} else {
			Err(DispatchError::Other("stars must be 1 to 5"))
		}
	}
	fn ruling(_: &AccountId, _: bool) {}
}
