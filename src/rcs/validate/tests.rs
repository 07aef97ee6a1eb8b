//! Every rule at its boundary: the limit and one past it, with multi-byte text.
#![expect(
    clippy::needless_pass_by_value,
    reason = "JSON builders read best taking values"
)]

use serde_json::{Value, json};

use crate::rcs::codec;
use crate::rcs::issue::{Code, Issue, Severity};
use crate::rcs::validate::Mode;

fn check(doc: &Value) -> Vec<Issue> {
    codec::check(&doc.to_string(), Mode::Template).issues
}

fn errors(doc: &Value) -> Vec<(String, Code)> {
    check(doc)
        .into_iter()
        .filter(|i| i.severity == Severity::Error)
        .map(|i| (i.path, i.code))
        .collect()
}

fn warnings(doc: &Value) -> Vec<(String, Code)> {
    check(doc)
        .into_iter()
        .filter(|i| i.severity == Severity::Warning)
        .map(|i| (i.path, i.code))
        .collect()
}

fn text(body: &str) -> Value {
    json!({"RcsMessageContent": {"Content": {"TextMessage": {"Body": body}}}})
}

fn with_chips(chips: Value) -> Value {
    json!({"RcsMessageContent": {"Content": {"TextMessage": {"Body": "hi"}}, "Suggestions": chips}})
}

fn reply(text: &str) -> Value {
    json!({"Reply": {"Text": text, "PostbackData": "p"}})
}

fn rich(card: Value) -> Value {
    json!({"RcsMessageContent": {"Content": {"RichCard": {"CardOrientation": "VERTICAL", "CardContent": card}}}})
}

fn carousel(cards: Vec<Value>) -> Value {
    json!({"RcsMessageContent": {"Content": {"Carousel": {"CardWidth": "MEDIUM", "CardContents": cards}}}})
}

fn at(path: &str, code: Code) -> Vec<(String, Code)> {
    vec![(path.to_owned(), code)]
}

const BODY: &str = "RcsMessageContent.Content.TextMessage.Body";
const CHIP0: &str = "RcsMessageContent.Suggestions[0]";

#[test]
fn a_minimal_text_message_is_valid() {
    assert!(check(&text("Hello")).is_empty());
}

#[test]
fn body_length_counts_characters_not_bytes() {
    assert!(errors(&text(&"é".repeat(3072))).is_empty());
    assert_eq!(errors(&text(&"é".repeat(3073))), at(BODY, Code::TooLong));
    assert!(errors(&text(&"😀".repeat(3072))).is_empty());
    assert_eq!(errors(&text(&"😀".repeat(3073))), at(BODY, Code::TooLong));
    assert_eq!(errors(&text("")), at(BODY, Code::TooShort));
    assert_eq!(errors(&text(" \n\t")), at(BODY, Code::Blank));
}

#[test]
fn messages_name_the_limit_and_the_value() {
    let issues = check(&with_chips(json!([reply(&"x".repeat(31))])));
    assert_eq!(issues.len(), 1);
    assert_eq!(
        issues[0].message,
        "Reply text is 31 characters; the limit is 25."
    );
    assert_eq!(
        issues[0].path,
        "RcsMessageContent.Suggestions[0].Reply.Text"
    );
}

#[test]
fn action_text_and_postback_limits() {
    assert!(errors(&with_chips(json!([reply(&"ü".repeat(25))]))).is_empty());
    assert_eq!(
        errors(&with_chips(json!([reply(&"😀".repeat(26))]))),
        at("RcsMessageContent.Suggestions[0].Reply.Text", Code::TooLong)
    );
    let ok = json!([{"RequestLocation": {"Text": "Where?", "PostbackData": "é".repeat(2048)}}]);
    assert!(errors(&with_chips(ok)).is_empty());
    let long = json!([{"RequestLocation": {"Text": "Where?", "PostbackData": "é".repeat(2049)}}]);
    assert_eq!(
        errors(&with_chips(long)),
        at(
            "RcsMessageContent.Suggestions[0].RequestLocation.PostbackData",
            Code::TooLong
        )
    );
    let missing = json!([{"Reply": {"Text": "Yes"}}]);
    assert_eq!(
        errors(&with_chips(missing)),
        at(
            "RcsMessageContent.Suggestions[0].Reply.PostbackData",
            Code::MissingRequired
        )
    );
}

#[test]
fn message_suggestions_at_most_eleven() {
    let chips = |n: usize| Value::Array((0..n).map(|i| reply(&format!("R{i}"))).collect());
    assert!(errors(&with_chips(chips(11))).is_empty());
    assert_eq!(
        errors(&with_chips(chips(12))),
        at("RcsMessageContent.Suggestions", Code::TooMany)
    );
    assert!(errors(&with_chips(chips(0))).is_empty());
}

