//! Parses the command line and runs the node or the chosen subcommand.

use std::{fs, path::Path, sync::Arc};

use polkadot_sdk::{
	frame_benchmarking_cli::{
		BenchmarkCmd, ExtrinsicBuilder, ExtrinsicFactory, SUBSTRATE_REFERENCE_HARDWARE,
	},
	sc_cli::{self, SubstrateCli},
	sc_consensus_babe, sc_consensus_grandpa,
	sc_service::{self, PartialComponents},
	sp_keyring::Sr25519Keyring,
	sp_runtime::traits::{HashingFor, NumberFor},
};
use powerverse_runtime::{opaque::Block, EXISTENTIAL_DEPOSIT};

use crate::{
	benchmarking::{inherent_benchmark_data, RemarkBuilder, TransferKeepAliveBuilder},
	chain_spec::{self, ChainSpec},
	cli::{Cli, Subcommand},
	eth::EthRpc,
	service::{self, FullBackend, FullClient},
};

/// Error for benchmarks that need the runtime's benchmarking code compiled in.
const NO_RUNTIME_BENCHMARKS: &str =
	"this benchmark needs a node built with `--features runtime-benchmarks`";

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"PowerVerse Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://github.com/powerverse/powerverse/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		Ok(match id {
			"" | "dev" => Box::new(chain_spec::development_chain_spec()?),
			"local" => Box::new(chain_spec::local_chain_spec()?),
			"testnet" => Box::new(chain_spec::testnet_chain_spec()?),
			path => Box::new(spec_from_file(Path::new(path))?),
		})
	}
}

/// Loads a JSON chain spec, with errors that name the file.
fn spec_from_file(path: &Path) -> Result<ChainSpec, String> {
	if !path.exists() {
		return Err(format!("chain spec file not found: {}", path.display()));
	}
	ChainSpec::from_json_file(path.to_path_buf())
		.map_err(|e| format!("invalid chain spec {}: {e}", path.display()))
}

/// Fails early, in one line, when the node could not write its database, keystore or network
/// key; otherwise that surfaces later as a less obvious I/O error from deep in startup.
fn check_writable(dir: &Path) -> sc_cli::Result<()> {
	let probe = dir.join(".write-check");
	fs::create_dir_all(dir)
		.and_then(|()| fs::write(&probe, b""))
		.and_then(|()| fs::remove_file(&probe))
		.map_err(|e| format!("base path {} is not writable: {e}", dir.display()).into())
}

/// Fails in one line when a port the node must listen on is taken. Left alone, the RPC
/// servers (Substrate and Ethereum) would move to a random port and Prometheus would run
/// without metrics, all easy to miss in the logs of a validator that seems to have started.
fn check_ports_free(
	config: &sc_service::Configuration,
	eth: Option<&EthRpc>,
) -> sc_cli::Result<()> {
	let rpc =
		config.rpc.addr.iter().flatten().filter(|e| !e.is_optional).map(|e| ("RPC", e.listen_addr));
	let prometheus = config.prometheus_config.iter().map(|p| ("Prometheus", p.port));
	let eth = eth.into_iter().flat_map(|eth| eth.listen().iter().map(|a| ("Ethereum RPC", *a)));
	for (what, addr) in rpc.chain(prometheus).chain(eth) {
		std::net::TcpListener::bind(addr).map_err(|e| {
			format!("{what} port {} is not available on {}: {e}", addr.port(), addr.ip())
		})?;
	}
	Ok(())
}

/// Parses the command line and runs what it asks for.
pub fn run() -> sc_cli::Result<()> {
	let cli = Cli::from_args();

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		},
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let spec = cli.load_spec(&cmd.chain)?;
			cmd.run(spec)
		},
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		},
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		},
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		},
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config)?;
				// BABE epochs and GRANDPA authority sets live in aux storage, outside the
				// state the revert rolls back.
				let aux_revert = Box::new(
					|client: Arc<FullClient>,
					 backend: Arc<FullBackend>,
					 blocks: NumberFor<Block>|
					 -> sc_cli::Result<()> {
						sc_consensus_babe::revert(client.clone(), backend, blocks)?;
						sc_consensus_grandpa::revert(client, blocks)?;
						Ok(())
					},
				);
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		},
		Some(Subcommand::Benchmark(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			// The node, not the benchmark crate, decides which benchmarks it can run.
			runner.sync_run(|config| match cmd {
				BenchmarkCmd::Pallet(cmd) => {
					if !cfg!(feature = "runtime-benchmarks") {
						return Err(NO_RUNTIME_BENCHMARKS.into());
					}
					cmd.run_with_spec::<HashingFor<Block>, ()>(Some(config.chain_spec))
				},
				BenchmarkCmd::Block(cmd) => {
					let PartialComponents { client, .. } = service::new_partial(&config)?;
					cmd.run(client)
				},
				#[cfg(not(feature = "runtime-benchmarks"))]
				BenchmarkCmd::Storage(_) => Err(NO_RUNTIME_BENCHMARKS.into()),
				#[cfg(feature = "runtime-benchmarks")]
				BenchmarkCmd::Storage(cmd) => {
					let PartialComponents { client, backend, .. } = service::new_partial(&config)?;
					let db = backend.expose_db();
					let storage = backend.expose_storage();
					let trie_cache = backend.expose_shared_trie_cache();
					cmd.run(config, client, db, storage, trie_cache)
				},
				BenchmarkCmd::Overhead(cmd) => {
					let PartialComponents { client, .. } = service::new_partial(&config)?;
					let remark = RemarkBuilder::new(client.clone());
					cmd.run(
						config.chain_spec.name().into(),
						client,
						inherent_benchmark_data()?,
						Vec::new(),
						&remark,
						false,
					)
				},
				BenchmarkCmd::Extrinsic(cmd) => {
					let PartialComponents { client, .. } = service::new_partial(&config)?;
					let remark: Box<dyn ExtrinsicBuilder> =
						Box::new(RemarkBuilder::new(client.clone()));
					let transfer: Box<dyn ExtrinsicBuilder> =
						Box::new(TransferKeepAliveBuilder::new(
							client.clone(),
							Sr25519Keyring::Alice.to_account_id(),
							EXISTENTIAL_DEPOSIT,
						));
					let builders = ExtrinsicFactory(vec![remark, transfer]);
					cmd.run(client, inherent_benchmark_data()?, Vec::new(), &builders)
				},
				BenchmarkCmd::Machine(cmd) => {
					cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone())
				},
			})
		},
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		},
		None => {
			let runner = cli.create_runner(&cli.run)?;
			check_writable(runner.config().base_path.path())?;
			let eth = EthRpc::configure(
				&cli.eth,
				&cli.run.rpc_params,
				cli.run.shared_params.dev,
				runner.config(),
			)?;
			check_ports_free(runner.config(), eth.as_ref())?;
			runner.run_node_until_exit(|config| async move {
				let node = service::new_full(config).map_err(sc_cli::Error::Service)?;
				// The node's RPC server listens from here on: the Ethereum server can connect.
				if let Some(eth) = eth {
					eth.start()?;
				}
				Ok(node)
			})
		},
	}
}
