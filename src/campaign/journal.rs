//! The campaign journal: JSON lines, append-only, fsynced, so that a run killed at any moment
//! can be resumed without sending anyone a message twice.
//!
//! ```text
//! {"journal":"rcs-composer campaign","version":1,"template_sha256":"…","audience_sha256":"…","mode":"send","origination":"…"}
//! {"row":1,"phone":"+14255550100","intent":true}
//! {"row":1,"status":"accepted","message_id":"…","code":null,"path":null,"message":null}
//! ```
//!
//! An intent is on disk before its request goes out ([`Journal::commit`] writes and fsyncs a
//! batch of them at once: group commit); a result is written after the answer and fsynced
//! with the next batch. A result lost in a crash leaves an intent alone: the row is `unknown`
//! on resume, which is safe. A last line cut by a crash is dropped on reading and cut off the
//! file before anything is appended.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::run::Mode;

/// The header's `journal` value.
pub const MAGIC: &str = "rcs-composer campaign";
pub const VERSION: u32 = 1;

/// The first line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub journal: String,
    pub version: u32,
    pub template_sha256: String,
    pub audience_sha256: String,
    pub mode: String,
    pub origination: Option<String>,
}

impl Header {
    #[must_use]
    pub fn new(
        template_sha256: &str,
        audience_sha256: &str,
        mode: Mode,
        origination: Option<&str>,
    ) -> Self {
        Self {
            journal: MAGIC.to_owned(),
            version: VERSION,
            template_sha256: template_sha256.to_owned(),
            audience_sha256: audience_sha256.to_owned(),
            mode: mode.as_str().to_owned(),
            origination: origination.map(str::to_owned),
        }
    }

    /// Whether a run described by `expected` may continue this journal.
    ///
    /// # Errors
    /// What differs, in words for the user.
    pub fn matches(&self, expected: &Self) -> Result<(), String> {
        if self.template_sha256 != expected.template_sha256 {
            return Err("the template changed since this campaign started; resuming would send another message. Use the original template, or start a new campaign with another --journal".into());
        }
        if self.audience_sha256 != expected.audience_sha256 {
            return Err("the audience file changed since this campaign started; its rows may no longer be the ones journalled. Use the original file, or start a new campaign with another --journal".into());
        }
        if self.mode != expected.mode {
            return Err(format!(
                "this journal records a {} campaign, not a {}; use another --journal",
                self.mode, expected.mode
            ));
        }
        if self.origination != expected.origination {
            return Err(format!(
                "this campaign is sent from {}, not {}; resume it without --origination or with the same one",
                self.origination.as_deref().unwrap_or("(none)"),
                expected.origination.as_deref().unwrap_or("(none)")
            ));
        }
        Ok(())
    }
}

/// A row's result as journalled. `NotSent` is the journal's own: the request certainly did
/// not reach the service (throttled until a cancel, a quota pause, a refused connection), so
/// a resume sends the row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Accepted,
    Rejected,
    Invalid,
    Skipped,
    Unknown,
    NotSent,
}

/// A result line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowResult {
    pub row: u64,
    pub status: Status,
    pub message_id: Option<String>,
    pub code: Option<String>,
    pub path: Option<String>,
    pub message: Option<String>,
}

/// What the journal knows of a row: the last of its lines wins (a resumed run may add an
/// intent and a result after a `not-sent` one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Intent,
    Result(RowResult),
}

/// A journal read back.
#[derive(Debug, Default)]
pub struct Contents {
    pub rows: HashMap<u64, Entry>,
    /// Bytes up to the end of the last complete line; anything after is a torn line.
    complete_len: u64,
    /// The last line is complete JSON without its newline.
    needs_newline: bool,
}

/// Why a journal's header cannot be read.
#[derive(Debug)]
pub enum HeaderError {
    Io(io::Error),
    NotAJournal(String),
}

