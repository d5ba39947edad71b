// Throughput of `leases.rent` on one dev node whose genesis holds COUNT listed machines of
// 100 providers (`//Bench//0` … `//Bench//99`, raw storage from `make registry-seed`, file
// SEED). Provider p rents machines of provider p + 1: each tenant signs its rents up front
// with consecutive nonces, all are submitted, and blocks are followed until every rent is
// in. Throughput = rents / time from the first block including one to the last (block
// timestamps). Prints a Markdown table row. Usage (from tests/js):
//   SEED=seed.json COUNT=2000 node bench/rent.js

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { DevNode, NODE, sleep } from '../lib/devnode.js';

const COUNT = Number(process.env.COUNT ?? 2000);
const PROVIDERS = 100;

/** The raw dev chain spec with the seeded genesis storage (and the runtime code). */
function spec(dir) {
	const raw = JSON.parse(execFileSync(NODE, ['build-spec', '--chain', 'dev', '--raw'],
		{ maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] }));
	const top = JSON.parse(readFileSync(process.env.SEED, 'utf8'));
	const CODE = '0x3a636f6465'; // `:code`
	top[CODE] = raw.genesis.raw.top[CODE];
	raw.genesis.raw.top = top;
	const file = join(dir, 'spec.json');
	writeFileSync(file, JSON.stringify(raw));
	return file;
}

const dir = mkdtempSync(join(tmpdir(), 'powerverse-rent-'));
const node = await DevNode.start(`rent-${COUNT}`,
	{ extra: ['--chain', spec(dir)], startupMs: 3_600_000 });
try {
	await cryptoWaitReady();
	const api = await ApiPromise.create({
		provider: new WsProvider(`ws://127.0.0.1:${node.rpc}`), noInitWarn: true });
	const keyring = new Keyring({ type: 'sr25519' });
	const providers = [...Array(PROVIDERS).keys()].map((p) => keyring.addFromUri(`//Bench//${p}`));
	// Machine i belongs to provider i % 100 (see the seed); its tenant is the next provider.
	const nonces = await Promise.all(providers.map(async (p) =>
		(await api.rpc.system.accountNextIndex(p.address)).toNumber()));
	const signed = [];
	for (let i = 0; i < COUNT; i++) {
		const t = (i + 1) % PROVIDERS;
		signed.push(await api.tx.leases.rent(i, 1, 10n ** 13n)
			.signAsync(providers[t], { nonce: nonces[t]++, era: 0 }));
	}
	let number = (await api.rpc.chain.getHeader()).number.toNumber();
	for (let i = 0; i < signed.length; i += 200) {
		await Promise.all(signed.slice(i, i + 200).map((xt) => api.rpc.author.submitExtrinsic(xt)));
	}
	let remaining = COUNT, rented = 0, first, last, blocks = 0, most = 0;
	while (remaining > 0) {
		const head = (await api.rpc.chain.getHeader()).number.toNumber();
		if (head <= number) { await sleep(500); continue; }
		for (number += 1; number <= head; number++) {
			const hash = await api.rpc.chain.getBlockHash(number);
			const at = await api.at(hash);
			const block = await api.rpc.chain.getBlock(hash);
			const count = block.block.extrinsics.filter((xt) => xt.method.section === 'leases').length;
			if (count === 0) continue;
			const events = await at.query.system.events();
			rented += events.filter(({ event }) => api.events.leases.Rented.is(event)).length;
			const time = (await at.query.timestamp.now()).toNumber();
			first ??= time;
			last = time;
			blocks += 1;
			most = Math.max(most, count);
			remaining -= count;
		}
		number = head;
	}
	assert.equal(rented, COUNT, 'every rent succeeded');
	// The first block's rents took one slot too.
	const seconds = (last - first) / 1000 + 6;
	console.log(`| \`leases.rent\` | ${COUNT} | ${blocks} | ${most} | ${(COUNT / seconds).toFixed(1)} |`);
	await api.disconnect();
} finally {
	node.stop();
	rmSync(dir, { recursive: true, force: true });
}
