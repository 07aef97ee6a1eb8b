//! Shared helpers for tests that run the real binary: a sandbox process and an offline AWS
//! environment (test keys, no profiles, no metadata-service lookups).
// `allow`, not `expect`: `dead_code` fires in some test binaries and not in others.
#![allow(
    dead_code,
    reason = "each test binary uses a different part of the helpers"
)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// `rcs-composer sandbox --port 0 …`, stopped when dropped.
pub struct SandboxProcess {
    child: Child,
    pub url: String,
}

impl Drop for SandboxProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn sandbox() -> SandboxProcess {
    sandbox_with(&[])
}

/// A sandbox process with more flags (`--rate`, `--record`).
pub fn sandbox_with(flags: &[&str]) -> SandboxProcess {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rcs-composer"))
        .args(["sandbox", "--port", "0"])
        .args(flags)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let url = first
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap()
        .to_owned();
    SandboxProcess { child, url }
}

/// An AWS environment that reaches nothing but what the test names; `keys` gives test
/// credentials.
pub fn offline_env(cmd: &mut Command, home: &Path, keys: bool) {
    cmd.env("HOME", home)
        .env("AWS_CONFIG_FILE", home.join("none"))
        .env("AWS_SHARED_CREDENTIALS_FILE", home.join("none"))
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_REGION", "us-east-1")
        .env("AWS_DEFAULT_REGION", "us-east-1")
        .env_remove("AWS_PROFILE")
        .env_remove("AWS_ENDPOINT_URL")
        .env_remove("AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2")
        .env_remove("AWS_SESSION_TOKEN");
    if keys {
        cmd.env("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
            .env("AWS_SECRET_ACCESS_KEY", "test-secret");
    } else {
        cmd.env_remove("AWS_ACCESS_KEY_ID")
            .env_remove("AWS_SECRET_ACCESS_KEY");
    }
}