#[test]
fn each_suggestion_has_exactly_one_action() {
    assert_eq!(errors(&with_chips(json!([{}]))), at(CHIP0, Code::NoAction));
    let two = json!([{"Reply": {"Text": "a", "PostbackData": "b"}, "RequestLocation": {"Text": "a", "PostbackData": "b"}}]);
    assert_eq!(errors(&with_chips(two)), at(CHIP0, Code::MultipleActions));
}

#[test]
fn exactly_one_content_kind() {
    let none = json!({"RcsMessageContent": {"Content": {}}});
    assert_eq!(
        errors(&none),
        at("RcsMessageContent.Content", Code::NoContentKind)
    );
    let two = json!({"RcsMessageContent": {"Content": {
        "TextMessage": {"Body": "a"}, "FileMessage": {"FileUrl": "s3://b/k.png"}}}});
    assert_eq!(
        errors(&two),
        at("RcsMessageContent.Content", Code::MultipleContentKinds)
    );
    assert_eq!(
        errors(&json!({})),
        at("RcsMessageContent", Code::MissingRequired)
    );
    assert_eq!(
        errors(&json!({"RcsMessageContent": {}})),
        at("RcsMessageContent.Content", Code::MissingRequired)
    );
}

#[test]
fn file_message_urls() {
    let file = |url: &str| json!({"RcsMessageContent": {"Content": {"FileMessage": {"FileUrl": url, "ThumbnailUrl": "https://x/t.png"}}}});
    assert!(errors(&file("s3://bucket/key.pdf")).is_empty());
    assert!(errors(&file("https://example.com/a.mp4")).is_empty());
    let path = "RcsMessageContent.Content.FileMessage.FileUrl";
    assert_eq!(
        errors(&file("http://example.com/a.mp4")),
        at(path, Code::InvalidFormat)
    );
    assert_eq!(errors(&file("ftp://x")), at(path, Code::InvalidFormat));
    let long = format!("s3://b/{}", "é".repeat(1993));
    assert!(errors(&file(&long)).is_empty());
    let longer = format!("s3://b/{}", "é".repeat(1994));
    assert_eq!(errors(&file(&longer)), at(path, Code::TooLong));
    let missing = json!({"RcsMessageContent": {"Content": {"FileMessage": {}}}});
    assert_eq!(errors(&missing), at(path, Code::MissingRequired));
}

#[test]
fn rich_card_rules() {
    let card =
        json!({"RcsMessageContent": {"Content": {"RichCard": {"CardContent": {"Title": "t"}}}}});
    assert_eq!(
        errors(&card),
        at(
            "RcsMessageContent.Content.RichCard.CardOrientation",
            Code::MissingRequired
        )
    );
    let bad = json!({"RcsMessageContent": {"Content": {"RichCard": {"CardOrientation": "DIAGONAL", "ThumbnailImageAlignment": "MIDDLE", "CardContent": {}}}}});
    assert_eq!(
        errors(&bad),
        vec![
            (
                "RcsMessageContent.Content.RichCard.CardOrientation".to_owned(),
                Code::InvalidValue
            ),
            (
                "RcsMessageContent.Content.RichCard.ThumbnailImageAlignment".to_owned(),
                Code::InvalidValue
            ),
        ]
    );
    let no_content =
        json!({"RcsMessageContent": {"Content": {"RichCard": {"CardOrientation": "VERTICAL"}}}});
    assert_eq!(
        errors(&no_content),
        at(
            "RcsMessageContent.Content.RichCard.CardContent",
            Code::MissingRequired
        )
    );
}

#[test]
fn thumbnail_alignment_on_a_vertical_card_is_a_warning() {
    let doc = json!({"RcsMessageContent": {"Content": {"RichCard": {"CardOrientation": "VERTICAL", "ThumbnailImageAlignment": "LEFT", "CardContent": {"Title": "t"}}}}});
    assert!(errors(&doc).is_empty());
    assert_eq!(
        warnings(&doc),
        at(
            "RcsMessageContent.Content.RichCard.ThumbnailImageAlignment",
            Code::NotApplicable
        )
    );
    let horizontal = json!({"RcsMessageContent": {"Content": {"RichCard": {"CardOrientation": "HORIZONTAL", "ThumbnailImageAlignment": "RIGHT", "CardContent": {"Title": "t"}}}}});
    assert!(check(&horizontal).is_empty());
}

