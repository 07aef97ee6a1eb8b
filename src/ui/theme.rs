//! Design tokens: the phone preview's colours (a light and a dark set), corner radii and the
//! sizes of its chrome, and the editor's check colours. Nothing else in the UI states a
//! preview colour or radius; the sizes that decide what the phone shows are in
//! `rcs::phone::dp` (docs/phone-rendering.md).

use egui::Color32;

/// The painter's own sizes in dp: corner radii and the preview's chrome (bezel, header,
/// badges, notes). No rule of the phone decides them; the sizes that decide what the phone
/// shows (media heights, card widths, fonts, line heights) are in `rcs::phone::dp`.
pub mod dp {
    pub const RADIUS_BEZEL: f32 = 36.0;
    pub const RADIUS_SCREEN: f32 = 26.0;
    pub const RADIUS_BUBBLE: f32 = 18.0;
    pub const RADIUS_CARD: f32 = 16.0;
    pub const RADIUS_CHIP: f32 = 18.0;
    pub const RADIUS_ICON: f32 = 8.0;
    /// The header: the brand's avatar (centre from the left edge, radius), its letter, the
    /// brand's name and the line under it.
    pub const HEADER_AVATAR_X: f32 = 30.0;
    pub const HEADER_AVATAR_RADIUS: f32 = 16.0;
    pub const HEADER_NAME_X: f32 = 56.0;
    pub const HEADER_NAME_SIZE: f32 = 15.0;
    pub const HEADER_SUB_SIZE: f32 = 11.0;
    /// Notes in the chat ("Today", "If RCS fails: …") and file tiles' captions.
    pub const NOTE_SIZE: f32 = 12.0;
    pub const CAPTION_SIZE: f32 = 11.0;
    pub const FILE_NAME_SIZE: f32 = 13.0;
    pub const FILE_ICON_GLYPH: f32 = 22.0;
    /// The "!" badge on a cut card: radius, inset from the card's top-right corner, glyph.
    pub const BADGE_RADIUS: f32 = 10.0;
    pub const BADGE_INSET: f32 = 14.0;
    pub const BADGE_GLYPH: f32 = 13.0;
    /// The MMS fallback's picture.
    pub const MMS_IMAGE_WIDTH: f32 = 200.0;
    pub const MMS_IMAGE_HEIGHT: f32 = 150.0;
}

/// The colours of one preview theme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub bezel: Color32,
    pub screen: Color32,
    pub header: Color32,
    pub header_text: Color32,
    pub bubble: Color32,
    pub bubble_text: Color32,
    pub card: Color32,
    pub card_border: Color32,
    pub title: Color32,
    pub body: Color32,
    pub muted: Color32,
    pub media_placeholder: Color32,
    pub suggestion_text: Color32,
    pub chip_border: Color32,
    pub warning: Color32,
    pub sms_bubble: Color32,
}

pub const LIGHT: Palette = Palette {
    bezel: Color32::from_rgb(30, 30, 34),
    screen: Color32::from_rgb(255, 255, 255),
    header: Color32::from_rgb(243, 246, 252),
    header_text: Color32::from_rgb(31, 31, 31),
    bubble: Color32::from_rgb(233, 238, 246),
    bubble_text: Color32::from_rgb(31, 31, 31),
    card: Color32::from_rgb(255, 255, 255),
    card_border: Color32::from_rgb(218, 220, 224),
    title: Color32::from_rgb(31, 31, 31),
    body: Color32::from_rgb(68, 71, 70),
    muted: Color32::from_rgb(117, 117, 117),
    media_placeholder: Color32::from_rgb(226, 230, 236),
    suggestion_text: Color32::from_rgb(11, 87, 208),
    chip_border: Color32::from_rgb(196, 199, 197),
    warning: Color32::from_rgb(176, 96, 0),
    sms_bubble: Color32::from_rgb(211, 227, 253),
};

pub const DARK: Palette = Palette {
    bezel: Color32::from_rgb(10, 10, 12),
    screen: Color32::from_rgb(27, 27, 31),
    header: Color32::from_rgb(40, 42, 48),
    header_text: Color32::from_rgb(227, 227, 227),
    bubble: Color32::from_rgb(48, 51, 58),
    bubble_text: Color32::from_rgb(227, 227, 227),
    card: Color32::from_rgb(36, 38, 43),
    card_border: Color32::from_rgb(68, 71, 78),
    title: Color32::from_rgb(227, 227, 227),
    body: Color32::from_rgb(196, 199, 197),
    muted: Color32::from_rgb(142, 145, 143),
    media_placeholder: Color32::from_rgb(58, 62, 70),
    suggestion_text: Color32::from_rgb(168, 199, 250),
    chip_border: Color32::from_rgb(92, 95, 94),
    warning: Color32::from_rgb(255, 184, 77),
    sms_bubble: Color32::from_rgb(0, 74, 119),
};

#[must_use]
pub fn palette(dark: bool) -> &'static Palette {
    if dark { &DARK } else { &LIGHT }
}

/// Editor colours for inline checks.
pub const ERROR: Color32 = Color32::from_rgb(220, 50, 47);
/// Said of something that passes its checks.
pub const OK: Color32 = Color32::from_rgb(40, 160, 70);
pub const WARNING: Color32 = Color32::from_rgb(203, 120, 0);

/// Placeholders (`{{first_name}}`) in the editor's text fields, on light and dark editors:
/// coloured text on a faint tint, unlike a selection (solid background).
pub const PLACEHOLDER: Color32 = Color32::from_rgb(24, 96, 200);
pub const PLACEHOLDER_ON_DARK: Color32 = Color32::from_rgb(120, 180, 255);
pub const PLACEHOLDER_TINT: Color32 = Color32::from_rgba_premultiplied(10, 20, 40, 24);

/// The placeholder colour for an editor in dark or light mode.
#[must_use]
pub const fn placeholder(dark: bool) -> Color32 {
    if dark {
        PLACEHOLDER_ON_DARK
    } else {
        PLACEHOLDER
    }
}
