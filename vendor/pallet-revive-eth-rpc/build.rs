// PowerVerse: upstream's build script compiles `revive-dev-runtime` natively (a second
// runtime, with its own feature set of every FRAME crate) only to read its metadata, and
// `git2` only for a version string. This one takes the metadata of the runtime the
// server is actually used with, committed next to this file and kept current by a test
// in `powerverse-runtime`.
use std::{fs, path::Path};

fn main() {
	let rustc = std::process::Command::new(std::env::var("RUSTC").unwrap_or("rustc".into()))
		.arg("--version")
		.output()
		.map(|o| String::from_utf8_lossy(&o.stdout).split_whitespace().take(2).collect::<String>())
		.unwrap_or_else(|_| "unknown".into());
	let target = std::env::var("TARGET").unwrap_or_else(|_| "unknown".into());
	println!("cargo:rustc-env=RUSTC_VERSION={rustc}");
	println!("cargo:rustc-env=TARGET={target}");
	println!("cargo:rustc-env=GIT_REVISION=powerverse-{}", env!("CARGO_PKG_VERSION"));

	// Cargo shares this script and its output between clones at different paths (CI builds
	// a fresh clone in the same target dir): the path is taken when the script runs, not
	// when it is compiled, and given to cargo relative to the package, so each clone's own
	// file decides whether the script runs again.
	let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
	let source = Path::new(&manifest_dir).join("metadata/powerverse.scale");
	println!("cargo:rerun-if-changed=metadata/powerverse.scale");
	let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
		.join("revive_chain.scale");
	fs::copy(&source, &out).expect("metadata/powerverse.scale: run `make metadata`");
}
