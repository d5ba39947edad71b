//! Governance journeys on the local network: referenda on each track, decided by
//! conviction votes of several accounts, enacted through the scheduler; a track whose
//! origin may not make a call gets nothing done; treasury spends bounded by their track;
//! proxies that do only what their names say; the Council at genesis and without sudo.

mod common;

use codec::Encode;
use common::{events, market::*, run_to_block};
use polkadot_sdk::{
	frame_support::traits::{fungible::Inspect, schedule::DispatchTime, Bounded, InstanceFilter},
	frame_system, pallet_balances, pallet_collective, pallet_conviction_voting,
	pallet_conviction_voting::{AccountVote, Conviction, Vote},
	pallet_referenda::{self, ReferendumInfo},
	pallet_treasury,
	sp_io::TestExternalities,
	sp_keyring::Sr25519Keyring,
	sp_keystore::{testing::MemoryKeystore, KeystoreExt},
	sp_runtime::{BuildStorage, DispatchError, Percent, Permill},
};
use powerverse_primitives::FeeTerms;
use powerverse_runtime::{
	genesis_config_presets::{COUNCIL_STAKE, DEVELOPMENT, LOCAL_TESTNET, TESTNET},
	governance::{pallet_custom_origins::Origin as GovOrigin, tracks::ids},
	AccountId, Balance, Balances, Leases, OriginCaller, ProxyType, Registry, Runtime, RuntimeCall,
	RuntimeEvent, TreasuryAccount, UNITS,
};

const ALICE: Sr25519Keyring = Sr25519Keyring::Alice;
const BOB: Sr25519Keyring = Sr25519Keyring::Bob;
/// The accounts that vote: the local network's funded keyring accounts.
const VOTERS: [Sr25519Keyring; 6] = [
	Sr25519Keyring::Alice,
	Sr25519Keyring::Bob,
	Sr25519Keyring::Charlie,
	Sr25519Keyring::Dave,
	Sr25519Keyring::Eve,
	Sr25519Keyring::Ferdie,
];
/// What each voter puts behind its vote.
const STAKE: Balance = 900_000 * UNITS;

fn ext(preset: &str) -> TestExternalities {
	let config = common::genesis_config(preset);
	let mut ext = TestExternalities::new(config.build_storage().expect("genesis builds"));
	ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
	ext.execute_with(|| run_to_block(1));
	ext
}

fn now() -> u32 {
	frame_system::Pallet::<Runtime>::block_number()
}

/// The last event of the journey `pick` finds something in.
fn last<R>(pick: impl Fn(RuntimeEvent) -> Option<R>) -> Option<R> {
	events().into_iter().rev().find_map(pick)
}

/// The fee the last transaction paid.
fn last_fee() -> Balance {
	last(|e| match e {
		RuntimeEvent::TransactionPayment(
			polkadot_sdk::pallet_transaction_payment::Event::TransactionFeePaid {
				actual_fee, ..
			},
		) => Some(actual_fee),
		_ => None,
	})
	.expect("a fee was paid")
}

fn reserved(k: Sr25519Keyring) -> Balance {
	Balances::reserved_balance(account(k))
}

/// Submits a referendum to dispatch `call` from `origin`, places its decision deposit (Bob)
/// and has every voter vote aye with `STAKE` locked at 1× conviction. Returns its index.
fn propose(origin: OriginCaller, call: RuntimeCall) -> u32 {
	let proposal = Bounded::Inline(call.encode().try_into().expect("a small call fits inline"));
	submit(
		ALICE,
		RuntimeCall::Referenda(pallet_referenda::Call::submit {
			proposal_origin: Box::new(origin),
			proposal,
			enactment_moment: DispatchTime::After(0),
		}),
	);
	let index = last(|e| match e {
		RuntimeEvent::Referenda(pallet_referenda::Event::Submitted { index, .. }) => Some(index),
		_ => None,
	})
	.expect("submitted");
	submit(BOB, RuntimeCall::Referenda(pallet_referenda::Call::place_decision_deposit { index }));
	for v in VOTERS {
		let vote = Vote { aye: true, conviction: Conviction::Locked1x };
		submit(
			v,
			RuntimeCall::ConvictionVoting(pallet_conviction_voting::Call::vote {
				poll_index: index,
				vote: AccountVote::Standard { vote, balance: STAKE },
			}),
		);
	}
	index
}

