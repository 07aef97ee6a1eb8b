//! The run itself: the counting pass, the feeder that judges rows on a blocking thread, and
//! the dispatcher that rate-limits, journals and sends them and writes the report.
//!
//! The feeder reads the audience in file order and turns each row into [`Work`]: either a
//! settled report line (invalid, skipped, carried over from the journal, or checked only) or
//! a job to send. The dispatcher takes jobs while it has tokens and room in flight, writes
//! their intents and fsyncs them in one go (group commit), then spawns one task per request.
//! Results come back as [`Event`]s; their lines go to the journal (fsynced with the next
//! batch of intents) and to the report's reordering buffer.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use aws_sdk_pinpointsmsvoicev2::Client;
use tokio::sync::{mpsc, watch};
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use super::audience::Row;
use super::check::{Judgement, RowChecker, Verdict};
use super::journal::{self, Entry, Journal, RowResult, Status};
use super::progress::{Progress, State};
use super::rate::{TokenBucket, backoff};
use super::report::{Line, Report};
use super::run::{End, Mode, Outcome, Plan, RunError, Totals};
use crate::aws::campaign::{SendFailure, once_only_client, send_once};
use crate::rcs::model::SendRcsMessageRequest;

/// The report message of a valid row under `--check-only`.
pub const CHECKED_MESSAGE: &str = "passed the local checks (not sent)";
/// The report message of a row with an intent and no result, not sent again.
pub const NO_RESULT_MESSAGE: &str =
    "sent or not: the process stopped before the answer; --resend-unknown sends it again";
/// Rows per message from the feeder to the dispatcher.
const CHUNK: usize = 256;
/// Report lines that may wait for an earlier row before the dispatcher stops taking settled
/// rows (a slow request at the head must not let a million invalid rows pile up in memory).
const MAX_WAITING: usize = 10_000;

type Recorded = HashMap<u64, Entry>;

/// What the journal says about a row, for this run.
enum Prior<'a> {
    /// Never sent, or certainly not sent: judge it and send it if valid.
    Fresh,
    /// A final result: kept, not sent again.
    Carried(&'a RowResult),
    /// An intent without a result: `unknown`, not sent again.
    NoResult,
}

fn prior(entry: Option<&Entry>, resend_unknown: bool) -> Prior<'_> {
    match entry {
        None => Prior::Fresh,
        Some(Entry::Result(r)) if r.status == Status::NotSent => Prior::Fresh,
        Some(Entry::Result(r)) if r.status == Status::Unknown && resend_unknown => Prior::Fresh,
        Some(Entry::Result(r)) => Prior::Carried(r),
        Some(Entry::Intent) if resend_unknown => Prior::Fresh,
        Some(Entry::Intent) => Prior::NoResult,
    }
}

/// Reads the journal to resume from, after checking its header again (the file may have
/// changed since the plan was prepared).
fn recorded(plan: &Plan) -> Result<Option<journal::Contents>, RunError> {
    let Some(path) = plan.journal.as_deref().filter(|_| plan.resume) else {
        return Ok(None);
    };
    let journal_error = |why: String| RunError::Journal(format!("{}: {why}", path.display()));
    let header = journal::read_header(path)
        .map_err(|e| match e {
            journal::HeaderError::Io(e) => RunError::Io(path.to_owned(), e),
            journal::HeaderError::NotAJournal(why) => journal_error(why),
        })?
        .ok_or_else(|| journal_error("the journal is gone".into()))?;
    header
        .matches(&expected_header(plan))
        .map_err(journal_error)?;
    let contents = journal::read(path).map_err(|e| RunError::Io(path.to_owned(), e))?;
    Ok(Some(contents))
}

pub(super) fn expected_header(plan: &Plan) -> journal::Header {
    plan.journal_header().unwrap_or_else(|| {
        journal::Header::new(
            &plan.template_sha256,
            "",
            plan.mode,
            plan.origination.as_deref(),
        )
    })
}

pub(super) fn count(plan: &Plan) -> Result<Totals, RunError> {
    let recorded = recorded(plan)?;
    count_with(
        plan,
        recorded.as_ref().map(|c| &c.rows),
        &AtomicBool::new(false),
    )
}

