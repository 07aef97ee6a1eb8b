//! The window's rough edges through `egui_kittest`, against the in-process sandbox: agents
//! listed when the Send tab first shows, the origination kept in the send settings, `MessageIds`
//! and ARNs copied whole, created times in local time, and the unsaved-changes guard's Save
//! going on with what it guarded.
#![expect(clippy::unwrap_used, reason = "tests fail loudly by design")]

mod support;

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use rcs_composer::ui::app::Dialog;
use rcs_composer::ui::command::Command;
use support::{ScriptedPicker, app, examples, harness, settle};

type H = egui_kittest::Harness<'static, rcs_composer::ui::app::EframeApp>;

const SANDBOX_AGENT: &str = "rcs-agent-sandbox";

/// A root whose settings choose the sandbox and a test phone, and a copy of the text example
/// with `origination` as its own `OriginationIdentity`.
fn setup(root: &Path, origination: Option<&str>) -> PathBuf {
    std::fs::create_dir_all(root.join("config")).unwrap();
    let settings = serde_json::json!({
        "connection": "Sandbox",
        "test_recipients": ["+14255550123"],
        "recipient": "+14255550123",
    });
    std::fs::write(root.join("config/settings.json"), settings.to_string()).unwrap();
    let mut request =
        rcs_composer::templates::open(&examples().join("text-appointment-reminder.json")).unwrap();
    request.origination_identity = origination.map(str::to_owned);
    let file = root.join("reminder.json");
    rcs_composer::templates::save(&file, &request).unwrap();
    file
}

fn open(origination: Option<&str>) -> (tempfile::TempDir, PathBuf, H) {
    let dir = tempfile::tempdir().unwrap();
    let file = setup(dir.path(), origination);
    let h = harness(
        dir.path(),
        Some(file.clone()),
        ScriptedPicker::answering(&[]),
    );
    (dir, file, h)
}

fn click(h: &mut H, label: &str) {
    h.get_by_label(label).scroll_to_me();
    let _ = h.try_run();
    h.get_by_label(label).click();
    h.run_steps(2);
    settle(h);
}

/// Clicks the node labelled `label` and returns what the frames after put on the clipboard.
fn copied_by(h: &mut H, label: &str) -> String {
    h.get_all_by_label(label).next().unwrap().click();
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
    panic!("{label}: nothing was copied");
}

fn saved_settings(root: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(root.join("config/settings.json")).unwrap())
        .unwrap()
}

#[test]
fn the_send_tab_lists_the_agents_once_per_connection() {
    let (_dir, _file, mut h) = open(None);
    assert!(app(&h).account.agent_ids().is_empty(), "nothing asked yet");
    click(&mut h, "Send");
    assert_eq!(
        app(&h).account.agent_ids(),
        [SANDBOX_AGENT],
        "listed without ⟳"
    );
    // Not asked again frame after frame, nor when the tab shows again.
    for _ in 0..5 {
        h.run_steps(1);
        assert_eq!(app(&h).pending_jobs(), 0, "no request per frame");
    }
    click(&mut h, "Message");
    click(&mut h, "Send");
    h.run_steps(1);
    assert_eq!(
        app(&h).pending_jobs(),
        0,
        "no request on showing the tab again"
    );
    // Another connection (here the sandbox again, chosen anew) is another generation: the
    // list goes and comes back for it.
    let ctx = h.ctx.clone();
    h.state_mut().0.apply(
        &ctx,
        Command::SetConnection(rcs_composer::aws::Connection::Sandbox),
        false,
    );
    assert!(app(&h).account.agent_ids().is_empty());
    h.run_steps(1);
    assert!(
        app(&h).account.agents.loading,
        "asked for the new connection"
    );
    settle(&mut h);
    assert_eq!(app(&h).account.agent_ids(), [SANDBOX_AGENT]);
    h.run_steps(1);
    assert_eq!(app(&h).pending_jobs(), 0, "and only once");
}

