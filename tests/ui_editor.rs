//! The real window driven through `egui_kittest`: build each kind by clicking and typing,
//! inline checks, undo/redo, reordering, save and reopen, guards, recovery, media, idleness.
#![expect(clippy::unwrap_used, reason = "tests fail loudly by design")]

mod support;

use std::time::Duration;

use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use rcs_composer::rcs::codec;
use rcs_composer::rcs::model::ContentKind;
use rcs_composer::templates;
use support::{ScriptedPicker, app, examples, harness, harness_sized, settle};

type H = egui_kittest::Harness<'static, rcs_composer::ui::app::EframeApp>;

/// Replaces the text of the field labelled `label`.
fn type_into(h: &mut H, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(1);
    h.get_by_label(label).type_text(text);
    h.run_steps(2);
}

fn click(h: &mut H, label: &str) {
    h.get_by_label(label).click();
    h.run_steps(3);
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

fn cards(h: &H) -> Vec<Option<String>> {
    app(h)
        .doc
        .draft
        .content()
        .and_then(|c| c.carousel.as_ref())
        .and_then(|c| c.card_contents.as_ref())
        .map(|cards| cards.iter().map(|c| c.title.clone()).collect())
        .unwrap_or_default()
}

fn fresh() -> (tempfile::TempDir, H) {
    let dir = tempfile::tempdir().unwrap();
    let h = harness(dir.path(), None, ScriptedPicker::answering(&[]));
    (dir, h)
}

#[test]
fn builds_a_text_message_by_typing() {
    let (_dir, mut h) = fresh();
    type_into(
        &mut h,
        "Text message body *",
        "Your parcel arrives today 📦",
    );
    assert_eq!(body(&h).as_deref(), Some("Your parcel arrives today 📦"));
    assert!(app(&h).is_dirty());
    assert!(
        app(&h).title().starts_with("• Untitled"),
        "{}",
        app(&h).title()
    );
}

#[test]
fn builds_a_file_message() {
    let (_dir, mut h) = fresh();
    // "File" is also the menu; the kind switch comes later in the tree.
    h.get_all_by_label("File").last().unwrap().click();
    h.run_steps(3);
    type_into(&mut h, "Media URL *", "s3://bucket/menu.pdf");
    let file = app(&h)
        .doc
        .draft
        .content()
        .unwrap()
        .file_message
        .clone()
        .unwrap();
    assert_eq!(file.file_url.as_deref(), Some("s3://bucket/menu.pdf"));
    assert!(
        app(&h).doc.issues().all.is_empty(),
        "{:?}",
        app(&h).doc.issues().all
    );
}

#[test]
fn builds_a_rich_card_with_a_suggestion() {
    let (_dir, mut h) = fresh();
    click(&mut h, "Rich card");
    type_into(&mut h, "Card title", "Winter sale");
    click(&mut h, "➕ Add button");
    click(&mut h, "Open URL");
    let card = app(&h)
        .doc
        .draft
        .content()
        .unwrap()
        .rich_card
        .clone()
        .unwrap();
    let content = card.card_content.unwrap();
    assert_eq!(content.title.as_deref(), Some("Winter sale"));
    assert_eq!(
        content.suggestions.unwrap()[0].kinds(),
        vec![rcs_composer::rcs::model::ActionKind::OpenUrl]
    );
}

#[test]
fn builds_a_carousel_and_reordering_keeps_each_cards_content() {
    let (_dir, mut h) = fresh();
    click(&mut h, "Carousel");
    type_into(&mut h, "Card title", "Espresso");
    click(&mut h, "Card 2");
    type_into(&mut h, "Card title", "Latte");
    assert_eq!(
        cards(&h),
        vec![Some("Espresso".into()), Some("Latte".into())]
    );
    click(&mut h, "Card 1");
    click(&mut h, "Move right ▶");
    assert_eq!(
        cards(&h),
        vec![Some("Latte".into()), Some("Espresso".into())]
    );
    // The selection follows the moved card: its title is still the one in the field.
    assert_eq!(
        h.get_by_label("Card title").value().as_deref(),
        Some("Espresso")
    );
    click(&mut h, "➕ Add card");
    assert_eq!(cards(&h).len(), 3);
}

#[test]
fn add_card_stops_at_ten_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let file = examples().join("carousel-coffee-menu.json");
    let h = harness(dir.path(), Some(file), ScriptedPicker::answering(&[]));
    assert_eq!(cards(&h).len(), 10);
    let add = h.get_by_label("➕ Add card");
    assert!(add.accesskit_node().is_disabled());
}

