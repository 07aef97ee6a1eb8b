//! The account subcommands as real processes against a sandbox process, and the AWS CLI
//! (when installed) seeing the same state.
#![expect(clippy::unwrap_used, reason = "tests fail loudly by design")]
#![expect(
    clippy::too_many_lines,
    reason = "each test is one user scenario, read top to bottom"
)]

mod process;

use std::path::Path;
use std::process::{Command, Output};

use process::{SandboxProcess, offline_env, sandbox};
use rcs_composer::sandbox::state::SANDBOX_AGENT;
use serde_json::Value;

fn rcs(sb: &SandboxProcess, home: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rcs-composer"));
    cmd.args(args).args(["--endpoint-url", &sb.url]);
    offline_env(&mut cmd, home, true);
    cmd.output().unwrap()
}

fn json(out: &Output) -> Value {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn agents_from_the_command_line() {
    let sb = sandbox();
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let created = json(&rcs(
        &sb,
        h,
        &[
            "agents",
            "create",
            "--deletion-protection",
            "--tag",
            "team=growth",
            "--json",
        ],
    ));
    let id = created["RcsAgentId"].as_str().unwrap().to_owned();
    let list = json(&rcs(
        &sb,
        h,
        &[
            "agents",
            "list",
            "--filter",
            "deletion-protection-enabled=true",
            "--json",
        ],
    ));
    assert_eq!(list["RcsAgents"][0]["RcsAgentId"], id.as_str());
    let human = rcs(&sb, h, &["agents", "list"]);
    assert!(String::from_utf8_lossy(&human.stdout).contains(&format!("RcsAgentId: {id}")));
    // Media without two-way is refused locally (exit 1) before any request.
    let out = rcs(
        &sb,
        h,
        &[
            "agents",
            "update",
            &id,
            "--media-bucket",
            "inbound",
            "--media-role",
            "arn:aws:iam::1:role/r",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("TwoWayMediaS3BucketName: Inbound media needs two-way messaging"),
        "{}",
        stderr(&out)
    );
    let updated = json(&rcs(
        &sb,
        h,
        &[
            "agents",
            "update",
            &id,
            "--two-way",
            "true",
            "--media-bucket",
            "inbound",
            "--media-role",
            "arn:aws:iam::1:role/r",
            "--events",
            "ALL",
            "--json",
        ],
    ));
    assert_eq!(updated["TwoWayMediaS3BucketName"], "inbound");
    let out = rcs(
        &sb,
        h,
        &["agents", "update", &id, "--events", "ALL,RCS_READ"],
    );
    assert_eq!(out.status.code(), Some(1));
    let out = rcs(&sb, h, &["agents", "delete", &id]);
    assert_eq!(
        out.status.code(),
        Some(3),
        "deletion protection: a service conflict"
    );
    assert!(
        stderr(&out).contains("Deletion protection"),
        "{}",
        stderr(&out)
    );
    json(&rcs(
        &sb,
        h,
        &[
            "agents",
            "update",
            &id,
            "--deletion-protection",
            "false",
            "--json",
        ],
    ));
    assert_eq!(
        json(&rcs(&sb, h, &["agents", "delete", &id, "--json"]))["Status"],
        "DELETED"
    );
    assert_eq!(
        rcs(&sb, h, &["agents", "delete", &id]).status.code(),
        Some(3)
    );
}

#[test]
fn spend_limit_from_the_command_line() {
    let sb = sandbox();
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let out = rcs(&sb, h, &["spend-limit", "set", "5000"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("at most 1000 USD (MaxLimit)"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        json(&rcs(&sb, h, &["spend-limit", "set", "50", "--json"]))["MonthlyLimit"],
        50
    );
    let shown = json(&rcs(&sb, h, &["spend-limit", "show", "--json"]));
    assert_eq!(
        shown["SpendLimits"][0]["Name"], "RCS_MESSAGE_MONTHLY_SPEND_LIMIT",
        "the RCS limit comes first"
    );
    assert_eq!(shown["SpendLimits"][0]["EnforcedLimit"], 50);
    assert_eq!(
        json(&rcs(&sb, h, &["spend-limit", "clear", "--json"]))["MonthlyLimit"],
        1000
    );
}

#[test]
fn configuration_sets_and_event_destinations_from_the_command_line() {
    let sb = sandbox();
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    json(&rcs(
        &sb,
        h,
        &["config-sets", "create", "rcs-campaigns", "--json"],
    ));
    assert_eq!(
        rcs(&sb, h, &["config-sets", "create", "bad name"])
            .status
            .code(),
        Some(1)
    );
    let topic = "arn:aws:sns:us-east-1:123456789012:rcs-events";
    let created = json(&rcs(
        &sb,
        h,
        &[
            "event-destinations",
            "create",
            "rcs-campaigns",
            "delivered",
            "--events",
            "RCS_DELIVERED,RCS_FALLEN_BACK_TO_SMS",
            "--sns-topic",
            topic,
            "--json",
        ],
    ));
    assert_eq!(
        created["EventDestination"]["SnsDestination"]["TopicArn"],
        topic
    );
    let out = rcs(
        &sb,
        h,
        &[
            "event-destinations",
            "create",
            "rcs-campaigns",
            "x",
            "--events",
            "RCS_SENT",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "a destination is required");
    let out = rcs(
        &sb,
        h,
        &[
            "event-destinations",
            "update",
            "rcs-campaigns",
            "delivered",
            "--log-group",
            "arn:aws:logs:us-east-1:1:log-group:g",
            "--role",
            "arn:aws:iam::1:role/r",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "the type cannot change: {}",
        stderr(&out)
    );
    let updated = json(&rcs(
        &sb,
        h,
        &[
            "event-destinations",
            "update",
            "rcs-campaigns",
            "delivered",
            "--enabled",
            "false",
            "--json",
        ],
    ));
    assert_eq!(updated["EventDestination"]["Enabled"], false);
    let listed = json(&rcs(
        &sb,
        h,
        &["event-destinations", "list", "rcs-campaigns", "--json"],
    ));
    assert_eq!(listed["EventDestinations"].as_array().unwrap().len(), 1);
    let sets = json(&rcs(
        &sb,
        h,
        &[
            "config-sets",
            "list",
            "--filter",
            "event-destination-name=delivered",
            "--json",
        ],
    ));
    assert_eq!(
        sets["ConfigurationSets"][0]["ConfigurationSetName"],
        "rcs-campaigns"
    );

    // The AWS CLI pointed at the same sandbox sees the same state.
    let mut aws = Command::new("aws");
    aws.args([
        "pinpoint-sms-voice-v2",
        "describe-configuration-sets",
        "--endpoint-url",
        &sb.url,
        "--output",
        "json",
    ]);
    offline_env(&mut aws, h, true);
    match aws.output() {
        Ok(out) if out.status.success() => {
            let v: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(
                v["ConfigurationSets"][0]["EventDestinations"][0]["EventDestinationName"],
                "delivered"
            );
        }
        Ok(out) => panic!("aws cli failed: {}", String::from_utf8_lossy(&out.stderr)),
        Err(_) => eprintln!(
            "note: the AWS CLI is not installed; its view of the sandbox was not compared"
        ),
    }

    json(&rcs(
        &sb,
        h,
        &[
            "event-destinations",
            "delete",
            "rcs-campaigns",
            "delivered",
            "--json",
        ],
    ));
    json(&rcs(
        &sb,
        h,
        &["config-sets", "delete", "rcs-campaigns", "--json"],
    ));
    assert_eq!(
        rcs(&sb, h, &["config-sets", "delete", "rcs-campaigns"])
            .status
            .code(),
        Some(3)
    );
}

/// An empty item in a list is an error at its path, refused before anything is sent; the
/// AWS CLI (botocore's validator, when installed) refuses the same request at the same path.
#[test]
fn empty_list_items_are_refused_at_their_path() {
    let sb = sandbox();
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let refused = |args: &[&str], path: &str| {
        let out = rcs(&sb, h, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(&format!("\n  {path}: ")),
            "{args:?} should name {path}: {}",
            stderr(&out)
        );
    };
    refused(
        &["agents", "list", "--filter", "status=ACTIVE,"],
        "Filters[0].Values[1]",
    );
    refused(
        &["config-sets", "list", "--filter", "default-sender-id="],
        "Filters[0].Values[0]",
    );
    refused(&["agents", "create", "--tag", "=growth"], "Tags[0].Key");
    refused(
        &["agents", "update", SANDBOX_AGENT, "--events", "RCS_READ,"],
        "TwoWayRcsEventsEnabled[1]",
    );
    json(&rcs(
        &sb,
        h,
        &["config-sets", "create", "rcs-campaigns", "--json"],
    ));
    refused(
        &[
            "event-destinations",
            "create",
            "rcs-campaigns",
            "delivered",
            "--events",
            "RCS_DELIVERED,",
            "--sns-topic",
            "arn:aws:sns:us-east-1:123456789012:rcs-events",
        ],
        "MatchingEventTypes[1]",
    );
    // An empty tag value is what the model allows.
    let created = json(&rcs(
        &sb,
        h,
        &["agents", "create", "--tag", "team=", "--json"],
    ));
    assert_eq!(created["Tags"][0]["Value"], "");

    let mut aws = Command::new("aws");
    aws.args([
        "pinpoint-sms-voice-v2",
        "describe-rcs-agents",
        "--endpoint-url",
        &sb.url,
        "--cli-input-json",
        r#"{"Filters": [{"Name": "status", "Values": ["ACTIVE", ""]}]}"#,
    ]);
    offline_env(&mut aws, h, true);
    match aws.output() {
        Ok(out) if String::from_utf8_lossy(&out.stderr).contains("Invalid choice") => {
            eprintln!("note: this AWS CLI predates DescribeRcsAgents; not compared");
        }
        Ok(out) => {
            assert_ne!(out.status.code(), Some(0));
            assert!(
                String::from_utf8_lossy(&out.stderr).contains("Filters[0].Values[1]"),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Err(_) => eprintln!("note: the AWS CLI is not installed; its verdict was not compared"),
    }
}

#[test]
fn the_aws_cli_accepts_every_example_template_against_the_sandbox() {
    let sb = sandbox();
    let home = tempfile::tempdir().unwrap();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples");
    for entry in std::fs::read_dir(examples).unwrap() {
        let path = entry.unwrap().path();
        // Templates only: the folder also holds an example audience (CSV).
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let mut aws = Command::new("aws");
        aws.args([
            "pinpoint-sms-voice-v2",
            "send-rcs-message",
            "--endpoint-url",
            &sb.url,
        ])
        .arg("--cli-input-json")
        .arg(format!("file://{}", path.display()))
        .args([
            "--destination-phone-number",
            "+14255550123",
            "--origination-identity",
            "rcs-agent-sandbox",
            "--dry-run",
        ]);
        offline_env(&mut aws, home.path(), true);
        let Ok(out) = aws.output() else {
            eprintln!("note: the AWS CLI is not installed; templates were not sent through it");
            return;
        };
        assert!(
            out.status.success(),
            "{}: {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(v["MessageId"].is_string());
    }
}
