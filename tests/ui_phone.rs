//! The window and `rcs-composer check` agree on what the phone does to a template: the same
//! findings at the same fields, in the Checks list, the "On the phone" list and the cut
//! card's "!" badge.
#![expect(clippy::unwrap_used, reason = "tests fail loudly by design")]

mod support;

use std::path::Path;
use std::process::Command;

use egui_kittest::kittest::Queryable;
use support::{ScriptedPicker, app, examples, harness};

/// `check --json`'s issues for `file`: (path, severity, code, message).
fn checked(file: &Path) -> Vec<(String, String, String, String)> {
    let out = Command::new(env!("CARGO_BIN_EXE_rcs-composer"))
        .args(["check", "--json"])
        .arg(file)
        .output()
        .unwrap();
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    line["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let s = |k: &str| i[k].as_str().unwrap().to_owned();
            (s("path"), s("severity"), s("code"), s("message"))
        })
        .collect()
}

type H = egui_kittest::Harness<'static, rcs_composer::ui::app::EframeApp>;

/// The window's Checks list for the open template, in the same shape.
fn window(h: &H) -> Vec<(String, String, String, String)> {
    app(h)
        .doc
        .issues()
        .all
        .iter()
        .map(|i| {
            (
                i.path.clone(),
                i.severity.as_str().to_owned(),
                i.code.as_str().to_owned(),
                i.message.clone(),
            )
        })
        .collect()
}

/// The same issues at the same paths with the same codes. `check` names a carousel card in
/// the message ("Card 2: …"); under a field in the editor the card is not named again.
fn assert_same_findings(
    window: &[(String, String, String, String)],
    check: &[(String, String, String, String)],
    file: &Path,
) {
    assert_eq!(
        window.len(),
        check.len(),
        "{}: {window:?} {check:?}",
        file.display()
    );
    for (w, c) in window.iter().zip(check) {
        assert_eq!((&w.0, &w.1, &w.2), (&c.0, &c.1, &c.2), "{}", file.display());
        assert!(
            c.3 == w.3 || (c.3.starts_with("Card ") && c.3.ends_with(&format!(": {}", w.3))),
            "{}: {:?} in the window, {:?} from check",
            file.display(),
            w.3,
            c.3
        );
    }
}

#[test]
fn the_window_finds_what_check_finds_for_every_shipped_example() {
    let mut compared = 0;
    for entry in std::fs::read_dir(examples()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        let h = harness(
            dir.path(),
            Some(path.clone()),
            ScriptedPicker::answering(&[]),
        );
        let from_check = checked(&path);
        assert_same_findings(&window(&h), &from_check, &path);
        compared += usize::from(from_check.iter().any(|i| i.2.starts_with("phone-")));
    }
    assert!(compared >= 3, "the examples exercise the phone's findings");
}

#[test]
fn a_tall_card_shows_its_dropped_buttons_in_checks_on_the_phone_and_on_the_badge() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/phone-tall-card-two-buttons.json");
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(
        dir.path(),
        Some(fixture.clone()),
        ScriptedPicker::answering(&[]),
    );
    assert_same_findings(&window(&h), &checked(&fixture), &fixture);
    let card = "RcsMessageContent.Content.RichCard.CardContent";
    // The Checks list: a warning at the button's field.
    // (named as the editor names the field; the API path is in its tooltip).
    let field = rcs_composer::rcs::label::label(&format!("{card}.Suggestions[1]")).unwrap();
    // (the Checks list and the list under the phone word it alike)
    assert!(
        h.query_all_by_label(&format!(
            "⚠ {field} is not shown: the card has no room for it."
        ))
        .count()
            >= 1
    );
    // The preview's list under the phone.
    assert!(
        app(&h)
            .preview_warnings()
            .contains(&"Card › Button 1 is not shown: the card has no room for it."),
        "{:?}",
        app(&h).preview_warnings()
    );
    // The badge says what was cut.
    let badge = h.get_by_label_contains("Cut on the phone:");
    badge.hover();
    h.run_steps(3);
    assert!(
        h.query_all_by_label_contains("• Button 2 is not shown")
            .count()
            >= 1
    );
}
