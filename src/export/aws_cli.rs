//! The request as one ready-to-run AWS CLI command line.

use super::wire::{Inexact, inexact};
use crate::rcs::codec;
use crate::rcs::model::SendRcsMessageRequest;

/// Where the command reads the request JSON from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonInput {
    /// The JSON itself, on the command line.
    Inline,
    /// `file://PATH`: a file that holds the request JSON (the caller writes it).
    File(String),
}

/// `aws pinpoint-sms-voice-v2 send-rcs-message --cli-input-json '…'` on one line, without a
/// line break at the end (pasted into a terminal, it waits for Enter). The argument is quoted
/// for POSIX shells (sh, bash, zsh) by `shlex`, whose quoting is reviewed for safety against
/// everything a shell would otherwise expand.
///
/// # Errors
/// The members the AWS CLI would send differently from `rcs-composer send` ([`inexact`]).
pub fn aws_cli(request: &SendRcsMessageRequest, input: &JsonInput) -> Result<String, Vec<Inexact>> {
    let problems = inexact(request);
    if !problems.is_empty() {
        return Err(problems);
    }
    let argument = match input {
        // Compact JSON has no line breaks (those inside strings are escaped): one line.
        JsonInput::Inline => codec::to_value(request).to_string(),
        JsonInput::File(path) => format!("file://{path}"),
    };
    // Only a NUL character cannot be quoted; JSON escapes it and paths cannot hold it.
    let quoted = shlex::try_quote(&argument).map_err(|e| {
        vec![Inexact {
            path: String::new(),
            message: format!("cannot be written as a shell word: {e}"),
        }]
    })?;
    Ok(format!(
        "aws pinpoint-sms-voice-v2 send-rcs-message --cli-input-json {quoted}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(json: &str) -> SendRcsMessageRequest {
        codec::parse(json).unwrap().request
    }

    #[test]
    fn the_json_is_one_single_quoted_word_that_splits_back_to_itself() {
        let r = request(
            r#"{"DestinationPhoneNumber": "+14255550123",
                "RcsMessageContent": {"Content": {"TextMessage": {"Body": "It's $5 off!\nSee `you` 🧥"}}}}"#,
        );
        let line = aws_cli(&r, &JsonInput::Inline).unwrap();
        assert!(!line.contains('\n'), "{line}");
        let words = shlex::split(&line).unwrap();
        assert_eq!(
            words[..4],
            [
                "aws",
                "pinpoint-sms-voice-v2",
                "send-rcs-message",
                "--cli-input-json"
            ]
        );
        assert_eq!(words.len(), 5, "{words:?}");
        let json: serde_json::Value = serde_json::from_str(&words[4]).unwrap();
        assert_eq!(json, codec::to_value(&r));
    }

    #[test]
    fn a_file_is_referred_to_with_file_url() {
        let r = request(r#"{"RcsMessageContent": {"Content": {"TextMessage": {"Body": "Hi"}}}}"#);
        assert_eq!(
            aws_cli(&r, &JsonInput::File("/tmp/my exports/t.json".into())).unwrap(),
            "aws pinpoint-sms-voice-v2 send-rcs-message --cli-input-json 'file:///tmp/my exports/t.json'"
        );
        assert_eq!(
            aws_cli(&r, &JsonInput::File("/tmp/t.json".into())).unwrap(),
            "aws pinpoint-sms-voice-v2 send-rcs-message --cli-input-json file:///tmp/t.json"
        );
    }
}
