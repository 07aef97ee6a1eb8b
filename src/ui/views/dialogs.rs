//! Modal dialogs: the unsaved-changes guard, errors, confirmations, recovery. The app
//! decides what to show; this draws it and returns the answer.

use std::path::PathBuf;

use egui::{RichText, Ui};

use crate::rcs::issue::Issue;
use crate::ui::command::Command;
use crate::ui::settings::Autosave;
use crate::ui::workers::files::PickPurpose;

#[derive(Debug)]
pub enum Dialog {
    /// Unsaved changes stand between the user and `then`.
    Unsaved {
        then: Command,
    },
    OpenFailed {
        path: PathBuf,
        issues: Vec<Issue>,
    },
    Message {
        title: String,
        text: String,
    },
    /// No file dialog could be shown; saving offers the library instead.
    NoFileDialog {
        purpose: PickPurpose,
        name: String,
        error: Option<String>,
    },
    Recover(Box<Autosave>),
    ConfirmDelete(PathBuf),
    Rename {
        from: PathBuf,
        name: String,
    },
    /// The last look before a real send.
    ConfirmSend {
        /// The local sandbox: nothing is delivered or billed.
        sandbox: bool,
        lines: Vec<(String, String)>,
    },
    /// Before a campaign's real send: the user types the number of recipients.
    ConfirmCampaign {
        /// The local sandbox: nothing is delivered or billed.
        sandbox: bool,
        recipients: u64,
        lines: Vec<(String, String)>,
        typed: String,
    },
    /// Before an account request that deletes or resets something.
    ConfirmAccount {
        title: String,
        text: String,
        op: crate::ui::workers::net::AccountOp,
    },
}

/// What the user answered.
pub enum Choice {
    None,
    Close,
    /// Run the command (`true`: past the unsaved-changes guard).
    Run(Command, bool),
    /// Save, then run the command.
    SaveThen(Command),
}

/// Draws `dialog` as a modal; returns the answer.
pub fn show(
    ctx: &egui::Context,
    dialog: &mut Dialog,
    name: &str,
    library: &std::path::Path,
) -> Choice {
    let mut choice = Choice::None;
    let modal = egui::Modal::new(egui::Id::unique("rcs-dialog")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        choice = body(ui, dialog, name, library);
    });
    if modal.should_close() && matches!(choice, Choice::None) {
        choice = Choice::Close;
    }
    choice
}

fn buttons(ui: &mut Ui, f: impl FnOnce(&mut Ui)) {
    ui.add_space(8.0);
    ui.horizontal(f);
}

/// A heading, a text and an OK button.
fn notice(ui: &mut Ui, title: &str, text: &str) -> Choice {
    ui.heading(title);
    ui.label(text);
    let mut choice = Choice::None;
    buttons(ui, |ui| {
        if ui.button("OK").clicked() {
            choice = Choice::Close;
        }
    });
    choice
}

/// Two buttons: the first runs `command`, the second closes.
fn confirm(ui: &mut Ui, yes: &str, no: &str, command: Command) -> Choice {
    let mut choice = Choice::None;
    buttons(ui, |ui| {
        if ui.button(yes).clicked() {
            choice = Choice::Run(command, true);
        }
        if ui.button(no).clicked() {
            choice = Choice::Close;
        }
    });
    choice
}

