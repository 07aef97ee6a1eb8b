//! The real SDK client over real HTTP against the loopback sandbox: each message kind with
//! fallback, dry and real; service errors; the wire carries exactly the template's members.
#![expect(clippy::unwrap_used, reason = "tests fail loudly by design")]

use std::path::Path;

use rcs_composer::aws::{self, FailureKind, convert, errors};
use rcs_composer::rcs::codec;
use rcs_composer::rcs::model::{FallbackConfiguration, SendRcsMessageRequest};
use rcs_composer::sandbox::Sandbox;
use rcs_composer::sandbox::state::{
    BLOCKED_NUMBER, INTERNAL_ERROR_NUMBER, SANDBOX_AGENT, THROTTLE_NUMBER,
};
use serde_json::json;

fn example(name: &str) -> SendRcsMessageRequest {
    rcs_composer::templates::open(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/examples")
            .join(name),
    )
    .unwrap()
}

fn addressed(mut r: SendRcsMessageRequest, dry_run: bool) -> SendRcsMessageRequest {
    r.destination_phone_number = Some("+14255550123".into());
    r.origination_identity = Some(SANDBOX_AGENT.into());
    r.dry_run = Some(dry_run);
    if r.fallback_configuration.is_none() {
        r.fallback_configuration = Some(FallbackConfiguration {
            channel: Some("SMS".into()),
            message_body: Some("Your update: https://example.com/u".into()),
            media_urls: None,
            origination_identity: Some("+14255550100".into()),
        });
    }
    r
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_kind_dry_and_real_with_the_wire_equal_to_the_template() {
    let sandbox = Sandbox::start(0).await.unwrap();
    let client = aws::connection::sandbox_client(&sandbox.url());
    let kinds = [
        "text-appointment-reminder.json",
        "file-boarding-pass.json",
        "rich-card-winter-sale.json",
        "carousel-coffee-menu.json",
    ];
    for name in kinds {
        for dry_run in [true, false] {
            let request = addressed(example(name), dry_run);
            let id = aws::send::send(&client, &request).await.unwrap();
            assert!(!id.is_empty());
            let state = sandbox.state();
            let state = state.lock().unwrap();
            let accepted = state.messages.last().unwrap();
            assert_eq!(accepted.message_id, id);
            assert_eq!(accepted.dry_run, dry_run);
            // Through the SDK's types and back: nothing dropped, nothing added.
            let wire = codec::from_value(&accepted.request);
            assert!(wire.issues.is_empty(), "{name}: {:?}", wire.issues);
            assert_eq!(wire.request, request, "{name}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn timestamps_survive_the_sdk_round_trip() {
    let sandbox = Sandbox::start(0).await.unwrap();
    let client = aws::connection::sandbox_client(&sandbox.url());
    let doc = json!({"RcsMessageContent": {"Content": {"TextMessage": {"Body": "Save the date"}},
        "Suggestions": [{"CreateCalendarEvent": {"Text": "Add", "PostbackData": "cal", "Title": "Launch",
            "StartTime": "2026-12-01T10:00:00Z", "EndTime": "2026-12-01T11:30:00.5Z", "Description": "Main hall"}}]}});
    let request = addressed(codec::from_value(&doc).request, true);
    aws::send::send(&client, &request).await.unwrap();
    let state = sandbox.state();
    let wire = state
        .lock()
        .unwrap()
        .messages
        .last()
        .unwrap()
        .request
        .clone();
    let event = &wire["RcsMessageContent"]["Suggestions"][0]["CreateCalendarEvent"];
    assert!(
        event["StartTime"].is_number(),
        "AWS JSON 1.0 sends epoch seconds: {event}"
    );
    assert_eq!(codec::from_value(&wire).request, request);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_validation_exception_names_fields_in_editor_notation() {
    let sandbox = Sandbox::start(0).await.unwrap();
    let client = aws::connection::sandbox_client(&sandbox.url());
    // Past the local validator on purpose, to see the service's own verdict.
    let mut request = addressed(example("text-appointment-reminder.json"), true);
    let chips = request
        .rcs_message_content
        .as_mut()
        .unwrap()
        .suggestions
        .as_mut()
        .unwrap();
    chips[1].reply.as_mut().unwrap().base.text = Some("x".repeat(26));
    let err = convert::send_input(client.send_rcs_message(), &request)
        .unwrap()
        .send()
        .await
        .map_err(errors::from_sdk)
        .unwrap_err();
    assert_eq!(err.kind, FailureKind::Validation);
    assert_eq!(err.reason.as_deref(), Some("FIELD_VALIDATION_FAILED"));
    assert_eq!(
        err.fields[0].0,
        "RcsMessageContent.Suggestions[1].Reply.Text"
    );
    assert!(err.request_id.is_some());
    // The local validator stops the same request before it is sent.
    let local = aws::send::send(&client, &request).await.unwrap_err();
    assert_eq!(local.kind, FailureKind::Invalid);
    assert_eq!(
        local.fields[0].0,
        "RcsMessageContent.Suggestions[1].Reply.Text"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn service_only_verdicts_land_on_fields() {
    let sandbox = Sandbox::start(0).await.unwrap();
    let client = aws::connection::sandbox_client(&sandbox.url());
    let mut request = addressed(example("rich-card-winter-sale.json"), true);
    request.destination_phone_number = Some(BLOCKED_NUMBER.into());
    let err = aws::send::send(&client, &request).await.unwrap_err();
    assert_eq!(err.kind, FailureKind::Validation);
    assert_eq!(err.fields[0].0, "DestinationPhoneNumber");
    let mut request = addressed(example("rich-card-winter-sale.json"), true);
    let card = request.content_mut().rich_card.as_mut().unwrap();
    card.card_content
        .as_mut()
        .unwrap()
        .media
        .as_mut()
        .unwrap()
        .file_url = Some("s3://b/missing/coat.jpg".into());
    let err = aws::send::send(&client, &request).await.unwrap_err();
    assert_eq!(
        err.fields[0].0,
        "RcsMessageContent.Content.RichCard.CardContent.Media.FileUrl"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn throttling_server_errors_and_unknown_agents_are_reported() {
    let sandbox = Sandbox::start(0).await.unwrap();
    let client = aws::connection::sandbox_client(&sandbox.url());
    let mut request = addressed(example("text-appointment-reminder.json"), true);
    request.destination_phone_number = Some(THROTTLE_NUMBER.into());
    let err = aws::send::send(&client, &request).await.unwrap_err();
    assert_eq!(err.kind, FailureKind::Throttling);
    assert!(err.request_id.is_some());
    request.destination_phone_number = Some(INTERNAL_ERROR_NUMBER.into());
    let err = aws::send::send(&client, &request).await.unwrap_err();
    assert_eq!(err.kind, FailureKind::InternalServer);
    request.destination_phone_number = Some("+14255550123".into());
    request.origination_identity = Some("rcs-agent-nobody".into());
    let err = aws::send::send(&client, &request).await.unwrap_err();
    assert_eq!(err.kind, FailureKind::ResourceNotFound);
    assert!(err.message.contains("rcs-agent-nobody"), "{}", err.message);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_closed_port_is_a_network_failure() {
    let sandbox = Sandbox::start(0).await.unwrap();
    let url = sandbox.url();
    drop(sandbox);
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    let client = aws::connection::sandbox_client(&url);
    let err = aws::send::send(
        &client,
        &addressed(example("text-appointment-reminder.json"), true),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(err.kind, FailureKind::Network | FailureKind::Timeout),
        "{err:?}"
    );
}
