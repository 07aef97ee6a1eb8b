//! The middle of the window: the editor with its tabs, the Send and Audience tabs drawn
//! from the app's state.

use egui::Ui;

use super::{App, campaign_run};
use crate::ui::command::Command;
use crate::ui::editor;

impl App {
    /// Draws the editor column; returns whether the draft changed.
    pub(super) fn editor_panel(
        &mut self,
        ui: &mut Ui,
        drop_targets: &mut Vec<(egui::Rect, String)>,
    ) -> bool {
        // Everything the Send tab shows is derived when the draft or the recipient changes
        // (`refresh`), or read where it lies, so a frame without the tab costs nothing.
        let origination = self.draft.request.origination_identity.clone();
        let values_note = self.send_values_note();
        let connection_words = self.connection().describe();
        let samples = self.settings.samples.get(&self.template_key());
        let (settings, send_issues, account) = (&self.settings, &self.send_issues, &self.account);
        let send = &mut self.send;
        let (campaign, names, run, issues) = (
            &self.campaign,
            &self.placeholder_names,
            &self.run,
            &self.issues,
        );
        let mut audience_tab = |ui: &mut Ui, commands: &mut Vec<Command>| {
            let input = crate::ui::campaign::panel::PanelInput {
                state: campaign,
                names,
                samples,
            };
            egui::ScrollArea::vertical()
                .id_salt("audience-scroll")
                .show(ui, |ui| {
                    crate::ui::campaign::panel::show(ui, &input, commands);
                    if campaign.path.is_some() {
                        ui.separator();
                        let blockers =
                            campaign_run::blockers(campaign, issues, origination.as_deref());
                        // Counted only when the rows are checked against this template.
                        let valid = campaign
                            .scanned
                            .as_ref()
                            .filter(|_| !campaign.scanning())
                            .map(|s| s.count(crate::campaign::check::Judgement::Valid));
                        let input = crate::ui::campaign::run_panel::RunInput {
                            run,
                            valid,
                            origination: origination.as_deref(),
                            connection: &connection_words,
                            blockers: &blockers,
                        };
                        crate::ui::campaign::run_panel::show(ui, &input, commands);
                    }
                });
        };
        let mut send_tab = |ui: &mut Ui, commands: &mut Vec<Command>| {
            let connection = settings
                .connection
                .clone()
                .unwrap_or(crate::aws::Connection::Sandbox);
            let agents = account.agent_ids();
            let input = crate::ui::send_panel::PanelInput {
                connection: &connection,
                recipients: &settings.test_recipients,
                recipient: settings.recipient.as_deref(),
                issues: send_issues,
                origination: origination.as_deref(),
                agents: &agents,
                values: values_note.as_deref(),
            };
            egui::ScrollArea::vertical()
                .id_salt("send-scroll")
                .show(ui, |ui| {
                    crate::ui::send_panel::show(ui, send, &input, commands);
                });
        };
        egui::CentralPanel::default()
            .show(ui, |ui| {
                let cx = editor::Context {
                    issues: &self.issues,
                    media: &self.media,
                    commands: &mut self.commands,
                    drop_targets,
                    send_tab: &mut send_tab,
                    audience_tab: &mut audience_tab,
                    personal: self.personal.as_ref(),
                    columns: self
                        .campaign
                        .scanned
                        .as_ref()
                        .map(|s| s.audience.columns.as_slice()),
                    row_problems: &self.row_problems,
                };
                editor::show(ui, &mut self.editor, &mut self.draft, cx)
            })
            .inner
    }
}
