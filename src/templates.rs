//! Template files on disk: reading with precise errors, atomic saving, the library folder.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use crate::rcs::codec::{self, Checked};
use crate::rcs::issue::{Code, Issue};
use crate::rcs::model::SendRcsMessageRequest;
use crate::rcs::validate::Mode;

/// Larger files are refused before reading: the service takes at most 250 KB of message JSON,
/// so anything this big is not a template and must not exhaust memory.
pub const MAX_TEMPLATE_BYTES: u64 = 16 * 1024 * 1024;

/// The extension template files carry.
pub const EXTENSION: &str = "json";

/// Reads a file's text, refusing oversized files.
///
/// # Errors
/// An `unreadable-file` issue naming the cause.
pub fn read_text(path: &Path) -> Result<String, Issue> {
    let unreadable = |why: String| Issue::error("", Code::UnreadableFile, why);
    let file =
        fs::File::open(path).map_err(|e| unreadable(format!("cannot open the file: {e}")))?;
    let size = file.metadata().map_or(0, |m| m.len());
    if size > MAX_TEMPLATE_BYTES {
        return Err(unreadable(format!(
            "the file is {size} bytes; templates are at most {MAX_TEMPLATE_BYTES} bytes"
        )));
    }
    let mut bytes = Vec::new();
    file.take(MAX_TEMPLATE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(format!("cannot read the file: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        unreadable(format!(
            "the file is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// Reads and checks a file; an unreadable file yields one `unreadable-file` issue.
#[must_use]
pub fn check_file(path: &Path, mode: Mode) -> Checked {
    match read_text(path) {
        Ok(text) => codec::check(&text, mode),
        Err(issue) => Checked {
            request: None,
            issues: vec![issue],
        },
    }
}

/// Why a template could not be opened for editing.
#[derive(Debug, Clone)]
pub struct OpenError {
    /// The problems: unreadable, not JSON, or members that would be lost on saving.
    pub issues: Vec<Issue>,
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, issue) in self.issues.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{issue}")?;
        }
        Ok(())
    }
}

/// Opens a template for editing: rule violations are fine (they are shown in the editor), but
/// a file whose content would not survive the round trip (not JSON, unknown members, values
/// of the wrong type) is refused so that saving it again can never drop anything.
///
/// # Errors
/// Every issue that stops the file from being opened faithfully.
pub fn open(path: &Path) -> Result<SendRcsMessageRequest, OpenError> {
    let text = read_text(path).map_err(|issue| OpenError {
        issues: vec![issue],
    })?;
    parse_for_editing(&text)
}

/// The text part of [`open`], for callers that already hold the text.
///
/// # Errors
/// As [`open`].
pub fn parse_for_editing(text: &str) -> Result<SendRcsMessageRequest, OpenError> {
    let decoded = codec::parse(text).map_err(|issue| OpenError {
        issues: vec![issue],
    })?;
    if decoded.issues.is_empty() {
        Ok(decoded.request)
    } else {
        Err(OpenError {
            issues: decoded.issues,
        })
    }
}

/// A reason a template's text cannot be opened, at its place in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line and column (in characters).
    pub line: usize,
    pub column: usize,
    /// The field it concerns in AWS member notation; empty for the text as a whole.
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}, column {}: ", self.line, self.column)?;
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

