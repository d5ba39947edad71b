//! The registry's parameters and account.

use crate::{pallet::*, Params, MAX_PANEL};
use polkadot_sdk::{
	frame_support::traits::{fungible::Inspect, tokens::nonfungibles_v2::Create, Get},
	pallet_nfts::{CollectionConfig, CollectionSettings, MintSettings},
	sp_runtime::{
		self,
		traits::{AccountIdConversion, Saturating, Zero},
		DispatchError,
	},
};

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
			verification_fee: ed.saturating_mul(10u32.into()),
			draw_delay: 2u32.into(),
		}
	}

	/// Whether parameters are consistent.
	pub fn params_ok(p: &ParamsOf<T>) -> bool {
		p.panel_size % 2 == 1
			&& p.panel_size <= MAX_PANEL
			&& p.panel_size <= T::MaxVerifiers::get()
			&& !p.commit_period.is_zero()
			&& !p.reveal_period.is_zero()
			&& p.draw_delay >= 2u32.into()
			&& !p.min_bond.is_zero()
			&& !p.verifier_stake.is_zero()
	}

	/// Creates the certificate collection, owned by the registry's account.
	pub(crate) fn create_collection() -> Result<u32, DispatchError> {
		let account = Self::account();
		let config = CollectionConfig {
			settings: CollectionSettings::all_enabled(),
			max_supply: None,
			mint_settings: MintSettings::default(),
		};
		T::Nfts::create_collection(&account, &account, &config)
	}
}
