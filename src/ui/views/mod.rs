//! What the window draws, one file per view. Each view takes its own state and what it
//! shows, and returns what the user asked for as [`Command`](crate::ui::command::Command)s;
//! none reaches into the app.

pub mod account;
pub mod brand;
pub mod campaign;
pub mod checks;
pub mod copyable;
pub mod dialogs;
pub mod editor;
pub mod editor_panel;
pub mod library;
pub mod menu;
pub mod preview_panel;
pub mod repair;
pub mod send_panel;
pub mod status_bar;
