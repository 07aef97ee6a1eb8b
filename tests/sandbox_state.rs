//! `rcs-composer sandbox --state FILE` as a real process: what the SDK creates is there after
//! the process is killed and started again on the same file, the AWS CLI (when installed)
//! sees it too, and a file that is not a sandbox state stops the start and is left untouched.
#![expect(clippy::unwrap_used, reason = "tests fail loudly by design")]

mod process;

use std::path::Path;
use std::process::Command;

use aws_sdk_pinpointsmsvoicev2::Client;
use rcs_composer::aws::account::{self as ops, ListQuery};
use rcs_composer::aws::{self, FailureKind};
use rcs_composer::rcs::account::{Destination, EventDestinationSpec};
use rcs_composer::sandbox::state::SANDBOX_AGENT;
use serde_json::Value;

use process::{SandboxProcess, offline_env, sandbox_with};

const TOPIC: &str = "arn:aws:sns:us-east-1:123456789012:rcs-events";

fn start(state: &Path) -> (SandboxProcess, Client) {
    let sb = sandbox_with(&["--state", state.to_str().unwrap()]);
    let client = aws::connection::sandbox_client(&sb.url);
    (sb, client)
}

/// `rcs-composer sandbox` on `state`, run to its end: for starts that must be refused.
fn start_on(state: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_rcs-composer"))
        .args(["sandbox", "--port", "0", "--state", state.to_str().unwrap()])
        .output()
        .unwrap()
}

