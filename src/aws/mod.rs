//! The only place that knows the AWS SDK: connections, model → SDK conversion, operations,
//! and turning SDK errors into messages a user can act on.

pub mod account;
pub mod campaign;
pub mod connection;
pub mod convert;
pub mod errors;
pub mod send;

pub use connection::{AwsTarget, Connection};
pub use errors::{Failure, FailureKind};
