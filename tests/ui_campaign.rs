//! The campaign side of the window through `egui_kittest`: loading an audience, its summary
//! and problem groups, stepping rows in the preview, a group click, sample values, counters
//! and column errors at the field, the test send's values.
#![expect(clippy::unwrap_used, reason = "tests fail loudly by design")]

mod support;

use std::fmt::Write;
use std::path::{Path, PathBuf};

use egui_kittest::kittest::{NodeT, Queryable};
use rcs_composer::campaign::check::Judgement;
use rcs_composer::campaign::run::{End, Mode};
use rcs_composer::rcs::issue::Code;
use rcs_composer::rcs::model::SendRcsMessageRequest;
use rcs_composer::ui::campaign::run_state::Phase;
use rcs_composer::ui::command::Command;
use rcs_composer::ui::views::editor::Tab;
use support::{ScriptedPicker, app, examples, harness, settle};

type H = egui_kittest::Harness<'static, rcs_composer::ui::app::EframeApp>;

const SHOP_TEXT: &str =
    "RcsMessageContent.Content.RichCard.CardContent.Suggestions[0].OpenUrl.Text";

fn template() -> PathBuf {
    examples().join("rich-card-winter-sale-personal.json")
}

fn audience() -> PathBuf {
    examples().join("audience-winter-sale.csv")
}

/// Clicks an editor tab, whose label may carry a count of problems: "Audience (6 ✖)".
fn tab(h: &mut H, name: &str) {
    let counted = format!("{name} (");
    let node = h
        .query_by_label(name)
        .unwrap_or_else(|| h.get_by_label_contains(&counted));
    node.click();
    h.run_steps(3);
}

/// Clicks without waiting for background work (a campaign run keeps working).
fn press(h: &mut H, label: &str) {
    h.get_by_label(label).click();
    h.run_steps(2);
}

fn click(h: &mut H, label: &str) {
    h.get_by_label(label).click();
    h.run_steps(2);
    settle(h);
}

/// The window over the personalised example, with the picker answering `picks`.
fn open(root: &Path, picks: &[PathBuf]) -> H {
    let mut h = harness(root, Some(template()), ScriptedPicker::answering(picks));
    tab(&mut h, "Audience");
    h
}

/// The window with the example audience loaded through "Open audience…".
fn loaded() -> (tempfile::TempDir, H) {
    let dir = tempfile::tempdir().unwrap();
    let mut h = open(dir.path(), &[audience()]);
    click(&mut h, "📂 Open audience…");
    (dir, h)
}

fn title(r: &SendRcsMessageRequest) -> String {
    r.content()
        .and_then(|c| c.rich_card.as_ref())
        .and_then(|c| c.card_content.as_ref())
        .and_then(|c| c.title.clone())
        .unwrap_or_default()
}

fn shop_text_length(h: &H) -> usize {
    app(h).personal().unwrap().lengths[SHOP_TEXT]
}

fn preview_title(h: &H) -> String {
    title(app(h).preview_request())
}

#[test]
fn loading_an_audience_shows_rows_columns_phone_and_problem_groups() {
    let (_dir, h) = loaded();
    let campaign = &app(&h).campaign;
    assert_eq!(campaign.rows(), 20);
    assert!(h.query_by_label("20 rows · 4 columns").is_some());
    assert!(
        h.query_by_label("14 valid · 4 invalid · 2 skipped (no usable or a repeated phone number)")
            .is_some(),
        "{:?}",
        campaign.scanned.as_ref().map(|s| &s.judgements)
    );
    // The phone column was found by its name and can be changed.
    assert!(h.query_by_label("phone (phone column)").is_some());
    assert_eq!(
        h.get_by_label("Phone column").value().as_deref(),
        Some("phone")
    );
    // The longest value of each column.
    assert!(h.query_by_label("22 chars (row 2)").is_some());
    // Problems by kind and field, in the editor's words, in the panel and the Checks list.
    for line in [
        "2 rows: Card › Button 1 › Text is over 25 characters",
        "1 row: Card title has an empty cell and no default",
        "1 row: Phone is not in E.164 format, such as +14255550123",
        "1 row: Phone repeats an earlier row (sent once)",
        "1 row: Row has another number of cells than the header",
    ] {
        assert!(
            h.query_by_label(line).is_some(),
            "missing {line}: {:?}",
            app(&h).row_problems().lines
        );
        assert!(h.query_by_label(&format!("✖ {line}")).is_some(), "{line}");
    }
    assert!(
        h.query_by_label("✖ 6 of 20 audience rows have problems")
            .is_some()
    );
    // The template itself has no errors, and the count is only about itself: its two
    // warnings are the phone's (the description cut to one line, iOS and the media height).
    assert!(
        h.query_by_label("✔ Nothing the service will reject")
            .is_some()
    );
    assert!(h.query_by_label("⚠ 1 on the phone").is_some());
    assert!(h.query_by_label("ℹ 1 for other phones").is_some());
    assert!(
        app(&h)
            .doc
            .issues()
            .all
            .iter()
            .all(|i| !i.is_error() && i.code.as_str().starts_with("phone-"))
    );
    assert!(h.query_by_label("✔ Every row passes the checks.").is_none());
}

