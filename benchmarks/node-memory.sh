#!/usr/bin/env bash
# Resident memory of a dev node after N blocks (default 100): starts
# `powerverse-node --dev --tmp` on free loopback ports, waits for block N, prints VmRSS.
# Usage: benchmarks/node-memory.sh [NODE_BINARY] [BLOCKS]
set -euo pipefail
node="${1:-${CARGO_TARGET_DIR:-$HOME/.cache/powerverse-target}/debug/powerverse-node}"
blocks="${2:-100}"
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rpc=$(port); p2p=$(port); prom=$(port)
log=$(mktemp)
"$node" --dev --tmp --rpc-port "$rpc" --port "$p2p" --prometheus-port "$prom" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -f "$log"' EXIT
best=0
while [ "$best" -lt "$blocks" ]; do
	sleep 6
	hex=$(curl -s -H 'Content-Type: application/json' \
		-d '{"id":1,"jsonrpc":"2.0","method":"chain_getHeader","params":[]}' \
		"http://127.0.0.1:$rpc" | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"]["number"])' 2>/dev/null || echo 0x0)
	best=$((hex))
done
echo "blocks=$best $(grep VmRSS /proc/$pid/status)"