fn agent_ids(client_answer: &Value) -> Vec<String> {
    client_answer["RcsAgents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["RcsAgentId"].as_str().unwrap().to_owned())
        .collect()
}

fn rcs_limit(limits: &Value) -> &Value {
    limits["SpendLimits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["Name"] == "RCS_MESSAGE_MONTHLY_SPEND_LIMIT")
        .unwrap()
}

/// What the AWS CLI sees on `url`; `None` (with a note) when it is not installed.
fn aws_cli(url: &str, home: &Path, operation: &str) -> Option<Value> {
    let mut cmd = Command::new("aws");
    cmd.args([
        "pinpoint-sms-voice-v2",
        operation,
        "--endpoint-url",
        url,
        "--output",
        "json",
    ]);
    offline_env(&mut cmd, home, true);
    match cmd.output() {
        Ok(out) if out.status.success() => Some(serde_json::from_slice(&out.stdout).unwrap()),
        Ok(out) => panic!("aws cli failed: {}", String::from_utf8_lossy(&out.stderr)),
        Err(_) => {
            eprintln!("note: the AWS CLI is not installed; its view of the state was not compared");
            None
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_account_survives_a_kill_and_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sandbox-state.json");

    let (sb, c) = start(&file);
    let created = ops::create_agent(&c, true, None, &[]).await.unwrap();
    let agent = created["RcsAgentId"].as_str().unwrap().to_owned();
    ops::set_spend_limit(&c, 250).await.unwrap();
    ops::create_config_set(&c, "rcs-campaigns").await.unwrap();
    let spec = EventDestinationSpec {
        configuration_set_name: "rcs-campaigns".into(),
        event_destination_name: "delivered".into(),
        enabled: None,
        matching_event_types: Some(vec!["RCS_DELIVERED".into(), "RCS_READ".into()]),
        destination: Some(Destination::Sns {
            topic_arn: TOPIC.into(),
        }),
    };
    ops::put_event_destination(&c, &spec, true).await.unwrap();
    let agents_before = ops::describe_agents(&c, &ListQuery::default())
        .await
        .unwrap();
    let sets_before = ops::describe_config_sets(&c, &ListQuery::default())
        .await
        .unwrap();
    // Killed (SIGKILL): nothing gets a chance to be written on the way out.
    drop(sb);

    let (sb, c) = start(&file);
    let agents = ops::describe_agents(&c, &ListQuery::default())
        .await
        .unwrap();
    assert_eq!(agents, agents_before);
    assert_eq!(agent_ids(&agents), [SANDBOX_AGENT, agent.as_str()]);
    assert_eq!(agents["RcsAgents"][1]["DeletionProtectionEnabled"], true);
    let limits = ops::spend_limits(&c).await.unwrap();
    assert_eq!(rcs_limit(&limits)["EnforcedLimit"], 250);
    assert_eq!(rcs_limit(&limits)["Overridden"], true);
    let sets = ops::describe_config_sets(&c, &ListQuery::default())
        .await
        .unwrap();
    assert_eq!(sets, sets_before);
    let destination = &sets["ConfigurationSets"][0]["EventDestinations"][0];
    assert_eq!(destination["EventDestinationName"], "delivered");
    assert_eq!(destination["SnsDestination"]["TopicArn"], TOPIC);
    // Kept records behave as records: the deletion protection still holds, the destination
    // still counts as existing.
    assert_eq!(
        ops::delete_agent(&c, &agent).await.unwrap_err().kind,
        FailureKind::Conflict
    );
    assert_eq!(
        ops::put_event_destination(&c, &spec, true)
            .await
            .unwrap_err()
            .kind,
        FailureKind::Conflict
    );
    // Ids go on from where the last run left them.
    let another = ops::create_agent(&c, false, None, &[]).await.unwrap();
    let another = another["RcsAgentId"].as_str().unwrap();
    assert!(another > agent.as_str(), "{another} after {agent}");

    let home = tempfile::tempdir().unwrap();
    if let Some(seen) = aws_cli(&sb.url, home.path(), "describe-rcs-agents") {
        assert_eq!(agent_ids(&seen), [SANDBOX_AGENT, agent.as_str(), another]);
        let seen = aws_cli(&sb.url, home.path(), "describe-configuration-sets").unwrap();
        assert_eq!(
            seen["ConfigurationSets"][0]["EventDestinations"][0]["SnsDestination"]["TopicArn"],
            TOPIC
        );
        let seen = aws_cli(&sb.url, home.path(), "describe-spend-limits").unwrap();
        assert_eq!(rcs_limit(&seen)["EnforcedLimit"], 250);
    }

    // Removals are kept as well.
    ops::clear_spend_limit(&c).await.unwrap();
    ops::delete_event_destination(&c, "rcs-campaigns", "delivered")
        .await
        .unwrap();
    ops::delete_config_set(&c, "rcs-campaigns").await.unwrap();
    drop(sb);
    let (_sb, c) = start(&file);
    let limits = ops::spend_limits(&c).await.unwrap();
    assert_eq!(rcs_limit(&limits)["Overridden"], false);
    let sets = ops::describe_config_sets(&c, &ListQuery::default())
        .await
        .unwrap();
    assert_eq!(sets["ConfigurationSets"], serde_json::json!([]));
    let agents = ops::describe_agents(&c, &ListQuery::default())
        .await
        .unwrap();
    assert_eq!(agent_ids(&agents).len(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_state_nothing_is_kept() {
    let (sb, c) = {
        let sb = process::sandbox();
        let client = aws::connection::sandbox_client(&sb.url);
        (sb, client)
    };
    ops::create_agent(&c, false, None, &[]).await.unwrap();
    drop(sb);
    let sb = process::sandbox();
    let c = aws::connection::sandbox_client(&sb.url);
    let agents = ops::describe_agents(&c, &ListQuery::default())
        .await
        .unwrap();
    assert_eq!(agent_ids(&agents), [SANDBOX_AGENT]);
}

#[test]
fn a_corrupt_state_file_stops_the_start_and_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sandbox-state.json");
    let corrupt = "{\"Version\": 1, \"IdCounter\": 12, \"RcsAgents\": [";
    std::fs::write(&file, corrupt).unwrap();
    let out = start_on(&file);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("sandbox state file") && err.contains(file.to_str().unwrap()),
        "{err}"
    );
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("http://"),
        "it must not have served"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), corrupt);
    // Nothing else was left in the folder either (no temporary file).
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_state_file_that_cannot_be_written_stops_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("no-such-folder/sandbox-state.json");
    let out = start_on(&file);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot write the sandbox state file")
            && err.contains("no-such-folder/sandbox-state.json"),
        "{err}"
    );
}

#[test]
fn a_second_sandbox_on_the_same_state_file_refuses_to_start_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sandbox-state.json");
    let (_first, _) = start(&file);
    let before = std::fs::read_to_string(&file).unwrap();
    let out = start_on(&file);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("is in use by another sandbox") && err.contains(file.to_str().unwrap()),
        "{err}"
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("http://"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before);
}
