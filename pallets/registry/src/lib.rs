//! # Registry
//!
//! Providers bond and register their machines (resources) with full technical
//! parameters; each resource gets an NFT certificate in the registry's collection; a
//! committee of staking verifiers, drawn at random per resource, checks the declaration by
//! commit and reveal before the resource may be listed; providers list, pause, price and
//! retire their resources; leases, orders and arbitration change a resource's status
//! through [`powerverse_primitives::Resources`].
//!
//! Money: provider bonds and verifier stakes are holds ([`HoldReason`]); slashed stake goes
//! to [`Config::Slashed`]. Certificates carry the attributes `owner`, `status`, `score` and
//! `tenant` in pallet-nfts' pallet namespace. They can never be moved with pallet-nfts'
//! own calls (their transfer is disabled there); [`Pallet::transfer`] moves an idle resource
//! and its certificate together.
//!
//! Sanctions: an account the administrator froze or blacklisted ([`Config::Sanctions`]) may
//! not become a provider, register, list, resume, transfer or receive a resource, nor apply
//! to the verifier committee; a machine of a sanctioned owner coming back from a lease goes
//! to idle, not to the market. A blacklisting takes the owner's listed machines off the
//! market through [`powerverse_primitives::Delist`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod certificate;
mod errors;
mod events;
mod genesis;
mod invariants;
mod market;
mod params;
mod provider;
mod rescore;
mod resource;
mod search;
pub mod verification;

pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod search_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod verification_tests;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use polkadot_sdk::{
	frame_support::{self, pallet_macros::import_section},
	frame_system, sp_core, sp_runtime,
};

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::registry";

/// What the benchmarks need from the rest of the runtime, which they cannot set up
/// generically. The `()` implementation suits a runtime whose scorer knows `RTX 4090` and
/// whose reputation does not restrict new accounts.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// A GPU model that [`Config::Scorer`] knows (add it to the scorer's table here if it
	/// is not there at genesis): the benchmarks declare machines with such GPUs.
	fn gpu_model() -> powerverse_primitives::ModelName;

	/// Makes sure [`Config::Reputation`] does not restrict `who`, a new account about to
	/// become a provider. Nothing by default: new accounts start neutral.
	fn unrestrict(_who: &AccountId) {}
}

#[cfg(feature = "runtime-benchmarks")]
impl<AccountId> BenchmarkHelper<AccountId> for () {
	fn gpu_model() -> powerverse_primitives::ModelName {
		sp_runtime::BoundedVec::truncate_from(b"RTX 4090".to_vec())
	}
}

