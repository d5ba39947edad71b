//! End-to-end behaviour of a single `--dev` node, seen from outside as a user or a wallet sees
//! it: the node authors and finalizes blocks; a balance transfer signed the way wallets sign
//! it is accepted over JSON-RPC, included, finalized and moves exactly the amount (plus a fee
//! for the sender); badly signed or unaffordable transactions are refused at submission and
//! change nothing; the Ethereum JSON-RPC answers on its own port and stops with the node on
//! Ctrl-C; and bad command-line input (including a taken Ethereum RPC port) ends the process
//! with a readable error and a non-zero exit code, never a panic.

mod common;

use std::{
	fs,
	net::{Ipv4Addr, TcpListener},
	path::Path,
	time::Duration,
};

use codec::{Decode, Encode};
use common::{from_hex, rpc, run_to_exit, to_hex, Exited, Node, Ports, RpcError, TestDir};
use polkadot_sdk::{
	frame_system, pallet_balances,
	sp_core::{crypto::Ss58Codec, sr25519, Pair},
	sp_keyring::Sr25519Keyring,
	sp_runtime::{generic::Era, traits::Hash as HashT, MultiSignature},
};
use powerverse_runtime::{
	genesis_config_presets::ETH_DEV_ADDRESSES, signed_extrinsic, tx_extension, AccountId, Balance,
	BalancesCall, Nonce, Runtime, RuntimeCall, SignedPayload, TxExtension, UncheckedExtrinsic,
	CHAIN_ID, EXISTENTIAL_DEPOSIT, UNITS, VERSION,
};
use serde_json::{json, Value};

/// The runtime's block hash type.
type Hash = <Runtime as frame_system::Config>::Hash;

/// What `frame_system::Account` stores for an account of this runtime.
type AccountInfo = frame_system::AccountInfo<Nonce, pallet_balances::AccountData<Balance>>;

/// Start-up compiles the runtime, and the test binary is only lightly optimised.
const STARTUP: Duration = Duration::from_secs(180);

/// For a transaction to be included or finalized: a few 6 s blocks, with plenty of slack.
const INCLUSION: Duration = Duration::from_secs(120);

/// For a process given bad input to give up; long enough to also cover start-up work done
/// before the bad input is noticed.
const CLI_TIMEOUT: Duration = Duration::from_secs(120);

/// Error code sc-rpc gives a transaction the pool refuses as invalid ("Invalid Transaction":
/// author errors start at 1000, `POOL_INVALID_TX` is 10 past that).
const INVALID_TRANSACTION: i64 = 1010;

