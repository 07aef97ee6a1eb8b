//! A rich card on the phone: its size, its text's lines and which buttons it shows. When the
//! content is taller than the card's height budget, the phone cuts in this order
//! (docs/phone-rendering.md): the description to one line, the title to one line, buttons
//! from the end, the description, the title.

use super::dp;
use super::font::{self, Face};
use super::text::{self, Style};
use crate::rcs::model::{CardContent, Suggestion};

/// How the card places its media.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// Media on top, text below.
    Vertical,
    /// Media in a column beside the text, on the left or (`media_right`) the right.
    Horizontal { media_right: bool },
}

/// Something the phone leaves out of a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cut {
    /// The title shows `shown` of its `of` lines (0: not at all).
    Title { shown: usize, of: usize },
    /// The description shows `shown` of its `of` lines (0: not at all).
    Description { shown: usize, of: usize },
    /// The button at this index (and so every one after it) is not shown.
    Button { index: usize },
    /// The button's text is cut to fit the button.
    ButtonText { index: usize },
}

/// A card as the phone lays it out, in dp.
#[derive(Debug, Clone, PartialEq)]
pub struct CardLayout {
    pub width: f32,
    pub height: f32,
    pub orientation: Orientation,
    /// Whether the card has media (stacked on top, or in the side column).
    pub has_media: bool,
    /// Height of the media on top of a vertical card (0 for none or a horizontal card).
    pub media_height: f32,
    /// Width of a horizontal card's media column (0 for none or a vertical card).
    pub media_width: f32,
    /// Width the title and description wrap at.
    pub text_width: f32,
    /// The lines shown; a cut one ends in "…".
    pub title: Vec<String>,
    pub description: Vec<String>,
    /// The buttons shown: each one's label as shown (cut ones end in "…").
    pub buttons: Vec<String>,
    /// What was cut, in the order the phone cut it.
    pub cuts: Vec<Cut>,
}

impl CardLayout {
    #[must_use]
    pub fn is_cut(&self) -> bool {
        self.cuts
            .iter()
            .any(|c| !matches!(c, Cut::ButtonText { .. }))
    }
}

/// Where a card is shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub width: f32,
    pub orientation: Orientation,
    /// The most the card may be tall.
    pub budget: f32,
    pub in_carousel: bool,
}

pub(crate) const TITLE: Face = Face::Medium;
pub(crate) const BODY: Face = Face::Regular;

#[expect(
    clippy::cast_precision_loss,
    reason = "line and button counts are tiny"
)]
fn height(media: f32, title: usize, description: usize, buttons: usize) -> f32 {
    let body = if title + description + buttons > 0 {
        dp::CARD_PADDING
    } else {
        0.0
    };
    let body = body
        + title as f32 * dp::TITLE_LINE
        + description as f32 * dp::BODY_LINE
        + buttons as f32 * dp::SUGGESTION_HEIGHT;
    (media + body).max(dp::CARD_MIN_HEIGHT)
}

/// The room a button's label has: the card's width less the insets and the action's icon.
#[must_use]
pub fn button_text_width(card_width: f32, has_icon: bool) -> f32 {
    let icon = if has_icon {
        dp::ICON_SIZE + dp::ICON_GAP
    } else {
        0.0
    };
    card_width - 2.0 * dp::BUTTON_INSET - icon
}

/// Whether Google Messages shows an icon before this action's label (every action but Reply).
#[must_use]
pub fn has_icon(s: &Suggestion) -> bool {
    s.reply.is_none() && s.kind_count() > 0
}

/// Where a card's pieces go and how its text is set.
struct Frame {
    media_height: f32,
    media_width: f32,
    text_width: f32,
    title: Style,
    body: Style,
}

