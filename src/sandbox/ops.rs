//! The operations the sandbox serves, validated by the same core as the app: the send here,
//! the account operations in [`super::account`]. Dispatch goes one way, from here down.

use serde_json::{Value, json};

use super::account;
use super::reply::{Reply, ServiceError};
use super::state::{
    Accepted, BLOCKED_NUMBER, INTERNAL_ERROR_NUMBER, MISSING_MEDIA_MARK, State, THROTTLE_NUMBER,
};
use crate::rcs::codec;
use crate::rcs::issue::Issue;
use crate::rcs::validate::{Mode, validate};

/// The send operation, which the rate limit and the record concern.
pub const SEND_RCS_MESSAGE: &str = "SendRcsMessage";

/// Dispatches one operation.
///
/// # Errors
/// The service's error for the request, in its shape.
pub fn handle(state: &mut State, operation: &str, body: &Value) -> Reply {
    match operation {
        SEND_RCS_MESSAGE => send_rcs_message(state, body),
        _ => account::handle(state, operation, body)
            .unwrap_or_else(|| Err(ServiceError::unknown_operation(operation))),
    }
}

fn send_rcs_message(state: &mut State, body: &Value) -> Reply {
    let decoded = codec::from_value(body);
    if !decoded.issues.is_empty() {
        return Err(ServiceError::from_issues(&decoded.issues));
    }
    let request = decoded.request;
    let issues = validate(&request, Mode::Send);
    if issues.iter().any(Issue::is_error) {
        return Err(ServiceError::from_issues(&issues));
    }
    match request.destination_phone_number.as_deref() {
        Some(THROTTLE_NUMBER) => {
            return Err(ServiceError::throttling(
                "Rate exceeded (sandbox test number).",
            ));
        }
        Some(INTERNAL_ERROR_NUMBER) => {
            return Err(ServiceError::internal(
                "Internal failure (sandbox test number).",
            ));
        }
        Some(BLOCKED_NUMBER) => {
            return Err(ServiceError::validation_reason(
                "DESTINATION_COUNTRY_BLOCKED",
                "The destination cannot receive RCS messages from this account.".into(),
                vec![(
                    "DestinationPhoneNumber".into(),
                    "The destination country is blocked for RCS (sandbox test number).".into(),
                )],
            ));
        }
        _ => {}
    }
    let missing: Vec<(String, String)> = media_urls(&request)
        .into_iter()
        .filter(|(_, url)| url.contains(MISSING_MEDIA_MARK))
        .map(|(path, url)| {
            (
                path,
                format!("The media file {url} cannot be read by the service."),
            )
        })
        .collect();
    if !missing.is_empty() {
        return Err(ServiceError::validation_reason(
            "RESOURCE_NOT_ACCESSIBLE",
            "A media file is not accessible.".into(),
            missing,
        ));
    }
    let origination = request.origination_identity.as_deref().unwrap_or_default();
    if state.agent_mut(origination).is_none() {
        return Err(ServiceError::not_found("rcs-agent", origination));
    }
    if state.rcs_spend_override == Some(0) {
        return Err(ServiceError::quota(
            "The RCS monthly spend limit is 0 USD; raise it to send.".into(),
        ));
    }
    let message_id = state.new_id();
    state.messages.push(Accepted {
        message_id: message_id.clone(),
        dry_run: request.dry_run.unwrap_or(false),
        request: body.clone(),
    });
    Ok(json!({"MessageId": message_id}))
}

/// Every media and thumbnail URL of the content, with its member path.
fn media_urls(r: &crate::rcs::model::SendRcsMessageRequest) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Some(content) = r
        .rcs_message_content
        .as_ref()
        .and_then(|c| c.content.as_ref())
    else {
        return out;
    };
    let mut push = |path: String, url: Option<&String>| {
        if let Some(url) = url {
            out.push((path, url.clone()));
        }
    };
    let base = "RcsMessageContent.Content";
    if let Some(f) = &content.file_message {
        push(format!("{base}.FileMessage.FileUrl"), f.file_url.as_ref());
        push(
            format!("{base}.FileMessage.ThumbnailUrl"),
            f.thumbnail_url.as_ref(),
        );
    }
    let rich = content
        .rich_card
        .iter()
        .filter_map(|r| r.card_content.as_ref())
        .map(|c| (format!("{base}.RichCard.CardContent"), c));
    let cards = content
        .carousel
        .iter()
        .flat_map(|c| c.card_contents.iter().flatten())
        .enumerate()
        .map(|(i, c)| (format!("{base}.Carousel.CardContents[{i}]"), c));
    for (path, card) in rich.chain(cards) {
        if let Some(m) = &card.media {
            push(format!("{path}.Media.FileUrl"), m.file_url.as_ref());
            push(
                format!("{path}.Media.ThumbnailUrl"),
                m.thumbnail_url.as_ref(),
            );
        }
    }
    out
}
