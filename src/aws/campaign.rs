//! One campaign row's `SendRcsMessage`, sent at most once: the SDK's retries are off, and
//! every failure is sorted by whether the service may have processed the request.

use std::time::Duration;

use aws_sdk_pinpointsmsvoicev2::Client;
use aws_sdk_pinpointsmsvoicev2::error::{ProvideErrorMetadata, SdkError};
use aws_smithy_types::retry::RetryConfig;
use aws_smithy_types::timeout::TimeoutConfig;

use super::convert;
use crate::rcs::model::SendRcsMessageRequest;

/// How long one attempt may take before the row is `unknown` (the service answers in well
/// under a second; a request this late may still have been processed).
pub const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(30);
/// The connect timeout when the client has none: a connection never made sent nothing.
const CONNECT_TIMEOUT: Duration = Duration::from_millis(3_100);

/// A copy of `client` for campaign sends: the same endpoint, region and credentials, with the
/// SDK's retries disabled (its standard mode retries throttling, timeouts and 5xx answers, and
/// a retry after a timeout or a 5xx could deliver a message twice) and a bounded attempt time.
#[must_use]
pub fn once_only_client(client: &Client) -> Client {
    let config = client.config();
    let connect = config
        .timeout_config()
        .and_then(TimeoutConfig::connect_timeout)
        .unwrap_or(CONNECT_TIMEOUT);
    let config = config
        .to_builder()
        .retry_config(RetryConfig::disabled())
        .timeout_config(
            TimeoutConfig::builder()
                .connect_timeout(connect)
                .operation_attempt_timeout(ATTEMPT_TIMEOUT)
                .build(),
        )
        .build();
    Client::from_conf(config)
}

/// Why a send did not return a `MessageId`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendFailure {
    /// `ThrottlingException`: certainly not processed; send it again after a back-off.
    Throttled,
    /// `ServiceQuotaExceededException`: not processed; the campaign pauses.
    QuotaExceeded { message: String },
    /// The service refused the request (`ValidationException`, `AccessDeniedException`, …):
    /// `code` is the exception's name, `path` the first field a `ValidationException` names.
    Rejected {
        code: String,
        path: Option<String>,
        message: String,
    },
    /// The service may or may not have processed it: `InternalServerException` or another 5xx,
    /// a timeout, a connection lost after the request went out. `code` is the exception's name,
    /// `timeout` or `network-error`.
    Unknown { code: String, message: String },
    /// No connection could be made (refused, DNS, TLS handshake): nothing was sent.
    Unreachable { message: String },
    /// The request could not be built from the message; nothing was sent.
    NotBuilt { message: String },
}

/// Sends one request once. The caller has validated it.
///
/// # Errors
/// A [`SendFailure`] saying whether the request may have been processed.
pub async fn send_once(
    client: &Client,
    request: &SendRcsMessageRequest,
) -> Result<String, SendFailure> {
    let builder = convert::send_input(client.send_rcs_message(), request)
        .map_err(|f| SendFailure::NotBuilt { message: f.message })?;
    match builder.send().await {
        Ok(output) => Ok(output.message_id().unwrap_or_default().to_owned()),
        Err(e) => Err(classify(&e)),
    }
}