/// The header of the journal at `path`; `None` when there is no journal: the file is missing,
/// empty, or holds only the start of a header cut by a crash (nothing was sent then: intents
/// follow the header).
///
/// # Errors
/// When the file cannot be read or its first line is not a journal header.
pub fn read_header(path: &Path) -> Result<Option<Header>, HeaderError> {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(HeaderError::Io(e)),
    };
    let mut first = Vec::new();
    BufReader::new(file)
        .take(64 * 1024)
        .read_until(b'\n', &mut first)
        .map_err(HeaderError::Io)?;
    if first.last() != Some(&b'\n') {
        // A torn header is a prefix of what `Journal::create` writes.
        let expected = format!("{{\"journal\":\"{MAGIC}\"");
        let n = first.len().min(expected.len());
        return if first[..n] == expected.as_bytes()[..n] {
            Ok(None)
        } else {
            Err(HeaderError::NotAJournal(
                "its first line is not a journal header".into(),
            ))
        };
    }
    let header: Header = serde_json::from_slice(&first)
        .map_err(|e| HeaderError::NotAJournal(format!("line 1: {e}")))?;
    if header.journal != MAGIC || header.version != VERSION {
        return Err(HeaderError::NotAJournal(format!(
            "line 1 names {:?} version {}, not {MAGIC:?} version {VERSION}",
            header.journal, header.version
        )));
    }
    Ok(Some(header))
}

/// True when the journal records a row: a complete line after its header. A journal with its
/// header alone (a run stopped before its first batch of intents was written whole) records
/// nothing that was sent, so a new run may take its place.
///
/// # Errors
/// When the file cannot be read.
pub fn has_records(path: &Path) -> io::Result<bool> {
    let mut reader = BufReader::new(File::open(path)?);
    let mut line = Vec::new();
    reader.read_until(b'\n', &mut line)?;
    line.clear();
    reader.read_until(b'\n', &mut line)?;
    Ok(line.last() == Some(&b'\n'))
}

/// Reads every row's last entry. The header must already have been checked.
///
/// # Errors
/// When the file cannot be read, or a line other than the last is not a journal line.
pub fn read(path: &Path) -> io::Result<Contents> {
    let mut reader = BufReader::with_capacity(256 * 1024, File::open(path)?);
    let mut contents = Contents::default();
    let mut line = Vec::new();
    let mut number = 0u64;
    loop {
        line.clear();
        let n = reader.read_until(b'\n', &mut line)?;
        if n == 0 {
            break;
        }
        number += 1;
        let complete = line.last() == Some(&b'\n');
        if number == 1 {
            contents.complete_len += n as u64;
            continue;
        }
        match parse_line(&line) {
            Some((row, entry)) => {
                contents.rows.insert(row, entry);
                contents.complete_len += n as u64;
                contents.needs_newline = !complete;
            }
            // A torn last line: a crash during its write. Its row's earlier state stands.
            None if !complete => break,
            None => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("{}: line {number} is not a journal line", path.display()),
                ));
            }
        }
    }
    Ok(contents)
}

fn parse_line(line: &[u8]) -> Option<(u64, Entry)> {
    let value: Value = serde_json::from_slice(line).ok()?;
    let row = value.get("row")?.as_u64()?;
    if value.get("intent").and_then(Value::as_bool) == Some(true) {
        return Some((row, Entry::Intent));
    }
    let result: RowResult = serde_json::from_value(value).ok()?;
    Some((row, Entry::Result(result)))
}

/// The journal being written.
#[derive(Debug)]
pub struct Journal {
    /// Shared with the blocking task that fsyncs it.
    file: Arc<File>,
    path: PathBuf,
    /// Lines not yet handed to the operating system.
    buffer: Vec<u8>,
}

impl Journal {
    /// Starts a journal: the header, written and fsynced with its folder entry.
    ///
    /// # Errors
    /// The I/O error.
    pub fn create(path: &Path, header: &Header) -> io::Result<Self> {
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(path)?;
        let mut line = serde_json::to_vec(header).map_err(io::Error::other)?;
        line.push(b'\n');
        file.write_all(&line)?;
        file.sync_all()?;
        sync_folder(path);
        Ok(Self {
            file: Arc::new(file),
            path: path.to_owned(),
            buffer: Vec::new(),
        })
    }

