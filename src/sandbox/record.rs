//! The sandbox's record of accepted messages (`--record FILE`): one JSON line per accepted
//! `SendRcsMessage`, appended and handed to the OS before the answer goes out, so whoever reads
//! the file (a test, a check after a crash) sees whole lines and every answered `MessageId`.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::sync::Mutex;

use serde_json::json;

use super::state::Accepted;

#[derive(Debug)]
pub struct Recorder {
    /// Unbuffered: each line reaches the file in one `write_all`, nothing waits in memory.
    file: Mutex<File>,
}

impl Recorder {
    /// Opens `path` for appending, creating it if missing.
    ///
    /// # Errors
    /// When the file cannot be opened or created; the message names the file.
    pub fn open(path: &Path) -> io::Result<Self> {
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(|e| {
                io::Error::new(
                    e.kind(),
                    format!("cannot open the record file {}: {e}", path.display()),
                )
            })?;
        Ok(Self {
            file: Mutex::new(file),
        })
    }

    /// Appends `{"MessageId", "DryRun", "DestinationPhoneNumber", "Request"}` as one line.
    ///
    /// # Errors
    /// When the line cannot be written.
    pub fn append(&self, accepted: &Accepted) -> io::Result<()> {
        // JSON text escapes newlines inside strings, so the only newline is the terminator.
        let mut line = json!({
            "MessageId": accepted.message_id,
            "DryRun": accepted.dry_run,
            "DestinationPhoneNumber": accepted.request["DestinationPhoneNumber"],
            "Request": accepted.request,
        })
        .to_string();
        line.push('\n');
        let mut file = self
            .file
            .lock()
            .map_err(|_| io::Error::other("the record file's lock is poisoned"))?;
        // One write of the whole line: in append mode it lands at the end, never interleaved.
        file.write_all(line.as_bytes())?;
        file.flush()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;

    fn accepted(id: &str, dry_run: bool, to: &str) -> Accepted {
        Accepted {
            message_id: id.into(),
            dry_run,
            request: json!({
                "DestinationPhoneNumber": to,
                "OriginationIdentity": "rcs-agent-sandbox",
                "RcsMessageContent": {"Content": {"TextMessage": {"Body": "line one\nline two"}}},
                "DryRun": dry_run,
            }),
        }
    }

    fn lines(path: &Path) -> Vec<Value> {
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    #[test]
    fn creates_the_file_and_writes_one_whole_line_per_message() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sent.jsonl");
        let recorder = Recorder::open(&path).unwrap();
        let first = accepted("id-1", true, "+14255550123");
        recorder.append(&first).unwrap();
        recorder
            .append(&accepted("id-2", false, "+14255550124"))
            .unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.ends_with('\n'));
        assert_eq!(text.matches('\n').count(), 2, "{text}");
        let lines = lines(&path);
        assert_eq!(
            lines[0],
            json!({"MessageId": "id-1", "DryRun": true,
                "DestinationPhoneNumber": "+14255550123", "Request": first.request})
        );
        assert_eq!(lines[1]["MessageId"], "id-2");
        assert_eq!(lines[1]["DryRun"], false);
    }

    #[test]
    fn appends_to_what_is_already_there() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sent.jsonl");
        std::fs::write(&path, "{\"MessageId\":\"earlier\"}\n").unwrap();
        Recorder::open(&path)
            .unwrap()
            .append(&accepted("id-1", false, "+14255550123"))
            .unwrap();
        Recorder::open(&path)
            .unwrap()
            .append(&accepted("id-2", false, "+14255550123"))
            .unwrap();
        let ids: Vec<Value> = lines(&path)
            .iter()
            .map(|l| l["MessageId"].clone())
            .collect();
        assert_eq!(ids, [json!("earlier"), json!("id-1"), json!("id-2")]);
    }

    #[test]
    fn a_file_that_cannot_be_created_is_named_in_the_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-folder/sent.jsonl");
        let err = Recorder::open(&path).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
        assert!(
            err.to_string().contains("no-such-folder/sent.jsonl"),
            "{err}"
        );
    }
}
