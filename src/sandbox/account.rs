//! RCS account operations in the sandbox: agents, spend limits, configuration sets and event
//! destinations, checked by the core's account rules.

use serde_json::{Map, Value, json};

use super::reply::{Reply, ServiceError};
use super::state::State;
use crate::rcs::account::{
    self, AgentUpdate, Destination, EventDestinationSpec, ListQuery, RCS_SPEND_LIMIT,
    SPEND_LIMIT_NAMES,
};
use crate::rcs::issue::{Code, Issue};

/// Every monthly limit's maximum in the sandbox account, in USD.
pub const MAX_LIMIT: i64 = 1000;

/// The account operations; `None` when `operation` is not one of them.
pub fn handle(state: &mut State, operation: &str, body: &Value) -> Option<Reply> {
    Some(match operation {
        "DescribeRcsAgents" => describe_agents(state, body),
        "CreateRcsAgent" => create_agent(state, body),
        "UpdateRcsAgent" => update_agent(state, body),
        "DeleteRcsAgent" => delete_agent(state, body),
        "DescribeSpendLimits" => Ok(spend_limits(state)),
        "SetRcsMessageSpendLimitOverride" => set_spend(state, body),
        "DeleteRcsMessageSpendLimitOverride" => {
            state.rcs_spend_override = None;
            Ok(json!({"MonthlyLimit": MAX_LIMIT}))
        }
        "DescribeConfigurationSets" => describe_config_sets(state, body),
        "CreateConfigurationSet" => create_config_set(state, body),
        "DeleteConfigurationSet" => delete_config_set(state, body),
        "CreateEventDestination" => put_event_destination(state, body, true),
        "UpdateEventDestination" => put_event_destination(state, body, false),
        "DeleteEventDestination" => delete_event_destination(state, body),
        _ => return None,
    })
}

fn invalid(path: &str, message: String) -> ServiceError {
    ServiceError::validation_reason(
        "FIELD_VALIDATION_FAILED",
        message.clone(),
        vec![(path.to_owned(), message)],
    )
}

/// The string member `key` of `body`, reported at `path` when it is not a string.
fn string_at(body: &Value, key: &str, path: &str) -> Result<Option<String>, ServiceError> {
    match body.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(invalid(path, format!("{path} must be a string."))),
    }
}

fn string(body: &Value, key: &str) -> Result<Option<String>, ServiceError> {
    string_at(body, key, key)
}

fn required(body: &Value, key: &str) -> Result<String, ServiceError> {
    string(body, key)?.filter(|s| !s.is_empty()).ok_or_else(|| {
        ServiceError::validation_reason(
            "MISSING_PARAMETER",
            format!("{key} is required."),
            vec![(key.to_owned(), "required".into())],
        )
    })
}

fn boolean(body: &Value, key: &str) -> Result<Option<bool>, ServiceError> {
    match body.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(_) => Err(invalid(key, format!("{key} must be true or false."))),
    }
}

/// The list of strings `key` of `body`, as it arrived: an empty string stays an item (the
/// core's rules report it at `path[i]`), an empty list stays present.
fn strings_at(body: &Value, key: &str, path: &str) -> Result<Option<Vec<String>>, ServiceError> {
    match body.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| {
                v.as_str().map(str::to_owned).ok_or_else(|| {
                    invalid(
                        &format!("{path}[{i}]"),
                        format!("{path}[{i}] must be a string."),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some),
        Some(_) => Err(invalid(path, format!("{path} must be a list."))),
    }
}

fn strings(body: &Value, key: &str) -> Result<Option<Vec<String>>, ServiceError> {
    strings_at(body, key, key)
}

/// The objects of the list `key` (`Filters`, `Tags`).
fn objects<'a>(body: &'a Value, key: &str) -> Result<&'a [Value], ServiceError> {
    match body.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(invalid(key, format!("{key} must be a list."))),
    }
}

/// `Tags` as (key, value) pairs; both members are required.
fn tags(body: &Value) -> Result<Vec<(String, String)>, ServiceError> {
    objects(body, "Tags")?
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let member = |key: &str| {
                let path = format!("Tags[{i}].{key}");
                string_at(t, key, &path)?.ok_or_else(|| {
                    ServiceError::validation_reason(
                        "MISSING_PARAMETER",
                        format!("{path} is required."),
                        vec![(path.clone(), "required".into())],
                    )
                })
            };
            Ok((member("Key")?, member("Value")?))
        })
        .collect()
}

/// The error for the core's issues, if any is an error.
fn check(issues: &[Issue]) -> Result<(), ServiceError> {
    issues_error(issues).map_or(Ok(()), Err)
}

