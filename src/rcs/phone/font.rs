//! Text widths in the bundled Roboto (Google Messages' face; `assets/fonts`, Apache-2.0),
//! read with `skrifa`, the font reader egui itself draws with, so the measurement and the
//! preview's drawing use the same glyph advances.

use std::sync::LazyLock;

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

/// Roboto Regular: descriptions, bubbles, buttons.
pub static REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/Roboto-Regular.ttf");
/// Roboto Medium: card titles.
pub static MEDIUM_TTF: &[u8] = include_bytes!("../../../assets/fonts/Roboto-Medium.ttf");

/// A character Roboto has no glyph for (emoji, most non-Latin scripts) is drawn from a
/// fallback font; it is counted this many ems wide, the width of an emoji.
const FALLBACK_EM: f32 = 1.0;

/// Which of the two bundled faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    Regular,
    Medium,
}

impl Face {
    /// The face's TTF bytes.
    #[must_use]
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Self::Regular => REGULAR_TTF,
            Self::Medium => MEDIUM_TTF,
        }
    }
}

/// Advances of one face, in ems.
struct Advances {
    ascii: [f32; 128],
    font: FontRef<'static>,
    units_per_em: f32,
}

impl Advances {
    fn load(bytes: &'static [u8]) -> Option<Self> {
        let font = FontRef::new(bytes).ok()?;
        let units_per_em = f32::from(
            font.metrics(Size::unscaled(), LocationRef::default())
                .units_per_em,
        );
        if units_per_em <= 0.0 {
            return None;
        }
        let mut advances = Self {
            ascii: [0.0; 128],
            font,
            units_per_em,
        };
        let mut ascii = [0.0; 128];
        for (slot, c) in ascii.iter_mut().zip('\0'..) {
            *slot = advances.lookup(c);
        }
        advances.ascii = ascii;
        Some(advances)
    }

    /// The advance of `c` in ems, from the font's tables.
    fn lookup(&self, c: char) -> f32 {
        if is_zero_width(c) {
            return 0.0;
        }
        let glyph = self.font.charmap().map(c);
        let metrics = self
            .font
            .glyph_metrics(Size::unscaled(), LocationRef::default());
        glyph
            .and_then(|g| metrics.advance_width(g))
            .map_or(FALLBACK_EM, |a| a / self.units_per_em)
    }

    fn em(&self, c: char) -> f32 {
        match self.ascii.get(c as usize) {
            Some(a) => *a,
            None => self.lookup(c),
        }
    }
}

/// Characters that join or modify their neighbours and take no room of their own: zero-width
/// spaces and joiners, variation selectors, emoji skin-tone modifiers and tag characters.
fn is_zero_width(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}')
        || c.is_control()
}

static REGULAR: LazyLock<Option<Advances>> = LazyLock::new(|| Advances::load(REGULAR_TTF));
static MEDIUM: LazyLock<Option<Advances>> = LazyLock::new(|| Advances::load(MEDIUM_TTF));

fn advances(face: Face) -> Option<&'static Advances> {
    match face {
        Face::Regular => REGULAR.as_ref(),
        Face::Medium => MEDIUM.as_ref(),
    }
}

/// The advance of `c` in dp at `size` dp.
#[must_use]
pub fn advance(face: Face, size: f32, c: char) -> f32 {
    advances(face).map_or(FALLBACK_EM, |a| a.em(c)) * size
}

/// The width of `s` in dp at `size` dp (advances summed; no kerning).
#[must_use]
pub fn width(face: Face, size: f32, s: &str) -> f32 {
    match advances(face) {
        Some(a) => s.chars().map(|c| a.em(c)).sum::<f32>() * size,
        #[expect(
            clippy::cast_precision_loss,
            reason = "only if the bundled font is broken"
        )]
        None => s.chars().count() as f32 * FALLBACK_EM * size,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_faces_load_and_measure() {
        assert!(REGULAR.is_some() && MEDIUM.is_some());
        // Roboto Regular's space is 508/2048 em, its "M" 1788/2048 em (its hmtx table, as
        // fontTools reads it).
        let space = advance(Face::Regular, 2048.0, ' ');
        assert!((space - 508.0).abs() < 0.01, "{space}");
        let m = advance(Face::Regular, 2048.0, 'M');
        assert!((m - 1788.0).abs() < 0.01, "{m}");
        // Medium is wider than Regular.
        assert!(
            width(Face::Medium, 16.0, "Winter sale") > width(Face::Regular, 16.0, "Winter sale")
        );
        // Non-ASCII Latin comes from the font; an emoji is one em; a joiner takes no room.
        assert!(advance(Face::Regular, 14.0, 'é') < 14.0);
        assert!((advance(Face::Regular, 14.0, '🧥') - 14.0).abs() < f32::EPSILON);
        assert!(advance(Face::Regular, 14.0, '\u{200D}').abs() < f32::EPSILON);
        assert!(
            (width(Face::Regular, 10.0, "ab")
                - advance(Face::Regular, 10.0, 'a')
                - advance(Face::Regular, 10.0, 'b'))
            .abs()
                < 1e-4
        );
    }
}
