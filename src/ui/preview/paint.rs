//! Painting the phone's pieces in dp, mapped to points once through `Cx::px`.

use std::sync::Arc;

use egui::text::LayoutJob;
use egui::{
    Align2, Color32, CornerRadius, FontId, Galley, Rect, Sense, Stroke, StrokeKind, Ui, pos2, vec2,
};

use super::Cx;
use super::fit::{self, CardFit, CardNeeds};
use crate::rcs::model::{ActionKind, CardContent, SendRcsMessageRequest, Suggestion};
use crate::rcs::segments;
use crate::ui::media::file_name;
use crate::ui::theme::{self, dp};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardLayout {
    Vertical,
    Horizontal { media_right: bool },
}

fn radius(cx: &Cx<'_>, r: f32) -> CornerRadius {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "radii are small positive dp values, clamped to u8"
    )]
    CornerRadius::same(cx.px(r).round().clamp(0.0, 255.0) as u8)
}

/// Lays out text in dp units: `size` and `width` in dp, at most `rows` rows (0: none).
pub fn text(
    ui: &Ui,
    cx: &Cx<'_>,
    s: &str,
    size: f32,
    colour: Color32,
    width: f32,
    rows: usize,
) -> Arc<Galley> {
    let mut job = LayoutJob::simple(
        s.to_owned(),
        FontId::proportional(cx.px(size)),
        colour,
        cx.px(width),
    );
    job.wrap.max_rows = rows;
    job.wrap.overflow_character = Some('…');
    ui.painter().layout_job(job)
}

/// The bezel, screen and header; returns the chat area.
pub fn frame(ui: &Ui, cx: &Cx<'_>, rect: Rect, agent: Option<&str>) -> Rect {
    let p = ui.painter();
    let pal = cx.pal;
    p.rect_filled(rect, radius(cx, 36.0), pal.bezel);
    let screen = rect.shrink(cx.px(dp::BEZEL));
    p.rect_filled(screen, radius(cx, 26.0), pal.screen);
    let header = Rect::from_min_size(screen.min, vec2(screen.width(), cx.px(dp::HEADER_HEIGHT)));
    p.rect_filled(
        header,
        CornerRadius {
            nw: radius(cx, 26.0).nw,
            ne: radius(cx, 26.0).ne,
            sw: 0,
            se: 0,
        },
        pal.header,
    );
    let avatar = pos2(header.min.x + cx.px(30.0), header.center().y);
    p.circle_filled(avatar, cx.px(16.0), pal.suggestion_text);
    p.text(
        avatar,
        Align2::CENTER_CENTER,
        "B",
        FontId::proportional(cx.px(15.0)),
        pal.screen,
    );
    let name_at = pos2(header.min.x + cx.px(56.0), header.center().y - cx.px(8.0));
    p.text(
        name_at,
        Align2::LEFT_CENTER,
        "Your brand  ✔",
        FontId::proportional(cx.px(15.0)),
        pal.header_text,
    );
    let sub = agent.map_or_else(|| "RCS business message".to_owned(), |a| shorten(a, 34));
    p.text(
        pos2(name_at.x, name_at.y + cx.px(17.0)),
        Align2::LEFT_CENTER,
        sub,
        FontId::proportional(cx.px(11.0)),
        pal.muted,
    );
    Rect::from_min_max(pos2(screen.min.x, header.max.y), screen.max)
}

fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let head: String = s.chars().take(n - 1).collect();
        format!("{head}…")
    }
}

pub fn note(ui: &mut Ui, cx: &Cx<'_>, s: &str) {
    ui.vertical_centered(|ui| {
        ui.label(egui::RichText::new(s).size(cx.px(12.0)).color(cx.pal.muted))
    });
}

