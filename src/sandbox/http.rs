//! A minimal HTTP/1.1 server for the AWS JSON 1.0 protocol on loopback: `POST /` with
//! `X-Amz-Target: PinpointSMSVoiceV2.<Operation>`, JSON in, JSON out, keep-alive; with the
//! optional send rate and record of accepted messages from [`SandboxOptions`].

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

use super::ops::{self, SEND_RCS_MESSAGE};
use super::rate::RateLimiter;
use super::record::Recorder;
use super::reply::{Reply, ServiceError};
use super::state::State;

/// Requests larger than this are refused (the service's own limit is far lower).
const MAX_BODY: usize = 4 * 1024 * 1024;
const MAX_HEADER_LINES: usize = 100;

/// How a sandbox runs, beyond the service's rules it always applies.
#[derive(Debug, Clone, Default)]
pub struct SandboxOptions {
    /// The port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// `SendRcsMessage` requests per second before `ThrottlingException`, like the account's
    /// rate at the service; 0 is unlimited.
    pub rate: u32,
    /// A file that gets one JSON line per accepted `SendRcsMessage`, appended before it is
    /// answered.
    pub record: Option<PathBuf>,
}

/// A running sandbox; dropping it stops accepting connections.
pub struct Sandbox {
    addr: SocketAddr,
    state: Arc<Mutex<State>>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

/// What every connection of one sandbox shares.
struct Shared {
    state: Arc<Mutex<State>>,
    limiter: Mutex<RateLimiter>,
    recorder: Option<Recorder>,
}

impl Sandbox {
    /// [`Sandbox::start_with`] on `port` (0 picks a free port), with no rate limit or record.
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

    /// Opens the record file, if any, binds 127.0.0.1 and serves on the current tokio runtime.
    ///
    /// # Errors
    /// When the record file cannot be opened or the port cannot be bound; the message says
    /// which.
    pub async fn start_with(options: SandboxOptions) -> std::io::Result<Self> {
        // The file first: a sandbox that cannot record must not start answering.
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
        let state = Arc::new(Mutex::new(State::new()));
        let (stop, mut stopped) = tokio::sync::oneshot::channel::<()>();
        let shared = Arc::new(Shared {
            state: Arc::clone(&state),
            limiter: Mutex::new(RateLimiter::new(options.rate)),
            recorder,
        });
        tokio::spawn(async move {
            loop {
                tokio::select! {
                    _ = &mut stopped => break,
                    accepted = listener.accept() => {
                        if let Ok((stream, _)) = accepted {
                            tokio::spawn(serve(stream, Arc::clone(&shared)));
                        }
                    }
                }
            }
        });
        Ok(Self {
            addr,
            state,
            stop: Some(stop),
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
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

struct Request {
    target: Option<String>,
    body: Vec<u8>,
    close: bool,
}

async fn read_request(
    reader: &mut BufReader<tokio::net::tcp::ReadHalf<'_>>,
) -> std::io::Result<Option<Request>> {
    let mut line = String::new();
    if reader.read_line(&mut line).await? == 0 {
        return Ok(None);
    }
    let (mut length, mut target, mut close) = (0usize, None, false);
    for _ in 0..MAX_HEADER_LINES {
        line.clear();
        if reader.read_line(&mut line).await? == 0 {
            return Ok(None);
        }
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        let Some((name, value)) = header.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-length" => length = value.parse().unwrap_or(0),
            "x-amz-target" => target = Some(value.to_owned()),
            "connection" => close = value.eq_ignore_ascii_case("close"),
            _ => {}
        }
    }
    if length > MAX_BODY {
        return Err(std::io::Error::other("request body too large"));
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).await?;
    Ok(Some(Request {
        target,
        body,
        close,
    }))
}

async fn serve(mut stream: TcpStream, shared: Arc<Shared>) {
    let (read, mut write) = stream.split();
    let mut reader = BufReader::new(read);
    while let Ok(Some(request)) = read_request(&mut reader).await {
        let request_id = shared
            .state
            .lock()
            .map_or_else(|_| "0".into(), |mut s| s.new_id());
        let (status, body) = respond(&request, &shared);
        // A test number that answers late, to show requests in flight.
        if String::from_utf8_lossy(&request.body).contains(super::state::SLOW_NUMBER) {
            tokio::time::sleep(std::time::Duration::from_secs_f64(
                super::state::SLOW_SECONDS,
            ))
            .await;
        }
        let reason = match status {
            200 => "OK",
            500 => "Internal Server Error",
            _ => "Bad Request",
        };
        let text = body.to_string();
        let head = format!(
            "HTTP/1.1 {status} {reason}\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: {}\r\nx-amzn-RequestId: {request_id}\r\n{}\r\n",
            text.len(),
            if request.close {
                "Connection: close\r\n"
            } else {
                ""
            }
        );
        if write.write_all(head.as_bytes()).await.is_err()
            || write.write_all(text.as_bytes()).await.is_err()
        {
            return;
        }
        if request.close {
            return;
        }
    }
}

fn respond(request: &Request, shared: &Shared) -> (u16, Value) {
    let operation = request
        .target
        .as_deref()
        .and_then(|t| t.strip_prefix("PinpointSMSVoiceV2."))
        .unwrap_or_default();
    let result = if operation == SEND_RCS_MESSAGE
        && let Some(rate) = shared.throttled()
    {
        // Before anything else, as at the service: even an invalid request counts.
        Err(ServiceError::throttling(format!(
            "Rate exceeded: this sandbox accepts {rate} {SEND_RCS_MESSAGE} requests per second."
        )))
    } else {
        match serde_json::from_slice::<Value>(&request.body) {
            Err(e) => Err(ServiceError::validation_reason(
                "CANNOT_PARSE",
                format!("The request body is not JSON: {e}"),
                Vec::new(),
            )),
            Ok(body) => shared.handle(operation, &body),
        }
    };
    match result {
        Ok(value) => (200, value),
        Err(e) => (e.status, e.body()),
    }
}

impl Shared {
    /// `Some(rate)` when a send arriving now is over the rate; a send let through counts.
    fn throttled(&self) -> Option<u32> {
        // The bucket stays consistent whatever a panicking holder was doing: keep using it.
        let mut limiter = self.limiter.lock().unwrap_or_else(PoisonError::into_inner);
        (!limiter.admit(Instant::now())).then(|| limiter.rate())
    }

    /// Runs the operation on the state, and records the messages it accepted before the
    /// answer can leave.
    fn handle(&self, operation: &str, body: &Value) -> Reply {
        let Ok(mut state) = self.state.lock() else {
            return Err(ServiceError::internal("The sandbox state is unavailable."));
        };
        let before = state.messages.len();
        let reply = ops::handle(&mut state, operation, body);
        if let Some(recorder) = &self.recorder {
            // Still under the state's lock, so the file lists messages in acceptance order. A
            // blocking write on a runtime thread, but one short line: simpler than handing it
            // off and waiting for it before answering.
            let written = state.messages[before..]
                .iter()
                .try_for_each(|accepted| recorder.append(accepted));
            if let Err(e) = written {
                // Unrecorded means not accepted: the client gets an error, not a MessageId.
                state.messages.truncate(before);
                return Err(ServiceError::internal(&format!(
                    "The sandbox could not record the message: {e}"
                )));
            }
        }
        reply
    }
}
