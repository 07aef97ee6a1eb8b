//! Typed mirror of the `SendRcsMessage` request (seed: API contract).
//!
//! Every member is optional, even the ones the service requires: a template or a draft in the
//! editor may be incomplete, and the validator — not the type system — reports what is missing,
//! at the member's path. Enumerations are kept as strings so that an unknown value survives a
//! load/save round trip and is reported with the allowed values from the limits table.

use crate::rcs::timestamp::Timestamp;

/// The whole request, as a template file or the CLI's `--cli-input-json` holds it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SendRcsMessageRequest {
    pub destination_phone_number: Option<String>,
    pub origination_identity: Option<String>,
    pub rcs_message_content: Option<RcsMessageContent>,
    pub time_to_live: Option<i64>,
    pub message_traffic_type: Option<String>,
    pub fallback_configuration: Option<FallbackConfiguration>,
    pub protect_configuration_id: Option<String>,
    pub configuration_set_name: Option<String>,
    pub max_price: Option<String>,
    pub dry_run: Option<bool>,
    /// Ordered key/value pairs, in file order. A JSON object holds each key once, but the
    /// editor can rename one key onto another: the validator reports the repeat
    /// ([`repeats_earlier_key`]) rather than letting the encoder keep one value silently.
    pub context: Option<Vec<(String, String)>>,
    pub message_feedback_enabled: Option<bool>,
}

impl SendRcsMessageRequest {
    /// The content union, if the request has one.
    #[must_use]
    pub fn content(&self) -> Option<&Content> {
        self.rcs_message_content.as_ref()?.content.as_ref()
    }

    /// The content union, created (empty) when missing.
    pub fn content_mut(&mut self) -> &mut Content {
        self.rcs_message_content
            .get_or_insert_with(RcsMessageContent::default)
            .content
            .get_or_insert_with(Content::default)
    }
}

/// True when the key of `pairs[index]` is the key of an earlier pair: the entry a request
/// (a JSON object, or the SDK's map) cannot carry next to the first.
#[must_use]
pub fn repeats_earlier_key(pairs: &[(String, String)], index: usize) -> bool {
    pairs
        .get(index)
        .is_some_and(|(key, _)| pairs[..index].iter().any(|(earlier, _)| earlier == key))
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct RcsMessageContent {
    pub content: Option<Content>,
    /// Message-level suggestions (chips under the message).
    pub suggestions: Option<Vec<Suggestion>>,
}

/// A union on the wire: exactly one member must be set. Modelled as four options so that a
/// document naming two kinds still loads and the validator can say so.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Content {
    pub text_message: Option<TextMessage>,
    pub file_message: Option<FileMessage>,
    pub rich_card: Option<RichCard>,
    pub carousel: Option<Carousel>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContentKind {
    Text,
    File,
    RichCard,
    Carousel,
}

impl ContentKind {
    pub const ALL: [ContentKind; 4] = [Self::Text, Self::File, Self::RichCard, Self::Carousel];

    /// The AWS member name of this union variant.
    #[must_use]
    pub const fn member(self) -> &'static str {
        match self {
            Self::Text => "TextMessage",
            Self::File => "FileMessage",
            Self::RichCard => "RichCard",
            Self::Carousel => "Carousel",
        }
    }

    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Text => "Text",
            Self::File => "File",
            Self::RichCard => "Rich card",
            Self::Carousel => "Carousel",
        }
    }
}

impl Content {
    /// How many kinds are set (exactly one is valid); does not allocate.
    #[must_use]
    pub fn kind_count(&self) -> usize {
        usize::from(self.text_message.is_some())
            + usize::from(self.file_message.is_some())
            + usize::from(self.rich_card.is_some())
            + usize::from(self.carousel.is_some())
    }

