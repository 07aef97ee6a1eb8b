//! `rcs-composer send`: one template, addressed by the flags, sent (or dry-run) through the SDK.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::connection::{ConnectionArgs, exit, report, runtime};
use crate::aws;
use crate::rcs::issue::{Code, has_errors};
use crate::rcs::model::SendRcsMessageRequest;
use crate::rcs::validate::{Mode, validate};
use crate::templates;

#[derive(Debug, Args)]
pub struct SendArgs {
    /// The template to send.
    pub template: PathBuf,
    /// The destination phone number in E.164 format.
    #[arg(long, value_name = "+E164")]
    pub to: String,
    /// The RCS agent id or ARN, or pool id or ARN (default: the template's).
    #[arg(long, value_name = "ID")]
    pub origination: Option<String>,
    /// Ask the service to check the message without delivering it.
    #[arg(long)]
    pub dry_run: bool,
    /// Print {"MessageId": …} instead of the bare id.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub connection: ConnectionArgs,
}

#[must_use]
pub fn run(args: &SendArgs) -> ExitCode {
    let request = match addressed(
        &args.template,
        Some(&args.to),
        args.origination.as_deref(),
        args.dry_run,
        "nothing was sent",
    ) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let rt = match runtime() {
        Ok(rt) => rt,
        Err(code) => return code,
    };
    let target = args.connection.target();
    let result = rt.block_on(async {
        let client = aws::connection::aws_client(&target).await?;
        aws::send::send(&client, &request).await
    });
    match result {
        Ok(id) => {
            let line = if args.json {
                serde_json::json!({"MessageId": id}).to_string()
            } else {
                id
            };
            let _ = writeln!(std::io::stdout(), "{line}");
            ExitCode::from(exit::OK)
        }
        Err(failure) => report(&failure),
    }
}

/// The request `send` sends: the template, with `to`, `origination` and `dry_run` from the
/// flags (each replaces the template's member when given), checked for sending. Its issues
/// go to stderr; errors refuse with `send`'s exit codes and the words "the message has
/// errors; {refused}".
///
/// # Errors
/// The exit code: the template cannot be read or loaded, or the request has errors.
pub(super) fn addressed(
    template: &Path,
    to: Option<&str>,
    origination: Option<&str>,
    dry_run: bool,
    refused: &str,
) -> Result<SendRcsMessageRequest, ExitCode> {
    let mut request = match templates::open(template) {
        Ok(r) => r,
        Err(e) => {
            let name = template.display();
            for issue in &e.issues {
                eprintln!("{name}: {issue}");
            }
            let unreadable = e.issues.iter().any(|i| i.code == Code::UnreadableFile);
            return Err(ExitCode::from(if unreadable {
                exit::UNREADABLE
            } else {
                exit::INVALID
            }));
        }
    };
    if let Some(to) = to {
        request.destination_phone_number = Some(to.to_owned());
    }
    if let Some(o) = origination {
        request.origination_identity = Some(o.to_owned());
    }
    if dry_run {
        request.dry_run = Some(true);
    }
    let issues = validate(&request, Mode::Send);
    for issue in &issues {
        eprintln!("{}: {issue}", template.display());
    }
    if has_errors(&issues) {
        eprintln!("rcs-composer: the message has errors; {refused}.");
        return Err(ExitCode::from(exit::INVALID));
    }
    Ok(request)
}
