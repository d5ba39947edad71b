//! Assembles the node: client and database, transaction pool, BABE block production, GRANDPA
//! finality, networking, offchain workers and JSON-RPC.

use std::{sync::Arc, time::Duration};

use futures::FutureExt;
#[cfg(feature = "runtime-benchmarks")]
use polkadot_sdk::frame_benchmarking;
use polkadot_sdk::{
	sc_basic_authorship,
	sc_client_api::Backend as _,
	sc_consensus, sc_consensus_babe, sc_consensus_grandpa as grandpa, sc_consensus_slots,
	sc_executor, sc_network, sc_offchain, sc_rpc,
	sc_service::{self, Configuration, Error as ServiceError, TaskManager, WarpSyncConfig},
	sc_telemetry::{self, Telemetry, TelemetryWorker},
	sc_transaction_pool,
	sc_transaction_pool_api::OffchainTransactionPoolFactory,
	sp_consensus_babe::inherents::{
		BabeCreateInherentDataProviders, InherentDataProvider as SlotInherent,
	},
	sp_io,
	sp_runtime::traits::Block as BlockT,
	sp_timestamp,
};
use powerverse_runtime::{opaque::Block, RuntimeApi};

/// Host functions the runtime may call.
#[cfg(not(feature = "runtime-benchmarks"))]
pub type HostFunctions = sp_io::SubstrateHostFunctions;

/// Host functions the runtime may call; a runtime built with `runtime-benchmarks` also imports
/// the benchmarking ones and would not instantiate without them.
#[cfg(feature = "runtime-benchmarks")]
pub type HostFunctions =
	(sp_io::SubstrateHostFunctions, frame_benchmarking::benchmarking::HostFunctions);

/// Executor running the Wasm runtime.
pub type RuntimeExecutor = sc_executor::WasmExecutor<HostFunctions>;

/// Full client.
pub type FullClient = sc_service::TFullClient<Block, RuntimeApi, RuntimeExecutor>;

/// Database backend.
pub type FullBackend = sc_service::TFullBackend<Block>;

/// Fork choice: longest chain, GRANDPA's finality on top.
pub type FullSelectChain = sc_consensus::LongestChain<FullBackend, Block>;

/// Transaction pool.
pub type TransactionPool = sc_transaction_pool::TransactionPoolHandle<Block, FullClient>;

type GrandpaImport = grandpa::GrandpaBlockImport<FullBackend, Block, FullClient, FullSelectChain>;

/// BABE import wrapping GRANDPA import, so every block goes through both.
type BabeImport = sc_consensus_babe::BabeBlockImport<
	Block,
	FullClient,
	GrandpaImport,
	BabeCreateInherentDataProviders<Block>,
	FullSelectChain,
>;

/// Minimum distance, in blocks, between imported and generated GRANDPA justifications.
const GRANDPA_JUSTIFICATION_PERIOD: u32 = 512;

/// Consensus pieces built by [`new_partial`] that only a running node uses.
pub struct Consensus {
	/// Block import the BABE author feeds its own blocks through.
	pub block_import: BabeImport,
	/// State shared between the BABE import queue and the BABE author.
	pub babe_link: sc_consensus_babe::BabeLink<Block>,
	/// Handle to the BABE worker, for the BABE RPC.
	pub babe_worker: sc_consensus_babe::BabeWorkerHandle<Block>,
	/// Link between the GRANDPA block import and the GRANDPA voter.
	pub grandpa_link: grandpa::LinkHalf<Block, FullClient, FullSelectChain>,
	/// Timestamp and slot inherents, shared by block import and authoring.
	pub inherents: BabeCreateInherentDataProviders<Block>,
	/// Telemetry, present only when endpoints are configured.
	pub telemetry: Option<Telemetry>,
}

/// Components enough for the chain subcommands (import, export, revert, benchmarks).
pub type Service = sc_service::PartialComponents<
	FullClient,
	FullBackend,
	FullSelectChain,
	sc_consensus::DefaultImportQueue<Block>,
	TransactionPool,
	Consensus,
