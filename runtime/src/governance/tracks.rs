//! The referendum tracks: for each origin a referendum may dispatch from, how long it is
//! prepared, decided and confirmed, what deposit starts the decision, how many may be
//! decided at once, and how much approval and support it needs as the decision goes on.
//!
//! The more an origin can do, the higher its deposit and the more approval and support it
//! needs for longer. Periods are production ones; with the `fast-runtime` feature every
//! track takes a few minutes instead (prepare 1, decide up to 5, confirm 1, enact after 1),
//! so a local network sees a referendum pass.

use super::origins;
use crate::{AccountId, Balance, BlockNumber, RuntimeOrigin, DAYS, HOURS, MINUTES, UNITS};
use alloc::borrow::Cow;
use polkadot_sdk::{
	frame_support::traits::OriginTrait,
	frame_system,
	pallet_referenda::{Curve, Track, TrackInfo},
	sp_runtime::{str_array as s, FixedI64},
};

/// The id of a track.
pub type TrackId = u16;

/// The id of every track: what `Referenda::submit` files a referendum under, given its
/// origin. Ids are grouped by concern (root and the treasurer 0–9, spenders 10–19, the
/// marketplace 20–29) with room left in each group.
pub mod ids {
	use super::TrackId;

	/// `Root`: anything, including runtime upgrades.
	pub const ROOT: TrackId = 0;
	/// `Treasurer`: treasury administration and spends up to 10,000,000 PVC.
	pub const TREASURER: TrackId = 1;
	/// `SmallSpender`: spends up to 10,000 PVC.
	pub const SMALL_SPENDER: TrackId = 10;
	/// `MediumSpender`: spends up to 100,000 PVC.
	pub const MEDIUM_SPENDER: TrackId = 11;
	/// `BigSpender`: spends up to 1,000,000 PVC.
	pub const BIG_SPENDER: TrackId = 12;
	/// `MarketAdmin`: market parameters.
	pub const MARKET_ADMIN: TrackId = 20;
	/// `VerifierAdmission`: admitting and removing verifiers, forced verdicts.
	pub const VERIFIER_ADMISSION: TrackId = 21;
	/// `ArbitrationAppeals`: appeals against arbitration rulings.
	pub const ARBITRATION_APPEALS: TrackId = 22;
	/// `Administrator`: freezing and blacklisting accounts.
	pub const ADMINISTRATOR: TrackId = 23;
}

/// `prod` normally, `fast` with the `fast-runtime` feature.
const fn prod_or_fast(prod: BlockNumber, fast: BlockNumber) -> BlockNumber {
	if cfg!(feature = "fast-runtime") {
		fast
	} else {
		prod
	}
}

/// Every track waits this long before a decision may start, with `fast-runtime`.
const FAST_PREPARE: BlockNumber = MINUTES;
/// Every track's decision period with `fast-runtime`.
const FAST_DECISION: BlockNumber = 5 * MINUTES;
/// Every track's confirmation period with `fast-runtime`.
const FAST_CONFIRM: BlockNumber = MINUTES;
/// Every track's least enactment delay with `fast-runtime`.
const FAST_ENACTMENT: BlockNumber = MINUTES;

/// `x` percent as a fixed-point number, for the curves below.
const fn percent(x: i32) -> FixedI64 {
	FixedI64::from_rational(x as u128, 100)
}

// The curves are those of Polkadot's OpenGov (as asset-hub-westend has them). Their first
// two arguments are a point in the decision period as a fraction (12 of 28 is three sevenths
// of the way in), so they scale with the period, the `fast-runtime` one included.
// Approval (aye share of conviction-weighted votes) starts near 100% and falls to 50%;
// support (ayes as a share of all PVC, without conviction) starts at 50% and falls to 0%,
// slowly for powerful origins, quickly for routine ones.

