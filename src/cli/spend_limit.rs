//! `rcs-composer spend-limit`: show, set or clear the RCS monthly spend limit; a new limit is
//! checked against the account's MaxLimit before it is sent.
#![expect(
    clippy::doc_markdown,
    reason = "doc comments here are clap's --help text, where backticks would be printed"
)]

use std::process::ExitCode;

use clap::Subcommand;

use super::account::{Common, call, invalid};
use crate::aws;
use crate::rcs::account::{self as rules, RCS_SPEND_LIMIT};
use crate::rcs::issue::has_errors;

#[derive(Debug, Subcommand)]
pub enum SpendCommand {
    /// Show the monthly spend limits, the RCS one first.
    Show,
    /// Cap RCS spending at this many USD a month (at most the MaxLimit).
    Set { monthly_limit: i64 },
    /// Remove the override: the limit returns to MaxLimit.
    Clear,
}

#[must_use]
pub fn run(common: &Common, command: &SpendCommand) -> ExitCode {
    match command {
        SpendCommand::Show => call(common, |c| async move {
            let mut v = aws::account::spend_limits(&c).await?;
            if let Some(list) = v["SpendLimits"].as_array_mut() {
                list.sort_by_key(|l| l["Name"] != RCS_SPEND_LIMIT);
            }
            Ok(v)
        }),
        SpendCommand::Set { monthly_limit } => {
            let limit = *monthly_limit;
            call(common, |c| async move {
                let limits = aws::account::spend_limits(&c).await?;
                let max = limits["SpendLimits"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .find(|l| l["Name"] == RCS_SPEND_LIMIT)
                    .and_then(|l| l["MaxLimit"].as_i64());
                let issues = rules::validate_spend_override(limit, max);
                if has_errors(&issues) {
                    return Err(invalid(&issues));
                }
                aws::account::set_spend_limit(&c, limit).await
            })
        }
        SpendCommand::Clear => call(common, |c| async move {
            aws::account::clear_spend_limit(&c).await
        }),
    }
}
