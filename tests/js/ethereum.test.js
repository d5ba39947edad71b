// What an Ethereum integrator does with a PowerVerse node, through ethers 6 and solc-js:
// read the chain, send PVC from a MetaMask-style key, compile and deploy an ERC-20, call
// it, find its events, estimate gas, and get Ethereum-style errors for bad transactions.
// Starts its own `powerverse-node --dev` (both RPC servers on free ports) and stops it.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { u8aToHex } from '@polkadot/util';
import {
	ContractFactory, JsonRpcProvider, Wallet, getBytes, id, keccak256, parseEther, zeroPadValue,
} from 'ethers';
import { DevNode, sleep } from './lib/devnode.js';
import { ALITH, BALTATHAR, CHAIN_ID, compileToken } from './lib/eth.js';

/** Wei per planck: PVC has 12 decimals, the Ethereum view 18. */
const WEI_PER_PLANCK = 10n ** 6n;
/** What each development account starts with, in wei (1,000,000 PVC). */
const ENDOWMENT_WEI = 1_000_000n * 10n ** 18n;
/** The existential deposit, in planck (0.01 PVC): an account must keep it. */
const ED = 10n ** 10n;

let node, eth, api, alith, baltathar;

/** One raw JSON-RPC request to the Ethereum server: `{ result }` or `{ error }`. */
async function rpc(method, params = []) {
	const response = await fetch(`http://127.0.0.1:${node.eth}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
	});
	return response.json();
}

/** The Substrate account of an Ethereum key: its address padded with 0xee. */
function substrateAccount(address) {
	return u8aToHex(new Uint8Array([...getBytes(address), ...new Uint8Array(12).fill(0xee)]));
}

/** Free balance of `account` in planck, as Polkadot.js Apps reads it. */
async function free(account) {
	return (await api.query.system.account(account)).data.free.toBigInt();
}

/** Sends a raw transaction expecting a JSON-RPC error; returns it. */
async function refused(raw) {
	const answer = await rpc('eth_sendRawTransaction', [raw]);
	assert.ok(answer.error, `expected an error, got ${JSON.stringify(answer)}`);
	assert.equal(typeof answer.error.code, 'number');
	return answer.error;
}

before(async () => {
	node = await DevNode.start('eth');
	eth = new JsonRpcProvider(`http://127.0.0.1:${node.eth}`, undefined, { staticNetwork: true });
	eth.pollingInterval = 500;
	alith = new Wallet(ALITH, eth);
	baltathar = new Wallet(BALTATHAR, eth);
	api = await ApiPromise.create({
		provider: new WsProvider(`ws://127.0.0.1:${node.rpc}`), noInitWarn: true, throwOnConnect: true,
	});
});

after(async () => {
	await api?.disconnect();
	eth?.destroy();
	node?.stop();
});

test('the chain answers as an Ethereum chain: id, version, advancing blocks, balances', async () => {
	assert.equal(BigInt((await rpc('eth_chainId')).result), CHAIN_ID);
	assert.equal((await rpc('net_version')).result, CHAIN_ID.toString());
	assert.equal((await eth.getNetwork()).chainId, CHAIN_ID);

	const first = await eth.getBlockNumber();
	const deadline = Date.now() + 60_000;
	while (await eth.getBlockNumber() <= first) {
		assert.ok(Date.now() < deadline, `eth_blockNumber stuck at ${first}:\n${node.log()}`);
		await sleep(1_000);
	}

	// The development keys are funded with 1,000,000 PVC. Wallets see what can be spent:
	// all but the existential deposit the account must keep.
	assert.equal(await free(substrateAccount(alith.address)), ENDOWMENT_WEI / WEI_PER_PLANCK);
	assert.equal(await eth.getBalance(alith.address), ENDOWMENT_WEI - ED * WEI_PER_PLANCK);
	// Substrate accounts have Ethereum addresses too: Bob's balance is visible from ethers.
	const bob = '0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48';
	const bobAddress = (await api.call.reviveApi.address(bob)).toHex();
	assert.equal(bobAddress, `0x${keccak256(bob).slice(26)}`, 'last 20 bytes of keccak(key)');
	assert.equal(await eth.getBalance(bobAddress), ((await free(bob)) - ED) * WEI_PER_PLANCK);
});

test('a signed transfer from an Ethereum key moves PVC on both sides', async () => {
	const to = Wallet.createRandom().address;
	const value = parseEther('5');
	const before = await eth.getBalance(alith.address);
	const beforeNative = await free(substrateAccount(alith.address));

	const tx = await alith.sendTransaction({ to, value });
	const receipt = await tx.wait(1, 60_000);
	assert.equal(receipt.status, 1);
	assert.equal(receipt.from, alith.address);
	assert.equal(receipt.to, to);

	// The Ethereum view: the recipient holds the value, the sender paid value + gas.
	assert.equal(await eth.getBalance(to), value);
	const fee = receipt.gasUsed * receipt.gasPrice;
	assert.ok(fee > 0n, 'gas is paid');
	assert.equal(await eth.getBalance(alith.address), before - value - fee);
	// The Substrate view of the same accounts agrees, in planck: the new account also holds
	// the existential deposit, which the sender paid as part of the gas.
	assert.equal(await free(substrateAccount(to)), value / WEI_PER_PLANCK + ED);
	// The sender paid the same, rounded up to whole planck (the chain's smallest unit).
	const paid = (beforeNative - (await free(substrateAccount(alith.address)))) * WEI_PER_PLANCK;
	assert.ok(paid >= value + fee && paid - (value + fee) < WEI_PER_PLANCK,
		`paid ${paid} wei for ${value + fee}`);
	// The transaction is found by hash, in its block.
	const found = await eth.getTransaction(tx.hash);
	assert.equal(found.blockNumber, receipt.blockNumber);
	const block = await eth.getBlock(receipt.blockNumber);
	assert.ok(block.transactions.includes(tx.hash));
});

