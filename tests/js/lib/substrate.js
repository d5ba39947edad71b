// Talking to a dev node as Polkadot.js Apps does: connect with @polkadot/api (no custom
// types) and submit signed transactions.

import assert from 'node:assert/strict';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { DevNode, sleep } from './devnode.js';

/**
 * Starts a dev node for `label`, connects to it and waits for its first block.
 * Resolves to { node, api, provider, keyring }.
 */
export async function connect(label) {
	await cryptoWaitReady();
	const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
	const node = await DevNode.start(label);
	const provider = new WsProvider(`ws://127.0.0.1:${node.rpc}`);
	const api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
	// Wait for the first block, so there are events to decode.
	const deadline = Date.now() + 60_000;
	while ((await api.rpc.chain.getHeader()).number.toNumber() < 1) {
		assert.ok(Date.now() < deadline, `no block authored:\n${node.log()}`);
		await sleep(1_000);
	}
	return { node, api, provider, keyring };
}

/** Signs and sends `tx`, resolving to its events once in a block; rejects on a dispatch error. */
export function send(api, tx, signer) {
	return new Promise((resolve, reject) => {
		tx.signAndSend(signer, ({ status, dispatchError, events }) => {
			if (dispatchError) {
				const why = dispatchError.isModule
					? JSON.stringify(api.registry.findMetaError(dispatchError.asModule))
					: dispatchError.toString();
				reject(new Error(`dispatch failed: ${why}`));
			} else if (status.isInBlock) {
				resolve(events);
			}
		}).catch(reject);
	});
}

/** The JSON-RPC error `promise` rejects with; fails when it resolves. */
export async function rpcError(promise) {
	try {
		await promise;
	} catch (e) {
		return e;
	}
	assert.fail('the call succeeded');
}
