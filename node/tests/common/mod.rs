//! Helpers shared by the end-to-end tests of `powerverse-node`.
//!
//! The tests start the real binary as child processes on ports chosen at run time and talk to
//! them the way any client does: JSON-RPC over HTTP on the RPC port. Only `std` and
//! `serde_json` are used, so the tests bring in no HTTP client or async runtime of their own.

// Every test file compiles this module separately and uses only part of it.
#![allow(dead_code)]

use std::{
	cell::{Cell, OnceCell, RefCell},
	ffi::OsStr,
	fmt,
	fmt::Write as _,
	fs::{self, File},
	io::{Read, Write},
	net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream},
	path::{Path, PathBuf},
	process::{Child, Command, ExitStatus, Stdio},
	sync::atomic::{AtomicU64, Ordering},
	thread,
	time::{Duration, Instant},
};

use serde_json::{json, Value};

/// The node binary cargo built for this package.
pub const NODE_BIN: &str = env!("CARGO_BIN_EXE_powerverse-node");

/// How often the waiting helpers poll.
pub const POLL: Duration = Duration::from_millis(500);

/// How long one JSON-RPC request may take before it counts as failed.
const RPC_TIMEOUT: Duration = Duration::from_secs(30);

/// How many log lines a failing test shows per node.
const LOG_TAIL_LINES: usize = 80;

/// Start of the log line in which sc-rpc-server reports the addresses it actually bound.
const RPC_ADDR_MARKER: &str = "Running JSON-RPC server: addr=";

/// `n` distinct TCP ports on 127.0.0.1 that were free a moment ago.
///
/// Every listener is held until all ports are read, so one call never hands out the same port
/// twice. They are released before returning, so another process may still take one in the
/// meantime; the node's RPC server then moves to a random port, which [`Node::rpc_port`]
/// follows.
pub fn free_ports(n: usize) -> Vec<u16> {
	let listeners: Vec<TcpListener> = (0..n)
		.map(|_| {
			TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
				.expect("bind an ephemeral port on 127.0.0.1")
		})
		.collect();
	listeners
		.iter()
		.map(|listener| listener.local_addr().expect("address of a bound listener").port())
		.collect()
}

/// One TCP port on 127.0.0.1 that was free a moment ago.
pub fn free_port() -> u16 {
	free_ports(1)[0]
}

/// The ports one node listens on.
#[derive(Clone, Copy, Debug)]
pub struct Ports {
	/// libp2p (`--port`).
	pub p2p: u16,
	/// JSON-RPC over HTTP and WebSocket (`--rpc-port`).
	pub rpc: u16,
	/// Prometheus metrics (`--prometheus-port`).
	pub prometheus: u16,
	/// Ethereum JSON-RPC (`--eth-rpc-port`).
	pub eth: u16,
}

impl Ports {
	/// Fresh ports for one node.
	pub fn free() -> Self {
		Self::free_many(1).remove(0)
	}

	/// Fresh ports for `n` nodes, all distinct: nodes started one after another would otherwise
	/// risk being handed a port that a node started just before has not bound yet.
	pub fn free_many(n: usize) -> Vec<Self> {
		free_ports(4 * n)
			.chunks(4)
			.map(|p| Ports { p2p: p[0], rpc: p[1], prometheus: p[2], eth: p[3] })
			.collect()
	}
}

/// A directory of its own under the system temp dir, removed with everything in it on drop.
pub struct TestDir(PathBuf);

impl TestDir {
	/// Creates a new empty directory whose name contains `label`.
	pub fn new(label: &str) -> Self {
		static NEXT: AtomicU64 = AtomicU64::new(0);
		let path = std::env::temp_dir().join(format!(
			"powerverse-e2e-{}-{}-{label}",
			std::process::id(),
			NEXT.fetch_add(1, Ordering::Relaxed),
		));
		// A leftover of a killed earlier run whose process id came round again.
		let _ = fs::remove_dir_all(&path);
		fs::create_dir_all(&path)
			.unwrap_or_else(|e| panic!("create test directory {}: {e}", path.display()));
		Self(path)
	}