#[test]
fn stepping_rows_changes_the_preview_and_the_verdict() {
    let (_dir, mut h) = loaded();
    assert_eq!(preview_title(&h), "Ana, 30% off coats this weekend");
    assert!(
        h.query_by_label("Row 1: valid; it would be sent.")
            .is_some()
    );
    click(&mut h, "Next ▶");
    assert_eq!(app(&h).campaign.row, 2);
    assert_eq!(
        preview_title(&h),
        "Bartholomew-Maximilian, 30% off coats this weekend"
    );
    assert!(
        h.query_by_label_contains("Row 2: invalid — Open URL text is 32 characters")
            .is_some()
    );
    // The editor's counters count this row's filled-in lengths (shown in the next test).
    assert_eq!(shop_text_length(&h), 32);
    click(&mut h, "◀ Previous");
    assert_eq!(app(&h).campaign.row, 1);
    assert_eq!(shop_text_length(&h), 13, "Shop now, Ana");
    // Go to row N.
    h.get_by_label("Row").focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Row").type_text("6");
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
    assert_eq!(app(&h).campaign.row, 6);
    assert!(
        h.query_by_label_contains("Row 6: skipped — '4255550106' is not a phone number")
            .is_some()
    );
    click(&mut h, "⏮ First");
    assert_eq!(app(&h).campaign.row, 1);
}

#[test]
fn next_row_with_a_problem_visits_each_and_wraps() {
    let (_dir, mut h) = loaded();
    let mut seen = Vec::new();
    for _ in 0..8 {
        click(&mut h, "Next row with a problem");
        seen.push(app(&h).campaign.row);
    }
    assert_eq!(seen, vec![2, 5, 6, 9, 11, 14, 2, 5]);
    let view = app(&h).campaign.view.as_ref().unwrap();
    assert_eq!(view.judgement, Judgement::Invalid);
    assert_eq!(view.problem.as_ref().unwrap().code, Code::MissingValue);
}

#[test]
fn a_group_click_shows_its_first_row_and_the_field() {
    let (_dir, mut h) = loaded();
    // Below the template's own groups in the Checks list: scrolled into view first.
    let line = "✖ 2 rows: Card › Button 1 › Text is over 25 characters";
    h.get_by_label(line).scroll_to_me();
    // The scroll is animated: let it come to rest before clicking.
    h.run_steps(40);
    click(&mut h, line);
    assert_eq!(app(&h).campaign.row, 2);
    assert_eq!(app(&h).editor.tab, Tab::Message);
    // The field took focus (the jump target was consumed by the field drawn at that path).
    assert!(app(&h).editor.focus.is_none());
    assert!(h.query_by_label("32/25").is_some());
    // A phone problem opens the Audience tab at that row (from the panel's list here: the
    // Checks list's last lines are below its fold).
    tab(&mut h, "Audience");
    click(&mut h, "show row 11");
    assert_eq!(app(&h).campaign.row, 11);
    assert_eq!(app(&h).editor.tab, Tab::Audience);
    assert!(
        h.query_by_label_contains(
            "Row 11: skipped — +14255550104 already appears in an earlier row"
        )
        .is_some()
    );
}

#[test]
fn sample_values_fill_the_preview_without_an_audience() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = open(dir.path(), &[]);
    // As written until a value is given.
    assert_eq!(
        preview_title(&h),
        "{{first_name}}, 30% off coats this weekend"
    );
    assert!(
        h.query_by_label_contains("Placeholders shown as written")
            .is_some()
    );
    h.get_by_label("{{first_name}}").focus();
    h.run_steps(1);
    h.get_by_label("{{first_name}}").type_text("Zoë");
    h.run_steps(3);
    settle(&mut h);
    assert_eq!(preview_title(&h), "Zoë, 30% off coats this weekend");
    // Kept in settings for this template, not in the template.
    let key = template().display().to_string();
    assert_eq!(app(&h).settings.samples[&key]["first_name"], "Zoë");
    assert!(!app(&h).is_dirty());
    assert!(title(&app(&h).doc.draft.request).starts_with("{{first_name}}"));
    let settings = std::fs::read_to_string(dir.path().join("config/settings.json")).unwrap();
    assert!(settings.contains("Zoë"), "{settings}");
    // The test send uses the same values, and says so.
    assert_eq!(
        title(app(&h).send_request()),
        "Zoë, 30% off coats this weekend"
    );
    tab(&mut h, "Send");
    assert!(
        h.query_by_label(
            "Placeholders are filled with your sample values (Audience tab), as the preview shows."
        )
        .is_some()
    );
}

