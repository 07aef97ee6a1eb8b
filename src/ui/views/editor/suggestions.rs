//! Suggested replies and actions: add, delete, reorder, change the kind, edit every member.

use egui::Ui;

use crate::rcs::limits::Field;
use crate::rcs::model::{ActionBase, ActionKind, Suggestion};
use crate::rcs::path::Member;
use crate::ui::document::draft::{Draft, ListOwner, change_action_kind};
use crate::ui::views::editor::form::Form;

#[derive(Clone, Copy)]
enum ListOp {
    Delete(usize),
    MoveUp(usize),
    MoveDown(usize),
    ChangeKind(usize, ActionKind),
    Add(ActionKind),
}

/// A suggestion list at `member` of the current path, limited by `field`'s count range.
pub fn list(
    ui: &mut Ui,
    form: &mut Form<'_>,
    draft: &mut Draft,
    owner: ListOwner,
    member: Member,
    field: Field,
) {
    let rule = field.rule();
    let max = rule.count.map_or(usize::MAX, |(_, max)| max);
    let ids = draft.suggestion_ids(owner).to_vec();
    let mut op = None;
    let list_path = form.path_of(member);
    let count = ids.len();
    ui.horizontal(|ui| {
        ui.strong(format!("{} ({count}/{max})", rule.title()));
    });
    form.show_issues(ui, &list_path);
    form.at(member, |form| {
        let Some(list) = draft.suggestions_mut(owner) else {
            return;
        };
        for (i, (suggestion, id)) in list.iter_mut().zip(&ids).enumerate() {
            ui.push_id(id, |ui| {
                let mark = form.enter_index(i);
                if let Some(o) = row(ui, form, suggestion, i, count) {
                    op = Some(o);
                }
                form.leave(mark);
            });
        }
    });
    let full = count >= max;
    ui.add_enabled_ui(!full, |ui| {
        ui.menu_button(
            format!(
                "➕ Add {}",
                if owner == ListOwner::Message {
                    "chip"
                } else {
                    "button"
                }
            ),
            |ui| {
                for kind in ActionKind::ALL {
                    if ui.button(kind.label()).clicked() {
                        op = Some(ListOp::Add(kind));
                        ui.close();
                    }
                }
            },
        )
        .response
        .on_disabled_hover_text(format!("{} allows at most {max}.", rule.title()));
    });
    if let Some(op) = op {
        apply(draft, owner, op);
        form.acted();
    }
}

fn apply(draft: &mut Draft, owner: ListOwner, op: ListOp) {
    match op {
        ListOp::Delete(i) => draft.delete_suggestion(owner, i),
        ListOp::MoveUp(i) if i > 0 => draft.swap_suggestions(owner, i - 1),
        ListOp::MoveDown(i) => draft.swap_suggestions(owner, i),
        ListOp::ChangeKind(i, kind) => {
            if let Some(s) = draft.suggestions_mut(owner).and_then(|l| l.get_mut(i)) {
                *s = change_action_kind(s, kind, crate::ui::local_time::now());
            }
        }
        ListOp::Add(kind) => draft.add_suggestion(owner, kind, crate::ui::local_time::now()),
        ListOp::MoveUp(_) => {}
    }
}

fn summary(s: &Suggestion) -> String {
    let kinds = s.kinds();
    let kind = kinds.first().map_or("No action", |k| k.label());
    let text = s.base().and_then(|b| b.text.as_deref()).unwrap_or("");
    format!("{kind}: {text}")
}

/// One suggestion: a collapsible row with its controls, then its members.
fn row(
    ui: &mut Ui,
    form: &mut Form<'_>,
    s: &mut Suggestion,
    index: usize,
    count: usize,
) -> Option<ListOp> {
    let mut op = None;
    let path = form.path.as_str().to_owned();
    let has_error = form
        .issues
        .all
        .iter()
        .any(|i| i.is_error() && i.is_at_or_under(&path));
    // The mark goes before the summary: a title too long for the row ends in "…", and the
    // mark must not be what is cut.
    let title = format!(
        "{}. {}{}",
        index + 1,
        if has_error { "✖ " } else { "" },
        summary(s)
    );
    let open = form.focus_under(&path).then_some(true);
    ui.horizontal_top(|ui| {
        if ui
            .add_enabled(index > 0, egui::Button::new("⏶").small())
            .on_hover_text("Move up")
            .clicked()
        {
            op = Some(ListOp::MoveUp(index));
        }
        if ui
            .add_enabled(index + 1 < count, egui::Button::new("⏷").small())
            .on_hover_text("Move down")
            .clicked()
        {
            op = Some(ListOp::MoveDown(index));
        }
        if ui
            .add(egui::Button::new("🗑").small())
            .on_hover_text("Delete suggestion")
            .clicked()
        {
            op = Some(ListOp::Delete(index));
        }
        ui.vertical(|ui| {
            let title = truncated_title(ui, title);
            egui::CollapsingHeader::new(title)
                .id_salt("suggestion")
                .open(open)
                .show(ui, |ui| {
                    let kind = s.kinds().first().copied();
                    ui.horizontal(|ui| {
                        let label = ui.label("Action");
                        egui::ComboBox::from_id_salt("kind")
                            .selected_text(kind.map_or("(none)", ActionKind::label))
                            .show_ui(ui, |ui| {
                                for k in ActionKind::ALL {
                                    if ui.selectable_label(kind == Some(k), k.label()).clicked()
                                        && kind != Some(k)
                                    {
                                        op = Some(ListOp::ChangeKind(index, k));
                                    }
                                }
                            })
                            .response
                            .labelled_by(label.id);
                    });
                    form.show_issues(ui, &path);
                    fields(ui, form, s);
                });
        });
    });
    op
}

