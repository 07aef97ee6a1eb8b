//! The composer window: owns the document, the views' state and the workers, draws the views
//! and applies the commands they return. Template library (left), editor (middle), phone
//! preview (right).

mod brand;
mod campaign;
mod campaign_run;
mod commands;
mod copy_as;
mod done;
mod sending;
mod side_width;
mod typing;
mod window;

pub use window::{EframeApp, create, native_options, run};

use std::path::PathBuf;
use std::sync::Arc;

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use crate::aws::Connection;
use crate::rcs::codec;
use crate::rcs::model::SendRcsMessageRequest;
use crate::ui::campaign::{CampaignState, RowProblems, Source};
use crate::ui::command::Command;
use crate::ui::document::{Document, Surroundings};
use crate::ui::media_cache::MediaCache;
use crate::ui::paths::AppPaths;
use crate::ui::preview;
use crate::ui::settings::{MediaMap, Settings};
use crate::ui::views::account::AccountState;
use crate::ui::views::campaign::{panel, run_panel};
use crate::ui::views::editor::{self, EditorState};
use crate::ui::views::library::{self, LibraryState};
use crate::ui::views::send_panel::{self, SendState};
use crate::ui::views::{dialogs, editor_panel, menu, preview_panel, status_bar};
use crate::ui::workers::files::{FilePicker, Job, Jobs};
use crate::ui::workers::generation::Generation;
use crate::ui::workers::net::{Net, NetJob};
pub use dialogs::Dialog;
use side_width::SideWidth;

/// Seconds between autosaves of a dirty draft.
pub const AUTOSAVE_SECONDS: f64 = 5.0;

/// The window's smallest inner size: every tab, field and counter stays usable down to it.
pub const MIN_WINDOW: [f32; 2] = [900.0, 560.0];
/// The narrowest the library gets, and its first width.
const LIBRARY_MIN: f32 = 160.0;
const LIBRARY_WIDTH: f32 = 220.0;
/// The narrowest the preview gets (the phone drawn at its smallest scale), and its first
/// width.
const PREVIEW_MIN: f32 = 220.0;
const PREVIEW_WIDTH: f32 = 420.0;
/// The width of the strip that stands for the folded preview.
const PREVIEW_FOLDED: f32 = 32.0;
/// The editor's room that the side panels leave, however they were sized before.
const EDITOR_MIN: f32 = 320.0;

pub struct App {
    pub(crate) paths: AppPaths,
    jobs: Jobs,
    net: Net,
    /// The template being edited, its history and what derives from it.
    pub doc: Document,
    pub editor: EditorState,
    library: LibraryState,
    pub settings: Settings,
    media_map: MediaMap,
    pub media: MediaCache,
    pub dialog: Option<Dialog>,
    /// A template file that did not open, being repaired.
    pub repair: Option<crate::ui::views::repair::RepairState>,
    /// The command that waits for the unsaved-changes guard (after Save finishes).
    after_guard: Option<Command>,
    status: Option<(String, bool)>,
    commands: Vec<Command>,
    autosave_due: Option<f64>,
    /// The document generation last autosaved, so an unchanged draft is not written again.
    autosaved_generation: u64,
    show_fallback: bool,
    allowed_to_close: bool,
    title: String,
    pub send: SendState,
    pub account: AccountState,
    /// Changes with the connection: account answers for an older one are dropped.
    connection_generation: Generation,
    /// The carousel card (by id) the preview last scrolled to for the editor.
    followed_card: u64,
    /// The side panels' widths as the user chose them, given back when a window made
    /// narrower grows again.
    library_width: SideWidth,
    preview_width: SideWidth,
    /// The connection generation the Send tab's agent list was asked for.
    agents_listed: Option<Generation>,
    /// The audience and the row the preview shows.
    pub campaign: CampaignState,
    /// The audience's row problems for the Checks list, derived when the scan or draft changes.
    row_problems: RowProblems,
    /// The campaign run (one at a time).
    pub run: crate::ui::campaign::run_state::RunState,
    /// The brand profile window.
    pub brand_editor: crate::ui::views::brand::BrandEditor,
}

