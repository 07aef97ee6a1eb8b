//! What a running campaign tells its watcher: a [`Progress`] snapshot, published through a
//! `tokio::sync::watch` channel so that the window and the terminal read the same figures and
//! a slow reader only ever sees the latest one.

use std::time::Duration;

/// Rows by the status the report gives them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Taken by the service (or, with `--check-only`, passed the local checks).
    pub accepted: u64,
    /// Refused by the service (`ValidationException`, `AccessDeniedException`, …).
    pub rejected: u64,
    /// Refused by the local checks (the filled-in message or the row is wrong).
    pub invalid: u64,
    /// Nobody to send to: a phone that is not E.164, or one already in an earlier row.
    pub skipped: u64,
    /// Sent or not, nobody can tell (a timeout, a 5xx, a crash before the answer), or not
    /// reached because the run stopped (the report's code says which).
    pub unknown: u64,
}

impl Counts {
    /// Every row counted.
    #[must_use]
    pub const fn total(&self) -> u64 {
        self.accepted + self.rejected + self.invalid + self.skipped + self.unknown
    }

    /// Rows that did not end accepted: what "errors so far" shows.
    #[must_use]
    pub const fn errors(&self) -> u64 {
        self.rejected + self.invalid + self.skipped + self.unknown
    }
}

/// Where a run is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum State {
    /// Not started yet (the channel's first value).
    #[default]
    Starting,
    /// Reading the audience: the counting pass before a send, or the whole of `--check-only`.
    Checking,
    /// Sending (or dry-running) rows.
    Sending,
    /// The service said `ServiceQuotaExceededException`: nothing more is dispatched, requests
    /// already in flight finish. The text says what happened and how to resume.
    Paused(String),
    /// The service could not be reached (connection refused, DNS): nothing more is
    /// dispatched. The text says why.
    Unreachable(String),
    /// Cancelled by the user: nothing more is dispatched, requests in flight finish.
    Cancelled,
    /// Every row has its final status and the report is written.
    Finished,
}

impl State {
    /// A word or two for a status line.
    #[must_use]
    pub fn label(&self) -> &'static str {
        match self {
            Self::Starting => "starting",
            Self::Checking => "checking",
            Self::Sending => "sending",
            Self::Paused(_) => "paused",
            Self::Unreachable(_) => "service unreachable",
            Self::Cancelled => "cancelled",
            Self::Finished => "finished",
        }
    }

    /// True once the run no longer dispatches requests (it may still be writing its report;
    /// it is over when [`run`](super::run::run) returns).
    #[must_use]
    pub fn is_stopping(&self) -> bool {
        matches!(
            self,
            Self::Paused(_) | Self::Unreachable(_) | Self::Cancelled | Self::Finished
        )
    }
}

/// A snapshot of a run, published at most every [`Progress::INTERVAL`] and at every change
/// of [`State`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Progress {
    pub state: State,
    /// Data rows in the audience (the header excluded); 0 until the counting pass ends.
    pub total: u64,
    /// Rows with their final status so far, including rows carried over from the journal of
    /// a resumed run.
    pub done: u64,
    pub counts: Counts,
    /// `ThrottlingException` answers so far; each was retried after a back-off and is not a
    /// failure.
    pub throttled: u64,
    /// Requests sent and not answered yet.
    pub in_flight: usize,
    /// Rows settled per second recently (a moving average over a few seconds).
    pub rows_per_second: f64,
    /// Time left at the recent rate; `None` before there is a rate.
    pub eta: Option<Duration>,
    /// Time since the run started.
    pub elapsed: Duration,
}

impl Progress {
    /// How often a running campaign publishes at most.
    pub const INTERVAL: Duration = Duration::from_millis(100);

    /// `done / total` in 0..=1 (0 while the total is unknown).
    #[must_use]
    #[expect(
        clippy::cast_precision_loss,
        clippy::cast_possible_truncation,
        reason = "a fraction in 0..=1 for a progress bar; row counts far beyond 2^52 are not audiences"
    )]
    pub fn fraction(&self) -> f32 {
        if self.total == 0 {
            0.0
        } else {
            (self.done as f64 / self.total as f64).min(1.0) as f32
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_add_up() {
        let c = Counts {
            accepted: 5,
            rejected: 1,
            invalid: 2,
            skipped: 3,
            unknown: 4,
        };
        assert_eq!(c.total(), 15);
        assert_eq!(c.errors(), 10);
    }

    #[test]
    fn fraction_is_bounded() {
        let mut p = Progress::default();
        assert!(p.fraction().abs() < f32::EPSILON);
        p.total = 4;
        p.done = 1;
        assert!((p.fraction() - 0.25).abs() < f32::EPSILON);
        p.done = 9;
        assert!((p.fraction() - 1.0).abs() < f32::EPSILON);
    }
}
