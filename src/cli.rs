//! The command line: `check` now; `send` and `sandbox` build on the same pieces.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use serde_json::json;

use crate::rcs::issue::{Issue, Severity, has_errors};
use crate::rcs::validate::Mode;
use crate::templates;

#[derive(Debug, Parser)]
#[command(
    name = "rcs-composer",
    version,
    about = "Design, check and send RCS business messages"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A template to open in the composer window.
    pub file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check template files against every rule of the RCS send request.
    Check(CheckArgs),
    /// Send a template (or dry-run it) through AWS End User Messaging SMS.
    Send(crate::cli_send::SendArgs),
    /// Serve a local sandbox of the service on 127.0.0.1 (nothing is delivered).
    Sandbox(crate::cli_send::SandboxArgs),
    /// RCS agents: list, create, update, delete.
    Agents {
        #[command(flatten)]
        common: crate::cli_account::Common,
        #[command(subcommand)]
        command: crate::cli_account::AgentsCommand,
    },
    /// The RCS monthly spend limit: show, set, clear.
    SpendLimit {
        #[command(flatten)]
        common: crate::cli_account::Common,
        #[command(subcommand)]
        command: crate::cli_account::SpendCommand,
    },
    /// Configuration sets: list, create, delete.
    ConfigSets {
        #[command(flatten)]
        common: crate::cli_account::Common,
        #[command(subcommand)]
        command: crate::cli_account::ConfigSetsCommand,
    },
    /// Event destinations of a configuration set: list, create, update, delete.
    EventDestinations {
        #[command(flatten)]
        common: crate::cli_account::Common,
        #[command(subcommand)]
        command: crate::cli_account::DestinationsCommand,
    },
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Print one JSON object per file per line.
    #[arg(long)]
    pub json: bool,
    /// Also require what a send needs: the destination phone number and origination identity.
    #[arg(long)]
    pub for_send: bool,
    /// Template files; a folder stands for the *.json files in it.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// Exit codes of `check`.
pub mod exit {
    pub const OK: u8 = 0;
    pub const INVALID: u8 = 1;
    pub const UNREADABLE: u8 = 2;
}

/// Runs `check`, writing to `out`; returns the exit code.
///
/// # Errors
/// Only when writing to `out` fails.
pub fn check(args: &CheckArgs, out: &mut impl Write) -> io::Result<u8> {
    let mode = if args.for_send {
        Mode::Send
    } else {
        Mode::Template
    };
    let mut unreadable = false;
    let mut files_with_errors = 0usize;
    let (mut errors, mut warnings, mut files) = (0usize, 0usize, 0usize);
    for arg in &args.files {
        let paths = templates::expand_argument(arg).unwrap_or_else(|_| vec![arg.clone()]);
        for path in paths {
            files += 1;
            let name = path.display().to_string();
            let checked = templates::check_file(&path, mode);
            unreadable |= checked.request.is_none();
            if has_errors(&checked.issues) {
                files_with_errors += 1;
            }
            for issue in &checked.issues {
                match issue.severity {
                    Severity::Error => errors += 1,
                    Severity::Warning => warnings += 1,
                }
            }
            if args.json {
                writeln!(out, "{}", json_line(&name, &checked.issues))?;
            } else {
                for issue in &checked.issues {
                    writeln!(out, "{name}: {issue}")?;
                }
            }
        }
    }
    if !args.json {
        writeln!(
            out,
            "checked {files} {}: {files_with_errors} with errors; {errors} {}, {warnings} {}",
            plural(files, "file"),
            plural(errors, "error"),
            plural(warnings, "warning"),
        )?;
    }
    Ok(if unreadable {
        exit::UNREADABLE
    } else if files_with_errors > 0 {
        exit::INVALID
    } else {
        exit::OK
    })
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_owned()
    } else {
        format!("{word}s")
    }
}

/// `{"file": …, "valid": …, "issues": [{"path", "severity", "code", "message"}]}`.
#[must_use]
pub fn json_line(file: &str, issues: &[Issue]) -> String {
    let valid = !has_errors(issues);
    let issues: Vec<_> = issues
        .iter()
        .map(|i| {
            json!({
                "path": i.path,
                "severity": i.severity.as_str(),
                "code": i.code.as_str(),
                "message": i.message,
            })
        })
        .collect();
    json!({ "file": file, "valid": valid, "issues": issues }).to_string()
}

/// Entry point for subcommands.
#[must_use]
pub fn run(command: &Command) -> ExitCode {
    match command {
        Command::Send(args) => crate::cli_send::send(args),
        Command::Sandbox(args) => crate::cli_send::sandbox(args),
        Command::Agents { common, command } => crate::cli_account::agents(common, command),
        Command::SpendLimit { common, command } => crate::cli_account::spend_limit(common, command),
        Command::ConfigSets { common, command } => crate::cli_account::config_sets(common, command),
        Command::EventDestinations { common, command } => {
            crate::cli_account::event_destinations(common, command)
        }
        Command::Check(args) => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            let code = check(args, &mut out).and_then(|code| out.flush().map(|()| code));
            match code {
                Ok(code) => ExitCode::from(code),
                Err(e) => {
                    eprintln!("rcs-composer: cannot write the report: {e}");
                    ExitCode::from(exit::UNREADABLE)
                }
            }
        }
    }
}
