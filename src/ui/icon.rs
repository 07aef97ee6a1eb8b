//! The application icon: assets/icons/rcs-composer.svg rendered at the usual sizes; the
//! window shows the 256 px one, and the desktop entry and the Debian package name the same.

use std::sync::Arc;

const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/rcs-composer-256.png");

/// The window icon. A broken icon is no reason not to open the window: then none is set.
#[must_use]
pub fn window_icon() -> Arc<egui::IconData> {
    Arc::new(eframe::icon_data::from_png_bytes(ICON_PNG).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_icon_decodes_at_256_px() {
        let icon = super::window_icon();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    }
}
