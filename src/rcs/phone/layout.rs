//! A whole message as the phone lays it out: the bubble, file, card or carousel, and the
//! chips under it; and the findings that follow from the layout (what was cut).

use super::card::{self, CardLayout, Cut, Orientation, Placement};
use super::dp;
use super::finding::Finding;
use super::font::{self, Face};
use super::text::{self, Style};
use crate::rcs::issue::Code;
use crate::rcs::model::{CardContent, Content, RichCard, SendRcsMessageRequest, Suggestion};

/// A text bubble.
#[derive(Debug, Clone, PartialEq)]
pub struct Bubble {
    pub lines: Vec<String>,
    pub width: f32,
    pub height: f32,
}

/// A carousel: every card as tall as the first.
#[derive(Debug, Clone, PartialEq)]
pub struct Carousel {
    pub card_width: f32,
    pub height: f32,
    pub cards: Vec<CardLayout>,
}

/// A message-level suggestion (chip).
#[derive(Debug, Clone, PartialEq)]
pub struct Chip {
    pub label: String,
    pub has_icon: bool,
    pub width: f32,
}

/// What the message's content is laid out as.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Body {
    /// No content, or no content kind yet.
    #[default]
    Empty,
    Text(Bubble),
    /// A file tile (its look depends on the attached picture, not on a rule).
    File,
    Card(CardLayout),
    Carousel(Carousel),
}

/// The message as the phone lays it out, in dp.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MessageLayout {
    pub body: Body,
    pub chips: Vec<Chip>,
}

/// The cards laid out last time, to be reused by the next layout: a keystroke changes one
/// card of a carousel, and the other nine need not be wrapped again.
#[derive(Debug, Clone, Default)]
pub struct CardMemo {
    cards: Vec<(CardContent, Placement, CardLayout)>,
    /// The cards' lengths as JSON, for the size check.
    json: Vec<(CardContent, usize)>,
    /// The length as JSON of the rest of the request (without the carousel's cards).
    rest: Option<(SendRcsMessageRequest, usize)>,
}

impl CardMemo {
    /// The request's length as compact JSON, each carousel card's length remembered.
    #[must_use]
    pub fn json_len(&mut self, request: &SendRcsMessageRequest) -> usize {
        let mut previous = std::mem::take(&mut self.json);
        let rest_len = |rest: SendRcsMessageRequest| match &self.rest {
            Some((seen, len)) if *seen == rest => *len,
            _ => {
                let len = crate::rcs::codec::rest_json_len(&rest);
                self.rest = Some((rest, len));
                len
            }
        };
        crate::rcs::codec::request_json_len(request, rest_len, |card| {
            // A card seen last time moves over (no copy of its long texts); a new one is
            // measured and copied once.
            let entry = match previous.iter().position(|(c, _)| c == card) {
                Some(i) => previous.swap_remove(i),
                None => (card.clone(), crate::rcs::codec::card_json_len(card)),
            };
            let len = entry.1;
            self.json.push(entry);
            len
        })
    }

    /// `card` at `placement`: the layout `previous` holds for the same card at the same
    /// place (moved over, not copied), else a new one.
    fn lay_out(
        &mut self,
        previous: &mut Vec<(CardContent, Placement, CardLayout)>,
        card: &CardContent,
        placement: Placement,
    ) -> CardLayout {
        let entry = match previous
            .iter()
            .position(|(c, p, _)| *p == placement && c == card)
        {
            Some(i) => previous.swap_remove(i),
            None => (card.clone(), placement, card::lay_out(card, placement)),
        };
        let layout = entry.2.clone();
        self.cards.push(entry);
        layout
    }
}

/// A text bubble of `text` (an RCS text message, or the SMS fallback).
#[must_use]
pub fn bubble(text: &str) -> Bubble {
    let style = Style {
        face: Face::Regular,
        size: dp::BODY_SIZE,
        width: dp::BUBBLE_MAX_WIDTH - 2.0 * dp::BUBBLE_PADDING,
    };
    let lines = text::wrap(text, style);
    let widest = lines
        .iter()
        .map(|l| font::width(style.face, style.size, l))
        .fold(0.0, f32::max);
    #[expect(
        clippy::cast_precision_loss,
        reason = "a bubble has far fewer lines than 2^24"
    )]
    let text_height = lines.len() as f32 * dp::BODY_LINE;
    Bubble {
        lines,
        width: (widest + 2.0 * dp::BUBBLE_PADDING).max(dp::BUBBLE_MIN_WIDTH),
        height: (text_height + 2.0 * dp::BUBBLE_PADDING).max(dp::BUBBLE_MIN_HEIGHT),
    }
}

