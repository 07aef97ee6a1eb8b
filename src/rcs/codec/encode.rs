//! Model -> JSON value, members in the seed's order so that saved templates diff well.

use serde_json::{Map, Value};

use crate::rcs::model::{
    ActionBase, CardContent, Carousel, Content, FallbackConfiguration, Media, RcsMessageContent,
    SendRcsMessageRequest, Suggestion,
};

/// An object builder that skips absent members.
#[derive(Default)]
struct Obj(Map<String, Value>);

impl Obj {
    fn put(mut self, key: &str, value: Option<Value>) -> Self {
        if let Some(value) = value {
            self.0.insert(key.to_owned(), value);
        }
        self
    }
    fn str(self, key: &str, value: Option<&String>) -> Self {
        self.put(key, value.map(|s| Value::String(s.clone())))
    }
    fn done(self) -> Value {
        Value::Object(self.0)
    }
}

fn list<T>(items: Option<&Vec<T>>, each: impl Fn(&T) -> Value) -> Option<Value> {
    items.map(|items| Value::Array(items.iter().map(each).collect()))
}

/// The request as the AWS CLI's `--cli-input-json` expects it.
#[must_use]
pub fn to_value(r: &SendRcsMessageRequest) -> Value {
    Obj::default()
        .str(
            "DestinationPhoneNumber",
            r.destination_phone_number.as_ref(),
        )
        .str("OriginationIdentity", r.origination_identity.as_ref())
        .put(
            "RcsMessageContent",
            r.rcs_message_content.as_ref().map(message_content),
        )
        .put("TimeToLive", r.time_to_live.map(Value::from))
        .str("MessageTrafficType", r.message_traffic_type.as_ref())
        .put(
            "FallbackConfiguration",
            r.fallback_configuration.as_ref().map(fallback),
        )
        .str(
            "ProtectConfigurationId",
            r.protect_configuration_id.as_ref(),
        )
        .str("ConfigurationSetName", r.configuration_set_name.as_ref())
        .str("MaxPrice", r.max_price.as_ref())
        .put("DryRun", r.dry_run.map(Value::Bool))
        .put(
            "Context",
            r.context.as_ref().map(|pairs| {
                Value::Object(
                    pairs
                        .iter()
                        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                        .collect(),
                )
            }),
        )
        .put(
            "MessageFeedbackEnabled",
            r.message_feedback_enabled.map(Value::Bool),
        )
        .done()
}

fn message_content(c: &RcsMessageContent) -> Value {
    Obj::default()
        .put("Content", c.content.as_ref().map(content))
        .put("Suggestions", list(c.suggestions.as_ref(), suggestion))
        .done()
}

fn content(c: &Content) -> Value {
    Obj::default()
        .put(
            "TextMessage",
            c.text_message
                .as_ref()
                .map(|t| Obj::default().str("Body", t.body.as_ref()).done()),
        )
        .put(
            "FileMessage",
            c.file_message.as_ref().map(|f| {
                Obj::default()
                    .str("FileUrl", f.file_url.as_ref())
                    .str("ThumbnailUrl", f.thumbnail_url.as_ref())
                    .done()
            }),
        )
        .put(
            "RichCard",
            c.rich_card.as_ref().map(|r| {
                Obj::default()
                    .str("CardOrientation", r.card_orientation.as_ref())
                    .str(
                        "ThumbnailImageAlignment",
                        r.thumbnail_image_alignment.as_ref(),
                    )
                    .put("CardContent", r.card_content.as_ref().map(card))
                    .done()
            }),
        )
        .put(
            "Carousel",
            c.carousel.as_ref().map(|c| {
                Obj::default()
                    .str("CardWidth", c.card_width.as_ref())
                    .put("CardContents", list(c.card_contents.as_ref(), card))
                    .done()
            }),
        )
        .done()
}

fn card(c: &CardContent) -> Value {
    Obj::default()
        .str("Title", c.title.as_ref())
        .str("Description", c.description.as_ref())
        .put("Media", c.media.as_ref().map(media))
        .put("Suggestions", list(c.suggestions.as_ref(), suggestion))
        .done()
}

fn media(m: &Media) -> Value {
    Obj::default()
        .str("FileUrl", m.file_url.as_ref())
        .str("ThumbnailUrl", m.thumbnail_url.as_ref())
        .str("Height", m.height.as_ref())
        .done()
}

fn base(b: &ActionBase) -> Obj {
    Obj::default()
        .str("Text", b.text.as_ref())
        .str("PostbackData", b.postback_data.as_ref())
}

fn float(value: Option<f64>) -> Option<Value> {
    value
        .and_then(serde_json::Number::from_f64)
        .map(Value::Number)
}

fn suggestion(s: &Suggestion) -> Value {
    Obj::default()
        .put("Reply", s.reply.as_ref().map(|a| base(&a.base).done()))
        .put(
            "OpenUrl",
            s.open_url.as_ref().map(|a| {
                base(&a.base)
                    .str("Url", a.url.as_ref())
                    .str("Application", a.application.as_ref())
                    .str("WebviewViewMode", a.webview_view_mode.as_ref())
                    .done()
            }),
        )
        .put(
            "DialPhone",
            s.dial_phone.as_ref().map(|a| {
                base(&a.base)
                    .str("PhoneNumber", a.phone_number.as_ref())
                    .done()
            }),
        )
        .put(
            "ShowLocation",
            s.show_location.as_ref().map(|a| {
                base(&a.base)
                    .put("Latitude", float(a.latitude))
                    .put("Longitude", float(a.longitude))
                    .str("Label", a.label.as_ref())
                    .done()
            }),
        )
        .put(
            "RequestLocation",
            s.request_location.as_ref().map(|a| base(&a.base).done()),
        )
        .put(
            "CreateCalendarEvent",
            s.create_calendar_event.as_ref().map(|a| {
                base(&a.base)
                    .str("Title", a.title.as_ref())
                    .put(
                        "StartTime",
                        a.start_time.map(|t| Value::String(t.to_string())),
                    )
                    .put("EndTime", a.end_time.map(|t| Value::String(t.to_string())))
                    .str("Description", a.description.as_ref())
                    .done()
            }),
        )
        .done()
}

