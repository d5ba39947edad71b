//! Pallet configuration, one file per concern.

mod consensus;
mod money;
mod nfts;
mod system;

pub use consensus::*;
pub use money::*;
pub use nfts::*;
pub use system::*;
