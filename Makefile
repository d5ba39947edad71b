# PowerVerse: `make run` sets up and starts a development node; `make test` sets up and
# runs every test. Both are safe to repeat: set-up is quiet when nothing is missing.

# Cargo's build output lives outside the clone, so fresh clones (and CI) reuse it.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/powerverse-target
# `run` and `test` build the node with one profile and one feature set, so the node and
# its runtime Wasm are built once for both.
# The Wasm builder runs cargo from outside the clone, where rust-toolchain.toml is not
# seen: pin the toolchain for every nested build too.
export RUSTUP_TOOLCHAIN ?= $(shell sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)
# With the target dir outside the clone the Wasm builder cannot find Cargo.lock by itself.
export WASM_BUILD_WORKSPACE_HINT := $(CURDIR)
# Keeps the clone's path out of the runtime Wasm (panic locations). The blob still differs
# between clone paths (type ids, symbol hashes), so the chain-spec test ignores code bytes.
export WASM_BUILD_RUSTFLAGS ?= --remap-path-prefix=$(CURDIR)=/powerverse
# frame-benchmarking-cli carries a test runtime whose Wasm only `benchmark storage
# --validate-block` uses; building it costs minutes of every cold build.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD ?= 1
# With `runtime-benchmarks`, pallet-revive's benchmark contracts would be compiled with a
# nightly toolchain and solc; the other pallets' benchmarks do not need them.
export SKIP_PALLET_REVIVE_FIXTURES ?= 1
NODE := $(CARGO_TARGET_DIR)/debug/powerverse-node

.PHONY: setup build run test chain-specs metadata registry-seed weights fmt clippy release fast

setup:
	@scripts/setup.sh

build: setup
	cargo build --locked -p powerverse-node

run: build
	$(NODE) --dev --tmp --rpc-cors all $(ARGS)

# Builds the node (the same artifacts `make run` uses) and runs every test.
test: setup
	cargo test --locked --workspace
	# The pallets' benchmarks run as tests against their mocks too.
	cargo test --locked -q -p pallet-registry -p pallet-scoring -p pallet-leases -p pallet-orders \
		-p pallet-arbitration \
		--features runtime-benchmarks
	@cd tests/js && { [ node_modules/.package-lock.json -nt package-lock.json ] || \
		npm ci --no-audit --no-fund --loglevel=error; }
	cd tests/js && POWERVERSE_NODE=$(NODE) node --test

# Regenerates the committed chain specs from the runtime's presets.
chain-specs: build
	@scripts/chain-specs.sh $(NODE) write

# Regenerates the runtime metadata the node's Ethereum RPC server is generated from; a
# test fails when it is stale.
metadata: setup
	POWERVERSE_WRITE_METADATA=1 cargo test --locked -p powerverse-runtime --test runtime \
		eth_rpc_metadata_is_current

# Raw genesis storage of the dev chain with COUNT listed machines, written to OUT: the
# input of benchmarks/registry-search.sh (built natively; too large for the Wasm genesis).
registry-seed: setup
	POWERVERSE_SEED_COUNT=$(COUNT) POWERVERSE_SEED_OUT=$(OUT) cargo test --locked -q \
		-p powerverse-runtime --test marketplace seed_genesis_storage -- --ignored

# Regenerates the weights of PowerVerse's own pallets on this machine: builds the node with
# `runtime-benchmarks` (a separate build) and runs benchmarks/weights.sh.
weights: setup
	cargo build --locked -p powerverse-node --features runtime-benchmarks
	NODE=$(NODE) benchmarks/weights.sh $(PALLETS)

fmt:
	cargo fmt --all

# Lints need no runtime Wasm.
clippy: setup
	SKIP_WASM_BUILD=1 cargo clippy --locked --workspace --all-targets -- -D warnings

# An optimised node for validators on real networks.
release: setup
	cargo build --locked --release -p powerverse-node

# A node with one-minute epochs and three-minute eras, for local networks that want to
# see staking eras pass quickly. A separate build (its own runtime Wasm).
fast: setup
	cargo build --locked --release -p powerverse-node --features fast-runtime