/// Root: approval falls to 80% a seventh of the way in, to 50% at the end.
const APP_ROOT: Curve = Curve::make_reciprocal(4, 28, percent(80), percent(50), percent(100));
/// Root: support falls evenly from 50% to 0% over the whole period.
const SUP_ROOT: Curve = Curve::make_linear(28, 28, percent(0), percent(50));
/// Treasurer: as root.
const APP_TREASURER: Curve = Curve::make_reciprocal(4, 28, percent(80), percent(50), percent(100));
/// Treasurer: as root.
const SUP_TREASURER: Curve = Curve::make_linear(28, 28, percent(0), percent(50));
/// Small spender: approval falls evenly to 50% over the first 17/28.
const APP_SMALL_SPENDER: Curve = Curve::make_linear(17, 28, percent(50), percent(100));
/// Small spender: support falls to 1% at 12/28.
const SUP_SMALL_SPENDER: Curve =
	Curve::make_reciprocal(12, 28, percent(1), percent(0), percent(50));
/// Medium spender: approval falls evenly to 50% over the first 23/28.
const APP_MEDIUM_SPENDER: Curve = Curve::make_linear(23, 28, percent(50), percent(100));
/// Medium spender: support falls to 1% at 16/28.
const SUP_MEDIUM_SPENDER: Curve =
	Curve::make_reciprocal(16, 28, percent(1), percent(0), percent(50));
/// Big spender: approval falls evenly to 50% over the whole period.
const APP_BIG_SPENDER: Curve = Curve::make_linear(28, 28, percent(50), percent(100));
/// Big spender: support falls to 1% at 20/28.
const SUP_BIG_SPENDER: Curve = Curve::make_reciprocal(20, 28, percent(1), percent(0), percent(50));
/// Market admin: as Polkadot's general admin; approval as root.
const APP_MARKET_ADMIN: Curve =
	Curve::make_reciprocal(4, 28, percent(80), percent(50), percent(100));
/// Market admin: support falls to 10% at a quarter of the period.
const SUP_MARKET_ADMIN: Curve = Curve::make_reciprocal(7, 28, percent(10), percent(0), percent(50));
/// Verifier admission: as Polkadot's staking admin; approval as the small spender.
const APP_VERIFIER_ADMISSION: Curve = Curve::make_linear(17, 28, percent(50), percent(100));
/// Verifier admission: support as the small spender.
const SUP_VERIFIER_ADMISSION: Curve =
	Curve::make_reciprocal(12, 28, percent(1), percent(0), percent(50));
/// Arbitration appeals: few holders vote on one deal's dispute, so support falls fastest,
/// as on Polkadot's big tipper track; approval falls evenly to 50% over the first 10/28.
const APP_ARBITRATION_APPEALS: Curve = Curve::make_linear(10, 28, percent(50), percent(100));
/// Arbitration appeals: support falls to 1% at 8/28.
const SUP_ARBITRATION_APPEALS: Curve =
	Curve::make_reciprocal(8, 28, percent(1), percent(0), percent(50));
/// Administrator: as Polkadot's referendum killer; approval as the small spender.
const APP_ADMINISTRATOR: Curve = Curve::make_linear(17, 28, percent(50), percent(100));
/// Administrator: support as the small spender.
const SUP_ADMINISTRATOR: Curve =
	Curve::make_reciprocal(12, 28, percent(1), percent(0), percent(50));

