//! Invariants checked after every test and by `try-runtime`.

use crate::pallet::*;
use alloc::collections::btree_map::BTreeMap;
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{fungible::InspectHold, tokens::nonfungibles_v2::Inspect},
	},
	sp_runtime::{traits::Saturating, TryRuntimeError},
};
use powerverse_primitives::{ResourceId, Status};

impl<T: Config> Pallet<T> {
	/// Checks that:
	/// - every listed (or rented, busy, paused) resource is verified;
	/// - every resource has exactly one certificate, owned by the resource's owner, and is
	///   indexed under its owner; each provider's resource and engagement counts match;
	/// - each provider's bond equals what it has held under the bond reason, and each
	///   verifier's stake what it has held under the verifier reason;
	/// - the committee holds only active verifiers, once each;
	/// - the search index holds exactly the listed resources, under their buckets and scores;
	/// - a resource not verified scores 0; each machine key backs exactly one resource;
	/// - each verification sits in exactly one deadline queue, the one of its `due` block, and
	///   every queued entry is a live verification; each owner's held verification fee is the
	///   sum of its verifications' fees; each verifier's seats count the drawn panels it sits
	///   on, and only a seated verifier is leaving.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		ensure!(Self::params_ok(&Self::params()), "parameters are inconsistent");
		let collection = Collection::<T>::get().ok_or("no certificate collection")?;
		let mut owned: BTreeMap<T::AccountId, (u32, u32)> = BTreeMap::new();
		let mut count = 0u32;
		// Index entries the listed resources should have.
		let mut expected = 0u32;
		let next = NextResourceId::<T>::get();
		for (id, r) in Resources::<T>::iter() {
			count.saturating_inc();
			ensure!(id < next, "resource id beyond the next id");
			if matches!(r.status, Status::Listed | Status::Rented | Status::Busy | Status::Paused) {
				ensure!(r.verified, "a listed resource is not verified");
			}
			ensure!(
				T::Nfts::owner(&collection, &id).as_ref() == Some(&r.owner),
				"certificate missing or owned by someone else"
			);
			ensure!(Owned::<T>::contains_key(&r.owner, id), "resource not indexed under its owner");
			ensure!(r.status.is_engaged() == r.tenant.is_some(), "tenant without engagement");
			ensure!(r.verified || r.score == 0, "an unverified resource has a score");
			ensure!(
				MachineKeys::<T>::get(r.declared.machine_key) == Some(id),
				"machine key not indexed to its resource"
			);
			let e = owned.entry(r.owner.clone()).or_default();
			e.0.saturating_inc();
			e.1 = e.1.saturating_add(r.status.is_engaged() as u32 + r.disputed as u32);
			if r.status == Status::Listed {
				expected = expected.saturating_add(Self::buckets(&r).len() as u32);
			}
		}
		ensure!(count == Resources::<T>::count(), "resource counter is off");
		ensure!(MachineKeys::<T>::iter().count() as u32 == count, "a machine key has no resource");
		let mut fees: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut seats: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let mut verifications = 0u32;
		for (id, v) in Verifications::<T>::iter() {
			verifications.saturating_inc();
			let r = Resources::<T>::get(id).ok_or("verification of no resource")?;
			ensure!(r.status == Status::Pending, "verification of a resource not pending");
			ensure!(
				Deadlines::<T>::get(v.due).iter().filter(|x| **x == id).count() == 1,
				"verification not queued exactly once at its due block"
			);
			let f = fees.entry(r.owner).or_default();
			*f = f.saturating_add(v.fee);
			for seat in v.panel.iter() {
				seats.entry(seat.who.clone()).or_default().saturating_inc();
			}
		}
		let queued: u32 = Deadlines::<T>::iter().map(|(_, q)| q.len() as u32).sum();
		ensure!(queued == verifications, "a deadline entry belongs to no verification");

		let mut indexed = 0u32;
		for ((bucket, rank, key), ()) in Ranked::<T>::iter() {
			indexed.saturating_inc();
			let id = ResourceId::from_be_bytes(key);
			let r = Resources::<T>::get(id).ok_or("index points at no resource")?;
			ensure!(r.status == Status::Listed, "an unlisted resource is in the search index");
			ensure!(rank == crate::search::rank(r.score), "index rank differs from the score");
			ensure!(Self::buckets(&r).contains(&bucket), "resource indexed in a wrong bucket");
		}
		ensure!(indexed == expected, "a listed resource is missing from the search index");
		for (who, id, ()) in Owned::<T>::iter() {
			ensure!(
				Resources::<T>::get(id).is_some_and(|r| r.owner == who),
				"owner index points at a resource of someone else"
			);
		}
		for (who, p) in Providers::<T>::iter() {
			let (resources, engaged) = owned.remove(&who).unwrap_or_default();
			ensure!(p.resources == resources, "provider resource count is off");
			ensure!(p.engaged == engaged, "provider engagement count is off");
			ensure!(
				Self::fee_held(&who) == fees.remove(&who).unwrap_or_default(),
				"held verification fee differs from the fees of its verifications"
			);
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Bond.into(), &who) == p.bond,
				"provider bond differs from its hold"
			);
			if let Some((unbonding, _)) = p.unbonding {
				ensure!(unbonding <= p.bond, "unbonding more than the bond");
			}
		}
		ensure!(owned.is_empty(), "a resource is owned by an account that is not a provider");
		ensure!(fees.is_empty(), "a verification fee is owed by an account that is not a provider");
		let committee = Committee::<T>::get();
		for (i, who) in committee.iter().enumerate() {
			ensure!(!committee[..i].contains(who), "verifier twice in the committee");
			ensure!(
				Verifiers::<T>::get(who).is_some_and(|v| v.active),
				"committee member is not an active verifier"
			);
		}
		for (who, v) in Verifiers::<T>::iter() {
			ensure!(v.active == committee.contains(&who), "active flag differs from committee");
			ensure!(v.seats == seats.remove(&who).unwrap_or(0), "verifier seat count is off");
			ensure!(!v.leaving || (!v.active && v.seats > 0), "a leaving verifier is not seated");
			ensure!(Self::verifier_held(&who) == v.stake, "verifier stake differs from its hold");
		}
		ensure!(seats.is_empty(), "a panel seat belongs to no verifier");
		Ok(())
	}
}
