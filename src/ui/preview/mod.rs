//! The phone preview: a custom-painted Google Messages chat showing the message as a phone
//! would, cut where the phone cuts, with warnings for what a recipient will not see.

pub mod fit;
mod paint;

use egui::{RichText, Sense, Ui, vec2};

use crate::rcs::issue::Code;
use crate::rcs::model::{CardContent, SendRcsMessageRequest};
use crate::ui::editor::form::IssueIndex;
use crate::ui::media_cache::MediaCache;
use crate::ui::theme::{self, Palette, dp};

/// Everything the preview draws from.
pub struct PreviewInput<'a> {
    pub request: &'a SendRcsMessageRequest,
    pub media: &'a MediaCache,
    pub issues: &'a IssueIndex,
    pub dark: bool,
    pub show_fallback: bool,
    /// Size of the request as JSON, computed when the draft changes.
    pub json_bytes: usize,
}

/// The message JSON limit of Google RBM.
pub const MAX_MESSAGE_JSON_BYTES: usize = 250 * 1000;

/// Drawing context: scale from dp to points and the palette.
pub(crate) struct Cx<'a> {
    pub s: f32,
    pub pal: &'a Palette,
    pub media: &'a MediaCache,
}

impl Cx<'_> {
    pub fn px(&self, dp: f32) -> f32 {
        dp * self.s
    }
}

/// Draws the preview; returns warnings about what the recipient will see.
pub fn show(ui: &mut Ui, input: &PreviewInput<'_>) -> Vec<String> {
    let pal = theme::palette(input.dark);
    let phone = vec2(
        dp::SCREEN_WIDTH + 2.0 * dp::BEZEL,
        dp::SCREEN_HEIGHT + 2.0 * dp::BEZEL,
    );
    // Leave room for the panel's scroll bar so the bezel is never cut.
    let s = ((ui.available_width() - 16.0) / phone.x).clamp(0.55, 1.0);
    let cx = Cx {
        s,
        pal,
        media: input.media,
    };
    let mut warnings = Vec::new();
    let (rect, response) = ui.allocate_exact_size(phone * s, Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Phone preview"));
    if ui.is_rect_visible(rect) {
        let screen = paint::frame(ui, &cx, rect, input.request.origination_identity.as_deref());
        let mut chat = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(screen)
                .layout(egui::Layout::top_down(egui::Align::Min)),
        );
        chat.set_clip_rect(screen.intersect(ui.clip_rect()));
        egui::ScrollArea::vertical()
            .id_salt("phone-chat")
            .auto_shrink([false, false])
            .show(&mut chat, |ui| {
                ui.add_space(cx.px(8.0));
                ui.vertical_centered(|ui| {
                    ui.label(RichText::new("Today").size(cx.px(11.0)).color(pal.muted))
                });
                ui.add_space(cx.px(6.0));
                message(ui, &cx, input.request, &mut warnings);
                if input.show_fallback {
                    paint::fallback(ui, &cx, input.request);
                }
                ui.add_space(cx.px(12.0));
            });
    }
    warnings.extend(caveats(input));
    warnings
}

fn message(ui: &mut Ui, cx: &Cx<'_>, r: &SendRcsMessageRequest, warnings: &mut Vec<String>) {
    let Some(content) = r.rcs_message_content.as_ref() else {
        paint::note(ui, cx, "No message content yet.");
        return;
    };
    match content.content.as_ref() {
        Some(c) if c.text_message.is_some() => {
            let body = c
                .text_message
                .as_ref()
                .and_then(|t| t.body.as_deref())
                .unwrap_or("");
            paint::text_bubble(ui, cx, body);
        }
        Some(c) if c.file_message.is_some() => {
            if let Some(f) = &c.file_message {
                paint::file(
                    ui,
                    cx,
                    f.file_url.as_deref().unwrap_or(""),
                    f.thumbnail_url.as_deref(),
                );
            }
        }
        Some(c) if c.rich_card.is_some() => {
            if let Some(rich) = &c.rich_card {
                let card = rich.card_content.clone().unwrap_or_default();
                let horizontal = rich.card_orientation.as_deref() == Some("HORIZONTAL");
                let right = rich.thumbnail_image_alignment.as_deref() == Some("RIGHT");
                let layout = if horizontal {
                    paint::CardLayout::Horizontal { media_right: right }
                } else {
                    paint::CardLayout::Vertical
                };
                let fit = paint::measure(
                    ui,
                    cx,
                    &card,
                    dp::STANDALONE_CARD_WIDTH,
                    layout,
                    dp::CARD_MAX_HEIGHT,
                    false,
                );
                note_cuts(warnings, "Rich card", &fit.cuts);
                ui.horizontal(|ui| {
                    ui.add_space(cx.px(dp::CHAT_PADDING + dp::AVATAR));
                    paint::card(ui, cx, &card, dp::STANDALONE_CARD_WIDTH, layout, &fit);
                });
            }
        }
        Some(c) if c.carousel.is_some() => {
            if let Some(carousel) = &c.carousel {
                carousel_row(
                    ui,
                    cx,
                    carousel.card_width.as_deref(),
                    carousel.card_contents.as_deref().unwrap_or_default(),
                    warnings,
                );
            }
        }
        _ => paint::note(ui, cx, "Choose a content kind to see the message."),
    }
    if let Some(chips) = content.suggestions.as_deref().filter(|c| !c.is_empty()) {
        ui.add_space(cx.px(8.0));
        paint::chips(ui, cx, chips);
    }
}

