//! The template library panel: the templates in the library folder, with search, New,
//! Duplicate, Rename and Delete.

use std::path::Path;

use egui::{RichText, Ui};

use crate::templates::LibraryEntry;
use crate::ui::command::Command;
use crate::ui::views::dialogs::Dialog;

/// The listing as a request state: loading (with what was there), done, or failed.
#[derive(Debug, Default)]
pub struct LibraryState {
    entries: Vec<LibraryEntry>,
    loading: bool,
    error: Option<String>,
    search: String,
    pub pending_dialog: Option<Dialog>,
}

impl LibraryState {
    pub fn set_entries(&mut self, result: Result<Vec<LibraryEntry>, String>) {
        self.loading = false;
        match result {
            Ok(entries) => {
                self.entries = entries;
                self.error = None;
            }
            Err(e) => self.error = Some(e),
        }
    }

    #[must_use]
    pub fn contains(&self, path: &Path) -> bool {
        self.entries.iter().any(|e| e.path == path)
    }
}

pub fn show(
    ui: &mut Ui,
    state: &mut LibraryState,
    current: Option<&Path>,
    folder: &Path,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.strong("Templates");
        if ui
            .small_button("⟳")
            .on_hover_text("Refresh the library")
            .clicked()
        {
            state.loading = true;
            commands.push(Command::LibraryRefresh);
        }
    });
    ui.label(RichText::new(folder.display().to_string()).small().weak());
    let label = ui.label("Search");
    ui.add(egui::TextEdit::singleline(&mut state.search).hint_text("name contains…"))
        .labelled_by(label.id);
    actions(ui, state, current, commands);
    ui.separator();
    if state.loading {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Loading…");
        });
    }
    if let Some(e) = &state.error {
        ui.label(RichText::new(e.as_str()).color(crate::ui::theme::ERROR));
    }
    list(ui, state, current, commands);
}

/// New, and Duplicate / Rename / Delete for the open template when it is in the library.
fn actions(
    ui: &mut Ui,
    state: &mut LibraryState,
    current: Option<&Path>,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("New")
            .on_hover_text("Start a new template (Ctrl+N)")
            .clicked()
        {
            commands.push(Command::New);
        }
        let selected = current.filter(|p| state.contains(p)).map(Path::to_path_buf);
        let why = "Open a template from the library first.";
        let enabled = selected.is_some();
        let duplicate = ui
            .add_enabled(enabled, egui::Button::new("Duplicate"))
            .on_disabled_hover_text(why);
        let rename = ui
            .add_enabled(enabled, egui::Button::new("Rename…"))
            .on_disabled_hover_text(why);
        let delete = ui
            .add_enabled(enabled, egui::Button::new("Delete…"))
            .on_disabled_hover_text(why);
        let Some(path) = selected else {
            return;
        };
        if duplicate.clicked() {
            commands.push(Command::LibraryDuplicate(path.clone()));
        }
        if rename.clicked() {
            let name = path
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
            state.pending_dialog = Some(Dialog::Rename {
                from: path.clone(),
                name,
            });
        }
        if delete.clicked() {
            state.pending_dialog = Some(Dialog::ConfirmDelete(path));
        }
    });
}

/// The templates matching the search; a click opens one.
fn list(ui: &mut Ui, state: &LibraryState, current: Option<&Path>, commands: &mut Vec<Command>) {
    let needle = state.search.to_lowercase();
    egui::ScrollArea::vertical()
        .id_salt("library-list")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut shown = 0;
            for entry in state
                .entries
                .iter()
                .filter(|e| e.name.to_lowercase().contains(&needle))
            {
                shown += 1;
                let is_current = current == Some(entry.path.as_path());
                let response = match &entry.problem {
                    None => ui
                        .selectable_label(is_current, entry.name.as_str())
                        .on_hover_text(entry.path.display().to_string()),
                    // A file that does not open: marked, with why; a click offers to repair it.
                    Some(problem) => ui
                        .selectable_label(
                            is_current,
                            RichText::new(format!("⚠ {}", entry.name))
                                .color(crate::ui::theme::WARNING),
                        )
                        .on_hover_text(format!(
                            "{}\nCannot be opened as it is: {problem}\nClick to repair it.",
                            entry.path.display()
                        )),
                };
                if let Some(problem) = &entry.problem {
                    ui.add(
                        egui::Label::new(
                            RichText::new(format!("Cannot be opened as it is: {problem}"))
                                .small()
                                .color(crate::ui::theme::WARNING),
                        )
                        .truncate(),
                    );
                }
                if response.clicked() && !is_current {
                    commands.push(Command::OpenPath(entry.path.clone()));
                }
            }
            if shown == 0 && !state.loading {
                let hint = if state.entries.is_empty() {
                    "No templates yet. Save one to see it here."
                } else {
                    "No template matches the search."
                };
                ui.label(RichText::new(hint).weak());
            }
        });
}
