//! The Checks list under the editor: every issue of the template, then the audience's row
//! problems; a click asks to show the field (or the row) concerned.

use egui::{RichText, Ui};

use crate::ui::campaign::RowProblems;
use crate::ui::command::Command;
use crate::ui::document::IssueIndex;
use crate::ui::views::campaign::panel::thousands;

/// Draws the Checks panel at the bottom of `ui`.
pub fn panel(ui: &mut Ui, issues: &IssueIndex, rows: &RowProblems, commands: &mut Vec<Command>) {
    egui::Panel::bottom("issues")
        .resizable(true)
        .default_size(120.0)
        .show(ui, |ui| issue_list(ui, issues, rows, commands));
}

fn issue_list(ui: &mut Ui, issues: &IssueIndex, rows: &RowProblems, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        ui.strong("Checks");
        let (e, w) = (issues.errors(), issues.warnings());
        if e + w == 0 {
            ui.label(
                RichText::new("✔ no problems in the template")
                    .color(egui::Color32::from_rgb(40, 160, 70)),
            );
        } else {
            ui.label(format!(
                "{e} {}, {w} {}",
                if e == 1 { "error" } else { "errors" },
                if w == 1 { "warning" } else { "warnings" }
            ));
        }
        if rows.with_problems > 0 {
            ui.separator();
            ui.label(
                RichText::new(format!(
                    "✖ {} of {} audience rows have problems",
                    thousands(rows.with_problems),
                    thousands(rows.rows)
                ))
                .color(crate::ui::theme::ERROR),
            );
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("issue-list")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for issue in &issues.all {
                let (icon, colour) = if issue.is_error() {
                    ("✖", crate::ui::theme::ERROR)
                } else {
                    ("⚠", crate::ui::theme::WARNING)
                };
                // The field as the editor names it; the API path in the tooltip.
                let (where_, hover) = if issue.path.is_empty() {
                    ("document".to_owned(), "The template as a whole".to_owned())
                } else {
                    (
                        crate::rcs::label::label(&issue.path).unwrap_or_else(|| issue.path.clone()),
                        format!("{} — click to show this field", issue.path),
                    )
                };
                let text =
                    RichText::new(format!("{icon} {where_}: {}", issue.message)).color(colour);
                if ui
                    .add(egui::Button::new(text).frame(false).wrap())
                    .on_hover_text(hover)
                    .clicked()
                {
                    commands.push(Command::Jump(issue.path.clone()));
                }
            }
            if !rows.lines.is_empty() {
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
                    let text =
                        RichText::new(format!("✖ {}", line.text)).color(crate::ui::theme::ERROR);
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
        });
}
