//! The composer window: template library (left), editor (middle), phone preview (right).

mod campaign;
mod campaign_run;
mod central;
mod commands;
mod dialogs;
mod done;
mod library;
mod sending;

use std::path::PathBuf;
use std::sync::Arc;

use egui::util::undoer::{Settings as UndoSettings, Undoer};
use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use crate::rcs::codec;
use crate::rcs::issue::Issue;
use crate::rcs::model::SendRcsMessageRequest;
use crate::rcs::validate::{Mode, validate};
use crate::ui::account::AccountState;
use crate::ui::campaign::{CampaignState, Personal, RowProblems};
use crate::ui::command::Command;
use crate::ui::draft::Draft;
use crate::ui::editor::{self, EditorState, form::IssueIndex};
use crate::ui::jobs::{FilePicker, Job, Jobs};
use crate::ui::media_cache::MediaCache;
use crate::ui::net::{Net, NetJob};
use crate::ui::paths::AppPaths;
use crate::ui::preview;
use crate::ui::send_panel::SendState;
use crate::ui::settings::{MediaMap, Settings};
pub use dialogs::Dialog;
use library::LibraryState;

/// Seconds between autosaves of a dirty draft.
pub const AUTOSAVE_SECONDS: f64 = 5.0;

pub struct App {
    pub(crate) paths: AppPaths,
    jobs: Jobs,
    pub draft: Draft,
    undoer: Undoer<Draft>,
    /// The request as last opened or saved: the draft is dirty when it differs.
    saved: SendRcsMessageRequest,
    /// The request being written by an unfinished save.
    saving: Option<(PathBuf, SendRcsMessageRequest)>,
    pub path: Option<PathBuf>,
    pub issues: IssueIndex,
    json_bytes: usize,
    dirty: bool,
    pub editor: EditorState,
    library: LibraryState,
    pub settings: Settings,
    media_map: MediaMap,
    pub media: MediaCache,
    pub dialog: Option<Dialog>,
    /// The command that waits for the unsaved-changes guard (after Save finishes).
    after_guard: Option<Command>,
    status: Option<(String, bool)>,
    commands: Vec<Command>,
    autosave_due: Option<f64>,
    /// Counts refreshes of the draft, so an unchanged draft is not autosaved again.
    generation: u64,
    autosaved_generation: u64,
    show_fallback: bool,
    allowed_to_close: bool,
    title: String,
    preview_warnings: Vec<String>,
    net: Net,
    pub send: SendState,
    pub account: AccountState,
    /// Fields of the service's last `ValidationException`, shown at their editor fields
    /// until the next edit.
    service_issues: Vec<Issue>,
    /// The for-send issues of the request as it would be sent (template plus test phone).
    send_issues: Vec<Issue>,
    /// The audience and the row the preview shows.
    pub campaign: CampaignState,
    /// The template filled in with the current row's or the sample values.
    personal: Option<Personal>,
    /// The audience's row problems for the Checks list, derived when the scan or draft changes.
    row_problems: RowProblems,
    /// The template's placeholder names, in first-use order.
    placeholder_names: Vec<String>,
    /// The campaign run (one at a time).
    pub run: crate::ui::campaign::run_state::RunState,
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
        let draft = Draft::blank();
        let mut app = Self {
            paths,
            jobs,
            saved: draft.request.clone(),
            draft,
            undoer: Undoer::with_settings(UndoSettings {
                max_undos: 200,
                stable_time: 0.6,
                auto_save_interval: 10.0,
            }),
            saving: None,
            path: None,
            issues: IssueIndex::default(),
            json_bytes: 0,
            dirty: false,
            editor: EditorState::default(),
            library: LibraryState::default(),
            settings: Settings::default(),
            media_map: MediaMap::default(),
            media: MediaCache::default(),
            dialog: None,
            after_guard: None,
            status: None,
            commands: Vec::new(),
            autosave_due: None,
            generation: 0,
            autosaved_generation: 0,
            show_fallback: false,
            allowed_to_close: false,
            title: String::new(),
            preview_warnings: Vec::new(),
            net,
            send: SendState::default(),
            account: AccountState::default(),
            service_issues: Vec::new(),
            send_issues: Vec::new(),
            campaign: CampaignState::default(),
            personal: None,
            row_problems: RowProblems::default(),
            placeholder_names: Vec::new(),
            run: crate::ui::campaign::run_state::RunState::default(),
        };
        app.refresh();
        Ok(app)
    }

    /// True while the draft differs from the file it came from.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Background jobs not yet answered.
    #[must_use]
    pub fn pending_jobs(&self) -> usize {
        self.jobs.pending() + self.net.pending()
    }

    /// The template's display name.
    #[must_use]
    pub fn name(&self) -> String {
        self.path.as_ref().and_then(|p| p.file_stem()).map_or_else(
            || "Untitled".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        )
    }

    /// The media-map key of the current template.
    fn template_key(&self) -> String {
        self.path.as_ref().map_or_else(
            || crate::ui::settings::UNTITLED.to_owned(),
            |p| p.display().to_string(),
        )
    }

    /// Recomputes what derives from the draft: issues, size, dirtiness.
    fn refresh(&mut self) {
        let mut issues = self.service_issues.clone();
        issues.extend(validate(&self.draft.request, Mode::Template));
        issues.extend(self.column_issues());
        self.issues = IssueIndex::new(issues);
        self.json_bytes =
            serde_json::to_string(&codec::to_value(&self.draft.request)).map_or(0, |s| s.len());
        self.dirty = self.draft.request != self.saved;
        self.refresh_campaign();
        self.row_problems = self.compute_row_problems();
        self.refresh_send_issues();
        self.generation += 1;
    }

    /// Replaces the whole document (open, new, recover) and starts a fresh undo history.
    fn load_document(
        &mut self,
        request: SendRcsMessageRequest,
        path: Option<PathBuf>,
        saved: SendRcsMessageRequest,
    ) {
        self.draft = Draft::new(request);
        self.saved = saved;
        self.path = path;
        self.undoer = Undoer::with_settings(UndoSettings {
            max_undos: 200,
            stable_time: 0.6,
            auto_save_interval: 10.0,
        });
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

    /// One frame of the whole window.
    pub fn ui(&mut self, ui: &mut Ui) {
        while let Some(done) = self.jobs.poll() {
            self.on_done(ui.ctx(), done);
        }
        while let Some(done) = self.net.poll() {
            self.on_net_done(done);
        }
        self.shortcuts(ui.ctx());
        self.close_guard(ui.ctx());
        let mut drop_targets = Vec::new();
        self.top_bar(ui);
        self.status_bar(ui);
        egui::Panel::left("library")
            .resizable(true)
            .default_size(220.0)
            .min_size(160.0)
            .show(ui, |ui| {
                library::show(
                    ui,
                    &mut self.library,
                    self.path.as_deref(),
                    &self.paths.library,
                    &mut self.commands,
                );
            });
        if let Some(dialog) = self.library.pending_dialog.take() {
            self.dialog = Some(dialog);
        }
        egui::Panel::right("preview")
            .resizable(true)
            .default_size(420.0)
            .min_size(260.0)
            .show(ui, |ui| {
                self.preview_panel(ui);
            });
        let changed = self.editor_panel(ui, &mut drop_targets);
        if changed {
            self.service_issues.clear();
            self.refresh();
        }
        self.undoer.feed_state(ui.input(|i| i.time), &self.draft);
        if self.account.open {
            let connection = self.connection().describe();
            crate::ui::account::window(
                ui.ctx(),
                &mut self.account,
                &connection,
                &mut self.commands,
            );
        }
        self.show_dialog(ui.ctx());
        self.drop_unconfirmed_run();
        self.take_dropped_files(ui.ctx(), &drop_targets);
        let commands = std::mem::take(&mut self.commands);
        for command in commands {
            self.apply(ui.ctx(), command, false);
        }
        self.autosave(ui.ctx());
        self.update_title(ui.ctx());
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
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
        if ctx.input(|i| i.viewport().close_requested()) && self.dirty && !self.allowed_to_close {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved {
                then: Command::Quit,
            });
        }
    }

    fn top_bar(&mut self, ui: &mut Ui) {
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button("File", |ui| {
                    let items = [
                        ("New", "Ctrl+N", Command::New),
                        ("Open…", "Ctrl+O", Command::Open),
                        ("Save", "Ctrl+S", Command::Save),
                        ("Save As…", "Ctrl+Shift+S", Command::SaveAs),
                    ];
                    for (label, keys, command) in items {
                        if ui
                            .add(egui::Button::new(label).shortcut_text(keys))
                            .clicked()
                        {
                            self.commands.push(command);
                            ui.close();
                        }
                    }
                    ui.menu_button("Open recent", |ui| {
                        if self.settings.recent_files.is_empty() {
                            ui.label("No recent files");
                        }
                        for path in self.settings.recent_files.clone() {
                            if ui.button(path.display().to_string()).clicked() {
                                self.commands.push(Command::OpenPath(path));
                                ui.close();
                            }
                        }
                    });
                    ui.separator();
                    if ui.button("Quit").clicked() {
                        self.commands.push(Command::Quit);
                        ui.close();
                    }
                });
                ui.menu_button("Edit", |ui| {
                    let can_undo = self.undoer.has_undo(&self.draft);
                    let can_redo = self.undoer.has_redo(&self.draft);
                    if ui
                        .add_enabled(can_undo, egui::Button::new("Undo").shortcut_text("Ctrl+Z"))
                        .clicked()
                    {
                        self.commands.push(Command::Undo);
                        ui.close();
                    }
                    if ui
                        .add_enabled(
                            can_redo,
                            egui::Button::new("Redo").shortcut_text("Ctrl+Shift+Z"),
                        )
                        .clicked()
                    {
                        self.commands.push(Command::Redo);
                        ui.close();
                    }
                });
                ui.separator();
                if ui.button("↺ Undo").clicked() {
                    self.commands.push(Command::Undo);
                }
                if ui.button("↻ Redo").clicked() {
                    self.commands.push(Command::Redo);
                }
                if ui.button("💾 Save").clicked() {
                    self.commands.push(Command::Save);
                }
                ui.separator();
                let mut open = self.account.open;
                if ui
                    .toggle_value(&mut open, "RCS account")
                    .on_hover_text("Agents, spend limit, configuration sets")
                    .clicked()
                {
                    self.commands.push(Command::ToggleAccount);
                }
            });
        });
    }

    fn status_bar(&mut self, ui: &mut Ui) {
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                if self.pending_jobs() > 0 {
                    ui.spinner();
                }
                let connection = self.connection();
                ui.label(
                    egui::RichText::new(format!("• {}", connection.describe()))
                        .small()
                        .color(crate::ui::send_panel::connection_colour(&connection)),
                );
                ui.separator();
                let where_ = self
                    .path
                    .as_ref()
                    .map_or_else(|| "not saved yet".to_owned(), |p| p.display().to_string());
                ui.label(egui::RichText::new(where_).small());
                if let Some((text, error)) = &self.status {
                    let colour = if *error {
                        crate::ui::theme::ERROR
                    } else {
                        ui.visuals().text_color()
                    };
                    ui.separator();
                    ui.label(egui::RichText::new(text).small().color(colour));
                }
            });
        });
    }

    fn preview_panel(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.strong("Preview");
            let mut dark = self.settings.dark_preview;
            ui.selectable_value(&mut dark, false, "☀ Light");
            ui.selectable_value(&mut dark, true, "🌙 Dark");
            if dark != self.settings.dark_preview {
                self.commands.push(Command::TogglePreviewTheme);
            }
            ui.toggle_value(&mut self.show_fallback, "SMS fallback");
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("preview-scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                crate::ui::campaign::picker::show(
                    ui,
                    &self.campaign,
                    self.personal.as_ref(),
                    &mut self.commands,
                );
                let input = preview::PreviewInput {
                    request: self.preview_request(),
                    media: &self.media,
                    issues: &self.issues,
                    dark: self.settings.dark_preview,
                    show_fallback: self.show_fallback,
                    json_bytes: self.json_bytes,
                };
                self.preview_warnings = preview::show(ui, &input);
                if !self.preview_warnings.is_empty() {
                    ui.add_space(8.0);
                    ui.strong("On the phone");
                    for w in &self.preview_warnings {
                        ui.label(
                            egui::RichText::new(format!("⚠ {w}")).color(crate::ui::theme::WARNING),
                        );
                    }
                }
            });
    }

    /// What the preview warned about in the last frame.
    #[must_use]
    pub fn preview_warnings(&self) -> &[String] {
        &self.preview_warnings
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
        if !self.dirty || self.generation == self.autosaved_generation {
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
                self.autosaved_generation = self.generation;
                let saved_at = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs());
                self.jobs.submit(Job::WriteAutosave(Box::new(
                    crate::ui::settings::Autosave {
                        path: self.path.clone(),
                        saved_at,
                        template: codec::to_value(&self.draft.request),
                    },
                )));
            }
            Some(_) => {}
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = format!(
            "{}{} — rcs-composer",
            if self.dirty { "• " } else { "" },
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

/// eframe's entry point: persistence of the window layout is eframe's, the rest is ours.
pub struct EframeApp(pub App);

impl eframe::App for EframeApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.0.ui(ui);
    }
}

/// Opens the composer window.
///
/// # Errors
/// When no window can be created (no display, no graphics driver).
pub fn run(file: Option<PathBuf>, audience: Option<PathBuf>) -> eframe::Result {
    let paths = AppPaths::from_env();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("rcs-composer")
            .with_app_id("rcs-composer")
            .with_icon(crate::ui::icon::window_icon())
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 560.0])
            .with_drag_and_drop(true),
        persistence_path: Some(paths.config.join("window.ron")),
        ..Default::default()
    };
    eframe::run_native(
        "rcs-composer",
        options,
        Box::new(move |cc| {
            let mut app = App::new(
                &cc.egui_ctx,
                paths,
                Arc::new(crate::ui::jobs::RfdPicker),
                file,
            )?;
            if let Some(audience) = audience {
                // Checked against the draft now and again once the template has opened.
                app.apply(&cc.egui_ctx, Command::LoadAudience(audience), true);
            }
            Ok(Box::new(EframeApp(app)))
        }),
    )
}