/// The counting pass; stops early (with partial figures) when `halt` is set.
fn count_with(
    plan: &Plan,
    recorded: Option<&Recorded>,
    halt: &AtomicBool,
) -> Result<Totals, RunError> {
    let mut checker = RowChecker::new(plan.template.clone(), &plan.audience);
    let mut rows = plan.audience.rows()?;
    let mut totals = Totals::default();
    while let Some(row) = next_row(&mut rows, plan)? {
        if halt.load(Ordering::Relaxed) {
            break;
        }
        totals.rows += 1;
        let verdict = checker.check(&row);
        match verdict.judgement {
            Judgement::Valid => totals.valid += 1,
            Judgement::Invalid => totals.invalid += 1,
            Judgement::Skipped => totals.skipped += 1,
        }
        match prior(
            recorded.and_then(|r| r.get(&row.number)),
            plan.resend_unknown,
        ) {
            Prior::Fresh if verdict.judgement == Judgement::Valid => totals.to_send += 1,
            Prior::Fresh => {}
            Prior::Carried(r) => {
                totals.settled += 1;
                if r.status == Status::Unknown {
                    totals.unknown += 1;
                }
            }
            Prior::NoResult => totals.unknown += 1,
        }
    }
    Ok(totals)
}

/// The rows of a check-only run, counted without judging them (for the progress total).
fn count_rows(plan: &Plan, halt: &AtomicBool) -> Result<u64, RunError> {
    let mut rows = plan.audience.rows()?;
    let mut n = 0;
    while next_row(&mut rows, plan)?.is_some() {
        if halt.load(Ordering::Relaxed) {
            break;
        }
        n += 1;
    }
    Ok(n)
}

fn next_row<'r>(
    rows: &'r mut super::audience::Rows,
    plan: &Plan,
) -> Result<Option<Row<'r>>, RunError> {
    rows.next_row().map_err(|e| {
        RunError::Io(
            plan.audience.path.clone(),
            std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string()),
        )
    })
}

/// A row to send.
struct Job {
    row: u64,
    phone: String,
    request: SendRcsMessageRequest,
}

/// What the feeder hands the dispatcher, in row order.
#[expect(
    clippy::large_enum_variant,
    reason = "settled lines are most rows; boxing them would cost an allocation per row"
)]
enum Work {
    /// A row whose line is known; `journal` is the result to journal, if any; `carried` when
    /// the line comes from the journal of an earlier run (not part of this run's rate).
    Settled {
        line: Line,
        journal: Option<RowResult>,
        carried: bool,
    },
    /// Boxed: a whole message is far larger than a report line.
    Send(Box<Job>),
}

fn verdict_result(verdict: &Verdict) -> RowResult {
    let status = match verdict.judgement {
        Judgement::Skipped => Status::Skipped,
        Judgement::Valid | Judgement::Invalid => Status::Invalid,
    };
    let error = verdict.first_error();
    RowResult {
        row: verdict.number,
        status,
        message_id: None,
        code: error.map(|e| e.code.as_str().to_owned()),
        path: error.map(|e| e.path.clone()).filter(|p| !p.is_empty()),
        message: error.map(|e| e.message.clone()),
    }
}

fn no_result_line(row: u64, phone: String) -> Line {
    Line {
        row,
        phone,
        status: "unknown",
        message_id: String::new(),
        code: "no-result".into(),
        path: String::new(),
        message: NO_RESULT_MESSAGE.into(),
    }
}

/// A row the run did not send: `unknown` with code `not-sent`; a resume sends it.
fn not_sent_line(row: u64, phone: String, why: &str) -> Line {
    Line {
        row,
        phone,
        status: "unknown",
        message_id: String::new(),
        code: "not-sent".into(),
        path: String::new(),
        message: format!("not sent: {why}; --resume sends it"),
    }
}

const NOT_REACHED: &str = "the run stopped before this row";

