//! The Audience tab: open a CSV, its rows, columns and phone column, the problems found in
//! its rows by kind and field, the longest value of each column, and the sample values used
//! while no audience is open.

use std::collections::BTreeMap;

use egui::{RichText, Ui};

use crate::campaign::check::Judgement;
use crate::ui::campaign::CampaignState;
use crate::ui::command::Command;
use crate::ui::theme;

pub struct PanelInput<'a> {
    pub state: &'a CampaignState,
    /// The template's placeholder names, in first-use order.
    pub names: &'a [String],
    /// This template's sample values.
    pub samples: Option<&'a BTreeMap<String, String>>,
}

/// Draws the tab.
pub fn show(ui: &mut Ui, input: &PanelInput<'_>, commands: &mut Vec<Command>) {
    let state = input.state;
    ui.horizontal(|ui| {
        ui.strong("Audience");
        if ui
            .button("📂 Open audience…")
            .on_hover_text("A CSV file with a header row: one recipient a row, a phone column, one column per placeholder.")
            .clicked()
        {
            commands.push(Command::OpenAudience);
        }
        if state.path.is_some() && ui.button("Close audience").clicked() {
            commands.push(Command::CloseAudience);
        }
    });
    let Some(path) = &state.path else {
        ui.label(
            "No audience is open. Open a CSV file (UTF-8, comma, semicolon or tab separated) with a header row: a phone column in E.164 format and a column for each {{placeholder}} of the template. You can also drop the file onto the window.",
        );
        ui.separator();
        samples(ui, input, commands);
        return;
    };
    ui.label(RichText::new(path.display().to_string()).small());
    if let Some(progress) = state.progress {
        let what = if state.scanned.is_some() {
            "Re-checking the rows against the edited template"
        } else {
            "Reading rows"
        };
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a percentage of a fraction in 0..=1"
        )]
        let percent = (progress.fraction * 100.0).round() as u32;
        ui.add(egui::ProgressBar::new(progress.fraction).text(format!(
            "{what}… {} rows ({percent}%)",
            thousands(progress.rows)
        )));
    }
    if let Some(error) = &state.error {
        ui.label(RichText::new(format!("✖ {}", error.message)).color(theme::ERROR));
    }
    phone_column(ui, state, commands);
    if let Some(scanned) = &state.scanned {
        ui.label(format!(
            "{} {} · {} columns",
            thousands(scanned.rows),
            if scanned.rows == 1 { "row" } else { "rows" },
            scanned.audience.columns.len()
        ));
        ui.label(format!(
            "{} valid · {} invalid · {} skipped (no usable or a repeated phone number)",
            thousands(scanned.count(Judgement::Valid)),
            thousands(scanned.count(Judgement::Invalid)),
            thousands(scanned.count(Judgement::Skipped)),
        ));
        ui.add_space(6.0);
        problems(ui, state, commands);
        ui.add_space(6.0);
        columns(ui, state);
    }
    ui.separator();
    samples(ui, input, commands);
}

fn phone_column(ui: &mut Ui, state: &CampaignState, commands: &mut Vec<Command>) {
    let columns = state.columns();
    if columns.is_empty() {
        return;
    }
    let current = state
        .scanned
        .as_ref()
        .and_then(|s| s.audience.columns.get(s.audience.phone))
        .map(String::as_str)
        .or(state.phone_column.as_deref());
    ui.horizontal(|ui| {
        let label = ui.label("Phone column");
        egui::ComboBox::from_id_salt("phone-column")
            .selected_text(current.unwrap_or("(choose)"))
            .show_ui(ui, |ui| {
                for c in columns {
                    if ui
                        .selectable_label(current == Some(c.as_str()), c)
                        .clicked()
                        && current != Some(c.as_str())
                    {
                        commands.push(Command::SetPhoneColumn(c.clone()));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
}

fn problems(ui: &mut Ui, state: &CampaignState, commands: &mut Vec<Command>) {
    let lines = state.problem_lines();
    if lines.is_empty() {
        if !state.scanning() {
            ui.label(
                RichText::new("✔ Every row passes the checks.")
                    .color(egui::Color32::from_rgb(40, 160, 70)),
            );
        }
        return;
    }
    ui.strong("Problems in rows, by kind and field");
    egui::Grid::new("audience-problems")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for line in lines {
                ui.label(RichText::new(&line.text).color(theme::ERROR))
                    .on_hover_text(&line.hover);
                if ui
                    .link(format!("show row {}", line.first_row))
                    .on_hover_text("Show this row in the preview and the field in the editor")
                    .clicked()
                {
                    commands.push(Command::ShowRowProblem {
                        row: line.first_row,
                        path: line.path.clone(),
                    });
                }
                ui.end_row();
            }
        });
}

fn columns(ui: &mut Ui, state: &CampaignState) {
    let Some(scanned) = &state.scanned else {
        return;
    };
    ui.strong("Columns");
    egui::Grid::new("audience-columns")
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            ui.label(RichText::new("Column").weak());
            ui.label(RichText::new("Longest value").weak());
            ui.label(RichText::new("").weak());
            ui.end_row();
            for (i, (name, longest)) in scanned
                .audience
                .columns
                .iter()
                .zip(&scanned.longest)
                .enumerate()
            {
                if i == scanned.audience.phone {
                    ui.label(format!("{name} (phone column)"));
                } else {
                    ui.label(name);
                }
                if longest.chars == 0 {
                    ui.label(RichText::new("always empty").weak());
                    ui.label("");
                } else {
                    ui.label(format!(
                        "{} {} (row {})",
                        longest.chars,
                        if longest.chars == 1 { "char" } else { "chars" },
                        longest.row
                    ));
                    let ellipsis = if longest.start.chars().count() < longest.chars {
                        "…"
                    } else {
                        ""
                    };
                    ui.label(RichText::new(format!("{}{ellipsis}", longest.start)).weak());
                }
                ui.end_row();
            }
        });
}

fn samples(ui: &mut Ui, input: &PanelInput<'_>, commands: &mut Vec<Command>) {
    ui.strong("Sample values");
    if input.names.is_empty() {
        ui.label("The template has no placeholders. Write {{first_name}} (or {{first_name|there}} with a default) in any text to personalise it.");
        return;
    }
    ui.label(if input.state.scanned.is_some() {
        "Used for the preview and the test send when no audience is open; now the audience row's values are used."
    } else {
        "Used for the preview and the test send while no audience is open. Kept in the app's settings for this template, never in the template."
    });
    egui::Grid::new("sample-values")
        .num_columns(2)
        .show(ui, |ui| {
            for name in input.names {
                let label = ui.label(format!("{{{{{name}}}}}"));
                let mut value = input
                    .samples
                    .and_then(|s| s.get(name))
                    .cloned()
                    .unwrap_or_default();
                if ui
                    .add(
                        egui::TextEdit::singleline(&mut value)
                            .id_salt(("sample", name))
                            .hint_text("(empty: the default, if any)"),
                    )
                    .labelled_by(label.id)
                    .changed()
                {
                    commands.push(Command::SetSample {
                        name: name.clone(),
                        value,
                    });
                }
                ui.end_row();
            }
        });
}

/// 1234567 → "1,234,567".
#[must_use]
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_are_grouped() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(1_000), "1,000");
        assert_eq!(super::thousands(1_234_567), "1,234,567");
    }
}
