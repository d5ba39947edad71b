//! Unit tests against the mock runtime.

use crate::{
	mock::*,
	reputation::{decayed, ema, rating_target, MAX_HALVINGS, NEUTRAL},
	score::{normalize, score},
	types::{reference_models, ModelInfo, ModelKind, ParamWeights, Record, Term, NORM_CAP},
	Error, Event, Models, Reputations, RulingPenalty, Threshold, Version, Weights,
};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, BoundedVec},
	sp_runtime::{DispatchError, Percent},
};
use powerverse_primitives::{
	Cpu, Gpu, Interconnect, ModelName, Reputation, Scorer, Specs, Storage, StorageKind,
};

fn name(s: &str) -> ModelName {
	BoundedVec::truncate_from(s.as_bytes().to_vec())
}

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn signed() -> RuntimeOrigin {
	RuntimeOrigin::signed(7)
}

/// The reference machine of the default weights: 32 EPYC 9654 cores, 4× A100 80 GiB,
/// 256 GiB DDR5-4800, 4 TiB at 5 GB/s, 1 Gbit/s.
fn reference_specs() -> Specs {
	Specs {
		cpu: Cpu {
			model: name("EPYC 9654"),
			cores: 32,
			threads: 64,
			base_mhz: 2400,
			boost_mhz: 3700,
		},
		gpu: Some(Gpu {
			model: name("A100"),
			count: 4,
			memory_mib: 80 * 1024,
			cores: 6912,
			interconnect: Interconnect::NvLink,
		}),
		memory_mib: 256 * 1024,
		memory_mhz: 4800,
		storage: Storage {
			kind: StorageKind::Nvme,
			size_gib: 4096,
			read_mbps: 5000,
			write_mbps: 5000,
		},
		up_mbps: 1000,
		down_mbps: 1000,
	}
}

/// A small machine, far below every cap.
fn small_specs() -> Specs {
	let mut specs = reference_specs();
	specs.cpu.cores = 4;
	specs.cpu.threads = 8;
	if let Some(gpu) = specs.gpu.as_mut() {
		gpu.model = name("RTX 3090");
		gpu.count = 1;
		gpu.memory_mib = 24 * 1024;
	}
	specs.memory_mib = 16 * 1024;
	specs.memory_mhz = 3200;
	specs.storage.size_gib = 512;
	specs.storage.read_mbps = 500;
	specs.storage.write_mbps = 400;
	specs.up_mbps = 100;
	specs.down_mbps = 300;
	specs
}

fn rep(who: u64) -> u32 {
	<Scoring as Reputation<u64>>::reputation(&who)
}

fn restricted(who: u64) -> bool {
	<Scoring as Reputation<u64>>::is_restricted(&who)
}

fn rate_by(by: u64, who: u64, stars: u8, paid: u128) -> Result<(), DispatchError> {
	<Scoring as Reputation<u64>>::rate(&by, &who, stars, paid)
}

std::thread_local! {
	static NEXT_RATER: core::cell::Cell<u64> = const { core::cell::Cell::new(10_000) };
}

/// A full-weight rating of `who` by a rater that has not rated before.
fn rate(who: u64, stars: u8) -> Result<(), DispatchError> {
	let by = NEXT_RATER.with(|n| n.replace(n.get() + 1));
	rate_by(by, who, stars, FULL)
}

fn ruling(who: u64, against: bool) {
	<Scoring as Reputation<u64>>::ruling(&who, against)
}

fn go_to(block: u64) {
	System::set_block_number(block);
}

mod genesis {
	use super::*;

	#[test]
	fn default_genesis_is_loaded() {
		ExtBuilder::default().build_and_execute(|| {
			assert_eq!(Weights::<Test>::get(), ParamWeights::default());
			assert_eq!(Models::<Test>::count(), reference_models().len() as u32);
			assert_eq!(Threshold::<Test>::get(), 200);
			assert_eq!(RulingPenalty::<Test>::get(), 100);
			assert_eq!(Version::<Test>::get(), 0);
			for gpu in ["RTX 4090", "RTX 3090", "A100", "H100", "L40S", "MI300X"] {
				assert!(Scoring::knows_gpu(&name(gpu)), "{gpu}");
			}
		});
	}

	#[test]
	fn empty_table_knows_no_gpu_until_governance_adds_it() {
		ExtBuilder::default().no_models().build_and_execute(|| {
			assert_eq!(Models::<Test>::count(), 0);
			assert!(!Scoring::knows_gpu(&name("A100")));
			assert_ok!(Scoring::set_model(root(), name("A100"), ModelInfo::gpu(1000, 1000)));
			assert!(Scoring::knows_gpu(&name("A100")));
		});
	}

	#[test]
	fn default_weights_sum_to_1000() {
		let total: u32 = ParamWeights::default().terms().iter().map(|t| t.weight).sum();
		assert_eq!(total, 1000);
		assert!(ParamWeights::default().references_valid());
	}