fn fallback(f: &FallbackConfiguration) -> Value {
    Obj::default()
        .str("Channel", f.channel.as_ref())
        .str("MessageBody", f.message_body.as_ref())
        .put(
            "MediaUrls",
            list(f.media_urls.as_ref(), |u| Value::String(u.clone())),
        )
        .str("OriginationIdentity", f.origination_identity.as_ref())
        .done()
}

/// The length in bytes of `value` as compact JSON (`serde_json::to_string`), counted without
/// making the string.
#[must_use]
pub fn json_len(value: &Value) -> usize {
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0 += bytes.len();
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut count = Count(0);
    // Writing a `Value` to a writer that cannot fail does not fail.
    serde_json::to_writer(&mut count, value).map_or(0, |()| count.0)
}

/// One carousel card's length as compact JSON.
#[must_use]
pub fn card_json_len(c: &CardContent) -> usize {
    json_len(&card(c))
}

/// The request's length as compact JSON, with the length of the rest (the request without its
/// carousel's cards) from `rest_len` and each card's from `card_len`: either may remember what
/// it has seen, as a keystroke changes one card of ten or only the rest.
#[must_use]
pub fn request_json_len(
    r: &SendRcsMessageRequest,
    rest_len: impl FnOnce(SendRcsMessageRequest) -> usize,
    card_len: impl FnMut(&CardContent) -> usize,
) -> usize {
    let cards = r
        .content()
        .and_then(|c| c.carousel.as_ref())
        .and_then(|c| c.card_contents.as_deref())
        .unwrap_or_default();
    if cards.is_empty() {
        return json_len(&to_value(r));
    }
    // The rest has `"CardContents":[]`; the cards go between the brackets, with a comma
    // between two.
    rest_len(without_cards(r)) + cards.iter().map(card_len).sum::<usize>() + cards.len() - 1
}

/// The length of `r` as compact JSON, measured afresh (`request_json_len`'s plain `rest_len`).
#[must_use]
pub fn rest_json_len(r: &SendRcsMessageRequest) -> usize {
    json_len(&to_value(r))
}

/// `r` with an empty card list in its carousel, copied without copying the cards' texts.
fn without_cards(r: &SendRcsMessageRequest) -> SendRcsMessageRequest {
    let message = r.rcs_message_content.as_ref().map(|m| RcsMessageContent {
        content: m.content.as_ref().map(|c| Content {
            text_message: c.text_message.clone(),
            file_message: c.file_message.clone(),
            rich_card: c.rich_card.clone(),
            carousel: c.carousel.as_ref().map(|k| Carousel {
                card_width: k.card_width.clone(),
                card_contents: k.card_contents.as_ref().map(|_| Vec::new()),
            }),
        }),
        suggestions: m.suggestions.clone(),
    });
    // Every member named, so that a new one cannot be left out of the count.
    SendRcsMessageRequest {
        destination_phone_number: r.destination_phone_number.clone(),
        origination_identity: r.origination_identity.clone(),
        rcs_message_content: message,
        time_to_live: r.time_to_live,
        message_traffic_type: r.message_traffic_type.clone(),
        fallback_configuration: r.fallback_configuration.clone(),
        protect_configuration_id: r.protect_configuration_id.clone(),
        configuration_set_name: r.configuration_set_name.clone(),
        max_price: r.max_price.clone(),
        dry_run: r.dry_run,
        context: r.context.clone(),
        message_feedback_enabled: r.message_feedback_enabled,
    }
}

#[cfg(test)]
mod json_len_tests {
    use super::*;
    use crate::rcs::samples::largest_legal_message;

    #[test]
    fn the_counted_length_is_the_serialised_length() {
        let mut requests = vec![largest_legal_message(), SendRcsMessageRequest::default()];
        for example in [
            include_str!("../../../assets/examples/carousel-coffee-menu.json"),
            include_str!("../../../assets/examples/rich-card-winter-sale-personal.json"),
        ] {
            requests.push(
                crate::rcs::codec::from_value(&serde_json::from_str(example).unwrap()).request,
            );
        }
        // Escapes and characters of several bytes count as serialised.
        let mut odd = largest_legal_message();
        if let Some(card) = odd
            .rcs_message_content
            .as_mut()
            .and_then(|m| m.content.as_mut())
            .and_then(|c| c.carousel.as_mut())
            .and_then(|c| c.card_contents.as_mut())
            .and_then(|c| c.get_mut(3))
        {
            card.title = Some("\"quoted\" \\ \u{1} 🧥 é".to_owned());
        }
        requests.push(odd);
        for r in &requests {
            let expected = serde_json::to_string(&to_value(r)).unwrap().len();
            assert_eq!(json_len(&to_value(r)), expected);
            assert_eq!(
                request_json_len(r, |rest| rest_json_len(&rest), card_json_len),
                expected
            );
        }
    }
}
