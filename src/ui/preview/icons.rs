//! The icons Google Messages shows before an action's text. The phone, pin and calendar read
//! right as the emoji font's glyphs; "open link" and "share my location" have no glyph that
//! reads right at 14 dp (🔗 looks like a pencil, 🎯 like a dartboard), so they are painted as
//! Material's `open_in_new` and `my_location`.

use egui::{Align2, Color32, FontId, Pos2, Stroke, Ui, pos2, vec2};

use super::{Cx, fonts};
use crate::rcs::model::{ActionKind, Suggestion};
use crate::rcs::phone::dp;
use crate::rcs::phone::font::Face;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Icon {
    /// A box with an arrow leaving it at the top right.
    OpenLink,
    Dial,
    ShowLocation,
    /// A crosshair around a dot.
    ShareLocation,
    Calendar,
}

/// The icon before a suggestion's text (none for a reply).
#[must_use]
pub fn of(s: &Suggestion) -> Option<Icon> {
    match s.kinds().first() {
        Some(ActionKind::OpenUrl) => Some(Icon::OpenLink),
        Some(ActionKind::DialPhone) => Some(Icon::Dial),
        Some(ActionKind::ShowLocation) => Some(Icon::ShowLocation),
        Some(ActionKind::RequestLocation) => Some(Icon::ShareLocation),
        Some(ActionKind::CreateCalendarEvent) => Some(Icon::Calendar),
        Some(ActionKind::Reply) | None => None,
    }
}

/// Paints `icon`, `dp::ICON_SIZE` square, centred on `centre`.
pub fn paint(ui: &Ui, cx: &Cx<'_>, centre: Pos2, icon: Icon, colour: Color32) {
    let size = cx.px(dp::ICON_SIZE);
    let glyph = |s: &str| {
        ui.painter().text(
            centre,
            Align2::CENTER_CENTER,
            s,
            FontId::new(size, fonts::family(Face::Regular)),
            colour,
        );
    };
    match icon {
        Icon::OpenLink => open_link(ui, centre, size, colour),
        Icon::ShareLocation => share_location(ui, centre, size, colour),
        Icon::Dial => glyph("📞"),
        Icon::ShowLocation => glyph("📍"),
        Icon::Calendar => glyph("📅"),
    }
}

/// Material's `open_in_new`: a square open at its top-right corner, an arrow leaving it.
fn open_link(ui: &Ui, c: Pos2, size: f32, colour: Color32) {
    let p = ui.painter();
    let stroke = Stroke::new((size * 0.12).max(1.0), colour);
    let at = |x: f32, y: f32| c + vec2(x * size, y * size);
    let (lo, hi) = (-0.42, 0.42);
    // The box: top edge to halfway, left, bottom, right edge up to halfway.
    p.line(
        vec![at(0.0, lo), at(lo, lo), at(lo, hi), at(hi, hi), at(hi, 0.0)],
        stroke,
    );
    // The arrow from the box's middle out through the open corner.
    p.line_segment([at(-0.08, 0.08), at(hi, lo)], stroke);
    p.line(vec![at(0.1, lo), at(hi, lo), at(hi, -0.1)], stroke);
}

/// Material's `my_location`: a ring with a dot and four ticks.
fn share_location(ui: &Ui, c: Pos2, size: f32, colour: Color32) {
    let p = ui.painter();
    let stroke = Stroke::new((size * 0.11).max(1.0), colour);
    p.circle_stroke(c, size * 0.3, stroke);
    p.circle_filled(c, size * 0.13, colour);
    for (dx, dy) in [(1.0, 0.0), (-1.0, 0.0), (0.0, 1.0), (0.0, -1.0)] {
        p.line_segment(
            [
                pos2(c.x + dx * size * 0.3, c.y + dy * size * 0.3),
                pos2(c.x + dx * size * 0.5, c.y + dy * size * 0.5),
            ],
            stroke,
        );
    }
}
