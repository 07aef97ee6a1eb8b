//! The Send tab through `egui_kittest`, against the in-process sandbox: dry run and real send,
//! the confirmation, disabled buttons while in flight, the double-send guard, and service
//! verdicts landing on editor fields.
#![expect(clippy::unwrap_used, reason = "tests fail loudly by design")]

mod support;

use std::path::{Path, PathBuf};

use egui_kittest::kittest::{NodeT, Queryable};
use rcs_composer::rcs::issue::Code;
use rcs_composer::ui::command::Command;
use support::{ScriptedPicker, app, examples, harness, settle};

type H = egui_kittest::Harness<'static, rcs_composer::ui::app::EframeApp>;

/// A root whose settings choose the sandbox and `recipient`, and a template with the sandbox
/// agent as origination.
fn setup(root: &Path, recipient: &str, template: &str) -> PathBuf {
    std::fs::create_dir_all(root.join("config")).unwrap();
    let settings = serde_json::json!({
        "connection": "Sandbox",
        "test_recipients": ["+14255550123", recipient],
        "recipient": recipient,
    });
    std::fs::write(root.join("config/settings.json"), settings.to_string()).unwrap();
    let mut request = rcs_composer::templates::open(&examples().join(template)).unwrap();
    request.origination_identity = Some("rcs-agent-sandbox".into());
    let file = root.join("t.json");
    rcs_composer::templates::save(&file, &request).unwrap();
    file
}

fn open(recipient: &str, template: &str) -> (tempfile::TempDir, H) {
    let dir = tempfile::tempdir().unwrap();
    let file = setup(dir.path(), recipient, template);
    let mut h = harness(dir.path(), Some(file), ScriptedPicker::answering(&[]));
    h.get_by_label("Send").click();
    h.run_steps(3);
    // The tab lists the connection's agents when it first shows (which starts the sandbox):
    // let that land before clicking what it moves.
    settle(&mut h);
    (dir, h)
}

fn disabled(h: &H, label: &str) -> bool {
    h.get_by_label(label).accesskit_node().is_disabled()
}

#[test]
fn a_dry_run_shows_the_message_id() {
    let (_dir, mut h) = open("+14255550123", "text-appointment-reminder.json");
    // The active connection is always visible: in the tab and in the status bar.
    assert_eq!(
        h.query_all_by_label_contains("Local sandbox — nothing is delivered")
            .count(),
        2
    );
    h.get_by_label("Dry run").click();
    h.run_steps(2);
    settle(&mut h);
    let entry = &app(&h).send.history[0];
    assert!(entry.dry_run);
    let id = entry.outcome.clone().unwrap().unwrap();
    assert_eq!(
        h.query_all_by_label(&id).count(),
        2,
        "the MessageId is shown in the history and the status bar"
    );
    assert!(app(&h).send.sandbox_url.is_some());
}

#[test]
fn a_real_send_needs_a_confirmation_that_names_where_it_goes() {
    let (_dir, mut h) = open("+14255550123", "rich-card-winter-sale.json");
    h.get_by_label("Send…").click();
    h.run_steps(3);
    // On the local sandbox the dialog says nothing is delivered, never "real phone, billed".
    assert!(
        h.query_by_label("Send this message through the local sandbox?")
            .is_some()
    );
    assert!(h.query_by_label("Send this message for real?").is_none());
    assert!(
        h.query_by_label("It will be delivered to a real phone and billed.")
            .is_none()
    );
    let Some(rcs_composer::ui::app::Dialog::ConfirmSend { lines, sandbox }) = &app(&h).dialog
    else {
        panic!("no confirmation");
    };
    assert!(*sandbox);
    let shown: Vec<String> = lines.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    for what in [
        "Destination: +14255550123",
        "Origination: rcs-agent-sandbox",
        "Profile: local sandbox",
        "Maximum price: 0.05",
        "Fallback: MMS",
    ] {
        assert!(
            shown.iter().any(|l| l.starts_with(what)),
            "{what} in {shown:?}"
        );
        let value = what.split(": ").nth(1).unwrap();
        assert!(
            h.query_all_by_label_contains(value).next().is_some(),
            "{value} on screen"
        );
    }
    h.get_by_label("Cancel").click();
    h.run_steps(3);
    assert!(app(&h).send.history.is_empty(), "cancel sends nothing");
    h.get_by_label("Send…").click();
    h.run_steps(3);
    h.get_by_label("Send for real").click();
    h.run_steps(2);
    settle(&mut h);
    let entry = &app(&h).send.history[0];
    assert!(!entry.dry_run);
    assert!(entry.outcome.as_ref().unwrap().is_ok());
}

#[test]
fn buttons_are_disabled_while_a_request_is_in_flight_and_nothing_sends_twice() {
    let (_dir, mut h) = open("+15555550408", "text-appointment-reminder.json");
    h.get_by_label("Dry run").click();
    h.run_steps(2);
    assert!(disabled(&h, "Dry run") && disabled(&h, "Send…"));
    assert!(h.query_by_label("Waiting for the service…").is_some());
    h.get_by_label("Dry run").click();
    h.run_steps(2);
    // A burst of commands, as a double click that lands in one frame would give.
    let ctx = h.ctx.clone();
    h.state_mut().0.apply(&ctx, Command::DryRun, false);
    h.state_mut().0.apply(&ctx, Command::ConfirmedSend, false);
    settle(&mut h);
    assert_eq!(app(&h).send.history.len(), 1);
    assert!(!disabled(&h, "Dry run"));
}