	/// The directory.
	pub fn path(&self) -> &Path {
		&self.0
	}
}

impl Drop for TestDir {
	fn drop(&mut self) {
		let _ = fs::remove_dir_all(&self.0);
	}
}

/// Why a JSON-RPC call failed.
#[derive(Debug)]
pub enum RpcError {
	/// No usable answer: connection refused or reset, timeout, HTTP error status, malformed
	/// response. Expected while a node is still starting.
	Transport(String),
	/// The node answered with a JSON-RPC error object (`code`, `message`, maybe `data`).
	Call(Value),
}

impl fmt::Display for RpcError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			RpcError::Transport(e) => write!(f, "transport error: {e}"),
			RpcError::Call(e) => write!(f, "JSON-RPC error: {e}"),
		}
	}
}

/// Calls `method` with `params` on the JSON-RPC server at 127.0.0.1:`port`.
///
/// Returns the `result` member, or the `error` object as [`RpcError::Call`].
pub fn rpc(port: u16, method: &str, params: Value) -> Result<Value, RpcError> {
	static NEXT_ID: AtomicU64 = AtomicU64::new(1);
	let request = json!({
		"jsonrpc": "2.0",
		"id": NEXT_ID.fetch_add(1, Ordering::Relaxed),
		"method": method,
		"params": params,
	})
	.to_string();
	let body = http_post(port, &request).map_err(RpcError::Transport)?;
	let response: Value = serde_json::from_slice(&body).map_err(|e| {
		RpcError::Transport(format!(
			"response is not JSON ({e}): {}",
			String::from_utf8_lossy(&body)
		))
	})?;
	if let Some(error) = response.get("error") {
		return Err(RpcError::Call(error.clone()));
	}
	response.get("result").cloned().ok_or_else(|| {
		RpcError::Transport(format!("response has neither result nor error: {response}"))
	})
}

/// POSTs `body` as JSON to `http://127.0.0.1:port/` and returns the response body.
///
/// One request per connection with `Connection: close`: the response then ends where the
/// stream ends, and there is no connection state to manage.
fn http_post(port: u16, body: &str) -> Result<Vec<u8>, String> {
	let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
	let mut stream = TcpStream::connect_timeout(&address, RPC_TIMEOUT)
		.map_err(|e| format!("connect to {address}: {e}"))?;
	stream.set_read_timeout(Some(RPC_TIMEOUT)).map_err(|e| e.to_string())?;
	stream.set_write_timeout(Some(RPC_TIMEOUT)).map_err(|e| e.to_string())?;
	// sc-rpc-server only accepts a `Host` naming an address it listens on.
	let request = format!(
		"POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
		 Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
		body.len()
	);
	stream.write_all(request.as_bytes()).map_err(|e| format!("send request: {e}"))?;
	let mut raw = Vec::new();
	stream.read_to_end(&mut raw).map_err(|e| format!("read response: {e}"))?;
	parse_http_response(&raw)
}

/// The body of an HTTP/1.1 response, or an error naming the status if it is not 200.
///
/// jsonrpsee 0.24 answers with `Content-Length`; chunked transfer encoding is decoded as well,
/// so the client stays correct if a later server version streams its responses.
fn parse_http_response(raw: &[u8]) -> Result<Vec<u8>, String> {
	let split = find(raw, b"\r\n\r\n")
		.ok_or_else(|| format!("no end of HTTP headers in {:?}", String::from_utf8_lossy(raw)))?;
	let head = String::from_utf8_lossy(&raw[..split]);
	let rest = &raw[split + 4..];
	let mut lines = head.split("\r\n");
	let status_line = lines.next().unwrap_or_default();
	let status: u16 = status_line
		.split_whitespace()
		.nth(1)
		.and_then(|code| code.parse().ok())
		.ok_or_else(|| format!("bad HTTP status line {status_line:?}"))?;
	let mut chunked = false;
	let mut content_length = None;
	for line in lines {
		let Some((name, value)) = line.split_once(':') else { continue };
		let (name, value) = (name.trim(), value.trim());
		if name.eq_ignore_ascii_case("transfer-encoding") {
			chunked = value.to_ascii_lowercase().contains("chunked");
		} else if name.eq_ignore_ascii_case("content-length") {
			content_length = value.parse::<usize>().ok();
		}
	}
	let body = if chunked {
		decode_chunked(rest)?
	} else if let Some(length) = content_length {
		rest.get(..length)
			.ok_or_else(|| format!("body shorter than its Content-Length of {length}"))?
			.to_vec()
	} else {
		rest.to_vec()
	};
	if status != 200 {
		return Err(format!("HTTP {status}: {}", String::from_utf8_lossy(&body)));
	}
	Ok(body)
}

