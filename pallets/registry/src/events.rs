//! The registry's events.

use polkadot_sdk::frame_support::pallet_macros::pallet_section;

/// The registry's events. Imported into the pallet with `#[import_section]`.
#[pallet_section]
mod events {
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
		/// A verifier left or was removed while still on panels: it is out of the draw, and its
		/// stake stays held until those panels are counted.
		VerifierLeaving {
			/// The verifier.
			who: T::AccountId,
			/// Panels still to be counted.
			seats: u32,
		},
		/// A panel member who voted with the majority was paid its share of the fee.
		VerifierPaid {
			/// The verifier.
			who: T::AccountId,
			/// Resource it verified.
			resource: ResourceId,
			/// Amount paid.
			amount: BalanceOf<T>,
		},
		/// A verification fee (or what was left of it) went back to the owner.
		FeeRefunded {
			/// The resource.
			resource: ResourceId,
			/// The owner.
			who: T::AccountId,
			/// Amount refunded.
			amount: BalanceOf<T>,
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
		/// A panel was asked for; it is drawn at `draw_at` (or later, until randomness newer
		/// than the request exists).
		VerificationRequested {
			/// The resource.
			resource: ResourceId,
			/// Round of this panel, from 1.
			round: u32,
			/// Verification fee held on the owner.
			fee: BalanceOf<T>,
			/// Block of the draw.
			draw_at: BlockNumberFor<T>,
		},
		/// A panel was drawn for a resource.
		PanelDrawn {
			/// The resource.
			resource: ResourceId,
			/// Round of this panel, from 1.
			round: u32,
			/// The verifiers drawn.
			panel: Vec<T::AccountId>,
			/// What the machine signs for each member (see `verification::challenge_message`).
			challenge: sp_core::H256,
			/// Last block to commit.
			commit_end: BlockNumberFor<T>,
			/// Last block to reveal.
			reveal_end: BlockNumberFor<T>,
		},
		/// Not enough verifiers to draw a panel (or no room to book it): the fee is refunded;
		/// governance must verify or more verifiers must join (then the owner calls
		/// `request_verification`).
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
}
