//! Identifiers the user may need elsewhere (`MessageIds`, ARNs, agent ids): shown in one line,
//! cut with "…" when the room is short (the whole value in the tooltip), with a copy button
//! in front that is never the part cut away.

use egui::{Label, RichText, Role, Ui, WidgetInfo};

/// A copy button for `value`; `what` names it for the tooltip and for screen readers
/// ("Copy `MessageId` 0a1b…").
pub fn button(ui: &mut Ui, what: &str, value: &str) {
    let response = ui
        .small_button("📋")
        .on_hover_text(format!("Copy the {what}: {value}"));
    let name = format!("Copy {what} {value}");
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &name));
    if response.clicked() {
        ui.ctx().copy_text(value.to_owned());
    }
}

/// The copy button, then `value` in monospace, cut to the room left (selectable, and whole
/// in its tooltip).
pub fn value(ui: &mut Ui, what: &str, value: &str) {
    button(ui, what, value);
    ui.add(
        Label::new(RichText::new(value).monospace())
            .truncate()
            .selectable(true),
    )
    .on_hover_text(value);
}