#[test]
fn counter_and_error_appear_at_the_field_and_go_away_when_fixed() {
    let (_dir, mut h) = fresh();
    click(&mut h, "Chips");
    click(&mut h, "➕ Add chip");
    click(&mut h, "Reply");
    click(&mut h, "1. Reply: Reply");
    type_into(&mut h, "Text *", "Yes please, send me more!!");
    assert!(h.query_by_label("26/25").is_some());
    assert!(
        h.query_by_label("✖ Reply text is 26 characters; the limit is 25.")
            .is_some(),
        "the error shows at the field"
    );
    let listed = "Chip 1 › Text: Reply text is 26";
    assert!(
        h.query_by_label_contains(listed).is_some(),
        "and in the list of all checks, named as the editor names the field"
    );
    h.get_by_label_contains(listed).hover();
    // Tooltips wait for the pointer to rest (simulated time).
    h.run_steps(60);
    assert!(
        h.query_by_label_contains("RcsMessageContent.Suggestions[0].Reply.Text — click")
            .is_some(),
        "the API path is in the tooltip"
    );
    let reply_text = "RcsMessageContent.Suggestions[0].Reply.Text";
    assert!(
        app(&h)
            .doc
            .issues()
            .all
            .iter()
            .any(|i| i.path == reply_text)
    );
    type_into(&mut h, "Text *", "Yes please");
    assert!(h.query_by_label_contains("the limit is 25").is_none());
    assert!(h.query_by_label("10/25").is_some());
    assert!(
        !app(&h)
            .doc
            .issues()
            .all
            .iter()
            .any(|i| i.path == reply_text)
    );
}

#[test]
fn switching_kinds_keeps_what_was_typed() {
    let (_dir, mut h) = fresh();
    type_into(&mut h, "Text message body *", "Hello");
    click(&mut h, "Carousel");
    type_into(&mut h, "Card title", "First");
    click(&mut h, "Text");
    assert_eq!(body(&h).as_deref(), Some("Hello"));
    assert_eq!(app(&h).doc.draft.kind(), ContentKind::Text);
    click(&mut h, "Carousel");
    assert_eq!(cards(&h)[0].as_deref(), Some("First"));
}