fn body(ui: &mut Ui, dialog: &mut Dialog, name: &str, library: &std::path::Path) -> Choice {
    match dialog {
        Dialog::Unsaved { then } => unsaved(ui, then, name),
        Dialog::OpenFailed { path, issues } => open_failed(ui, path, issues),
        Dialog::Message { title, text } => notice(ui, title, text),
        Dialog::NoFileDialog {
            purpose,
            name,
            error,
        } => no_file_dialog(ui, purpose, name, error.as_deref(), library),
        Dialog::Recover(autosave) => {
            ui.heading("Recover unsaved work?");
            let what = autosave.path.as_ref().map_or_else(
                || "an untitled template".to_owned(),
                |p| p.display().to_string(),
            );
            ui.label(format!(
                "rcs-composer closed with unsaved changes to {what}. Recover them?"
            ));
            let mut choice = Choice::None;
            buttons(ui, |ui| {
                if ui.button("Recover").clicked() {
                    choice = Choice::Run(Command::RecoverAutosave, true);
                }
                if ui.button("Discard").clicked() {
                    choice = Choice::Run(Command::DiscardAutosave, true);
                }
            });
            choice
        }
        Dialog::ConfirmDelete(path) => {
            ui.heading("Delete template?");
            ui.label(format!(
                "{} will be deleted from the library. This cannot be undone.",
                path.display()
            ));
            confirm(ui, "Delete", "Cancel", Command::LibraryDelete(path.clone()))
        }
        Dialog::ConfirmAccount { title, text, op } => {
            ui.heading(title.as_str());
            ui.label(text.as_str());
            let yes = if matches!(op, crate::ui::workers::net::AccountOp::ClearSpend) {
                "Remove override"
            } else {
                "Delete"
            };
            confirm(ui, yes, "Cancel", Command::Account(op.clone()))
        }
        Dialog::ConfirmSend { sandbox, lines } => {
            // The words follow the connection: the sandbox delivers nothing and bills nothing.
            if *sandbox {
                ui.heading("Send this message through the local sandbox?");
                ui.label("The local sandbox accepts and records the request: nothing is delivered to any phone and nothing is billed.");
            } else {
                ui.heading("Send this message for real?");
                ui.label("It will be delivered to a real phone and billed.");
            }
            egui::Grid::new("confirm-send")
                .num_columns(2)
                .show(ui, |ui| {
                    for (k, v) in lines.iter() {
                        ui.strong(k.as_str());
                        ui.label(v.as_str());
                        ui.end_row();
                    }
                });
            confirm(ui, "Send for real", "Cancel", Command::ConfirmedSend)
        }
        Dialog::ConfirmCampaign {
            sandbox,
            recipients,
            lines,
            typed,
        } => confirm_campaign(ui, *sandbox, *recipients, lines, typed),
        Dialog::Rename { from, name } => {
            ui.heading("Rename template");
            let label = ui.label("New name");
            ui.text_edit_singleline(name).labelled_by(label.id);
            let valid =
                !name.trim().is_empty() && !name.contains(['/', '\\']) && !name.starts_with('.');
            let mut choice = Choice::None;
            buttons(ui, |ui| {
                if ui.add_enabled(valid, egui::Button::new("Rename")).clicked() {
                    choice = Choice::Run(
                        Command::LibraryRename {
                            from: from.clone(),
                            to_name: name.clone(),
                        },
                        true,
                    );
                }
                if ui.button("Cancel").clicked() {
                    choice = Choice::Close;
                }
            });
            choice
        }
    }
}

