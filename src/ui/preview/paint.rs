//! Painting the phone's pieces in dp, mapped to points once through `Cx::px`. Sizes, lines
//! and cuts come from `rcs::phone`'s layout; this file only draws them.

use std::sync::Arc;

use egui::text::LayoutJob;
use egui::{
    Align2, Color32, CornerRadius, FontId, Galley, Rect, Sense, Stroke, StrokeKind, Ui, pos2, vec2,
};

use super::icons::{self, Icon};
use super::{Cx, fonts, marks};
use crate::rcs::model::{CardContent, Suggestion};
use crate::rcs::phone::font::Face;
use crate::rcs::phone::{self, Bubble, CardLayout, Chip, Orientation, dp};
use crate::ui::media::file_name;
use crate::ui::theme::dp as look;

pub(super) fn radius(cx: &Cx<'_>, r: f32) -> CornerRadius {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "radii are small positive dp values, clamped to u8"
    )]
    CornerRadius::same(cx.px(r).round().clamp(0.0, 255.0) as u8)
}

/// One line of text in the preview's Roboto, `size` in dp, not wrapped: the lines come from
/// `rcs::phone`, already broken and cut where the phone breaks and cuts them.
pub fn line(ui: &Ui, cx: &Cx<'_>, s: &str, face: Face, size: f32, colour: Color32) -> Arc<Galley> {
    let job = LayoutJob::simple_singleline(
        s.to_owned(),
        FontId::new(cx.px(size), fonts::family(face)),
        colour,
    );
    ui.painter().layout_job(job)
}

/// Text of the preview's own (file names, captions, the header's name) cut to `width` dp
/// with "…".
pub(super) fn label(
    ui: &Ui,
    cx: &Cx<'_>,
    s: &str,
    (face, size): (Face, f32),
    colour: Color32,
    width: f32,
) -> Arc<Galley> {
    let mut job = LayoutJob::simple(
        s.to_owned(),
        FontId::new(cx.px(size), fonts::family(face)),
        colour,
        cx.px(width),
    );
    job.wrap.max_rows = 1;
    job.wrap.overflow_character = Some('…');
    ui.painter().layout_job(job)
}

/// Paints `lines` from `top`, one every `line_height` dp, each centred in its line.
fn paint_lines(
    ui: &Ui,
    cx: &Cx<'_>,
    lines: &[String],
    at: egui::Pos2,
    (face, size, line_height): (Face, f32, f32),
    colour: Color32,
) -> f32 {
    let mut y = at.y;
    for l in lines {
        let g = line(ui, cx, l, face, size, colour);
        let offset = (cx.px(line_height) - g.size().y) / 2.0;
        ui.painter().galley(pos2(at.x, y + offset), g, colour);
        y += cx.px(line_height);
    }
    y
}

/// A centred note in the chat ("Today", "No message content yet.").
pub fn note(ui: &mut Ui, cx: &Cx<'_>, s: &str) {
    ui.vertical_centered(|ui| {
        ui.label(
            egui::RichText::new(s)
                .font(FontId::new(
                    cx.px(look::NOTE_SIZE),
                    fonts::family(Face::Regular),
                ))
                .color(cx.pal.muted),
        )
    });
}

/// Allocates a block in dp, indented past the avatar; returns its rect.
pub(super) fn block(ui: &mut Ui, cx: &Cx<'_>, width: f32, height: f32) -> Rect {
    let mut rect = Rect::NOTHING;
    ui.horizontal(|ui| {
        ui.add_space(cx.px(dp::CHAT_PADDING + dp::AVATAR));
        rect = ui
            .allocate_exact_size(vec2(cx.px(width), cx.px(height)), Sense::hover())
            .0;
    });
    rect
}

pub fn text_bubble(ui: &mut Ui, cx: &Cx<'_>, bubble: &Bubble) {
    self::bubble(ui, cx, bubble, cx.pal.bubble);
}

