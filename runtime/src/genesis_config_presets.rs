//! Genesis presets: the initial state of the development, local and test networks.
//!
//! Every key here comes from a public development seed (`//Alice`, `//Bob`, …): fine for
//! development and test networks, never for a network holding real value.

use crate::{
	dev_registry_params, fee_terms, registry_params, AccountId, BabeConfig, Balance,
	BalancesConfig, ElectionsConfig, LeasesConfig, RegistryConfig, Runtime, RuntimeGenesisConfig,
	SessionConfig, SessionKeys, StakerStatus, StakingConfig, SudoConfig, BABE_GENESIS_EPOCH_CONFIG,
	UNITS,
};
use alloc::{vec, vec::Vec};
use polkadot_sdk::{
	frame_support::build_struct_json_patch,
	pallet_revive::{self, AddressMapper},
	sp_consensus_babe::AuthorityId as BabeId,
	sp_consensus_grandpa::AuthorityId as GrandpaId,
	sp_core::H160,
	sp_genesis_builder::{self, PresetId},
	sp_keyring::{Ed25519Keyring, Sr25519Keyring},
	sp_runtime::Perbill,
};
use serde_json::Value;

/// Name of the development preset: one validator (Alice), sudo, dev accounts funded.
pub const DEVELOPMENT: &str = sp_genesis_builder::DEV_RUNTIME_PRESET;
/// Name of the local testnet preset: four validators (Alice, Bob, Charlie, Dave), sudo.
pub const LOCAL_TESTNET: &str = sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET;
/// Name of the public testnet preset: four validators, no sudo key.
pub const TESTNET: &str = "testnet";

/// What each funded development account starts with.
pub const ENDOWMENT: Balance = 1_000_000 * UNITS;
/// What each genesis validator bonds.
pub const VALIDATOR_BOND: Balance = 100_000 * UNITS;
/// The least a validator must bond.
pub const MIN_VALIDATOR_BOND: Balance = 10_000 * UNITS;
/// The least a nominator must bond.
pub const MIN_NOMINATOR_BOND: Balance = 100 * UNITS;
/// What each genesis council member backs itself with: it sits until the first election
/// (a term after genesis), when PVC holders' votes decide.
pub const COUNCIL_STAKE: Balance = 1_000 * UNITS;

/// A genesis validator: its stash account (which is also its controller) and session keys.
pub struct Authority {
	/// The stash account that bonds and is paid.
	pub stash: AccountId,
	/// The BABE key that claims slots.
	pub babe: BabeId,
	/// The GRANDPA key that votes on finality.
	pub grandpa: GrandpaId,
}

/// The development validator of a keyring name: sr25519 for the account and BABE, ed25519
/// for GRANDPA, as `--alice` and friends put them into the keystore.
pub fn authority(sr: Sr25519Keyring, ed: Ed25519Keyring) -> Authority {
	Authority { stash: sr.to_account_id(), babe: sr.public().into(), grandpa: ed.public().into() }
}

/// The state every preset starts from, with these validators, funded accounts and sudo key.
/// The validators also form the first Council, so a network without sudo is governed from
/// its first block: the Council reviews, token holders vote in referenda.
fn genesis(
	authorities: Vec<Authority>,
	endowed: Vec<AccountId>,
	root: Option<AccountId>,
	burn_floor: Balance,
	registry: Registry,
) -> Value {
	let mut balances: Vec<(AccountId, Balance)> =
		endowed.iter().cloned().map(|who| (who, ENDOWMENT)).collect();
	for a in &authorities {
		if !balances.iter().any(|(who, _)| who == &a.stash) {
			balances.push((a.stash.clone(), ENDOWMENT));
		}
	}
	let validators = authorities.len() as u32;
	let mut patch = build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances },
		session: SessionConfig {
			keys: authorities
				.iter()
				.map(|a| {
					(
						a.stash.clone(),
						a.stash.clone(),
						SessionKeys { babe: a.babe.clone(), grandpa: a.grandpa.clone() },
					)
				})
				.collect::<Vec<_>>(),
		},
		babe: BabeConfig { epoch_config: BABE_GENESIS_EPOCH_CONFIG },
		registry: RegistryConfig { params: Some(registry.0), verifiers: registry.1 },
		leases: LeasesConfig { fees: Some(fee_terms(burn_floor)) },
		elections: ElectionsConfig {
			members: authorities
				.iter()
				.map(|a| (a.stash.clone(), COUNCIL_STAKE))
				.collect::<Vec<_>>(),
		},
		staking: StakingConfig {
			validator_count: validators,
			minimum_validator_count: validators.min(1),
			stakers: authorities
				.iter()
				.map(|a| {
					(a.stash.clone(), a.stash.clone(), VALIDATOR_BOND, StakerStatus::Validator)
				})
				.collect::<Vec<_>>(),
			invulnerables: authorities.iter().map(|a| a.stash.clone()).collect::<Vec<_>>(),
			slash_reward_fraction: Perbill::from_percent(10),
			min_validator_bond: MIN_VALIDATOR_BOND,
			min_nominator_bond: MIN_NOMINATOR_BOND,
		},
	});
	if let Some(key) = root {
		let sudo =
			build_struct_json_patch!(RuntimeGenesisConfig { sudo: SudoConfig { key: Some(key) } });
		if let (Some(p), Value::Object(s)) = (patch.as_object_mut(), sudo) {
			p.extend(s);
		}
	}
	patch
}

