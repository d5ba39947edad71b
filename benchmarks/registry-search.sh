#!/usr/bin/env bash
# Latency of `registry_search` and `market_match` through the node's RPC with 1,000, 10,000 and 100,000 listed
# machines seeded at genesis (`make registry-seed`), on a dev node (the dev-profile binary
# `make build` builds).
# Usage: benchmarks/registry-search.sh [COUNT ...]   (default: 1000 10000 100000)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seed="$(mktemp)"
trap 'rm -f "$seed"' EXIT
cd "$root/tests/js"
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
echo "| listed machines | query | results | median ms | p99 ms | node start-up s |"
echo "|---|---|---|---|---|---|"
for count in "${@:-1000 10000 100000}"; do
	for n in $count; do
		make -s -C "$root" registry-seed COUNT="$n" OUT="$seed" >/dev/null
		SEED="$seed" COUNT="$n" ROUNDS="${ROUNDS:-30}" node bench/search.js
	done
done
