//! The spend limits, with the RCS one to set or clear.

use egui::{RichText, Ui};

use super::AccountState;
use crate::rcs::account::{RCS_SPEND_LIMIT, validate_spend_override};
use crate::ui::command::Command;
use crate::ui::workers::net::AccountOp;

pub fn show(ui: &mut Ui, state: &mut AccountState, commands: &mut Vec<Command>) {
    state.spend.status(ui);
    let limits: Vec<serde_json::Value> = state
        .spend
        .value
        .as_ref()
        .and_then(|v| v["SpendLimits"].as_array())
        .cloned()
        .unwrap_or_default();
    let rcs = limits
        .iter()
        .find(|l| l["Name"] == RCS_SPEND_LIMIT)
        .cloned();
    egui::Grid::new("spend-limits")
        .num_columns(4)
        .striped(true)
        .show(ui, |ui| {
            for h in ["Limit", "Enforced (USD)", "Max (USD)", "Overridden"] {
                ui.strong(h);
            }
            ui.end_row();
            for l in &limits {
                let name = l["Name"].as_str().unwrap_or_default();
                let text = RichText::new(name);
                ui.label(if name == RCS_SPEND_LIMIT {
                    text.strong().color(egui::Color32::from_rgb(11, 110, 220))
                } else {
                    text
                });
                ui.label(l["EnforcedLimit"].to_string());
                ui.label(l["MaxLimit"].to_string());
                ui.label(if l["Overridden"] == true { "yes" } else { "no" });
                ui.end_row();
            }
        });
    ui.separator();
    let max = rcs.as_ref().and_then(|l| l["MaxLimit"].as_i64());
    ui.horizontal(|ui| {
        let label = ui.label("RCS monthly limit (USD)");
        ui.add(
            egui::TextEdit::singleline(&mut state.spend_input)
                .desired_width(100.0)
                .hint_text(max.map_or_else(String::new, |m| format!("≤ {m}"))),
        )
        .labelled_by(label.id);
        let value = state.spend_input.trim().parse::<i64>();
        let issues = value
            .as_ref()
            .map(|v| validate_spend_override(*v, max))
            .unwrap_or_default();
        let ok = value.is_ok() && issues.is_empty();
        if ui
            .add_enabled(ok, egui::Button::new("Set override"))
            .clicked()
            && let Ok(v) = value
        {
            commands.push(Command::Account(AccountOp::SetSpend(v)));
        }
        for i in &issues {
            crate::ui::views::editor::form::issue_line(ui, i);
        }
    });
    let overridden = rcs.as_ref().is_some_and(|l| l["Overridden"] == true);
    if ui
        .add_enabled(overridden, egui::Button::new("Remove override…"))
        .on_disabled_hover_text("The RCS limit is not overridden.")
        .clicked()
    {
        commands.push(Command::ConfirmAccount {
            title: "Remove the RCS spend-limit override?".into(),
            text: format!(
                "The RCS monthly limit returns to the MaxLimit AWS set for this account{}.",
                max.map_or_else(String::new, |m| format!(" ({m} USD)"))
            ),
            op: AccountOp::ClearSpend,
        });
    }
}
