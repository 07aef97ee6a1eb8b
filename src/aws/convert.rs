//! The core model → the SDK's input types, member for member: nothing dropped, nothing added.
//! The validator runs first; a missing required member here is still reported, not unwrapped.

use std::collections::HashMap;

use aws_sdk_pinpointsmsvoicev2::operation::send_rcs_message::builders::SendRcsMessageFluentBuilder;
use aws_sdk_pinpointsmsvoicev2::types as sdk;
use aws_smithy_types::DateTime;

use super::errors::{Failure, FailureKind};
use crate::rcs::model::{
    CardContent, Content, FallbackConfiguration, RcsMessageContent, SendRcsMessageRequest,
    Suggestion,
};
use crate::rcs::timestamp::Timestamp;

type Result<T> = std::result::Result<T, Failure>;

fn built<T>(
    what: &str,
    r: std::result::Result<T, aws_smithy_types::error::operation::BuildError>,
) -> Result<T> {
    r.map_err(|e| Failure::new(FailureKind::Invalid, format!("{what}: {e}")))
}

fn time(t: Option<Timestamp>) -> Option<DateTime> {
    t.map(|t| DateTime::from_secs_and_nanos(t.secs(), t.nanos()))
}

/// Fills the fluent builder of `SendRcsMessage` from a request.
///
/// # Errors
/// When a member the SDK requires is missing (the validator reports these first).
pub fn send_input(
    b: SendRcsMessageFluentBuilder,
    r: &SendRcsMessageRequest,
) -> Result<SendRcsMessageFluentBuilder> {
    let ttl = r
        .time_to_live
        .map(|t| {
            i32::try_from(t).map_err(|_| {
                Failure::new(
                    FailureKind::Invalid,
                    format!("TimeToLive {t} is out of range"),
                )
            })
        })
        .transpose()?;
    Ok(
        b.set_destination_phone_number(r.destination_phone_number.clone())
            .set_origination_identity(r.origination_identity.clone())
            .set_rcs_message_content(
                r.rcs_message_content
                    .as_ref()
                    .map(message_content)
                    .transpose()?,
            )
            .set_time_to_live(ttl)
            .set_message_traffic_type(r.message_traffic_type.clone())
            .set_fallback_configuration(
                r.fallback_configuration
                    .as_ref()
                    .map(fallback)
                    .transpose()?,
            )
            .set_protect_configuration_id(r.protect_configuration_id.clone())
            .set_configuration_set_name(r.configuration_set_name.clone())
            .set_max_price(r.max_price.clone())
            .set_dry_run(r.dry_run)
            .set_context(
                r.context
                    .as_ref()
                    .map(|pairs| pairs.iter().cloned().collect::<HashMap<_, _>>()),
            )
            .set_message_feedback_enabled(r.message_feedback_enabled),
    )
}

fn message_content(c: &RcsMessageContent) -> Result<sdk::RcsMessageContent> {
    Ok(sdk::RcsMessageContent::builder()
        .set_content(c.content.as_ref().map(content).transpose()?)
        .set_suggestions(c.suggestions.as_deref().map(suggestions).transpose()?)
        .build())
}

fn suggestions(list: &[Suggestion]) -> Result<Vec<sdk::RcsSuggestedAction>> {
    list.iter().map(suggestion).collect()
}

fn content(c: &Content) -> Result<sdk::RcsContent> {
    if let Some(t) = &c.text_message {
        return Ok(sdk::RcsContent::TextMessage(built(
            "TextMessage",
            sdk::RcsTextMessage::builder()
                .set_body(t.body.clone())
                .build(),
        )?));
    }
    if let Some(f) = &c.file_message {
        return Ok(sdk::RcsContent::FileMessage(built(
            "FileMessage",
            sdk::RcsFileMessage::builder()
                .set_file_url(f.file_url.clone())
                .set_thumbnail_url(f.thumbnail_url.clone())
                .build(),
        )?));
    }
    if let Some(r) = &c.rich_card {
        let card = r.card_content.as_ref().map(card_content).transpose()?;
        return Ok(sdk::RcsContent::RichCard(built(
            "RichCard",
            sdk::RcsStandaloneCard::builder()
                .set_card_orientation(r.card_orientation.clone())
                .set_thumbnail_image_alignment(r.thumbnail_image_alignment.clone())
                .set_card_content(card)
                .build(),
        )?));
    }
    if let Some(c) = &c.carousel {
        let cards = c
            .card_contents
            .as_deref()
            .unwrap_or_default()
            .iter()
            .map(carousel_card)
            .collect::<Result<Vec<_>>>()?;
        return Ok(sdk::RcsContent::Carousel(built(
            "Carousel",
            sdk::RcsCarousel::builder()
                .set_card_width(c.card_width.clone())
                .set_card_contents(c.card_contents.as_ref().map(|_| cards))
                .build(),
        )?));
    }
    Err(Failure::new(
        FailureKind::Invalid,
        "The content has no kind.".into(),
    ))
}