/// Lays the request's message out.
#[must_use]
pub fn lay_out(request: &SendRcsMessageRequest) -> MessageLayout {
    lay_out_with(request, &mut CardMemo::default())
}

/// [`lay_out`], reusing the cards `memo` holds from the last layout and keeping this one's.
#[must_use]
pub fn lay_out_with(request: &SendRcsMessageRequest, memo: &mut CardMemo) -> MessageLayout {
    let mut previous = std::mem::take(&mut memo.cards);
    let content = request.rcs_message_content.as_ref();
    let body = content
        .and_then(|c| c.content.as_ref())
        .map_or(Body::Empty, |c| body(c, &mut previous, memo));
    let chips = content
        .and_then(|c| c.suggestions.as_deref())
        .unwrap_or_default()
        .iter()
        .map(chip)
        .collect();
    MessageLayout { body, chips }
}

fn chip(s: &Suggestion) -> Chip {
    let label = s
        .base()
        .and_then(|b| b.text.as_deref())
        .unwrap_or("")
        .to_owned();
    let has_icon = card::has_icon(s);
    let icon = if has_icon {
        dp::ICON_SIZE + dp::ICON_GAP
    } else {
        0.0
    };
    let width =
        font::width(Face::Regular, dp::BUTTON_TEXT_SIZE, &label) + icon + 2.0 * dp::CHIP_PADDING;
    Chip {
        label,
        has_icon,
        width,
    }
}

fn body(
    c: &Content,
    previous: &mut Vec<(CardContent, Placement, CardLayout)>,
    memo: &mut CardMemo,
) -> Body {
    if let Some(t) = &c.text_message {
        Body::Text(bubble(t.body.as_deref().unwrap_or("")))
    } else if c.file_message.is_some() {
        Body::File
    } else if let Some(rich) = &c.rich_card {
        let empty = CardContent::default();
        Body::Card(memo.lay_out(
            previous,
            rich.card_content.as_ref().unwrap_or(&empty),
            rich_card_placement(rich),
        ))
    } else if let Some(carousel) = &c.carousel {
        Body::Carousel(lay_out_carousel(
            carousel.card_width.as_deref(),
            carousel.card_contents.as_deref().unwrap_or_default(),
            previous,
            memo,
        ))
    } else {
        Body::Empty
    }
}

fn rich_card_placement(rich: &RichCard) -> Placement {
    let orientation = if rich.card_orientation.as_deref() == Some("HORIZONTAL") {
        Orientation::Horizontal {
            media_right: rich.thumbnail_image_alignment.as_deref() == Some("RIGHT"),
        }
    } else {
        Orientation::Vertical
    };
    Placement {
        width: dp::STANDALONE_CARD_WIDTH,
        orientation,
        budget: dp::CARD_MAX_HEIGHT,
        in_carousel: false,
    }
}

/// A carousel's first card may be as tall as any card; it sets the others' budget.
fn carousel_placement(width: Option<&str>) -> Placement {
    Placement {
        width: dp::card_width(width),
        orientation: Orientation::Vertical,
        budget: dp::CARD_MAX_HEIGHT,
        in_carousel: true,
    }
}

/// The first card sets the height of every card of a carousel.
fn lay_out_carousel(
    width: Option<&str>,
    cards: &[CardContent],
    previous: &mut Vec<(CardContent, Placement, CardLayout)>,
    memo: &mut CardMemo,
) -> Carousel {
    let mut placement = carousel_placement(width);
    let card_width = placement.width;
    let mut laid = Vec::with_capacity(cards.len());
    for (i, c) in cards.iter().enumerate() {
        let mut l = memo.lay_out(previous, c, placement);
        if i == 0 {
            placement.budget = l.height;
        }
        l.height = placement.budget;
        laid.push(l);
    }
    Carousel {
        card_width,
        height: placement.budget,
        cards: laid,
    }
}

