//! What the account subcommands (`agents`, `spend-limit`, `config-sets`,
//! `event-destinations`) share: the `--json` and connection flags, list paging, flag parsers,
//! and running one operation to print the service's JSON or a readable summary.

use std::fmt::Write as _;
use std::process::ExitCode;

use clap::Args;
use serde_json::Value;

use super::connection::{ConnectionArgs, exit, report, runtime};
use crate::aws::{self, Failure, FailureKind, account::ListQuery};
use crate::rcs::issue::Issue;

#[derive(Debug, Args)]
pub struct Common {
    /// Print the service's JSON instead of a summary.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(flatten)]
    pub connection: ConnectionArgs,
}

pub(super) fn parse_bool(s: &str) -> Result<bool, String> {
    match s {
        "true" | "on" | "yes" => Ok(true),
        "false" | "off" | "no" => Ok(false),
        _ => Err(format!("'{s}' is not true or false")),
    }
}

pub(super) fn parse_pair(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .ok_or_else(|| format!("'{s}' is not KEY=VALUE"))
}

fn parse_filter(s: &str) -> Result<(String, Vec<String>), String> {
    let (name, values) = parse_pair(s)?;
    Ok((name, values.split(',').map(str::to_owned).collect()))
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Filters as NAME=VALUE[,VALUE…].
    #[arg(long = "filter", value_parser = parse_filter)]
    pub filters: Vec<(String, Vec<String>)>,
    #[arg(long)]
    pub max_results: Option<i32>,
    #[arg(long)]
    pub next_token: Option<String>,
    /// Follow every page.
    #[arg(long)]
    pub all: bool,
}

/// The list request for `names` (ids or names), an optional owner and the paging flags.
pub(super) fn query(names: &[String], owner: Option<&String>, list: &ListArgs) -> ListQuery {
    ListQuery {
        names: names.to_vec(),
        owner: owner.cloned(),
        filters: list.filters.clone(),
        max_results: list.max_results,
        next_token: list.next_token.clone(),
        all_pages: list.all,
    }
}

/// Refuses a request that has errors before anything is sent: exit 1, the fields on stderr.
pub(super) fn refuse(issues: &[Issue]) -> Option<ExitCode> {
    crate::rcs::issue::has_errors(issues).then(|| report(&invalid(issues)))
}

/// The failure for a request the local rules reject, with the fields they name.
pub(super) fn invalid(issues: &[Issue]) -> Failure {
    let mut f = Failure::new(
        FailureKind::Invalid,
        "The request has errors; nothing was sent.".into(),
    );
    f.fields = issues
        .iter()
        .filter(|i| i.is_error())
        .map(|i| (i.path.clone(), i.message.clone()))
        .collect();
    f
}

/// Runs `op` with a client for the connection flags and prints its JSON or a summary.
pub(super) fn call<F, Fut>(common: &Common, op: F) -> ExitCode
where
    F: FnOnce(aws_sdk_pinpointsmsvoicev2::Client) -> Fut,
    Fut: std::future::Future<Output = Result<Value, Failure>>,
{
    let rt = match runtime() {
        Ok(rt) => rt,
        Err(code) => return code,
    };
    let target = common.connection.target();
    let result = rt.block_on(async move {
        let client = aws::connection::aws_client(&target).await?;
        op(client).await
    });
    match result {
        Ok(value) => {
            if common.json {
                println!("{value}");
            } else {
                print!("{}", summary(&value, 0));
            }
            ExitCode::from(exit::OK)
        }
        Err(f) => report(&f),
    }
}

/// A readable rendering of a service response: `Key: value` lines, nested objects indented.
#[must_use]
pub fn summary(value: &Value, depth: usize) -> String {
    let pad = "  ".repeat(depth);
    let mut out = String::new();
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                match v {
                    Value::Object(_) => {
                        let _ = writeln!(out, "{pad}{k}:");
                        out.push_str(&summary(v, depth + 1));
                    }
                    Value::Array(items) if items.iter().any(Value::is_object) => {
                        let _ = writeln!(
                            out,
                            "{pad}{k}: {} item{}",
                            items.len(),
                            if items.len() == 1 { "" } else { "s" }
                        );
                        for item in items {
                            let _ = writeln!(out, "{pad}  -");
                            out.push_str(&summary(item, depth + 2));
                        }
                    }
                    Value::Array(items) => {
                        let list: Vec<String> = items.iter().map(scalar).collect();
                        let _ = writeln!(out, "{pad}{k}: {}", list.join(", "));
                    }
                    _ => {
                        let _ = writeln!(out, "{pad}{k}: {}", scalar(v));
                    }
                }
            }
        }
        other => {
            let _ = writeln!(out, "{pad}{}", scalar(other));
        }
    }
    out
}

fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
