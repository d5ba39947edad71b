//! Tests of the bounded search and match: at most `MAX_SCAN` index entries a call, the
//! cursor that carries on, and a sort by price within the entries examined. The filters,
//! sorts and fits themselves are tested in `tests.rs`.

use crate::{mock::*, Bucket, Ranked};
use polkadot_sdk::frame_support::{assert_ok, traits::fungible::Mutate};
use powerverse_primitives::{Cursor, Filter, Price, ResourceId, Sort, Tier, MATCH_POOL, MAX_SCAN};

type Reg = crate::Pallet<Test>;

/// Where the many machines' providers start: three machines each, the mock's most.
const FIRST_PROVIDER: u64 = 1_000;

/// Lists `count` machines of new providers; machine `i` is the mock's declaration (with its
/// own machine key) changed by `declare(i, _)`, verified with benchmark `i + 1` (so later
/// ones score higher). Returns their ids.
fn list_many(
	count: u32,
	declare: impl Fn(u32, &mut crate::DeclarationOf<Test>),
) -> Vec<ResourceId> {
	(0..count)
		.map(|i| {
			let who = FIRST_PROVIDER + u64::from(i / 3);
			if i % 3 == 0 {
				Balances::set_balance(&who, ENDOWMENT);
				assert_ok!(Reg::register_provider(
					signed(who),
					name("Many"),
					url("mailto:m@many.io"),
					MIN_BOND
				));
			}
			let id = crate::NextResourceId::<Test>::get();
			let mut d = declaration_of(id);
			declare(i, &mut d);
			assert_ok!(Reg::register_resource(signed(who), d));
			assert_ok!(Reg::force_verify(RuntimeOrigin::root(), id, i + 1));
			assert_ok!(Reg::list(signed(who), id));
			id
		})
		.collect()
}

/// Score and id of every listed machine, in index order (highest score first).
fn index() -> Vec<(u32, ResourceId)> {
	Ranked::<Test>::iter_key_prefix((Bucket::All,))
		.map(|(rank, id)| (u32::MAX - u32::from_be_bytes(rank), ResourceId::from_be_bytes(id)))
		.collect()
}

fn ids(page: &powerverse_primitives::SearchPage<u64, u64, u64>) -> Vec<ResourceId> {
	page.resources.iter().map(|r| r.id).collect()
}

/// Every page of a search from the start, following `next`: ids and truncation per page.
fn pages(filter: &Filter<u64>, sort: Sort, size: u32) -> Vec<(Vec<ResourceId>, bool)> {
	let mut from = Some(Cursor::default());
	core::iter::from_fn(|| {
		let page = Reg::search_page(filter.clone(), sort, from.take()?, size);
		from = page.next;
		Some((ids(&page), page.truncated))
	})
	.collect()
}

#[test]
fn a_rare_filter_stops_at_the_scan_limit_and_carries_on_by_cursor() {
	ExtBuilder::default().build_and_execute(|| {
		// MAX_SCAN + 50 regional machines; the one edge machine scores lowest (listed first,
		// with the lowest benchmark), so it is the last index entry.
		let all = list_many(MAX_SCAN + 51, |i, d| {
			if i == 0 {
				d.tier = Tier::Edge;
			}
		});
		let (edge_machine, order) = (all[0], index());
		assert_eq!(order.len() as u32, MAX_SCAN + 51);
		assert_eq!(order.last().map(|o| o.1), Some(edge_machine));
		let edge = Filter { tier: Some(Tier::Edge), ..Default::default() };

		for sort in [Sort::Score, Sort::Price] {
			// The first call examines MAX_SCAN entries, finds nothing and says where it stopped.
			let first = Reg::search_page(edge.clone(), sort, Cursor::default(), 20);
			assert!(first.resources.is_empty());
			assert!(first.truncated);
			let stopped = Cursor { after: Some(order[MAX_SCAN as usize - 1]), skip: 0 };
			assert_eq!(first.next, Some(stopped));
			// The next one finds the machine at the end of the index, and nothing after.
			let second = Reg::search_page(edge.clone(), sort, stopped, 20);
			assert_eq!(ids(&second), vec![edge_machine]);
			assert_eq!((second.next, second.truncated), (None, false));
		}
		// Paging by number stays within the first MAX_SCAN entries too.
		assert!(Reg::search(edge.clone(), Sort::Score, 0, 100).is_empty());
		// Skipping counts matches, but every entry examined counts against the limit.
		let everything = Filter::default();
		let skipped = Reg::search_page(
			everything.clone(),
			Sort::Score,
			Cursor { after: None, skip: MAX_SCAN },
			10,
		);
		assert!(skipped.resources.is_empty());
		assert!(skipped.truncated);
		assert_eq!(
			skipped.next,
			Some(Cursor { after: Some(order[MAX_SCAN as usize - 1]), skip: 0 })
		);
		// A full page stops early and is not truncated: the next page starts after it.
		let top = Reg::search_page(everything.clone(), Sort::Score, Cursor::default(), 3);
		assert_eq!(ids(&top), order[..3].iter().map(|o| o.1).collect::<Vec<_>>());
		assert_eq!(
			(top.next, top.truncated),
			(Some(Cursor { after: Some(order[2]), skip: 0 }), false)
		);

		// A match finding nothing within the limit says the limit cut it short.
		let matched = Reg::matches(edge.clone(), None, 10);
		assert!(matched.matches.is_empty());
		assert!(matched.truncated);
		// One whose pool fills first is complete.
		let regional = Filter { tier: Some(Tier::Regional), ..Default::default() };
		let matched = Reg::matches(regional, None, 10);
		assert_eq!((matched.matches.len(), matched.truncated), (10, false));
		assert!(MATCH_POOL < MAX_SCAN as usize);
	});
}

