//! SDK errors as messages a user can act on, with the request id where there is one.

use std::fmt;

use aws_credential_types::provider::error::CredentialsError;
use aws_sdk_pinpointsmsvoicev2::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};
use aws_sdk_pinpointsmsvoicev2::operation::RequestId;
use aws_sdk_pinpointsmsvoicev2::types::error::ValidationException;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// The service rejected the request's content (`ValidationException`).
    Validation,
    AccessDenied,
    ResourceNotFound,
    Conflict,
    ServiceQuotaExceeded,
    Throttling,
    InternalServer,
    Timeout,
    Network,
    /// No credentials, an expired SSO session, no region.
    Credentials,
    /// The request could not be built (a required member is missing).
    Invalid,
    Other,
}

/// A failed request, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub kind: FailureKind,
    pub message: String,
    pub request_id: Option<String>,
    /// `ValidationException.Reason`.
    pub reason: Option<String>,
    /// `ValidationException.Fields`: (member path, message).
    pub fields: Vec<(String, String)>,
}

impl Failure {
    #[must_use]
    pub fn new(kind: FailureKind, message: String) -> Self {
        Self {
            kind,
            message,
            request_id: None,
            reason: None,
            fields: Vec::new(),
        }
    }

    /// True when the request's content was at fault (exit code 1 on the command line).
    #[must_use]
    pub fn is_invalid(&self) -> bool {
        matches!(self.kind, FailureKind::Validation | FailureKind::Invalid)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(reason) = &self.reason {
            write!(f, " (reason: {reason})")?;
        }
        for (name, message) in &self.fields {
            write!(f, "\n  {name}: {message}")?;
        }
        if let Some(id) = &self.request_id {
            write!(f, "\n  request id: {id}")?;
        }
        Ok(())
    }
}

/// Operation errors that can carry a `ValidationException`.
pub trait MaybeValidation {
    fn validation(&self) -> Option<&ValidationException>;
}

/// Implements [`MaybeValidation`] for operation error enums that have a
/// `ValidationException` variant.
#[macro_export]
macro_rules! maybe_validation {
    ($($error:path),* $(,)?) => {$(
        impl $crate::aws::errors::MaybeValidation for $error {
            fn validation(&self) -> Option<&aws_sdk_pinpointsmsvoicev2::types::error::ValidationException> {
                match self {
                    Self::ValidationException(v) => Some(v),
                    _ => None,
                }
            }
        }
    )*};
}

pub use maybe_validation;

maybe_validation!(aws_sdk_pinpointsmsvoicev2::operation::send_rcs_message::SendRcsMessageError);

/// What a user should do about an error code.
fn advice(kind: FailureKind) -> &'static str {
    match kind {
        FailureKind::AccessDenied => {
            "Your credentials are not allowed to do this; ask for the sms-voice permissions of this operation."
        }
        FailureKind::ResourceNotFound => {
            "Check the origination identity, configuration set or protect configuration: one of them does not exist in this account and region."
        }
        FailureKind::Conflict => {
            "The resource is busy or in a state that does not allow this; try again in a moment."
        }
        FailureKind::ServiceQuotaExceeded => {
            "A service quota or spend limit was reached; see the spend-limit panel or request a quota increase."
        }
        FailureKind::Throttling => {
            "Too many requests; the SDK retried and gave up. Wait a moment and try again."
        }
        FailureKind::InternalServer => {
            "The service had an internal error; it is safe to try again."
        }
        FailureKind::Timeout => "The request timed out; check the network and try again.",
        FailureKind::Network => {
            "The service could not be reached; check the network, the region and the endpoint URL."
        }
        FailureKind::Validation
        | FailureKind::Credentials
        | FailureKind::Invalid
        | FailureKind::Other => "",
    }
}

fn kind_of(code: Option<&str>) -> FailureKind {
    match code {
        Some("ValidationException") => FailureKind::Validation,
        Some("AccessDeniedException") => FailureKind::AccessDenied,
        Some("ResourceNotFoundException") => FailureKind::ResourceNotFound,
        Some("ConflictException") => FailureKind::Conflict,
        Some("ServiceQuotaExceededException") => FailureKind::ServiceQuotaExceeded,
        Some("ThrottlingException") => FailureKind::Throttling,
        Some("InternalServerException") => FailureKind::InternalServer,
        _ => FailureKind::Other,
    }
}

/// Turns any operation's SDK error into a [`Failure`].
#[expect(
    clippy::needless_pass_by_value,
    reason = "used as `map_err(from_sdk)`, which hands over the error"
)]
pub fn from_sdk<E, R>(err: SdkError<E, R>) -> Failure
where
    E: ProvideErrorMetadata + MaybeValidation + std::error::Error + Send + Sync + 'static,
    R: fmt::Debug,
    SdkError<E, R>: RequestId,
{
    let request_id = err.request_id().map(str::to_owned);
    let context = DisplayErrorContext(&err).to_string();
    let mut failure = match &err {
        SdkError::TimeoutError(_) => Failure::new(
            FailureKind::Timeout,
            format!("The request timed out. {}", advice(FailureKind::Timeout)),
        ),
        SdkError::DispatchFailure(d) if d.is_timeout() => Failure::new(
            FailureKind::Timeout,
            format!("The request timed out. {}", advice(FailureKind::Timeout)),
        ),
        SdkError::DispatchFailure(_) => Failure::new(
            FailureKind::Network,
            format!("{} ({context})", advice(FailureKind::Network)),
        ),
        SdkError::ConstructionFailure(_) => Failure::new(
            FailureKind::Invalid,
            format!("The request could not be built: {context}"),
        ),
        SdkError::ServiceError(service) => {
            let e = service.err();
            let kind = kind_of(e.code());
            let text = e.message().unwrap_or("no message").to_owned();
            let mut f = Failure::new(kind, format!("{}: {text}", e.code().unwrap_or("Error")));
            if !advice(kind).is_empty() {
                f.message = format!("{} {}", f.message, advice(kind));
            }
            if let Some(v) = e.validation() {
                f.reason = v.reason().map(|r| r.as_str().to_owned());
                f.fields = v
                    .fields()
                    .iter()
                    .map(|x| (x.name().to_owned(), x.message().to_owned()))
                    .collect();
            }
            f
        }
        _ => Failure::new(FailureKind::Other, context.clone()),
    };
    failure.request_id = request_id;
    failure
}

/// A credentials problem, with what to do about it.
#[must_use]
pub fn credentials(profile: &str, e: &CredentialsError) -> Failure {
    let detail = DisplayErrorContext(e).to_string();
    let lower = detail.to_lowercase();
    let message = if matches!(e, CredentialsError::CredentialsNotLoaded(_)) {
        format!(
            "No AWS credentials were found for profile {profile}. Run `aws configure --profile {profile}`, set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or use the local sandbox."
        )
    } else if lower.contains("sso") {
        format!(
            "The AWS SSO session for profile {profile} is missing or expired. Run `aws sso login --profile {profile}` and try again."
        )
    } else {
        format!("The AWS credentials for profile {profile} could not be loaded: {detail}")
    };
    Failure::new(FailureKind::Credentials, message)
}