fn carousel_row(
    ui: &mut Ui,
    cx: &Cx<'_>,
    width: Option<&str>,
    cards: &[CardContent],
    warnings: &mut Vec<String>,
) {
    let w = theme::card_width(width);
    let layout = paint::CardLayout::Vertical;
    // The first card sets the height of every card.
    let first = cards
        .first()
        .map(|c| paint::measure(ui, cx, c, w, layout, dp::CARD_MAX_HEIGHT, true));
    let budget = first.as_ref().map_or(dp::CARD_MAX_HEIGHT, |f| f.height);
    let fits: Vec<fit::CardFit> = cards
        .iter()
        .enumerate()
        .map(|(i, c)| match (i, &first) {
            (0, Some(f)) => f.clone(),
            _ => paint::measure(ui, cx, c, w, layout, budget, true),
        })
        .collect();
    for (i, f) in fits.iter().enumerate() {
        let mut cuts = f.cuts.clone();
        if i > 0 && f.is_cut() {
            cuts.push("to match the first card's height".to_owned());
        }
        note_cuts(
            warnings,
            &format!("Card {}", i + 1),
            if f.is_cut() { &cuts } else { &[] },
        );
    }
    egui::ScrollArea::horizontal()
        .id_salt("carousel")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.add_space(cx.px(dp::CHAT_PADDING + dp::AVATAR));
                ui.spacing_mut().item_spacing.x = cx.px(dp::CAROUSEL_GAP);
                for (card, f) in cards.iter().zip(&fits) {
                    let fixed = fit::CardFit {
                        height: budget,
                        ..f.clone()
                    };
                    paint::card(ui, cx, card, w, layout, &fixed);
                }
                ui.add_space(cx.px(dp::CHAT_PADDING));
            });
        });
}

fn note_cuts(warnings: &mut Vec<String>, what: &str, cuts: &[String]) {
    if !cuts.is_empty() {
        warnings.push(format!(
            "{what} does not fit its height on the phone: {}.",
            cuts.join(", ")
        ));
    }
}

/// Byte-length, size and iOS caveats from rcs-reference.md §2.
fn caveats(input: &PreviewInput<'_>) -> Vec<String> {
    let mut out: Vec<String> = input
        .issues
        .all
        .iter()
        .filter(|i| i.code == Code::MayBeTruncated)
        .map(|i| format!("{}: {}", i.path, i.message))
        .collect();
    if input.json_bytes > MAX_MESSAGE_JSON_BYTES {
        out.push(format!(
            "The message is {} as JSON; Google RBM accepts at most 250 kB.",
            crate::ui::media::human_bytes(input.json_bytes as u64)
        ));
    }
    let Some(content) = input
        .request
        .rcs_message_content
        .as_ref()
        .and_then(|c| c.content.as_ref())
    else {
        return out;
    };
    let cards: Vec<&CardContent> = content
        .rich_card
        .iter()
        .filter_map(|r| r.card_content.as_ref())
        .chain(
            content
                .carousel
                .iter()
                .flat_map(|c| c.card_contents.iter().flatten()),
        )
        .collect();
    let media: Vec<&str> = cards
        .iter()
        .filter_map(|c| c.media.as_ref())
        .flat_map(|m| [m.file_url.as_deref(), m.thumbnail_url.as_deref()])
        .chain(
            content
                .file_message
                .iter()
                .flat_map(|f| [f.file_url.as_deref(), f.thumbnail_url.as_deref()]),
        )
        .flatten()
        .collect();
    if cards
        .iter()
        .any(|c| c.media.as_ref().is_some_and(|m| m.height.is_some()))
    {
        out.push("iOS ignores the media height.".to_owned());
    }
    if content
        .rich_card
        .as_ref()
        .is_some_and(|r| r.card_orientation.as_deref() == Some("HORIZONTAL"))
    {
        out.push("iOS truncates horizontal cards more than Android.".to_owned());
    }
    if media
        .iter()
        .any(|u| u.to_ascii_lowercase().ends_with(".gif"))
    {
        out.push("iOS shows GIFs as still images.".to_owned());
    }
    if cards
        .iter()
        .filter_map(|c| c.description.as_deref())
        .any(|d| d.contains("https://") || d.contains("http://") || d.contains("www."))
    {
        out.push(
            "Links inside a description are not tappable on iOS; use an Open URL suggestion."
                .to_owned(),
        );
    }
    if content
        .carousel
        .as_ref()
        .is_some_and(|c| c.card_contents.iter().flatten().any(|c| c.media.is_some()))
    {
        out.push("iOS crops images in carousels.".to_owned());
    }
    out
}
