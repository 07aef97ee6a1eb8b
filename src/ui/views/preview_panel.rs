//! The right-hand panel: light/dark and fallback switches, the audience row picker, the phone
//! preview, and what the phone cuts.

use egui::Ui;

use crate::ui::campaign::{CampaignState, Personal};
use crate::ui::command::Command;
use crate::ui::document::Problems;
use crate::ui::preview;
use crate::ui::views::campaign::picker;
use crate::ui::views::checks;

pub struct PreviewPanel<'a> {
    pub preview: preview::PreviewInput<'a>,
    pub campaign: &'a CampaignState,
    pub personal: Option<&'a Personal>,
    /// The list under the phone, in the Checks list's groups and words.
    pub problems: &'a Problems,
}

/// Draws the panel's contents.
pub fn show(
    ui: &mut Ui,
    p: &PreviewPanel<'_>,
    show_fallback: &mut bool,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        if fold_button(ui, false) {
            commands.push(Command::TogglePreview);
        }
        ui.strong("Preview");
        let mut dark = p.preview.dark;
        ui.selectable_value(&mut dark, false, "☀ Light");
        ui.selectable_value(&mut dark, true, "🌙 Dark");
        if dark != p.preview.dark {
            commands.push(Command::TogglePreviewTheme);
        }
        // Named after the fallback's channel: an MMS fallback is drawn as an MMS.
        let fallback =
            if crate::ui::preview::sms::is_mms(p.preview.request.fallback_configuration.as_ref()) {
                "MMS fallback"
            } else {
                "SMS fallback"
            };
        ui.toggle_value(show_fallback, fallback)
            .on_hover_text("Show the SMS/MMS thread a phone without RCS gets instead.");
        // The SMS thread has no brand header: the button waits for the RCS view.
        let why_not = if *show_fallback {
            "The SMS/MMS thread shows a phone number, not a brand: switch the fallback view off."
        } else {
            "Choose an origination first (Delivery or Send tab): the brand belongs to it."
        };
        let brand = ui
            .add_enabled(
                p.preview.origination.is_some() && !*show_fallback,
                egui::Button::new("Brand…"),
            )
            .on_hover_text(
                "The name, logo, colour and verified tick the header shows for this origination.",
            )
            .on_disabled_hover_text(why_not);
        if brand.clicked() {
            commands.push(Command::EditBrand);
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("preview-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            picker::show(ui, p.campaign, p.personal, commands);
            let input = preview::PreviewInput {
                show_fallback: *show_fallback,
                ..p.preview
            };
            preview::show(ui, &input);
            if !p.problems.is_empty() {
                // The Checks list's groups and words, for the message as the phone shows it.
                ui.add_space(8.0);
                checks::groups(ui, p.problems, commands);
            }
        });
}

/// The button that folds the preview away (`folded`: that shows it again); true when clicked.
pub fn fold_button(ui: &mut Ui, folded: bool) -> bool {
    let (icon, name, hover) = if folded {
        ("⏴", "Show preview", "Show the phone preview")
    } else {
        (
            "⏵",
            "Hide preview",
            "Fold the phone preview away: more room for the editor (remembered)",
        )
    };
    let response = ui.small_button(icon).on_hover_text(hover);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    response.clicked()
}
