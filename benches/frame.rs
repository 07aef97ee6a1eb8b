//! `cargo bench --bench frame`: one full UI frame (library, editor and phone preview; layout
//! and tessellation, no GPU) with the largest legal message. Targets: p50 ≤ 1 ms, p99 ≤ 4 ms.
//! The keystroke frame: a character typed into a field of that message (the edit, the
//! validator, the problem list and the preview's new layout, in the frame that shows them):
//! p99 ≤ 2 ms. And switching the preview's audience row: the command (one seek and read of the
//! row, the template filled in and checked) plus the frame that shows it, under one frame
//! (16.7 ms).
#![expect(clippy::unwrap_used, reason = "benchmark setup fails loudly")]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use rcs_composer::rcs::path::{Member, PathBuf as MemberPath};
use rcs_composer::rcs::samples::largest_legal_message;
use rcs_composer::ui::app::App;
use rcs_composer::ui::command::Command;
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

fn input(frame: u32) -> egui::RawInput {
    input_with(frame, Vec::new())
}

/// A frame's input with `events` after the pointer's move.
fn input_with(frame: u32, mut events: Vec<egui::Event>) -> egui::RawInput {
    events.insert(
        0,
        // The pointer moves over the editor each frame, as while a user works.
        egui::Event::PointerMoved(egui::pos2(
            400.0 + f32::from(u16::try_from(frame % 200).unwrap_or(0)),
            300.0,
        )),
    );
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        time: Some(f64::from(frame) / 60.0),
        events,
        ..egui::RawInput::default()
    }
}

/// Runs one frame and tessellates it; returns the number of clipped primitives.
fn frame(ctx: &egui::Context, app: &mut App, n: u32) -> usize {
    frame_with(ctx, app, input(n))
}

/// Runs one frame on `input` (every pass egui asks for) and tessellates it.
fn frame_with(ctx: &egui::Context, app: &mut App, input: egui::RawInput) -> usize {
    let mut out = ctx.run_ui(input, |ui| app.ui(ui));
    out.textures_delta.clear();
    ctx.tessellate(out.shapes, out.pixels_per_point).len()
}

/// The key press of a letter or of Backspace, as the window system sends it: a letter comes
/// as its key's press and its text; the key pressed the frame before is let go.
fn keystroke(n: u32, key: Option<char>) -> egui::RawInput {
    let press = |key: egui::Key, pressed: bool| egui::Event::Key {
        key,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    };
    let events = match key {
        Some(c) => vec![
            press(egui::Key::Backspace, false),
            press(letter_key(c), true),
            egui::Event::Text(c.to_string()),
        ],
        // The letter's key was pressed in the frame before; which one does not matter here.
        None => vec![
            press(egui::Key::A, false),
            press(egui::Key::Backspace, true),
        ],
    };
    input_with(n, events)
}

/// The key of a lower-case letter.
fn letter_key(c: char) -> egui::Key {
    egui::Key::from_name(&c.to_ascii_uppercase().to_string()).unwrap()
}

/// The letter typed in frame `n`: a different one each time, a-z over and over, so that each
/// typed text is new (egui keeps the layout of a text only while a frame uses it, and a text
/// seen 52 frames ago is laid out again, as a new one would be).
fn letter(n: u32) -> char {
    char::from(b'a' + u8::try_from(n / 2 % 26).unwrap())
}

/// A character typed into the fifth card's description (2,000 characters, the longest text
/// of the largest legal message) and into its title (200), each then taken back with
/// Backspace (so the message stays the same size), each in its own frame.
fn keystroke_frame(c: &mut Criterion) {
    keystroke_into(c, Member::Description, "description (2000 characters)");
    keystroke_into(c, Member::Title, "title (200 characters)");
}

/// [`keystroke_frame`] into the fifth card's `member`, named `name`.
fn keystroke_into(c: &mut Criterion, member: Member, name: &str) {
    let dir = tempfile::tempdir().unwrap();
    let ctx = egui::Context::default();
    let mut app = App::new(&ctx, AppPaths::under(dir.path()), Arc::new(NoDialogs), None).unwrap();
    app.replace_document(largest_legal_message());
    let field = MemberPath::of(&[
        Member::RcsMessageContent,
        Member::Content,
        Member::Carousel,
        Member::CardContents,
    ])
    .with_index(4)
    .with(member);
    app.apply(&ctx, Command::Jump(field.as_str().to_owned()), false);
    for n in 0..30 {
        frame(&ctx, &mut app, n);
    }
    // The keystrokes must reach the field, or this would time frames that change nothing.
    let before = app.doc.draft.request.clone();
    frame_with(&ctx, &mut app, keystroke(30, Some('x')));
    assert_ne!(
        app.doc.draft.request, before,
        "the typed character reached the field"
    );
    frame_with(&ctx, &mut app, keystroke(31, None));
    assert_eq!(app.doc.draft.request, before, "Backspace took it back");
    let mut out = ctx.run_ui(keystroke(32, Some('x')), |ui| app.ui(ui));
    assert_eq!(
        out.platform_output.num_completed_passes, 1,
        "a keystroke frame is laid out once"
    );
    out.textures_delta.clear();
    frame_with(&ctx, &mut app, keystroke(33, None));
    let mut n = 34;
    let step = |app: &mut App, n: u32| {
        let key = n.is_multiple_of(2).then(|| letter(n));
        frame_with(&ctx, app, keystroke(n, key))
    };
    c.bench_function(
        &format!("keystroke frame, largest legal message, card {name}"),
        |b| {
            b.iter(|| {
                n += 1;
                step(&mut app, n)
            });
        },
    );
    // Even frame numbers type, odd ones take back: going on from the next even number keeps
    // the message within one character of the largest legal one.
    let from = n + 2 - n % 2;
    let times = time_each(0..4000, |i| step(&mut app, from + i));
    let typed: Vec<Duration> = times.iter().step_by(2).copied().collect();
    let (p50, p99, max) = percentiles(times);
    println!(
        "keystroke frame, card {name}, over 4000 keystrokes (typed and Backspace): p50 {p50:?}, p99 {p99:?}, max {max:?}"
    );
    // What the target is about: a character typed (Backspace gives back a text the frame
    // before has laid out).
    let (p50, p99, max) = percentiles(typed);
    println!(
        "keystroke frame, card {name}, over the 2000 typed characters: p50 {p50:?}, p99 {p99:?}, max {max:?}"
    );
}