	#[test]
	fn genesis_config_round_trips_through_json() {
		let config = crate::GenesisConfig::<Test>::default();
		let json = serde_json::to_value(&config).unwrap();
		assert_eq!(json["threshold"], 200);
		assert_eq!(json["rulingPenalty"], 100);
		assert_eq!(json["weights"]["cpuReferenceMhz"], 3700);
		assert_eq!(json["weights"]["gpuFp32"]["weight"], 200);
		assert_eq!(json["models"][5][1]["kind"], "Gpu");
		assert_eq!(json["models"][5][0], serde_json::json!(b"RTX 4090".to_vec()));
		let back: crate::GenesisConfig<Test> = serde_json::from_value(json).unwrap();
		assert_eq!(back.weights, config.weights);
		assert_eq!(back.models, config.models);
	}

	#[test]
	#[should_panic(expected = "a reference value is 0")]
	fn genesis_refuses_zero_reference() {
		let mut weights = ParamWeights::default();
		weights.memory.reference = 0;
		ExtBuilder::default().weights(weights).build();
	}
}

mod calls {
	use super::*;

	#[test]
	fn every_call_needs_governance() {
		ExtBuilder::default().build_and_execute(|| {
			let weights = ParamWeights::default();
			let info = ModelInfo::gpu(1, 1);
			assert_noop!(Scoring::set_weights(signed(), weights), DispatchError::BadOrigin);
			assert_noop!(Scoring::set_model(signed(), name("X"), info), DispatchError::BadOrigin);
			assert_noop!(Scoring::remove_model(signed(), name("A100")), DispatchError::BadOrigin);
			assert_noop!(Scoring::set_threshold(signed(), 100), DispatchError::BadOrigin);
			assert_noop!(Scoring::set_ruling_penalty(signed(), 10), DispatchError::BadOrigin);
			assert_noop!(
				Scoring::set_threshold(RuntimeOrigin::none(), 100),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn set_weights_works() {
		ExtBuilder::default().build_and_execute(|| {
			let weights =
				ParamWeights { gpu_fp32: Term::new(400, 2000), ..ParamWeights::default() };
			assert_ok!(Scoring::set_weights(root(), weights));
			assert_eq!(Weights::<Test>::get(), weights);
			assert_eq!(Version::<Test>::get(), 1);
			System::assert_last_event(Event::WeightsSet { weights, version: 1 }.into());
		});
	}

	#[test]
	fn set_weights_refuses_zero_reference() {
		ExtBuilder::default().build_and_execute(|| {
			for i in 0..10 {
				let mut weights = ParamWeights::default();
				let term = match i {
					0 => &mut weights.cpu,
					1 => &mut weights.gpu_fp32,
					2 => &mut weights.gpu_fp16,
					3 => &mut weights.gpu_memory,
					4 => &mut weights.memory,
					5 => &mut weights.memory_speed,
					6 => &mut weights.storage_size,
					7 => &mut weights.storage_speed,
					8 => &mut weights.network,
					_ => &mut weights.benchmark,
				};
				term.reference = 0;
				assert_noop!(Scoring::set_weights(root(), weights), Error::<Test>::ZeroReference);
			}
			let weights = ParamWeights { cpu_reference_mhz: 0, ..ParamWeights::default() };
			assert_noop!(Scoring::set_weights(root(), weights), Error::<Test>::ZeroReference);
		});
	}

	#[test]
	fn set_model_inserts_and_replaces() {
		ExtBuilder::default().build_and_execute(|| {
			let count = Models::<Test>::count();
			let info = ModelInfo::gpu(2500, 1800);
			assert_ok!(Scoring::set_model(root(), name("RTX 5090"), info));
			assert_eq!(Models::<Test>::get(name("RTX 5090")), Some(info));
			assert_eq!(Models::<Test>::count(), count + 1);
			assert_eq!(Version::<Test>::get(), 1);
			System::assert_last_event(
				Event::ModelSet { name: name("RTX 5090"), info, version: 1 }.into(),
			);

			let info = ModelInfo::gpu(5000, 1900);
			assert_ok!(Scoring::set_model(root(), name("RTX 5090"), info));
			assert_eq!(Models::<Test>::get(name("RTX 5090")), Some(info));
			assert_eq!(Models::<Test>::count(), count + 1);
			System::assert_last_event(
				Event::ModelSet { name: name("RTX 5090"), info, version: 2 }.into(),
			);
		});
	}

	#[test]
	fn set_model_refuses_bad_entries() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				Scoring::set_model(root(), name(""), ModelInfo::gpu(1000, 1000)),
				Error::<Test>::EmptyModelName
			);
			assert_noop!(
				Scoring::set_model(root(), name("Zero"), ModelInfo::gpu(0, 1000)),
				Error::<Test>::ZeroThroughput
			);
		});
	}

