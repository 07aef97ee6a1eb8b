//! A loopback server that speaks the service's AWS JSON 1.0 protocol, with in-memory state and
//! the core's validation, so the app, the CLI and the AWS CLI work without an AWS account.

mod account;
mod http;
pub mod ops;
mod rate;
mod record;
pub mod state;

pub use http::{Sandbox, SandboxOptions};
