//! Snapshots of the phone preview for each kind, light and dark, a truncated card, a 10-card
//! carousel and the SMS fallback, rendered headless with wgpu on the CPU.
#![expect(clippy::unwrap_used, reason = "tests fail loudly by design")]

use egui_kittest::Harness;
use rcs_composer::rcs::codec;
use rcs_composer::rcs::model::SendRcsMessageRequest;
use rcs_composer::rcs::phone::Rendering;
use rcs_composer::rcs::validate::{Mode, validate};
use rcs_composer::ui::media_cache::MediaCache;
use rcs_composer::ui::preview::{self, PreviewInput};
use rcs_composer::ui::views::editor::form::IssueIndex;
use serde_json::{Value, json};

fn request(doc: &Value) -> SendRcsMessageRequest {
    let decoded = codec::from_value(doc);
    assert!(decoded.issues.is_empty(), "{:?}", decoded.issues);
    decoded.request
}

fn example(name: &str) -> SendRcsMessageRequest {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/examples")
        .join(name);
    rcs_composer::templates::open(&path).unwrap()
}

/// Renders the preview of `r` and compares it with `tests/snapshots/<name>.png`; returns the
/// warnings the preview gave.
fn snapshot(name: &str, r: &SendRcsMessageRequest, dark: bool, show_fallback: bool) -> Vec<String> {
    let media = MediaCache::default();
    let issues = IssueIndex::new(validate(r, Mode::Template));
    let rendering = Rendering::of(r);
    let mut warnings = Vec::new();
    let mut harness = Harness::builder()
        .wgpu()
        .with_context_setup(rcs_composer::ui::fonts::install)
        .with_size([420.0, 820.0])
        .build_ui(|ui| {
            let input = PreviewInput {
                request: r,
                rendering: &rendering,
                media: &media,
                issues: &issues,
                dark,
                show_fallback,
            };
            warnings = preview::show(ui, &input)
                .entries
                .iter()
                .map(rcs_composer::ui::document::problems::Entry::line)
                .collect();
        });
    harness.run();
    harness.snapshot(name);
    drop(harness);
    warnings
}

#[test]
fn text_light() {
    snapshot(
        "preview_text_light",
        &example("text-appointment-reminder.json"),
        false,
        false,
    );
}

#[test]
fn text_dark() {
    snapshot(
        "preview_text_dark",
        &example("text-appointment-reminder.json"),
        true,
        false,
    );
}

#[test]
fn file_light() {
    snapshot(
        "preview_file_light",
        &example("file-boarding-pass.json"),
        false,
        false,
    );
}

#[test]
fn file_dark() {
    snapshot(
        "preview_file_dark",
        &example("file-boarding-pass.json"),
        true,
        false,
    );
}

#[test]
fn rich_card_light() {
    let warnings = snapshot(
        "preview_rich_card_light",
        &example("rich-card-winter-sale.json"),
        false,
        false,
    );
    assert!(
        warnings
            .iter()
            .all(|w| !w.contains("not shown") && !w.contains("lines")),
        "{warnings:?}"
    );
}

#[test]
fn rich_card_dark() {
    snapshot(
        "preview_rich_card_dark",
        &example("rich-card-winter-sale.json"),
        true,
        false,
    );
}

#[test]
fn rich_card_horizontal() {
    let horizontal = request(&json!({"RcsMessageContent": {"Content": {"RichCard": {
        "CardOrientation": "HORIZONTAL", "ThumbnailImageAlignment": "RIGHT",
        "CardContent": {"Title": "Trail runner", "Description": "Light, grippy, ready for mud.",
            "Media": {"FileUrl": "s3://b/shoe-3x4.jpg"},
            "Suggestions": [{"Reply": {"Text": "Sizes", "PostbackData": "sizes"}}]}}}}}));
    let warnings = snapshot("preview_rich_card_horizontal", &horizontal, false, false);
    assert!(
        warnings.iter().any(|w| w.contains("horizontal cards")),
        "{warnings:?}"
    );
}

#[test]
fn a_card_that_does_not_fit_is_cut_like_the_phone_cuts_it() {
    let chips: Vec<Value> = (1..=4)
        .map(|i| json!({"Reply": {"Text": format!("Option {i}"), "PostbackData": format!("o{i}")}}))
        .collect();
    let r = request(&json!({"RcsMessageContent": {"Content": {"RichCard": {
        "CardOrientation": "VERTICAL",
        "CardContent": {
            "Title": "A very long title that needs more than one line on the phone to be read in full",
            "Description": "Four lines of description at least: ".repeat(8),
            "Media": {"FileUrl": "s3://b/hero.jpg", "Height": "TALL"},
            "Suggestions": chips}}}}}));
    let warnings = snapshot("preview_truncated_card", &r, false, false);
    let has = |start: &str| warnings.iter().any(|w| w.starts_with(start));
    assert!(
        has("Card description: The description shows 1 of its"),
        "{warnings:?}"
    );
    assert!(has("Card title: The title shows 1 of its"), "{warnings:?}");
    assert!(has("Suggestion 4: Button 4 is not shown"), "{warnings:?}");
}

#[test]
fn ten_card_carousel_light() {
    let warnings = snapshot(
        "preview_carousel_light",
        &example("carousel-coffee-menu.json"),
        false,
        false,
    );
    // Ten cards cut alike are one line naming them, not ten.
    let cut: Vec<&String> = warnings.iter().filter(|w| w.contains("lines")).collect();
    assert_eq!(cut.len(), 2, "{warnings:?}");
    assert!(
        cut[1].starts_with("Cards 2–10 › Card description: The description shows 1 of its"),
        "{warnings:?}"
    );
}

#[test]
fn ten_card_carousel_dark() {
    snapshot(
        "preview_carousel_dark",
        &example("carousel-coffee-menu.json"),
        true,
        false,
    );
}

#[test]
fn sms_fallback() {
    snapshot(
        "preview_fallback_sms",
        &example("text-appointment-reminder.json"),
        false,
        true,
    );
}

/// One line of each kind of emoji: single code points old and new (🧥, 🫫 of Unicode 18),
/// variation selectors, skin tones, ZWJ sequences (a family, a rainbow flag), flags and a
/// keycap; in the message and the SMS fallback.
const EMOJI_LINE: &str = "🧥 Sale ❄️ 😀🫫🛍️🎁 👍🏽 👨‍👩‍👧‍👦 🏳️‍🌈 🇺🇸🇯🇵 ❤️‍🔥 #️⃣ ©️";

fn emoji_request() -> SendRcsMessageRequest {
    request(&json!({"RcsMessageContent": {
            "Content": {"TextMessage": {"Body": format!("{EMOJI_LINE}\nCoats -30% 🧥✨")}},
            "Suggestions": [{"Reply": {"Text": "👍 Yes please", "PostbackData": "yes"}}]},
        "FallbackConfiguration": {"Channel": "SMS", "MessageBody": format!("{EMOJI_LINE} Reply STOP to opt out")}}))
}

#[test]
fn emoji_in_the_message() {
    snapshot("preview_emoji", &emoji_request(), false, false);
}

#[test]
fn emoji_in_the_sms_fallback() {
    snapshot("preview_emoji_fallback", &emoji_request(), false, true);
}
