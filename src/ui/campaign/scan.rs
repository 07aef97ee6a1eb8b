//! One pass over an audience file against the template: every row judged by the core's
//! `RowChecker`, kept in compact form so that a million-row file costs a few megabytes, not
//! its size in strings. Runs on its own thread (see `Jobs::scan`); never on the UI thread.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::campaign::audience::{Audience, AudienceError, RowStart};
use crate::campaign::check::{Judgement, RowChecker};
use crate::rcs::issue::Code;
use crate::rcs::model::SendRcsMessageRequest;

/// A row start is kept for every `CHECKPOINT`th row; reading row n seeks to the nearest one
/// before it and skips fewer than this many rows (one small read).
pub const CHECKPOINT: u64 = 64;

/// How often a running scan reports how far it got.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// The longest characters kept of a column's longest value, for showing it.
const EXAMPLE_CHARS: usize = 48;

/// What to scan.
#[derive(Debug, Clone)]
pub struct ScanRequest {
    /// Tells this scan's answers from those of a scan it replaced.
    pub generation: u64,
    pub path: PathBuf,
    /// The phone column chosen by the user; `None` finds one by its name.
    pub phone_column: Option<String>,
    pub template: SendRcsMessageRequest,
}

/// Every row with the same problem at the same field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub code: Code,
    /// The field's path; `DestinationPhoneNumber` for the phone cell, empty for the row.
    pub path: String,
    pub rows: u64,
    pub first_row: u64,
    /// The first such row's message, as the validator worded it.
    pub example: String,
}

/// The longest value of one column.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Longest {
    pub chars: usize,
    pub row: u64,
    /// Its first characters.
    pub start: String,
}

/// A finished scan.
#[derive(Debug, Clone)]
pub struct Scanned {
    pub audience: Audience,
    /// The template the rows were judged against.
    pub template: SendRcsMessageRequest,
    pub rows: u64,
    /// Row n's judgement at index n − 1: one byte a row.
    pub judgements: Vec<Judgement>,
    /// The start of rows 1, 1 + CHECKPOINT, 1 + 2·CHECKPOINT, …
    pub checkpoints: Vec<RowStart>,
    /// By first row.
    pub groups: Vec<Group>,
    /// Per column, in header order.
    pub longest: Vec<Longest>,
    /// Valid, invalid and skipped rows, counted once (the panel shows them every frame).
    counts: [u64; 3],
}

impl Scanned {
    #[must_use]
    pub fn count(&self, judgement: Judgement) -> u64 {
        self.counts[slot(judgement)]
    }

    /// The judgement of row `number` (1-based).
    #[must_use]
    pub fn judgement(&self, number: u64) -> Option<Judgement> {
        let index = usize::try_from(number.checked_sub(1)?).ok()?;
        self.judgements.get(index).copied()
    }

    /// The first row after `number` that is not valid, wrapping round to the first.
    #[must_use]
    pub fn next_problem(&self, number: u64) -> Option<u64> {
        let after = usize::try_from(number)
            .unwrap_or(usize::MAX)
            .min(self.judgements.len());
        let found = |range: &[Judgement], base: usize| {
            range
                .iter()
                .position(|j| *j != Judgement::Valid)
                .map(|i| (base + i + 1) as u64)
        };
        found(&self.judgements[after..], after).or_else(|| found(&self.judgements[..after], 0))
    }

    /// Where to start reading to reach row `number`, and how many rows to skip first.
    #[must_use]
    pub fn seek(&self, number: u64) -> (RowStart, u64) {
        let index = (number.max(1) - 1) / CHECKPOINT;
        let start = usize::try_from(index)
            .ok()
            .and_then(|i| self.checkpoints.get(i))
            .copied()
            .unwrap_or(RowStart::FIRST);
        (start, number.max(1) - start.number)
    }
}

/// Why a scan produced no rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanError {
    pub message: String,
    /// The header's columns when the file has a header (to choose a phone column from).
    pub columns: Vec<String>,
}

/// How far a running scan got.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScanProgress {
    pub rows: u64,
    /// Of the file's bytes, 0–1.
    pub fraction: f32,
}

