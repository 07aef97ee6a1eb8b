//! `rcs-composer check`, run as the real binary on files in tests/fixtures.
#![expect(clippy::unwrap_used, reason = "tests fail loudly by design")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rcs-composer"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"))
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn valid_file_exits_zero_with_a_summary() {
    let out = run(&["check", "valid-text.json"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "checked 1 file: 0 with errors; 0 errors, 0 warnings\n"
    );
}

#[test]
fn warnings_alone_exit_zero() {
    let out = run(&["check", "warning-alignment.json"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "warning-alignment.json: warning[not-applicable] RcsMessageContent.Content.RichCard.ThumbnailImageAlignment: "
        ),
        "{text}"
    );
}

#[test]
fn errors_are_one_line_each_like_a_compiler() {
    let out = run(&["check", "reply-too-long.json", "valid-text.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "reply-too-long.json: error[too-long] RcsMessageContent.Suggestions[0].Reply.Text: \
         Reply text is 26 characters; the limit is 25.\n\
         checked 2 files: 1 with errors; 1 error, 0 warnings\n"
    );
}

#[test]
fn json_output_is_one_object_per_file_per_line() {
    let out = run(&[
        "check",
        "--json",
        "valid-text.json",
        "unknown-member.json",
        "warning-alignment.json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(
        lines[0],
        serde_json::json!({"file": "valid-text.json", "valid": true, "issues": []})
    );
    assert_eq!(lines[1]["valid"], false);
    assert_eq!(
        lines[1]["issues"][0]["path"],
        "RcsMessageContent.Content.RichCard.CardContent.Titel"
    );
    assert_eq!(lines[1]["issues"][0]["code"], "unknown-member");
    assert_eq!(lines[1]["issues"][0]["severity"], "error");
    assert_eq!(lines[2]["valid"], true);
    assert_eq!(lines[2]["issues"][0]["severity"], "warning");
    let keys: Vec<&str> = lines[1]["issues"][0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["path", "severity", "code", "message"]);
    let keys: Vec<&str> = lines[1]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["file", "valid", "issues"]);
}

#[test]
fn malformed_and_missing_files_exit_two_with_their_own_line() {
    let out = run(&[
        "check",
        "--json",
        "malformed.json",
        "no-such-file.json",
        "reply-too-long.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["issues"][0]["code"], "invalid-json");
    let message = lines[0]["issues"][0]["message"].as_str().unwrap();
    assert!(message.starts_with("line 4, column 35: "), "{message}");
    assert_eq!(lines[1]["issues"][0]["code"], "unreadable-file");
    assert_eq!(lines[1]["valid"], false);
    assert_eq!(lines[2]["issues"][0]["code"], "too-long");
}

#[test]
fn wrong_types_are_errors_at_their_path() {
    let out = run(&["check", "wrong-type.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).starts_with("wrong-type.json: error[wrong-type] TimeToLive: "));
}

#[test]
fn for_send_demands_addressing() {
    let out = run(&["check", "--for-send", "valid-text.json"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("error[missing-required] DestinationPhoneNumber: "),
        "{text}"
    );
    assert!(
        text.contains("error[missing-required] OriginationIdentity: "),
        "{text}"
    );
}

#[test]
fn every_shipped_example_passes() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples");
    let out = run(&["check", "--json", examples.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.lines().count() >= 4, "{text}");
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["valid"], true, "{line}");
        // Only what the phone shows differently (the coffee carousel's descriptions are cut
        // to the first card's height, iOS ignores media heights): no rule is broken.
        for issue in v["issues"].as_array().unwrap() {
            assert_eq!(issue["severity"], "warning", "{line}");
            assert!(
                issue["code"].as_str().unwrap().starts_with("phone-"),
                "{line}"
            );
        }
    }
}

#[test]
fn a_thousand_files_in_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("valid-text.json")).unwrap();
    for i in 0..1000 {
        std::fs::write(dir.path().join(format!("t{i:04}.json")), &text).unwrap();
    }
    let out = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "checked 1000 files: 0 with errors; 0 errors, 0 warnings\n"
    );
}

#[test]
fn check_needs_a_file() {
    let out = run(&["check"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn shipped_examples_are_saved_in_the_canonical_member_order() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples");
    for entry in std::fs::read_dir(examples).unwrap() {
        let path = entry.unwrap().path();
        // Templates only: the folder also holds an example audience (CSV).
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let request = rcs_composer::templates::open(&path).unwrap();
        assert_eq!(
            rcs_composer::rcs::codec::to_pretty_json(&request),
            text,
            "{}",
            path.display()
        );
    }
}

#[test]
fn a_tall_card_reports_the_buttons_the_phone_drops_as_warnings_at_their_paths() {
    let card = "RcsMessageContent.Content.RichCard.CardContent";
    let out = run(&["check", "--json", "phone-tall-card-two-buttons.json"]);
    assert_eq!(out.status.code(), Some(0), "warnings keep the exit code");
    let line: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(line["valid"], true);
    let dropped: Vec<(&str, &str)> = line["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["code"] == "phone-suggestion-dropped")
        .map(|i| (i["path"].as_str().unwrap(), i["severity"].as_str().unwrap()))
        .collect();
    assert_eq!(
        dropped,
        [
            (format!("{card}.Suggestions[0]").as_str(), "warning"),
            (format!("{card}.Suggestions[1]").as_str(), "warning"),
        ]
    );
    let text = stdout(&run(&["check", "phone-tall-card-two-buttons.json"]));
    assert!(
        text.contains(&format!(
            "phone-tall-card-two-buttons.json: warning[phone-suggestion-dropped] {card}.Suggestions[1]: Button 2 is not shown"
        )),
        "{text}"
    );
    assert!(text.ends_with("0 errors, 3 warnings\n"), "{text}");
}

#[test]
fn a_card_that_fits_reports_nothing() {
    let out = run(&["check", "--json", "phone-card-fits.json"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "{\"file\":\"phone-card-fits.json\",\"valid\":true,\"issues\":[]}\n"
    );
}