/// The feeder: judges every row in file order (repeats are found against earlier rows, so
/// every row is judged even when the journal settles it) and sends the work on in chunks.
/// Once `halt` is set it stops judging: rows not yet reached become `not-sent` lines.
fn feed(
    plan: &Plan,
    recorded: Option<&Recorded>,
    halt: &AtomicBool,
    tx: &mpsc::Sender<Vec<Work>>,
) -> Result<(), RunError> {
    let mut checker = RowChecker::new(plan.template.clone(), &plan.audience);
    let mut rows = plan.audience.rows()?;
    let mut chunk = Vec::with_capacity(CHUNK);
    while let Some(row) = next_row(&mut rows, plan)? {
        let entry = recorded.and_then(|r| r.get(&row.number));
        let prior = prior(entry, plan.resend_unknown);
        let work = if halt.load(Ordering::Relaxed) {
            let phone = row
                .cell(plan.audience.phone)
                .unwrap_or_default()
                .trim()
                .to_owned();
            match prior {
                Prior::Carried(r) => Work::Settled {
                    line: Line::from_result(r, phone),
                    journal: None,
                    carried: true,
                },
                Prior::NoResult => Work::Settled {
                    line: no_result_line(row.number, phone),
                    journal: None,
                    carried: true,
                },
                Prior::Fresh => Work::Settled {
                    line: not_sent_line(row.number, phone, NOT_REACHED),
                    journal: None,
                    carried: false,
                },
            }
        } else {
            let verdict = checker.check(&row);
            match prior {
                Prior::Carried(r) => Work::Settled {
                    line: Line::from_result(r, verdict.phone),
                    journal: None,
                    carried: true,
                },
                Prior::NoResult => Work::Settled {
                    line: no_result_line(row.number, verdict.phone),
                    journal: None,
                    carried: true,
                },
                Prior::Fresh => fresh(plan.mode, verdict),
            }
        };
        chunk.push(work);
        if chunk.len() == CHUNK {
            let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK));
            if tx.blocking_send(full).is_err() {
                // The dispatcher is gone (it failed): nothing more to do.
                return Ok(());
            }
        }
    }
    if !chunk.is_empty() {
        let _ = tx.blocking_send(chunk);
    }
    Ok(())
}

fn fresh(mode: Mode, verdict: Verdict) -> Work {
    match (verdict.judgement, verdict.request) {
        (Judgement::Valid, _) if mode == Mode::CheckOnly => Work::Settled {
            line: Line {
                row: verdict.number,
                phone: verdict.phone,
                status: "accepted",
                message_id: String::new(),
                code: String::new(),
                path: String::new(),
                message: CHECKED_MESSAGE.into(),
            },
            journal: None,
            carried: false,
        },
        (Judgement::Valid, Some(request)) => Work::Send(Box::new(Job {
            row: verdict.number,
            phone: verdict.phone,
            request,
        })),
        (_, request) => {
            let verdict = Verdict { request, ..verdict };
            let result = verdict_result(&verdict);
            Work::Settled {
                line: Line::from_result(&result, verdict.phone),
                journal: (mode != Mode::CheckOnly).then_some(result),
                carried: false,
            }
        }
    }
}

/// What a send task reports.
enum Event {
    Throttled,
    Done {
        row: u64,
        phone: String,
        answer: Answer,
    },
}

enum Answer {
    Sent(Result<String, SendFailure>),
    /// The run stopped while the row waited to be retried after `ThrottlingException`.
    Stopped,
}

/// One row's request: retried after `ThrottlingException` (back-off, then a token), never
/// after anything that may have been processed.
async fn send_row(
    client: Client,
    job: Job,
    limiter: Arc<TokenBucket>,
    stop: CancellationToken,
    events: mpsc::UnboundedSender<Event>,
) {
    let mut attempt = 0;
    let answer = loop {
        match send_once(&client, &job.request).await {
            Err(SendFailure::Throttled) => {
                let _ = events.send(Event::Throttled);
                tokio::select! {
                    () = stop.cancelled() => break Answer::Stopped,
                    () = tokio::time::sleep(backoff(attempt)) => {}
                }
                attempt = attempt.saturating_add(1);
                if !limiter.take(&stop).await {
                    break Answer::Stopped;
                }
            }
            other => break Answer::Sent(other),
        }
    };
    let _ = events.send(Event::Done {
        row: job.row,
        phone: job.phone,
        answer,
    });
}

/// Rows per second over the last few seconds, for the ETA.
struct Meter {
    started: Instant,
    last: Instant,
    last_done: u64,
    rate: f64,
}

impl Meter {
    fn new() -> Self {
        let now = Instant::now();
        Self {
            started: now,
            last: now,
            last_done: 0,
            rate: 0.0,
        }
    }

