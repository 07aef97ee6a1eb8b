//! Snapshots of the phone preview for each kind, light and dark, a truncated card, a 10-card
//! carousel, the SMS/MMS fallback's thread, the brand header (logo, initial, verified tick)
//! and the mark on invalid buttons, rendered headless with wgpu on the CPU.
#![expect(clippy::unwrap_used, reason = "tests fail loudly by design")]

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use rcs_composer::rcs::codec;
use rcs_composer::rcs::model::SendRcsMessageRequest;
use rcs_composer::rcs::phone::Rendering;
use rcs_composer::rcs::validate::{Mode, validate};
use rcs_composer::ui::brand::BrandProfile;
use rcs_composer::ui::document::Problems;
use rcs_composer::ui::document::derive::preview_issues;
use rcs_composer::ui::media;
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
    render(name, r, dark, show_fallback, None, |_| {})
}

/// Renders the preview of `r` with the header showing `brand` (its logo decoded first), lets
/// `look` query the rendered tree, and compares the picture with the snapshot `name`.
fn render(
    name: &str,
    r: &SendRcsMessageRequest,
    dark: bool,
    show_fallback: bool,
    brand: Option<&BrandProfile>,
    look: impl FnOnce(&mut Harness<'_, MediaCache>),
) -> Vec<String> {
    let issues = IssueIndex::new(validate(r, Mode::Template));
    let rendering = Rendering::of(r);
    // The list under the phone, as the derive step makes it for the window.
    let warnings = Problems::new(&preview_issues(&issues), &rendering.findings)
        .entries
        .iter()
        .map(|e| e.line().to_owned())
        .collect();
    let mut harness = Harness::builder()
        .wgpu()
        .with_context_setup(rcs_composer::ui::fonts::install)
        .with_size([420.0, 820.0])
        .build_ui_state(
            |ui, media: &mut MediaCache| {
                let input = PreviewInput {
                    request: r,
                    rendering: &rendering,
                    media,
                    issues: &issues,
                    dark,
                    show_fallback,
                    origination: r.origination_identity.as_deref(),
                    brand,
                    follow_card: None,
                };
                preview::show(ui, &input);
            },
            MediaCache::default(),
        );
    if let Some((key, path)) = brand.and_then(|b| b.logo_key().zip(b.logo.clone())) {
        // What the decode worker does for the window.
        let decoded = media::decode(&path).map(Box::new);
        let ctx = harness.ctx.clone();
        let cache = harness.state_mut();
        cache.set_pending(&key, path.clone());
        cache.finish(&ctx, &key, &path, decoded);
    }
    harness.run();
    look(&mut harness);
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
    assert!(has("Card › Button 4 is not shown"), "{warnings:?}");
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

/// A rich card from `origination` with a button of each action kind but the calendar's,
/// which is a chip with a reply.
fn branded_request(origination: &str) -> SendRcsMessageRequest {
    request(&json!({"OriginationIdentity": origination,
        "RcsMessageContent": {
            "Content": {"RichCard": {"CardOrientation": "VERTICAL", "CardContent": {
                "Title": "Table booked",
                "Description": "Your table for two is booked for Friday at 19:30.",
                "Suggestions": [
                    {"OpenUrl": {"Text": "Menu", "PostbackData": "menu", "Url": "https://example.com/menu"}},
                    {"DialPhone": {"Text": "Call us", "PostbackData": "call", "PhoneNumber": "+14255550123"}},
                    {"ShowLocation": {"Text": "Directions", "PostbackData": "map",
                        "Latitude": 47.6, "Longitude": -122.3}},
                    {"RequestLocation": {"Text": "Share location", "PostbackData": "where"}}]}}},
            "Suggestions": [
                {"CreateCalendarEvent": {"Text": "Add to calendar", "PostbackData": "cal",
                    "StartTime": "2026-12-04T19:30:00Z", "EndTime": "2026-12-04T21:30:00Z",
                    "Title": "Dinner"}},
                {"Reply": {"Text": "Cancel", "PostbackData": "cancel"}}]}}))
}

fn logo() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icons/rcs-composer-128.png")
}

#[test]
fn brand_header_with_logo_and_verified_tick() {
    let brand = BrandProfile {
        name: "Riverside Bistro".into(),
        logo: Some(logo()),
        colour: [200, 16, 46],
        verified: true,
    };
    render(
        "preview_brand_logo",
        &branded_request("agent-riverside"),
        false,
        false,
        Some(&brand),
        |h| {
            h.get_by_label("Thread with Riverside Bistro, verified");
        },
    );
}

#[test]
fn brand_header_with_initial_and_no_tick() {
    let brand = BrandProfile {
        name: "northwind coffee".into(),
        logo: None,
        colour: [255, 214, 0],
        verified: false,
    };
    render(
        "preview_brand_initial",
        &branded_request("agent-northwind"),
        true,
        false,
        Some(&brand),
        |h| {
            h.get_by_label("Thread with northwind coffee");
        },
    );
}

#[test]
fn the_fallback_is_an_sms_thread_from_an_example_number() {
    let r = example("text-appointment-reminder.json");
    assert!(
        r.fallback_configuration
            .as_ref()
            .is_some_and(|f| f.origination_identity.is_none()),
        "this test is about a fallback that names no sender"
    );
    render("preview_fallback_sms", &r, false, true, None, |h| {
        h.get_by_label("Text message thread with +1 555-0100 (example number)");
        assert!(h.query_by_label_contains("Thread with").is_none());
    });
}

#[test]
fn an_mms_fallback_is_a_thread_from_its_sender() {
    let r = request(&json!({"OriginationIdentity": "agent-riverside",
        "RcsMessageContent": {"Content": {"TextMessage": {"Body": "RCS text"}}},
        "FallbackConfiguration": {"Channel": "MMS", "OriginationIdentity": "+14255550199",
            "MessageBody": "Our winter menu is here. Reply STOP to opt out.",
            "MediaUrls": ["s3://b/menu.jpg"]}}));
    let brand = BrandProfile {
        name: "Riverside Bistro".into(),
        ..BrandProfile::default()
    };
    render("preview_fallback_mms", &r, false, true, Some(&brand), |h| {
        h.get_by_label("MMS thread with +14255550199");
        // No brand in the SMS/MMS thread.
        assert!(h.query_by_label_contains("Riverside").is_none());
    });
}

#[test]
fn an_invalid_button_is_marked_with_what_is_wrong() {
    let r = request(&json!({"RcsMessageContent": {
        "Content": {"RichCard": {"CardOrientation": "VERTICAL", "CardContent": {
            "Title": "Winter sale", "Description": "30% off coats.",
            "Suggestions": [
                {"Reply": {"Text": "This button text is far too long", "PostbackData": "long"}},
                {"Reply": {"Text": "Fine", "PostbackData": "fine"}}]}}},
        "Suggestions": [
            {"OpenUrl": {"Text": "Shop", "PostbackData": "shop", "Url": "http://example.com"}},
            {"Reply": {"Text": "Stop", "PostbackData": "stop"}}]}}));
    render("preview_invalid_button", &r, false, false, None, |h| {
        let marks = h.query_all_by_label_contains("The service will reject this button");
        let names: Vec<String> = marks.filter_map(|n| n.accesskit_node().label()).collect();
        assert_eq!(names.len(), 2, "{names:?}");
        assert!(
            names
                .iter()
                .any(|t| t.ends_with(": Card › Button 1 › Text")),
            "{names:?}"
        );
        assert!(names.iter().any(|t| t.contains("Chip 1")), "{names:?}");
        // The tooltip says what is wrong, as the validator says it.
        h.get_by_label_contains("Card › Button 1 › Text").hover();
        h.run_steps(60);
        assert!(
            h.query_by_label_contains(
                "Card › Button 1 › Text: Reply text is 32 characters; the limit is 25."
            )
            .is_some(),
            "the tooltip names the problem"
        );
    });
}
