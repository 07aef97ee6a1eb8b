use serde_json::Value;

use super::label;
use crate::rcs::codec;
use crate::rcs::model::{
    CardContent, Content, FileMessage, RichCard, SendRcsMessageRequest, TextMessage,
};
use crate::rcs::samples::largest_legal_message;
use crate::rcs::validate::{Mode, validate};

#[test]
fn paths_read_as_the_editor_names_them() {
    let cases = [
        (
            "RcsMessageContent.Content.RichCard.CardContent.Suggestions[0].Reply.Text",
            "Card › Button 1 › Text",
        ),
        (
            "RcsMessageContent.Content.Carousel.CardContents[2].Title",
            "Card 3 › Card title",
        ),
        (
            "RcsMessageContent.Content.Carousel.CardContents[9].Suggestions[3].OpenUrl.Url",
            "Card 10 › Button 4 › URL",
        ),
        (
            "RcsMessageContent.Content.Carousel.CardContents[0].Media.Height",
            "Card 1 › Media height",
        ),
        (
            "RcsMessageContent.Suggestions[10].DialPhone.PhoneNumber",
            "Chip 11 › Phone number",
        ),
        ("RcsMessageContent.Suggestions", "Message suggestions"),
        ("RcsMessageContent.Suggestions[1]", "Chip 2"),
        (
            "RcsMessageContent.Suggestions[1].ShowLocation",
            "Chip 2 › Show location",
        ),
        (
            "RcsMessageContent.Content.TextMessage.Body",
            "Text message body",
        ),
        ("RcsMessageContent.Content.FileMessage.FileUrl", "Media URL"),
        ("RcsMessageContent.Content", "Content"),
        (
            "RcsMessageContent.Content.Carousel.CardContents",
            "Carousel cards",
        ),
        ("FallbackConfiguration.MediaUrls[0]", "Fallback media URL 1"),
        ("FallbackConfiguration", "Fallback"),
        ("Context.campaign.id", "Context › campaign.id"),
        ("DestinationPhoneNumber", "Destination phone number"),
    ];
    for (path, expected) in cases {
        assert_eq!(label(path).as_deref(), Some(expected), "{path}");
    }
}

#[test]
fn members_the_request_does_not_have_are_not_named() {
    for path in [
        "",
        "RcsMessageContent.Content.RichCard.CardContent.Titel",
        "RcsMessageContent.Suggestions[0].Reply.Url",
        "RcsMessageContent.Content.FileMessage.Height",
        "RcsMessageContent.Content[0]",
        "TimeToLive.Seconds",
        "Suggestions[x]",
    ] {
        assert_eq!(label(path), None, "{path}");
    }
}

/// A label in plain words: no member name, dot or bracket of the AWS notation.
fn assert_plain(path: &str) {
    let Some(text) = label(path) else {
        panic!("{path} has no label");
    };
    let words = text
        .strip_prefix("Context › ")
        .map_or(text.as_str(), |_| "Context");
    for word in words.split([' ', '›']).filter(|w| !w.is_empty()) {
        // A member name has a lower-case letter followed by a capital: CardContents, MediaUrls.
        let chars: Vec<char> = word.chars().collect();
        let camel = chars
            .windows(2)
            .any(|w| w[0].is_lowercase() && w[1].is_uppercase());
        assert!(
            !camel && !word.contains(['.', '[', ']']),
            "{path} reads {text:?}"
        );
    }
}

/// Every path of a JSON document: objects' members, arrays' items.
fn paths(value: &Value, at: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let path = crate::rcs::path::join(at, key);
                paths(v, &path, out);
                out.push(path);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let path = format!("{at}[{i}]");
                paths(v, &path, out);
                out.push(path);
            }
        }
        _ => {}
    }
}

/// The largest legal message in each content kind: every member the request can have.
fn maximal_messages() -> Vec<SendRcsMessageRequest> {
    let carousel = largest_legal_message();
    let card: CardContent = carousel
        .content()
        .and_then(|c| c.carousel.as_ref())
        .and_then(|c| c.card_contents.as_ref())
        .and_then(|cards| cards.first().cloned())
        .unwrap_or_default();
    let with = |content: Content| {
        let mut r = carousel.clone();
        *r.content_mut() = content;
        r
    };
    vec![
        with(Content {
            rich_card: Some(RichCard {
                card_orientation: Some("HORIZONTAL".into()),
                thumbnail_image_alignment: Some("LEFT".into()),
                card_content: Some(card),
            }),
            ..Content::default()
        }),
        with(Content {
            text_message: Some(TextMessage {
                body: Some("Hello".into()),
            }),
            ..Content::default()
        }),
        with(Content {
            file_message: Some(FileMessage {
                file_url: Some("s3://bucket/menu.pdf".into()),
                thumbnail_url: Some("s3://bucket/menu.png".into()),
            }),
            ..Content::default()
        }),
        carousel,
    ]
}

