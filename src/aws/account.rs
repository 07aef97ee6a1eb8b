//! The RCS account operations through the SDK: agents, the RCS spend limit, configuration sets
//! and event destinations. Results are returned in the service's own JSON shape, which the
//! command line prints with `--json` and the window shows.
//!
//! Every operation fails the same way: a [`Failure`] made from the SDK's error (service,
//! network or credentials), stated here once rather than on each function.
#![expect(
    clippy::missing_errors_doc,
    reason = "the failure mode is shared and documented above"
)]

use aws_sdk_pinpointsmsvoicev2::Client;
use aws_sdk_pinpointsmsvoicev2::types as sdk;
use aws_smithy_types::DateTime;
use serde_json::{Map, Value, json};

use super::errors::{self, Failure, FailureKind};
pub use crate::rcs::account::ListQuery;
use crate::rcs::account::{AgentUpdate, Destination, EventDestinationSpec};

type Result<T> = std::result::Result<T, Failure>;

errors::maybe_validation!(
    aws_sdk_pinpointsmsvoicev2::operation::describe_rcs_agents::DescribeRcsAgentsError,
    aws_sdk_pinpointsmsvoicev2::operation::create_rcs_agent::CreateRcsAgentError,
    aws_sdk_pinpointsmsvoicev2::operation::update_rcs_agent::UpdateRcsAgentError,
    aws_sdk_pinpointsmsvoicev2::operation::delete_rcs_agent::DeleteRcsAgentError,
    aws_sdk_pinpointsmsvoicev2::operation::describe_spend_limits::DescribeSpendLimitsError,
    aws_sdk_pinpointsmsvoicev2::operation::set_rcs_message_spend_limit_override::SetRcsMessageSpendLimitOverrideError,
    aws_sdk_pinpointsmsvoicev2::operation::delete_rcs_message_spend_limit_override::DeleteRcsMessageSpendLimitOverrideError,
    aws_sdk_pinpointsmsvoicev2::operation::describe_configuration_sets::DescribeConfigurationSetsError,
    aws_sdk_pinpointsmsvoicev2::operation::create_configuration_set::CreateConfigurationSetError,
    aws_sdk_pinpointsmsvoicev2::operation::delete_configuration_set::DeleteConfigurationSetError,
    aws_sdk_pinpointsmsvoicev2::operation::create_event_destination::CreateEventDestinationError,
    aws_sdk_pinpointsmsvoicev2::operation::update_event_destination::UpdateEventDestinationError,
    aws_sdk_pinpointsmsvoicev2::operation::delete_event_destination::DeleteEventDestinationError,
);

/// Values that become JSON members; `None` members are left out.
trait Member {
    fn member(self) -> Option<Value>;
}
impl Member for &str {
    fn member(self) -> Option<Value> {
        Some(Value::String(self.to_owned()))
    }
}
impl Member for Option<&str> {
    fn member(self) -> Option<Value> {
        self.map(|s| Value::String(s.to_owned()))
    }
}
impl Member for bool {
    fn member(self) -> Option<Value> {
        Some(Value::Bool(self))
    }
}
impl Member for Option<bool> {
    fn member(self) -> Option<Value> {
        self.map(Value::Bool)
    }
}
impl Member for i64 {
    fn member(self) -> Option<Value> {
        Some(Value::from(self))
    }
}
impl Member for &[String] {
    fn member(self) -> Option<Value> {
        Some(json!(self))
    }
}
impl Member for &DateTime {
    fn member(self) -> Option<Value> {
        Some(json!(self.as_secs_f64()))
    }
}

fn object(members: Vec<(&str, Option<Value>)>) -> Value {
    Value::Object(
        members
            .into_iter()
            .filter_map(|(k, v)| Some((k.to_owned(), v?)))
            .collect::<Map<_, _>>(),
    )
}

