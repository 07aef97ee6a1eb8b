//! Results of background jobs, applied on the UI thread.

use super::{App, Dialog};
use crate::ui::command::Command;
use crate::ui::views::repair::RepairState;
use crate::ui::workers::files::{AfterSave, Done, Job, PickPurpose};

/// A dialog that answered "nothing" faster than this was never shown to the user.
const NO_DIALOG_SECONDS: f64 = 0.25;

impl App {
    pub(super) fn on_done(&mut self, ctx: &egui::Context, done: Done) {
        match done {
            Done::State {
                settings,
                media,
                autosave,
                notices,
            } => {
                let before = self.connection();
                self.settings = *settings;
                if self.connection() != before {
                    self.connection_replaced();
                }
                // The test phone from settings is part of the request as it would be sent.
                self.refresh();
                if self.settings.connection.is_none() {
                    self.net.submit(crate::ui::workers::net::NetJob::Probe);
                }
                self.media_map = media;
                self.reattach_media();
                if let Some(autosave) = autosave
                    && self.dialog.is_none()
                {
                    self.dialog = Some(Dialog::Recover(autosave));
                }
                self.tell_kept_aside(&notices);
            }
            Done::Opened { path, result, text } => match result {
                Ok(request) => {
                    let request = *request;
                    self.load_document(request.clone(), Some(path.clone()), request);
                    self.settings.touch_recent(&path);
                    self.jobs.submit(Job::WriteSettings(self.settings.clone()));
                    self.status = Some((format!("Opened {}.", self.name()), false));
                }
                // The current draft is left exactly as it was.
                Err(e) => match text {
                    // Text that does not open: offered for repair.
                    Some(text) => {
                        self.status = Some((
                            format!(
                                "{} cannot be opened as it is: repair it, or Cancel.",
                                path.display()
                            ),
                            true,
                        ));
                        self.repair = Some(RepairState::new(path, text));
                    }
                    None => {
                        self.dialog = Some(Dialog::OpenFailed {
                            path,
                            issues: e.issues,
                        });
                    }
                },
            },
            Done::Saved { path, result, then } => self.on_saved(ctx, path, result, then),
            Done::Library(result) => self.library.set_entries(result),
            Done::LibraryChanged(result) => {
                match result {
                    Ok(message) => self.status = Some((message, false)),
                    Err(e) => self.status = Some((e, true)),
                }
                self.jobs.submit(Job::ListLibrary);
            }
            Done::Decoded { url, path, result } => self.media.finish(ctx, &url, &path, result),
            Done::Picked {
                purpose,
                path,
                elapsed,
            } => self.on_picked(ctx, purpose, path, elapsed.as_secs_f64()),
            Done::AudienceProgress {
                generation,
                progress,
            } => self.on_audience_progress(generation, progress),
            Done::AudienceScanned { generation, result } => {
                self.on_audience_scanned(generation, result);
            }
            Done::Written => {}
            Done::WriteFailed(e) => self.status = Some((e, true)),
        }
    }

    fn on_saved(
        &mut self,
        ctx: &egui::Context,
        path: std::path::PathBuf,
        result: Result<(), String>,
        then: AfterSave,
    ) {
        if let Err(e) = result {
            self.doc.end_save(Err(()));
            self.after_guard = None;
            self.dialog = Some(Dialog::Message {
                title: "Not saved".into(),
                text: format!("{e}\n\nYour draft is unchanged; try another folder or name."),
            });
            return;
        }
        let old_key = self.template_key();
        self.settings.touch_recent(&path);
        // What was written, not the draft now: edits made during the save stay dirty.
        self.doc.end_save(Ok(path));
        let new_key = self.template_key();
        if old_key != new_key {
            self.media_map.rename(&old_key, &new_key);
            self.jobs.submit(Job::WriteMediaMap(self.media_map.clone()));
            // Sample values belong to the template wherever it is saved (written below).
            self.settings.rename_samples(&old_key, &new_key);
        }
        self.jobs.submit(Job::WriteSettings(self.settings.clone()));
        self.jobs.submit(Job::ClearAutosave);
        self.jobs.submit(Job::ListLibrary);
        self.refresh();
        self.status = Some((format!("Saved {}.", self.name()), false));
        if then == AfterSave::Continue
            && let Some(command) = self.after_guard.take()
        {
            self.apply(ctx, command, true);
        }
    }

    fn on_picked(
        &mut self,
        ctx: &egui::Context,
        purpose: PickPurpose,
        path: Option<std::path::PathBuf>,
        seconds: f64,
    ) {
        let Some(path) = path else {
            if seconds < NO_DIALOG_SECONDS {
                self.dialog = Some(Dialog::NoFileDialog {
                    purpose,
                    name: self.name(),
                    error: None,
                });
            } else {
                // The user cancelled; a guarded command waits no more.
                self.after_guard = None;
            }
            return;
        };
        match purpose {
            PickPurpose::Open => self.apply(ctx, Command::OpenPath(path), true),
            PickPurpose::SaveAs => {
                let path = if path.extension().is_some() {
                    path
                } else {
                    path.with_extension("json")
                };
                self.save_to(path);
            }
            PickPurpose::Attach { url } => self.apply(ctx, Command::AttachPath { url, path }, true),
            PickPurpose::Audience => self.apply(ctx, Command::LoadAudience(path), true),
            PickPurpose::BrandLogo => self.brand_editor.set_logo(path),
        }
    }

    /// Tells the user, once, which state files could not be read and where their copies are:
    /// in a window of its own unless another dialog is up, and in the status line.
    fn tell_kept_aside(&mut self, notices: &[String]) {
        if notices.is_empty() {
            return;
        }
        self.status = Some((notices.join(" "), true));
        let text = notices.join("\n\n");
        if self.dialog.is_none() {
            self.dialog = Some(Dialog::Message {
                title: "Unreadable files kept aside".into(),
                text,
            });
        }
    }
}
