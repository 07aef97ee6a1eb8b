//! The one limits table: every constraint on every member of `SendRcsMessage`, from the API
//! reference and the service model (docs/service-constraints.md). The validator, the editor's
//! "n/limit" counters, the sandbox and the documentation all read it; no other place states a
//! limit of the request. (How a phone renders the message — sizes in dp, media rules — is the
//! phone's table, `rcs::phone`; the account operations' limits are `account_limits.rs`.)

use crate::rcs::patterns::Pattern;

/// When a member must be present.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Required {
    No,
    /// Whenever its parent object is present.
    Yes,
    /// Only in a request that is about to be sent (a template may leave it out).
    ForSend,
}

/// The constraints on one member. Lengths count Unicode scalar values (Smithy `@length`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// A short name for the editor and for messages: "Card title".
    pub label: &'static str,
    pub required: Required,
    /// Inclusive character-count range of a string.
    pub length: Option<(usize, usize)>,
    /// Google Messages counts these limits in UTF-8 bytes: above it, text may be cut (warning).
    pub soft_bytes: Option<usize>,
    /// Inclusive element-count range of a list or map.
    pub count: Option<(usize, usize)>,
    /// Inclusive numeric range.
    pub range: Option<(f64, f64)>,
    pub pattern: Option<Pattern>,
    /// The allowed values of an enumeration (empty: any).
    pub allowed: &'static [&'static str],
    /// Free text a campaign may personalise with `{{placeholders}}`; such a value is checked
    /// per audience row once filled in.
    pub personal: bool,
}

impl Rule {
    const fn new(label: &'static str) -> Self {
        Self {
            label,
            required: Required::No,
            length: None,
            soft_bytes: None,
            count: None,
            range: None,
            pattern: None,
            allowed: &[],
            personal: false,
        }
    }
    const fn personal(mut self) -> Self {
        self.personal = true;
        self
    }
    const fn required(mut self) -> Self {
        self.required = Required::Yes;
        self
    }
    const fn for_send(mut self) -> Self {
        self.required = Required::ForSend;
        self
    }
    const fn len(mut self, min: usize, max: usize) -> Self {
        self.length = Some((min, max));
        self
    }
    const fn bytes(mut self, max: usize) -> Self {
        self.soft_bytes = Some(max);
        self
    }
    const fn count(mut self, min: usize, max: usize) -> Self {
        self.count = Some((min, max));
        self
    }
    const fn range(mut self, min: f64, max: f64) -> Self {
        self.range = Some((min, max));
        self
    }
    const fn pattern(mut self, pattern: Pattern) -> Self {
        self.pattern = Some(pattern);
        self
    }
    const fn one_of(mut self, allowed: &'static [&'static str]) -> Self {
        self.allowed = allowed;
        self
    }

    /// The label with a capital first letter, for a field on its own. Labels of action
    /// members are lower case ("text") because messages prefix the action: "Reply text".
    #[must_use]
    pub fn title(&self) -> String {
        let mut chars = self.label.chars();
        chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().chain(chars).collect()
        })
    }

    /// The maximum character count, for "n/limit" counters.
    #[must_use]
    pub fn max_len(&self) -> Option<usize> {
        self.length.map(|(_, max)| max)
    }
}

/// Every constrained member of the request, named by what it is rather than where it is:
/// `ActionText` is the `Text` of all six suggested actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    DestinationPhoneNumber,
    OriginationIdentity,
    RcsMessageContent,
    Content,
    TextBody,
    MediaFileUrl,
    MediaThumbnailUrl,
    CardOrientation,
    ThumbnailImageAlignment,
    CardContent,
    RichCardMediaHeight,
    CarouselMediaHeight,
    CardWidth,
    CarouselCards,
    CardTitle,
    CardDescription,
    CardSuggestions,
    MessageSuggestions,
    ActionText,
    ActionPostbackData,
    OpenUrlUrl,
    OpenUrlApplication,
    WebviewViewMode,
    DialPhoneNumber,
    Latitude,
    Longitude,
    LocationLabel,
    CalendarTitle,
    CalendarStartTime,
    CalendarEndTime,
    CalendarDescription,
    TimeToLive,
    MessageTrafficType,
    FallbackChannel,
    FallbackMessageBody,
    FallbackMediaUrls,
    FallbackMediaUrl,
    FallbackOriginationIdentity,
    ConfigurationSetName,
    ProtectConfigurationId,
    MaxPrice,
    Context,
    ContextKey,
    ContextValue,
}

