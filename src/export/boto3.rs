//! The request as a runnable boto3 script that sends it and prints the `MessageId`.

use super::python;
use super::wire::{Inexact, inexact};
use crate::rcs::codec;
use crate::rcs::model::SendRcsMessageRequest;

/// A Python 3 script: the request as a literal (the template's JSON, read as `json.loads`
/// would read it), one `send_rcs_message(**request)` call, and the `MessageId` printed.
///
/// # Errors
/// The members boto3 would send differently from `rcs-composer send` ([`inexact`]).
pub fn boto3(request: &SendRcsMessageRequest) -> Result<String, Vec<Inexact>> {
    let problems = inexact(request);
    if !problems.is_empty() {
        return Err(problems);
    }
    let literal = python::literal(&codec::to_value(request));
    Ok(format!(
        "# Sends one RCS message through AWS End User Messaging SMS (SendRcsMessage).\n\
         # Credentials, region and endpoint come from boto3's usual configuration\n\
         # (AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL, ~/.aws).\n\
         import boto3\n\
         \n\
         request = {literal}\n\
         \n\
         client = boto3.client(\"pinpoint-sms-voice-v2\")\n\
         response = client.send_rcs_message(**request)\n\
         print(response[\"MessageId\"])\n"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_sends_the_request_literal_and_prints_the_message_id() {
        let decoded = codec::parse(
            r#"{"DestinationPhoneNumber": "+14255550123", "OriginationIdentity": "rcs-agent-sandbox",
                "RcsMessageContent": {"Content": {"TextMessage": {"Body": "Hi 👋"}}}}"#,
        )
        .unwrap();
        let script = boto3(&decoded.request).unwrap();
        assert!(script.contains(
            "request = {\n    \"DestinationPhoneNumber\": \"+14255550123\",\n    \"OriginationIdentity\": \"rcs-agent-sandbox\",\n    \"RcsMessageContent\": {\n        \"Content\": {\n            \"TextMessage\": {\n                \"Body\": \"Hi 👋\",\n"
        ), "{script}");
        assert!(script.contains("import boto3\n"));
        assert!(script.contains("boto3.client(\"pinpoint-sms-voice-v2\")"));
        assert!(script.ends_with(
            "response = client.send_rcs_message(**request)\nprint(response[\"MessageId\"])\n"
        ));
    }
}