/// The tracks, sorted by id as `TracksInfo::tracks` must return them.
static TRACKS: [Track<TrackId, Balance, BlockNumber>; 9] = [
	Track {
		id: ids::ROOT,
		info: TrackInfo {
			name: s("root"),
			// One at a time: root can do anything, each deserves full attention.
			max_deciding: 1,
			decision_deposit: 100_000 * UNITS,
			prepare_period: prod_or_fast(2 * HOURS, FAST_PREPARE),
			decision_period: prod_or_fast(28 * DAYS, FAST_DECISION),
			confirm_period: prod_or_fast(DAYS, FAST_CONFIRM),
			min_enactment_period: prod_or_fast(DAYS, FAST_ENACTMENT),
			min_approval: APP_ROOT,
			min_support: SUP_ROOT,
		},
	},
	Track {
		id: ids::TREASURER,
		info: TrackInfo {
			name: s("treasurer"),
			max_deciding: 10,
			decision_deposit: 1_000 * UNITS,
			prepare_period: prod_or_fast(2 * HOURS, FAST_PREPARE),
			decision_period: prod_or_fast(28 * DAYS, FAST_DECISION),
			// A week: spends this large leave holders time to react.
			confirm_period: prod_or_fast(7 * DAYS, FAST_CONFIRM),
			min_enactment_period: prod_or_fast(DAYS, FAST_ENACTMENT),
			min_approval: APP_TREASURER,
			min_support: SUP_TREASURER,
		},
	},
	Track {
		id: ids::SMALL_SPENDER,
		info: TrackInfo {
			name: s("small_spender"),
			max_deciding: 50,
			decision_deposit: 100 * UNITS,
			prepare_period: prod_or_fast(4 * HOURS, FAST_PREPARE),
			decision_period: prod_or_fast(28 * DAYS, FAST_DECISION),
			confirm_period: prod_or_fast(12 * HOURS, FAST_CONFIRM),
			min_enactment_period: prod_or_fast(DAYS, FAST_ENACTMENT),
			min_approval: APP_SMALL_SPENDER,
			min_support: SUP_SMALL_SPENDER,
		},
	},
	Track {
		id: ids::MEDIUM_SPENDER,
		info: TrackInfo {
			name: s("medium_spender"),
			max_deciding: 50,
			decision_deposit: 200 * UNITS,
			prepare_period: prod_or_fast(4 * HOURS, FAST_PREPARE),
			decision_period: prod_or_fast(28 * DAYS, FAST_DECISION),
			confirm_period: prod_or_fast(DAYS, FAST_CONFIRM),
			min_enactment_period: prod_or_fast(DAYS, FAST_ENACTMENT),
			min_approval: APP_MEDIUM_SPENDER,
			min_support: SUP_MEDIUM_SPENDER,
		},
	},
	Track {
		id: ids::BIG_SPENDER,
		info: TrackInfo {
			name: s("big_spender"),
			max_deciding: 50,
			decision_deposit: 400 * UNITS,
			prepare_period: prod_or_fast(4 * HOURS, FAST_PREPARE),
			decision_period: prod_or_fast(28 * DAYS, FAST_DECISION),
			confirm_period: prod_or_fast(2 * DAYS, FAST_CONFIRM),
			min_enactment_period: prod_or_fast(DAYS, FAST_ENACTMENT),
			min_approval: APP_BIG_SPENDER,
			min_support: SUP_BIG_SPENDER,
		},
	},
	Track {
		id: ids::MARKET_ADMIN,
		info: TrackInfo {
			name: s("market_admin"),
			max_deciding: 10,
			decision_deposit: 5_000 * UNITS,
			prepare_period: prod_or_fast(2 * HOURS, FAST_PREPARE),
			decision_period: prod_or_fast(28 * DAYS, FAST_DECISION),
			confirm_period: prod_or_fast(DAYS, FAST_CONFIRM),
			// A day, so providers and tenants see new fees and bonds before they apply.
			min_enactment_period: prod_or_fast(DAYS, FAST_ENACTMENT),
			min_approval: APP_MARKET_ADMIN,
			min_support: SUP_MARKET_ADMIN,
		},
	},
	Track {
		id: ids::VERIFIER_ADMISSION,
		info: TrackInfo {
			name: s("verifier_admission"),
			max_deciding: 20,
			decision_deposit: 1_000 * UNITS,
			prepare_period: prod_or_fast(2 * HOURS, FAST_PREPARE),
			// Admissions and removals are routine: two weeks rather than four.
			decision_period: prod_or_fast(14 * DAYS, FAST_DECISION),
			confirm_period: prod_or_fast(12 * HOURS, FAST_CONFIRM),
			// An hour, so a dishonest verifier is removed before it sits on more panels.
			min_enactment_period: prod_or_fast(HOURS, FAST_ENACTMENT),
			min_approval: APP_VERIFIER_ADMISSION,
			min_support: SUP_VERIFIER_ADMISSION,
		},
	},
	Track {
		id: ids::ARBITRATION_APPEALS,
		info: TrackInfo {
			name: s("arbitration_appeals"),
			// Every disputed deal may be appealed: many at once.
			max_deciding: 100,
			// Low, so a tenant or provider can afford to appeal; it is refunded unless
			// the appeal is killed.
			decision_deposit: 100 * UNITS,
			prepare_period: prod_or_fast(HOURS, FAST_PREPARE),
			// A week: the parties of a disputed deal should not wait a month for a verdict.
			decision_period: prod_or_fast(7 * DAYS, FAST_DECISION),
			confirm_period: prod_or_fast(DAYS, FAST_CONFIRM),
			min_enactment_period: prod_or_fast(10 * MINUTES, FAST_ENACTMENT),
			min_approval: APP_ARBITRATION_APPEALS,
			min_support: SUP_ARBITRATION_APPEALS,
		},
	},
	Track {
		id: ids::ADMINISTRATOR,
		info: TrackInfo {
			name: s("administrator"),
			max_deciding: 10,
			// High: freezing someone's account should not be cheap to ask for.
			decision_deposit: 10_000 * UNITS,
			prepare_period: prod_or_fast(HOURS, FAST_PREPARE),
			decision_period: prod_or_fast(14 * DAYS, FAST_DECISION),
			// Short confirmation and enactment: a freeze is urgent, or the funds are gone.
			confirm_period: prod_or_fast(3 * HOURS, FAST_CONFIRM),
			min_enactment_period: prod_or_fast(10 * MINUTES, FAST_ENACTMENT),
			min_approval: APP_ADMINISTRATOR,
			min_support: SUP_ADMINISTRATOR,
		},
	},
];