	#[test]
	fn set_model_is_bounded() {
		ExtBuilder::default().build_and_execute(|| {
			let mut i = 0;
			while Models::<Test>::count() < MAX_MODELS {
				assert_ok!(Scoring::set_model(
					root(),
					name(&format!("GPU {i}")),
					ModelInfo::gpu(1000, 1000)
				));
				i += 1;
			}
			assert_noop!(
				Scoring::set_model(root(), name("One too many"), ModelInfo::gpu(1000, 1000)),
				Error::<Test>::TooManyModels
			);
			// Replacing an entry is still allowed when full.
			assert_ok!(Scoring::set_model(root(), name("A100"), ModelInfo::gpu(1001, 1000)));
			// And removing one makes room.
			assert_ok!(Scoring::remove_model(root(), name("T4")));
			assert_ok!(Scoring::set_model(root(), name("One more"), ModelInfo::gpu(1000, 1000)));
			assert_eq!(Models::<Test>::count(), MAX_MODELS);
		});
	}

	#[test]
	fn remove_model_works() {
		ExtBuilder::default().build_and_execute(|| {
			let count = Models::<Test>::count();
			assert_ok!(Scoring::remove_model(root(), name("V100")));
			assert!(!Models::<Test>::contains_key(name("V100")));
			assert_eq!(Models::<Test>::count(), count - 1);
			assert!(!Scoring::knows_gpu(&name("V100")));
			System::assert_last_event(
				Event::ModelRemoved { name: name("V100"), version: 1 }.into(),
			);
		});
	}

	#[test]
	fn remove_model_refuses_unknown() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				Scoring::remove_model(root(), name("GTX 9999")),
				Error::<Test>::UnknownModel
			);
		});
	}

	#[test]
	fn set_threshold_works() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(Scoring::set_threshold(root(), 350));
			assert_eq!(Threshold::<Test>::get(), 350);
			System::assert_last_event(Event::ThresholdSet { threshold: 350 }.into());
			assert_ok!(Scoring::set_threshold(root(), 1000));
			assert_eq!(Threshold::<Test>::get(), 1000);
			// Not a scoring change.
			assert_eq!(Version::<Test>::get(), 0);
		});
	}

	#[test]
	fn set_threshold_refuses_above_1000() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(Scoring::set_threshold(root(), 1001), Error::<Test>::ThresholdTooHigh);
		});
	}

	#[test]
	fn set_ruling_penalty_works() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(Scoring::set_ruling_penalty(root(), 250));
			assert_eq!(RulingPenalty::<Test>::get(), 250);
			System::assert_last_event(Event::RulingPenaltySet { penalty: 250 }.into());
		});
	}

	#[test]
	fn set_ruling_penalty_refuses_above_1000() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(Scoring::set_ruling_penalty(root(), 1001), Error::<Test>::PenaltyTooHigh);
		});
	}
}

mod scoring {
	use super::*;

	#[test]
	fn reference_machine_scores_the_sum_of_weights() {
		ExtBuilder::default().build_and_execute(|| {
			assert_eq!(Scoring::score(&reference_specs(), Some(1000)), 1000);
			// Without a benchmark figure the benchmark term (100) is missing.
			assert_eq!(Scoring::score(&reference_specs(), None), 900);
		});
	}

	#[test]
	fn benchmark_figure_is_used_when_present() {
		ExtBuilder::default().build_and_execute(|| {
			let specs = small_specs();
			let without = Scoring::score(&specs, None);
			// Weight 100 at reference 1000: a figure of 500 adds 50.
			assert_eq!(Scoring::score(&specs, Some(500)), without + 50);
			assert_eq!(Scoring::score(&specs, Some(2000)), without + 200);
			assert_eq!(Scoring::score(&specs, Some(0)), without);
		});
	}

	#[test]
	fn one_parameter_is_capped_at_four_references() {
		ExtBuilder::default().build_and_execute(|| {
			let mut specs = reference_specs();
			specs.up_mbps = 4000;
			specs.down_mbps = 4000;
			let at_cap = Scoring::score(&specs, None);
			// Network weight 70 at 4× counts 280 instead of 70.
			assert_eq!(at_cap, 900 - 70 + 280);
			specs.up_mbps = 100_000;
			specs.down_mbps = 100_000;
			assert_eq!(Scoring::score(&specs, None), at_cap);
			assert_eq!(Scoring::score(&specs, Some(u32::MAX)), at_cap + 400);
		});
	}