pub const ORIENTATIONS: &[&str] = &["HORIZONTAL", "VERTICAL"];
pub const ALIGNMENTS: &[&str] = &["LEFT", "RIGHT"];
pub const RICH_CARD_HEIGHTS: &[&str] = &["SHORT", "MEDIUM", "TALL"];
pub const CAROUSEL_HEIGHTS: &[&str] = &["SHORT", "MEDIUM"];
pub const CARD_WIDTHS: &[&str] = &["SMALL", "MEDIUM"];
pub const APPLICATIONS: &[&str] = &["BROWSER", "WEBVIEW"];
pub const WEBVIEW_MODES: &[&str] = &["FULL", "HALF", "TALL"];
pub const TRAFFIC_TYPES: &[&str] = &[
    "AUTHENTICATION",
    "TRANSACTION",
    "PROMOTION",
    "SERVICE_REQUEST",
    "ACKNOWLEDGEMENT",
];
pub const CHANNELS: &[&str] = &["SMS", "MMS"];

/// Every field, for documentation and for tests that walk the table.
pub const ALL_FIELDS: &[Field] = &[
    Field::DestinationPhoneNumber,
    Field::OriginationIdentity,
    Field::RcsMessageContent,
    Field::Content,
    Field::TextBody,
    Field::MediaFileUrl,
    Field::MediaThumbnailUrl,
    Field::CardOrientation,
    Field::ThumbnailImageAlignment,
    Field::CardContent,
    Field::RichCardMediaHeight,
    Field::CarouselMediaHeight,
    Field::CardWidth,
    Field::CarouselCards,
    Field::CardTitle,
    Field::CardDescription,
    Field::CardSuggestions,
    Field::MessageSuggestions,
    Field::ActionText,
    Field::ActionPostbackData,
    Field::OpenUrlUrl,
    Field::OpenUrlApplication,
    Field::WebviewViewMode,
    Field::DialPhoneNumber,
    Field::Latitude,
    Field::Longitude,
    Field::LocationLabel,
    Field::CalendarTitle,
    Field::CalendarStartTime,
    Field::CalendarEndTime,
    Field::CalendarDescription,
    Field::TimeToLive,
    Field::MessageTrafficType,
    Field::FallbackChannel,
    Field::FallbackMessageBody,
    Field::FallbackMediaUrls,
    Field::FallbackMediaUrl,
    Field::FallbackOriginationIdentity,
    Field::ConfigurationSetName,
    Field::ProtectConfigurationId,
    Field::MaxPrice,
    Field::Context,
    Field::ContextKey,
    Field::ContextValue,
];