/// Runs blocks until every referendum of `indices` is approved and its call dispatched,
/// at most `limit` blocks; returns each dispatch's result.
fn enact(indices: &[u32], limit: u32) -> Vec<Result<(), DispatchError>> {
	let end = now() + limit;
	let approved = |i: &u32| {
		matches!(
			pallet_referenda::ReferendumInfoFor::<Runtime>::get(i),
			Some(ReferendumInfo::Approved(..))
		)
	};
	// A referendum's call is dispatched by the scheduler under the task name the
	// referendum pallet gives it: `(b"assembly", "enactment", index)` hashed.
	let dispatched = |i: u32| {
		let id =
			(*b"assembly", "enactment", i).using_encoded(polkadot_sdk::sp_io::hashing::blake2_256);
		last(|e| match e {
			RuntimeEvent::Scheduler(polkadot_sdk::pallet_scheduler::Event::Dispatched {
				id: Some(t),
				result,
				..
			}) if t == id => Some(result),
			_ => None,
		})
	};
	while now() < end {
		if indices.iter().all(approved) {
			let results: Vec<_> = indices.iter().map(|i| dispatched(*i)).collect();
			if results.iter().all(Option::is_some) {
				return results.into_iter().flatten().collect();
			}
		}
		run_to_block(now() + 1);
	}
	let infos: Vec<_> =
		indices.iter().map(pallet_referenda::ReferendumInfoFor::<Runtime>::get).collect();
	panic!("referenda {indices:?} not enacted within {limit} blocks: {infos:?}");
}

fn fee_call(fee: u32) -> RuntimeCall {
	let floor = Leases::fees().floor;
	RuntimeCall::Leases(pallet_leases::Call::set_fees {
		terms: FeeTerms { fee: Permill::from_percent(fee), burn: Percent::from_percent(40), floor },
	})
}

/// Blocks a market-admin referendum takes at most from submission to enactment on this
/// chain: prepare, the part of the decision before six of eight accounts' stake is
/// support enough, confirm, enact.
const MARKET_ADMIN_LIMIT: u32 = 10 * powerverse_runtime::DAYS;

#[test]
fn the_market_admin_track_sets_the_fee_and_no_other_origin_can() {
	ext(LOCAL_TESTNET).execute_with(|| {
		let before = Leases::fees();
		let issuance = Balances::total_issuance();

		// A token holder cannot set it.
		assert_eq!(refused(ALICE, fee_call(3)), DispatchError::BadOrigin);
		assert_eq!(Leases::fees(), before);

		// The same call on two tracks: the verifier-admission track's origin may not set fees.
		let wrong = propose(OriginCaller::Origins(GovOrigin::VerifierAdmission), fee_call(7));
		let deposit = reserved(ALICE);
		let right = propose(OriginCaller::Origins(GovOrigin::MarketAdmin), fee_call(3));
		// 10 PVC held from the proposer for each submission, the track's decision deposit
		// from Bob for each decision.
		assert_eq!(reserved(ALICE), deposit + 10 * UNITS);
		let info = |i| pallet_referenda::ReferendumInfoFor::<Runtime>::get(i);
		assert!(
			matches!(info(right), Some(ReferendumInfo::Ongoing(s)) if s.track == ids::MARKET_ADMIN)
		);
		assert!(
			matches!(info(wrong), Some(ReferendumInfo::Ongoing(s)) if s.track == ids::VERIFIER_ADMISSION)
		);

		let results = enact(&[wrong, right], MARKET_ADMIN_LIMIT);
		assert_eq!(results[0], Err(DispatchError::BadOrigin), "the wrong track is refused");
		assert_eq!(results[1], Ok(()));
		let fees = Leases::fees();
		assert_eq!(fees.fee, Permill::from_percent(3));
		assert_eq!(fees.burn, Percent::from_percent(40));
		assert_eq!(fees.floor, before.floor);

		// Both deposits come back once the referenda are approved; voters' stake stays
		// locked (1× conviction: one vote-locking period after the end).
		let bob = reserved(BOB);
		let alice = reserved(ALICE);
		for i in [wrong, right] {
			submit(
				ALICE,
				RuntimeCall::Referenda(pallet_referenda::Call::refund_submission_deposit {
					index: i,
				}),
			);
			submit(
				ALICE,
				RuntimeCall::Referenda(pallet_referenda::Call::refund_decision_deposit {
					index: i,
				}),
			);
		}
		assert_eq!(alice - reserved(ALICE), 2 * 10 * UNITS);
		// The market-admin track's decision deposit is 5,000 PVC, the verifier-admission's 1,000.
		assert_eq!(bob - reserved(BOB), 6_000 * UNITS);
		for v in VOTERS {
			assert_eq!(
				pallet_conviction_voting::ClassLocksFor::<Runtime>::get(account(v))
					.iter()
					.map(|(_, b)| *b)
					.max(),
				Some(STAKE)
			);
		}
		// Votes, deposits and fees move no PVC out of existence; what an era's end mints to
		// the treasury is all that is new.
		let minted: Balance = events()
			.into_iter()
			.filter_map(|e| match e {
				RuntimeEvent::Staking(polkadot_sdk::pallet_staking::Event::EraPaid {
					remainder,
					..
				}) => Some(remainder),
				_ => None,
			})
			.sum();
		assert_eq!(Balances::total_issuance(), issuance + minted);
	});
}

