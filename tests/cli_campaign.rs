//! `rcs-composer campaign` as a real process against a sandbox process: the report, the
//! sandbox's record, exit codes, resume after kill -9, a throttled service.
#![expect(clippy::unwrap_used, reason = "tests fail loudly by design")]

mod process;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use process::{offline_env, sandbox_with};
use serde_json::{Value, json};

const TEMPLATE: &str = r#"{
  "OriginationIdentity": "rcs-agent-sandbox",
  "DestinationPhoneNumber": "+19999999999",
  "RcsMessageContent": {
    "Content": {"TextMessage": {"Body": "Hi {{first_name|there}}! {{note|No note.}}"}},
    "Suggestions": [{"Reply": {"Text": "Yes, {{first_name}}!", "PostbackData": "yes"}}]
  }
}"#;

/// Multi-byte names (one that fits the reply's 25 characters, one that pushes it over), a bad
/// phone, a repeat, quoted cells with commas, quotes and a line break, an empty cell with and
/// without a default, a short row, a number the service refuses.
const AUDIENCE: &str = "phone,first_name,note\n\
+14255550100,Zoë,\"likes \"\"quotes\"\", commas\"\n\
+14255550101,Ånnä-Sophïé Wölfesc,\n\
+14255550102,Ånnä-Sophïé Wölfesch,\n \
4255550103,Bo,\n\
+14255550100,Zoë again,\n\
\" +14255550104 \",\"Smith, Jo\",\"line one\nline two\"\n\
+14255550105,,\n\
+14255550106\n\
+14255550107,Ana,\n\
+15555550400,Val,\n";

struct Dir {
    dir: tempfile::TempDir,
}

impl Dir {
    fn new(audience: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("t.json"), TEMPLATE).unwrap();
        std::fs::write(dir.path().join("a.csv"), audience).unwrap();
        Self { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn s(&self, name: &str) -> String {
        self.path(name).display().to_string()
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(name)).unwrap()
    }