	#[test]
	fn score_is_monotonic_in_every_parameter() {
		ExtBuilder::default().build_and_execute(|| {
			type Bump = fn(&mut Specs, u32);
			let bumps: [(&str, Bump); 13] = [
				("cores", |s, x| s.cpu.cores = x as u16),
				("boost", |s, x| {
					s.cpu.model = name("unknown cpu");
					s.cpu.boost_mhz = x * 10;
				}),
				("gpu count", |s, x| s.gpu.as_mut().unwrap().count = x as u8),
				("gpu memory", |s, x| s.gpu.as_mut().unwrap().memory_mib = x * 512),
				("memory", |s, x| s.memory_mib = x * 1024),
				("memory clock", |s, x| s.memory_mhz = x * 40),
				("storage size", |s, x| s.storage.size_gib = x * 32),
				("read", |s, x| s.storage.read_mbps = x * 40),
				("write", |s, x| s.storage.write_mbps = x * 40),
				("up", |s, x| s.up_mbps = x * 10),
				("down", |s, x| s.down_mbps = x * 10),
				("gpu model", |s, x| {
					// Ordered by FP32 + FP16, which count alike by default.
					let models = ["T4", "V100", "A100", "RTX 3090", "RTX 4090", "H100", "MI300X"];
					s.gpu.as_mut().unwrap().model = name(models[(x as usize / 40).min(6)]);
				}),
				("cpu model", |s, x| {
					let models = ["EPYC 7763", "EPYC 9654", "Ryzen 9 7950X", "Core i9-13900K"];
					s.cpu.model = name(models[(x as usize / 70).min(3)]);
				}),
			];
			for (what, bump) in bumps {
				let mut last = 0;
				let mut rose = false;
				for x in 1..=255u32 {
					let mut specs = small_specs();
					bump(&mut specs, x);
					let now = Scoring::score(&specs, None);
					assert!(now >= last, "{what}: {now} < {last} at {x}");
					rose |= x > 1 && now > last;
					last = now;
				}
				assert!(rose, "{what} never raised the score");
			}
			// And in the benchmark figure.
			let specs = small_specs();
			let mut last = 0;
			for figure in (0..=5000).step_by(50) {
				let now = Scoring::score(&specs, Some(figure));
				assert!(now >= last);
				last = now;
			}
		});
	}

	#[test]
	fn unknown_gpu_model_is_not_known_and_scores_no_compute() {
		ExtBuilder::default().build_and_execute(|| {
			assert!(Scoring::knows_gpu(&name("RTX 4090")));
			assert!(!Scoring::knows_gpu(&name("GTX 9999")));
			assert!(!Scoring::knows_gpu(&name("rtx 4090")));
			// A CPU model is not a GPU.
			assert!(!Scoring::knows_gpu(&name("EPYC 9654")));

			let mut specs = reference_specs();
			specs.gpu.as_mut().unwrap().model = name("GTX 9999");
			// GPU FP32 and FP16 (200 + 200) are gone; GPU memory still counts.
			assert_eq!(Scoring::score(&specs, None), 900 - 400);
			specs.gpu = None;
			assert_eq!(Scoring::score(&specs, None), 900 - 500);
		});
	}

	#[test]
	fn unknown_cpu_is_rated_by_clock() {
		ExtBuilder::default().build_and_execute(|| {
			let mut specs = reference_specs();
			specs.cpu.model = name("Some CPU");
			// 3700 MHz is the reference clock: 32 cores count as 32 reference cores.
			assert_eq!(Scoring::score(&specs, None), 900);
			specs.cpu.boost_mhz = 1850;
			assert_eq!(Scoring::score(&specs, None), 900 - 75);
			// A GPU model named as CPU is not used as a CPU entry.
			specs.cpu.model = name("A100");
			assert_eq!(Scoring::score(&specs, None), 900 - 75);
		});
	}

	#[test]
	fn governance_changes_move_the_version_and_the_score() {
		ExtBuilder::default().build_and_execute(|| {
			let specs = reference_specs();
			assert_eq!(Scoring::version(), 0);

			let mut weights = ParamWeights::default();
			weights.gpu_fp32.weight = 400;
			assert_ok!(Scoring::set_weights(root(), weights));
			assert_eq!(Scoring::version(), 1);
			assert_eq!(Scoring::score(&specs, None), 1100);

			assert_ok!(Scoring::set_model(root(), name("A100"), ModelInfo::gpu(2000, 1000)));
			assert_eq!(Scoring::version(), 2);
			assert_eq!(Scoring::score(&specs, None), 1500);

			assert_ok!(Scoring::remove_model(root(), name("A100")));
			assert_eq!(Scoring::version(), 3);
			assert_eq!(Scoring::score(&specs, None), 1100 - 600);

			// Failed calls and reputation changes do not move it.
			assert_noop!(Scoring::remove_model(root(), name("A100")), Error::<Test>::UnknownModel);
			assert_ok!(Scoring::set_threshold(root(), 300));
			assert_ok!(rate(1, 5));
			assert_eq!(Scoring::version(), 3);
		});
	}

