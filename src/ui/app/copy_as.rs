//! Edit › Copy as…: the request the Send tab would send — the draft with its placeholders
//! filled as the preview shows, the chosen test phone and the origination — put on the
//! clipboard as an AWS CLI command, a boto3 snippet or the request JSON (`crate::export`).
//! The menu item is drawn by `views::menu`.

use super::App;
use crate::export::{self, Format};

impl App {
    /// Puts the export on the clipboard and says so (or why not) in the status bar.
    pub(super) fn copy_as(&mut self, ctx: &egui::Context, format: Format) {
        let request = self.send_request().clone();
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
