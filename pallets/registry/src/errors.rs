//! The registry's errors.

use polkadot_sdk::frame_support::pallet_macros::pallet_section;

/// The registry's errors. Imported into the pallet with `#[import_section]`.
#[pallet_section]
mod errors {
	/// Errors.
	#[pallet::error]
	pub enum Error<T> {
		/// The parameters are inconsistent: panel size must be odd, 1 to the largest panel,
		/// periods non-zero, the draw delay at least 2 blocks.
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
		/// Another panel member already committed this hash: commitments bind their author.
		DuplicateCommitment,
		/// A genuine verdict needs the machine's signature (sr25519 or ed25519, under the
		/// declared machine key) of the member's challenge.
		BadMachineSignature,
		/// The machine key already backs another resource: one machine, one resource.
		MachineKeyInUse,
		/// The account is frozen by the administrator: no new providers, resources, listings,
		/// transfers or verifier applications until it is unfrozen.
		AccountFrozen,
		/// The account is blacklisted by the administrator: no new providers, resources,
		/// listings, transfers or verifier applications until governance lifts it.
		AccountBlacklisted,
	}
}
