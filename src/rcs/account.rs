//! The RCS account operations of the seed besides sending: agent updates, the RCS spend-limit
//! override, configuration sets and event destinations. Their rules live here, once, for the
//! window, the command line and the sandbox.

use crate::rcs::account_limits::{
    AccountField as F, check_count, check_list, check_number, check_text,
};
use crate::rcs::issue::{Code, Issue};

/// Removes an agent's two-way media configuration when passed as both bucket and role.
pub const UNSET_MEDIA: &str = "UNSET_RCS_MEDIA_CONFIGURATION";
/// The event-types value that enables all two-way RCS events; it must stand alone.
pub const ALL_EVENTS: &str = "ALL";
/// At most this many event destinations per configuration set (the table's quota).
pub const MAX_EVENT_DESTINATIONS: usize = match F::EventDestinations.rule().count {
    Some((_, Some(max))) => max,
    _ => usize::MAX,
};

/// The page the window asks for when it lists agents or configuration sets: the largest the
/// table's `MaxResults` allows, so that "Load more" is rarely needed.
#[must_use]
pub fn list_page_size() -> Option<i32> {
    F::MaxResults
        .rule()
        .range
        .and_then(|(_, max)| i32::try_from(max).ok())
}

pub const AGENT_STATUSES: &[&str] = &[
    "CREATED", "PENDING", "TESTING", "PARTIAL", "ACTIVE", "DELETED",
];
pub const AGENT_FILTERS: &[&str] = &[
    "status",
    "two-way-enabled",
    "self-managed-opt-outs-enabled",
    "opt-out-list-name",
    "deletion-protection-enabled",
    "two-way-channel-arn",
];
pub const CONFIG_SET_FILTERS: &[&str] = &[
    "event-destination-name",
    "matching-event-types",
    "default-message-type",
    "default-sender-id",
    "default-message-feedback-enabled",
    "protect-configuration-id",
];
pub const OWNERS: &[&str] = &["SELF", "SHARED"];
pub const SPEND_LIMIT_NAMES: &[&str] = &[
    "TEXT_MESSAGE_MONTHLY_SPEND_LIMIT",
    "VOICE_MESSAGE_MONTHLY_SPEND_LIMIT",
    "MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT",
    "NOTIFY_MESSAGE_MONTHLY_SPEND_LIMIT",
    "RCS_MESSAGE_MONTHLY_SPEND_LIMIT",
];
pub const RCS_SPEND_LIMIT: &str = "RCS_MESSAGE_MONTHLY_SPEND_LIMIT";

/// The nine RCS event types the seed adds.
pub const RCS_EVENT_TYPES: &[&str] = &[
    "RCS_ALL",
    "RCS_QUEUED",
    "RCS_SENT",
    "RCS_DELIVERED",
    "RCS_READ",
    "RCS_FAILED",
    "RCS_TTL_EXPIRED",
    "RCS_PROTECT_BLOCKED",
    "RCS_FALLEN_BACK_TO_SMS",
];

/// The event types of the other channels (and `ALL`); with [`RCS_EVENT_TYPES`] they are every
/// type a destination can match.
pub const OTHER_EVENT_TYPES: &[&str] = &[
    "ALL",
    "TEXT_ALL",
    "TEXT_SENT",
    "TEXT_PENDING",
    "TEXT_QUEUED",
    "TEXT_SUCCESSFUL",
    "TEXT_DELIVERED",
    "TEXT_INVALID",
    "TEXT_INVALID_MESSAGE",
    "TEXT_UNREACHABLE",
    "TEXT_CARRIER_UNREACHABLE",
    "TEXT_BLOCKED",
    "TEXT_CARRIER_BLOCKED",
    "TEXT_SPAM",
    "TEXT_UNKNOWN",
    "TEXT_TTL_EXPIRED",
    "TEXT_PROTECT_BLOCKED",
    "VOICE_ALL",
    "VOICE_INITIATED",
    "VOICE_RINGING",
    "VOICE_ANSWERED",
    "VOICE_COMPLETED",
    "VOICE_BUSY",
    "VOICE_NO_ANSWER",
    "VOICE_FAILED",
    "VOICE_TTL_EXPIRED",
    "MEDIA_ALL",
    "MEDIA_PENDING",
    "MEDIA_QUEUED",
    "MEDIA_SUCCESSFUL",
    "MEDIA_DELIVERED",
    "MEDIA_INVALID",
    "MEDIA_INVALID_MESSAGE",
    "MEDIA_UNREACHABLE",
    "MEDIA_CARRIER_UNREACHABLE",
    "MEDIA_BLOCKED",
    "MEDIA_CARRIER_BLOCKED",
    "MEDIA_SPAM",
    "MEDIA_UNKNOWN",
    "MEDIA_TTL_EXPIRED",
    "MEDIA_FILE_INACCESSIBLE",
    "MEDIA_FILE_TYPE_UNSUPPORTED",
    "MEDIA_FILE_SIZE_EXCEEDED",
];

