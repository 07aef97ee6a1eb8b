//! Member paths in the editor's words: the path
//! `RcsMessageContent.Content.Carousel.CardContents[2].Suggestions[0].Reply.Text` reads
//! "Card 3 › Suggestion 1 › Text". The leaf is the field's label in the limits table, which is
//! what the editor writes above the field; the steps are the editor's card tabs ("Card 3"),
//! suggestion rows ("Suggestion 1" on a card, "Chip 1" under the message) and sections.
//! Lists count from 1, as the editor does.

use crate::rcs::limits::Field;
use crate::rcs::model::ActionKind;

/// Between the steps of a label.
pub const SEPARATOR: &str = " › ";

/// The editor's name for the member at `path`; `None` when the path names a member the
/// request does not have (a loader's unknown member) or is empty (the whole document).
#[must_use]
pub fn label(path: &str) -> Option<String> {
    // A Context key may hold dots and brackets: everything after the member is the key.
    if let Some(key) = path.strip_prefix("Context.") {
        return Some(format!("{}{SEPARATOR}{key}", Field::Context.rule().title()));
    }
    let steps = steps(path)?;
    let mut parts = Vec::new();
    request(&steps, &mut parts)?;
    Some(parts.join(SEPARATOR))
}

/// One member of a path, with its list index if it has one: `CardContents[2]`.
#[derive(Debug, Clone, Copy)]
struct Step<'a> {
    name: &'a str,
    index: Option<usize>,
}

fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    if path.is_empty() {
        return None;
    }
    path.split('.')
        .map(|segment| match segment.split_once('[') {
            None => Some(Step {
                name: segment,
                index: None,
            }),
            Some((name, rest)) => Some(Step {
                name,
                index: Some(rest.strip_suffix(']')?.parse().ok()?),
            }),
        })
        .collect()
}

type Parts = Vec<String>;