    #[expect(
        clippy::cast_precision_loss,
        reason = "row counts are far below 2^52; a rate is an estimate"
    )]
    fn update(&mut self, now: Instant, done: u64) {
        let dt = now.duration_since(self.last).as_secs_f64();
        if dt <= 0.0 {
            return;
        }
        let instant = done.saturating_sub(self.last_done) as f64 / dt;
        // An exponential moving average with a time constant of 3 s.
        let alpha = 1.0 - (-dt / 3.0).exp();
        self.rate = if self.last_done == 0 && self.rate == 0.0 {
            instant
        } else {
            self.rate + alpha * (instant - self.rate)
        };
        self.last = now;
        self.last_done = done;
    }
}

struct Dispatcher {
    report_path: std::path::PathBuf,
    max_in_flight: usize,
    client: Option<Client>,
    limiter: Arc<TokenBucket>,
    journal: Option<Journal>,
    report: Report,
    events_tx: mpsc::UnboundedSender<Event>,
    /// Cancels the back-offs of throttled rows when the run stops.
    stop_token: CancellationToken,
    halt: Arc<AtomicBool>,
    end: Option<End>,
    progress_tx: watch::Sender<Progress>,
    progress: Progress,
    /// Rows settled before this run (carried over from the journal) are not part of the rate.
    done_here: u64,
    meter: Meter,
    next_publish: Instant,
    in_flight: usize,
}

impl Dispatcher {
    fn stop(&mut self, end: End) {
        if self.end.is_some() {
            return;
        }
        self.halt.store(true, Ordering::Relaxed);
        self.stop_token.cancel();
        self.progress.state = match &end {
            End::Finished => State::Finished,
            End::Cancelled => State::Cancelled,
            End::Paused(why) => State::Paused(why.clone()),
            End::Unreachable(why) => State::Unreachable(why.clone()),
        };
        self.end = Some(end);
        self.publish(Instant::now());
    }

    /// A report write failure (the journal's are named where they happen).
    fn io(&self, e: std::io::Error) -> RunError {
        RunError::Io(self.report_path.clone(), e)
    }

    /// A row's line for the report and, when given, its result for the journal.
    fn settle(&mut self, line: Line, result: Option<&RowResult>) -> std::io::Result<()> {
        if let (Some(journal), Some(result)) = (self.journal.as_mut(), result) {
            journal.result(result);
        }
        let c = &mut self.progress.counts;
        match line.status {
            "accepted" => c.accepted += 1,
            "rejected" => c.rejected += 1,
            "invalid" => c.invalid += 1,
            "skipped" => c.skipped += 1,
            _ => c.unknown += 1,
        }
        self.progress.done += 1;
        self.report.add(line)
    }

    fn settle_work(&mut self, work: Work) -> std::io::Result<()> {
        match work {
            Work::Settled {
                line,
                journal,
                carried,
            } => {
                self.done_here += u64::from(!carried);
                self.settle(line, journal.as_ref())
            }
            Work::Send(job) => {
                self.done_here += 1;
                self.settle(not_sent_line(job.row, job.phone, NOT_REACHED), None)
            }
        }
    }

    fn on_event(&mut self, event: Event) -> std::io::Result<()> {
        let (row, phone, answer) = match event {
            Event::Throttled => {
                self.progress.throttled += 1;
                return Ok(());
            }
            Event::Done { row, phone, answer } => (row, phone, answer),
        };
        self.in_flight -= 1;
        self.done_here += 1;
        let result = |status, code: Option<String>, path, message: Option<String>| RowResult {
            row,
            status,
            message_id: None,
            code,
            path,
            message,
        };
        let (line, journalled) = match answer {
            Answer::Sent(Ok(id)) => {
                let r = RowResult {
                    message_id: Some(id),
                    ..result(Status::Accepted, None, None, None)
                };
                (Line::from_result(&r, phone), r)
            }
            Answer::Sent(Err(SendFailure::Rejected {
                code,
                path,
                message,
            })) => {
                let r = result(Status::Rejected, Some(code), path, Some(message));
                (Line::from_result(&r, phone), r)
            }
            Answer::Sent(Err(SendFailure::Unknown { code, message })) => {
                let r = result(Status::Unknown, Some(code), None, Some(message));
                (Line::from_result(&r, phone), r)
            }
            Answer::Sent(Err(SendFailure::NotBuilt { message })) => {
                let r = result(
                    Status::Invalid,
                    Some("request-not-built".into()),
                    None,
                    Some(message),
                );
                (Line::from_result(&r, phone), r)
            }
            Answer::Sent(Err(SendFailure::QuotaExceeded { message })) => {
                let why = format!("ServiceQuotaExceededException: {message}");
                self.stop(End::Paused(format!(
                    "The service answered {why}. Nothing more is sent; raise the quota or the spend limit (or wait for it to reset), then run again with --resume."
                )));
                let r = result(
                    Status::NotSent,
                    Some("ServiceQuotaExceededException".into()),
                    None,
                    Some(message),
                );
                (not_sent_line(row, phone, &why), r)
            }
            Answer::Sent(Err(SendFailure::Unreachable { message })) => {
                self.stop(End::Unreachable(format!(
                    "The service could not be reached: {message}"
                )));
                let r = result(
                    Status::NotSent,
                    Some("unreachable".into()),
                    None,
                    Some(message),
                );
                (
                    not_sent_line(row, phone, "the service could not be reached"),
                    r,
                )
            }
            Answer::Sent(Err(SendFailure::Throttled)) | Answer::Stopped => {
                let r = result(
                    Status::NotSent,
                    Some("ThrottlingException".into()),
                    None,
                    Some("stopped while waiting to retry after ThrottlingException".into()),
                );
                (
                    not_sent_line(
                        row,
                        phone,
                        "the run stopped while this row waited to be retried after ThrottlingException",
                    ),
                    r,
                )
            }
        };
        self.settle(line, Some(&journalled))
    }

