// Throughput of one dev node: ERC-20 transfers sent as signed Ethereum transactions
// (eth_sendRawTransaction) against native `balances.transferKeepAlive` extrinsics.
// Run by benchmarks/eth-throughput.sh; prints a Markdown table row per kind.
//
// Each kind: sign COUNT transactions up front (one sender, consecutive nonces), submit them
// all, then follow blocks until every one is included. Throughput = transactions / time
// from the first block including one to the last (block timestamps), i.e. what the chain
// includes per second while saturated, not how fast this script signs.

import assert from 'node:assert/strict';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, randomAsU8a } from '@polkadot/util-crypto';
import { ContractFactory, JsonRpcProvider, Wallet } from 'ethers';
import { DevNode, sleep } from '../lib/devnode.js';
import { ALITH, CHAIN_ID, compileToken } from '../lib/eth.js';

/** ERC-20 transfers to send; native transfers to send (more: a block holds thousands). */
const COUNT = Number(process.env.COUNT ?? 1000);
const NATIVE_COUNT = Number(process.env.NATIVE_COUNT ?? 8000);

/** Follows new blocks until `count` extrinsics matching `mine` are included. */
async function follow(api, from, mine, count) {
	let remaining = count, first, last, blocks = 0, maxPerBlock = 0;
	let number = from;
	while (remaining > 0) {
		const head = (await api.rpc.chain.getHeader()).number.toNumber();
		if (head <= number) { await sleep(500); continue; }
		for (number += 1; number <= head; number++) {
			const hash = await api.rpc.chain.getBlockHash(number);
			const block = await api.rpc.chain.getBlock(hash);
			const count = block.block.extrinsics.filter(mine).length;
			if (count === 0) continue;
			const at = (await (await api.at(hash)).query.timestamp.now()).toNumber();
			first ??= { at, number };
			last = { at, number };
			blocks += 1;
			maxPerBlock = Math.max(maxPerBlock, count);
			remaining -= count;
		}
		number = head;
	}
	// The first block's transactions took one slot too: count its duration.
	const seconds = (last.at - first.at) / 1000 + 6;
	return { count, perSecond: count / seconds, blocks, maxPerBlock, seconds };
}

const node = await DevNode.start('bench');
try {
	await cryptoWaitReady();
	const api = await ApiPromise.create({
		provider: new WsProvider(`ws://127.0.0.1:${node.rpc}`), noInitWarn: true });
	const eth = new JsonRpcProvider(`http://127.0.0.1:${node.eth}`, undefined,
		{ staticNetwork: true, batchMaxCount: 100 });
	eth.pollingInterval = 500;
	const alith = new Wallet(ALITH, eth);
	const rows = [];

	// ERC-20 through the Ethereum RPC.
	const { abi, bytecode } = compileToken();
	const token = await new ContractFactory(abi, bytecode, alith).deploy('Bench', 'B', 10n ** 30n);
	await token.deploymentTransaction().wait(1, 60_000);
	const fees = await eth.getFeeData();
	const gasLimit = (await token.transfer.estimateGas(Wallet.createRandom().address, 1n)) * 2n;
	let nonce = await eth.getTransactionCount(alith.address);
	const raws = [];
	for (let i = 0; i < COUNT; i++) {
		const data = token.interface.encodeFunctionData('transfer',
			[Wallet.createRandom().address, 1n]);
		raws.push(await alith.signTransaction({ to: await token.getAddress(), data, nonce: nonce++,
			gasLimit, maxFeePerGas: fees.maxFeePerGas * 2n, maxPriorityFeePerGas: 0n,
			chainId: CHAIN_ID, type: 2 }));
	}
	let from = (await api.rpc.chain.getHeader()).number.toNumber();
	const isEth = (xt) => xt.method.section === 'revive' && xt.method.method === 'ethTransact';
	const ethFollow = follow(api, from, isEth, COUNT);
	// In nonce order, one after another: a wallet does not send its nonces out of order.
	for (const raw of raws) {
		assert.ok(await eth.send('eth_sendRawTransaction', [raw]), 'accepted');
	}
	const erc20 = await ethFollow;
	rows.push(['ERC-20 `transfer` via `eth_sendRawTransaction`', erc20]);

	// Native transfers through the Substrate RPC.
	const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
	let aliceNonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
	const signed = [];
	for (let i = 0; i < NATIVE_COUNT; i++) {
		// A fresh account each time (no key derivation: that would dominate the run).
		const dest = randomAsU8a(32);
		signed.push(await api.tx.balances.transferKeepAlive(dest, 10n ** 12n)
			.signAsync(alice, { nonce: aliceNonce++, era: 0 }));
	}
	from = (await api.rpc.chain.getHeader()).number.toNumber();
	const isTransfer = (xt) => xt.method.section === 'balances';
	const nativeFollow = follow(api, from, isTransfer, NATIVE_COUNT);
	for (let i = 0; i < signed.length; i += 100) {
		await Promise.all(signed.slice(i, i + 100).map((xt) => api.rpc.author.submitExtrinsic(xt)));
	}
	const native = await nativeFollow;
	rows.push(['`balances.transferKeepAlive`', native]);

	for (const [what, r] of rows) {
		console.log(`| ${what} | ${r.count} | ${r.blocks} | ${r.maxPerBlock} | ${r.perSecond.toFixed(1)} |`);
	}
	// What wallets see these transactions cost, in gas and in PVC.
	const price = (await eth.getFeeData()).gasPrice;
	const plain = await eth.estimateGas({ from: alith.address, to: Wallet.createRandom().address,
		value: 10n ** 18n });
	const erc20Gas = await token.transfer.estimateGas(Wallet.createRandom().address, 1n);
	const pvc = (gas) => (Number(gas * price) / 1e18).toFixed(6);
	console.log(`\ngas price ${price} wei; PVC transfer to a new account: ${plain} gas ` +
		`(${pvc(plain)} PVC); ERC-20 transfer to a new holder: ${erc20Gas} gas (${pvc(erc20Gas)} PVC)`);
	await api.disconnect();
	eth.destroy();
} finally {
	node.stop();
}
