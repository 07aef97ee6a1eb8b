//! The editor column: the content kind switch and the form for each kind, message chips,
//! delivery options, and the list of every issue (a click jumps to the field).

pub mod cards;
pub mod delivery;
pub mod form;
pub mod highlight;
pub mod suggestions;

use egui::{RichText, Ui};

use crate::rcs::limits::Field;
use crate::rcs::model::ContentKind;
use crate::ui::campaign::panel::thousands;
use crate::ui::command::Command;
use crate::ui::draft::{Draft, ListOwner};
use form::{Form, IssueIndex};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Message,
    Chips,
    Delivery,
    Audience,
    Send,
}

impl Tab {
    const ALL: [Tab; 5] = [
        Tab::Message,
        Tab::Chips,
        Tab::Delivery,
        Tab::Audience,
        Tab::Send,
    ];

    const fn label(self) -> &'static str {
        match self {
            Tab::Message => "Message",
            Tab::Chips => "Chips",
            Tab::Delivery => "Delivery & fallback",
            Tab::Audience => "Audience",
            Tab::Send => "Send",
        }
    }

    /// The tab that shows the member at `path`.
    fn of(path: &str) -> Tab {
        if path == "DestinationPhoneNumber" {
            Tab::Send
        } else if path.starts_with("RcsMessageContent.Suggestions") {
            Tab::Chips
        } else if path.starts_with("RcsMessageContent") || path.is_empty() {
            Tab::Message
        } else {
            Tab::Delivery
        }
    }
}

/// What the editor remembers between frames.
#[derive(Debug, Default)]
pub struct EditorState {
    pub tab: Tab,
    /// The selected carousel card, by stable id.
    pub selected_card: u64,
    /// A path to bring into view and focus on the next frame.
    pub focus: Option<String>,
}

impl EditorState {
    /// Opens the tab that shows `path` and asks its field to take focus.
    pub fn jump(&mut self, path: &str) {
        self.tab = Tab::of(path);
        self.focus = Some(path.to_owned());
    }
}

/// What the editor reads and writes besides the draft.
pub struct Context<'a> {
    pub issues: &'a IssueIndex,
    pub media: &'a crate::ui::media_cache::MediaCache,
    pub commands: &'a mut Vec<Command>,
    pub drop_targets: &'a mut Vec<(egui::Rect, String)>,
    /// Draws the Send tab (owned by the app: connection, recipients, history).
    pub send_tab: &'a mut dyn FnMut(&mut Ui, &mut Vec<Command>),
    /// Draws the Audience tab (owned by the app: the audience, sample values, the campaign).
    pub audience_tab: &'a mut dyn FnMut(&mut Ui, &mut Vec<Command>),
    pub personal: Option<&'a crate::ui::campaign::Personal>,
    pub columns: Option<&'a [String]>,
    pub row_problems: &'a crate::ui::campaign::RowProblems,
}

/// Draws the editor; returns whether the draft changed.
pub fn show(ui: &mut Ui, state: &mut EditorState, draft: &mut Draft, cx: Context<'_>) -> bool {
    let Context {
        issues,
        media,
        commands,
        drop_targets,
        send_tab,
        audience_tab,
        personal,
        columns,
        row_problems,
    } = cx;
    let mut changed = false;
    egui::Panel::bottom("issues")
        .resizable(true)
        .default_size(120.0)
        .show(ui, |ui| issue_list(ui, issues, row_problems, commands));
    ui.horizontal(|ui| {
        for tab in Tab::ALL {
            let count = issues
                .all
                .iter()
                .filter(|i| i.is_error() && Tab::of(&i.path) == tab)
                .count();
            let count = if tab == Tab::Audience {
                row_problems.with_problems
            } else {
                u64::try_from(count).unwrap_or(u64::MAX)
            };
            let text = if count > 0 {
                format!("{} ({} ✖)", tab.label(), thousands(count))
            } else {
                tab.label().to_owned()
            };
            ui.selectable_value(&mut state.tab, tab, text);
        }
    });
    ui.separator();
    egui::ScrollArea::vertical().id_salt("editor-scroll").auto_shrink([false, false]).show(ui, |ui| {
        let mut form = Form {
            issues,
            focus: &mut state.focus,
            commands,
            media,
            drop_targets,
            path: crate::rcs::path::PathBuf::new(),
            changed: false,
            personal,
            columns,
        };
        match state.tab {
            Tab::Message => message(ui, &mut form, draft, &mut state.selected_card),
            Tab::Chips => {
                form.at("RcsMessageContent", |form| {
                    ui.label(
                        RichText::new("Chips appear under the message; tapping one sends its postback data or runs its action.")
                            .small(),
                    );
                    suggestions::list(ui, form, draft, ListOwner::Message, "Suggestions", Field::MessageSuggestions);
                });
            }
            Tab::Delivery => delivery::delivery(ui, &mut form, &mut draft.request),
            Tab::Audience => audience_tab(ui, form.commands),
            Tab::Send => send_tab(ui, form.commands),
        }
        changed = form.changed;
    });
    if changed {
        draft.sync_ids();
    }
    changed
}

