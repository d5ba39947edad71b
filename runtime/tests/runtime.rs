//! The runtime as a whole, natively: each genesis preset builds a chain that works, a
//! transfer costs the fee the fee model promises, a forged transaction changes nothing,
//! and staking elects the validators with the most backing, who are then paid.

mod common;

use codec::Encode;
use common::{events, new_ext, run_to_block, signed};
use polkadot_sdk::{
	frame_support::traits::fungible::InspectHold,
	frame_support::{assert_ok, dispatch::GetDispatchInfo},
	pallet_balances,
	pallet_revive::{self, AddressMapper},
	pallet_staking, pallet_sudo, pallet_transaction_payment,
	sp_core::H160,
	sp_io::TestExternalities,
	sp_keyring::Sr25519Keyring,
	sp_runtime::{
		transaction_validity::{InvalidTransaction, TransactionValidityError},
		MultiAddress,
	},
};
use powerverse_runtime::{
	genesis_config_presets::{
		self, eth_account, DEVELOPMENT, ENDOWMENT, ETH_DEV_ADDRESSES, LOCAL_TESTNET, TESTNET,
		VALIDATOR_BOND,
	},
	AccountId, Babe, Balance, Balances, BalancesCall, CollectionDeposit, Executive, Grandpa,
	Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, SessionKeys, Staking, System,
	TransactionPayment, TreasuryAccount, EPOCH_DURATION_IN_BLOCKS, EXISTENTIAL_DEPOSIT,
	SESSIONS_PER_ERA, UNITS,
};

fn free(who: &AccountId) -> Balance {
	Balances::free_balance(who)
}

#[test]
fn every_preset_builds_a_working_genesis() {
	let names = genesis_config_presets::preset_names();
	assert_eq!(names, [DEVELOPMENT, LOCAL_TESTNET, TESTNET]);

	let dev_accounts = (Sr25519Keyring::iter().count() + ETH_DEV_ADDRESSES.len()) as Balance;
	for (preset, validators, has_sudo, issuance) in [
		(DEVELOPMENT, 1, true, dev_accounts * ENDOWMENT),
		(LOCAL_TESTNET, 4, true, dev_accounts * ENDOWMENT),
		(TESTNET, 4, false, 4 * ENDOWMENT),
	] {
		new_ext(preset).execute_with(|| {
			let set = pallet_session::Validators::<Runtime>::get();
			assert_eq!(set.len(), validators, "{preset}: session validators");
			assert_eq!(Babe::authorities().len(), validators, "{preset}: BABE authorities");
			assert_eq!(Grandpa::grandpa_authorities().len(), validators, "{preset}: GRANDPA");
			assert_eq!(pallet_staking::ValidatorCount::<Runtime>::get(), validators as u32);
			assert_eq!(pallet_sudo::Key::<Runtime>::get().is_some(), has_sudo, "{preset}: sudo");
			// The treasury's, pallet-revive's and the registry's accounts are created at
			// genesis with the existential deposit; the registry's also with the deposit of
			// the certificate collection it creates.
			assert_eq!(
				pallet_balances::TotalIssuance::<Runtime>::get(),
				issuance + 3 * EXISTENTIAL_DEPOSIT + CollectionDeposit::get()
			);
			for v in set {
				let ledger = pallet_staking::Ledger::<Runtime>::get(&v).expect("bonded");
				assert_eq!(ledger.total, VALIDATOR_BOND, "{preset}: bond of {v}");
				assert!(pallet_staking::Validators::<Runtime>::contains_key(&v));
			}
		});
	}
}

#[test]
fn unknown_preset_is_refused() {
	assert!(genesis_config_presets::get_preset(&"mainnet".into()).is_none());
}

#[test]
fn transfer_pays_the_predicted_fee_split_between_treasury_and_author() {
	new_ext(DEVELOPMENT).execute_with(|| {
		let alice = Sr25519Keyring::Alice;
		let dest = AccountId::new([7u8; 32]);
		let amount = 10 * UNITS;
		let call = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
			dest: MultiAddress::Id(dest.clone()),
			value: amount,
		});
		let xt = signed(&alice.pair(), call);
		let len = xt.encoded_size() as u32;
		let predicted = TransactionPayment::compute_fee(len, &xt.get_dispatch_info(), 0);
		let treasury = TreasuryAccount::get();
		let (alice_before, treasury_before) = (free(&alice.to_account_id()), free(&treasury));

		assert_ok!(Executive::apply_extrinsic(xt).expect("valid transaction"));

		let paid = events()
			.into_iter()
			.find_map(|e| match e {
				RuntimeEvent::TransactionPayment(
					pallet_transaction_payment::Event::TransactionFeePaid { actual_fee, .. },
				) => Some(actual_fee),
				_ => None,
			})
			.expect("fee event");
		assert_eq!(paid, predicted, "the fee charged is the fee `payment_queryInfo` predicts");
		// A plain transfer costs a small fraction of a PVC, but not nothing.
		assert!(paid > 0 && paid < UNITS / 100, "transfer fee {paid} out of range");
		assert_eq!(free(&dest), amount);
		let to_treasury = free(&treasury) - treasury_before;
		assert_eq!(to_treasury, paid * 80 / 100);
		// Alice authored the block, so her 20% comes back to her.
		let to_author = paid - to_treasury;
		assert_eq!(alice_before - free(&alice.to_account_id()), amount + paid - to_author);
		assert_eq!(System::account_nonce(alice.to_account_id()), 1);
	});
}