/// The findings that follow from the layout: cut text and dropped buttons, at their fields.
#[must_use]
pub fn findings(request: &SendRcsMessageRequest, layout: &MessageLayout) -> Vec<Finding> {
    let mut out = Vec::new();
    let content = request.content();
    match &layout.body {
        Body::Card(l) => {
            let card = content
                .and_then(|c| c.rich_card.as_ref())
                .and_then(|r| r.card_content.as_ref());
            card_findings(RICH_CARD, None, card, &l.cuts, &mut out);
        }
        Body::Carousel(carousel) => {
            for (i, (l, card)) in carousel
                .cards
                .iter()
                .zip(carousel_cards(request))
                .enumerate()
            {
                card_findings(&carousel_card(i), Some(i), Some(card), &l.cuts, &mut out);
            }
        }
        Body::Empty | Body::Text(_) | Body::File => {}
    }
    out
}

/// The same findings as [`findings`] of [`lay_out`], without laying the text out: for many
/// rows of a campaign, where nothing is drawn.
#[must_use]
pub fn cut_findings(request: &SendRcsMessageRequest) -> Vec<Finding> {
    let mut out = Vec::new();
    let Some(content) = request.content() else {
        return out;
    };
    if content.text_message.is_some() || content.file_message.is_some() {
        return out;
    }
    if let Some(rich) = &content.rich_card {
        if let Some(card) = &rich.card_content {
            let (cuts, _) = card::cuts(card, rich_card_placement(rich));
            card_findings(RICH_CARD, None, Some(card), &cuts, &mut out);
        }
    } else if let Some(carousel) = &content.carousel {
        let mut placement = carousel_placement(carousel.card_width.as_deref());
        for (i, card) in carousel_cards(request).iter().enumerate() {
            let (cuts, height) = card::cuts(card, placement);
            if i == 0 {
                placement.budget = height;
            }
            card_findings(&carousel_card(i), Some(i), Some(card), &cuts, &mut out);
        }
    }
    out
}

const RICH_CARD: &str = "RcsMessageContent.Content.RichCard.CardContent";

fn carousel_card(i: usize) -> String {
    format!("RcsMessageContent.Content.Carousel.CardContents[{i}]")
}

fn carousel_cards(request: &SendRcsMessageRequest) -> &[CardContent] {
    request
        .content()
        .and_then(|c| c.carousel.as_ref())
        .and_then(|c| c.card_contents.as_deref())
        .unwrap_or_default()
}

fn card_findings(
    base: &str,
    index: Option<usize>,
    card: Option<&CardContent>,
    cuts: &[Cut],
    out: &mut Vec<Finding>,
) {
    // After the first card of a carousel, cuts come from the first card's height.
    let why = if index.is_some_and(|i| i > 0) {
        "every card of a carousel is as tall as the first"
    } else {
        "the card has no room for it"
    };
    let buttons = card
        .and_then(|c| c.suggestions.as_deref())
        .unwrap_or_default();
    for cut in cuts {
        let finding = |code, path: String, button, what: String| Finding {
            code,
            path,
            card: index,
            button,
            what,
        };
        match *cut {
            Cut::Title { shown, of } | Cut::Description { shown, of } => {
                let (member, name) = if matches!(cut, Cut::Title { .. }) {
                    ("Title", "title")
                } else {
                    ("Description", "description")
                };
                let what = if shown == 0 {
                    format!("The {name} is not shown: {why}.")
                } else {
                    format!("The {name} shows {shown} of its {of} lines: {why}.")
                };
                out.push(finding(
                    Code::PhoneTextCut,
                    format!("{base}.{member}"),
                    None,
                    what,
                ));
            }
            Cut::Button { index: first } => {
                for b in first..buttons.len() {
                    out.push(finding(
                        Code::PhoneSuggestionDropped,
                        format!("{base}.Suggestions[{b}]"),
                        Some(b),
                        format!("Button {} is not shown: {why}.", b + 1),
                    ));
                }
            }
            Cut::ButtonText { index: b } => {
                let action = buttons
                    .get(b)
                    .and_then(|s| s.kinds().first().map(|k| k.member()))
                    .unwrap_or("Reply");
                out.push(finding(
                    Code::PhoneTextCut,
                    format!("{base}.Suggestions[{b}].{action}.Text"),
                    Some(b),
                    format!("Button {}'s text is cut to fit the button's width.", b + 1),
                ));
            }
        }
    }
}
