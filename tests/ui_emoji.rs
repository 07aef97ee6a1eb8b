//! Emoji in the real window: typed into the editor, they show in the field and on the phone.
//! The harness fails on any character no font can draw, and the snapshot shows how they look.
#![expect(clippy::unwrap_used, reason = "tests fail loudly by design")]

mod support;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rcs_composer::ui::app::{App, EframeApp};
use rcs_composer::ui::paths::AppPaths;
use support::{ScriptedPicker, app, settle};

/// Single code points old and new (🧥, 🫫 of Unicode 18), a variation selector, a skin tone,
/// ZWJ sequences (a family, a rainbow flag, a heart on fire), flags, a keycap and ©️.
const EMOJI_LINE: &str = "🧥 Sale ❄️ 😀🫫🛍️🎁 👍🏽 👨‍👩‍👧‍👦 🏳️‍🌈 🇺🇸🇯🇵 ❤️‍🔥 #️⃣ ©️";

#[test]
fn emoji_typed_into_the_editor_show_in_the_field_and_on_the_phone() {
    let dir = tempfile::tempdir().unwrap();
    let paths = AppPaths::under(dir.path());
    let picker = ScriptedPicker::answering(&[]);
    let mut h = Harness::builder()
        .with_size([1280.0, 720.0])
        .wgpu()
        .build_eframe(move |cc| EframeApp(App::new(&cc.egui_ctx, paths, picker, None).unwrap()));
    settle(&mut h);

    let body = "Text message body *";
    h.get_by_label(body).focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(1);
    h.get_by_label(body)
        .type_text(&format!("{EMOJI_LINE} Coats -30% 🧥✨"));
    h.run_steps(3);
    let typed = app(&h)
        .doc
        .draft
        .content()
        .and_then(|c| c.text_message.as_ref())
        .and_then(|t| t.body.clone());
    assert_eq!(
        typed.as_deref(),
        Some(&*format!("{EMOJI_LINE} Coats -30% 🧥✨"))
    );
    // Unfocus, so that no blinking cursor makes the picture depend on timing.
    h.key_press(Key::Escape);
    h.run_steps(3);
    // The library's folder is a fresh temporary one in each run, its name as long as it
    // happens to be: mask the line up to the panel's edge.
    let folder = h.get_by_label_contains("/library").rect();
    h.mask(egui::Rect::from_min_size(
        folder.min,
        egui::vec2(200.0, folder.height()),
    ));
    h.snapshot("window_emoji");
}
