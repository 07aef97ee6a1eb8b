//! One request of the sandbox, from hyper's request to the service's JSON answer: the body read
//! within its limits, the rate limit, the operation on the state, then the state file and the
//! record written before the answer can leave.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::body::{Body as _, Bytes, Incoming};
use hyper::header::{CONNECTION, CONTENT_TYPE, HeaderName, HeaderValue};
use hyper::{Request, Response, StatusCode};
use serde_json::Value;

use super::ops::{self, SEND_RCS_MESSAGE};
use super::rate::RateLimiter;
use super::record::Recorder;
use super::reply::{Reply, ServiceError};
use super::state::{Persistent, SLOW_NUMBER, SLOW_SECONDS, State};
use super::store::Store;

/// An error hyper answers by closing the connection without a response.
pub type Dropped = Box<dyn std::error::Error + Send + Sync>;

const TARGET_PREFIX: &str = "PinpointSMSVoiceV2.";
const REQUEST_ID: HeaderName = HeaderName::from_static("x-amzn-requestid");
const JSON_1_0: HeaderValue = HeaderValue::from_static("application/x-amz-json-1.0");

/// What every connection of one sandbox shares.
pub struct Shared {
    pub state: Arc<Mutex<State>>,
    pub limiter: Mutex<RateLimiter>,
    pub recorder: Option<Recorder>,
    /// The `--state` file; only ever locked while the state is.
    pub store: Option<Mutex<Store>>,
    /// The largest request body accepted, in bytes.
    pub max_body: usize,
    /// How long a request's body may take to arrive (hyper times the head).
    pub read_timeout: Duration,
}

/// Answers one request. The method and path are not looked at, as before the move to hyper:
/// the protocol is `POST /`, and anything else gets the answer its target and body deserve.
///
/// # Errors
/// When the body does not arrive within the read timeout or the client breaks off: hyper then
/// closes the connection, as it does for a head that does not arrive in time.
pub async fn answer(
    shared: Arc<Shared>,
    request: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Dropped> {
    let target = request
        .headers()
        .get("x-amz-target")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let limit = u64::try_from(shared.max_body).unwrap_or(u64::MAX);
    // A Content-Length over the limit is refused before a byte of the body is read.
    if request.body().size_hint().lower() > limit {
        return Ok(shared.too_large());
    }
    let reading = Limited::new(request.into_body(), shared.max_body).collect();
    let body = match tokio::time::timeout(shared.read_timeout, reading).await {
        Err(_) => return Err("the request body did not arrive within the read timeout".into()),
        Ok(Err(e)) if e.is::<LengthLimitError>() => return Ok(shared.too_large()),
        Ok(Err(e)) => return Err(e),
        Ok(Ok(collected)) => collected.to_bytes(),
    };
    let operation = target
        .as_deref()
        .and_then(|t| t.strip_prefix(TARGET_PREFIX))
        .unwrap_or_default();
    let response = shared.respond(operation, &body);
    // A test number that answers late, to show requests in flight.
    if body
        .windows(SLOW_NUMBER.len())
        .any(|w| w == SLOW_NUMBER.as_bytes())
    {
        tokio::time::sleep(Duration::from_secs_f64(SLOW_SECONDS)).await;
    }
    Ok(response)
}

/// What a request may have changed, to keep it or take it back.
struct Before {
    messages: usize,
    /// Only with a state file: a copy of the (small) account to compare with afterwards.
    account: Option<Persistent>,
}

impl Shared {
    fn respond(&self, operation: &str, body: &[u8]) -> Response<Full<Bytes>> {
        let throttled = if operation == SEND_RCS_MESSAGE {
            self.throttled()
        } else {
            None
        };
        self.run(false, |state| {
            if let Some(rate) = throttled {
                // Before anything else, as at the service: even an invalid request counts.
                return Err(ServiceError::throttling(format!(
                    "Rate exceeded: this sandbox accepts {rate} {SEND_RCS_MESSAGE} requests per second."
                )));
            }
            match serde_json::from_slice::<Value>(body) {
                Err(e) => Err(ServiceError::validation_reason(
                    "CANNOT_PARSE",
                    format!("The request body is not JSON: {e}"),
                    Vec::new(),
                )),
                Ok(body) => ops::handle(state, operation, &body),
            }
        })
    }

    /// The answer to a body over the limit; the connection closes after it, since the rest of
    /// the body is not read.
    fn too_large(&self) -> Response<Full<Bytes>> {
        self.run(true, |_| Err(ServiceError::too_large(self.max_body)))
    }

    /// `Some(rate)` when a send arriving now is over the rate; a send let through counts.
    fn throttled(&self) -> Option<u32> {
        // The bucket stays consistent whatever a panicking holder was doing: keep using it.
        let mut limiter = self.limiter.lock().unwrap_or_else(PoisonError::into_inner);
        (!limiter.admit(Instant::now())).then(|| limiter.rate())
    }

    /// Hands out the request id and runs `work` under the state's lock, then keeps what it
    /// changed: all of it before the answer exists, so a client never hears of something the
    /// state file or the record does not hold.
    fn run(&self, close: bool, work: impl FnOnce(&mut State) -> Reply) -> Response<Full<Bytes>> {
        let Ok(mut state) = self.state.lock() else {
            let e = ServiceError::internal("The sandbox state is unavailable.");
            return response("0", e.status, &e.body(), close);
        };
        let before = Before {
            messages: state.messages.len(),
            account: self.store.as_ref().map(|_| state.persistent()),
        };
        let request_id = state.new_id();
        let reply = work(&mut state);
        match self.keep(&mut state, before, reply) {
            Ok(value) => response(&request_id, 200, &value, close),
            Err(e) => response(&request_id, e.status, &e.body(), close),
        }
    }

    fn keep(&self, state: &mut State, before: Before, reply: Reply) -> Reply {
        if let (Some(store), Some(saved)) = (&self.store, before.account) {
            // Blocking file I/O (write, fsync, rename) on a runtime thread, under the lock like
            // the record: only after a change or once per reserved block of ids, and it keeps
            // the file in the order the changes were made.
            let mut store = store.lock().unwrap_or_else(PoisonError::into_inner);
            if let Err(e) = store.save_if_needed(state, &saved) {
                // Unsaved means not done: back to what the file still holds, and an error
                // instead of a success the next start would contradict.
                state.messages.truncate(before.messages);
                state.restore_account(saved);
                return Err(ServiceError::internal(&format!(
                    "The sandbox could not save its state: {e}"
                )));
            }
        }
        if let Some(recorder) = &self.recorder {
            // Still under the state's lock, so the file lists messages in acceptance order. A
            // blocking write on a runtime thread, but one short line: simpler than handing it
            // off and waiting for it before answering.
            let written = state.messages[before.messages..]
                .iter()
                .try_for_each(|accepted| recorder.append(accepted));
            if let Err(e) = written {
                // Unrecorded means not accepted: the client gets an error, not a MessageId.
                state.messages.truncate(before.messages);
                return Err(ServiceError::internal(&format!(
                    "The sandbox could not record the message: {e}"
                )));
            }
        }
        reply
    }
}

/// A response in the protocol's shape: JSON 1.0 content type and the request id.
fn response(request_id: &str, status: u16, body: &Value, close: bool) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(body.to_string())));
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, JSON_1_0);
    if let Ok(id) = HeaderValue::from_str(request_id) {
        headers.insert(REQUEST_ID, id);
    }
    if close {
        headers.insert(CONNECTION, HeaderValue::from_static("close"));
    }
    response
}
