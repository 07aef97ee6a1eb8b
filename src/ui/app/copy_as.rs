//! Edit › Copy as…: the request the Send tab would send — the draft with its placeholders
//! filled as the preview shows, the chosen test phone and the origination — put on the
//! clipboard as an AWS CLI command, a boto3 snippet or the request JSON (`crate::export`).

use egui::{RichText, Ui};

use super::App;
use crate::export::{self, Format};

/// The menu item's words.
const fn item_label(format: Format) -> &'static str {
    match format {
        Format::AwsCli => "AWS CLI command",
        Format::Boto3 => "boto3 snippet",
        Format::Json => "Request JSON",
    }
}

impl App {
    /// The "Copy as…" submenu; its items are disabled, with the reason shown, while the
    /// message cannot be sent (or, for the AWS CLI and boto3, not sent exactly).
    pub(super) fn copy_as_menu(&mut self, ui: &mut Ui) {
        ui.menu_button("Copy as…", |ui| {
            let unsendable = self.why_not_sendable();
            // Only worth the clone of the request when it can be sent at all.
            let inexact = if unsendable.is_none() {
                export::inexact(&self.send_request()).first().map(|p| {
                    format!(
                        "The AWS CLI and boto3 would send it differently: {}",
                        p.message
                    )
                })
            } else {
                None
            };
            if let Some(why) = unsendable.as_ref().or(inexact.as_ref()) {
                ui.label(RichText::new(why).weak().small());
            }
            for format in Format::ALL {
                let why = unsendable
                    .as_ref()
                    .or(inexact.as_ref().filter(|_| format != Format::Json));
                let item = ui
                    .add_enabled(why.is_none(), egui::Button::new(item_label(format)))
                    .on_hover_text(format!(
                        "Copy the {} that sends this message to the clipboard.",
                        format.describe()
                    ))
                    .on_disabled_hover_text(why.cloned().unwrap_or_default());
                if item.clicked() {
                    self.copy_as(ui.ctx(), format);
                    ui.close();
                }
            }
        });
    }

    /// Why the Send tab would refuse to send, in words; `None` when it would send.
    fn why_not_sendable(&self) -> Option<String> {
        let errors: Vec<_> = self
            .send_request_issues()
            .iter()
            .filter(|i| i.is_error())
            .collect();
        let first = errors.first()?;
        Some(match errors.len() {
            1 => format!("Cannot be sent yet: {}", first.message),
            n => format!("Cannot be sent yet ({n} errors), first: {}", first.message),
        })
    }

    fn copy_as(&mut self, ctx: &egui::Context, format: Format) {
        let request = self.send_request();
        self.status = Some(match export::render(format, &request) {
            Ok(text) => {
                ctx.copy_text(text);
                let to = request.destination_phone_number.as_deref().unwrap_or("?");
                let from = request.origination_identity.as_deref().unwrap_or("?");
                (
                    format!(
                        "Copied the {} (to {to}, from {from}) to the clipboard.",
                        format.describe()
                    ),
                    false,
                )
            }
            Err(problems) => (
                format!(
                    "Cannot copy the {}: {}",
                    format.describe(),
                    problems
                        .first()
                        .map(ToString::to_string)
                        .unwrap_or_default()
                ),
                true,
            ),
        });
    }
}
