//! Chain specifications built into the node, with genesis taken from the runtime's presets.

use polkadot_sdk::sc_service::{self, ChainType};
use powerverse_runtime::{genesis_config_presets, WASM_BINARY};

/// Chain specification of this node: no extensions, genesis from runtime presets.
pub type ChainSpec = sc_service::GenericChainSpec;

/// Protocol id of the public testnet; keeps its peers apart from other Substrate chains.
const TESTNET_PROTOCOL_ID: &str = "pvc";

/// Single-machine development chain, genesis from the runtime's `development` preset.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, Default::default())
		.with_name("PowerVerse Development")
		.with_id("dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(genesis_config_presets::DEVELOPMENT)
		.with_properties(properties())
		.build())
}

/// Local multi-node testnet, genesis from the runtime's `local_testnet` preset.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, Default::default())
		.with_name("PowerVerse Local Testnet")
		.with_id("local_testnet")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(genesis_config_presets::LOCAL_TESTNET)
		.with_properties(properties())
		.build())
}

/// Public testnet, genesis from the runtime's `testnet` preset.
pub fn testnet_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, Default::default())
		.with_name("PowerVerse Testnet")
		.with_id("powerverse_testnet")
		.with_chain_type(ChainType::Live)
		.with_protocol_id(TESTNET_PROTOCOL_ID)
		.with_genesis_config_preset_name(genesis_config_presets::TESTNET)
		.with_properties(properties())
		.build())
}

fn wasm() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"runtime Wasm binary not available (was the node built with SKIP_WASM_BUILD?)".into()
	})
}

/// Token metadata wallets and explorers read from `system_properties`.
fn properties() -> sc_service::Properties {
	let mut props = sc_service::Properties::new();
	props.insert("tokenSymbol".into(), "PVC".into());
	props.insert("tokenDecimals".into(), 12u32.into());
	props.insert("ss58Format".into(), 42u32.into());
	props
}