/// The runtime's tracks, for `pallet_referenda::Config::Tracks`.
pub struct TracksInfo;

impl polkadot_sdk::pallet_referenda::TracksInfo<Balance, BlockNumber> for TracksInfo {
	type Id = TrackId;
	type RuntimeOrigin = <RuntimeOrigin as OriginTrait>::PalletsOrigin;

	fn tracks() -> impl Iterator<Item = Cow<'static, Track<Self::Id, Balance, BlockNumber>>> {
		TRACKS.iter().map(Cow::Borrowed)
	}

	fn track_for(origin: &Self::RuntimeOrigin) -> Result<Self::Id, ()> {
		if let Ok(system_origin) = frame_system::RawOrigin::<AccountId>::try_from(origin.clone()) {
			match system_origin {
				frame_system::RawOrigin::Root => Ok(ids::ROOT),
				// Signed and none origins have no track: they need no referendum.
				_ => Err(()),
			}
		} else if let Ok(custom_origin) = origins::Origin::try_from(origin.clone()) {
			match custom_origin {
				origins::Origin::Treasurer => Ok(ids::TREASURER),
				origins::Origin::SmallSpender => Ok(ids::SMALL_SPENDER),
				origins::Origin::MediumSpender => Ok(ids::MEDIUM_SPENDER),
				origins::Origin::BigSpender => Ok(ids::BIG_SPENDER),
				origins::Origin::MarketAdmin => Ok(ids::MARKET_ADMIN),
				origins::Origin::VerifierAdmission => Ok(ids::VERIFIER_ADMISSION),
				origins::Origin::ArbitrationAppeals => Ok(ids::ARBITRATION_APPEALS),
				origins::Origin::Administrator => Ok(ids::ADMINISTRATOR),
			}
		} else {
			// The council's origin (and any other pallet's) cannot be dispatched by a
			// referendum.
			Err(())
		}
	}
}