#[test]
fn the_services_verdict_lands_on_the_field_it_names() {
    let (_dir, mut h) = open("+15555550400", "text-appointment-reminder.json");
    h.get_by_label("Dry run").click();
    h.run_steps(2);
    settle(&mut h);
    let issue = app(&h)
        .doc
        .issues()
        .all
        .iter()
        .find(|i| i.code == Code::RejectedByService)
        .unwrap()
        .clone();
    assert_eq!(issue.path, "DestinationPhoneNumber");
    // In Checks, and on the Send tab as what to fix before sending this request again.
    assert!(
        h.query_all_by_label_contains("The service says: The destination country is blocked")
            .next()
            .is_some()
    );
    assert!(
        app(&h)
            .doc
            .verdict()
            .unwrap()
            .failure()
            .unwrap()
            .request_id
            .is_some()
    );
}

#[test]
fn a_media_verdict_lands_on_the_media_field_and_clears_on_edit() {
    let dir = tempfile::tempdir().unwrap();
    let file = setup(dir.path(), "+14255550123", "rich-card-winter-sale.json");
    let mut request = rcs_composer::templates::open(&file).unwrap();
    let rich = request.content_mut().rich_card.as_mut().unwrap();
    rich.card_content
        .as_mut()
        .unwrap()
        .media
        .as_mut()
        .unwrap()
        .file_url = Some("s3://b/missing/coat.jpg".into());
    rcs_composer::templates::save(&file, &request).unwrap();
    let mut h = harness(dir.path(), Some(file), ScriptedPicker::answering(&[]));
    h.get_by_label("Send").click();
    h.run_steps(3);
    settle(&mut h);
    h.get_by_label("Dry run").click();
    h.run_steps(2);
    settle(&mut h);
    let path = "RcsMessageContent.Content.RichCard.CardContent.Media.FileUrl";
    assert!(
        app(&h)
            .doc
            .issues()
            .all
            .iter()
            .any(|i| i.path == path && i.code == Code::RejectedByService)
    );
    h.get_all_by_label_contains("The service says: The media file")
        .next()
        .unwrap()
        .click();
    h.run_steps(4);
    assert!(
        h.get_by_label("Media URL *").is_focused(),
        "the issue list jumps to the field"
    );
    h.get_by_label("Media URL *").type_text("x");
    h.run_steps(3);
    assert!(
        !app(&h)
            .doc
            .issues()
            .all
            .iter()
            .any(|i| i.code == Code::RejectedByService)
    );
}

#[test]
fn errors_block_sending() {
    let (_dir, mut h) = open("+14255550123", "text-appointment-reminder.json");
    assert!(!disabled(&h, "Dry run"));
    // Clear the origination in the Delivery tab, as a user would.
    h.get_by_label("Delivery & fallback").click();
    h.run_steps(2);
    h.get_by_label("Origination identity").focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Backspace);
    h.run_steps(2);
    h.get_by_label("Send").click();
    h.run_steps(3);
    assert!(disabled(&h, "Dry run") && disabled(&h, "Send…"));
    // In the editor's words (the API path is the line's tooltip), counted in words too.
    assert!(h.query_by_label("Fix 1 error before sending:").is_some());
    assert!(
        h.query_by_label("Origination identity is required.")
            .is_some()
    );
    assert!(h.query_by_label_contains("OriginationIdentity:").is_none());
}

#[test]
fn a_service_verdict_goes_when_the_recipient_changes() {
    // The sandbox refuses +15555550400 (a blocked destination) with a ValidationException.
    let (_dir, mut h) = open("+15555550400", "text-appointment-reminder.json");
    h.get_by_label("Dry run").click();
    h.run_steps(2);
    settle(&mut h);
    let rejected = "The service says: The destination country is blocked";
    assert!(h.query_all_by_label_contains(rejected).next().is_some());
    assert!(h.query_by_label("✔ Ready to send").is_none());
    let ctx = h.ctx.clone();
    h.state_mut()
        .0
        .apply(&ctx, Command::ChooseRecipient("+14255550123".into()), false);
    h.run_steps(3);
    assert!(
        h.query_all_by_label_contains(rejected).next().is_none(),
        "another recipient: the red error is gone"
    );
    assert!(h.query_by_label("✔ Ready to send").is_some());
    h.get_by_label("Dry run").click();
    h.run_steps(2);
    settle(&mut h);
    let id = app(&h).send.history[1].outcome.clone().unwrap().unwrap();
    // In the status bar and in the history, each with its copy button.
    let accepted = format!("Copy MessageId {id}");
    assert_eq!(h.query_all_by_label(&accepted).count(), 2);
    // Changing the origination clears the MessageId: it was about the other request.
    h.get_by_label("Delivery & fallback").click();
    h.run_steps(2);
    h.get_by_label("Origination identity").focus();
    h.run_steps(1);
    h.get_by_label("Origination identity").type_text("x");
    h.run_steps(3);
    assert_eq!(
        h.query_all_by_label(&accepted).count(),
        0,
        "the old MessageId is gone from the status bar (the Send tab's history keeps it)"
    );
    assert!(app(&h).doc.verdict().is_none());
}

#[test]
fn the_sandbox_endpoint_line_is_there_before_the_address_and_nothing_moves_when_it_comes() {
    let dir = tempfile::tempdir().unwrap();
    let file = setup(dir.path(), "+14255550123", "text-appointment-reminder.json");
    let mut h = harness(dir.path(), Some(file), ScriptedPicker::answering(&[]));
    h.get_by_label("Send").click();
    h.run_steps(1);
    assert!(
        h.query_by_label_contains("Sandbox endpoint: not started yet")
            .is_some()
    );
    let before = h.get_by_label("Dry run").rect();
    settle(&mut h);
    let url = app(&h).send.sandbox_url.clone().unwrap();
    assert!(
        h.query_by_label_contains(&format!("Sandbox endpoint: {url}"))
            .is_some()
    );
    assert_eq!(h.get_by_label("Dry run").rect(), before);
}
