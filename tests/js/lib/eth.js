// What the Ethereum client tests and benchmarks share: the chain id, the development keys
// README lists for MetaMask, and the ERC-20 they deploy.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import solc from 'solc';

/** The chain id of PowerVerse networks (runtime `CHAIN_ID`). */
export const CHAIN_ID = 1_400_140n;
/** Private keys of the well-known development accounts Alith and Baltathar. */
export const ALITH = '0x5fb92d6e98884f76de468fa3f6278f8807c48bebc13595d45af5bdc4da702133';
export const BALTATHAR = '0x8075991ce870b93a8870eca0c0f91913d12f47948ca0fd25b49c6fa7cdbeee8b';

/** Compiles contracts/Token.sol with solc-js, for the EVM version pallet-revive implements. */
export function compileToken() {
	const input = {
		language: 'Solidity',
		sources: {
			'Token.sol': {
				content: readFileSync(new URL('../contracts/Token.sol', import.meta.url), 'utf8'),
			},
		},
		settings: {
			evmVersion: 'cancun',
			optimizer: { enabled: true, runs: 200 },
			outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
		},
	};
	const output = JSON.parse(solc.compile(JSON.stringify(input)));
	const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
	assert.deepEqual(errors, [], 'Token.sol compiles');
	const token = output.contracts['Token.sol'].Token;
	return { abi: token.abi, bytecode: `0x${token.evm.bytecode.object}` };
}
