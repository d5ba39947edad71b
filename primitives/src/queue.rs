//! Per-block work queues: `block => BoundedVec<item>` storage maps in which the registry,
//! leases and orders book what `on_initialize` must do at a block.

use codec::{FullCodec, FullEncode};
use polkadot_sdk::frame_support::{storage::StorageMap, traits::Get, BoundedVec};

/// Takes `item` out of the queue `Q` holds at `at`, and the queue itself once it is empty,
/// so that a queue holds only live work and no empty entry stays in storage.
pub fn unqueue<Q, K, V, S>(at: K, item: &V)
where
	Q: StorageMap<K, BoundedVec<V, S>>,
	K: FullEncode,
	V: FullCodec + PartialEq,
	S: Get<u32>,
{
	Q::mutate_exists(at, |queue| {
		if let Some(items) = queue {
			items.retain(|x| x != item);
			if items.is_empty() {
				*queue = None;
			}
		}
	});
}
