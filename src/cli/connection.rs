//! What every subcommand that talks to the service shares (`send`, the account subcommands):
//! the connection flags, the async runtime, and the exit codes with the failure report.

use std::process::ExitCode;

use clap::Args;

use crate::aws::{AwsTarget, Failure};

/// Exit codes of `send` and the account subcommands.
pub mod exit {
    pub const OK: u8 = 0;
    /// The message or request is invalid (locally, or the service's `ValidationException`).
    pub const INVALID: u8 = 1;
    /// The template file cannot be read.
    pub const UNREADABLE: u8 = 2;
    /// `campaign`: unusable arguments, files or template (the same code as `UNREADABLE`).
    pub const UNUSABLE: u8 = 2;
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

/// The runtime a subcommand blocks on; on failure, the message is printed and the exit code
/// returned.
pub(super) fn runtime() -> Result<tokio::runtime::Runtime, ExitCode> {
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