	#[test]
	fn extreme_inputs_saturate_without_panic() {
		let max = Term::new(u32::MAX, 1);
		let weights = ParamWeights {
			cpu: max,
			gpu_fp32: max,
			gpu_fp16: max,
			gpu_memory: max,
			memory: max,
			memory_speed: max,
			storage_size: max,
			storage_speed: max,
			network: max,
			benchmark: max,
			cpu_reference_mhz: 1,
		};
		let mut specs = reference_specs();
		specs.cpu.cores = u16::MAX;
		specs.cpu.boost_mhz = u32::MAX;
		specs.memory_mib = u32::MAX;
		specs.up_mbps = u32::MAX;
		specs.down_mbps = u32::MAX;
		specs.storage.read_mbps = u32::MAX;
		specs.storage.write_mbps = u32::MAX;
		let gpu = ModelInfo::gpu(u32::MAX, u32::MAX);
		assert_eq!(score(&weights, &specs, Some(u32::MAX), None, Some(&gpu)), u32::MAX);

		// Zero references (refused by the calls) give zero, not a panic.
		let zero = ParamWeights { cpu_reference_mhz: 0, ..weights };
		let zero = ParamWeights {
			cpu: Term::new(5, 0),
			network: Term::new(5, 0),
			benchmark: Term::new(5, 0),
			..zero
		};
		let _ = score(&zero, &specs, Some(1), None, None);
		assert_eq!(normalize(u64::MAX, 0), 0);
		assert_eq!(normalize(u64::MAX, 1), u64::from(NORM_CAP));
		assert_eq!(normalize(500, 1000), 500);
	}

	#[test]
	fn cpu_entries_are_per_core() {
		ExtBuilder::default().build_and_execute(|| {
			let info = Scoring::model(&name("Xeon Platinum 8480+"), ModelKind::Cpu).unwrap();
			let mut specs = reference_specs();
			specs.cpu.model = name("Xeon Platinum 8480+");
			specs.cpu.cores = 8;
			let expected_cpu = 150 * (8 * u64::from(info.fp32) * 1000 / 32_000) / 1000;
			assert_eq!(u64::from(Scoring::score(&specs, None)), 750 + expected_cpu);
		});
	}
}

mod reputation {
	use super::*;

	#[test]
	fn unknown_accounts_are_neutral() {
		ExtBuilder::default().build_and_execute(|| {
			assert_eq!(rep(42), NEUTRAL);
			assert!(!restricted(42));
			assert!(!Reputations::<Test>::contains_key(42));
		});
	}

