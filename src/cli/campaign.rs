//! `rcs-composer campaign`: one personalised template × an audience CSV, checked, dry-run or
//! sent through the runner in `crate::campaign`, with a progress bar on a terminal and plain
//! lines otherwise.

mod progress;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

use super::connection::{ConnectionArgs, exit, report, runtime};
use crate::aws::{self, AwsTarget, Connection};
use crate::campaign::{
    self, DEFAULT_RATE, End, Mode, Options, Outcome, Plan, Progress, RunError, TemplateSource,
    journal,
};

const AFTER_HELP: &str = "\
Each data row of the audience is one message: the template with its {{placeholders}} filled in
from the row's cells ({{name|default}} takes the default for an empty cell), addressed to the
row's phone. The template's own DestinationPhoneNumber is ignored.

Report statuses: accepted, rejected (by the service: code is the exception's name, path the
first field of a ValidationException), invalid (by the local checks), skipped (a phone that is
not E.164, or a repeat), unknown (sent or not, nobody can tell: code InternalServerException,
timeout, network-error or no-result; or not reached because the run stopped: code not-sent,
and --resume sends it).

Exit codes: 0 every row accepted (with --check-only: every row valid), 1 some row is not
(or the run was cancelled or paused), 2 unusable arguments, files or template, 3 the service
cannot be reached or credentials are missing.";

// `help` rather than doc comments where a text names API members: a doc comment would want
// backticks, which clap prints.
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "each bool is a command-line switch of its own"
)]
pub struct CampaignArgs {
    #[arg(
        help = "The template (its DestinationPhoneNumber is ignored: each row's phone is the destination)"
    )]
    pub template: PathBuf,
    /// The audience: CSV with a header row (UTF-8; comma, semicolon or tab).
    #[arg(long, value_name = "FILE")]
    pub audience: PathBuf,
    #[arg(
        long,
        conflicts_with = "check_only",
        help = "Send each row with DryRun: the service checks it and delivers nothing"
    )]
    pub dry_run: bool,
    /// Send nothing: write the report from the local checks alone (no journal).
    #[arg(long)]
    pub check_only: bool,
    /// The report CSV [default: <audience stem>.<check-only|dry-run|send>-report.csv beside the audience].
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// The journal [default: the report's path + .journal].
    #[arg(long, value_name = "FILE")]
    pub journal: Option<PathBuf>,
    /// Continue the campaign recorded in the journal: rows with a result are not sent again.
    #[arg(long, conflicts_with = "check_only")]
    pub resume: bool,
    /// With --resume: send again the rows whose outcome is unknown (they may arrive twice).
    #[arg(long, requires = "resume")]
    pub resend_unknown: bool,
    /// Requests per second at most (0: unlimited).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_RATE)]
    pub rate: u32,
    #[arg(
        long,
        value_name = "NAME",
        help = "The column holding the phone numbers [default: phone, phone_number, mobile or DestinationPhoneNumber]"
    )]
    pub phone_column: Option<String>,
    /// The RCS agent id or ARN, or pool id or ARN [default: the template's].
    #[arg(long, value_name = "ID")]
    pub origination: Option<String>,
    /// Confirm a real send (without it, a real send only says what it would do).
    #[arg(long)]
    pub yes: bool,
    #[command(flatten)]
    pub connection: ConnectionArgs,
}

impl CampaignArgs {
    fn mode(&self) -> Mode {
        if self.check_only {
            Mode::CheckOnly
        } else if self.dry_run {
            Mode::DryRun
        } else {
            Mode::Send
        }
    }

    fn options(&self) -> Options {
        let mut o = Options::new(
            TemplateSource::File(self.template.clone()),
            self.audience.clone(),
            self.mode(),
        );
        o.phone_column.clone_from(&self.phone_column);
        o.origination.clone_from(&self.origination);
        o.report.clone_from(&self.report);
        o.journal.clone_from(&self.journal);
        o.resume = self.resume;
        o.resend_unknown = self.resend_unknown;
        o.rate = self.rate;
        o
    }
}

#[must_use]
pub fn run(args: &CampaignArgs) -> ExitCode {
    let plan = match Plan::prepare(args.options()) {
        Ok(plan) => plan,
        Err(e) => return unusable(&args.template, &e),
    };
    for warning in plan.warnings() {
        eprintln!("{}: {warning}", args.template.display());
    }
    if plan.mode() == Mode::Send && args.yes {
        // Decided: the journal now, before the counting pass, so that a kill from here on
        // leaves a journal that --resume accepts.
        if let Err(e) = start_journal(&plan, args.resume) {
            return unusable(&args.template, &e);
        }
    }
    if plan.mode() == Mode::Send {
        let totals = match campaign::count(&plan) {
            Ok(t) => t,
            Err(e) => return unusable(&args.template, &e),
        };
        let connection = Connection::Aws(described_target(&args.connection)).describe();
        let text = plan.confirmation(&totals).describe(&connection);
        if !args.yes {
            eprintln!("{text}");
            eprintln!("rcs-composer: a real send needs --yes; nothing was sent.");
            return ExitCode::from(exit::UNUSABLE);
        }
        eprintln!("{text}");
    }
    if let Err(e) = start_journal(&plan, args.resume) {
        return unusable(&args.template, &e);
    }
    let rt = match runtime() {
        Ok(rt) => rt,
        Err(code) => return code,
    };
    let target = args.connection.target();
    rt.block_on(async {
        let client = if plan.mode() == Mode::CheckOnly {
            None
        } else {
            match aws::connection::aws_client(&target).await {
                Ok(c) => Some(c),
                Err(failure) => return report(&failure),
            }
        };
        let (tx, rx) = watch::channel(Progress::default());
        let cancel = CancellationToken::new();
        tokio::spawn(cancel_on_ctrl_c(cancel.clone()));
        let display = tokio::spawn(progress::show(rx));
        let outcome = campaign::run(plan, client, tx, cancel).await;
        let _ = display.await;
        match outcome {
            Ok(outcome) => finish(&outcome),
            Err(e) => unusable(&args.template, &e),
        }
    })
}

