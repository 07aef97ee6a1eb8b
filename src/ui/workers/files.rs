//! Background work for the window: file I/O, image decoding and file dialogs never run on
//! the UI thread. Jobs go to a named worker thread; results come back through a bounded
//! channel followed by a repaint request, and the frame drains them with `try_recv`.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::time::{Duration, Instant};

use crate::rcs::model::SendRcsMessageRequest;
use crate::templates::{self, LibraryEntry, OpenError};
use crate::ui::campaign::scan::{self, ScanError, ScanProgress, ScanRequest, Scanned};
use crate::ui::kept_aside;
use crate::ui::media;
use crate::ui::paths::AppPaths;
use crate::ui::settings::{Autosave, MediaMap, Settings};
use crate::ui::workers::worker::{Worker, send};

/// Why a file dialog was opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickPurpose {
    Open,
    SaveAs,
    /// Attach a local image to this media URL.
    Attach {
        url: String,
    },
    /// Choose an audience CSV file.
    Audience,
    /// Choose the logo of the brand profile being edited.
    BrandLogo,
}

/// What to do once a save finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterSave {
    Nothing,
    /// The user saved from the "unsaved changes" prompt; carry on with what they asked.
    Continue,
}

#[derive(Debug)]
pub enum Job {
    LoadState,
    Open(PathBuf),
    Save {
        path: PathBuf,
        request: Box<SendRcsMessageRequest>,
        then: AfterSave,
    },
    ListLibrary,
    Duplicate {
        from: PathBuf,
        to: PathBuf,
    },
    Rename {
        from: PathBuf,
        to: PathBuf,
    },
    Delete(PathBuf),
    WriteSettings(Settings),
    WriteMediaMap(MediaMap),
    WriteAutosave(Box<Autosave>),
    ClearAutosave,
    Decode {
        url: String,
        path: PathBuf,
    },
}

impl Job {
    /// True for a job that changes files: it still runs when the window closes.
    fn writes(&self) -> bool {
        match self {
            Job::Save { .. }
            | Job::Duplicate { .. }
            | Job::Rename { .. }
            | Job::Delete(_)
            | Job::WriteSettings(_)
            | Job::WriteMediaMap(_)
            | Job::WriteAutosave(_)
            | Job::ClearAutosave => true,
            Job::LoadState | Job::Open(_) | Job::ListLibrary | Job::Decode { .. } => false,
        }
    }
}

#[derive(Debug)]
pub enum Done {
    State {
        settings: Box<Settings>,
        media: MediaMap,
        autosave: Option<Box<Autosave>>,
        /// State files that could not be read and were kept aside, in words for the user.
        notices: Vec<String>,
    },
    Opened {
        path: PathBuf,
        result: Result<Box<SendRcsMessageRequest>, OpenError>,
        /// The file's text when it was read but does not open: the repair view shows it.
        text: Option<String>,
    },
    Saved {
        path: PathBuf,
        result: Result<(), String>,
        then: AfterSave,
    },
    Library(Result<Vec<LibraryEntry>, String>),
    /// A library operation finished: a message for the status line, or an error.
    LibraryChanged(Result<String, String>),
    Decoded {
        url: String,
        path: PathBuf,
        result: Result<Box<media::Decoded>, String>,
    },
    Picked {
        purpose: PickPurpose,
        path: Option<PathBuf>,
        /// A dialog that answers "nothing" at once was never shown (no desktop portal).
        elapsed: Duration,
    },
    /// A background write (settings, autosave, media map) finished.
    Written,
    /// A background write failed: shown, never fatal.
    WriteFailed(String),
    /// How far the audience scan of this generation got (not an answer: more follows).
    AudienceProgress {
        generation: u64,
        progress: ScanProgress,
    },
    /// The audience scan of this generation ended; `None` when it was cancelled.
    AudienceScanned {
        generation: u64,
        result: Option<Result<Box<Scanned>, ScanError>>,
    },
}

/// Shows native file dialogs. A trait so tests can script the answers.
pub trait FilePicker: Send + Sync {
    fn pick_open(&self, folder: &std::path::Path) -> Option<PathBuf>;
    fn pick_save(&self, folder: &std::path::Path, name: &str) -> Option<PathBuf>;
    fn pick_image(&self) -> Option<PathBuf>;
    fn pick_audience(&self, folder: &std::path::Path) -> Option<PathBuf>;
}

/// rfd's dialogs (the XDG desktop portal on Linux).
pub struct RfdPicker;

impl FilePicker for RfdPicker {
    fn pick_open(&self, folder: &std::path::Path) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open template")
            .add_filter("RCS template", &["json"])
            .set_directory(folder)
            .pick_file()
    }
    fn pick_save(&self, folder: &std::path::Path, name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Save template as")
            .add_filter("RCS template", &["json"])
            .set_directory(folder)
            .set_file_name(name)
            .save_file()
    }
    fn pick_image(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Attach a local image for the preview")
            .add_filter("Images", &["png", "jpg", "jpeg", "gif", "webp", "bmp"])
            .pick_file()
    }
    fn pick_audience(&self, folder: &std::path::Path) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open audience")
            .add_filter("Audience (CSV)", &["csv", "tsv", "txt"])
            .set_directory(folder)
            .pick_file()
    }
}