#[test]
fn title_and_description_limits_and_byte_warnings() {
    let title = "RcsMessageContent.Content.RichCard.CardContent.Title";
    let desc = "RcsMessageContent.Content.RichCard.CardContent.Description";
    assert!(check(&rich(json!({"Title": "a".repeat(200)}))).is_empty());
    assert_eq!(
        errors(&rich(json!({"Title": "a".repeat(201)}))),
        at(title, Code::TooLong)
    );
    assert_eq!(
        errors(&rich(json!({"Title": ""}))),
        at(title, Code::TooShort)
    );
    // 200 characters of é are 400 bytes: AWS accepts, Google may cut.
    let doc = rich(json!({"Title": "é".repeat(200)}));
    assert!(errors(&doc).is_empty());
    assert_eq!(warnings(&doc), at(title, Code::MayBeTruncated));
    assert_eq!(
        errors(&rich(json!({"Title": "é".repeat(201)}))),
        at(title, Code::TooLong)
    );
    assert!(check(&rich(json!({"Description": "d".repeat(2000)}))).is_empty());
    assert_eq!(
        errors(&rich(json!({"Description": "😀".repeat(2001)}))),
        at(desc, Code::TooLong)
    );
    // 501 emoji are 2004 bytes; 500 are exactly 2000.
    assert_eq!(
        warnings(&rich(json!({"Description": "😀".repeat(501)}))),
        at(desc, Code::MayBeTruncated)
    );
    assert!(warnings(&rich(json!({"Description": "😀".repeat(500)}))).is_empty());
}

#[test]
fn card_suggestions_at_most_four() {
    let four: Vec<Value> = (0..4).map(|i| reply(&format!("R{i}"))).collect();
    assert!(errors(&rich(json!({"Title": "t", "Suggestions": four}))).is_empty());
    let five: Vec<Value> = (0..5).map(|i| reply(&format!("R{i}"))).collect();
    assert_eq!(
        errors(&rich(json!({"Title": "t", "Suggestions": five}))),
        at(
            "RcsMessageContent.Content.RichCard.CardContent.Suggestions",
            Code::TooMany
        )
    );
}

#[test]
fn media_heights_differ_between_rich_cards_and_carousels() {
    let media = |h: &str| json!({"Title": "t", "Media": {"FileUrl": "s3://b/k.jpg", "Height": h}});
    assert!(errors(&rich(media("TALL"))).is_empty());
    assert_eq!(
        errors(&rich(media("HUGE"))),
        at(
            "RcsMessageContent.Content.RichCard.CardContent.Media.Height",
            Code::InvalidValue
        )
    );
    assert!(errors(&carousel(vec![media("SHORT"), media("MEDIUM")])).is_empty());
    assert_eq!(
        errors(&carousel(vec![media("SHORT"), media("TALL")])),
        at(
            "RcsMessageContent.Content.Carousel.CardContents[1].Media.Height",
            Code::InvalidValue
        )
    );
    let no_url = json!({"Title": "t", "Media": {"Height": "SHORT"}});
    assert_eq!(
        errors(&carousel(vec![media("SHORT"), no_url])),
        at(
            "RcsMessageContent.Content.Carousel.CardContents[1].Media.FileUrl",
            Code::MissingRequired
        )
    );
}

#[test]
fn carousel_needs_two_to_ten_cards() {
    let card = json!({"Title": "t"});
    let path = "RcsMessageContent.Content.Carousel.CardContents";
    assert_eq!(
        errors(&carousel(vec![card.clone()])),
        at(path, Code::TooFew)
    );
    assert!(errors(&carousel(vec![card.clone(); 2])).is_empty());
    assert!(errors(&carousel(vec![card.clone(); 10])).is_empty());
    assert_eq!(
        errors(&carousel(vec![card.clone(); 11])),
        at(path, Code::TooMany)
    );
    let no_width = json!({"RcsMessageContent": {"Content": {"Carousel": {"CardContents": [card.clone(), card]}}}});
    assert_eq!(
        errors(&no_width),
        at(
            "RcsMessageContent.Content.Carousel.CardWidth",
            Code::MissingRequired
        )
    );
    let no_cards = json!({"RcsMessageContent": {"Content": {"Carousel": {"CardWidth": "SMALL"}}}});
    assert_eq!(errors(&no_cards), at(path, Code::MissingRequired));
}

#[test]
fn deep_paths_carry_indices() {
    let mut cards = vec![json!({"Title": "t"}); 4];
    cards[3] = json!({"Title": "t", "Suggestions": [reply("ok"), reply(&"y".repeat(26))]});
    assert_eq!(
        errors(&carousel(cards)),
        at(
            "RcsMessageContent.Content.Carousel.CardContents[3].Suggestions[1].Reply.Text",
            Code::TooLong
        )
    );
}