    /// Continues a journal read with [`read`]: a torn last line is cut off first.
    ///
    /// # Errors
    /// The I/O error.
    pub fn append(path: &Path, contents: &Contents) -> io::Result<Self> {
        let file = OpenOptions::new().write(true).open(path)?;
        file.set_len(contents.complete_len)?;
        drop(file);
        let mut file = OpenOptions::new().append(true).open(path)?;
        if contents.needs_newline {
            file.write_all(b"\n")?;
        }
        file.sync_all()?;
        Ok(Self {
            file: Arc::new(file),
            path: path.to_owned(),
            buffer: Vec::new(),
        })
    }

    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Queues an intent line; it reaches the disk with the next [`Journal::commit`].
    pub fn intent(&mut self, row: u64, phone: &str) {
        let value = serde_json::json!({"row": row, "phone": phone, "intent": true});
        self.push(&value);
    }

    /// Queues a result line.
    pub fn result(&mut self, result: &RowResult) {
        self.push(result);
    }

    fn push(&mut self, value: &impl Serialize) {
        // Serialising plain strings and numbers to a Vec cannot fail.
        if serde_json::to_writer(&mut self.buffer, value).is_ok() {
            self.buffer.push(b'\n');
        }
    }

    /// Hands the queued lines to the operating system (they survive the process being
    /// killed, not a machine crash).
    ///
    /// # Errors
    /// The I/O error.
    pub fn write(&mut self) -> io::Result<()> {
        if !self.buffer.is_empty() {
            (&*self.file).write_all(&self.buffer)?;
            self.buffer.clear();
        }
        Ok(())
    }

    /// Writes the queued lines and waits until they are on disk (fdatasync, on a blocking
    /// thread so the runtime's workers keep serving the requests in flight).
    ///
    /// # Errors
    /// The I/O error.
    pub async fn commit(&mut self) -> io::Result<()> {
        self.write()?;
        let file = Arc::clone(&self.file);
        tokio::task::spawn_blocking(move || file.sync_data())
            .await
            .map_err(io::Error::other)?
    }
}