/// Joins the chunks of a body sent with `Transfer-Encoding: chunked`.
fn decode_chunked(mut data: &[u8]) -> Result<Vec<u8>, String> {
	let mut body = Vec::new();
	loop {
		let line_end = find(data, b"\r\n").ok_or("chunk size line is not terminated")?;
		let size_line = std::str::from_utf8(&data[..line_end]).map_err(|e| e.to_string())?;
		// A chunk size may carry extensions after `;`; nothing here needs them.
		let size_hex = size_line.split(';').next().unwrap_or_default().trim();
		let size = usize::from_str_radix(size_hex, 16)
			.map_err(|e| format!("bad chunk size {size_hex:?}: {e}"))?;
		data = &data[line_end + 2..];
		if size == 0 {
			return Ok(body);
		}
		let chunk = data.get(..size).ok_or("chunk is shorter than its size")?;
		body.extend_from_slice(chunk);
		data = data.get(size + 2..).ok_or("chunk is not terminated")?;
	}
}

/// Position of the first occurrence of `needle` in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
	haystack.windows(needle.len()).position(|window| window == needle)
}

/// `bytes` as `0x`-prefixed lowercase hex, the way the node's RPC encodes bytes.
pub fn to_hex(bytes: &[u8]) -> String {
	let mut hex = String::with_capacity(2 + 2 * bytes.len());
	hex.push_str("0x");
	for byte in bytes {
		let _ = write!(hex, "{byte:02x}");
	}
	hex
}

/// Bytes of a hex string, with or without the `0x` prefix.
pub fn from_hex(hex: &str) -> Result<Vec<u8>, String> {
	let digits = hex.strip_prefix("0x").unwrap_or(hex);
	// Checked first so that slicing two characters at a time stays on char boundaries.
	if !digits.is_ascii() || !digits.len().is_multiple_of(2) {
		return Err(format!("not an even number of hex digits: {hex:?}"));
	}
	(0..digits.len())
		.step_by(2)
		.map(|i| {
			u8::from_str_radix(&digits[i..i + 2], 16).map_err(|e| format!("bad hex {hex:?}: {e}"))
		})
		.collect()
}

/// A block number as the RPC encodes it in headers: a hex string such as `"0x1a"`.
pub fn parse_number(value: &Value) -> Result<u64, RpcError> {
	let parsed = match value {
		Value::String(hex) => u64::from_str_radix(hex.trim_start_matches("0x"), 16).ok(),
		Value::Number(number) => number.as_u64(),
		_ => None,
	};
	parsed.ok_or_else(|| RpcError::Transport(format!("not a block number: {value}")))
}

/// The `number` of a header returned by `chain_getHeader`.
pub fn header_number(header: &Value) -> Result<u64, RpcError> {
	parse_number(&header["number"])
}

/// Number of the best block of the node whose RPC server is on `port`.
pub fn best_number(port: u16) -> Result<u64, RpcError> {
	header_number(&rpc(port, "chain_getHeader", json!([]))?)
}

/// Number of the last finalized block of the node whose RPC server is on `port`.
pub fn finalized_number(port: u16) -> Result<u64, RpcError> {
	let hash = rpc(port, "chain_getFinalizedHead", json!([]))?;
	header_number(&rpc(port, "chain_getHeader", json!([hash]))?)
}

