// PowerVerse: this module is not upstream's (see README.powerverse.md).
//! Checks a raw transaction the way an Ethereum node's pool does before it is submitted,
//! so wallets get the errors they know (`nonce too low`, `insufficient funds for gas *
//! price + value`, …) rather than the Substrate pool's one `Invalid Transaction` (code
//! 1010) for every cause.

use crate::client::{Client, ClientError};
use jsonrpsee::types::{ErrorObjectOwned, error::CALL_EXECUTION_FAILED_CODE};
use pallet_revive::evm::{GenericTransaction, H160, TransactionSigned, U256};

/// What the checks learned of a transaction that passed them.
pub(crate) struct Checked {
	/// The recovered sender.
	pub from: H160,
	/// The gas limit the sender signed.
	pub gas: U256,
}

/// An error in the shape go-ethereum gives it (code -32000, its message).
fn eth_error(message: String) -> ErrorObjectOwned {
	ErrorObjectOwned::owned::<()>(CALL_EXECUTION_FAILED_CODE, message, None)
}

/// Decodes `raw` and checks its chain id, signature, nonce, fee cap and funds against the
/// best block.
pub(crate) async fn precheck(client: &Client, raw: &[u8]) -> Result<Checked, ErrorObjectOwned> {
	let signed = TransactionSigned::decode(raw)
		.map_err(|e| eth_error(format!("rlp: invalid transaction encoding: {e}")))?;
	let from = signed
		.recover_eth_address()
		.map_err(|()| eth_error("invalid sender: signature does not recover".into()))?;

	let hash = client.block_hash_for_tag(Default::default()).await?;
	let api = client.runtime_api(hash).await?;
	let unsupported = |what| ErrorObjectOwned::from(ClientError::UnsupportedRuntimeApiMethod(what));
	let base_fee = api.gas_price().ok_or_else(|| unsupported("gas_price"))?.await?;
	let tx = GenericTransaction::from_signed(signed, base_fee, Some(from));

	let ours = U256::from(client.chain_id());
	if let Some(chain_id) = tx.chain_id.filter(|id| *id != ours) {
		return Err(eth_error(format!("invalid chain id for signer: have {chain_id} want {ours}")));
	}

	let nonce = tx.nonce.unwrap_or_default();
	let state = api.nonce(from).ok_or_else(|| unsupported("nonce"))?.await?;
	if nonce < state {
		return Err(eth_error(format!(
			"nonce too low: address {from:?}, tx: {nonce} state: {state}"
		)));
	}

	let fee_cap = tx.max_fee_per_gas.or(tx.gas_price).unwrap_or_default();
	if fee_cap < base_fee {
		return Err(eth_error(format!(
			"max fee per gas less than block base fee: address {from:?}, maxFeePerGas: {fee_cap}, baseFee: {base_fee}"
		)));
	}

	let gas = tx.gas.unwrap_or_default();
	let cost = gas.saturating_mul(fee_cap).saturating_add(tx.value.unwrap_or_default());
	let balance = api.balance(from).ok_or_else(|| unsupported("balance"))?.await?;
	if balance < cost {
		return Err(eth_error(format!(
			"insufficient funds for gas * price + value: balance {balance}, tx cost {cost}, overshot {}",
			cost - balance
		)));
	}
	Ok(Checked { from, gas })
}

/// The error a wallet understands for a transaction the node's pool refused although it
/// passed [`precheck`]: the pool's reason, translated where Ethereum has a name for it.
pub(crate) fn explain(err: ClientError, checked: &Checked) -> ErrorObjectOwned {
	let reason = match &err {
		ClientError::SubxtError(subxt::Error::BackendError(subxt::error::BackendError::Rpc(
			subxt::error::RpcError::ClientError(subxt::rpcs::Error::User(e)),
		)))
		| ClientError::RpcError(subxt::rpcs::Error::User(e)) => {
			e.data.as_ref().map(|d| d.get().trim_matches('"').to_string())
		},
		_ => None,
	};
	match reason.as_deref() {
		// The sender can pay (checked), so what it cannot pay is the gas limit's share.
		Some(r) if r.starts_with("Inability to pay some fees") => eth_error(format!(
			"intrinsic gas too low: gas {}, not enough for the transaction's base fee, length and weight",
			checked.gas
		)),
		Some(r) if r.starts_with("Transaction is outdated") => {
			eth_error(format!("nonce too low: address {:?}", checked.from))
		},
		Some(r) if r.starts_with("Transaction call is not expected") => {
			eth_error(format!("invalid transaction: {r}"))
		},
		Some(r) => eth_error(format!("invalid transaction: {r}")),
		None => err.into(),
	}
}
