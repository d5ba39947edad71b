//! JSON-RPC methods the node serves on top of the standard ones `sc-service` always adds
//! (`chain_*`, `state_*`, `author_*`, `system_*`, RPC v2).

use std::{error::Error, sync::Arc};

use crate::{
	market_rpc::{Market, MarketRpcServer},
	registry_rpc::{Registry, RegistryRpcServer},
};
use jsonrpsee::RpcModule;
use polkadot_sdk::{
	pallet_transaction_payment_rpc::{
		TransactionPayment, TransactionPaymentApiServer, TransactionPaymentRuntimeApi,
	},
	sc_client_api,
	sc_consensus_babe::BabeWorkerHandle,
	sc_consensus_babe_rpc::{Babe, BabeApiServer},
	sc_consensus_grandpa::{
		FinalityProofProvider, GrandpaJustificationStream, SharedAuthoritySet, SharedVoterState,
	},
	sc_consensus_grandpa_rpc::{Grandpa, GrandpaApiServer},
	sc_rpc::SubscriptionTaskExecutor,
	sc_transaction_pool_api::TransactionPool,
	sp_api::ProvideRuntimeApi,
	sp_block_builder::BlockBuilder,
	sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata},
	sp_consensus::SelectChain,
	sp_consensus_babe::BabeApi,
	sp_keystore::KeystorePtr,
	sp_runtime::traits::{Block as BlockT, NumberFor},
	substrate_frame_rpc_system::{AccountNonceApi, System, SystemApiServer},
};
use powerverse_primitives::{MarketApi, RegistryApi};
use powerverse_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Nonce};

/// What the BABE RPC needs.
pub struct BabeDeps {
	/// Keystore, to tell which slots this node's keys may author.
	pub keystore: KeystorePtr,
	/// Handle to the BABE worker, for epoch data.
	pub worker: BabeWorkerHandle<Block>,
}

/// What the GRANDPA RPC needs.
pub struct GrandpaDeps<B> {
	/// State of the running voter, for `grandpa_roundState`.
	pub shared_voter_state: SharedVoterState,
	/// Current authority set.
	pub shared_authority_set: SharedAuthoritySet<<Block as BlockT>::Hash, NumberFor<Block>>,
	/// Justifications as GRANDPA produces them, for `grandpa_subscribeJustifications`.
	pub justification_stream: GrandpaJustificationStream<Block>,
	/// Executor that drives the subscriptions.
	pub subscription_executor: SubscriptionTaskExecutor,
	/// Builds finality proofs, for `grandpa_proveFinality`.
	pub finality_provider: Arc<FinalityProofProvider<B, Block>>,
}

/// Everything [`create_full`] needs from the running node.
pub struct FullDeps<C, P, SC, B> {
	/// The client.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
	/// Fork choice, for the BABE RPC's view of the best block.
	pub select_chain: SC,
	/// BABE dependencies.
	pub babe: BabeDeps,
	/// GRANDPA dependencies.
	pub grandpa: GrandpaDeps<B>,
}

/// Builds the node-specific RPC module.
pub fn create_full<C, P, SC, B>(
	deps: FullDeps<C, P, SC, B>,
) -> Result<RpcModule<()>, Box<dyn Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: AccountNonceApi<Block, AccountId, Nonce>
		+ TransactionPaymentRuntimeApi<Block, Balance>
		+ BlockBuilder<Block>
		+ BabeApi<Block>
		+ RegistryApi<Block, AccountId, Balance, BlockNumber>
		+ MarketApi<Block, AccountId, Balance, BlockNumber>,
	P: TransactionPool + 'static,
	SC: SelectChain<Block> + 'static,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
{
	let FullDeps { client, pool, select_chain, babe, grandpa } = deps;
	let GrandpaDeps {
		shared_voter_state,
		shared_authority_set,
		justification_stream,
		subscription_executor,
		finality_provider,
	} = grandpa;

	let mut module = RpcModule::new(());
	let registry_client = client.clone();
	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(Babe::new(client, babe.worker, babe.keystore, select_chain).into_rpc())?;
	module.merge(
		Grandpa::new(
			subscription_executor,
			shared_authority_set,
			shared_voter_state,
			justification_stream,
			finality_provider,
		)
		.into_rpc(),
	)?;

	// PowerVerse's own RPC modules are merged below the standard ones, so a name clash fails
	// loudly at startup instead of shadowing one.
	module.merge(Registry::new(registry_client.clone()).into_rpc())?;
	module.merge(Market::new(registry_client).into_rpc())?;

	Ok(module)
}