fn base(ui: &mut Ui, form: &mut Form<'_>, b: &mut ActionBase) {
    form.text(ui, Member::Text, Field::ActionText, &mut b.text, false);
    form.text(
        ui,
        Member::PostbackData,
        Field::ActionPostbackData,
        &mut b.postback_data,
        false,
    );
}

/// Every member of the action that is set (a file may set several; each is editable).
fn fields(ui: &mut Ui, form: &mut Form<'_>, s: &mut Suggestion) {
    if let Some(a) = &mut s.reply {
        form.at(Member::Reply, |form| base(ui, form, &mut a.base));
    }
    if let Some(a) = &mut s.open_url {
        form.at(Member::OpenUrl, |form| {
            base(ui, form, &mut a.base);
            form.text(ui, Member::Url, Field::OpenUrlUrl, &mut a.url, false);
            form.choice(
                ui,
                Member::Application,
                Field::OpenUrlApplication,
                &mut a.application,
            );
            if a.application.as_deref() == Some("WEBVIEW") || a.webview_view_mode.is_some() {
                form.choice(
                    ui,
                    Member::WebviewViewMode,
                    Field::WebviewViewMode,
                    &mut a.webview_view_mode,
                );
            }
        });
    }
    if let Some(a) = &mut s.dial_phone {
        form.at(Member::DialPhone, |form| {
            base(ui, form, &mut a.base);
            form.text(
                ui,
                Member::PhoneNumber,
                Field::DialPhoneNumber,
                &mut a.phone_number,
                false,
            );
        });
    }
    if let Some(a) = &mut s.show_location {
        form.at(Member::ShowLocation, |form| {
            base(ui, form, &mut a.base);
            form.number(
                ui,
                Member::Latitude,
                Field::Latitude,
                &mut a.latitude,
                0.0001,
            );
            form.number(
                ui,
                Member::Longitude,
                Field::Longitude,
                &mut a.longitude,
                0.0001,
            );
            form.text(ui, Member::Label, Field::LocationLabel, &mut a.label, false);
        });
    }
    if let Some(a) = &mut s.request_location {
        form.at(Member::RequestLocation, |form| base(ui, form, &mut a.base));
    }
    if let Some(a) = &mut s.create_calendar_event {
        form.at(Member::CreateCalendarEvent, |form| {
            base(ui, form, &mut a.base);
            form.text(ui, Member::Title, Field::CalendarTitle, &mut a.title, false);
            form.date_time(
                ui,
                Member::StartTime,
                Field::CalendarStartTime,
                &mut a.start_time,
            );
            form.date_time(ui, Member::EndTime, Field::CalendarEndTime, &mut a.end_time);
            form.text(
                ui,
                Member::Description,
                Field::CalendarDescription,
                &mut a.description,
                true,
            );
        });
    }
}

/// `title` laid out on one line that ends in "…" where the row ends. A collapsing header
/// lays its text out unwrapped, and a title wider than the row would widen the row's fields
/// past the panel's edge, cutting off their counters.
fn truncated_title(ui: &Ui, title: String) -> egui::WidgetText {
    let spacing = ui.spacing();
    let room = ui.available_width()
        - spacing.icon_width
        - spacing.icon_spacing
        - 2.0 * spacing.button_padding.x;
    let font = egui::TextStyle::Button.resolve(ui.style());
    // The placeholder colour is replaced by the header's own, which follows hover and focus.
    let mut job = egui::text::LayoutJob::simple_singleline(title, font, egui::Color32::PLACEHOLDER);
    job.wrap = egui::text::TextWrapping::truncate_at_width(room.max(40.0));
    egui::WidgetText::Galley(ui.fonts_mut(|f| f.layout_job(job)))
}
