//! Export: the request a template makes, as text another tool sends unchanged — a one-line
//! AWS CLI command, a boto3 script, or the request JSON itself. Pure string work over the
//! request, shared by `rcs-composer export` and the window's Edit › Copy as….
//!
//! What goes in is the request exactly as `rcs-composer send` (or the window's Send tab)
//! would send it; addressing and checking it is their job, not this module's.

mod aws_cli;
mod boto3;
mod python;
mod wire;

pub use aws_cli::{JsonInput, aws_cli};
pub use boto3::boto3;
pub use python::literal as python_literal;
pub use wire::{Inexact, inexact};

use crate::rcs::codec;
use crate::rcs::model::SendRcsMessageRequest;

/// The three shapes an export takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `aws pinpoint-sms-voice-v2 send-rcs-message --cli-input-json '…'`, on one line.
    AwsCli,
    /// A Python script that sends the request with boto3 and prints the `MessageId`.
    Boto3,
    /// The request JSON, as `--cli-input-json` and template files hold it.
    Json,
}

impl Format {
    pub const ALL: [Self; 3] = [Self::AwsCli, Self::Boto3, Self::Json];

    /// What the text is, in words ("Copied the AWS CLI command …").
    #[must_use]
    pub const fn describe(self) -> &'static str {
        match self {
            Self::AwsCli => "AWS CLI command",
            Self::Boto3 => "boto3 snippet",
            Self::Json => "request JSON",
        }
    }
}

/// The request as pretty JSON: the body `send` sends, in the template file's form (members in
/// the API's order, calendar times as ISO 8601 strings), ending with a newline.
#[must_use]
pub fn json(request: &SendRcsMessageRequest) -> String {
    codec::to_pretty_json(request)
}

/// The request in `format`, with the AWS CLI's JSON inline.
///
/// # Errors
/// For the AWS CLI and boto3, when they would put a different request on the wire (see
/// [`inexact`]); the request JSON is always exact.
pub fn render(format: Format, request: &SendRcsMessageRequest) -> Result<String, Vec<Inexact>> {
    match format {
        Format::AwsCli => aws_cli(request, &JsonInput::Inline),
        Format::Boto3 => boto3(request),
        Format::Json => Ok(json(request)),
    }
}
