// Renting compute from Polkadot.js: a provider lists a machine, a consumer finds it with the
// node's `market_match` RPC, rents it (the rent is held), ends the lease early (the provider
// is paid for the time used, less the platform fee) and both rate each other; then a demand
// order filled by the provider, and a task taken, committed, revealed and accepted, after
// which consumer and worker rate each other. Starts its own
// `powerverse-node --dev` and stops it at the end.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { u8aToHex } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';
import { connect, rpcError, send as sendTx } from './lib/substrate.js';

const PVC = 10n ** 12n;

let node, api, keyring, provider;
/** The machine the first test lists. */
let machine;

before(async () => {
	({ node, api, provider, keyring } = await connect('market'));
});

after(async () => {
	await api?.disconnect();
	node?.stop();
});

const send = (tx, signer) => sendTx(api, tx, signer);

/** A 32-core CPU machine in Germany at 2 PVC an hour. */
const declaration = {
	specs: {
		cpu: { model: 'EPYC 9354', cores: 32, threads: 64, baseMhz: 3250, boostMhz: 3800 },
		gpu: null,
		memoryMib: 262144,
		memoryMhz: 4800,
		storage: { kind: 'Nvme', sizeGib: 4096, readMbps: 7000, writeMbps: 5000 },
		upMbps: 10000,
		downMbps: 10000,
	},
	energy: { renewable: 50, pueMilli: 1300 },
	region: { country: [0x44, 0x45], geohash: 'u33db' },
	tier: 'Regional',
	machineKey: `0x${'03'.repeat(32)}`,
	telemetry: 'https://m.example.net/telemetry',
	price: { Fixed: 2n * PVC },
	window: { from: 0, until: 10_000_000 },
};

/** The free and held balance of `who`. */
async function balance(who) {
	const { data } = await api.query.system.account(who);
	return { free: data.free.toBigInt(), reserved: data.reserved.toBigInt() };
}

test('a machine is matched, rented, ended early and rated', async () => {
	const alice = keyring.addFromUri('//Alice');
	const ferdie = keyring.addFromUri('//Ferdie');
	const eve = keyring.addFromUri('//Eve');

	// The provider bonds, registers and (verified by governance) lists its machine.
	const params = (await api.query.registry.parameters()).unwrap();
	const registered = await send(api.tx.utility.batchAll([
		api.tx.registry.registerProvider('Ferdie CPUs', 'mailto:ferdie@example.net',
			params.minBond),
		api.tx.registry.registerResource(declaration),
	]), ferdie);
	const id = registered.find(({ event }) => api.events.registry.Registered.is(event))
		.event.data.resource.toNumber();
	await send(api.tx.sudo.sudo(api.tx.registry.forceVerify(id, 5000)), alice);
	await send(api.tx.registry.list(id), ferdie);
	machine = id;

	// The consumer asks the node for the best machines near Frankfurt with 16+ cores.
	const matched = await provider.send('market_match', [{ minCores: 16 }, 5, 'u33']);
	assert.equal(matched.length, 1);
	assert.equal(matched[0].id, id);
	assert.equal(matched[0].price, `${2n * PVC}`);
	// Cheapest and best of one: 35% + 35%, neutral reputation 20% × 0.5, nearness 10%.
	assert.equal(matched[0].fit, 900);
	assert.deepEqual(await provider.send('market_match', [{ minCores: 64 }, 5]), []);
	const bad = await rpcError(provider.send('market_match', [{}, 0]));
	assert.match(bad.message, /limit must be 1 to 100/);
	const near = await rpcError(provider.send('market_match', [{}, 5, 'aaaa']));
	assert.match(near.message, /near must be a geohash/);

	// Rent for two hours at no more than 2 PVC an hour: 4 PVC held.
	const before = await balance(eve.address);
	const rented = await send(api.tx.leases.rent(id, 2, 2n * PVC), eve);
	const ev = rented.find(({ event }) => api.events.leases.Rented.is(event)).event.data;
	assert.equal(ev.tenant.toString(), eve.address);
	assert.equal(ev.provider.toString(), ferdie.address);
	assert.equal(ev.escrow.toBigInt(), 4n * PVC);
	assert.equal(ev.end.toNumber() - ev.start.toNumber(), 2 * 600);
	const lease = ev.lease.toNumber();
	assert.equal((await balance(eve.address)).reserved - before.reserved, 4n * PVC);
	const view = await provider.send('registry_resource', [id]);
	assert.equal(view.status, 'rented');
	assert.equal(view.tenant, eve.address);
	assert.deepEqual(await provider.send('market_match', [{}, 5]), [], 'rented: not offered');

	// A rented machine cannot be rented again: the pallet says why.
	await assert.rejects(send(api.tx.leases.rent(id, 1, 2n * PVC), alice), /NotListed/);

	// Ending early pays the provider for the blocks used, less the 5% fee.
	const paidBefore = (await balance(ferdie.address)).free;
	const ended = await send(api.tx.leases.terminate(lease), eve);
	const settled = ended.find(({ event }) => api.events.leases.Settled.is(event)).event.data;
	const refunded = settled.refunded.toBigInt();
	const gross = 4n * PVC - refunded;
	assert.ok(gross > 0n && refunded > 0n);
	assert.equal(settled.paid.toBigInt(), gross - gross * 5n / 100n);
	assert.equal((await balance(ferdie.address)).free - paidBefore, settled.paid.toBigInt());
	assert.equal((await api.query.balances.holds(eve.address)).filter((h) => h.id.isLeases).length, 0);
	assert.equal((await provider.send('registry_resource', [id])).status, 'listed');

	// Both rate; a second rating is refused.
	await send(api.tx.leases.rate(lease, 5, null), eve);
	await send(api.tx.leases.rate(lease, 4, null), ferdie);
	await assert.rejects(send(api.tx.leases.rate(lease, 1, null), eve), /NotRatable|AlreadyRated/);
	assert.ok((await api.query.scoring.reputations(ferdie.address)).isSome);
});

