//! Shared types and traits of the PowerVerse pallets.
//!
//! Pallets never call each other directly: each declares in its `Config` the trait of this
//! crate it needs, and the runtime wires the pallet that implements it. Every trait has a
//! `()` implementation so a pallet's mock runtime can leave out what it does not test.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod escrow;
pub mod fees;
pub mod market;
pub mod queue;
pub mod sanctions;
pub mod search;
pub mod specs;
pub mod traits;

pub use escrow::*;
pub use fees::*;
pub use market::*;
pub use queue::*;
pub use sanctions::*;
pub use search::*;
pub use specs::*;
pub use traits::*;

/// Identifies a registered resource: one machine, or a slice of one. Also the item id of
/// the resource's certificate in the registry's NFT collection.
pub type ResourceId = u32;
