//! The campaign runner: one personalised template × an audience file, checked row by row,
//! dry-run or sent once and only once, journalled so that a crash can be resumed.
//!
//! The window and the command line drive the same three steps:
//!
//! 1. [`Plan::prepare`] reads the template and the audience's header and settles the options.
//!    Its errors are the user's to fix (exit 2 on the command line): an unreadable template,
//!    template-level errors, a placeholder column the audience lacks, no origination, a
//!    journal that exists without `--resume` or that belongs to another campaign.
//! 2. [`count`] reads the whole audience once (blocking; seconds for a million rows, so call
//!    it from `spawn_blocking` or a worker thread) and returns the [`Totals`] a confirmation
//!    names ([`Plan::confirmation`]).
//! 3. [`run`] does the work on the caller's tokio runtime, publishes [`Progress`] on a
//!    `watch` channel, stops dispatching when `cancel` fires, and returns an [`Outcome`] once
//!    the report is written. It counts again itself (the counting pass is deterministic), so
//!    step 2 is only needed for a confirmation.
//!
//! What the runner guarantees, whatever happens to the process:
//! - Each row's intent is on disk (fsynced) before its request goes out, and its result is
//!   appended after; a row with an intent and no result is `unknown` on resume and is not sent
//!   again unless [`Options::resend_unknown`].
//! - The SDK's own retries are off for these requests: only `ThrottlingException`, which the
//!   service answers without processing the request, is retried (by the runner, with
//!   exponential back-off and jitter). A timeout, a network error after connecting or an
//!   `InternalServerException` leaves the row `unknown`.
//! - The report has one line per data row, in row order, even after a cancel, a pause or a
//!   resume.

use std::path::{Path, PathBuf};

use aws_sdk_pinpointsmsvoicev2::Client;
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

use super::audience::{Audience, AudienceError};
use super::journal;
use super::progress::{Counts, Progress};
use crate::rcs::issue::Issue;
use crate::rcs::model::SendRcsMessageRequest;

/// The default send rate, in requests per second.
pub const DEFAULT_RATE: u32 = 20;

/// What a run does with the valid rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Nothing is sent and no journal is kept: valid rows are reported `accepted` with the
    /// message "passed the local checks (not sent)".
    CheckOnly,
    /// Each valid row is one `SendRcsMessage` with `DryRun: true`.
    DryRun,
    /// Each valid row is one real `SendRcsMessage`.
    Send,
}

impl Mode {
    /// The journal's `mode` value, and the word in default file names.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::CheckOnly => "check-only",
            Self::DryRun => "dry-run",
            Self::Send => "send",
        }
    }
}

/// Where the template comes from.
#[derive(Debug, Clone)]
pub enum TemplateSource {
    /// A template file; the journal records the SHA-256 of its bytes.
    File(PathBuf),
    /// A template held in memory (the window's draft); the journal records the SHA-256 of
    /// its pretty-printed JSON, the bytes a save would write.
    Draft(Box<SendRcsMessageRequest>),
}

/// What the caller chooses; [`Plan::prepare`] checks it.
#[derive(Debug, Clone)]
pub struct Options {
    pub template: TemplateSource,
    /// The audience CSV file (see [`Audience`] for the rules).
    pub audience: PathBuf,
    /// The phone column's name; `None`: the first of `phone`, `phone_number`, `mobile`,
    /// `DestinationPhoneNumber` (any case).
    pub phone_column: Option<String>,
    /// The origination identity; `None`: the template's (or, when resuming, the journal's).
    /// The template's own `DestinationPhoneNumber` is always ignored: each row's phone is the
    /// destination.
    pub origination: Option<String>,
    pub mode: Mode,
    /// The report CSV; `None`: `<audience stem>.<mode>-report.csv` beside the audience
    /// (`customers.dry-run-report.csv`, `customers.send-report.csv`,
    /// `customers.check-only-report.csv`).
    pub report: Option<PathBuf>,
    /// The journal; `None`: the report's path + `.journal`. Not used with
    /// [`Mode::CheckOnly`].
    pub journal: Option<PathBuf>,
    /// Continue the campaign recorded in the journal (which must exist and match).
    pub resume: bool,
    /// With `resume`: send again the rows whose outcome is unknown (an intent without a
    /// result, or an `unknown` result). They may then reach someone twice.
    pub resend_unknown: bool,
    /// Requests per second at most; 0 is unlimited.
    pub rate: u32,
}

impl Options {
    /// Options with the defaults: the phone column found by name, the template's origination,
    /// default report and journal paths, a fresh run at [`DEFAULT_RATE`].
    #[must_use]
    pub fn new(template: TemplateSource, audience: PathBuf, mode: Mode) -> Self {
        Self {
            template,
            audience,
            phone_column: None,
            origination: None,
            mode,
            report: None,
            journal: None,
            resume: false,
            resend_unknown: false,
            rate: DEFAULT_RATE,
        }
    }
}

