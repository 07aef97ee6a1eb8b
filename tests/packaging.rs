//! The installable app: the desktop entry, the icons and the Debian package's asset list
//! (`[package.metadata.deb]` in Cargo.toml) fit together. `.ci/run` builds the package
//! itself with `cargo deb` and looks inside it (`.ci/check-package`).
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly by design"
)]

use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn desktop_entry() -> String {
    std::fs::read_to_string(root().join("assets/rcs-composer.desktop")).unwrap()
}

fn key<'a>(entry: &'a str, name: &str) -> &'a str {
    entry
        .lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix('='))
        .unwrap_or_else(|| panic!("no {name}= in the desktop entry"))
}

#[test]
fn the_desktop_entry_names_the_binary_icon_and_window_class() {
    let entry = desktop_entry();
    assert_eq!(
        key(&entry, "Exec").split(' ').next(),
        Some(env!("CARGO_PKG_NAME"))
    );
    assert_eq!(key(&entry, "Icon"), "rcs-composer");
    // The window's app id is what window managers match this against.
    let dir = tempfile::tempdir().unwrap();
    let options = rcs_composer::ui::app::native_options(&rcs_composer::ui::paths::AppPaths::under(
        dir.path(),
    ));
    assert_eq!(
        options.viewport.app_id.as_deref(),
        Some(key(&entry, "StartupWMClass"))
    );
}

#[test]
fn desktop_file_validate_accepts_the_entry() {
    let Ok(out) = Command::new("desktop-file-validate")
        .arg(root().join("assets/rcs-composer.desktop"))
        .output()
    else {
        eprintln!("note: desktop-file-validate is not installed (bash .ci/install-deps); skipped");
        return;
    };
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success() && said.trim().is_empty(), "{said}");
}

#[test]
fn every_packaged_asset_exists_and_icons_have_their_size() {
    let manifest: toml_like::Assets =
        toml_like::assets(&std::fs::read_to_string(root().join("Cargo.toml")).unwrap());
    assert!(
        manifest
            .iter()
            .any(|(_, to)| to.starts_with("usr/share/applications/"))
    );
    for (from, to) in &manifest {
        if from.starts_with("target/") {
            continue;
        }
        if let Some(dir) = from.strip_suffix("/*") {
            assert!(root().join(dir).is_dir(), "{from}");
            continue;
        }
        assert!(root().join(from).is_file(), "{from} is listed but missing");
        if let Some(size) = to
            .strip_prefix("usr/share/icons/hicolor/")
            .and_then(|rest| rest.split_once('x'))
            .and_then(|(w, _)| w.parse::<u32>().ok())
        {
            let img = image::open(root().join(from)).unwrap();
            assert_eq!((img.width(), img.height()), (size, size), "{from}");
        }
    }
}

/// Reads the `assets = [[from, to, mode], …]` list of `[package.metadata.deb]` without a TOML
/// crate: one asset per line, as Cargo.toml writes them.
mod toml_like {
    pub type Assets = Vec<(String, String)>;

    pub fn assets(manifest: &str) -> Assets {
        let section = manifest
            .split("[package.metadata.deb]")
            .nth(1)
            .expect("a [package.metadata.deb] section");
        section
            .lines()
            .skip_while(|l| !l.starts_with("assets"))
            .skip(1)
            .take_while(|l| l.trim() != "]")
            .map(|l| {
                let parts: Vec<&str> = l.split('"').collect();
                (parts[1].to_owned(), parts[3].to_owned())
            })
            .collect()
    }
}