/// Allocates a block in dp, indented past the avatar; returns its rect.
fn block(ui: &mut Ui, cx: &Cx<'_>, width: f32, height: f32) -> Rect {
    let mut rect = Rect::NOTHING;
    ui.horizontal(|ui| {
        ui.add_space(cx.px(dp::CHAT_PADDING + dp::AVATAR));
        rect = ui
            .allocate_exact_size(vec2(cx.px(width), cx.px(height)), Sense::hover())
            .0;
    });
    rect
}

pub fn text_bubble(ui: &mut Ui, cx: &Cx<'_>, body: &str) {
    bubble(ui, cx, body, cx.pal.bubble);
}

/// A chat bubble of wrapped text in `fill`.
fn bubble(ui: &mut Ui, cx: &Cx<'_>, body: &str, fill: Color32) {
    let pad = 12.0;
    let width = dp::BUBBLE_MAX_WIDTH - 2.0 * pad;
    let g = text(
        ui,
        cx,
        body,
        dp::BODY_SIZE,
        cx.pal.bubble_text,
        width,
        usize::MAX,
    );
    let size = g.size() / cx.s + vec2(2.0 * pad, 2.0 * pad - 4.0);
    let rect = block(ui, cx, size.x.max(40.0), size.y.max(36.0));
    if ui.is_rect_visible(rect) {
        ui.painter()
            .rect_filled(rect, radius(cx, dp::RADIUS_BUBBLE), fill);
        let at = rect.min + vec2(cx.px(pad), cx.px(pad - 2.0));
        ui.painter().galley(at, g, cx.pal.bubble_text);
    }
}

fn kind_of_file(url: &str) -> &'static str {
    let ext = url.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "pdf" => "PDF document",
        "mp4" | "m4v" | "webm" | "mpeg" | "mpg" | "3gp" | "h263" => "Video",
        "mp3" | "aac" | "ogg" | "m4a" | "amr" | "3gpp" => "Audio",
        "jpg" | "jpeg" | "png" | "gif" | "webp" | "bmp" => "Image",
        _ => "File",
    }
}

/// The part of a texture that fills `rect` without distortion (cropped, as the phone does).
fn crop_to_fill(texture_size: [usize; 2], rect: Rect) -> Rect {
    #[expect(clippy::cast_precision_loss, reason = "texture sizes are small")]
    let texture_ratio = texture_size[0] as f32 / texture_size[1].max(1) as f32;
    let rect_ratio = rect.width() / rect.height().max(1.0);
    let size = if texture_ratio > rect_ratio {
        vec2(rect_ratio / texture_ratio, 1.0)
    } else {
        vec2(1.0, texture_ratio / rect_ratio)
    };
    Rect::from_center_size(pos2(0.5, 0.5), size)
}

/// An image or a placeholder naming the URL's file, filling `rect`.
fn media(ui: &Ui, cx: &Cx<'_>, rect: Rect, url: Option<&str>, corner: CornerRadius) {
    let p = ui.painter();
    if let Some(texture) = url.and_then(|u| cx.media.texture(u)) {
        let uv = crop_to_fill(texture.size(), rect);
        p.add(
            egui::epaint::RectShape::filled(rect, corner, Color32::WHITE)
                .with_texture(texture.id(), uv),
        );
    } else {
        p.rect_filled(rect, corner, cx.pal.media_placeholder);
        let name = url.map_or("media", file_name);
        let g = text(
            ui,
            cx,
            &format!("🖼 {name}"),
            12.0,
            cx.pal.muted,
            rect.width() / cx.s - 16.0,
            2,
        );
        p.galley(rect.center() - g.size() / 2.0, g, cx.pal.muted);
    }
}