fn full_frame(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let ctx = egui::Context::default();
    let mut app = App::new(&ctx, AppPaths::under(dir.path()), Arc::new(NoDialogs), None).unwrap();
    app.replace_document(largest_legal_message());
    for n in 0..30 {
        frame(&ctx, &mut app, n);
    }
    let mut n = 30;
    c.bench_function("full UI frame, largest legal message", |b| {
        b.iter(|| {
            n += 1;
            frame(&ctx, &mut app, n)
        });
    });
    // Percentiles over single frames, which criterion's means do not show.
    let mut times: Vec<Duration> = (0..2000)
        .map(|i| {
            let start = Instant::now();
            frame(&ctx, &mut app, n + i);
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    let p = |q: f64| {
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss,
            reason = "an index into a short list of samples"
        )]
        let i = ((times.len() as f64 - 1.0) * q) as usize;
        times[i]
    };
    println!(
        "full UI frame over {} frames: p50 {:?}, p99 {:?}, max {:?}",
        times.len(),
        p(0.50),
        p(0.99),
        p(1.0)
    );
}

/// The time of each call of `run`, one per item of `items`.
fn time_each(items: impl Iterator<Item = u32>, mut run: impl FnMut(u32) -> usize) -> Vec<Duration> {
    items
        .map(|i| {
            let start = Instant::now();
            std::hint::black_box(run(i));
            start.elapsed()
        })
        .collect()
}

/// p50, p99 and max of single samples.
fn percentiles(mut times: Vec<Duration>) -> (Duration, Duration, Duration) {
    times.sort_unstable();
    let p = |q: f64| {
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss,
            reason = "an index into a short list of samples"
        )]
        let i = ((times.len() as f64 - 1.0) * q) as usize;
        times[i]
    };
    (p(0.50), p(0.99), p(1.0))
}

fn switch_row(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples");
    let ctx = egui::Context::default();
    let mut app = App::new(
        &ctx,
        AppPaths::under(dir.path()),
        Arc::new(NoDialogs),
        Some(examples.join("rich-card-winter-sale-personal.json")),
    )
    .unwrap();
    let mut n = 0;
    // Open the template, then the audience, and wait for the scan (background threads).
    let deadline = Instant::now() + Duration::from_secs(30);
    while app.pending_jobs() > 0
        || app
            .doc
            .draft
            .content()
            .and_then(|c| c.rich_card.as_ref())
            .is_none()
    {
        assert!(Instant::now() < deadline, "the template did not open");
        frame(&ctx, &mut app, n);
        n += 1;
        std::thread::sleep(Duration::from_millis(5));
    }
    app.apply(
        &ctx,
        Command::LoadAudience(examples.join("audience-winter-sale.csv")),
        false,
    );
    while app.campaign.rows() == 0 || app.pending_jobs() > 0 {
        assert!(Instant::now() < deadline, "the audience was not read");
        frame(&ctx, &mut app, n);
        n += 1;
        std::thread::sleep(Duration::from_millis(5));
    }
    let rows = app.campaign.rows();
    for _ in 0..30 {
        frame(&ctx, &mut app, n);
        n += 1;
    }
    let step = |app: &mut App, n: u32| {
        let next = app.campaign.row % rows + 1;
        app.apply(&ctx, Command::GoToRow(next), false);
        frame(&ctx, app, n)
    };
    c.bench_function("switch preview row (command + frame)", |b| {
        b.iter(|| {
            n += 1;
            step(&mut app, n)
        });
    });
    let (p50, p99, max) = percentiles(time_each(0..2000, |i| step(&mut app, n + i)));
    println!(
        "switch preview row (command + frame) over 2000 switches: p50 {p50:?}, p99 {p99:?}, max {max:?}"
    );
}

criterion_group!(benches, full_frame, keystroke_frame, switch_row);
criterion_main!(benches);
