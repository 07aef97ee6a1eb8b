//! `cargo bench --bench startup_fonts`: what the bundled emoji font costs at start-up.
//! From a fresh `egui::Context` with its fonts set to the end of a first frame that lays out
//! and tessellates text with a line of emoji, once with egui's own fonts and once with the
//! app's (egui's plus Noto Emoji); and, for scale, the whole app's first frame (the app
//! created, the same emoji in the editor and on the phone; no GPU).
#![expect(clippy::unwrap_used, reason = "benchmark setup fails loudly")]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use rcs_composer::rcs::codec;
use rcs_composer::rcs::model::SendRcsMessageRequest;
use rcs_composer::ui::app::App;
use rcs_composer::ui::paths::AppPaths;
use rcs_composer::ui::workers::files::FilePicker;

struct NoDialogs;

impl FilePicker for NoDialogs {
    fn pick_open(&self, _: &Path) -> Option<PathBuf> {
        None
    }
    fn pick_save(&self, _: &Path, _: &str) -> Option<PathBuf> {
        None
    }
    fn pick_image(&self) -> Option<PathBuf> {
        None
    }
    fn pick_audience(&self, _: &Path) -> Option<PathBuf> {
        None
    }
}

fn message_with_emoji() -> SendRcsMessageRequest {
    let line = EMOJI_LINE;
    let doc = serde_json::json!({"RcsMessageContent": {
            "Content": {"TextMessage": {"Body": format!("{line}\nCoats -30% 🧥✨")}},
            "Suggestions": [{"Reply": {"Text": "👍 Yes please", "PostbackData": "yes"}}]},
        "FallbackConfiguration": {"Channel": "SMS", "MessageBody": line}});
    codec::from_value(&doc).request
}

const EMOJI_LINE: &str = "🧥 Sale ❄️ 😀🫫🛍️🎁 👍🏽 👨‍👩‍👧‍👦 🏳️‍🌈 🇺🇸🇯🇵 ❤️‍🔥 #️⃣ ©️";

fn screen() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..egui::RawInput::default()
    }
}

/// A fresh context with `fonts`, and a first frame of text, with a line of emoji or without.
fn fonts_first_frame(fonts: egui::FontDefinitions, emoji: bool) -> usize {
    let ctx = egui::Context::default();
    ctx.set_fonts(fonts);
    let mut out = ctx.run_ui(screen(), |ui| {
        ui.heading("Winter sale: 30% off coats");
        ui.label("Warm up with our bestselling down coats, this weekend only.");
        if emoji {
            ui.label(EMOJI_LINE);
            ui.monospace(EMOJI_LINE);
        }
    });
    out.textures_delta.clear();
    ctx.tessellate(out.shapes, out.pixels_per_point).len()
}

/// A fresh context and app (which installs the app's fonts), and its first frame.
fn app_first_frame(dir: &Path) -> usize {
    let ctx = egui::Context::default();
    let mut app = App::new(&ctx, AppPaths::under(dir), Arc::new(NoDialogs), None).unwrap();
    app.replace_document(message_with_emoji());
    let mut out = ctx.run_ui(screen(), |ui| app.ui(ui));
    out.textures_delta.clear();
    ctx.tessellate(out.shapes, out.pixels_per_point).len()
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("start-up to the first frame");
    group.sample_size(30);
    for (what, emoji) in [("text", false), ("text and emoji", true)] {
        group.bench_function(format!("{what}, egui's fonts"), |b| {
            b.iter(|| fonts_first_frame(egui::FontDefinitions::default(), emoji));
        });
        group.bench_function(format!("{what}, the app's fonts (+ Noto Emoji)"), |b| {
            b.iter(|| fonts_first_frame(rcs_composer::ui::fonts::definitions(), emoji));
        });
    }
    let dir = tempfile::tempdir().unwrap();
    group.bench_function("the whole app, with the app's fonts", |b| {
        b.iter(|| app_first_frame(dir.path()));
    });
    group.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