/// [`parse_for_editing`], with each problem placed at its line: a syntax error where the
/// parser stopped, a problem with a field at that field's key (or its nearest parent's).
///
/// # Errors
/// Every problem that stops the text from being opened faithfully, in text order.
pub fn problems_in(text: &str) -> Result<SendRcsMessageRequest, Vec<Problem>> {
    let issues = match parse_for_editing(text) {
        Ok(request) => return Ok(request),
        Err(e) => e.issues,
    };
    let syntax = serde_json::from_str::<serde::de::IgnoredAny>(text).err();
    let mut problems: Vec<Problem> = issues
        .into_iter()
        .map(|issue| {
            let (line, column) = match &syntax {
                Some(e) if issue.path.is_empty() => {
                    let at = (e.line().max(1), e.column().max(1));
                    if issue.message.ends_with("trailing comma") {
                        comma_before(text, at)
                    } else {
                        at
                    }
                }
                _ => place(text, &issue.path),
            };
            // A syntax error's message names its line and column first: said once, here.
            let message = match issue.message.split_once(": ") {
                Some((head, rest)) if head.starts_with("line ") && head.contains(", column ") => {
                    rest.to_owned()
                }
                _ => issue.message,
            };
            Problem {
                line,
                column,
                path: issue.path,
                message,
            }
        })
        .collect();
    problems.sort_by_key(|p| (p.line, p.column));
    Err(problems)
}

/// The comma before `at` (1-based line and column), across spaces and line breaks: `serde_json`
/// reports a trailing comma where it stopped, at the bracket after it, and the comma is what
/// the user must delete. `at` itself when there is no such comma.
fn comma_before(text: &str, at: (usize, usize)) -> (usize, usize) {
    let lines: Vec<Vec<char>> = text.split('\n').map(|l| l.chars().collect()).collect();
    let (mut line, mut column) = (at.0, at.1.saturating_sub(1));
    while let Some(chars) = lines.get(line.wrapping_sub(1)) {
        while column > 0 {
            column -= 1;
            match chars.get(column) {
                Some(',') => return (line, column + 1),
                Some(c) if c.is_whitespace() => {}
                _ => return at,
            }
        }
        line -= 1;
        column = lines.get(line.wrapping_sub(1)).map_or(0, Vec::len);
    }
    at
}

/// Where `path` is in `text`, or its nearest parent that is there, or the start.
fn place(text: &str, path: &str) -> (usize, usize) {
    let mut candidate = path;
    loop {
        if let Some(offset) = codec::locate::locate(text, candidate) {
            return codec::locate::line_col(text, offset);
        }
        match candidate.rfind(['.', '[']) {
            Some(cut) => candidate = &candidate[..cut],
            None => return (1, 1),
        }
    }
}

/// Saves atomically: writes a temporary file in the same folder, flushes it to disk, then
/// renames it over the target, so a crash or a full disk never leaves a half-written template.
///
/// # Errors
/// The I/O error; the previous file, if any, is left as it was.
pub fn save(path: &Path, request: &SendRcsMessageRequest) -> io::Result<()> {
    write_atomic(path, codec::to_pretty_json(request).as_bytes())
}

/// Temporary files of unfinished saves are named `.rcs-composer-<random>.tmp`.
const TEMP_PREFIX: &str = ".rcs-composer-";
const TEMP_SUFFIX: &str = ".tmp";
/// A temporary file older than this belongs to a save that was interrupted (a save takes
/// milliseconds), so listing the library removes it.
pub const STALE_TEMPORARY: std::time::Duration = std::time::Duration::from_mins(5);

/// Writes bytes to `path` atomically (temporary file, fsync, rename, fsync of the folder).
///
/// # Errors
/// The I/O error; the previous file, if any, is left as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    // Make the rename itself durable; not every platform can open a folder, so ignore errors.
    if let Ok(d) = fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// The template library folder: `RCS_COMPOSER_LIBRARY` when set, else the app's data folder.
#[must_use]
pub fn library_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("RCS_COMPOSER_LIBRARY").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("", "", "rcs-composer").map_or_else(
        || PathBuf::from("rcs-composer-templates"),
        |dirs| dirs.data_dir().join("templates"),
    )
}

/// One template in the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryEntry {
    /// The file name without `.json`.
    pub name: String,
    pub path: PathBuf,
    /// Why the file cannot be opened as it is (its first problem), for the library's mark.
    pub problem: Option<String>,
}