/// Calls `f` every `poll` until it returns `Some`, for at most `timeout`.
pub fn wait_until<T>(
	timeout: Duration,
	poll: Duration,
	mut f: impl FnMut() -> Option<T>,
) -> Option<T> {
	let deadline = Instant::now() + timeout;
	loop {
		if let Some(value) = f() {
			return Some(value);
		}
		if Instant::now() >= deadline {
			return None;
		}
		thread::sleep(poll);
	}
}

/// Whether the JSON-RPC server on `port` answers within `timeout`.
pub fn wait_for_rpc(port: u16, timeout: Duration) -> bool {
	wait_until(timeout, POLL, || rpc(port, "system_health", json!([])).ok()).is_some()
}

/// The contents of the text file at `path`, empty if it cannot be read.
fn read_lossy(path: &Path) -> String {
	fs::read(path).map(|bytes| String::from_utf8_lossy(&bytes).into_owned()).unwrap_or_default()
}

/// The last `lines` lines of `text`.
pub fn tail(text: &str, lines: usize) -> String {
	let all: Vec<&str> = text.lines().collect();
	all[all.len().saturating_sub(lines)..].join("\n")
}

/// The IPv4 port in the node's "Running JSON-RPC server: addr=..." log line, if logged yet.
fn rpc_port_from_log(log: &str) -> Option<u16> {
	let line = log.lines().find(|line| line.contains(RPC_ADDR_MARKER))?;
	let addresses = &line[line.find(RPC_ADDR_MARKER)? + RPC_ADDR_MARKER.len()..];
	addresses
		.split(|c: char| c == ',' || c.is_whitespace())
		.filter_map(|address| address.parse::<SocketAddr>().ok())
		.find(SocketAddr::is_ipv4)
		.map(|address| address.port())
}

/// A running `powerverse-node` process. Dropping it kills the process and removes its
/// directory (base path and log); if the test is failing by then, the end of the log is
/// printed first.
pub struct Node {
	name: String,
	child: RefCell<Child>,
	ports: Ports,
	/// The RPC port the node reported in its log, once it has.
	reported_rpc_port: OnceCell<u16>,
	/// Whether a failure message already showed the log, so `Drop` does not show it again.
	log_shown: Cell<bool>,
	base_path: PathBuf,
	log_path: PathBuf,
	dir: TestDir,
}

impl Node {
	/// Starts the node with `args` on fresh ports; see [`Node::spawn_with_ports`].
	pub fn spawn<I, S>(name: &str, args: I) -> Self
	where
		I: IntoIterator<Item = S>,
		S: AsRef<OsStr>,
	{
		Self::spawn_with_ports(name, args, Ports::free())
	}

	/// Starts the node with `args`, plus a base path in a directory of its own, the given
	/// ports and no telemetry.
	///
	/// Output goes to a log file, not to pipes: nobody reads pipes while a test runs, and a
	/// full pipe would stall the node.
	pub fn spawn_with_ports<I, S>(name: &str, args: I, ports: Ports) -> Self
	where
		I: IntoIterator<Item = S>,
		S: AsRef<OsStr>,
	{
		let dir = TestDir::new(name);
		let base_path = dir.path().join("base");
		let log_path = dir.path().join("node.log");
		let log = File::create(&log_path).expect("create the node's log file");
		// Shares the file offset with `log`, so stdout and stderr lines never overwrite each
		// other.
		let log_for_stderr = log.try_clone().expect("duplicate the log file handle");
		let child = Command::new(NODE_BIN)
			.args(args)
			// A base path of our own rather than `--tmp`: `--tmp` removes its directory only on
			// a clean exit, and the tests kill the process.
			.arg("--base-path")
			.arg(&base_path)
			.arg("--port")
			.arg(ports.p2p.to_string())
			.arg("--rpc-port")
			.arg(ports.rpc.to_string())
			.arg("--prometheus-port")
			.arg(ports.prometheus.to_string())
			.arg("--eth-rpc-port")
			.arg(ports.eth.to_string())
			.arg("--no-telemetry")
			.stdin(Stdio::null())
			.stdout(log)
			.stderr(log_for_stderr)
			.spawn()
			.unwrap_or_else(|e| panic!("start {NODE_BIN}: {e}"));
		Node {
			name: name.to_owned(),
			child: RefCell::new(child),
			ports,
			reported_rpc_port: OnceCell::new(),
			log_shown: Cell::new(false),
			base_path,
			log_path,
			dir,
		}
	}

