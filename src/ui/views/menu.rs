//! The menu bar: File, Edit, the quick buttons and the RCS account toggle.

use std::path::PathBuf;

use egui::Ui;

use crate::ui::command::Command;

/// What the menu shows.
pub struct MenuInput<'a> {
    pub recent_files: &'a [PathBuf],
    pub can_undo: bool,
    pub can_redo: bool,
    pub account_open: bool,
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
}
