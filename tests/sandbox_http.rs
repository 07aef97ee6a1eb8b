//! The sandbox's HTTP server at the byte level (raw TCP) and through the SDK: a half-sent head
//! times out, bodies over the limit get the service's error, keep-alive serves several
//! requests on one connection, requests in flight finish when the sandbox stops, and what is
//! not the protocol gets the answers it always got.
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly by design"
)]

use std::path::Path;
use std::time::{Duration, Instant};

use rcs_composer::aws::{self, FailureKind};
use rcs_composer::rcs::model::SendRcsMessageRequest;
use rcs_composer::sandbox::state::{SANDBOX_AGENT, SLOW_NUMBER};
use rcs_composer::sandbox::{READ_TIMEOUT, Sandbox, SandboxOptions};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const LIMIT: usize = 1024;

async fn sandbox(read_timeout: Duration, max_body: usize) -> Sandbox {
    Sandbox::start_with(SandboxOptions {
        read_timeout,
        max_body,
        ..SandboxOptions::default()
    })
    .await
    .unwrap()
}

async fn connect(sandbox: &Sandbox) -> TcpStream {
    TcpStream::connect(sandbox.url().trim_start_matches("http://"))
        .await
        .unwrap()
}

/// A request in the protocol's shape, keep-alive (HTTP/1.1's default).
fn request(operation: &str, body: &str) -> String {
    format!(
        "POST / HTTP/1.1\r\nHost: sandbox\r\nX-Amz-Target: PinpointSMSVoiceV2.{operation}\r\n\
         Content-Type: application/x-amz-json-1.0\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
}

/// One response read off the stream: status, lower-cased head, JSON body.
struct Answer {
    status: u16,
    head: String,
    body: Value,
}

/// Reads exactly one response (its head, then Content-Length bytes), leaving the stream at
/// the next one.
async fn read_answer(stream: &mut TcpStream) -> Answer {
    let mut bytes = Vec::new();
    let head_end = loop {
        if let Some(i) = bytes.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let mut byte = [0u8; 1];
        let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut byte))
            .await
            .expect("an answer within 5 s")
            .unwrap();
        assert_eq!(n, 1, "connection closed mid-head: {bytes:?}");
        bytes.push(byte[0]);
    };
    let head = String::from_utf8(bytes[..head_end].to_vec())
        .unwrap()
        .to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let mut body = vec![0; length];
    stream.read_exact(&mut body).await.unwrap();
    Answer {
        status: head[9..12].parse().unwrap(),
        head,
        body: serde_json::from_slice(&body).unwrap(),
    }
}

