//! `rcs-composer export`: the request `send` would send, printed as an AWS CLI command, a
//! boto3 script or the request JSON, for another tool to send unchanged.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::connection::exit;
use super::send::addressed;
use crate::export::{self, Format, Inexact, JsonInput};
use crate::rcs::model::SendRcsMessageRequest;
use crate::templates;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The template to export.
    pub template: PathBuf,
    /// What to print.
    #[arg(long = "as", value_enum, value_name = "FORMAT")]
    pub format: As,
    /// The destination phone number in E.164 format (default: the template's).
    #[arg(long, value_name = "+E164")]
    pub to: Option<String>,
    /// The RCS agent id or ARN, or pool id or ARN (default: the template's).
    #[arg(long, value_name = "ID")]
    pub origination: Option<String>,
    /// With `--as aws-cli`: write the request JSON to FILE (atomically) and print a command
    /// that reads it with `--cli-input-json file://FILE`.
    #[arg(long, value_name = "FILE")]
    pub json_file: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum As {
    /// `aws pinpoint-sms-voice-v2 send-rcs-message --cli-input-json '…'`, one line.
    AwsCli,
    /// A Python script that sends the request with boto3 and prints the message id.
    Boto3,
    /// The request JSON (the template form `--cli-input-json` reads).
    Json,
}

impl From<As> for Format {
    fn from(a: As) -> Self {
        match a {
            As::AwsCli => Self::AwsCli,
            As::Boto3 => Self::Boto3,
            As::Json => Self::Json,
        }
    }
}

#[must_use]
pub fn run(args: &ExportArgs) -> ExitCode {
    if args.json_file.is_some() && args.format != As::AwsCli {
        eprintln!("rcs-composer: --json-file only goes with --as aws-cli.");
        return ExitCode::from(exit::UNUSABLE);
    }
    let request = match addressed(
        &args.template,
        args.to.as_deref(),
        args.origination.as_deref(),
        false,
        "nothing was exported",
    ) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let text = match &args.json_file {
        Some(file) => with_json_file(&args.template, &request, file),
        None => export::render(args.format.into(), &request).map_err(|problems| {
            refuse(&args.template, &problems);
            ExitCode::from(exit::INVALID)
        }),
    };
    match text {
        Ok(text) => {
            let mut out = std::io::stdout();
            let _ = out.write_all(text.as_bytes());
            if !text.ends_with('\n') {
                let _ = out.write_all(b"\n");
            }
            ExitCode::from(exit::OK)
        }
        Err(code) => code,
    }
}

/// Writes the request JSON to `file` and returns the command that reads it. Nothing is written
/// when the command could not send the request exactly.
fn with_json_file(
    template: &Path,
    request: &SendRcsMessageRequest,
    file: &Path,
) -> Result<String, ExitCode> {
    // The command may run from another folder: it names the file by its absolute path.
    let absolute = std::path::absolute(file).ok();
    let Some(path) = absolute.as_deref().and_then(Path::to_str) else {
        eprintln!(
            "rcs-composer: {}: the AWS CLI needs a path it can read as UTF-8 text.",
            file.display()
        );
        return Err(ExitCode::from(exit::UNUSABLE));
    };
    let line = export::aws_cli(request, &JsonInput::File(path.to_owned())).map_err(|problems| {
        refuse(template, &problems);
        ExitCode::from(exit::INVALID)
    })?;
    if let Err(e) = templates::save(file, request) {
        eprintln!("rcs-composer: cannot write {}: {e}", file.display());
        return Err(ExitCode::from(exit::UNUSABLE));
    }
    Ok(line)
}

/// Says why the export would not send what `send` sends, in `check`'s line format.
fn refuse(template: &Path, problems: &[Inexact]) {
    for p in problems {
        eprintln!("{}: error[not-exportable] {p}", template.display());
    }
    eprintln!(
        "rcs-composer: the AWS CLI and boto3 cannot send this request exactly; nothing was exported."
    );
}
