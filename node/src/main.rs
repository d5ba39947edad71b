//! PowerVerse node: BABE block production, GRANDPA finality, JSON-RPC (Substrate and
//! Ethereum).

mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod eth;
mod market_rpc;
mod registry_rpc;
mod rpc;
mod service;

/// Runs the node; a failure is one readable line on stderr and exit code 1, not a
/// debug dump or a panic.
fn main() {
	if let Err(e) = command::run() {
		eprintln!("Error: {e}");
		std::process::exit(1);
	}
}