pub fn file(ui: &mut Ui, cx: &Cx<'_>, url: &str, thumbnail: Option<&str>) {
    if cx.media.texture(url).is_some() && kind_of_file(url) == "Image" {
        let rect = block(ui, cx, 240.0, 180.0);
        media(ui, cx, rect, Some(url), radius(cx, dp::RADIUS_CARD));
        return;
    }
    let rect = block(ui, cx, 240.0, dp::FILE_TILE_HEIGHT);
    if !ui.is_rect_visible(rect) {
        return;
    }
    let p = ui.painter();
    p.rect_filled(rect, radius(cx, dp::RADIUS_CARD), cx.pal.bubble);
    let icon = Rect::from_min_size(
        rect.min + vec2(cx.px(8.0), cx.px(8.0)),
        vec2(cx.px(48.0), cx.px(48.0)),
    );
    if thumbnail.is_some_and(|t| cx.media.texture(t).is_some()) {
        media(ui, cx, icon, thumbnail, radius(cx, 8.0));
    } else {
        p.rect_filled(icon, radius(cx, 8.0), cx.pal.media_placeholder);
        p.text(
            icon.center(),
            Align2::CENTER_CENTER,
            "📄",
            FontId::proportional(cx.px(22.0)),
            cx.pal.muted,
        );
    }
    let x = icon.max.x + cx.px(10.0);
    let name = text(ui, cx, file_name(url), 13.0, cx.pal.bubble_text, 160.0, 1);
    p.galley(pos2(x, rect.min.y + cx.px(14.0)), name, cx.pal.bubble_text);
    p.text(
        pos2(x, rect.min.y + cx.px(44.0)),
        Align2::LEFT_CENTER,
        kind_of_file(url),
        FontId::proportional(cx.px(11.0)),
        cx.pal.muted,
    );
}

fn text_width(width: f32, layout: CardLayout) -> f32 {
    let media = if matches!(layout, CardLayout::Horizontal { .. }) {
        dp::HORIZONTAL_MEDIA_WIDTH
    } else {
        0.0
    };
    width - media - 2.0 * dp::CARD_PADDING
}

fn stacked_media(card: &CardContent, layout: CardLayout, carousel: bool) -> f32 {
    match (layout, &card.media) {
        (CardLayout::Vertical, Some(m)) => {
            let h = theme::media_height(m.height.as_deref());
            // TALL is not allowed in carousels; the phone shows MEDIUM.
            if carousel && h > dp::MEDIA_MEDIUM {
                dp::MEDIA_MEDIUM
            } else {
                h
            }
        }
        _ => 0.0,
    }
}

/// Measures a card's content and fits it into `budget` dp.
pub fn measure(
    ui: &Ui,
    cx: &Cx<'_>,
    card: &CardContent,
    width: f32,
    layout: CardLayout,
    budget: f32,
    carousel: bool,
) -> CardFit {
    let w = text_width(width, layout);
    let rows = |s: Option<&str>, size: f32| {
        s.filter(|s| !s.is_empty()).map_or(0, |s| {
            text(ui, cx, s, size, Color32::WHITE, w, usize::MAX)
                .rows
                .len()
        })
    };
    let needs = CardNeeds {
        media: stacked_media(card, layout, carousel),
        title_rows: rows(card.title.as_deref(), dp::TITLE_SIZE),
        description_rows: rows(card.description.as_deref(), dp::BODY_SIZE),
        suggestions: card.suggestions.as_ref().map_or(0, Vec::len),
    };
    fit::fit(needs, budget)
}

