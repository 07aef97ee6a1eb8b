//! The sandbox's HTTP/1.1 server on hyper: `POST /` with `X-Amz-Target:
//! PinpointSMSVoiceV2.<Operation>`, JSON in, JSON out, keep-alive; limits on the head and the
//! body, a read timeout, and a graceful stop. hyper is already in the tree through the SDK's
//! HTTP client; what a request does is in [`super::service`].

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use super::rate::RateLimiter;
use super::record::Recorder;
use super::service::{self, Shared};
use super::state::State;
use super::store::Store;

/// The default body limit; the service's own limit is far lower.
pub const MAX_BODY: usize = 4 * 1024 * 1024;
/// The default read timeout.
pub const READ_TIMEOUT: Duration = Duration::from_secs(10);
/// Header lines per request; hyper answers 431 above it.
const MAX_HEADERS: usize = 100;
/// Bytes of request line and headers; hyper answers 431 above it. The SDK's and the AWS CLI's
/// heads are about 1 kB.
const MAX_HEAD: usize = 64 * 1024;
/// How long a stop waits for requests in flight. Each is bounded anyway (read timeouts, the
/// 1.5 s test number); this caps a client that never reads its answers.
const STOP_GRACE: Duration = Duration::from_secs(10);

/// How a sandbox runs, beyond the service's rules it always applies.
#[derive(Debug, Clone)]
pub struct SandboxOptions {
    /// The port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// `SendRcsMessage` requests per second before `ThrottlingException`, like the account's
    /// rate at the service; 0 is unlimited.
    pub rate: u32,
    /// A file that gets one JSON line per accepted `SendRcsMessage`, appended before it is
    /// answered.
    pub record: Option<PathBuf>,
    /// A file that keeps the account (agents, spend limit, configuration sets) across
    /// restarts; `None` keeps it in memory only.
    pub state: Option<PathBuf>,
    /// How long a client may take to send a request's head, and then its body; also how long
    /// an idle keep-alive connection stays open. A client too slow is disconnected.
    pub read_timeout: Duration,
    /// The largest request body, in bytes; larger ones get HTTP 413 with a
    /// `ValidationException` (`MAXIMUM_SIZE_EXCEEDED`).
    pub max_body: usize,
}

impl Default for SandboxOptions {
    fn default() -> Self {
        Self {
            port: 0,
            rate: 0,
            record: None,
            state: None,
            read_timeout: READ_TIMEOUT,
            max_body: MAX_BODY,
        }
    }
}

/// A running sandbox. Dropping it stops accepting connections at once and lets the requests
/// in flight finish in the background; [`Sandbox::stop`] also waits for them.
pub struct Sandbox {
    addr: SocketAddr,
    state: Arc<Mutex<State>>,
    stop: Option<oneshot::Sender<()>>,
    server: Option<JoinHandle<()>>,
}

impl Sandbox {
    /// [`Sandbox::start_with`] on `port` (0 picks a free port), with no rate limit, record or
    /// state file.
    ///
    /// # Errors
    /// When the port cannot be bound.
    pub async fn start(port: u16) -> std::io::Result<Self> {
        Self::start_with(SandboxOptions {
            port,
            ..SandboxOptions::default()
        })
        .await
    }

    /// Loads the state file and opens the record file, if any, binds 127.0.0.1 and serves on
    /// the current tokio runtime.
    ///
    /// # Errors
    /// When the state file exists but is not a sandbox state
    /// ([`std::io::ErrorKind::InvalidData`]; the file is left alone), when the state or record
    /// file cannot be written or the port cannot be bound; the message says which.
    pub async fn start_with(options: SandboxOptions) -> std::io::Result<Self> {
        // The files first: a sandbox that cannot keep what it is told must not start answering.
        let (store, state) = match &options.state {
            Some(path) => {
                let (store, state) = Store::open(path)?;
                (Some(Mutex::new(store)), state)
            }
            None => (None, State::new()),
        };
        let recorder = options.record.as_deref().map(Recorder::open).transpose()?;
        let listener = TcpListener::bind(("127.0.0.1", options.port))
            .await
            .map_err(|e| {
                std::io::Error::new(
                    e.kind(),
                    format!("cannot listen on 127.0.0.1:{}: {e}", options.port),
                )
            })?;
        let addr = listener.local_addr()?;
        let state = Arc::new(Mutex::new(state));
        let shared = Arc::new(Shared {
            state: Arc::clone(&state),
            limiter: Mutex::new(RateLimiter::new(options.rate)),
            recorder,
            store,
            max_body: options.max_body,
            read_timeout: options.read_timeout,
        });
        let mut http = http1::Builder::new();
        http.timer(TokioTimer::new())
            .header_read_timeout(options.read_timeout)
            .max_headers(MAX_HEADERS)
            .max_header_size(MAX_HEAD)
            .keep_alive(true);
        let (stop, stopped) = oneshot::channel();
        let server = tokio::spawn(serve(listener, http, shared, stopped));
        Ok(Self {
            addr,
            state,
            stop: Some(stop),
            server: Some(server),
        })
    }

    /// `http://127.0.0.1:PORT`, for `--endpoint-url`.
    #[must_use]
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The state, for inspection (tests, the window's sandbox view).
    #[must_use]
    pub fn state(&self) -> Arc<Mutex<State>> {
        Arc::clone(&self.state)
    }

    /// Stops accepting connections and waits until the requests in flight have been answered
    /// (at most 10 s); idle connections are closed.
    pub async fn stop(mut self) {
        self.signal_stop();
        if let Some(server) = self.server.take() {
            // The server task only ends by finishing; a panic in it has nothing left to stop.
            let _ = server.await;
        }
    }

    fn signal_stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.signal_stop();
    }
}

/// Accepts connections until stopped, then drains them.
async fn serve(
    listener: TcpListener,
    http: http1::Builder,
    shared: Arc<Shared>,
    mut stopped: oneshot::Receiver<()>,
) {
    let graceful = GracefulShutdown::new();
    loop {
        tokio::select! {
            // A dropped sender (the Sandbox is gone) stops the server as a sent signal does.
            _ = &mut stopped => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    let shared = Arc::clone(&shared);
                    let service =
                        service_fn(move |request| service::answer(Arc::clone(&shared), request));
                    let connection =
                        graceful.watch(http.serve_connection(TokioIo::new(stream), service));
                    // A connection's end, error or not, concerns only its client.
                    tokio::spawn(async move {
                        let _ = connection.await;
                    });
                }
                // Out of file descriptors and the like: wait a little rather than spin.
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            },
        }
    }
    // Refuse new connections at once, then let the open ones finish what they are doing.
    drop(listener);
    let _ = tokio::time::timeout(STOP_GRACE, graceful.shutdown()).await;
}
