//! `rcs-composer export`, run as printed: the AWS CLI command (inline and `file://`) and the
//! boto3 script put on the wire what `rcs-composer send` puts there, for every shipped example.
//! The AWS CLI and boto3 are needed (`.ci/install-deps` installs them): without them these
//! tests fail, they are not skipped.
#![expect(clippy::unwrap_used, reason = "tests fail loudly by design")]

mod process;
mod wire_tap;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use process::{offline_env, sandbox_with};
use serde_json::Value;

const TO: &str = "+14255550123";
const AGENT: &str = "rcs-agent-sandbox";

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

/// The binary in an offline AWS environment with test keys.
fn rcs(home: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rcs-composer"));
    cmd.args(args);
    offline_env(&mut cmd, home, true);
    cmd.output().unwrap()
}

/// A command of the Python tools, sent to `endpoint` with test keys. They keep the real HOME:
/// Python version managers (pyenv) find their interpreters through it; the AWS configuration
/// files are pointed away, so nothing but the environment configures them.
fn python_tool(program: &str, home: &Path, endpoint: &str) -> Command {
    let mut cmd = Command::new(program);
    offline_env(&mut cmd, home, true);
    if let Some(real) = std::env::var_os("HOME") {
        cmd.env("HOME", real);
    }
    cmd.env("AWS_ENDPOINT_URL", endpoint);
    cmd
}

fn export(home: &Path, template: &Path, format: &str, extra: &[&str]) -> String {
    let t = template.display().to_string();
    let mut args = vec![
        "export",
        &t,
        "--as",
        format,
        "--to",
        TO,
        "--origination",
        AGENT,
    ];
    args.extend_from_slice(extra);
    let out = rcs(home, &args);
    assert_eq!(out.status.code(), Some(0), "{t}: {}", text(&out.stderr));
    text(&out.stdout)
}

fn succeeded(what: &str, out: &Output) {
    assert!(
        out.status.success(),
        "{what} failed ({:?}); the AWS CLI and boto3 must be installed (.ci/install-deps):\n{}\n{}",
        out.status,
        text(&out.stdout),
        text(&out.stderr)
    );
}

/// The `Request` members of the sandbox's record, in order.
fn recorded(record: &Path) -> Vec<Value> {
    std::fs::read_to_string(record)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["Request"].clone())
        .collect()
}

/// How one client's body compares with `send`'s, byte for byte; when the bytes differ, also
/// whether they differ only in layout (spaces after `,` and `:`, `\u` escapes): the other body
/// written compactly, in its own member order, is then `send`'s byte for byte.
fn bytes_verdict(send: &[u8], other: &[u8]) -> String {
    if send == other {
        return "same bytes".to_owned();
    }
    let compact = serde_json::from_slice::<Value>(other).unwrap().to_string();
    let layout = if compact.as_bytes() == send {
        "only the layout differs: same member order and number text"
    } else {
        "more than the layout differs"
    };
    let at = send
        .iter()
        .zip(other)
        .position(|(a, b)| a != b)
        .unwrap_or(send.len().min(other.len()));
    format!(
        "other bytes ({} vs {} bytes, first difference at byte {at}: {:?} vs {:?}); {layout}",
        send.len(),
        other.len(),
        text(&send[at..(at + 12).min(send.len())]),
        text(&other[at..(at + 12).min(other.len())]),
    )
}

#[test]
fn every_example_run_as_exported_sends_what_send_sends() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let record = home.join("record.jsonl");
    let sandbox = sandbox_with(&["--record", record.to_str().unwrap()]);
    let tap = wire_tap::WireTap::start(&sandbox.url);
    let mut report = Vec::new();
    let mut count = 0;
    for template in examples() {
        let name = template.file_name().unwrap().to_string_lossy().into_owned();
        let before = tap.bodies().len();

        let t = template.display().to_string();
        let mut send = Command::new(env!("CARGO_BIN_EXE_rcs-composer"));
        send.args(["send", &t, "--to", TO, "--origination", AGENT]);
        offline_env(&mut send, home, true);
        send.env("AWS_ENDPOINT_URL", &tap.url);
        succeeded(&format!("{name}: send"), &send.output().unwrap());

        let inline = export(home, &template, "aws-cli", &[]);
        assert_eq!(inline.lines().count(), 1, "one line: {inline}");
        let out = python_tool("sh", home, &tap.url)
            .args(["-c", &inline])
            .output()
            .unwrap();
        succeeded(&format!("{name}: the AWS CLI command"), &out);

        let file = home.join(format!("request {name}"));
        let by_file = export(
            home,
            &template,
            "aws-cli",
            &["--json-file", file.to_str().unwrap()],
        );
        assert!(by_file.contains(" --cli-input-json 'file:///"), "{by_file}");
        let out = python_tool("sh", home, &tap.url)
            .args(["-c", &by_file])
            .output()
            .unwrap();
        succeeded(&format!("{name}: the AWS CLI command with file://"), &out);
        // The file holds exactly what `--as json` prints.
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            export(home, &template, "json", &[])
        );

        let script = home.join("send.py");
        std::fs::write(&script, export(home, &template, "boto3", &[])).unwrap();
        let out = python_tool("python3", home, &tap.url)
            .arg(&script)
            .output()
            .unwrap();
        succeeded(&format!("{name}: the boto3 script"), &out);
        assert!(
            text(&out.stdout)
                .trim()
                .starts_with("00000000-0000-4000-8000-"),
            "the script prints the MessageId: {}",
            text(&out.stdout)
        );

        // On the wire: four bodies, equal as JSON values to send's.
        let bodies = tap.bodies()[before..].to_vec();
        assert_eq!(bodies.len(), 4, "{name}: one request per client");
        let values: Vec<Value> = bodies
            .iter()
            .map(|b| serde_json::from_slice(b).unwrap())
            .collect();
        let clients = ["AWS CLI inline", "AWS CLI file://", "boto3"];
        for (client, (value, body)) in clients.iter().zip(values[1..].iter().zip(&bodies[1..])) {
            assert_eq!(
                *value, values[0],
                "{name}: {client} sent another request than `send`"
            );
            report.push(format!(
                "{name}, {client}: same JSON value as send; {}",
                bytes_verdict(&bodies[0], body)
            ));
        }
        count += 1;
    }
    // The sandbox accepted and recorded all of them, each equal to send's.
    let recorded = recorded(&record);
    assert_eq!(recorded.len(), 4 * count);
    for group in recorded.chunks(4) {
        for other in &group[1..] {
            assert_eq!(*other, group[0], "the record differs from send's request");
        }
        assert_eq!(group[0]["DestinationPhoneNumber"], TO);
        assert_eq!(group[0]["OriginationIdentity"], AGENT);
    }
    assert_eq!(count, 5, "every shipped example was compared");
    // The report, for `cargo test -- --nocapture`.
    for line in &report {
        println!("{line}");
    }
}