/// Paints the card's media; returns the rect left for its text and suggestions.
fn card_media(
    ui: &Ui,
    cx: &Cx<'_>,
    card: &CardContent,
    layout: CardLayout,
    fit: &CardFit,
    rect: Rect,
) -> Rect {
    let url = card.media.as_ref().and_then(|m| m.file_url.as_deref());
    let corner = radius(cx, dp::RADIUS_CARD);
    if card.media.is_none() {
        return rect;
    }
    match layout {
        CardLayout::Vertical => {
            let height = cx.px(stacked_media(card, layout, false).min(fit.height));
            let (top, remaining) = rect.split_top_bottom_at_y(rect.min.y + height);
            media(
                ui,
                cx,
                top,
                url,
                CornerRadius {
                    sw: 0,
                    se: 0,
                    ..corner
                },
            );
            remaining
        }
        CardLayout::Horizontal { media_right: false } => {
            let (side, remaining) =
                rect.split_left_right_at_x(rect.min.x + cx.px(dp::HORIZONTAL_MEDIA_WIDTH));
            media(
                ui,
                cx,
                side,
                url,
                CornerRadius {
                    ne: 0,
                    se: 0,
                    ..corner
                },
            );
            remaining
        }
        CardLayout::Horizontal { media_right: true } => {
            let (remaining, side) =
                rect.split_left_right_at_x(rect.max.x - cx.px(dp::HORIZONTAL_MEDIA_WIDTH));
            media(
                ui,
                cx,
                side,
                url,
                CornerRadius {
                    nw: 0,
                    sw: 0,
                    ..corner
                },
            );
            remaining
        }
    }
}

/// Paints title and description at the top of `area`, as many rows as `fit` leaves.
fn card_text(ui: &Ui, cx: &Cx<'_>, card: &CardContent, width: f32, fit: &CardFit, area: Rect) {
    let pal = cx.pal;
    let x = area.min.x + cx.px(dp::CARD_PADDING);
    let mut y = area.min.y + cx.px(dp::CARD_PADDING * 0.75);
    if fit.title_rows > 0 {
        let title = text(
            ui,
            cx,
            card.title.as_deref().unwrap_or(""),
            dp::TITLE_SIZE,
            pal.title,
            width,
            fit.title_rows,
        );
        let height = title.size().y;
        ui.painter().galley(pos2(x, y), title, pal.title);
        y += height;
    }
    if fit.description_rows > 0 {
        let body = card.description.as_deref().unwrap_or("");
        let description = text(
            ui,
            cx,
            body,
            dp::BODY_SIZE,
            pal.body,
            width,
            fit.description_rows,
        );
        ui.painter()
            .galley(pos2(x, y + cx.px(2.0)), description, pal.body);
    }
}

/// Paints the suggestions `fit` leaves as rows at the bottom of `area`.
fn card_suggestions(ui: &Ui, cx: &Cx<'_>, card: &CardContent, fit: &CardFit, area: Rect) {
    let pal = cx.pal;
    let row_height = cx.px(dp::SUGGESTION_HEIGHT);
    let mut top = area.max.y - row_height * f32_from(fit.suggestions);
    for s in card.suggestions.iter().flatten().take(fit.suggestions) {
        let row = Rect::from_min_size(pos2(area.min.x, top), vec2(area.width(), row_height));
        ui.painter().line_segment(
            [row.left_top(), row.right_top()],
            Stroke::new(1.0, pal.card_border),
        );
        let label = format!("{}{}", icon(s), action_text(s));
        let g = text(
            ui,
            cx,
            &label,
            14.0,
            pal.suggestion_text,
            area.width() / cx.s - 16.0,
            1,
        );
        ui.painter()
            .galley(row.center() - g.size() / 2.0, g, pal.suggestion_text);
        top += row_height;
    }
}

/// Paints a card with the content `fit` leaves, `fit.height` tall, and a badge when cut.
pub fn card(
    ui: &mut Ui,
    cx: &Cx<'_>,
    card: &CardContent,
    width: f32,
    layout: CardLayout,
    fit: &CardFit,
) {
    let (rect, _) = ui.allocate_exact_size(vec2(cx.px(width), cx.px(fit.height)), Sense::hover());
    if !ui.is_rect_visible(rect) {
        return;
    }
    let corner = radius(cx, dp::RADIUS_CARD);
    ui.painter().rect_filled(rect, corner, cx.pal.card);
    let area = card_media(ui, cx, card, layout, fit, rect);
    card_text(ui, cx, card, text_width(width, layout), fit, area);
    card_suggestions(ui, cx, card, fit, area);
    let p = ui.painter();
    p.rect_stroke(
        rect,
        corner,
        Stroke::new(1.0, cx.pal.card_border),
        StrokeKind::Inside,
    );
    if fit.is_cut() {
        let centre = rect.right_top() + vec2(-cx.px(14.0), cx.px(14.0));
        p.circle_filled(centre, cx.px(10.0), cx.pal.warning);
        p.text(
            centre,
            Align2::CENTER_CENTER,
            "!",
            FontId::proportional(cx.px(13.0)),
            cx.pal.card,
        );
    }
}