fn confirm_campaign(
    ui: &mut Ui,
    sandbox: bool,
    recipients: u64,
    lines: &[(String, String)],
    typed: &mut String,
) -> Choice {
    let plural = if recipients == 1 {
        "recipient"
    } else {
        "recipients"
    };
    if sandbox {
        ui.heading(format!(
            "Send to {recipients} {plural} through the local sandbox?"
        ));
        ui.label("The local sandbox accepts and records each request: nothing is delivered to any phone and nothing is billed.");
    } else {
        ui.heading(format!(
            "Send this campaign to {recipients} {plural} for real?"
        ));
        ui.label(format!(
            "Each of the {recipients} {plural} receives the message on their phone, and each message is billed. It cannot be undone."
        ));
    }
    egui::Grid::new("confirm-campaign")
        .num_columns(2)
        .show(ui, |ui| {
            for (k, v) in lines {
                ui.strong(k.as_str());
                ui.label(v.as_str());
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    let label = ui.label(format!("Type {recipients} to confirm"));
    ui.add(egui::TextEdit::singleline(typed).desired_width(120.0))
        .labelled_by(label.id);
    let matches = typed.trim().replace([',', ' '], "") == recipients.to_string();
    let mut choice = Choice::None;
    buttons(ui, |ui| {
        if ui
            .add_enabled(
                matches,
                egui::Button::new(format!("Send to {recipients} {plural}")),
            )
            .on_disabled_hover_text(format!("Type {recipients} above to confirm."))
            .clicked()
        {
            choice = Choice::Run(Command::CampaignConfirmed, true);
        }
        if ui.button("Cancel").clicked() {
            choice = Choice::Run(Command::CampaignCancel, true);
        }
    });
    choice
}

fn unsaved(ui: &mut Ui, then: &Command, name: &str) -> Choice {
    ui.heading("Unsaved changes");
    ui.label(format!(
        "Save the changes to “{name}” first? Without saving, they are lost."
    ));
    let mut choice = Choice::None;
    buttons(ui, |ui| {
        if ui.button("Save").clicked() {
            choice = Choice::SaveThen(then.clone());
        }
        if ui.button("Discard changes").clicked() {
            choice = Choice::Run(then.clone(), true);
        }
        if ui.button("Cancel").clicked() {
            choice = Choice::Close;
        }
    });
    choice
}

fn open_failed(ui: &mut Ui, path: &std::path::Path, issues: &[Issue]) -> Choice {
    ui.heading("Cannot open this template");
    ui.label(path.display().to_string());
    ui.label("Nothing was changed. What is wrong:");
    egui::ScrollArea::vertical()
        .max_height(240.0)
        .show(ui, |ui| {
            for issue in issues {
                let where_ = if issue.path.is_empty() {
                    String::new()
                } else {
                    format!("{}: ", issue.path)
                };
                ui.label(
                    RichText::new(format!("{where_}{}", issue.message))
                        .color(crate::ui::theme::ERROR),
                );
            }
        });
    let mut choice = Choice::None;
    buttons(ui, |ui| {
        if ui.button("OK").clicked() {
            choice = Choice::Close;
        }
    });
    choice
}

fn no_file_dialog(
    ui: &mut Ui,
    purpose: &PickPurpose,
    name: &mut String,
    error: Option<&str>,
    library: &std::path::Path,
) -> Choice {
    match purpose {
        PickPurpose::SaveAs => {
            ui.heading("No file dialog available");
            ui.label("The system could not show a file dialog (no desktop portal is running).");
            ui.label(format!(
                "Save into the template library ({}) instead:",
                library.display()
            ));
            let label = ui.label("Template name");
            ui.text_edit_singleline(name).labelled_by(label.id);
            if let Some(e) = error {
                ui.label(RichText::new(e).color(crate::ui::theme::ERROR));
            }
            confirm(
                ui,
                "Save to library",
                "Cancel",
                Command::SaveToLibrary(name.clone()),
            )
        }
        PickPurpose::Open => notice(
            ui,
            "No file dialog available",
            "The system could not show a file dialog (no desktop portal is running). Open a template from the library on the left, or start the app with the file: rcs-composer FILE.json",
        ),
        PickPurpose::Audience => notice(
            ui,
            "No file dialog available",
            "The system could not show a file dialog (no desktop portal is running). Drag the audience CSV file from your file manager onto the window instead.",
        ),
        PickPurpose::Attach { .. } => notice(
            ui,
            "No file dialog available",
            "The system could not show a file dialog (no desktop portal is running). Drag an image file from your file manager onto the media URL field instead.",
        ),
        PickPurpose::BrandLogo => notice(
            ui,
            "No file dialog available",
            "The system could not show a file dialog (no desktop portal is running). Type the logo file's path in the brand profile's Logo file field instead.",
        ),
    }
}