#[test]
fn paging_by_cursor_visits_every_listed_machine_once() {
	ExtBuilder::default().build_and_execute(|| {
		// Prices spread over the whole index; the first machine (the lowest score, the last
		// index entry) is the cheapest of all.
		let count = MAX_SCAN + 50;
		list_many(count, |i, d| {
			d.price = Price::Fixed(if i == 0 { 1 } else { 100 + u64::from(i * 7_919 % 1_000) })
		});
		let order = index();
		let in_order: Vec<ResourceId> = order.iter().map(|o| o.1).collect();
		let everything = Filter::default();

		// By score: pages of 100 in index order, none truncated, the last with no `next`.
		let by_score = pages(&everything, Sort::Score, 100);
		assert_eq!(by_score.len(), count.div_ceil(100) as usize);
		assert!(by_score.iter().all(|(ids, truncated)| ids.len() <= 100 && !truncated));
		assert_eq!(by_score.into_iter().flat_map(|p| p.0).collect::<Vec<_>>(), in_order);

		// By price: the first MAX_SCAN entries ordered by price, page after page (truncated:
		// entries were left out of the order), then the remaining 50 ordered among themselves.
		let by_price = pages(&everything, Sort::Price, 100);
		let first_window = (MAX_SCAN as usize).div_ceil(100);
		assert_eq!(by_price.len(), first_window + 1);
		assert!(by_price[..first_window].iter().all(|p| p.1));
		assert!(!by_price[first_window].1);
		let price = |id: &ResourceId| crate::Resources::<Test>::get(id).unwrap().declared.price;
		let cheapest_first = |ids: &[ResourceId]| {
			ids.windows(2).all(|w| match (price(&w[0]), price(&w[1])) {
				(Price::Fixed(a), Price::Fixed(b)) => a <= b,
				_ => false,
			})
		};
		let window: Vec<ResourceId> =
			by_price[..first_window].iter().flat_map(|p| p.0.clone()).collect();
		let rest = &by_price[first_window].0;
		assert!(cheapest_first(&window) && cheapest_first(rest));
		let mut expected = in_order[..MAX_SCAN as usize].to_vec();
		let mut seen = window.clone();
		expected.sort();
		seen.sort();
		assert_eq!(seen, expected);
		// The cheapest machine of all lies beyond the first window: it leads the last one.
		assert_eq!(rest.len(), 50);
		assert_eq!(rest[0], *in_order.last().unwrap());
		assert!(!window.contains(&rest[0]));
	});
}

#[test]
fn sorted_by_price_a_cursor_pages_within_the_entries_examined() {
	ExtBuilder::default().build_and_execute(|| {
		let prices = [50, 120, 300, 90, 200];
		let machines = list_many(5, |i, d| d.price = Price::Fixed(prices[i as usize]));
		let [a, b, c, d, e] = machines[..] else { unreachable!() };
		let all = Filter::default();
		let first = Reg::search_page(all.clone(), Sort::Price, Cursor::default(), 2);
		assert_eq!((ids(&first), first.truncated), (vec![a, d], false));
		assert_eq!(first.next, Some(Cursor { after: None, skip: 2 }));
		let second = Reg::search_page(all.clone(), Sort::Price, first.next.unwrap(), 2);
		assert_eq!(ids(&second), vec![b, e]);
		let third = Reg::search_page(all.clone(), Sort::Price, second.next.unwrap(), 2);
		assert_eq!((ids(&third), third.next), (vec![c], None));
		// Sorted by score a page that is exactly the rest of the index has no `next`.
		let whole = Reg::search_page(all.clone(), Sort::Score, Cursor::default(), 5);
		assert_eq!((ids(&whole), whole.next), (vec![e, d, c, b, a], None));
		// A match that finds nothing in a small market is not truncated: there is nothing.
		let edge = Filter { tier: Some(Tier::Edge), ..all };
		let none = Reg::matches(edge, None, 10);
		assert!(none.matches.is_empty() && !none.truncated);
	});
}

#[test]
fn a_frozen_providers_machines_are_not_offered() {
	ExtBuilder::default().build_and_execute(|| {
		let listed = list_many(6, |_, _| {});
		let everything =
			|| ids(&Reg::search_page(Filter::default(), Sort::Score, Cursor::default(), 20));
		// Highest score first: the second provider's three machines, then the first's.
		assert_eq!(everything(), listed.iter().rev().copied().collect::<Vec<_>>());
		sanction(FIRST_PROVIDER + 1, powerverse_primitives::Standing::Frozen);
		assert_eq!(everything(), listed[..3].iter().rev().copied().collect::<Vec<_>>());
		let matched: Vec<_> = Reg::market_match(Filter::default(), None, 20)
			.into_iter()
			.map(|m| m.resource.id)
			.collect();
		assert!(matched.iter().all(|id| listed[..3].contains(id)), "{matched:?}");
		assert_eq!(matched.len(), 3);
		// Still listed: unfrozen, they are offered again.
		sanction(FIRST_PROVIDER + 1, powerverse_primitives::Standing::Good);
		assert_eq!(everything().len(), 6);
	});
}