#[test]
fn undo_and_redo_cover_edits() {
    let (_dir, mut h) = fresh();
    type_into(&mut h, "Text message body *", "Hello");
    h.run_steps(60);
    h.get_by_label("Text message body *").type_text(" world");
    h.run_steps(60);
    assert_eq!(body(&h).as_deref(), Some("Hello world"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(body(&h).as_deref(), Some("Hello"));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(2);
    assert_eq!(body(&h).as_deref(), Some("Hello world"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run_steps(2);
    assert_eq!(body(&h).as_deref(), Some("Hello world"));
}

#[test]
fn save_as_then_reopen_from_the_library_gives_the_same_template() {
    let dir = tempfile::tempdir().unwrap();
    let source = examples().join("rich-card-winter-sale.json");
    let target = dir.path().join("library").join("winter.json");
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    let mut h = harness(
        dir.path(),
        Some(source.clone()),
        ScriptedPicker::answering(std::slice::from_ref(&target)),
    );
    let original = templates::open(&source).unwrap();
    assert_eq!(app(&h).doc.draft.request, original);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    settle(&mut h);
    assert_eq!(app(&h).doc.path.as_deref(), Some(target.as_path()));
    assert!(!app(&h).is_dirty());
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        codec::to_pretty_json(&original)
    );
    click(&mut h, "New");
    assert_ne!(app(&h).doc.draft.request, original);
    click(&mut h, "winter");
    settle(&mut h);
    assert_eq!(app(&h).doc.draft.request, original);
    assert_eq!(app(&h).settings.recent_files.first(), Some(&target));
}

#[test]
fn a_bad_file_leaves_the_draft_alone() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library");
    std::fs::create_dir_all(&library).unwrap();
    std::fs::write(
        library.join("broken.json"),
        "{\n  \"RcsMessageContent\": {,\n}",
    )
    .unwrap();
    let mut h = harness(dir.path(), None, ScriptedPicker::answering(&[]));
    type_into(&mut h, "Text message body *", "keep me");
    // The library marks the file; opening it offers the repair view (tests/ui_repair.rs).
    click(&mut h, "⚠ broken");
    click(&mut h, "Discard changes");
    settle(&mut h);
    assert!(h.query_by_label("Repair broken.json").is_some());
    assert!(h.query_by_label_contains("✖ line 2, column").is_some());
    assert_eq!(body(&h).as_deref(), Some("keep me"));
    assert!(app(&h).is_dirty());
}

#[test]
fn without_a_file_dialog_saving_offers_the_library() {
    let (dir, mut h) = fresh();
    type_into(&mut h, "Text message body *", "Hi");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(h.query_by_label("No file dialog available").is_some());
    type_into(&mut h, "Template name", "promo");
    click(&mut h, "Save to library");
    settle(&mut h);
    let saved = dir.path().join("library").join("promo.json");
    assert_eq!(app(&h).doc.path.as_deref(), Some(saved.as_path()));
    assert!(!app(&h).is_dirty());
    assert_eq!(templates::open(&saved).unwrap(), app(&h).doc.draft.request);
    assert!(h.query_by_label("promo").is_some(), "the library lists it");
}

#[test]
fn unsaved_changes_are_guarded() {
    let (_dir, mut h) = fresh();
    type_into(&mut h, "Text message body *", "draft");
    click(&mut h, "New");
    assert!(h.query_by_label("Unsaved changes").is_some());
    click(&mut h, "Cancel");
    assert_eq!(body(&h).as_deref(), Some("draft"));
    click(&mut h, "New");
    click(&mut h, "Discard changes");
    settle(&mut h);
    assert_eq!(body(&h), None);
    assert!(!app(&h).is_dirty());
}

#[test]
fn clicking_an_issue_brings_its_field_into_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut request = templates::open(&examples().join("carousel-coffee-menu.json")).unwrap();
    let cards = request
        .content_mut()
        .carousel
        .as_mut()
        .unwrap()
        .card_contents
        .as_mut()
        .unwrap();
    cards[3].title = Some("x".repeat(201));
    let file = dir.path().join("long.json");
    templates::save(&file, &request).unwrap();
    let mut h = harness(dir.path(), Some(file), ScriptedPicker::answering(&[]));
    let path = "RcsMessageContent.Content.Carousel.CardContents[3].Title";
    let issue = app(&h)
        .doc
        .issues()
        .all
        .iter()
        .find(|i| i.path == path)
        .unwrap()
        .message
        .clone();
    h.get_by_label_contains(&issue).click();
    h.run_steps(4);
    assert!(h.get_by_label("Card title").is_focused());
    assert_eq!(h.get_by_label("Card title").value(), Some("x".repeat(201)));
    assert!(h.query_by_label("Card 4 ✖").is_some());
}

#[test]
fn a_dirty_draft_is_autosaved_and_offered_back() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut h = harness(dir.path(), None, ScriptedPicker::answering(&[]));
        type_into(&mut h, "Text message body *", "unsaved work");
        // Simulated time passes the autosave interval.
        h.run_steps(400);
        settle(&mut h);
        assert!(dir.path().join("data/autosave.json").exists());
    }
    let mut h = harness(dir.path(), None, ScriptedPicker::answering(&[]));
    assert!(h.query_by_label("Recover unsaved work?").is_some());
    click(&mut h, "Recover");
    settle(&mut h);
    assert_eq!(body(&h).as_deref(), Some("unsaved work"));
    assert!(app(&h).is_dirty());
}

