//! The fonts the window draws with: egui's bundled fonts plus Noto Emoji, so that every emoji
//! of current Unicode has a glyph (egui's own emoji subset misses most of them, and egui
//! cannot draw colour emoji fonts). Where the font comes from: `docs/emoji.md`.

use std::sync::Arc;

use egui::{FontData, FontDefinitions};

/// Noto Emoji 3.006 (Google Fonts, SIL OFL 1.1, `assets/fonts/NotoEmoji-OFL.txt`), the static
/// Regular instance of the monochrome variable font. Embedded: nothing is read from disk.
const NOTO_EMOJI: &[u8] = include_bytes!("../../assets/fonts/NotoEmoji-Regular.ttf");

/// The name of [`NOTO_EMOJI`] in egui's font definitions.
pub const EMOJI_FONT: &str = "rcs-composer/NotoEmoji-Regular";

/// egui's bundled emoji subset, which Noto Emoji supersedes: left in the chain, it would own
/// the first code point of many sequences (👨 of 👨‍👩‍👦) and shape them without the
/// ligatures that join them.
const SUPERSEDED: &str = "NotoEmoji-Regular";

/// egui's bundled fallbacks after which the emoji font goes (its symbol font keeps the
/// non-emoji icons the UI uses, such as ⟳ and 🗙, but Noto Emoji draws the emoji).
const BUNDLED_EMOJI_FALLBACKS: [&str; 2] = [SUPERSEDED, "emoji-icon-font"];

/// The app's font definitions: egui's, with the emoji font in every family.
#[must_use]
pub fn definitions() -> FontDefinitions {
    let mut definitions = FontDefinitions::default();
    add_emoji_fallback(&mut definitions);
    definitions
}

/// Installs [`definitions`] in `ctx` (takes effect before the first text is laid out).
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