/// Reads `request.path` once. `progress` is called every ~100 ms; `cancel` stops the scan
/// (it then returns `None`).
#[must_use]
pub fn scan(
    request: &ScanRequest,
    cancel: &Arc<AtomicBool>,
    progress: &mut dyn FnMut(ScanProgress),
) -> Option<Result<Scanned, ScanError>> {
    let audience = match Audience::open(&request.path, request.phone_column.as_deref()) {
        Ok(a) => a,
        Err(e) => return Some(Err(scan_error(&e))),
    };
    let size = std::fs::metadata(&request.path).map_or(0, |m| m.len());
    let mut rows = match audience.rows() {
        Ok(rows) => rows,
        Err(e) => return Some(Err(scan_error(&e))),
    };
    let mut checker = RowChecker::new(request.template.clone(), &audience);
    let mut judgements = Vec::new();
    let mut checkpoints = Vec::new();
    // Keyed by code and path, and for a malformed row by its kind (cells or UTF-8).
    let mut groups: HashMap<(Code, String, bool), Group> = HashMap::new();
    let mut longest = vec![Longest::default(); audience.columns.len()];
    let mut last_report = Instant::now();
    loop {
        let row = match rows.next_row() {
            Ok(Some(row)) => row,
            Ok(None) => break,
            Err(e) => {
                return Some(Err(ScanError {
                    message: format!(
                        "{}: reading stopped after row {}: {e}",
                        request.path.display(),
                        judgements.len()
                    ),
                    columns: audience.columns.clone(),
                }));
            }
        };
        if (row.number - 1) % CHECKPOINT == 0 {
            checkpoints.push(row.start);
        }
        note_longest(&mut longest, &row);
        let verdict = checker.check(&row);
        judgements.push(verdict.judgement);
        for issue in verdict.issues.iter().filter(|i| i.is_error()) {
            groups
                .entry((
                    issue.code,
                    issue.path.clone(),
                    issue.code == Code::MalformedRow && issue.message.contains("UTF-8"),
                ))
                .and_modify(|g| g.rows += 1)
                .or_insert_with(|| Group {
                    code: issue.code,
                    path: issue.path.clone(),
                    rows: 1,
                    first_row: row.number,
                    example: issue.message.clone(),
                });
        }
        if last_report.elapsed() >= PROGRESS_EVERY {
            if cancel.load(Ordering::Relaxed) {
                return None;
            }
            last_report = Instant::now();
            #[expect(
                clippy::cast_precision_loss,
                clippy::cast_possible_truncation,
                reason = "a progress bar's fraction, in 0..=1"
            )]
            let fraction = if size == 0 {
                0.0
            } else {
                (row.start.offset as f64 / size as f64) as f32
            };
            progress(ScanProgress {
                rows: row.number,
                fraction,
            });
        }
    }
    if cancel.load(Ordering::Relaxed) {
        return None;
    }
    let mut groups: Vec<Group> = groups.into_values().collect();
    groups.sort_by(|a, b| (a.first_row, &a.path).cmp(&(b.first_row, &b.path)));
    let mut counts = [0; 3];
    for j in &judgements {
        counts[slot(*j)] += 1;
    }
    Some(Ok(Scanned {
        rows: judgements.len() as u64,
        audience,
        template: request.template.clone(),
        judgements,
        checkpoints,
        groups,
        longest,
        counts,
    }))
}

/// Keeps each column's longest value so far.
fn note_longest(longest: &mut [Longest], row: &crate::campaign::audience::Row<'_>) {
    for (column, best) in longest.iter_mut().enumerate() {
        if let Some(cell) = row.cell(column) {
            let chars = cell.chars().count();
            if chars > best.chars {
                *best = Longest {
                    chars,
                    row: row.number,
                    start: cell.chars().take(EXAMPLE_CHARS).collect(),
                };
            }
        }
    }
}

const fn slot(judgement: Judgement) -> usize {
    match judgement {
        Judgement::Valid => 0,
        Judgement::Invalid => 1,
        Judgement::Skipped => 2,
    }
}

