//! The desktop composer (eframe/egui), in three rooms and the glue between them:
//! `document/` (the draft, its undo history and what derives from it; no egui), `views/`
//! (one file per part of the window, each drawing its own state and returning commands),
//! `workers/` (file and network jobs off the UI thread, each answer tagged with the
//! generation it was asked for), and `app/` (owns them all and applies the commands).

pub mod app;
pub mod brand;
pub mod campaign;
pub mod command;
pub mod document;
pub mod fonts;
mod glyphs;
pub mod icon;
pub mod kept_aside;
pub mod local_time;
pub mod media;
pub mod media_cache;
pub mod paths;
pub mod preview;
pub mod settings;
pub mod theme;
pub mod views;
pub mod workers;

pub use app::{App, run};
/// The editor's old address, which the phone preview still imports its issue index from.
pub use views::editor;
