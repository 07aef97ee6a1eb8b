//! A campaign run from the window: preparing (the runner's checks and counting pass, off the
//! UI thread), waiting for the typed confirmation of a real send, running with live progress,
//! and done. One at a time: nothing starts while one is under way.

use std::path::PathBuf;

use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

use crate::campaign::progress::Progress;
use crate::campaign::run::{Mode, Outcome, Plan, Totals};

/// Where the window's campaign is.
#[derive(Debug, Default)]
pub enum Phase {
    #[default]
    Idle,
    /// The runner checks the template and counts the rows (a real send's confirmation needs
    /// the count).
    Preparing { mode: Mode },
    /// A real send waits for the user to type the number of recipients.
    Confirming { plan: Box<Plan>, totals: Totals },
    Running {
        mode: Mode,
        progress: watch::Receiver<Progress>,
        cancel: CancellationToken,
        report: PathBuf,
    },
    Done {
        mode: Mode,
        result: Result<Box<Outcome>, String>,
    },
}

/// The window's campaign run.
#[derive(Debug, Default)]
pub struct RunState {
    pub phase: Phase,
    /// Tells a job's answer from an older one's.
    pub id: u64,
}

impl RunState {
    /// True from the click until the run has ended: no other run may start.
    #[must_use]
    pub fn busy(&self) -> bool {
        matches!(
            self.phase,
            Phase::Preparing { .. } | Phase::Confirming { .. } | Phase::Running { .. }
        )
    }

    /// The latest progress of a running campaign.
    #[must_use]
    pub fn progress(&self) -> Option<Progress> {
        match &self.phase {
            Phase::Running { progress, .. } => Some(progress.borrow().clone()),
            _ => None,
        }
    }
}

/// "1:05" for an ETA.
#[must_use]
pub fn clock(d: std::time::Duration) -> String {
    let s = d.as_secs();
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// The words of a mode in buttons and headings.
#[must_use]
pub const fn mode_words(mode: Mode) -> &'static str {
    match mode {
        Mode::CheckOnly => "Check",
        Mode::DryRun => "Dry run",
        Mode::Send => "Send",
    }
}
