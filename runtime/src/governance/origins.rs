//! The origins a referendum dispatches from, one per track, and the checks other pallets'
//! configs use to accept them.
//!
//! A passed referendum on a track dispatches its call from that track's origin; a pallet
//! accepts the call if its config names the origin (usually together with root, see
//! [`super::ensure`]). So each origin is a bounded power: the market admin cannot spend
//! treasury funds, a small spender cannot spend more than 10,000 PVC.

pub use pallet_custom_origins::*;

use polkadot_sdk::frame_support;

/// A pallet with no calls and no storage: it only declares [`Origin`], which
/// `#[frame_support::runtime]` adds to the runtime's `OriginCaller`.
#[frame_support::pallet]
pub mod pallet_custom_origins {
	use crate::{Balance, UNITS};
	use polkadot_sdk::frame_support::pallet_prelude::*;

	/// Nothing to configure.
	// The pallet macro only accepts the supertrait under the path it reaches
	// `frame_system` by, which in this crate is through the umbrella.
	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {}

	/// The pallet.
	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// The governance origins; each is what a referendum on the track of the same name
	/// dispatches from.
	#[derive(
		PartialEq, Eq, Clone, MaxEncodedLen, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug,
	)]
	#[pallet::origin]
	pub enum Origin {
		/// Administers the treasury (rejecting proposals, voiding spends) and spends up to
		/// 10,000,000 PVC at once.
		Treasurer,
		/// Spends up to 10,000 PVC from the treasury at once.
		SmallSpender,
		/// Spends up to 100,000 PVC from the treasury at once.
		MediumSpender,
		/// Spends up to 1,000,000 PVC from the treasury at once.
		BigSpender,
		/// Sets the market's parameters: fees, the burn floor, score weights and the GPU
		/// model table, bonds, and the parameters of verification.
		MarketAdmin,
		/// Admits and removes verifiers, and forces the verdict of a verification.
		VerifierAdmission,
		/// Decides appeals against arbitration rulings.
		ArbitrationAppeals,
		/// Freezes and blacklists accounts.
		Administrator,
	}

	/// Declares, for each listed origin, a struct of the same name that passes that origin
	/// alone and yields the given success value (`()` if none is given).
	macro_rules! decl_unit_ensures {
		( $name:ident: $success_type:ty = $success:expr ) => {
			#[doc = concat!("Passes the [`Origin::", stringify!($name), "`] origin only.")]
			pub struct $name;
			impl<O: Into<Result<Origin, O>> + From<Origin>> EnsureOrigin<O> for $name {
				type Success = $success_type;
				fn try_origin(o: O) -> Result<Self::Success, O> {
					o.into().and_then(|o| match o {
						Origin::$name => Ok($success),
						r => Err(O::from(r)),
					})
				}
				#[cfg(feature = "runtime-benchmarks")]
				fn try_successful_origin() -> Result<O, ()> {
					Ok(O::from(Origin::$name))
				}
			}
		};
		( $name:ident ) => { decl_unit_ensures! { $name : () = () } };
		( $name:ident: $success_type:ty = $success:expr, $( $rest:tt )* ) => {
			decl_unit_ensures! { $name: $success_type = $success }
			decl_unit_ensures! { $( $rest )* }
		};
		( $name:ident, $( $rest:tt )* ) => {
			decl_unit_ensures! { $name }
			decl_unit_ensures! { $( $rest )* }
		};
		() => {}
	}
	decl_unit_ensures!(
		Treasurer,
		MarketAdmin,
		VerifierAdmission,
		ArbitrationAppeals,
		Administrator,
	);

	/// Declares a struct that passes any of the listed origins, each yielding its own
	/// success value.
	macro_rules! decl_ensure {
		(
			$(#[$attr:meta])*
			$vis:vis type $name:ident: EnsureOrigin<Success = $success_type:ty> {
				$( $item:ident = $success:expr, )*
			}
		) => {
			$(#[$attr])*
			$vis struct $name;
			impl<O: Into<Result<Origin, O>> + From<Origin>> EnsureOrigin<O> for $name {
				type Success = $success_type;
				fn try_origin(o: O) -> Result<Self::Success, O> {
					o.into().and_then(|o| match o {
						$(
							Origin::$item => Ok($success),
						)*
						r => Err(O::from(r)),
					})
				}
				#[cfg(feature = "runtime-benchmarks")]
				fn try_successful_origin() -> Result<O, ()> {
					// The most privileged origin is listed last; it passes the most checks.
					let _result: Result<O, ()> = Err(());
					$(
						let _result: Result<O, ()> = Ok(O::from(Origin::$item));
					)*
					_result
				}
			}
		}
	}

	decl_ensure! {
		/// Passes the spending origins; succeeds with the most the origin may spend at
		/// once, which the treasury checks each spend against.
		pub type Spender: EnsureOrigin<Success = Balance> {
			SmallSpender = 10_000 * UNITS,
			MediumSpender = 100_000 * UNITS,
			BigSpender = 1_000_000 * UNITS,
			Treasurer = 10_000_000 * UNITS,
		}
	}
}