/// The last step: a member without index, named by its field's label.
fn leaf(rest: &[Step<'_>], field: Field, parts: &mut Parts) -> Option<()> {
    rest.is_empty().then(|| parts.push(field.rule().title()))
}

/// A member that holds others: named `word` when the path ends there, else `inner` goes on.
fn group(
    rest: &[Step<'_>],
    word: &str,
    parts: &mut Parts,
    inner: impl FnOnce(&[Step<'_>], &mut Parts) -> Option<()>,
) -> Option<()> {
    if rest.is_empty() {
        parts.push(word.to_owned());
        Some(())
    } else {
        inner(rest, parts)
    }
}

/// A list member: its field's label for the list itself, `item n` for an element.
fn list(
    step: Step<'_>,
    rest: &[Step<'_>],
    field: Field,
    item: &str,
    parts: &mut Parts,
    inner: impl FnOnce(&[Step<'_>], &mut Parts) -> Option<()>,
) -> Option<()> {
    match step.index {
        None => leaf(rest, field, parts),
        Some(i) => group(rest, &format!("{item} {}", i + 1), parts, |rest, parts| {
            parts.push(format!("{item} {}", i + 1));
            inner(rest, parts)
        }),
    }
}

fn request(steps: &[Step<'_>], parts: &mut Parts) -> Option<()> {
    let (step, rest) = steps.split_first()?;
    if step.index.is_some() {
        return None;
    }
    match step.name {
        "DestinationPhoneNumber" => leaf(rest, Field::DestinationPhoneNumber, parts),
        "OriginationIdentity" => leaf(rest, Field::OriginationIdentity, parts),
        "TimeToLive" => leaf(rest, Field::TimeToLive, parts),
        "MessageTrafficType" => leaf(rest, Field::MessageTrafficType, parts),
        "ProtectConfigurationId" => leaf(rest, Field::ProtectConfigurationId, parts),
        "ConfigurationSetName" => leaf(rest, Field::ConfigurationSetName, parts),
        "MaxPrice" => leaf(rest, Field::MaxPrice, parts),
        "Context" => leaf(rest, Field::Context, parts),
        // The editor's words for the two flags, which the limits table does not constrain.
        "MessageFeedbackEnabled" => group(rest, "Message feedback", parts, |_, _| None),
        "DryRun" => group(rest, "Dry run", parts, |_, _| None),
        "RcsMessageContent" => group(
            rest,
            &Field::RcsMessageContent.rule().title(),
            parts,
            message,
        ),
        "FallbackConfiguration" => group(rest, "Fallback", parts, fallback),
        _ => None,
    }
}

fn message(steps: &[Step<'_>], parts: &mut Parts) -> Option<()> {
    let (step, rest) = steps.split_first()?;
    match (step.name, step.index) {
        ("Content", None) => group(rest, &Field::Content.rule().title(), parts, content),
        ("Suggestions", _) => list(
            *step,
            rest,
            Field::MessageSuggestions,
            "Chip",
            parts,
            suggestion,
        ),
        _ => None,
    }
}

fn content(steps: &[Step<'_>], parts: &mut Parts) -> Option<()> {
    let (step, rest) = steps.split_first()?;
    if step.index.is_some() {
        return None;
    }
    match step.name {
        "TextMessage" => group(rest, "Text message", parts, |steps, parts| {
            let (step, rest) = steps.split_first()?;
            (step.name == "Body" && step.index.is_none())
                .then_some(())
                .and_then(|()| leaf(rest, Field::TextBody, parts))
        }),
        "FileMessage" => group(rest, "File message", parts, |steps, parts| {
            media(steps, parts, None)
        }),
        "RichCard" => group(rest, "Rich card", parts, rich_card),
        "Carousel" => group(rest, "Carousel", parts, carousel),
        _ => None,
    }
}

fn rich_card(steps: &[Step<'_>], parts: &mut Parts) -> Option<()> {
    let (step, rest) = steps.split_first()?;
    if step.index.is_some() {
        return None;
    }
    match step.name {
        "CardOrientation" => leaf(rest, Field::CardOrientation, parts),
        "ThumbnailImageAlignment" => leaf(rest, Field::ThumbnailImageAlignment, parts),
        "CardContent" => group(
            rest,
            &Field::CardContent.rule().title(),
            parts,
            |steps, parts| {
                // Inside the card the editor names fields "Card title"…; a button is named
                // after its card, as on the phone: "Card › Button 1".
                if steps
                    .first()
                    .is_some_and(|s| s.name == "Suggestions" && s.index.is_some())
                {
                    parts.push("Card".to_owned());
                }
                card(steps, parts, Field::RichCardMediaHeight)
            },
        ),
        _ => None,
    }
}

fn carousel(steps: &[Step<'_>], parts: &mut Parts) -> Option<()> {
    let (step, rest) = steps.split_first()?;
    match (step.name, step.index) {
        ("CardWidth", None) => leaf(rest, Field::CardWidth, parts),
        ("CardContents", _) => list(
            *step,
            rest,
            Field::CarouselCards,
            "Card",
            parts,
            |steps, parts| card(steps, parts, Field::CarouselMediaHeight),
        ),
        _ => None,
    }
}

/// A card's content; `height` is the media height field of its kind of card.
fn card(steps: &[Step<'_>], parts: &mut Parts, height: Field) -> Option<()> {
    let (step, rest) = steps.split_first()?;
    match (step.name, step.index) {
        ("Title", None) => leaf(rest, Field::CardTitle, parts),
        ("Description", None) => leaf(rest, Field::CardDescription, parts),
        // The editor's "Media" switch; its fields are named "Media URL", "Media height"….
        ("Media", None) => group(rest, "Media", parts, |steps, parts| {
            media(steps, parts, Some(height))
        }),
        ("Suggestions", _) => list(
            *step,
            rest,
            Field::CardSuggestions,
            // The phone draws a card's suggestions as buttons, and so does the editor.
            "Button",
            parts,
            suggestion,
        ),
        _ => None,
    }
}

/// The URLs of a file message or a card's media (with its height, for a card).
fn media(steps: &[Step<'_>], parts: &mut Parts, height: Option<Field>) -> Option<()> {
    let (step, rest) = steps.split_first()?;
    if step.index.is_some() {
        return None;
    }
    match (step.name, height) {
        ("FileUrl", _) => leaf(rest, Field::MediaFileUrl, parts),
        ("ThumbnailUrl", _) => leaf(rest, Field::MediaThumbnailUrl, parts),
        ("Height", Some(height)) => leaf(rest, height, parts),
        _ => None,
    }
}

fn suggestion(steps: &[Step<'_>], parts: &mut Parts) -> Option<()> {
    let (step, rest) = steps.split_first()?;
    let kind = ActionKind::ALL
        .into_iter()
        .find(|k| k.member() == step.name && step.index.is_none())?;
    group(rest, kind.label(), parts, |steps, parts| {
        action(kind, steps, parts)
    })
}

fn action(kind: ActionKind, steps: &[Step<'_>], parts: &mut Parts) -> Option<()> {
    let (step, rest) = steps.split_first()?;
    if step.index.is_some() {
        return None;
    }
    let field = match (kind, step.name) {
        (_, "Text") => Field::ActionText,
        (_, "PostbackData") => Field::ActionPostbackData,
        (ActionKind::OpenUrl, "Url") => Field::OpenUrlUrl,
        (ActionKind::OpenUrl, "Application") => Field::OpenUrlApplication,
        (ActionKind::OpenUrl, "WebviewViewMode") => Field::WebviewViewMode,
        (ActionKind::DialPhone, "PhoneNumber") => Field::DialPhoneNumber,
        (ActionKind::ShowLocation, "Latitude") => Field::Latitude,
        (ActionKind::ShowLocation, "Longitude") => Field::Longitude,
        (ActionKind::ShowLocation, "Label") => Field::LocationLabel,
        (ActionKind::CreateCalendarEvent, "Title") => Field::CalendarTitle,
        (ActionKind::CreateCalendarEvent, "StartTime") => Field::CalendarStartTime,
        (ActionKind::CreateCalendarEvent, "EndTime") => Field::CalendarEndTime,
        (ActionKind::CreateCalendarEvent, "Description") => Field::CalendarDescription,
        _ => return None,
    };
    leaf(rest, field, parts)
}

fn fallback(steps: &[Step<'_>], parts: &mut Parts) -> Option<()> {
    let (step, rest) = steps.split_first()?;
    match (step.name, step.index) {
        ("Channel", None) => leaf(rest, Field::FallbackChannel, parts),
        ("MessageBody", None) => leaf(rest, Field::FallbackMessageBody, parts),
        ("OriginationIdentity", None) => leaf(rest, Field::FallbackOriginationIdentity, parts),
        ("MediaUrls", None) => leaf(rest, Field::FallbackMediaUrls, parts),
        // An item is the editor's "Fallback media URL", numbered like every list item.
        ("MediaUrls", Some(i)) => rest.is_empty().then(|| {
            parts.push(format!(
                "{} {}",
                Field::FallbackMediaUrl.rule().title(),
                i + 1
            ));
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
