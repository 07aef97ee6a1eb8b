//! Reading the window's own state files (settings, media map, autosave). A file that is
//! there but cannot be read as what it should hold is never overwritten by the defaults that
//! replace it: it is renamed aside, with the UTC time in its name, and the user is told once
//! which file it was and where the copy is.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

/// What reading a state file gave.
#[derive(Debug)]
pub struct Read<T> {
    /// The contents; `None` when the file is missing or was kept aside.
    pub value: Option<T>,
    /// For the user, when the file could not be read: which file, why, where the copy is.
    pub notice: Option<String>,
}

/// Reads `path` as JSON. A missing file is simply absent; an unreadable or malformed one is
/// renamed to `<name>.corrupt-<UTC time>` next to it (`now` names it), and the notice says so.
#[must_use]
pub fn read_json<T: DeserializeOwned>(path: &Path, now: jiff::Timestamp) -> Read<T> {
    let why = match std::fs::read(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Read {
                value: None,
                notice: None,
            };
        }
        Err(e) => e.to_string(),
        Ok(bytes) => match serde_json::from_slice(&bytes) {
            Ok(value) => {
                return Read {
                    value: Some(value),
                    notice: None,
                };
            }
            Err(e) => e.to_string(),
        },
    };
    let notice = match keep_aside(path, now) {
        Ok(copy) => format!(
            "{} could not be read ({why}). It was kept as {} and the app started from defaults.",
            path.display(),
            copy.display()
        ),
        Err(e) => format!(
            "{} could not be read ({why}), nor renamed aside ({e}); the app started from defaults and may write over it.",
            path.display()
        ),
    };
    Read {
        value: None,
        notice: Some(notice),
    }
}

/// Renames `path` to a name of its own beside it: `settings.json.corrupt-20261128T140307Z`,
/// with `-2`, `-3`… should that name be taken.
fn keep_aside(path: &Path, now: jiff::Timestamp) -> std::io::Result<PathBuf> {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    // Letters and digits only: safe in a file name on every platform (no ':').
    let stamp = now.strftime("%Y%m%dT%H%M%SZ");
    let first = path.with_file_name(format!("{name}.corrupt-{stamp}"));
    let mut target = first.clone();
    let mut n = 2;
    while target.try_exists()? {
        target = path.with_file_name(format!("{name}.corrupt-{stamp}-{n}"));
        n += 1;
    }
    std::fs::rename(path, &target)?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    type Map = BTreeMap<String, u32>;

    fn at(dir: &Path, name: &str) -> PathBuf {
        dir.join(name)
    }

    #[test]
    fn a_good_file_reads_and_a_missing_one_is_absent() {
        let dir = tempfile::tempdir().unwrap();
        let now = jiff::Timestamp::UNIX_EPOCH;
        let file = at(dir.path(), "settings.json");
        let missing: Read<Map> = read_json(&file, now);
        assert!(missing.value.is_none() && missing.notice.is_none());
        std::fs::write(&file, r#"{"a": 1}"#).unwrap();
        let read: Read<Map> = read_json(&file, now);
        assert_eq!(read.value, Some(Map::from([("a".to_owned(), 1)])));
        assert!(read.notice.is_none());
        assert!(file.exists());
    }

    #[test]
    fn a_malformed_file_is_kept_aside_with_its_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let now: jiff::Timestamp = "2026-11-28T14:03:07Z".parse().unwrap();
        let file = at(dir.path(), "media-map.json");
        let bytes = b"{\"a\": 1,\xff truncated";
        for round in 0..2 {
            std::fs::write(&file, bytes).unwrap();
            let read: Read<Map> = read_json(&file, now);
            assert!(read.value.is_none());
            let expected = if round == 0 {
                at(dir.path(), "media-map.json.corrupt-20261128T140307Z")
            } else {
                // The same second again: a name of its own, the first copy left alone.
                at(dir.path(), "media-map.json.corrupt-20261128T140307Z-2")
            };
            assert_eq!(std::fs::read(&expected).unwrap(), bytes);
            assert!(!file.exists(), "the defaults may now be written there");
            let notice = read.notice.unwrap_or_default();
            assert!(
                notice.contains(&file.display().to_string())
                    && notice.contains(&expected.display().to_string()),
                "{notice}"
            );
        }
    }
}