	/// The name the test gave this node.
	pub fn name(&self) -> &str {
		&self.name
	}

	/// The ports the node was asked to use.
	pub fn ports(&self) -> Ports {
		self.ports
	}

	/// The node's `--base-path`.
	pub fn base_path(&self) -> &Path {
		&self.base_path
	}

	/// Everything the node has logged so far (stdout and stderr).
	pub fn log(&self) -> String {
		read_lossy(&self.log_path)
	}

	/// The last `lines` lines of the node's log.
	pub fn log_tail(&self, lines: usize) -> String {
		tail(&self.log(), lines)
	}

	/// The node's exit status if it has exited.
	pub fn exit_status(&self) -> Option<ExitStatus> {
		self.child.borrow_mut().try_wait().ok().flatten()
	}

	/// Sends the node SIGINT, as Ctrl-C in a terminal does, and waits for it to exit.
	/// Fails the test if it is still running after `timeout`.
	pub fn interrupt(&self, timeout: Duration) -> ExitStatus {
		let pid = self.child.borrow().id().to_string();
		let sent = Command::new("kill").args(["-INT", &pid]).status();
		if !sent.as_ref().is_ok_and(|s| s.success()) {
			self.fail(format!("could not send SIGINT to {pid}: {sent:?}"));
		}
		wait_until(timeout, POLL, || self.exit_status())
			.unwrap_or_else(|| self.fail(format!("still running {timeout:?} after SIGINT")))
	}

	/// The RPC port the node says it bound, once it has logged it.
	pub fn reported_rpc_port(&self) -> Option<u16> {
		if let Some(port) = self.reported_rpc_port.get() {
			return Some(*port);
		}
		let port = rpc_port_from_log(&self.log())?;
		Some(*self.reported_rpc_port.get_or_init(|| port))
	}

	/// Where the node's JSON-RPC server is: the port it reported, else the one it was given.
	///
	/// They differ when the given port was taken by the time the node bound it: sc-cli then
	/// has sc-rpc-server fall back to a random port.
	pub fn rpc_port(&self) -> u16 {
		self.reported_rpc_port().unwrap_or(self.ports.rpc)
	}

	/// Calls `method` on this node; see [`rpc`].
	pub fn rpc(&self, method: &str, params: Value) -> Result<Value, RpcError> {
		rpc(self.rpc_port(), method, params)
	}

	/// Calls `method` on this node and fails the test, showing the log, if the call fails.
	pub fn call(&self, method: &str, params: Value) -> Value {
		self.rpc(method, params.clone())
			.unwrap_or_else(|e| self.fail(format!("{method}({params}) failed: {e}")))
	}

	/// Number of the node's best block.
	pub fn best_number(&self) -> Result<u64, RpcError> {
		best_number(self.rpc_port())
	}

	/// Number of the node's last finalized block.
	pub fn finalized_number(&self) -> Result<u64, RpcError> {
		finalized_number(self.rpc_port())
	}

	/// Polls `f` until it returns `Some`. Fails the test, showing the log, on timeout or if
	/// the node exits in the meantime (no point waiting for a dead node).
	pub fn wait_for<T>(
		&self,
		what: &str,
		timeout: Duration,
		mut f: impl FnMut() -> Option<T>,
	) -> T {
		let outcome = wait_until(timeout, POLL, || match f() {
			Some(value) => Some(Ok(value)),
			None => self.exit_status().map(Err),
		});
		match outcome {
			Some(Ok(value)) => value,
			Some(Err(status)) => self.fail(format!("exited ({status}) while waiting for {what}")),
			None => self.fail(format!("timed out after {timeout:?} waiting for {what}")),
		}
	}

	/// Waits until the node's JSON-RPC server answers and returns its port.
	pub fn wait_for_rpc(&self, timeout: Duration) -> u16 {
		self.wait_for("its JSON-RPC server to answer", timeout, || {
			let port = self.rpc_port();
			rpc(port, "system_health", json!([])).ok().map(|_| port)
		})
	}

