//! A loopback server that speaks the service's AWS JSON 1.0 protocol, with the core's
//! validation and an account kept in memory (or in a `--state` file), so the app, the CLI and
//! the AWS CLI work without an AWS account.
//!
//! Modules depend downwards only: `server` (hyper) → `service` (one request) → `ops` (the
//! send, and dispatch) → `account` (account operations) → `reply` and `state`; `store` (the
//! state file), `rate` and `record` serve `service`.

mod account;
pub mod ops;
mod rate;
mod record;
pub mod reply;
mod server;
mod service;
pub mod state;
mod store;

pub use server::{MAX_BODY, READ_TIMEOUT, Sandbox, SandboxOptions};