    /// The kinds that are set, in wire order.
    #[must_use]
    pub fn kinds(&self) -> Vec<ContentKind> {
        let set = [
            self.text_message.is_some(),
            self.file_message.is_some(),
            self.rich_card.is_some(),
            self.carousel.is_some(),
        ];
        ContentKind::ALL
            .into_iter()
            .zip(set)
            .filter_map(|(kind, is_set)| is_set.then_some(kind))
            .collect()
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextMessage {
    pub body: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileMessage {
    pub file_url: Option<String>,
    pub thumbnail_url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct RichCard {
    pub card_orientation: Option<String>,
    pub thumbnail_image_alignment: Option<String>,
    pub card_content: Option<CardContent>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CardContent {
    pub title: Option<String>,
    pub description: Option<String>,
    pub media: Option<Media>,
    pub suggestions: Option<Vec<Suggestion>>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Media {
    pub file_url: Option<String>,
    pub thumbnail_url: Option<String>,
    pub height: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Carousel {
    pub card_width: Option<String>,
    pub card_contents: Option<Vec<CardContent>>,
}

/// A union on the wire: exactly one action must be set.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Suggestion {
    pub reply: Option<Reply>,
    pub open_url: Option<OpenUrl>,
    pub dial_phone: Option<DialPhone>,
    pub show_location: Option<ShowLocation>,
    pub request_location: Option<RequestLocation>,
    pub create_calendar_event: Option<CreateCalendarEvent>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActionKind {
    Reply,
    OpenUrl,
    DialPhone,
    ShowLocation,
    RequestLocation,
    CreateCalendarEvent,
}

impl ActionKind {
    pub const ALL: [ActionKind; 6] = [
        Self::Reply,
        Self::OpenUrl,
        Self::DialPhone,
        Self::ShowLocation,
        Self::RequestLocation,
        Self::CreateCalendarEvent,
    ];

    #[must_use]
    pub const fn member(self) -> &'static str {
        match self {
            Self::Reply => "Reply",
            Self::OpenUrl => "OpenUrl",
            Self::DialPhone => "DialPhone",
            Self::ShowLocation => "ShowLocation",
            Self::RequestLocation => "RequestLocation",
            Self::CreateCalendarEvent => "CreateCalendarEvent",
        }
    }

    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Reply => "Reply",
            Self::OpenUrl => "Open URL",
            Self::DialPhone => "Dial phone",
            Self::ShowLocation => "Show location",
            Self::RequestLocation => "Request location",
            Self::CreateCalendarEvent => "Calendar event",
        }
    }
}

/// The two members every action has.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActionBase {
    pub text: Option<String>,
    pub postback_data: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reply {
    pub base: ActionBase,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct OpenUrl {
    pub base: ActionBase,
    pub url: Option<String>,
    pub application: Option<String>,
    pub webview_view_mode: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct DialPhone {
    pub base: ActionBase,
    pub phone_number: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ShowLocation {
    pub base: ActionBase,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub label: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct RequestLocation {
    pub base: ActionBase,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CreateCalendarEvent {
    pub base: ActionBase,
    pub title: Option<String>,
    pub start_time: Option<Timestamp>,
    pub end_time: Option<Timestamp>,
    pub description: Option<String>,
}

impl Suggestion {
    /// How many actions are set (exactly one is valid); does not allocate.
    #[must_use]
    pub fn kind_count(&self) -> usize {
        usize::from(self.reply.is_some())
            + usize::from(self.open_url.is_some())
            + usize::from(self.dial_phone.is_some())
            + usize::from(self.show_location.is_some())
            + usize::from(self.request_location.is_some())
            + usize::from(self.create_calendar_event.is_some())
    }

    /// The actions that are set, in wire order.
    #[must_use]
    pub fn kinds(&self) -> Vec<ActionKind> {
        let set = [
            self.reply.is_some(),
            self.open_url.is_some(),
            self.dial_phone.is_some(),
            self.show_location.is_some(),
            self.request_location.is_some(),
            self.create_calendar_event.is_some(),
        ];
        ActionKind::ALL
            .into_iter()
            .zip(set)
            .filter_map(|(kind, is_set)| is_set.then_some(kind))
            .collect()
    }

    /// The text and postback data of the first action that is set, to change.
    pub fn base_mut(&mut self) -> Option<&mut ActionBase> {
        if let Some(a) = &mut self.reply {
            Some(&mut a.base)
        } else if let Some(a) = &mut self.open_url {
            Some(&mut a.base)
        } else if let Some(a) = &mut self.dial_phone {
            Some(&mut a.base)
        } else if let Some(a) = &mut self.show_location {
            Some(&mut a.base)
        } else if let Some(a) = &mut self.request_location {
            Some(&mut a.base)
        } else {
            self.create_calendar_event.as_mut().map(|a| &mut a.base)
        }
    }

    /// The text and postback data of the first action that is set.
    #[must_use]
    pub fn base(&self) -> Option<&ActionBase> {
        self.reply
            .as_ref()
            .map(|a| &a.base)
            .or(self.open_url.as_ref().map(|a| &a.base))
            .or(self.dial_phone.as_ref().map(|a| &a.base))
            .or(self.show_location.as_ref().map(|a| &a.base))
            .or(self.request_location.as_ref().map(|a| &a.base))
            .or(self.create_calendar_event.as_ref().map(|a| &a.base))
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FallbackConfiguration {
    pub channel: Option<String>,
    pub message_body: Option<String>,
    pub media_urls: Option<Vec<String>>,
    pub origination_identity: Option<String>,
}
