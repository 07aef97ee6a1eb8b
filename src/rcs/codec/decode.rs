//! JSON value -> model, collecting every structural problem with its path.

use serde_json::{Map, Value};

use crate::rcs::issue::{Code, Issue};
use crate::rcs::model::{
    ActionBase, CardContent, Carousel, Content, CreateCalendarEvent, DialPhone,
    FallbackConfiguration, FileMessage, Media, OpenUrl, RcsMessageContent, Reply, RequestLocation,
    RichCard, SendRcsMessageRequest, ShowLocation, Suggestion, TextMessage,
};
use crate::rcs::path::join;
use crate::rcs::timestamp::Timestamp;

/// A request read from JSON, with the problems met on the way.
#[derive(Debug, Clone, Default)]
pub struct Decoded {
    pub request: SendRcsMessageRequest,
    pub issues: Vec<Issue>,
}

/// Reads a request from any JSON value.
#[must_use]
pub fn from_value(value: &Value) -> Decoded {
    let mut r = Reader { issues: Vec::new() };
    let request = r.request(value);
    Decoded {
        request: request.unwrap_or_default(),
        issues: r.issues,
    }
}

struct Reader {
    issues: Vec<Issue>,
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

impl Reader {
    fn wrong_type(&mut self, path: &str, expected: &str, found: &Value) {
        let at = if path.is_empty() {
            "The document"
        } else {
            path
        };
        self.issues.push(Issue::error(
            path,
            Code::WrongType,
            format!("{at} must be {expected}, not {}.", type_name(found)),
        ));
    }

