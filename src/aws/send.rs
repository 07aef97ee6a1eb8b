//! `SendRcsMessage`: validate, convert, send.

use aws_sdk_pinpointsmsvoicev2::Client;

use super::convert;
use super::errors::{self, Failure, FailureKind};
use crate::rcs::issue::has_errors;
use crate::rcs::model::SendRcsMessageRequest;
use crate::rcs::validate::{Mode, validate};

/// Sends (or dry-runs, per `request.dry_run`) a request that passes the validator.
///
/// # Errors
/// `Invalid` with the validator's errors as fields when the request is not sendable; any
/// service, network or credentials failure otherwise.
pub async fn send(client: &Client, request: &SendRcsMessageRequest) -> Result<String, Failure> {
    let issues = validate(request, Mode::Send);
    if has_errors(&issues) {
        let mut f = Failure::new(
            FailureKind::Invalid,
            "The message has errors; nothing was sent.".into(),
        );
        f.fields = issues
            .into_iter()
            .filter(crate::rcs::issue::Issue::is_error)
            .map(|i| (i.path, i.message))
            .collect();
        return Err(f);
    }
    let output = convert::send_input(client.send_rcs_message(), request)?
        .send()
        .await
        .map_err(errors::from_sdk)?;
    Ok(output.message_id().unwrap_or_default().to_owned())
}