#[test]
fn an_attached_local_image_shows_in_the_preview_and_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("espresso.png");
    image::RgbaImage::from_pixel(960, 720, image::Rgba([120, 70, 30, 255]))
        .save(&png)
        .unwrap();
    let file = examples().join("carousel-coffee-menu.json");
    let mut h = harness(
        dir.path(),
        Some(file.clone()),
        ScriptedPicker::answering(std::slice::from_ref(&png)),
    );
    h.get_all_by_label("📎 Attach local image…")
        .next()
        .unwrap()
        .click();
    h.run_steps(2);
    settle(&mut h);
    let url = "s3://example-rcs-media/menu/espresso-4x3.jpg";
    assert!(app(&h).media.texture(url).is_some());
    assert!(
        h.query_by_label_contains("espresso.png: PNG 960×720")
            .is_some()
    );
    let map = std::fs::read_to_string(dir.path().join("data/media-map.json")).unwrap();
    assert!(map.contains(url) && map.contains("espresso.png"), "{map}");
    // Never written into the template.
    assert!(!codec::to_pretty_json(&app(&h).doc.draft.request).contains("espresso.png"));
    drop(h);
    let h = harness(dir.path(), Some(file), ScriptedPicker::answering(&[]));
    assert!(
        app(&h).media.texture(url).is_some(),
        "re-attached on reopen"
    );
}

#[test]
fn an_idle_window_requests_no_repaints() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(
        dir.path(),
        Some(examples().join("carousel-coffee-menu.json")),
        ScriptedPicker::answering(&[]),
    );
    for _ in 0..3 {
        h.step();
        let output = h
            .output()
            .viewport_output
            .get(&egui::ViewportId::ROOT)
            .unwrap();
        assert_eq!(
            output.repaint_delay,
            Duration::MAX,
            "an idle window must not schedule repaints"
        );
    }
}

#[test]
fn the_library_duplicates_renames_and_deletes_with_confirmation() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library");
    std::fs::create_dir_all(&library).unwrap();
    std::fs::copy(
        examples().join("text-appointment-reminder.json"),
        library.join("reminder.json"),
    )
    .unwrap();
    let mut h = harness(dir.path(), None, ScriptedPicker::answering(&[]));
    click(&mut h, "reminder");
    settle(&mut h);
    click(&mut h, "Duplicate");
    settle(&mut h);
    assert!(library.join("reminder copy.json").exists());
    assert!(h.query_by_label("reminder copy").is_some());
    click(&mut h, "Rename…");
    type_into(&mut h, "New name", "dentist");
    click(&mut h, "Rename");
    settle(&mut h);
    assert!(library.join("dentist.json").exists() && !library.join("reminder.json").exists());
    assert_eq!(
        app(&h).doc.path.as_deref(),
        Some(library.join("dentist.json").as_path())
    );
    type_into(&mut h, "Search", "dent");
    assert!(
        h.query_by_label("reminder copy").is_none(),
        "search narrows the list"
    );
    click(&mut h, "Delete…");
    assert!(h.query_by_label("Delete template?").is_some());
    click(&mut h, "Cancel");
    assert!(library.join("dentist.json").exists());
    click(&mut h, "Delete…");
    click(&mut h, "Delete");
    settle(&mut h);
    assert!(!library.join("dentist.json").exists());
    assert!(app(&h).doc.path.is_none(), "the draft stays open, unsaved");
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let (_dir, mut h) = fresh();
    type_into(&mut h, "Text message body *", "not saved yet");
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run_steps(3);
    assert!(h.query_by_label("Unsaved changes").is_some());
    click(&mut h, "Cancel");
    assert_eq!(body(&h).as_deref(), Some("not saved yet"));
}

