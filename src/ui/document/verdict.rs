//! What the service said about a request. A verdict belongs to the request that got it: once
//! the request to send differs (another recipient, origination, row or content), it no longer
//! holds and is dropped, so a rejection or a `MessageId` is never shown next to a request it
//! was not about.

use crate::aws::{Failure, FailureKind};
use crate::rcs::issue::{Code, Issue};
use crate::rcs::model::SendRcsMessageRequest;

#[derive(Debug, Clone)]
pub struct Verdict {
    /// The request as sent, without `DryRun` (a dry run and a real send of it are the same
    /// request to the checks).
    request: SendRcsMessageRequest,
    pub outcome: Result<String, Failure>,
    /// A `ValidationException`'s fields, at the editor's paths.
    pub issues: Vec<Issue>,
}

impl Verdict {
    #[must_use]
    pub fn new(sent: &SendRcsMessageRequest, outcome: Result<String, Failure>) -> Self {
        let issues = match &outcome {
            Err(f) if f.kind == FailureKind::Validation => f
                .fields
                .iter()
                .map(|(name, message)| {
                    Issue::error(
                        service_path(name),
                        Code::RejectedByService,
                        format!("The service says: {message}"),
                    )
                })
                .collect(),
            _ => Vec::new(),
        };
        Self {
            request: without_dry_run(sent),
            outcome,
            issues,
        }
    }

    /// Whether this verdict is about `request`.
    #[must_use]
    pub fn holds_for(&self, request: &SendRcsMessageRequest) -> bool {
        without_dry_run(request) == self.request
    }

    /// The accepted request's `MessageId`.
    #[must_use]
    pub fn message_id(&self) -> Option<&str> {
        self.outcome.as_deref().ok()
    }

    #[must_use]
    pub fn failure(&self) -> Option<&Failure> {
        self.outcome.as_ref().err()
    }
}

fn without_dry_run(request: &SendRcsMessageRequest) -> SendRcsMessageRequest {
    let mut r = request.clone();
    r.dry_run = None;
    r
}

/// `rcsMessageContent.content` → `RcsMessageContent.Content`: the service's field names in
/// the core's notation, so its verdict lands on the editor's fields.
#[must_use]
pub fn service_path(name: &str) -> String {
    name.split('.')
        .map(|segment| {
            let mut chars = segment.chars();
            chars
                .next()
                .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
        })
        .collect::<Vec<_>>()
        .join(".")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rcs::path::{Member, PathBuf};

    #[test]
    fn service_field_names_map_to_core_paths() {
        let title = PathBuf::of(&[
            Member::RcsMessageContent,
            Member::Content,
            Member::RichCard,
            Member::CardContent,
            Member::Title,
        ]);
        assert_eq!(
            service_path("rcsMessageContent.content.richCard.cardContent.title"),
            title.as_str()
        );
        let mut reply = PathBuf::of(&[
            Member::RcsMessageContent,
            Member::Content,
            Member::Carousel,
            Member::CardContents,
        ]);
        reply.index(3);
        reply.member(Member::Suggestions);
        reply.index(1);
        reply.member(Member::Reply);
        reply.member(Member::Text);
        assert_eq!(service_path(reply.as_str()), reply.as_str());
    }

    #[test]
    fn a_verdict_holds_only_for_its_request() {
        let mut sent = crate::rcs::samples::largest_legal_message();
        sent.destination_phone_number = Some("+15555550400".into());
        sent.dry_run = Some(true);
        let mut failure = Failure::new(FailureKind::Validation, "blocked".into());
        failure.fields = vec![("destinationPhoneNumber".into(), "blocked".into())];
        let verdict = Verdict::new(&sent, Err(failure));
        assert_eq!(
            verdict.issues[0].path,
            Member::DestinationPhoneNumber.name()
        );
        let mut same = sent.clone();
        same.dry_run = None;
        assert!(verdict.holds_for(&same), "a real send of the same request");
        let mut other = sent.clone();
        other.destination_phone_number = Some("+14255550123".into());
        assert!(!verdict.holds_for(&other));
        other = sent;
        other.origination_identity = Some("another-agent".into());
        assert!(!verdict.holds_for(&other));
    }
}
