//! The preview's text is set in the bundled Roboto (the face `rcs::phone` measures with), as
//! two egui font families of its own; the editor keeps egui's default face. Glyphs Roboto
//! lacks (emoji, symbols) fall back to the fonts of egui's proportional family.

use std::sync::Arc;

use egui::{FontData, FontFamily};

use crate::rcs::phone::font::Face;

const REGULAR: &str = "phone-roboto";
const MEDIUM: &str = "phone-roboto-medium";

/// The preview's family for a face.
#[must_use]
pub fn family(face: Face) -> FontFamily {
    FontFamily::Name(
        match face {
            Face::Regular => REGULAR,
            Face::Medium => MEDIUM,
        }
        .into(),
    )
}

/// Registers the preview's families once; true when they can be used in this pass (fonts
/// added after text was laid out take effect from the next pass, which this requests).
#[must_use]
pub fn install(ctx: &egui::Context) -> bool {
    let missing = ctx.fonts(|f| {
        let defs = f.definitions();
        (!defs.families.contains_key(&family(Face::Regular))).then(|| defs.clone())
    });
    let Some(mut defs) = missing else {
        return true;
    };
    let fallbacks = defs
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    for face in [Face::Regular, Face::Medium] {
        let name = match face {
            Face::Regular => REGULAR,
            Face::Medium => MEDIUM,
        };
        defs.font_data.insert(
            name.to_owned(),
            Arc::new(FontData::from_static(face.bytes())),
        );
        let mut fonts = vec![name.to_owned()];
        fonts.extend(fallbacks.iter().cloned());
        defs.families.insert(family(face), fonts);
    }
    ctx.set_fonts(defs);
    ctx.request_repaint();
    ctx.fonts(|f| {
        f.definitions()
            .families
            .contains_key(&family(Face::Regular))
    })
}
