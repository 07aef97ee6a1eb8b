//! A template file that does not open is marked in the library and can be repaired in the
//! window: its text with each problem at its line, opened once it loads cleanly, with the file
//! and the earlier draft untouched until then.
#![expect(clippy::unwrap_used, reason = "tests fail loudly by design")]

mod support;

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use rcs_composer::templates;
use support::{ScriptedPicker, app, harness, settle};

type H = egui_kittest::Harness<'static, rcs_composer::ui::app::EframeApp>;

/// A text message with a member the model does not know (line 6) and a trailing comma on line 8,
/// reported at the comma (line 8, column 6), not at the brace the parser stopped at.
const BROKEN: &str = r#"{
  "RcsMessageContent": {
    "Content": {
      "TextMessage": {
        "Body": "Winter sale",
        "Colour": "red"
      }
    },
  }
}
"#;

fn library_with_broken(dir: &Path) -> PathBuf {
    let library = dir.join("library");
    std::fs::create_dir_all(&library).unwrap();
    std::fs::write(
        library.join("good.json"),
        r#"{"RcsMessageContent": {"Content": {"TextMessage": {"Body": "Hi"}}}}"#,
    )
    .unwrap();
    let broken = library.join("broken.json");
    std::fs::write(&broken, BROKEN).unwrap();
    broken
}

fn body(h: &H) -> Option<String> {
    app(h)
        .doc
        .draft
        .content()?
        .text_message
        .as_ref()?
        .body
        .clone()
}

fn replace_text(h: &mut H, text: &str) {
    h.get_by_label("Template text").focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(1);
    h.get_by_label("Template text").type_text(text);
    h.run_steps(3);
}

/// Types "My draft", then opens the broken file from the library: the unsaved-changes guard
/// comes first, as for any open, and Discard goes on to the file (the draft stays until the
/// repaired text opens).
fn type_a_draft_then_open_the_broken_file(h: &mut H) {
    h.get_by_label("Text message body *").focus();
    h.run_steps(1);
    h.get_by_label("Text message body *").type_text("My draft");
    h.run_steps(3);
    h.get_by_label("⚠ broken").click();
    h.run_steps(3);
    h.get_by_label("Discard changes").click();
    settle(h);
}

#[test]
fn the_library_marks_a_broken_file_and_a_click_opens_the_repair_view() {
    let dir = tempfile::tempdir().unwrap();
    let broken = library_with_broken(dir.path());
    let mut h = harness(dir.path(), None, ScriptedPicker::answering(&[]));
    // Marked, with the reason on hover; the good one is not.
    assert!(h.query_by_label("good").is_some());
    let mark = h.get_by_label("⚠ broken");
    mark.hover();
    h.run_steps(3);
    assert!(
        h.query_by_label_contains("Cannot be opened as it is: line 8, column 6: trailing comma")
            .is_some(),
        "the first problem is the trailing comma"
    );
    h.get_by_label("⚠ broken").click();
    settle(&mut h);
    assert!(h.query_by_label("Repair broken.json").is_some());
    // The syntax error, at its line; nothing else changed.
    assert!(
        h.query_by_label_contains("✖ line 8, column 6: trailing comma")
            .is_some()
    );
    assert!(h.query_by_label_contains("1 problem to fix").is_some());
    assert!(h.query_by_label("Open repaired template").is_some());
    assert_eq!(app(&h).doc.path, None);
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), BROKEN);
}

#[test]
fn fixing_the_text_shows_the_next_problem_then_opens_it_unsaved_until_save() {
    let dir = tempfile::tempdir().unwrap();
    let broken = library_with_broken(dir.path());
    let mut h = harness(dir.path(), None, ScriptedPicker::answering(&[]));
    h.get_by_label("⚠ broken").click();
    settle(&mut h);
    // The trailing comma gone, the unknown member shows, at its key's line.
    replace_text(&mut h, &BROKEN.replace("    },\n  }", "    }\n  }"));
    assert!(
        h.query_by_label_contains(
            "✖ line 6, column 9: RcsMessageContent.Content.TextMessage.Colour"
        )
        .is_some()
    );
    // Opening is refused until the text loads cleanly.
    h.get_by_label("Open repaired template").click();
    h.run_steps(3);
    assert!(h.query_by_label("Repair broken.json").is_some());
    let fixed = BROKEN
        .replace("    },\n  }", "    }\n  }")
        .replace(",\n        \"Colour\": \"red\"", "");
    replace_text(&mut h, &fixed);
    assert!(h.query_by_label("✔ The text loads cleanly.").is_some());
    h.get_by_label("Open repaired template").click();
    h.run_steps(3);
    assert!(h.query_by_label("Repair broken.json").is_none());
    assert_eq!(body(&h).as_deref(), Some("Winter sale"));
    assert_eq!(app(&h).doc.path.as_deref(), Some(broken.as_path()));
    assert!(app(&h).is_dirty(), "the repaired text is not saved yet");
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), BROKEN);
    // Save writes it back; the library no longer marks it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(!app(&h).is_dirty());
    let saved = templates::open(&broken).unwrap();
    assert_eq!(
        saved
            .content()
            .unwrap()
            .text_message
            .as_ref()
            .unwrap()
            .body
            .as_deref(),
        Some("Winter sale")
    );
    h.get_by_label("⟳").click();
    settle(&mut h);
    assert!(h.query_by_label("broken").is_some());
    assert!(h.query_by_label("⚠ broken").is_none());
}

