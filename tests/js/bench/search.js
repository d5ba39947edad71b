// Latency of `registry_search` and `market_match` through the node's RPC with COUNT listed machines.
// Starts a dev node whose genesis is the dev chain's plus 100 providers and COUNT listed
// machines of varied GPUs, countries, tiers and prices (raw storage from `make
// registry-seed`, file SEED), and times ROUNDS calls of each query kind over HTTP (one
// kept-alive connection). Prints one Markdown table row per kind.
// Usage: SEED=seed.json COUNT=10000 ROUNDS=30 node bench/search.js   (from tests/js)

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevNode, NODE } from '../lib/devnode.js';

const COUNT = Number(process.env.COUNT ?? 1000);
const ROUNDS = Number(process.env.ROUNDS ?? 30);

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

const QUERIES = {
	'first page, by score': ['registry_search', [{}]],
	'GPU model and count, by score': ['registry_search', [{ gpuModel: 'H100', minGpus: 4 }]],
	'one country, by price (whole bucket)': ['registry_search', [{ country: 'DE', sort: 'price' }]],
	'no match (stops at the scan limit)': ['registry_search', [{ minCores: 10000 }]],
	'market_match, 20 best fits near u33': ['market_match', [{}, 20, 'u33']],
	'market_match, one GPU model, 20 best fits': ['market_match', [{ gpuModel: 'H100' }, 20]],
};

function percentile(sorted, p) {
	return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

const dir = mkdtempSync(join(tmpdir(), 'powerverse-search-'));
const started = Date.now();
const node = await DevNode.start(`search-${COUNT}`,
	{ extra: ['--chain', spec(dir)], startupMs: 3_600_000 });
const startup = ((Date.now() - started) / 1000).toFixed(0);
const url = `http://127.0.0.1:${node.rpc}`;
let id = 0;
/** One JSON-RPC call over HTTP. */
async function call(method, params) {
	const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params }) });
	const body = await res.json();
	if (body.error) throw new Error(`${method}: ${body.error.message}`);
	return body.result;
}
try {
	const total = (await call('registry_search', [{ pageSize: 1 }])).resources.length;
	if (total !== 1) throw new Error('no listed machine found');
	for (const [name, [method, params]] of Object.entries(QUERIES)) {
		await call(method, params);
		const times = [];
		let results = 0;
		for (let r = 0; r < ROUNDS; r++) {
			const t = process.hrtime.bigint();
			const answer = await call(method, params);
			// registry_search answers a page object, market_match an array.
			results = (answer.resources ?? answer).length;
			times.push(Number(process.hrtime.bigint() - t) / 1e6);
		}
		times.sort((a, b) => a - b);
		console.log(`| ${COUNT} | ${name} | ${results} | ${percentile(times, 0.5).toFixed(1)} | ` +
			`${percentile(times, 0.99).toFixed(1)} | ${startup} |`);
	}
} finally {
	node.stop();
	rmSync(dir, { recursive: true, force: true });
}