fn classify<E, R>(err: &SdkError<E, R>) -> SendFailure
where
    E: ProvideErrorMetadata + super::errors::MaybeValidation + std::error::Error + 'static,
    R: std::fmt::Debug + HttpStatus + 'static,
{
    let context = || chain(err);
    match err {
        SdkError::ServiceError(service) => {
            let e = service.err();
            let code = e.code().unwrap_or_default().to_owned();
            let message = e.message().filter(|m| !m.is_empty()).map_or_else(
                || format!("the service answered HTTP {}", service.raw().status_code()),
                str::to_owned,
            );
            match code.as_str() {
                "ThrottlingException" => SendFailure::Throttled,
                "ServiceQuotaExceededException" => SendFailure::QuotaExceeded { message },
                "InternalServerException" => SendFailure::Unknown { code, message },
                _ if (500..600).contains(&service.raw().status_code()) => SendFailure::Unknown {
                    code: if code.is_empty() {
                        "InternalServerError".to_owned()
                    } else {
                        code
                    },
                    message,
                },
                _ => SendFailure::Rejected {
                    path: e
                        .validation()
                        .and_then(|v| v.fields().first())
                        .map(|f| f.name().to_owned()),
                    code: if code.is_empty() {
                        "UnknownError".to_owned()
                    } else {
                        code
                    },
                    message,
                },
            }
        }
        SdkError::DispatchFailure(_) if never_connected(err) => {
            SendFailure::Unreachable { message: context() }
        }
        SdkError::DispatchFailure(d) if d.is_timeout() => SendFailure::Unknown {
            code: "timeout".into(),
            message: context(),
        },
        SdkError::TimeoutError(_) => SendFailure::Unknown {
            code: "timeout".into(),
            message: format!(
                "no answer within {} s; the service may have taken it",
                ATTEMPT_TIMEOUT.as_secs()
            ),
        },
        SdkError::ConstructionFailure(_) => SendFailure::NotBuilt { message: context() },
        _ => SendFailure::Unknown {
            code: "network-error".into(),
            message: context(),
        },
    }
}

/// The error and its sources, each shown once: `dispatch failure: io error: client error
/// (Connect): tcp connect error: Connection refused (os error 111)`.
fn chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut next: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(e) = next {
        let text = e.to_string();
        // Wrappers often repeat their source's text; keep only what is new.
        if !text.is_empty() && !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        next = e.source();
    }
    parts.join(": ")
}

/// True when the failure happened while connecting (refused, DNS, TLS handshake, connect
/// timeout): the request was never written, so nothing can have been processed. hyper-util's
/// connection pool marks exactly these as connect errors.
fn never_connected(err: &(dyn std::error::Error + 'static)) -> bool {
    let mut source = err.source();
    while let Some(e) = source {
        if e.downcast_ref::<hyper_util::client::legacy::Error>()
            .is_some_and(hyper_util::client::legacy::Error::is_connect)
        {
            return true;
        }
        if e.downcast_ref::<std::io::Error>().is_some_and(|io| {
            matches!(
                io.kind(),
                std::io::ErrorKind::ConnectionRefused | std::io::ErrorKind::AddrNotAvailable
            )
        }) {
            return true;
        }
        source = e.source();
    }
    false
}

/// The raw response's HTTP status, for telling a 5xx without a known code.
pub trait HttpStatus {
    fn status_code(&self) -> u16;
}

impl HttpStatus for aws_smithy_runtime_api::http::Response {
    fn status_code(&self) -> u16 {
        self.status().as_u16()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_refused_connection_is_unreachable() {
        // Bind then drop: nothing listens on the port any more.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("port")
            .port();
        let client = once_only_client(&super::super::connection::sandbox_client(&format!(
            "http://127.0.0.1:{port}"
        )));
        let mut request = crate::rcs::codec::parse(
            r#"{"RcsMessageContent": {"Content": {"TextMessage": {"Body": "Hi"}}}}"#,
        )
        .expect("json")
        .request;
        request.destination_phone_number = Some("+14255550123".into());
        request.origination_identity = Some("rcs-agent-sandbox".into());
        let got = send_once(&client, &request).await;
        assert!(
            matches!(got, Err(SendFailure::Unreachable { .. })),
            "{got:?}"
        );
    }

    #[test]
    fn the_copy_has_no_retries() {
        let client = once_only_client(&super::super::connection::sandbox_client(
            "http://127.0.0.1:9",
        ));
        let retry = client.config().retry_config().expect("retry config");
        assert_eq!(retry.max_attempts(), 1);
        let timeouts = client.config().timeout_config().expect("timeouts");
        assert_eq!(timeouts.operation_attempt_timeout(), Some(ATTEMPT_TIMEOUT));
    }
}