/// A file dropped from the desktop.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn an_image_dropped_on_a_media_field_attaches_to_that_url() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("coat.png");
    image::RgbaImage::from_pixel(1440, 720, image::Rgba([30, 60, 90, 255]))
        .save(&png)
        .unwrap();
    let file = examples().join("rich-card-winter-sale.json");
    let mut h = harness(dir.path(), Some(file), ScriptedPicker::answering(&[]));
    // Drop onto the thumbnail field, not the media one above it.
    let target = h.get_by_label("Thumbnail URL").rect().center();
    h.hover_at(target);
    h.run_steps(1);
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(png)));
    h.run_steps(2);
    settle(&mut h);
    let thumb = "s3://example-rcs-media/winter/coats-thumb.jpg";
    assert!(app(&h).media.texture(thumb).is_some());
    assert!(
        app(&h)
            .media
            .texture("s3://example-rcs-media/winter/coats-2x1.jpg")
            .is_none()
    );
}

#[test]
fn a_keystroke_shows_its_result_in_the_same_frame() {
    let (_dir, mut h) = fresh();
    click(&mut h, "Delivery & fallback");
    click(&mut h, "SMS/MMS fallback when RCS is not delivered");
    click(&mut h, "SMS fallback");
    type_into(&mut h, "Fallback message body", &"a".repeat(160));
    h.run_steps(3);
    assert!(h.query_by_label("160/1600").is_some());
    assert!(
        h.query_by_label("If RCS fails: SMS · GSM-7 · 1 segment")
            .is_some()
    );
    // One character, one frame: the counter (drawn above the field) and the preview (drawn
    // before the editor) already show it.
    // As the window system sends a typed "b": the key's press and its text, in one frame.
    h.input_mut().events.extend([
        egui::Event::Key {
            key: Key::B,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::NONE,
        },
        egui::Event::Text("b".into()),
    ]);
    h.step();
    assert!(h.query_by_label("161/1600").is_some(), "the counter");
    assert!(
        h.query_by_label("If RCS fails: SMS · GSM-7 · 2 segments")
            .is_some(),
        "the preview"
    );
    // Laid out once: the keystroke reached the draft before anything was drawn.
    assert_eq!(h.output().platform_output.num_completed_passes, 1);
    assert_eq!(
        app(&h)
            .doc
            .draft
            .request
            .fallback_configuration
            .as_ref()
            .and_then(|f| f.message_body.as_deref())
            .map(str::len),
        Some(161),
        "typed once, not twice"
    );
}

#[test]
fn typing_past_the_bottom_of_the_view_keeps_the_cursor_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_sized(
        dir.path(),
        None,
        ScriptedPicker::answering(&[]),
        [900.0, 560.0],
    );
    let label = "Text message body *";
    // In the smallest window, some 60 wrapped lines: the field grows past the editor's bottom.
    type_into(&mut h, label, &"word ".repeat(600));
    // The view scrolls smoothly to the cursor: let it get there.
    let _ = h.try_run();
    let in_view = |h: &H| {
        let field = h.get_by_label(label).rect();
        let view = app(h).editor_viewport().unwrap();
        // The cursor is at the end: the field's last line is what must show.
        view.top() < field.bottom() && field.bottom() <= view.bottom() + 1.0
    };
    assert!(in_view(&h), "after typing the text");
    for _ in 0..3 {
        h.get_by_label(label).type_text("more words ");
        h.step();
        assert_eq!(h.output().platform_output.num_completed_passes, 1);
    }
    let _ = h.try_run();
    assert!(in_view(&h), "after typing at its end");
    assert_eq!(body(&h).map(|b| b.len()), Some(3000 + 33));
}