/// The members every agent-shaped output has.
macro_rules! agent {
    ($o:expr $(, $key:literal => $value:expr)* $(,)?) => {
        object(vec![
            ("RcsAgentArn", $o.rcs_agent_arn().member()),
            ("RcsAgentId", $o.rcs_agent_id().member()),
            ("Status", $o.status().as_str().member()),
            ("CreatedTimestamp", $o.created_timestamp().member()),
            ("DeletionProtectionEnabled", $o.deletion_protection_enabled().member()),
            ("OptOutListName", $o.opt_out_list_name().member()),
            ("SelfManagedOptOutsEnabled", $o.self_managed_opt_outs_enabled().member()),
            ("TwoWayChannelArn", $o.two_way_channel_arn().member()),
            ("TwoWayChannelRole", $o.two_way_channel_role().member()),
            ("TwoWayEnabled", $o.two_way_enabled().member()),
            ("TwoWayRcsEventsEnabled", $o.two_way_rcs_events_enabled().member()),
            $(($key, $value),)*
        ])
    };
}

/// Plus the two-way media members.
macro_rules! agent_with_media {
    ($o:expr $(, $key:literal => $value:expr)* $(,)?) => {
        agent!($o,
            "TwoWayMediaS3BucketName" => $o.two_way_media_s3_bucket_name().member(),
            "TwoWayMediaS3KeyPrefix" => $o.two_way_media_s3_key_prefix().member(),
            "TwoWayMediaS3Role" => $o.two_way_media_s3_role().member(),
            $($key => $value,)*
        )
    };
}

fn agent_info(a: &sdk::RcsAgentInformation) -> Value {
    agent_with_media!(a,
        "PoolId" => a.pool_id().member(),
        "TestingAgent" => a.testing_agent().map(|t| object(vec![
            ("Status", t.status().as_str().member()),
            ("TestingAgentId", t.testing_agent_id().member()),
            ("RegistrationId", t.registration_id().member()),
        ])),
    )
}

fn tags(tags: &[sdk::Tag]) -> Value {
    Value::Array(
        tags.iter()
            .map(|t| json!({"Key": t.key(), "Value": t.value()}))
            .collect(),
    )
}

fn built<T>(
    what: &str,
    r: std::result::Result<T, aws_smithy_types::error::operation::BuildError>,
) -> Result<T> {
    r.map_err(|e| Failure::new(FailureKind::Invalid, format!("{what}: {e}")))
}

/// Name/values filters as the SDK's types.
fn agent_filters(filters: &[(String, Vec<String>)]) -> Result<Vec<sdk::RcsAgentFilter>> {
    filters
        .iter()
        .map(|(name, values)| {
            built(
                "filter",
                sdk::RcsAgentFilter::builder()
                    .name(sdk::RcsAgentFilterName::from(name.as_str()))
                    .set_values(Some(values.clone()))
                    .build(),
            )
        })
        .collect()
}

fn config_set_filters(
    filters: &[(String, Vec<String>)],
) -> Result<Vec<sdk::ConfigurationSetFilter>> {
    filters
        .iter()
        .map(|(name, values)| {
            built(
                "filter",
                sdk::ConfigurationSetFilter::builder()
                    .name(sdk::ConfigurationSetFilterName::from(name.as_str()))
                    .set_values(Some(values.clone()))
                    .build(),
            )
        })
        .collect()
}

/// `DescribeRcsAgents`: `{"RcsAgents": […], "NextToken": …}`.
pub async fn describe_agents(client: &Client, q: &ListQuery) -> Result<Value> {
    let mut agents = Vec::new();
    let mut token = q.next_token.clone();
    loop {
        let out = client
            .describe_rcs_agents()
            .set_rcs_agent_ids((!q.names.is_empty()).then(|| q.names.clone()))
            .set_owner(q.owner.as_deref().map(sdk::Owner::from))
            .set_filters(
                (!q.filters.is_empty())
                    .then(|| agent_filters(&q.filters))
                    .transpose()?,
            )
            .set_max_results(q.max_results)
            .set_next_token(token.clone())
            .send()
            .await
            .map_err(errors::from_sdk)?;
        agents.extend(out.rcs_agents().iter().map(agent_info));
        token = out.next_token().map(str::to_owned);
        if !q.all_pages || token.is_none() {
            break;
        }
    }
    Ok(object(vec![
        ("RcsAgents", Some(Value::Array(agents))),
        ("NextToken", token.map(Value::String)),
    ]))
}

