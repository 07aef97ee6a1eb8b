//! Which service to talk to, and building a client for it. Credentials come only from
//! aws-config's standard chain (environment, shared files, SSO, profiles); nothing here stores
//! or prints a secret.

use aws_config::BehaviorVersion;
use aws_credential_types::provider::ProvideCredentials as _;
use aws_sdk_pinpointsmsvoicev2::Client;
use aws_sdk_pinpointsmsvoicev2::config::{Credentials, Region};
use aws_smithy_http_client::tls::{self, rustls_provider::CryptoMode};
use serde::{Deserialize, Serialize};

use super::errors::{Failure, FailureKind};

/// An AWS account reached through a profile, a region and an optional endpoint.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwsTarget {
    /// `None`: `AWS_PROFILE` or the default profile, as the AWS CLI does.
    pub profile: Option<String>,
    /// `None`: `AWS_REGION` or the profile's region.
    pub region: Option<String>,
    /// `None`: `AWS_ENDPOINT_URL(_PINPOINT_SMS_VOICE_V2)` or the service's endpoint.
    pub endpoint_url: Option<String>,
}

/// Where requests go. Persisted in settings: names only, never a secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Connection {
    /// The in-process loopback sandbox: nothing is delivered.
    Sandbox,
    Aws(AwsTarget),
}

impl Connection {
    /// How the connection is shown everywhere a request can be made.
    #[must_use]
    pub fn describe(&self) -> String {
        match self {
            Self::Sandbox => "Local sandbox — nothing is delivered".to_owned(),
            Self::Aws(t) => format!(
                "AWS profile {} · region {}{}",
                t.profile.as_deref().unwrap_or("(default)"),
                t.region.as_deref().unwrap_or("(from profile)"),
                t.endpoint_url
                    .as_deref()
                    .map(|e| format!(" · endpoint {e}"))
                    .unwrap_or_default()
            ),
        }
    }
}

/// One HTTPS stack (rustls with ring) for every client and credential provider.
#[must_use]
pub fn http_client() -> aws_smithy_runtime_api::client::http::SharedHttpClient {
    aws_smithy_http_client::Builder::new()
        .tls_provider(tls::Provider::Rustls(CryptoMode::Ring))
        .build_https()
}

/// A client for an AWS target, after checking that credentials and a region resolve, so that
/// a missing or expired login is reported before anything is sent.
///
/// # Errors
/// A `Credentials` failure that says what to do (`aws sso login`, `aws configure`, …).
pub async fn aws_client(target: &AwsTarget) -> Result<Client, Failure> {
    let mut loader = aws_config::defaults(BehaviorVersion::latest()).http_client(http_client());
    if let Some(profile) = target.profile.as_deref().filter(|p| !p.is_empty()) {
        loader = loader.profile_name(profile);
    }
    if let Some(region) = target.region.as_deref().filter(|r| !r.is_empty()) {
        loader = loader.region(Region::new(region.to_owned()));
    }
    if let Some(endpoint) = target.endpoint_url.as_deref().filter(|e| !e.is_empty()) {
        loader = loader.endpoint_url(endpoint);
    }
    let config = loader.load().await;
    let profile = target
        .profile
        .clone()
        .or_else(|| std::env::var("AWS_PROFILE").ok())
        .unwrap_or_else(|| "default".into());
    if config.region().is_none() {
        return Err(Failure::new(
            FailureKind::Credentials,
            format!(
                "No AWS region is set for profile {profile}: choose a region, set AWS_REGION, or add `region = …` to the profile."
            ),
        ));
    }
    let Some(provider) = config.credentials_provider() else {
        return Err(Failure::new(
            FailureKind::Credentials,
            "No AWS credentials provider is configured.".into(),
        ));
    };
    if let Err(e) = provider.provide_credentials().await {
        return Err(errors::credentials(&profile, &e));
    }
    Ok(Client::new(&config))
}

use super::errors;

/// A client for a loopback endpoint with fixed, meaningless credentials (the sandbox checks
/// no signature; the SDK needs something to sign with).
#[must_use]
pub fn sandbox_client(endpoint_url: &str) -> Client {
    let config = aws_sdk_pinpointsmsvoicev2::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .endpoint_url(endpoint_url)
        .credentials_provider(Credentials::new(
            "sandbox",
            "sandbox",
            None,
            None,
            "rcs-composer-sandbox",
        ))
        .http_client(http_client())
        .build();
    Client::from_conf(config)
}

/// Whether AWS credentials are configured on this machine, judged offline: environment
/// variables or profiles in the shared files. (Resolving the whole chain would probe the EC2
/// metadata service over the network on every start.) Reads files: call it off the UI thread.
#[must_use]
pub fn credentials_configured() -> bool {
    const VARS: &[&str] = &[
        "AWS_ACCESS_KEY_ID",
        "AWS_PROFILE",
        "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    ];
    VARS.iter()
        .any(|v| std::env::var_os(v).is_some_and(|x| !x.is_empty()))
        || !profile_names().is_empty()
}

/// Profile names from the shared config and credentials files (`AWS_CONFIG_FILE`,
/// `AWS_SHARED_CREDENTIALS_FILE` honoured), sorted, `default` first. Reads files: call it off
/// the UI thread.
#[must_use]
pub fn profile_names() -> Vec<String> {
    let home = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf());
    let path = |var: &str, file: &str| {
        std::env::var_os(var)
            .map(std::path::PathBuf::from)
            .or_else(|| home.as_ref().map(|h| h.join(".aws").join(file)))
    };
    let mut names = Vec::new();
    if let Some(text) =
        path("AWS_CONFIG_FILE", "config").and_then(|p| std::fs::read_to_string(p).ok())
    {
        names.extend(sections(&text, true));
    }
    if let Some(text) = path("AWS_SHARED_CREDENTIALS_FILE", "credentials")
        .and_then(|p| std::fs::read_to_string(p).ok())
    {
        names.extend(sections(&text, false));
    }
    names.sort();
    names.dedup();
    if let Some(i) = names.iter().position(|n| n == "default") {
        let d = names.remove(i);
        names.insert(0, d);
    }
    names
}

/// Section names of an INI file: `[profile x]` and `[default]` in config, `[x]` in credentials.
fn sections(text: &str, config_file: bool) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.trim().strip_prefix('[')?.strip_suffix(']').map(str::trim))
        .filter_map(|s| {
            if !config_file {
                return Some(s.to_owned());
            }
            if s == "default" {
                return Some(s.to_owned());
            }
            s.strip_prefix("profile ").map(|p| p.trim().to_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_profile_sections() {
        let config =
            "[default]\nregion=us-east-1\n[profile marketing]\n[sso-session corp]\n[services x]\n";
        assert_eq!(sections(config, true), ["default", "marketing"]);
        assert_eq!(sections("[default]\n[ci]\n", false), ["default", "ci"]);
    }

    #[test]
    fn describes_connections_without_secrets() {
        assert_eq!(
            Connection::Sandbox.describe(),
            "Local sandbox — nothing is delivered"
        );
        let aws = Connection::Aws(AwsTarget {
            profile: Some("marketing".into()),
            region: Some("eu-west-1".into()),
            endpoint_url: None,
        });
        assert_eq!(aws.describe(), "AWS profile marketing · region eu-west-1");
    }
}
