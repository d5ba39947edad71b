#!/usr/bin/env bash
# Rents per second on a dev node (the dev-profile binary `make build` builds) whose genesis
# holds COUNT listed machines of 100 funded providers (`make registry-seed`); each provider
# rents machines of another.
# Usage: benchmarks/rent-throughput.sh [COUNT]   (default 2000; at most 100 leases per tenant, so COUNT ≤ 10000)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seed="$(mktemp)"
trap 'rm -f "$seed"' EXIT
count="${1:-2000}"
make -s -C "$root" registry-seed COUNT="$count" OUT="$seed" >/dev/null
cd "$root/tests/js"
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
echo "| transactions | count | blocks | most in one block | per second |"
echo "|---|---|---|---|---|"
SEED="$seed" COUNT="$count" node bench/rent.js