#[test]
fn the_verifier_admission_track_admits_a_verifier_the_market_admin_cannot() {
	ext(LOCAL_TESTNET).execute_with(|| {
		let ferdie = account(Sr25519Keyring::Ferdie);
		submit(
			Sr25519Keyring::Ferdie,
			RuntimeCall::Registry(pallet_registry::Call::apply_verifier {}),
		);
		let admit =
			|| RuntimeCall::Registry(pallet_registry::Call::admit_verifier { who: ferdie.clone() });
		assert_eq!(refused(ALICE, admit()), DispatchError::BadOrigin);
		let wrong = propose(OriginCaller::Origins(GovOrigin::MarketAdmin), admit());
		let right = propose(OriginCaller::Origins(GovOrigin::VerifierAdmission), admit());
		let results = enact(&[wrong, right], MARKET_ADMIN_LIMIT);
		assert_eq!(results[0], Err(DispatchError::BadOrigin));
		assert_eq!(results[1], Ok(()));
		let v = pallet_registry::Verifiers::<Runtime>::get(&ferdie).expect("admitted");
		assert!(v.active);
		Registry::do_try_state().expect("registry invariants hold");
	});
}

#[test]
fn a_small_spender_referendum_pays_within_its_limit_and_not_beyond() {
	ext(LOCAL_TESTNET).execute_with(|| {
		// The treasury gets a pot to spend (from an account that does not vote).
		submit(
			Sr25519Keyring::Two,
			RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: TreasuryAccount::get().into(),
				value: 100_000 * UNITS,
			}),
		);
		// A new account: its balance is exactly what the treasury pays it.
		let bene = AccountId::from([0x42; 32]);
		let spend = |amount| {
			RuntimeCall::Treasury(pallet_treasury::Call::spend {
				asset_kind: Box::new(()),
				amount,
				beneficiary: Box::new(bene.clone()),
				valid_from: None,
			})
		};
		let small = OriginCaller::Origins(GovOrigin::SmallSpender);
		let within = propose(small.clone(), spend(10_000 * UNITS));
		let beyond = propose(small, spend(10_000 * UNITS + 1));
		let results = enact(&[within, beyond], MARKET_ADMIN_LIMIT);
		assert_eq!(results[0], Ok(()));
		assert_eq!(
			results[1],
			Err(pallet_treasury::Error::<Runtime>::InsufficientPermission.into())
		);
		let index = last(|e| match e {
			RuntimeEvent::Treasury(pallet_treasury::Event::AssetSpendApproved {
				index,
				amount,
				..
			}) => Some((index, amount)),
			_ => None,
		})
		.expect("one spend approved");
		assert_eq!(index.1, 10_000 * UNITS);
		assert_eq!(Balances::balance(&bene), 0);
		let pot = Balances::balance(&TreasuryAccount::get());
		// Anyone (here the beneficiary's friend Dave, whose fee the treasury gets 80% of)
		// triggers the payout.
		submit(
			Sr25519Keyring::Dave,
			RuntimeCall::Treasury(pallet_treasury::Call::payout { index: index.0 }),
		);
		assert_eq!(Balances::balance(&bene), 10_000 * UNITS);
		let fee = last_fee();
		assert_eq!(
			Balances::balance(&TreasuryAccount::get()),
			pot - 10_000 * UNITS + fee * 80 / 100
		);
	});
}