#[test]
fn open_url_rules() {
    let open = |url: &str, extra: Value| {
        let mut a = json!({"Text": "Open", "PostbackData": "p", "Url": url});
        a.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        with_chips(json!([{"OpenUrl": a}]))
    };
    let url = "RcsMessageContent.Suggestions[0].OpenUrl.Url";
    assert!(check(&open("https://example.com", json!({}))).is_empty());
    assert_eq!(
        errors(&open("http://example.com", json!({}))),
        at(url, Code::InvalidFormat)
    );
    assert_eq!(
        errors(&open("https://exa mple.com", json!({}))),
        at(url, Code::InvalidFormat)
    );
    let max = format!("https://{}", "a".repeat(2040));
    assert!(errors(&open(&max, json!({}))).is_empty());
    assert_eq!(
        errors(&open(&format!("{max}a"), json!({}))),
        at(url, Code::TooLong)
    );
    assert!(
        check(&open(
            "https://e.com",
            json!({"Application": "WEBVIEW", "WebviewViewMode": "HALF"})
        ))
        .is_empty()
    );
    let mode = "RcsMessageContent.Suggestions[0].OpenUrl.WebviewViewMode";
    assert_eq!(
        warnings(&open(
            "https://e.com",
            json!({"Application": "BROWSER", "WebviewViewMode": "HALF"})
        )),
        at(mode, Code::NotApplicable)
    );
    assert_eq!(
        warnings(&open("https://e.com", json!({"WebviewViewMode": "FULL"}))),
        at(mode, Code::NotApplicable)
    );
    assert_eq!(
        errors(&open("https://e.com", json!({"Application": "APP"}))),
        at(
            "RcsMessageContent.Suggestions[0].OpenUrl.Application",
            Code::InvalidValue
        )
    );
    assert_eq!(
        errors(&open(
            "https://e.com",
            json!({"Application": "WEBVIEW", "WebviewViewMode": "SMALL"})
        )),
        at(mode, Code::InvalidValue)
    );
}

#[test]
fn dial_phone_numbers() {
    let dial = |n: &str| {
        with_chips(json!([{"DialPhone": {"Text": "Call", "PostbackData": "p", "PhoneNumber": n}}]))
    };
    let path = "RcsMessageContent.Suggestions[0].DialPhone.PhoneNumber";
    assert!(errors(&dial("+14255550123")).is_empty());
    assert_eq!(errors(&dial("425-555-0123")), at(path, Code::InvalidFormat));
    assert_eq!(errors(&dial("+04255550123")), at(path, Code::InvalidFormat));
    let long = format!("+{}", "1".repeat(20));
    assert_eq!(
        errors(&dial(&long)),
        vec![
            (path.to_owned(), Code::TooLong),
            (path.to_owned(), Code::InvalidFormat)
        ]
    );
}

#[test]
fn show_location_ranges() {
    let loc = |lat: f64, lon: f64| {
        with_chips(
            json!([{"ShowLocation": {"Text": "Map", "PostbackData": "p", "Latitude": lat, "Longitude": lon, "Label": "Shop"}}]),
        )
    };
    assert!(errors(&loc(90.0, -180.0)).is_empty());
    assert!(errors(&loc(-90.0, 180.0)).is_empty());
    assert_eq!(
        errors(&loc(90.000_001, 0.0)),
        at(
            "RcsMessageContent.Suggestions[0].ShowLocation.Latitude",
            Code::OutOfRange
        )
    );
    assert_eq!(
        errors(&loc(0.0, -180.5)),
        at(
            "RcsMessageContent.Suggestions[0].ShowLocation.Longitude",
            Code::OutOfRange
        )
    );
    let missing =
        with_chips(json!([{"ShowLocation": {"Text": "Map", "PostbackData": "p", "Label": ""}}]));
    assert_eq!(
        errors(&missing),
        vec![
            (
                "RcsMessageContent.Suggestions[0].ShowLocation.Latitude".to_owned(),
                Code::MissingRequired
            ),
            (
                "RcsMessageContent.Suggestions[0].ShowLocation.Longitude".to_owned(),
                Code::MissingRequired
            ),
            (
                "RcsMessageContent.Suggestions[0].ShowLocation.Label".to_owned(),
                Code::TooShort
            ),
        ]
    );
    let label = with_chips(
        json!([{"ShowLocation": {"Text": "Map", "PostbackData": "p", "Latitude": 1, "Longitude": 2, "Label": "ß".repeat(101)}}]),
    );
    assert_eq!(
        errors(&label),
        at(
            "RcsMessageContent.Suggestions[0].ShowLocation.Label",
            Code::TooLong
        )
    );
}

#[test]
fn calendar_events() {
    let event = |start: Value, end: Value, title: &str, desc: &str| {
        with_chips(
            json!([{"CreateCalendarEvent": {"Text": "Save", "PostbackData": "p", "Title": title,
            "StartTime": start, "EndTime": end, "Description": desc}}]),
        )
    };
    let base = "RcsMessageContent.Suggestions[0].CreateCalendarEvent";
    assert!(
        errors(&event(
            json!("2026-12-01T10:00:00Z"),
            json!("2026-12-01T12:00:00+01:00"),
            "t",
            "d"
        ))
        .is_empty()
    );
    assert_eq!(
        errors(&event(
            json!("2026-12-01T10:00:00Z"),
            json!("2026-12-01T11:00:00+01:00"),
            "t",
            "d"
        )),
        at(&format!("{base}.EndTime"), Code::EndNotAfterStart)
    );
    assert_eq!(
        errors(&event(json!(1_796_119_200), json!(1_796_119_100), "t", "d")),
        at(&format!("{base}.EndTime"), Code::EndNotAfterStart)
    );
    assert!(
        errors(&event(
            json!(1_796_119_200),
            json!("2026-12-01T10:00:01Z"),
            &"é".repeat(100),
            &"é".repeat(500)
        ))
        .is_empty()
    );
    assert_eq!(
        errors(&event(
            json!(1_796_119_200),
            json!(1_796_120_000),
            &"é".repeat(101),
            &"é".repeat(501)
        )),
        vec![
            (format!("{base}.Title"), Code::TooLong),
            (format!("{base}.Description"), Code::TooLong)
        ]
    );
    assert_eq!(
        errors(&event(
            json!("next tuesday"),
            json!(1_796_120_000),
            "t",
            "d"
        )),
        at(&format!("{base}.StartTime"), Code::InvalidTimestamp)
    );
    let missing =
        with_chips(json!([{"CreateCalendarEvent": {"Text": "Save", "PostbackData": "p"}}]));
    assert_eq!(
        errors(&missing),
        vec![
            (format!("{base}.Title"), Code::MissingRequired),
            (format!("{base}.StartTime"), Code::MissingRequired),
            (format!("{base}.EndTime"), Code::MissingRequired),
        ]
    );
}

