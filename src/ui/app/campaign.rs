//! The audience and the previewed row: commands, scan results, and the personalised view of
//! the template (the values the preview, the counters and the test send use).

use std::path::PathBuf;

use super::App;
use crate::campaign::check::{Judgement, PHONE_PATH};
use crate::rcs::personalise::Personaliser;
use crate::ui::campaign::labels::FieldNames;
use crate::ui::campaign::rows::{self, RowView};
use crate::ui::campaign::scan::{ScanError, ScanProgress, ScanRequest, Scanned};
use crate::ui::campaign::{Personal, RowProblems};
use crate::ui::command::Command;
use crate::ui::views::editor::Tab;
use crate::ui::workers::files::{Job, PickPurpose};

impl App {
    /// The audience, its rows, sample values and campaign runs.
    pub(super) fn apply_campaign(&mut self, ctx: &egui::Context, command: &Command) {
        match command.clone() {
            Command::OpenAudience => {
                let folder = self
                    .campaign
                    .path
                    .as_ref()
                    .and_then(|p| p.parent())
                    .map_or_else(|| self.dialog_folder(), std::path::Path::to_path_buf);
                self.jobs.pick(PickPurpose::Audience, folder, String::new());
            }
            Command::LoadAudience(path) => self.load_audience(path),
            Command::CloseAudience => {
                self.campaign.close();
                self.status = Some(("Audience closed.".into(), false));
                self.refresh();
            }
            Command::SetPhoneColumn(column) => {
                self.campaign.phone_column = Some(column);
                // Every row's judgement depends on its phone: nothing of the old scan holds.
                self.campaign.scanned = None;
                self.campaign.view = None;
                self.campaign.error = None;
                self.start_scan();
                self.refresh();
            }
            Command::GoToRow(n) => self.select_row(n),
            Command::NextProblemRow => {
                let next = self
                    .campaign
                    .scanned
                    .as_ref()
                    .and_then(|s| s.next_problem(self.campaign.row));
                if let Some(n) = next {
                    self.select_row(n);
                }
            }
            Command::ShowRowProblem { row, path } => {
                self.select_row(row);
                if path.is_empty() || path == PHONE_PATH {
                    // The row itself or its phone cell: the Audience tab shows those.
                    self.editor.tab = Tab::Audience;
                } else {
                    self.editor.jump(&path);
                }
            }
            Command::SetSample { name, value } => {
                let key = self.template_key();
                let values = self.settings.samples.entry(key.clone()).or_default();
                if value.is_empty() {
                    values.remove(&name);
                } else {
                    values.insert(name, value);
                }
                if values.is_empty() {
                    self.settings.samples.remove(&key);
                }
                self.jobs.submit(Job::WriteSettings(self.settings.clone()));
                self.refresh();
            }
            other => self.apply_campaign_run(&other),
        }
        // A changed row or audience is drawn by the next frame, not at the next input.
        ctx.request_repaint();
    }

    /// Reads and checks a new audience file from its first row.
    pub(super) fn load_audience(&mut self, path: PathBuf) {
        self.campaign.close();
        self.campaign.path = Some(path);
        self.campaign.row = 1;
        self.editor.tab = Tab::Audience;
        self.start_scan();
        self.refresh();
    }

    /// Scans the audience against the template as it is now (a running scan is cancelled).
    fn start_scan(&mut self) {
        let Some(path) = self.campaign.path.clone() else {
            return;
        };
        let template = self.doc.draft.request.clone();
        let (generation, cancel) = self.campaign.next_scan(&template);
        self.jobs.scan(
            ScanRequest {
                generation,
                path,
                phone_column: self.campaign.phone_column.clone(),
                template,
            },
            cancel,
        );
    }

    pub(super) fn on_audience_progress(&mut self, generation: u64, progress: ScanProgress) {
        if generation == self.campaign.generation && self.campaign.scanning() {
            self.campaign.progress = Some(progress);
        }
    }

    pub(super) fn on_audience_scanned(
        &mut self,
        generation: u64,
        result: Option<Result<Box<Scanned>, ScanError>>,
    ) {
        if generation != self.campaign.generation {
            return;
        }
        let Some(result) = result else {
            return;
        };
        self.campaign.progress = None;
        match result {
            Ok(scanned) => {
                self.campaign.names = FieldNames::of(&scanned.template);
                self.campaign.row = self.campaign.row.clamp(1, scanned.rows.max(1));
                self.campaign.error = None;
                self.campaign.scanned = Some(*scanned);
                // Re-read: the file may have changed, or the phone column did.
                self.campaign.view = None;
                let row = self.campaign.row;
                self.select_row(row);
            }
            Err(e) => {
                self.campaign.scanned = None;
                self.campaign.view = None;
                self.campaign.error = Some(e);
            }
        }
        self.refresh();
    }

    /// Shows row `n` (clamped to the audience): one seek and a small read, then filled in
    /// and judged against the current template.
    pub(super) fn select_row(&mut self, n: u64) {
        let Some(scanned) = &self.campaign.scanned else {
            return;
        };
        if scanned.rows == 0 {
            self.campaign.view = None;
            self.campaign.row_error = None;
            return;
        }
        let n = n.clamp(1, scanned.rows);
        self.campaign.row = n;
        let cached = self
            .campaign
            .view
            .as_ref()
            .filter(|v| v.row.number == n)
            .map(|v| v.row.clone());
        let cells = match cached {
            Some(cells) => Ok(cells),
            None => rows::read_row(scanned, n),
        };
        match cells {
            Ok(cells) => {
                let view = RowView::new(
                    &Personaliser::new(self.doc.draft.request.clone()),
                    &scanned.audience,
                    cells,
                    scanned.judgement(n),
                );
                self.campaign.view = Some(view);
                self.campaign.row_error = None;
            }
            Err(e) => {
                self.campaign.view = None;
                self.campaign.row_error = Some(e);
            }
        }
        self.derive_document();
    }

    /// After an edit: the audience's column errors join the template's issues, the rows are
    /// checked again (in the background), the current row is filled in again.
    pub(super) fn refresh_campaign(&mut self) {
        if self.campaign.path.is_some()
            && self.campaign.requested.as_ref() != Some(&self.doc.draft.request)
            && (self.campaign.scanned.is_some() || self.campaign.scanning())
        {
            self.start_scan();
        }
        if let (Some(scanned), Some(view)) = (&self.campaign.scanned, &self.campaign.view) {
            let view = RowView::new(
                &Personaliser::new(self.doc.draft.request.clone()),
                &scanned.audience,
                view.row.clone(),
                scanned.judgement(view.row.number),
            );
            self.campaign.view = Some(view);
        }
    }

    /// The personalised view of the template, if it has placeholders or an audience row.
    #[must_use]
    pub fn personal(&self) -> Option<&Personal> {
        self.doc.derived().personal.as_ref()
    }

    /// The request the preview shows.
    #[must_use]
    pub fn preview_request(&self) -> &crate::rcs::model::SendRcsMessageRequest {
        self.doc.preview_request()
    }

    /// The audience's row problems for the Checks list.
    #[must_use]
    pub fn row_problems(&self) -> &RowProblems {
        &self.row_problems
    }

    pub(super) fn compute_row_problems(&self) -> RowProblems {
        let Some(scanned) = &self.campaign.scanned else {
            return RowProblems::default();
        };
        RowProblems {
            lines: self.campaign.problem_lines(),
            rows: scanned.rows,
            with_problems: scanned.rows - scanned.count(Judgement::Valid),
            rechecking: self.campaign.scanning(),
        }
    }
}