#[test]
fn proxies_do_only_what_their_names_say() {
	use pallet_registry::Call as R;
	let ferdie: AccountId = Sr25519Keyring::Ferdie.to_account_id();
	let vote = RuntimeCall::ConvictionVoting(pallet_conviction_voting::Call::vote {
		poll_index: 0,
		vote: AccountVote::Standard {
			vote: Vote { aye: true, conviction: Conviction::None },
			balance: UNITS,
		},
	});
	let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: ferdie.clone().into(),
		value: UNITS,
	});
	let machine = RuntimeCall::Registry(R::transfer { resource: 0, to: ferdie.clone() });
	let rent =
		RuntimeCall::Leases(pallet_leases::Call::rent { resource: 0, hours: 1, max_price: FIXED });
	let contract = RuntimeCall::Revive(polkadot_sdk::pallet_revive::Call::call {
		dest: Default::default(),
		value: UNITS,
		weight_limit: Default::default(),
		storage_deposit_limit: 0,
		data: Vec::new(),
	});
	let list = RuntimeCall::Registry(R::list { resource: 0 });
	let bond = RuntimeCall::Staking(polkadot_sdk::pallet_staking::Call::chill {});
	let nft = RuntimeCall::Nfts(polkadot_sdk::pallet_nfts::Call::transfer {
		collection: 0,
		item: 0,
		dest: ferdie.clone().into(),
	});

	let allows = |p: ProxyType, c: &RuntimeCall| p.filter(c);
	// Nothing that moves value out of the account passes a non-transfer proxy.
	for c in [&transfer, &machine, &rent, &contract, &nft] {
		assert!(!allows(ProxyType::NonTransfer, c), "{c:?}");
		assert!(!allows(ProxyType::Governance, c), "{c:?}");
		assert!(!allows(ProxyType::Staking, c), "{c:?}");
	}
	for c in [&vote, &list, &bond] {
		assert!(allows(ProxyType::NonTransfer, c), "{c:?}");
	}
	assert!(allows(ProxyType::Governance, &vote));
	assert!(!allows(ProxyType::Governance, &list));
	assert!(!allows(ProxyType::Governance, &bond));
	// A provider's operator key lists and rents, but never gives a machine away.
	assert!(allows(ProxyType::Market, &list));
	assert!(allows(ProxyType::Market, &rent));
	assert!(!allows(ProxyType::Market, &machine));
	assert!(!allows(ProxyType::Market, &transfer));
	assert!(!allows(ProxyType::Market, &vote));
	assert!(ProxyType::NonTransfer.is_superset(&ProxyType::Governance));
	assert!(!ProxyType::NonTransfer.is_superset(&ProxyType::Market));
	assert!(!ProxyType::Market.is_superset(&ProxyType::NonTransfer));

	// And through the proxy pallet itself: a non-transfer proxy's transfer is filtered,
	// its vote goes through.
	ext(LOCAL_TESTNET).execute_with(|| {
		submit(
			ALICE,
			RuntimeCall::Proxy(polkadot_sdk::pallet_proxy::Call::add_proxy {
				delegate: account(BOB).into(),
				proxy_type: ProxyType::NonTransfer,
				delay: 0,
			}),
		);
		let before = Balances::balance(&ferdie);
		submit(
			BOB,
			RuntimeCall::Proxy(polkadot_sdk::pallet_proxy::Call::proxy {
				real: account(ALICE).into(),
				force_proxy_type: None,
				call: Box::new(transfer.clone()),
			}),
		);
		let filtered = last(|e| match e {
			RuntimeEvent::Proxy(polkadot_sdk::pallet_proxy::Event::ProxyExecuted { result }) => {
				Some(result)
			},
			_ => None,
		})
		.expect("the proxy ran");
		assert_eq!(filtered, Err(frame_system::Error::<Runtime>::CallFiltered.into()));
		assert_eq!(Balances::balance(&ferdie), before);
	});
}

#[test]
fn networks_without_sudo_have_a_council_from_genesis() {
	ext(TESTNET).execute_with(|| {
		assert_eq!(polkadot_sdk::pallet_sudo::Key::<Runtime>::get(), None);
		let council = pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get();
		assert_eq!(council.len(), 4);
		for m in &council {
			let seat = polkadot_sdk::pallet_elections_phragmen::Members::<Runtime>::get();
			assert!(seat.iter().any(|s| &s.who == m && s.stake == COUNCIL_STAKE));
		}
	});
	ext(DEVELOPMENT).execute_with(|| {
		assert_eq!(polkadot_sdk::pallet_sudo::Key::<Runtime>::get(), Some(account(ALICE)));
		assert_eq!(
			pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get(),
			vec![account(ALICE)]
		);
	});
}