impl App {
    /// A window over `paths`, optionally opening `file`. Everything on disk is read by the
    /// worker; the window is usable at once.
    ///
    /// # Errors
    /// When the network runtime's threads cannot be started.
    pub fn new(
        ctx: &egui::Context,
        paths: AppPaths,
        picker: Arc<dyn FilePicker>,
        file: Option<PathBuf>,
    ) -> std::io::Result<Self> {
        crate::ui::fonts::install(ctx);
        let mut net = Net::start(ctx, paths.sandbox_state_file())?;
        net.submit(NetJob::Profiles);
        let mut jobs = Jobs::start(ctx, paths.clone(), picker);
        jobs.submit(Job::LoadState);
        jobs.submit(Job::ListLibrary);
        if let Some(file) = file {
            jobs.submit(Job::Open(file));
        }
        let mut app = Self {
            paths,
            jobs,
            net,
            doc: Document::default(),
            editor: EditorState::default(),
            library: LibraryState::default(),
            settings: Settings::default(),
            media_map: MediaMap::default(),
            media: MediaCache::default(),
            dialog: None,
            repair: None,
            after_guard: None,
            status: None,
            commands: Vec::new(),
            autosave_due: None,
            autosaved_generation: 0,
            show_fallback: false,
            allowed_to_close: false,
            title: String::new(),
            send: SendState::default(),
            account: AccountState::default(),
            connection_generation: Generation::default(),
            followed_card: 0,
            library_width: SideWidth::new(LIBRARY_WIDTH),
            preview_width: SideWidth::new(PREVIEW_WIDTH),
            agents_listed: None,
            campaign: CampaignState::default(),
            row_problems: RowProblems::default(),
            run: crate::ui::campaign::run_state::RunState::default(),
            brand_editor: crate::ui::views::brand::BrandEditor::default(),
        };
        app.refresh();
        app.autosaved_generation = app.doc.generation();
        Ok(app)
    }

