//! The domain core: the `SendRcsMessage` request model, the limits table, the validator,
//! the template JSON codec and SMS fallback segment counting.
//!
//! Pure by design: nothing here touches the GUI, the SDK, async runtimes or the file system,
//! so every front end (window, command line, sandbox) shares exactly the same rules.

pub mod account;
pub mod account_limits;
pub mod codec;
pub mod issue;
pub mod label;
pub mod limits;
pub mod model;
pub mod path;
pub mod patterns;
pub mod personalise;
pub mod phone;
#[cfg(test)]
pub mod pieced;
pub mod placeholder;
pub mod samples;
pub mod segments;
pub mod timestamp;
pub mod validate;
pub mod walk;

pub use issue::{Code, Issue, Severity};
pub use limits::{Field, Rule};
pub use model::*;
pub use validate::{Mode, validate};
