//! Shared set-up of the runtime tests: externalities from a genesis preset, a block
//! driver that plays BABE's part, and the real signing code for transactions.

#![allow(dead_code)]

use codec::Encode;
use polkadot_sdk::{
	frame_support::traits::{OnFinalize, OnInitialize},
	sp_consensus_babe::{
		digests::{CompatibleDigestItem, PreDigest, SecondaryPlainPreDigest},
		Slot,
	},
	sp_core::{sr25519, Pair},
	sp_io::TestExternalities,
	sp_keystore::{testing::MemoryKeystore, KeystoreExt},
	sp_runtime::{generic::Era, BuildStorage, Digest, DigestItem, MultiSignature},
};
use powerverse_runtime::{
	genesis_config_presets, AccountId, AllPalletsWithSystem, Babe, Nonce, RuntimeCall,
	RuntimeGenesisConfig, RuntimeOrigin, SignedPayload, System, Timestamp, TxExtension,
	UncheckedExtrinsic, SLOT_DURATION,
};
use serde_json::Value;

/// Merges a preset's JSON patch into the full default genesis config, as the node does.
fn merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) => {
			for (k, v) in patch {
				merge(base.entry(k).or_insert(Value::Null), v);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// The genesis config a preset describes.
pub fn genesis_config(preset: &str) -> RuntimeGenesisConfig {
	let patch = genesis_config_presets::get_preset(&preset.into())
		.unwrap_or_else(|| panic!("preset {preset} exists"));
	let patch: Value = serde_json::from_slice(&patch).expect("presets are JSON");
	let mut full = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serializes");
	merge(&mut full, patch);
	serde_json::from_value(full).expect("a preset patch fits the genesis config")
}

/// Externalities holding a preset's genesis state and a keystore, at block 1.
pub fn new_ext(preset: &str) -> TestExternalities {
	let storage = genesis_config(preset).build_storage().expect("genesis builds");
	let mut ext = TestExternalities::new(storage);
	ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
	ext.execute_with(|| run_to_block(1));
	ext
}

/// Finishes the current block and starts blocks up to `n`, each in the next BABE slot
/// with a secondary pre-digest of authority 0, and its timestamp set as the block author's
/// inherent would.
pub fn run_to_block(n: u32) {
	while System::block_number() < n {
		let now = System::block_number();
		if now > 0 {
			AllPalletsWithSystem::on_finalize(now);
		}
		let parent = System::parent_hash();
		let next = now + 1;
		let slot = Slot::from(u64::from(next) + 1_000);
		let pre = PreDigest::SecondaryPlain(SecondaryPlainPreDigest { authority_index: 0, slot });
		let digest = Digest { logs: vec![DigestItem::babe_pre_digest(pre)] };
		System::initialize(&next, &parent, &digest);
		AllPalletsWithSystem::on_initialize(next);
		Timestamp::set(RuntimeOrigin::none(), *slot * SLOT_DURATION)
			.expect("a timestamp in the block's slot is accepted");
		assert_eq!(Babe::current_slot(), slot);
	}
}

/// The transaction extensions a wallet attaches: immortal, no tip.
pub fn tx_extension(nonce: Nonce) -> TxExtension {
	powerverse_runtime::tx_extension(nonce, Era::Immortal, 0)
}

/// `call` signed by `signer` with its current nonce, as a wallet builds it.
pub fn signed(signer: &sr25519::Pair, call: RuntimeCall) -> UncheckedExtrinsic {
	let who: AccountId = signer.public().into();
	let ext = tx_extension(System::account_nonce(&who));
	let payload = SignedPayload::new(call.clone(), ext.clone()).expect("implicit data is valid");
	let signature = payload.using_encoded(|bytes| signer.sign(bytes));
	powerverse_runtime::signed_extrinsic(call, who, MultiSignature::Sr25519(signature), ext)
}

/// Events emitted so far in this block.
pub fn events() -> Vec<powerverse_runtime::RuntimeEvent> {
	System::events().into_iter().map(|r| r.event).collect()
}
pub mod market;
