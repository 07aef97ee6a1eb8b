//! What an operation answers: a JSON value, or an error in the service's shape (HTTP status,
//! `__type`, `Message` and the exception's own members). Shared by the operations and the HTTP
//! layer, so it depends on nothing of the sandbox.

use serde_json::{Value, json};

use crate::rcs::issue::Issue;

/// An error in the service's shape: HTTP status, `__type`, message and extra members.
#[derive(Debug, Clone)]
pub struct ServiceError {
    pub status: u16,
    pub kind: &'static str,
    pub message: String,
    pub extra: Value,
}

/// An operation's answer.
pub type Reply = Result<Value, ServiceError>;

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

    /// An `X-Amz-Target` the sandbox does not serve.
    #[must_use]
    pub fn unknown_operation(operation: &str) -> Self {
        Self::new(
            400,
            "UnknownOperationException",
            format!("The sandbox does not implement {operation:?}."),
        )
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

    /// A request body over `limit` bytes: HTTP 413, so plain HTTP clients see what happened,
    /// with a `ValidationException` body (reason `MAXIMUM_SIZE_EXCEEDED`, from the service's
    /// own list), because the SDK and the AWS CLI read the error from `__type`, not from the
    /// status: they report it as the invalid request it is instead of an unknown error.
    #[must_use]
    pub fn too_large(limit: usize) -> Self {
        let mut e = Self::validation_reason(
            "MAXIMUM_SIZE_EXCEEDED",
            format!("The request body is larger than the sandbox accepts ({limit} bytes)."),
            Vec::new(),
        );
        e.status = 413;
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
