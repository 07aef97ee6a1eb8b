//! The Checks list under the editor: the template's problems in groups (what the service will
//! reject, what the phone cuts, what other phones do, what else is worth knowing), then the
//! audience's row problems. Its heading counts each group and stays in view whatever the
//! editor scrolls to; a click on an entry asks to show its field (or row).

use egui::{Color32, RichText, Ui};

use crate::ui::campaign::RowProblems;
use crate::ui::command::Command;
use crate::ui::document::Problems;
use crate::ui::document::problems::{Entry, Group};
use crate::ui::theme;
use crate::ui::views::campaign::panel::thousands;

/// The colour of "nothing to fix".
const FINE: Color32 = Color32::from_rgb(40, 160, 70);

/// Draws the Checks panel at the bottom of `ui`.
pub fn panel(ui: &mut Ui, problems: &Problems, rows: &RowProblems, commands: &mut Vec<Command>) {
    egui::Panel::bottom("issues")
        .resizable(true)
        .default_size(150.0)
        .show(ui, |ui| {
            summary(ui, problems, rows);
            egui::ScrollArea::vertical()
                .id_salt("issue-list")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    groups(ui, problems, commands);
                    audience_rows(ui, rows, commands);
                });
        });
}

/// The icon and colour of a group's entries.
#[must_use]
pub fn look(ui: &Ui, group: Group) -> (&'static str, Color32) {
    match group {
        Group::Reject => ("✖", theme::ERROR),
        Group::Phone => ("⚠", theme::WARNING),
        Group::OtherPhones | Group::Notes => ("ℹ", ui.visuals().text_color()),
    }
}

/// The heading line: a count per group, and never "no problems" while there is one.
fn summary(ui: &mut Ui, problems: &Problems, rows: &RowProblems) {
    ui.horizontal_wrapped(|ui| {
        // Each count moves to the next line whole rather than breaking inside itself.
        ui.strong("Checks");
        if problems.is_empty() {
            part(
                ui,
                RichText::new("✔ No problems found in the template").color(FINE),
            );
        } else {
            let rejected = problems.count(Group::Reject);
            if rejected == 0 {
                part(
                    ui,
                    RichText::new("✔ Nothing the service will reject").color(FINE),
                );
            } else {
                part(
                    ui,
                    RichText::new(format!("✖ {rejected} the service will reject"))
                        .color(theme::ERROR),
                );
            }
            for (group, words) in [
                (Group::Phone, "on the phone"),
                (Group::OtherPhones, "for other phones"),
                (Group::Notes, "worth knowing"),
            ] {
                let n = problems.count(group);
                if n > 0 {
                    let (icon, colour) = look(ui, group);
                    part(
                        ui,
                        RichText::new(format!("{icon} {n} {words}")).color(colour),
                    );
                }
            }
        }
        if rows.with_problems > 0 {
            ui.separator();
            part(
                ui,
                RichText::new(format!(
                    "✖ {} of {} audience rows have problems",
                    thousands(rows.with_problems),
                    thousands(rows.rows)
                ))
                .color(theme::ERROR),
            );
        }
    });
}

/// One part of the heading line, kept whole when the line wraps.
fn part(ui: &mut Ui, text: RichText) {
    ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend));
}

/// The non-empty groups, each under its heading with its count.
pub fn groups(ui: &mut Ui, problems: &Problems, commands: &mut Vec<Command>) {
    for group in Group::ALL {
        let n = problems.count(group);
        if n == 0 {
            continue;
        }
        ui.label(RichText::new(format!("{} ({n})", group.heading())).strong());
        for entry in problems.of(group) {
            entry_row(ui, entry, commands);
        }
        ui.add_space(4.0);
    }
}

/// One entry: the field in the editor's words and what is wrong; the API path in the tooltip;
/// a click shows the field (the first card's, for a line about several cards).
pub fn entry_row(ui: &mut Ui, entry: &Entry, commands: &mut Vec<Command>) {
    let (icon, colour) = look(ui, entry.group);
    let text = RichText::new(format!("{icon} {}", entry.line())).color(colour);
    if ui
        .add(egui::Button::new(text).frame(false).wrap())
        .on_hover_text(entry.hover())
        .clicked()
    {
        commands.push(Command::Jump(entry.jump().to_owned()));
    }
}

/// The audience's row problems, as before: their own section after the template's.
fn audience_rows(ui: &mut Ui, rows: &RowProblems, commands: &mut Vec<Command>) {
    if rows.lines.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.label(
        RichText::new(if rows.rechecking {
            "Audience rows (from before your last edit; checking again…)"
        } else {
            "Audience rows"
        })
        .strong(),
    );
    for line in &rows.lines {
        let text = RichText::new(format!("✖ {}", line.text)).color(theme::ERROR);
        if ui
            .add(egui::Button::new(text).frame(false).wrap())
            .on_hover_text(format!(
                "{} — click to show row {}",
                line.hover, line.first_row
            ))
            .clicked()
        {
            commands.push(Command::ShowRowProblem {
                row: line.first_row,
                path: line.path.clone(),
            });
        }
    }
}