/// The UI side of the workers.
pub struct Jobs {
    io: Worker<Job>,
    decode: Worker<Job>,
    done_tx: SyncSender<Done>,
    done: Receiver<Done>,
    ctx: egui::Context,
    picker: Arc<dyn FilePicker>,
    pending: usize,
}

/// Results waiting for the UI; a full channel makes workers wait rather than drop results.
const DONE_CAPACITY: usize = 64;

impl Jobs {
    #[must_use]
    pub fn start(ctx: &egui::Context, paths: AppPaths, picker: Arc<dyn FilePicker>) -> Self {
        let (done_tx, done) = mpsc::sync_channel(DONE_CAPACITY);
        let io = spawn_worker("rcs-io", ctx.clone(), done_tx.clone(), paths.clone());
        let decode = spawn_worker("rcs-decode", ctx.clone(), done_tx.clone(), paths);
        Self {
            io,
            decode,
            done_tx,
            done,
            ctx: ctx.clone(),
            picker,
            pending: 0,
        }
    }

    pub fn submit(&mut self, job: Job) {
        let queue = if matches!(job, Job::Decode { .. }) {
            &self.decode
        } else {
            &self.io
        };
        if queue.submit(job) {
            self.pending += 1;
        }
    }

    /// Opens a file dialog on its own thread (dialogs block until the user answers).
    pub fn pick(&mut self, purpose: PickPurpose, folder: PathBuf, name: String) {
        let picker = Arc::clone(&self.picker);
        let tx = self.done_tx.clone();
        let ctx = self.ctx.clone();
        self.pending += 1;
        let spawned = std::thread::Builder::new()
            .name("rcs-dialog".into())
            .spawn(move || {
                let started = Instant::now();
                let path = match &purpose {
                    PickPurpose::Open => picker.pick_open(&folder),
                    PickPurpose::SaveAs => picker.pick_save(&folder, &name),
                    PickPurpose::Attach { .. } | PickPurpose::BrandLogo => picker.pick_image(),
                    PickPurpose::Audience => picker.pick_audience(&folder),
                };
                let elapsed = started.elapsed();
                let _ = tx.send(Done::Picked {
                    purpose,
                    path,
                    elapsed,
                });
                ctx.request_repaint();
            });
        if spawned.is_err() {
            self.pending -= 1;
        }
    }

    /// Reads and checks an audience file on its own thread, reporting progress, until done
    /// or `cancel` is set. Not on the I/O worker: a million-row scan takes seconds, and saves
    /// and settings must not wait behind it.
    pub fn scan(&mut self, request: ScanRequest, cancel: Arc<AtomicBool>) {
        let tx = self.done_tx.clone();
        let ctx = self.ctx.clone();
        self.pending += 1;
        let spawned = std::thread::Builder::new()
            .name("rcs-audience".into())
            .spawn(move || {
                let generation = request.generation;
                let mut report = |progress: ScanProgress| {
                    // Progress is best effort: a full channel drops it rather than wait.
                    if tx
                        .try_send(Done::AudienceProgress {
                            generation,
                            progress,
                        })
                        .is_ok()
                    {
                        ctx.request_repaint();
                    }
                };
                let result = scan::scan(&request, &cancel, &mut report).map(|r| r.map(Box::new));
                if send(&tx, Done::AudienceScanned { generation, result }) {
                    ctx.request_repaint();
                }
            });
        if spawned.is_err() {
            self.pending -= 1;
        }
    }

    /// The next finished result, without waiting.
    pub fn poll(&mut self) -> Option<Done> {
        let done = self.done.try_recv().ok()?;
        if !matches!(done, Done::AudienceProgress { .. }) {
            self.pending = self.pending.saturating_sub(1);
        }
        Some(done)
    }

    /// Jobs submitted and not yet answered (for progress indicators and tests).
    #[must_use]
    pub fn pending(&self) -> usize {
        self.pending
    }
}

fn spawn_worker(
    name: &str,
    ctx: egui::Context,
    tx: SyncSender<Done>,
    paths: AppPaths,
) -> Worker<Job> {
    Worker::spawn(name, ctx, tx, move |job| run(job, &paths), Job::writes)
}

/// How long a closing window waits for the writes it asked for.
const FLUSH_LIMIT: Duration = Duration::from_secs(5);

impl Drop for Jobs {
    /// The window is closing: the writes already asked for reach the disk before the process
    /// ends (within [`FLUSH_LIMIT`]; every write is atomic, so one cut short leaves the old
    /// file whole). Reads and decodes still queued are skipped.
    fn drop(&mut self) {
        self.io.close();
        self.decode.close();
        let deadline = Instant::now() + FLUSH_LIMIT;
        while !self.io.is_finished() && Instant::now() < deadline {
            // A worker waiting on a full result channel goes on once there is room.
            while self.done.try_recv().is_ok() {}
            std::thread::sleep(Duration::from_millis(1));
        }
    }
}

