#!/usr/bin/env bash
# Installs what building the node needs and is missing: the Rust toolchain's Wasm targets
# and rust-src (from rust-toolchain.toml), and protoc. Prints nothing when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

# rustup installs the pinned toolchain, its targets and components on first use.
if ! rustup which rustc >/dev/null 2>&1 ||
	! rustup target list --installed | grep -q '^wasm32v1-none$' ||
	! rustup target list --installed | grep -q '^wasm32-unknown-unknown$' ||
	! rustup component list --installed | grep -q '^rust-src'; then
	echo "setup: installing the Rust toolchain of rust-toolchain.toml" >&2
	rustup show active-toolchain >/dev/null 2>&1 || rustup toolchain install
	rustup target add wasm32v1-none wasm32-unknown-unknown >/dev/null
	rustup component add rust-src >/dev/null
fi

missing=()
command -v protoc >/dev/null 2>&1 || missing+=(protobuf-compiler)
command -v cc >/dev/null 2>&1 || missing+=(build-essential)
# The client tests drive the node with @polkadot/api, as Polkadot.js Apps does.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if ((${#missing[@]})); then
	echo "setup: installing ${missing[*]}" >&2
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	$sudo apt-get update -qq >/dev/null
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
