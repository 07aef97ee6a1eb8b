//! The Checks list as one problem list in plain words: what the service will reject, what the
//! phone cuts and what other phones do, each group under its heading with its count; an entry
//! names its field as the editor does and a click shows that field.
#![expect(clippy::unwrap_used, reason = "tests fail loudly by design")]

mod support;

use std::path::{Path, PathBuf};

use egui_kittest::kittest::Queryable;
use support::{ScriptedPicker, app, examples, harness};

type H = egui_kittest::Harness<'static, rcs_composer::ui::app::EframeApp>;

const HEADINGS: [&str; 4] = [
    "The service will reject",
    "On the phone",
    "Other phones",
    "Worth knowing",
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn open(file: PathBuf) -> (tempfile::TempDir, H) {
    let dir = tempfile::tempdir().unwrap();
    let h = harness(dir.path(), Some(file), ScriptedPicker::answering(&[]));
    (dir, h)
}

/// The Checks list's copy of a line (the preview's list under the phone, on the right, may
/// show the same line).
fn in_checks<'h>(h: &'h H, label: &'h str) -> egui_kittest::Node<'h> {
    h.get_all_by_label(label)
        .min_by(|a, b| a.rect().min.x.total_cmp(&b.rect().min.x))
        .unwrap_or_else(|| panic!("no line {label:?}"))
}

/// The heading (without its count) that `line` stands under in the Checks list.
fn group_of(h: &H, line: &str) -> String {
    let at = in_checks(h, line).rect();
    HEADINGS
        .iter()
        .filter_map(|heading| {
            let y = h
                .query_all_by_label_contains(&format!("{heading} ("))
                .filter(|n| (n.rect().min.x - at.min.x).abs() < 40.0)
                .map(|n| n.rect().min.y)
                .filter(|y| *y < at.min.y)
                .max_by(f32::total_cmp)?;
            Some((y, *heading))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, heading)| heading.to_owned())
        .unwrap_or_default()
}

#[test]
fn a_tall_card_lists_its_dropped_buttons_on_the_phone_and_never_claims_no_problems() {
    let (_dir, h) = open(fixture("phone-tall-card-two-buttons.json"));
    for n in [1, 2] {
        let line = format!("⚠ Card › Button {n} is not shown: the card has no room for it.");
        assert_eq!(group_of(&h, &line), "On the phone", "{line}");
    }
    assert!(h.query_all_by_label("On the phone (2)").count() >= 1);
    // The summary counts each group and says only what is true.
    assert!(
        h.query_by_label("✔ Nothing the service will reject")
            .is_some()
    );
    assert!(h.query_by_label("⚠ 2 on the phone").is_some());
    assert!(h.query_by_label_contains("No problems").is_none());
    assert!(h.query_by_label_contains("no problems").is_none());
    // An iOS caveat stands under "Other phones".
    assert_eq!(
        group_of(&h, "ℹ Media height: iOS ignores the media height."),
        "Other phones"
    );
    assert!(h.query_by_label("ℹ 1 for other phones").is_some());
    // The preview's list under the phone says the same, in the same words.
    assert_eq!(
        app(&h).preview_warnings(),
        [
            "Card › Button 1 is not shown: the card has no room for it.",
            "Card › Button 2 is not shown: the card has no room for it.",
            "Media height: iOS ignores the media height.",
        ]
    );
}

#[test]
fn the_coffee_carousel_merges_its_repeated_card_findings_into_one_line() {
    let (_dir, mut h) = open(examples().join("carousel-coffee-menu.json"));
    let first = "⚠ Card 1 › Card description: The description shows 1 of its 3 lines: the card has no room for it.";
    let rest = "⚠ Cards 2–10 › Card description: The description shows 1 of its 3 lines: every card of a carousel is as tall as the first.";
    assert_eq!(group_of(&h, first), "On the phone");
    assert_eq!(group_of(&h, rest), "On the phone");
    // One line for nine cards, not nine; the card is named once.
    assert!(
        h.query_by_label_contains("Card 2 › Card description")
            .is_none()
    );
    assert!(h.query_by_label_contains(": Card 1:").is_none());
    // Under the field, inside its card, the card is not named again.
    assert!(
        h.query_by_label("⚠ The description shows 1 of its 3 lines: the card has no room for it.")
            .is_some()
    );
    assert!(h.query_by_label_contains("⚠ Card 1: ").is_none());
    // An iOS caveat under its field is a note, as in the list, not a warning.
    assert!(
        h.query_by_label("ℹ iOS ignores the media height.")
            .is_some()
    );
    assert!(
        h.query_by_label("⚠ iOS ignores the media height.")
            .is_none()
    );
    let problems = app(&h).doc.problems();
    let descriptions = problems
        .entries
        .iter()
        .filter(|e| e.label.ends_with("Card description"))
        .count();
    assert_eq!(descriptions, 2, "{problems:?}");
    // The ten media-height caveats are one line too.
    assert_eq!(
        group_of(
            &h,
            "ℹ Cards 1–10 › Media height: iOS ignores the media height."
        ),
        "Other phones"
    );
    // The API paths of every card are in the tooltip.
    in_checks(&h, rest).hover();
    h.run_steps(60);
    assert!(
        h.query_by_label_contains("RcsMessageContent.Content.Carousel.CardContents[9].Description")
            .is_some(),
        "the API paths are in the tooltip"
    );
}

#[test]
fn clicking_a_merged_line_shows_the_first_cards_field() {
    let (_dir, mut h) = open(examples().join("carousel-coffee-menu.json"));
    in_checks(
        &h,
        "⚠ Cards 2–10 › Card description: The description shows 1 of its 3 lines: every card of a carousel is as tall as the first.",
    )
    .click();
    h.run_steps(4);
    let field = h.get_by_label("Card description");
    assert!(field.is_focused());
    assert!(
        field.value().unwrap().starts_with("Our flat white"),
        "card 2's description: {:?}",
        field.value()
    );
    assert_eq!(
        h.get_by_label("Card title").value().as_deref(),
        Some("Flat white")
    );
}

#[test]
fn an_error_stands_under_what_the_service_will_reject() {
    let (_dir, mut h) = open(fixture("reply-too-long.json"));
    let line = "✖ Chip 1 › Text: Reply text is 26 characters; the limit is 25.";
    assert_eq!(group_of(&h, line), "The service will reject");
    assert!(h.query_by_label("The service will reject (1)").is_some());
    assert!(h.query_by_label("✖ 1 the service will reject").is_some());
    assert!(
        h.query_by_label("✔ Nothing the service will reject")
            .is_none()
    );
    // A click shows the field.
    in_checks(&h, line).click();
    h.run_steps(4);
    let text = h.get_by_label("Text *");
    assert!(text.is_focused());
    assert_eq!(text.value().unwrap().chars().count(), 26);
}

#[test]
fn a_template_without_problems_says_so() {
    let (_dir, h) = open(fixture("valid-text.json"));
    assert!(app(&h).doc.problems().is_empty());
    assert!(
        h.query_by_label("✔ No problems found in the template")
            .is_some()
    );
    for heading in HEADINGS {
        assert!(h.query_by_label_contains(&format!("{heading} (")).is_none());
    }
}