/// `CreateRcsAgent`.
pub async fn create_agent(
    client: &Client,
    deletion_protection: bool,
    opt_out_list: Option<String>,
    tag_pairs: &[(String, String)],
) -> Result<Value> {
    let tag_list = tag_pairs
        .iter()
        .map(|(k, v)| built("tag", sdk::Tag::builder().key(k).value(v).build()))
        .collect::<Result<Vec<_>>>()?;
    let out = client
        .create_rcs_agent()
        .deletion_protection_enabled(deletion_protection)
        .set_opt_out_list_name(opt_out_list)
        .set_tags((!tag_list.is_empty()).then_some(tag_list))
        .send()
        .await
        .map_err(errors::from_sdk)?;
    Ok(agent_with_media!(out, "Tags" => Some(tags(out.tags()))))
}

/// `UpdateRcsAgent`.
pub async fn update_agent(client: &Client, u: &AgentUpdate) -> Result<Value> {
    let out = client
        .update_rcs_agent()
        .rcs_agent_id(&u.rcs_agent_id)
        .set_deletion_protection_enabled(u.deletion_protection_enabled)
        .set_opt_out_list_name(u.opt_out_list_name.clone())
        .set_self_managed_opt_outs_enabled(u.self_managed_opt_outs_enabled)
        .set_two_way_channel_arn(u.two_way_channel_arn.clone())
        .set_two_way_channel_role(u.two_way_channel_role.clone())
        .set_two_way_enabled(u.two_way_enabled)
        .set_two_way_media_s3_bucket_name(u.two_way_media_s3_bucket_name.clone())
        .set_two_way_media_s3_key_prefix(u.two_way_media_s3_key_prefix.clone())
        .set_two_way_media_s3_role(u.two_way_media_s3_role.clone())
        .set_two_way_rcs_events_enabled(u.two_way_rcs_events_enabled.clone())
        .send()
        .await
        .map_err(errors::from_sdk)?;
    Ok(agent_with_media!(out))
}

/// `DeleteRcsAgent`.
pub async fn delete_agent(client: &Client, id: &str) -> Result<Value> {
    let out = client
        .delete_rcs_agent()
        .rcs_agent_id(id)
        .send()
        .await
        .map_err(errors::from_sdk)?;
    Ok(agent!(out))
}

/// `DescribeSpendLimits` (all pages): `{"SpendLimits": [{Name, EnforcedLimit, MaxLimit, Overridden}]}`.
pub async fn spend_limits(client: &Client) -> Result<Value> {
    let mut limits = Vec::new();
    let mut token = None;
    loop {
        let out = client
            .describe_spend_limits()
            .set_next_token(token)
            .send()
            .await
            .map_err(errors::from_sdk)?;
        limits.extend(out.spend_limits().iter().map(|l| {
            json!({"Name": l.name().as_str(), "EnforcedLimit": l.enforced_limit(), "MaxLimit": l.max_limit(), "Overridden": l.overridden()})
        }));
        token = out.next_token().map(str::to_owned);
        if token.is_none() {
            break;
        }
    }
    Ok(json!({"SpendLimits": limits}))
}

/// `SetRcsMessageSpendLimitOverride`.
pub async fn set_spend_limit(client: &Client, monthly_limit: i64) -> Result<Value> {
    let out = client
        .set_rcs_message_spend_limit_override()
        .monthly_limit(monthly_limit)
        .send()
        .await
        .map_err(errors::from_sdk)?;
    Ok(object(vec![(
        "MonthlyLimit",
        out.monthly_limit().map(Value::from),
    )]))
}

