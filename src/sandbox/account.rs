//! RCS account operations: agents, spend limits, configuration sets, event destinations.

use serde_json::Value;

use super::ops::Reply;
use super::state::State;

/// The account operations; `None` when `operation` is not one of them.
pub fn handle(_state: &mut State, _operation: &str, _body: &Value) -> Option<Reply> {
    None
}