/// Whether a destination can match `t`.
#[must_use]
pub fn is_event_type(t: &str) -> bool {
    RCS_EVENT_TYPES.contains(&t) || OTHER_EVENT_TYPES.contains(&t)
}

/// Checks a required string member: missing (empty in a form) is `missing-required`, anything
/// else is checked against the table.
fn required_text(field: F, path: &str, value: &str, issues: &mut Vec<Issue>) {
    if value.is_empty() {
        let label = field.rule().label;
        issues.push(Issue::error(
            path,
            Code::MissingRequired,
            format!("{label} is required."),
        ));
    } else {
        check_text(field, path, value, issues);
    }
}

/// Checks an optional string member when it is present (even empty).
fn optional_text(field: F, path: &str, value: Option<&str>, issues: &mut Vec<Issue>) {
    if let Some(value) = value {
        check_text(field, path, value, issues);
    }
}

/// A `DescribeRcsAgents` or `DescribeConfigurationSets` request: what to list and how.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListQuery {
    /// Agent ids/ARNs or configuration set names/ARNs; empty for all.
    pub names: Vec<String>,
    /// Agents only: SELF or SHARED.
    pub owner: Option<String>,
    /// `Filters[i].Name` and `Filters[i].Values`.
    pub filters: Vec<(String, Vec<String>)>,
    pub max_results: Option<i32>,
    pub next_token: Option<String>,
    /// Follow `NextToken` to the end.
    pub all_pages: bool,
}

/// The members both listings share: filters, page size and token.
fn list_issues(q: &ListQuery, filter_names: &[&str], issues: &mut Vec<Issue>) {
    check_count(F::Filters, "Filters", q.filters.len(), issues);
    for (i, (name, values)) in q.filters.iter().enumerate() {
        if !filter_names.contains(&name.as_str()) {
            issues.push(Issue::error(
                format!("Filters[{i}].Name"),
                Code::InvalidValue,
                format!(
                    "'{name}' is not a filter here; use one of {}.",
                    filter_names.join(", ")
                ),
            ));
        }
        let path = format!("Filters[{i}].Values");
        check_list(F::FilterValues, F::FilterValue, &path, values, issues);
    }
    if let Some(n) = q.max_results {
        check_number(F::MaxResults, "MaxResults", i64::from(n), issues);
    }
    optional_text(F::NextToken, "NextToken", q.next_token.as_deref(), issues);
}

/// Checks a `DescribeRcsAgents` request (`names` are `RcsAgentIds`).
#[must_use]
pub fn validate_agent_query(q: &ListQuery) -> Vec<Issue> {
    let mut issues = Vec::new();
    check_list(
        F::RcsAgentIds,
        F::RcsAgentId,
        "RcsAgentIds",
        &q.names,
        &mut issues,
    );
    if let Some(owner) = &q.owner {
        if !OWNERS.contains(&owner.as_str()) {
            issues.push(Issue::error(
                "Owner",
                Code::InvalidValue,
                format!("Owner is '{owner}'; use one of {}.", OWNERS.join(", ")),
            ));
        }
        if !q.names.is_empty() {
            issues.push(Issue::error(
                "Owner",
                Code::InvalidValue,
                "Owner and RcsAgentIds can't be used together.",
            ));
        }
    }
    list_issues(q, AGENT_FILTERS, &mut issues);
    issues
}

/// Checks a `DescribeConfigurationSets` request (`names` are `ConfigurationSetNames`).
#[must_use]
pub fn validate_config_set_query(q: &ListQuery) -> Vec<Issue> {
    let mut issues = Vec::new();
    check_list(
        F::ConfigurationSetNames,
        F::ConfigurationSetNameOrArn,
        "ConfigurationSetNames",
        &q.names,
        &mut issues,
    );
    list_issues(q, CONFIG_SET_FILTERS, &mut issues);
    issues
}

/// `Tags` as (key, value) pairs: each key non-empty, values as the model allows.
fn tag_issues(tags: &[(String, String)], issues: &mut Vec<Issue>) {
    check_count(F::Tags, "Tags", tags.len(), issues);
    for (i, (key, value)) in tags.iter().enumerate() {
        required_text(F::TagKey, &format!("Tags[{i}].Key"), key, issues);
        check_text(F::TagValue, &format!("Tags[{i}].Value"), value, issues);
    }
}

/// Checks a `CreateRcsAgent` request.
#[must_use]
pub fn validate_new_agent(
    opt_out_list_name: Option<&str>,
    tags: &[(String, String)],
) -> Vec<Issue> {
    let mut issues = Vec::new();
    optional_text(
        F::OptOutListName,
        "OptOutListName",
        opt_out_list_name,
        &mut issues,
    );
    tag_issues(tags, &mut issues);
    issues
}

