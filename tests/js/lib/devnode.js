// Starts the built `powerverse-node --dev` on free loopback ports for one test file, and
// stops it: every client test talks to a node of its own.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NODE = process.env.POWERVERSE_NODE ??
	join(process.env.CARGO_TARGET_DIR ?? join(process.env.HOME, '.cache/powerverse-target'),
		'debug/powerverse-node');

/** A port nothing listens on right now. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** Whether something accepts connections on `port`. */
function listening(port) {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1', () => {
			socket.end();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * A development node with its own base path and ports: `rpc` (Substrate JSON-RPC),
 * `eth` (Ethereum JSON-RPC). `log()` gives the tail of its output for failure messages.
 */
export class DevNode {
	/**
	 * Starts the node and waits until both RPC servers accept connections. `extra`
	 * command-line arguments are appended (e.g. `--chain spec.json`); `startupMs` bounds the
	 * wait (a large genesis takes long to build).
	 */
	static async start(label, { extra = [], startupMs = 180_000 } = {}) {
		const dir = mkdtempSync(join(tmpdir(), `powerverse-js-${label}-`));
		const [rpc, p2p, prometheus, eth] =
			[await freePort(), await freePort(), await freePort(), await freePort()];
		const out = openSync(join(dir, 'node.log'), 'w');
		const child = spawn(NODE, ['--dev', '--base-path', join(dir, 'base'),
			'--rpc-port', `${rpc}`, '--port', `${p2p}`, '--prometheus-port', `${prometheus}`,
			'--eth-rpc-port', `${eth}`, '--no-telemetry', ...extra],
		{ stdio: ['ignore', out, out] });
		const node = new DevNode(child, dir, rpc, eth);
		// Start-up compiles the runtime; only then do the RPC servers listen.
		const deadline = Date.now() + startupMs;
		for (const port of [rpc, eth]) {
			while (!(await listening(port))) {
				assert.ok(child.exitCode === null, `the node exited:\n${node.log()}`);
				assert.ok(Date.now() < deadline, `nothing on port ${port}:\n${node.log()}`);
				await sleep(500);
			}
		}
		return node;
	}

	constructor(child, dir, rpc, eth) {
		Object.assign(this, { child, dir, rpc, eth });
	}

	/** The last lines the node wrote. */
	log() {
		return readFileSync(join(this.dir, 'node.log'), 'utf8').split('\n').slice(-60).join('\n');
	}

	/** Whether the process is still running. */
	get running() {
		return this.child.exitCode === null && this.child.signalCode === null;
	}

	/** Kills the node and removes its files. */
	stop() {
		this.child.kill('SIGKILL');
		rmSync(this.dir, { recursive: true, force: true });
	}
}
