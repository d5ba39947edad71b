#!/usr/bin/env bash
# Regenerates the weights of PowerVerse's own pallets (`pallets/*/src/weights.rs`) by running
# their benchmarks in the runtime's Wasm on this machine, with NODE a node built with
# `--features runtime-benchmarks`. Run it through `make weights` (which builds that node).
# Usage: NODE=... benchmarks/weights.sh [PALLET ...]   (default: registry scoring leases orders arbitration)
set -euo pipefail
cd "$(dirname "$0")/.."
node="${NODE:?NODE: a powerverse-node built with --features runtime-benchmarks}"
for pallet in "${@:-registry scoring leases orders arbitration}"; do
	for p in $pallet; do
		"$node" benchmark pallet --chain dev --pallet "pallet_$p" --extrinsic '*' \
			--steps "${STEPS:-20}" --repeat "${REPEAT:-10}" --wasm-execution compiled \
			--template benchmarks/weight-template.hbs --output "pallets/$p/src/weights.rs"
	done
done