/// Reads until the sandbox closes the connection; how long that took.
async fn until_closed(stream: &mut TcpStream, at_most: Duration) -> Duration {
    let started = Instant::now();
    let mut rest = Vec::new();
    let read = tokio::time::timeout(at_most, stream.read_to_end(&mut rest)).await;
    assert!(read.is_ok(), "still open after {at_most:?}");
    started.elapsed()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_half_sent_request_line_is_closed_after_the_read_timeout() {
    let sb = sandbox(Duration::from_secs(1), LIMIT).await;
    let mut half = connect(&sb).await;
    half.write_all(b"POST / HT").await.unwrap();
    let mut silent = connect(&sb).await;
    let mut half_head = connect(&sb).await;
    half_head
        .write_all(b"POST / HTTP/1.1\r\nHost: sandbox\r\nX-Amz-Tar")
        .await
        .unwrap();
    for stream in [&mut half, &mut silent, &mut half_head] {
        let waited = until_closed(stream, Duration::from_secs(5)).await;
        assert!(
            waited <= Duration::from_secs(3),
            "closed after {waited:?}, the read timeout is 1 s"
        );
    }
    // Closed by the timeout, not at once: a slow but complete request still gets through.
    let mut slow = connect(&sb).await;
    let whole = request("DescribeSpendLimits", "{}");
    let (first, second) = whole.split_at(20);
    slow.write_all(first.as_bytes()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    slow.write_all(second.as_bytes()).await.unwrap();
    assert_eq!(read_answer(&mut slow).await.status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_default_read_timeout_holds_a_slow_head_longer() {
    assert_eq!(READ_TIMEOUT, Duration::from_secs(10));
    let sb = Sandbox::start(0).await.unwrap();
    let mut half = connect(&sb).await;
    half.write_all(b"POST / HT").await.unwrap();
    let mut rest = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(2), half.read_to_end(&mut rest)).await;
    assert!(read.is_err(), "closed before the 10 s default: {rest:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_half_sent_body_is_closed_after_the_read_timeout() {
    let sb = sandbox(Duration::from_secs(1), LIMIT).await;
    let mut stream = connect(&sb).await;
    let whole = request("DescribeSpendLimits", "{\"NextToken\": null}");
    stream
        .write_all(&whole.as_bytes()[..whole.len() - 5])
        .await
        .unwrap();
    let waited = until_closed(&mut stream, Duration::from_secs(5)).await;
    assert!(waited <= Duration::from_secs(3), "closed after {waited:?}");
}

fn assert_too_large(answer: &Answer) {
    assert_eq!(answer.status, 413, "{}", answer.head);
    assert!(
        answer.head.contains("x-amzn-requestid: "),
        "{}",
        answer.head
    );
    assert!(answer.head.contains("connection: close"), "{}", answer.head);
    assert_eq!(answer.body["__type"], "ValidationException");
    assert_eq!(answer.body["Reason"], "MAXIMUM_SIZE_EXCEEDED");
    assert!(
        answer.body["Message"]
            .as_str()
            .unwrap()
            .contains("1024 bytes"),
        "{}",
        answer.body
    );
}

/// A JSON body of exactly `len` bytes.
fn padded(len: usize) -> String {
    let shell = "{\"Pad\":\"\"}";
    format!("{{\"Pad\":\"{}\"}}", "x".repeat(len - shell.len()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bodies_over_the_limit_get_413_with_a_validation_exception() {
    let sb = sandbox(READ_TIMEOUT, LIMIT).await;

    // At the limit: read and answered (DescribeSpendLimits reads no members).
    let mut stream = connect(&sb).await;
    let at_limit = padded(LIMIT);
    assert_eq!(at_limit.len(), LIMIT);
    stream
        .write_all(request("DescribeSpendLimits", &at_limit).as_bytes())
        .await
        .unwrap();
    assert_eq!(read_answer(&mut stream).await.status, 200);

    // A declared length over the limit is answered without waiting for the body.
    let mut stream = connect(&sb).await;
    stream
        .write_all(
            b"POST / HTTP/1.1\r\nHost: sandbox\r\nX-Amz-Target: PinpointSMSVoiceV2.DescribeSpendLimits\r\nContent-Length: 1025\r\n\r\n",
        )
        .await
        .unwrap();
    assert_too_large(&read_answer(&mut stream).await);
    until_closed(&mut stream, Duration::from_secs(2)).await;

    // An undeclared (chunked) one is cut at the limit.
    let mut stream = connect(&sb).await;
    let big = padded(2 * LIMIT);
    let chunked = format!(
        "POST / HTTP/1.1\r\nHost: sandbox\r\nX-Amz-Target: PinpointSMSVoiceV2.DescribeSpendLimits\r\nTransfer-Encoding: chunked\r\n\r\n{:x}\r\n{big}\r\n0\r\n\r\n",
        big.len()
    );
    stream.write_all(chunked.as_bytes()).await.unwrap();
    assert_too_large(&read_answer(&mut stream).await);
    until_closed(&mut stream, Duration::from_secs(2)).await;
}

fn example(name: &str) -> SendRcsMessageRequest {
    let mut r = rcs_composer::templates::open(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/examples")
            .join(name),
    )
    .unwrap();
    r.destination_phone_number = Some("+14255550123".into());
    r.origination_identity = Some(SANDBOX_AGENT.into());
    r.dry_run = Some(true);
    r
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sdk_reads_the_413_as_a_validation_exception() {
    let sb = sandbox(READ_TIMEOUT, LIMIT).await;
    let client = aws::connection::sandbox_client(&sb.url());
    let err = aws::send::send(&client, &example("carousel-coffee-menu.json"))
        .await
        .unwrap_err();
    assert_eq!(err.kind, FailureKind::Validation, "{err:?}");
    assert_eq!(err.reason.as_deref(), Some("MAXIMUM_SIZE_EXCEEDED"));
    assert!(err.request_id.is_some());
    // A small request on the same sandbox still goes through.
    let mut small = example("text-appointment-reminder.json");
    small.rcs_message_content.as_mut().unwrap().suggestions = None;
    small.fallback_configuration = None;
    aws::send::send(&client, &small).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keep_alive_serves_several_requests_on_one_connection() {
    let sb = sandbox(Duration::from_secs(1), LIMIT).await;
    let mut stream = connect(&sb).await;
    let mut ids = Vec::new();
    for operation in ["DescribeSpendLimits", "DescribeRcsAgents"] {
        stream
            .write_all(request(operation, "{}").as_bytes())
            .await
            .unwrap();
        let answer = read_answer(&mut stream).await;
        assert_eq!(answer.status, 200, "{operation}: {}", answer.body);
        assert!(
            !answer.head.contains("connection: close"),
            "{}",
            answer.head
        );
        assert!(
            answer
                .head
                .contains("content-type: application/x-amz-json-1.0"),
            "{}",
            answer.head
        );
        ids.push(
            answer
                .head
                .lines()
                .find_map(|l| l.strip_prefix("x-amzn-requestid: "))
                .unwrap()
                .to_owned(),
        );
        if operation == "DescribeRcsAgents" {
            assert_eq!(answer.body["RcsAgents"][0]["RcsAgentId"], SANDBOX_AGENT);
        }
    }
    assert_ne!(ids[0], ids[1]);
    // Two requests written at once (pipelined) are answered in order.
    let both = request("DescribeSpendLimits", "{}") + &request("Nope", "{}");
    stream.write_all(both.as_bytes()).await.unwrap();
    assert_eq!(read_answer(&mut stream).await.status, 200);
    assert_eq!(
        read_answer(&mut stream).await.body["__type"],
        "UnknownOperationException"
    );
    // `Connection: close` is honoured.
    let closing = request("DescribeSpendLimits", "{}").replacen(
        "Host: sandbox\r\n",
        "Host: sandbox\r\nConnection: close\r\n",
        1,
    );
    stream.write_all(closing.as_bytes()).await.unwrap();
    assert!(
        read_answer(&mut stream)
            .await
            .head
            .contains("connection: close")
    );
    until_closed(&mut stream, Duration::from_secs(2)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_is_not_the_protocol_gets_the_answers_it_always_got() {
    let sb = sandbox(READ_TIMEOUT, LIMIT).await;
    let mut stream = connect(&sb).await;
    // The method and path are not looked at: a GET without a body is a body that is not JSON.
    stream
        .write_all(b"GET /health HTTP/1.1\r\nHost: sandbox\r\n\r\n")
        .await
        .unwrap();
    let answer = read_answer(&mut stream).await;
    assert_eq!(answer.status, 400);
    assert_eq!(answer.body["__type"], "ValidationException");
    assert_eq!(answer.body["Reason"], "CANNOT_PARSE");
    // No target, or one the sandbox does not serve.
    let no_target = "POST / HTTP/1.1\r\nHost: sandbox\r\nContent-Length: 2\r\n\r\n{}";
    stream.write_all(no_target.as_bytes()).await.unwrap();
    let answer = read_answer(&mut stream).await;
    assert_eq!(answer.status, 400);
    assert_eq!(answer.body["__type"], "UnknownOperationException");
    stream
        .write_all(request("DescribePhoneNumbers", "{}").as_bytes())
        .await
        .unwrap();
    let answer = read_answer(&mut stream).await;
    assert_eq!(answer.body["__type"], "UnknownOperationException");
    assert!(
        answer.body["Message"]
            .as_str()
            .unwrap()
            .contains("\"DescribePhoneNumbers\""),
        "{}",
        answer.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stopping_lets_requests_in_flight_finish_and_refuses_new_ones() {
    for stop_by_drop in [false, true] {
        let sb = Sandbox::start(0).await.unwrap();
        let url = sb.url();
        let client = aws::connection::sandbox_client(&url);
        let mut slow = example("text-appointment-reminder.json");
        slow.destination_phone_number = Some(SLOW_NUMBER.into());
        let in_flight = tokio::spawn(async move { aws::send::send(&client, &slow).await });
        // Accepted means handled and now waiting out the test number's 1.5 s before answering.
        let state = sb.state();
        let waiting = Instant::now();
        while state.lock().unwrap().messages.is_empty() {
            assert!(waiting.elapsed() < Duration::from_secs(10), "never arrived");
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let started = Instant::now();
        if stop_by_drop {
            drop(sb);
        } else {
            sb.stop().await;
            assert!(
                started.elapsed() >= Duration::from_secs(1),
                "stop returned after {:?}, before the request in flight was answered",
                started.elapsed()
            );
        }
        let id = in_flight.await.unwrap().unwrap();
        assert!(!id.is_empty());
        let refused = TcpStream::connect(url.trim_start_matches("http://")).await;
        assert!(refused.is_err(), "still accepting after the stop");
    }
}