fn frame(card: &CardContent, placement: Placement) -> Frame {
    let (media_height, media_width) = match (placement.orientation, &card.media) {
        (Orientation::Vertical, Some(m)) => (
            dp::media_height(m.height.as_deref(), placement.in_carousel),
            0.0,
        ),
        (Orientation::Horizontal { .. }, Some(_)) => (0.0, dp::HORIZONTAL_MEDIA_WIDTH),
        _ => (0.0, 0.0),
    };
    let text_width = placement.width - media_width - 2.0 * dp::CARD_PADDING;
    Frame {
        media_height,
        media_width,
        text_width,
        title: Style {
            face: TITLE,
            size: dp::TITLE_SIZE,
            width: text_width,
        },
        body: Style {
            face: BODY,
            size: dp::BODY_SIZE,
            width: text_width,
        },
    }
}

/// What is shown of a card's title lines, description lines and buttons, and its height.
struct Fit {
    title: usize,
    description: usize,
    buttons: usize,
    height: f32,
    cuts: Vec<Cut>,
}

/// Fits content of these sizes into `budget`, cutting in the phone's order.
fn fit(media: f32, (title, description, buttons): (usize, usize, usize), budget: f32) -> Fit {
    let (mut t, mut d, mut s) = (title, description, buttons);
    let fits = |t, d, s| height(media, t, d, s) <= budget;
    if !fits(t, d, s) && d > 1 {
        d = 1;
    }
    if !fits(t, d, s) && t > 1 {
        t = 1;
    }
    while !fits(t, d, s) && s > 0 {
        s -= 1;
    }
    if !fits(t, d, s) && d > 0 {
        d = 0;
    }
    if !fits(t, d, s) && t > 0 {
        t = 0;
    }
    let mut cuts = Vec::new();
    if d < description {
        cuts.push(Cut::Description {
            shown: d,
            of: description,
        });
    }
    if t < title {
        cuts.push(Cut::Title {
            shown: t,
            of: title,
        });
    }
    if s < buttons {
        cuts.push(Cut::Button { index: s });
    }
    // In the order the phone cuts.
    cuts.sort_by_key(|c| match c {
        Cut::Description { shown, .. } if *shown > 0 => 0,
        Cut::Title { shown, .. } if *shown > 0 => 1,
        Cut::Button { .. } | Cut::ButtonText { .. } => 2,
        Cut::Description { .. } => 3,
        Cut::Title { .. } => 4,
    });
    Fit {
        title: t,
        description: d,
        buttons: s,
        height: height(media, t, d, s).min(budget.max(dp::CARD_MIN_HEIGHT)),
        cuts,
    }
}

fn label(b: &Suggestion) -> &str {
    b.base().and_then(|b| b.text.as_deref()).unwrap_or("")
}

fn button_style(placement: Placement, b: &Suggestion) -> Style {
    Style {
        face: BODY,
        size: dp::BUTTON_TEXT_SIZE,
        width: button_text_width(placement.width, has_icon(b)),
    }
}

/// Lays `card` out at `placement`, cutting what does not fit its budget.
#[must_use]
pub fn lay_out(card: &CardContent, placement: Placement) -> CardLayout {
    let f = frame(card, placement);
    let title_lines = text::wrap(card.title.as_deref().unwrap_or(""), f.title);
    let description_lines = text::wrap(card.description.as_deref().unwrap_or(""), f.body);
    let suggestions = card.suggestions.as_deref().unwrap_or_default();
    let sizes = (
        title_lines.len(),
        description_lines.len(),
        suggestions.len(),
    );
    let mut fitted = fit(f.media_height, sizes, placement.budget);
    let buttons = suggestions[..fitted.buttons]
        .iter()
        .enumerate()
        .map(|(index, b)| {
            let shown = text::ellipsize(label(b), button_style(placement, b));
            if shown != label(b) {
                fitted.cuts.push(Cut::ButtonText { index });
            }
            shown
        })
        .collect();
    CardLayout {
        width: placement.width,
        height: fitted.height,
        orientation: placement.orientation,
        has_media: card.media.is_some(),
        media_height: f.media_height,
        media_width: f.media_width,
        text_width: f.text_width,
        title: text::truncate(&title_lines, fitted.title, f.title),
        description: text::truncate(&description_lines, fitted.description, f.body),
        buttons,
        cuts: fitted.cuts,
    }
}

