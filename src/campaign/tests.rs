//! The runner against the in-process sandbox: reports, the record, resume, cancel, pause.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

use super::journal::{self, Entry};
use super::progress::{Progress, State};
use super::run::{End, Mode, Options, Outcome, Plan, RunError, TemplateSource, count, run};
use crate::aws::connection::sandbox_client;
use crate::sandbox::{Sandbox, SandboxOptions};

const TEMPLATE: &str = r#"{"OriginationIdentity": "rcs-agent-sandbox", "DestinationPhoneNumber": "+19999999999",
  "RcsMessageContent": {"Content": {"TextMessage": {"Body": "Hi {{first_name|there}}"}},
  "Suggestions": [{"Reply": {"Text": "Yes, {{first_name}}!", "PostbackData": "yes"}}]}}"#;

struct Files {
    dir: tempfile::TempDir,
}

impl Files {
    fn new(audience: &str) -> Self {
        let dir = tempfile::tempdir().expect("dir");
        std::fs::write(dir.path().join("t.json"), TEMPLATE).expect("t");
        std::fs::write(dir.path().join("a.csv"), audience).expect("a");
        Self { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn options(&self, mode: Mode) -> Options {
        let mut o = Options::new(
            TemplateSource::File(self.path("t.json")),
            self.path("a.csv"),
            mode,
        );
        o.rate = 0;
        o
    }

    fn report(&self, mode: Mode) -> String {
        std::fs::read_to_string(self.path(&format!("a.{}-report.csv", mode.as_str())))
            .expect("report")
    }
}

async fn go(
    options: Options,
    sandbox: Option<&Sandbox>,
    cancel: CancellationToken,
) -> (Result<Outcome, RunError>, Progress) {
    let plan = Plan::prepare(options).expect("plan");
    let (tx, rx) = watch::channel(Progress::default());
    let client = sandbox.map(|s| sandbox_client(&s.url()));
    let outcome = run(plan, client, tx, cancel).await;
    let last = rx.borrow().clone();
    (outcome, last)
}

fn record(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).expect("record line"))
        .collect()
}

