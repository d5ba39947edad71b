//! The committed chain specs in `chain-specs/` are what the node builds from the runtime's
//! presets: a validator who downloads `local.json` or `testnet-raw.json` gets the genesis the
//! code describes. Regenerate with `make chain-specs` when this fails.
//!
//! The runtime code itself is left out of the comparison: its bytes depend on the path the
//! crate was built from (type ids and symbol hashes), so a clone elsewhere builds a
//! different blob from the same source. Everything else in the spec, raw storage included,
//! must match.

use std::{path::PathBuf, process::Command};

fn build_spec(chain: &str, raw: bool) -> String {
	let mut cmd = Command::new(env!("CARGO_BIN_EXE_powerverse-node"));
	cmd.args(["build-spec", "--chain", chain, "--disable-default-bootnode"]);
	if raw {
		cmd.arg("--raw");
	}
	let out = cmd.output().expect("the node runs");
	assert!(
		out.status.success(),
		"build-spec --chain {chain} failed: {}",
		String::from_utf8_lossy(&out.stderr)
	);
	String::from_utf8(out.stdout).expect("specs are UTF-8")
}

fn committed(name: &str) -> String {
	let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../chain-specs").join(name);
	std::fs::read_to_string(&path)
		.unwrap_or_else(|e| panic!("{}: {e}; run `make chain-specs`", path.display()))
}

/// Storage key of the runtime code in a raw spec: `:code`, hex.
const CODE_KEY: &str = "0x3a636f6465";

/// The spec without the runtime code, plain or raw; fails if there was no code to remove.
fn without_code(mut spec: serde_json::Value) -> serde_json::Value {
	let genesis = &mut spec["genesis"];
	let removed = if let Some(top) = genesis["raw"]["top"].as_object_mut() {
		top.remove(CODE_KEY)
	} else {
		genesis["runtimeGenesis"].as_object_mut().and_then(|g| g.remove("code"))
	};
	assert!(removed.is_some_and(|code| code.as_str().is_some_and(|c| c.len() > 1_000)));
	spec
}

#[test]
fn committed_chain_specs_are_current() {
	for chain in ["local", "testnet"] {
		for raw in [false, true] {
			let name = if raw { format!("{chain}-raw.json") } else { format!("{chain}.json") };
			let built = without_code(
				serde_json::from_str(&build_spec(chain, raw)).expect("build-spec prints JSON"),
			);
			let saved = without_code(
				serde_json::from_str(&committed(&name)).expect("committed spec is JSON"),
			);
			assert!(
				built == saved,
				"chain-specs/{name} is stale: run `make chain-specs` and commit the result"
			);
		}
	}
}

#[test]
fn specs_carry_token_properties_and_testnet_has_no_sudo() {
	for chain in ["dev", "local", "testnet"] {
		let spec: serde_json::Value = serde_json::from_str(&build_spec(chain, false)).unwrap();
		let props = &spec["properties"];
		assert_eq!(props["tokenSymbol"], "PVC", "{chain}");
		assert_eq!(props["tokenDecimals"], 12, "{chain}");
		assert_eq!(props["ss58Format"], 42, "{chain}");
		let patch = &spec["genesis"]["runtimeGenesis"]["patch"];
		let sudo = patch["sudo"]["key"].as_str();
		if chain == "testnet" {
			assert!(sudo.is_none(), "testnet must have no sudo key");
			assert_eq!(spec["chainType"], "Live");
		} else {
			assert!(sudo.is_some(), "{chain} has a sudo key for development");
		}
	}
}