fn request(extra: Value) -> Value {
    let mut doc = text("hi");
    doc.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    doc
}

#[test]
fn for_send_mode_requires_addressing() {
    let doc = text("hi");
    let send = codec::check(&doc.to_string(), Mode::Send).issues;
    let paths: Vec<_> = send.iter().map(|i| (i.path.as_str(), i.code)).collect();
    assert_eq!(
        paths,
        vec![
            ("DestinationPhoneNumber", Code::MissingRequired),
            ("OriginationIdentity", Code::MissingRequired)
        ]
    );
    let full = request(
        json!({"DestinationPhoneNumber": "+14255550123", "OriginationIdentity": "rcs-agent-1"}),
    );
    assert!(
        codec::check(&full.to_string(), Mode::Send)
            .issues
            .is_empty()
    );
    let bad =
        request(json!({"DestinationPhoneNumber": "4255550123x", "OriginationIdentity": "agent 1"}));
    assert_eq!(
        errors(&bad),
        vec![
            ("DestinationPhoneNumber".to_owned(), Code::InvalidFormat),
            ("OriginationIdentity".to_owned(), Code::InvalidFormat)
        ]
    );
}

#[test]
fn time_to_live_and_traffic_type() {
    assert!(errors(&request(json!({"TimeToLive": 1}))).is_empty());
    assert!(errors(&request(json!({"TimeToLive": 172_800}))).is_empty());
    assert_eq!(
        errors(&request(json!({"TimeToLive": 0}))),
        at("TimeToLive", Code::OutOfRange)
    );
    assert_eq!(
        errors(&request(json!({"TimeToLive": 172_801}))),
        at("TimeToLive", Code::OutOfRange)
    );
    assert_eq!(
        errors(&request(json!({"TimeToLive": 1.5}))),
        at("TimeToLive", Code::WrongType)
    );
    assert_eq!(
        errors(&request(
            json!({"TimeToLive": 18_446_744_073_709_551_615_u64})
        )),
        at("TimeToLive", Code::OutOfRange)
    );
    assert!(errors(&request(json!({"MessageTrafficType": "PROMOTION"}))).is_empty());
    assert_eq!(
        errors(&request(json!({"MessageTrafficType": "MARKETING"}))),
        at("MessageTrafficType", Code::InvalidValue)
    );
}