#[test]
fn every_member_of_a_maximal_message_has_a_plain_label() {
    let mut all = Vec::new();
    for message in maximal_messages() {
        paths(&codec::to_value(&message), "", &mut all);
    }
    // Each kind of content, all six actions, the fallback, Context: hundreds of paths.
    assert!(all.len() > 500, "{}", all.len());
    for required in [
        "RcsMessageContent.Content.RichCard.ThumbnailImageAlignment",
        "RcsMessageContent.Content.FileMessage.ThumbnailUrl",
        "RcsMessageContent.Suggestions[5].CreateCalendarEvent.EndTime",
        "FallbackConfiguration.MediaUrls[0]",
        "MessageFeedbackEnabled",
    ] {
        assert!(all.iter().any(|p| p == required), "{required}");
    }
    for path in &all {
        assert_plain(path);
    }
}

#[test]
fn every_path_the_validator_reports_has_a_plain_label() {
    // Every required member missing, every list too long or too short, every value wrong.
    let broken = [
        "{}",
        r#"{"RcsMessageContent": {}}"#,
        r#"{"RcsMessageContent": {"Content": {}, "Suggestions": [{}, {"Reply": {}, "OpenUrl": {}},
            {"OpenUrl": {"Url": "https://", "Application": "APP", "WebviewViewMode": "X"}},
            {"DialPhone": {}}, {"ShowLocation": {"Latitude": 91, "Longitude": 181, "Label": ""}},
            {"RequestLocation": {}}, {"CreateCalendarEvent": {"Title": "", "Description": "",
            "StartTime": "2026-12-01T11:00:00Z", "EndTime": "2026-12-01T10:00:00Z"}},
            {}, {}, {}, {}, {}]}}"#,
        r#"{"RcsMessageContent": {"Content": {"TextMessage": {}, "FileMessage": {},
            "RichCard": {"CardOrientation": "VERTICAL", "ThumbnailImageAlignment": "UP"},
            "Carousel": {}}}}"#,
        r#"{"RcsMessageContent": {"Content": {"FileMessage": {"FileUrl": "s3://", "ThumbnailUrl": "x"}}}}"#,
        r#"{"RcsMessageContent": {"Content": {"RichCard": {"CardContent": {"Title": "", "Description": "",
            "Media": {"FileUrl": "", "Height": "HUGE"}, "Suggestions": [{}, {}, {}, {}, {}]}}}}}"#,
        r#"{"RcsMessageContent": {"Content": {"Carousel": {"CardWidth": "WIDE", "CardContents": [
            {"Media": {"FileUrl": "s3://b/k", "Height": "TALL"}}]}}}}"#,
        r#"{"RcsMessageContent": {"Content": {"Carousel": {"CardContents": [{}, {}, {}, {}, {}, {},
            {}, {}, {}, {}, {"Suggestions": [{"Reply": {"Text": "", "PostbackData": ""}}]}]}}}}"#,
        r#"{"RcsMessageContent": {"Content": {"TextMessage": {"Body": " "}}},
            "DestinationPhoneNumber": "0", "OriginationIdentity": "a b", "TimeToLive": 0,
            "MessageTrafficType": "SPAM", "ProtectConfigurationId": "a b",
            "ConfigurationSetName": "a b", "MaxPrice": "1", "Context": {"a b": " ", "k": ""},
            "FallbackConfiguration": {"Channel": "SMS", "MediaUrls": ["x"], "OriginationIdentity": "pool-1"}}"#,
        r#"{"RcsMessageContent": {"Content": {"TextMessage": {"Body": "x"}}},
            "Context": {"a": "1", "b": "2", "c": "3", "d": "4", "e": "5", "f": "6"},
            "FallbackConfiguration": {"Channel": "MMS", "MessageBody": "", "MediaUrls": ["s3://b", "s3://bucket/k"]}}"#,
        r#"{"RcsMessageContent": {"Content": {"TextMessage": {"Body": "x"}}},
            "FallbackConfiguration": {"MediaUrls": []}}"#,
    ];
    let mut reported = 0;
    for text in broken {
        let checked = codec::check(text, Mode::Send);
        assert!(
            checked
                .issues
                .iter()
                .all(|i| i.code != crate::rcs::Code::InvalidJson),
            "{text}"
        );
        for issue in checked.issues.iter().filter(|i| !i.path.is_empty()) {
            assert_plain(&issue.path);
            reported += 1;
        }
    }
    assert!(reported > 60, "{reported}");
    // And the maximal messages themselves, made invalid member by member: every text empty.
    for mut message in maximal_messages() {
        crate::rcs::walk::texts_mut(&mut message, &mut |_, _, text| text.clear());
        let issues = validate(&message, Mode::Send);
        assert!(issues.len() > 20, "{}", issues.len());
        for issue in issues {
            assert_plain(&issue.path);
        }
    }
}
