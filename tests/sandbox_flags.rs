//! `rcs-composer sandbox --rate N --record FILE` as a real process, driven through the real SDK
//! with retries off (so every throttled request is seen, none is quietly retried), and the same
//! options on an in-process sandbox.
#![expect(clippy::unwrap_used, reason = "tests fail loudly by design")]

mod process;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use aws_sdk_pinpointsmsvoicev2::Client;
use aws_sdk_pinpointsmsvoicev2::config::retry::RetryConfig;
use rcs_composer::aws::{self, FailureKind, convert, errors};
use rcs_composer::rcs::codec;
use rcs_composer::rcs::model::SendRcsMessageRequest;
use rcs_composer::sandbox::state::{BLOCKED_NUMBER, SANDBOX_AGENT, THROTTLE_NUMBER};
use rcs_composer::sandbox::{Sandbox, SandboxOptions};
use serde_json::Value;

use process::sandbox_with;

fn example(name: &str, dry_run: bool) -> SendRcsMessageRequest {
    let mut r = rcs_composer::templates::open(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/examples")
            .join(name),
    )
    .unwrap();
    r.destination_phone_number = Some("+14255550123".into());
    r.origination_identity = Some(SANDBOX_AGENT.into());
    r.dry_run = Some(dry_run);
    r
}

/// A sandbox client that makes exactly one attempt per request.
fn one_attempt_client(url: &str) -> Client {
    let config = aws::connection::sandbox_client(url)
        .config()
        .to_builder()
        .retry_config(RetryConfig::disabled())
        .build();
    Client::from_conf(config)
}

