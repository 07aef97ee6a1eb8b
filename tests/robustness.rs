//! No input makes the loader or the validator panic (proptest).

use proptest::prelude::*;
use rcs_composer::rcs::codec;
use rcs_composer::rcs::validate::Mode;
use serde_json::{Map, Value};

/// Member names that matter, so generated documents reach deep into the model.
const NAMES: &[&str] = &[
    "RcsMessageContent",
    "Content",
    "TextMessage",
    "Body",
    "FileMessage",
    "FileUrl",
    "ThumbnailUrl",
    "RichCard",
    "CardOrientation",
    "ThumbnailImageAlignment",
    "CardContent",
    "Title",
    "Description",
    "Media",
    "Height",
    "Suggestions",
    "Carousel",
    "CardWidth",
    "CardContents",
    "Reply",
    "Text",
    "PostbackData",
    "OpenUrl",
    "Url",
    "Application",
    "WebviewViewMode",
    "DialPhone",
    "PhoneNumber",
    "ShowLocation",
    "Latitude",
    "Longitude",
    "Label",
    "RequestLocation",
    "CreateCalendarEvent",
    "StartTime",
    "EndTime",
    "TimeToLive",
    "MessageTrafficType",
    "FallbackConfiguration",
    "Channel",
    "MessageBody",
    "MediaUrls",
    "OriginationIdentity",
    "DestinationPhoneNumber",
    "MaxPrice",
    "Context",
    "DryRun",
    "MessageFeedbackEnabled",
    "ConfigurationSetName",
    "ProtectConfigurationId",
    "Titel",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".*".prop_map(Value::String),
        prop::sample::select(vec![
            "VERTICAL",
            "TALL",
            "SMS",
            "MMS",
            "WEBVIEW",
            "2026-12-01T10:00:00Z",
            "s3://b/k",
            "https://x"
        ])
        .prop_map(|s| Value::String(s.to_owned())),
    ]
}

fn document() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(6, 256, 12, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..12).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![prop::sample::select(NAMES).prop_map(str::to_owned), ".*"],
                    inner
                ),
                0..8
            )
            .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_json_never_panics(doc in document()) {
        for mode in [Mode::Template, Mode::Send] {
            let checked = codec::check(&doc.to_string(), mode);
            let request = checked.request.unwrap();
            // What was read writes back and reads again without new structural issues.
            let again = codec::parse(&codec::to_pretty_json(&request)).unwrap();
            prop_assert!(again.issues.is_empty(), "{:?}", again.issues);
            prop_assert_eq!(again.request, request);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".*") {
        let _ = codec::check(&text, Mode::Send);
    }

    #[test]
    fn arbitrary_bytes_as_lossy_text_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = codec::check(&String::from_utf8_lossy(&bytes), Mode::Template);
    }
}
