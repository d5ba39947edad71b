//! Renting compute as users do it, through signed transactions on the development chain
//! with two machines listed at genesis (one at a fixed price, one in a Dutch auction):
//! rent → the lease ends → the provider is paid, the fee burned and sent to the treasury →
//! both sides rate; rent → ended early; a Dutch auction rented at its price of the block.

mod common;

use common::{events, market::*, run_to_block, signed};
use polkadot_sdk::{
	sp_keyring::Sr25519Keyring,
	sp_runtime::{Percent, Permill},
};
use powerverse_primitives::Status;
use powerverse_runtime::{
	Balances, Executive, Registry, Runtime, RuntimeCall, RuntimeEvent, Scoring, HOURS, UNITS,
};

type LeasesCall = pallet_leases::Call<Runtime>;

#[test]
fn rent_until_the_end_pays_the_provider_burns_and_funds_the_treasury_then_ratings() {
	market().execute_with(|| {
		submit(
			TENANT,
			RuntimeCall::Leases(LeasesCall::rent { resource: 0, hours: 3, max_price: FIXED }),
		);
		let (lease, end, price, held) = rented();
		assert_eq!((price, held, end), (FIXED, 3 * FIXED, 1 + 3 * HOURS));
		assert_eq!(escrow(TENANT), 3 * FIXED);
		let view = Registry::resource(0).unwrap();
		assert_eq!((view.status, view.tenant), (Status::Rented, Some(account(TENANT))));
		check();

		run_to_block(end - 1);
		let (provider, issuance, fund) = (free(PROVIDER), Balances::total_issuance(), treasury());
		run_to_block(end);
		// 6 PVC of rent; the 5% fee is 0.3 PVC: 40% of it burned, the rest to the treasury.
		let fee = Permill::from_percent(5) * (3 * FIXED);
		let burned = Percent::from_percent(40) * fee;
		assert_eq!(free(PROVIDER) - provider, 3 * FIXED - fee);
		assert_eq!(issuance - Balances::total_issuance(), burned);
		assert_eq!(treasury() - fund, fee - burned);
		assert_eq!(escrow(TENANT), 0);
		assert!(events().iter().any(|e| matches!(
			e,
			RuntimeEvent::Leases(pallet_leases::Event::Settled { lease: l, refunded: 0, .. })
				if *l == lease
		)));
		assert_eq!(Registry::resource(0).unwrap().status, Status::Listed);
		check();

		// Both rate: the provider's reputation rises above neutral, the tenant's falls.
		submit(TENANT, RuntimeCall::Leases(LeasesCall::rate { lease, stars: 5, comment: None }));
		submit(PROVIDER, RuntimeCall::Leases(LeasesCall::rate { lease, stars: 2, comment: None }));
		assert!(Scoring::reputation_of(&account(PROVIDER)) > 500);
		assert!(Scoring::reputation_of(&account(TENANT)) < 500);
		let again = Executive::apply_extrinsic(signed(
			&TENANT.pair(),
			RuntimeCall::Leases(LeasesCall::rate { lease, stars: 1, comment: None }),
		))
		.expect("valid");
		assert!(again.is_err(), "a side rates once");
	});
}

#[test]
fn a_tenant_ends_a_lease_early_and_gets_the_rest_back() {
	market().execute_with(|| {
		submit(
			TENANT,
			RuntimeCall::Leases(LeasesCall::rent { resource: 0, hours: 2, max_price: FIXED }),
		);
		let (lease, _, _, _) = rented();
		run_to_block(1 + HOURS / 2);
		let provider = free(PROVIDER);
		submit(TENANT, RuntimeCall::Leases(LeasesCall::terminate { lease }));
		// A quarter of the two hours was used.
		let gross = 2 * FIXED / 4;
		assert_eq!(free(PROVIDER) - provider, gross - Permill::from_percent(5) * gross);
		assert_eq!(escrow(TENANT), 0);
		assert!(events().iter().any(|e| matches!(
			e,
			RuntimeEvent::Leases(pallet_leases::Event::Settled { refunded, .. })
				if *refunded == 2 * FIXED - gross
		)));
		assert_eq!(Registry::resource(0).unwrap().status, Status::Listed);
		check();
	});
}

#[test]
fn a_dutch_auction_is_rented_at_the_price_of_its_block() {
	market().execute_with(|| {
		// Listed at genesis: three hours later it has fallen 0.03 PVC.
		run_to_block(3 * HOURS + 5);
		let now = 12 * UNITS / 100;
		assert_eq!(
			<Registry as powerverse_primitives::Resources<_, _, _>>::facts(1).unwrap().price,
			now
		);
		// A tenant who will pay at most 0.11 is refused, and nothing is held.
		let low = Executive::apply_extrinsic(signed(
			&TENANT.pair(),
			RuntimeCall::Leases(LeasesCall::rent {
				resource: 1,
				hours: 1,
				max_price: now - UNITS / 100,
			}),
		))
		.expect("valid");
		assert!(low.is_err());
		assert_eq!(escrow(TENANT), 0);
		submit(
			TENANT,
			RuntimeCall::Leases(LeasesCall::rent { resource: 1, hours: 4, max_price: now }),
		);
		let (_, _, price, held) = rented();
		assert_eq!((price, held), (now, 4 * now));
		check();
	});
}

#[test]
fn a_dispute_freezes_the_rent_until_governance_rules() {
	use polkadot_sdk::{pallet_sudo, sp_runtime::Perbill};
	market().execute_with(|| {
		submit(
			TENANT,
			RuntimeCall::Leases(LeasesCall::rent { resource: 0, hours: 2, max_price: FIXED }),
		);
		let (lease, end, _, _) = rented();
		// An hour in, the tenant disputes: the lease stops, the hour used stays in escrow for
		// the ruling and the unused hour comes back at once.
		run_to_block(1 + HOURS);
		submit(TENANT, RuntimeCall::Leases(LeasesCall::dispute { lease }));
		assert!(Registry::resource(0).unwrap().disputed);
		assert_eq!(escrow(TENANT), FIXED);
		run_to_block(end + 1);
		// The machine is back, the used hour still held.
		assert_eq!(escrow(TENANT), FIXED);
		assert_eq!(Registry::resource(0).unwrap().status, Status::Listed);
		let (tenant, provider) = (free(TENANT), free(PROVIDER));
		submit(
			Sr25519Keyring::Alice,
			RuntimeCall::Sudo(pallet_sudo::Call::sudo {
				call: Box::new(RuntimeCall::Leases(LeasesCall::rule {
					lease,
					provider_share: Perbill::zero(),
				})),
			}),
		);
		assert_eq!(free(TENANT) - tenant, FIXED);
		assert_eq!(free(PROVIDER), provider);
		assert!(!Registry::resource(0).unwrap().disputed);
		assert!(Scoring::reputation_of(&account(PROVIDER)) < 500, "the ruling costs reputation");
		check();
		// The machine can be rented again.
		submit(
			Sr25519Keyring::Dave,
			RuntimeCall::Leases(LeasesCall::rent { resource: 0, hours: 1, max_price: FIXED }),
		);
		assert_eq!(Registry::resource(0).unwrap().status, Status::Rented);
		check();
	});
}