>;

/// Builds the client, database, transaction pool and BABE + GRANDPA import queue.
pub fn new_partial(config: &Configuration) -> Result<Service, ServiceError> {
	let telemetry = config
		.telemetry_endpoints
		.clone()
		.filter(|endpoints| !endpoints.is_empty())
		.map(|endpoints| -> Result<_, sc_telemetry::Error> {
			let worker = TelemetryWorker::new(16)?;
			let telemetry = worker.handle().new_telemetry(endpoints);
			Ok((worker, telemetry))
		})
		.transpose()?;

	let executor = sc_service::new_wasm_executor::<HostFunctions>(&config.executor);
	// Warp sync proofs are built from the justifications of authority set changes, so the
	// blocks carrying them must survive block pruning.
	let pruning_filters: Vec<Arc<dyn sc_service::PruningFilter>> =
		vec![Arc::new(grandpa::GrandpaPruningFilter)];
	let (client, backend, keystore_container, task_manager) =
		sc_service::new_full_parts::<Block, RuntimeApi, _>(
			config,
			telemetry.as_ref().map(|(_, telemetry)| telemetry.handle()),
			executor,
			pruning_filters,
		)?;
	let client = Arc::new(client);

	let telemetry = telemetry.map(|(worker, telemetry)| {
		task_manager.spawn_handle().spawn("telemetry", None, worker.run());
		telemetry
	});

	let select_chain = sc_consensus::LongestChain::new(backend.clone());

	let transaction_pool: Arc<TransactionPool> = Arc::new(
		sc_transaction_pool::Builder::new(
			task_manager.spawn_essential_handle(),
			client.clone(),
			config.role.is_authority().into(),
		)
		.with_options(config.transaction_pool.clone())
		.with_prometheus(config.prometheus_registry())
		.build(),
	);

	let (grandpa_import, grandpa_link) = grandpa::block_import(
		client.clone(),
		GRANDPA_JUSTIFICATION_PERIOD,
		&client,
		select_chain.clone(),
		telemetry.as_ref().map(|x| x.handle()),
	)?;

	let babe_config = sc_consensus_babe::configuration(&*client)?;
	let slot_duration = babe_config.slot_duration();
	let inherents: BabeCreateInherentDataProviders<Block> =
		Arc::new(move |_: <Block as BlockT>::Hash, _: ()| async move {
			let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
			let slot = SlotInherent::from_timestamp_and_slot_duration(*timestamp, slot_duration);
			Ok::<_, Box<dyn std::error::Error + Send + Sync>>((slot, timestamp))
		});

	let (block_import, babe_link) = sc_consensus_babe::block_import(
		babe_config,
		grandpa_import.clone(),
		client.clone(),
		inherents.clone(),
		select_chain.clone(),
		OffchainTransactionPoolFactory::new(transaction_pool.clone()),
	)?;

	let (import_queue, babe_worker) =
		sc_consensus_babe::import_queue(sc_consensus_babe::ImportQueueParams {
			link: babe_link.clone(),
			block_import: block_import.clone(),
			justification_import: Some(Box::new(grandpa_import)),
			client: client.clone(),
			slot_duration,
			spawner: &task_manager.spawn_essential_handle(),
			registry: config.prometheus_registry(),
			telemetry: telemetry.as_ref().map(|x| x.handle()),
		})?;

	Ok(sc_service::PartialComponents {
		client,
		backend,
		task_manager,
		keystore_container,
		select_chain,
		import_queue,
		transaction_pool,
		other: Consensus {
			block_import,
			babe_link,
			babe_worker,
			grandpa_link,
			inherents,
			telemetry,
		},
	})
}