/// A card for the SDK: the standalone and carousel card types have the same members but are
/// distinct types, so one macro builds both.
macro_rules! card {
    ($card:ty, $media:ty, $c:expr) => {{
        let c: &CardContent = $c;
        let media = c
            .media
            .as_ref()
            .map(|m| {
                built(
                    "Media",
                    <$media>::builder()
                        .set_file_url(m.file_url.clone())
                        .set_thumbnail_url(m.thumbnail_url.clone())
                        .set_height(m.height.clone())
                        .build(),
                )
            })
            .transpose()?;
        Ok(<$card>::builder()
            .set_title(c.title.clone())
            .set_description(c.description.clone())
            .set_media(media)
            .set_suggestions(c.suggestions.as_deref().map(suggestions).transpose()?)
            .build())
    }};
}

fn card_content(c: &CardContent) -> Result<sdk::RcsCardContent> {
    card!(sdk::RcsCardContent, sdk::RcsCardMedia, c)
}

fn carousel_card(c: &CardContent) -> Result<sdk::RcsCarouselCardContent> {
    card!(sdk::RcsCarouselCardContent, sdk::RcsCarouselCardMedia, c)
}

fn suggestion(s: &Suggestion) -> Result<sdk::RcsSuggestedAction> {
    if let Some(a) = &s.reply {
        return Ok(sdk::RcsSuggestedAction::Reply(built(
            "Reply",
            sdk::RcsReplyAction::builder()
                .set_text(a.base.text.clone())
                .set_postback_data(a.base.postback_data.clone())
                .build(),
        )?));
    }
    if let Some(a) = &s.open_url {
        return Ok(sdk::RcsSuggestedAction::OpenUrl(built(
            "OpenUrl",
            sdk::RcsOpenUrlAction::builder()
                .set_text(a.base.text.clone())
                .set_postback_data(a.base.postback_data.clone())
                .set_url(a.url.clone())
                .set_application(a.application.clone())
                .set_webview_view_mode(a.webview_view_mode.clone())
                .build(),
        )?));
    }
    if let Some(a) = &s.dial_phone {
        return Ok(sdk::RcsSuggestedAction::DialPhone(built(
            "DialPhone",
            sdk::RcsDialPhoneAction::builder()
                .set_text(a.base.text.clone())
                .set_postback_data(a.base.postback_data.clone())
                .set_phone_number(a.phone_number.clone())
                .build(),
        )?));
    }
    if let Some(a) = &s.show_location {
        return Ok(sdk::RcsSuggestedAction::ShowLocation(built(
            "ShowLocation",
            sdk::RcsShowLocationAction::builder()
                .set_text(a.base.text.clone())
                .set_postback_data(a.base.postback_data.clone())
                .set_latitude(a.latitude)
                .set_longitude(a.longitude)
                .set_label(a.label.clone())
                .build(),
        )?));
    }
    if let Some(a) = &s.request_location {
        return Ok(sdk::RcsSuggestedAction::RequestLocation(built(
            "RequestLocation",
            sdk::RcsRequestLocationAction::builder()
                .set_text(a.base.text.clone())
                .set_postback_data(a.base.postback_data.clone())
                .build(),
        )?));
    }
    if let Some(a) = &s.create_calendar_event {
        return Ok(sdk::RcsSuggestedAction::CreateCalendarEvent(built(
            "CreateCalendarEvent",
            sdk::RcsCreateCalendarEventAction::builder()
                .set_text(a.base.text.clone())
                .set_postback_data(a.base.postback_data.clone())
                .set_title(a.title.clone())
                .set_start_time(time(a.start_time))
                .set_end_time(time(a.end_time))
                .set_description(a.description.clone())
                .build(),
        )?));
    }
    Err(Failure::new(
        FailureKind::Invalid,
        "A suggestion has no action.".into(),
    ))
}

fn fallback(f: &FallbackConfiguration) -> Result<sdk::RcsFallbackConfiguration> {
    built(
        "FallbackConfiguration",
        sdk::RcsFallbackConfiguration::builder()
            .set_channel(f.channel.as_deref().map(sdk::RcsFallbackChannel::from))
            .set_message_body(f.message_body.clone())
            .set_media_urls(f.media_urls.clone())
            .set_origination_identity(f.origination_identity.clone())
            .build(),
    )
}
