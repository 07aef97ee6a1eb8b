//! A loopback server that speaks the service's AWS JSON 1.0 protocol, with in-memory state and
//! the core's validation, so the app, the CLI and the AWS CLI work without an AWS account.
//!
//! Modules depend downwards only: `http` → `ops` (the send, and dispatch) → `account`
//! (account operations) → `reply` and `state`.

mod account;
mod http;
pub mod ops;
mod rate;
mod record;
pub mod reply;
pub mod state;

pub use http::{Sandbox, SandboxOptions};
