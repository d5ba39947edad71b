#!/usr/bin/env bash
# ERC-20 transfers per second through the Ethereum RPC against native transfers, on one
# dev node started for the purpose (the dev-profile binary `make test` builds).
# Usage: benchmarks/eth-throughput.sh [COUNT]   (default 2000 transactions of each kind)
set -euo pipefail
cd "$(dirname "$0")/../tests/js"
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
echo "| transactions | count | blocks | most in one block | per second |"
echo "|---|---|---|---|---|"
COUNT="${1:-2000}" node bench/throughput.js
