#!/usr/bin/env bash
# ERC-20 transfers per second through the Ethereum RPC against native transfers, on one
# dev node started for the purpose (the dev-profile binary `make test` builds).
# Usage: benchmarks/eth-throughput.sh [ERC20_COUNT [NATIVE_COUNT]]   (defaults 1000, 8000: the pool holds at most 8192)
set -euo pipefail
cd "$(dirname "$0")/../tests/js"
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
echo "| transactions | count | blocks | most in one block | per second |"
echo "|---|---|---|---|---|"
COUNT="${1:-1000}" NATIVE_COUNT="${2:-8000}" node bench/throughput.js
