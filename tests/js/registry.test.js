// The resource registry as a provider, a verifier and a consumer meet it from Polkadot.js:
// a provider bonds and registers a machine (its certificate appears in pallet-nfts), the
// panel drawn from the development committee commits and reveals with the machine's
// signature of its challenge, the provider lists it, and the `registry_*` RPC finds it.
// Starts its own `powerverse-node --dev` and stops it at the end.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { stringToU8a, u8aConcat, u8aToHex, u8aToString } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';
import { connect, rpcError, send as sendTx } from './lib/substrate.js';
import { sleep } from './lib/devnode.js';

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
	machineKey: null, // the machine's own key, set below
	telemetry: 'https://h100.example.net/telemetry',
	price: { Dutch: { start: 15n * PVC / 100n, floor: 8n * PVC / 100n, fall: PVC / 100n } },
	window: { from: 0, until: 10_000_000 },
};

/** Resolves once the chain's best block is `n` or later. */
async function blockAtLeast(n) {
	while ((await api.rpc.chain.getHeader()).number.toNumber() < n) await sleep(500);
}

test('a machine is registered, certified, verified by a panel, listed and found', async () => {
	const alice = keyring.addFromUri('//Alice');
	const ferdie = keyring.addFromUri('//Ferdie');
	// The machine's key: its agent signs verifiers' challenges with it.
	const machine = keyring.addFromUri('//PowerVerseTestMachine');
	declaration.machineKey = u8aToHex(machine.publicKey);

	// The development chain starts with a committee of three and panels of one.
	const committee = (await api.query.registry.committee()).map((a) => a.toString());
	const verifiers = ['//Charlie', '//Dave', '//Eve'].map((s) => keyring.addFromUri(s));
	assert.deepEqual(committee, verifiers.map((v) => v.address));
	const params = (await api.query.registry.parameters()).unwrap();
	assert.equal(params.panelSize.toNumber(), 1);

	// The provider bonds and registers its machine; the fee is held and the draw booked.
	const events = await send(api.tx.utility.batchAll([
		api.tx.registry.registerProvider('Ferdie GPUs', 'mailto:ferdie@example.net',
			params.minBond),
		api.tx.registry.registerResource(declaration),
	]), ferdie);
	const requested = events.find(({ event }) =>
		api.events.registry.VerificationRequested.is(event));
	assert.ok(requested, 'a panel is asked for');
	const id = requested.event.data.resource.toNumber();
	assert.ok(requested.event.data.fee.eq(params.verificationFee));
	const holds = await api.query.balances.holds(ferdie.address);
	assert.ok(holds.some((h) => h.id.isRegistry && h.amount.eq(params.minBond)));

	// At the booked block the panel is drawn, with a random challenge.
	await blockAtLeast(requested.event.data.drawAt.toNumber());
	let v;
	for (;;) {
		v = (await api.query.registry.verifications(id)).unwrap();
		if (v.panel.length > 0) break;
		await sleep(500);
	}
	assert.equal(v.panel.length, 1);
	const member = verifiers.find((p) => p.address === v.panel[0].who.toString());
	assert.ok(member, 'the panel is drawn from the committee');
	const round = v.round.toNumber();

	// The verifier commits to its verdict: blake2_256 of the SCALE-encoded
	// (resource, round, verifier, verdict, salt).
	const verdict = { genuine: true, benchmark: 9000 };
	const salt = new Uint8Array(32).fill(7);
	const hash = blake2AsU8a(api.createType('(u32, u32, AccountId32, PalletRegistryVerdict, [u8; 32])',
		[id, round, member.address, verdict, salt]).toU8a());
	await send(api.tx.registry.commit(id, hash), member);

	// After the commit window it reveals, with the machine's signature of its challenge:
	// b"powerverse/verify" ++ resource ++ round ++ challenge ++ verifier.
	await blockAtLeast(v.commitEnd.toNumber() + 1);
	const message = u8aConcat(stringToU8a('powerverse/verify'),
		api.createType('u32', id).toU8a(), api.createType('u32', round).toU8a(),
		v.challenge.toU8a(), member.publicKey);
	const unsigned = await rpcError(send(api.tx.registry.reveal(id, verdict, salt, null), member));
	assert.match(unsigned.message, /BadMachineSignature/);
	const proof = machine.sign(message);
	// A hex string: a byte array would be read as an encoded Option (its first byte the flag).
	await send(api.tx.registry.reveal(id, verdict, salt, u8aToHex(proof)), member);

	// The panel is counted after the reveal window: verified, and the verifier paid the fee.
	await blockAtLeast(v.revealEnd.toNumber() + 2);
	const view = await provider.send('registry_resource', [id]);
	assert.equal(view.status, 'idle');
	assert.equal(view.benchmark, 9000);
	assert.ok(view.score > 0);

	// Its certificate is an NFT of the registry's collection, owned by the provider, and
	// locked: only the registry moves it.
	const collection = (await api.query.registry.collection()).unwrap();
	const item = (await api.query.nfts.item(collection, id)).unwrap();
	assert.equal(item.owner.toString(), ferdie.address);
	const attribute = async (key) => {
		const a = await api.query.nfts.attribute(collection, id, 'Pallet', key);
		return u8aToString(a.unwrap()[0]);
	};
	assert.equal(await attribute('status'), 'Idle');
	assert.equal(await attribute('score'), `${view.score}`);
	await assert.rejects(send(api.tx.nfts.transfer(collection, id, alice.address), ferdie),
		/ItemLocked/);

	// The provider lists it.
	await send(api.tx.registry.list(id), ferdie);
	assert.equal(await attribute('status'), 'Listed');

	// A consumer searches through the node's RPC: a page of machines, the cursor of the next
	// page (none: everything was read) and whether the scan limit cut the page short.
	const found = await provider.send('registry_search',
		[{ gpuModel: 'H100', minGpus: 8, country: 'NL', maxPrice: `${15n * PVC / 100n}`,
			sort: 'price', pageSize: 10 }]);
	assert.equal(found.resources.length, 1);
	assert.equal(found.next, null);
	assert.equal(found.truncated, false);
	const r = found.resources[0];
	assert.equal(r.id, id);
	assert.equal(r.owner, ferdie.address);
	assert.equal(r.status, 'listed');
	assert.equal(r.gpu.model, 'H100');
	assert.equal(r.gpu.count, 8);
	assert.equal(r.region.country, 'NL');
	assert.equal(r.price, `${15n * PVC / 100n}`);
	assert.equal(r.benchmark, 9000);
	assert.ok(r.score > 0);
	const none = { resources: [], next: null, truncated: false };
	assert.deepEqual(await provider.send('registry_search', [{ gpuModel: 'RTX 4090' }]), none);
	assert.deepEqual(await provider.send('registry_search', [{ maxPrice: '1' }]), none);
	// A page that is exactly the rest has no next page; pages by number stay in bounds.
	assert.deepEqual(await provider.send('registry_search', [{ pageSize: 1 }]),
		{ resources: [r], next: null, truncated: false });
	assert.deepEqual(await provider.send('registry_search', [{ page: 50, pageSize: 20 }]), none);
	// A cursor carries on after what the previous call examined: here, nothing is left.
	const cursor = '0x01' + [r.score, r.id].map((n) =>
		n.toString(16).padStart(8, '0').match(/../g).reverse().join('')).join('') + '00000000';
	assert.deepEqual(await provider.send('registry_search', [{ cursor }]), none);
	assert.deepEqual(await provider.send('registry_resource', [id]), r);
	assert.equal(await provider.send('registry_resource', [id + 1]), null);
	const mine = await provider.send('registry_resourcesOf', [ferdie.address]);
	assert.deepEqual(mine.map((m) => m.id), [id]);

	// Bad queries get a clear error.
	const bad = await rpcError(provider.send('registry_search', [{ tier: 'orbit' }]));
	assert.match(bad.message, /tier must be edge, regional or core/);
	const unknown = await rpcError(provider.send('registry_search', [{ colour: 'red' }]));
	assert.match(unknown.message, /unknown field/);
	// Work a call cannot do within its bound is refused, saying why (-32602).
	const far = await rpcError(provider.send('registry_search', [{ page: 51, pageSize: 20 }]));
	assert.equal(far.code, -32602);
	assert.match(far.message, /\(page \+ 1\) × pageSize must be at most 1024.*page further with `cursor`/);
	const forged = await rpcError(provider.send('registry_search', [{ cursor: '0x0000040000' }]));
	assert.match(forged.message, /cursor must be the `next` of a previous registry_search answer/);
	const both = await rpcError(provider.send('registry_search', [{ cursor, page: 1 }]));
	assert.match(both.message, /page and cursor do not go together/);
	const matchCursor = await rpcError(provider.send('market_match', [{ cursor }, 5]));
	assert.match(matchCursor.message, /do not apply to market_match/);
	const owner = await rpcError(provider.send('registry_resourcesOf', ['not-an-address']));
	assert.match(owner.message, /SS58/);
});
