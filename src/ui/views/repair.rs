//! The repair view: a template file that does not open (not JSON, unknown members, values of
//! the wrong type) is shown as its text, editable, with each problem at its line, checked again
//! as it is typed. It opens once it loads cleanly; until then the file on disk and the draft in
//! the editor are left exactly as they were.

use std::path::PathBuf;

use egui::text::{CCursor, CCursorRange};
use egui::{Color32, RichText, TextEdit, Ui};

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
    /// The character the cursor moves to in this frame.
    go_to: Option<usize>,
    /// A problem was clicked: the cursor moves there in the next frame, because the text
    /// editor gives up its focus in the frame of a click elsewhere.
    go_to_next: Option<usize>,
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
            go_to: None,
            go_to_next: None,
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

/// The room for the problem list (about five lines; more scroll), fixed so that the view
/// does not jump while the list changes with typing.
const PROBLEMS_HEIGHT: f32 = 110.0;

/// Draws the view as a modal over the window: the draft behind cannot change while the view
/// is open (opening the repaired text replaces it), and only the buttons close it, so a stray
/// click beside it loses nothing.
pub fn show(ctx: &egui::Context, state: &mut RepairState) -> RepairChoice {
    let screen = ctx.content_rect();
    let width = (screen.width() - 80.0).clamp(320.0, 980.0);
    let height = (screen.height() - 80.0).max(320.0);
    egui::Modal::new(egui::Id::unique("rcs-repair"))
        .show(ctx, |ui| {
            ui.set_width(width);
            ui.set_max_height(height);
            let choice = contents(ui, state, height);
            state.go_to = state.go_to_next.take();
            choice
        })
        .inner
}

fn contents(ui: &mut Ui, state: &mut RepairState, height: f32) -> RepairChoice {
    let name = state
        .path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    ui.heading(format!("Repair {name}"));
    ui.label(
        RichText::new(state.path.display().to_string())
            .small()
            .weak(),
    );
    ui.label(
        "This file cannot be opened as it is: saving it again could lose part of it. Fix the \
         text below, checked as you type; once it loads cleanly, Open repaired template makes \
         it your draft. The file on disk changes only when you then save that draft.",
    );
    ui.add_space(4.0);
    ui.allocate_ui(egui::vec2(ui.available_width(), PROBLEMS_HEIGHT), |ui| {
        ui.set_min_height(PROBLEMS_HEIGHT);
        problem_list(ui, state);
    });
    ui.add_space(4.0);
    // What the texts, the list and the buttons leave to the editor.
    text_with_line_numbers(ui, state, (height - PROBLEMS_HEIGHT - 190.0).max(120.0));
    state.check();
    ui.add_space(6.0);
    let mut choice = RepairChoice::None;
    ui.horizontal(|ui| {
        let ready = state.request.is_some();
        let open = ui
            .add_enabled(ready, egui::Button::new("Open repaired template"))
            .on_hover_text("Open this text as the draft; Save writes it to the file.")
            .on_disabled_hover_text("Fix the problems listed above first.");
        if open.clicked()
            && let Some(request) = state.request.clone()
        {
            choice = RepairChoice::Open(Box::new(request));
        }
        if ui
            .button("Cancel")
            .on_hover_text("Close without opening: your draft and the file stay as they are.")
            .clicked()
        {
            choice = RepairChoice::Cancel;
        }
    });
    choice
}

/// Each problem at its line and column; a click puts the text's cursor there.
fn problem_list(ui: &mut Ui, state: &mut RepairState) {
    if state.problems.is_empty() {
        ui.label(RichText::new("✔ The text loads cleanly.").color(theme::OK));
        return;
    }
    let count = state.problems.len();
    ui.strong(format!(
        "{count} {} to fix (click one to go to it):",
        if count == 1 { "problem" } else { "problems" }
    ));
    egui::ScrollArea::vertical()
        .id_salt("repair-problems")
        .max_height(PROBLEMS_HEIGHT - 20.0)
        .show(ui, |ui| {
            for p in &state.problems {
                let text = RichText::new(format!("✖ {p}")).color(theme::ERROR);
                let mut line = ui.add(egui::Label::new(text).sense(egui::Sense::click()));
                if let Some(field) = crate::rcs::label::label(&p.path) {
                    line = line.on_hover_text(field);
                }
                if line.clicked() {
                    state.go_to_next = Some(char_index(&state.text, p.line, p.column));
                    ui.ctx().request_repaint();
                }
            }
        });
}

/// The character index of a 1-based line and column, clamped to the text.
fn char_index(text: &str, line: usize, column: usize) -> usize {
    let mut index = 0;
    for (i, this) in text.split('\n').enumerate() {
        let length = this.chars().count();
        if i + 1 == line {
            return index + column.saturating_sub(1).min(length);
        }
        index += length + 1;
    }
    text.chars().count()
}

/// The text in a monospace editor with a gutter of line numbers; lines with a problem have a
/// red number and a ✖.
fn text_with_line_numbers(ui: &mut Ui, state: &mut RepairState, height: f32) {
    let id = egui::Id::unique("rcs-repair-text");
    if let Some(at) = state.go_to.take() {
        let mut edit = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
        edit.cursor
            .set_char_range(Some(CCursorRange::one(CCursor::new(at))));
        edit.store(ui.ctx(), id);
        ui.memory_mut(|m| m.request_focus(id));
        // The cursor shows from the next frame: draw it.
        ui.ctx().request_repaint();
    }
    let lines = state.text.split('\n').count().max(1);
    let bad: Vec<usize> = state.problems.iter().map(|p| p.line).collect();
    let mono = egui::TextStyle::Monospace.resolve(ui.style());
    let label = ui.strong("Template text");
    egui::ScrollArea::both()
        .id_salt("repair-text")
        .max_height(height)
        .min_scrolled_height(height)
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
                // The ✖ is wider than a monospace space: the gutter keeps the width it has
                // with one, so the text does not move when the last problem is mended.
                let widest = ui
                    .fonts_mut(|f| {
                        f.layout_no_wrap(format!("✖{lines:>4}"), mono.clone(), Color32::WHITE)
                    })
                    .size()
                    .x;
                // The editor's text starts after its frame's margin: so do the numbers.
                ui.vertical(|ui| {
                    ui.set_min_width(widest);
                    ui.add_space(2.0);
                    ui.label(gutter);
                });
                ui.add(
                    TextEdit::multiline(&mut state.text)
                        .id(id)
                        .code_editor()
                        .desired_width(f32::INFINITY)
                        .desired_rows(lines.max(12)),
                )
                .labelled_by(label.id);
            });
        });
}

#[cfg(test)]
mod tests {
    use super::char_index;

    #[test]
    fn a_line_and_column_is_the_character_they_name() {
        let text = "{\n  \"é\": 1,\n}";
        assert_eq!(char_index(text, 1, 1), 0);
        assert_eq!(char_index(text, 2, 3), 4);
        // Characters, not bytes: the é is one.
        assert_eq!(char_index(text, 2, 7), 8);
        assert_eq!(char_index(text, 3, 1), 12);
        // Past the end of a line or of the text: clamped.
        assert_eq!(char_index(text, 1, 40), 1);
        assert_eq!(char_index(text, 9, 1), text.chars().count());
    }
}