/// Builds and starts a full node on the network backend chosen on the command line.
pub fn new_full(config: Configuration) -> Result<TaskManager, ServiceError> {
	match config.network.network_backend {
		sc_network::config::NetworkBackendType::Libp2p => {
			new_full_with::<sc_network::NetworkWorker<Block, <Block as BlockT>::Hash>>(config)
		},
		sc_network::config::NetworkBackendType::Litep2p => {
			new_full_with::<sc_network::Litep2pNetworkBackend>(config)
		},
	}
}

fn new_full_with<N: sc_network::NetworkBackend<Block, <Block as BlockT>::Hash>>(
	config: Configuration,
) -> Result<TaskManager, ServiceError> {
	let sc_service::PartialComponents {
		client,
		backend,
		mut task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other:
			Consensus { block_import, babe_link, babe_worker, grandpa_link, inherents, mut telemetry },
	} = new_partial(&config)?;

	let mut net_config = sc_network::config::FullNetworkConfiguration::<
		Block,
		<Block as BlockT>::Hash,
		N,
	>::new(&config.network, config.prometheus_registry().cloned());
	let metrics = N::register_notification_metrics(config.prometheus_registry());

	let genesis_hash = client.chain_info().genesis_hash;
	let grandpa_protocol_name = grandpa::protocol_standard_name(&genesis_hash, &config.chain_spec);
	let (grandpa_protocol_config, grandpa_notification_service) =
		grandpa::grandpa_peers_set_config::<_, N>(
			grandpa_protocol_name.clone(),
			metrics.clone(),
			net_config.peer_store_handle(),
		);
	net_config.add_notification_protocol(grandpa_protocol_config);

	let warp_sync = Arc::new(grandpa::warp_proof::NetworkProvider::new(
		backend.clone(),
		grandpa_link.shared_authority_set().clone(),
		Vec::new(),
	));

	let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
		sc_service::build_network(sc_service::BuildNetworkParams {
			config: &config,
			net_config,
			client: client.clone(),
			transaction_pool: transaction_pool.clone(),
			spawn_handle: task_manager.spawn_handle(),
			spawn_essential_handle: task_manager.spawn_essential_handle(),
			import_queue,
			block_announce_validator_builder: None,
			warp_sync_config: Some(WarpSyncConfig::WithProvider(warp_sync)),
			block_relay: None,
			metrics,
			gap_sync_body_policy: None,
		})?;

	// `--offchain-worker` decides; by default workers run on authorities only.
	if config.offchain_worker.enabled {
		let offchain_workers =
			sc_offchain::OffchainWorkers::new(sc_offchain::OffchainWorkerOptions {
				runtime_api_provider: client.clone(),
				keystore: Some(keystore_container.keystore()),
				offchain_db: backend.offchain_storage(),
				transaction_pool: Some(OffchainTransactionPoolFactory::new(
					transaction_pool.clone(),
				)),
				network_provider: Arc::new(network.clone()),
				is_validator: config.role.is_authority(),
				enable_http_requests: true,
				custom_extensions: |_| vec![],
			})?;
		task_manager.spawn_handle().spawn(
			"offchain-workers-runner",
			"offchain-worker",
			offchain_workers.run(client.clone(), task_manager.spawn_handle()).boxed(),
		);
	}

	let role = config.role;
	let force_authoring = config.force_authoring;
	let name = config.network.node_name.clone();
	let enable_grandpa = !config.disable_grandpa;
	let prometheus_registry = config.prometheus_registry().cloned();
	// One voter state, shared by the voter that fills it and the RPC that reports it.
	let shared_voter_state = grandpa::SharedVoterState::empty();

	let rpc_builder = {
		let client = client.clone();
		let pool = transaction_pool.clone();
		let select_chain = select_chain.clone();
		let keystore = keystore_container.keystore();
		let shared_voter_state = shared_voter_state.clone();
		let shared_authority_set = grandpa_link.shared_authority_set().clone();
		let justification_stream = grandpa_link.justification_stream();
		let finality_provider = grandpa::FinalityProofProvider::new_for_service(
			backend.clone(),
			Some(shared_authority_set.clone()),
		);

		move |subscription_executor: sc_rpc::SubscriptionTaskExecutor| -> Result<
			jsonrpsee::RpcModule<()>,
			ServiceError,
		> {
			let deps = crate::rpc::FullDeps {
				client: client.clone(),
				pool: pool.clone(),
				select_chain: select_chain.clone(),
				babe: crate::rpc::BabeDeps {
					keystore: keystore.clone(),
					worker: babe_worker.clone(),
				},
				grandpa: crate::rpc::GrandpaDeps {
					shared_voter_state: shared_voter_state.clone(),
					shared_authority_set: shared_authority_set.clone(),
					justification_stream: justification_stream.clone(),
					subscription_executor,
					finality_provider: finality_provider.clone(),
				},
			};
			crate::rpc::create_full(deps).map_err(ServiceError::Application)
		}
	};

	sc_service::spawn_tasks(sc_service::SpawnTasksParams {
		config,
		backend,
		client: client.clone(),
		keystore: keystore_container.keystore(),
		network: network.clone(),
		rpc_builder: Box::new(rpc_builder),
		transaction_pool: transaction_pool.clone(),
		task_manager: &mut task_manager,
		system_rpc_tx,
		tx_handler_controller,
		sync_service: sync_service.clone(),
		telemetry: telemetry.as_mut(),
		tracing_execute_block: None,
	})?;

	if role.is_authority() {
		let proposer = sc_basic_authorship::ProposerFactory::new(
			task_manager.spawn_handle(),
			client.clone(),
			transaction_pool.clone(),
			prometheus_registry.as_ref(),
			telemetry.as_ref().map(|x| x.handle()),
		);

		let babe = sc_consensus_babe::start_babe(sc_consensus_babe::BabeParams {
			keystore: keystore_container.keystore(),
			client: client.clone(),
			select_chain,
			env: proposer,
			block_import,
			sync_oracle: sync_service.clone(),
			justification_sync_link: sync_service.clone(),
			create_inherent_data_providers: inherents,
			force_authoring,
			// Slow down authoring while finality lags, instead of growing unfinalized forks.
			backoff_authoring_blocks: Some(
				sc_consensus_slots::BackoffAuthoringOnFinalizedHeadLagging::default(),
			),
			babe_link,
			block_proposal_slot_portion: sc_consensus_babe::SlotProportion::new(0.5),
			max_block_proposal_slot_portion: None,
			telemetry: telemetry.as_ref().map(|x| x.handle()),
		})?;
		// Essential: a validator that stops authoring should stop, not linger.
		task_manager.spawn_essential_handle().spawn_blocking(
			"babe-proposer",
			Some("block-authoring"),
			babe,
		);
	}

	if enable_grandpa {
		// Full nodes run the voter too (without keys) rather than the observer, which is
		// little tested and can stall finality if most nodes use it.
		let keystore = role.is_authority().then(|| keystore_container.keystore());
		let grandpa_config = grandpa::Config {
			gossip_duration: Duration::from_millis(333),
			justification_generation_period: GRANDPA_JUSTIFICATION_PERIOD,
			name: Some(name),
			observer_enabled: false,
			keystore,
			local_role: role,
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			protocol_name: grandpa_protocol_name,
		};

		let voter = grandpa::run_grandpa_voter(grandpa::GrandpaParams {
			config: grandpa_config,
			link: grandpa_link,
			network,
			sync: Arc::new(sync_service),
			notification_service: grandpa_notification_service,
			voting_rule: grandpa::VotingRulesBuilder::default().build(),
			prometheus_registry,
			shared_voter_state,
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			offchain_tx_pool_factory: OffchainTransactionPoolFactory::new(transaction_pool),
		})?;
		task_manager.spawn_essential_handle().spawn_blocking("grandpa-voter", None, voter);
	}

	Ok(task_manager)
}
