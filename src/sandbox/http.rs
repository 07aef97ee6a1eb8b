//! A minimal HTTP/1.1 server for the AWS JSON 1.0 protocol on loopback: `POST /` with
//! `X-Amz-Target: PinpointSMSVoiceV2.<Operation>`, JSON in, JSON out, keep-alive.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

use super::ops::{self, ServiceError};
use super::state::State;

/// Requests larger than this are refused (the service's own limit is far lower).
const MAX_BODY: usize = 4 * 1024 * 1024;
const MAX_HEADER_LINES: usize = 100;

/// A running sandbox; dropping it stops accepting connections.
pub struct Sandbox {
    addr: SocketAddr,
    state: Arc<Mutex<State>>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Sandbox {
    /// Binds 127.0.0.1:`port` (0 picks a free port) and serves on the current tokio runtime.
    ///
    /// # Errors
    /// When the port cannot be bound.
    pub async fn start(port: u16) -> std::io::Result<Self> {
        let listener = TcpListener::bind(("127.0.0.1", port)).await?;
        let addr = listener.local_addr()?;
        let state = Arc::new(Mutex::new(State::new()));
        let (stop, mut stopped) = tokio::sync::oneshot::channel::<()>();
        let shared = Arc::clone(&state);
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

async fn serve(mut stream: TcpStream, state: Arc<Mutex<State>>) {
    let (read, mut write) = stream.split();
    let mut reader = BufReader::new(read);
    while let Ok(Some(request)) = read_request(&mut reader).await {
        let request_id = state.lock().map_or_else(|_| "0".into(), |mut s| s.new_id());
        let (status, body) = respond(&request, &state);
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

fn respond(request: &Request, state: &Arc<Mutex<State>>) -> (u16, Value) {
    let operation = request
        .target
        .as_deref()
        .and_then(|t| t.strip_prefix("PinpointSMSVoiceV2."))
        .unwrap_or_default();
    let result = match serde_json::from_slice::<Value>(&request.body) {
        Err(e) => Err(ServiceError::validation_reason(
            "CANNOT_PARSE",
            format!("The request body is not JSON: {e}"),
            Vec::new(),
        )),
        Ok(body) => match state.lock() {
            Ok(mut state) => ops::handle(&mut state, operation, &body),
            Err(_) => Err(ServiceError::internal("The sandbox state is unavailable.")),
        },
    };
    match result {
        Ok(value) => (200, value),
        Err(e) => (e.status, e.body()),
    }
}