test('an ERC-20 compiled with solc deploys, transfers, answers calls and logs events', async () => {
	const { abi, bytecode } = compileToken();
	const supply = 1_000_000n * 10n ** 18n;
	const token = await new ContractFactory(abi, bytecode, alith)
		.deploy('PowerVerse Test', 'PVT', supply);
	const deployed = await token.deploymentTransaction().wait(1, 60_000);
	assert.equal(deployed.status, 1);
	const address = await token.getAddress();
	assert.equal(deployed.contractAddress, address);
	assert.ok((await eth.getCode(address)).length > 2, 'code is stored');

	assert.equal(await token.name(), 'PowerVerse Test');
	assert.equal(await token.balanceOf(alith.address), supply);

	// eth_estimateGas gives enough: the transfer succeeds with exactly that limit.
	const amount = 1234n * 10n ** 18n;
	const estimate = await token.transfer.estimateGas(baltathar.address, amount);
	assert.ok(estimate > 21_000n, `estimate ${estimate}`);
	const sent = await token.transfer(baltathar.address, amount, { gasLimit: estimate });
	const receipt = await sent.wait(1, 60_000);
	assert.equal(receipt.status, 1);
	assert.ok(receipt.gasUsed <= estimate, `used ${receipt.gasUsed} of ${estimate}`);

	// eth_call reads the new balances.
	assert.equal(await token.balanceOf(baltathar.address), amount);
	assert.equal(await token.balanceOf(alith.address), supply - amount);

	// eth_getLogs finds the Transfer by its topic and recipient.
	const logs = await eth.getLogs({
		address,
		topics: [id('Transfer(address,address,uint256)'), null, zeroPadValue(baltathar.address, 32)],
		fromBlock: 0,
	});
	assert.equal(logs.length, 1);
	assert.equal(logs[0].transactionHash, sent.hash);
	assert.equal(BigInt(logs[0].data), amount);
	const parsed = token.interface.parseLog(logs[0]);
	assert.equal(parsed.args.from, alith.address);

	// A transfer beyond the balance reverts with the contract's own error, at estimation.
	const tooMuch = amount + 1n;
	await assert.rejects(token.connect(baltathar).transfer.estimateGas(alith.address, tooMuch),
		(e) => {
			const error = token.interface.parseError(e.data);
			assert.equal(error?.name, 'InsufficientBalance');
			assert.deepEqual([...error.args], [amount, tooMuch]);
			return true;
		});
	assert.equal(await token.balanceOf(baltathar.address), amount, 'nothing moved');
});

test('bad transactions get Ethereum-style errors and the node keeps running', async () => {
	const to = Wallet.createRandom().address;
	const nonce = await eth.getTransactionCount(alith.address);
	const fees = await eth.getFeeData();
	const base = { to, value: 1n, nonce, chainId: CHAIN_ID, gasLimit: 100_000n,
		maxFeePerGas: fees.maxFeePerGas, maxPriorityFeePerGas: 0n, type: 2 };
	const balanceBefore = await eth.getBalance(alith.address);

	// Not a transaction at all.
	const malformed = await refused('0xdeadbeef');
	assert.match(malformed.message, /^rlp: /);

	// Signed for another chain (Ethereum main net).
	const otherChain = await refused(await alith.signTransaction({ ...base, chainId: 1n }));
	assert.equal(otherChain.message, `invalid chain id for signer: have 1 want ${CHAIN_ID}`);

	// A nonce already used.
	if (nonce > 0) {
		const stale = await refused(await alith.signTransaction({ ...base, nonce: nonce - 1 }));
		assert.match(stale.message, new RegExp(`^nonce too low: address ${alith.address}, tx: ${nonce - 1} state: ${nonce}$`, 'i'));
	}

	// A key with nothing to pay with.
	const pauper = Wallet.createRandom();
	const poor = await refused(await pauper.signTransaction({ ...base, nonce: 0 }));
	assert.match(poor.message, /^insufficient funds for gas \* price \+ value: balance 0, tx cost \d+, overshot \d+$/);

	// A gas limit below what a transfer needs.
	const starved = await refused(await alith.signTransaction({ ...base, gasLimit: 1n }));
	assert.match(starved.message, /^intrinsic gas too low: gas 1,/);

	// All in the code Ethereum nodes use for refused transactions.
	for (const error of [malformed, otherChain, poor, starved]) assert.equal(error.code, -32000);

	// Nothing was charged for any of them, and the node still serves.
	assert.equal(await eth.getTransactionCount(alith.address), nonce);
	assert.equal(await eth.getBalance(alith.address), balanceBefore);
	assert.ok(node.running, 'the node is still running');
	assert.equal(BigInt((await rpc('eth_chainId')).result), CHAIN_ID);
});