/// Makes a new file's folder entry durable; not every platform can open a folder, so errors
/// are ignored.
pub(super) fn sync_folder(path: &Path) {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> Header {
        Header::new("t", "a", Mode::Send, Some("agent"))
    }

    fn accepted(row: u64) -> RowResult {
        RowResult {
            row,
            status: Status::Accepted,
            message_id: Some(format!("id-{row}")),
            code: None,
            path: None,
            message: None,
        }
    }

    #[tokio::test]
    async fn lines_round_trip_and_the_last_entry_wins() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("j");
        let mut j = Journal::create(&path, &header()).expect("create");
        j.intent(1, "+14255550100");
        j.intent(2, "+14255550101");
        j.commit().await.expect("commit");
        j.result(&accepted(1));
        j.result(&RowResult {
            status: Status::NotSent,
            ..accepted(2)
        });
        j.intent(2, "+14255550101");
        j.intent(3, "+14255550102");
        j.commit().await.expect("commit");
        drop(j);
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.starts_with(
            "{\"journal\":\"rcs-composer campaign\",\"version\":1,\"template_sha256\":\"t\",\"audience_sha256\":\"a\",\"mode\":\"send\",\"origination\":\"agent\"}\n{\"row\":1,\"phone\":\"+14255550100\",\"intent\":true}\n"
        ), "{text}");
        assert!(
            text.contains("{\"row\":2,\"status\":\"not-sent\","),
            "{text}"
        );
        assert_eq!(read_header(&path).expect("h"), Some(header()));
        let c = read(&path).expect("read");
        assert_eq!(c.rows[&1], Entry::Result(accepted(1)));
        assert_eq!(c.rows[&2], Entry::Intent, "the later intent wins");
        assert_eq!(c.rows[&3], Entry::Intent);
        assert_eq!(c.rows.len(), 3);
    }

    #[test]
    fn a_torn_last_line_is_ignored_then_cut_off() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("j");
        drop(Journal::create(&path, &header()).expect("create"));
        let mut f = OpenOptions::new().append(true).open(&path).expect("open");
        f.write_all(b"{\"row\":1,\"phone\":\"+1\",\"intent\":true}\n{\"row\":1,\"status\":\"acc")
            .expect("write");
        drop(f);
        let c = read(&path).expect("read");
        assert_eq!(c.rows[&1], Entry::Intent);
        let mut j = Journal::append(&path, &c).expect("append");
        j.result(&accepted(1));
        j.write().expect("write");
        let c = read(&path).expect("read");
        assert_eq!(c.rows[&1], Entry::Result(accepted(1)));
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(!text.contains("\"acc{"), "{text}");
        assert_eq!(text.lines().count(), 3);
    }

    #[test]
    fn a_complete_last_line_without_newline_is_kept() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("j");
        drop(Journal::create(&path, &header()).expect("create"));
        let mut f = OpenOptions::new().append(true).open(&path).expect("open");
        f.write_all(b"{\"row\":4,\"phone\":\"+1\",\"intent\":true}")
            .expect("write");
        drop(f);
        let c = read(&path).expect("read");
        assert_eq!(c.rows[&4], Entry::Intent);
        let mut j = Journal::append(&path, &c).expect("append");
        j.result(&accepted(4));
        j.write().expect("write");
        assert_eq!(
            read(&path).expect("read").rows[&4],
            Entry::Result(accepted(4))
        );
    }

    #[test]
    fn a_bad_line_in_the_middle_is_refused() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("j");
        drop(Journal::create(&path, &header()).expect("create"));
        let mut f = OpenOptions::new().append(true).open(&path).expect("open");
        f.write_all(b"garbage\n{\"row\":1,\"phone\":\"+1\",\"intent\":true}\n")
            .expect("write");
        drop(f);
        let e = read(&path).expect_err("refused");
        assert!(e.to_string().contains("line 2"), "{e}");
    }

    #[test]
    fn headers_missing_torn_or_foreign() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("j");
        assert_eq!(read_header(&path).expect("missing"), None);
        std::fs::write(&path, "").expect("write");
        assert_eq!(read_header(&path).expect("empty"), None);
        std::fs::write(&path, "{\"journal\":\"rcs-comp").expect("write");
        assert_eq!(read_header(&path).expect("torn"), None);
        std::fs::write(&path, "row,phone\n").expect("write");
        assert!(matches!(
            read_header(&path),
            Err(HeaderError::NotAJournal(_))
        ));
        std::fs::write(&path, "row,phone").expect("write");
        assert!(matches!(
            read_header(&path),
            Err(HeaderError::NotAJournal(_))
        ));
    }

    #[test]
    fn a_journal_with_its_header_alone_records_nothing() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("j");
        drop(Journal::create(&path, &header()).expect("create"));
        assert!(!has_records(&path).expect("read"));
        let mut f = OpenOptions::new().append(true).open(&path).expect("open");
        f.write_all(b"{\"row\":1,\"pho").expect("torn");
        assert!(
            !has_records(&path).expect("read"),
            "a torn line is no record"
        );
        drop(f);
        let c = read(&path).expect("read");
        let mut j = Journal::append(&path, &c).expect("append");
        j.intent(1, "+1");
        j.write().expect("write");
        assert!(has_records(&path).expect("read"));
    }

    #[test]
    fn headers_must_match_to_resume() {
        let h = header();
        assert_eq!(h.matches(&header()), Ok(()));
        let other = |f: fn(&mut Header)| {
            let mut x = header();
            f(&mut x);
            h.matches(&x).expect_err("differs")
        };
        assert!(other(|x| x.template_sha256 = "x".into()).contains("template changed"));
        assert!(other(|x| x.audience_sha256 = "x".into()).contains("audience file changed"));
        assert!(other(|x| x.mode = "dry-run".into()).contains("send campaign, not a dry-run"));
        assert!(other(|x| x.origination = None).contains("sent from agent"));
    }
}