    /// The object at `path`, reporting a wrong type and every member not in `known`.
    fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        known: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Value::Object(map) = value else {
            self.wrong_type(path, "an object", value);
            return None;
        };
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                let hint = known
                    .iter()
                    .find(|k| k.eq_ignore_ascii_case(key) || strsim::levenshtein(k, key) <= 2)
                    .map(|k| format!(" Did you mean '{k}'?"))
                    .unwrap_or_default();
                self.issues.push(Issue::error(
                    join(path, key),
                    Code::UnknownMember,
                    format!(
                        "'{key}' is not a member here; the AWS CLI and the service reject it.{hint}"
                    ),
                ));
            }
        }
        Some(map)
    }

    fn string(&mut self, map: &Map<String, Value>, key: &str, parent: &str) -> Option<String> {
        let value = map.get(key)?;
        if let Value::String(s) = value {
            Some(s.clone())
        } else {
            self.wrong_type(&join(parent, key), "a string", value);
            None
        }
    }

    fn boolean(&mut self, map: &Map<String, Value>, key: &str, parent: &str) -> Option<bool> {
        let value = map.get(key)?;
        if let Value::Bool(b) = value {
            Some(*b)
        } else {
            self.wrong_type(&join(parent, key), "true or false", value);
            None
        }
    }

    fn integer(&mut self, map: &Map<String, Value>, key: &str, parent: &str) -> Option<i64> {
        let value = map.get(key)?;
        match value {
            Value::Number(n) if n.is_i64() => n.as_i64(),
            // Whole numbers too large for i64 are still whole numbers: keep them out of range.
            Value::Number(n) if n.is_u64() => Some(i64::MAX),
            _ => {
                self.wrong_type(&join(parent, key), "a whole number", value);
                None
            }
        }
    }

    fn float(&mut self, map: &Map<String, Value>, key: &str, parent: &str) -> Option<f64> {
        let value = map.get(key)?;
        if let Some(n) = value.as_f64() {
            Some(n)
        } else {
            self.wrong_type(&join(parent, key), "a number", value);
            None
        }
    }

    fn timestamp(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        parent: &str,
    ) -> Option<Timestamp> {
        let value = map.get(key)?;
        let path = join(parent, key);
        let parsed = match value {
            Value::String(s) => Timestamp::parse_iso8601(s),
            Value::Number(n) => n
                .as_f64()
                .and_then(Timestamp::from_epoch_f64)
                .ok_or_else(|| format!("{n} seconds since 1970 is outside the years 0001–9999")),
            _ => {
                self.wrong_type(
                    &path,
                    "an ISO 8601 date-time string or epoch seconds",
                    value,
                );
                return None;
            }
        };
        parsed
            .map_err(|why| {
                self.issues.push(Issue::error(
                    &path,
                    Code::InvalidTimestamp,
                    format!("{why}."),
                ));
            })
            .ok()
    }

    /// A list whose elements are read by `item`; an unreadable element keeps its place (as the
    /// default) so that later elements keep their indices in paths.
    fn list<T: Default>(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        parent: &str,
        mut item: impl FnMut(&mut Self, &Value, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let value = map.get(key)?;
        let path = join(parent, key);
        let Value::Array(items) = value else {
            self.wrong_type(&path, "a list", value);
            return None;
        };
        Some(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| item(self, v, &format!("{path}[{i}]")).unwrap_or_default())
                .collect(),
        )
    }

    fn child<T>(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        parent: &str,
        read: impl FnOnce(&mut Self, &Value, &str) -> Option<T>,
    ) -> Option<T> {
        let value = map.get(key)?;
        read(self, value, &join(parent, key))
    }

    fn request(&mut self, value: &Value) -> Option<SendRcsMessageRequest> {
        const MEMBERS: &[&str] = &[
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
            "MessageFeedbackEnabled",
        ];
        let m = self.object(value, "", MEMBERS)?;
        Some(SendRcsMessageRequest {
            destination_phone_number: self.string(m, "DestinationPhoneNumber", ""),
            origination_identity: self.string(m, "OriginationIdentity", ""),
            rcs_message_content: self.child(m, "RcsMessageContent", "", Self::message_content),
            time_to_live: self.integer(m, "TimeToLive", ""),
            message_traffic_type: self.string(m, "MessageTrafficType", ""),
            fallback_configuration: self.child(m, "FallbackConfiguration", "", Self::fallback),
            protect_configuration_id: self.string(m, "ProtectConfigurationId", ""),
            configuration_set_name: self.string(m, "ConfigurationSetName", ""),
            max_price: self.string(m, "MaxPrice", ""),
            dry_run: self.boolean(m, "DryRun", ""),
            context: self.child(m, "Context", "", Self::context),
            message_feedback_enabled: self.boolean(m, "MessageFeedbackEnabled", ""),
        })
    }

    fn context(&mut self, value: &Value, path: &str) -> Option<Vec<(String, String)>> {
        let Value::Object(map) = value else {
            self.wrong_type(path, "an object of string values", value);
            return None;
        };
        let mut pairs = Vec::with_capacity(map.len());
        for (key, v) in map {
            if let Value::String(s) = v {
                pairs.push((key.clone(), s.clone()));
            } else {
                self.wrong_type(&join(path, key), "a string", v);
            }
        }
        Some(pairs)
    }

    fn fallback(&mut self, value: &Value, path: &str) -> Option<FallbackConfiguration> {
        let m = self.object(
            value,
            path,
            &["Channel", "MessageBody", "MediaUrls", "OriginationIdentity"],
        )?;
        Some(FallbackConfiguration {
            channel: self.string(m, "Channel", path),
            message_body: self.string(m, "MessageBody", path),
            media_urls: self.list(m, "MediaUrls", path, |r, v, p| {
                if let Value::String(s) = v {
                    Some(s.clone())
                } else {
                    r.wrong_type(p, "a string", v);
                    None
                }
            }),
            origination_identity: self.string(m, "OriginationIdentity", path),
        })
    }

    fn message_content(&mut self, value: &Value, path: &str) -> Option<RcsMessageContent> {
        let m = self.object(value, path, &["Content", "Suggestions"])?;
        Some(RcsMessageContent {
            content: self.child(m, "Content", path, Self::content),
            suggestions: self.list(m, "Suggestions", path, Self::suggestion),
        })
    }

    fn content(&mut self, value: &Value, path: &str) -> Option<Content> {
        let m = self.object(
            value,
            path,
            &["TextMessage", "FileMessage", "RichCard", "Carousel"],
        )?;
        // A member present with an unreadable value still counts as given, so that
        // "exactly one kind" is judged on what the author wrote.
        Some(Content {
            text_message: self.member_or_default(m, "TextMessage", path, |r, v, p| {
                let m = r.object(v, p, &["Body"])?;
                Some(TextMessage {
                    body: r.string(m, "Body", p),
                })
            }),
            file_message: self.member_or_default(m, "FileMessage", path, |r, v, p| {
                let m = r.object(v, p, &["FileUrl", "ThumbnailUrl"])?;
                Some(FileMessage {
                    file_url: r.string(m, "FileUrl", p),
                    thumbnail_url: r.string(m, "ThumbnailUrl", p),
                })
            }),
            rich_card: self.member_or_default(m, "RichCard", path, |r, v, p| {
                let m = r.object(
                    v,
                    p,
                    &["CardOrientation", "ThumbnailImageAlignment", "CardContent"],
                )?;
                Some(RichCard {
                    card_orientation: r.string(m, "CardOrientation", p),
                    thumbnail_image_alignment: r.string(m, "ThumbnailImageAlignment", p),
                    card_content: r.child(m, "CardContent", p, Self::card),
                })
            }),
            carousel: self.member_or_default(m, "Carousel", path, |r, v, p| {
                let m = r.object(v, p, &["CardWidth", "CardContents"])?;
                Some(Carousel {
                    card_width: r.string(m, "CardWidth", p),
                    card_contents: r.list(m, "CardContents", p, Self::card),
                })
            }),
        })
    }

    fn member_or_default<T: Default>(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        parent: &str,
        read: impl FnOnce(&mut Self, &Value, &str) -> Option<T>,
    ) -> Option<T> {
        map.contains_key(key)
            .then(|| self.child(map, key, parent, read).unwrap_or_default())
    }

    fn card(&mut self, value: &Value, path: &str) -> Option<CardContent> {
        let m = self.object(
            value,
            path,
            &["Title", "Description", "Media", "Suggestions"],
        )?;
        Some(CardContent {
            title: self.string(m, "Title", path),
            description: self.string(m, "Description", path),
            media: self.child(m, "Media", path, |r, v, p| {
                let m = r.object(v, p, &["FileUrl", "ThumbnailUrl", "Height"])?;
                Some(Media {
                    file_url: r.string(m, "FileUrl", p),
                    thumbnail_url: r.string(m, "ThumbnailUrl", p),
                    height: r.string(m, "Height", p),
                })
            }),
            suggestions: self.list(m, "Suggestions", path, Self::suggestion),
        })
    }

    fn suggestion(&mut self, value: &Value, path: &str) -> Option<Suggestion> {
        let m = self.object(
            value,
            path,
            &[
                "Reply",
                "OpenUrl",
                "DialPhone",
                "ShowLocation",
                "RequestLocation",
                "CreateCalendarEvent",
            ],
        )?;
        Some(Suggestion {
            reply: self.member_or_default(m, "Reply", path, |r, v, p| {
                let (_, base) = r.action(v, p, &[])?;
                Some(Reply { base })
            }),
            open_url: self.member_or_default(m, "OpenUrl", path, |r, v, p| {
                let (m, base) = r.action(v, p, &["Url", "Application", "WebviewViewMode"])?;
                Some(OpenUrl {
                    base,
                    url: r.string(m, "Url", p),
                    application: r.string(m, "Application", p),
                    webview_view_mode: r.string(m, "WebviewViewMode", p),
                })
            }),
            dial_phone: self.member_or_default(m, "DialPhone", path, |r, v, p| {
                let (m, base) = r.action(v, p, &["PhoneNumber"])?;
                Some(DialPhone {
                    base,
                    phone_number: r.string(m, "PhoneNumber", p),
                })
            }),
            show_location: self.member_or_default(m, "ShowLocation", path, |r, v, p| {
                let (m, base) = r.action(v, p, &["Latitude", "Longitude", "Label"])?;
                Some(ShowLocation {
                    base,
                    latitude: r.float(m, "Latitude", p),
                    longitude: r.float(m, "Longitude", p),
                    label: r.string(m, "Label", p),
                })
            }),
            request_location: self.member_or_default(m, "RequestLocation", path, |r, v, p| {
                let (_, base) = r.action(v, p, &[])?;
                Some(RequestLocation { base })
            }),
            create_calendar_event: self.member_or_default(
                m,
                "CreateCalendarEvent",
                path,
                |r, v, p| {
                    let (m, base) =
                        r.action(v, p, &["Title", "StartTime", "EndTime", "Description"])?;
                    Some(CreateCalendarEvent {
                        base,
                        title: r.string(m, "Title", p),
                        start_time: r.timestamp(m, "StartTime", p),
                        end_time: r.timestamp(m, "EndTime", p),
                        description: r.string(m, "Description", p),
                    })
                },
            ),
        })
    }

    /// An action object: its own members plus `Text` and `PostbackData`.
    fn action<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        own: &[&str],
    ) -> Option<(&'v Map<String, Value>, ActionBase)> {
        let mut known = vec!["Text", "PostbackData"];
        known.extend_from_slice(own);
        let m = self.object(value, path, &known)?;
        let base = ActionBase {
            text: self.string(m, "Text", path),
            postback_data: self.string(m, "PostbackData", path),
        };
        Some((m, base))
    }
}