fn f32_from(n: usize) -> f32 {
    #[expect(clippy::cast_precision_loss, reason = "at most a handful of rows")]
    let f = n as f32;
    f
}

fn action_text(s: &Suggestion) -> &str {
    s.base().and_then(|b| b.text.as_deref()).unwrap_or("")
}

/// The icon Google Messages shows before an action's text.
fn icon(s: &Suggestion) -> &'static str {
    match s.kinds().first() {
        Some(ActionKind::OpenUrl) => "🔗 ",
        Some(ActionKind::DialPhone) => "📞 ",
        Some(ActionKind::ShowLocation) => "📍 ",
        Some(ActionKind::RequestLocation) => "🎯 ",
        Some(ActionKind::CreateCalendarEvent) => "📅 ",
        Some(ActionKind::Reply) | None => "",
    }
}

/// Message-level chips in a row that scrolls sideways.
pub fn chips(ui: &mut Ui, cx: &Cx<'_>, chips: &[Suggestion]) {
    egui::ScrollArea::horizontal()
        .id_salt("chips")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.add_space(cx.px(dp::CHAT_PADDING));
                ui.spacing_mut().item_spacing.x = cx.px(dp::CHIP_GAP);
                for s in chips {
                    let label = format!("{}{}", icon(s), action_text(s));
                    let g = text(
                        ui,
                        cx,
                        &label,
                        14.0,
                        cx.pal.suggestion_text,
                        f32::INFINITY,
                        1,
                    );
                    let size = vec2(g.size().x + cx.px(28.0), cx.px(dp::CHIP_HEIGHT));
                    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
                    if ui.is_rect_visible(rect) {
                        let p = ui.painter();
                        p.rect_stroke(
                            rect,
                            radius(cx, dp::RADIUS_CHIP),
                            Stroke::new(1.0, cx.pal.chip_border),
                            StrokeKind::Inside,
                        );
                        p.galley(rect.center() - g.size() / 2.0, g, cx.pal.suggestion_text);
                    }
                }
                ui.add_space(cx.px(dp::CHAT_PADDING));
            });
        });
}

/// The SMS or MMS the recipient gets when RCS is not delivered.
pub fn fallback(ui: &mut Ui, cx: &Cx<'_>, r: &SendRcsMessageRequest) {
    let Some(f) = &r.fallback_configuration else {
        ui.add_space(cx.px(10.0));
        note(ui, cx, "No SMS/MMS fallback configured.");
        return;
    };
    ui.add_space(cx.px(14.0));
    let channel = f.channel.as_deref().unwrap_or("SMS");
    let body = f.message_body.as_deref().unwrap_or("");
    let caption = if channel == "SMS" {
        let s = segments::count(body);
        format!(
            "If RCS fails: SMS · {} · {} segment{}",
            s.encoding.label(),
            s.count,
            if s.count == 1 { "" } else { "s" }
        )
    } else {
        "If RCS fails: MMS".to_owned()
    };
    note(ui, cx, &caption);
    ui.add_space(cx.px(4.0));
    if channel == "MMS"
        && let Some(url) = f.media_urls.as_ref().and_then(|u| u.first())
    {
        let rect = block(ui, cx, 200.0, 150.0);
        media(ui, cx, rect, Some(url), radius(cx, dp::RADIUS_CARD));
        ui.add_space(cx.px(4.0));
    }
    if !body.is_empty() {
        bubble(ui, cx, body, cx.pal.sms_bubble);
    }
}
