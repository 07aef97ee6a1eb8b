//! Shared helpers for the UI tests: a harness over the real app with its folders in a
//! temporary directory and scripted file dialogs.
// `allow`, not `expect`: `dead_code` fires in some test binaries and not in others.
#![allow(
    dead_code,
    reason = "each test binary uses a different part of the helpers"
)]

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use rcs_composer::ui::app::{App, EframeApp};
use rcs_composer::ui::paths::AppPaths;
use rcs_composer::ui::workers::files::FilePicker;

/// File dialogs that answer from a script; an empty script answers "nothing" at once,
/// which is what a machine without a desktop portal does.
#[derive(Default)]
pub struct ScriptedPicker {
    answers: Mutex<VecDeque<PathBuf>>,
}

impl ScriptedPicker {
    pub fn answering(paths: &[PathBuf]) -> Arc<Self> {
        Arc::new(Self {
            answers: Mutex::new(paths.iter().cloned().collect()),
        })
    }

    fn next(&self) -> Option<PathBuf> {
        let answer = self.answers.lock().unwrap().pop_front();
        if answer.is_some() {
            // A real dialog takes a moment; an instant "nothing" means no dialog was shown.
            std::thread::sleep(Duration::from_millis(300));
        }
        answer
    }
}

impl FilePicker for ScriptedPicker {
    fn pick_open(&self, _folder: &Path) -> Option<PathBuf> {
        self.next()
    }
    fn pick_save(&self, _folder: &Path, _name: &str) -> Option<PathBuf> {
        self.next()
    }
    fn pick_image(&self) -> Option<PathBuf> {
        self.next()
    }
    fn pick_audience(&self, _folder: &Path) -> Option<PathBuf> {
        self.next()
    }
}

pub fn harness(
    root: &Path,
    file: Option<PathBuf>,
    picker: Arc<ScriptedPicker>,
) -> Harness<'static, EframeApp> {
    harness_sized(root, file, picker, [1280.0, 860.0])
}

/// [`harness`] with a window of `size` points.
pub fn harness_sized(
    root: &Path,
    file: Option<PathBuf>,
    picker: Arc<ScriptedPicker>,
    size: [f32; 2],
) -> Harness<'static, EframeApp> {
    let paths = AppPaths::under(root);
    let mut harness = Harness::builder()
        .with_size(size)
        .build_eframe(move |cc| EframeApp(App::new(&cc.egui_ctx, paths, picker, file).unwrap()));
    settle(&mut harness);
    harness
}

/// Steps until every background job has answered and the UI is still.
pub fn settle(harness: &mut Harness<'static, EframeApp>) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        harness.run_steps(2);
        if harness.state().0.pending_jobs() == 0 {
            break;
        }
        assert!(Instant::now() < deadline, "background jobs did not finish");
        std::thread::sleep(Duration::from_millis(10));
    }
    // A worker asks for a repaint just after handing over its result: let that land.
    std::thread::sleep(Duration::from_millis(30));
    harness.run_steps(3);
}

pub fn app<'h>(harness: &'h Harness<'static, EframeApp>) -> &'h App {
    &harness.state().0
}

pub fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples")
}
