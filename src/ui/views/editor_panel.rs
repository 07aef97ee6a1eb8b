//! The middle of the window: the Checks list, the tab bar, and the selected tab (the editor's
//! forms, the Send tab or the Audience tab), each drawn from what it is given.

use egui::Ui;

use crate::ui::campaign::{Personal, RowProblems};
use crate::ui::command::Command;
use crate::ui::document::draft::Draft;
use crate::ui::document::{Edit, IssueIndex, Problems};
use crate::ui::media_cache::MediaCache;
use crate::ui::views::campaign::{panel, run_panel};
use crate::ui::views::editor::{self, EditorState, Tab};
use crate::ui::views::{checks, send_panel};

/// Everything the middle column shows and edits.
pub struct EditorPanel<'a> {
    pub editor: &'a mut EditorState,
    pub draft: &'a mut Draft,
    pub issues: &'a IssueIndex,
    /// The same issues grouped, with the phone's findings merged, for the Checks list.
    pub problems: &'a Problems,
    pub media: &'a MediaCache,
    pub personal: Option<&'a Personal>,
    /// The loaded audience's columns, to mark placeholders it cannot fill.
    pub columns: Option<&'a [String]>,
    pub row_problems: &'a RowProblems,
    pub send: &'a mut send_panel::SendState,
    pub send_input: send_panel::PanelInput<'a>,
    pub audience: panel::PanelInput<'a>,
    /// The run section, when an audience is open.
    pub run: Option<run_panel::RunInput<'a>>,
}

/// Draws the editor column; returns what the user changed in the draft.
pub fn show(
    ui: &mut Ui,
    p: &mut EditorPanel<'_>,
    commands: &mut Vec<Command>,
    drop_targets: &mut Vec<(egui::Rect, String)>,
) -> Option<Edit> {
    egui::CentralPanel::default()
        .show(ui, |ui| {
            checks::panel(ui, p.problems, p.row_problems, commands);
            editor::tab_bar(ui, p.editor, p.issues, p.row_problems.with_problems);
            ui.separator();
            // A solid scroll bar takes its own strip: a floating one would lie over the
            // counters and fields at the panel's right edge.
            ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
            let scroll = |salt: &str| {
                egui::ScrollArea::vertical()
                    .id_salt(salt)
                    .auto_shrink([false, false])
            };
            let (edit, viewport) = match p.editor.tab {
                Tab::Send => {
                    let out = scroll("send-scroll").show(ui, |ui| {
                        send_panel::show(ui, p.send, &p.send_input, commands);
                    });
                    (None, out.inner_rect)
                }
                Tab::Audience => {
                    let out = scroll("audience-scroll").show(ui, |ui| {
                        panel::show(ui, &p.audience, commands);
                        if let Some(run) = &p.run {
                            ui.separator();
                            run_panel::show(ui, run, commands);
                        }
                    });
                    (None, out.inner_rect)
                }
                Tab::Message | Tab::Chips | Tab::Delivery => {
                    let out = scroll("editor-scroll").show(ui, |ui| {
                        let cx = editor::Context {
                            issues: p.issues,
                            media: p.media,
                            commands,
                            drop_targets,
                            personal: p.personal,
                            columns: p.columns,
                        };
                        editor::show_form(ui, p.editor, p.draft, cx)
                    });
                    (out.inner, out.inner_rect)
                }
            };
            p.editor.viewport = Some(viewport);
            edit
        })
        .inner
}