#[test]
fn cancel_keeps_the_earlier_draft_and_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let broken = library_with_broken(dir.path());
    let mut h = harness(dir.path(), None, ScriptedPicker::answering(&[]));
    type_a_draft_then_open_the_broken_file(&mut h);
    assert!(h.query_by_label("Repair broken.json").is_some());
    assert_eq!(body(&h).as_deref(), Some("My draft"), "not replaced yet");
    h.get_by_label("Cancel").click();
    h.run_steps(3);
    assert!(h.query_by_label("Repair broken.json").is_none());
    assert_eq!(body(&h).as_deref(), Some("My draft"));
    assert!(app(&h).is_dirty());
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), BROKEN);
}

#[test]
fn a_broken_file_given_on_the_command_line_opens_the_repair_view() {
    let dir = tempfile::tempdir().unwrap();
    let broken = library_with_broken(dir.path());
    let h = harness(dir.path(), Some(broken), ScriptedPicker::answering(&[]));
    assert!(h.query_by_label("Repair broken.json").is_some());
    assert!(h.query_by_label_contains("✖ line 8, column 6").is_some());
}

#[test]
fn while_repairing_the_draft_behind_cannot_change() {
    let dir = tempfile::tempdir().unwrap();
    library_with_broken(dir.path());
    let mut h = harness(dir.path(), None, ScriptedPicker::answering(&[]));
    type_a_draft_then_open_the_broken_file(&mut h);
    assert!(h.query_by_label("Repair broken.json").is_some());
    // The window's shortcuts wait: Ctrl+Z does not undo the draft behind the view, Ctrl+N
    // does not replace it.
    for key in [Key::Z, Key::N] {
        h.key_press_modifiers(Modifiers::COMMAND, key);
        h.run_steps(3);
    }
    assert_eq!(body(&h).as_deref(), Some("My draft"));
    assert!(h.query_by_label("Repair broken.json").is_some());
    // The editor behind is out of reach: the view is modal.
    h.get_by_label("Text message body *").click();
    h.run_steps(1);
    h.get_by_label("Text message body *").type_text(" and more");
    h.run_steps(3);
    assert_eq!(body(&h).as_deref(), Some("My draft"));
}

#[test]
fn a_click_on_a_problem_puts_the_cursor_at_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let broken = library_with_broken(dir.path());
    let mut h = harness(dir.path(), Some(broken), ScriptedPicker::answering(&[]));
    h.get_by_label_contains("✖ line 8, column 6").click();
    h.run_steps(4);
    let state =
        egui::text_edit::TextEditState::load(&h.ctx, egui::Id::unique("rcs-repair-text")).unwrap();
    let cursor = state.cursor.char_range().unwrap().primary.index;
    // Seven whole lines with their line breaks, then five characters into the eighth: the
    // cursor stands before the comma to delete.
    let expected: usize = BROKEN
        .split('\n')
        .take(7)
        .map(|line| line.chars().count() + 1)
        .sum::<usize>()
        + 5;
    assert_eq!(cursor, egui::text::CharIndex(expected));
    assert!(
        h.get_by_label("Template text")
            .accesskit_node()
            .is_focused()
    );
}

#[test]
fn the_text_stays_where_it_is_when_the_last_problem_is_mended() {
    let dir = tempfile::tempdir().unwrap();
    library_with_broken(dir.path());
    let mut h = harness(dir.path(), None, ScriptedPicker::answering(&[]));
    h.get_by_label("⚠ broken").click();
    settle(&mut h);
    let with_problems = h.get_by_label("Template text").rect().left();
    let fixed = BROKEN
        .replace("    },\n  }", "    }\n  }")
        .replace(",\n        \"Colour\": \"red\"", "");
    replace_text(&mut h, &fixed);
    assert!(h.query_by_label("✔ The text loads cleanly.").is_some());
    // The gutter keeps the ✖'s width: the text under the cursor does not jump sideways.
    let now = h.get_by_label("Template text").rect().left();
    assert!(
        (now - with_problems).abs() < 0.5,
        "moved from {with_problems} to {now}"
    );
}
