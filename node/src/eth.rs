//! The Ethereum JSON-RPC server (pallet-revive's `eth-rpc`), served by the node itself.
//!
//! It runs in a thread of the node process as a client of the node's own RPC server, so
//! one binary serves both the Substrate API (9944) and the Ethereum API (8545): MetaMask,
//! ethers, viem and web3.py talk to the latter.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use clap::Parser;
use pallet_revive_eth_rpc::cli::{CliCommand, EthPruningMode};
use polkadot_sdk::{
	sc_cli::{self, RpcParams},
	sc_service::{Configuration, PruningMode},
};

/// The Ethereum RPC flags of the node.
#[derive(Debug, Clone, clap::Args)]
pub struct EthRpcParams {
	/// Port of the Ethereum JSON-RPC server. It listens on the same interfaces as the
	/// node's RPC (`--rpc-external` applies to both) with the same CORS policy.
	#[arg(long, value_name = "PORT", default_value_t = 8545)]
	pub eth_rpc_port: u16,

	/// Do not serve the Ethereum JSON-RPC (a validator does not need it).
	#[arg(long)]
	pub no_eth_rpc: bool,

	/// Ethereum receipts and logs the server keeps: `archive` (every block, on disk in the
	/// chain's data directory; needs `--state-pruning archive`) or a number of latest blocks
	/// (in memory). Default: `archive` on an archive node, otherwise the node's
	/// `--state-pruning` window.
	#[arg(long, value_name = "archive|N")]
	pub eth_pruning: Option<EthPruningMode>,
}

/// A configured Ethereum RPC server, ready to start once the node's RPC listens.
pub struct EthRpc {
	command: CliCommand,
	listen: Vec<SocketAddr>,
}

impl EthRpc {
	/// The server `params` ask for on a node with this `config` and RPC flags, or `None`
	/// when it is turned off. Fails in one line when the node serves no RPC of its own.
	pub fn configure(
		params: &EthRpcParams,
		rpc: &RpcParams,
		dev: bool,
		config: &Configuration,
	) -> sc_cli::Result<Option<Self>> {
		if params.no_eth_rpc {
			return Ok(None);
		}
		let node = config.rpc.addr.iter().flatten().map(|e| e.listen_addr).next().ok_or(
			"the Ethereum RPC needs the node's RPC server: give --no-eth-rpc or an RPC port",
		)?;
		let node_url = format!("ws://{}", SocketAddr::new(loopback_for(node.ip()), node.port()));
		let pruning = params.eth_pruning.unwrap_or(match &config.state_pruning {
			Some(PruningMode::Constrained(c)) => {
				EthPruningMode::KeepLatest(c.max_blocks.unwrap_or(256).max(1) as usize)
			},
			Some(PruningMode::ArchiveAll | PruningMode::ArchiveCanonical) => {
				EthPruningMode::Archive
			},
			None => EthPruningMode::KeepLatest(256),
		});
		let mut args = vec![
			"eth-rpc".to_string(),
			"--node-rpc-url".into(),
			node_url,
			"--eth-pruning".into(),
			pruning.to_string(),
			// The node's Prometheus endpoint is the one to scrape.
			"--no-prometheus".into(),
			"--base-path".into(),
			config.data_path.join("eth-rpc").display().to_string(),
		];
		if dev {
			// Development accounts for `eth_accounts`/`eth_sendTransaction`, permissive CORS.
			args.push("--dev".into());
		}
		let mut command = CliCommand::try_parse_from(args).map_err(|e| e.to_string())?;
		command.rpc_params = RpcParams {
			rpc_port: Some(params.eth_rpc_port),
			experimental_rpc_endpoint: Vec::new(),
			..rpc.clone()
		};
		let listen: Vec<SocketAddr> = command
			.rpc_params
			.rpc_addr(dev, false, params.eth_rpc_port)?
			.into_iter()
			.flatten()
			.filter(|e| !e.is_optional)
			.map(|e| e.listen_addr)
			.collect();
		Ok(Some(Self { command, listen }))
	}

	/// Where the server will listen. Like the node's own RPC server, it would move to a
	/// random port if one were taken, so the node checks them before it starts.
	pub fn listen(&self) -> &[SocketAddr] {
		&self.listen
	}

	/// Starts the server in its own thread. It stops with the node's process; an error
	/// of its own is logged and leaves the node running.
	pub fn start(self) -> std::io::Result<()> {
		for addr in &self.listen {
			log::info!("🦊 Ethereum JSON-RPC on http://{addr} and ws://{addr}");
		}
		std::thread::Builder::new().name("eth-rpc".into()).spawn(move || {
			if let Err(e) = pallet_revive_eth_rpc::cli::run(self.command) {
				log::error!("Ethereum JSON-RPC server stopped: {e}");
			}
		})?;
		Ok(())
	}
}

/// The address to reach a server listening on `ip` from this machine.
fn loopback_for(ip: IpAddr) -> IpAddr {
	match ip {
		IpAddr::V4(v4) if v4.is_unspecified() => Ipv4Addr::LOCALHOST.into(),
		IpAddr::V6(v6) if v6.is_unspecified() => Ipv6Addr::LOCALHOST.into(),
		other => other,
	}
}