	#[test]
	fn ratings_move_reputation_by_ema() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(rate_by(7, 1, 5, FULL));
			// 500 + 10% × (1000 − 500)
			assert_eq!(rep(1), 550);
			System::assert_last_event(
				Event::Rated { by: 7, who: 1, stars: 5, paid: FULL, reputation: 550 }.into(),
			);
			assert_eq!(
				Reputations::<Test>::get(1),
				Some(Record { value: 550, updated_at: 1, ratings: 1 })
			);
			assert_ok!(rate(1, 1));
			// 550 − 10% × 550
			assert_eq!(rep(1), 495);
			assert_ok!(rate(1, 3));
			// 495 + ⌈10% × 5⌉
			assert_eq!(rep(1), 496);
			assert_ok!(rate(1, 4));
			// 496 + ⌈10% × 254⌉
			assert_eq!(rep(1), 522);
			assert_ok!(rate(1, 2));
			// 522 − ⌈10% × 272⌉
			assert_eq!(rep(1), 494);
			assert_eq!(Reputations::<Test>::get(1).unwrap().ratings, 5);
			// Others are untouched.
			assert_eq!(rep(2), NEUTRAL);
		});
	}

	#[test]
	fn repeated_ratings_reach_the_target() {
		ExtBuilder::default().build_and_execute(|| {
			for _ in 0..200 {
				assert_ok!(rate(1, 5));
				assert_ok!(rate(2, 1));
			}
			assert_eq!(rep(1), 1000);
			assert_eq!(rep(2), 0);
		});
	}

	#[test]
	fn bad_stars_are_refused_and_change_nothing() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(rate(1, 0), Error::<Test>::BadStars);
			assert_noop!(rate(1, 6), Error::<Test>::BadStars);
			assert_ok!(rate(1, 5));
			assert_noop!(rate(1, u8::MAX), Error::<Test>::BadStars);
			assert_eq!(rep(1), 550);
		});
	}

	#[test]
	fn decays_toward_neutral_from_above() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(rate(1, 5));
			assert_eq!(rep(1), 550);
			go_to(1 + HALF_LIFE / 2);
			// Halfway through the first half-life: 50 − (50 − 25) / 2.
			assert_eq!(rep(1), 538);
			go_to(1 + HALF_LIFE);
			assert_eq!(rep(1), 525);
			go_to(1 + 2 * HALF_LIFE);
			assert_eq!(rep(1), 512);
			go_to(1 + 10 * HALF_LIFE);
			assert_eq!(rep(1), NEUTRAL);
			go_to(u64::MAX);
			assert_eq!(rep(1), NEUTRAL);
			// Reading wrote nothing.
			assert_eq!(Reputations::<Test>::get(1).unwrap().value, 550);
			go_to(1 + 10 * HALF_LIFE);
		});
	}

	#[test]
	fn decays_toward_neutral_from_below() {
		ExtBuilder::default().build_and_execute(|| {
			ruling(1, true);
			assert_eq!(rep(1), 400);
			go_to(1 + HALF_LIFE);
			assert_eq!(rep(1), 450);
			go_to(1 + 3 * HALF_LIFE);
			assert_eq!(rep(1), 488);
			go_to(1 + 40 * HALF_LIFE);
			assert_eq!(rep(1), NEUTRAL);
		});
	}

	#[test]
	fn writes_apply_decay_first() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(rate(1, 5));
			go_to(1 + HALF_LIFE);
			assert_ok!(rate(1, 5));
			// From 525: + ⌈10% × 475⌉.
			assert_eq!(rep(1), 573);
			assert_eq!(
				Reputations::<Test>::get(1),
				Some(Record { value: 573, updated_at: 1 + HALF_LIFE, ratings: 2 })
			);
		});
	}

	#[test]
	fn rulings_apply_penalty_and_bonus() {
		ExtBuilder::default().build_and_execute(|| {
			ruling(1, true);
			assert_eq!(rep(1), 400);
			System::assert_last_event(
				Event::Ruled { who: 1, against: true, reputation: 400 }.into(),
			);
			// A ruling is not a rating.
			assert_eq!(Reputations::<Test>::get(1).unwrap().ratings, 0);

			ruling(1, false);
			assert_eq!(rep(1), 400 + BONUS);
			System::assert_last_event(
				Event::Ruled { who: 1, against: false, reputation: 400 + BONUS }.into(),
			);

			assert_ok!(Scoring::set_ruling_penalty(root(), 300));
			ruling(1, true);
			assert_eq!(rep(1), 120);
			ruling(1, true);
			assert_eq!(rep(1), 0);

			for _ in 0..60 {
				ruling(2, false);
			}
			assert_eq!(rep(2), 1000);
		});
	}

	#[test]
	fn threshold_restricts_and_decay_lifts_it() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(Scoring::set_ruling_penalty(root(), 400));
			ruling(1, true);
			assert_eq!(rep(1), 100);
			assert!(restricted(1));
			assert!(!restricted(2));
			// 100 → 300 after one half-life: above the threshold of 200.
			go_to(1 + HALF_LIFE);
			assert_eq!(rep(1), 300);
			assert!(!restricted(1));
			// A stricter threshold restricts even neutral accounts.
			assert_ok!(Scoring::set_threshold(root(), 501));
			assert!(restricted(2));
			assert_ok!(Scoring::set_threshold(root(), 0));
			assert!(!restricted(1));
		});
	}

	#[test]
	fn try_state_catches_broken_records() {
		ExtBuilder::default().build_and_execute(|| {
			Reputations::<Test>::insert(9, Record { value: 1001, updated_at: 1, ratings: 0 });
			assert!(Scoring::do_try_state().is_err());
			Reputations::<Test>::insert(9, Record { value: 1000, updated_at: 5, ratings: 0 });
			assert!(Scoring::do_try_state().is_err());
			Reputations::<Test>::remove(9);
			assert!(Scoring::do_try_state().is_ok());
		});
	}
}

mod wash_ratings {
	use super::*;
	use crate::{
		reputation::{weighted_ema, MAX_PRUNE_PER_BLOCK},
		weights::WeightInfo,
		PruneFrom, RatedIn,
	};
	use polkadot_sdk::{
		frame_support::{
			traits::{Get, Hooks},
			weights::{RuntimeDbWeight, Weight},
		},
		frame_system,
	};

