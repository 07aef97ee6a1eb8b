//! `rcs-composer sandbox`: the loopback sandbox of the service, served until Ctrl+C, with an
//! optional send rate and record of accepted messages.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::connection::{exit, runtime};
use crate::sandbox::state::SANDBOX_AGENT;
use crate::sandbox::{Sandbox, SandboxOptions};

#[derive(Debug, Args)]
pub struct SandboxArgs {
    /// The port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 4590)]
    pub port: u16,
    // `help` rather than doc comments: the API names would need backticks, which clap prints.
    #[arg(
        long,
        value_name = "N",
        default_value_t = 0,
        help = "Answer ThrottlingException to SendRcsMessage requests above N per second, like the account's rate at the service (0: no limit)"
    )]
    pub rate: u32,
    #[arg(
        long,
        value_name = "FILE",
        help = "Append one JSON line per accepted SendRcsMessage to FILE: MessageId, DryRun, DestinationPhoneNumber and the whole Request"
    )]
    pub record: Option<PathBuf>,
}

#[must_use]
pub fn run(args: &SandboxArgs) -> ExitCode {
    let rt = match runtime() {
        Ok(rt) => rt,
        Err(code) => return code,
    };
    rt.block_on(async {
        let options = SandboxOptions {
            port: args.port,
            rate: args.rate,
            record: args.record.clone(),
            ..SandboxOptions::default()
        };
        let sandbox = match Sandbox::start_with(options).await {
            Ok(s) => s,
            Err(e) => {
                // The error names the port or the record file.
                eprintln!("rcs-composer: {e}");
                return ExitCode::from(exit::FAILED);
            }
        };
        let url = sandbox.url();
        // Written without panicking: whoever started us may stop reading after the URL.
        let mut out = std::io::stdout();
        let _ = writeln!(out, "rcs-composer sandbox: {url} — nothing is delivered");
        let _ = writeln!(out, "  agent: {SANDBOX_AGENT}");
        if args.rate > 0 {
            let _ = writeln!(out, "  rate:  {} SendRcsMessage requests per second, then ThrottlingException", args.rate);
        }
        if let Some(path) = &args.record {
            let _ = writeln!(out, "  saved: {} (one JSON line per accepted message)", path.display());
        }
        let _ = writeln!(out, "  try:   rcs-composer send T.json --to +14255550123 --endpoint-url {url}");
        let _ = writeln!(
            out,
            "  or:    aws pinpoint-sms-voice-v2 send-rcs-message --endpoint-url {url} --cli-input-json file://T.json"
        );
        let _ = out.flush();
        let _ = tokio::signal::ctrl_c().await;
        // Requests in flight get their answers before the process ends.
        sandbox.stop().await;
        ExitCode::SUCCESS
    })
}
