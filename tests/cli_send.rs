//! `rcs-composer send` and `rcs-composer sandbox` as real processes over loopback HTTP.
#![expect(clippy::unwrap_used, reason = "tests fail loudly by design")]

mod process;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use process::{offline_env, sandbox};

fn home() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// The binary in an offline AWS environment.
fn rcs(home: &Path, args: &[&str], keys: bool) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rcs-composer"));
    cmd.args(args);
    offline_env(&mut cmd, home, keys);
    cmd.output().unwrap()
}

fn example(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/examples")
        .join(name)
        .display()
        .to_string()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn dry_run_and_send_print_the_message_id() {
    let sb = sandbox();
    let home = home();
    let t = example("carousel-coffee-menu.json");
    let out = rcs(
        home.path(),
        &[
            "send",
            &t,
            "--to",
            "+14255550123",
            "--origination",
            "rcs-agent-sandbox",
            "--dry-run",
            "--endpoint-url",
            &sb.url,
        ],
        true,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let id = text(&out.stdout);
    assert!(id.trim().starts_with("00000000-0000-4000-8000-"), "{id}");
    let out = rcs(
        home.path(),
        &[
            "send",
            &t,
            "--to",
            "+14255550123",
            "--origination",
            "rcs-agent-sandbox",
            "--json",
            "--endpoint-url",
            &sb.url,
        ],
        true,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert!(v["MessageId"].as_str().unwrap().len() > 10);
}

#[test]
fn the_endpoint_environment_variable_is_honoured() {
    let sb = sandbox();
    let home = home();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rcs-composer"));
    let t = example("text-appointment-reminder.json");
    cmd.args([
        "send",
        &t,
        "--to",
        "+14255550123",
        "--origination",
        "rcs-agent-sandbox",
    ]);
    offline_env(&mut cmd, home.path(), true);
    let out = cmd
        .env("AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2", &sb.url)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn an_invalid_message_exits_one_with_its_fields() {
    let sb = sandbox();
    let home = home();
    let t = fixture("reply-too-long.json").display().to_string();
    let out = rcs(
        home.path(),
        &[
            "send",
            &t,
            "--to",
            "+14255550123",
            "--origination",
            "rcs-agent-sandbox",
            "--endpoint-url",
            &sb.url,
        ],
        true,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("RcsMessageContent.Suggestions[0].Reply.Text: Reply text is 26 characters"),
        "{err}"
    );
    let out = rcs(
        home.path(),
        &["send", &t, "--to", "12", "--endpoint-url", &sb.url],
        true,
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_service_validation_exception_exits_one() {
    let sb = sandbox();
    let home = home();
    let t = example("text-appointment-reminder.json");
    let out = rcs(
        home.path(),
        &[
            "send",
            &t,
            "--to",
            "+15555550400",
            "--origination",
            "rcs-agent-sandbox",
            "--endpoint-url",
            &sb.url,
        ],
        true,
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains("ValidationException") && err.contains("DestinationPhoneNumber:"),
        "{err}"
    );
    assert!(err.contains("request id:"), "{err}");
}

#[test]
fn service_and_network_errors_exit_three() {
    let sb = sandbox();
    let home = home();
    let t = example("text-appointment-reminder.json");
    let out = rcs(
        home.path(),
        &[
            "send",
            &t,
            "--to",
            "+14255550123",
            "--origination",
            "rcs-agent-nobody",
            "--endpoint-url",
            &sb.url,
        ],
        true,
    );
    assert_eq!(out.status.code(), Some(3));
    assert!(
        text(&out.stderr).contains("ResourceNotFoundException"),
        "{}",
        text(&out.stderr)
    );
    let out = rcs(
        home.path(),
        &[
            "send",
            &t,
            "--to",
            "+15555550429",
            "--origination",
            "rcs-agent-sandbox",
            "--endpoint-url",
            &sb.url,
        ],
        true,
    );
    assert_eq!(out.status.code(), Some(3));
    assert!(text(&out.stderr).contains("ThrottlingException"));
    let out = rcs(
        home.path(),
        &[
            "send",
            &t,
            "--to",
            "+14255550123",
            "--origination",
            "rcs-agent-sandbox",
            "--endpoint-url",
            "http://127.0.0.1:9",
        ],
        true,
    );
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn missing_credentials_get_an_actionable_message() {
    let home = home();
    let t = example("text-appointment-reminder.json");
    let out = rcs(
        home.path(),
        &[
            "send",
            &t,
            "--to",
            "+14255550123",
            "--origination",
            "rcs-agent-sandbox",
            "--endpoint-url",
            "http://127.0.0.1:9",
        ],
        false,
    );
    assert_eq!(out.status.code(), Some(3));
    let err = text(&out.stderr);
    assert!(
        err.contains("No AWS credentials were found") && err.contains("aws configure"),
        "{err}"
    );
}

#[test]
fn an_unreadable_template_exits_two() {
    let home = home();
    let out = rcs(
        home.path(),
        &["send", "no-such.json", "--to", "+14255550123"],
        true,
    );
    assert_eq!(out.status.code(), Some(2));
}