#[test]
fn fallback_rules() {
    let fb = |f: Value| request(json!({"FallbackConfiguration": f}));
    assert!(errors(&fb(json!({"Channel": "SMS", "MessageBody": "Hi"}))).is_empty());
    assert_eq!(
        errors(&fb(json!({"Channel": "SMS"}))),
        at(
            "FallbackConfiguration.MessageBody",
            Code::FallbackBodyRequired
        )
    );
    assert_eq!(
        errors(&fb(json!({"Channel": "MMS"}))),
        at("FallbackConfiguration", Code::FallbackContentRequired)
    );
    assert!(
        errors(&fb(
            json!({"Channel": "MMS", "MediaUrls": ["s3://my-bucket/a.jpg"]})
        ))
        .is_empty()
    );
    assert_eq!(
        errors(&fb(
            json!({"Channel": "MMS", "MediaUrls": ["s3://my-bucket/a.jpg", "s3://my-bucket/b.jpg"]})
        )),
        at("FallbackConfiguration.MediaUrls", Code::TooMany)
    );
    assert_eq!(
        errors(&fb(
            json!({"Channel": "MMS", "MessageBody": "x", "MediaUrls": []})
        )),
        at("FallbackConfiguration.MediaUrls", Code::TooFew)
    );
    assert_eq!(
        errors(&fb(
            json!({"Channel": "MMS", "MediaUrls": ["https://example.com/a.jpg"]})
        )),
        at("FallbackConfiguration.MediaUrls[0]", Code::InvalidFormat)
    );
    assert_eq!(
        errors(&fb(
            json!({"Channel": "SMS", "MessageBody": "x", "MediaUrls": ["s3://my-bucket/a.jpg"]})
        )),
        at("FallbackConfiguration.MediaUrls", Code::MediaOnlyForMms)
    );
    assert_eq!(
        errors(&fb(
            json!({"Channel": "SMS", "MessageBody": "x".repeat(1601)})
        )),
        at("FallbackConfiguration.MessageBody", Code::TooLong)
    );
    assert!(
        errors(&fb(
            json!({"Channel": "SMS", "MessageBody": "ż".repeat(1600)})
        ))
        .is_empty()
    );
    assert_eq!(
        errors(&fb(json!({"Channel": "SMS", "MessageBody": "   "}))),
        at("FallbackConfiguration.MessageBody", Code::Blank)
    );
    assert_eq!(
        errors(&fb(json!({"MessageBody": "x"}))),
        at("FallbackConfiguration.Channel", Code::MissingRequired)
    );
    assert_eq!(
        errors(&fb(json!({"Channel": "RCS", "MessageBody": "x"}))),
        at("FallbackConfiguration.Channel", Code::InvalidValue)
    );
    for pool in [
        "pool-0123456789abcdef",
        "arn:aws:sms-voice:us-east-1:111122223333:pool/pool-1",
    ] {
        assert_eq!(
            errors(&fb(
                json!({"Channel": "SMS", "MessageBody": "x", "OriginationIdentity": pool})
            )),
            at(
                "FallbackConfiguration.OriginationIdentity",
                Code::FallbackPoolNotAllowed
            )
        );
    }
    assert!(
        errors(&fb(
            json!({"Channel": "SMS", "MessageBody": "x", "OriginationIdentity": "+14255550100"})
        ))
        .is_empty()
    );
}

#[test]
fn names_prices_and_context() {
    assert!(
        errors(&request(
            json!({"ConfigurationSetName": "set_1:a/b-c", "ProtectConfigurationId": "protect-1"})
        ))
        .is_empty()
    );
    assert_eq!(
        errors(&request(json!({"ConfigurationSetName": "my set"}))),
        at("ConfigurationSetName", Code::InvalidFormat)
    );
    assert_eq!(
        errors(&request(json!({"ProtectConfigurationId": "a".repeat(257)}))),
        at("ProtectConfigurationId", Code::TooLong)
    );
    for ok in ["0.05", ".5", "10.12345"] {
        assert!(errors(&request(json!({"MaxPrice": ok}))).is_empty(), "{ok}");
    }
    assert_eq!(
        errors(&request(json!({"MaxPrice": "5"}))),
        vec![
            ("MaxPrice".to_owned(), Code::TooShort),
            ("MaxPrice".to_owned(), Code::InvalidFormat)
        ]
    );
    assert_eq!(
        errors(&request(json!({"MaxPrice": "100.5"}))),
        at("MaxPrice", Code::InvalidFormat)
    );
    assert_eq!(
        errors(&request(json!({"MaxPrice": "1.123456"}))),
        at("MaxPrice", Code::InvalidFormat)
    );
    assert_eq!(
        errors(&request(json!({"MaxPrice": "10.123456"}))),
        vec![
            ("MaxPrice".to_owned(), Code::TooLong),
            ("MaxPrice".to_owned(), Code::InvalidFormat)
        ]
    );
    let five: serde_json::Map<String, Value> =
        (0..5).map(|i| (format!("k{i}"), json!("v"))).collect();
    assert!(errors(&request(json!({"Context": five}))).is_empty());
    let six: serde_json::Map<String, Value> =
        (0..6).map(|i| (format!("k{i}"), json!("v"))).collect();
    assert_eq!(
        errors(&request(json!({"Context": six}))),
        at("Context", Code::TooMany)
    );
    assert_eq!(
        errors(&request(json!({"Context": {"campaign id": "x"}}))),
        at("Context.campaign id", Code::InvalidFormat)
    );
    assert_eq!(
        errors(&request(json!({"Context": {"k": " x"}}))),
        at("Context.k", Code::InvalidFormat)
    );
    assert_eq!(
        errors(&request(json!({"Context": {"k": ""}}))),
        at("Context.k", Code::TooShort)
    );
    assert_eq!(
        errors(&request(json!({"Context": {"k": "é".repeat(801)}}))),
        at("Context.k", Code::TooLong)
    );
    assert!(
        errors(&request(
            json!({"Context": {"k".repeat(100): "é".repeat(800)}})
        ))
        .is_empty()
    );
    let long_key = "k".repeat(101);
    assert_eq!(
        errors(&request(json!({"Context": {long_key.clone(): "v"}}))),
        at(&format!("Context.{long_key}"), Code::TooLong)
    );
}

