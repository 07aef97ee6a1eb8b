//! `--state FILE`: the sandbox's account kept across restarts. The file is read once at start
//! (missing: a fresh account; unreadable or not a sandbox state: refuse to start and leave it
//! alone) and rewritten atomically after every change, before the answer goes out, so whatever
//! a client was told exists is in the file even if the sandbox is killed right after.
//!
//! One sandbox at a time per file: each would otherwise write its own view over the other's,
//! and an agent one of them created would vanish. A running sandbox holds a lock on
//! `FILE.lock` beside the file (not on the file itself, which every save replaces); the
//! system lets go of it when the process ends, however it ends.

use std::fs::{File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::state::{Persistent, State};

/// The file format. Another version is refused rather than guessed at.
const VERSION: u64 = 1;

/// How far above the last id handed out the file's counter is put. Ids are also handed out by
/// requests that change nothing (request ids, message ids); reserving a block ahead means those
/// need a write only once per block, and a restart still never repeats an id.
const ID_RESERVE: u64 = 1000;

/// The state file of a running sandbox.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    /// The counter the file holds: every id handed out so far is at most this.
    reserved: u64,
    /// Held while the store lives: no other sandbox opens the same file.
    _lock: File,
}

impl Store {
    /// Reads `path` (or starts afresh when it does not exist) and writes it back at once, so a
    /// file that cannot be written fails now rather than at the first change.
    ///
    /// # Errors
    /// [`io::ErrorKind::InvalidData`] when the file exists but cannot be read or is not a
    /// sandbox state (the file is not touched); the write's error otherwise. Both name the file.
    pub fn open(path: &Path) -> io::Result<(Self, State)> {
        let state = match std::fs::read(path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => State::new(),
            Err(e) => return Err(unusable(path, &e.to_string())),
            Ok(bytes) => State::from_persistent(parse(&bytes).map_err(|why| unusable(path, &why))?),
        };
        // Before the first write: a file in use stays the other sandbox's.
        let lock = lock(path)?;
        let mut store = Self {
            path: path.to_owned(),
            reserved: 0,
            _lock: lock,
        };
        store.save(&state)?;
        Ok((store, state))
    }

    /// Writes `state` when its account differs from `before` or its ids have passed the
    /// reserved block.
    ///
    /// # Errors
    /// The write's error, naming the file; the previous file is left as it was.
    pub fn save_if_needed(&mut self, state: &State, before: &Persistent) -> io::Result<()> {
        if state.account_differs(before) || state.id_counter() > self.reserved {
            self.save(state)
        } else {
            Ok(())
        }
    }

    fn save(&mut self, state: &State) -> io::Result<()> {
        let reserved = state.id_counter().saturating_add(ID_RESERVE);
        let mut saved = state.persistent();
        saved.id_counter = reserved;
        let mut doc = Map::new();
        doc.insert("Version".into(), VERSION.into());
        if let Value::Object(members) = serde_json::to_value(&saved)? {
            doc.extend(members);
        }
        let mut text = serde_json::to_string_pretty(&doc)?;
        text.push('\n');
        crate::templates::write_atomic(&self.path, text.as_bytes()).map_err(|e| {
            io::Error::new(
                e.kind(),
                format!(
                    "cannot write the sandbox state file {}: {e}",
                    self.path.display()
                ),
            )
        })?;
        self.reserved = reserved;
        Ok(())
    }
}

fn unusable(path: &Path, why: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!(
            "the sandbox state file {} cannot be used: {why}. It was left as it is; repair it, \
             or move it away to start with a fresh account.",
            path.display()
        ),
    )
}

/// The state in a file's bytes, or why they are not one.
fn parse(bytes: &[u8]) -> Result<Persistent, String> {
    let mut doc: Value =
        serde_json::from_slice(bytes).map_err(|e| format!("it is not JSON ({e})"))?;
    let Some(members) = doc.as_object_mut() else {
        return Err("it is not a JSON object".into());
    };
    match members.remove("Version") {
        Some(v) if v.as_u64() == Some(VERSION) => {}
        Some(v) => return Err(format!("its Version is {v}; this sandbox reads {VERSION}")),
        None => return Err("it has no Version".into()),
    }
    let saved: Persistent =
        serde_json::from_value(doc).map_err(|e| format!("it is not a sandbox state ({e})"))?;
    check_records(&saved)?;
    Ok(saved)
}

/// The members the operations look records up by must be there: a record without them could
/// never be found, changed or deleted again.
fn check_records(saved: &Persistent) -> Result<(), String> {
    let strings = |record: &Value, path: &str, keys: &[&str]| {
        keys.iter().try_for_each(|key| {
            if record.get(key).is_some_and(Value::is_string) {
                Ok(())
            } else {
                Err(format!("{path} has no {key} string"))
            }
        })
    };
    for (i, agent) in saved.rcs_agents.iter().enumerate() {
        strings(
            agent,
            &format!("RcsAgents[{i}]"),
            &["RcsAgentId", "RcsAgentArn"],
        )?;
    }
    for (i, set) in saved.configuration_sets.iter().enumerate() {
        let path = format!("ConfigurationSets[{i}]");
        strings(set, &path, &["ConfigurationSetName", "ConfigurationSetArn"])?;
        let Some(destinations) = set.get("EventDestinations").and_then(Value::as_array) else {
            return Err(format!("{path} has no EventDestinations list"));
        };
        for (j, d) in destinations.iter().enumerate() {
            strings(
                d,
                &format!("{path}.EventDestinations[{j}]"),
                &["EventDestinationName"],
            )?;
        }
    }
    Ok(())
}