/**
 * A worker's commitment to a task result, as `Orders::commitment` computes it:
 * blake2-256 of the SCALE encoding of `(order: u64, result: H256, salt: H256, worker: AccountId)`.
 */
const commitment = (order, result, salt, worker) => u8aToHex(blake2AsU8a(
	api.createType('(u64, H256, H256, AccountId)', [order, result, salt, worker]).toU8a()));

test('a demand is filled and a task is done and accepted', async () => {
	const ferdie = keyring.addFromUri('//Ferdie');
	const charlie = keyring.addFromUri('//Charlie');
	assert.ok(machine !== undefined, 'the first test listed a machine');
	const head = (await api.rpc.chain.getHeader()).number.toNumber();

	// Charlie wants 16+ cores for an hour at up to 3 PVC; 3 PVC is held.
	const posted = await send(api.tx.orders.postDemand({ minCores: 16 }, 1, 3n * PVC,
		head + 200), charlie);
	const order = posted.find(({ event }) => api.events.orders.DemandPosted.is(event))
		.event.data.order.toNumber();
	const holds = async () => (await api.query.balances.holds(charlie.address));
	assert.ok((await holds()).some((h) => h.id.isOrders && h.amount.toBigInt() === 3n * PVC));
	// Ferdie fills it at 2 PVC: the lease holds 2 PVC, the budget is released.
	const filled = await send(api.tx.orders.fill(order, machine, 2n * PVC), ferdie);
	const lease = filled.find(({ event }) => api.events.orders.Filled.is(event)).event.data.lease;
	assert.ok((await holds()).every((h) => !h.id.isOrders));
	assert.ok((await holds()).some((h) => h.id.isLeases && h.amount.toBigInt() === 2n * PVC));
	await send(api.tx.leases.terminate(lease), charlie);

	// A task for one provider, 1 PVC, reviewed by Charlie.
	const task = await send(api.tx.orders.postTask({
		description: `0x${'11'.repeat(32)}`,
		uri: 'ipfs://bafy-task',
		requirements: { minCores: 16 },
		reward: PVC,
		providers: 1,
		deadline: head + 300,
		review: 50,
		verification: 'Consumer',
	}), charlie);
	const t = task.find(({ event }) => api.events.orders.TaskPosted.is(event))
		.event.data.order.toNumber();
	await send(api.tx.orders.take(t, machine), ferdie);
	assert.equal((await provider.send('registry_resource', [machine])).status, 'busy');
	// Ferdie commits to its result (hidden), then reveals it: the only slot has committed.
	const result = `0x${'22'.repeat(32)}`;
	const salt = `0x${'33'.repeat(32)}`;
	const committed = await send(
		api.tx.orders.commit(t, commitment(t, result, salt, ferdie.address)), ferdie);
	assert.ok(committed.some(({ event }) => api.events.orders.RevealOpened.is(event)));
	assert.equal((await provider.send('registry_resource', [machine])).status, 'listed');
	// A reveal that does not match the commitment is refused by name.
	await assert.rejects(
		send(api.tx.orders.reveal(t, result, 'ipfs://bafy-result', `0x${'44'.repeat(32)}`), ferdie),
		/BadReveal/);
	const revealed = await send(api.tx.orders.reveal(t, result, 'ipfs://bafy-result', salt), ferdie);
	assert.ok(revealed.some(({ event }) => api.events.orders.InReview.is(event)));
	const accepted = await send(api.tx.orders.acceptResult(t), charlie);
	const paid = accepted.find(({ event }) => api.events.orders.Paid.is(event)).event.data;
	assert.equal(paid.provider.toString(), ferdie.address);
	assert.equal(paid.net.toBigInt(), PVC - PVC * 5n / 100n);
	assert.equal((await provider.send('registry_resource', [machine])).status, 'listed');
	// An order that does not exist is refused by name.
	await assert.rejects(send(api.tx.orders.acceptResult(t), charlie), /UnknownOrder/);
	// Both sides rate each other once.
	assert.ok(accepted.some(({ event }) => api.events.orders.RatingsOpened.is(event)));
	await send(api.tx.orders.rate(t, ferdie.address, 5, null), charlie);
	await send(api.tx.orders.rate(t, charlie.address, 4, null), ferdie);
	await assert.rejects(send(api.tx.orders.rate(t, ferdie.address, 5, null), charlie),
		/NotRatable|AlreadyRated/);
});