	/// Fails the test with `message` followed by the end of the node's log.
	pub fn fail(&self, message: impl fmt::Display) -> ! {
		self.log_shown.set(true);
		panic!("{}: {message}\n{}", self.name, self.log_report());
	}

	/// The end of the log, headed by the node's name.
	fn log_report(&self) -> String {
		format!(
			"----- last {LOG_TAIL_LINES} log lines of {} -----\n{}\n----- end of {} log -----",
			self.name,
			self.log_tail(LOG_TAIL_LINES),
			self.name,
		)
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		let child = self.child.get_mut();
		// SIGKILL: no test depends on a clean shutdown, and a kill never hangs.
		let _ = child.kill();
		let _ = child.wait();
		// The log goes away with the directory right after this; a failing test still
		// shows it.
		if thread::panicking() && !self.log_shown.get() {
			eprintln!("{}", self.log_report());
		}
	}
}

/// Polls `f` until it returns `Ok`, for a condition over several nodes. `Err` describes the
/// state so far and is shown if the wait fails. Fails the test with the end of every node's
/// log on timeout or as soon as one of the nodes exits.
pub fn wait_for_all<T>(
	nodes: &[Node],
	what: &str,
	timeout: Duration,
	mut f: impl FnMut() -> Result<T, String>,
) -> T {
	let mut state = String::from("not checked yet");
	let outcome = wait_until(timeout, POLL, || {
		match f() {
			Ok(value) => return Some(Ok(value)),
			Err(now) => state = now,
		}
		nodes
			.iter()
			.find_map(|node| {
				node.exit_status().map(|status| format!("{} exited ({status})", node.name))
			})
			.map(Err)
	});
	match outcome {
		Some(Ok(value)) => value,
		Some(Err(exited)) => {
			fail_all(nodes, &format!("{exited} while waiting for {what}; last state: {state}"))
		},
		None => fail_all(
			nodes,
			&format!("timed out after {timeout:?} waiting for {what}; last state: {state}"),
		),
	}
}

/// Fails the test with `message` followed by the end of every node's log.
pub fn fail_all(nodes: &[Node], message: &str) -> ! {
	let mut report = String::new();
	for node in nodes {
		node.log_shown.set(true);
		report.push_str(&node.log_report());
		report.push('\n');
	}
	panic!("{message}\n{report}");
}

/// How a node process that ran to its end finished.
pub struct Exited {
	/// Its exit status.
	pub status: ExitStatus,
	/// Everything it wrote to stdout.
	pub stdout: String,
	/// Everything it wrote to stderr.
	pub stderr: String,
}

/// Runs the node binary with `args` and waits for it to exit by itself, for at most
/// `timeout`; on timeout the process is killed and the test fails with its stderr.
///
/// Output goes to files rather than pipes, so a chatty process cannot block on a full pipe
/// while this waits for it.
pub fn run_to_exit<I, S>(args: I, timeout: Duration) -> Exited
where
	I: IntoIterator<Item = S>,
	S: AsRef<OsStr>,
{
	let dir = TestDir::new("run");
	let stdout_path = dir.path().join("stdout");
	let stderr_path = dir.path().join("stderr");
	let mut child = Command::new(NODE_BIN)
		.args(args)
		.stdin(Stdio::null())
		.stdout(File::create(&stdout_path).expect("create the stdout file"))
		.stderr(File::create(&stderr_path).expect("create the stderr file"))
		.spawn()
		.unwrap_or_else(|e| panic!("start {NODE_BIN}: {e}"));
	let status = wait_until(timeout, Duration::from_millis(100), || {
		child.try_wait().expect("poll the node process")
	});
	let (stdout, stderr) = (read_lossy(&stdout_path), read_lossy(&stderr_path));
	match status {
		Some(status) => Exited { status, stdout, stderr },
		None => {
			let _ = child.kill();
			let _ = child.wait();
			panic!(
				"{NODE_BIN} did not exit within {timeout:?}\n----- stderr -----\n{}",
				tail(&stderr, LOG_TAIL_LINES)
			);
		},
	}
}
