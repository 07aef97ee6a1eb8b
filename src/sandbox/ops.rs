//! The operations the sandbox serves, validated by the same core as the app.

use serde_json::{Value, json};

use super::state::{
    Accepted, BLOCKED_NUMBER, INTERNAL_ERROR_NUMBER, MISSING_MEDIA_MARK, State, THROTTLE_NUMBER,
};
use crate::rcs::codec;
use crate::rcs::issue::Issue;
use crate::rcs::validate::{Mode, validate};

/// An error in the service's shape: HTTP status, `__type`, message and extra members.
#[derive(Debug, Clone)]
pub struct ServiceError {
    pub status: u16,
    pub kind: &'static str,
    pub message: String,
    pub extra: Value,
}

impl ServiceError {
    fn new(status: u16, kind: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            kind,
            message: message.into(),
            extra: json!({}),
        }
    }

    #[must_use]
    pub fn internal(message: &str) -> Self {
        Self::new(500, "InternalServerException", message)
    }

    /// The service's answer to a request over the account's rate.
    #[must_use]
    pub fn throttling(message: impl Into<String>) -> Self {
        Self::new(400, "ThrottlingException", message)
    }

    #[must_use]
    pub fn not_found(kind: &str, id: &str) -> Self {
        let mut e = Self::new(
            400,
            "ResourceNotFoundException",
            format!("{kind} {id} does not exist."),
        );
        e.extra = json!({"ResourceType": kind, "ResourceId": id});
        e
    }

    #[must_use]
    pub fn conflict(message: String) -> Self {
        Self::new(400, "ConflictException", message)
    }

    #[must_use]
    pub fn quota(message: String) -> Self {
        Self::new(400, "ServiceQuotaExceededException", message)
    }

    /// A `ValidationException` with a reason and (path, message) fields.
    #[must_use]
    pub fn validation_reason(reason: &str, message: String, fields: Vec<(String, String)>) -> Self {
        let mut e = Self::new(400, "ValidationException", message);
        let fields: Vec<Value> = fields
            .into_iter()
            .map(|(n, m)| json!({"Name": n, "Message": m}))
            .collect();
        e.extra = json!({"Reason": reason, "Fields": fields});
        e
    }

    /// A `ValidationException` from the core's error issues.
    #[must_use]
    pub fn from_issues(issues: &[Issue]) -> Self {
        let errors: Vec<(String, String)> = issues
            .iter()
            .filter(|i| i.is_error())
            .map(|i| (i.path.clone(), i.message.clone()))
            .collect();
        let n = errors.len();
        Self::validation_reason(
            "FIELD_VALIDATION_FAILED",
            format!(
                "{n} validation error{} detected",
                if n == 1 { "" } else { "s" }
            ),
            errors,
        )
    }

    /// The JSON body of the error response.
    #[must_use]
    pub fn body(&self) -> Value {
        let mut body = json!({"__type": self.kind, "Message": self.message});
        if let (Some(body), Some(extra)) = (body.as_object_mut(), self.extra.as_object()) {
            body.extend(extra.clone());
        }
        body
    }
}

pub type Reply = Result<Value, ServiceError>;

/// The send operation, which the rate limit and the record concern.
pub const SEND_RCS_MESSAGE: &str = "SendRcsMessage";

/// Dispatches one operation.
///
/// # Errors
/// The service's error for the request, in its shape.
pub fn handle(state: &mut State, operation: &str, body: &Value) -> Reply {
    match operation {
        SEND_RCS_MESSAGE => send_rcs_message(state, body),
        _ => super::account::handle(state, operation, body).unwrap_or_else(|| {
            Err(ServiceError::new(
                400,
                "UnknownOperationException",
                format!("The sandbox does not implement {operation:?}."),
            ))
        }),
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