    fn publish(&mut self, now: Instant) {
        self.meter.update(now, self.done_here);
        let p = &mut self.progress;
        p.in_flight = self.in_flight;
        p.elapsed = now.duration_since(self.meter.started);
        p.rows_per_second = self.meter.rate;
        let left = p.total.saturating_sub(p.done);
        #[expect(
            clippy::cast_precision_loss,
            reason = "row counts are far below 2^52; an ETA is an estimate"
        )]
        let eta = (self.meter.rate > 0.0 && p.total > 0)
            .then(|| Duration::from_secs_f64((left as f64 / self.meter.rate).min(1e9)));
        p.eta = eta;
        self.progress_tx.send_replace(p.clone());
        self.next_publish = now + Progress::INTERVAL;
    }

    /// Writes the intents of `batch`, fsyncs the journal once, then sends each.
    async fn dispatch(&mut self, batch: &mut Vec<Job>) -> Result<(), RunError> {
        if batch.is_empty() {
            return Ok(());
        }
        let Some(client) = self.client.clone() else {
            return Err(RunError::NoClient);
        };
        if let Some(journal) = self.journal.as_mut() {
            for job in batch.iter() {
                journal.intent(job.row, &job.phone);
            }
            let path = journal.path().to_owned();
            journal.commit().await.map_err(|e| RunError::Io(path, e))?;
        }
        for job in batch.drain(..) {
            self.in_flight += 1;
            tokio::spawn(send_row(
                client.clone(),
                job,
                Arc::clone(&self.limiter),
                self.stop_token.clone(),
                self.events_tx.clone(),
            ));
        }
        Ok(())
    }
}

