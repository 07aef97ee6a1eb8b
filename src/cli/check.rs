//! `rcs-composer check`: templates against every rule of the send request, and what the phone
//! cuts or shows differently (`rcs::phone`, as warnings), as text or JSON lines, with its own
//! exit codes (it never talks to the service).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use serde_json::json;

use crate::rcs::issue::{Issue, Severity, has_errors};
use crate::rcs::phone;
use crate::rcs::validate::Mode;
use crate::templates;

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

/// Runs `check` on stdout.
#[must_use]
pub fn run(args: &CheckArgs) -> ExitCode {
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
            let mut checked = templates::check_file(&path, mode);
            // What the phone cuts or shows differently: warnings, so the exit code stays.
            if let Some(request) = &checked.request {
                checked.issues.extend(phone::issues(request));
            }
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