#[test]
fn a_test_send_without_values_is_blocked_at_the_missing_value() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = open(dir.path(), &[]);
    tab(&mut h, "Send");
    let missing: Vec<_> = app(&h)
        .send_request_issues()
        .iter()
        .filter(|i| i.code == Code::MissingValue)
        .map(|i| i.path.clone())
        .collect();
    assert!(
        missing.contains(&"RcsMessageContent.Content.RichCard.CardContent.Title".to_owned()),
        "{missing:?}"
    );
    assert!(h.get_by_label("Dry run").accesskit_node().is_disabled());
}

#[test]
fn the_test_send_uses_the_current_rows_values() {
    let (_dir, mut h) = loaded();
    click(&mut h, "Next ▶");
    click(&mut h, "Next ▶");
    let sent = app(&h).send_request().clone();
    assert_eq!(title(&sent), "Chloé, 30% off coats this weekend");
    // The row's phone is a recipient's, never the test send's destination.
    assert_ne!(
        sent.destination_phone_number.as_deref(),
        Some("+14255550103")
    );
    tab(&mut h, "Send");
    assert!(
        h.query_by_label(
            "Placeholders are filled with row 3 of audience-winter-sale.csv, as the preview shows."
        )
        .is_some()
    );
}

#[test]
fn a_placeholder_the_audience_lacks_is_an_error_at_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("no-names.csv");
    std::fs::write(&csv, "phone,firstname\n+14255550101,Ana\n").unwrap();
    let mut h = open(dir.path(), &[csv]);
    click(&mut h, "📂 Open audience…");
    let at_title: Vec<_> = app(&h)
        .doc
        .issues()
        .at("RcsMessageContent.Content.RichCard.CardContent.Title")
        .map(|i| (i.code, i.message.clone()))
        .collect();
    assert_eq!(at_title.len(), 1, "{at_title:?}");
    assert_eq!(at_title[0].0, Code::UnknownColumn);
    assert!(at_title[0].1.contains("Did you mean '{{firstname}}'"));
    tab(&mut h, "Message");
    assert!(
        h.query_all_by_label_contains(
            "✖ Card title uses '{{first_name}}', but the audience has no column 'first_name'"
        )
        .count()
            >= 1
    );
    // Closing the audience takes its errors away.
    tab(&mut h, "Audience");
    click(&mut h, "Close audience");
    assert_eq!(app(&h).doc.issues().errors(), 0);
    assert!(app(&h).row_problems().lines.is_empty());
}

#[test]
fn a_file_without_a_phone_column_asks_for_one() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("cells.csv");
    std::fs::write(
        &csv,
        "first_name,cell,store,code\nAna,+14255550101,Seattle,A1\nBo,+14255550102,Tacoma,B2\n",
    )
    .unwrap();
    let mut h = open(dir.path(), &[csv]);
    click(&mut h, "📂 Open audience…");
    assert!(
        h.query_by_label_contains(
            "No column is named phone, phone_number, mobile or DestinationPhoneNumber"
        )
        .is_some()
    );
    assert_eq!(app(&h).campaign.rows(), 0);
    h.get_by_label("Phone column").click();
    h.run_steps(2);
    click(&mut h, "cell");
    assert_eq!(app(&h).campaign.rows(), 2);
    assert!(app(&h).campaign.error.is_none());
    assert!(
        h.query_by_label_contains("No column is named phone")
            .is_none()
    );
    assert!(
        h.query_by_label("2 valid · 0 invalid · 0 skipped (no usable or a repeated phone number)")
            .is_some()
    );
    assert!(h.query_by_label("✔ Every row passes the checks.").is_some());
}