pub(super) async fn run(
    plan: Plan,
    client: Option<Client>,
    progress: watch::Sender<Progress>,
    cancel: CancellationToken,
) -> Result<Outcome, RunError> {
    if plan.mode != Mode::CheckOnly && client.is_none() {
        return Err(RunError::NoClient);
    }
    let client = client.as_ref().map(once_only_client);
    let plan = Arc::new(plan);
    let halt = Arc::new(AtomicBool::new(false));
    let stop_token = cancel.child_token();
    let _stop_guard = stop_token.clone().drop_guard();
    halt_on_cancel(&cancel, &stop_token, &halt);
    let mut state = Progress {
        state: State::Checking,
        ..Progress::default()
    };
    progress.send_replace(state.clone());
    // The journal before the counting pass: from here on, a kill leaves one to resume from.
    let (report, journal, recorded) = open_files(&plan).await?;
    let total = counting_pass(&plan, recorded.as_ref(), &halt).await?;
    state.total = total;
    state.state = if plan.mode == Mode::CheckOnly {
        State::Checking
    } else {
        State::Sending
    };

    let (work_tx, mut work_rx) = mpsc::channel::<Vec<Work>>(4);
    let feeder = {
        let plan = Arc::clone(&plan);
        let halt = Arc::clone(&halt);
        let recorded = recorded.clone();
        tokio::task::spawn_blocking(move || feed(&plan, recorded.as_deref(), &halt, &work_tx))
    };
    let (events_tx, mut events_rx) = mpsc::unbounded_channel();
    let now = Instant::now();
    let mut d = Dispatcher {
        report_path: plan.report.clone(),
        max_in_flight: plan.max_in_flight(),
        client,
        limiter: Arc::new(TokenBucket::new(plan.rate)),
        journal,
        report,
        events_tx,
        stop_token: stop_token.clone(),
        halt: Arc::clone(&halt),
        end: None,
        progress_tx: progress,
        progress: state,
        done_here: 0,
        meter: Meter::new(),
        next_publish: now,
        in_flight: 0,
    };
    d.publish(now);
    let result = dispatch_loop(&mut d, &mut work_rx, &mut events_rx, &cancel).await;
    // Stop the feeder (it may be blocked on a full channel) before waiting for it.
    drop(work_rx);
    let fed = feeder
        .await
        .map_err(|e| RunError::Io(plan.audience.path.clone(), std::io::Error::other(e)));
    if let Some(journal) = d.journal.as_mut() {
        // Results are fsynced in batches; the last ones now.
        journal
            .commit()
            .await
            .map_err(|e| RunError::Io(journal.path().to_owned(), e))?;
    }
    result?;
    fed??;
    let rows = d.progress.done;
    let journal_path = d.journal.as_ref().map(|j| j.path().to_owned());
    let report = d.report;
    let target = blocking(move || {
        report
            .finish(rows)
            .map_err(|e| RunError::Io(plan.report.clone(), e))
    })
    .await?;
    let end = d.end.unwrap_or(End::Finished);
    let mut last = d.progress;
    if end == End::Finished {
        last.state = State::Finished;
    }
    last.in_flight = 0;
    last.eta = Some(Duration::ZERO);
    last.elapsed = d.meter.started.elapsed();
    // The closing line gives the whole run's average: the moving average of the last
    // update can still read 0 rows/s for a run shorter than one progress tick.
    #[expect(
        clippy::cast_precision_loss,
        reason = "row counts are far below 2^52; a rate is an estimate"
    )]
    let average = d.done_here as f64 / last.elapsed.as_secs_f64().max(1e-3);
    last.rows_per_second = average;
    d.progress_tx.send_replace(last.clone());
    Ok(Outcome {
        end,
        rows,
        counts: last.counts,
        throttled: last.throttled,
        report: target,
        journal: journal_path,
    })
}

async fn dispatch_loop(
    d: &mut Dispatcher,
    work_rx: &mut mpsc::Receiver<Vec<Work>>,
    events_rx: &mut mpsc::UnboundedReceiver<Event>,
    cancel: &CancellationToken,
) -> Result<(), RunError> {
    let mut queue: VecDeque<Work> = VecDeque::new();
    let mut fed = false;
    let mut batch: Vec<Job> = Vec::new();
    let mut token_at: Option<Instant> = None;
    loop {
        if d.end.is_none() && cancel.is_cancelled() {
            d.stop(End::Cancelled);
        }
        // Take what can go now: settled rows, and jobs while there are tokens and room.
        let now = Instant::now();
        while d.end.is_none() {
            let Some(work) = queue.pop_front() else { break };
            match work {
                Work::Settled { .. } if d.report.waiting() >= MAX_WAITING => {
                    queue.push_front(work);
                    break;
                }
                Work::Settled {
                    line,
                    journal,
                    carried,
                } => {
                    d.done_here += u64::from(!carried);
                    d.settle(line, journal.as_ref()).map_err(|e| d.io(e))?;
                }
                Work::Send(job) => {
                    if d.in_flight + batch.len() >= d.max_in_flight {
                        queue.push_front(Work::Send(job));
                        break;
                    }
                    match d.limiter.try_take(now) {
                        Ok(()) => batch.push(*job),
                        Err(wait) => {
                            token_at = Some(now + wait);
                            queue.push_front(Work::Send(job));
                            break;
                        }
                    }
                }
            }
        }
        if d.end.is_some() {
            // Stopped: every row still queued gets its line without being sent.
            for job in batch.drain(..) {
                d.settle_work(Work::Send(Box::new(job)))
                    .map_err(|e| d.io(e))?;
            }
            while let Some(work) = queue.pop_front() {
                d.settle_work(work).map_err(|e| d.io(e))?;
            }
        }
        d.dispatch(&mut batch).await?;
        if let Some(journal) = d.journal.as_mut() {
            journal
                .write()
                .map_err(|e| RunError::Io(journal.path().to_owned(), e))?;
        }
        let now = Instant::now();
        if now >= d.next_publish {
            d.publish(now);
        }
        if fed && queue.is_empty() && d.in_flight == 0 {
            return Ok(());
        }
        let want_work = !fed && (queue.is_empty() || d.end.is_some());
        let waiting_token = token_at.filter(|_| d.end.is_none());
        tokio::select! {
            biased;
            () = cancel.cancelled(), if d.end.is_none() => d.stop(End::Cancelled),
            event = events_rx.recv(), if d.in_flight > 0 => {
                if let Some(event) = event {
                    d.on_event(event).map_err(|e| d.io(e))?;
                    // Every answer that is already there, so the next batch is as large as it
                    // can be (one fsync for all its intents).
                    while let Ok(event) = events_rx.try_recv() {
                        d.on_event(event).map_err(|e| d.io(e))?;
                    }
                }
            }
            chunk = work_rx.recv(), if want_work => match chunk {
                Some(chunk) => queue.extend(chunk),
                None => fed = true,
            },
            () = sleep_until(waiting_token), if waiting_token.is_some() => token_at = None,
            () = tokio::time::sleep_until(d.next_publish) => {}
        }
    }
}

