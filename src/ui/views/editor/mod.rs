//! The editor's forms: the content kind switch and the form for each kind, message chips and
//! delivery options, each field with its counter and the issues at its path.

pub mod cards;
pub mod delivery;
pub mod form;
pub mod highlight;
pub mod long_text;
pub mod suggestions;

use egui::{RichText, Ui};

use crate::rcs::limits::Field;
use crate::rcs::model::ContentKind;
use crate::rcs::path::{Member, PathBuf, is_at_or_under};
use crate::ui::command::Command;
use crate::ui::document::Edit;
use crate::ui::document::draft::{Draft, ListOwner};
use crate::ui::views::campaign::panel::thousands;
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
    pub const ALL: [Tab; 5] = [
        Tab::Message,
        Tab::Chips,
        Tab::Delivery,
        Tab::Audience,
        Tab::Send,
    ];

    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Tab::Message => "Message",
            Tab::Chips => "Chips",
            Tab::Delivery => "Delivery & fallback",
            Tab::Audience => "Audience",
            Tab::Send => "Send",
        }
    }

    /// The tab that shows the member at `path`.
    #[must_use]
    pub fn of(path: &str) -> Tab {
        let message = PathBuf::of(&[Member::RcsMessageContent]);
        if path == Member::DestinationPhoneNumber.name() {
            Tab::Send
        } else if is_at_or_under(path, message.with(Member::Suggestions).as_str()) {
            Tab::Chips
        } else if is_at_or_under(path, message.as_str()) || path.is_empty() {
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
    /// Where the selected tab's content was shown in the last frame: the panel's inside,
    /// without its scroll bar. Every field and counter lies within it (the small-window tests
    /// check this).
    /// `None` before the first frame.
    pub viewport: Option<egui::Rect>,
    /// The text field that had the keyboard in the last frame.
    pub typing: Option<form::Typing>,
    /// The field this frame's typing went into before the frame was drawn.
    pub typed_first: Option<egui::Id>,
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
    pub personal: Option<&'a crate::ui::campaign::Personal>,
    pub columns: Option<&'a [String]>,
}

/// The tab bar, each tab with its error count (the Audience tab: rows with problems). The
/// tabs wrap onto a second line in a narrow window rather than run out of sight.
pub fn tab_bar(ui: &mut Ui, state: &mut EditorState, issues: &IssueIndex, rows_with_problems: u64) {
    ui.horizontal_wrapped(|ui| {
        for tab in Tab::ALL {
            let count = if tab == Tab::Audience {
                rows_with_problems
            } else {
                let n = issues
                    .all
                    .iter()
                    .filter(|i| i.is_error() && Tab::of(&i.path) == tab)
                    .count();
                u64::try_from(n).unwrap_or(u64::MAX)
            };
            let text = if count > 0 {
                format!("{} ({} ✖)", tab.label(), thousands(count))
            } else {
                tab.label().to_owned()
            };
            ui.selectable_value(&mut state.tab, tab, text);
        }
    });
}

/// Draws the form of the Message, Chips or Delivery tab; returns what the user changed.
pub fn show_form(
    ui: &mut Ui,
    state: &mut EditorState,
    draft: &mut Draft,
    cx: Context<'_>,
) -> Option<Edit> {
    let Context {
        issues,
        media,
        commands,
        drop_targets,
        personal,
        columns,
    } = cx;
    // Set again below by the field that has the keyboard, if this tab draws it.
    state.typing = None;
    let mut form = Form {
        issues,
        focus: &mut state.focus,
        typing: &mut state.typing,
        typed_first: state.typed_first,
        commands,
        media,
        drop_targets,
        path: PathBuf::new(),
        edit: None,
        personal,
        columns,
    };
    match state.tab {
        Tab::Message => message(ui, &mut form, draft, &mut state.selected_card),
        Tab::Chips => {
            form.at(Member::RcsMessageContent, |form| {
                ui.label(
                    RichText::new("Chips appear under the message; tapping one sends its postback data or runs its action.")
                        .small(),
                );
                suggestions::list(ui, form, draft, ListOwner::Message, Member::Suggestions, Field::MessageSuggestions);
            });
        }
        Tab::Delivery => delivery::delivery(ui, &mut form, &mut draft.request),
        Tab::Audience | Tab::Send => {}
    }
    form.edit
}

fn message(ui: &mut Ui, form: &mut Form<'_>, draft: &mut Draft, selected_card: &mut u64) {
    let current = draft.kind();
    ui.horizontal_wrapped(|ui| {
        ui.label("Kind");
        for kind in ContentKind::ALL {
            let r = ui.selectable_label(current == kind, kind.label());
            if r.clicked() && current != kind {
                draft.switch_kind(kind);
                form.acted();
            }
        }
    });
    let message = PathBuf::of(&[Member::RcsMessageContent]);
    form.show_issues(ui, message.as_str());
    form.show_issues(ui, message.with(Member::Content).as_str());
    ui.separator();
    form.at(Member::RcsMessageContent, |form| {
        form.at(Member::Content, |form| match draft.kind() {
            ContentKind::Text => {
                if let Some(t) = draft.content_mut().text_message.as_mut() {
                    form.at(Member::TextMessage, |form| {
                        form.text(ui, Member::Body, Field::TextBody, &mut t.body, true);
                    });
                }
            }
            ContentKind::File => {
                if let Some(f) = draft.content_mut().file_message.as_mut() {
                    form.at(Member::FileMessage, |form| cards::file_message(ui, form, f));
                }
            }
            ContentKind::RichCard => {
                form.at(Member::RichCard, |form| cards::rich_card(ui, form, draft));
            }
            ContentKind::Carousel => form.at(Member::Carousel, |form| {
                cards::carousel(ui, form, draft, selected_card);
            }),
        });
    });
}