#[test]
fn renaming_a_context_key_onto_another_is_an_error_at_that_field_and_blocks_saving() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("context.json");
    let text = r#"{"RcsMessageContent": {"Content": {"TextMessage": {"Body": "Hi"}}},
        "Context": {"campaign": "winter", "region": "eu"}}"#;
    std::fs::write(&file, text).unwrap();
    let mut h = harness(
        dir.path(),
        Some(file.clone()),
        ScriptedPicker::answering(&[]),
    );
    click(&mut h, "Delivery & fallback");
    // The second entry's key becomes the first one's.
    h.get_all_by_label("Key").nth(1).unwrap().focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(1);
    h.get_all_by_label("Key")
        .nth(1)
        .unwrap()
        .type_text("campaign");
    h.run_steps(3);
    let pairs = app(&h).doc.draft.request.context.clone().unwrap();
    assert_eq!(pairs.len(), 2, "both entries stay in the editor: {pairs:?}");
    let message = "Context key 'campaign' is already used by an earlier entry";
    let shown: Vec<egui::Rect> = h
        .get_all_by_label_contains(message)
        .map(|n| n.rect())
        .collect();
    // Once at the field (the Checks list below the editor names it too).
    let at_field: Vec<&egui::Rect> = shown
        .iter()
        .filter(|r| r.top() < h.get_by_label("➕ Add context entry").rect().top())
        .collect();
    assert_eq!(at_field.len(), 1, "{shown:?}");
    let second_key = h.get_all_by_label("Key").nth(1).unwrap().rect();
    assert!(
        at_field[0].top() >= second_key.bottom(),
        "the error is under the second key: {at_field:?} {second_key:?}"
    );
    // Saving would keep one of the two values: refused, the file is untouched.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    assert!(
        h.query_by_label_contains("Not saved: Context key 'campaign'")
            .is_some()
    );
    assert!(app(&h).is_dirty());
    // Sending is refused the same way: the for-send checks carry the error.
    assert!(
        app(&h)
            .send_request_issues()
            .iter()
            .any(|i| i.code == rcs_composer::rcs::Code::DuplicateKey && i.is_error())
    );
    // A fresh key clears it, and saving works again.
    h.get_all_by_label("Key").nth(1).unwrap().focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(1);
    h.get_all_by_label("Key")
        .nth(1)
        .unwrap()
        .type_text("country");
    h.run_steps(3);
    assert!(
        !app(&h)
            .doc
            .issues()
            .all
            .iter()
            .any(|i| i.code == rcs_composer::rcs::Code::DuplicateKey)
    );
    let add = h.get_by_label("➕ Add context entry").rect();
    assert!(
        h.get_all_by_label_contains(message)
            .all(|n| n.rect().top() > add.top()),
        "gone from the field (the status line still says why the save was refused)"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(!app(&h).is_dirty());
    let saved = templates::open(&file).unwrap().context.unwrap();
    assert_eq!(
        saved,
        [
            ("campaign".to_owned(), "winter".to_owned()),
            ("country".to_owned(), "eu".to_owned())
        ]
    );
}

#[test]
fn undo_takes_back_a_move_alone_then_the_typing_before_it() {
    let (_dir, mut h) = fresh();
    click(&mut h, "Carousel");
    click(&mut h, "Card 2");
    type_into(&mut h, "Card title", "Latte");
    click(&mut h, "◀ Move left");
    assert_eq!(cards(&h), vec![Some("Latte".into()), None]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(
        cards(&h),
        vec![None, Some("Latte".into())],
        "the first undo takes back only the move"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(cards(&h), vec![None, None], "the second the typing");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(
        app(&h).doc.draft.kind(),
        ContentKind::Text,
        "then the kind switch"
    );
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(2);
    assert_eq!(cards(&h), vec![Some("Latte".into()), None]);
}

#[test]
fn a_corrupt_settings_file_is_kept_aside_and_the_window_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).unwrap();
    let settings = config.join("settings.json");
    // Half a file, as a crash or a full disk leaves it, with a byte that is not UTF-8.
    let bytes: &[u8] = b"{\n  \"recent_files\": [\"/home/me/promo.json\"],\n  \"dark_pre\xe9";
    std::fs::write(&settings, bytes).unwrap();
    let mut h = harness(dir.path(), None, ScriptedPicker::answering(&[]));
    let copies: Vec<std::path::PathBuf> = std::fs::read_dir(&config)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("settings.json.corrupt-")
        })
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(
        std::fs::read(&copies[0]).unwrap(),
        bytes,
        "kept byte for byte"
    );
    assert!(h.query_by_label("Unreadable files kept aside").is_some());
    let copy = copies[0].display().to_string();
    // In the notice and in the status line.
    assert_eq!(
        h.get_all_by_label_contains(&copy).count(),
        2,
        "the window names the copy"
    );
    let original = format!("{} could not be read", settings.display());
    assert_eq!(h.get_all_by_label_contains(&original).count(), 2);
    // The app runs on defaults, and writing them leaves the copy alone.
    assert!(app(&h).settings.recent_files.is_empty());
    click(&mut h, "OK");
    type_into(&mut h, "Text message body *", "Hi");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    type_into(&mut h, "Template name", "promo");
    click(&mut h, "Save to library");
    settle(&mut h);
    assert!(settings.exists(), "the defaults were written anew");
    assert_eq!(std::fs::read(&copies[0]).unwrap(), bytes);
}

