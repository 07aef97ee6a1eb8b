//! The menu bar: File, Edit, the quick buttons and the RCS account toggle.

use std::path::PathBuf;

use egui::Ui;

use crate::export::{self, Format};
use crate::rcs::issue::Issue;
use crate::rcs::model::SendRcsMessageRequest;
use crate::ui::command::Command;

/// What the menu shows.
pub struct MenuInput<'a> {
    pub recent_files: &'a [PathBuf],
    pub can_undo: bool,
    pub can_redo: bool,
    pub account_open: bool,
    /// The request the Send tab would send, and its for-send checks (Copy as…).
    pub send_request: &'a SendRcsMessageRequest,
    pub send_issues: &'a [Issue],
}

pub fn show(ui: &mut Ui, input: &MenuInput<'_>, commands: &mut Vec<Command>) {
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| file_menu(ui, input, commands));
            ui.menu_button("Edit", |ui| edit_menu(ui, input, commands));
            ui.separator();
            if ui.button("↺ Undo").clicked() {
                commands.push(Command::Undo);
            }
            if ui.button("↻ Redo").clicked() {
                commands.push(Command::Redo);
            }
            if ui.button("💾 Save").clicked() {
                commands.push(Command::Save);
            }
            ui.separator();
            let mut open = input.account_open;
            if ui
                .toggle_value(&mut open, "RCS account")
                .on_hover_text("Agents, spend limit, configuration sets")
                .clicked()
            {
                commands.push(Command::ToggleAccount);
            }
        });
    });
}

fn file_menu(ui: &mut Ui, input: &MenuInput<'_>, commands: &mut Vec<Command>) {
    let items = [
        ("New", "Ctrl+N", Command::New),
        ("Open…", "Ctrl+O", Command::Open),
        ("Save", "Ctrl+S", Command::Save),
        ("Save As…", "Ctrl+Shift+S", Command::SaveAs),
    ];
    for (label, keys, command) in items {
        if ui
            .add(egui::Button::new(label).shortcut_text(keys))
            .clicked()
        {
            commands.push(command);
            ui.close();
        }
    }
    ui.menu_button("Open recent", |ui| {
        if input.recent_files.is_empty() {
            ui.label("No recent files");
        }
        for path in input.recent_files {
            if ui.button(path.display().to_string()).clicked() {
                commands.push(Command::OpenPath(path.clone()));
                ui.close();
            }
        }
    });
    ui.separator();
    if ui.button("Quit").clicked() {
        commands.push(Command::Quit);
        ui.close();
    }
}

fn edit_menu(ui: &mut Ui, input: &MenuInput<'_>, commands: &mut Vec<Command>) {
    if ui
        .add_enabled(
            input.can_undo,
            egui::Button::new("Undo").shortcut_text("Ctrl+Z"),
        )
        .clicked()
    {
        commands.push(Command::Undo);
        ui.close();
    }
    if ui
        .add_enabled(
            input.can_redo,
            egui::Button::new("Redo").shortcut_text("Ctrl+Shift+Z"),
        )
        .clicked()
    {
        commands.push(Command::Redo);
        ui.close();
    }
    ui.separator();
    copy_as_menu(ui, input, commands);
}

/// The menu item's words.
const fn item_label(format: Format) -> &'static str {
    match format {
        Format::AwsCli => "AWS CLI command",
        Format::Boto3 => "boto3 snippet",
        Format::Json => "Request JSON",
    }
}

/// The "Copy as…" submenu; its items are disabled, with the reason shown, while the message
/// cannot be sent (or, for the AWS CLI and boto3, not sent exactly).
fn copy_as_menu(ui: &mut Ui, input: &MenuInput<'_>, commands: &mut Vec<Command>) {
    ui.menu_button("Copy as…", |ui| {
        let unsendable = why_not_sendable(input.send_issues);
        // Only worth the look at the request when it can be sent at all.
        let inexact = if unsendable.is_none() {
            export::inexact(input.send_request).first().map(|p| {
                format!(
                    "The AWS CLI and boto3 would send it differently: {}",
                    p.message
                )
            })
        } else {
            None
        };
        if let Some(why) = unsendable.as_ref().or(inexact.as_ref()) {
            ui.label(egui::RichText::new(why).weak().small());
        }
        for format in Format::ALL {
            let why = unsendable
                .as_ref()
                .or(inexact.as_ref().filter(|_| format != Format::Json));
            let item = ui
                .add_enabled(why.is_none(), egui::Button::new(item_label(format)))
                .on_hover_text(format!(
                    "Copy the {} that sends this message to the clipboard.",
                    format.describe()
                ))
                .on_disabled_hover_text(why.cloned().unwrap_or_default());
            if item.clicked() {
                commands.push(Command::CopyAs(format));
                ui.close();
            }
        }
    });
}

/// Why the Send tab would refuse to send, in words; `None` when it would send.
fn why_not_sendable(issues: &[Issue]) -> Option<String> {
    let errors: Vec<_> = issues.iter().filter(|i| i.is_error()).collect();
    let first = errors.first()?;
    Some(match errors.len() {
        1 => format!("Cannot be sent yet: {}", first.message),
        n => format!("Cannot be sent yet ({n} errors), first: {}", first.message),
    })
}
