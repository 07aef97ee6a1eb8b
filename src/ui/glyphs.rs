//! Every symbol the UI draws must exist in the fonts the app bundles (`fonts.rs`): the window
//! may run on a machine without system fonts (and `egui_kittest` fails on a missing glyph).

#[cfg(test)]
mod tests {
    /// Non-ASCII characters of every UI source file, found at test time.
    fn ui_symbols() -> Vec<char> {
        let mut chars: Vec<char> = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/ui"
        ))];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
                        chars.extend(line.chars().filter(|c| !c.is_ascii()));
                    }
                }
            }
        }
        chars.sort_unstable();
        chars.dedup();
        chars
    }

    #[test]
    fn every_symbol_in_the_ui_has_a_bundled_glyph() {
        let ctx = egui::Context::default();
        crate::ui::fonts::install(&ctx);
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        let font = egui::FontId::proportional(14.0);
        let missing: Vec<char> = ui_symbols()
            .into_iter()
            .filter(|c| !ctx.fonts_mut(|f| f.has_glyph(&font, *c)))
            .collect();
        assert!(missing.is_empty(), "no bundled glyph for {missing:?}");
    }
}
