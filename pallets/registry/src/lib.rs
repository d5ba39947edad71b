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

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod certificate;
mod invariants;
mod market;
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
mod tests;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_system, sp_core, sp_runtime};

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
	use polkadot_sdk::pallet_nfts::{
		CollectionConfig, CollectionSettings, ItemConfig, MintSettings,
	};
	use powerverse_primitives::{Price, Reputation, ResourceId, Scorer, Status, Window};
	use sp_runtime::traits::{AccountIdConversion, Saturating};

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
		Verification<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

	#[pallet::pallet]
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

		/// Randomness for drawing verifier panels (BABE's, one epoch old).
		type Randomness: Randomness<Self::Hash, BlockNumberFor<Self>>;

		/// Who sets the parameters, admits verifiers and verifies or rejects directly.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

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

	/// `Verifications: ResourceId => Verification` — the panel at work on a resource.
	#[pallet::storage]
	pub type Verifications<T: Config> =
		StorageMap<_, Twox64Concat, ResourceId, VerificationOf<T>, OptionQuery>;

	/// `Deadlines: BlockNumber => [(ResourceId, round)]` — verifications counted at the
	/// start of that block. An entry whose round is no longer current is skipped.
	#[pallet::storage]
	pub type Deadlines<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<(ResourceId, u32), T::MaxDeadlinesPerBlock>,
		ValueQuery,
	>;

	/// `Rescore` — the scoring version being applied and the next resource id to re-score;
	/// `None` when every resource is scored under the current version.
	#[pallet::storage]
	pub type Rescore<T: Config> = StorageValue<_, (u32, ResourceId), OptionQuery>;

	/// `ScoreVersion` — the scoring version the registry last started applying.
	#[pallet::storage]
	pub type ScoreVersion<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Genesis: the parameters. The certificate collection is created too, paid by the
	/// pallet's account, which genesis endows with pallet-nfts' collection deposit.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Initial parameters.
		pub params: Option<ParamsOf<T>>,
		/// Providers at genesis: account, display name and bond (held from the account's
		/// genesis balance).
		pub providers: Vec<(T::AccountId, Vec<u8>, BalanceOf<T>)>,
		/// Machines at genesis, for test networks and benchmarks: owner (a genesis
		/// provider), declaration, the verified benchmark figure if it starts verified, and
		/// whether it starts listed (only if verified).
		pub resources: Vec<(T::AccountId, DeclarationOf<T>, Option<u32>, bool)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let params = self.params.unwrap_or_else(Pallet::<T>::default_params);
			assert!(Pallet::<T>::params_ok(&params), "registry genesis parameters are invalid");
			Parameters::<T>::put(params);
			let account = Pallet::<T>::account();
			let needed = T::CollectionDeposit::get().saturating_add(T::Currency::minimum_balance());
			let _ = T::Currency::mint_into(&account, needed);
			let collection = Pallet::<T>::create_collection()
				.expect("the registry account is endowed with the collection deposit; qed");
			Collection::<T>::put(collection);
			ScoreVersion::<T>::put(T::Scorer::version());
			for (who, name, bond) in &self.providers {
				let name = name.clone().try_into().expect("genesis provider name too long");
				Pallet::<T>::do_register_provider(who.clone(), name, Default::default(), *bond)
					.expect("genesis provider can bond");
			}
			for (who, declaration, benchmark, listed) in &self.resources {
				let id = NextResourceId::<T>::get();
				Pallet::<T>::do_register_resource(who.clone(), declaration.clone())
					.expect("genesis resource is valid and its owner a funded provider");
				if let Some(b) = benchmark {
					Pallet::<T>::do_force_verdict(id, Some(*b)).expect("pending; qed");
					if *listed {
						Pallet::<T>::do_list(who.clone(), id).expect("verified and idle; qed");
					}
				}
			}
		}
	}

	/// Events.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance changed the parameters.
		ParamsSet {
			/// The new parameters.
			params: ParamsOf<T>,
		},
		/// An account became a provider.
		ProviderRegistered {
			/// The provider.
			who: T::AccountId,
			/// Bond held.
			bond: BalanceOf<T>,
		},
		/// A provider changed its name or contact.
		ProviderUpdated {
			/// The provider.
			who: T::AccountId,
		},
		/// A provider added to its bond.
		Bonded {
			/// The provider.
			who: T::AccountId,
			/// Amount added.
			amount: BalanceOf<T>,
		},
		/// A provider started unbonding.
		Unbonding {
			/// The provider.
			who: T::AccountId,
			/// Amount being unbonded (all of it being unbonded so far).
			amount: BalanceOf<T>,
			/// First block it can be withdrawn.
			until: BlockNumberFor<T>,
		},
		/// A provider withdrew unbonded funds.
		Withdrawn {
			/// The provider.
			who: T::AccountId,
			/// Amount released.
			amount: BalanceOf<T>,
			/// Whether the provider record is gone (no bond, no resources left).
			closed: bool,
		},
		/// A resource was registered; it is pending verification.
		Registered {
			/// The new resource.
			resource: ResourceId,
			/// Its owner.
			owner: T::AccountId,
		},
		/// A resource's declaration changed; it is pending verification again.
		Updated {
			/// The resource.
			resource: ResourceId,
		},
		/// A resource's price changed.
		PriceSet {
			/// The resource.
			resource: ResourceId,
			/// The new price.
			price: Price<BalanceOf<T>>,
		},
		/// A resource's availability window changed.
		WindowSet {
			/// The resource.
			resource: ResourceId,
			/// The new window.
			window: Window<BlockNumberFor<T>>,
		},
		/// A resource's status changed.
		StatusChanged {
			/// The resource.
			resource: ResourceId,
			/// Status before.
			from: Status,
			/// Status now.
			to: Status,
		},
		/// A resource and its certificate moved to a new owner.
		Transferred {
			/// The resource.
			resource: ResourceId,
			/// Old owner.
			from: T::AccountId,
			/// New owner.
			to: T::AccountId,
		},
		/// A resource was deregistered and its certificate burned.
		Deregistered {
			/// The resource.
			resource: ResourceId,
		},
		/// A resource's performance score changed.
		Scored {
			/// The resource.
			resource: ResourceId,
			/// The new score.
			score: u32,
			/// Version of the scoring weights used.
			version: u32,
		},
		/// A dispute started or ended on a resource.
		DisputeSet {
			/// The resource.
			resource: ResourceId,
			/// Whether it is disputed now.
			disputed: bool,
		},
		/// An account applied to the verifier committee, holding the stake.
		VerifierApplied {
			/// The applicant.
			who: T::AccountId,
			/// Stake held.
			stake: BalanceOf<T>,
		},
		/// Governance admitted a verifier to the committee.
		VerifierAdmitted {
			/// The verifier.
			who: T::AccountId,
		},
		/// A verifier left or was removed; its remaining stake is released.
		VerifierRemoved {
			/// The verifier.
			who: T::AccountId,
			/// Stake released.
			released: BalanceOf<T>,
		},
		/// A verifier lost stake for missing its window or disagreeing with the majority.
		VerifierSlashed {
			/// The verifier.
			who: T::AccountId,
			/// Resource it was verifying.
			resource: ResourceId,
			/// Stake lost.
			amount: BalanceOf<T>,
		},
		/// A panel was drawn for a resource.
		PanelDrawn {
			/// The resource.
			resource: ResourceId,
			/// Round of this panel, from 1.
			round: u32,
			/// The verifiers drawn.
			panel: Vec<T::AccountId>,
			/// Last block to commit.
			commit_end: BlockNumberFor<T>,
			/// Last block to reveal.
			reveal_end: BlockNumberFor<T>,
		},
		/// Not enough verifiers to draw a panel: governance must verify or more verifiers
		/// must join (then the owner calls `request_verification`).
		AwaitingVerifiers {
			/// The resource.
			resource: ResourceId,
		},
		/// A verifier committed.
		Committed {
			/// The resource.
			resource: ResourceId,
			/// The verifier.
			who: T::AccountId,
		},
		/// A verifier revealed.
		Revealed {
			/// The resource.
			resource: ResourceId,
			/// The verifier.
			who: T::AccountId,
			/// What it reported.
			verdict: Verdict,
		},
		/// A resource passed verification (by panel or governance).
		Verified {
			/// The resource.
			resource: ResourceId,
			/// The benchmark figure agreed.
			benchmark: u32,
		},
		/// A resource failed verification (by panel or governance).
		Rejected {
			/// The resource.
			resource: ResourceId,
		},
		/// A panel reached no majority; another is drawn, or after the last round the
		/// resource waits for governance.
		Inconclusive {
			/// The resource.
			resource: ResourceId,
			/// The round that reached no majority.
			round: u32,
		},
	}

	/// Errors.
	#[pallet::error]
	pub enum Error<T> {
		/// The parameters are inconsistent: panel size must be odd, 1 to the largest panel,
		/// periods non-zero.
		BadParams,
		/// The account is already a provider.
		AlreadyProvider,
		/// The account is not a provider: call `register_provider` first.
		NotProvider,
		/// The bond would be below the governance minimum.
		BondTooLow,
		/// Not enough free balance for the bond or stake.
		InsufficientBalance,
		/// A resource of this provider is rented, busy or disputed: the bond must stay.
		ProviderEngaged,
		/// Nothing is unbonding, or the amount is zero or more than the bond.
		BadUnbond,
		/// The unbonding period has not passed yet.
		StillUnbonding,
		/// The account's reputation is below the governance threshold.
		ReputationTooLow,
		/// The account owns as many resources as it may.
		TooManyResources,
		/// No resource with this id.
		UnknownResource,
		/// Only the owner of the resource may do this.
		NotOwner,
		/// The specs have no CPU model.
		NoCpuModel,
		/// Zero cores, fewer threads than cores, or zero or inverted clocks.
		BadCpu,
		/// A GPU is claimed with a count, memory or core count of zero.
		BadGpu,
		/// The GPU model is not in the scoring reference table.
		UnknownGpuModel,
		/// Memory size or clock is zero.
		BadMemory,
		/// Storage size or speed is zero.
		BadStorage,
		/// Bandwidth up or down is zero.
		BadNetwork,
		/// The country code is not two upper-case letters or the geohash is not one.
		BadRegion,
		/// PUE is below 1.0 or above 5.0.
		BadEnergy,
		/// The telemetry URL is empty.
		BadTelemetryUrl,
		/// The price is zero, or a Dutch auction's floor is above its start or it does not fall.
		BadPrice,
		/// The availability window ends before it starts.
		BadWindow,
		/// The resource's status does not allow this now.
		BadStatus,
		/// The resource is rented, busy or disputed.
		Engaged,
		/// The resource is disputed.
		Disputed,
		/// The resource id space is exhausted.
		Overflow,
		/// The account is already a verifier or applicant.
		AlreadyVerifier,
		/// The account is not a verifier or applicant.
		NotVerifier,
		/// The verifier committee is full.
		CommitteeFull,
		/// No verification is under way for this resource.
		NoVerification,
		/// The caller is not on this resource's panel.
		NotOnPanel,
		/// The commit window is over (or, for a reveal, not yet over).
		WrongPhase,
		/// The verifier already committed (or revealed).
		AlreadyDone,
		/// The reveal does not match the commit.
		CommitMismatch,
		/// A verification is already under way.
		VerificationUnderWay,
		/// Too many verifications end in the coming blocks; try again later.
		DeadlinesFull,
		/// The new owner is the current owner.
		SameOwner,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::count_panels(now)
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

		/// Releases the unbonded part of the bond once the unbonding period has passed. A
		/// provider left with no bond and no resources is removed.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::withdraw_unbonded())]
		pub fn withdraw_unbonded(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_unbonded(who)
		}

		/// Registers a resource: mints its certificate (the provider pays pallet-nfts' item
		/// deposit, returned on deregistration) and draws a verifier panel.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::register_resource(T::MaxVerifiers::get()))]
		pub fn register_resource(
			origin: OriginFor<T>,
			declaration: DeclarationOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_resource(who, declaration)
		}

		/// Replaces a resource's declaration: the resource goes back to pending and a new
		/// panel is drawn. Not while rented, busy, disputed or suspended.
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

		/// Draws a panel for a pending resource that has none (not enough verifiers before,
		/// or governance's last round was inconclusive).
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::request_verification(T::MaxVerifiers::get()))]
		pub fn request_verification(origin: OriginFor<T>, resource: ResourceId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_request_verification(who, resource)
		}

		/// A panel member commits `blake2_256((resource, round, verdict, salt).encode())`.
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

		/// A panel member reveals its verdict after the commit window.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::reveal())]
		pub fn reveal(
			origin: OriginFor<T>,
			resource: ResourceId,
			verdict: Verdict,
			salt: [u8; 32],
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reveal(who, resource, verdict, salt)
		}

		/// Applies to the verifier committee, holding the governance-set stake.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::apply_verifier())]
		pub fn apply_verifier(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_apply_verifier(who)
		}

		/// Leaves the committee (or withdraws an application); the stake is released. Seats
		/// already drawn stay: a missed reveal is still slashed from what is held then.
		#[pallet::call_index(19)]
		#[pallet::weight(T::WeightInfo::remove_verifier(T::MaxVerifiers::get()))]
		pub fn leave_verifiers(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_verifier(who)
		}

		/// Governance admits an applicant to the committee.
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::admit_verifier(T::MaxVerifiers::get()))]
		pub fn admit_verifier(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_admit_verifier(who)
		}

		/// Governance removes a verifier or applicant; its stake is released.
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::remove_verifier(T::MaxVerifiers::get()))]
		pub fn remove_verifier(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_remove_verifier(who)
		}

		/// Governance verifies a pending or rejected resource with a benchmark figure.
		#[pallet::call_index(22)]
		#[pallet::weight(T::WeightInfo::force_verify())]
		pub fn force_verify(
			origin: OriginFor<T>,
			resource: ResourceId,
			benchmark: u32,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_force_verdict(resource, Some(benchmark))
		}

		/// Governance rejects a pending resource.
		#[pallet::call_index(23)]
		#[pallet::weight(T::WeightInfo::force_verify())]
		pub fn force_reject(origin: OriginFor<T>, resource: ResourceId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_force_verdict(resource, None)
		}

		/// Governance sets the parameters.
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

	impl<T: Config> Pallet<T> {
		/// The account owning the certificate collection.
		pub fn account() -> T::AccountId {
			T::PalletId::get().into_account_truncating()
		}

		/// The parameters in force.
		pub fn params() -> ParamsOf<T> {
			Parameters::<T>::get().unwrap_or_else(Self::default_params)
		}

		/// Parameters used when genesis sets none: small, for tests and development.
		pub fn default_params() -> ParamsOf<T> {
			let ed = T::Currency::minimum_balance();
			Params {
				min_bond: ed.saturating_mul(100u32.into()),
				unbonding_period: 10u32.into(),
				verifier_stake: ed.saturating_mul(100u32.into()),
				panel_size: 3,
				commit_period: 5u32.into(),
				reveal_period: 5u32.into(),
				slash: sp_runtime::Perbill::from_percent(10),
				tolerance: sp_runtime::Percent::from_percent(10),
			}
		}

		/// Whether parameters are consistent.
		pub fn params_ok(p: &ParamsOf<T>) -> bool {
			p.panel_size % 2 == 1
				&& p.panel_size <= MAX_PANEL
				&& p.panel_size <= T::MaxVerifiers::get()
				&& !p.commit_period.is_zero()
				&& !p.reveal_period.is_zero()
				&& !p.min_bond.is_zero()
				&& !p.verifier_stake.is_zero()
		}

		fn create_collection() -> Result<u32, DispatchError> {
			let account = Self::account();
			let config = CollectionConfig {
				settings: CollectionSettings::all_enabled(),
				max_supply: None,
				mint_settings: MintSettings::default(),
			};
			T::Nfts::create_collection(&account, &account, &config)
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