/// `DeleteRcsMessageSpendLimitOverride`.
pub async fn clear_spend_limit(client: &Client) -> Result<Value> {
    let out = client
        .delete_rcs_message_spend_limit_override()
        .send()
        .await
        .map_err(errors::from_sdk)?;
    Ok(object(vec![(
        "MonthlyLimit",
        out.monthly_limit().map(Value::from),
    )]))
}

fn event_destination(d: &sdk::EventDestination) -> Value {
    let types: Vec<&str> = d
        .matching_event_types()
        .iter()
        .map(sdk::EventType::as_str)
        .collect();
    object(vec![
        ("EventDestinationName", d.event_destination_name().member()),
        ("Enabled", d.enabled().member()),
        ("MatchingEventTypes", Some(json!(types))),
        (
            "CloudWatchLogsDestination",
            d.cloud_watch_logs_destination().map(|c| json!({"IamRoleArn": c.iam_role_arn(), "LogGroupArn": c.log_group_arn()})),
        ),
        (
            "KinesisFirehoseDestination",
            d.kinesis_firehose_destination().map(|c| json!({"IamRoleArn": c.iam_role_arn(), "DeliveryStreamArn": c.delivery_stream_arn()})),
        ),
        ("SnsDestination", d.sns_destination().map(|c| json!({"TopicArn": c.topic_arn()}))),
    ])
}

/// `DescribeConfigurationSets`: `{"ConfigurationSets": […], "NextToken": …}`.
pub async fn describe_config_sets(client: &Client, q: &ListQuery) -> Result<Value> {
    let mut sets = Vec::new();
    let mut token = q.next_token.clone();
    loop {
        let out = client
            .describe_configuration_sets()
            .set_configuration_set_names((!q.names.is_empty()).then(|| q.names.clone()))
            .set_filters(
                (!q.filters.is_empty())
                    .then(|| config_set_filters(&q.filters))
                    .transpose()?,
            )
            .set_max_results(q.max_results)
            .set_next_token(token.clone())
            .send()
            .await
            .map_err(errors::from_sdk)?;
        sets.extend(out.configuration_sets().iter().map(|s| {
            object(vec![
                ("ConfigurationSetArn", s.configuration_set_arn().member()),
                ("ConfigurationSetName", s.configuration_set_name().member()),
                (
                    "EventDestinations",
                    Some(Value::Array(
                        s.event_destinations()
                            .iter()
                            .map(event_destination)
                            .collect(),
                    )),
                ),
                (
                    "DefaultMessageType",
                    s.default_message_type()
                        .map(|t| Value::String(t.as_str().to_owned())),
                ),
                ("DefaultSenderId", s.default_sender_id().member()),
                (
                    "DefaultMessageFeedbackEnabled",
                    s.default_message_feedback_enabled().member(),
                ),
                ("CreatedTimestamp", s.created_timestamp().member()),
                (
                    "ProtectConfigurationId",
                    s.protect_configuration_id().member(),
                ),
            ])
        }));
        token = out.next_token().map(str::to_owned);
        if !q.all_pages || token.is_none() {
            break;
        }
    }
    Ok(object(vec![
        ("ConfigurationSets", Some(Value::Array(sets))),
        ("NextToken", token.map(Value::String)),
    ]))
}

/// `CreateConfigurationSet` (not in the seed, but destinations need a set).
pub async fn create_config_set(client: &Client, name: &str) -> Result<Value> {
    let out = client
        .create_configuration_set()
        .configuration_set_name(name)
        .send()
        .await
        .map_err(errors::from_sdk)?;
    Ok(object(vec![
        ("ConfigurationSetArn", out.configuration_set_arn().member()),
        (
            "ConfigurationSetName",
            out.configuration_set_name().member(),
        ),
        (
            "CreatedTimestamp",
            out.created_timestamp().map(|t| json!(t.as_secs_f64())),
        ),
    ]))
}