fn message(ui: &mut Ui, form: &mut Form<'_>, draft: &mut Draft, selected_card: &mut u64) {
    let current = draft.kind();
    ui.horizontal(|ui| {
        ui.label("Kind");
        for kind in ContentKind::ALL {
            let r = ui.selectable_label(current == kind, kind.label());
            if r.clicked() && current != kind {
                draft.switch_kind(kind);
                form.changed = true;
            }
        }
    });
    form.show_issues(ui, "RcsMessageContent");
    form.show_issues(ui, "RcsMessageContent.Content");
    ui.separator();
    form.at("RcsMessageContent", |form| {
        form.at("Content", |form| match draft.kind() {
            ContentKind::Text => {
                if let Some(t) = draft.content_mut().text_message.as_mut() {
                    form.at("TextMessage", |form| {
                        form.text(ui, "Body", Field::TextBody, &mut t.body, true);
                    });
                }
            }
            ContentKind::File => {
                if let Some(f) = draft.content_mut().file_message.as_mut() {
                    form.at("FileMessage", |form| cards::file_message(ui, form, f));
                }
            }
            ContentKind::RichCard => form.at("RichCard", |form| cards::rich_card(ui, form, draft)),
            ContentKind::Carousel => form.at("Carousel", |form| {
                cards::carousel(ui, form, draft, selected_card);
            }),
        });
    });
}

fn issue_list(
    ui: &mut Ui,
    issues: &IssueIndex,
    rows: &crate::ui::campaign::RowProblems,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.strong("Checks");
        let (e, w) = (issues.errors(), issues.warnings());
        if e + w == 0 {
            ui.label(
                RichText::new("✔ no problems in the template")
                    .color(egui::Color32::from_rgb(40, 160, 70)),
            );
        } else {
            ui.label(format!(
                "{e} {}, {w} {}",
                if e == 1 { "error" } else { "errors" },
                if w == 1 { "warning" } else { "warnings" }
            ));
        }
        if rows.with_problems > 0 {
            ui.separator();
            ui.label(
                RichText::new(format!(
                    "✖ {} of {} audience rows have problems",
                    thousands(rows.with_problems),
                    thousands(rows.rows)
                ))
                .color(crate::ui::theme::ERROR),
            );
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("issue-list")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for issue in &issues.all {
                let (icon, colour) = if issue.is_error() {
                    ("✖", crate::ui::theme::ERROR)
                } else {
                    ("⚠", crate::ui::theme::WARNING)
                };
                // The field as the editor names it; the API path in the tooltip.
                let (where_, hover) = if issue.path.is_empty() {
                    ("document".to_owned(), "The template as a whole".to_owned())
                } else {
                    (
                        crate::rcs::label::label(&issue.path).unwrap_or_else(|| issue.path.clone()),
                        format!("{} — click to show this field", issue.path),
                    )
                };
                let text =
                    RichText::new(format!("{icon} {where_}: {}", issue.message)).color(colour);
                if ui
                    .add(egui::Button::new(text).frame(false).wrap())
                    .on_hover_text(hover)
                    .clicked()
                {
                    commands.push(Command::Jump(issue.path.clone()));
                }
            }
            if !rows.lines.is_empty() {
                ui.add_space(4.0);
                ui.label(
                    RichText::new(if rows.rechecking {
                        "Audience rows (from before your last edit; checking again…)"
                    } else {
                        "Audience rows"
                    })
                    .strong(),
                );
                for line in &rows.lines {
                    let text =
                        RichText::new(format!("✖ {}", line.text)).color(crate::ui::theme::ERROR);
                    if ui
                        .add(egui::Button::new(text).frame(false).wrap())
                        .on_hover_text(format!(
                            "{} — click to show row {}",
                            line.hover, line.first_row
                        ))
                        .clicked()
                    {
                        commands.push(Command::ShowRowProblem {
                            row: line.first_row,
                            path: line.path.clone(),
                        });
                    }
                }
            }
        });
}
