//! Template documents: the JSON that `aws pinpoint-sms-voice-v2 send-rcs-message
//! --cli-input-json` accepts, read into the model and written back from it.
//!
//! Reading never loses information silently: an unknown member or a value of the wrong JSON
//! type is an issue at its path, and malformed JSON is reported with line and column.

mod decode;
mod encode;
pub mod locate;

pub use decode::{Decoded, from_value};
pub use encode::{card_json_len, json_len, request_json_len, rest_json_len, to_value};

use crate::rcs::issue::{Code, Issue};
use crate::rcs::model::SendRcsMessageRequest;
use crate::rcs::validate::{Mode, validate};

/// Parses a template's text. `Err` when the text is not JSON at all.
///
/// # Errors
/// An `invalid-json` issue whose message starts with the line and column.
pub fn parse(text: &str) -> Result<Decoded, Issue> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| json_error(&e))?;
    Ok(from_value(&value))
}

/// Turns a `serde_json` error into an issue that names line and column first.
#[must_use]
pub fn json_error(e: &serde_json::Error) -> Issue {
    let text = e.to_string();
    let what = text
        .rsplit_once(" at line ")
        .map_or(text.as_str(), |(what, _)| what);
    Issue::error(
        "",
        Code::InvalidJson,
        format!("line {}, column {}: {what}", e.line(), e.column()),
    )
}

/// Writes a template as pretty JSON in the seed's member order, ending with a newline.
#[must_use]
pub fn to_pretty_json(request: &SendRcsMessageRequest) -> String {
    let mut text = serde_json::to_string_pretty(&to_value(request)).unwrap_or_default();
    text.push('\n');
    text
}

/// The outcome of checking one document.
#[derive(Debug, Clone)]
pub struct Checked {
    /// `None` when the text was not JSON.
    pub request: Option<SendRcsMessageRequest>,
    pub issues: Vec<Issue>,
}

/// Parses and validates a document: load issues first, then the validator's, leaving out
/// validator issues about a member whose value could not be read (already reported).
#[must_use]
pub fn check(text: &str, mode: Mode) -> Checked {
    match parse(text) {
        Err(issue) => Checked {
            request: None,
            issues: vec![issue],
        },
        Ok(decoded) => {
            let mut issues = decoded.issues;
            let unreadable: Vec<String> = issues
                .iter()
                .filter(|i| i.code != Code::UnknownMember)
                .map(|i| i.path.clone())
                .collect();
            issues.extend(
                validate(&decoded.request, mode)
                    .into_iter()
                    .filter(|i| !unreadable.iter().any(|p| i.is_at_or_under(p))),
            );
            Checked {
                request: Some(decoded.request),
                issues,
            }
        }
    }
}

#[cfg(test)]
mod tests;