impl Field {
    /// The table itself.
    #[must_use]
    pub const fn rule(self) -> Rule {
        use Pattern as P;
        match self {
            Self::DestinationPhoneNumber => Rule::new("Destination phone number")
                .for_send()
                .len(1, 20)
                .pattern(P::Phone),
            Self::OriginationIdentity => Rule::new("Origination identity")
                .for_send()
                .len(1, 256)
                .pattern(P::OriginationIdentity),
            Self::RcsMessageContent => Rule::new("Message content").required(),
            Self::Content => Rule::new("Content").required(),
            Self::TextBody => Rule::new("Text message body")
                .required()
                .len(1, 3072)
                .pattern(P::NotBlank)
                .personal(),
            Self::MediaFileUrl => Rule::new("Media URL")
                .required()
                .len(1, 2000)
                .pattern(P::MediaUrl)
                .personal(),
            Self::MediaThumbnailUrl => Rule::new("Thumbnail URL")
                .len(1, 2000)
                .pattern(P::MediaUrl)
                .personal(),
            Self::CardOrientation => Rule::new("Card orientation")
                .required()
                .one_of(ORIENTATIONS),
            Self::ThumbnailImageAlignment => {
                Rule::new("Thumbnail image alignment").one_of(ALIGNMENTS)
            }
            Self::CardContent => Rule::new("Card content").required(),
            Self::RichCardMediaHeight => Rule::new("Media height").one_of(RICH_CARD_HEIGHTS),
            Self::CarouselMediaHeight => Rule::new("Media height").one_of(CAROUSEL_HEIGHTS),
            Self::CardWidth => Rule::new("Card width").required().one_of(CARD_WIDTHS),
            Self::CarouselCards => Rule::new("Carousel cards").required().count(2, 10),
            Self::CardTitle => Rule::new("Card title").len(1, 200).bytes(200).personal(),
            Self::CardDescription => Rule::new("Card description")
                .len(1, 2000)
                .bytes(2000)
                .personal(),
            Self::CardSuggestions => Rule::new("Card buttons").count(0, 4),
            Self::MessageSuggestions => Rule::new("Message suggestions").count(0, 11),
            Self::ActionText => Rule::new("text").required().len(1, 25).personal(),
            Self::ActionPostbackData => Rule::new("postback data")
                .required()
                .len(1, 2048)
                .personal(),
            Self::OpenUrlUrl => Rule::new("URL")
                .required()
                .len(1, 2048)
                .pattern(P::HttpsUrl)
                .personal(),
            Self::OpenUrlApplication => Rule::new("application").one_of(APPLICATIONS),
            Self::WebviewViewMode => Rule::new("webview view mode").one_of(WEBVIEW_MODES),
            Self::DialPhoneNumber => Rule::new("phone number")
                .required()
                .len(1, 20)
                .pattern(P::Phone)
                .personal(),
            Self::Latitude => Rule::new("latitude").required().range(-90.0, 90.0),
            Self::Longitude => Rule::new("longitude").required().range(-180.0, 180.0),
            Self::LocationLabel => Rule::new("label").len(1, 100).personal(),
            Self::CalendarTitle => Rule::new("title").required().len(1, 100).personal(),
            Self::CalendarStartTime => Rule::new("start time").required(),
            Self::CalendarEndTime => Rule::new("end time").required(),
            Self::CalendarDescription => Rule::new("description").len(1, 500).personal(),
            Self::TimeToLive => Rule::new("Time to live (seconds)").range(1.0, 172_800.0),
            Self::MessageTrafficType => Rule::new("Message traffic type").one_of(TRAFFIC_TYPES),
            Self::FallbackChannel => Rule::new("Fallback channel").required().one_of(CHANNELS),
            Self::FallbackMessageBody => Rule::new("Fallback message body")
                .len(1, 1600)
                .pattern(P::NotBlank)
                .personal(),
            Self::FallbackMediaUrls => Rule::new("Fallback media URLs").count(1, 1),
            Self::FallbackMediaUrl => Rule::new("Fallback media URL")
                .len(1, 2048)
                .pattern(P::S3ObjectUrl)
                .personal(),
            Self::FallbackOriginationIdentity => Rule::new("Fallback origination identity")
                .len(1, 256)
                .pattern(P::OriginationIdentity),
            Self::ConfigurationSetName => Rule::new("Configuration set")
                .len(1, 256)
                .pattern(P::ResourceName),
            Self::ProtectConfigurationId => Rule::new("Protect configuration")
                .len(1, 256)
                .pattern(P::ResourceName),
            Self::MaxPrice => Rule::new("Maximum price").len(2, 8).pattern(P::Price),
            Self::Context => Rule::new("Context").count(0, 5),
            Self::ContextKey => Rule::new("Context key")
                .len(1, 100)
                .pattern(P::NoWhitespace),
            Self::ContextValue => Rule::new("Context value")
                .len(1, 800)
                .pattern(P::NoEdgeWhitespace)
                .personal(),
        }
    }
}

/// An identity that names a phone pool, which a fallback may not use.
#[must_use]
pub fn is_pool_identity(identity: &str) -> bool {
    identity.starts_with("pool-") || identity.contains(":pool/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_range_is_ordered() {
        for field in ALL_FIELDS {
            let rule = field.rule();
            if let Some((min, max)) = rule.length {
                assert!(min <= max, "{field:?}");
            }
            if let Some((min, max)) = rule.count {
                assert!(min <= max, "{field:?}");
            }
            if let Some((min, max)) = rule.range {
                assert!(min <= max, "{field:?}");
            }
        }
    }

    #[test]
    fn seed_numbers() {
        assert_eq!(Field::ActionText.rule().max_len(), Some(25));
        assert_eq!(Field::TextBody.rule().max_len(), Some(3072));
        assert_eq!(Field::CarouselCards.rule().count, Some((2, 10)));
        assert_eq!(Field::MessageSuggestions.rule().count, Some((0, 11)));
        assert_eq!(Field::CardSuggestions.rule().count, Some((0, 4)));
        assert!(!CAROUSEL_HEIGHTS.contains(&"TALL"));
    }

    #[test]
    fn pools() {
        assert!(is_pool_identity("pool-123"));
        assert!(is_pool_identity(
            "arn:aws:sms-voice:us-east-1:1:pool/pool-1"
        ));
        assert!(!is_pool_identity("+14255550123"));
    }
}
