//! A save killed at any moment never damages the template, and the temporary files such
//! kills leave behind are removed when the library is listed.
#![expect(clippy::unwrap_used, reason = "tests fail loudly by design")]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime};

use rcs_composer::rcs::samples::largest_legal_message;
use rcs_composer::templates;

const CHILD_DIR: &str = "RCS_COMPOSER_TEST_SAVE_LOOP_DIR";

/// The child process of the test below: saves the largest legal template over and over
/// until it is killed. Without the variable it does nothing.
#[test]
fn save_loop_child() {
    let Some(dir) = std::env::var_os(CHILD_DIR) else {
        return;
    };
    let request = largest_legal_message();
    let path = Path::new(&dir).join("campaign.json");
    loop {
        templates::save(&path, &request).expect("save");
    }
}

fn temporaries(dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "tmp"))
        .collect()
}

#[test]
fn killed_saves_leave_no_stale_temporaries_once_the_library_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    // A small linear congruential generator: kill moments vary without a dependency.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..100 {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "save_loop_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_DIR, dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        std::thread::sleep(Duration::from_millis(5 + (seed >> 33) % 60));
        child.kill().unwrap();
        child.wait().unwrap();
    }
    // Whatever moment each kill hit, the template on disk is whole.
    let path = dir.path().join("campaign.json");
    if path.exists() {
        assert_eq!(templates::open(&path).unwrap(), largest_legal_message());
    }

    let left = temporaries(dir.path());
    assert!(
        !left.is_empty(),
        "no kill hit a save in progress: the loop tests nothing"
    );
    // Age what the kills left behind past the threshold; add one save "in progress" now.
    let old = SystemTime::now() - templates::STALE_TEMPORARY - Duration::from_mins(1);
    for tmp in left {
        std::fs::File::options()
            .write(true)
            .open(&tmp)
            .unwrap()
            .set_modified(old)
            .unwrap();
    }
    let fresh = dir.path().join(".rcs-composer-inprogress.tmp");
    std::fs::write(&fresh, b"{").unwrap();

    let listed = templates::list_library(dir.path()).unwrap();
    assert!(listed.iter().all(|e| e.name == "campaign"), "{listed:?}");
    assert_eq!(
        temporaries(dir.path()),
        vec![fresh],
        "only the fresh save's file stays"
    );
}