const AUDIENCE: &str = "phone,first_name\n\
    +14255550100,Ana\n\
    +14255550101,Ånnä-Sophïé Wölfesch\n\
    4255550103,Bo\n\
    +14255550100,Ana again\n\
    \" +14255550104 \",\"Smith, \"\"Jo\"\"\"\n\
    +14255550105,\n\
    +15555550400,Val\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dry_run_reports_every_row_and_records_the_accepted_ones_once() {
    let files = Files::new(AUDIENCE);
    let rec = files.path("record.jsonl");
    let sandbox = Sandbox::start_with(SandboxOptions {
        record: Some(rec.clone()),
        ..SandboxOptions::default()
    })
    .await
    .expect("sandbox");
    let (outcome, last) = go(
        files.options(Mode::DryRun),
        Some(&sandbox),
        CancellationToken::new(),
    )
    .await;
    let outcome = outcome.expect("run");
    assert_eq!(outcome.end, End::Finished);
    assert_eq!(outcome.rows, 7);
    assert!(!outcome.all_accepted());
    assert_eq!(last.state, State::Finished);
    assert_eq!((last.total, last.done), (7, 7));
    let report = files.report(Mode::DryRun);
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines[0], "row,phone,status,message_id,code,path,message");
    let records = record(&rec);
    assert_eq!(records.len(), 2, "{records:?}");
    // Requests race each other: find each one by its phone.
    let sent = |phone: &str| {
        records
            .iter()
            .find(|r| r["DestinationPhoneNumber"] == phone)
            .expect("recorded")
    };
    let id = |phone: &str| sent(phone)["MessageId"].as_str().expect("id").to_owned();
    assert_eq!(
        lines[1],
        format!("1,+14255550100,accepted,{},,,", id("+14255550100"))
    );
    assert!(
        lines[2].starts_with(
            "2,+14255550101,invalid,,too-long,RcsMessageContent.Suggestions[0].Reply.Text,"
        ),
        "{}",
        lines[2]
    );
    assert!(
        lines[3].starts_with("3,4255550103,skipped,,invalid-phone,DestinationPhoneNumber,"),
        "{}",
        lines[3]
    );
    assert!(
        lines[4].starts_with("4,+14255550100,skipped,,duplicate-phone,DestinationPhoneNumber,"),
        "{}",
        lines[4]
    );
    assert_eq!(
        lines[5],
        format!("5,+14255550104,accepted,{},,,", id("+14255550104"))
    );
    assert!(
        lines[6].starts_with(
            "6,+14255550105,invalid,,missing-value,RcsMessageContent.Suggestions[0].Reply.Text,"
        ),
        "{}",
        lines[6]
    );
    assert!(
        lines[7]
            .starts_with("7,+15555550400,rejected,,ValidationException,DestinationPhoneNumber,"),
        "{}",
        lines[7]
    );
    assert_eq!(lines.len(), 8);
    let smith = sent("+14255550104");
    let body = &smith["Request"]["RcsMessageContent"];
    assert_eq!(body["Content"]["TextMessage"]["Body"], "Hi Smith, \"Jo\"");
    assert_eq!(
        body["Suggestions"][0]["Reply"]["Text"],
        "Yes, Smith, \"Jo\"!"
    );
    assert_eq!(smith["Request"]["OriginationIdentity"], "rcs-agent-sandbox");
    assert_eq!(smith["DryRun"], true);

    // The journal holds an intent and a result for each row sent, a result for the others.
    let contents = journal::read(&files.path("a.dry-run-report.csv.journal")).expect("journal");
    assert_eq!(contents.rows.len(), 7);
    assert!(
        contents
            .rows
            .values()
            .all(|e| matches!(e, Entry::Result(_)))
    );

    // A second run without --resume is refused; with it, nothing is sent again.
    let e = Plan::prepare(files.options(Mode::DryRun)).expect_err("journal exists");
    assert!(e.to_string().contains("--resume"), "{e}");
    let mut resume = files.options(Mode::DryRun);
    resume.resume = true;
    let totals = count(&Plan::prepare(resume.clone()).expect("plan")).expect("count");
    assert_eq!((totals.rows, totals.settled, totals.to_send), (7, 7, 0));
    let (again, _) = go(resume, Some(&sandbox), CancellationToken::new()).await;
    assert_eq!(again.expect("resume").counts, outcome.counts);
    assert_eq!(record(&rec).len(), 2, "nothing sent twice");
    assert_eq!(files.report(Mode::DryRun), report, "the same report again");
}

#[tokio::test]
async fn check_only_sends_nothing_and_keeps_no_journal() {
    let files = Files::new(AUDIENCE);
    let (outcome, last) = go(
        files.options(Mode::CheckOnly),
        None,
        CancellationToken::new(),
    )
    .await;
    let outcome = outcome.expect("run");
    assert_eq!(outcome.counts.accepted, 3);
    assert_eq!(outcome.journal, None);
    assert_eq!(last.total, 7);
    let report = files.report(Mode::CheckOnly);
    assert!(
        report.contains("\n7,+15555550400,accepted,,,,passed the local checks (not sent)\n"),
        "{report}"
    );
    assert!(!files.path("a.check-only-report.csv.journal").exists());
}

