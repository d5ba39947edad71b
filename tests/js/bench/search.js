// Latency of `registry_search` through the node's RPC with COUNT listed machines.
// Builds a dev chain spec whose genesis seeds 100 providers (//Bench//0 … //Bench//99) and
// COUNT listed machines of varied GPUs, countries, tiers and prices, starts a dev node on
// it, and times ROUNDS calls of each query kind over HTTP (one kept-alive connection).
// Prints one Markdown table row per kind.
// Usage: COUNT=10000 ROUNDS=30 node bench/search.js   (from tests/js, after `make build`)

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { DevNode, NODE } from '../lib/devnode.js';

const COUNT = Number(process.env.COUNT ?? 1000);
const ROUNDS = Number(process.env.ROUNDS ?? 30);
const PROVIDERS = 100;
const PVC = 10 ** 12;

const bytes = (s) => [...Buffer.from(s)];
const GPUS = ['H100', 'A100', 'RTX 4090', 'L40S', 'MI300X', null];
const COUNTRIES = ['DE', 'US', 'NL', 'FR', 'JP', 'SG', 'BR', 'CA', 'IN', 'GB'];
const TIERS = ['edge', 'regional', 'core'];

/** Machine `i`: a deterministic mix of hardware, place and price. */
function machine(i) {
	const gpu = GPUS[i % GPUS.length];
	const cores = 8 << (i % 5);
	return {
		specs: {
			cpu: { model: bytes('EPYC 9654'), cores, threads: cores * 2, baseMhz: 2400, boostMhz: 3700 },
			gpu: gpu && { model: bytes(gpu), count: 1 + (i % 8), memoryMib: 24576 + 8192 * (i % 8),
				cores: 16384, interconnect: 'pcie' },
			memoryMib: 65536 << (i % 4),
			memoryMhz: 4800,
			storage: { kind: 'nvme', sizeGib: 1024 << (i % 4), readMbps: 7000, writeMbps: 5000 },
			upMbps: 1000,
			downMbps: 1000,
		},
		energy: { renewable: i % 101, pueMilli: 1100 + (i % 400) },
		region: { country: bytes(COUNTRIES[i % COUNTRIES.length]), geohash: bytes('u33db') },
		tier: TIERS[i % TIERS.length],
		machineKey: Array(32).fill(i % 256),
		telemetry: bytes(`https://m${i}.example.net/t`),
		price: { fixed: (5 + (i * 7919) % 200) * PVC / 100 },
		window: { from: 0, until: 100_000_000 },
	};
}

/** A dev chain spec seeded with COUNT listed machines. */
function spec(dir, keyring) {
	const base = JSON.parse(execFileSync(NODE, ['build-spec', '--chain', 'dev'],
		{ maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] }));
	const patch = base.genesis.runtimeGenesis.patch;
	const providers = [...Array(PROVIDERS).keys()].map((p) => keyring.addFromUri(`//Bench//${p}`).address);
	patch.balances.balances.push(...providers.map((a) => [a, 1_000_000 * PVC]));
	patch.registry.providers = providers.map((a) => [a, bytes('Bench'), 1000 * PVC]);
	patch.registry.resources = [...Array(COUNT).keys()].map((i) =>
		[providers[i % PROVIDERS], machine(i), 500 + (i % 1000), true]);
	const file = join(dir, 'spec.json');
	writeFileSync(file, JSON.stringify(base));
	return file;
}

const QUERIES = {
	'first page, by score': {},
	'GPU model and count, by score': { gpuModel: 'H100', minGpus: 4 },
	'one country, by price (whole bucket)': { country: 'DE', sort: 'price' },
	'no match (scans every listed machine)': { minCores: 10000 },
};

function percentile(sorted, p) {
	return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

await cryptoWaitReady();
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
const dir = mkdtempSync(join(tmpdir(), 'powerverse-search-'));
const started = Date.now();
const node = await DevNode.start(`search-${COUNT}`,
	{ extra: ['--chain', spec(dir, keyring)], startupMs: 3_600_000 });
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
	const total = (await call('registry_search', [{ pageSize: 1 }])).length;
	if (total !== 1) throw new Error('no listed machine found');
	for (const [name, query] of Object.entries(QUERIES)) {
		await call('registry_search', [query]);
		const times = [];
		let results = 0;
		for (let r = 0; r < ROUNDS; r++) {
			const t = process.hrtime.bigint();
			results = (await call('registry_search', [query])).length;
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