/// What [`lay_out`] cuts and the card's height, without laying the text out (for checking
/// many rows: nothing is allocated unless something is cut).
#[must_use]
pub fn cuts(card: &CardContent, placement: Placement) -> (Vec<Cut>, f32) {
    let f = frame(card, placement);
    let suggestions = card.suggestions.as_deref().unwrap_or_default();
    let sizes = (
        text::count_lines(card.title.as_deref().unwrap_or(""), f.title),
        text::count_lines(card.description.as_deref().unwrap_or(""), f.body),
        suggestions.len(),
    );
    let mut fitted = fit(f.media_height, sizes, placement.budget);
    for (index, b) in suggestions[..fitted.buttons].iter().enumerate() {
        let style = button_style(placement, b);
        if font::width(style.face, style.size, label(b)) > style.width {
            fitted.cuts.push(Cut::ButtonText { index });
        }
    }
    (fitted.cuts, fitted.height)
}

#[cfg(test)]
#[expect(
    clippy::float_cmp,
    reason = "dp sizes are whole numbers, exact in f32: equality is the claim"
)]
mod tests {
    use super::*;
    use crate::rcs::model::{ActionBase, Media, Reply};

    fn reply(text: &str) -> Suggestion {
        Suggestion {
            reply: Some(Reply {
                base: ActionBase {
                    text: Some(text.to_owned()),
                    postback_data: Some("p".to_owned()),
                },
            }),
            ..Suggestion::default()
        }
    }

    fn card(height: Option<&str>, title: &str, description: &str, buttons: usize) -> CardContent {
        CardContent {
            title: Some(title.to_owned()).filter(|t| !t.is_empty()),
            description: Some(description.to_owned()).filter(|d| !d.is_empty()),
            media: height.map(|h| Media {
                file_url: Some("s3://b/a.jpg".to_owned()),
                thumbnail_url: None,
                height: Some(h.to_owned()).filter(|h| !h.is_empty()),
            }),
            suggestions: Some(
                (0..buttons)
                    .map(|i| reply(&format!("Option {i}")))
                    .collect(),
            ),
        }
    }

    fn standalone(orientation: Orientation) -> Placement {
        Placement {
            width: dp::STANDALONE_CARD_WIDTH,
            orientation,
            budget: dp::CARD_MAX_HEIGHT,
            in_carousel: false,
        }
    }

    #[test]
    fn the_references_rough_fit_holds() {
        let v = standalone(Orientation::Vertical);
        // TALL leaves room for a title and a description, or for one button.
        assert!(!lay_out(&card(Some("TALL"), "Sale", "Today only", 0), v).is_cut());
        assert!(!lay_out(&card(Some("TALL"), "", "", 1), v).is_cut());
        let tall = lay_out(&card(Some("TALL"), "Sale", "Today only", 2), v);
        assert!(tall.buttons.is_empty());
        assert_eq!(tall.cuts, [Cut::Button { index: 0 }]);
        // MEDIUM: up to two buttons; SHORT: up to three; four only without media.
        assert_eq!(
            lay_out(&card(Some("MEDIUM"), "Sale", "Today", 4), v)
                .buttons
                .len(),
            2
        );
        assert_eq!(
            lay_out(&card(Some("SHORT"), "Sale", "Today", 4), v)
                .buttons
                .len(),
            3
        );
        assert_eq!(lay_out(&card(None, "Sale", "Today", 4), v).buttons.len(), 4);
    }