/// A checked campaign, ready to be counted and run.
#[derive(Debug, Clone)]
pub struct Plan {
    pub(super) mode: Mode,
    /// The template with the origination and `DryRun` of the run applied.
    pub(super) template: SendRcsMessageRequest,
    pub(super) template_sha256: String,
    /// `None` with [`Mode::CheckOnly`] (no journal, no need to read the file twice).
    pub(super) audience_sha256: Option<String>,
    pub(super) warnings: Vec<Issue>,
    pub(super) audience: Audience,
    pub(super) origination: Option<String>,
    pub(super) report: PathBuf,
    pub(super) journal: Option<PathBuf>,
    pub(super) resume: bool,
    pub(super) resend_unknown: bool,
    pub(super) rate: u32,
}

impl Plan {
    /// Reads the template and the audience's header, and checks everything that can be
    /// checked before reading the rows. For a dry run or a send it also hashes the audience
    /// file and reads the journal's header: blocking, call it off the UI thread.
    ///
    /// # Errors
    /// Every [`RunError`] but [`RunError::NoClient`] and [`RunError::Io`] during a run.
    pub fn prepare(options: Options) -> Result<Self, RunError> {
        super::plan::prepare(options)
    }

    #[must_use]
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The template as each row's message starts: origination and `DryRun` applied.
    #[must_use]
    pub fn template(&self) -> &SendRcsMessageRequest {
        &self.template
    }

    /// The template's warnings (they do not stop a run; show them).
    #[must_use]
    pub fn warnings(&self) -> &[Issue] {
        &self.warnings
    }

    /// The audience's header: its columns and the phone column.
    #[must_use]
    pub fn audience(&self) -> &Audience {
        &self.audience
    }

    /// The origination identity every row is sent from (`None` only with `--check-only`).
    #[must_use]
    pub fn origination(&self) -> Option<&str> {
        self.origination.as_deref()
    }

    #[must_use]
    pub fn report_path(&self) -> &Path {
        &self.report
    }

    /// `None` with [`Mode::CheckOnly`].
    #[must_use]
    pub fn journal_path(&self) -> Option<&Path> {
        self.journal.as_deref()
    }

    /// The journal's first line for this campaign (`None` with [`Mode::CheckOnly`]). [`run`]
    /// writes it itself; a caller may write it earlier with [`journal::Journal::create`]
    /// (when the run is decided, before the seconds of a counting pass), so that a process
    /// killed at any later moment leaves a journal that `--resume` accepts. [`run`] then
    /// continues that journal; a journal with its header alone records nothing, so a new run
    /// may also take its place.
    #[must_use]
    pub fn journal_header(&self) -> Option<journal::Header> {
        let audience = self.audience_sha256.as_deref()?;
        Some(journal::Header::new(
            &self.template_sha256,
            audience,
            self.mode,
            self.origination.as_deref(),
        ))
    }

    /// Requests per second at most; 0 is unlimited.
    #[must_use]
    pub fn rate(&self) -> u32 {
        self.rate
    }

    /// Requests in flight at most: the rate, between 1 and 32; 64 when the rate is unlimited.
    #[must_use]
    pub fn max_in_flight(&self) -> usize {
        if self.rate == 0 {
            64
        } else {
            usize::try_from(self.rate.clamp(1, 32)).unwrap_or(32)
        }
    }

    /// What a confirmation must name before a real send (the caller adds the connection).
    #[must_use]
    pub fn confirmation(&self, totals: &Totals) -> Confirmation {
        super::plan::confirmation(self, totals)
    }
}

/// The counting pass's figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    /// Data rows (the header excluded).
    pub rows: u64,
    /// Rows that pass the local checks.
    pub valid: u64,
    pub invalid: u64,
    pub skipped: u64,
    /// When resuming: rows the journal already has a final result for (never sent again).
    pub settled: u64,
    /// When resuming: rows with an intent and no result (or an `unknown` result), reported
    /// `unknown` and not sent again unless `resend_unknown`.
    pub unknown: u64,
    /// Valid rows this run will send: the recipients a confirmation names.
    pub to_send: u64,
}

/// What a confirmation of a real send names. [`Confirmation::describe`] words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirmation {
    pub mode: Mode,
    /// Recipients this run will send to.
    pub recipients: u64,
    pub origination: String,
    /// "none", or the channel and origination of the SMS/MMS fallback.
    pub fallback: String,
    /// The template's `MaxPrice`, "not set" when absent.
    pub max_price: String,
}

