//! The phone's frame and the chat's header: the brand of an RCS thread (logo in a circle, or
//! the name's initial on the brand colour; the name; the verified tick), or the sender of an
//! SMS/MMS thread (a phone number, no brand, no tick).

use egui::epaint::{Mesh, Vertex};
use egui::{Align2, Color32, CornerRadius, FontId, Pos2, Rect, Sense, Stroke, Ui, pos2, vec2};

use super::{Cx, fonts, paint};
use crate::rcs::phone::dp;
use crate::rcs::phone::font::Face;
use crate::ui::brand::BrandProfile;
use crate::ui::theme::dp as look;

/// Who the thread is with.
pub enum Header<'a> {
    /// An RCS business thread: the brand. The origination identity is not drawn: the phone
    /// never shows it (the brand window names it).
    Brand { profile: &'a BrandProfile },
    /// The SMS/MMS fallback's thread: the sender's number and the channel's label.
    Sms {
        sender: &'a str,
        /// The number is an example: the fallback names no origination.
        example: bool,
        /// "Text message" or "MMS".
        channel: &'a str,
    },
}

impl Header<'_> {
    /// The header in words, for screen readers and tests.
    fn describe(&self) -> String {
        match self {
            Header::Brand { profile, .. } => format!(
                "Thread with {}{}",
                profile.display_name(),
                if profile.verified { ", verified" } else { "" }
            ),
            Header::Sms {
                sender,
                example,
                channel,
            } => format!(
                "{channel} thread with {sender}{}",
                if *example { " (example number)" } else { "" }
            ),
        }
    }
}

/// The bezel, screen and header; returns the chat area.
pub fn frame(ui: &Ui, cx: &Cx<'_>, rect: Rect, header: &Header<'_>) -> Rect {
    let p = ui.painter();
    let pal = cx.pal;
    p.rect_filled(rect, paint::radius(cx, look::RADIUS_BEZEL), pal.bezel);
    let screen = rect.shrink(cx.px(dp::BEZEL));
    p.rect_filled(screen, paint::radius(cx, look::RADIUS_SCREEN), pal.screen);
    let bar = Rect::from_min_size(screen.min, vec2(screen.width(), cx.px(dp::HEADER_HEIGHT)));
    let top = paint::radius(cx, look::RADIUS_SCREEN);
    p.rect_filled(
        bar,
        CornerRadius {
            nw: top.nw,
            ne: top.ne,
            sw: 0,
            se: 0,
        },
        pal.header,
    );
    let avatar = pos2(bar.min.x + cx.px(look::HEADER_AVATAR_X), bar.center().y);
    let name_at = pos2(
        bar.min.x + cx.px(look::HEADER_NAME_X),
        bar.center().y - cx.px(8.0),
    );
    let name_width = dp::SCREEN_WIDTH - look::HEADER_NAME_X - look::HEADER_RIGHT_MARGIN;
    let (name, tick, sub) = match header {
        Header::Brand { profile } => {
            brand_avatar(ui, cx, avatar, profile);
            let sub = "RCS business message".to_owned();
            (profile.display_name().to_owned(), profile.verified, sub)
        }
        Header::Sms {
            sender,
            example,
            channel,
        } => {
            super::sms::person(ui, cx, avatar, cx.px(look::HEADER_AVATAR_RADIUS));
            let sub = if *example {
                format!("Example number · {channel}")
            } else {
                (*channel).to_owned()
            };
            ((*sender).to_owned(), false, sub)
        }
    };
    let tick_room = if tick {
        look::TICK_RADIUS * 2.0 + 6.0
    } else {
        0.0
    };
    let g = paint::label(
        ui,
        cx,
        &name,
        (Face::Medium, look::HEADER_NAME_SIZE),
        pal.header_text,
        name_width - tick_room,
    );
    let name_rect = Align2::LEFT_CENTER.anchor_size(name_at, g.size());
    p.galley(name_rect.min, g, pal.header_text);
    if tick {
        let centre = pos2(
            name_rect.max.x + cx.px(4.0 + look::TICK_RADIUS),
            name_rect.center().y,
        );
        verified_tick(ui, cx, centre);
    }
    p.text(
        pos2(name_at.x, name_at.y + cx.px(17.0)),
        Align2::LEFT_CENTER,
        sub,
        FontId::new(cx.px(look::HEADER_SUB_SIZE), fonts::family(Face::Regular)),
        pal.muted,
    );
    let words = header.describe();
    ui.interact(bar, ui.scope_id().with("phone-header"), Sense::hover())
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &words));
    Rect::from_min_max(pos2(screen.min.x, bar.max.y), screen.max)
}

/// The logo in a circle, or the name's initial on the brand colour while there is no
/// decoded logo.
fn brand_avatar(ui: &Ui, cx: &Cx<'_>, centre: Pos2, profile: &BrandProfile) {
    let r = cx.px(look::HEADER_AVATAR_RADIUS);
    let logo = profile.logo_key().and_then(|k| cx.media.texture(&k));
    if let Some(texture) = logo {
        let uv = paint::crop_to_fill(
            texture.size(),
            Rect::from_center_size(centre, vec2(2.0 * r, 2.0 * r)),
        );
        ui.painter().add(circle_image(centre, r, texture.id(), uv));
        return;
    }
    ui.painter().circle_filled(centre, r, profile.colour32());
    ui.painter().text(
        centre,
        Align2::CENTER_CENTER,
        profile.initial(),
        FontId::new(cx.px(look::HEADER_NAME_SIZE), fonts::family(Face::Medium)),
        profile.on_colour(),
    );
}

/// A texture clipped to a circle: a triangle fan whose UVs follow the positions.
fn circle_image(centre: Pos2, r: f32, texture: egui::TextureId, uv: Rect) -> Mesh {
    const SEGMENTS: u32 = 48;
    let mut mesh = Mesh::with_texture(texture);
    let uv_of = |p: Pos2| {
        pos2(
            uv.min.x + (p.x - (centre.x - r)) / (2.0 * r) * uv.width(),
            uv.min.y + (p.y - (centre.y - r)) / (2.0 * r) * uv.height(),
        )
    };
    let vertex = |pos: Pos2| Vertex {
        pos,
        uv: uv_of(pos),
        color: Color32::WHITE,
    };
    mesh.vertices.push(vertex(centre));
    for i in 0..=SEGMENTS {
        #[expect(clippy::cast_precision_loss, reason = "a few dozen segments")]
        let angle = std::f32::consts::TAU * i as f32 / SEGMENTS as f32;
        mesh.vertices
            .push(vertex(centre + r * vec2(angle.cos(), angle.sin())));
    }
    for i in 1..=SEGMENTS {
        mesh.add_triangle(0, i, i + 1);
    }
    mesh
}

/// Google Messages' verified badge: a tick on a filled circle after the name.
fn verified_tick(ui: &Ui, cx: &Cx<'_>, centre: Pos2) {
    let p = ui.painter();
    let r = cx.px(look::TICK_RADIUS);
    p.circle_filled(centre, r, cx.pal.verified);
    let at = |x: f32, y: f32| centre + vec2(x * r, y * r);
    p.line(
        vec![at(-0.45, 0.02), at(-0.12, 0.35), at(0.48, -0.3)],
        Stroke::new((r * 0.28).max(1.0), cx.pal.screen),
    );
}