fn issues_error(issues: &[Issue]) -> Option<ServiceError> {
    if let Some(quota) = issues
        .iter()
        .find(|i| i.code == Code::TooMany && i.path == "EventDestinations")
    {
        return Some(ServiceError::quota(quota.message.clone()));
    }
    issues
        .iter()
        .any(Issue::is_error)
        .then(|| ServiceError::from_issues(issues))
}

/// Paginates `items` with `NextToken` (an index) and `MaxResults`.
fn page(items: &[Value], body: &Value, key: &str) -> Reply {
    let start = match string(body, "NextToken")? {
        Some(t) => t.parse::<usize>().map_err(|_| {
            ServiceError::validation_reason(
                "INVALID_NEXT_TOKEN",
                "The NextToken is not valid.".into(),
                Vec::new(),
            )
        })?,
        None => 0,
    };
    let max = body
        .get("MaxResults")
        .and_then(Value::as_u64)
        .map_or(usize::MAX, |m| {
            usize::try_from(m.max(1)).unwrap_or(usize::MAX)
        });
    let end = start.saturating_add(max).min(items.len());
    let mut out = Map::new();
    out.insert(
        key.to_owned(),
        Value::Array(items.get(start..end).unwrap_or_default().to_vec()),
    );
    if end < items.len() {
        out.insert("NextToken".into(), Value::String(end.to_string()));
    }
    Ok(Value::Object(out))
}

/// A listing request as it arrived; the names are `names_key` (`RcsAgentIds`,
/// `ConfigurationSetNames`). A filter without `Name` or `Values` keeps it empty, which the
/// core's rules refuse at its path.
fn list_query(body: &Value, names_key: &str) -> Result<ListQuery, ServiceError> {
    let filters = objects(body, "Filters")?
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let name = string_at(f, "Name", &format!("Filters[{i}].Name"))?;
            let values = strings_at(f, "Values", &format!("Filters[{i}].Values"))?;
            Ok((name.unwrap_or_default(), values.unwrap_or_default()))
        })
        .collect::<Result<Vec<_>, ServiceError>>()?;
    let max_results = match body.get("MaxResults") {
        None | Some(Value::Null) => None,
        Some(v) => Some(
            v.as_i64()
                .map(|n| i32::try_from(n).unwrap_or(i32::MAX))
                .ok_or_else(|| invalid("MaxResults", "MaxResults must be an integer.".into()))?,
        ),
    };
    Ok(ListQuery {
        names: strings(body, names_key)?.unwrap_or_default(),
        owner: string(body, "Owner")?,
        filters,
        max_results,
        next_token: string(body, "NextToken")?,
        all_pages: false,
    })
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn describe_agents(state: &mut State, body: &Value) -> Reply {
    let q = list_query(body, "RcsAgentIds")?;
    let ids_given = !body["RcsAgentIds"].is_null();
    if ids_given && q.owner.is_some() {
        return Err(ServiceError::validation_reason(
            "PARAMETERS_CANNOT_BE_USED_TOGETHER",
            "Owner and RcsAgentIds can't be used together.".into(),
            Vec::new(),
        ));
    }
    check(&account::validate_agent_query(&q))?;
    let mut agents: Vec<Value> = Vec::new();
    if ids_given {
        for id in &q.names {
            agents.push(
                state
                    .agent_mut(id)
                    .cloned()
                    .ok_or_else(|| ServiceError::not_found("rcs-agent", id))?,
            );
        }
    } else if q.owner.as_deref() != Some("SHARED") {
        agents.clone_from(&state.agents);
    }
    let key = |name: &str| match name {
        "status" => "Status",
        "two-way-enabled" => "TwoWayEnabled",
        "self-managed-opt-outs-enabled" => "SelfManagedOptOutsEnabled",
        "opt-out-list-name" => "OptOutListName",
        "deletion-protection-enabled" => "DeletionProtectionEnabled",
        _ => "TwoWayChannelArn",
    };
    agents.retain(|a| {
        q.filters
            .iter()
            .all(|(name, values)| values.contains(&text(&a[key(name)])))
    });
    page(&agents, body, "RcsAgents")
}

fn create_agent(state: &mut State, body: &Value) -> Reply {
    let opt_out_list = string(body, "OptOutListName")?;
    let tags = tags(body)?;
    check(&account::validate_new_agent(opt_out_list.as_deref(), &tags))?;
    let id = format!("rcs-{}", state.new_id().replace('-', "")[8..].to_owned());
    let mut agent = state.agent_record(
        &id,
        boolean(body, "DeletionProtectionEnabled")?.unwrap_or(false),
        opt_out_list,
    );
    state.agents.push(agent.clone());
    if body.get("Tags").is_some() {
        agent["Tags"] = json!(
            tags.iter()
                .map(|(k, v)| json!({"Key": k, "Value": v}))
                .collect::<Vec<_>>()
        );
    }
    Ok(agent)
}