	/// Issue 12, defect 9: a tenant renting and terminating in the same block (nothing paid)
	/// rated the provider 1 star nine times and restricted it (500 × 0.9⁹ < 200).
	#[test]
	fn nine_one_star_ratings_after_empty_leases_do_not_restrict_a_provider() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(rate_by(10, 1, 1, 0));
			System::assert_last_event(
				Event::Rated { by: 10, who: 1, stars: 1, paid: 0, reputation: NEUTRAL }.into(),
			);
			// The same tenant cannot rate again this period, paid or not.
			for _ in 0..8 {
				assert_noop!(rate_by(10, 1, 1, 0), Error::<Test>::AlreadyRatedThisPeriod);
				assert_noop!(rate_by(10, 1, 1, FULL), Error::<Test>::AlreadyRatedThisPeriod);
			}
			// Nine accounts with empty leases move nothing either.
			for by in 11..19 {
				assert_ok!(rate_by(by, 1, 1, 0));
			}
			assert_eq!(rep(1), NEUTRAL);
			assert!(!restricted(1));
		});
	}

	/// Issue 12, defect 9: a second account pumped its own provider to ~940 with 5-star
	/// ratings of 1-planck leases.
	#[test]
	fn a_second_account_pumping_its_own_provider_with_one_planck_leases_moves_nothing() {
		ExtBuilder::default().build_and_execute(|| {
			for period in 0..60u64 {
				go_to(1 + period * PERIOD);
				assert_ok!(rate_by(20, 2, 5, 1));
				assert_noop!(rate_by(20, 2, 5, 1), Error::<Test>::AlreadyRatedThisPeriod);
			}
			assert_eq!(rep(2), NEUTRAL);
			assert_eq!(Reputations::<Test>::get(2).unwrap().ratings, 60);
		});
	}

	#[test]
	fn ratings_weigh_in_proportion_to_what_was_paid() {
		ExtBuilder::default().build_and_execute(|| {
			// Half the full weight: half of ⌈10% × 500⌉.
			assert_ok!(rate_by(7, 1, 5, FULL / 2));
			assert_eq!(rep(1), 525);
			System::assert_last_event(
				Event::Rated { by: 7, who: 1, stars: 5, paid: FULL / 2, reputation: 525 }.into(),
			);
			// More than the full weight counts as the full weight: ⌈10% × 475⌉.
			assert_ok!(rate_by(8, 1, 5, 10 * FULL));
			assert_eq!(rep(1), 573);
			// A tenth: ⌊⌈10% × 573⌉ / 10⌋ = ⌊58 / 10⌋.
			assert_ok!(rate_by(9, 1, 1, FULL / 10));
			assert_eq!(rep(1), 568);
			// 19 of 1,000: ⌊44 × 0.019⌋ = 0.
			assert_ok!(rate_by(11, 1, 5, 19));
			assert_eq!(rep(1), 568);
			assert_eq!(Reputations::<Test>::get(1).unwrap().ratings, 4);
		});
	}

	#[test]
	fn a_rater_rates_a_counterparty_once_a_period() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(rate_by(7, 1, 5, FULL));
			assert_noop!(rate_by(7, 1, 1, FULL), Error::<Test>::AlreadyRatedThisPeriod);
			// The other direction, and other pairs, are separate.
			assert_ok!(rate_by(1, 7, 5, FULL));
			assert_ok!(rate_by(8, 1, 5, FULL));
			assert_ok!(rate_by(7, 2, 5, FULL));
			assert!(RatedIn::<Test>::contains_key(0, (7, 1)));
			// Still period 0 at its last block; period 1 starts at block `PERIOD`.
			go_to(PERIOD - 1);
			assert_noop!(rate_by(7, 1, 1, FULL), Error::<Test>::AlreadyRatedThisPeriod);
			go_to(PERIOD);
			assert_ok!(rate_by(7, 1, 1, FULL));
			assert!(RatedIn::<Test>::contains_key(1, (7, 1)));
		});
	}

	#[test]
	fn an_account_cannot_rate_itself() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(rate_by(7, 7, 5, FULL), Error::<Test>::SelfRating);
			assert_noop!(rate_by(7, 7, 0, FULL), Error::<Test>::BadStars);
		});
	}

	#[test]
	fn past_periods_are_pruned_on_idle_within_the_weight_left() {
		ExtBuilder::default().build_and_execute(|| {
			for by in 10..15 {
				assert_ok!(rate_by(by, 1, 5, FULL));
			}
			// Nothing to prune in the current period: only the cursor is read.
			assert_eq!(
				Scoring::on_idle(PERIOD - 1, Weight::MAX),
				<<Test as frame_system::Config>::DbWeight as Get<RuntimeDbWeight>>::get().reads(1)
			);
			assert_eq!(RatedIn::<Test>::iter_prefix(0).count(), 5);
			go_to(3 * PERIOD);
			let weights = <() as WeightInfo>::prune_ratings;
			// Too little weight: nothing happens.
			assert_eq!(Scoring::on_idle(3 * PERIOD, weights(0).div(2)), Weight::zero());
			assert_eq!(RatedIn::<Test>::iter_prefix(0).count(), 5);
			// Room for three units: a period looked at and two records removed.
			assert_eq!(Scoring::on_idle(3 * PERIOD, weights(3)), weights(3));
			assert_eq!(RatedIn::<Test>::iter_prefix(0).count(), 3);
			assert_eq!(PruneFrom::<Test>::get(), 0);
			// Plenty: the rest of period 0, and the empty periods 1 and 2.
			assert_eq!(Scoring::on_idle(3 * PERIOD, Weight::MAX), weights(6));
			assert_eq!(RatedIn::<Test>::iter().count(), 0);
			assert_eq!(PruneFrom::<Test>::get(), 3);
			// The pairs may rate again (it is another period anyway).
			assert_ok!(rate_by(10, 1, 5, FULL));
		});
	}

	#[test]
	fn pruning_is_bounded_per_block() {
		ExtBuilder::default().build_and_execute(|| {
			for i in 0..(MAX_PRUNE_PER_BLOCK as u64 + 10) {
				RatedIn::<Test>::insert(0, (1_000 + i, 1), ());
			}
			go_to(PERIOD);
			Scoring::on_idle(PERIOD, Weight::MAX);
			// One unit for looking at the period, the rest for records.
			assert_eq!(RatedIn::<Test>::iter_prefix(0).count(), 11);
			Scoring::on_idle(PERIOD, Weight::MAX);
			assert_eq!(RatedIn::<Test>::iter_prefix(0).count(), 0);
			assert_eq!(PruneFrom::<Test>::get(), 1);
		});
	}

	#[test]
	fn try_state_catches_stale_or_future_rating_records() {
		ExtBuilder::default().build_and_execute(|| {
			RatedIn::<Test>::insert(1, (7, 1), ());
			assert!(Scoring::do_try_state().is_err());
			RatedIn::<Test>::remove(1, (7, 1));
			RatedIn::<Test>::insert(0, (7, 7), ());
			assert!(Scoring::do_try_state().is_err());
			RatedIn::<Test>::remove(0, (7, 7));
			go_to(2 * PERIOD);
			RatedIn::<Test>::insert(0, (7, 1), ());
			PruneFrom::<Test>::put(1);
			assert!(Scoring::do_try_state().is_err());
			RatedIn::<Test>::remove(0, (7, 1));
			assert!(Scoring::do_try_state().is_ok());
			PruneFrom::<Test>::put(3);
			assert!(Scoring::do_try_state().is_err());
			PruneFrom::<Test>::put(2);
		});
	}

	#[test]
	fn weighted_ema_steps() {
		let ten = Percent::from_percent(10);
		assert_eq!(weighted_ema(500, 1000, ten, 1_000, 1_000), 550);
		assert_eq!(weighted_ema(500, 1000, ten, u128::MAX, 1_000), 550);
		assert_eq!(weighted_ema(500, 1000, ten, 500, 1_000), 525);
		assert_eq!(weighted_ema(500, 0, ten, 500, 1_000), 475);
		assert_eq!(weighted_ema(500, 0, ten, 0, 1_000), 500);
		assert_eq!(weighted_ema(500, 0, ten, 19, 1_000), 500);
		assert_eq!(weighted_ema(500, 0, ten, 20, 1_000), 499);
		assert_eq!(weighted_ema(500, 0, ten, 0, 0), 450);
		assert_eq!(weighted_ema(2_000, 0, ten, 1_000, 1_000), 900);
		// The runtime's full weight of 100 PVC: a 1-planck lease moves nothing.
		assert_eq!(weighted_ema(500, 0, ten, 1, 100 * 10u128.pow(12)), 500);
	}
}

