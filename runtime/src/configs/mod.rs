//! Pallet configuration, one file per concern.

mod consensus;
mod marketplace;
mod money;
mod nfts;
mod revive;
mod system;

pub use consensus::*;
pub use marketplace::*;
pub use money::*;
pub use nfts::*;
pub use revive::*;
pub use system::*;