#[test]
fn an_mms_fallback_is_named_mms_and_not_counted_in_sms_segments() {
    let dir = tempfile::tempdir().unwrap();
    let file = examples().join("rich-card-winter-sale.json");
    let mut h = harness(dir.path(), Some(file), ScriptedPicker::answering(&[]));
    click(&mut h, "Delivery & fallback");
    assert!(
        h.query_by_label_contains("MMS: the text goes with the media as one message")
            .is_some()
    );
    assert!(h.query_by_label_contains("per segment").is_none());
    assert!(h.query_by_label("MMS fallback").is_some());
    assert!(h.query_by_label("SMS fallback").is_none());
    // An SMS fallback is counted in segments, and its toggle says SMS.
    let dir = tempfile::tempdir().unwrap();
    let file = examples().join("text-appointment-reminder.json");
    let mut h = harness(dir.path(), Some(file), ScriptedPicker::answering(&[]));
    click(&mut h, "Delivery & fallback");
    assert!(h.query_by_label_contains("per segment").is_some());
    assert!(h.query_by_label("SMS fallback").is_some());
}

#[test]
fn the_status_bar_says_when_the_draft_differs_from_its_file_and_drops_stale_notes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reminder.json");
    std::fs::copy(examples().join("text-appointment-reminder.json"), &file).unwrap();
    let mut h = harness(
        dir.path(),
        Some(file.clone()),
        ScriptedPicker::answering(&[]),
    );
    let shown = file.display().to_string();
    assert!(h.query_by_label(&shown).is_some());
    assert!(h.query_by_label_contains("Opened").is_some());
    h.get_by_label("Text message body *").focus();
    h.run_steps(1);
    h.get_by_label("Text message body *").type_text("!");
    h.run_steps(3);
    assert!(
        h.query_by_label(&format!("{shown} — unsaved changes"))
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Opened").is_none(),
        "the note about opening is stale once the draft changes"
    );
}

#[test]
fn the_preview_brings_the_card_being_edited_into_view() {
    let dir = tempfile::tempdir().unwrap();
    let coffee = examples().join("carousel-coffee-menu.json");
    let mut h = harness(dir.path(), Some(coffee), ScriptedPicker::answering(&[]));
    settle(&mut h);
    let window_right = 1280.0;
    let centre = |h: &H, n: usize| {
        h.get_by_label(&format!("Card {n} in the preview"))
            .rect()
            .center()
            .x
    };
    assert!(centre(&h, 1) < window_right);
    assert!(centre(&h, 5) > window_right, "card 5 starts out of view");
    h.get_by_label("Card 5").click();
    let _ = h.try_run();
    let preview_left = h.get_by_label("Preview").rect().left();
    assert!(
        (preview_left..window_right).contains(&centre(&h, 5)),
        "card 5 is in view"
    );
    // And back, to a card to the left.
    h.get_by_label("Card 2").click();
    let _ = h.try_run();
    assert!((preview_left..window_right).contains(&centre(&h, 2)));
}