/// Takes the lock of the state file at `path`, or says that another sandbox has it.
fn lock(path: &Path) -> io::Result<File> {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(".lock");
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path.with_file_name(name))
        .map_err(|e| {
            io::Error::new(
                e.kind(),
                format!(
                    "cannot write the sandbox state file {}: {e}",
                    path.display()
                ),
            )
        })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(TryLockError::WouldBlock) => Err(io::Error::new(
            io::ErrorKind::ResourceBusy,
            format!(
                "the sandbox state file {} is in use by another sandbox; stop that one, or give this one another --state",
                path.display()
            ),
        )),
        Err(TryLockError::Error(e)) => Err(io::Error::new(
            e.kind(),
            format!("cannot lock the sandbox state file {}: {e}", path.display()),
        )),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::sandbox::state::SANDBOX_AGENT;

    fn store_in(dir: &Path) -> (PathBuf, Store, State) {
        let path = dir.join("state.json");
        let (store, state) = Store::open(&path).unwrap();
        (path, store, state)
    }

    fn read(path: &Path) -> Value {
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
    }

    #[test]
    fn a_missing_file_is_a_fresh_account_written_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let (path, _, state) = store_in(dir.path());
        assert_eq!(state.agents[0]["RcsAgentId"], SANDBOX_AGENT);
        let doc = read(&path);
        let keys: Vec<&String> = doc.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            ["Version", "IdCounter", "RcsAgents", "ConfigurationSets"]
        );
        assert_eq!(doc["IdCounter"], state.id_counter() + ID_RESERVE);
    }

    #[test]
    fn changes_come_back_and_ids_never_repeat() {
        let dir = tempfile::tempdir().unwrap();
        let (path, mut store, mut state) = store_in(dir.path());
        let before = state.persistent();
        state.rcs_spend_override = Some(25);
        let agent = state.agent_record("rcs-kept", true, None);
        state.agents.push(agent);
        store.save_if_needed(&state, &before).unwrap();
        // Ids handed out after the save, without a change, up to the end of the block.
        let mut last = String::new();
        for _ in 0..ID_RESERVE {
            let before = state.persistent();
            last = state.new_id();
            store.save_if_needed(&state, &before).unwrap();
        }
        drop(store);
        let (_, again) = Store::open(&path).unwrap();
        assert_eq!(again.agents, state.agents);
        assert_eq!(again.rcs_spend_override, Some(25));
        assert!(again.messages.is_empty());
        let mut again = again;
        assert!(again.new_id() > last, "ids must not repeat after a restart");
    }

    #[test]
    fn nothing_is_written_while_nothing_changes_within_the_block() {
        let dir = tempfile::tempdir().unwrap();
        let (path, mut store, mut state) = store_in(dir.path());
        let before = state.persistent();
        state.new_id();
        std::fs::remove_file(&path).unwrap();
        store.save_if_needed(&state, &before).unwrap();
        assert!(!path.exists(), "no write expected");
    }

    #[test]
    fn a_corrupt_file_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let cases = [
            ("{\"Version\": 1, \"IdCounter\": 3,", "not JSON"),
            ("[]", "not a JSON object"),
            ("{\"IdCounter\": 3}", "no Version"),
            ("{\"Version\": 7}", "Version is 7"),
            (
                "{\"Version\": 1, \"IdCounter\": 3, \"RcsAgents\": [], \"ConfigurationSets\": [], \"Extra\": 1}",
                "unknown field `Extra`",
            ),
            (
                "{\"Version\": 1, \"IdCounter\": 3, \"RcsAgents\": [{\"RcsAgentArn\": \"a\"}], \"ConfigurationSets\": []}",
                "RcsAgents[0] has no RcsAgentId",
            ),
            (
                "{\"Version\": 1, \"IdCounter\": 3, \"RcsAgents\": [], \"ConfigurationSets\": [{\"ConfigurationSetName\": \"s\", \"ConfigurationSetArn\": \"a\"}]}",
                "ConfigurationSets[0] has no EventDestinations",
            ),
        ];
        for (text, why) in cases {
            std::fs::write(&path, text).unwrap();
            let err = Store::open(&path).unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::InvalidData, "{text}");
            let message = err.to_string();
            assert!(
                message.contains(why) && message.contains(&path.display().to_string()),
                "{text}: {message}"
            );
            assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
        }
    }

    #[test]
    fn a_folder_that_cannot_be_written_fails_at_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-folder/state.json");
        let err = Store::open(&path).unwrap_err();
        assert_ne!(err.kind(), io::ErrorKind::InvalidData);
        assert!(
            err.to_string().contains("no-such-folder/state.json"),
            "{err}"
        );
    }

    #[test]
    fn a_saved_file_round_trips_through_its_own_shape() {
        let dir = tempfile::tempdir().unwrap();
        let (path, _, _) = store_in(dir.path());
        let mut doc = read(&path);
        doc["RcsSpendLimitOverride"] = json!(0);
        std::fs::write(&path, doc.to_string()).unwrap();
        let (_, state) = Store::open(&path).unwrap();
        assert_eq!(state.rcs_spend_override, Some(0));
    }

    #[test]
    fn a_second_sandbox_cannot_open_a_state_file_in_use_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let (path, first, _) = store_in(dir.path());
        let before = std::fs::read(&path).unwrap();
        let err = Store::open(&path).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::ResourceBusy);
        assert!(
            err.to_string().contains("is in use by another sandbox"),
            "{err}"
        );
        // The second one wrote nothing over the first one's file.
        assert_eq!(std::fs::read(&path).unwrap(), before);
        drop(first);
        assert!(Store::open(&path).is_ok());
    }
}
