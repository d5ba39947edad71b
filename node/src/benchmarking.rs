//! Extrinsic builders and inherent data for `benchmark overhead` and `benchmark extrinsic`.
//!
//! Only for benchmarking: it signs with well-known dev keys and panics where a benchmark cannot
//! proceed anyway.

use std::sync::Arc;

use codec::Encode;
use polkadot_sdk::{
	frame_benchmarking_cli, sc_cli,
	sp_api::ProvideRuntimeApi,
	sp_core::{sr25519, Pair},
	sp_inherents::{InherentData, InherentDataProvider},
	sp_keyring::Sr25519Keyring,
	sp_runtime::{generic::Era, AccountId32, OpaqueExtrinsic, SaturatedConversion},
	sp_timestamp,
	substrate_frame_rpc_system::AccountNonceApi,
};
use powerverse_runtime::{self as runtime, AccountId, Balance, BalancesCall, SystemCall};

use crate::service::FullClient;

/// Builds `System::remark` extrinsics, the ones `benchmark overhead` requires.
pub struct RemarkBuilder {
	client: Arc<FullClient>,
}

impl RemarkBuilder {
	/// Creates a builder that signs against `client`'s chain.
	pub fn new(client: Arc<FullClient>) -> Self {
		Self { client }
	}
}

impl frame_benchmarking_cli::ExtrinsicBuilder for RemarkBuilder {
	fn pallet(&self) -> &str {
		"system"
	}

	fn extrinsic(&self) -> &str {
		"remark"
	}

	fn build(&self, nonce: u32) -> Result<OpaqueExtrinsic, &'static str> {
		let call = SystemCall::remark { remark: vec![] };
		Ok(create_extrinsic(&self.client, Sr25519Keyring::Bob.pair(), call, Some(nonce)).into())
	}
}

/// Builds `Balances::transfer_keep_alive` extrinsics.
pub struct TransferKeepAliveBuilder {
	client: Arc<FullClient>,
	dest: AccountId,
	value: Balance,
}

impl TransferKeepAliveBuilder {
	/// Creates a builder sending `value` to `dest` on `client`'s chain.
	pub fn new(client: Arc<FullClient>, dest: AccountId, value: Balance) -> Self {
		Self { client, dest, value }
	}
}

impl frame_benchmarking_cli::ExtrinsicBuilder for TransferKeepAliveBuilder {
	fn pallet(&self) -> &str {
		"balances"
	}

	fn extrinsic(&self) -> &str {
		"transfer_keep_alive"
	}

	fn build(&self, nonce: u32) -> Result<OpaqueExtrinsic, &'static str> {
		let call =
			BalancesCall::transfer_keep_alive { dest: self.dest.clone().into(), value: self.value };
		Ok(create_extrinsic(&self.client, Sr25519Keyring::Bob.pair(), call, Some(nonce)).into())
	}
}

/// Signs `call` by `sender` for the chain behind `client`.
///
/// The transaction is mortal from the best block and pays no tip. Without `nonce`, the sender's
/// nonce is read from the best block's state.
pub fn create_extrinsic(
	client: &FullClient,
	sender: sr25519::Pair,
	call: impl Into<runtime::RuntimeCall>,
	nonce: Option<u32>,
) -> runtime::UncheckedExtrinsic {
	let call = call.into();
	let info = client.chain_info();
	let nonce = nonce.unwrap_or_else(|| fetch_nonce(client, &sender));

	// Largest power of two not above `BlockHashCount`: an era must not outlive the block hashes
	// the runtime keeps, or `CheckEra` cannot find its birth block.
	let period =
		runtime::BlockHashCount::get().checked_next_power_of_two().map(|c| c / 2).unwrap_or(2)
			as u64;
	let tip: Balance = 0;
	let tx_ext =
		runtime::tx_extension(nonce, Era::mortal(period, info.best_number.saturated_into()), tip);

	// What each extension adds to the signed payload without carrying it in the extrinsic,
	// in the tuple's order.
	let implicit = (
		(),
		runtime::VERSION.spec_version,
		runtime::VERSION.transaction_version,
		info.genesis_hash,
		info.best_hash,
		(),
		(),
		(),
		(),
		(),
	);
	let payload = runtime::SignedPayload::from_raw(call.clone(), tx_ext.clone(), implicit);
	let signature = payload.using_encoded(|bytes| sender.sign(bytes));

	runtime::signed_extrinsic(
		call,
		AccountId32::from(sender.public()),
		runtime::Signature::Sr25519(signature),
		tx_ext,
	)
}

fn fetch_nonce(client: &FullClient, account: &sr25519::Pair) -> u32 {
	let best = client.chain_info().best_hash;
	client
		.runtime_api()
		.account_nonce(best, AccountId32::from(account.public()))
		.expect("the runtime answers `account_nonce`; qed")
}

/// Inherent data for the benchmark blocks: only the timestamp.
///
/// The timestamp is 0 because benchmark blocks carry no BABE pre-digest, so the runtime stays
/// at slot 0 and the timestamp's slot must match it.
pub fn inherent_benchmark_data() -> sc_cli::Result<InherentData> {
	let mut data = InherentData::new();
	let timestamp = sp_timestamp::InherentDataProvider::new(sp_timestamp::Timestamp::new(0));
	futures::executor::block_on(timestamp.provide_inherent_data(&mut data))
		.map_err(|e| format!("creating inherent data: {e:?}"))?;
	Ok(data)
}