#[test]
fn loader_reports_unknown_members_and_wrong_types_at_their_paths() {
    let typo = json!({"RcsMessageContent": {"Content": {"RichCard": {"CardOrientation": "VERTICAL", "CardContent": {"Titel": "x"}}}}});
    let issues = check(&typo);
    assert_eq!(issues.len(), 1);
    assert_eq!(
        issues[0].path,
        "RcsMessageContent.Content.RichCard.CardContent.Titel"
    );
    assert_eq!(issues[0].code, Code::UnknownMember);
    assert!(
        issues[0].message.contains("Did you mean 'Title'?"),
        "{}",
        issues[0].message
    );
    let wrong =
        json!({"DryRun": "yes", "RcsMessageContent": {"Content": {"TextMessage": {"Body": 5}}}});
    assert_eq!(
        errors(&wrong),
        vec![
            (
                "RcsMessageContent.Content.TextMessage.Body".to_owned(),
                Code::WrongType
            ),
            ("DryRun".to_owned(), Code::WrongType),
        ]
    );
    let card_not_object = carousel(vec![json!({"Title": "a"}), json!(7), json!({"Title": ""})]);
    assert_eq!(
        errors(&card_not_object),
        vec![
            (
                "RcsMessageContent.Content.Carousel.CardContents[1]".to_owned(),
                Code::WrongType
            ),
            (
                "RcsMessageContent.Content.Carousel.CardContents[2].Title".to_owned(),
                Code::TooShort
            ),
        ]
    );
    assert_eq!(errors(&json!([1, 2])), at("", Code::WrongType));
    assert_eq!(
        errors(&json!({"RcsMessageContent": {"Content": {"TextMessage": null}}})),
        at("RcsMessageContent.Content.TextMessage", Code::WrongType)
    );
}

#[test]
fn every_issue_is_reported_at_once() {
    let doc = json!({
        "TimeToLive": 0,
        "RcsMessageContent": {"Content": {"Carousel": {"CardWidth": "LARGE", "CardContents": [
            {"Title": "t".repeat(201)}]}},
            "Suggestions": [{}]}
    });
    assert_eq!(
        errors(&doc),
        vec![
            (
                "RcsMessageContent.Content.Carousel.CardWidth".to_owned(),
                Code::InvalidValue
            ),
            (
                "RcsMessageContent.Content.Carousel.CardContents".to_owned(),
                Code::TooFew
            ),
            (
                "RcsMessageContent.Content.Carousel.CardContents[0].Title".to_owned(),
                Code::TooLong
            ),
            (
                "RcsMessageContent.Suggestions[0]".to_owned(),
                Code::NoAction
            ),
            ("TimeToLive".to_owned(), Code::OutOfRange),
        ]
    );
}

#[test]
fn single_values_are_checked_by_the_same_rules() {
    use crate::rcs::limits::Field;
    use crate::rcs::validate::check_value;
    assert!(check_value(Field::DestinationPhoneNumber, "+14255550123").is_empty());
    assert_eq!(
        check_value(Field::DestinationPhoneNumber, "0425")[0].code,
        Code::InvalidFormat
    );
    assert_eq!(
        check_value(Field::DestinationPhoneNumber, "")[0].code,
        Code::TooShort
    );
}

/// Issue: `"MediaUrls": [""]` passed `check` while the AWS CLI refuses it. Present and empty is
/// never "not set": an empty item of a list is an error at its own path, and an item at its
/// length limit is accepted.
#[test]
fn empty_item_of_a_list_is_an_error_at_its_path() {
    let fb = |urls: Value| {
        json!({"RcsMessageContent": {"Content": {"TextMessage": {"Body": "x"}}},
               "FallbackConfiguration": {"Channel": "MMS", "MediaUrls": urls}})
    };
    assert_eq!(
        errors(&fb(json!([""]))),
        at("FallbackConfiguration.MediaUrls[0]", Code::TooShort)
    );
    let prefix = "s3://my-bucket/";
    let longest = format!("{prefix}{}", "k".repeat(2048 - prefix.len()));
    assert!(errors(&fb(json!([longest]))).is_empty());
    let over = format!("{longest}k");
    assert_eq!(
        errors(&fb(json!([over]))),
        at("FallbackConfiguration.MediaUrls[0]", Code::TooLong)
    );
}

/// Every string member, set and empty, is an error: no rule may let "" through as "not set".
#[test]
fn every_string_member_rejects_an_empty_value() {
    use crate::rcs::limits::{ALL_FIELDS, Field};
    use crate::rcs::validate::check_value;
    for &field in ALL_FIELDS {
        let rule = Field::rule(field);
        let is_string = rule.length.is_some() || rule.pattern.is_some() || !rule.allowed.is_empty();
        if is_string {
            assert!(
                check_value(field, "").iter().any(Issue::is_error),
                "{field:?} accepts an empty string"
            );
        }
    }
}