async fn sleep_until(at: Option<Instant>) {
    if let Some(at) = at {
        tokio::time::sleep_until(at).await;
    }
}

/// A cancel also stops the blocking passes (counting, feeding) early; the watcher ends with
/// the run (`stop` is cancelled when `run` returns).
fn halt_on_cancel(cancel: &CancellationToken, stop: &CancellationToken, halt: &Arc<AtomicBool>) {
    let halt = Arc::clone(halt);
    let cancel = cancel.clone();
    let stop = stop.clone();
    tokio::spawn(async move {
        tokio::select! {
            () = cancel.cancelled() => halt.store(true, Ordering::Relaxed),
            () = stop.cancelled() => {}
        }
    });
}

/// The number of data rows (the counting pass; only the rows with `--check-only`).
async fn counting_pass(
    plan: &Arc<Plan>,
    recorded: Option<&Arc<Recorded>>,
    halt: &Arc<AtomicBool>,
) -> Result<u64, RunError> {
    let plan = Arc::clone(plan);
    let recorded = recorded.map(Arc::clone);
    let halt = Arc::clone(halt);
    blocking(move || {
        Ok(if plan.mode == Mode::CheckOnly {
            count_rows(&plan, &halt)?
        } else {
            count_with(&plan, recorded.as_deref(), &halt)?.rows
        })
    })
    .await
}

/// The report, then the journal: created, or continued after cutting a torn last line (when
/// resuming, or when it holds this campaign's header alone, written by the caller before a
/// counting pass). The report first, so that a report folder that does not exist leaves no
/// journal behind. Returns the rows the journal records, shared with the feeder.
async fn open_files(
    plan: &Arc<Plan>,
) -> Result<(Report, Option<Journal>, Option<Arc<Recorded>>), RunError> {
    let plan = Arc::clone(plan);
    blocking(move || {
        let report =
            Report::create(&plan.report).map_err(|e| RunError::Io(plan.report.clone(), e))?;
        let Some(path) = plan.journal.clone() else {
            return Ok((report, None, None));
        };
        let io = |e| RunError::Io(path.clone(), e);
        let header = expected_header(&plan);
        let mut contents = recorded(&plan)?;
        if contents.is_none() && journal::read_header(&path).ok().flatten() == Some(header.clone())
        {
            contents = Some(journal::read(&path).map_err(io)?);
        }
        let journal = match &contents {
            Some(contents) => Journal::append(&path, contents).map_err(io)?,
            None => Journal::create(&path, &header).map_err(io)?,
        };
        let recorded = contents.map(|c| Arc::new(c.rows));
        Ok((report, Some(journal), recorded))
    })
    .await
}

/// Runs blocking file work off the async workers.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, RunError> + Send + 'static,
) -> Result<T, RunError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| RunError::Io("(worker)".into(), std::io::Error::other(e)))?
}
