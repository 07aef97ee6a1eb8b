//! The desktop composer (eframe/egui).

pub mod account;
pub mod app;
pub mod campaign;
pub mod command;
pub mod draft;
pub mod editor;
pub mod fonts;
mod glyphs;
pub mod icon;
pub mod jobs;
pub mod local_time;
pub mod media;
pub mod media_cache;
pub mod net;
pub mod paths;
pub mod preview;
pub mod send_panel;
pub mod settings;
pub mod theme;

pub use app::{App, run};