#[test]
fn dev_node_applies_a_signed_transfer_and_refuses_bad_ones() {
	let node = Node::spawn("dev", ["--dev"]);
	node.wait_for_rpc(STARTUP);
	node.wait_for("best block #3 and finalized block #1", STARTUP, || {
		let best = node.best_number().ok()?;
		let finalized = node.finalized_number().ok()?;
		(best >= 3 && finalized >= 1).then_some(())
	});

	let genesis = hash_from(&node, &node.call("chain_getBlockHash", json!([0])));
	let alice = Sr25519Keyring::Alice.to_account_id();
	// An account no genesis config endows, so its balance starts at nothing.
	let recipient_key = sr25519::Pair::from_string("//PowerverseE2eRecipient", None)
		.expect("a derivation path of the dev phrase is a valid secret URI");
	let recipient = AccountId::from(recipient_key.public());
	// At least the existential deposit, or the recipient's account could not come into being.
	let amount: Balance = 10 * UNITS + EXISTENTIAL_DEPOSIT;

	// Refused transactions first, while nothing else has touched Alice's account.
	let before = best_hash(&node);
	let alice_before = account(&node, &alice, before);
	let recipient_before = account(&node, &recipient, before);
	let nonce = next_nonce(&node, &alice);

	// Claims to come from Alice but is signed with Bob's key.
	let forged = transfer(&alice, &Sr25519Keyring::Bob.pair(), nonce, genesis, &recipient, amount);
	expect_refused(&node, &forged, "bad signature");

	// Correctly signed by an account that has nothing to pay the fee with.
	let unfunded_nonce = next_nonce(&node, &recipient);
	let unfunded = transfer(&recipient, &recipient_key, unfunded_nonce, genesis, &alice, amount);
	expect_refused(&node, &unfunded, "pay");

	// Let a few blocks pass: a refused transaction must not sneak into one later either.
	let refused_at = node.best_number().unwrap_or_else(|e| node.fail(e));
	node.wait_for("two more blocks", INCLUSION, || {
		(node.best_number().ok()? >= refused_at + 2).then_some(())
	});
	let after = best_hash(&node);
	assert_eq!(
		account(&node, &alice, after),
		alice_before,
		"Alice's account changed although both transactions were refused"
	);
	assert_eq!(
		account(&node, &recipient, after),
		recipient_before,
		"the unfunded account changed although its transaction was refused"
	);

	// A well-formed transfer from Alice.
	let nonce = next_nonce(&node, &alice);
	assert_eq!(nonce, alice_before.nonce, "refused transactions must not use up a nonce");
	let xt = transfer(&alice, &Sr25519Keyring::Alice.pair(), nonce, genesis, &recipient, amount);
	let encoded = xt.encode();
	let hex = to_hex(&encoded);
	let submitted_at = node.best_number().unwrap_or_else(|e| node.fail(e));
	let tx_hash = node.call("author_submitExtrinsic", json!([hex]));
	// The pool names a transaction by the runtime's hash of its encoding, which is what a
	// wallet computes to follow it.
	let expected_hash = <<Runtime as frame_system::Config>::Hashing as HashT>::hash(&encoded);
	assert_eq!(
		tx_hash.as_str().map(str::to_ascii_lowercase),
		Some(to_hex(&expected_hash.encode())),
		"author_submitExtrinsic returned an unexpected transaction hash"
	);

	let (included, block) = wait_for_inclusion(&node, &hex, submitted_at);
	let header = node.call("chain_getHeader", json!([to_hex(&block.encode())]));
	let parent = hash_from(&node, &header["parentHash"]);
	// Compare the block that applied the transfer with its parent, so nothing but that block
	// is measured.
	let (alice_before, alice_after) =
		(account(&node, &alice, parent), account(&node, &alice, block));
	let (recipient_before, recipient_after) =
		(account(&node, &recipient, parent), account(&node, &recipient, block));
	assert_eq!(recipient_before.data.free, 0, "the recipient was funded before the transfer");
	assert_eq!(
		recipient_after.data.free, amount,
		"the recipient did not receive exactly the amount sent"
	);
	assert_eq!(alice_after.nonce, alice_before.nonce + 1, "Alice's nonce did not advance by one");
	let spent = alice_before.data.free.checked_sub(alice_after.data.free).unwrap_or_else(|| {
		node.fail(format!(
			"Alice's free balance grew from {} to {}",
			alice_before.data.free, alice_after.data.free
		))
	});
	let fee = spent.checked_sub(amount).unwrap_or_else(|| {
		node.fail(format!("Alice spent {spent}, less than the {amount} she sent"))
	});
	// Alice also authors every dev block; a runtime that gave authors all of the fee would
	// show no fee here, and that would deserve a look too.
	assert!(fee > 0, "Alice paid no fee for the transfer (spent {spent} to send {amount})");

	node.wait_for("the transfer's block to be finalized", INCLUSION, || {
		(node.finalized_number().ok()? >= included).then_some(())
	});
	assert_eq!(
		node.call("chain_getBlockHash", json!([included])).as_str().map(str::to_ascii_lowercase),
		Some(to_hex(&block.encode())),
		"the block holding the transfer is not the finalized block #{included}"
	);
	let finalized = hash_from(&node, &node.call("chain_getFinalizedHead", json!([])));
	assert_eq!(account(&node, &recipient, finalized).data.free, amount);

	// The Ethereum JSON-RPC server runs inside the node, on its own port, for this chain.
	let eth = node.ports().eth;
	let chain_id = rpc(eth, "eth_chainId", json!([]))
		.unwrap_or_else(|e| node.fail(format!("eth_chainId on port {eth}: {e}")));
	assert_eq!(chain_id, json!(format!("{CHAIN_ID:#x}")));
	let balance = rpc(eth, "eth_getBalance", json!([to_hex(&ETH_DEV_ADDRESSES[0]), "latest"]))
		.unwrap_or_else(|e| node.fail(format!("eth_getBalance: {e}")));
	assert_ne!(balance, json!("0x0"), "the first Ethereum dev key is funded");

	// Ctrl-C stops both servers: a clean exit, and nothing left listening.
	let status = node.interrupt(Duration::from_secs(60));
	assert!(status.success(), "exit after SIGINT: {status}\n{}", node.log_tail(40));
	assert!(rpc(eth, "eth_chainId", json!([])).is_err(), "the Ethereum RPC outlived the node");
	assert!(!node.log().contains("panicked"), "a panic on shutdown:\n{}", node.log_tail(40));
}