/// Checks the `RcsAgentId` of `DeleteRcsAgent`.
#[must_use]
pub fn validate_agent_id(id: &str) -> Vec<Issue> {
    let mut issues = Vec::new();
    required_text(F::RcsAgentId, "RcsAgentId", id, &mut issues);
    issues
}

/// Checks a `CreateConfigurationSet` request.
#[must_use]
pub fn validate_new_config_set(name: &str, tags: &[(String, String)]) -> Vec<Issue> {
    let mut issues = Vec::new();
    required_text(
        F::NewConfigurationSetName,
        "ConfigurationSetName",
        name,
        &mut issues,
    );
    tag_issues(tags, &mut issues);
    issues
}

/// Checks the configuration set (name or ARN) of `DeleteConfigurationSet`, and of
/// `DeleteEventDestination` with its `event_destination` name.
#[must_use]
pub fn validate_config_set_ref(set: &str, event_destination: Option<&str>) -> Vec<Issue> {
    let mut issues = Vec::new();
    required_text(
        F::ConfigurationSetNameOrArn,
        "ConfigurationSetName",
        set,
        &mut issues,
    );
    if let Some(name) = event_destination {
        required_text(
            F::EventDestinationName,
            "EventDestinationName",
            name,
            &mut issues,
        );
    }
    issues
}

/// The members of `UpdateRcsAgent`; `None` leaves a setting as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgentUpdate {
    pub rcs_agent_id: String,
    pub deletion_protection_enabled: Option<bool>,
    pub opt_out_list_name: Option<String>,
    pub self_managed_opt_outs_enabled: Option<bool>,
    pub two_way_channel_arn: Option<String>,
    pub two_way_channel_role: Option<String>,
    pub two_way_enabled: Option<bool>,
    pub two_way_media_s3_bucket_name: Option<String>,
    pub two_way_media_s3_key_prefix: Option<String>,
    pub two_way_media_s3_role: Option<String>,
    pub two_way_rcs_events_enabled: Option<Vec<String>>,
}

/// The model's constraints on the members of an agent update: they hold whatever the agent's
/// state, so the sandbox checks them before looking the agent up.
#[must_use]
pub fn agent_update_member_issues(u: &AgentUpdate) -> Vec<Issue> {
    let mut issues = Vec::new();
    required_text(F::RcsAgentId, "RcsAgentId", &u.rcs_agent_id, &mut issues);
    let texts = [
        (F::OptOutListName, "OptOutListName", &u.opt_out_list_name),
        (
            F::TwoWayChannelArn,
            "TwoWayChannelArn",
            &u.two_way_channel_arn,
        ),
        (
            F::TwoWayChannelRole,
            "TwoWayChannelRole",
            &u.two_way_channel_role,
        ),
        (
            F::TwoWayMediaS3BucketName,
            "TwoWayMediaS3BucketName",
            &u.two_way_media_s3_bucket_name,
        ),
        (
            F::TwoWayMediaS3KeyPrefix,
            "TwoWayMediaS3KeyPrefix",
            &u.two_way_media_s3_key_prefix,
        ),
        (
            F::TwoWayMediaS3Role,
            "TwoWayMediaS3Role",
            &u.two_way_media_s3_role,
        ),
    ];
    for (field, path, value) in texts {
        optional_text(field, path, value.as_deref(), &mut issues);
    }
    if let Some(events) = &u.two_way_rcs_events_enabled {
        let path = "TwoWayRcsEventsEnabled";
        check_list(
            F::TwoWayRcsEventsEnabled,
            F::TwoWayRcsEvent,
            path,
            events,
            &mut issues,
        );
    }
    issues
}

