//! Campaign runs from the window, through the same runner as the command line: the runner's
//! checks off the UI thread, the typed confirmation of a real send, progress, cancel.

use std::path::PathBuf;

use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

use super::{App, Dialog};
use crate::aws::Connection;
use crate::campaign::progress::Progress;
use crate::campaign::run::{Mode, Options, Outcome, TemplateSource};
use crate::rcs::timestamp::Timestamp;
use crate::ui::campaign::CampaignState;
use crate::ui::campaign::run_state::{Phase, mode_words};
use crate::ui::command::Command;
use crate::ui::views::editor::form::IssueIndex;
use crate::ui::workers::net::{NetJob, Prepared};

/// Why no campaign run can start now, in words; empty when one can.
#[must_use]
pub fn blockers(
    campaign: &CampaignState,
    issues: &IssueIndex,
    origination: Option<&str>,
) -> Vec<String> {
    let mut out = Vec::new();
    match &campaign.scanned {
        None if campaign.scanning() => out.push("Wait until the rows are checked.".to_owned()),
        None => out.push("Open an audience first.".to_owned()),
        Some(_) if campaign.scanning() => {
            out.push("Wait until the rows are checked again.".to_owned());
        }
        Some(s) if s.rows == 0 => out.push("The audience has no rows.".to_owned()),
        Some(_) => {}
    }
    if issues.errors() > 0 {
        out.push("Fix the template's errors first (see Checks).".to_owned());
    }
    if origination.is_none_or(str::is_empty) {
        out.push("Choose the origination (an RCS agent) in the Send tab.".to_owned());
    }
    out
}

impl App {
    pub(super) fn apply_campaign_run(&mut self, command: &Command) {
        match command {
            Command::CampaignRun(mode) => self.prepare_campaign(*mode),
            Command::CampaignConfirmed => {
                if let Phase::Confirming { plan, .. } = std::mem::take(&mut self.run.phase) {
                    self.start_campaign(Mode::Send, plan);
                }
            }
            Command::CampaignCancel => match &self.run.phase {
                Phase::Running { cancel, .. } => cancel.cancel(),
                Phase::Confirming { .. } | Phase::Preparing { .. } => {
                    // Nothing was sent; a late answer of the checks is ignored.
                    self.run.id += 1;
                    self.run.phase = Phase::Idle;
                }
                Phase::Idle | Phase::Done { .. } => {}
            },
            _ => {}
        }
    }

    /// Starts the runner's checks for `mode` (and its counting pass for a real send).
    fn prepare_campaign(&mut self, mode: Mode) {
        // The agent chosen in the Send tab for this connection, else the template's own.
        let origination = self.send_request().origination_identity.clone();
        if self.run.busy()
            || !blockers(&self.campaign, self.doc.issues(), origination.as_deref()).is_empty()
        {
            return;
        }
        let Some(scanned) = &self.campaign.scanned else {
            return;
        };
        let mut options = Options::new(
            TemplateSource::Draft(Box::new(self.doc.draft.request.clone())),
            scanned.audience.path.clone(),
            mode,
        );
        options.origination.clone_from(&origination);
        options.phone_column = scanned
            .audience
            .columns
            .get(scanned.audience.phone)
            .cloned();
        if mode == Mode::DryRun {
            // Dry runs can be repeated: each gets its own report and journal in the app's
            // data folder. A real send keeps the runner's defaults beside the audience, so its
            // journal stops a second send of the same file, from here or the command line.
            options.report = Some(self.dry_run_report(&scanned.audience.path));
        }
        self.run.id += 1;
        self.run.phase = Phase::Preparing { mode };
        self.net.submit(NetJob::CampaignPrepare {
            id: self.run.id,
            options: Box::new(options),
            count: mode == Mode::Send,
        });
    }

    /// `<data>/campaigns/<audience stem>-<UTC time>.dry-run-report.csv`.
    fn dry_run_report(&self, audience: &std::path::Path) -> PathBuf {
        let stem = audience
            .file_stem()
            .map_or_else(|| "audience".into(), |s| s.to_string_lossy().into_owned());
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let stamp = i64::try_from(now)
            .ok()
            .and_then(|s| Timestamp::from_secs_nanos(s, 0))
            .map_or_else(
                || now.to_string(),
                |t| {
                    let (y, mo, d, h, mi, s) = t.to_civil();
                    format!("{y:04}{mo:02}{d:02}-{h:02}{mi:02}{s:02}")
                },
            );
        let mut n = 1;
        loop {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            let path = self
                .paths
                .data
                .join("campaigns")
                .join(format!("{stem}-{stamp}{suffix}.dry-run-report.csv"));
            if !path.exists() {
                return path;
            }
            n += 1;
        }
    }

