//! `agents`, `spend-limit`, `config-sets` and `event-destinations` on the command line, with
//! the same connection flags and exit codes as `send`.
#![allow(
    clippy::doc_markdown,
    reason = "doc comments here are clap's --help text, where backticks would be printed"
)]

use std::fmt::Write as _;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use serde_json::Value;

use crate::aws::{self, Failure, FailureKind, account::ListQuery};
use crate::cli_send::{ConnectionArgs, exit, report};
use crate::rcs::account::{
    self as rules, AgentUpdate, Destination, EventDestinationSpec, RCS_SPEND_LIMIT,
};
use crate::rcs::issue::{Issue, has_errors};

#[derive(Debug, Args)]
pub struct Common {
    /// Print the service's JSON instead of a summary.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(flatten)]
    pub connection: ConnectionArgs,
}

fn parse_bool(s: &str) -> Result<bool, String> {
    match s {
        "true" | "on" | "yes" => Ok(true),
        "false" | "off" | "no" => Ok(false),
        _ => Err(format!("'{s}' is not true or false")),
    }
}

fn parse_pair(s: &str) -> Result<(String, String), String> {
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

#[derive(Debug, Subcommand)]
pub enum AgentsCommand {
    /// List RCS agents (DescribeRcsAgents).
    List {
        /// SELF or SHARED.
        #[arg(long)]
        owner: Option<String>,
        /// Agent ids or ARNs.
        #[arg(long = "id")]
        ids: Vec<String>,
        #[command(flatten)]
        list: ListArgs,
    },
    /// Create an RCS agent (CreateRcsAgent).
    Create {
        #[arg(long)]
        deletion_protection: bool,
        #[arg(long)]
        opt_out_list: Option<String>,
        /// Tags as KEY=VALUE.
        #[arg(long = "tag", value_parser = parse_pair)]
        tags: Vec<(String, String)>,
    },
    /// Update an RCS agent (UpdateRcsAgent).
    Update(Box<UpdateArgs>),
    /// Delete an RCS agent (DeleteRcsAgent).
    Delete { id: String },
}

#[derive(Debug, Args)]
pub struct UpdateArgs {
    pub id: String,
    #[arg(long, value_parser = parse_bool)]
    pub deletion_protection: Option<bool>,
    #[arg(long)]
    pub opt_out_list: Option<String>,
    #[arg(long, value_parser = parse_bool)]
    pub self_managed_opt_outs: Option<bool>,
    #[arg(long, value_parser = parse_bool)]
    pub two_way: Option<bool>,
    #[arg(long)]
    pub two_way_channel_arn: Option<String>,
    #[arg(long)]
    pub two_way_channel_role: Option<String>,
    /// S3 bucket for inbound media (two-way must be on).
    #[arg(long)]
    pub media_bucket: Option<String>,
    #[arg(long)]
    pub media_prefix: Option<String>,
    /// IAM role that writes inbound media to the bucket.
    #[arg(long)]
    pub media_role: Option<String>,
    /// Remove the inbound media configuration.
    #[arg(long, conflicts_with_all = ["media_bucket", "media_role"])]
    pub unset_media: bool,
    /// Two-way RCS event types (comma-separated; ALL alone enables every type).
    #[arg(long, value_delimiter = ',')]
    pub events: Option<Vec<String>>,
    /// Disable every two-way RCS event type.
    #[arg(long, conflicts_with = "events")]
    pub no_events: bool,
}

#[derive(Debug, Subcommand)]
pub enum SpendCommand {
    /// Show the monthly spend limits, the RCS one first.
    Show,
    /// Cap RCS spending at this many USD a month (at most the MaxLimit).
    Set { monthly_limit: i64 },
    /// Remove the override: the limit returns to MaxLimit.
    Clear,
}

#[derive(Debug, Subcommand)]
pub enum ConfigSetsCommand {
    List {
        #[arg(long = "name")]
        names: Vec<String>,
        #[command(flatten)]
        list: ListArgs,
    },
    Create {
        name: String,
    },
    /// Delete a configuration set and its event destinations.
    Delete {
        name: String,
    },
}

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

/// Refuses a request that has errors before anything is sent: exit 1, the fields on stderr.
fn refuse(issues: &[Issue]) -> Option<ExitCode> {
    has_errors(issues).then(|| report(&invalid(issues)))
}

fn invalid(issues: &[Issue]) -> Failure {
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
fn run<F, Fut>(common: &Common, op: F) -> ExitCode
where
    F: FnOnce(aws_sdk_pinpointsmsvoicev2::Client) -> Fut,
    Fut: std::future::Future<Output = Result<Value, Failure>>,
{
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("rcs-composer: cannot start the async runtime: {e}");
            return ExitCode::from(exit::FAILED);
        }
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

fn query(names: &[String], owner: Option<&String>, list: &ListArgs) -> ListQuery {
    ListQuery {
        names: names.to_vec(),
        owner: owner.cloned(),
        filters: list.filters.clone(),
        max_results: list.max_results,
        next_token: list.next_token.clone(),
        all_pages: list.all,
    }
}

#[must_use]
pub fn agents(common: &Common, command: &AgentsCommand) -> ExitCode {
    match command {
        AgentsCommand::List { owner, ids, list } => {
            let q = query(ids, owner.as_ref(), list);
            if let Some(code) = refuse(&rules::validate_agent_query(&q)) {
                return code;
            }
            run(common, |c| async move {
                aws::account::describe_agents(&c, &q).await
            })
        }
        AgentsCommand::Create {
            deletion_protection,
            opt_out_list,
            tags,
        } => {
            if let Some(code) = refuse(&rules::validate_new_agent(opt_out_list.as_deref(), tags)) {
                return code;
            }
            let (dp, list, tags) = (*deletion_protection, opt_out_list.clone(), tags.clone());
            run(common, |c| async move {
                aws::account::create_agent(&c, dp, list, &tags).await
            })
        }
        AgentsCommand::Update(u) => {
            let unset = u.unset_media.then(|| rules::UNSET_MEDIA.to_owned());
            let update = AgentUpdate {
                rcs_agent_id: u.id.clone(),
                deletion_protection_enabled: u.deletion_protection,
                opt_out_list_name: u.opt_out_list.clone(),
                self_managed_opt_outs_enabled: u.self_managed_opt_outs,
                two_way_channel_arn: u.two_way_channel_arn.clone(),
                two_way_channel_role: u.two_way_channel_role.clone(),
                two_way_enabled: u.two_way,
                two_way_media_s3_bucket_name: unset.clone().or_else(|| u.media_bucket.clone()),
                two_way_media_s3_key_prefix: u.media_prefix.clone(),
                two_way_media_s3_role: unset.or_else(|| u.media_role.clone()),
                two_way_rcs_events_enabled: if u.no_events {
                    Some(Vec::new())
                } else {
                    u.events.clone()
                },
            };
            run(common, |c| async move {
                // Two-way state after the update decides whether media may be configured.
                let two_way = if let Some(on) = update.two_way_enabled {
                    on
                } else {
                    let q = ListQuery {
                        names: vec![update.rcs_agent_id.clone()],
                        ..ListQuery::default()
                    };
                    let current = aws::account::describe_agents(&c, &q).await?;
                    current["RcsAgents"][0]["TwoWayEnabled"]
                        .as_bool()
                        .unwrap_or(false)
                };
                let issues = rules::validate_agent_update(&update, two_way);
                if has_errors(&issues) {
                    return Err(invalid(&issues));
                }
                aws::account::update_agent(&c, &update).await
            })
        }
        AgentsCommand::Delete { id } => {
            if let Some(code) = refuse(&rules::validate_agent_id(id)) {
                return code;
            }
            let id = id.clone();
            run(common, |c| async move {
                aws::account::delete_agent(&c, &id).await
            })
        }
    }
}

#[must_use]
pub fn spend_limit(common: &Common, command: &SpendCommand) -> ExitCode {
    match command {
        SpendCommand::Show => run(common, |c| async move {
            let mut v = aws::account::spend_limits(&c).await?;
            if let Some(list) = v["SpendLimits"].as_array_mut() {
                list.sort_by_key(|l| l["Name"] != RCS_SPEND_LIMIT);
            }
            Ok(v)
        }),
        SpendCommand::Set { monthly_limit } => {
            let limit = *monthly_limit;
            run(common, |c| async move {
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
        SpendCommand::Clear => run(common, |c| async move {
            aws::account::clear_spend_limit(&c).await
        }),
    }
}

#[must_use]
pub fn config_sets(common: &Common, command: &ConfigSetsCommand) -> ExitCode {
    match command {
        ConfigSetsCommand::List { names, list } => {
            let q = query(names, None, list);
            if let Some(code) = refuse(&rules::validate_config_set_query(&q)) {
                return code;
            }
            run(common, |c| async move {
                aws::account::describe_config_sets(&c, &q).await
            })
        }
        ConfigSetsCommand::Create { name } => {
            if let Some(code) = refuse(&rules::validate_new_config_set(name, &[])) {
                return code;
            }
            let name = name.clone();
            run(common, |c| async move {
                aws::account::create_config_set(&c, &name).await
            })
        }
        ConfigSetsCommand::Delete { name } => {
            if let Some(code) = refuse(&rules::validate_config_set_ref(name, None)) {
                return code;
            }
            let name = name.clone();
            run(common, |c| async move {
                aws::account::delete_config_set(&c, &name).await
            })
        }
    }
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
pub fn event_destinations(common: &Common, command: &DestinationsCommand) -> ExitCode {
    match command {
        DestinationsCommand::List { set } => {
            if let Some(code) = refuse(&rules::validate_config_set_ref(set, None)) {
                return code;
            }
            let set = set.clone();
            run(common, |c| async move {
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
            run(common, |c| async move {
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
            run(common, |c| async move {
                aws::account::delete_event_destination(&c, &set, &name).await
            })
        }
    }
}
