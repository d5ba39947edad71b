#!/usr/bin/env bash
# Writes the committed chain specs (plain and raw, for `local` and `testnet`) from the
# node's built-in specs: `chain-specs.sh NODE write`. The test `chain_specs` fails when
# the committed files differ from what the node builds.
set -euo pipefail
node="$1"
cd "$(dirname "$0")/.."
mkdir -p chain-specs
for chain in local testnet; do
	"$node" build-spec --chain "$chain" --disable-default-bootnode 2>/dev/null >"chain-specs/$chain.json"
	"$node" build-spec --chain "$chain" --disable-default-bootnode --raw 2>/dev/null >"chain-specs/$chain-raw.json"
	echo "chain-specs/$chain.json chain-specs/$chain-raw.json"
done