#[test]
fn an_edit_checks_the_rows_again() {
    let (_dir, mut h) = loaded();
    // The group's click opens the suggestion and focuses its text.
    // Below the template's own groups in the Checks list: scrolled into view first.
    let line = "✖ 2 rows: Card › Button 1 › Text is over 25 characters";
    h.get_by_label(line).scroll_to_me();
    // The scroll is animated: let it come to rest before clicking.
    h.run_steps(40);
    click(&mut h, line);
    // "{{first_name}}" alone fits every name of the example.
    h.get_by_label("Text *").focus();
    h.run_steps(1);
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Text *").type_text("{{first_name}}");
    h.run_steps(3);
    settle(&mut h);
    let lines = &app(&h).row_problems().lines;
    assert!(
        lines.iter().all(|l| !l.text.contains("over 25 characters")),
        "{lines:?}"
    );
    assert!(!app(&h).row_problems().rechecking);
}

// ---- Campaign runs against the in-process sandbox -------------------------------------------

/// A root whose settings choose the sandbox, the personalised template with the sandbox agent
/// as origination, and `rows` as the audience (copied here: a real send writes its report and
/// journal beside the audience).
fn campaign_root(rows: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("config")).unwrap();
    std::fs::write(
        root.join("config/settings.json"),
        r#"{"connection": "Sandbox"}"#,
    )
    .unwrap();
    let mut request = rcs_composer::templates::open(&template()).unwrap();
    request.origination_identity = Some("rcs-agent-sandbox".into());
    let file = root.join("winter.json");
    rcs_composer::templates::save(&file, &request).unwrap();
    let csv = root.join("customers.csv");
    std::fs::write(&csv, rows).unwrap();
    (dir, file, csv)
}

fn campaign_window(rows: &str) -> (tempfile::TempDir, PathBuf, H) {
    let (dir, file, csv) = campaign_root(rows);
    let mut h = harness(
        dir.path(),
        Some(file),
        ScriptedPicker::answering(std::slice::from_ref(&csv)),
    );
    tab(&mut h, "Audience");
    click(&mut h, "📂 Open audience…");
    (dir, csv, h)
}