/// A chat bubble of the lines `bubble` holds, in `fill`; returns where it is.
pub(super) fn bubble(ui: &mut Ui, cx: &Cx<'_>, bubble: &Bubble, fill: Color32) -> Rect {
    let rect = block(ui, cx, bubble.width, bubble.height);
    if ui.is_rect_visible(rect) {
        ui.painter()
            .rect_filled(rect, radius(cx, look::RADIUS_BUBBLE), fill);
        let at = rect.min + vec2(cx.px(dp::BUBBLE_PADDING), cx.px(dp::BUBBLE_PADDING));
        paint_lines(
            ui,
            cx,
            &bubble.lines,
            at,
            (Face::Regular, dp::BODY_SIZE, dp::BODY_LINE),
            cx.pal.bubble_text,
        );
    }
    rect
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
pub(super) fn crop_to_fill(texture_size: [usize; 2], rect: Rect) -> Rect {
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
pub(super) fn media(ui: &Ui, cx: &Cx<'_>, rect: Rect, url: Option<&str>, corner: CornerRadius) {
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
        let g = label(
            ui,
            cx,
            &format!("🖼 {name}"),
            (Face::Regular, look::NOTE_SIZE),
            cx.pal.muted,
            rect.width() / cx.s - 2.0 * dp::BUTTON_INSET,
        );
        p.galley(rect.center() - g.size() / 2.0, g, cx.pal.muted);
    }
}

pub fn file(ui: &mut Ui, cx: &Cx<'_>, url: &str, thumbnail: Option<&str>) {
    if cx.media.texture(url).is_some() && kind_of_file(url) == "Image" {
        let rect = block(ui, cx, dp::FILE_TILE_WIDTH, dp::FILE_IMAGE_HEIGHT);
        media(ui, cx, rect, Some(url), radius(cx, look::RADIUS_CARD));
        return;
    }
    let rect = block(ui, cx, dp::FILE_TILE_WIDTH, dp::FILE_TILE_HEIGHT);
    if !ui.is_rect_visible(rect) {
        return;
    }
    let p = ui.painter();
    p.rect_filled(rect, radius(cx, look::RADIUS_CARD), cx.pal.bubble);
    let inset = (dp::FILE_TILE_HEIGHT - dp::FILE_ICON) / 2.0;
    let icon = Rect::from_min_size(
        rect.min + vec2(cx.px(inset), cx.px(inset)),
        vec2(cx.px(dp::FILE_ICON), cx.px(dp::FILE_ICON)),
    );
    if thumbnail.is_some_and(|t| cx.media.texture(t).is_some()) {
        media(ui, cx, icon, thumbnail, radius(cx, look::RADIUS_ICON));
    } else {
        p.rect_filled(
            icon,
            radius(cx, look::RADIUS_ICON),
            cx.pal.media_placeholder,
        );
        p.text(
            icon.center(),
            Align2::CENTER_CENTER,
            "📄",
            FontId::new(cx.px(look::FILE_ICON_GLYPH), fonts::family(Face::Regular)),
            cx.pal.muted,
        );
    }
    let x = icon.max.x + cx.px(10.0);
    let name_width = dp::FILE_TILE_WIDTH - dp::FILE_ICON - 2.0 * inset - 10.0 - inset;
    let name = label(
        ui,
        cx,
        file_name(url),
        (Face::Regular, look::FILE_NAME_SIZE),
        cx.pal.bubble_text,
        name_width,
    );
    p.galley(pos2(x, rect.min.y + cx.px(14.0)), name, cx.pal.bubble_text);
    p.text(
        pos2(x, rect.min.y + cx.px(44.0)),
        Align2::LEFT_CENTER,
        kind_of_file(url),
        FontId::new(cx.px(look::CAPTION_SIZE), fonts::family(Face::Regular)),
        cx.pal.muted,
    );
}

/// Paints the card's media where the layout puts it; returns the rect left for its text and
/// buttons.
fn card_media(ui: &Ui, cx: &Cx<'_>, layout: &CardLayout, url: Option<&str>, rect: Rect) -> Rect {
    let corner = radius(cx, look::RADIUS_CARD);
    if !layout.has_media {
        return rect;
    }
    match layout.orientation {
        Orientation::Vertical => {
            let height = cx.px(layout.media_height.min(layout.height));
            let (top, remaining) = rect.split_top_bottom_at_y(rect.min.y + height);
            let corner = CornerRadius {
                sw: 0,
                se: 0,
                ..corner
            };
            media(ui, cx, top, url, corner);
            remaining
        }
        Orientation::Horizontal { media_right: false } => {
            let (side, remaining) =
                rect.split_left_right_at_x(rect.min.x + cx.px(layout.media_width));
            let corner = CornerRadius {
                ne: 0,
                se: 0,
                ..corner
            };
            media(ui, cx, side, url, corner);
            remaining
        }
        Orientation::Horizontal { media_right: true } => {
            let (remaining, side) =
                rect.split_left_right_at_x(rect.max.x - cx.px(layout.media_width));
            let corner = CornerRadius {
                nw: 0,
                sw: 0,
                ..corner
            };
            media(ui, cx, side, url, corner);
            remaining
        }
    }
}

/// Paints the title's and description's lines at the top of `area`.
fn card_text(ui: &Ui, cx: &Cx<'_>, layout: &CardLayout, area: Rect) {
    let pal = cx.pal;
    let at = pos2(
        area.min.x + cx.px(dp::CARD_PADDING),
        area.min.y + cx.px(dp::CARD_PADDING),
    );
    let y = paint_lines(
        ui,
        cx,
        &layout.title,
        at,
        (phone::card::TITLE, dp::TITLE_SIZE, dp::TITLE_LINE),
        pal.title,
    );
    paint_lines(
        ui,
        cx,
        &layout.description,
        pos2(at.x, y),
        (phone::card::BODY, dp::BODY_SIZE, dp::BODY_LINE),
        pal.body,
    );
}

/// Paints the buttons the layout shows as rows at the bottom of `area`; returns the rows.
fn card_buttons(
    ui: &Ui,
    cx: &Cx<'_>,
    layout: &CardLayout,
    card: &CardContent,
    area: Rect,
) -> Vec<Rect> {
    let pal = cx.pal;
    let row_height = cx.px(dp::SUGGESTION_HEIGHT);
    let mut top = area.max.y - row_height * f32_from(layout.buttons.len());
    let suggestions = card.suggestions.as_deref().unwrap_or_default();
    let mut rows = Vec::new();
    for (text, s) in layout.buttons.iter().zip(suggestions) {
        let row = Rect::from_min_size(pos2(area.min.x, top), vec2(area.width(), row_height));
        ui.painter().line_segment(
            [row.left_top(), row.right_top()],
            Stroke::new(1.0, pal.card_border),
        );
        action_label(
            ui,
            cx,
            row.center(),
            icons::of(s),
            text,
            pal.suggestion_text,
        );
        rows.push(row);
        top += row_height;
    }
    rows
}

/// An action's icon and label, centred on `centre`.
fn action_label(
    ui: &Ui,
    cx: &Cx<'_>,
    centre: egui::Pos2,
    icon: Option<Icon>,
    text: &str,
    colour: Color32,
) {
    let g = line(ui, cx, text, Face::Regular, dp::BUTTON_TEXT_SIZE, colour);
    let icon_width = if icon.is_some() {
        cx.px(dp::ICON_SIZE + dp::ICON_GAP)
    } else {
        0.0
    };
    let left = centre.x - (g.size().x + icon_width) * 0.5;
    if let Some(icon) = icon {
        let at = pos2(left + cx.px(dp::ICON_SIZE * 0.5), centre.y);
        icons::paint(ui, cx, at, icon, colour);
    }
    ui.painter().galley(
        pos2(left + icon_width, centre.y - g.size().y / 2.0),
        g,
        colour,
    );
}

/// Paints a card as `layout` says, with a "!" badge (its tooltip says what was cut) when the
/// phone cut it. `index` is the carousel card's, `None` for a rich card. Returns where it is.
pub fn card(
    ui: &mut Ui,
    cx: &Cx<'_>,
    layout: &CardLayout,
    card: &CardContent,
    index: Option<usize>,
) -> Rect {
    let size = vec2(cx.px(layout.width), cx.px(layout.height));
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    if let Some(i) = index {
        // Named for screen readers (and tests): a carousel's cards are painted, not widgets.
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Group,
                true,
                format!("Card {} in the preview", i + 1),
            )
        });
    }
    if !ui.is_rect_visible(rect) {
        return rect;
    }
    let url = card.media.as_ref().and_then(|m| m.file_url.as_deref());
    let corner = radius(cx, look::RADIUS_CARD);
    ui.painter().rect_filled(rect, corner, cx.pal.card);
    let area = card_media(ui, cx, layout, url, rect);
    card_text(ui, cx, layout, area);
    let rows = card_buttons(ui, cx, layout, card, area);
    ui.painter().rect_stroke(
        rect,
        corner,
        Stroke::new(1.0, cx.pal.card_border),
        StrokeKind::Inside,
    );
    let last = rows.len().saturating_sub(1);
    for (b, row) in rows.into_iter().enumerate() {
        // The last row's bottom corners are the card's.
        let row_corner = if b == last {
            CornerRadius {
                nw: 0,
                ne: 0,
                ..corner
            }
        } else {
            CornerRadius::ZERO
        };
        let badge = pos2(row.max.x - cx.px(look::INVALID_BADGE_INSET), row.center().y);
        let path = marks::suggestion_path(index, b);
        marks::invalid(ui, cx, row, row_corner, &path, badge);
    }
    let cuts = cx.cuts_of(index);
    if !cuts.is_empty() {
        let centre = rect.right_top() + vec2(-cx.px(look::BADGE_INSET), cx.px(look::BADGE_INSET));
        let p = ui.painter();
        p.circle_filled(centre, cx.px(look::BADGE_RADIUS), cx.pal.warning);
        p.text(
            centre,
            Align2::CENTER_CENTER,
            "!",
            FontId::new(cx.px(look::BADGE_GLYPH), fonts::family(Face::Medium)),
            cx.pal.card,
        );
        let badge =
            Rect::from_center_size(centre, egui::Vec2::splat(cx.px(2.0 * look::BADGE_RADIUS)));
        let id = ui.scope_id().with(("cut-badge", index));
        let tip = format!("Cut on the phone:\n• {}", cuts.join("\n• "));
        ui.interact(badge, id, Sense::hover())
            .on_hover_text(tip.clone())
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &tip));
    }
    rect
}

