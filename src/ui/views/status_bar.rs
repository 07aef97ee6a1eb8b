//! The status bar: work in progress, the active connection, where the template lives, the
//! last message, and the `MessageId` the service gave the request as it is now.

use std::path::Path;

use egui::{RichText, Ui};

use crate::aws::Connection;

pub struct StatusInput<'a> {
    pub busy: bool,
    pub connection: &'a Connection,
    pub path: Option<&'a Path>,
    /// The draft differs from the file at `path`.
    pub dirty: bool,
    /// The last message, and whether it is an error.
    pub message: Option<&'a (String, bool)>,
    /// The `MessageId` of the request to send, when the service accepted exactly that request.
    pub accepted: Option<&'a str>,
}

pub fn show(ui: &mut Ui, input: &StatusInput<'_>) {
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            if input.busy {
                ui.spinner();
            }
            // The MessageId first: the path and the last message give way to it when the
            // window is narrow.
            if let Some(id) = input.accepted {
                ui.label(RichText::new("Accepted: MessageId").small());
                crate::ui::views::copyable::button(ui, "MessageId", id);
                ui.add(egui::Label::new(RichText::new(id).small().monospace()).truncate())
                    .on_hover_text(format!("Accepted: MessageId {id}"));
                ui.separator();
            }
            ui.add(
                egui::Label::new(
                    RichText::new(format!("• {}", input.connection.describe()))
                        .small()
                        .color(crate::ui::views::send_panel::connection_colour(
                            input.connection,
                        )),
                )
                .truncate(),
            );
            ui.separator();
            let where_ = match input.path {
                None => "not saved yet".to_owned(),
                Some(p) if input.dirty => format!("{} — unsaved changes", p.display()),
                Some(p) => p.display().to_string(),
            };
            ui.add(egui::Label::new(RichText::new(where_).small()).truncate());
            if let Some((text, error)) = input.message {
                let colour = if *error {
                    crate::ui::theme::ERROR
                } else {
                    ui.visuals().text_color()
                };
                ui.separator();
                ui.add(egui::Label::new(RichText::new(text).small().color(colour)).truncate())
                    .on_hover_text(text);
            }
        });
    });
}