#[test]
fn a_repeated_context_key_is_an_error_at_the_repeat() {
    use crate::rcs::model::{SendRcsMessageRequest, TextMessage};
    let pair = |k: &str, v: &str| (k.to_owned(), v.to_owned());
    let mut r = SendRcsMessageRequest::default();
    r.content_mut().text_message = Some(TextMessage {
        body: Some("hi".into()),
    });
    r.context = Some(vec![pair("campaign", "winter"), pair("region", "eu")]);
    assert!(
        crate::rcs::validate(&r, Mode::Send)
            .iter()
            .all(|i| i.code != Code::DuplicateKey)
    );
    // The editor renames "region" onto "campaign": both entries are still there.
    r.context = Some(vec![
        pair("campaign", "winter"),
        pair("campaign", "eu"),
        pair("other", "x"),
        pair("campaign", "third"),
    ]);
    for mode in [Mode::Template, Mode::Send] {
        let repeats: Vec<Issue> = crate::rcs::validate(&r, mode)
            .into_iter()
            .filter(|i| i.code == Code::DuplicateKey)
            .collect();
        // One error per repeat (the second and the fourth entry), none for the first.
        assert_eq!(repeats.len(), 2, "{repeats:?}");
        for issue in &repeats {
            assert_eq!(issue.path, "Context.campaign");
            assert!(issue.is_error());
            assert!(issue.message.contains("'campaign'"), "{}", issue.message);
        }
    }
    let pairs = r.context.as_deref().unwrap_or_default();
    let flags: Vec<bool> = (0..pairs.len())
        .map(|i| crate::rcs::model::repeats_earlier_key(pairs, i))
        .collect();
    assert_eq!(flags, [false, true, false, true]);
    assert_eq!(Code::DuplicateKey.as_str(), "duplicate-key");
}

/// Issue: a new media URL (pre-filled `s3://`) said "must start with s3:// or https:// … got
/// 's3://'", and a new Open URL "must start with https:// … got 'https://'".
#[test]
fn a_url_that_is_only_its_scheme_is_told_what_to_add() {
    let messages = |doc: &Value| -> Vec<(String, Code, String)> {
        check(doc)
            .into_iter()
            .map(|i| (i.path, i.code, i.message))
            .collect()
    };
    let media = rich(json!({"Media": {"FileUrl": "s3://", "Height": "MEDIUM"}}));
    assert_eq!(
        messages(&media),
        [(
            "RcsMessageContent.Content.RichCard.CardContent.Media.FileUrl".to_owned(),
            Code::InvalidFormat,
            "Media URL is only 's3://': add the bucket and key after s3://.".to_owned()
        )]
    );
    let open =
        with_chips(json!([{"OpenUrl": {"Text": "Open", "PostbackData": "p", "Url": "https://"}}]));
    assert_eq!(
        messages(&open),
        [(
            "RcsMessageContent.Suggestions[0].OpenUrl.Url".to_owned(),
            Code::InvalidFormat,
            "Open URL address is only 'https://': add the address after https://.".to_owned()
        )]
    );
    let fallback = json!({"RcsMessageContent": {"Content": {"TextMessage": {"Body": "x"}}},
        "FallbackConfiguration": {"Channel": "MMS", "MediaUrls": ["s3://my-bucket"]}});
    let said = messages(&fallback);
    assert_eq!(said.len(), 1, "{said:?}");
    assert_eq!(said[0].1, Code::InvalidFormat);
    assert!(said[0].2.contains("add the object key"), "{}", said[0].2);
}

/// No message asks for a start the value already has, nor names a member twice.
#[test]
fn no_message_contradicts_the_value_or_repeats_a_word() {
    use crate::rcs::limits::{ALL_FIELDS, Field};
    use crate::rcs::model::ActionKind;
    use crate::rcs::validate::check_value;
    let values = [
        "s3://",
        "https://",
        "http://",
        "s3://b",
        "s3://bucket",
        "s3://bucket/",
        "https://a b",
        "https://a\nb",
        "s3://a\nb",
        " ",
        "x",
        "+",
        ".",
    ];
    for field in ALL_FIELDS {
        for value in values {
            for issue in check_value(*field, value) {
                // The starts the message asks for, up to the value it quotes.
                let asked = issue
                    .message
                    .split_once("must start with")
                    .and_then(|(_, rest)| rest.split(';').next())
                    .unwrap_or_default();
                for start in ["s3://", "https://"] {
                    assert!(
                        !(value.starts_with(start) && asked.contains(start)),
                        "{field:?} {value:?}: {}",
                        issue.message
                    );
                }
            }
        }
    }
    let members = [
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
    ];
    for kind in ActionKind::ALL {
        for field in members {
            let label = super::action_member(kind.label(), field.rule().label);
            let words: Vec<String> = label.split(' ').map(str::to_lowercase).collect();
            assert!(
                words.windows(2).all(|w| w[0] != w[1]),
                "{kind:?} {field:?}: {label}"
            );
        }
    }
    assert_eq!(super::action_member("Reply", "text"), "Reply text");
    assert_eq!(
        super::action_member("Dial phone", "phone number"),
        "Dial phone number"
    );
    assert_eq!(super::action_member("Open URL", "URL"), "Open URL address");
}
