//! `cargo bench --bench validate`: the validator on the largest legal message (target ≤ 20 µs)
//! and `check` over 1,000 template files (reported as files per second).
#![expect(clippy::unwrap_used, reason = "benchmark setup fails loudly")]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rcs_composer::cli::check::{CheckArgs, check};
use rcs_composer::rcs::codec;
use rcs_composer::rcs::samples::largest_legal_message;
use rcs_composer::rcs::validate::{Mode, validate};

fn validate_largest(c: &mut Criterion) {
    let request = largest_legal_message();
    assert!(validate(&request, Mode::Send).is_empty());
    c.bench_function("validate largest legal message", |b| {
        b.iter(|| validate(black_box(&request), Mode::Send));
    });
    let text = codec::to_pretty_json(&request);
    c.bench_function("parse + validate largest legal message (JSON text)", |b| {
        b.iter(|| codec::check(black_box(&text), Mode::Send));
    });
}

fn check_thousand_files(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples");
    // The four original examples (the folder also holds a personalised one and a CSV).
    let samples: Vec<String> = [
        "carousel-coffee-menu.json",
        "file-boarding-pass.json",
        "rich-card-winter-sale.json",
        "text-appointment-reminder.json",
    ]
    .iter()
    .map(|name| std::fs::read_to_string(examples.join(name)).unwrap())
    .collect();
    for i in 0..1000 {
        std::fs::write(
            dir.path().join(format!("t{i:04}.json")),
            &samples[i % samples.len()],
        )
        .unwrap();
    }
    let args = CheckArgs {
        json: true,
        for_send: false,
        files: vec![dir.path().to_path_buf()],
    };
    let mut group = c.benchmark_group("check");
    group.throughput(Throughput::Elements(1000));
    group.sample_size(20);
    group.bench_function("1000 template files (--json)", |b| {
        b.iter(|| {
            let mut sink = Vec::with_capacity(1 << 16);
            assert_eq!(check(&args, &mut sink).unwrap(), 0);
            sink
        });
    });
    group.finish();
}

criterion_group!(benches, validate_largest, check_thousand_files);
criterion_main!(benches);