/// Steps frames until `done` holds (the runner works on its own threads meanwhile).
fn step_until(h: &mut H, what: &str, done: impl Fn(&rcs_composer::ui::app::App) -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_mins(1);
    while !done(app(h)) {
        assert!(std::time::Instant::now() < deadline, "timed out: {what}");
        h.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.run_steps(2);
}

fn outcome(h: &H) -> rcs_composer::campaign::run::Outcome {
    match &app(h).run.phase {
        Phase::Done { result: Ok(o), .. } => (**o).clone(),
        other => panic!("not done: {other:?}"),
    }
}

fn finished(a: &rcs_composer::ui::app::App) -> bool {
    matches!(a.run.phase, Phase::Done { .. })
}

fn example_rows() -> String {
    std::fs::read_to_string(audience()).unwrap()
}

fn disabled(h: &H, label: &str) -> bool {
    h.get_by_label(label).accesskit_node().is_disabled()
}

#[test]
fn a_dry_run_of_every_row_shows_progress_and_its_report() {
    let (dir, _csv, mut h) = campaign_window(&example_rows());
    press(&mut h, "Dry run all");
    assert!(app(&h).run.busy());
    // One at a time: the buttons are disabled while it runs, and a burst of commands (a
    // double click landing in one frame) starts nothing more.
    let id = app(&h).run.id;
    let ctx = h.ctx.clone();
    h.state_mut()
        .0
        .apply(&ctx, Command::CampaignRun(Mode::DryRun), false);
    h.state_mut()
        .0
        .apply(&ctx, Command::CampaignRun(Mode::Send), false);
    assert_eq!(app(&h).run.id, id);
    step_until(&mut h, "the dry run ends", finished);
    let o = outcome(&h);
    assert_eq!(o.end, End::Finished);
    assert_eq!(
        (
            o.rows,
            o.counts.accepted,
            o.counts.invalid,
            o.counts.skipped
        ),
        (20, 14, 4, 2)
    );
    // Dry runs keep their reports in the app's data folder, one per run.
    assert!(
        o.report.starts_with(dir.path().join("data/campaigns")),
        "{}",
        o.report.display()
    );
    assert!(o.report.exists());
    assert!(
        h.query_by_label(&format!("Report: {}", o.report.display()))
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Dry run finished: 20 rows.")
            .is_some()
    );
    assert!(
        !disabled(&h, "Dry run all"),
        "a finished run frees the buttons"
    );
}

#[test]
fn a_running_dry_run_can_be_cancelled() {
    let mut rows = String::from("phone,first_name,store,code\n");
    for i in 0..400 {
        writeln!(rows, "+1425556{i:04},Ana,Seattle,A{i}").unwrap();
    }
    let (_dir, _csv, mut h) = campaign_window(&rows);
    assert_eq!(app(&h).campaign.rows(), 400);
    press(&mut h, "Dry run all");
    // At the runner's default of 20 a second, 400 rows take 20 s: there is time to cancel.
    step_until(&mut h, "some rows are done", |a| {
        a.run.progress().is_some_and(|p| p.done >= 3)
    });
    // The progress: rows done of the total, rate, ETA, errors so far, counts.
    assert!(h.query_by_label_contains(" / 400 rows").is_some());
    assert!(h.query_by_label_contains("rows/s · ETA").is_some());
    assert!(h.query_by_label_contains("errors so far: 0").is_some());
    assert!(h.query_by_label_contains("accepted ").is_some());
    // One run at a time: both buttons wait for it.
    assert!(disabled(&h, "Dry run all"));
    assert!(disabled(&h, "Send to 400 recipients…"));
    assert!(!disabled(&h, "Cancel run"));
    press(&mut h, "Cancel run");
    step_until(&mut h, "the cancelled run ends", finished);
    let o = outcome(&h);
    assert_eq!(o.end, End::Cancelled);
    assert!(o.counts.accepted >= 3 && o.counts.accepted < 400, "{o:?}");
    assert_eq!(o.counts.total(), 400, "every row is in the report");
    assert!(h.query_by_label_contains("Dry run cancelled").is_some());
}

#[test]
fn a_real_send_needs_the_number_of_recipients_typed() {
    let (dir, _csv, mut h) = campaign_window(&example_rows());
    click(&mut h, "Send to 14 recipients…");
    step_until(&mut h, "the confirmation", |a| {
        matches!(a.run.phase, Phase::Confirming { .. })
    });
    h.run_steps(2);
    // On the sandbox the words say nothing is delivered, and never that phones receive it.
    assert!(
        h.query_by_label("Send to 14 recipients through the local sandbox?")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("nothing is delivered to any phone")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("receives the message on their phone")
            .is_none()
    );
    for (k, v) in [
        ("Recipients", "14"),
        ("Origination", "rcs-agent-sandbox"),
        ("MaxPrice", "0.05"),
    ] {
        assert!(h.query_by_label(k).is_some(), "{k}");
        assert!(h.query_by_label(v).is_some(), "{v}");
    }
    assert!(
        h.query_all_by_label_contains("MMS")
            .any(|n| n.accesskit_node().label().as_deref() != Some("MMS fallback")),
        "the fallback is named (besides the preview's MMS fallback toggle)"
    );
    let confirm = "Send to 14 recipients";
    assert!(disabled(&h, confirm));
    h.get_by_label("Type 14 to confirm").focus();
    h.run_steps(1);
    h.get_by_label("Type 14 to confirm").type_text("13");
    h.run_steps(2);
    assert!(disabled(&h, confirm), "13 is not the number of recipients");
    h.key_press(egui::Key::Backspace);
    h.run_steps(1);
    h.get_by_label("Type 14 to confirm").type_text("4");
    h.run_steps(2);
    assert!(!disabled(&h, confirm));
    click(&mut h, confirm);
    step_until(&mut h, "the send ends", finished);
    let o = outcome(&h);
    assert_eq!((o.end.clone(), o.counts.accepted), (End::Finished, 14));
    // A real send keeps the runner's report and journal beside the audience...
    assert_eq!(o.report, dir.path().join("customers.send-report.csv"));
    assert!(o.journal.as_ref().is_some_and(|j| j.exists()));
    // ...so the same audience is never sent twice: the runner refuses a second send.
    click(&mut h, "Send to 14 recipients…");
    step_until(&mut h, "the second send is refused", finished);
    let Phase::Done { result: Err(e), .. } = &app(&h).run.phase else {
        panic!("a second send ran: {:?}", app(&h).run.phase);
    };
    assert!(e.contains("journal") || e.contains("--resume"), "{e}");
    assert!(h.query_by_label_contains("Send did not run:").is_some());
}

#[test]
fn cancelling_the_confirmation_sends_nothing() {
    let (_dir, _csv, mut h) = campaign_window(&example_rows());
    click(&mut h, "Send to 14 recipients…");
    step_until(&mut h, "the confirmation", |a| {
        matches!(a.run.phase, Phase::Confirming { .. })
    });
    h.run_steps(2);
    click(&mut h, "Cancel");
    assert!(matches!(app(&h).run.phase, Phase::Idle));
    assert!(app(&h).dialog.is_none());
    assert!(!disabled(&h, "Send to 14 recipients…"));
}