mod pure {
	use super::*;

	#[test]
	fn decayed_is_exact_at_half_lives() {
		for value in [0, 1, 250, 499, 500, 501, 750, 1000] {
			for h in 0..12u64 {
				let expected = if value >= NEUTRAL {
					NEUTRAL + ((value - NEUTRAL) >> h)
				} else {
					NEUTRAL - ((NEUTRAL - value) >> h)
				};
				assert_eq!(decayed(value, h * 7, 7), expected, "{value} after {h}");
			}
		}
	}

	#[test]
	fn decayed_is_monotonic_and_never_crosses_neutral() {
		for value in [0, 137, 499, 500, 501, 863, 1000] {
			let mut last = value;
			for elapsed in 0..2000u64 {
				let now = decayed(value, elapsed, 37);
				if value >= NEUTRAL {
					assert!(now <= last && now >= NEUTRAL);
				} else {
					assert!(now >= last && now <= NEUTRAL);
				}
				last = now;
			}
			assert_eq!(last, NEUTRAL);
		}
	}

	#[test]
	fn decayed_edge_cases() {
		assert_eq!(decayed(900, 1_000_000, 0), 900);
		assert_eq!(decayed(2000, 0, 10), 1000);
		assert_eq!(decayed(0, u64::MAX, 1), NEUTRAL);
		assert_eq!(decayed(1000, MAX_HALVINGS * 10, 10), NEUTRAL);
		assert_eq!(decayed(1000, u64::MAX, u64::MAX), 750);
		assert_eq!(decayed(1000, u64::MAX - 1, u64::MAX), 751);
	}

	#[test]
	fn ratings_map_to_targets() {
		assert_eq!(rating_target(0), None);
		assert_eq!(rating_target(1), Some(0));
		assert_eq!(rating_target(3), Some(500));
		assert_eq!(rating_target(5), Some(1000));
		assert_eq!(rating_target(6), None);
	}

	#[test]
	fn ema_steps() {
		let ten = Percent::from_percent(10);
		assert_eq!(ema(500, 1000, ten), 550);
		assert_eq!(ema(999, 1000, ten), 1000);
		assert_eq!(ema(1, 0, ten), 0);
		assert_eq!(ema(700, 700, ten), 700);
		assert_eq!(ema(500, 1000, Percent::from_percent(100)), 1000);
		assert_eq!(ema(5000, 1000, ten), 1000);
	}
}
