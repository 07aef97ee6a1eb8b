//! Ready-made requests: the largest legal message (benchmarks, preview stress tests) and the
//! starting content of a new draft of each kind.

use crate::rcs::limits::Field;
use crate::rcs::model::{
    ActionBase, ActionKind, CardContent, Carousel, Content, CreateCalendarEvent, DialPhone,
    FallbackConfiguration, Media, OpenUrl, RcsMessageContent, Reply, RequestLocation,
    SendRcsMessageRequest, ShowLocation, Suggestion,
};
use crate::rcs::timestamp::Timestamp;

fn max(field: Field) -> usize {
    field.rule().max_len().unwrap_or(1)
}

/// A string of exactly the field's maximum length, starting with `prefix`.
fn full(field: Field, prefix: &str) -> String {
    let n = max(field);
    let mut s: String = prefix.chars().take(n).collect();
    let fill = n - s.chars().count();
    s.extend(std::iter::repeat_n('x', fill));
    s
}

fn base(kind: ActionKind) -> ActionBase {
    ActionBase {
        text: Some(full(Field::ActionText, kind.label())),
        postback_data: Some(full(Field::ActionPostbackData, "postback ")),
    }
}

/// One suggestion of the given kind with every text member at its limit.
#[must_use]
pub fn full_suggestion(kind: ActionKind) -> Suggestion {
    let base = base(kind);
    let mut s = Suggestion::default();
    match kind {
        ActionKind::Reply => s.reply = Some(Reply { base }),
        ActionKind::OpenUrl => {
            s.open_url = Some(OpenUrl {
                base,
                url: Some(full(Field::OpenUrlUrl, "https://example.com/")),
                application: Some("WEBVIEW".into()),
                webview_view_mode: Some("FULL".into()),
            });
        }
        ActionKind::DialPhone => {
            s.dial_phone = Some(DialPhone {
                base,
                phone_number: Some("+1234567890123456789".into()),
            });
        }
        ActionKind::ShowLocation => {
            s.show_location = Some(ShowLocation {
                base,
                latitude: Some(-89.999_999),
                longitude: Some(179.999_999),
                label: Some(full(Field::LocationLabel, "Store ")),
            });
        }
        ActionKind::RequestLocation => s.request_location = Some(RequestLocation { base }),
        ActionKind::CreateCalendarEvent => {
            s.create_calendar_event = Some(CreateCalendarEvent {
                base,
                title: Some(full(Field::CalendarTitle, "Event ")),
                start_time: Timestamp::from_secs_nanos(1_796_119_200, 0),
                end_time: Timestamp::from_secs_nanos(1_796_122_800, 0),
                description: Some(full(Field::CalendarDescription, "About ")),
            });
        }
    }
    s
}

fn full_card(index: usize) -> CardContent {
    CardContent {
        title: Some(full(Field::CardTitle, &format!("Card {index} "))),
        description: Some(full(Field::CardDescription, "Description ")),
        media: Some(Media {
            file_url: Some(full(Field::MediaFileUrl, "s3://bucket/media/")),
            thumbnail_url: Some(full(Field::MediaThumbnailUrl, "s3://bucket/thumbs/")),
            height: Some("MEDIUM".into()),
        }),
        suggestions: Some(
            (0..4)
                .map(|i| full_suggestion(ActionKind::ALL[(index + i) % ActionKind::ALL.len()]))
                .collect(),
        ),
    }
}

/// The largest message the service accepts: a 10-card carousel, 4 suggestions per card,
/// 11 message-level chips, every text at its limit, every optional member set.
#[must_use]
pub fn largest_legal_message() -> SendRcsMessageRequest {
    SendRcsMessageRequest {
        destination_phone_number: Some("+1234567890123456789".into()),
        origination_identity: Some(full(
            Field::OriginationIdentity,
            "arn:aws:sms-voice:us-east-1:111122223333:rcs-agent/",
        )),
        rcs_message_content: Some(RcsMessageContent {
            content: Some(Content {
                carousel: Some(Carousel {
                    card_width: Some("MEDIUM".into()),
                    card_contents: Some((0..10).map(full_card).collect()),
                }),
                ..Content::default()
            }),
            suggestions: Some(
                (0..11)
                    .map(|i| full_suggestion(ActionKind::ALL[i % ActionKind::ALL.len()]))
                    .collect(),
            ),
        }),
        time_to_live: Some(172_800),
        message_traffic_type: Some("PROMOTION".into()),
        fallback_configuration: Some(FallbackConfiguration {
            channel: Some("MMS".into()),
            message_body: Some(full(Field::FallbackMessageBody, "Fallback ")),
            media_urls: Some(vec!["s3://my-bucket/fallback.jpg".into()]),
            origination_identity: Some("+14255550100".into()),
        }),
        protect_configuration_id: Some(full(Field::ProtectConfigurationId, "protect-")),
        configuration_set_name: Some(full(Field::ConfigurationSetName, "set-")),
        max_price: Some("10.12345".into()),
        dry_run: Some(true),
        context: Some(
            (0..5)
                .map(|i| {
                    (
                        full(Field::ContextKey, &format!("key{i}")),
                        full(Field::ContextValue, "value"),
                    )
                })
                .collect(),
        ),
        message_feedback_enabled: Some(true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rcs::validate::{Mode, validate};

    #[test]
    fn the_largest_legal_message_is_legal_and_at_every_limit() {
        let request = largest_legal_message();
        assert_eq!(validate(&request, Mode::Send), vec![]);
        let card = &request
            .rcs_message_content
            .as_ref()
            .unwrap()
            .content
            .as_ref()
            .unwrap()
            .carousel
            .as_ref()
            .unwrap()
            .card_contents
            .as_ref()
            .unwrap()[0];
        assert_eq!(card.title.as_ref().unwrap().chars().count(), 200);
        assert_eq!(card.description.as_ref().unwrap().chars().count(), 2000);
    }
}
