//! Builds the runtime's Wasm blob; the node embeds it as its genesis and native-less code.

fn main() {
	#[cfg(feature = "std")]
	{
		substrate_wasm_builder::WasmBuilder::build_using_defaults();
	}
}
