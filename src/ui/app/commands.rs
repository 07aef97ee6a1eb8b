//! Applying commands after the frame: the only place where widgets' wishes turn into work.

use std::path::PathBuf;

use super::{App, Dialog};
use crate::ui::command::Command;
use crate::ui::workers::files::{AfterSave, Job, PickPurpose};

impl App {
    /// Applies a command. `force` skips the unsaved-changes guard (the user chose Discard).
    pub fn apply(&mut self, ctx: &egui::Context, command: Command, force: bool) {
        let guarded = matches!(
            command,
            Command::New | Command::Open | Command::OpenPath(_) | Command::Quit
        );
        if guarded && self.doc.is_dirty() && !force {
            self.dialog = Some(Dialog::Unsaved { then: command });
            return;
        }
        match command {
            Command::New => {
                let blank = crate::ui::document::draft::Draft::blank();
                self.load_document(blank.request.clone(), None, blank.request);
                self.jobs.submit(Job::ClearAutosave);
                self.status = Some(("New template.".into(), false));
            }
            Command::Open => {
                let folder = self.dialog_folder();
                self.jobs.pick(PickPurpose::Open, folder, String::new());
            }
            Command::OpenPath(path) => self.jobs.submit(Job::Open(path)),
            Command::Save => match self.doc.path.clone() {
                Some(path) => self.save_to(path),
                None => self.apply(ctx, Command::SaveAs, force),
            },
            Command::SaveAs => {
                let folder = self.dialog_folder();
                let name = format!("{}.json", self.name());
                self.jobs.pick(PickPurpose::SaveAs, folder, name);
            }
            Command::SaveToLibrary(name) => self.save_to_library(&name),
            Command::Undo => self.step_history(true),
            Command::Redo => self.step_history(false),
            Command::CopyAs(format) => self.copy_as(ctx, format),
            Command::TogglePreviewTheme | Command::TogglePreview => self.toggle_view(&command),
            Command::Attach { url } => {
                self.jobs
                    .pick(PickPurpose::Attach { url }, PathBuf::new(), String::new());
            }
            Command::AttachPath { url, path } => self.attach(&url, path),
            Command::Detach { url } => {
                self.media.remove(&url);
                let key = self.template_key();
                if let Some(m) = self.media_map.0.get_mut(&key) {
                    m.remove(&url);
                }
                self.jobs.submit(Job::WriteMediaMap(self.media_map.clone()));
            }
            Command::LibraryRefresh
            | Command::LibraryDuplicate(_)
            | Command::LibraryRename { .. }
            | Command::LibraryDelete(_) => self.apply_library(command),
            Command::Jump(path) => self.editor.jump(&path),
            Command::RecoverAutosave => self.recover_autosave(),
            Command::DiscardAutosave => {
                self.dialog = None;
                self.jobs.submit(Job::ClearAutosave);
            }
            Command::SetConnection(_)
            | Command::AddRecipient(_)
            | Command::RemoveRecipient(_)
            | Command::ChooseRecipient(_)
            | Command::DestinationIntoTemplate
            | Command::SetOrigination(_)
            | Command::UseTemplateOrigination
            | Command::OriginationIntoTemplate
            | Command::DryRun
            | Command::Send
            | Command::ConfirmedSend => self.apply_send(command),
            Command::Account(op) => self.account_request(op),
            Command::ConfirmAccount { title, text, op } => {
                self.dialog = Some(Dialog::ConfirmAccount { title, text, op });
            }
            Command::ToggleAccount => self.toggle_account(),
            Command::OpenAudience
            | Command::LoadAudience(_)
            | Command::CloseAudience
            | Command::SetPhoneColumn(_)
            | Command::GoToRow(_)
            | Command::NextProblemRow
            | Command::ShowRowProblem { .. }
            | Command::SetSample { .. }
            | Command::CampaignRun(_)
            | Command::CampaignConfirmed
            | Command::CampaignCancel => self.apply_campaign(ctx, &command),
            Command::EditBrand
            | Command::PickBrandLogo
            | Command::SaveBrand { .. }
            | Command::ForgetBrand(_) => self.apply_brand(command),
            Command::Quit => {
                self.allowed_to_close = true;
                self.jobs.submit(Job::ClearAutosave);
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// The preview's theme and fold are settings: kept for the next run.
    fn toggle_view(&mut self, command: &Command) {
        let flag = if matches!(command, Command::TogglePreview) {
            &mut self.settings.preview_hidden
        } else {
            &mut self.settings.dark_preview
        };
        *flag = !*flag;
        self.jobs.submit(Job::WriteSettings(self.settings.clone()));
    }

    fn toggle_account(&mut self) {
        self.account.open = !self.account.open;
        if self.account.open && self.account.agents.value.is_none() {
            for op in self.account.refresh_ops() {
                self.account_request(op);
            }
        }
    }

    fn recover_autosave(&mut self) {
        if let Some(Dialog::Recover(autosave)) = self.dialog.take() {
            let decoded = crate::rcs::codec::from_value(&autosave.template);
            self.load_document(
                decoded.request,
                autosave.path.clone(),
                crate::rcs::model::SendRcsMessageRequest::default(),
            );
            self.status = Some(("Recovered the unsaved draft.".into(), false));
        }
    }

    /// Undo (`true`) or redo one step of the edit history.
    fn step_history(&mut self, undo: bool) {
        if self.doc.step_history(undo) {
            self.refresh();
        }
    }

    fn apply_library(&mut self, command: Command) {
        match command {
            Command::LibraryRefresh => self.jobs.submit(Job::ListLibrary),
            Command::LibraryDuplicate(from) => {
                let to = self.free_library_name(&from, "copy");
                self.jobs.submit(Job::Duplicate { from, to });
            }
            Command::LibraryRename { from, to_name } => {
                let to = self.paths.library.join(format!(
                    "{}.{}",
                    to_name.trim(),
                    crate::templates::EXTENSION
                ));
                if self.doc.path.as_ref() == Some(&from) {
                    self.doc.path = Some(to.clone());
                }
                self.jobs.submit(Job::Rename { from, to });
            }
            Command::LibraryDelete(path) => {
                if self.doc.path.as_ref() == Some(&path) {
                    // The draft stays open as an unsaved document.
                    self.doc.detach_from_file();
                    self.refresh();
                }
                self.jobs.submit(Job::Delete(path));
            }
            _ => {}
        }
    }

    /// Runs an account request on the network runtime against the active connection.
    pub(super) fn account_request(&mut self, op: crate::ui::workers::net::AccountOp) {
        use crate::ui::workers::net::AccountOp;
        match &op {
            AccountOp::ListAgents(_) => self.account.agents.loading = true,
            AccountOp::SpendLimits => self.account.spend.loading = true,
            AccountOp::ListConfigSets(_) => self.account.sets.loading = true,
            _ => self.account.message = None,
        }
        let connection = self.connection();
        self.net.submit(crate::ui::workers::net::NetJob::Account {
            generation: self.connection_generation,
            connection,
            op,
        });
    }

    pub(super) fn dialog_folder(&self) -> PathBuf {
        self.doc
            .path
            .as_ref()
            .and_then(|p| p.parent())
            .map_or_else(|| self.paths.library.clone(), std::path::Path::to_path_buf)
    }

    /// Saves the draft to `path`. A command waiting behind the unsaved-changes guard runs once
    /// this save succeeds; a refused or failed save drops it, so nothing is lost and the
    /// guarded open, new or quit does not happen.
    pub(super) fn save_to(&mut self, path: PathBuf) {
        // Saving would silently drop part of the draft: refuse, and show the field.
        if let Some(issue) = self.doc.issues().all.iter().find(|i| i.blocks_saving()) {
            self.status = Some((format!("Not saved: {}", issue.message), true));
            let at = issue.path.clone();
            self.editor.jump(&at);
            self.after_guard = None;
            return;
        }
        let Some(request) = self.doc.begin_save(path.clone()) else {
            self.status = Some(("A save is already in progress.".into(), true));
            self.after_guard = None;
            return;
        };
        let then = if self.after_guard.is_some() {
            AfterSave::Continue
        } else {
            AfterSave::Nothing
        };
        self.jobs.submit(Job::Save {
            path,
            request: Box::new(request),
            then,
        });
    }

    fn save_to_library(&mut self, name: &str) {
        let name = name.trim().trim_end_matches(".json");
        if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
            self.status = Some(("Give the template a name without slashes.".into(), true));
            return;
        }
        let path = self.paths.library.join(format!("{name}.json"));
        if self.library.contains(&path) && self.doc.path.as_ref() != Some(&path) {
            self.dialog = Some(Dialog::NoFileDialog {
                purpose: PickPurpose::SaveAs,
                name: name.to_owned(),
                error: Some(format!(
                    "{name} already exists in the library; choose another name."
                )),
            });
            return;
        }
        self.save_to(path);
    }

    fn free_library_name(&self, from: &std::path::Path, suffix: &str) -> PathBuf {
        let stem = from
            .file_stem()
            .map_or_else(|| "template".into(), |s| s.to_string_lossy().into_owned());
        let mut n = 1;
        loop {
            let name = if n == 1 {
                format!("{stem} {suffix}")
            } else {
                format!("{stem} {suffix} {n}")
            };
            let path = self.paths.library.join(format!("{name}.json"));
            if !self.library.contains(&path) {
                return path;
            }
            n += 1;
        }
    }

    fn attach(&mut self, url: &str, path: PathBuf) {
        let key = self.template_key();
        self.media_map.set(&key, url, path.clone());
        self.jobs.submit(Job::WriteMediaMap(self.media_map.clone()));
        self.media.set_pending(url, path.clone());
        self.jobs.submit(Job::Decode {
            url: url.to_owned(),
            path,
        });
    }
}
