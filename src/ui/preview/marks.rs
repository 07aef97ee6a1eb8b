//! The mark on a button the service will reject (text over its limit, or any validator error
//! at the suggestion's path): a red outline and a ✖ badge whose tooltip says what is wrong,
//! in the editor's words.

use egui::{CornerRadius, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, vec2};

use super::Cx;
use crate::rcs::label;
use crate::rcs::path::{Member, PathBuf, is_at_or_under};
use crate::ui::theme::dp as look;

/// The path of a card's suggestion (`card`: `None` for the rich card, `Some(i)` for carousel
/// card i).
#[must_use]
pub fn suggestion_path(card: Option<usize>, index: usize) -> String {
    let mut p = match card {
        None => PathBuf::of(&[
            Member::RcsMessageContent,
            Member::Content,
            Member::RichCard,
            Member::CardContent,
        ]),
        Some(c) => PathBuf::of(&[
            Member::RcsMessageContent,
            Member::Content,
            Member::Carousel,
            Member::CardContents,
        ])
        .with_index(c),
    };
    p.member(Member::Suggestions);
    p.index(index);
    p.into()
}

/// The path of a message-level chip.
#[must_use]
pub fn chip_path(index: usize) -> String {
    PathBuf::of(&[Member::RcsMessageContent, Member::Suggestions])
        .with_index(index)
        .into()
}

impl Cx<'_> {
    /// The validator's errors at `path` or inside it: where (in the editor's words) and what.
    pub fn errors_at(&self, path: &str) -> Vec<(String, &str)> {
        self.issues
            .all
            .iter()
            .filter(|i| i.is_error())
            .filter(|i| is_at_or_under(&i.path, path))
            .map(|i| {
                let at = label::label(&i.path).unwrap_or_else(|| i.path.clone());
                (at, i.message.as_str())
            })
            .collect()
    }
}

/// Marks the button drawn in `rect` when the suggestion at `path` has errors; the badge sits
/// at `badge`.
pub fn invalid(ui: &Ui, cx: &Cx<'_>, rect: Rect, corner: CornerRadius, path: &str, badge: Pos2) {
    let errors = cx.errors_at(path);
    if errors.is_empty() {
        return;
    }
    let p = ui.painter();
    let red = cx.pal.invalid;
    p.rect_stroke(
        rect.shrink(cx.px(1.0)),
        corner,
        Stroke::new(cx.px(2.0), red),
        StrokeKind::Inside,
    );
    let r = cx.px(look::INVALID_BADGE_RADIUS);
    p.circle_filled(badge, r, red);
    let arm = r * 0.42;
    let stroke = Stroke::new((r * 0.25).max(1.0), cx.pal.card);
    p.line_segment([badge + vec2(-arm, -arm), badge + vec2(arm, arm)], stroke);
    p.line_segment([badge + vec2(-arm, arm), badge + vec2(arm, -arm)], stroke);
    let lines: Vec<String> = errors
        .iter()
        .map(|(at, what)| format!("{at}: {what}"))
        .collect();
    let tip = format!(
        "The service will reject this button:\n• {}",
        lines.join("\n• ")
    );
    // Screen readers get where the problems are; the Checks list reads them out in full.
    let places: Vec<&str> = errors.iter().map(|(at, _)| at.as_str()).collect();
    let name = format!("The service will reject this button: {}", places.join(", "));
    let area = Rect::from_center_size(badge, egui::Vec2::splat(2.0 * r)).union(rect);
    ui.interact(
        area,
        ui.scope_id().with(("invalid-button", path)),
        Sense::hover(),
    )
    .on_hover_text(tip)
    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &name));
}