/// Checks an agent update. `two_way_after` is whether two-way messaging will be on once the
/// update applies (the request's value, else the agent's current one).
#[must_use]
pub fn validate_agent_update(u: &AgentUpdate, two_way_after: bool) -> Vec<Issue> {
    let mut issues = agent_update_member_issues(u);
    let bucket = u.two_way_media_s3_bucket_name.as_deref();
    let role = u.two_way_media_s3_role.as_deref();
    let unset = |v: Option<&str>| v == Some(UNSET_MEDIA);
    match (bucket, role) {
        (Some(_), Some(_)) if unset(bucket) != unset(role) => issues.push(Issue::error(
            "TwoWayMediaS3Role",
            Code::InvalidValue,
            format!("To remove the media configuration, set both the bucket and the role to {UNSET_MEDIA}."),
        )),
        (Some(b), None) => issues.push(Issue::error(
            "TwoWayMediaS3Role",
            Code::MissingRequired,
            if b == UNSET_MEDIA {
                format!("To remove the media configuration, set the role to {UNSET_MEDIA} too.")
            } else {
                "Inbound media needs the IAM role that writes to the bucket.".to_owned()
            },
        )),
        (None, Some(r)) => issues.push(Issue::error(
            "TwoWayMediaS3BucketName",
            Code::MissingRequired,
            if r == UNSET_MEDIA {
                format!("To remove the media configuration, set the bucket to {UNSET_MEDIA} too.")
            } else {
                "Inbound media needs the S3 bucket to store it in.".to_owned()
            },
        )),
        _ => {}
    }
    if bucket.is_some_and(|b| b != UNSET_MEDIA) && !two_way_after {
        issues.push(Issue::error(
            "TwoWayMediaS3BucketName",
            Code::InvalidValue,
            "Inbound media needs two-way messaging enabled on the agent.",
        ));
    }
    if let Some(events) = &u.two_way_rcs_events_enabled
        && events.iter().any(|e| e == ALL_EVENTS)
        && events.len() > 1
    {
        issues.push(Issue::error(
            "TwoWayRcsEventsEnabled",
            Code::InvalidValue,
            "ALL enables every event type and must be the only element.",
        ));
    }
    issues
}

/// Where an event destination sends events: exactly one of the three.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    CloudWatchLogs {
        iam_role_arn: String,
        log_group_arn: String,
    },
    Firehose {
        iam_role_arn: String,
        delivery_stream_arn: String,
    },
    Sns {
        topic_arn: String,
    },
}

impl Destination {
    #[must_use]
    pub const fn kind(&self) -> &'static str {
        match self {
            Self::CloudWatchLogs { .. } => "CloudWatch Logs",
            Self::Firehose { .. } => "Firehose",
            Self::Sns { .. } => "SNS",
        }
    }
}

/// The type of an event destination record in the service's JSON shape, as
/// [`Destination::kind`] names it.
#[must_use]
pub fn recorded_kind(record: &serde_json::Value) -> &'static str {
    if record.get("CloudWatchLogsDestination").is_some() {
        "CloudWatch Logs"
    } else if record.get("KinesisFirehoseDestination").is_some() {
        "Firehose"
    } else {
        "SNS"
    }
}

/// The members of `CreateEventDestination` / `UpdateEventDestination`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDestinationSpec {
    pub configuration_set_name: String,
    pub event_destination_name: String,
    pub enabled: Option<bool>,
    /// Required on create; on update `None` keeps the current ones (an empty list is present:
    /// the service refuses it).
    pub matching_event_types: Option<Vec<String>>,
    /// Required on create; on update `None` keeps the current one.
    pub destination: Option<Destination>,
}

/// The model's constraints on the members of an event destination request: they hold
/// whatever the account holds, so the sandbox checks them before looking anything up.
#[must_use]
pub fn event_destination_member_issues(spec: &EventDestinationSpec) -> Vec<Issue> {
    let mut issues = validate_config_set_ref(
        &spec.configuration_set_name,
        Some(&spec.event_destination_name),
    );
    let path = "MatchingEventTypes";
    if let Some(types) = &spec.matching_event_types {
        check_count(F::MatchingEventTypes, path, types.len(), &mut issues);
        for (i, t) in types.iter().enumerate() {
            if !is_event_type(t) {
                let message = if t.is_empty() {
                    "The event type is empty; choose one.".to_owned()
                } else {
                    format!("'{t}' is not an event type.")
                };
                issues.push(Issue::error(
                    format!("{path}[{i}]"),
                    Code::InvalidValue,
                    message,
                ));
            }
        }
    }
    if let Some(d) = &spec.destination {
        issues.extend(destination_issues(d));
    }
    issues
}

/// Checks an event destination. `existing` is the destination's current kind on update, and
/// `count` how many destinations the set has (without this one) on create.
#[must_use]
pub fn validate_event_destination(
    spec: &EventDestinationSpec,
    existing: Option<&str>,
    count: usize,
) -> Vec<Issue> {
    let mut issues = event_destination_member_issues(spec);
    if spec.matching_event_types.is_none() && existing.is_none() {
        issues.push(Issue::error(
            "MatchingEventTypes",
            Code::MissingRequired,
            "Choose at least one event type.",
        ));
    }
    let types = spec.matching_event_types.as_deref().unwrap_or_default();
    if types.iter().any(|t| t == "ALL") && types.len() > 1 {
        issues.push(Issue::warning(
            "MatchingEventTypes",
            Code::NotApplicable,
            "ALL already matches every event; the other types add nothing.",
        ));
    } else if types.iter().any(|t| t == "RCS_ALL")
        && types
            .iter()
            .any(|t| t.starts_with("RCS_") && t != "RCS_ALL")
    {
        issues.push(Issue::warning(
            "MatchingEventTypes",
            Code::NotApplicable,
            "RCS_ALL already matches every RCS event; the other RCS types add nothing.",
        ));
    }
    match (&spec.destination, existing) {
        (None, None) => issues.push(Issue::error(
            "Destination",
            Code::MissingRequired,
            "Choose exactly one destination: CloudWatch Logs, Firehose or SNS.",
        )),
        (Some(d), Some(kind)) if d.kind() != kind => issues.push(Issue::error(
            "Destination",
            Code::InvalidValue,
            format!("An event destination cannot change its type ({kind} → {}); delete it and create a new one.", d.kind()),
        )),
        _ => {}
    }
    if existing.is_none() && count >= MAX_EVENT_DESTINATIONS {
        issues.push(Issue::error(
            "EventDestinations",
            Code::TooMany,
            format!(
                "A configuration set holds at most {MAX_EVENT_DESTINATIONS} event destinations."
            ),
        ));
    }
    issues
}