/// The record file's lines, parsed.
fn recorded(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn recorded_ids(path: &Path) -> Vec<String> {
    recorded(path)
        .iter()
        .map(|l| l["MessageId"].as_str().unwrap().to_owned())
        .collect()
}

/// Sends `n` copies as fast as one connection allows; the accepted ids, and how long it took.
/// Every refusal must be a throttling one.
async fn burst(client: &Client, request: &SendRcsMessageRequest, n: usize) -> (Vec<String>, f64) {
    let started = Instant::now();
    let mut accepted = Vec::new();
    for _ in 0..n {
        match aws::send::send(client, request).await {
            Ok(id) => accepted.push(id),
            Err(e) => {
                assert_eq!(e.kind, FailureKind::Throttling, "{e:?}");
                assert!(
                    e.message.contains("5 SendRcsMessage requests per second"),
                    "{e:?}"
                );
            }
        }
    }
    (accepted, started.elapsed().as_secs_f64())
}

/// At 5 per second with a full bucket: the first 5, plus one per 200 ms the burst lasted.
fn assert_rate(accepted: usize, n: usize, seconds: f64) {
    let most = 5.0 + (seconds * 5.0).ceil();
    let count = f64::from(u32::try_from(accepted).unwrap());
    assert!(
        (5.0..=most).contains(&count) && accepted < n,
        "{accepted} of {n} accepted in {seconds:.3} s"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_over_the_rate_is_throttled_and_a_second_later_more_get_through() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("sent.jsonl");
    let sb = sandbox_with(&["--rate", "5", "--record", record.to_str().unwrap()]);
    let client = one_attempt_client(&sb.url);
    let request = example("text-appointment-reminder.json", true);

    let (first, seconds) = burst(&client, &request, 20).await;
    assert_rate(first.len(), 20, seconds);
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (second, seconds) = burst(&client, &request, 20).await;
    assert_rate(second.len(), 20, seconds);

    // Throttled requests are neither accepted nor recorded.
    let accepted: Vec<String> = first.into_iter().chain(second).collect();
    assert_eq!(recorded_ids(&record), accepted);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_record_holds_exactly_the_accepted_requests() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("sent.jsonl");
    let sb = sandbox_with(&["--record", record.to_str().unwrap()]);
    let client = one_attempt_client(&sb.url);
    let mut sent = Vec::new();

    let dry = example("text-appointment-reminder.json", true);
    let id = aws::send::send(&client, &dry).await.unwrap();
    // On disk by the time the answer arrived.
    assert_eq!(recorded_ids(&record), [id.as_str()]);
    sent.push((id, dry));

    let real = example("rich-card-winter-sale.json", false);
    let id = aws::send::send(&client, &real).await.unwrap();
    assert_eq!(recorded_ids(&record).last(), Some(&id));
    sent.push((id, real));

    // Refused by the service after the local checks pass: none of these is recorded.
    let mut blocked = example("text-appointment-reminder.json", false);
    blocked.destination_phone_number = Some(BLOCKED_NUMBER.into());
    let err = aws::send::send(&client, &blocked).await.unwrap_err();
    assert_eq!(err.kind, FailureKind::Validation);
    let mut throttled = example("text-appointment-reminder.json", false);
    throttled.destination_phone_number = Some(THROTTLE_NUMBER.into());
    let err = aws::send::send(&client, &throttled).await.unwrap_err();
    assert_eq!(err.kind, FailureKind::Throttling);
    let mut unknown_agent = example("text-appointment-reminder.json", true);
    unknown_agent.origination_identity = Some("rcs-agent-nobody".into());
    let err = aws::send::send(&client, &unknown_agent).await.unwrap_err();
    assert_eq!(err.kind, FailureKind::ResourceNotFound);
    // Past the local validator on purpose: a reply over 25 characters.
    let mut too_long = example("text-appointment-reminder.json", false);
    let chips = too_long
        .rcs_message_content
        .as_mut()
        .unwrap()
        .suggestions
        .as_mut()
        .unwrap();
    chips[1].reply.as_mut().unwrap().base.text = Some("x".repeat(26));
    let err = convert::send_input(client.send_rcs_message(), &too_long)
        .unwrap()
        .send()
        .await
        .map_err(errors::from_sdk)
        .unwrap_err();
    assert_eq!(err.kind, FailureKind::Validation);

    let carousel = example("carousel-coffee-menu.json", true);
    let id = aws::send::send(&client, &carousel).await.unwrap();
    sent.push((id, carousel));

    let lines = recorded(&record);
    assert_eq!(lines.len(), sent.len(), "{lines:#?}");
    for (line, (id, request)) in lines.iter().zip(&sent) {
        let keys: Vec<&str> = line
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            ["MessageId", "DryRun", "DestinationPhoneNumber", "Request"]
        );
        assert_eq!(line["MessageId"], id.as_str());
        assert_eq!(line["DryRun"], request.dry_run.unwrap());
        assert_eq!(line["DestinationPhoneNumber"], "+14255550123");
        // The whole body as the SDK put it on the wire: it decodes to the request sent.
        let wire = codec::from_value(&line["Request"]);
        assert!(wire.issues.is_empty(), "{:?}", wire.issues);
        assert_eq!(&wire.request, request);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_options_work_in_process_and_default_to_no_limit() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("sent.jsonl");
    let sandbox = Sandbox::start_with(SandboxOptions {
        port: 0,
        rate: 5,
        record: Some(record.clone()),
        ..SandboxOptions::default()
    })
    .await
    .unwrap();
    let client = one_attempt_client(&sandbox.url());
    let request = example("file-boarding-pass.json", false);
    let (accepted, seconds) = burst(&client, &request, 10).await;
    assert_rate(accepted.len(), 10, seconds);
    let state = sandbox.state();
    let in_state: Vec<String> = state
        .lock()
        .unwrap()
        .messages
        .iter()
        .map(|m| m.message_id.clone())
        .collect();
    assert_eq!(in_state, accepted);
    assert_eq!(recorded_ids(&record), accepted);

    let unlimited = Sandbox::start(0).await.unwrap();
    let client = one_attempt_client(&unlimited.url());
    for _ in 0..20 {
        aws::send::send(&client, &request).await.unwrap();
    }
}

#[test]
fn a_record_file_that_cannot_be_created_stops_the_sandbox() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("no-such-folder/sent.jsonl");
    let out = Command::new(env!("CARGO_BIN_EXE_rcs-composer"))
        .args([
            "sandbox",
            "--port",
            "0",
            "--record",
            record.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot open the record file") && err.contains("no-such-folder/sent.jsonl"),
        "{err}"
    );
}
