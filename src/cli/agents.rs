//! `rcs-composer agents`: list, create, update and delete RCS agents, with the local rules
//! checked before an update is sent.
#![expect(
    clippy::doc_markdown,
    reason = "doc comments here are clap's --help text, where backticks would be printed"
)]

use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::account::{Common, ListArgs, call, invalid, parse_bool, parse_pair, query, refuse};
use crate::aws::{self, account::ListQuery};
use crate::rcs::account::{self as rules, AgentUpdate};
use crate::rcs::issue::has_errors;

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

impl UpdateArgs {
    /// The update request the flags describe.
    fn update(&self) -> AgentUpdate {
        let unset = self.unset_media.then(|| rules::UNSET_MEDIA.to_owned());
        AgentUpdate {
            rcs_agent_id: self.id.clone(),
            deletion_protection_enabled: self.deletion_protection,
            opt_out_list_name: self.opt_out_list.clone(),
            self_managed_opt_outs_enabled: self.self_managed_opt_outs,
            two_way_channel_arn: self.two_way_channel_arn.clone(),
            two_way_channel_role: self.two_way_channel_role.clone(),
            two_way_enabled: self.two_way,
            two_way_media_s3_bucket_name: unset.clone().or_else(|| self.media_bucket.clone()),
            two_way_media_s3_key_prefix: self.media_prefix.clone(),
            two_way_media_s3_role: unset.or_else(|| self.media_role.clone()),
            two_way_rcs_events_enabled: if self.no_events {
                Some(Vec::new())
            } else {
                self.events.clone()
            },
        }
    }
}

#[must_use]
pub fn run(common: &Common, command: &AgentsCommand) -> ExitCode {
    match command {
        AgentsCommand::List { owner, ids, list } => {
            let q = query(ids, owner.as_ref(), list);
            if let Some(code) = refuse(&rules::validate_agent_query(&q)) {
                return code;
            }
            call(common, |c| async move {
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
            call(common, |c| async move {
                aws::account::create_agent(&c, dp, list, &tags).await
            })
        }
        AgentsCommand::Update(u) => {
            let update = u.update();
            call(common, |c| async move {
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
            call(common, |c| async move {
                aws::account::delete_agent(&c, &id).await
            })
        }
    }
}