/// A carousel's cards in a row that scrolls sideways, every card as tall as the layout says;
/// card `follow` (when given) is scrolled to the middle.
pub fn carousel(
    ui: &mut Ui,
    cx: &Cx<'_>,
    layout: &phone::Carousel,
    cards: &[CardContent],
    follow: Option<usize>,
) {
    egui::ScrollArea::horizontal()
        .id_salt("carousel")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.add_space(cx.px(dp::CHAT_PADDING + dp::AVATAR));
                ui.spacing_mut().item_spacing.x = cx.px(dp::CAROUSEL_GAP);
                for (i, (l, c)) in layout.cards.iter().zip(cards).enumerate() {
                    let rect = card(ui, cx, l, c, Some(i));
                    if follow == Some(i) {
                        ui.scroll_to_rect(rect, Some(egui::Align::Center));
                    }
                }
                ui.add_space(cx.px(dp::CHAT_PADDING));
            });
        });
}

fn f32_from(n: usize) -> f32 {
    #[expect(clippy::cast_precision_loss, reason = "at most a handful of rows")]
    let f = n as f32;
    f
}

/// Message-level chips in a row that scrolls sideways, each as wide as the layout measured.
pub fn chips(ui: &mut Ui, cx: &Cx<'_>, chips: &[Chip], suggestions: &[Suggestion]) {
    egui::ScrollArea::horizontal()
        .id_salt("chips")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.add_space(cx.px(dp::CHAT_PADDING));
                ui.spacing_mut().item_spacing.x = cx.px(dp::CHIP_GAP);
                for (i, (chip, s)) in chips.iter().zip(suggestions).enumerate() {
                    let size = vec2(cx.px(chip.width), cx.px(dp::CHIP_HEIGHT));
                    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
                    if ui.is_rect_visible(rect) {
                        ui.painter().rect_stroke(
                            rect,
                            radius(cx, look::RADIUS_CHIP),
                            Stroke::new(1.0, cx.pal.chip_border),
                            StrokeKind::Inside,
                        );
                        let text = cx.pal.suggestion_text;
                        action_label(ui, cx, rect.center(), icons::of(s), &chip.label, text);
                        let badge = rect.right_top()
                            + vec2(-cx.px(look::INVALID_BADGE_RADIUS * 0.5), cx.px(4.0));
                        let corner = radius(cx, look::RADIUS_CHIP);
                        marks::invalid(ui, cx, rect, corner, &marks::chip_path(i), badge);
                    }
                }
                ui.add_space(cx.px(dp::CHAT_PADDING));
            });
        });
}
