use serde_json::json;

use super::*;
use crate::rcs::issue::Code;

const FULL: &str = r#"{
  "DestinationPhoneNumber": "+14255550123",
  "OriginationIdentity": "rcs-agent-1",
  "RcsMessageContent": {
    "Content": {
      "Carousel": {
        "CardWidth": "MEDIUM",
        "CardContents": [
          {
            "Title": "Émile's 😀 pick",
            "Description": "d",
            "Media": {"FileUrl": "s3://b/a.jpg", "ThumbnailUrl": "https://x/t.jpg", "Height": "SHORT"},
            "Suggestions": [
              {"Reply": {"Text": "Yes", "PostbackData": "yes"}},
              {"OpenUrl": {"Text": "Open", "PostbackData": "o", "Url": "https://e.com", "Application": "WEBVIEW", "WebviewViewMode": "HALF"}},
              {"DialPhone": {"Text": "Call", "PostbackData": "c", "PhoneNumber": "+14255550100"}},
              {"ShowLocation": {"Text": "Map", "PostbackData": "m", "Latitude": 47.6, "Longitude": -122.33, "Label": "Store"}}
            ]
          },
          {
            "Title": "Second",
            "Suggestions": [
              {"RequestLocation": {"Text": "Where", "PostbackData": "w"}},
              {"CreateCalendarEvent": {"Text": "Save", "PostbackData": "s", "Title": "Sale", "StartTime": "2026-12-01T10:00:00Z", "EndTime": 1796126400.5, "Description": "Big"}}
            ]
          }
        ]
      }
    },
    "Suggestions": [{"Reply": {"Text": "Stop", "PostbackData": "stop"}}]
  },
  "TimeToLive": 3600,
  "MessageTrafficType": "PROMOTION",
  "FallbackConfiguration": {"Channel": "MMS", "MessageBody": "b", "MediaUrls": ["s3://my-bucket/a.jpg"], "OriginationIdentity": "+14255550100"},
  "ProtectConfigurationId": "pc-1",
  "ConfigurationSetName": "set-1",
  "MaxPrice": "0.05",
  "DryRun": false,
  "Context": {"campaign": "winter", "a": "b"},
  "MessageFeedbackEnabled": true
}"#;

#[test]
fn a_full_request_loads_without_issues() {
    let checked = check(FULL, Mode::Send);
    assert!(checked.issues.is_empty(), "{:?}", checked.issues);
}

#[test]
fn load_save_load_keeps_everything() {
    let first = parse(FULL).unwrap();
    assert!(first.issues.is_empty());
    let text = to_pretty_json(&first.request);
    let second = parse(&text).unwrap();
    assert_eq!(first.request, second.request);
    // And saving is stable: the second save is byte-identical.
    assert_eq!(text, to_pretty_json(&second.request));
}

#[test]
fn output_is_the_cli_shape_with_seed_member_order_and_iso_timestamps() {
    let value = to_value(&parse(FULL).unwrap().request);
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "DestinationPhoneNumber",
            "OriginationIdentity",
            "RcsMessageContent",
            "TimeToLive",
            "MessageTrafficType",
            "FallbackConfiguration",
            "ProtectConfigurationId",
            "ConfigurationSetName",
            "MaxPrice",
            "DryRun",
            "Context",
            "MessageFeedbackEnabled"
        ]
    );
    let event = &value["RcsMessageContent"]["Content"]["Carousel"]["CardContents"][1]["Suggestions"]
        [1]["CreateCalendarEvent"];
    assert_eq!(event["StartTime"], json!("2026-12-01T10:00:00Z"));
    assert_eq!(event["EndTime"], json!("2026-12-01T12:00:00.5Z"));
    let context: Vec<&str> = value["Context"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(context, ["campaign", "a"], "context keeps the file's order");
}

#[test]
fn empty_lists_and_absent_members_survive() {
    let text =
        r#"{"RcsMessageContent": {"Content": {"TextMessage": {"Body": "x"}}, "Suggestions": []}}"#;
    let request = parse(text).unwrap().request;
    let value = to_value(&request);
    assert_eq!(
        value,
        serde_json::from_str::<serde_json::Value>(text).unwrap()
    );
}

#[test]
fn malformed_json_names_line_and_column() {
    let issue = parse("{\n  \"RcsMessageContent\": {\n    \"Content\": ,\n  }\n}").unwrap_err();
    assert_eq!(issue.code, Code::InvalidJson);
    assert_eq!(issue.path, "");
    assert!(
        issue.message.starts_with("line 3, column 16: "),
        "{}",
        issue.message
    );
    assert!(!issue.message.contains(" at line "), "{}", issue.message);
}
