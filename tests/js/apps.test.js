// What Polkadot.js Apps does with a PowerVerse node, through the same client library
// (@polkadot/api, no custom types): connect, decode everything from metadata, show PVC with
// 12 decimals, transfer, bond, set session keys, validate and nominate. Starts its own
// `powerverse-node --dev` on free loopback ports and stops it at the end.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBalance, u8aToHex } from '@polkadot/util';
import { connect, send as sendTx } from './lib/substrate.js';

const PVC = 10n ** 12n;

let node, api, keyring, provider;

before(async () => {
	({ node, api, provider, keyring } = await connect('apps'));
});

const send = (tx, signer) => sendTx(api, tx, signer);

after(async () => {
	await api?.disconnect();
	node?.stop();
});

test('the chain describes itself: PVC, 12 decimals, SS58 42, all from metadata', async () => {
	assert.deepEqual(api.registry.chainTokens, ['PVC']);
	assert.deepEqual(api.registry.chainDecimals, [12]);
	assert.equal(api.registry.chainSS58, 42);
	assert.equal((await api.rpc.system.chain()).toString(), 'PowerVerse Development');
	assert.equal(api.runtimeVersion.specName.toString(), 'powerverse');
	// The pallets Apps builds its pages from are decorated from metadata alone.
	for (const call of ['balances.transferKeepAlive', 'staking.bond', 'staking.validate',
		'staking.nominate', 'session.setKeys', 'treasury.spendLocal', 'nfts.create']) {
		const [section, method] = call.split('.');
		assert.equal(typeof api.tx[section]?.[method], 'function', `api.tx.${call}`);
	}
	// A block and its events decode without custom types.
	const hash = await api.rpc.chain.getBlockHash();
	const events = await (await api.at(hash)).query.system.events();
	assert.ok(events.length > 0);
	// Balances display as Apps shows them, from the chain's own properties.
	const shown = formatBalance(25n * PVC / 10n, {
		decimals: api.registry.chainDecimals[0],
		withUnit: api.registry.chainTokens[0],
		withSi: true,
		forceUnit: '-',
	});
	assert.equal(shown, '2.5000 PVC');
});

test('transfer moves exactly the amount and charges a small fee', async () => {
	const alice = keyring.addFromUri('//Alice');
	const dest = keyring.addFromUri('//PowerVerse/js/transfer');
	const before = (await api.query.system.account(alice.address)).data.free.toBigInt();
	const info = await api.tx.balances.transferKeepAlive(dest.address, 10n * PVC)
		.paymentInfo(alice);
	assert.ok(info.partialFee.toBigInt() > 0n && info.partialFee.toBigInt() < PVC / 100n,
		`fee ${info.partialFee.toHuman()}`);
	await send(api.tx.balances.transferKeepAlive(dest.address, 10n * PVC), alice);
	assert.equal((await api.query.system.account(dest.address)).data.free.toBigInt(), 10n * PVC);
	const after = (await api.query.system.account(alice.address)).data.free.toBigInt();
	assert.ok(before - after > 10n * PVC - PVC / 100n, 'Alice paid the amount');
});

test('a stash bonds, registers session keys and validates; another bonds and nominates it', async () => {
	const ferdie = keyring.addFromUri('//Ferdie');
	const dave = keyring.addFromUri('//Dave');
	// The node generates the keys and proves they belong to Ferdie's account.
	const generated = await provider.send('author_rotateKeysWithOwner',
		[u8aToHex(ferdie.publicKey)]);
	assert.ok(generated.keys && generated.proof, JSON.stringify(generated));
	await send(api.tx.utility.batchAll([
		api.tx.staking.bond(50_000n * PVC, 'Staked'),
		api.tx.session.setKeys(generated.keys, generated.proof),
		api.tx.staking.validate({ commission: 50_000_000, blocked: false }),
	]), ferdie);
	const ledger = (await api.query.staking.ledger(ferdie.address)).unwrap();
	assert.equal(ledger.total.toBigInt(), 50_000n * PVC);
	assert.ok((await api.query.staking.validators(ferdie.address)).commission.toNumber() > 0);
	const keys = (await api.query.session.nextKeys(ferdie.address)).unwrap();
	assert.equal(keys.toHex(), generated.keys);

	await send(api.tx.utility.batchAll([
		api.tx.staking.bond(1_000n * PVC, 'Stash'),
		api.tx.staking.nominate([ferdie.address]),
	]), dave);
	const nominations = (await api.query.staking.nominators(dave.address)).unwrap();
	assert.deepEqual(nominations.targets.map((t) => t.toString()), [ferdie.address]);

	// Bonding below the minimum is refused with the pallet's own error, decoded by name.
	const eve = keyring.addFromUri('//Eve');
	await assert.rejects(send(api.tx.utility.batchAll([
		api.tx.staking.bond(1n * PVC, 'Staked'),
		api.tx.staking.validate({ commission: 0, blocked: false }),
	]), eve), /InsufficientBond/);
	assert.ok((await api.query.staking.ledger(eve.address)).isNone, 'nothing bonded');
});

test('holders submit a referendum on the market-admin track and vote with conviction', async () => {
	const [alice, bob, charlie, dave] = ['//Alice', '//Bob', '//Charlie', '//Dave']
		.map((uri) => keyring.addFromUri(uri));
	// What Apps' "Submit proposal" builds: the origin picks the track, the call goes inline.
	const call = api.tx.leases.setFees({ fee: 30_000, burn: 40, floor: 0 });
	const reserved = async (who) => (await api.query.system.account(who.address)).data.reserved
		.toBigInt();
	const before = await reserved(alice);
	const events = await send(api.tx.referenda.submit(
		{ Origins: 'MarketAdmin' }, { Inline: call.method.toHex() }, { After: 0 }), alice);
	const submitted = events.find(({ event }) => api.events.referenda.Submitted.is(event));
	assert.ok(submitted, 'Submitted');
	const index = submitted.event.data.index.toNumber();
	assert.equal(submitted.event.data.track.toNumber(), 20, 'the market_admin track');
	assert.equal(await reserved(alice) - before, 10n * PVC, 'the submission deposit');

	// Bob places the track's decision deposit; Charlie and Dave vote aye, Dave with 3×
	// conviction (its PVC locked four vote-locking periods after a win).
	const bobBefore = await reserved(bob);
	await send(api.tx.referenda.placeDecisionDeposit(index), bob);
	assert.equal(await reserved(bob) - bobBefore, 5_000n * PVC, 'the decision deposit');
	await send(api.tx.convictionVoting.vote(index,
		{ Standard: { vote: { aye: true, conviction: 'Locked1x' }, balance: 1_000n * PVC } }), charlie);
	await send(api.tx.convictionVoting.vote(index,
		{ Standard: { vote: { aye: true, conviction: 'Locked3x' }, balance: 2_000n * PVC } }), dave);

	const info = (await api.query.referenda.referendumInfoFor(index)).unwrap();
	assert.ok(info.isOngoing, info.toString());
	const ongoing = info.asOngoing;
	assert.equal(ongoing.track.toNumber(), 20);
	// Ayes weigh balance × conviction; support counts the balances without conviction.
	assert.equal(ongoing.tally.ayes.toBigInt(), 1_000n * PVC + 3n * 2_000n * PVC);
	assert.equal(ongoing.tally.support.toBigInt(), 3_000n * PVC);
	assert.equal(ongoing.tally.nays.toBigInt(), 0n);
	// The market-admin call itself, signed by a holder, is refused: only the track may.
	await assert.rejects(send(call, alice), /BadOrigin/);
});