#[tokio::test]
async fn resume_sends_the_rest_and_not_the_unknown() {
    let mut audience = String::from("phone,first_name\n");
    for i in 0..20 {
        let _ = writeln!(audience, "+1425555{i:04},N{i}");
    }
    let files = Files::new(&audience);
    let rec = files.path("record.jsonl");
    let sandbox = Sandbox::start_with(SandboxOptions {
        record: Some(rec.clone()),
        ..SandboxOptions::default()
    })
    .await
    .expect("sandbox");
    // A journal as a crash would leave it: rows 1-5 answered, 6 with an intent only, 7 not
    // sent (a quota pause), and a torn last line.
    let plan = Plan::prepare(files.options(Mode::Send)).expect("plan");
    let jpath = plan.journal_path().expect("journal").to_owned();
    let header = super::driver::expected_header(&plan);
    let mut j = journal::Journal::create(&jpath, &header).expect("journal");
    for row in 1..=7 {
        j.intent(row, &format!("+1425555{:04}", row - 1));
    }
    for row in 1..=5 {
        j.result(&journal::RowResult {
            row,
            status: journal::Status::Accepted,
            message_id: Some(format!("earlier-{row}")),
            code: None,
            path: None,
            message: None,
        });
    }
    j.result(&journal::RowResult {
        row: 7,
        status: journal::Status::NotSent,
        message_id: None,
        code: Some("ServiceQuotaExceededException".into()),
        path: None,
        message: Some("quota".into()),
    });
    j.write().expect("write");
    drop(j);
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&jpath)
        .expect("open");
    std::io::Write::write_all(&mut f, b"{\"row\":8,\"pho").expect("torn");
    drop(f);

    let mut resume = files.options(Mode::Send);
    resume.resume = true;
    let totals = count(&Plan::prepare(resume.clone()).expect("plan")).expect("count");
    assert_eq!((totals.settled, totals.unknown, totals.to_send), (5, 1, 14));
    let (outcome, _) = go(resume.clone(), Some(&sandbox), CancellationToken::new()).await;
    let outcome = outcome.expect("run");
    assert_eq!((outcome.counts.accepted, outcome.counts.unknown), (19, 1));
    let sent: Vec<String> = record(&rec)
        .iter()
        .map(|r| {
            r["DestinationPhoneNumber"]
                .as_str()
                .expect("phone")
                .to_owned()
        })
        .collect();
    assert_eq!(sent.len(), 14);
    assert!(
        !sent.contains(&"+14255550005".to_owned()),
        "row 6 is unknown, not resent"
    );
    assert!(
        sent.contains(&"+14255550006".to_owned()),
        "row 7 was not sent: resent"
    );
    let report = files.report(Mode::Send);
    assert!(
        report.contains("\n1,+14255550000,accepted,earlier-1,,,\n"),
        "{report}"
    );
    assert!(
        report.contains(&format!(
            "\n6,+14255550005,unknown,,no-result,,{}\n",
            super::driver::NO_RESULT_MESSAGE
        )),
        "{report}"
    );

    // --resend-unknown sends row 6, and only it.
    resume.resend_unknown = true;
    let (outcome, _) = go(resume, Some(&sandbox), CancellationToken::new()).await;
    assert!(outcome.expect("run").all_accepted());
    let records = record(&rec);
    assert_eq!(records.len(), 15);
    assert_eq!(records[14]["DestinationPhoneNumber"], "+14255550005");
}

#[tokio::test]
async fn a_changed_audience_or_template_is_refused_on_resume() {
    let files = Files::new(AUDIENCE);
    let sandbox = Sandbox::start(0).await.expect("sandbox");
    let (outcome, _) = go(
        files.options(Mode::DryRun),
        Some(&sandbox),
        CancellationToken::new(),
    )
    .await;
    outcome.expect("run");
    let mut resume = files.options(Mode::DryRun);
    resume.resume = true;
    std::fs::write(files.path("a.csv"), format!("{AUDIENCE}+14255550199,Zed\n")).expect("a");
    let e = Plan::prepare(resume.clone()).expect_err("audience changed");
    assert!(matches!(e, RunError::Journal(_)), "{e}");
    assert!(e.to_string().contains("audience file changed"), "{e}");
    std::fs::write(files.path("a.csv"), AUDIENCE).expect("a");
    std::fs::write(files.path("t.json"), TEMPLATE.replace("Hi ", "Hello ")).expect("t");
    let e = Plan::prepare(resume.clone()).expect_err("template changed");
    assert!(e.to_string().contains("template changed"), "{e}");
    std::fs::write(files.path("t.json"), TEMPLATE).expect("t");
    let mut send = resume.clone();
    send.mode = Mode::Send;
    send.journal = Some(files.path("a.dry-run-report.csv.journal"));
    let e = Plan::prepare(send).expect_err("mode");
    assert!(
        e.to_string().contains("dry-run campaign, not a send"),
        "{e}"
    );
    assert!(Plan::prepare(resume).is_ok());
    let mut missing = files.options(Mode::Send);
    missing.resume = true;
    let e = Plan::prepare(missing).expect_err("no journal");
    assert!(e.to_string().contains("no journal to resume from"), "{e}");
}