#[test]
fn the_chosen_origination_stays_out_of_the_template_until_written_in() {
    let own = "rcs-agent-of-the-template";
    let (dir, file, mut h) = open(Some(own));
    click(&mut h, "Send");
    // The template's own is shown and used by default.
    let picker = h.get_by_role_and_label(Role::ComboBox, "Origination");
    assert_eq!(picker.value().as_deref(), Some(own));
    assert!(
        h.query_by_label("The template's own OriginationIdentity.")
            .is_some()
    );
    assert_eq!(
        app(&h).send_request().origination_identity.as_deref(),
        Some(own)
    );
    h.get_by_role_and_label(Role::ComboBox, "Origination")
        .click();
    h.run_steps(3);
    click(&mut h, SANDBOX_AGENT);
    assert_eq!(
        app(&h).send_request().origination_identity.as_deref(),
        Some(SANDBOX_AGENT)
    );
    assert_eq!(
        app(&h).doc.draft.request.origination_identity.as_deref(),
        Some(own),
        "the template keeps its own"
    );
    assert!(!app(&h).is_dirty(), "choosing is not an edit");
    assert!(
        h.query_by_label_contains("the template's own is rcs-agent-of-the-template")
            .is_some()
    );
    let settings = saved_settings(dir.path());
    assert_eq!(
        settings["originations"]
            .as_object()
            .unwrap()
            .values()
            .collect::<Vec<_>>(),
        [SANDBOX_AGENT],
        "kept per connection in settings: {settings}"
    );
    // The sandbox knows its own agent: the dry run goes from the chosen one.
    click(&mut h, "Dry run");
    settle(&mut h);
    assert!(
        app(&h).send.history[0].outcome.as_ref().unwrap().is_ok(),
        "{:?}",
        app(&h).send.history
    );
    // A second window on the same settings sends from the same agent.
    drop(h);
    let mut h = harness(dir.path(), Some(file), ScriptedPicker::answering(&[]));
    assert_eq!(
        app(&h).send_request().origination_identity.as_deref(),
        Some(SANDBOX_AGENT)
    );
    // Writing it into the template is an explicit action, undoable like any edit.
    click(&mut h, "Send");
    click(&mut h, "Write agent into template");
    assert!(
        h.query_by_label("Write agent into template").is_none(),
        "the template has it now"
    );
    assert_eq!(
        app(&h).doc.draft.request.origination_identity.as_deref(),
        Some(SANDBOX_AGENT)
    );
    assert!(app(&h).is_dirty());
    // Back to the template's own: the choice is forgotten.
    let ctx = h.ctx.clone();
    h.state_mut().0.apply(&ctx, Command::Undo, false);
    h.get_by_role_and_label(Role::ComboBox, "Origination")
        .click();
    h.run_steps(3);
    click(&mut h, &format!("The template's: {own}"));
    assert_eq!(
        app(&h).send_request().origination_identity.as_deref(),
        Some(own)
    );
    settle(&mut h);
    assert!(
        saved_settings(dir.path())["originations"]
            .as_object()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn message_ids_copy_whole_from_the_status_bar_and_the_history() {
    let (_dir, _file, mut h) = open(Some(SANDBOX_AGENT));
    click(&mut h, "Send");
    click(&mut h, "Dry run");
    settle(&mut h);
    let id = app(&h).send.history[0].outcome.clone().unwrap().unwrap();
    let label = format!("Copy MessageId {id}");
    let buttons: Vec<egui::Rect> = h.get_all_by_label(&label).map(|n| n.rect()).collect();
    assert_eq!(buttons.len(), 2, "status bar and history");
    assert_eq!(copied_by(&mut h, &label), id);
    let status_bar = h
        .get_all_by_label(&label)
        .max_by(|a, b| a.rect().top().total_cmp(&b.rect().top()));
    status_bar.unwrap().click();
    let mut copied = None;
    for _ in 0..4 {
        h.step();
        copied = h
            .output()
            .platform_output
            .commands
            .iter()
            .find_map(|c| match c {
                egui::OutputCommand::CopyText(t) => Some(t.clone()),
                _ => None,
            })
            .or(copied);
    }
    assert_eq!(copied.as_deref(), Some(id.as_str()), "from the status bar");
}

#[test]
fn account_arns_copy_whole_and_created_times_are_local() {
    let (_dir, _file, mut h) = open(None);
    click(&mut h, "RCS account");
    let agent = app(&h).account.agents.value.clone().unwrap()["RcsAgents"][0].clone();
    let created = agent["CreatedTimestamp"].as_f64().unwrap();
    let local = rcs_composer::ui::local_time::date_time(created).unwrap();
    // In the list, and in the record once selected.
    assert_eq!(
        h.query_all_by_label(&local).count(),
        1,
        "{local} in the list"
    );
    click(&mut h, SANDBOX_AGENT);
    assert_eq!(h.query_all_by_label(&local).count(), 2, "and in the record");
    let raw = agent["CreatedTimestamp"].to_string();
    assert!(
        h.query_by_label(&raw).is_none(),
        "no raw epoch number {raw}"
    );
    let arn = agent["RcsAgentArn"].as_str().unwrap();
    assert_eq!(copied_by(&mut h, &format!("Copy RcsAgentArn {arn}")), arn);

    click(&mut h, "Configuration sets");
    let l = h.get_by_label("New configuration set");
    l.focus();
    h.run_steps(1);
    h.get_by_label("New configuration set")
        .type_text("rcs-edges");
    h.run_steps(2);
    click(&mut h, "Create set");
    click(&mut h, "rcs-edges (0/5 destinations)");
    let set = app(&h).account.sets.value.clone().unwrap()["ConfigurationSets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["ConfigurationSetName"] == "rcs-edges")
        .cloned()
        .unwrap();
    let arn = set["ConfigurationSetArn"].as_str().unwrap();
    assert_eq!(
        copied_by(&mut h, &format!("Copy configuration set ARN {arn}")),
        arn
    );
    let created = set["CreatedTimestamp"].as_f64().unwrap();
    let local = rcs_composer::ui::local_time::date_time(created).unwrap();
    assert!(h.query_by_label(&local).is_some(), "{local} shown");
}

/// A dirty draft of `<root>/drafts/reminder.json` in a window that can also open
/// `<root>/other.json` (the file dialog answers it when `via_dialog`).
fn dirty_pair(via_dialog: bool) -> (tempfile::TempDir, PathBuf, PathBuf, H) {
    let dir = tempfile::tempdir().unwrap();
    let drafts = dir.path().join("drafts");
    std::fs::create_dir_all(&drafts).unwrap();
    let first = drafts.join("reminder.json");
    std::fs::rename(setup(dir.path(), None), &first).unwrap();
    let second = dir.path().join("other.json");
    std::fs::copy(examples().join("rich-card-winter-sale.json"), &second).unwrap();
    let answers = if via_dialog {
        vec![second.clone()]
    } else {
        Vec::new()
    };
    let mut h = harness(
        dir.path(),
        Some(first.clone()),
        ScriptedPicker::answering(&answers),
    );
    h.get_by_label("Text message body *").focus();
    h.run_steps(1);
    h.get_by_label("Text message body *").type_text(" edited");
    h.run_steps(3);
    assert!(app(&h).is_dirty());
    (dir, first, second, h)
}

fn body_on_disk(file: &Path) -> String {
    let r = rcs_composer::templates::open(file).unwrap();
    r.content()
        .unwrap()
        .text_message
        .as_ref()
        .unwrap()
        .body
        .clone()
        .unwrap()
}

/// Asks for `command` over the dirty draft and answers the guard with Save.
fn save_in_the_guard(h: &mut H, command: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().0.apply(&ctx, command, false);
    h.run_steps(2);
    assert!(h.query_by_label("Unsaved changes").is_some());
    click(h, "Save");
    settle(h);
}

#[test]
fn save_in_the_guard_saves_then_opens() {
    // Open recent and the library's list open a path; File › Open asks the file dialog.
    for via_dialog in [false, true] {
        let (_dir, first, second, mut h) = dirty_pair(via_dialog);
        let command = if via_dialog {
            Command::Open
        } else {
            Command::OpenPath(second.clone())
        };
        save_in_the_guard(&mut h, command);
        assert!(body_on_disk(&first).ends_with(" edited"), "saved first");
        assert_eq!(
            app(&h).doc.path.as_deref(),
            Some(second.as_path()),
            "then opened (via the dialog: {via_dialog})"
        );
        assert!(!app(&h).is_dirty());
    }
}

#[test]
fn save_in_the_guard_saves_then_starts_a_new_template() {
    let (_dir, first, _second, mut h) = dirty_pair(false);
    save_in_the_guard(&mut h, Command::New);
    assert!(body_on_disk(&first).ends_with(" edited"));
    assert_eq!(app(&h).doc.path, None, "a new, untitled template");
}

#[test]
fn a_failed_save_in_the_guard_loses_nothing_and_opens_nothing() {
    let (dir, first, second, mut h) = dirty_pair(false);
    // The draft's folder is gone and a file stands in its place: the save cannot succeed.
    std::fs::remove_dir_all(dir.path().join("drafts")).unwrap();
    std::fs::write(dir.path().join("drafts"), "not a folder").unwrap();
    save_in_the_guard(&mut h, Command::OpenPath(second));
    assert!(
        matches!(&app(&h).dialog, Some(Dialog::Message { title, .. }) if title == "Not saved"),
        "{:?}",
        app(&h).dialog
    );
    assert_eq!(
        app(&h).doc.path.as_deref(),
        Some(first.as_path()),
        "not opened"
    );
    assert!(app(&h).is_dirty());
    let body = app(&h).doc.draft.content().unwrap().text_message.clone();
    assert!(
        body.unwrap().body.unwrap().ends_with(" edited"),
        "the draft is kept"
    );
    // Closing the message opens nothing later either.
    click(&mut h, "OK");
    assert_eq!(app(&h).doc.path.as_deref(), Some(first.as_path()));
}
