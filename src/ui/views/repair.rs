//! The repair view: a template file that does not open (not JSON, unknown members, values of
//! the wrong type) is shown as its text, editable, with each problem at its line, checked again
//! as it is typed. It opens once it loads cleanly; until then the file on disk and the draft in
//! the editor are left exactly as they were.

use std::path::PathBuf;

use egui::{RichText, TextEdit, Ui};

use crate::rcs::model::SendRcsMessageRequest;
use crate::templates::{Problem, problems_in};
use crate::ui::theme;

/// A broken file being repaired.
#[derive(Debug)]
pub struct RepairState {
    pub path: PathBuf,
    pub text: String,
    /// The problems of `text` as it is now (empty: it opens).
    problems: Vec<Problem>,
    request: Option<SendRcsMessageRequest>,
    /// The text the problems were found in, so a frame without typing parses nothing.
    checked: String,
}

impl RepairState {
    #[must_use]
    pub fn new(path: PathBuf, text: String) -> Self {
        let mut state = Self {
            path,
            text,
            problems: Vec::new(),
            request: None,
            checked: String::new(),
        };
        state.check();
        state
    }

    #[must_use]
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Parses the text again when it changed: a template is small, so this is a fraction of a
    /// millisecond and needs no worker.
    fn check(&mut self) {
        if self.checked == self.text && (self.request.is_some() || !self.problems.is_empty()) {
            return;
        }
        match problems_in(&self.text) {
            Ok(request) => {
                self.request = Some(request);
                self.problems.clear();
            }
            Err(problems) => {
                self.request = None;
                self.problems = problems;
            }
        }
        self.checked.clone_from(&self.text);
    }
}

/// What the user chose in the repair view.
#[derive(Debug)]
pub enum RepairChoice {
    None,
    Cancel,
    /// The text loads cleanly: open it as the draft (unsaved; Save writes the file).
    Open(Box<SendRcsMessageRequest>),
}

/// Draws the view as a window over the editor.
pub fn show(ctx: &egui::Context, state: &mut RepairState) -> RepairChoice {
    let mut choice = RepairChoice::None;
    let name = state
        .path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    egui::Window::new(format!("Repair {name}"))
        .collapsible(false)
        .resizable(true)
        .default_size([720.0, 520.0])
        .max_height(ctx.content_rect().height() - 40.0)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            choice = contents(ui, state);
        });
    choice
}

fn contents(ui: &mut Ui, state: &mut RepairState) -> RepairChoice {
    ui.label(state.path.display().to_string());
    ui.label(
        "This file cannot be opened as it is: saving it again could lose part of it. Fix the \
         text below; it opens as soon as it loads cleanly. The file on disk is not changed \
         until you save.",
    );
    ui.add_space(4.0);
    problem_list(ui, state);
    ui.add_space(4.0);
    let mut choice = RepairChoice::None;
    // The buttons first (bottom-up), so the editor takes the room that is left.
    egui::Panel::bottom("repair-buttons")
        .show_separator_line(false)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                let ready = state.request.is_some();
                let open = ui
                    .add_enabled(ready, egui::Button::new("Open repaired template"))
                    .on_disabled_hover_text("Fix the problems listed above first.");
                if open.clicked()
                    && let Some(request) = state.request.clone()
                {
                    choice = RepairChoice::Open(Box::new(request));
                }
                if ui.button("Cancel").clicked() {
                    choice = RepairChoice::Cancel;
                }
            });
        });
    text_with_line_numbers(ui, state);
    state.check();
    choice
}

fn problem_list(ui: &mut Ui, state: &RepairState) {
    if state.problems.is_empty() {
        ui.label(RichText::new("✔ The text loads cleanly.").color(theme::OK));
        return;
    }
    let count = state.problems.len();
    ui.strong(format!(
        "{count} {} to fix:",
        if count == 1 { "problem" } else { "problems" }
    ));
    egui::ScrollArea::vertical()
        .id_salt("repair-problems")
        .max_height(110.0)
        .show(ui, |ui| {
            for p in &state.problems {
                let label = ui.label(RichText::new(format!("✖ {p}")).color(theme::ERROR));
                if !p.path.is_empty() {
                    label.on_hover_text(crate::rcs::label::label(&p.path).unwrap_or_default());
                }
            }
        });
}

/// The text in a monospace editor with a gutter of line numbers; lines with a problem have a
/// red number and a ✖.
fn text_with_line_numbers(ui: &mut Ui, state: &mut RepairState) {
    let lines = state.text.split('\n').count().max(1);
    let bad: Vec<usize> = state.problems.iter().map(|p| p.line).collect();
    let mono = egui::TextStyle::Monospace.resolve(ui.style());
    let label = ui.strong("Template text");
    egui::ScrollArea::both()
        .id_salt("repair-text")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal_top(|ui| {
                let mut gutter = egui::text::LayoutJob::default();
                for n in 1..=lines {
                    let (mark, colour) = if bad.contains(&n) {
                        ("✖", theme::ERROR)
                    } else {
                        (" ", ui.visuals().weak_text_color())
                    };
                    let text = format!("{mark}{n:>4}{}", if n < lines { "\n" } else { "" });
                    gutter.append(&text, 0.0, egui::TextFormat::simple(mono.clone(), colour));
                }
                // The editor's text starts after its frame's margin: so do the numbers.
                ui.vertical(|ui| {
                    ui.add_space(2.0);
                    ui.label(gutter);
                });
                ui.add(
                    TextEdit::multiline(&mut state.text)
                        .code_editor()
                        .desired_width(f32::INFINITY)
                        .desired_rows(lines.max(12)),
                )
                .labelled_by(label.id);
            });
        });
}