#[tokio::test]
async fn a_cancelled_run_reports_every_row_and_resume_finishes_it() {
    let mut audience = String::from("phone,first_name\n");
    for i in 0..40 {
        let _ = writeln!(audience, "+1425555{i:04},N{i}");
    }
    let files = Files::new(&audience);
    let rec = files.path("record.jsonl");
    let sandbox = Sandbox::start_with(SandboxOptions {
        record: Some(rec.clone()),
        ..SandboxOptions::default()
    })
    .await
    .expect("sandbox");
    let cancel = CancellationToken::new();
    let mut options = files.options(Mode::Send);
    options.rate = 20;
    let plan = Plan::prepare(options.clone()).expect("plan");
    let (tx, mut rx) = watch::channel(Progress::default());
    let handle = tokio::spawn(run(
        plan,
        Some(sandbox_client(&sandbox.url())),
        tx,
        cancel.clone(),
    ));
    // Cancel once a few rows are done.
    while rx.borrow_and_update().done < 5 {
        rx.changed().await.expect("progress");
    }
    cancel.cancel();
    let outcome = handle.await.expect("join").expect("run");
    assert_eq!(outcome.end, End::Cancelled);
    assert!(outcome.resumable());
    assert_eq!(outcome.rows, 40);
    let sent = record(&rec).len();
    assert!(sent < 40 && u64::try_from(sent).ok() == Some(outcome.counts.accepted));
    let report = files.report(Mode::Send);
    assert_eq!(report.lines().count(), 41);
    assert!(report.contains(
        ",unknown,,not-sent,,not sent: the run stopped before this row; --resume sends it\n"
    ));

    options.resume = true;
    let (outcome, _) = go(options, Some(&sandbox), CancellationToken::new()).await;
    assert!(outcome.expect("resume").all_accepted());
    let mut phones: Vec<String> = record(&rec)
        .iter()
        .map(|r| {
            r["DestinationPhoneNumber"]
                .as_str()
                .expect("phone")
                .to_owned()
        })
        .collect();
    assert_eq!(phones.len(), 40);
    phones.sort();
    phones.dedup();
    assert_eq!(phones.len(), 40, "each once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_throttled_service_still_gets_every_row() {
    let mut audience = String::from("phone,first_name\n");
    for i in 0..120 {
        let _ = writeln!(audience, "+1425555{i:04},N{i}");
    }
    let files = Files::new(&audience);
    let rec = files.path("record.jsonl");
    let sandbox = Sandbox::start_with(SandboxOptions {
        rate: 50,
        record: Some(rec.clone()),
        ..SandboxOptions::default()
    })
    .await
    .expect("sandbox");
    let (outcome, last) = go(
        files.options(Mode::DryRun),
        Some(&sandbox),
        CancellationToken::new(),
    )
    .await;
    let outcome = outcome.expect("run");
    assert!(outcome.all_accepted(), "{outcome:?}");
    assert!(outcome.throttled > 0);
    assert_eq!(last.throttled, outcome.throttled);
    assert_eq!(record(&rec).len(), 120);
}

#[tokio::test]
async fn nothing_listening_stops_the_run_and_resume_sends_the_rows() {
    let files = Files::new(AUDIENCE);
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    let plan = Plan::prepare(files.options(Mode::Send)).expect("plan");
    let (tx, _rx) = watch::channel(Progress::default());
    let client = sandbox_client(&format!("http://127.0.0.1:{port}"));
    let outcome = run(plan, Some(client), tx, CancellationToken::new())
        .await
        .expect("run");
    assert!(matches!(outcome.end, End::Unreachable(_)), "{outcome:?}");
    let report = files.report(Mode::Send);
    assert!(
        report.contains("\n1,+14255550100,unknown,,not-sent,,"),
        "{report}"
    );
    let contents = journal::read(&files.path("a.send-report.csv.journal")).expect("journal");
    assert!(
        matches!(&contents.rows[&1], Entry::Result(r) if r.status == journal::Status::NotSent),
        "{:?}",
        contents.rows.get(&1)
    );
}

/// A one-trick service on loopback: answers each `SendRcsMessage` with `answer(phone)`
/// (status, JSON body), counting the requests.
async fn fake_service(
    answer: fn(&str) -> (u16, Value),
) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let hits = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = std::sync::Arc::clone(&hits);
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let counter = std::sync::Arc::clone(&counter);
            tokio::spawn(async move {
                let mut stream = BufReader::new(stream);
                loop {
                    let mut length = 0usize;
                    loop {
                        let mut line = String::new();
                        if stream.read_line(&mut line).await.unwrap_or(0) == 0 {
                            return;
                        }
                        let lower = line.to_ascii_lowercase();
                        if let Some(v) = lower.strip_prefix("content-length:") {
                            length = v.trim().parse().unwrap_or(0);
                        }
                        if line == "\r\n" {
                            break;
                        }
                    }
                    let mut body = vec![0; length];
                    if stream.read_exact(&mut body).await.is_err() {
                        return;
                    }
                    counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    let request: Value = serde_json::from_slice(&body).unwrap_or_default();
                    let phone = request["DestinationPhoneNumber"]
                        .as_str()
                        .unwrap_or_default();
                    let (status, reply) = answer(phone);
                    let reply = reply.to_string();
                    let head = format!(
                        "HTTP/1.1 {status} X\r\ncontent-type: application/x-amz-json-1.0\r\ncontent-length: {}\r\n\r\n",
                        reply.len()
                    );
                    let out = stream.get_mut();
                    if out.write_all(head.as_bytes()).await.is_err()
                        || out.write_all(reply.as_bytes()).await.is_err()
                    {
                        return;
                    }
                }
            });
        }
    });
    (url, hits)
}