fn destination_issues(d: &Destination) -> Vec<Issue> {
    let mut issues = Vec::new();
    let members = match d {
        Destination::CloudWatchLogs {
            iam_role_arn,
            log_group_arn,
        } => vec![
            (
                F::IamRoleArn,
                "CloudWatchLogsDestination.IamRoleArn",
                iam_role_arn,
            ),
            (
                F::LogGroupArn,
                "CloudWatchLogsDestination.LogGroupArn",
                log_group_arn,
            ),
        ],
        Destination::Firehose {
            iam_role_arn,
            delivery_stream_arn,
        } => vec![
            (
                F::IamRoleArn,
                "KinesisFirehoseDestination.IamRoleArn",
                iam_role_arn,
            ),
            (
                F::DeliveryStreamArn,
                "KinesisFirehoseDestination.DeliveryStreamArn",
                delivery_stream_arn,
            ),
        ],
        Destination::Sns { topic_arn } => {
            vec![(F::SnsTopicArn, "SnsDestination.TopicArn", topic_arn)]
        }
    };
    for (field, path, value) in members {
        required_text(field, path, value, &mut issues);
    }
    issues
}

/// Checks a new RCS spend-limit override against the account's maximum.
#[must_use]
pub fn validate_spend_override(monthly_limit: i64, max_limit: Option<i64>) -> Vec<Issue> {
    let mut issues = Vec::new();
    check_number(F::MonthlyLimit, "MonthlyLimit", monthly_limit, &mut issues);
    if let Some(max) = max_limit
        && monthly_limit > max
    {
        issues.push(Issue::error(
            "MonthlyLimit",
            Code::OutOfRange,
            format!("The monthly limit is {monthly_limit} USD; AWS allows at most {max} USD (MaxLimit) for this account."),
        ));
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    fn update() -> AgentUpdate {
        AgentUpdate {
            rcs_agent_id: "rcs-1".into(),
            ..AgentUpdate::default()
        }
    }

    #[test]
    fn media_configuration_needs_bucket_and_role_and_two_way() {
        let mut u = update();
        u.two_way_media_s3_bucket_name = Some("inbound".into());
        assert_eq!(validate_agent_update(&u, true)[0].path, "TwoWayMediaS3Role");
        u.two_way_media_s3_role = Some("arn:aws:iam::1:role/r".into());
        assert!(validate_agent_update(&u, true).is_empty());
        assert_eq!(
            validate_agent_update(&u, false)[0].path,
            "TwoWayMediaS3BucketName"
        );
    }

    #[test]
    fn removing_media_needs_the_sentinel_on_both() {
        let mut u = update();
        u.two_way_media_s3_bucket_name = Some(UNSET_MEDIA.into());
        assert!(validate_agent_update(&u, false)[0].message.contains("role"));
        u.two_way_media_s3_role = Some("arn:aws:iam::1:role/r".into());
        assert_eq!(validate_agent_update(&u, false)[0].code, Code::InvalidValue);
        u.two_way_media_s3_role = Some(UNSET_MEDIA.into());
        assert!(validate_agent_update(&u, false).is_empty());
    }

    #[test]
    fn all_must_stand_alone() {
        let mut u = update();
        u.two_way_rcs_events_enabled = Some(vec!["ALL".into()]);
        assert!(validate_agent_update(&u, true).is_empty());
        u.two_way_rcs_events_enabled = Some(vec!["ALL".into(), "X".into()]);
        assert_eq!(
            validate_agent_update(&u, true)[0].path,
            "TwoWayRcsEventsEnabled"
        );
        u.two_way_rcs_events_enabled = Some(vec![]);
        assert!(
            validate_agent_update(&u, true).is_empty(),
            "an empty list disables all"
        );
    }

    fn spec(types: &[&str], d: Option<Destination>) -> EventDestinationSpec {
        EventDestinationSpec {
            configuration_set_name: "rcs-campaigns".into(),
            event_destination_name: "rcs-events".into(),
            enabled: Some(true),
            matching_event_types: Some(types.iter().map(|s| (*s).to_owned()).collect()),
            destination: d,
        }
    }

    #[test]
    fn event_destinations() {
        let sns = Some(Destination::Sns {
            topic_arn: "arn:aws:sns:us-east-1:1:t".into(),
        });
        assert!(
            validate_event_destination(
                &spec(&["RCS_DELIVERED", "RCS_FALLEN_BACK_TO_SMS"], sns.clone()),
                None,
                0
            )
            .is_empty()
        );
        assert_eq!(
            validate_event_destination(&spec(&[], sns.clone()), None, 0)[0].code,
            Code::TooFew
        );
        assert_eq!(
            validate_event_destination(&spec(&["RCS_NOPE"], sns.clone()), None, 0)[0].code,
            Code::InvalidValue
        );
        assert_eq!(
            validate_event_destination(&spec(&["RCS_SENT"], None), None, 0)[0].path,
            "Destination"
        );
        assert_eq!(
            validate_event_destination(&spec(&["RCS_SENT"], sns.clone()), None, 5)[0].code,
            Code::TooMany
        );
        assert!(
            validate_event_destination(&spec(&["RCS_SENT"], sns.clone()), Some("SNS"), 5)
                .is_empty()
        );
        assert_eq!(
            validate_event_destination(&spec(&["RCS_SENT"], sns.clone()), Some("Firehose"), 1)[0]
                .path,
            "Destination"
        );
        let w = validate_event_destination(&spec(&["RCS_ALL", "RCS_SENT"], sns), None, 0);
        assert_eq!(w[0].code, Code::NotApplicable);
        let bad = Some(Destination::Sns {
            topic_arn: "my-topic".into(),
        });
        assert_eq!(
            validate_event_destination(&spec(&["ALL"], bad), None, 0)[0].path,
            "SnsDestination.TopicArn"
        );
    }

    #[test]
    fn spend_override_at_most_max() {
        assert!(validate_spend_override(100, Some(100)).is_empty());
        assert_eq!(
            validate_spend_override(101, Some(100))[0].code,
            Code::OutOfRange
        );
        assert_eq!(validate_spend_override(-1, None)[0].code, Code::OutOfRange);
    }

    #[test]
    fn the_nine_rcs_event_types_are_event_types() {
        assert_eq!(RCS_EVENT_TYPES.len(), 9);
        assert!(RCS_EVENT_TYPES.iter().all(|t| is_event_type(t)));
        assert!(is_event_type("ALL") && is_event_type("MEDIA_SPAM") && !is_event_type("RCS_NOPE"));
    }

    /// The paths and codes of the errors.
    fn errors(issues: &[Issue]) -> Vec<(String, Code)> {
        issues
            .iter()
            .filter(|i| i.is_error())
            .map(|i| (i.path.clone(), i.code))
            .collect()
    }

    fn at(path: &str, code: Code) -> Vec<(String, Code)> {
        vec![(path.to_owned(), code)]
    }

    fn n(c: &str, count: usize) -> String {
        c.repeat(count)
    }

    #[test]
    fn rcs_agent_ids_boundaries() {
        let q = |ids: Vec<String>| ListQuery {
            names: ids,
            ..ListQuery::default()
        };
        let check = |ids| errors(&validate_agent_query(&q(ids)));
        assert_eq!(
            check(vec![String::new()]),
            at("RcsAgentIds[0]", Code::TooShort)
        );
        assert!(check(vec![n("a", 256)]).is_empty());
        assert_eq!(
            check(vec!["rcs-1".into(), n("a", 257)]),
            at("RcsAgentIds[1]", Code::TooLong)
        );
        assert_eq!(
            check(vec!["rcs-1".into(); 6]),
            at("RcsAgentIds", Code::TooMany)
        );
        assert_eq!(
            check(vec!["rcs 1".into()]),
            at("RcsAgentIds[0]", Code::InvalidFormat)
        );
    }

    #[test]
    fn filter_values_boundaries() {
        let q = |name: &str, values: Vec<String>| ListQuery {
            filters: vec![
                ("status".into(), vec!["ACTIVE".into()]),
                (name.into(), values),
            ],
            ..ListQuery::default()
        };
        let agents = |values| errors(&validate_agent_query(&q("status", values)));
        assert_eq!(
            agents(vec!["ACTIVE".into(), String::new()]),
            at("Filters[1].Values[1]", Code::TooShort)
        );
        assert!(agents(vec![n("a", 128)]).is_empty());
        assert_eq!(
            agents(vec![n("a", 129)]),
            at("Filters[1].Values[0]", Code::TooLong)
        );
        assert_eq!(agents(vec![]), at("Filters[1].Values", Code::TooFew));
        assert_eq!(
            agents(vec!["a".into(); 21]),
            at("Filters[1].Values", Code::TooMany)
        );
        assert_eq!(
            agents(vec!["two words".into()]),
            at("Filters[1].Values[0]", Code::InvalidFormat)
        );
        assert_eq!(
            errors(&validate_agent_query(&q("", vec!["x".into()]))),
            at("Filters[1].Name", Code::InvalidValue)
        );
        let sets = |values| {
            let q = ListQuery {
                filters: vec![("default-sender-id".into(), values)],
                ..ListQuery::default()
            };
            errors(&validate_config_set_query(&q))
        };
        assert_eq!(
            sets(vec![String::new()]),
            at("Filters[0].Values[0]", Code::TooShort)
        );
        assert!(sets(vec![n("a", 128)]).is_empty());
        assert_eq!(
            sets(vec![n("a", 129)]),
            at("Filters[0].Values[0]", Code::TooLong)
        );
        let many = ListQuery {
            filters: vec![("status".into(), vec!["ACTIVE".into()]); 21],
            ..ListQuery::default()
        };
        assert_eq!(
            errors(&validate_agent_query(&many)),
            at("Filters", Code::TooMany)
        );
    }

    #[test]
    fn owner_page_size_and_token() {
        let q = ListQuery {
            owner: Some("OTHERS".into()),
            max_results: Some(0),
            next_token: Some(String::new()),
            ..ListQuery::default()
        };
        assert_eq!(
            errors(&validate_agent_query(&q)),
            [
                ("Owner".to_owned(), Code::InvalidValue),
                ("MaxResults".to_owned(), Code::OutOfRange),
                ("NextToken".to_owned(), Code::TooShort),
            ]
        );
        let both = ListQuery {
            owner: Some("SELF".into()),
            names: vec!["rcs-1".into()],
            max_results: Some(100),
            next_token: Some(n("t", 1024)),
            ..ListQuery::default()
        };
        assert_eq!(
            errors(&validate_agent_query(&both)),
            at("Owner", Code::InvalidValue)
        );
    }

    #[test]
    fn configuration_set_names_boundaries() {
        let q = |names: Vec<String>| ListQuery {
            names,
            ..ListQuery::default()
        };
        let check = |names| errors(&validate_config_set_query(&q(names)));
        assert_eq!(
            check(vec![String::new()]),
            at("ConfigurationSetNames[0]", Code::TooShort)
        );
        assert!(check(vec![n("a", 256)]).is_empty());
        assert_eq!(
            check(vec![n("a", 257)]),
            at("ConfigurationSetNames[0]", Code::TooLong)
        );
        assert_eq!(
            check(vec!["s".into(); 6]),
            at("ConfigurationSetNames", Code::TooMany)
        );
    }

    #[test]
    fn tags_boundaries() {
        let check = |key: String, value: String| errors(&validate_new_agent(None, &[(key, value)]));
        assert_eq!(
            check(String::new(), "v".into()),
            at("Tags[0].Key", Code::MissingRequired)
        );
        assert!(
            check(n("k", 128), String::new()).is_empty(),
            "TagValue may be empty"
        );
        assert_eq!(
            check(n("k", 129), "v".into()),
            at("Tags[0].Key", Code::TooLong)
        );
        assert!(check("k".into(), n("v", 256)).is_empty());
        assert_eq!(
            check("k".into(), n("v", 257)),
            at("Tags[0].Value", Code::TooLong)
        );
        let many = vec![("k".to_owned(), "v".to_owned()); 201];
        assert_eq!(
            errors(&validate_new_agent(None, &many)),
            at("Tags", Code::TooMany)
        );
        assert_eq!(
            errors(&validate_new_config_set(
                "s",
                &[(String::new(), String::new())]
            )),
            at("Tags[0].Key", Code::MissingRequired)
        );
        assert_eq!(
            errors(&validate_new_agent(Some(""), &[])),
            at("OptOutListName", Code::TooShort)
        );
    }

    #[test]
    fn two_way_events_boundaries() {
        let mut u = update();
        u.two_way_rcs_events_enabled = Some(vec!["RCS_READ".into(), String::new()]);
        assert_eq!(
            errors(&validate_agent_update(&u, true)),
            at("TwoWayRcsEventsEnabled[1]", Code::TooShort)
        );
        u.two_way_rcs_events_enabled = Some(vec![n("E", 4096)]);
        assert!(
            validate_agent_update(&u, true).is_empty(),
            "no length limit is published"
        );
    }

    #[test]
    fn present_empty_agent_members_are_errors_at_their_path() {
        let mut u = update();
        u.opt_out_list_name = Some(String::new());
        u.two_way_channel_arn = Some(String::new());
        u.two_way_channel_role = Some(String::new());
        assert_eq!(
            errors(&validate_agent_update(&u, true)),
            [
                ("OptOutListName".to_owned(), Code::TooShort),
                ("TwoWayChannelArn".to_owned(), Code::TooShort),
                ("TwoWayChannelRole".to_owned(), Code::TooShort),
            ]
        );
        let mut u = update();
        u.two_way_media_s3_bucket_name = Some("inbound".into());
        u.two_way_media_s3_key_prefix = Some(String::new());
        u.two_way_media_s3_role = Some("arn:aws:iam::1:role/r".into());
        assert_eq!(
            errors(&validate_agent_update(&u, true)),
            at("TwoWayMediaS3KeyPrefix", Code::TooShort)
        );
        u.two_way_media_s3_key_prefix = Some(n("p", 1024));
        u.two_way_channel_role = Some(format!("arn:{}", n("r", 2044)));
        assert!(validate_agent_update(&u, true).is_empty());
        u.two_way_channel_role = Some(format!("arn:{}", n("r", 2045)));
        assert_eq!(
            errors(&validate_agent_update(&u, true)),
            at("TwoWayChannelRole", Code::TooLong)
        );
        assert_eq!(
            errors(&validate_agent_id("")),
            at("RcsAgentId", Code::MissingRequired)
        );
    }

    #[test]
    fn matching_event_types_boundaries() {
        let sns = || {
            Some(Destination::Sns {
                topic_arn: "arn:aws:sns:us-east-1:1:t".into(),
            })
        };
        let check = |types: &[&str], existing| {
            errors(&validate_event_destination(
                &spec(types, sns()),
                existing,
                0,
            ))
        };
        assert_eq!(
            check(&["RCS_SENT", ""], None),
            at("MatchingEventTypes[1]", Code::InvalidValue)
        );
        assert_eq!(
            check(&[], Some("SNS")),
            at("MatchingEventTypes", Code::TooFew),
            "an empty list on update is present, not 'keep'"
        );
        assert!(check(&["RCS_READ"; 43], None).is_empty());
        assert_eq!(
            check(&["RCS_READ"; 44], None),
            at("MatchingEventTypes", Code::TooMany)
        );
        let mut keep = spec(&[], None);
        keep.matching_event_types = None;
        assert!(errors(&validate_event_destination(&keep, Some("SNS"), 0)).is_empty());
        assert_eq!(
            errors(&validate_event_destination(&keep, None, 0))[0],
            ("MatchingEventTypes".to_owned(), Code::MissingRequired)
        );
    }

    #[test]
    fn event_destination_names_and_arns_boundaries() {
        let sns = |arn: String| Some(Destination::Sns { topic_arn: arn });
        let mut d = spec(&["RCS_SENT"], sns(format!("arn:{}", n("t", 2044))));
        assert!(errors(&validate_event_destination(&d, None, 0)).is_empty());
        d.destination = sns(format!("arn:{}", n("t", 2045)));
        assert_eq!(
            errors(&validate_event_destination(&d, None, 0)),
            at("SnsDestination.TopicArn", Code::TooLong)
        );
        d.destination = sns("arn:aws:sns:us-east-1:1:t".into());
        d.event_destination_name = n("d", 64);
        d.configuration_set_name = format!(
            "arn:aws:sms-voice:us-east-1:1:configuration-set/{}",
            n("s", 100)
        );
        assert!(errors(&validate_event_destination(&d, None, 0)).is_empty());
        d.event_destination_name = n("d", 65);
        assert_eq!(
            errors(&validate_event_destination(&d, None, 0)),
            at("EventDestinationName", Code::TooLong)
        );
        d.event_destination_name = String::new();
        d.configuration_set_name = String::new();
        assert_eq!(
            errors(&validate_event_destination(&d, None, 0)),
            [
                ("ConfigurationSetName".to_owned(), Code::MissingRequired),
                ("EventDestinationName".to_owned(), Code::MissingRequired),
            ]
        );
        assert_eq!(
            errors(&validate_config_set_ref("rcs-campaigns", Some("a b"))),
            at("EventDestinationName", Code::InvalidFormat)
        );
        assert!(errors(&validate_new_config_set(&n("s", 64), &[])).is_empty());
        assert_eq!(
            errors(&validate_new_config_set(&n("s", 65), &[])),
            at("ConfigurationSetName", Code::TooLong)
        );
        assert_eq!(
            errors(&validate_new_config_set("a:b", &[])),
            at("ConfigurationSetName", Code::InvalidFormat),
            "a new set is named, not an ARN"
        );
    }

    #[test]
    fn the_window_lists_in_the_largest_page_the_service_allows() {
        let page = i64::from(list_page_size().unwrap());
        let mut issues = Vec::new();
        check_number(F::MaxResults, "MaxResults", page, &mut issues);
        assert!(issues.is_empty(), "{issues:?}");
        check_number(F::MaxResults, "MaxResults", page + 1, &mut issues);
        assert_eq!(issues.len(), 1, "one more is refused: {issues:?}");
    }
}