#[test]
fn bad_command_line_input_fails_cleanly() {
	let dir = TestDir::new("cli");

	// A chain spec that does not exist.
	let missing = "/nonexistent/powerverse/spec.json";
	let run = run_to_exit(
		args(&["--chain", missing], &dir.path().join("base-missing-spec")),
		CLI_TIMEOUT,
	);
	assert_clean_failure(&run, "--chain with a missing file");
	assert!(
		error_line(&run.stderr).is_some_and(|line| line.contains(missing)),
		"the error does not name the missing spec file\n{}",
		run.stderr
	);

	// A chain spec file that is not JSON.
	let garbage = dir.path().join("garbage.json");
	fs::write(&garbage, "this is not a chain spec {").expect("write the garbage spec file");
	let garbage = garbage.to_str().expect("temp paths are UTF-8 here");
	let run = run_to_exit(
		args(&["--chain", garbage], &dir.path().join("base-garbage-spec")),
		CLI_TIMEOUT,
	);
	assert_clean_failure(&run, "--chain with a garbage file");
	assert!(
		error_line(&run.stderr)
			.is_some_and(|line| line.contains(garbage) || line.to_lowercase().contains("spec")),
		"the error does not say the chain spec is at fault\n{}",
		run.stderr
	);

	// A base path that is a regular file, where the node needs a directory.
	let file = dir.path().join("not-a-directory");
	fs::write(&file, "a regular file where a directory should be").expect("write the file");
	let run = run_to_exit(args(&["--dev"], &file), CLI_TIMEOUT);
	assert_clean_failure(&run, "--base-path naming a regular file");

	// RPC and Prometheus ports that are already taken: this test holds them. The node must
	// refuse to start, naming the port, rather than serve somewhere nobody asked for.
	for flag in ["--rpc-port", "--prometheus-port", "--eth-rpc-port"] {
		let held = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("bind a port to hold");
		let held_port = held.local_addr().expect("address of the held listener").port();
		let mut argv = args(&["--dev"], &dir.path().join(format!("base{flag}")));
		if let Some(i) = argv.iter().position(|a| a == flag) {
			argv[i + 1] = held_port.to_string();
		} else {
			argv.retain(|a| a != "--no-prometheus");
			argv.extend([flag.to_string(), held_port.to_string()]);
		}
		let run = run_to_exit(argv, CLI_TIMEOUT);
		assert_clean_failure(&run, &format!("{flag} taken"));
		assert!(
			error_line(&run.stderr).is_some_and(|line| line.contains(&held_port.to_string())),
			"{flag} taken: the error does not name port {held_port}\n{}",
			run.stderr
		);
		drop(held);
	}
}

/// `extra` plus arguments that keep a process started by a test away from shared state: its
/// own base path and fresh ports, so even a process that unexpectedly starts up touches no
/// real node's data or ports.
fn args(extra: &[&str], base_path: &Path) -> Vec<String> {
	let ports = Ports::free();
	let mut args: Vec<String> = extra.iter().map(|arg| arg.to_string()).collect();
	args.extend([
		"--base-path".to_string(),
		base_path.display().to_string(),
		"--port".to_string(),
		ports.p2p.to_string(),
		"--rpc-port".to_string(),
		ports.rpc.to_string(),
		"--no-prometheus".to_string(),
		"--eth-rpc-port".to_string(),
		ports.eth.to_string(),
		"--no-telemetry".to_string(),
	]);
	args
}

/// Checks that a run failed in a way a user can act on: a non-zero exit code (not a signal),
/// an error message on stderr and no panic.
fn assert_clean_failure(run: &Exited, what: &str) {
	assert!(
		!run.status.success() && run.status.code().is_some(),
		"{what}: expected a non-zero exit code, got {}\n----- stderr -----\n{}",
		run.status,
		run.stderr
	);
	assert!(
		!run.stdout.contains("panicked") && !run.stderr.contains("panicked"),
		"{what}: the node panicked\n----- stderr -----\n{}",
		run.stderr
	);
	assert!(
		error_line(&run.stderr).is_some(),
		"{what}: no error message on stderr\n----- stderr -----\n{}",
		run.stderr
	);
}

/// The last line of `output` that reads as an error: where a user looks for what went wrong.
fn error_line(output: &str) -> Option<&str> {
	output.lines().rev().find(|line| line.to_lowercase().contains("error"))
}

/// Decodes a hash that the RPC returned as a hex string.
fn hash_from(node: &Node, value: &Value) -> Hash {
	value
		.as_str()
		.and_then(|hex| from_hex(hex).ok())
		.and_then(|bytes| Hash::decode(&mut &bytes[..]).ok())
		.unwrap_or_else(|| node.fail(format!("expected a block hash, got {value}")))
}

/// Hash of the node's best block.
fn best_hash(node: &Node) -> Hash {
	hash_from(node, &node.call("chain_getBlockHash", json!([])))
}