#[import_section(events::events)]
#[import_section(errors::errors)]
#[import_section(genesis::genesis)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{self, Inspect as _, Mutate as _},
			tokens::{
				imbalance::OnUnbalanced,
				nonfungibles_v2::{Create, Inspect as NftInspect, Mutate as NftMutate, Transfer},
			},
			Randomness,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use polkadot_sdk::pallet_nfts::{CollectionConfig, ItemConfig};
	use powerverse_primitives::{Price, Reputation, ResourceId, Sanctions, Scorer, Status, Window};
	use sp_runtime::traits::Saturating;

	/// Balance of the native currency.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;
	/// Slashed stake, to be handed to [`Config::Slashed`].
	pub type CreditOf<T> =
		fungible::Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;
	/// A provider record of this runtime.
	pub type ProviderOf<T> = Provider<BalanceOf<T>, BlockNumberFor<T>>;
	/// A resource record of this runtime.
	pub type ResourceOf<T> =
		Resource<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
	/// A declaration of this runtime.
	pub type DeclarationOf<T> = Declaration<BalanceOf<T>, BlockNumberFor<T>>;
	/// Governance parameters of this runtime.
	pub type ParamsOf<T> = Params<BalanceOf<T>, BlockNumberFor<T>>;
	/// A verification of this runtime.
	pub type VerificationOf<T> =
		Verification<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

	/// Version of the storage layout.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration.
	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The native currency: bonds and stakes are held on it.
		type Currency: fungible::Inspect<Self::AccountId>
			+ fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::BalancedHold<Self::AccountId>;

		/// The runtime's hold reasons, of which [`HoldReason`] is part.
		type RuntimeHoldReason: From<HoldReason>;

		/// Where slashed verifier stake goes (the treasury).
		type Slashed: OnUnbalanced<CreditOf<Self>>;

		/// The NFT pallet keeping the certificates.
		type Nfts: Create<Self::AccountId, CollectionConfig<BalanceOf<Self>, BlockNumberFor<Self>, u32>>
			+ NftMutate<Self::AccountId, ItemConfig>
			+ Transfer<Self::AccountId>
			+ NftInspect<Self::AccountId, CollectionId = u32, ItemId = ResourceId>;

		/// Computes performance scores and knows the GPU models.
		type Scorer: Scorer;

		/// Reputation of accounts: restricted ones may not register or list.
		type Reputation: Reputation<Self::AccountId>;

		/// The administrator's sanctions: frozen and blacklisted accounts may not become
		/// providers, register, list, transfer or receive resources, nor apply as verifiers.
		type Sanctions: Sanctions<Self::AccountId>;

		/// Randomness for drawing verifier panels. The block number it returns must be the
		/// first block its value could be known: a panel is drawn only from randomness known
		/// after the panel was asked for.
		type Randomness: Randomness<Self::Hash, BlockNumberFor<Self>>;

		/// Who sets the parameters (fees, bonds, verification periods and panel size).
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Who admits and removes verifiers and verifies or rejects a machine directly: the
		/// committee's membership is a separate decision from the market's prices.
		type AdmissionOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// pallet-nfts' collection deposit: minted to the registry's account at genesis (with
		/// the existential deposit) so that it can create the certificate collection.
		#[pallet::constant]
		type CollectionDeposit: Get<BalanceOf<Self>>;

		/// Account that owns the certificate collection.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Blocks in an hour: a Dutch auction falls once an hour.
		#[pallet::constant]
		type BlocksPerHour: Get<u32>;

		/// Most resources one account may own.
		#[pallet::constant]
		type MaxResourcesPerOwner: Get<u32>;

		/// Most members of the verifier committee.
		#[pallet::constant]
		type MaxVerifiers: Get<u32>;

		/// Most verifications that may end in one block; more are moved to later blocks.
		#[pallet::constant]
		type MaxDeadlinesPerBlock: Get<u32>;

		/// Most panels drawn for one declaration before it waits for governance.
		#[pallet::constant]
		type MaxRounds: Get<u32>;

		/// Most resources re-scored in one block when the scoring weights change.
		#[pallet::constant]
		type RescorePerBlock: Get<u32>;

		/// Weights of the calls.
		type WeightInfo: WeightInfo;

		/// Sets up what the benchmarks need from other pallets: a GPU model the scorer
		/// knows, providers in good standing.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// Why the registry holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A provider's bond.
		#[codec(index = 0)]
		Bond,
		/// A verifier's stake.
		#[codec(index = 1)]
		VerifierStake,
		/// A provider's verification fee, until the panel is counted.
		#[codec(index = 2)]
		VerificationFee,
	}

	/// `Params` — what governance sets: bonds, periods, panel size, slash.
	#[pallet::storage]
	pub type Parameters<T: Config> = StorageValue<_, ParamsOf<T>, OptionQuery>;

	/// `Collection` — id of the certificate collection in pallet-nfts, created at genesis.
	#[pallet::storage]
	pub type Collection<T: Config> = StorageValue<_, u32, OptionQuery>;

	/// `Providers: AccountId => Provider` — every bonded provider.
	#[pallet::storage]
	pub type Providers<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, T::AccountId, ProviderOf<T>, OptionQuery>;

	/// `Resources: ResourceId => Resource` — every registered resource; removed on
	/// deregistration.
	#[pallet::storage]
	pub type Resources<T: Config> =
		CountedStorageMap<_, Twox64Concat, ResourceId, ResourceOf<T>, OptionQuery>;

	/// `NextResourceId` — id the next registered resource gets.
	#[pallet::storage]
	pub type NextResourceId<T: Config> = StorageValue<_, ResourceId, ValueQuery>;

	/// `Owned: (AccountId, ResourceId) => ()` — the resources of each owner.
	#[pallet::storage]
	pub type Owned<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		ResourceId,
		(),
		OptionQuery,
	>;

	/// `Ranked: (Bucket, rank, id) => ()` — the search index of listed resources: each is
	/// under `All`, its GPU model and its country, keyed by `rank` (big-endian
	/// `u32::MAX − score`) and big-endian id, so that key order is highest score first.
	#[pallet::storage]
	pub type Ranked<T: Config> = StorageNMap<
		_,
		(NMapKey<Blake2_128Concat, Bucket>, NMapKey<Identity, [u8; 4]>, NMapKey<Identity, [u8; 4]>),
		(),
		OptionQuery,
	>;

	/// `Verifiers: AccountId => Verifier` — committee members and applicants, with stakes.
	#[pallet::storage]
	pub type Verifiers<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Verifier<BalanceOf<T>>, OptionQuery>;

	/// `Committee` — the active verifiers, from whom panels are drawn.
	#[pallet::storage]
	pub type Committee<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxVerifiers>, ValueQuery>;

	/// `MachineKeys: machine key => ResourceId` — the resource each machine key belongs to: a
	/// key (hence a machine) can back one resource only.
	#[pallet::storage]
	pub type MachineKeys<T: Config> =
		StorageMap<_, Blake2_128Concat, [u8; 32], ResourceId, OptionQuery>;

	/// `Verifications: ResourceId => Verification` — the verification under way for a
	/// resource: booked for a draw, or with its panel at work.
	#[pallet::storage]
	pub type Verifications<T: Config> =
		StorageMap<_, Twox64Concat, ResourceId, VerificationOf<T>, OptionQuery>;

	/// `Deadlines: BlockNumber => [ResourceId]` — verifications worked at the start of that
	/// block: a panel drawn, or a panel counted. Each verification is in exactly one queue,
	/// the one of its `due` block; ending a verification early takes it out.
	#[pallet::storage]
	pub type Deadlines<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<ResourceId, T::MaxDeadlinesPerBlock>,
		ValueQuery,
	>;

	/// `Rescore` — the scoring version being applied and the next resource id to re-score;
	/// `None` when every resource is scored under the current version.
	#[pallet::storage]
	pub type Rescore<T: Config> = StorageValue<_, (u32, ResourceId), OptionQuery>;

	/// `ScoreVersion` — the scoring version the registry last started applying.
	#[pallet::storage]
	pub type ScoreVersion<T: Config> = StorageValue<_, u32, ValueQuery>;

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::run_deadlines(now)
		}

		fn on_idle(_now: BlockNumberFor<T>, limit: Weight) -> Weight {
			Self::rescore(limit)
		}

		fn integrity_test() {
			assert!(T::BlocksPerHour::get() > 0, "an hour has blocks");
			assert!(T::MaxDeadlinesPerBlock::get() > 0, "verifications must be able to end");
			assert!(T::MaxRounds::get() > 0, "at least one panel per declaration");
			assert!(T::RescorePerBlock::get() > 0, "re-scoring must progress");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Becomes a provider with a display name, a contact URI and a bond (held; at least
		/// the governance minimum).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_provider())]
		pub fn register_provider(
			origin: OriginFor<T>,
			name: Name,
			contact: Url,
			bond: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_provider(who, name, contact, bond)
		}

		/// Changes the provider's display name and contact URI.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_provider())]
		pub fn update_provider(origin: OriginFor<T>, name: Name, contact: Url) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_update_provider(who, name, contact)
		}

		/// Adds `amount` to the provider's bond.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::bond_extra())]
		pub fn bond_extra(origin: OriginFor<T>, amount: BalanceOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_bond_extra(who, amount)
		}

		/// Starts unbonding `amount` of the bond; withdraw it after the unbonding period.
		/// Refused while a resource of the provider is rented, busy or disputed, and when
		/// the bond left would be below the minimum while the provider still owns resources.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::unbond())]
		pub fn unbond(origin: OriginFor<T>, amount: BalanceOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unbond(who, amount)
		}

		/// Releases the unbonded part of the bond once the unbonding period has passed, and
		/// only while no resource of the provider is rented, busy or disputed. A provider left
		/// with no bond and no resources is removed.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::withdraw_unbonded())]
		pub fn withdraw_unbonded(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_unbonded(who)
		}

		/// Registers a resource (origin: a bonded provider in good standing): mints its
		/// certificate (the provider pays pallet-nfts' item deposit, returned on
		/// deregistration), holds the verification fee and books the panel's draw
		/// `draw_delay` blocks later. The machine key must back no other resource.
		/// Events: `Registered`, `VerificationRequested`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::register_resource(T::MaxVerifiers::get()))]
		pub fn register_resource(
			origin: OriginFor<T>,
			declaration: DeclarationOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_resource(who, declaration)
		}

		/// Replaces a resource's declaration (origin: its owner): the resource goes back to
		/// pending, unscored, and a new panel is booked (a fee still held for an undrawn panel
		/// carries over; otherwise a new fee is held). Not while rented, busy, disputed or
		/// suspended, nor while a panel is at work on it. Events: `Updated`, `StatusChanged`,
		/// `Scored`, `VerificationRequested`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::update_resource())]
		pub fn update_resource(
			origin: OriginFor<T>,
			resource: ResourceId,
			declaration: DeclarationOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_update_resource(who, resource, declaration)
		}

		/// Changes the price; a listed Dutch auction restarts from its start price.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_price())]
		pub fn set_price(
			origin: OriginFor<T>,
			resource: ResourceId,
			price: Price<BalanceOf<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_price(who, resource, price)
		}

		/// Changes the availability window.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::set_window())]
		pub fn set_window(
			origin: OriginFor<T>,
			resource: ResourceId,
			window: Window<BlockNumberFor<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_window(who, resource, window)
		}

		/// Offers a verified, idle resource on the market.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_status())]
		pub fn list(origin: OriginFor<T>, resource: ResourceId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_list(who, resource)
		}

		/// Takes a listed or paused resource off the market (idle).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::set_status())]
		pub fn unlist(origin: OriginFor<T>, resource: ResourceId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_move(who, resource, &[Status::Listed, Status::Paused], Status::Idle)
		}

		/// Pauses a listed resource.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::set_status())]
		pub fn pause(origin: OriginFor<T>, resource: ResourceId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_move(who, resource, &[Status::Listed], Status::Paused)
		}

		/// Lists a paused resource again.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::set_status())]
		pub fn resume(origin: OriginFor<T>, resource: ResourceId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_resume(who, resource)
		}

		/// Removes a resource that is not rented, busy, disputed or suspended; burns its
		/// certificate and returns its item deposit.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::deregister())]
		pub fn deregister(origin: OriginFor<T>, resource: ResourceId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_deregister(who, resource)
		}

		/// Moves a resource that is not rented, busy, disputed or suspended, with its
		/// certificate and future income, to another provider.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::transfer())]
		pub fn transfer(
			origin: OriginFor<T>,
			resource: ResourceId,
			to: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_transfer(who, resource, to)
		}

		/// Asks again for a panel for a pending resource that has none (not enough verifiers
		/// before, or the last round was inconclusive), holding a new fee (origin: the owner).
		/// Event: `VerificationRequested`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::request_verification(T::MaxVerifiers::get()))]
		pub fn request_verification(origin: OriginFor<T>, resource: ResourceId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_request_verification(who, resource)
		}

		/// A panel member commits to its verdict during the commit window: the hash is
		/// [`verification::commitment`], `blake2_256` of the SCALE encoding of `(resource: u32,
		/// round: u32, verifier: AccountId, verdict: Verdict, salt: [u8; 32])`. Event:
		/// `Committed`.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::commit())]
		pub fn commit(
			origin: OriginFor<T>,
			resource: ResourceId,
			hash: sp_core::H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_commit(who, resource, hash)
		}

		/// A panel member reveals its verdict and salt after the commit window. A genuine
		/// verdict carries `proof`: the machine's sr25519 or ed25519 signature, under the
		/// declared machine key, of [`verification::challenge_message`] — the SCALE encoding
		/// of `(b"powerverse/verify", resource: u32, round: u32, challenge: [u8; 32],
		/// verifier: AccountId)`, with the challenge of the `PanelDrawn` event. Event:
		/// `Revealed`.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::reveal())]
		pub fn reveal(
			origin: OriginFor<T>,
			resource: ResourceId,
			verdict: Verdict,
			salt: [u8; 32],
			proof: Option<MachineSignature>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reveal(who, resource, verdict, salt, proof)
		}

		/// Applies to the verifier committee, holding the governance-set stake.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::apply_verifier())]
		pub fn apply_verifier(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_apply_verifier(who)
		}

		/// Leaves the committee (or withdraws an application). The verifier is out of future
		/// draws at once; its stake is released now if it sits on no panel, otherwise when its
		/// last panel has been counted (a missed reveal is still slashed). Events:
		/// `VerifierRemoved`, or `VerifierLeaving` then `VerifierRemoved`.
		#[pallet::call_index(19)]
		#[pallet::weight(T::WeightInfo::remove_verifier(T::MaxVerifiers::get()))]
		pub fn leave_verifiers(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_verifier(who)
		}

		/// [`Config::AdmissionOrigin`] admits an applicant to the committee.
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::admit_verifier(T::MaxVerifiers::get()))]
		pub fn admit_verifier(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AdmissionOrigin::ensure_origin(origin)?;
			Self::do_admit_verifier(who)
		}

		/// [`Config::AdmissionOrigin`] removes a verifier or applicant; its stake is released as for
		/// `leave_verifiers`.
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::remove_verifier(T::MaxVerifiers::get()))]
		pub fn remove_verifier(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AdmissionOrigin::ensure_origin(origin)?;
			Self::do_remove_verifier(who)
		}

		/// [`Config::AdmissionOrigin`] verifies a pending or rejected resource with a benchmark figure.
		#[pallet::call_index(22)]
		#[pallet::weight(T::WeightInfo::force_verify())]
		pub fn force_verify(
			origin: OriginFor<T>,
			resource: ResourceId,
			benchmark: u32,
		) -> DispatchResult {
			T::AdmissionOrigin::ensure_origin(origin)?;
			Self::do_force_verdict(resource, Some(benchmark))
		}

		/// [`Config::AdmissionOrigin`] rejects a pending resource.
		#[pallet::call_index(23)]
		#[pallet::weight(T::WeightInfo::force_verify())]
		pub fn force_reject(origin: OriginFor<T>, resource: ResourceId) -> DispatchResult {
			T::AdmissionOrigin::ensure_origin(origin)?;
			Self::do_force_verdict(resource, None)
		}

		/// [`Config::GovernanceOrigin`] sets the parameters.
		#[pallet::call_index(24)]
		#[pallet::weight(T::WeightInfo::set_params())]
		pub fn set_params(origin: OriginFor<T>, params: ParamsOf<T>) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(Self::params_ok(&params), Error::<T>::BadParams);
			Parameters::<T>::put(params);
			Self::deposit_event(Event::ParamsSet { params });
			Ok(())
		}
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> Pallet<T> {
	/// A verified, listed resource of `owner` (funded and made a provider if need be): what
	/// the benchmarks of leases and orders rent.
	pub fn listed_for_benchmarks(owner: &T::AccountId) -> powerverse_primitives::ResourceId {
		benchmarking::listed::<T>(owner).expect("the benchmark setup of the registry works; qed")
	}
}
