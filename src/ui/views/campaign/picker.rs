//! The row picker above the phone: first / previous / next / go to row N / next row with a
//! problem, and the row's verdict in words. Without an audience it says where the preview's
//! values come from.

use egui::{RichText, Ui};

use crate::campaign::check::Judgement;
use crate::ui::campaign::{CampaignState, Personal, Source};
use crate::ui::command::Command;
use crate::ui::theme;

/// Draws the picker (nothing for a template without placeholders and no audience).
pub fn show(
    ui: &mut Ui,
    state: &CampaignState,
    personal: Option<&Personal>,
    commands: &mut Vec<Command>,
) {
    if let Some(scanned) = &state.scanned {
        let rows = scanned.rows;
        let row = state.row;
        ui.horizontal_wrapped(|ui| {
            let before = row > 1;
            let after = row < rows;
            if ui
                .add_enabled(before, egui::Button::new("⏮ First").small())
                .clicked()
            {
                commands.push(Command::GoToRow(1));
            }
            if ui
                .add_enabled(before, egui::Button::new("◀ Previous").small())
                .clicked()
            {
                commands.push(Command::GoToRow(row - 1));
            }
            let label = ui.label("Row");
            let mut wanted = row;
            if ui
                .add(egui::DragValue::new(&mut wanted).range(1..=rows.max(1)))
                .labelled_by(label.id)
                .changed()
                && wanted != row
            {
                commands.push(Command::GoToRow(wanted));
            }
            ui.label(format!("of {}", super::panel::thousands(rows)));
            if ui
                .add_enabled(after, egui::Button::new("Next ▶").small())
                .clicked()
            {
                commands.push(Command::GoToRow(row + 1));
            }
            let problems = scanned.next_problem(row).is_some();
            if ui
                .add_enabled(
                    problems,
                    egui::Button::new("Next row with a problem").small(),
                )
                .on_disabled_hover_text("Every row passes the checks.")
                .clicked()
            {
                commands.push(Command::NextProblemRow);
            }
        });
        if let Some(e) = &state.row_error {
            ui.label(RichText::new(format!("✖ {e}")).color(theme::ERROR));
        } else if let Some(view) = &state.view {
            let colour = match view.judgement {
                Judgement::Valid => egui::Color32::from_rgb(40, 160, 70),
                Judgement::Invalid => theme::ERROR,
                Judgement::Skipped => theme::WARNING,
            };
            ui.label(RichText::new(view.verdict()).color(colour));
            let audience = &scanned.audience;
            let cells: Vec<String> = audience
                .columns
                .iter()
                .zip(&view.row.cells)
                .map(|(c, v)| format!("{c} = {v}"))
                .collect();
            ui.label(RichText::new(cells.join(" · ")).small().weak());
        }
        ui.separator();
        return;
    }
    let Some(personal) = personal else {
        return;
    };
    if let Source::Samples { any } = personal.source {
        let text = if any {
            "Placeholders filled with your sample values (Audience tab)."
        } else {
            "Placeholders shown as written: enter sample values or open an audience in the Audience tab."
        };
        ui.label(RichText::new(text).small());
        ui.separator();
    }
}