    #[test]
    fn cuts_in_the_phones_order_and_ends_cut_lines_with_an_ellipsis() {
        let long = card(
            Some("MEDIUM"),
            "A very long title that needs more than two lines on the phone to be read in full, all of it",
            &"Four lines of description at least. ".repeat(8),
            2,
        );
        let mut p = standalone(Orientation::Vertical);
        let l = lay_out(&long, p);
        assert!(
            matches!(l.cuts[0], Cut::Description { shown: 1, .. }),
            "{:?}",
            l.cuts
        );
        assert!(
            matches!(l.cuts[1], Cut::Title { shown: 1, .. }),
            "{:?}",
            l.cuts
        );
        assert_eq!(l.cuts.len(), 2);
        assert!(l.title[0].ends_with('…') && l.description[0].ends_with('…'));
        assert_eq!(l.buttons.len(), 2);
        p.budget = 230.0;
        let l = lay_out(&long, p);
        assert_eq!(l.cuts[2], Cut::Button { index: 0 });
        p.budget = 210.0;
        let l = lay_out(&long, p);
        assert!(
            matches!(l.cuts.last(), Some(Cut::Description { shown: 0, .. })),
            "{:?}",
            l.cuts
        );
        p.budget = 170.0;
        let l = lay_out(&long, p);
        assert!(
            matches!(l.cuts.last(), Some(Cut::Title { shown: 0, .. })),
            "{:?}",
            l.cuts
        );
        assert!(l.height <= 170.0);
    }

    #[test]
    fn media_sizes_follow_orientation_and_carousel() {
        let c = card(Some("TALL"), "T", "D", 0);
        let in_carousel = Placement {
            width: dp::CARD_WIDTH_MEDIUM,
            orientation: Orientation::Vertical,
            budget: dp::CARD_MAX_HEIGHT,
            in_carousel: true,
        };
        assert_eq!(lay_out(&c, in_carousel).media_height, dp::MEDIA_MEDIUM);
        let h = standalone(Orientation::Horizontal { media_right: false });
        let with = lay_out(&c, h);
        assert_eq!(
            (with.media_height, with.media_width),
            (0.0, dp::HORIZONTAL_MEDIA_WIDTH)
        );
        // Without media, a horizontal card's text has the whole width.
        let without = lay_out(&card(None, "T", "D", 0), h);
        assert_eq!(without.media_width, 0.0);
        assert_eq!(
            without.text_width,
            dp::STANDALONE_CARD_WIDTH - 2.0 * dp::CARD_PADDING
        );
        assert_eq!(
            with.text_width,
            without.text_width - dp::HORIZONTAL_MEDIA_WIDTH
        );
    }

    #[test]
    fn counting_cuts_agrees_with_laying_out() {
        let long = "Four lines of description at least. ".repeat(8);
        let mut c = card(
            Some("TALL"),
            "A title of some length, long enough for two lines",
            &long,
            4,
        );
        c.suggestions
            .get_or_insert_with(Vec::new)
            .push(reply("Reserve a table tonight"));
        for width in [
            dp::CARD_WIDTH_SMALL,
            dp::CARD_WIDTH_MEDIUM,
            dp::STANDALONE_CARD_WIDTH,
        ] {
            for budget in [120.0, 200.0, 300.0, dp::CARD_MAX_HEIGHT] {
                for height in [None, Some("SHORT"), Some("TALL")] {
                    c.media = height.map(|h| Media {
                        file_url: Some("s3://b/a.jpg".to_owned()),
                        thumbnail_url: None,
                        height: Some(h.to_owned()),
                    });
                    let p = Placement {
                        width,
                        orientation: Orientation::Vertical,
                        budget,
                        in_carousel: false,
                    };
                    let l = lay_out(&c, p);
                    assert_eq!(
                        cuts(&c, p),
                        (l.cuts, l.height),
                        "{width} {budget} {height:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_label_wider_than_its_button_is_cut() {
        let mut c = card(None, "T", "", 0);
        c.suggestions = Some(vec![reply("Reserve a table tonight"), reply("Yes")]);
        let small = Placement {
            width: dp::CARD_WIDTH_SMALL,
            orientation: Orientation::Vertical,
            budget: dp::CARD_MAX_HEIGHT,
            in_carousel: true,
        };
        let l = lay_out(&c, small);
        assert_eq!(l.cuts, [Cut::ButtonText { index: 0 }]);
        assert!(l.buttons[0].ends_with('…'));
        assert_eq!(l.buttons[1], "Yes");
        assert!(!l.is_cut(), "a cut label is not a cut card");
    }
}
