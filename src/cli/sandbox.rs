//! `rcs-composer sandbox`: the loopback sandbox of the service, served until Ctrl+C, with an
//! optional send rate, record of accepted messages and state file.

use std::io::{ErrorKind, Write};
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
    #[arg(
        long,
        value_name = "FILE",
        help = "Keep the account (agents, spend limit, configuration sets, event destinations) in FILE across restarts; created if missing, never overwritten if it is not a sandbox state"
    )]
    pub state: Option<PathBuf>,
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
            state: args.state.clone(),
            ..SandboxOptions::default()
        };
        let sandbox = match Sandbox::start_with(options).await {
            Ok(s) => s,
            Err(e) => {
                // The error names the port, the record file or the state file.
                eprintln!("rcs-composer: {e}");
                // A state file that is not one is the "cannot be read" case of the other
                // commands; it was left untouched.
                return ExitCode::from(if e.kind() == ErrorKind::InvalidData {
                    exit::UNREADABLE
                } else {
                    exit::FAILED
                });
            }
        };
        let url = sandbox.url();
        // Written without panicking: whoever started us may stop reading after the URL.
        let mut out = std::io::stdout();
        let _ = writeln!(out, "rcs-composer sandbox: {url} — nothing is delivered");
        let _ = writeln!(out, "  agent: {}", first_agent(&sandbox));
        if args.rate > 0 {
            let _ = writeln!(out, "  rate:  {} SendRcsMessage requests per second, then ThrottlingException", args.rate);
        }
        if let Some(path) = &args.state {
            let _ = writeln!(out, "  state: {} (kept across restarts)", path.display());
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
        // Requests in flight get their answers; the state file is already up to date.
        sandbox.stop().await;
        ExitCode::SUCCESS
    })
}

/// The agent to send from: the sandbox's own when the state still has it.
fn first_agent(sandbox: &Sandbox) -> String {
    let state = sandbox.state();
    let Ok(state) = state.lock() else {
        return SANDBOX_AGENT.into();
    };
    let ids: Vec<&str> = state
        .agents
        .iter()
        .filter_map(|a| a["RcsAgentId"].as_str())
        .collect();
    if ids.contains(&SANDBOX_AGENT) {
        SANDBOX_AGENT.into()
    } else {
        ids.first().map_or_else(
            || {
                format!(
                    "none (create one: rcs-composer agents create --endpoint-url {})",
                    sandbox.url()
                )
            },
            |id| (*id).to_owned(),
        )
    }
}