#[tokio::test]
async fn a_quota_pause_stops_dispatching_and_resume_sends_the_rest() {
    let mut audience = String::from("phone,first_name\n");
    for i in 0..30 {
        let _ = writeln!(audience, "+1425555{i:04},N{i}");
    }
    let files = Files::new(&audience);
    let (url, hits) = fake_service(|phone| {
        if phone == "+14255550003" {
            (
                402,
                serde_json::json!({"__type": "ServiceQuotaExceededException", "message": "Monthly spend limit reached"}),
            )
        } else {
            (200, serde_json::json!({"MessageId": format!("id{phone}")}))
        }
    })
    .await;
    let mut options = files.options(Mode::Send);
    options.rate = 1;
    let plan = Plan::prepare(options.clone()).expect("plan");
    let (tx, rx) = watch::channel(Progress::default());
    let outcome = run(
        plan,
        Some(sandbox_client(&url)),
        tx,
        CancellationToken::new(),
    )
    .await
    .expect("run");
    let End::Paused(why) = &outcome.end else {
        panic!("{outcome:?}")
    };
    assert!(
        why.contains("Monthly spend limit reached") && why.contains("--resume"),
        "{why}"
    );
    assert!(matches!(rx.borrow().state, State::Paused(_)));
    // One request at a time at 1/s: rows 1-3 accepted, row 4 paused, nothing after it sent.
    assert_eq!(hits.load(std::sync::atomic::Ordering::SeqCst), 4);
    assert_eq!(outcome.counts.accepted, 3);
    let report = files.report(Mode::Send);
    assert!(report.contains("\n4,+14255550003,unknown,,not-sent,,not sent: ServiceQuotaExceededException: Monthly spend limit reached; --resume sends it\n"), "{report}");
    assert!(
        report.contains("\n30,+14255550029,unknown,,not-sent,,"),
        "{report}"
    );

    options.resume = true;
    options.rate = 0;
    let plan = Plan::prepare(options).expect("plan");
    assert_eq!(count(&plan).expect("count").to_send, 27);
}

