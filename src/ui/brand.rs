//! The brand the preview's header shows for an origination identity: the display name, logo,
//! colour and verified tick the marketer registered for their RCS agent. Kept in settings per
//! origination identity, never in templates; the logo is a local image decoded off the UI
//! thread into the media cache under [`BrandProfile::logo_key`].

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// What the header shows while no profile is saved for the origination.
pub const PLACEHOLDER_NAME: &str = "Your brand";

/// Google Messages' default avatar blue, the colour a new profile starts with.
const DEFAULT_COLOUR: [u8; 3] = [11, 87, 208];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BrandProfile {
    /// The agent's display name; an empty name shows [`PLACEHOLDER_NAME`].
    pub name: String,
    /// A local image shown in the header's circle; without one, the name's initial on
    /// `colour`.
    pub logo: Option<PathBuf>,
    /// The brand colour, sRGB.
    pub colour: [u8; 3],
    /// Whether the agent is verified (Google Messages shows a tick after the name).
    pub verified: bool,
}

impl Default for BrandProfile {
    /// The header as it reads before a profile is saved.
    fn default() -> Self {
        Self {
            name: String::new(),
            logo: None,
            colour: DEFAULT_COLOUR,
            verified: true,
        }
    }
}

impl BrandProfile {
    /// The name as the header shows it.
    #[must_use]
    pub fn display_name(&self) -> &str {
        match self.name.trim() {
            "" => PLACEHOLDER_NAME,
            name => name,
        }
    }

    /// The letter drawn on the brand colour when there is no logo: the name's first letter
    /// or digit, upper-cased.
    #[must_use]
    pub fn initial(&self) -> String {
        self.display_name()
            .chars()
            .find(|c| c.is_alphanumeric())
            .map_or_else(|| "?".to_owned(), |c| c.to_uppercase().collect())
    }

    /// The media cache's key for the decoded logo.
    #[must_use]
    pub fn logo_key(&self) -> Option<String> {
        self.logo
            .as_ref()
            .filter(|p| !p.as_os_str().is_empty())
            .map(|p| format!("brand-logo:{}", p.display()))
    }

    #[must_use]
    pub fn colour32(&self) -> egui::Color32 {
        let [r, g, b] = self.colour;
        egui::Color32::from_rgb(r, g, b)
    }

    /// Black or white, whichever reads better on the brand colour (WCAG relative luminance).
    #[must_use]
    pub fn on_colour(&self) -> egui::Color32 {
        let linear = |c: u8| {
            let c = f32::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let [r, g, b] = self.colour;
        let luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
        // Contrast with white (1.05 / (L + 0.05)) beats contrast with black above L ≈ 0.179.
        if luminance > 0.179 {
            egui::Color32::BLACK
        } else {
            egui::Color32::WHITE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_name_reads_as_the_placeholder_and_its_initial() {
        let p = BrandProfile::default();
        assert_eq!(p.display_name(), PLACEHOLDER_NAME);
        assert_eq!(p.initial(), "Y");
        let named = BrandProfile {
            name: "  élan coffee ".into(),
            ..BrandProfile::default()
        };
        assert_eq!(named.display_name(), "élan coffee");
        assert_eq!(named.initial(), "É");
        let symbols = BrandProfile {
            name: "★★".into(),
            ..BrandProfile::default()
        };
        assert_eq!(symbols.initial(), "?");
    }

    #[test]
    fn the_letter_contrasts_with_the_brand_colour() {
        let on = |colour| {
            BrandProfile {
                colour,
                ..BrandProfile::default()
            }
            .on_colour()
        };
        assert_eq!(on([11, 87, 208]), egui::Color32::WHITE);
        assert_eq!(on([255, 214, 0]), egui::Color32::BLACK);
        assert_eq!(on([0, 0, 0]), egui::Color32::WHITE);
    }

    #[test]
    fn only_a_named_logo_file_has_a_cache_key() {
        let mut p = BrandProfile::default();
        assert_eq!(p.logo_key(), None);
        p.logo = Some(PathBuf::new());
        assert_eq!(p.logo_key(), None);
        p.logo = Some(PathBuf::from("/tmp/logo.png"));
        assert_eq!(p.logo_key().as_deref(), Some("brand-logo:/tmp/logo.png"));
    }
}
