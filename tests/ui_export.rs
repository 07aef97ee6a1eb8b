//! Edit › Copy as… through `egui_kittest`: each item puts the export of the request the Send
//! tab would send (template, chosen test phone, origination) on the clipboard, and says so;
//! while the message cannot be sent, the items are disabled with the reason shown.
#![expect(clippy::unwrap_used, reason = "tests fail loudly by design")]

mod support;

use std::path::{Path, PathBuf};

use egui_kittest::kittest::{NodeT, Queryable};
use rcs_composer::rcs::codec;
use rcs_composer::rcs::model::SendRcsMessageRequest;
use serde_json::Value;
use support::{ScriptedPicker, examples, harness};

type H = egui_kittest::Harness<'static, rcs_composer::ui::app::EframeApp>;

const TO: &str = "+14255550123";
const AGENT: &str = "rcs-agent-sandbox";

/// A root whose settings choose the sandbox and, if given, a test phone; a copy of the example
/// `template` with the sandbox agent as origination.
fn setup(root: &Path, recipient: Option<&str>, template: &str) -> PathBuf {
    std::fs::create_dir_all(root.join("config")).unwrap();
    let settings = serde_json::json!({
        "connection": "Sandbox",
        "test_recipients": recipient.into_iter().collect::<Vec<_>>(),
        "recipient": recipient,
    });
    std::fs::write(root.join("config/settings.json"), settings.to_string()).unwrap();
    let mut request = rcs_composer::templates::open(&examples().join(template)).unwrap();
    request.origination_identity = Some(AGENT.into());
    let file = root.join("t.json");
    rcs_composer::templates::save(&file, &request).unwrap();
    file
}

fn open(recipient: Option<&str>, template: &str) -> (tempfile::TempDir, H) {
    let dir = tempfile::tempdir().unwrap();
    let file = setup(dir.path(), recipient, template);
    let h = harness(dir.path(), Some(file), ScriptedPicker::answering(&[]));
    (dir, h)
}

fn open_submenu(h: &mut H) {
    h.get_by_label("Edit").click();
    h.run_steps(2);
    h.get_by_label("Copy as…").click();
    h.run_steps(2);
}

/// Clicks a Copy as… item and returns what the frames that followed put on the clipboard.
fn copy(h: &mut H, item: &str) -> String {
    open_submenu(h);
    h.get_by_label(item).click();
    for _ in 0..4 {
        h.step();
        let copied = h
            .output()
            .platform_output
            .commands
            .iter()
            .find_map(|c| match c {
                egui::OutputCommand::CopyText(text) => Some(text.clone()),
                _ => None,
            });
        if let Some(text) = copied {
            h.run_steps(2);
            return text;
        }
    }
    panic!("{item}: nothing was copied");
}

/// The example, addressed as the Send tab addresses it: the test phone and the origination.
fn expected_request(template: &str) -> SendRcsMessageRequest {
    let mut request = rcs_composer::templates::open(&examples().join(template)).unwrap();
    request.origination_identity = Some(AGENT.into());
    request.destination_phone_number = Some(TO.into());
    request
}

fn expected(template: &str) -> Value {
    codec::to_value(&expected_request(template))
}

/// Whether the status bar shows a message that starts with `start`.
fn status(h: &H, start: &str) -> bool {
    h.query_all_by_label_contains(start).next().is_some()
}

#[test]
fn each_item_copies_the_request_the_send_tab_would_send() {
    let template = "carousel-coffee-menu.json";
    let (_dir, mut h) = open(Some(TO), template);

    let json = copy(&mut h, "Request JSON");
    assert_eq!(
        serde_json::from_str::<Value>(&json).unwrap(),
        expected(template)
    );
    assert!(status(
        &h,
        &format!("Copied the request JSON (to {TO}, from {AGENT}) to the clipboard.")
    ));

    let line = copy(&mut h, "AWS CLI command");
    assert!(!line.contains('\n'), "one line: {line}");
    let words = shlex::split(&line).unwrap();
    assert_eq!(
        words[..4],
        [
            "aws",
            "pinpoint-sms-voice-v2",
            "send-rcs-message",
            "--cli-input-json"
        ]
    );
    assert_eq!(
        serde_json::from_str::<Value>(&words[4]).unwrap(),
        expected(template)
    );
    assert!(status(&h, "Copied the AWS CLI command (to +14255550123"));

    // The snippet is the export of that same request (run as printed, it is compared with
    // `send` on the wire in tests/cli_export.rs).
    let script = copy(&mut h, "boto3 snippet");
    assert_eq!(
        script,
        rcs_composer::export::boto3(&expected_request(template)).unwrap()
    );
    assert!(status(&h, "Copied the boto3 snippet (to +14255550123"));
}

#[test]
fn without_a_test_phone_the_items_are_disabled_and_say_why() {
    let (_dir, mut h) = open(None, "text-appointment-reminder.json");
    open_submenu(&mut h);
    for item in ["AWS CLI command", "boto3 snippet", "Request JSON"] {
        assert!(
            h.get_by_label(item).accesskit_node().is_disabled(),
            "{item} is disabled"
        );
    }
    assert!(
        h.query_by_label_contains("Cannot be sent yet: Destination phone number is required")
            .is_some()
    );
    // A click on a disabled item copies nothing.
    h.get_by_label("Request JSON").click();
    for _ in 0..3 {
        h.step();
        assert!(
            !h.output()
                .platform_output
                .commands
                .iter()
                .any(|c| matches!(c, egui::OutputCommand::CopyText(_)))
        );
    }
}
