//! What the validator and the template loader report: one issue per problem, at the path of
//! the member it concerns, in AWS member notation.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The service would reject the request, or the request is meaningless.
    Error,
    /// Accepted by the service, but not what the author likely wants (ignored member,
    /// text a phone may cut).
    Warning,
}

impl Severity {
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
        }
    }
}

/// Stable machine-readable issue codes (the `code` of `check --json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    UnreadableFile,
    InvalidJson,
    UnknownMember,
    WrongType,
    InvalidTimestamp,
    MissingRequired,
    TooShort,
    TooLong,
    TooFew,
    TooMany,
    OutOfRange,
    InvalidFormat,
    Blank,
    InvalidValue,
    NoContentKind,
    MultipleContentKinds,
    NoAction,
    MultipleActions,
    NotApplicable,
    MayBeTruncated,
    EndNotAfterStart,
    FallbackBodyRequired,
    FallbackContentRequired,
    MediaOnlyForMms,
    FallbackPoolNotAllowed,
    /// A `{{` that no `}}` closes: sent as written.
    UnclosedPlaceholder,
    /// A `{{placeholder}}` in a message that is sent as it is: the recipient sees the braces.
    UnfilledPlaceholder,
    /// A placeholder names a column the audience does not have, and has no default.
    UnknownColumn,
    /// An audience row's cell for a placeholder without default is empty.
    MissingValue,
    /// An audience row's phone number is not in E.164 format.
    InvalidPhone,
    /// An audience row's phone number appeared in an earlier row.
    DuplicatePhone,
    /// An audience row has more or fewer cells than the header, or is not UTF-8.
    MalformedRow,
    /// A field the service's `ValidationException` named.
    RejectedByService,
    /// A Context key that an earlier entry already uses: the request can carry only one.
    DuplicateKey,
    /// The phone cuts a title, a description or a button's text (`rcs::phone`).
    PhoneTextCut,
    /// The phone does not show a card button: the card has no room for it.
    PhoneSuggestionDropped,
    /// iOS ignores a card's media height.
    PhoneIosMediaHeight,
    /// iOS truncates horizontal cards more than Android.
    PhoneIosHorizontal,
    /// iOS shows a GIF as a still image.
    PhoneIosGif,
    /// A link in a description is not tappable on iOS.
    PhoneIosLink,
    /// iOS crops the images of a carousel.
    PhoneIosCarouselCrop,
    /// The message is larger as JSON than Google RBM accepts.
    PhoneMessageTooLarge,
}

impl Code {
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::UnreadableFile => "unreadable-file",
            Self::InvalidJson => "invalid-json",
            Self::UnknownMember => "unknown-member",
            Self::WrongType => "wrong-type",
            Self::InvalidTimestamp => "invalid-timestamp",
            Self::MissingRequired => "missing-required",
            Self::TooShort => "too-short",
            Self::TooLong => "too-long",
            Self::TooFew => "too-few",
            Self::TooMany => "too-many",
            Self::OutOfRange => "out-of-range",
            Self::InvalidFormat => "invalid-format",
            Self::Blank => "blank",
            Self::InvalidValue => "invalid-value",
            Self::NoContentKind => "no-content-kind",
            Self::MultipleContentKinds => "multiple-content-kinds",
            Self::NoAction => "no-action",
            Self::MultipleActions => "multiple-actions",
            Self::NotApplicable => "not-applicable",
            Self::MayBeTruncated => "may-be-truncated",
            Self::EndNotAfterStart => "end-not-after-start",
            Self::FallbackBodyRequired => "fallback-body-required",
            Self::FallbackContentRequired => "fallback-content-required",
            Self::MediaOnlyForMms => "media-only-for-mms",
            Self::FallbackPoolNotAllowed => "fallback-pool-not-allowed",
            Self::UnclosedPlaceholder => "unclosed-placeholder",
            Self::UnfilledPlaceholder => "unfilled-placeholder",
            Self::UnknownColumn => "unknown-column",
            Self::MissingValue => "missing-value",
            Self::InvalidPhone => "invalid-phone",
            Self::DuplicatePhone => "duplicate-phone",
            Self::MalformedRow => "malformed-row",
            Self::RejectedByService => "rejected-by-service",
            Self::DuplicateKey => "duplicate-key",
            Self::PhoneTextCut => "phone-text-cut",
            Self::PhoneSuggestionDropped => "phone-suggestion-dropped",
            Self::PhoneIosMediaHeight => "phone-ios-media-height",
            Self::PhoneIosHorizontal => "phone-ios-horizontal",
            Self::PhoneIosGif => "phone-ios-gif",
            Self::PhoneIosLink => "phone-ios-link",
            Self::PhoneIosCarouselCrop => "phone-ios-carousel-crop",
            Self::PhoneMessageTooLarge => "phone-message-too-large",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// `RcsMessageContent.Content.Carousel.CardContents[3].Suggestions[1].Reply.Text`; empty for
    /// the document as a whole.
    pub path: String,
    pub severity: Severity,
    pub code: Code,
    pub message: String,
}

impl Issue {
    #[must_use]
    pub fn error(path: impl Into<String>, code: Code, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            severity: Severity::Error,
            code,
            message: message.into(),
        }
    }

    #[must_use]
    pub fn warning(path: impl Into<String>, code: Code, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(path, code, message)
        }
    }

    #[must_use]
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// True when a template file cannot hold what this issue is about, so saving would drop
    /// part of the draft (a repeated Context key: a JSON object keeps one value per key).
    #[must_use]
    pub fn blocks_saving(&self) -> bool {
        self.code == Code::DuplicateKey
    }

    /// True when this issue concerns `path` itself or a member inside it.
    #[must_use]
    pub fn is_at_or_under(&self, path: &str) -> bool {
        crate::rcs::path::is_at_or_under(&self.path, path)
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}] ", self.severity.as_str(), self.code)?;
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

/// True when any issue is an error.
#[must_use]
pub fn has_errors(issues: &[Issue]) -> bool {
    issues.iter().any(Issue::is_error)
}