    fn command(&self, args: &[&str], keys: bool) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_rcs-composer"));
        cmd.arg("campaign")
            .arg(self.path("t.json"))
            .arg("--audience")
            .arg(self.path("a.csv"))
            .args(args);
        offline_env(&mut cmd, self.dir.path(), keys);
        cmd
    }

    fn campaign(&self, args: &[&str]) -> Output {
        self.command(args, true).output().unwrap()
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn record(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_dry_run_gives_every_row_its_status_and_sends_the_accepted_ones_once() {
    let dir = Dir::new(AUDIENCE);
    let rec = dir.s("record.jsonl");
    let sb = sandbox_with(&["--record", &rec]);
    let out = dir.campaign(&["--dry-run", "--endpoint-url", &sb.url]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout)
            .contains("10 rows: 4 accepted, 1 rejected, 3 invalid, 2 skipped, 0 unknown"),
        "{}",
        text(&out.stdout)
    );
    let records = record(&dir.path("record.jsonl"));
    let ids: HashMap<&str, &str> = records
        .iter()
        .map(|r| {
            (
                r["DestinationPhoneNumber"].as_str().unwrap(),
                r["MessageId"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(records.len(), 4, "{records:?}");
    assert_eq!(ids.len(), 4, "each phone once");
    assert!(records.iter().all(|r| r["DryRun"] == true));
    let report = dir.read("a.dry-run-report.csv");
    let expected = format!(
        "row,phone,status,message_id,code,path,message\n\
1,+14255550100,accepted,{},,,\n\
2,+14255550101,accepted,{},,,\n\
3,+14255550102,invalid,,too-long,RcsMessageContent.Suggestions[0].Reply.Text,Reply text is 26 characters; the limit is 25.\n\
4,4255550103,skipped,,invalid-phone,DestinationPhoneNumber,\"'4255550103' is not a phone number in E.164 format, such as +14255550123.\"\n\
5,+14255550100,skipped,,duplicate-phone,DestinationPhoneNumber,+14255550100 already appears in row 1; it is sent once.\n\
6,+14255550104,accepted,{},,,\n\
7,+14255550105,invalid,,missing-value,RcsMessageContent.Suggestions[0].Reply.Text,Text: the cell 'first_name' is empty and '{{{{first_name}}}}' has no default.\n\
8,+14255550106,invalid,,malformed-row,,Line 10: the row has 1 cell; the header has 3.\n\
9,+14255550107,accepted,{},,,\n\
10,+15555550400,rejected,,ValidationException,DestinationPhoneNumber,The destination cannot receive RCS messages from this account.\n",
        ids["+14255550100"], ids["+14255550101"], ids["+14255550104"], ids["+14255550107"]
    );
    assert_eq!(report, expected);

    // The substituted request, whole: the row's phone, the origination, DryRun.
    let smith = records
        .iter()
        .find(|r| r["DestinationPhoneNumber"] == "+14255550104")
        .unwrap();
    assert_eq!(
        smith["Request"],
        json!({
            "DestinationPhoneNumber": "+14255550104",
            "OriginationIdentity": "rcs-agent-sandbox",
            "DryRun": true,
            "RcsMessageContent": {
                "Content": {"TextMessage": {"Body": "Hi Smith, Jo! line one\nline two"}},
                "Suggestions": [{"Reply": {"Text": "Yes, Smith, Jo!", "PostbackData": "yes"}}]
            }
        })
    );
    let body = |phone: &str| {
        records
            .iter()
            .find(|r| r["DestinationPhoneNumber"] == phone)
            .unwrap()["Request"]["RcsMessageContent"]["Content"]["TextMessage"]["Body"]
            .clone()
    };
    assert_eq!(body("+14255550100"), "Hi Zoë! likes \"quotes\", commas");
    assert_eq!(body("+14255550107"), "Hi Ana! No note.");
    assert_eq!(
        records
            .iter()
            .find(|r| r["DestinationPhoneNumber"] == "+14255550101")
            .unwrap()["Request"]["RcsMessageContent"]["Suggestions"][0]["Reply"]["Text"],
        "Yes, Ånnä-Sophïé Wölfesc!"
    );

    // The same campaign again is refused without --resume; with it, nothing is sent again
    // and the report is the same.
    let again = dir.campaign(&["--dry-run", "--endpoint-url", &sb.url]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        text(&again.stderr).contains("--resume"),
        "{}",
        text(&again.stderr)
    );
    let resumed = dir.campaign(&["--dry-run", "--resume", "--endpoint-url", &sb.url]);
    assert_eq!(resumed.status.code(), Some(1), "{}", text(&resumed.stderr));
    assert_eq!(record(&dir.path("record.jsonl")).len(), 4);
    assert_eq!(dir.read("a.dry-run-report.csv"), expected);
}

#[test]
fn check_only_exit_codes() {
    let valid = Dir::new("phone,first_name\n+14255550100,Ana\n+14255550101,Bo\n");
    let out = valid.campaign(&["--check-only"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        valid.read("a.check-only-report.csv"),
        "row,phone,status,message_id,code,path,message\n\
1,+14255550100,accepted,,,,passed the local checks (not sent)\n\
2,+14255550101,accepted,,,,passed the local checks (not sent)\n"
    );
    assert!(!valid.path("a.check-only-report.csv.journal").exists());

    let mixed = Dir::new(AUDIENCE);
    let report = mixed.s("custom.csv");
    let out = mixed.campaign(&["--check-only", "--report", &report]);
    assert_eq!(out.status.code(), Some(1));
    let report = mixed.read("custom.csv");
    assert_eq!(
        report.lines().filter(|l| l.contains(",accepted,")).count(),
        5
    );
    assert!(report.contains("\n10,+15555550400,accepted,,,,passed the local checks (not sent)\n"));

    // A placeholder column the audience lacks, a broken template, a missing audience,
    // contradicting flags: unusable, exit 2.
    let no_column = Dir::new("phone,name\n+14255550100,Ana\n");
    let out = no_column.campaign(&["--check-only"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("error[unknown-column]"), "{err}");
    assert!(err.contains("no column 'first_name'"), "{err}");
    let broken = Dir::new("phone\n+14255550100\n");
    std::fs::write(broken.path("t.json"), "{\"RcsMessageContent\": ").unwrap();
    let out = broken.campaign(&["--check-only"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("invalid-json"),
        "{}",
        text(&out.stderr)
    );
    std::fs::remove_file(broken.path("a.csv")).unwrap();
    std::fs::write(broken.path("t.json"), TEMPLATE).unwrap();
    assert_eq!(broken.campaign(&["--check-only"]).status.code(), Some(2));
    assert_eq!(
        valid.campaign(&["--check-only", "--resume"]).status.code(),
        Some(2)
    );
    assert_eq!(valid.campaign(&["--resend-unknown"]).status.code(), Some(2));
    let no_origination = Dir::new("phone,first_name\n+14255550100,Ana\n");
    std::fs::write(
        no_origination.path("t.json"),
        TEMPLATE.replace("\"OriginationIdentity\": \"rcs-agent-sandbox\",", ""),
    )
    .unwrap();
    let out = no_origination.campaign(&["--dry-run"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--origination"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn resume_refuses_a_changed_template_or_audience() {
    let dir = Dir::new(AUDIENCE);
    let sb = sandbox_with(&[]);
    let out = dir.campaign(&["--dry-run", "--endpoint-url", &sb.url]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    std::fs::write(dir.path("a.csv"), format!("{AUDIENCE}+14255550199,Zed,\n")).unwrap();
    let out = dir.campaign(&["--dry-run", "--resume", "--endpoint-url", &sb.url]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("audience file changed"),
        "{}",
        text(&out.stderr)
    );
    std::fs::write(dir.path("a.csv"), AUDIENCE).unwrap();
    std::fs::write(dir.path("t.json"), TEMPLATE.replace("Hi ", "Hello ")).unwrap();
    let out = dir.campaign(&["--dry-run", "--resume", "--endpoint-url", &sb.url]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("template changed"),
        "{}",
        text(&out.stderr)
    );
    // And a journal that does not exist.
    let out = dir.campaign(&["--resume", "--yes", "--endpoint-url", &sb.url]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no journal to resume from"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_real_send_needs_yes_and_credentials() {
    let dir = Dir::new(AUDIENCE);
    let rec = dir.s("record.jsonl");
    let sb = sandbox_with(&["--record", &rec]);
    let out = dir.campaign(&["--endpoint-url", &sb.url]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!(
            "Send 5 messages from rcs-agent-sandbox through AWS profile (default) · region us-east-1 · endpoint {}; fallback: none; MaxPrice: not set.",
            sb.url
        )),
        "{err}"
    );
    assert!(err.contains("--yes"), "{err}");
    assert!(record(&dir.path("record.jsonl")).is_empty());
    assert!(!dir.path("a.send-report.csv.journal").exists());

    let out = dir
        .command(&["--yes", "--endpoint-url", &sb.url], false)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(3),
        "no credentials: {}",
        text(&out.stderr)
    );
    assert!(record(&dir.path("record.jsonl")).is_empty());

    let out = dir.campaign(&["--yes", "--endpoint-url", &sb.url]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let records = record(&dir.path("record.jsonl"));
    assert_eq!(records.len(), 4);
    assert!(records.iter().all(|r| r["DryRun"] == false));
}

#[test]
fn nothing_listening_exits_three_and_resume_sends_the_rows() {
    let dir = Dir::new(AUDIENCE);
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let out = dir.campaign(&["--yes", "--endpoint-url", &url]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("could not be reached"), "{err}");
    assert!(err.contains("--resume"), "{err}");
    let report = dir.read("a.send-report.csv");
    assert!(
        report.contains("\n1,+14255550100,unknown,,not-sent,,"),
        "{report}"
    );
    assert!(
        report.contains("\n9,+14255550107,unknown,,not-sent,,"),
        "{report}"
    );

    let rec = dir.s("record.jsonl");
    let sb = sandbox_with(&["--record", &rec]);
    let out = dir.campaign(&["--yes", "--resume", "--endpoint-url", &sb.url]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(record(&dir.path("record.jsonl")).len(), 4);
    assert_eq!(
        dir.read("a.send-report.csv").matches(",accepted,").count(),
        4
    );
}

#[test]
fn a_throttled_service_still_accepts_every_valid_row() {
    let mut audience = String::from("phone,first_name\n");
    for i in 0..300 {
        let _ = writeln!(audience, "+1425556{i:04},N{i}");
    }
    let dir = Dir::new(&audience);
    let rec = dir.s("record.jsonl");
    let sb = sandbox_with(&["--rate", "50", "--record", &rec]);
    let out = dir.campaign(&["--dry-run", "--rate", "0", "--endpoint-url", &sb.url]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("300 rows: 300 accepted"), "{stdout}");
    assert!(stdout.contains("throttled answers retried"), "{stdout}");
    let records = record(&dir.path("record.jsonl"));
    assert_eq!(records.len(), 300);
}

/// Kills a real send with SIGKILL at random moments, resumes until it finishes, and checks
/// from the sandbox's record that nobody got two messages and every row is accounted for.
#[test]
fn kill_9_at_random_moments_then_resume_sends_each_row_at_most_once() {
    const ROWS: usize = 160;
    let mut audience = String::from("phone,first_name\n");
    for i in 0..ROWS {
        let _ = writeln!(audience, "+1425557{i:04},N{i}");
        if i % 40 == 7 {
            audience.push_str("not-a-phone,X\n");
        }
    }
    let dir = Dir::new(&audience);
    let rec = dir.s("record.jsonl");
    let sb = sandbox_with(&["--record", &rec]);
    let journal = dir.path("a.send-report.csv.journal");
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let mut rng = fastrand::Rng::with_seed(u64::try_from(seed % u128::from(u64::MAX)).unwrap());
    eprintln!("seed {seed}");
    let mut kills = 0;
    let started = Instant::now();
    let final_out = loop {
        assert!(
            started.elapsed() < Duration::from_mins(2),
            "no end in sight"
        );
        // Resume once the journal's header is complete; before that nothing was sent.
        let resume = std::fs::read_to_string(&journal).is_ok_and(|j| j.contains('\n'));
        let mut args = vec!["--yes", "--rate", "60", "--endpoint-url", &sb.url];
        if resume {
            args.push("--resume");
        }
        let mut cmd = dir.command(&args, true);
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        if kills < 5 {
            let mut child = cmd.spawn().unwrap();
            std::thread::sleep(Duration::from_millis(rng.u64(30..700)));
            if child.try_wait().unwrap().is_none() {
                child.kill().unwrap();
                child.wait().unwrap();
                kills += 1;
                continue;
            }
            let out = child.wait_with_output().unwrap();
            break out;
        }
        break cmd.output().unwrap();
    };
    assert!(
        final_out.status.code() == Some(0) || final_out.status.code() == Some(1),
        "{}",
        text(&final_out.stderr)
    );
    let records = record(&dir.path("record.jsonl"));
    let mut per_phone: HashMap<String, usize> = HashMap::new();
    for r in &records {
        assert_eq!(r["DryRun"], false);
        *per_phone
            .entry(r["DestinationPhoneNumber"].as_str().unwrap().to_owned())
            .or_default() += 1;
    }
    assert!(
        per_phone.values().all(|n| *n == 1),
        "a phone got two messages (seed {seed}): {per_phone:?}"
    );
    // Every row accounted for: accepted rows are in the record with their id; unknown rows
    // (an intent without a result) were not sent again; the bad phones are skipped.
    let report = dir.read("a.send-report.csv");
    let mut reader = csv::Reader::from_reader(report.as_bytes());
    let ids: HashMap<&str, &str> = records
        .iter()
        .map(|r| {
            (
                r["DestinationPhoneNumber"].as_str().unwrap(),
                r["MessageId"].as_str().unwrap(),
            )
        })
        .collect();
    let mut rows = 0;
    let mut unknown = 0;
    for line in reader.records() {
        let line = line.unwrap();
        rows += 1;
        assert_eq!(line[0].parse::<usize>().unwrap(), rows);
        match &line[2] {
            "accepted" => assert_eq!(ids.get(&line[1]), Some(&&line[3]), "{line:?}"),
            "skipped" => assert_eq!(&line[1], "not-a-phone"),
            "unknown" => {
                assert_eq!(&line[4], "no-result", "{line:?}");
                assert!(per_phone.get(&line[1]).copied().unwrap_or(0) <= 1);
                unknown += 1;
            }
            other => panic!("unexpected status {other}: {line:?}"),
        }
    }
    assert_eq!(rows, ROWS + 4);
    // Every valid row got its message, unless it is one of the unknown ones (which may or may
    // not have reached the sandbox before the kill).
    assert!(
        records.len() + unknown >= ROWS,
        "{} sent, {unknown} unknown",
        records.len()
    );
    assert!(records.len() <= ROWS);
    eprintln!("{kills} kills, {} sent, {unknown} unknown", records.len());
}

#[test]
fn an_audience_with_a_cell_left_open_or_a_column_named_twice_sends_nothing() {
    for (audience, says) in [
        (
            "phone,first_name\n+14255550100,Ana\n+14255550101,\"Bob\n+14255550102,Carl\n",
            "line 3: a cell opens with a double quote here and the file never closes it",
        ),
        (
            "phone,first_name,phone\n+14255550100,Ana,+14255550101\n",
            "line 1 (header): columns 1 and 3 are both named 'phone'",
        ),
    ] {
        let dir = Dir::new(audience);
        let rec = dir.s("record.jsonl");
        let sb = sandbox_with(&["--record", &rec]);
        let out = dir.campaign(&["--dry-run", "--endpoint-url", &sb.url]);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
        assert!(text(&out.stderr).contains(says), "{}", text(&out.stderr));
        assert!(record(&dir.path("record.jsonl")).is_empty());
        assert!(!dir.path("a.dry-run-report.csv.journal").exists());
    }
}