/// Writes the journal's header for a new campaign (the runner continues it).
fn start_journal(plan: &Plan, resume: bool) -> Result<(), RunError> {
    if resume {
        return Ok(());
    }
    let (Some(path), Some(header)) = (plan.journal_path(), plan.journal_header()) else {
        return Ok(());
    };
    if journal::read_header(path).ok().flatten().as_ref() == Some(&header) {
        return Ok(());
    }
    journal::Journal::create(path, &header)
        .map(drop)
        .map_err(|e| RunError::Io(path.to_owned(), e))
}

/// The first Ctrl+C cancels (requests in flight finish, the report is written); a second one
/// leaves at once, which the journal makes safe.
async fn cancel_on_ctrl_c(cancel: CancellationToken) {
    if tokio::signal::ctrl_c().await.is_err() {
        return;
    }
    eprintln!(
        "\nrcs-composer: cancelling: waiting for the requests in flight, then writing the report (Ctrl+C again to leave now)"
    );
    cancel.cancel();
    if tokio::signal::ctrl_c().await.is_ok() {
        std::process::exit(130);
    }
}

/// Prints a [`RunError`] and returns exit code 2.
fn unusable(template: &Path, e: &RunError) -> ExitCode {
    match e {
        RunError::Template(issues) | RunError::Columns(issues) => {
            for issue in issues {
                eprintln!("{}: {issue}", template.display());
            }
            eprintln!(
                "rcs-composer: the template cannot be used for this campaign; nothing was sent."
            );
        }
        other => eprintln!("rcs-composer: {other}"),
    }
    ExitCode::from(exit::UNUSABLE)
}

fn finish(outcome: &Outcome) -> ExitCode {
    let c = &outcome.counts;
    let mut out = std::io::stdout();
    let _ = writeln!(
        out,
        "{} rows: {} accepted, {} rejected, {} invalid, {} skipped, {} unknown{}",
        outcome.rows,
        c.accepted,
        c.rejected,
        c.invalid,
        c.skipped,
        c.unknown,
        if outcome.throttled > 0 {
            format!(" ({} throttled answers retried)", outcome.throttled)
        } else {
            String::new()
        }
    );
    let _ = writeln!(out, "report: {}", outcome.report.display());
    if let Some(journal) = &outcome.journal {
        let _ = writeln!(out, "journal: {}", journal.display());
    }
    match &outcome.end {
        End::Finished => {}
        End::Cancelled => eprintln!("rcs-composer: cancelled."),
        End::Paused(why) | End::Unreachable(why) => eprintln!("rcs-composer: {why}"),
    }
    if outcome.resumable() {
        eprintln!("rcs-composer: to continue: {}", resume_command());
    }
    ExitCode::from(match &outcome.end {
        End::Unreachable(_) => exit::FAILED,
        _ if outcome.all_accepted() => exit::OK,
        _ => exit::INVALID,
    })
}

/// This command line again, with `--resume`.
fn resume_command() -> String {
    let mut args: Vec<String> = std::env::args().collect();
    if !args.iter().any(|a| a == "--resume") {
        args.push("--resume".into());
    }
    args.iter()
        .map(|a| shell_quote(a))
        .collect::<Vec<_>>()
        .join(" ")
}

fn shell_quote(s: &str) -> String {
    let plain = !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+-_./:=@,".contains(&b));
    if plain {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// The connection as the AWS CLI would resolve its names (flags, then the environment), for
/// the confirmation. Names only: nothing secret is read.
fn described_target(args: &ConnectionArgs) -> AwsTarget {
    let env = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| std::env::var(n).ok().filter(|v| !v.is_empty()))
    };
    AwsTarget {
        profile: args.profile.clone().or_else(|| env(&["AWS_PROFILE"])),
        region: args
            .region
            .clone()
            .or_else(|| env(&["AWS_REGION", "AWS_DEFAULT_REGION"])),
        endpoint_url: args
            .endpoint_url
            .clone()
            .or_else(|| env(&["AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2", "AWS_ENDPOINT_URL"])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_what_a_shell_would_split() {
        assert_eq!(shell_quote("--rate"), "--rate");
        assert_eq!(shell_quote("/tmp/a b.csv"), "'/tmp/a b.csv'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote(""), "''");
    }
}
