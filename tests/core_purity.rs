//! The domain core (`src/rcs`) stays pure: no GUI, SDK, async runtime, image decoding or file
//! system, and no reference to the rest of the crate.
#![expect(clippy::unwrap_used, reason = "tests fail loudly by design")]

use std::path::Path;

const FORBIDDEN: &[&str] = &[
    "egui",
    "eframe",
    "aws_",
    "tokio",
    "rfd::",
    "image::",
    "std::fs",
    "fs::",
    "std::net",
    "std::process",
    "std::thread",
    "std::env",
    "directories",
    "tempfile",
    "extern crate",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_core_imports_nothing_outside_itself() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rcs"),
        &mut files,
    );
    assert!(files.len() > 5);
    let mut offences = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for word in FORBIDDEN {
                if code.contains(word) {
                    offences.push(format!("{}:{}: {word}", file.display(), n + 1));
                }
            }
            for (i, _) in code.match_indices("crate::") {
                if !code[i..].starts_with("crate::rcs") {
                    offences.push(format!("{}:{}: {}", file.display(), n + 1, code.trim()));
                }
            }
        }
    }
    assert!(offences.is_empty(), "{offences:#?}");
}
