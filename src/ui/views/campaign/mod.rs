//! The campaign's views: the Audience tab, the row picker above the phone, the run section.

pub mod panel;
pub mod picker;
pub mod run_panel;
