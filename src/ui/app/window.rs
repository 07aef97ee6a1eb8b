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
        // What asks for the background behind it (a scroll area fading its edges into it)
        // finds the panels' colour here when the panels are drawn unfilled: declared for the
        // window, not painted.
        let background = egui::Frame::new().fill(panel_colour(ui.visuals()));
        let window = egui::UiStackInfo::new(egui::UiKind::Frame).with_frame(background);
        ui.scope_builder(egui::UiBuilder::new().ui_stack_info(window), |ui| {
            self.0.ui(ui);
        });
    }

    /// The panels' colour (see [`panels_on_clear_colour`]).
    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        panel_colour(visuals).to_normalized_gamma_f32()
    }
}

/// The panels' colour in `visuals`' theme. The composer keeps egui's own panel colours.
fn panel_colour(visuals: &egui::Visuals) -> egui::Color32 {
    if visuals.dark_mode {
        egui::Visuals::dark().panel_fill
    } else {
        egui::Visuals::light().panel_fill
    }
}

/// Lets the window's clear colour be the panels' background instead of painting it again:
/// the panels, which cover the whole window, are drawn unfilled. The pixels are the same; a
/// CPU rasterizer (a machine or VM without a GPU: Mesa's lavapipe, Windows' WARP) is spared
/// filling the window a second time, most of the first frame's cost there. Only the native
/// window does this: the UI tests' renderer clears to transparent.
pub fn panels_on_clear_colour(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| style.visuals.panel_fill = egui::Color32::TRANSPARENT);
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
    panels_on_clear_colour(&cc.egui_ctx);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clear_colour_is_the_panels_colour_the_panels_no_longer_paint() {
        let ctx = egui::Context::default();
        let fills = |ctx: &egui::Context| {
            [egui::Theme::Dark, egui::Theme::Light].map(|t| ctx.style_of(t).visuals.panel_fill)
        };
        let before = fills(&ctx);
        panels_on_clear_colour(&ctx);
        assert_eq!(fills(&ctx), [egui::Color32::TRANSPARENT; 2]);
        // Whichever theme the window follows, its clear colour is what the panels had.
        for (theme, fill) in [egui::Theme::Dark, egui::Theme::Light]
            .into_iter()
            .zip(before)
        {
            assert_eq!(panel_colour(&ctx.style_of(theme).visuals), fill);
            assert!(fill.is_opaque());
        }
    }
}