#[tokio::test]
async fn uncertain_answers_are_unknown_and_refusals_rejected() {
    let files = Files::new(
        "phone,first_name\n+14255550100,A\n+14255550101,B\n+14255550102,C\n+14255550103,D\n",
    );
    let (url, hits) = fake_service(|phone| match phone {
        "+14255550100" => (
            500,
            serde_json::json!({"__type": "InternalServerException", "message": "oops"}),
        ),
        "+14255550101" => (503, serde_json::json!({"message": "unavailable"})),
        "+14255550102" => (
            403,
            serde_json::json!({"__type": "AccessDeniedException", "message": "no"}),
        ),
        _ => (200, serde_json::json!({"MessageId": "m"})),
    })
    .await;
    let (outcome, _) = go(files.options(Mode::Send), None, CancellationToken::new()).await;
    assert!(matches!(outcome, Err(RunError::NoClient)));
    let plan = Plan::prepare(files.options(Mode::Send)).expect("plan");
    let (tx, _rx) = watch::channel(Progress::default());
    let outcome = run(
        plan,
        Some(sandbox_client(&url)),
        tx,
        CancellationToken::new(),
    )
    .await
    .expect("run");
    assert_eq!(
        hits.load(std::sync::atomic::Ordering::SeqCst),
        4,
        "no SDK retries"
    );
    assert_eq!(
        (
            outcome.counts.unknown,
            outcome.counts.rejected,
            outcome.counts.accepted
        ),
        (2, 1, 1)
    );
    let report = files.report(Mode::Send);
    assert!(
        report.contains("\n1,+14255550100,unknown,,InternalServerException,,oops\n"),
        "{report}"
    );
    assert!(
        report.contains(
            "\n2,+14255550101,unknown,,InternalServerError,,the service answered HTTP 503\n"
        ),
        "{report}"
    );
    assert!(
        report.contains("\n3,+14255550102,rejected,,AccessDeniedException,,no\n"),
        "{report}"
    );
}

#[tokio::test]
async fn a_journal_with_its_header_alone_is_continued_or_replaced() {
    let files = Files::new(AUDIENCE);
    let sandbox = Sandbox::start(0).await.expect("sandbox");
    let plan = Plan::prepare(files.options(Mode::Send)).expect("plan");
    let path = plan.journal_path().expect("journal").to_owned();
    // A caller wrote the header before its counting pass, then was killed.
    journal::Journal::create(&path, &plan.journal_header().expect("header")).expect("create");
    let mut resume = files.options(Mode::Send);
    resume.resume = true;
    let totals = count(&Plan::prepare(resume).expect("resumable")).expect("count");
    assert_eq!((totals.settled, totals.to_send), (0, 3));
    // A new run takes its place, and continues it rather than starting another.
    let (outcome, _) = go(
        files.options(Mode::Send),
        Some(&sandbox),
        CancellationToken::new(),
    )
    .await;
    assert_eq!(outcome.expect("run").counts.accepted, 2);
    let text = std::fs::read_to_string(&path).expect("journal");
    assert_eq!(text.matches("\"journal\":").count(), 1, "{text}");
    assert!(
        Plan::prepare(files.options(Mode::Send)).is_err(),
        "now it records rows"
    );
}