    pub(super) fn on_campaign_prepared(&mut self, id: u64, result: Result<Prepared, String>) {
        let Phase::Preparing { mode } = self.run.phase else {
            return;
        };
        if id != self.run.id {
            return;
        }
        match result {
            Err(e) => {
                self.run.phase = Phase::Done {
                    mode,
                    result: Err(e),
                };
            }
            Ok(Prepared { plan, totals }) => match (mode, totals) {
                (Mode::Send, Some(totals)) => {
                    self.dialog = Some(self.confirm_campaign(&plan, &totals));
                    self.run.phase = Phase::Confirming { plan, totals };
                }
                _ => self.start_campaign(mode, plan),
            },
        }
    }

    /// The confirmation of a real send: everything that decides where it goes and what it
    /// costs, in words true for the connection.
    fn confirm_campaign(
        &self,
        plan: &crate::campaign::run::Plan,
        totals: &crate::campaign::run::Totals,
    ) -> Dialog {
        let confirmation = plan.confirmation(totals);
        let sandbox = matches!(self.connection(), Connection::Sandbox);
        let (profile, region, endpoint) = self.connection_parts();
        let mut lines = vec![
            ("Recipients".to_owned(), totals.to_send.to_string()),
            ("Origination".to_owned(), confirmation.origination.clone()),
        ];
        if sandbox {
            lines.push(("Connection".to_owned(), self.connection().describe()));
            lines.push(("Endpoint".to_owned(), endpoint));
        } else {
            lines.push(("Profile".to_owned(), profile));
            lines.push(("Region".to_owned(), region));
            lines.push(("Endpoint".to_owned(), endpoint));
        }
        lines.push(("Fallback".to_owned(), confirmation.fallback.clone()));
        lines.push(("MaxPrice".to_owned(), confirmation.max_price.clone()));
        let skipped = totals.rows - totals.to_send;
        if skipped > 0 {
            lines.push((
                "Not sent".to_owned(),
                format!(
                    "{skipped} of {} rows (invalid {}, skipped {}; see the report)",
                    totals.rows, totals.invalid, totals.skipped
                ),
            ));
        }
        lines.push((
            "Report".to_owned(),
            plan.report_path().display().to_string(),
        ));
        if let Some(j) = plan.journal_path() {
            lines.push(("Journal".to_owned(), j.display().to_string()));
        }
        Dialog::ConfirmCampaign {
            sandbox,
            recipients: totals.to_send,
            lines,
            typed: String::new(),
        }
    }

    fn start_campaign(&mut self, mode: Mode, plan: Box<crate::campaign::run::Plan>) {
        let (tx, rx) = watch::channel(Progress::default());
        let cancel = CancellationToken::new();
        self.run.phase = Phase::Running {
            mode,
            progress: rx,
            cancel: cancel.clone(),
            report: plan.report_path().to_owned(),
        };
        self.net.submit(NetJob::CampaignRun {
            id: self.run.id,
            plan,
            connection: self.connection(),
            progress: tx,
            cancel,
        });
    }

    pub(super) fn on_campaign_done(&mut self, id: u64, result: Result<Box<Outcome>, String>) {
        let Phase::Running { mode, .. } = self.run.phase else {
            return;
        };
        if id != self.run.id {
            return;
        }
        self.status = Some(match &result {
            Ok(o) => (
                format!(
                    "{} over {} rows: {} accepted. Report: {}",
                    mode_words(mode),
                    o.rows,
                    o.counts.accepted,
                    o.report.display()
                ),
                false,
            ),
            Err(e) => (format!("{}: {e}", mode_words(mode)), true),
        });
        self.run.phase = Phase::Done { mode, result };
    }

    /// A confirmation closed without Send (Escape, a click outside) drops the waiting run.
    pub(super) fn drop_unconfirmed_run(&mut self) {
        if matches!(self.run.phase, Phase::Confirming { .. })
            && !matches!(self.dialog, Some(Dialog::ConfirmCampaign { .. }))
        {
            self.run.id += 1;
            self.run.phase = Phase::Idle;
        }
    }
}