fn scan_error(e: &AudienceError) -> ScanError {
    let columns = match e {
        AudienceError::NoPhoneColumn { columns }
        | AudienceError::UnknownPhoneColumn { columns, .. } => columns.clone(),
        _ => Vec::new(),
    };
    let message = match e {
        AudienceError::NoPhoneColumn { .. } => {
            "No column is named phone, phone_number, mobile or DestinationPhoneNumber: choose the phone column below.".to_owned()
        }
        other => format!("{other}"),
    };
    ScanError { message, columns }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write;

    use super::*;
    use crate::rcs::codec;
    use crate::rcs::path::{Member, PathBuf};

    fn csv(text: &str) -> tempfile::NamedTempFile {
        let mut f = tempfile::NamedTempFile::new().expect("temp");
        std::io::Write::write_all(&mut f, text.as_bytes()).expect("write");
        f
    }

    fn request(file: &tempfile::NamedTempFile, phone: Option<&str>) -> ScanRequest {
        let template = codec::parse(
            r#"{"RcsMessageContent": {"Content": {"TextMessage": {"Body": "Hi {{first_name|there}}"}},
            "Suggestions": [{"Reply": {"Text": "Yes, {{first_name}}!", "PostbackData": "yes"}}]}}"#,
        )
        .expect("json")
        .request;
        ScanRequest {
            generation: 1,
            path: file.path().to_owned(),
            phone_column: phone.map(str::to_owned),
            template,
        }
    }

    fn run(r: &ScanRequest) -> Result<Scanned, ScanError> {
        scan(r, &Arc::new(AtomicBool::new(false)), &mut |_| {}).expect("not cancelled")
    }

    #[test]
    fn groups_problems_and_finds_longest_values() {
        let f = csv(
            "phone,first_name\n+14255550100,Ana\n+14255550101,Ånnä-Sophïé Wölfeschlegel\n4255550102,Bo\n+14255550103,\n+14255550104,Ånnä-Sophïé Wölfeschlegelx\n",
        );
        let s = run(&request(&f, None)).expect("scanned");
        assert_eq!(s.rows, 5);
        assert_eq!(
            s.judgements,
            vec![
                Judgement::Valid,
                Judgement::Invalid,
                Judgement::Skipped,
                Judgement::Invalid,
                Judgement::Invalid
            ]
        );
        let groups: Vec<_> = s
            .groups
            .iter()
            .map(|g| (g.code, g.path.as_str(), g.rows, g.first_row))
            .collect();
        let reply = PathBuf::of(&[Member::RcsMessageContent, Member::Suggestions])
            .with_index(0)
            .with(Member::Reply)
            .with(Member::Text);
        let reply = reply.as_str();
        let phone = Member::DestinationPhoneNumber.name();
        assert_eq!(
            groups,
            vec![
                (Code::TooLong, reply, 2, 2),
                (Code::InvalidPhone, phone, 1, 3),
                (Code::MissingValue, reply, 1, 4),
            ]
        );
        assert_eq!(s.longest[1].chars, 26);
        assert_eq!(s.longest[1].row, 5);
        assert_eq!(s.next_problem(0), Some(2));
        assert_eq!(s.next_problem(2), Some(3));
        assert_eq!(s.next_problem(5), Some(2), "wraps round");
    }

    #[test]
    fn checkpoints_let_any_row_be_reached() {
        let mut text = String::from("phone,first_name\n");
        for i in 0..200 {
            writeln!(text, "+1425555{i:04},\"name\n{i}\"").expect("write");
        }
        let f = csv(&text);
        let s = run(&request(&f, None)).expect("scanned");
        assert_eq!(s.checkpoints.len(), 4);
        let (start, skip) = s.seek(130);
        assert_eq!((start.number, skip), (129, 1));
        let mut rows = s.audience.rows_from(start).expect("seek");
        for _ in 0..skip {
            rows.next_row().expect("row");
        }
        let row = rows.next_row().expect("row").expect("some");
        assert_eq!(row.number, 130);
        assert_eq!(row.cell(1), Some("name\n129"));
    }

    #[test]
    fn a_missing_phone_column_keeps_the_columns_to_choose_from() {
        let f = csv("name,cell\nAna,+14255550100\n");
        let e = run(&request(&f, None)).expect_err("no phone column");
        assert_eq!(e.columns, ["name", "cell"]);
        let s = run(&request(&f, Some("cell"))).expect("chosen");
        assert_eq!(s.audience.phone, 1);
    }

    #[test]
    fn a_cancelled_scan_answers_nothing() {
        let f = csv("phone\n+14255550100\n");
        let cancel = Arc::new(AtomicBool::new(true));
        assert!(scan(&request(&f, None), &cancel, &mut |_| {}).is_none());
    }
}