fn sudo(call: RuntimeCall) {
	submit(
		ALICE,
		RuntimeCall::Sudo(polkadot_sdk::pallet_sudo::Call::sudo { call: Box::new(call) }),
	);
	let result = last(|e| match e {
		RuntimeEvent::Sudo(polkadot_sdk::pallet_sudo::Event::Sudid { sudo_result }) => {
			Some(sudo_result)
		},
		_ => None,
	});
	assert_eq!(result, Some(Ok(())));
}

#[test]
fn a_frozen_tenant_cannot_rent_and_keeps_its_money_until_unfrozen() {
	use powerverse_primitives::Status;
	market().execute_with(|| {
		let eve = account(TENANT);
		sudo(RuntimeCall::Arbitration(pallet_arbitration::Call::freeze {
			who: eve.clone(),
			reason: [7; 32].into(),
		}));
		let rent = || {
			RuntimeCall::Leases(pallet_leases::Call::rent {
				resource: 0,
				hours: 2,
				max_price: FIXED,
			})
		};
		let free = Balances::balance(&eve);
		assert_eq!(refused(TENANT, rent()), pallet_leases::Error::<Runtime>::AccountFrozen.into());
		// Only the transaction's fee left the account; nothing is held, the machine is free.
		let fee = last_fee();
		assert_eq!(Balances::balance(&eve), free - fee);
		assert_eq!(escrow(TENANT), 0);
		assert_eq!(pallet_registry::Resources::<Runtime>::get(0).unwrap().status, Status::Listed);
		check();

		sudo(RuntimeCall::Arbitration(pallet_arbitration::Call::unfreeze { who: eve }));
		submit(TENANT, rent());
		assert_eq!(pallet_registry::Resources::<Runtime>::get(0).unwrap().status, Status::Rented);
		check();
	});
}

#[test]
fn the_administrator_track_blacklists_a_provider_whose_machines_leave_the_market() {
	use powerverse_primitives::Status;
	market().execute_with(|| {
		let ferdie = account(PROVIDER);
		let blacklist = || {
			RuntimeCall::Arbitration(pallet_arbitration::Call::blacklist {
				who: ferdie.clone(),
				reason: [9; 32].into(),
			})
		};
		assert_eq!(refused(ALICE, blacklist()), DispatchError::BadOrigin);
		let wrong = propose(OriginCaller::Origins(GovOrigin::MarketAdmin), blacklist());
		let right = propose(OriginCaller::Origins(GovOrigin::Administrator), blacklist());
		let results = enact(&[wrong, right], MARKET_ADMIN_LIMIT);
		assert_eq!(results[0], Err(DispatchError::BadOrigin));
		assert_eq!(results[1], Ok(()));
		// Ferdie's two listed machines are off the market; Dave's and Charlie's are not.
		let status = |id| pallet_registry::Resources::<Runtime>::get(id).unwrap().status;
		assert_eq!(
			(status(0), status(1), status(2), status(3)),
			(Status::Idle, Status::Idle, Status::Listed, Status::Listed)
		);
		assert_eq!(
			refused(PROVIDER, RuntimeCall::Registry(pallet_registry::Call::list { resource: 0 })),
			pallet_registry::Error::<Runtime>::AccountBlacklisted.into()
		);
		assert_eq!(
			refused(
				TENANT,
				RuntimeCall::Leases(pallet_leases::Call::rent {
					resource: 0,
					hours: 1,
					max_price: FIXED
				})
			),
			pallet_leases::Error::<Runtime>::AccountBlacklisted.into()
		);
		check();
	});
}

#[test]
fn a_provider_with_the_most_machines_can_still_be_blacklisted_in_one_call() {
	use pallet_arbitration::WeightInfo as _;
	use polkadot_sdk::frame_support::dispatch::DispatchClass;
	// A provider who registers as many machines as the registry allows must not make its
	// own blacklisting too heavy for a block, nor for the scheduler that enacts it.
	let most = powerverse_runtime::MaxResourcesPerOwner::get();
	let weight = <Runtime as pallet_arbitration::Config>::WeightInfo::blacklist(most);
	let block = powerverse_runtime::RuntimeBlockWeights::get();
	let normal = block.get(DispatchClass::Normal).max_extrinsic.expect("normal calls are bounded");
	assert!(weight.all_lte(normal), "{weight:?} over a block's {normal:?}");
	assert!(weight.all_lte(powerverse_runtime::MaximumSchedulerWeight::get()));
}
