//! `send` and `sandbox` on the command line.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::aws::{self, AwsTarget, Failure};
use crate::rcs::issue::has_errors;
use crate::rcs::validate::{Mode, validate};
use crate::templates;

/// Exit codes of `send` and the account subcommands.
pub mod exit {
    pub const OK: u8 = 0;
    /// The message or request is invalid (locally, or the service's `ValidationException`).
    pub const INVALID: u8 = 1;
    /// The template file cannot be read.
    pub const UNREADABLE: u8 = 2;
    /// Any other service, network or credentials error.
    pub const FAILED: u8 = 3;
}

/// Where requests go: the AWS CLI's own flags and environment variables.
#[derive(Debug, Clone, Args, Default)]
pub struct ConnectionArgs {
    #[arg(
        long,
        help = "The AWS profile (default: AWS_PROFILE, else \"default\")"
    )]
    pub profile: Option<String>,
    #[arg(
        long,
        help = "The AWS region (default: AWS_REGION, else the profile's region)"
    )]
    pub region: Option<String>,
    #[arg(
        long,
        global = true,
        value_name = "URL",
        help = "Another endpoint, such as a local sandbox (default: AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2 or AWS_ENDPOINT_URL)"
    )]
    pub endpoint_url: Option<String>,
}

impl ConnectionArgs {
    #[must_use]
    pub fn target(&self) -> AwsTarget {
        AwsTarget {
            profile: self.profile.clone(),
            region: self.region.clone(),
            endpoint_url: self.endpoint_url.clone(),
        }
    }
}

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

#[derive(Debug, Args)]
pub struct SandboxArgs {
    /// The port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 4590)]
    pub port: u16,
}

fn runtime() -> Result<tokio::runtime::Runtime, ExitCode> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| {
            eprintln!("rcs-composer: cannot start the async runtime: {e}");
            ExitCode::from(exit::FAILED)
        })
}

/// Prints a failure to stderr and returns the exit code it deserves.
#[must_use]
pub fn report(failure: &Failure) -> ExitCode {
    eprintln!("rcs-composer: {failure}");
    ExitCode::from(if failure.is_invalid() {
        exit::INVALID
    } else {
        exit::FAILED
    })
}

#[must_use]
pub fn send(args: &SendArgs) -> ExitCode {
    let mut request = match templates::open(&args.template) {
        Ok(r) => r,
        Err(e) => {
            let name = args.template.display();
            for issue in &e.issues {
                eprintln!("{name}: {issue}");
            }
            let unreadable = e
                .issues
                .iter()
                .any(|i| i.code == crate::rcs::issue::Code::UnreadableFile);
            return ExitCode::from(if unreadable {
                exit::UNREADABLE
            } else {
                exit::INVALID
            });
        }
    };
    request.destination_phone_number = Some(args.to.clone());
    if let Some(o) = &args.origination {
        request.origination_identity = Some(o.clone());
    }
    if args.dry_run {
        request.dry_run = Some(true);
    }
    let issues = validate(&request, Mode::Send);
    for issue in &issues {
        eprintln!("{}: {issue}", args.template.display());
    }
    if has_errors(&issues) {
        eprintln!("rcs-composer: the message has errors; nothing was sent.");
        return ExitCode::from(exit::INVALID);
    }
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

#[must_use]
pub fn sandbox(args: &SandboxArgs) -> ExitCode {
    let rt = match runtime() {
        Ok(rt) => rt,
        Err(code) => return code,
    };
    rt.block_on(async {
        let sandbox = match crate::sandbox::Sandbox::start(args.port).await {
            Ok(s) => s,
            Err(e) => {
                eprintln!("rcs-composer: cannot listen on 127.0.0.1:{}: {e}", args.port);
                return ExitCode::from(exit::FAILED);
            }
        };
        let url = sandbox.url();
        // Written without panicking: whoever started us may stop reading after the URL.
        let mut out = std::io::stdout();
        let _ = writeln!(out, "rcs-composer sandbox: {url} — nothing is delivered");
        let _ = writeln!(out, "  agent: {}", crate::sandbox::state::SANDBOX_AGENT);
        let _ = writeln!(out, "  try:   rcs-composer send T.json --to +14255550123 --endpoint-url {url}");
        let _ = writeln!(
            out,
            "  or:    aws pinpoint-sms-voice-v2 send-rcs-message --endpoint-url {url} --cli-input-json file://T.json"
        );
        let _ = out.flush();
        let _ = tokio::signal::ctrl_c().await;
        ExitCode::SUCCESS
    })
}