fn update_agent(state: &mut State, body: &Value) -> Reply {
    let u = AgentUpdate {
        rcs_agent_id: required(body, "RcsAgentId")?,
        deletion_protection_enabled: boolean(body, "DeletionProtectionEnabled")?,
        opt_out_list_name: string(body, "OptOutListName")?,
        self_managed_opt_outs_enabled: boolean(body, "SelfManagedOptOutsEnabled")?,
        two_way_channel_arn: string(body, "TwoWayChannelArn")?,
        two_way_channel_role: string(body, "TwoWayChannelRole")?,
        two_way_enabled: boolean(body, "TwoWayEnabled")?,
        two_way_media_s3_bucket_name: string(body, "TwoWayMediaS3BucketName")?,
        two_way_media_s3_key_prefix: string(body, "TwoWayMediaS3KeyPrefix")?,
        two_way_media_s3_role: string(body, "TwoWayMediaS3Role")?,
        two_way_rcs_events_enabled: strings(body, "TwoWayRcsEventsEnabled")?,
    };
    check(&account::agent_update_member_issues(&u))?;
    let agent = state
        .agent_mut(&u.rcs_agent_id)
        .ok_or_else(|| ServiceError::not_found("rcs-agent", &u.rcs_agent_id))?;
    let two_way = u
        .two_way_enabled
        .unwrap_or_else(|| agent["TwoWayEnabled"].as_bool().unwrap_or(false));
    if let Some(e) = issues_error(&account::validate_agent_update(&u, two_way)) {
        return Err(e);
    }
    let changes = [
        (
            "DeletionProtectionEnabled",
            u.deletion_protection_enabled.map(Value::Bool),
        ),
        ("OptOutListName", u.opt_out_list_name.map(Value::String)),
        (
            "SelfManagedOptOutsEnabled",
            u.self_managed_opt_outs_enabled.map(Value::Bool),
        ),
        ("TwoWayChannelArn", u.two_way_channel_arn.map(Value::String)),
        (
            "TwoWayChannelRole",
            u.two_way_channel_role.map(Value::String),
        ),
        ("TwoWayEnabled", u.two_way_enabled.map(Value::Bool)),
        (
            "TwoWayRcsEventsEnabled",
            u.two_way_rcs_events_enabled.map(|e| json!(e)),
        ),
    ];
    for (key, value) in changes {
        if let Some(value) = value {
            agent[key] = value;
        }
    }
    if u.two_way_media_s3_bucket_name.as_deref() == Some(account::UNSET_MEDIA) {
        if let Some(o) = agent.as_object_mut() {
            o.remove("TwoWayMediaS3BucketName");
            o.remove("TwoWayMediaS3KeyPrefix");
            o.remove("TwoWayMediaS3Role");
        }
    } else {
        let media = [
            ("TwoWayMediaS3BucketName", u.two_way_media_s3_bucket_name),
            ("TwoWayMediaS3KeyPrefix", u.two_way_media_s3_key_prefix),
            ("TwoWayMediaS3Role", u.two_way_media_s3_role),
        ];
        for (key, value) in media {
            if let Some(value) = value {
                agent[key] = Value::String(value);
            }
        }
    }
    Ok(agent.clone())
}

fn delete_agent(state: &mut State, body: &Value) -> Reply {
    let id = required(body, "RcsAgentId")?;
    check(&account::validate_agent_id(&id))?;
    let agent = state
        .agent_mut(&id)
        .ok_or_else(|| ServiceError::not_found("rcs-agent", &id))?;
    if agent["DeletionProtectionEnabled"] == true {
        return Err(ServiceError::conflict(format!(
            "Deletion protection is enabled on {id}; turn it off first."
        )));
    }
    let mut removed = agent.clone();
    state
        .agents
        .retain(|a| a["RcsAgentId"] != removed["RcsAgentId"]);
    removed["Status"] = json!("DELETED");
    Ok(removed)
}

fn spend_limits(state: &State) -> Value {
    let limits: Vec<Value> = SPEND_LIMIT_NAMES
        .iter()
        .map(|name| {
            let overridden = if *name == RCS_SPEND_LIMIT { state.rcs_spend_override } else { None };
            json!({"Name": name, "EnforcedLimit": overridden.unwrap_or(MAX_LIMIT), "MaxLimit": MAX_LIMIT, "Overridden": overridden.is_some()})
        })
        .collect();
    json!({"SpendLimits": limits})
}

