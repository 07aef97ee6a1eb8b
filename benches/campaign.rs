//! `cargo bench --bench campaign`: a dry run of 10,000 rows against the in-process unthrottled
//! sandbox (target ≥ 1,000 rows/s on 2 cores), and `campaign --check-only` of a 1,000,000-row
//! audience by the real binary (targets ≤ 10 s and ≤ 100 MiB peak memory; the peak resident
//! set is read from /proc while the child runs and printed).
#![expect(clippy::unwrap_used, reason = "benchmark setup fails loudly")]

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use rcs_composer::aws::connection::sandbox_client;
use rcs_composer::campaign::{Mode, Options, Plan, Progress, TemplateSource, run};
use rcs_composer::sandbox::Sandbox;
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

const TEMPLATE: &str = r#"{"OriginationIdentity": "rcs-agent-sandbox",
  "RcsMessageContent": {"Content": {"RichCard": {"CardOrientation": "VERTICAL",
    "CardContent": {"Title": "Hi {{first_name|there}}", "Description": "Your code: {{code|NONE}}",
      "Suggestions": [{"Reply": {"Text": "Yes {{first_name}}", "PostbackData": "yes"}},
                      {"OpenUrl": {"Text": "Open", "PostbackData": "o", "Url": "https://example.com/o/{{code}}"}}]}}},
  "Suggestions": [{"Reply": {"Text": "Stop", "PostbackData": "stop"}}]}}"#;

/// `rows` rows; with `flaws`, one in a hundred has a bad phone and one in a hundred repeats
/// an earlier phone, as real lists do.
fn audience(path: &Path, rows: usize, flaws: bool) {
    let mut text = String::with_capacity(rows * 40);
    text.push_str("phone,first_name,code\n");
    for i in 0..rows {
        let phone = match i % 100 {
            37 if flaws => "4255550".to_owned(),
            73 if flaws && i > 100 => format!("+1425{:07}", i - 100),
            _ => format!("+1425{i:07}"),
        };
        let _ = writeln!(text, "{phone},\"Näme {i}\",C{i}");
    }
    std::fs::write(path, text).unwrap();
}

fn dry_run_10k(c: &mut Criterion) {
    const ROWS: usize = 10_000;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.json"), TEMPLATE).unwrap();
    audience(&dir.path().join("a.csv"), ROWS, false);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let sandbox = rt.block_on(Sandbox::start(0)).unwrap();
    let url = sandbox.url();
    let mut group = c.benchmark_group("campaign");
    group.throughput(Throughput::Elements(ROWS as u64));
    // Flat: every sample runs the same number of whole campaigns (seconds each).
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(30));
    let mut n = 0;
    group.bench_function(
        "dry run of 10,000 rows (unthrottled in-process sandbox)",
        |b| {
            b.iter(|| {
                n += 1;
                let mut options = Options::new(
                    TemplateSource::File(dir.path().join("t.json")),
                    dir.path().join("a.csv"),
                    Mode::DryRun,
                );
                options.rate = 0;
                options.report = Some(dir.path().join(format!("r{n}.csv")));
                let plan = Plan::prepare(options).unwrap();
                let (tx, _rx) = watch::channel(Progress::default());
                let outcome = rt
                    .block_on(run(
                        plan,
                        Some(sandbox_client(&url)),
                        tx,
                        CancellationToken::new(),
                    ))
                    .unwrap();
                assert!(outcome.all_accepted(), "{outcome:?}");
            });
        },
    );
    group.finish();
}

/// The child's peak resident set (`VmHWM`, in KiB), polled until it exits.
fn run_and_watch(cmd: &mut Command) -> (Duration, u64) {
    let started = Instant::now();
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kib = 0;
    loop {
        if let Some(kib) = std::fs::read_to_string(&status_file)
            .ok()
            .and_then(|status| {
                status
                    .lines()
                    .find_map(|l| l.strip_prefix("VmHWM:"))
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            })
        {
            peak_kib = peak_kib.max(kib);
        }
        if let Some(status) = child.try_wait().unwrap() {
            // 1: some rows are invalid or skipped, as planned.
            assert_eq!(status.code(), Some(1));
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    (started.elapsed(), peak_kib)
}

fn check_only_million(c: &mut Criterion) {
    const ROWS: usize = 1_000_000;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.json"), TEMPLATE).unwrap();
    audience(&dir.path().join("a.csv"), ROWS, true);
    let mut command = Command::new(env!("CARGO_BIN_EXE_rcs-composer"));
    command
        .arg("campaign")
        .arg(dir.path().join("t.json"))
        .arg("--audience")
        .arg(dir.path().join("a.csv"))
        .arg("--check-only");
    let mut group = c.benchmark_group("campaign");
    group.throughput(Throughput::Elements(ROWS as u64));
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(40));
    let mut peak = 0;
    let mut slowest = Duration::ZERO;
    group.bench_function("--check-only of 1,000,000 rows (binary)", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                let (took, kib) = run_and_watch(&mut command);
                total += took;
                peak = peak.max(kib);
                slowest = slowest.max(took);
            }
            total
        });
    });
    group.finish();
    #[expect(clippy::cast_precision_loss, reason = "KiB to MiB for a printout")]
    let mib = peak as f64 / 1024.0;
    println!(
        "campaign --check-only of 1,000,000 rows: peak resident set {mib:.1} MiB (VmHWM), slowest run {:.2} s",
        slowest.as_secs_f64()
    );
    let report = std::fs::read_to_string(dir.path().join("a.check-only-report.csv")).unwrap();
    assert_eq!(report.lines().count(), ROWS + 1);
}

criterion_group!(benches, dry_run_10k, check_only_million);
criterion_main!(benches);