/// `who`'s account as stored at block `at`, read with `state_getStorage`. An account that
/// does not exist reads as all zero, as it does on chain (`frame_system::Account` is a
/// `ValueQuery`).
fn account(node: &Node, who: &AccountId, at: Hash) -> AccountInfo {
	let key = frame_system::Account::<Runtime>::hashed_key_for(who);
	match node.call("state_getStorage", json!([to_hex(&key), to_hex(&at.encode())])) {
		Value::Null => AccountInfo::default(),
		Value::String(hex) => from_hex(&hex)
			.ok()
			.and_then(|bytes| AccountInfo::decode(&mut &bytes[..]).ok())
			.unwrap_or_else(|| node.fail(format!("cannot decode an AccountInfo from {hex}"))),
		other => node.fail(format!("unexpected state_getStorage result {other}")),
	}
}

/// The nonce the node expects next from `who`, counting transactions waiting in its pool.
fn next_nonce(node: &Node, who: &AccountId) -> Nonce {
	// The RPC takes the account as an SS58 address.
	let value = node.call("system_accountNextIndex", json!([who.to_ss58check()]));
	value
		.as_u64()
		.and_then(|nonce| Nonce::try_from(nonce).ok())
		.unwrap_or_else(|| node.fail(format!("unexpected nonce {value}")))
}

/// A `Balances::transfer_keep_alive` of `value` to `dest`, signed the way a wallet signs it.
///
/// The transaction is immortal, so the implicit data signed along with the call and the
/// extension is the spec and transaction versions and the genesis hash twice: once for
/// `CheckGenesis`, once as the birth block `CheckEra` names for an immortal era. `sender` is
/// who the transaction claims to come from and `key` signs it: a key not belonging to
/// `sender` makes a bad signature.
fn transfer(
	sender: &AccountId,
	key: &sr25519::Pair,
	nonce: Nonce,
	genesis: Hash,
	dest: &AccountId,
	value: Balance,
) -> UncheckedExtrinsic {
	let call = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
		dest: dest.clone().into(),
		value,
	});
	let extension: TxExtension = tx_extension(nonce, Era::Immortal, 0);
	let implicit = (
		(),
		VERSION.spec_version,
		VERSION.transaction_version,
		genesis,
		genesis,
		(),
		(),
		(),
		(),
		(),
	);
	let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
	// `SignedPayload` encodes as the payload itself, or its blake2-256 hash if longer than 256
	// bytes, which is exactly what gets signed.
	let signature = payload.using_encoded(|bytes| key.sign(bytes));
	signed_extrinsic(call, sender.clone(), MultiSignature::from(signature), extension)
}

/// Submits `xt` and checks that the node refuses it as an invalid transaction whose reason
/// mentions `reason`, and that it is not left waiting in the pool.
fn expect_refused(node: &Node, xt: &UncheckedExtrinsic, reason: &str) {
	let hex = to_hex(&xt.encode());
	match node.rpc("author_submitExtrinsic", json!([hex])) {
		Err(RpcError::Call(error)) => {
			assert_eq!(
				error["code"], INVALID_TRANSACTION,
				"unexpected error for a transaction with a {reason} problem: {error}"
			);
			assert!(
				error["data"].to_string().to_lowercase().contains(reason),
				"the error for a transaction with a {reason} problem does not say so: {error}"
			);
		},
		Err(error @ RpcError::Transport(_)) => node.fail(format!("submitting failed: {error}")),
		Ok(hash) => {
			node.fail(format!("a transaction with a {reason} problem was accepted: {hash}"))
		},
	}
	let pending = node.call("author_pendingExtrinsics", json!([]));
	assert!(!contains_hex(&pending, &hex), "a refused transaction is waiting in the pool");
}

/// Waits until a block after #`after` holds the extrinsic `hex`; returns its number and hash.
fn wait_for_inclusion(node: &Node, hex: &str, after: u64) -> (u64, Hash) {
	let mut next = after + 1;
	node.wait_for("the transfer to be included in a block", INCLUSION, || {
		let best = node.best_number().ok()?;
		while next <= best {
			let hash = node.rpc("chain_getBlockHash", json!([next])).ok()?;
			let block = node.rpc("chain_getBlock", json!([hash])).ok()?;
			if contains_hex(&block["block"]["extrinsics"], hex) {
				return Some((next, hash_from(node, &hash)));
			}
			next += 1;
		}
		None
	})
}

/// Whether the JSON array `list` holds the hex string `hex`, in any letter case.
fn contains_hex(list: &Value, hex: &str) -> bool {
	list.as_array().is_some_and(|items| {
		items.iter().any(|item| item.as_str().is_some_and(|item| item.eq_ignore_ascii_case(hex)))
	})
}
