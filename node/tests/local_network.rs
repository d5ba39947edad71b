//! End-to-end behaviour of a four-validator `--chain local` network on one machine, as an
//! operator starting validators sees it: validators given only Alice as bootnode find each
//! other, every one of the four authors blocks, GRANDPA finalizes, and finality goes on after
//! one validator of four is gone (three of four is more than the two thirds GRANDPA needs).

mod common;

use std::{
	collections::{BTreeSet, HashSet},
	time::Duration,
};

use codec::Decode;
use common::{from_hex, header_number, wait_for_all, Node, Ports};
use polkadot_sdk::{sp_consensus_babe::digests::CompatibleDigestItem, sp_runtime::DigestItem};
use serde_json::json;

/// The `local` chain's genesis validators, in the order of their BABE authority indices.
const VALIDATORS: [&str; 4] = ["alice", "bob", "charlie", "dave"];

/// Start-up compiles the runtime, four nodes share the machine, and the test binary is only
/// lightly optimised.
const STARTUP: Duration = Duration::from_secs(240);

/// For the validators to discover and connect to each other.
const PEERING: Duration = Duration::from_secs(180);

/// For finality to reach a target: GRANDPA rounds follow 6 s blocks, with slack for a busy
/// machine and for rounds that wait out a missing voter.
const FINALITY: Duration = Duration::from_secs(240);

/// For every validator to have authored a block. Which slots each one wins is random (BABE
/// primary slots by VRF, secondary ones by hash), so this allows tens of blocks.
const AUTHORING: Duration = Duration::from_secs(360);

#[test]
fn four_validators_author_and_finalize_and_survive_losing_one() {
	// All ports at once: a node started a moment ago may not have bound its ports yet.
	let ports = Ports::free_many(VALIDATORS.len());

	let alice = start_validator(0, ports[0], None);
	alice.wait_for_rpc(STARTUP);
	let bootnode = bootnode_address(&alice);
	let mut nodes = vec![alice];
	for (index, ports) in ports.iter().enumerate().skip(1) {
		nodes.push(start_validator(index, *ports, Some(&bootnode)));
	}
	for node in &nodes[1..] {
		node.wait_for_rpc(STARTUP);
	}

	// Bob, Charlie and Dave only know Alice; reaching three peers each means they found each
	// other through her.
	wait_for_all(&nodes, "every validator to have three peers", PEERING, || {
		let peers: Vec<Option<u64>> = nodes
			.iter()
			.map(|node| node.rpc("system_health", json!([])).ok()?["peers"].as_u64())
			.collect();
		if peers.iter().all(|count| count.is_some_and(|count| count >= 3)) {
			Ok(())
		} else {
			Err(format!("peers per validator: {peers:?}"))
		}
	});

	wait_for_all(&nodes, "every validator to finalize block #2", FINALITY, || {
		let finalized: Vec<Option<u64>> =
			nodes.iter().map(|node| node.finalized_number().ok()).collect();
		if finalized.iter().all(|number| number.is_some_and(|number| number >= 2)) {
			Ok(())
		} else {
			Err(format!("finalized block per validator: {finalized:?}"))
		}
	});

	let mut looked_at = HashSet::new();
	let mut authors = BTreeSet::new();
	wait_for_all(&nodes, "a block from each of the four authorities", AUTHORING, || {
		record_authors(&nodes[0], &mut looked_at, &mut authors);
		if (0..VALIDATORS.len() as u32).all(|index| authors.contains(&index)) {
			Ok(())
		} else {
			Err(format!("authority indices seen so far: {authors:?}"))
		}
	});
	assert!(
		authors.iter().all(|&index| (index as usize) < VALIDATORS.len()),
		"blocks by authority indices beyond the four validators: {authors:?}"
	);

	// Dave goes away without notice, as a crashed validator does.
	drop(nodes.pop());
	let alice = &nodes[0];
	let start = alice.finalized_number().unwrap_or_else(|e| alice.fail(e));
	wait_for_all(&nodes, "finality to advance 3 blocks without Dave", FINALITY, || {
		match alice.finalized_number() {
			Ok(now) if now >= start + 3 => Ok(()),
			Ok(now) => Err(format!("Alice has finalized #{now}, was at #{start} when Dave left")),
			Err(e) => Err(e.to_string()),
		}
	});
}

/// Starts validator `index` of the `local` chain (`--alice`, `--bob`, ...).
fn start_validator(index: usize, ports: Ports, bootnode: Option<&str>) -> Node {
	let name = VALIDATORS[index];
	let mut args = vec![
		"--chain".to_string(),
		"local".to_string(),
		format!("--{name}"),
		// A validator of a non-dev chain refuses to start without a network key (sc-cli's
		// `NetworkKeyNotFound`), and a fixed key per validator keeps its peer id stable.
		"--node-key".to_string(),
		format!("{:064x}", index + 1),
		// Only the bootnode and discovery through it may connect the validators.
		"--no-mdns".to_string(),
		// The peers' addresses are on 127.0.0.1; whether discovery may use such addresses by
		// default depends on the chain spec's chain type, so say it.
		"--discover-local".to_string(),
		"--allow-private-ip".to_string(),
	];
	if let Some(bootnode) = bootnode {
		args.push("--bootnodes".to_string());
		args.push(bootnode.to_string());
	}
	Node::spawn_with_ports(name, &args, ports)
}

/// Alice's address as the other validators are given it: her p2p port on 127.0.0.1 and the
/// peer id she reports.
fn bootnode_address(alice: &Node) -> String {
	let peer_id = alice.call("system_localPeerId", json!([]));
	let peer_id = peer_id
		.as_str()
		.unwrap_or_else(|| alice.fail(format!("system_localPeerId returned {peer_id}")));
	format!("/ip4/127.0.0.1/tcp/{}/p2p/{peer_id}", alice.ports().p2p)
}

/// Walks back from `node`'s best block to the first block already in `looked_at` (or to
/// genesis) and adds each block author's BABE authority index to `authors`.
///
/// Stops quietly on an RPC error, since the next poll walks the rest; fails the test if a
/// block other than genesis has no BABE pre-digest, which every BABE block must carry.
fn record_authors(node: &Node, looked_at: &mut HashSet<String>, authors: &mut BTreeSet<u32>) {
	let Some(mut hash) = node
		.rpc("chain_getBlockHash", json!([]))
		.ok()
		.and_then(|hash| hash.as_str().map(str::to_owned))
	else {
		return;
	};
	while !looked_at.contains(&hash) {
		let Ok(header) = node.rpc("chain_getHeader", json!([hash])) else { return };
		let Ok(number) = header_number(&header) else { return };
		if number == 0 {
			looked_at.insert(hash);
			return;
		}
		let pre_digests: Vec<_> = header["digest"]["logs"]
			.as_array()
			.into_iter()
			.flatten()
			.filter_map(|log| from_hex(log.as_str()?).ok())
			.filter_map(|bytes| DigestItem::decode(&mut &bytes[..]).ok())
			.filter_map(|item| item.as_babe_pre_digest())
			.collect();
		match pre_digests.as_slice() {
			[pre_digest] => {
				authors.insert(pre_digest.authority_index());
			},
			_ => node.fail(format!(
				"block #{number} has {} BABE pre-digests, expected one: {header}",
				pre_digests.len()
			)),
		}
		let Some(parent) = header["parentHash"].as_str().map(str::to_owned) else { return };
		looked_at.insert(hash);
		hash = parent;
	}
}