/// The templates of the library folder, sorted by name (case-insensitive), after removing
/// the temporary files that interrupted saves left behind ([`STALE_TEMPORARY`]). A missing
/// folder is empty.
///
/// # Errors
/// Any I/O error other than the folder not existing.
pub fn list_library(dir: &Path) -> io::Result<Vec<LibraryEntry>> {
    remove_stale_temporaries(dir, STALE_TEMPORARY);
    let mut entries = json_files(dir)?;
    for entry in &mut entries {
        entry.problem = match read_text(&entry.path) {
            Ok(text) => problems_in(&text)
                .err()
                .and_then(|p| p.into_iter().next())
                .map(|p| p.to_string()),
            Err(issue) => Some(issue.message),
        };
    }
    Ok(entries)
}

/// Removes our own temporary files in `dir` last modified more than `age` ago; returns how
/// many. Best effort: a file that cannot be read or removed stays (it is never listed).
pub fn remove_stale_temporaries(dir: &Path, age: std::time::Duration) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let now = std::time::SystemTime::now();
    entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
        })
        .filter(|e| {
            e.metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| now.duration_since(t).is_ok_and(|d| d >= age))
        })
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}

/// The `*.json` files of a folder, sorted by name (case-insensitive). A missing folder is empty.
fn json_files(dir: &Path) -> io::Result<Vec<LibraryEntry>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut list: Vec<LibraryEntry> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == EXTENSION))
        .filter_map(|path| {
            let name = path.file_stem()?.to_str()?.to_owned();
            (!name.starts_with('.')).then_some(LibraryEntry {
                name,
                path,
                problem: None,
            })
        })
        .collect();
    list.sort_by_key(|e| e.name.to_lowercase());
    Ok(list)
}

/// The files a `check` argument stands for: a folder means its `*.json` files, sorted.
///
/// # Errors
/// When a folder cannot be listed.
pub fn expand_argument(path: &Path) -> io::Result<Vec<PathBuf>> {
    if path.is_dir() {
        // A folder given to `check` is the user's: read it, never clean it.
        Ok(json_files(path)?.into_iter().map(|e| e.path).collect())
    } else {
        Ok(vec![path.to_path_buf()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rcs::model::{Content, RcsMessageContent, TextMessage};

    fn sample() -> SendRcsMessageRequest {
        SendRcsMessageRequest {
            rcs_message_content: Some(RcsMessageContent {
                content: Some(Content {
                    text_message: Some(TextMessage {
                        body: Some("Hello é 😀".into()),
                    }),
                    ..Content::default()
                }),
                suggestions: None,
            }),
            ..SendRcsMessageRequest::default()
        }
    }

    #[test]
    fn save_then_open_round_trips_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.json");
        save(&path, &sample()).unwrap();
        save(&path, &sample()).unwrap();
        assert_eq!(open(&path).unwrap(), sample());
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("t.json")]);
    }

    #[test]
    fn failed_save_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-folder").join("t.json");
        assert!(save(&path, &sample()).is_err());
        let path = dir.path().join("t.json");
        fs::write(&path, "old").unwrap();
        // A folder at the target makes the rename fail.
        let blocked = dir.path().join("blocked.json");
        fs::create_dir(&blocked).unwrap();
        fs::write(blocked.join("x"), "x").unwrap();
        assert!(save(&blocked, &sample()).is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
    }

    #[test]
    fn open_refuses_lossy_files_but_accepts_rule_violations() {
        let err = parse_for_editing(
            r#"{"RcsMessageContent": {"Content": {"TextMessage": {"Bodyy": "x"}}}}"#,
        )
        .unwrap_err();
        assert_eq!(
            err.issues[0].path,
            "RcsMessageContent.Content.TextMessage.Bodyy"
        );
        let err = parse_for_editing("{\n  \"a\": ").unwrap_err();
        assert!(
            err.issues[0].message.starts_with("line 2, column"),
            "{}",
            err.issues[0].message
        );
        assert!(parse_for_editing(r#"{"RcsMessageContent": {"Content": {}}}"#).is_ok());
    }

    #[test]
    fn unreadable_and_binary_files() {
        let dir = tempfile::tempdir().unwrap();
        let issue = read_text(&dir.path().join("nope.json")).unwrap_err();
        assert_eq!(issue.code, Code::UnreadableFile);
        let bin = dir.path().join("b.json");
        fs::write(&bin, [0xff, 0xfe, 0]).unwrap();
        assert_eq!(read_text(&bin).unwrap_err().code, Code::UnreadableFile);
    }

    #[test]
    fn library_lists_json_files_sorted() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.json", "A.json", "notes.txt", ".hidden.json"] {
            fs::write(dir.path().join(name), "{}").unwrap();
        }
        let names: Vec<_> = list_library(dir.path())
            .unwrap()
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(names, ["A", "b"]);
        assert!(list_library(&dir.path().join("none")).unwrap().is_empty());
    }
}

