//! What the AWS CLI and boto3 cannot send exactly as the SDK does.
//!
//! Both read calendar times into Python `datetime`s, which hold microseconds; the SDK sends
//! the template's nanoseconds. A time with digits below the microsecond would reach the
//! service as a different number, so exporting it is refused rather than silently changed.
//! Everything else of the request passes through both unchanged (the export tests compare
//! the bodies on the wire for every shipped example).

use std::fmt;

use crate::rcs::model::{SendRcsMessageRequest, Suggestion};
use crate::rcs::path::{Member, PathBuf};
use crate::rcs::timestamp::Timestamp;

/// A member the AWS CLI or boto3 would send differently, at its path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inexact {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Inexact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// The members of `request` that the AWS CLI and boto3 would not send as `send` does.
#[must_use]
pub fn inexact(request: &SendRcsMessageRequest) -> Vec<Inexact> {
    let mut found = Vec::new();
    let mut path = PathBuf::new();
    let Some(message) = &request.rcs_message_content else {
        return found;
    };
    let top = path.member(Member::RcsMessageContent);
    let mark = path.member(Member::Suggestions);
    suggestions(message.suggestions.as_deref(), &mut path, &mut found);
    path.reset(mark);
    let Some(content) = &message.content else {
        return found;
    };
    let content_mark = path.member(Member::Content);
    if let Some(card) = content
        .rich_card
        .as_ref()
        .and_then(|r| r.card_content.as_ref())
    {
        let mark = path.member(Member::RichCard);
        path.member(Member::CardContent);
        path.member(Member::Suggestions);
        suggestions(card.suggestions.as_deref(), &mut path, &mut found);
        path.reset(mark);
    }
    if let Some(cards) = content
        .carousel
        .as_ref()
        .and_then(|c| c.card_contents.as_ref())
    {
        let mark = path.member(Member::Carousel);
        path.member(Member::CardContents);
        for (i, card) in cards.iter().enumerate() {
            let card_mark = path.index(i);
            path.member(Member::Suggestions);
            suggestions(card.suggestions.as_deref(), &mut path, &mut found);
            path.reset(card_mark);
        }
        path.reset(mark);
    }
    path.reset(content_mark);
    path.reset(top);
    found
}

fn suggestions(list: Option<&[Suggestion]>, path: &mut PathBuf, found: &mut Vec<Inexact>) {
    for (i, suggestion) in list.unwrap_or_default().iter().enumerate() {
        let Some(event) = &suggestion.create_calendar_event else {
            continue;
        };
        let mark = path.index(i);
        path.member(Member::CreateCalendarEvent);
        for (member, time) in [
            (Member::StartTime, event.start_time),
            (Member::EndTime, event.end_time),
        ] {
            if let Some(time) = time.filter(|t| !whole_microseconds(*t)) {
                let member_mark = path.member(member);
                found.push(Inexact {
                    path: path.as_str().to_owned(),
                    message: format!(
                        "{time} has digits below the microsecond; the AWS CLI and boto3 send \
                         calendar times to the microsecond, so they would send another time \
                         than `rcs-composer send`. Round it to the microsecond."
                    ),
                });
                path.reset(member_mark);
            }
        }
        path.reset(mark);
    }
}

const fn whole_microseconds(t: Timestamp) -> bool {
    t.nanos().is_multiple_of(1_000)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rcs::codec;

    fn request(json: &str) -> SendRcsMessageRequest {
        let decoded = codec::parse(json).unwrap_or_else(|e| panic!("{e}"));
        assert!(decoded.issues.is_empty(), "{:?}", decoded.issues);
        decoded.request
    }

    fn event(start: &str) -> String {
        format!(
            r#"{{"CreateCalendarEvent": {{"Text": "Add", "PostbackData": "a", "Title": "Visit",
               "StartTime": "{start}", "EndTime": "2026-12-03T11:00:00Z"}}}}"#
        )
    }

    #[test]
    fn microseconds_pass_and_nanoseconds_are_named_at_their_path() {
        let exact = request(&format!(
            r#"{{"RcsMessageContent": {{"Content": {{"TextMessage": {{"Body": "Hi"}}}},
                 "Suggestions": [{}]}}}}"#,
            event("2026-12-03T10:30:00.123456Z")
        ));
        assert_eq!(inexact(&exact), []);
        let nanos = request(&format!(
            r#"{{"RcsMessageContent": {{"Content": {{"Carousel": {{"CardWidth": "SMALL",
                 "CardContents": [{{"Title": "a"}}, {{"Title": "b", "Suggestions": [{{"Reply":
                 {{"Text": "x", "PostbackData": "x"}}}}, {}]}}]}}}}}}}}"#,
            event("2026-12-03T10:30:00.123456789Z")
        ));
        let found = inexact(&nanos);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].path,
            "RcsMessageContent.Content.Carousel.CardContents[1].Suggestions[1].CreateCalendarEvent.StartTime"
        );
        assert!(
            found[0]
                .message
                .starts_with("2026-12-03T10:30:00.123456789Z has digits below the microsecond"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_rich_cards_button_is_checked_too() {
        let r = request(&format!(
            r#"{{"RcsMessageContent": {{"Content": {{"RichCard": {{"CardOrientation": "VERTICAL",
                 "CardContent": {{"Title": "t", "Suggestions": [{}]}}}}}}}}}}"#,
            event("2026-12-03T10:30:00.000000001Z")
        ));
        let paths: Vec<String> = inexact(&r).into_iter().map(|i| i.path).collect();
        assert_eq!(
            paths,
            [
                "RcsMessageContent.Content.RichCard.CardContent.Suggestions[0].CreateCalendarEvent.StartTime"
            ]
        );
    }
}
