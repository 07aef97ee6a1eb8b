//! The report CSV: exactly `row,phone,status,message_id,code,path,message`, one line per data
//! row in row order. Results finish out of order when several requests are in flight, so lines
//! wait in a small buffer keyed by row number until the rows before them are written. The file
//! is written beside its target and renamed over it at the end: it is regenerated from the
//! journal on resume, so a half-written report is never left behind.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};

use super::journal::{RowResult, Status};

/// The header, exactly.
pub const HEADER: [&str; 7] = [
    "row",
    "phone",
    "status",
    "message_id",
    "code",
    "path",
    "message",
];

/// A report status: the journal's, with `not-sent` shown as `unknown` (the report's status
/// set has no other word; its code says `not-sent`).
#[must_use]
pub const fn status_word(status: Status) -> &'static str {
    match status {
        Status::Accepted => "accepted",
        Status::Rejected => "rejected",
        Status::Invalid => "invalid",
        Status::Skipped => "skipped",
        Status::Unknown | Status::NotSent => "unknown",
    }
}

/// One report line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub row: u64,
    pub phone: String,
    pub status: &'static str,
    pub message_id: String,
    pub code: String,
    pub path: String,
    pub message: String,
}

impl Line {
    /// A journalled result's line, with the row's phone.
    #[must_use]
    pub fn from_result(result: &RowResult, phone: String) -> Self {
        Self {
            row: result.row,
            phone,
            status: status_word(result.status),
            message_id: result.message_id.clone().unwrap_or_default(),
            code: result.code.clone().unwrap_or_default(),
            path: result.path.clone().unwrap_or_default(),
            message: result.message.clone().unwrap_or_default(),
        }
    }
}

/// The report being written.
pub struct Report {
    writer: csv::Writer<BufWriter<File>>,
    temp: tempfile::TempPath,
    target: PathBuf,
    /// The next row number to write.
    next: u64,
    waiting: BTreeMap<u64, Line>,
}

impl Report {
    /// Starts a report that will replace `target` when finished.
    ///
    /// # Errors
    /// When the temporary file beside `target` cannot be created or written.
    pub fn create(target: &Path) -> io::Result<Self> {
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let (file, temp) = tempfile::Builder::new()
            .prefix(".rcs-composer-report-")
            .suffix(".tmp")
            .tempfile_in(dir)?
            .into_parts();
        let mut writer = csv::Writer::from_writer(BufWriter::with_capacity(256 * 1024, file));
        writer.write_record(HEADER).map_err(io::Error::other)?;
        Ok(Self {
            writer,
            temp,
            target: target.to_owned(),
            next: 1,
            waiting: BTreeMap::new(),
        })
    }

    /// Adds a row's line; it is written once every earlier row's is.
    ///
    /// # Errors
    /// When writing fails.
    pub fn add(&mut self, line: Line) -> io::Result<()> {
        if line.row == self.next {
            self.write(&line)?;
            while let Some(line) = self.waiting.remove(&self.next) {
                self.write(&line)?;
            }
        } else {
            self.waiting.insert(line.row, line);
        }
        Ok(())
    }

    /// Lines waiting for an earlier row.
    #[must_use]
    pub fn waiting(&self) -> usize {
        self.waiting.len()
    }

    fn write(&mut self, line: &Line) -> io::Result<()> {
        let row = line.row.to_string();
        self.writer
            .write_record([
                row.as_bytes(),
                line.phone.as_bytes(),
                line.status.as_bytes(),
                line.message_id.as_bytes(),
                line.code.as_bytes(),
                line.path.as_bytes(),
                line.message.as_bytes(),
            ])
            .map_err(io::Error::other)?;
        self.next = line.row + 1;
        Ok(())
    }

    /// Writes the file to disk and renames it over the target. Every row up to `rows` must
    /// have been added. A report dropped unfinished removes its temporary file and leaves the
    /// target alone: a failed run never replaces a good report with a partial one.
    ///
    /// # Errors
    /// When a row is missing or the file cannot be written or renamed.
    pub fn finish(self, rows: u64) -> io::Result<PathBuf> {
        if self.next != rows + 1 || !self.waiting.is_empty() {
            return Err(io::Error::other(format!(
                "the report is incomplete: row {} of {rows} is missing",
                self.next
            )));
        }
        let file = self
            .writer
            .into_inner()
            .map_err(|e| io::Error::other(e.to_string()))?
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        file.sync_all()?;
        drop(file);
        self.temp
            .persist(&self.target)
            .map_err(|e| io::Error::new(e.error.kind(), e.error))?;
        super::journal::sync_folder(&self.target);
        Ok(self.target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(row: u64, status: &'static str, message: &str) -> Line {
        Line {
            row,
            phone: format!("+1425555{row:04}"),
            status,
            message_id: String::new(),
            code: String::new(),
            path: String::new(),
            message: message.to_owned(),
        }
    }

    #[test]
    fn lines_are_written_in_row_order_with_csv_quoting() {
        let dir = tempfile::tempdir().expect("dir");
        let target = dir.path().join("r.csv");
        std::fs::write(&target, "old").expect("old");
        let mut r = Report::create(&target).expect("create");
        r.add(line(2, "rejected", "said \"no\", twice\nthen left"))
            .expect("add");
        r.add(line(3, "invalid", "x")).expect("add");
        assert_eq!(r.waiting(), 2);
        assert_eq!(
            std::fs::read_to_string(&target).expect("old"),
            "old",
            "untouched until finished"
        );
        r.add(line(1, "accepted", "")).expect("add");
        assert_eq!(r.waiting(), 0);
        r.finish(3).expect("finish");
        assert_eq!(
            std::fs::read_to_string(&target).expect("read"),
            "row,phone,status,message_id,code,path,message\n\
             1,+14255550001,accepted,,,,\n\
             2,+14255550002,rejected,,,,\"said \"\"no\"\", twice\nthen left\"\n\
             3,+14255550003,invalid,,,,x\n"
        );
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .expect("ls")
            .filter_map(Result::ok)
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "{leftovers:?}");
    }

    #[test]
    fn an_incomplete_report_is_refused_and_the_target_kept() {
        let dir = tempfile::tempdir().expect("dir");
        let target = dir.path().join("r.csv");
        std::fs::write(&target, "old").expect("old");
        let mut r = Report::create(&target).expect("create");
        r.add(line(2, "accepted", "")).expect("add");
        assert!(r.finish(2).is_err());
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "old");
        assert_eq!(std::fs::read_dir(dir.path()).expect("ls").count(), 1);
    }

    #[test]
    fn not_sent_is_reported_as_unknown() {
        assert_eq!(status_word(Status::NotSent), "unknown");
        let r = RowResult {
            row: 4,
            status: Status::Rejected,
            message_id: None,
            code: Some("ValidationException".into()),
            path: Some("DestinationPhoneNumber".into()),
            message: Some("bad".into()),
        };
        let l = Line::from_result(&r, "+1".into());
        assert_eq!(
            (l.status, l.code.as_str(), l.path.as_str()),
            ("rejected", "ValidationException", "DestinationPhoneNumber")
        );
    }
}