/// The well-known Ethereum development keys (the addresses of the private keys listed in
/// README: Alith, Baltathar, Charleth, Dorothy, Ethan), funded on dev and local chains so
/// MetaMask, ethers or viem can use the chain at once.
pub const ETH_DEV_ADDRESSES: [[u8; 20]; 5] = [
	hex20("f24ff3a9cf04c71dbc94d0b566f7a27b94566cac"),
	hex20("3cd0a705a2dc65e5b1e1205896baa2be8a07c6e0"),
	hex20("798d4ba9baf0064ec19eb4f0a1a45785ae9d6dfc"),
	hex20("773539d4ac0e786233d90a233654ccee26a613d9"),
	hex20("ff64d3f6efe2317ee2807d223a0bdc4c0c49dfdb"),
];

/// 20 bytes from 40 hex digits, at compile time.
const fn hex20(s: &str) -> [u8; 20] {
	const fn digit(c: u8) -> u8 {
		match c {
			b'0'..=b'9' => c - b'0',
			b'a'..=b'f' => c - b'a' + 10,
			_ => panic!("not a lower-case hex digit"),
		}
	}
	let s = s.as_bytes();
	assert!(s.len() == 40);
	let mut out = [0u8; 20];
	let mut i = 0;
	while i < 20 {
		out[i] = digit(s[2 * i]) << 4 | digit(s[2 * i + 1]);
		i += 1;
	}
	out
}

/// The account of an Ethereum key that has not been mapped: its address padded with
/// `0xee`, as pallet-revive derives it.
pub fn eth_account(address: [u8; 20]) -> AccountId {
	<Runtime as pallet_revive::Config>::AddressMapper::to_fallback_account_id(&H160(address))
}

/// The well-known development accounts, all funded on dev and local chains: the sr25519
/// keyring (Alice, Bob, …) and the Ethereum development keys. Every account gets its
/// Ethereum address when created (pallet-revive's automatic mapping), so Alice can call
/// contracts too.
fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter()
		.map(|k| k.to_account_id())
		.chain(ETH_DEV_ADDRESSES.into_iter().map(eth_account))
		.collect()
}

/// The registry's parameters and genesis verifier committee of a preset.
type Registry = (pallet_registry::Params<Balance, crate::BlockNumber>, Vec<AccountId>);

/// The development verifier committee: Charlie, Dave and Eve stake at genesis, so a machine
/// registered on a development chain is verified within minutes (their keys are in every
/// Polkadot.js Apps development keyring).
pub fn dev_verifiers() -> Vec<AccountId> {
	[Sr25519Keyring::Charlie, Sr25519Keyring::Dave, Sr25519Keyring::Eve]
		.iter()
		.map(|k| k.to_account_id())
		.collect()
}

fn development() -> Value {
	genesis(
		vec![authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_accounts(),
		Some(Sr25519Keyring::Alice.to_account_id()),
		0,
		// One verifier a panel: one commit and one reveal verify a machine.
		(dev_registry_params(1), dev_verifiers()),
	)
}

fn local_testnet() -> Value {
	genesis(
		four_validators(),
		dev_accounts(),
		Some(Sr25519Keyring::Alice.to_account_id()),
		0,
		(dev_registry_params(3), dev_verifiers()),
	)
}

fn testnet() -> Value {
	genesis(four_validators(), Vec::new(), None, crate::BURN_FLOOR, (registry_params(), Vec::new()))
}

fn four_validators() -> Vec<Authority> {
	vec![
		authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
		authority(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		authority(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		authority(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
	]
}

/// The JSON patch of the preset called `id`, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEVELOPMENT => development(),
		LOCAL_TESTNET => local_testnet(),
		TESTNET => testnet(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("a serde_json::Value always serializes; qed")
			.into_bytes(),
	)
}

/// The names of all presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEVELOPMENT), PresetId::from(LOCAL_TESTNET), PresetId::from(TESTNET)]
}