impl Confirmation {
    /// One paragraph naming everything, with `connection` as [`crate::aws::Connection::describe`]
    /// words it (profile, region, endpoint).
    #[must_use]
    pub fn describe(&self, connection: &str) -> String {
        let what = match self.mode {
            Mode::Send => "Send",
            Mode::DryRun => "Dry-run",
            Mode::CheckOnly => "Check",
        };
        format!(
            "{what} {} {} from {} through {connection}; fallback: {}; MaxPrice: {}.",
            self.recipients,
            if self.recipients == 1 {
                "message"
            } else {
                "messages"
            },
            self.origination,
            self.fallback,
            self.max_price
        )
    }
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum End {
    /// Every row reached its status.
    Finished,
    /// The cancel token fired; rows not reached are `unknown` with code `not-sent`.
    Cancelled,
    /// `ServiceQuotaExceededException`; the text says what and how to resume.
    Paused(String),
    /// The service could not be reached before anything was sent (connection refused, DNS):
    /// the rows not sent are `unknown` with code `not-sent`; `--resume` sends them.
    Unreachable(String),
}

/// What a run did. The report is written when this is returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub end: End,
    /// Data rows, each with one line in the report.
    pub rows: u64,
    pub counts: Counts,
    pub throttled: u64,
    pub report: PathBuf,
    pub journal: Option<PathBuf>,
}

impl Outcome {
    /// True when the run finished and every row is `accepted` (exit code 0).
    #[must_use]
    pub fn all_accepted(&self) -> bool {
        self.end == End::Finished && self.counts.accepted == self.rows
    }

    /// True when some rows were not reached and `--resume` would send them.
    #[must_use]
    pub fn resumable(&self) -> bool {
        self.end != End::Finished && self.journal.is_some()
    }
}

/// Why a campaign cannot start or go on. Each is the user's to fix (exit 2), except an I/O
/// failure of the journal or report during a run.
#[derive(Debug)]
pub enum RunError {
    /// The template cannot be read, would not load faithfully, or has template-level errors.
    Template(Vec<Issue>),
    Audience(AudienceError),
    /// Placeholders without a default whose column the audience lacks.
    Columns(Vec<Issue>),
    /// A dry run or send needs an origination (`--origination` or the template's).
    NoOrigination,
    /// A dry run or send needs a client.
    NoClient,
    /// The journal exists without `--resume`, is missing with it, or belongs to another
    /// template, audience or mode; or it is not a journal.
    Journal(String),
    /// Reading or writing a file failed.
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let issues = |f: &mut std::fmt::Formatter<'_>, issues: &[Issue]| {
            for (i, issue) in issues.iter().enumerate() {
                if i > 0 {
                    f.write_str("\n")?;
                }
                write!(f, "{issue}")?;
            }
            Ok(())
        };
        match self {
            Self::Template(list) | Self::Columns(list) => issues(f, list),
            Self::Audience(e) => write!(f, "{e}"),
            Self::NoOrigination => f.write_str(
                "no origination: give --origination ID or set OriginationIdentity in the template",
            ),
            Self::NoClient => f.write_str("a dry run or a send needs a connection to the service"),
            Self::Journal(why) => f.write_str(why),
            Self::Io(path, e) => write!(f, "{}: {e}", path.display()),
        }
    }
}

impl std::error::Error for RunError {}

impl From<AudienceError> for RunError {
    fn from(e: AudienceError) -> Self {
        Self::Audience(e)
    }
}

/// The counting pass: reads every row once (and the journal when resuming) and returns the
/// figures a confirmation names. Blocking: call it off the UI thread and off async tasks
/// (`tokio::task::spawn_blocking`).
///
/// # Errors
/// [`RunError::Journal`] when resuming from a journal that does not match;
/// [`RunError::Audience`] or [`RunError::Io`] when a file cannot be read.
pub fn count(plan: &Plan) -> Result<Totals, RunError> {
    super::driver::count(plan)
}

/// Runs the campaign on the current tokio runtime (multi-threaded or not; blocking file work
/// is moved to `spawn_blocking`).
///
/// - `client`: any client for the service (a sandbox or an AWS one); the runner makes its own
///   copy with the SDK's retries off. `None` is fine for [`Mode::CheckOnly`].
/// - `progress`: receives a [`Progress`] at most every [`Progress::INTERVAL`] and at every
///   change of state; the last value sent is the final one.
/// - `cancel`: stops dispatching; requests in flight finish, rows not reached are reported
///   `unknown` with code `not-sent`, the report is written and `Ok` returned with
///   [`End::Cancelled`].
///
/// # Errors
/// The errors of [`count`], [`RunError::NoClient`], and [`RunError::Io`] when the journal
/// or the report cannot be written (the run stops at once: rows in flight then have an intent
/// and no result, `unknown` on resume).
pub async fn run(
    plan: Plan,
    client: Option<Client>,
    progress: watch::Sender<Progress>,
    cancel: CancellationToken,
) -> Result<Outcome, RunError> {
    super::driver::run(plan, client, progress, cancel).await
}
