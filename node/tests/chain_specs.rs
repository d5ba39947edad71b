//! The committed chain specs in `chain-specs/` are exactly what the node builds from the
//! runtime's presets: a validator who downloads `local.json` or `testnet-raw.json` gets
//! the chain the code describes. Regenerate with `make chain-specs` when this fails.

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

#[test]
fn committed_chain_specs_are_current() {
	for chain in ["local", "testnet"] {
		for raw in [false, true] {
			let name = if raw { format!("{chain}-raw.json") } else { format!("{chain}.json") };
			let built: serde_json::Value =
				serde_json::from_str(&build_spec(chain, raw)).expect("build-spec prints JSON");
			let saved: serde_json::Value =
				serde_json::from_str(&committed(&name)).expect("committed spec is JSON");
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
