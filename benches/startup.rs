//! `cargo bench --bench startup`: start-up to the first frame on screen, the composer beside an
//! empty eframe window with the same options (`rcs_composer::ui::app::native_options`). Target:
//! the composer within 50 ms of the empty window.
//!
//! Each sample starts a fresh process (this benchmark's own binary, told by an environment
//! variable which window to open) and times it from the spawn to the line the process prints
//! when its second frame begins: by then the first has been drawn and presented. Both windows
//! start with an empty home folder, so neither has a saved layout, settings or templates.
//! Needs a display: run it in a desktop session or under `xvfb-run`.
//!
//! Beside it, the time to the end of the first frame's layout (the window and its renderer
//! made, the app created with its fonts, the UI code run), before the renderer paints it. On
//! a machine without a GPU, Mesa's CPU rasterizer takes most of the rest painting the
//! composer's first frame, which is why the composer's panels are left unfilled on the
//! window's clear colour (`ui::app::window::panels_on_clear_colour`).
#![expect(clippy::unwrap_used, reason = "benchmark setup fails loudly")]

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode};
use rcs_composer::ui::app::{create, native_options};
use rcs_composer::ui::paths::AppPaths;

/// Which window a child process opens.
const CHILD: &str = "RCS_COMPOSER_STARTUP_CHILD";
/// What a child prints once its first frame is on screen.
const FIRST_FRAME: &str = "first frame";
/// What a child prints once its first frame is laid out, before it is painted.
const LAID_OUT: &str = "first frame laid out";

/// Wraps an app: at the start of the second frame, says so and closes the window.
struct FirstFrame<A> {
    app: A,
    /// The second frame has begun (and said so).
    said: bool,
    /// The first frame's layout has ended (and said so).
    laid_out: bool,
}

fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}").unwrap();
    out.flush().unwrap();
}

impl<A: eframe::App> eframe::App for FirstFrame<A> {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        // Frames, not calls: a frame that discards a pass calls this twice.
        if ui.ctx().cumulative_frame_nr() >= 1 && !self.said {
            self.said = true;
            say(FIRST_FRAME);
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.app.ui(ui, frame);
        // The last pass of the first frame: a discarded one is laid out again.
        if !self.laid_out && !ui.ctx().will_discard() {
            self.laid_out = true;
            say(LAID_OUT);
        }
        // The second frame is drawn at once, whether or not the app asks for one.
        ui.ctx().request_repaint();
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        self.app.clear_color(visuals)
    }
}

/// The empty window: nothing drawn but the background.
struct Empty;

impl eframe::App for Empty {
    fn ui(&mut self, _ui: &mut egui::Ui, _frame: &mut eframe::Frame) {}
}

/// In a child process: opens the window `which` names and runs it to its second frame.
fn child(which: &str) {
    let paths = AppPaths::from_env();
    let options = native_options(&paths);
    let result = if which == "app" {
        eframe::run_native(
            "rcs-composer",
            options,
            Box::new(move |cc| {
                Ok(Box::new(FirstFrame {
                    app: create(cc, paths, None, None)?,
                    said: false,
                    laid_out: false,
                }))
            }),
        )
    } else {
        eframe::run_native(
            "rcs-composer",
            options,
            Box::new(|_| {
                Ok(Box::new(FirstFrame {
                    app: Empty,
                    said: false,
                    laid_out: false,
                }))
            }),
        )
    };
    result.unwrap();
}

/// Starts a child that opens `which` with `home` as its home folder; the time until its first
/// frame is laid out, and until it is on screen.
fn time_to_first_frame(which: &str, home: &Path) -> (Duration, Duration) {
    let start = Instant::now();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .env(CHILD, which)
        .env("HOME", home)
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .env_remove("RCS_COMPOSER_LIBRARY")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let laid_out = lines
        .any(|line| line.is_ok_and(|l| l == LAID_OUT))
        .then(|| start.elapsed());
    let seen = lines.any(|line| line.is_ok_and(|l| l == FIRST_FRAME));
    let elapsed = start.elapsed();
    assert!(
        seen,
        "the {which} window showed no frame (is there a display?)"
    );
    // Its closing is not part of the start-up.
    let _ = child.kill();
    let _ = child.wait();
    (laid_out.unwrap(), elapsed)
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("start-up to the first frame on screen");
    // A sample is a whole process start (a few hundred milliseconds): the same small number
    // of starts in each sample, not criterion's growing counts.
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(2));
    group.measurement_time(Duration::from_secs(20));
    let mut laid_out = Vec::new();
    for (which, name) in [
        ("empty", "empty eframe window, same options"),
        ("app", "rcs-composer"),
    ] {
        let mut times = Vec::new();
        group.bench_function(name, |b| {
            b.iter_custom(|iterations| {
                (0..iterations)
                    .map(|_| {
                        let home = tempfile::tempdir().unwrap();
                        let (layout, on_screen) = time_to_first_frame(which, home.path());
                        times.push(layout);
                        on_screen
                    })
                    .sum()
            });
        });
        times.sort_unstable();
        laid_out.push((name, times[times.len() / 2], times.len()));
    }
    group.finish();
    for (name, median, starts) in laid_out {
        println!(
            "{name}: first frame laid out (before painting) after {median:?}, median of {starts} starts"
        );
    }
}

fn main() {
    if let Ok(which) = std::env::var(CHILD) {
        child(&which);
        return;
    }
    let has_display = ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|d| !d.is_empty()));
    if !has_display {
        println!("start-up: skipped, no display (run it under xvfb-run)");
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    startup(&mut c);
    c.final_summary();
}