#[cfg(test)]
mod repair_tests {
    use super::*;

    #[test]
    fn a_syntax_error_is_placed_where_the_parser_stopped() {
        let text = "{\n  \"RcsMessageContent\": {\n    \"Content\": {,\n  }\n}\n";
        let problems = problems_in(text).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!((problems[0].line, problems[0].column), (3, 17));
        assert!(!problems[0].message.starts_with("line "), "said once");
        assert!(problems[0].to_string().starts_with("line 3, column 17: "));
    }

    #[test]
    fn member_problems_are_placed_at_their_keys_in_text_order() {
        let text = r#"{
  "RcsMessageContent": {
    "Content": {
      "TextMessage": { "Body": "Hi", "Colour": "red" }
    }
  },
  "Surprise": 1
}"#;
        let problems = problems_in(text).unwrap_err();
        let places: Vec<(usize, String)> =
            problems.iter().map(|p| (p.line, p.path.clone())).collect();
        assert_eq!(places.len(), 2, "{problems:?}");
        assert_eq!(places[0].0, 4, "{problems:?}");
        assert!(places[0].1.ends_with("Colour"), "{problems:?}");
        assert_eq!(places[1].0, 7, "{problems:?}");
    }

    #[test]
    fn a_trailing_comma_is_placed_at_the_comma_not_at_the_bracket_after_it() {
        // On one line: the comma at column 64, the brace the parser stopped at at 65.
        let one = r#"{"RcsMessageContent": {"Content": {"TextMessage": {"Body": "Hi",}}}}"#;
        let problems = problems_in(one).unwrap_err();
        assert_eq!(
            (problems[0].line, problems[0].column),
            (1, 64),
            "{problems:?}"
        );
        assert!(problems[0].message.starts_with("trailing comma"));
        // Across a line break and spaces, and after a character of several bytes.
        let across =
            "{\"RcsMessageContent\": {\"Content\": {\"TextMessage\": {\"Body\": \"é\"},\r\n   }}}";
        let problems = problems_in(across).unwrap_err();
        assert_eq!(
            (problems[0].line, problems[0].column),
            (1, 64),
            "{problems:?}"
        );
        assert_eq!(comma_before("x", (1, 1)), (1, 1));
        assert_eq!(comma_before(" }", (1, 2)), (1, 2), "no comma before");
    }

    #[test]
    fn a_good_text_opens() {
        let text = r#"{"RcsMessageContent": {"Content": {"TextMessage": {"Body": "Hi"}}}}"#;
        assert!(problems_in(text).is_ok());
    }

    #[test]
    fn the_library_marks_broken_files_with_their_first_problem() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("good.json"),
            r#"{"RcsMessageContent": {"Content": {"TextMessage": {"Body": "Hi"}}}}"#,
        )
        .unwrap();
        std::fs::write(
            dir.path().join("broken.json"),
            "{\n  \"RcsMessageContent\": [\n",
        )
        .unwrap();
        let entries = list_library(dir.path()).unwrap();
        let problem = |name: &str| {
            entries
                .iter()
                .find(|e| e.name == name)
                .and_then(|e| e.problem.clone())
        };
        assert_eq!(problem("good"), None);
        let broken = problem("broken").unwrap();
        assert!(broken.starts_with("line "), "{broken}");
    }
}