#[test]
fn forged_signature_is_refused_and_changes_nothing() {
	new_ext(DEVELOPMENT).execute_with(|| {
		let alice = Sr25519Keyring::Alice;
		let dest = AccountId::new([7u8; 32]);
		let call = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
			dest: MultiAddress::Id(dest.clone()),
			value: UNITS,
		});
		// Bob signs a transaction that claims to come from Alice.
		let honest = signed(&Sr25519Keyring::Bob.pair(), call.clone());
		let forged = powerverse_runtime::signed_extrinsic(
			call,
			alice.to_account_id(),
			match honest.0.preamble {
				polkadot_sdk::sp_runtime::generic::Preamble::Signed(_, sig, _) => sig,
				_ => unreachable!("signed() builds signed transactions"),
			},
			common::tx_extension(0),
		);
		let before = free(&alice.to_account_id());

		assert_eq!(
			Executive::apply_extrinsic(forged),
			Err(TransactionValidityError::Invalid(InvalidTransaction::BadProof))
		);
		assert_eq!(free(&alice.to_account_id()), before);
		assert_eq!(free(&dest), 0);
		assert_eq!(System::account_nonce(alice.to_account_id()), 0);
	});
}

#[test]
fn transfer_beyond_balance_fails_and_only_the_fee_is_charged() {
	new_ext(DEVELOPMENT).execute_with(|| {
		let alice = Sr25519Keyring::Alice;
		let dest = AccountId::new([8u8; 32]);
		let call = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
			dest: MultiAddress::Id(dest.clone()),
			value: 2 * ENDOWMENT,
		});
		let xt = signed(&alice.pair(), call);
		let result = Executive::apply_extrinsic(xt).expect("valid: the fee can be paid");
		assert!(result.is_err(), "dispatch fails: {result:?}");
		assert_eq!(free(&dest), 0);
	});
}

/// Starts blocks until `era` is the active era.
fn run_to_era(era: u32) {
	let era_blocks = EPOCH_DURATION_IN_BLOCKS * SESSIONS_PER_ERA;
	while pallet_staking::ActiveEra::<Runtime>::get().map(|e| e.index).unwrap_or(0) < era {
		run_to_block(System::block_number() + era_blocks.min(EPOCH_DURATION_IN_BLOCKS));
	}
}

/// Bonds `stake` from `who`, registers fresh session keys with their ownership proof, and
/// declares the intent to validate, all as signed calls.
fn become_validator(who: Sr25519Keyring, stake: Balance) {
	let origin = RuntimeOrigin::signed(who.to_account_id());
	assert_ok!(Staking::bond(origin.clone(), stake, pallet_staking::RewardDestination::Staked));
	let owner = who.to_account_id().encode();
	let generated = SessionKeys::generate(&owner, None);
	assert_ok!(powerverse_runtime::Session::set_keys(
		origin.clone(),
		generated.keys,
		generated.proof.encode()
	));
	assert_ok!(Staking::validate(origin, Default::default()));
}

#[test]
fn election_picks_the_best_backed_validators_and_pays_them() {
	new_ext(DEVELOPMENT).execute_with(|| {
		let (alice, bob, dave, ferdie) = (
			Sr25519Keyring::Alice.to_account_id(),
			Sr25519Keyring::Bob.to_account_id(),
			Sr25519Keyring::Dave.to_account_id(),
			Sr25519Keyring::Ferdie.to_account_id(),
		);
		assert_ok!(Staking::set_validator_count(RuntimeOrigin::root(), 2));
		become_validator(Sr25519Keyring::Ferdie, 2 * VALIDATOR_BOND);
		become_validator(Sr25519Keyring::Bob, VALIDATOR_BOND / 2);
		// The stake is held, not spendable.
		assert_eq!(
			Balances::total_balance_on_hold(&ferdie),
			2 * VALIDATOR_BOND,
			"bonded stake is on hold"
		);
		// Dave backs Bob with more than Alice's own stake.
		assert_ok!(Staking::bond(
			RuntimeOrigin::signed(dave.clone()),
			3 * VALIDATOR_BOND,
			pallet_staking::RewardDestination::Stash
		));
		assert_ok!(Staking::nominate(
			RuntimeOrigin::signed(dave.clone()),
			vec![MultiAddress::Id(bob.clone())]
		));

		run_to_era(2);

		let mut set = pallet_session::Validators::<Runtime>::get();
		set.sort();
		let mut expected = vec![bob.clone(), ferdie.clone()];
		expected.sort();
		assert_eq!(set, expected, "Bob (backed by Dave) and Ferdie beat Alice");
		assert_eq!(Babe::authorities().len(), 2);
		assert_eq!(Grandpa::grandpa_authorities().len(), 2);
		let era = pallet_staking::ActiveEra::<Runtime>::get().unwrap().index;
		let bob_exposure =
			pallet_staking::ErasStakersOverview::<Runtime>::get(era, &bob).expect("elected");
		assert_eq!(bob_exposure.total, VALIDATOR_BOND / 2 + 3 * VALIDATOR_BOND);

		// Era 0 was authored by Alice alone: she has its reward to claim.
		let reward = pallet_staking::ErasValidatorReward::<Runtime>::get(0).expect("era 0 paid");
		assert!(reward > 0);
		let bonded = pallet_staking::Ledger::<Runtime>::get(&alice).unwrap().total;
		assert_ok!(Staking::payout_stakers(RuntimeOrigin::signed(dave.clone()), alice.clone(), 0));
		let gained = pallet_staking::Ledger::<Runtime>::get(&alice).unwrap().total - bonded;
		assert!(gained > 0 && gained <= reward, "reward {gained} of {reward}");
	});
}

