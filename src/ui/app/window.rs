//! The native window: its options (shared with the start-up benchmark's empty window, so the
//! two are compared like for like) and eframe's entry point.

use std::path::PathBuf;
use std::sync::Arc;

use egui::Ui;

use super::{App, MIN_WINDOW};
use crate::ui::command::Command;
use crate::ui::paths::AppPaths;

/// eframe's entry point: persistence of the window layout is eframe's, the rest is ours.
pub struct EframeApp(pub App);

impl eframe::App for EframeApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.0.ui(ui);
    }
}

/// The composer window's options: title, icon, sizes, drag and drop, and where eframe keeps
/// the window's layout.
#[must_use]
pub fn native_options(paths: &AppPaths) -> eframe::NativeOptions {
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("rcs-composer")
            .with_app_id("rcs-composer")
            .with_icon(crate::ui::icon::window_icon())
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size(MIN_WINDOW)
            .with_drag_and_drop(true),
        persistence_path: Some(paths.config.join("window.ron")),
        ..Default::default()
    }
}

/// The composer as eframe creates it: the app on `paths`, with `file` opening and `audience`
/// read once the window exists.
///
/// # Errors
/// When the app's state folders cannot be created.
pub fn create(
    cc: &eframe::CreationContext<'_>,
    paths: AppPaths,
    file: Option<PathBuf>,
    audience: Option<PathBuf>,
) -> Result<EframeApp, Box<dyn std::error::Error + Send + Sync>> {
    let mut app = App::new(
        &cc.egui_ctx,
        paths,
        Arc::new(crate::ui::workers::files::RfdPicker),
        file,
    )?;
    if let Some(audience) = audience {
        // Checked against the draft now and again once the template has opened.
        app.apply(&cc.egui_ctx, Command::LoadAudience(audience), true);
    }
    Ok(EframeApp(app))
}

/// Opens the composer window.
///
/// # Errors
/// When no window can be created (no display, no graphics driver).
pub fn run(file: Option<PathBuf>, audience: Option<PathBuf>) -> eframe::Result {
    let paths = AppPaths::from_env();
    eframe::run_native(
        "rcs-composer",
        native_options(&paths),
        Box::new(move |cc| Ok(Box::new(create(cc, paths, file, audience)?))),
    )
}
