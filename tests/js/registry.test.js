// The resource registry as a provider and a consumer meet it from Polkadot.js: verifiers
// stake and are admitted, a provider bonds and registers a machine (its certificate appears
// in pallet-nfts), governance verifies it, the provider lists it, and the `registry_*`
// RPC finds it. Starts its own `powerverse-node --dev` and stops it at the end.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { u8aToString } from '@polkadot/util';
import { connect, rpcError, send as sendTx } from './lib/substrate.js';

const PVC = 10n ** 12n;

let node, api, keyring, provider;

before(async () => {
	({ node, api, provider, keyring } = await connect('registry'));
});

after(async () => {
	await api?.disconnect();
	node?.stop();
});

const send = (tx, signer) => sendTx(api, tx, signer);

/** An 8 × H100 machine in the Netherlands, as a provider's agent would declare it. */
const declaration = {
	specs: {
		cpu: { model: 'EPYC 9654', cores: 96, threads: 192, baseMhz: 2400, boostMhz: 3700 },
		gpu: { model: 'H100', count: 8, memoryMib: 81920, cores: 16896, interconnect: 'NvLink' },
		memoryMib: 1572864,
		memoryMhz: 4800,
		storage: { kind: 'Nvme', sizeGib: 30720, readMbps: 12000, writeMbps: 9000 },
		upMbps: 25000,
		downMbps: 25000,
	},
	energy: { renewable: 80, pueMilli: 1150 },
	region: { country: [0x4e, 0x4c], geohash: 'u173z' },
	tier: 'Core',
	machineKey: `0x${'01'.repeat(32)}`,
	telemetry: 'https://h100.example.net/telemetry',
	price: { Dutch: { start: 15n * PVC / 100n, floor: 8n * PVC / 100n, fall: PVC / 100n } },
	window: { from: 0, until: 10_000_000 },
};

test('a machine is registered, certified, verified, listed and found', async () => {
	const alice = keyring.addFromUri('//Alice');
	const ferdie = keyring.addFromUri('//Ferdie');
	const verifiers = ['//Bob', '//Charlie', '//Dave'].map((s) => keyring.addFromUri(s));

	// Verifiers stake; governance (sudo on the dev chain) admits them.
	await Promise.all(verifiers.map((v) => send(api.tx.registry.applyVerifier(), v)));
	await send(api.tx.sudo.sudo(api.tx.utility.batchAll(
		verifiers.map((v) => api.tx.registry.admitVerifier(v.address)))), alice);
	assert.equal((await api.query.registry.committee()).length, 3);

	// The provider bonds and registers its machine; a panel of three is drawn.
	const params = (await api.query.registry.parameters()).unwrap();
	const events = await send(api.tx.utility.batchAll([
		api.tx.registry.registerProvider('Ferdie GPUs', 'mailto:ferdie@example.net',
			params.minBond),
		api.tx.registry.registerResource(declaration),
	]), ferdie);
	const drawn = events.find(({ event }) => api.events.registry.PanelDrawn.is(event));
	assert.ok(drawn, 'a panel is drawn');
	const id = drawn.event.data.resource.toNumber();
	assert.equal(drawn.event.data.panel.length, 3);
	const bond = await api.query.balances.holds(ferdie.address);
	assert.ok(bond.some((h) => h.id.isRegistry && h.amount.eq(params.minBond)));

	// Its certificate is an NFT of the registry's collection, owned by the provider, and
	// locked: only the registry moves it.
	const collection = (await api.query.registry.collection()).unwrap();
	const item = (await api.query.nfts.item(collection, id)).unwrap();
	assert.equal(item.owner.toString(), ferdie.address);
	const attribute = async (key) => {
		const a = await api.query.nfts.attribute(collection, id, 'Pallet', key);
		return u8aToString(a.unwrap()[0]);
	};
	assert.equal(await attribute('status'), 'Pending');
	await assert.rejects(send(api.tx.nfts.transfer(collection, id, alice.address), ferdie),
		/ItemLocked/);

	// Governance verifies it directly (the panel would take two hours); the provider lists.
	await send(api.tx.sudo.sudo(api.tx.registry.forceVerify(id, 9000)), alice);
	await send(api.tx.registry.list(id), ferdie);
	assert.equal(await attribute('status'), 'Listed');

	// A consumer searches through the node's RPC.
	const found = await provider.send('registry_search',
		[{ gpuModel: 'H100', minGpus: 8, country: 'NL', maxPrice: `${15n * PVC / 100n}`,
			sort: 'price', pageSize: 10 }]);
	assert.equal(found.length, 1);
	const r = found[0];
	assert.equal(r.id, id);
	assert.equal(r.owner, ferdie.address);
	assert.equal(r.status, 'listed');
	assert.equal(r.gpu.model, 'H100');
	assert.equal(r.gpu.count, 8);
	assert.equal(r.region.country, 'NL');
	assert.equal(r.price, `${15n * PVC / 100n}`);
	assert.equal(r.benchmark, 9000);
	assert.ok(r.score > 0);
	assert.deepEqual(await provider.send('registry_search', [{ gpuModel: 'RTX 4090' }]), []);
	assert.deepEqual(await provider.send('registry_search', [{ maxPrice: '1' }]), []);
	assert.deepEqual(await provider.send('registry_resource', [id]), r);
	assert.equal(await provider.send('registry_resource', [id + 1]), null);
	const mine = await provider.send('registry_resourcesOf', [ferdie.address]);
	assert.deepEqual(mine.map((m) => m.id), [id]);

	// Bad queries get a clear error.
	const bad = await rpcError(provider.send('registry_search', [{ tier: 'orbit' }]));
	assert.match(bad.message, /tier must be edge, regional or core/);
	const unknown = await rpcError(provider.send('registry_search', [{ colour: 'red' }]));
	assert.match(unknown.message, /unknown field/);
	const owner = await rpcError(provider.send('registry_resourcesOf', ['not-an-address']));
	assert.match(owner.message, /SS58/);
});