#[test]
fn era_payout_follows_the_emission_schedule() {
	use polkadot_sdk::sp_staking::EraPayout as _;
	let year_ms = 36_525 * 24 * 60 * 60 * 1_000 / 100;
	let (stakers, pot) = powerverse_runtime::EraPayout::era_payout(0, 0, year_ms);
	assert_eq!(stakers + pot, 28_000_000 * UNITS);
	assert_eq!(pot, 28_000_000 * UNITS * 3 / 100);
}

#[test]
fn metadata_is_served_at_v15_and_later() {
	// pallet-revive's constants read storage: metadata is built inside externalities, as
	// the node does.
	TestExternalities::default().execute_with(metadata_is_served)
}

fn metadata_is_served() {
	let versions = Runtime::metadata_versions();
	assert!(versions.contains(&15), "metadata versions {versions:?}");
	for version in versions {
		let metadata = Runtime::metadata_at_version(version).expect("listed versions exist");
		assert!(!metadata.is_empty());
	}
	// The pallets Polkadot.js Apps builds its pages from are there by these names (SCALE
	// strings: the encoded name is the length-prefixed UTF-8).
	let v15 = Runtime::metadata_at_version(15).expect("v15 is listed");
	for name in
		["Balances", "Staking", "Session", "Babe", "Grandpa", "Treasury", "Nfts", "Revive", "Sudo"]
	{
		let encoded = name.encode();
		assert!(v15.windows(encoded.len()).any(|w| w == &encoded[..]), "{name} missing");
	}
}

#[test]
fn ethereum_dev_keys_are_funded_and_every_account_has_an_address() {
	new_ext(DEVELOPMENT).execute_with(|| {
		for address in ETH_DEV_ADDRESSES {
			let h160 = H160(address);
			let account = eth_account(address);
			assert_eq!(free(&account), ENDOWMENT, "{h160:?} funded");
			// An Ethereum key's account maps back to the same address, with no mapping stored.
			assert_eq!(
				<Runtime as pallet_revive::Config>::AddressMapper::to_address(&account),
				h160
			);
			assert_eq!(
				<Runtime as pallet_revive::Config>::AddressMapper::to_account_id(&h160),
				account
			);
		}
		// A Substrate account created at genesis was mapped then, so contracts that pay
		// Alice's address pay Alice, not an account of its own.
		let alice = Sr25519Keyring::Alice.to_account_id();
		let address = <Runtime as pallet_revive::Config>::AddressMapper::to_address(&alice);
		assert!(<Runtime as pallet_revive::Config>::AddressMapper::is_mapped(&alice));
		assert_eq!(
			<Runtime as pallet_revive::Config>::AddressMapper::to_account_id(&address),
			alice
		);

		// A Substrate account created later is mapped when it is created.
		let newcomer = AccountId::new([9u8; 32]);
		assert!(!<Runtime as pallet_revive::Config>::AddressMapper::is_mapped(&newcomer));
		assert_ok!(Balances::transfer_allow_death(
			RuntimeOrigin::signed(alice.clone()),
			MultiAddress::Id(newcomer.clone()),
			UNITS
		));
		assert!(<Runtime as pallet_revive::Config>::AddressMapper::is_mapped(&newcomer));
	});
}

/// The Ethereum RPC server inside the node is generated from this runtime's metadata (see
/// `vendor/pallet-revive-eth-rpc/README.powerverse.md`); a runtime change must regenerate it
/// (`make metadata`), or the server would build calls of the old shape.
#[test]
fn eth_rpc_metadata_is_current() {
	let path = concat!(
		env!("CARGO_MANIFEST_DIR"),
		"/../vendor/pallet-revive-eth-rpc/metadata/powerverse.scale"
	);
	let current = TestExternalities::default()
		.execute_with(|| Runtime::metadata_at_version(16).expect("v16 is served"));
	if std::env::var_os("POWERVERSE_WRITE_METADATA").is_some() {
		std::fs::write(path, &*current).expect("metadata written");
	}
	let committed = std::fs::read(path).expect("committed metadata: run `make metadata`");
	assert!(committed == *current, "{path} is stale: run `make metadata` and commit it");
}