/// The same exit code and the same issue lines as `send`, for what `send` refuses.
#[test]
fn what_send_refuses_export_refuses_with_the_same_errors() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    for (template, code) in [
        (fixture("reply-too-long.json"), 1),
        (fixture("malformed.json"), 1),
        (fixture("unknown-member.json"), 1),
        (fixture("no-such-file.json"), 2),
    ] {
        let send = rcs(
            home,
            &["send", &template, "--to", TO, "--origination", AGENT],
        );
        assert_eq!(send.status.code(), Some(code), "{}", text(&send.stderr));
        for format in ["aws-cli", "boto3", "json"] {
            let out = rcs(
                home,
                &[
                    "export",
                    &template,
                    "--as",
                    format,
                    "--to",
                    TO,
                    "--origination",
                    AGENT,
                ],
            );
            assert_eq!(out.status.code(), Some(code), "{template} {format}");
            assert!(out.stdout.is_empty(), "nothing exported");
            let issues = |o: &Output| -> Vec<String> {
                text(&o.stderr)
                    .lines()
                    .filter(|l| !l.starts_with("rcs-composer:"))
                    .map(str::to_owned)
                    .collect()
            };
            assert!(!issues(&out).is_empty());
            assert_eq!(issues(&out), issues(&send), "{template} {format}");
        }
    }
    // Without --to, the template must name the destination, as `send --for-send` demands.
    let valid = fixture("valid-text.json");
    let out = rcs(home, &["export", &valid, "--as", "json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("error[missing-required] DestinationPhoneNumber"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        text(&out.stderr).contains("the message has errors; nothing was exported."),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn the_flags_fill_or_replace_the_templates_addressing() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let mut request: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("valid-text.json")).unwrap())
            .unwrap();
    request["DestinationPhoneNumber"] = "+14255550199".into();
    request["OriginationIdentity"] = "template-agent".into();
    let file = home.join("addressed.json");
    std::fs::write(&file, request.to_string()).unwrap();
    let f = file.to_str().unwrap();

    let out = rcs(home, &["export", f, "--as", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let kept: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(kept, request, "without flags: the template as it is");

    let out = rcs(home, &["export", f, "--as", "json", "--to", TO]);
    let replaced: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(replaced["DestinationPhoneNumber"], TO);
    assert_eq!(replaced["OriginationIdentity"], "template-agent");

    let out = rcs(home, &["export", f, "--as", "json", "--origination", AGENT]);
    let replaced: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(replaced["DestinationPhoneNumber"], "+14255550199");
    assert_eq!(replaced["OriginationIdentity"], AGENT);
}

#[test]
fn a_time_the_python_tools_would_round_is_refused_for_them_only() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let request = serde_json::json!({
        "DestinationPhoneNumber": TO,
        "OriginationIdentity": AGENT,
        "RcsMessageContent": {
            "Content": {"TextMessage": {"Body": "See you"}},
            "Suggestions": [{"CreateCalendarEvent": {
                "Text": "Add", "PostbackData": "add", "Title": "Visit",
                "StartTime": "2026-12-03T10:30:00.123456789Z",
                "EndTime": "2026-12-03T11:00:00Z"
            }}]
        }
    });
    let file = home.join("nanos.json");
    std::fs::write(&file, request.to_string()).unwrap();
    let f = file.to_str().unwrap();
    for format in ["aws-cli", "boto3"] {
        let out = rcs(home, &["export", f, "--as", format]);
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert!(out.stdout.is_empty());
        assert!(
            text(&out.stderr).contains(
                "error[not-exportable] RcsMessageContent.Suggestions[0].CreateCalendarEvent.StartTime: 2026-12-03T10:30:00.123456789Z has digits below the microsecond"
            ),
            "{}",
            text(&out.stderr)
        );
    }
    let json_file = home.join("not-written.json");
    let out = rcs(
        home,
        &[
            "export",
            f,
            "--as",
            "aws-cli",
            "--json-file",
            json_file.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        !json_file.exists(),
        "nothing is written for a refused export"
    );
    let out = rcs(home, &["export", f, "--as", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "the request JSON is always exact"
    );
}

#[test]
fn json_file_goes_with_the_aws_cli_only() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let valid = fixture("valid-text.json");
    let out = rcs(
        home,
        &[
            "export",
            &valid,
            "--as",
            "boto3",
            "--to",
            TO,
            "--origination",
            AGENT,
            "--json-file",
            home.join("x.json").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--json-file only goes with --as aws-cli"));
    assert!(!home.join("x.json").exists());
}
