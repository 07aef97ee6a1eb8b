//! Every RCS account operation through the real SDK over HTTP against the sandbox, with the
//! error each can raise.
#![expect(clippy::unwrap_used, reason = "tests fail loudly by design")]

use rcs_composer::aws::account::{self as ops, ListQuery};
use rcs_composer::aws::{self, FailureKind};
use rcs_composer::rcs::account::{AgentUpdate, Destination, EventDestinationSpec, UNSET_MEDIA};
use rcs_composer::sandbox::Sandbox;
use rcs_composer::sandbox::state::SANDBOX_AGENT;

async fn client() -> (Sandbox, aws_sdk_pinpointsmsvoicev2::Client) {
    let sandbox = Sandbox::start(0).await.unwrap();
    let client = aws::connection::sandbox_client(&sandbox.url());
    (sandbox, client)
}

fn ids(v: &serde_json::Value) -> Vec<String> {
    v["RcsAgents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["RcsAgentId"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn agents_list_create_update_delete() {
    let (_sb, c) = client().await;
    let all = ops::describe_agents(&c, &ListQuery::default())
        .await
        .unwrap();
    assert_eq!(ids(&all), [SANDBOX_AGENT]);
    let created = ops::create_agent(
        &c,
        true,
        Some("default".into()),
        &[("team".into(), "growth".into())],
    )
    .await
    .unwrap();
    let id = created["RcsAgentId"].as_str().unwrap().to_owned();
    assert_eq!(created["Tags"][0]["Key"], "team");
    assert_eq!(created["DeletionProtectionEnabled"], true);
    // Made now: the window shows it as the agent's "Created".
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs_f64();
    let made = created["CreatedTimestamp"].as_f64().unwrap();
    assert!((now - 60.0..=now + 1.0).contains(&made), "{made} vs {now}");
    // Pages, filters, owner.
    let q = ListQuery {
        max_results: Some(1),
        ..ListQuery::default()
    };
    let first = ops::describe_agents(&c, &q).await.unwrap();
    assert_eq!(ids(&first).len(), 1);
    assert!(first["NextToken"].is_string());
    let every = ops::describe_agents(
        &c,
        &ListQuery {
            all_pages: true,
            ..q.clone()
        },
    )
    .await
    .unwrap();
    assert_eq!(ids(&every).len(), 2);
    let protected = ListQuery {
        filters: vec![("deletion-protection-enabled".into(), vec!["true".into()])],
        ..ListQuery::default()
    };
    assert_eq!(
        ids(&ops::describe_agents(&c, &protected).await.unwrap()),
        std::slice::from_ref(&id)
    );
    let shared = ListQuery {
        owner: Some("SHARED".into()),
        ..ListQuery::default()
    };
    assert!(ids(&ops::describe_agents(&c, &shared).await.unwrap()).is_empty());
    let both = ListQuery {
        owner: Some("SELF".into()),
        names: vec![id.clone()],
        ..ListQuery::default()
    };
    assert_eq!(
        ops::describe_agents(&c, &both).await.unwrap_err().kind,
        FailureKind::Validation
    );
    let missing = ListQuery {
        names: vec!["rcs-nobody".into()],
        ..ListQuery::default()
    };
    assert_eq!(
        ops::describe_agents(&c, &missing).await.unwrap_err().kind,
        FailureKind::ResourceNotFound
    );

    agent_media_events_and_deletion(&c, &id).await;
}

async fn agent_media_events_and_deletion(client: &aws_sdk_pinpointsmsvoicev2::Client, id: &str) {
    let (c, id) = (client.clone(), id.to_owned());
    // Two-way media: needs two-way on, bucket and role together; the sentinel removes it.
    let media = AgentUpdate {
        rcs_agent_id: id.clone(),
        two_way_media_s3_bucket_name: Some("inbound-media".into()),
        two_way_media_s3_role: Some("arn:aws:iam::123456789012:role/media".into()),
        ..AgentUpdate::default()
    };
    let err = ops::update_agent(&c, &media).await.unwrap_err();
    assert_eq!(err.kind, FailureKind::Validation);
    assert_eq!(err.fields[0].0, "TwoWayMediaS3BucketName");
    let with_two_way = AgentUpdate {
        two_way_enabled: Some(true),
        two_way_rcs_events_enabled: Some(vec!["ALL".into()]),
        ..media.clone()
    };
    let updated = ops::update_agent(&c, &with_two_way).await.unwrap();
    assert_eq!(updated["TwoWayMediaS3BucketName"], "inbound-media");
    assert_eq!(
        updated["TwoWayRcsEventsEnabled"],
        serde_json::json!(["ALL"])
    );
    let bad_events = AgentUpdate {
        rcs_agent_id: id.clone(),
        two_way_rcs_events_enabled: Some(vec!["ALL".into(), "X".into()]),
        ..AgentUpdate::default()
    };
    assert_eq!(
        ops::update_agent(&c, &bad_events).await.unwrap_err().kind,
        FailureKind::Validation
    );
    let unset = AgentUpdate {
        rcs_agent_id: id.clone(),
        two_way_media_s3_bucket_name: Some(UNSET_MEDIA.into()),
        two_way_media_s3_role: Some(UNSET_MEDIA.into()),
        ..AgentUpdate::default()
    };
    assert!(
        ops::update_agent(&c, &unset)
            .await
            .unwrap()
            .get("TwoWayMediaS3BucketName")
            .is_none()
    );

    // Deletion protection.
    let err = ops::delete_agent(&c, &id).await.unwrap_err();
    assert_eq!(err.kind, FailureKind::Conflict);
    assert!(
        err.message.contains("Deletion protection"),
        "{}",
        err.message
    );
    let off = AgentUpdate {
        rcs_agent_id: id.clone(),
        deletion_protection_enabled: Some(false),
        ..AgentUpdate::default()
    };
    ops::update_agent(&c, &off).await.unwrap();
    assert_eq!(
        ops::delete_agent(&c, &id).await.unwrap()["Status"],
        "DELETED"
    );
    assert_eq!(
        ops::delete_agent(&c, &id).await.unwrap_err().kind,
        FailureKind::ResourceNotFound
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_rcs_spend_limit() {
    let (_sb, c) = client().await;
    let limits = ops::spend_limits(&c).await.unwrap();
    assert_eq!(limits["SpendLimits"].as_array().unwrap().len(), 5);
    assert_eq!(
        ops::set_spend_limit(&c, 50).await.unwrap()["MonthlyLimit"],
        50
    );
    let limits = ops::spend_limits(&c).await.unwrap();
    let rcs = limits["SpendLimits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["Name"] == "RCS_MESSAGE_MONTHLY_SPEND_LIMIT")
        .unwrap()
        .clone();
    assert_eq!(
        (rcs["EnforcedLimit"].as_i64(), rcs["Overridden"].as_bool()),
        (Some(50), Some(true))
    );
    let err = ops::set_spend_limit(&c, 5000).await.unwrap_err();
    assert_eq!(
        err.reason.as_deref(),
        Some("REQUESTED_SPEND_LIMIT_HIGHER_THAN_SERVICE_LIMIT")
    );
    assert_eq!(
        ops::clear_spend_limit(&c).await.unwrap()["MonthlyLimit"],
        1000
    );
}

fn sns(set: &str, name: &str, types: &[&str]) -> EventDestinationSpec {
    EventDestinationSpec {
        configuration_set_name: set.into(),
        event_destination_name: name.into(),
        enabled: None,
        matching_event_types: Some(types.iter().map(|t| (*t).to_owned()).collect()),
        destination: Some(Destination::Sns {
            topic_arn: "arn:aws:sns:us-east-1:123456789012:rcs-events".into(),
        }),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn configuration_sets_and_event_destinations() {
    let (_sb, c) = client().await;
    ops::create_config_set(&c, "rcs-campaigns").await.unwrap();
    assert_eq!(
        ops::create_config_set(&c, "rcs-campaigns")
            .await
            .unwrap_err()
            .kind,
        FailureKind::Conflict
    );
    let created = ops::put_event_destination(
        &c,
        &sns(
            "rcs-campaigns",
            "delivered",
            &["RCS_DELIVERED", "RCS_FALLEN_BACK_TO_SMS"],
        ),
        true,
    )
    .await
    .unwrap();
    assert_eq!(
        created["EventDestination"]["MatchingEventTypes"],
        serde_json::json!(["RCS_DELIVERED", "RCS_FALLEN_BACK_TO_SMS"])
    );
    assert_eq!(
        ops::put_event_destination(&c, &sns("rcs-campaigns", "delivered", &["RCS_SENT"]), true)
            .await
            .unwrap_err()
            .kind,
        FailureKind::Conflict
    );
    for i in 2..=5 {
        ops::put_event_destination(
            &c,
            &sns("rcs-campaigns", &format!("d{i}"), &["RCS_READ"]),
            true,
        )
        .await
        .unwrap();
    }
    let err = ops::put_event_destination(&c, &sns("rcs-campaigns", "d6", &["RCS_READ"]), true)
        .await
        .unwrap_err();
    assert_eq!(err.kind, FailureKind::ServiceQuotaExceeded);
    // Update: types and enabled change; the destination's type cannot.
    let mut update = sns("rcs-campaigns", "delivered", &["RCS_ALL"]);
    update.enabled = Some(false);
    update.destination = None;
    let updated = ops::put_event_destination(&c, &update, false)
        .await
        .unwrap();
    assert_eq!(updated["EventDestination"]["Enabled"], false);
    update.destination = Some(Destination::Firehose {
        iam_role_arn: "arn:aws:iam::1:role/f".into(),
        delivery_stream_arn: "arn:aws:firehose:us-east-1:1:deliverystream/x".into(),
    });
    assert_eq!(
        ops::put_event_destination(&c, &update, false)
            .await
            .unwrap_err()
            .kind,
        FailureKind::Validation
    );
    assert_eq!(
        ops::put_event_destination(&c, &sns("rcs-campaigns", "nope", &["RCS_ALL"]), false)
            .await
            .unwrap_err()
            .kind,
        FailureKind::ResourceNotFound
    );
    // Describe with a filter, delete a destination, delete the set.
    let q = ListQuery {
        filters: vec![("matching-event-types".into(), vec!["RCS_ALL".into()])],
        ..ListQuery::default()
    };
    let sets = ops::describe_config_sets(&c, &q).await.unwrap();
    assert_eq!(sets["ConfigurationSets"].as_array().unwrap().len(), 1);
    assert_eq!(
        ops::delete_event_destination(&c, "rcs-campaigns", "d5")
            .await
            .unwrap()["EventDestination"]["EventDestinationName"],
        "d5"
    );
    let deleted = ops::delete_config_set(&c, "rcs-campaigns").await.unwrap();
    assert_eq!(deleted["EventDestinations"].as_array().unwrap().len(), 4);
    assert_eq!(
        ops::delete_config_set(&c, "rcs-campaigns")
            .await
            .unwrap_err()
            .kind,
        FailureKind::ResourceNotFound
    );
}

/// The fields of a `ValidationException`.
fn fields(f: &aws::Failure) -> Vec<&str> {
    assert_eq!(f.kind, FailureKind::Validation, "{f}");
    f.fields.iter().map(|(name, _)| name.as_str()).collect()
}

/// A present empty string is never "not set": the sandbox answers as the service does, with a
/// `ValidationException` naming the item's path; an item at its length limit passes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sandbox_refuses_empty_items_at_their_path() {
    let (_sb, c) = client().await;
    let filter = |value: String| ListQuery {
        filters: vec![("status".into(), vec!["ACTIVE".into(), value])],
        ..ListQuery::default()
    };
    let err = ops::describe_agents(&c, &filter(String::new()))
        .await
        .unwrap_err();
    assert_eq!(fields(&err), ["Filters[0].Values[1]"]);
    assert_eq!(err.reason.as_deref(), Some("FIELD_VALIDATION_FAILED"));
    ops::describe_agents(&c, &filter("a".repeat(128)))
        .await
        .unwrap();
    let err = ops::describe_agents(&c, &filter("a".repeat(129)))
        .await
        .unwrap_err();
    assert_eq!(fields(&err), ["Filters[0].Values[1]"]);
    let sets = ListQuery {
        filters: vec![("default-sender-id".into(), vec![String::new()])],
        ..ListQuery::default()
    };
    let err = ops::describe_config_sets(&c, &sets).await.unwrap_err();
    assert_eq!(fields(&err), ["Filters[0].Values[0]"]);
    let ids = ListQuery {
        names: vec![SANDBOX_AGENT.into(), String::new()],
        ..ListQuery::default()
    };
    let err = ops::describe_agents(&c, &ids).await.unwrap_err();
    assert_eq!(fields(&err), ["RcsAgentIds[1]"]);

    // Tags: an empty key is refused at its path; an empty value is what the model allows.
    let err = ops::create_agent(&c, false, None, &[(String::new(), "growth".into())])
        .await
        .unwrap_err();
    assert_eq!(fields(&err), ["Tags[0].Key"]);
    let tagged = ops::create_agent(&c, false, None, &[("team".into(), String::new())])
        .await
        .unwrap();
    assert_eq!(tagged["Tags"][0]["Value"], "");
    let id = tagged["RcsAgentId"].as_str().unwrap().to_owned();
    let events = AgentUpdate {
        rcs_agent_id: id.clone(),
        two_way_rcs_events_enabled: Some(vec!["RCS_READ".into(), String::new()]),
        ..AgentUpdate::default()
    };
    let err = ops::update_agent(&c, &events).await.unwrap_err();
    assert_eq!(fields(&err), ["TwoWayRcsEventsEnabled[1]"]);
    let list = AgentUpdate {
        rcs_agent_id: id,
        opt_out_list_name: Some(String::new()),
        ..AgentUpdate::default()
    };
    let err = ops::update_agent(&c, &list).await.unwrap_err();
    assert_eq!(fields(&err), ["OptOutListName"]);

    // Event types: an empty item, and an empty list on update, are refused.
    ops::create_config_set(&c, "rcs-campaigns").await.unwrap();
    let err = ops::put_event_destination(
        &c,
        &sns("rcs-campaigns", "delivered", &["RCS_DELIVERED", ""]),
        true,
    )
    .await
    .unwrap_err();
    assert_eq!(fields(&err), ["MatchingEventTypes[1]"]);
    ops::put_event_destination(
        &c,
        &sns("rcs-campaigns", "delivered", &["RCS_DELIVERED"]),
        true,
    )
    .await
    .unwrap();
    let mut emptied = sns("rcs-campaigns", "delivered", &[]);
    emptied.destination = None;
    let err = ops::put_event_destination(&c, &emptied, false)
        .await
        .unwrap_err();
    assert_eq!(fields(&err), ["MatchingEventTypes"]);
    let err = ops::put_event_destination(&c, &sns("no-such-set", "d", &[""]), true)
        .await
        .unwrap_err();
    assert_eq!(
        fields(&err),
        ["MatchingEventTypes[0]"],
        "member rules come before looking the set up"
    );
}