/// Puts the emoji font into the fallback chain of every family in `definitions`, after the
/// family's text fonts and before egui's bundled emoji fonts, and drops egui's superseded
/// emoji subset. Call it after the last family is added, so that the new family gets it too.
pub fn add_emoji_fallback(definitions: &mut FontDefinitions) {
    definitions.font_data.insert(
        EMOJI_FONT.to_owned(),
        // Unscaled: its advance (1.27 em) is within 2 % of the phone's Noto Color Emoji
        // (1.245 em), so the preview breaks lines with emoji where the phone does; egui
        // draws its own emoji subset at 0.81, which makes every emoji 0.23 em too narrow.
        Arc::new(FontData::from_static(NOTO_EMOJI)),
    );
    definitions.font_data.remove(SUPERSEDED);
    for chain in definitions.families.values_mut() {
        chain.retain(|name| name != SUPERSEDED && name != EMOJI_FONT);
        let at = chain
            .iter()
            .position(|name| BUNDLED_EMOJI_FALLBACKS.contains(&name.as_str()))
            .unwrap_or(chain.len());
        chain.insert(at, EMOJI_FONT.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Color32, FontFamily, FontId};

    /// A context with `definitions`, ready to lay out, that panics on a missing glyph.
    fn context(definitions: FontDefinitions) -> egui::Context {
        let ctx = egui::Context::default();
        ctx.set_missing_glyph_policy(egui::MissingGlyphPolicy::Panic);
        ctx.set_fonts(definitions);
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        ctx
    }

    /// The glyphs of `text` that take room on the line.
    fn visible_glyphs(ctx: &egui::Context, text: &str, family: &FontFamily) -> Vec<char> {
        let galley = ctx.fonts_mut(|f| {
            f.layout_no_wrap(
                text.to_owned(),
                FontId::new(14.0, family.clone()),
                Color32::WHITE,
            )
        });
        galley
            .rows
            .iter()
            .flat_map(|row| row.row.glyphs.iter())
            .filter(|g| g.advance_width > 0.0)
            .map(|g| g.chr)
            .collect()
    }

    /// Every fully-qualified emoji of current Unicode (emoji-test.txt), skin tones included.
    fn every_emoji() -> impl Iterator<Item = &'static emojis::Emoji> {
        emojis::iter().flat_map(|e| e.skin_tones().map_or_else(|| vec![e], Iterator::collect))
    }

    /// The emoji of current Unicode (every fully-qualified one of emoji-test.txt) that a
    /// family cannot draw as one glyph: `None` when it has a code point no font has.
    fn emoji_not_drawn_as_one_glyph(ctx: &egui::Context, family: &FontFamily) -> Vec<String> {
        let font = FontId::new(14.0, family.clone());
        every_emoji()
            .filter(|e| {
                !ctx.fonts_mut(|f| f.has_glyphs(&font, e.as_str()))
                    || visible_glyphs(ctx, e.as_str(), family).len() != 1
            })
            .map(|e| format!("{} {}", e.as_str(), e.name()))
            .collect()
    }

    #[test]
    fn every_emoji_is_one_glyph_in_every_family() {
        let ctx = context(definitions());
        let families: Vec<FontFamily> =
            ctx.fonts(|f| f.definitions().families.keys().cloned().collect());
        assert_eq!(every_emoji().count(), 3963, "Unicode 18.0 has 3,963 emoji");
        for family in &families {
            let bad = emoji_not_drawn_as_one_glyph(&ctx, family);
            assert!(
                bad.is_empty(),
                "{family:?}: {} emoji, such as {:?}",
                bad.len(),
                &bad[..bad.len().min(10)]
            );
        }
    }

    #[test]
    fn egui_fonts_alone_miss_most_emoji() {
        // Why the font is bundled, and proof that the test above can fail.
        let ctx = egui::Context::default();
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        let font = FontId::proportional(14.0);
        let missing = every_emoji()
            .filter(|e| !ctx.fonts_mut(|f| f.has_glyphs(&font, e.as_str())))
            .count();
        assert!(missing > 2000, "{missing}");
        assert!(!ctx.fonts_mut(|f| f.has_glyph(&font, '🧥')));
    }

    #[test]
    fn a_family_added_before_the_call_gets_the_emoji_font() {
        let preview = FontFamily::Name("preview".into());
        let mut definitions = FontDefinitions::default();
        definitions
            .families
            .insert(preview.clone(), vec!["Hack".to_owned()]);
        add_emoji_fallback(&mut definitions);
        assert_eq!(definitions.families[&preview], ["Hack", EMOJI_FONT]);
        let ctx = context(definitions);
        assert!(emoji_not_drawn_as_one_glyph(&ctx, &preview).is_empty());
    }

    #[test]
    fn the_emoji_font_goes_before_the_bundled_symbols_and_replaces_the_old_subset() {
        let definitions = definitions();
        for chain in definitions.families.values() {
            let emoji = chain.iter().position(|n| n == EMOJI_FONT);
            let symbols = chain.iter().position(|n| n == "emoji-icon-font");
            assert!(emoji < symbols, "{chain:?}");
            assert!(!chain.iter().any(|n| n == SUPERSEDED), "{chain:?}");
        }
        // Calling it twice changes nothing.
        let mut again = definitions.clone();
        add_emoji_fallback(&mut again);
        assert_eq!(again.families, definitions.families);
    }

    #[test]
    fn joiners_selectors_modifiers_and_tags_alone_draw_nothing_or_a_glyph_never_a_box() {
        // The missing-glyph policy panics on a box; what is left is counted.
        let ctx = context(definitions());
        let family = FontFamily::Proportional;
        for (text, visible) in [
            ("a\u{200D}b", "ab"),                // a joiner between letters is invisible
            ("a\u{FE0F}b\u{FE0E}", "ab"),        // so are variation selectors
            ("a\u{E0067}\u{E007F}b", "ab"),      // and tag characters
            ("1\u{20E3}", "1"),                  // a keycap on a digit: the digit
            ("\u{1F3FD}", "\u{1F3FD}"),          // a skin tone alone: its swatch
            ("\u{1F1FA}", "\u{1F1FA}"),          // half a flag: the letter
            ("\u{1F1FA}\u{1F1F8}", "\u{1F1FA}"), // a whole flag: one glyph
            ("\u{1F44D}\u{1F3FD}", "\u{1F44D}"), // a thumb with a skin tone: the thumb
        ] {
            let shown: String = visible_glyphs(&ctx, text, &family).into_iter().collect();
            assert_eq!(shown, visible, "{text:?}");
        }
    }
}
