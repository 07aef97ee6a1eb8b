//! `rcs-composer event-destinations`: list, create, update and delete the event destinations
//! of a configuration set, with the count and type rules checked before a change is sent.
#![expect(
    clippy::doc_markdown,
    reason = "doc comments here are clap's --help text, where backticks would be printed"
)]

use std::process::ExitCode;

use clap::{Args, Subcommand};
use serde_json::Value;

use super::account::{Common, call, invalid, parse_bool, refuse};
use crate::aws::{self, Failure, account::ListQuery};
use crate::rcs::account::{self as rules, Destination, EventDestinationSpec};
use crate::rcs::issue::has_errors;

#[derive(Debug, Args)]
pub struct DestinationArgs {
    /// Event types (comma-separated), e.g. RCS_DELIVERED,RCS_FALLEN_BACK_TO_SMS.
    #[arg(long, value_delimiter = ',')]
    pub events: Option<Vec<String>>,
    #[arg(long, value_parser = parse_bool)]
    pub enabled: Option<bool>,
    #[arg(long, conflicts_with_all = ["log_group", "firehose_stream"])]
    pub sns_topic: Option<String>,
    #[arg(long, requires = "role", conflicts_with = "firehose_stream")]
    pub log_group: Option<String>,
    #[arg(long, requires = "role")]
    pub firehose_stream: Option<String>,
    /// IAM role for CloudWatch Logs or Firehose.
    #[arg(long)]
    pub role: Option<String>,
}

impl DestinationArgs {
    fn destination(&self) -> Option<Destination> {
        let role = self.role.clone().unwrap_or_default();
        if let Some(topic_arn) = &self.sns_topic {
            Some(Destination::Sns {
                topic_arn: topic_arn.clone(),
            })
        } else if let Some(log_group_arn) = &self.log_group {
            Some(Destination::CloudWatchLogs {
                iam_role_arn: role,
                log_group_arn: log_group_arn.clone(),
            })
        } else {
            self.firehose_stream
                .as_ref()
                .map(|s| Destination::Firehose {
                    iam_role_arn: role,
                    delivery_stream_arn: s.clone(),
                })
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum DestinationsCommand {
    /// The event destinations of a configuration set.
    List {
        set: String,
    },
    Create {
        set: String,
        name: String,
        #[command(flatten)]
        args: DestinationArgs,
    },
    Update {
        set: String,
        name: String,
        #[command(flatten)]
        args: DestinationArgs,
    },
    Delete {
        set: String,
        name: String,
    },
}

/// The destinations of one set, for the count and type checks.
async fn destinations_of(
    c: &aws_sdk_pinpointsmsvoicev2::Client,
    set: &str,
) -> Result<Vec<Value>, Failure> {
    let q = ListQuery {
        names: vec![set.to_owned()],
        ..ListQuery::default()
    };
    let sets = aws::account::describe_config_sets(c, &q).await?;
    Ok(sets["ConfigurationSets"][0]["EventDestinations"]
        .as_array()
        .cloned()
        .unwrap_or_default())
}

#[must_use]
pub fn run(common: &Common, command: &DestinationsCommand) -> ExitCode {
    match command {
        DestinationsCommand::List { set } => {
            if let Some(code) = refuse(&rules::validate_config_set_ref(set, None)) {
                return code;
            }
            let set = set.clone();
            call(common, |c| async move {
                Ok(serde_json::json!({"EventDestinations": destinations_of(&c, &set).await?}))
            })
        }
        DestinationsCommand::Create { set, name, args }
        | DestinationsCommand::Update { set, name, args } => {
            let create = matches!(command, DestinationsCommand::Create { .. });
            let spec = EventDestinationSpec {
                configuration_set_name: set.clone(),
                event_destination_name: name.clone(),
                enabled: args.enabled,
                matching_event_types: args.events.clone(),
                destination: args.destination(),
            };
            if let Some(code) = refuse(&rules::event_destination_member_issues(&spec)) {
                return code;
            }
            call(common, |c| async move {
                let existing = destinations_of(&c, &spec.configuration_set_name).await?;
                let current = existing
                    .iter()
                    .find(|d| d["EventDestinationName"] == spec.event_destination_name.as_str());
                let kind = if create {
                    None
                } else {
                    current.map(rules::recorded_kind)
                };
                let issues = rules::validate_event_destination(&spec, kind, existing.len());
                if has_errors(&issues) {
                    return Err(invalid(&issues));
                }
                aws::account::put_event_destination(&c, &spec, create).await
            })
        }
        DestinationsCommand::Delete { set, name } => {
            if let Some(code) = refuse(&rules::validate_config_set_ref(set, Some(name))) {
                return code;
            }
            let (set, name) = (set.clone(), name.clone());
            call(common, |c| async move {
                aws::account::delete_event_destination(&c, &set, &name).await
            })
        }
    }
}
