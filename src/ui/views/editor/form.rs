//! The building blocks of the editor: labelled fields with live counters and the validator's
//! issues shown at the field they concern, found by path.

use egui::{Align, Layout, RichText, TextEdit, Ui};

use crate::rcs::issue::Issue;
use crate::rcs::limits::{Field, Required};
use crate::rcs::path::{Mark, Member, PathBuf};
use crate::rcs::timestamp::Timestamp;
use crate::ui::command::Command;
use crate::ui::document::Edit;
use crate::ui::media_cache::MediaCache;
use crate::ui::theme;

/// The issue index lives with the document; the editor (and the phone preview) read it.
pub use crate::ui::document::IssueIndex;

/// Per-frame context for drawing fields: where we are, what the validator said, what to focus.
pub struct Form<'a> {
    pub issues: &'a IssueIndex,
    /// A path the user asked to jump to; the field drawn at that path takes focus.
    pub focus: &'a mut Option<String>,
    pub commands: &'a mut Vec<Command>,
    /// Local preview images by media URL.
    pub media: &'a MediaCache,
    /// Media slots drawn this frame, where a dropped image file attaches to that URL.
    pub drop_targets: &'a mut Vec<(egui::Rect, String)>,
    pub path: PathBuf,
    /// What the user changed in this frame, for the undo history.
    pub edit: Option<Edit>,
    /// The template filled in with the previewed values: personal fields count those.
    pub personal: Option<&'a crate::ui::campaign::Personal>,
    /// The loaded audience's columns, to mark placeholders it cannot fill.
    pub columns: Option<&'a [String]>,
    /// The text field that has the keyboard, as drawn in this frame.
    pub typing: &'a mut Option<Typing>,
    /// The field this frame's typing went into before it was drawn: it keeps its cursor in
    /// view, as it would have had the keystroke reached it here.
    pub typed_first: Option<egui::Id>,
}

/// The text field that has the keyboard, where the last frame drew it: the next frame's
/// keystrokes go to it before anything is drawn (`ui::app::typing`).
#[derive(Debug, Clone, PartialEq)]
pub struct Typing {
    pub id: egui::Id,
    /// The member it edits.
    pub path: String,
    pub multiline: bool,
    pub rect: egui::Rect,
    pub layer: egui::LayerId,
}

/// How a text input is named: by its path under the form's `Ui`, or by the id it had.
#[derive(Debug, Clone, Copy)]
pub enum InputId<'a> {
    Path(&'a str),
    Exact(egui::Id),
}

/// A field's text input, placeholders coloured when it has any: the one place it is set up,
/// so that typing into it before the frame (`ui::app::typing`) lays out the very same text
/// (egui reuses that layout when the field is drawn).
pub fn text_input(
    ui: &mut Ui,
    buffer: &mut String,
    multiline: bool,
    columns: Option<&[String]>,
    id: InputId<'_>,
) -> egui::text_edit::TextEditOutput {
    // The id egui gives the field (as `TextEdit::id_salt` makes it), for its layout memo.
    let field = match id {
        InputId::Path(path) => ui.make_persistent_id(egui::IdSalt::new(path)),
        InputId::Exact(id) => id,
    };
    // A multiline field may hold a long text: it is laid out again only around each edit.
    let mut layouter = super::highlight::layouter(columns, multiline.then_some(field));
    let own_layout = multiline || crate::rcs::placeholder::opens(buffer);
    let mut edit = if multiline {
        TextEdit::multiline(buffer).desired_rows(3)
    } else {
        TextEdit::singleline(buffer)
    };
    if own_layout {
        edit = edit.layouter(&mut layouter);
    }
    edit = edit.id(field);
    edit.desired_width(f32::INFINITY).show(ui)
}