/// `DeleteConfigurationSet`: returns what was deleted, destinations included.
pub async fn delete_config_set(client: &Client, name: &str) -> Result<Value> {
    let out = client
        .delete_configuration_set()
        .configuration_set_name(name)
        .send()
        .await
        .map_err(errors::from_sdk)?;
    Ok(object(vec![
        ("ConfigurationSetArn", out.configuration_set_arn().member()),
        (
            "ConfigurationSetName",
            out.configuration_set_name().member(),
        ),
        (
            "EventDestinations",
            Some(Value::Array(
                out.event_destinations()
                    .iter()
                    .map(event_destination)
                    .collect(),
            )),
        ),
    ]))
}

fn destination_parts(
    d: Option<&Destination>,
) -> Result<(
    Option<sdk::CloudWatchLogsDestination>,
    Option<sdk::KinesisFirehoseDestination>,
    Option<sdk::SnsDestination>,
)> {
    Ok(match d {
        None => (None, None, None),
        Some(Destination::CloudWatchLogs {
            iam_role_arn,
            log_group_arn,
        }) => (
            Some(built(
                "CloudWatchLogsDestination",
                sdk::CloudWatchLogsDestination::builder()
                    .iam_role_arn(iam_role_arn)
                    .log_group_arn(log_group_arn)
                    .build(),
            )?),
            None,
            None,
        ),
        Some(Destination::Firehose {
            iam_role_arn,
            delivery_stream_arn,
        }) => (
            None,
            Some(built(
                "KinesisFirehoseDestination",
                sdk::KinesisFirehoseDestination::builder()
                    .iam_role_arn(iam_role_arn)
                    .delivery_stream_arn(delivery_stream_arn)
                    .build(),
            )?),
            None,
        ),
        Some(Destination::Sns { topic_arn }) => (
            None,
            None,
            Some(built(
                "SnsDestination",
                sdk::SnsDestination::builder().topic_arn(topic_arn).build(),
            )?),
        ),
    })
}

/// The reply of the three event destination operations, which are distinct SDK types with
/// the same members.
macro_rules! destination_output {
    ($out:expr) => {
        object(vec![
            ("ConfigurationSetArn", $out.configuration_set_arn().member()),
            (
                "ConfigurationSetName",
                $out.configuration_set_name().member(),
            ),
            (
                "EventDestination",
                $out.event_destination().map(event_destination),
            ),
        ])
    };
}

/// `CreateEventDestination` (`create`) or `UpdateEventDestination`.
pub async fn put_event_destination(
    client: &Client,
    spec: &EventDestinationSpec,
    create: bool,
) -> Result<Value> {
    let (cloudwatch, firehose, sns) = destination_parts(spec.destination.as_ref())?;
    let types: Option<Vec<sdk::EventType>> = spec.matching_event_types.as_ref().map(|types| {
        types
            .iter()
            .map(|t| sdk::EventType::from(t.as_str()))
            .collect()
    });
    if create {
        let out = client
            .create_event_destination()
            .configuration_set_name(&spec.configuration_set_name)
            .event_destination_name(&spec.event_destination_name)
            .set_matching_event_types(types)
            .set_cloud_watch_logs_destination(cloudwatch)
            .set_kinesis_firehose_destination(firehose)
            .set_sns_destination(sns)
            .send()
            .await
            .map_err(errors::from_sdk)?;
        Ok(destination_output!(out))
    } else {
        let out = client
            .update_event_destination()
            .configuration_set_name(&spec.configuration_set_name)
            .event_destination_name(&spec.event_destination_name)
            .set_enabled(spec.enabled)
            .set_matching_event_types(types)
            .set_cloud_watch_logs_destination(cloudwatch)
            .set_kinesis_firehose_destination(firehose)
            .set_sns_destination(sns)
            .send()
            .await
            .map_err(errors::from_sdk)?;
        Ok(destination_output!(out))
    }
}

/// `DeleteEventDestination`.
pub async fn delete_event_destination(client: &Client, set: &str, name: &str) -> Result<Value> {
    let out = client
        .delete_event_destination()
        .configuration_set_name(set)
        .event_destination_name(name)
        .send()
        .await
        .map_err(errors::from_sdk)?;
    Ok(destination_output!(out))
}
