//! Where the app keeps its files. Injectable so tests never touch the user's folders.

use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct AppPaths {
    /// The template library.
    pub library: PathBuf,
    /// Autosave, the media attachment map and the window's sandbox account.
    pub data: PathBuf,
    /// Settings (recent files, preview theme) and the window layout.
    pub config: PathBuf,
}

impl AppPaths {
    /// The platform folders from `directories`, the library from `RCS_COMPOSER_LIBRARY`.
    #[must_use]
    pub fn from_env() -> Self {
        let dirs = directories::ProjectDirs::from("", "", "rcs-composer");
        let data = dirs.as_ref().map_or_else(
            || PathBuf::from(".rcs-composer"),
            |d| d.data_dir().to_path_buf(),
        );
        let config = dirs.as_ref().map_or_else(
            || PathBuf::from(".rcs-composer"),
            |d| d.config_dir().to_path_buf(),
        );
        Self {
            library: crate::templates::library_dir(),
            data,
            config,
        }
    }

    /// All three under one folder (tests, portable installs).
    #[must_use]
    pub fn under(root: &std::path::Path) -> Self {
        Self {
            library: root.join("library"),
            data: root.join("data"),
            config: root.join("config"),
        }
    }

    #[must_use]
    pub fn settings_file(&self) -> PathBuf {
        self.config.join("settings.json")
    }

    #[must_use]
    pub fn autosave_file(&self) -> PathBuf {
        self.data.join("autosave.json")
    }

    #[must_use]
    pub fn media_map_file(&self) -> PathBuf {
        self.data.join("media-map.json")
    }

    /// The in-process sandbox's account (`--state` of `rcs-composer sandbox`), so what a user
    /// created there is still there the next day.
    #[must_use]
    pub fn sandbox_state_file(&self) -> PathBuf {
        self.data.join("sandbox-state.json")
    }
}
