//! The registry's genesis: parameters, the certificate collection, providers, machines and verifiers.

use polkadot_sdk::frame_support::pallet_macros::pallet_section;

/// The registry's genesis: parameters, the certificate collection, providers, machines and verifiers. Imported into the pallet with `#[import_section]`.
#[pallet_section]
mod genesis {
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
		/// Verifier committee at genesis (development and test networks): each holds the
		/// verifier stake from its genesis balance and is admitted.
		pub verifiers: Vec<T::AccountId>,
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
			for who in &self.verifiers {
				Pallet::<T>::do_apply_verifier(who.clone()).expect("genesis verifier can stake");
				Pallet::<T>::do_admit_verifier(who.clone()).expect("committee has room");
			}
			for (who, declaration, benchmark, listed) in &self.resources {
				let id = Pallet::<T>::insert_resource(who.clone(), declaration.clone())
					.expect("genesis resource is valid and its owner a funded provider");
				match benchmark {
					Some(b) => {
						Pallet::<T>::do_force_verdict(id, Some(*b)).expect("pending; qed");
						if *listed {
							Pallet::<T>::do_list(who.clone(), id).expect("verified and idle; qed");
						}
					},
					None => Pallet::<T>::ask_verification(who, id)
						.expect("genesis provider can pay the fee and queues have room"),
				}
			}
		}
	}
}