fn set_spend(state: &mut State, body: &Value) -> Reply {
    let limit = body
        .get("MonthlyLimit")
        .and_then(Value::as_i64)
        .ok_or_else(|| {
            ServiceError::validation_reason(
                "MISSING_PARAMETER",
                "MonthlyLimit is required.".into(),
                vec![("MonthlyLimit".into(), "required".into())],
            )
        })?;
    let issues = account::validate_spend_override(limit, Some(MAX_LIMIT));
    if !issues.is_empty() {
        return Err(ServiceError::validation_reason(
            "REQUESTED_SPEND_LIMIT_HIGHER_THAN_SERVICE_LIMIT",
            issues[0].message.clone(),
            issues
                .iter()
                .map(|i| (i.path.clone(), i.message.clone()))
                .collect(),
        ));
    }
    state.rcs_spend_override = Some(limit);
    Ok(json!({"MonthlyLimit": limit}))
}

fn describe_config_sets(state: &mut State, body: &Value) -> Reply {
    let q = list_query(body, "ConfigurationSetNames")?;
    check(&account::validate_config_set_query(&q))?;
    let mut sets = Vec::new();
    if body["ConfigurationSetNames"].is_null() {
        sets.clone_from(&state.config_sets);
    } else {
        for n in &q.names {
            sets.push(
                state
                    .config_set_mut(n)
                    .cloned()
                    .ok_or_else(|| ServiceError::not_found("configuration-set", n))?,
            );
        }
    }
    sets.retain(|s| {
        q.filters.iter().all(|(name, values)| match name.as_str() {
            "event-destination-name" => s["EventDestinations"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|d| values.contains(&text(&d["EventDestinationName"]))),
            "matching-event-types" => {
                s["EventDestinations"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|d| {
                        d["MatchingEventTypes"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .any(|t| values.contains(&text(t)))
                    })
            }
            "default-message-type" => values.contains(&text(&s["DefaultMessageType"])),
            "default-sender-id" => values.contains(&text(&s["DefaultSenderId"])),
            "default-message-feedback-enabled" => {
                values.contains(&text(&s["DefaultMessageFeedbackEnabled"]))
            }
            _ => values.contains(&text(&s["ProtectConfigurationId"])),
        })
    });
    page(&sets, body, "ConfigurationSets")
}

fn create_config_set(state: &mut State, body: &Value) -> Reply {
    let name = required(body, "ConfigurationSetName")?;
    let tags = tags(body)?;
    check(&account::validate_new_config_set(&name, &tags))?;
    if state.config_set_mut(&name).is_some() {
        return Err(ServiceError::conflict(format!(
            "Configuration set {name} already exists."
        )));
    }
    let set = json!({
        "ConfigurationSetArn": State::arn("configuration-set", &name),
        "ConfigurationSetName": name,
        "EventDestinations": [],
        "DefaultMessageFeedbackEnabled": false,
        "CreatedTimestamp": State::now(),
    });
    state.config_sets.push(set.clone());
    let mut out = json!({"ConfigurationSetArn": set["ConfigurationSetArn"], "ConfigurationSetName": set["ConfigurationSetName"], "CreatedTimestamp": set["CreatedTimestamp"]});
    if body.get("Tags").is_some() {
        out["Tags"] = json!(
            tags.iter()
                .map(|(k, v)| json!({"Key": k, "Value": v}))
                .collect::<Vec<_>>()
        );
    }
    Ok(out)
}

fn delete_config_set(state: &mut State, body: &Value) -> Reply {
    let name = required(body, "ConfigurationSetName")?;
    check(&account::validate_config_set_ref(&name, None))?;
    let set = state
        .config_set_mut(&name)
        .cloned()
        .ok_or_else(|| ServiceError::not_found("configuration-set", &name))?;
    state
        .config_sets
        .retain(|s| s["ConfigurationSetArn"] != set["ConfigurationSetArn"]);
    Ok(set)
}

fn destination(body: &Value) -> Result<Option<Destination>, ServiceError> {
    // A missing member stays empty: the core reports it at its full path.
    let member = |d: &Value, object: &str, key: &str| {
        string_at(d, key, &format!("{object}.{key}")).map(Option::unwrap_or_default)
    };
    let mut found = Vec::new();
    if let Some(d) = body.get("CloudWatchLogsDestination") {
        let o = "CloudWatchLogsDestination";
        found.push(Destination::CloudWatchLogs {
            iam_role_arn: member(d, o, "IamRoleArn")?,
            log_group_arn: member(d, o, "LogGroupArn")?,
        });
    }
    if let Some(d) = body.get("KinesisFirehoseDestination") {
        let o = "KinesisFirehoseDestination";
        found.push(Destination::Firehose {
            iam_role_arn: member(d, o, "IamRoleArn")?,
            delivery_stream_arn: member(d, o, "DeliveryStreamArn")?,
        });
    }
    if let Some(d) = body.get("SnsDestination") {
        found.push(Destination::Sns {
            topic_arn: member(d, "SnsDestination", "TopicArn")?,
        });
    }
    if found.len() > 1 {
        return Err(ServiceError::validation_reason(
            "PARAMETERS_CANNOT_BE_USED_TOGETHER",
            "Give exactly one destination.".into(),
            vec![(
                "Destination".into(),
                "exactly one of CloudWatch Logs, Firehose or SNS".into(),
            )],
        ));
    }
    Ok(found.pop())
}

fn destination_json(d: &Destination) -> (&'static str, Value) {
    match d {
        Destination::CloudWatchLogs {
            iam_role_arn,
            log_group_arn,
        } => (
            "CloudWatchLogsDestination",
            json!({"IamRoleArn": iam_role_arn, "LogGroupArn": log_group_arn}),
        ),
        Destination::Firehose {
            iam_role_arn,
            delivery_stream_arn,
        } => (
            "KinesisFirehoseDestination",
            json!({"IamRoleArn": iam_role_arn, "DeliveryStreamArn": delivery_stream_arn}),
        ),
        Destination::Sns { topic_arn } => ("SnsDestination", json!({"TopicArn": topic_arn})),
    }
}

fn put_event_destination(state: &mut State, body: &Value, create: bool) -> Reply {
    let set_name = required(body, "ConfigurationSetName")?;
    let name = required(body, "EventDestinationName")?;
    let spec = EventDestinationSpec {
        configuration_set_name: set_name.clone(),
        event_destination_name: name.clone(),
        enabled: boolean(body, "Enabled")?,
        matching_event_types: strings(body, "MatchingEventTypes")?,
        destination: destination(body)?,
    };
    check(&account::event_destination_member_issues(&spec))?;
    let set = state
        .config_set_mut(&set_name)
        .ok_or_else(|| ServiceError::not_found("configuration-set", &set_name))?;
    let list = set["EventDestinations"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let current = list
        .iter()
        .position(|d| d["EventDestinationName"] == name.as_str());
    let existing = match (create, current) {
        (true, Some(_)) => {
            return Err(ServiceError::conflict(format!(
                "Event destination {name} already exists in {set_name}."
            )));
        }
        (false, None) => return Err(ServiceError::not_found("event-destination", &name)),
        (_, Some(i)) => Some(account::recorded_kind(&list[i])),
        (true, None) => None,
    };
    if let Some(e) = issues_error(&account::validate_event_destination(
        &spec,
        existing,
        list.len(),
    )) {
        return Err(e);
    }
    let mut record = current.map_or_else(
        || json!({"EventDestinationName": name, "Enabled": true}),
        |i| list[i].clone(),
    );
    if let Some(enabled) = spec.enabled {
        record["Enabled"] = json!(enabled);
    }
    if let Some(types) = &spec.matching_event_types {
        record["MatchingEventTypes"] = json!(types);
    }
    if let Some(d) = &spec.destination {
        let (key, value) = destination_json(d);
        record[key] = value;
    }
    let mut list = list;
    match current {
        Some(i) => list[i] = record.clone(),
        None => list.push(record.clone()),
    }
    set["EventDestinations"] = Value::Array(list);
    Ok(
        json!({"ConfigurationSetArn": set["ConfigurationSetArn"], "ConfigurationSetName": set["ConfigurationSetName"], "EventDestination": record}),
    )
}

fn delete_event_destination(state: &mut State, body: &Value) -> Reply {
    let set_name = required(body, "ConfigurationSetName")?;
    let name = required(body, "EventDestinationName")?;
    check(&account::validate_config_set_ref(&set_name, Some(&name)))?;
    let set = state
        .config_set_mut(&set_name)
        .ok_or_else(|| ServiceError::not_found("configuration-set", &set_name))?;
    let mut list = set["EventDestinations"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let i = list
        .iter()
        .position(|d| d["EventDestinationName"] == name.as_str())
        .ok_or_else(|| ServiceError::not_found("event-destination", &name))?;
    let removed = list.remove(i);
    set["EventDestinations"] = Value::Array(list);
    Ok(
        json!({"ConfigurationSetArn": set["ConfigurationSetArn"], "ConfigurationSetName": set["ConfigurationSetName"], "EventDestination": removed}),
    )
}