fn write_json<T: serde::Serialize>(path: &std::path::Path, value: &T) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    templates::write_atomic(path, text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Reads the settings, the media map and the autosave. An unreadable one is kept aside (never
/// overwritten by the defaults that replace it) and named in a notice.
fn load_state(paths: &AppPaths) -> Done {
    let now = jiff::Timestamp::now();
    let settings = kept_aside::read_json(&paths.settings_file(), now);
    let media = kept_aside::read_json(&paths.media_map_file(), now);
    let autosave = kept_aside::read_json(&paths.autosave_file(), now);
    let notices = [&settings.notice, &media.notice, &autosave.notice]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    Done::State {
        settings: Box::new(settings.value.unwrap_or_default()),
        media: media.value.unwrap_or_default(),
        autosave: autosave.value.map(Box::new),
        notices,
    }
}

fn run(job: Job, paths: &AppPaths) -> Done {
    match job {
        Job::LoadState => load_state(paths),
        Job::Open(path) => {
            let result = templates::open(&path).map(Box::new);
            let text = result
                .is_err()
                .then(|| templates::read_text(&path).ok())
                .flatten();
            Done::Opened { path, result, text }
        }
        Job::Save {
            path,
            request,
            then,
        } => {
            let result = path
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| templates::save(&path, &request))
                .map_err(|e| format!("Could not save {}: {e}", path.display()));
            Done::Saved { path, result, then }
        }
        Job::ListLibrary => Done::Library(
            templates::list_library(&paths.library)
                .map_err(|e| format!("Cannot list {}: {e}", paths.library.display())),
        ),
        Job::Duplicate { from, to } => Done::LibraryChanged(library_copy(&from, &to)),
        Job::Rename { from, to } => Done::LibraryChanged(if to.exists() {
            Err(format!("{} already exists.", to.display()))
        } else {
            std::fs::rename(&from, &to)
                .map(|()| format!("Renamed to {}.", file_stem(&to)))
                .map_err(|e| format!("Could not rename {}: {e}", from.display()))
        }),
        Job::Delete(path) => Done::LibraryChanged(
            std::fs::remove_file(&path)
                .map(|()| format!("Deleted {}.", file_stem(&path)))
                .map_err(|e| format!("Could not delete {}: {e}", path.display())),
        ),
        Job::WriteSettings(settings) => write_result(write_json(&paths.settings_file(), &settings)),
        Job::WriteMediaMap(map) => write_result(write_json(&paths.media_map_file(), &map)),
        Job::WriteAutosave(autosave) => write_result(write_json(&paths.autosave_file(), &autosave)),
        Job::ClearAutosave => {
            let path = paths.autosave_file();
            write_result(match std::fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    Err(format!("cannot remove {}: {e}", path.display()))
                }
                _ => Ok(()),
            })
        }
        Job::Decode { url, path } => {
            let result = media::decode(&path).map(Box::new);
            Done::Decoded { url, path, result }
        }
    }
}

fn write_result(result: Result<(), String>) -> Done {
    match result {
        Ok(()) => Done::Written,
        Err(e) => Done::WriteFailed(e),
    }
}

fn file_stem(path: &std::path::Path) -> String {
    path.file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
}

fn library_copy(from: &std::path::Path, to: &std::path::Path) -> Result<String, String> {
    if to.exists() {
        return Err(format!("{} already exists.", to.display()));
    }
    let text =
        std::fs::read(from).map_err(|e| format!("Could not read {}: {e}", from.display()))?;
    templates::write_atomic(to, &text)
        .map_err(|e| format!("Could not write {}: {e}", to.display()))?;
    Ok(format!("Duplicated as {}.", file_stem(to)))
}

#[cfg(test)]
mod tests {
    use super::*;

    struct NoPicker;

    impl FilePicker for NoPicker {
        fn pick_open(&self, _: &std::path::Path) -> Option<PathBuf> {
            None
        }
        fn pick_save(&self, _: &std::path::Path, _: &str) -> Option<PathBuf> {
            None
        }
        fn pick_image(&self) -> Option<PathBuf> {
            None
        }
        fn pick_audience(&self, _: &std::path::Path) -> Option<PathBuf> {
            None
        }
    }

    #[test]
    fn the_settings_last_asked_for_are_on_disk_once_the_window_has_closed() {
        let dir = tempfile::tempdir().unwrap();
        let paths = AppPaths::under(dir.path());
        let mut jobs = Jobs::start(&egui::Context::default(), paths.clone(), Arc::new(NoPicker));
        jobs.submit(Job::ListLibrary);
        let mut settings = Settings::default();
        for i in 0..40 {
            settings.recipient = Some(format!("+1206555{i:04}"));
            jobs.submit(Job::WriteSettings(settings.clone()));
        }
        // Closed at once, no result read: as when the window closes right after a change.
        drop(jobs);
        let on_disk: Settings =
            serde_json::from_str(&std::fs::read_to_string(paths.settings_file()).unwrap()).unwrap();
        assert_eq!(on_disk.recipient.as_deref(), Some("+12065550039"));
    }
}