impl Form<'_> {
    pub fn enter(&mut self, member: impl Into<Member>) -> Mark {
        self.path.member(member)
    }

    pub fn enter_index(&mut self, index: usize) -> Mark {
        self.path.index(index)
    }

    pub fn leave(&mut self, mark: Mark) {
        self.path.reset(mark);
    }

    /// Runs `f` with `member` appended to the path.
    pub fn at<R>(&mut self, member: impl Into<Member>, f: impl FnOnce(&mut Self) -> R) -> R {
        let mark = self.enter(member);
        let r = f(self);
        self.leave(mark);
        r
    }

    /// The path of `member` under the current path.
    #[must_use]
    pub fn path_of(&self, member: impl Into<Member>) -> String {
        self.path.with(member).into()
    }

    /// Typing (or dragging) in the field at `path` changed the draft: one undo step per field.
    pub fn typed(&mut self, path: &str) {
        self.record(Edit::Field(path.to_owned()));
    }

    /// A discrete action (add, delete, move, a kind or option switch) changed the draft: an
    /// undo step of its own.
    pub fn acted(&mut self) {
        self.record(Edit::Action);
    }

    fn record(&mut self, edit: Edit) {
        self.edit = Some(match self.edit.take() {
            Some(earlier) => earlier.merge(edit),
            None => edit,
        });
    }

    /// True when the pending jump target lies at or under `path`.
    #[must_use]
    pub fn focus_under(&self, path: &str) -> bool {
        self.focus
            .as_deref()
            .is_some_and(|f| crate::rcs::path::is_at_or_under(f, path))
    }

    /// Takes focus and scrolls into view when `path` is the jump target.
    pub fn take_focus(&mut self, path: &str, response: &egui::Response) {
        if self.focus.as_deref() == Some(path) {
            response.request_focus();
            response.scroll_to_me(Some(Align::Center));
            *self.focus = None;
        }
    }

    /// Shows the issues at `path` (below a field or a list heading).
    pub fn show_issues(&mut self, ui: &mut Ui, path: &str) {
        for issue in self.issues.at(path) {
            issue_line(ui, issue);
        }
    }

    /// The label row of a field: its name (with * when required) and an optional counter
    /// (with what it counts, when that is not the text as written).
    fn label_row(ui: &mut Ui, field: Field, counter: Option<(usize, usize)>) -> egui::Response {
        Self::label_row_with(ui, field, counter, None)
    }

    fn label_row_with(
        ui: &mut Ui,
        field: Field,
        counter: Option<(usize, usize)>,
        filled_with: Option<&str>,
    ) -> egui::Response {
        let rule = field.rule();
        let name = if rule.required == Required::Yes {
            format!("{} *", rule.title())
        } else {
            rule.title()
        };
        ui.horizontal(|ui| {
            let label = ui.label(name);
            if let Some((n, max)) = counter {
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    let colour = if n > max {
                        theme::ERROR
                    } else {
                        ui.visuals().weak_text_color()
                    };
                    let hover = match filled_with {
                        Some(source) => format!(
                            "{} filled in with {source}: {n} characters; the limit is {max}.",
                            rule.title()
                        ),
                        None => format!("{} counts characters; the limit is {max}.", rule.title()),
                    };
                    ui.label(RichText::new(format!("{n}/{max}")).small().color(colour))
                        .on_hover_text(hover);
                });
            }
            label
        })
        .inner
    }

    /// A text member: label, live "n/limit" counter from the limits table, the input, and the
    /// issues at its path. An emptied field becomes absent (the validator says if it is needed).
    pub fn text(
        &mut self,
        ui: &mut Ui,
        member: Member,
        field: Field,
        value: &mut Option<String>,
        multiline: bool,
    ) {
        let mark = self.enter(member);
        self.text_here(ui, field, value, multiline);
        self.leave(mark);
    }

    /// [`Self::text`] for the member at the current path (a list element).
    pub fn text_here(
        &mut self,
        ui: &mut Ui,
        field: Field,
        value: &mut Option<String>,
        multiline: bool,
    ) {
        let path = self.path.as_str().to_owned();
        let mut buffer = value.clone().unwrap_or_default();
        // A personal field counts its filled-in text: that is what the service receives.
        let filled = self
            .personal
            .filter(|p| p.shown())
            .and_then(|p| p.lengths.get(&path).map(|n| (*n, p.describe())));
        let (count, filled_with) = match filled {
            Some((n, source)) => (n, Some(source)),
            None => (buffer.chars().count(), None),
        };
        let counter = field.rule().max_len().map(|max| (count, max));
        let label = Self::label_row_with(ui, field, counter, filled_with.as_deref());
        let output = text_input(
            ui,
            &mut buffer,
            multiline,
            self.columns,
            InputId::Path(&path),
        );
        let response = output.response.response.labelled_by(label.id);
        if self.typed_first == Some(response.id)
            && let Some(cursor) = output.cursor_range
        {
            let at = output.galley.pos_from_cursor(cursor.primary);
            ui.scroll_to_rect(at.translate(output.galley_pos.to_vec2()), None);
        }
        if response.has_focus() {
            *self.typing = Some(Typing {
                id: response.id,
                path: path.clone(),
                multiline,
                rect: response.rect,
                layer: response.layer_id,
            });
        }
        if response.changed() {
            *value = (!buffer.is_empty()).then_some(buffer);
            self.typed(&path);
        }
        self.take_focus(&path, &response);
        self.show_issues(ui, &path);
    }

    /// An enumeration member as a drop-down of the table's allowed values.
    pub fn choice(
        &mut self,
        ui: &mut Ui,
        member: Member,
        field: Field,
        value: &mut Option<String>,
    ) {
        let path = self.path_of(member);
        let rule = field.rule();
        let label = Self::label_row(ui, field, None);
        let shown = match value.as_deref() {
            None => "(not set)".to_owned(),
            Some(v) if rule.allowed.contains(&v) => v.to_owned(),
            Some(v) => format!("{v} (invalid)"),
        };
        let before = value.clone();
        let response = egui::ComboBox::from_id_salt(&path)
            .selected_text(shown)
            .width(ui.available_width().min(240.0))
            .show_ui(ui, |ui| {
                if rule.required != Required::Yes {
                    ui.selectable_value(value, None, "(not set)");
                }
                for allowed in rule.allowed {
                    ui.selectable_value(value, Some((*allowed).to_owned()), *allowed);
                }
            })
            .response
            .labelled_by(label.id);
        if *value != before {
            self.acted();
        }
        self.take_focus(&path, &response);
        self.show_issues(ui, &path);
    }

    /// A required or optional number with the table's range as the drag range hint.
    pub fn number(
        &mut self,
        ui: &mut Ui,
        member: Member,
        field: Field,
        value: &mut Option<f64>,
        speed: f64,
    ) {
        let path = self.path_of(member);
        let label = Self::label_row(ui, field, None);
        let mut v = value.unwrap_or_default();
        let response = ui
            .add(egui::DragValue::new(&mut v).speed(speed).max_decimals(6))
            .labelled_by(label.id);
        if response.changed() {
            *value = Some(v);
            self.typed(&path);
        }
        self.take_focus(&path, &response);
        self.show_issues(ui, &path);
    }

    /// An optional whole number (Time to live) with a checkbox to leave it out.
    pub fn optional_integer(
        &mut self,
        ui: &mut Ui,
        member: Member,
        field: Field,
        value: &mut Option<i64>,
    ) {
        let path = self.path_of(member);
        let rule = field.rule();
        let mut set = value.is_some();
        let response = ui
            .horizontal(|ui| {
                if ui.checkbox(&mut set, rule.title()).changed() {
                    *value = if set {
                        rule.range.map(|(_, max)| f64_to_i64(max))
                    } else {
                        None
                    };
                    self.acted();
                }
                value.as_mut().map(|v| {
                    let mut drag = egui::DragValue::new(v);
                    if let Some((min, max)) = rule.range {
                        drag = drag.range(f64_to_i64(min)..=f64_to_i64(max));
                    }
                    let r = ui.add(drag).on_hover_text(rule.title());
                    if r.changed() {
                        self.typed(&path);
                    }
                    r
                })
            })
            .inner;
        if let Some(response) = response {
            self.take_focus(&path, &response);
        }
        self.show_issues(ui, &path);
    }

    /// An optional boolean member as a three-way choice (not set / true / false).
    pub fn optional_bool(&mut self, ui: &mut Ui, label: &str, value: &mut Option<bool>) {
        let before = *value;
        ui.horizontal(|ui| {
            let l = ui.label(label);
            egui::ComboBox::from_id_salt(label)
                .selected_text(match value {
                    None => "(not set)",
                    Some(true) => "true",
                    Some(false) => "false",
                })
                .show_ui(ui, |ui| {
                    ui.selectable_value(value, None, "(not set)");
                    ui.selectable_value(value, Some(true), "true");
                    ui.selectable_value(value, Some(false), "false");
                })
                .response
                .labelled_by(l.id);
        });
        if *value != before {
            self.acted();
        }
    }

    /// A UTC date-time as separate year/month/day/hour/minute inputs, which cannot produce
    /// an unparseable time: the day is clamped to the month.
    pub fn date_time(
        &mut self,
        ui: &mut Ui,
        member: Member,
        field: Field,
        value: &mut Option<Timestamp>,
    ) {
        let path = self.path_of(member);
        let title = field.rule().title();
        let label = Self::label_row(ui, field, None);
        let current = value.unwrap_or_default();
        let (mut y, mut mo, mut d, mut h, mut mi, s) = current.to_civil();
        let mut changed = false;
        let first = ui
            .horizontal_wrapped(|ui| {
                let first = ui
                    .add(egui::DragValue::new(&mut y).range(1..=9999))
                    .labelled_by(label.id)
                    .on_hover_text(format!("{title}: year"));
                changed |= first.changed();
                ui.label("-");
                let parts: [(&mut u32, std::ops::RangeInclusive<u32>, &str); 4] = [
                    (&mut mo, 1..=12, "month"),
                    (&mut d, 1..=31, "day"),
                    (&mut h, 0..=23, "hour"),
                    (&mut mi, 0..=59, "minute"),
                ];
                for (i, (part, range, name)) in parts.into_iter().enumerate() {
                    if i == 2 {
                        ui.label(" ");
                    } else if i > 0 {
                        ui.label(if i == 3 { ":" } else { "-" });
                    }
                    changed |= ui
                        .add(
                            egui::DragValue::new(part)
                                .range(range)
                                .custom_formatter(|n, _| format!("{n:02}")),
                        )
                        .on_hover_text(format!("{title}: {name}"))
                        .changed();
                }
                ui.label("UTC");
                first
            })
            .inner;
        if changed {
            let mut day = d;
            // Clamp the day to the month so the value is always a real date.
            while day > 28 && Timestamp::from_civil(y, mo, day, h, mi, s).is_none() {
                day -= 1;
            }
            if let Some(t) = Timestamp::from_civil(y, mo, day, h, mi, s) {
                *value = Some(t);
                self.typed(&path);
            }
        }
        self.take_focus(&path, &first);
        self.show_issues(ui, &path);
    }
}

fn f64_to_i64(v: f64) -> i64 {
    #[expect(
        clippy::cast_possible_truncation,
        reason = "the limits table's ranges are small whole numbers"
    )]
    let n = v as i64;
    n
}

/// One issue line: ✖ for errors, ⚠ for warnings.
pub fn issue_line(ui: &mut Ui, issue: &Issue) {
    // As its entry in the Checks list: an iOS caveat is a note, not a warning.
    let (icon, colour) =
        crate::ui::views::checks::look(ui, crate::ui::document::problems::Group::of(issue));
    ui.label(
        RichText::new(format!("{icon} {}", issue.message))
            .small()
            .color(colour),
    );
}