    /// True while the draft differs from the file it came from.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.doc.is_dirty()
    }

    /// Background jobs not yet answered.
    #[must_use]
    pub fn pending_jobs(&self) -> usize {
        self.jobs.pending() + self.net.pending()
    }

    /// The template's display name.
    #[must_use]
    pub fn name(&self) -> String {
        self.doc
            .path
            .as_ref()
            .and_then(|p| p.file_stem())
            .map_or_else(
                || "Untitled".to_owned(),
                |s| s.to_string_lossy().into_owned(),
            )
    }

    /// The media-map key of the current template.
    fn template_key(&self) -> String {
        self.doc.path.as_ref().map_or_else(
            || crate::ui::settings::UNTITLED.to_owned(),
            |p| p.display().to_string(),
        )
    }

    /// The derive step after any change: the campaign side follows the draft (rows checked
    /// again, the current row filled in again), then the document derives its issues, size,
    /// dirtiness, personalised and to-be-sent request.
    fn refresh(&mut self) {
        self.refresh_campaign();
        self.derive_document();
    }

    /// The document's derive step, with the campaign side as it is.
    fn derive_document(&mut self) {
        let key = self.template_key();
        let row_source = self.campaign.view.as_ref().map(|view| Source::Row {
            number: view.row.number,
            file: self.campaign.file_name(),
        });
        let row = row_source
            .as_ref()
            .zip(self.campaign.view.as_ref().map(|v| &v.filled));
        let connection = self.connection();
        self.doc.derive(&Surroundings {
            columns: self
                .campaign
                .scanned
                .as_ref()
                .map(|s| s.audience.columns.as_slice()),
            row,
            samples: self.settings.samples.get(&key),
            recipient: self.settings.recipient.as_deref(),
            origination: self.settings.origination(&connection),
        });
        self.row_problems = self.compute_row_problems();
    }

    /// Replaces the whole document (open, new, recover) and starts a fresh undo history.
    fn load_document(
        &mut self,
        request: SendRcsMessageRequest,
        path: Option<PathBuf>,
        saved: SendRcsMessageRequest,
    ) {
        self.doc.replace(request, path, saved);
        // A campaign being prepared stays in view when its template (re)opens.
        let keep = self.editor.tab == editor::Tab::Audience && self.campaign.path.is_some();
        self.editor = EditorState::default();
        if keep {
            self.editor.tab = editor::Tab::Audience;
        }
        self.media.clear();
        self.reattach_media();
        self.refresh();
    }

    /// Replaces the document with `request` as an unsaved draft (benchmarks, scripted use).
    pub fn replace_document(&mut self, request: SendRcsMessageRequest) {
        self.load_document(request, None, SendRcsMessageRequest::default());
    }

    /// Decodes the local images remembered for this template's media URLs.
    fn reattach_media(&mut self) {
        let key = self.template_key();
        let entries: Vec<(String, PathBuf)> = self
            .media_map
            .0
            .get(&key)
            .map(|m| m.iter().map(|(u, p)| (u.clone(), p.clone())).collect())
            .unwrap_or_default();
        for (url, path) in entries {
            self.media.set_pending(&url, path.clone());
            self.jobs.submit(Job::Decode { url, path });
        }
    }

    /// One frame of the whole window. Typing into the focused field is applied and derived
    /// before anything is drawn (`typing`). Any other edit is applied and derived within the
    /// frame, and the frame is laid out once more (egui's discard pass) so that everything
    /// drawn before the edited field — the preview, the field's own counter — shows it at once.
    pub fn ui(&mut self, ui: &mut Ui) {
        while let Some(done) = self.jobs.poll() {
            self.on_done(ui.ctx(), done);
        }
        while let Some(done) = self.net.poll() {
            self.on_net_done(done);
        }
        self.shortcuts(ui.ctx());
        self.close_guard(ui.ctx());
        self.type_first(ui);
        let generation = self.doc.generation();
        let mut drop_targets = Vec::new();
        let menu_input = menu::MenuInput {
            recent_files: &self.settings.recent_files,
            can_undo: self.doc.can_undo(),
            can_redo: self.doc.can_redo(),
            account_open: self.account.open,
            send_request: &self.doc.derived().send_request,
            send_issues: &self.doc.derived().send_issues,
        };
        menu::show(ui, &menu_input, &mut self.commands);
        self.status_bar(ui);
        // The side panels never take the editor's minimum room, whatever sizes eframe
        // remembered from a larger window.
        let width = ui.available_width();
        let room = (width * 0.25).max(LIBRARY_MIN);
        let library = egui::Panel::left("library")
            .resizable(true)
            .default_size(LIBRARY_WIDTH);
        let library = self
            .library_width
            .panel(library, LIBRARY_MIN, room)
            .show(ui, |ui| {
                library::show(
                    ui,
                    &mut self.library,
                    self.doc.path.as_deref(),
                    &self.paths.library,
                    &mut self.commands,
                );
            });
        self.library_width
            .shown(room, library.response.rect.width());
        if let Some(dialog) = self.library.pending_dialog.take() {
            self.dialog = Some(dialog);
        }
        if self.settings.preview_hidden {
            egui::Panel::right("preview-folded")
                .resizable(false)
                .exact_size(PREVIEW_FOLDED)
                .show(ui, |ui| {
                    if preview_panel::fold_button(ui, true) {
                        self.commands.push(Command::TogglePreview);
                    }
                });
        } else {
            let room = (ui.available_width() - EDITOR_MIN).max(PREVIEW_MIN);
            let preview = egui::Panel::right("preview")
                .resizable(true)
                .default_size(PREVIEW_WIDTH);
            let preview = self
                .preview_width
                .panel(preview, PREVIEW_MIN, room)
                .show(ui, |ui| self.preview_panel(ui));
            self.preview_width
                .shown(room, preview.response.rect.width());
        }
        if let Some(edit) = self.editor_panel(ui, &mut drop_targets) {
            self.after_edit(&edit, ui.input(|i| i.time));
        }
        if self.editor.selected_card != self.followed_card {
            // The preview, drawn before the editor, follows in the next frame.
            ui.ctx().request_repaint();
        }
        if self.account.open {
            let connection = self.connection().describe();
            // Agents are made here: say it where they would be lost.
            let not_kept = (matches!(self.connection(), Connection::Sandbox)
                && self.send.sandbox_not_kept())
            .then_some(send_panel::SANDBOX_NOT_KEPT);
            crate::ui::views::account::window(
                ui.ctx(),
                &mut self.account,
                &connection,
                not_kept,
                &mut self.commands,
            );
        }
        self.brand_window(ui.ctx());
        self.list_agents_once();
        self.show_repair(ui.ctx());
        self.show_dialog(ui.ctx());
        self.drop_unconfirmed_run();
        self.take_dropped_files(ui.ctx(), &drop_targets);
        let commands = std::mem::take(&mut self.commands);
        for command in commands {
            self.apply(ui.ctx(), command, false);
        }
        self.autosave(ui.ctx());
        self.update_title(ui.ctx());
        if self.doc.generation() != generation {
            ui.ctx()
                .request_discard("the document changed: show what derives from it in this frame");
        }
    }

    /// Records a change the user made to the draft (for undo) and derives from it.
    fn after_edit(&mut self, edit: &crate::ui::document::Edit, now: f64) {
        self.doc.edited(edit, now);
        // A note about what happened before ("Opened …", "Saved …") is stale once the draft
        // changes; an error stays until what it is about is done again.
        if self.status.as_ref().is_some_and(|(_, error)| !error) {
            self.status = None;
        }
        self.refresh();
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        // The repair view's text has its own undo; Ctrl+Z must not change the draft behind
        // it, nor Ctrl+S save that draft, nor Ctrl+O/N replace it.
        if self.repair.is_some() {
            return;
        }
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let shortcuts = [
            (KeyboardShortcut::new(cmd_shift, Key::S), Command::SaveAs),
            (KeyboardShortcut::new(cmd_shift, Key::Z), Command::Redo),
            (KeyboardShortcut::new(cmd, Key::S), Command::Save),
            (KeyboardShortcut::new(cmd, Key::Z), Command::Undo),
            (KeyboardShortcut::new(cmd, Key::Y), Command::Redo),
            (KeyboardShortcut::new(cmd, Key::N), Command::New),
            (KeyboardShortcut::new(cmd, Key::O), Command::Open),
        ];
        // Consumed before any widget runs, so a focused text field does not also undo.
        ctx.input_mut(|i| {
            for (shortcut, command) in shortcuts {
                if i.consume_shortcut(&shortcut) {
                    self.commands.push(command);
                }
            }
        });
    }

    fn close_guard(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && self.doc.is_dirty()
            && !self.allowed_to_close
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved {
                then: Command::Quit,
            });
        }
    }

    fn status_bar(&self, ui: &mut Ui) {
        let connection = self.connection();
        let input = status_bar::StatusInput {
            busy: self.pending_jobs() > 0,
            connection: &connection,
            path: self.doc.path.as_deref(),
            dirty: self.doc.is_dirty(),
            message: self.status.as_ref(),
            accepted: self.doc.verdict().and_then(|v| v.message_id()),
        };
        status_bar::show(ui, &input);
    }

    fn preview_panel(&mut self, ui: &mut Ui) {
        self.decode_brand_logo();
        let origination = self.brand_origination();
        let brand = self
            .brand_editor
            .editing(origination.as_deref())
            .or_else(|| self.settings.brand(origination.as_deref()));
        // The card the editor selected since the preview last drew is brought into view.
        let selected = self.editor.selected_card;
        let follow_card = (selected != self.followed_card)
            .then(|| {
                self.doc
                    .draft
                    .ids
                    .cards
                    .iter()
                    .position(|id| *id == selected)
            })
            .flatten();
        self.followed_card = selected;
        let derived = self.doc.derived();
        let p = preview_panel::PreviewPanel {
            preview: preview::PreviewInput {
                request: self.doc.preview_request(),
                rendering: &derived.rendering,
                media: &self.media,
                issues: &derived.issues,
                dark: self.settings.dark_preview,
                show_fallback: self.show_fallback,
                origination: origination.as_deref(),
                brand,
                follow_card,
            },
            campaign: &self.campaign,
            personal: derived.personal.as_ref(),
            problems: &derived.preview_problems,
        };
        preview_panel::show(ui, &p, &mut self.show_fallback, &mut self.commands);
    }

    /// The middle column; returns what the user changed in the draft.
    fn editor_panel(
        &mut self,
        ui: &mut Ui,
        drop_targets: &mut Vec<(egui::Rect, String)>,
    ) -> Option<crate::ui::document::Edit> {
        let connection = self.connection();
        let connection_words = connection.describe();
        let values_note = self.send_values_note();
        let agents = self.account.agent_ids();
        let key = self.template_key();
        let template_origination = self.doc.draft.request.origination_identity.clone();
        let chosen_origination = self.settings.origination(&connection).map(str::to_owned);
        let origination = self.doc.derived().send_request.origination_identity.clone();
        let (draft, derived, verdict) = self.doc.parts_mut();
        let blockers =
            campaign_run::blockers(&self.campaign, &derived.issues, origination.as_deref());
        // Counted only when the rows are checked against this template.
        let valid = self
            .campaign
            .scanned
            .as_ref()
            .filter(|_| !self.campaign.scanning())
            .map(|s| s.count(crate::campaign::check::Judgement::Valid));
        let mut p = editor_panel::EditorPanel {
            editor: &mut self.editor,
            draft,
            issues: &derived.issues,
            problems: &derived.problems,
            media: &self.media,
            personal: derived.personal.as_ref(),
            columns: self
                .campaign
                .scanned
                .as_ref()
                .map(|s| s.audience.columns.as_slice()),
            row_problems: &self.row_problems,
            send: &mut self.send,
            send_input: send_panel::PanelInput {
                connection: &connection,
                recipients: &self.settings.test_recipients,
                recipient: self.settings.recipient.as_deref(),
                issues: &derived.send_issues,
                origination: send_panel::Origination {
                    template: template_origination.as_deref(),
                    chosen: chosen_origination.as_deref(),
                    agents: &agents,
                    loading: self.account.agents.loading,
                },
                values: values_note.as_deref(),
                failure: verdict.and_then(|v| v.failure()),
            },
            audience: panel::PanelInput {
                state: &self.campaign,
                names: &derived.placeholder_names,
                samples: self.settings.samples.get(&key),
            },
            run: self.campaign.path.is_some().then_some(run_panel::RunInput {
                run: &self.run,
                valid,
                origination: origination.as_deref(),
                connection: &connection_words,
                blockers: &blockers,
            }),
        };
        editor_panel::show(ui, &mut p, &mut self.commands, drop_targets)
    }

    /// The repair view of a file that did not open; its text becomes the draft only once it
    /// loads cleanly (the unsaved-changes guard ran before the file was read).
    fn show_repair(&mut self, ctx: &egui::Context) {
        use crate::ui::views::repair::{self, RepairChoice};
        let Some(state) = self.repair.as_mut() else {
            return;
        };
        match repair::show(ctx, state) {
            RepairChoice::None => {}
            RepairChoice::Cancel => {
                self.repair = None;
                self.status = Some(("Repair cancelled; nothing was changed.".into(), false));
            }
            RepairChoice::Open(request) => {
                let Some(state) = self.repair.take() else {
                    return;
                };
                // Unsaved: the file on disk still holds the broken text until Save.
                self.load_document(
                    *request,
                    Some(state.path.clone()),
                    SendRcsMessageRequest::default(),
                );
                self.settings.touch_recent(&state.path);
                self.jobs.submit(Job::WriteSettings(self.settings.clone()));
                let file = state
                    .path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                self.status = Some((
                    format!(
                        "Repaired {file} is your draft; the file on disk changes when you save."
                    ),
                    false,
                ));
            }
        }
    }

    fn show_dialog(&mut self, ctx: &egui::Context) {
        let name = self.name();
        let Some(dialog) = self.dialog.as_mut() else {
            return;
        };
        match dialogs::show(ctx, dialog, &name, &self.paths.library) {
            dialogs::Choice::None => {}
            dialogs::Choice::Close => {
                self.dialog = None;
                // Closing the library-save offer cancels the save: a guarded command waits
                // no more.
                self.after_guard = None;
            }
            dialogs::Choice::Run(command, force) => {
                self.dialog = match command {
                    // These read the dialog they came from.
                    Command::RecoverAutosave => self.dialog.take(),
                    _ => None,
                };
                self.apply(ctx, command, force);
            }
            dialogs::Choice::SaveThen(then) => {
                self.dialog = None;
                self.after_guard = Some(then);
                self.apply(ctx, Command::Save, true);
            }
        }
    }

    /// Where the editor showed the selected tab's content in the last frame (inside its
    /// panel, without the scroll bar).
    #[must_use]
    pub fn editor_viewport(&self) -> Option<egui::Rect> {
        self.editor.viewport
    }

    /// The lines of the list under the phone.
    #[must_use]
    pub fn preview_warnings(&self) -> Vec<&str> {
        self.doc
            .derived()
            .preview_problems
            .entries
            .iter()
            .map(crate::ui::document::problems::Entry::line)
            .collect()
    }

    /// Files dropped on a media slot attach to that slot's URL.
    fn take_dropped_files(&mut self, ctx: &egui::Context, targets: &[(egui::Rect, String)]) {
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        if dropped.is_empty() {
            return;
        }
        let pointer = ctx.input(|i| i.pointer.hover_pos().or(i.pointer.latest_pos()));
        for file in dropped {
            // A CSV file anywhere on the window is an audience; images attach to media slots.
            let is_audience = file
                .path()
                .extension()
                .is_some_and(|e| ["csv", "tsv"].iter().any(|x| e.eq_ignore_ascii_case(x)));
            if is_audience {
                self.commands
                    .push(Command::LoadAudience(file.path().to_path_buf()));
                continue;
            }
            let target = pointer
                .and_then(|p| targets.iter().find(|(rect, _)| rect.contains(p)))
                .or(targets.first().filter(|_| targets.len() == 1));
            match target {
                Some((_, url)) => self.commands.push(Command::AttachPath {
                    url: url.clone(),
                    path: file.path().to_path_buf(),
                }),
                None => {
                    self.status = Some((
                        "Drop an image onto a media or thumbnail URL field to attach it.".into(),
                        true,
                    ));
                }
            }
        }
    }

    /// Writes the dirty draft to the data folder a few seconds after it last changed; an idle
    /// window, dirty or not, schedules nothing once that copy is written.
    fn autosave(&mut self, ctx: &egui::Context) {
        if !self.doc.is_dirty() || self.doc.generation() == self.autosaved_generation {
            self.autosave_due = None;
            return;
        }
        let now = ctx.input(|i| i.time);
        match self.autosave_due {
            None => {
                self.autosave_due = Some(now + AUTOSAVE_SECONDS);
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(AUTOSAVE_SECONDS));
            }
            Some(due) if now >= due => {
                self.autosave_due = None;
                self.autosaved_generation = self.doc.generation();
                let saved_at = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs());
                self.jobs.submit(Job::WriteAutosave(Box::new(
                    crate::ui::settings::Autosave {
                        path: self.doc.path.clone(),
                        saved_at,
                        template: codec::to_value(&self.doc.draft.request),
                    },
                )));
            }
            Some(_) => {}
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = format!(
            "{}{} — rcs-composer",
            if self.doc.is_dirty() { "• " } else { "" },
            self.name()
        );
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The window title as last sent.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }
}
