//! `rcs-composer sandbox`: the loopback sandbox of the service, served until Ctrl+C.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;

use super::connection::{exit, runtime};
use crate::sandbox::Sandbox;
use crate::sandbox::state::SANDBOX_AGENT;

#[derive(Debug, Args)]
pub struct SandboxArgs {
    /// The port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 4590)]
    pub port: u16,
}

#[must_use]
pub fn run(args: &SandboxArgs) -> ExitCode {
    let rt = match runtime() {
        Ok(rt) => rt,
        Err(code) => return code,
    };
    rt.block_on(async {
        let sandbox = match Sandbox::start(args.port).await {
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
        let _ = writeln!(out, "  agent: {SANDBOX_AGENT}");
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
