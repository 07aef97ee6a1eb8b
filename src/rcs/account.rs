//! The RCS account operations of the seed besides sending: agent updates, the RCS spend-limit
//! override, configuration sets and event destinations. Their rules live here, once, for the
//! window, the command line and the sandbox.

use crate::rcs::issue::{Code, Issue};

/// Removes an agent's two-way media configuration when passed as both bucket and role.
pub const UNSET_MEDIA: &str = "UNSET_RCS_MEDIA_CONFIGURATION";
/// The event-types value that enables all two-way RCS events; it must stand alone.
pub const ALL_EVENTS: &str = "ALL";
/// At most this many event destinations per configuration set.
pub const MAX_EVENT_DESTINATIONS: usize = 5;

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

/// Checks an agent update. `two_way_after` is whether two-way messaging will be on once the
/// update applies (the request's value, else the agent's current one).
#[must_use]
pub fn validate_agent_update(u: &AgentUpdate, two_way_after: bool) -> Vec<Issue> {
    let mut issues = Vec::new();
    if u.rcs_agent_id.trim().is_empty() {
        issues.push(Issue::error(
            "RcsAgentId",
            Code::MissingRequired,
            "RCS agent id is required.",
        ));
    }
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
    pub matching_event_types: Vec<String>,
    /// Required on create; on update `None` keeps the current one.
    pub destination: Option<Destination>,
}

/// Checks an event destination. `existing` is the destination's current kind on update, and
/// `count` how many destinations the set has (without this one) on create.
#[must_use]
pub fn validate_event_destination(
    spec: &EventDestinationSpec,
    existing: Option<&str>,
    count: usize,
) -> Vec<Issue> {
    let mut issues = Vec::new();
    if !valid_resource_name(&spec.configuration_set_name) {
        issues.push(Issue::error(
            "ConfigurationSetName",
            Code::InvalidFormat,
            "Choose a configuration set.",
        ));
    }
    if !valid_resource_name(&spec.event_destination_name) {
        issues.push(Issue::error(
            "EventDestinationName",
            Code::InvalidFormat,
            "The event destination name must be 1–64 letters, digits, _ or -.",
        ));
    }
    if spec.matching_event_types.is_empty() && existing.is_none() {
        issues.push(Issue::error(
            "MatchingEventTypes",
            Code::TooFew,
            "Choose at least one event type.",
        ));
    }
    for t in &spec.matching_event_types {
        if !is_event_type(t) {
            issues.push(Issue::error(
                "MatchingEventTypes",
                Code::InvalidValue,
                format!("'{t}' is not an event type."),
            ));
        }
    }
    let types = &spec.matching_event_types;
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
        (Some(d), _) => issues.extend(destination_issues(d)),
        (None, Some(_)) => {}
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
    let arn = |path: &str, value: &str, what: &str| {
        (!value.starts_with("arn:")).then(|| {
            Issue::error(
                path,
                Code::InvalidFormat,
                format!("{what} must be an ARN (arn:aws:…)."),
            )
        })
    };
    match d {
        Destination::CloudWatchLogs {
            iam_role_arn,
            log_group_arn,
        } => [
            arn(
                "CloudWatchLogsDestination.IamRoleArn",
                iam_role_arn,
                "The IAM role",
            ),
            arn(
                "CloudWatchLogsDestination.LogGroupArn",
                log_group_arn,
                "The log group",
            ),
        ]
        .into_iter()
        .flatten()
        .collect(),
        Destination::Firehose {
            iam_role_arn,
            delivery_stream_arn,
        } => [
            arn(
                "KinesisFirehoseDestination.IamRoleArn",
                iam_role_arn,
                "The IAM role",
            ),
            arn(
                "KinesisFirehoseDestination.DeliveryStreamArn",
                delivery_stream_arn,
                "The delivery stream",
            ),
        ]
        .into_iter()
        .flatten()
        .collect(),
        Destination::Sns { topic_arn } => {
            arn("SnsDestination.TopicArn", topic_arn, "The SNS topic")
                .into_iter()
                .collect()
        }
    }
}

/// Configuration set and event destination names: 1–64 of `[A-Za-z0-9_-]`.
#[must_use]
pub fn valid_resource_name(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Checks a new RCS spend-limit override against the account's maximum.
#[must_use]
pub fn validate_spend_override(monthly_limit: i64, max_limit: Option<i64>) -> Vec<Issue> {
    let mut issues = Vec::new();
    if monthly_limit < 0 {
        issues.push(Issue::error(
            "MonthlyLimit",
            Code::OutOfRange,
            "The monthly limit cannot be negative.",
        ));
    }
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
            matching_event_types: types.iter().map(|s| (*s).to_owned()).collect(),
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
}
