//! Design tokens: the phone preview's colours, radii and dp sizes (rcs-reference.md §2), in a
//! light and a dark set. Nothing else in the UI states a preview size or colour.

use egui::Color32;

/// Sizes in dp, as Google Messages lays out RCS content.
pub mod dp {
    /// The phone's screen width.
    pub const SCREEN_WIDTH: f32 = 360.0;
    pub const SCREEN_HEIGHT: f32 = 740.0;
    pub const BEZEL: f32 = 12.0;
    pub const HEADER_HEIGHT: f32 = 56.0;
    pub const CHAT_PADDING: f32 = 12.0;
    /// Bubbles and standalone cards leave room for the avatar.
    pub const AVATAR: f32 = 28.0;
    pub const BUBBLE_MAX_WIDTH: f32 = 280.0;
    pub const STANDALONE_CARD_WIDTH: f32 = 296.0;
    pub const CARD_WIDTH_SMALL: f32 = 120.0;
    pub const CARD_WIDTH_MEDIUM: f32 = 232.0;
    pub const CAROUSEL_GAP: f32 = 8.0;
    pub const MEDIA_SHORT: f32 = 112.0;
    pub const MEDIA_MEDIUM: f32 = 168.0;
    pub const MEDIA_TALL: f32 = 264.0;
    /// Horizontal cards: the media column's width.
    pub const HORIZONTAL_MEDIA_WIDTH: f32 = 128.0;
    /// A card is 112–344 dp tall.
    pub const CARD_MIN_HEIGHT: f32 = 112.0;
    pub const CARD_MAX_HEIGHT: f32 = 344.0;
    pub const CARD_PADDING: f32 = 12.0;
    pub const TITLE_SIZE: f32 = 16.0;
    pub const TITLE_LINE: f32 = 24.0;
    pub const BODY_SIZE: f32 = 14.0;
    pub const BODY_LINE: f32 = 20.0;
    /// A card suggestion button including its gap.
    pub const SUGGESTION_HEIGHT: f32 = 48.0;
    pub const CHIP_HEIGHT: f32 = 36.0;
    pub const CHIP_GAP: f32 = 8.0;
    pub const FILE_TILE_HEIGHT: f32 = 64.0;
    pub const RADIUS_BUBBLE: f32 = 18.0;
    pub const RADIUS_CARD: f32 = 16.0;
    pub const RADIUS_CHIP: f32 = 18.0;
    pub const ICON_SIZE: f32 = 14.0;
}

/// Media height in dp for a `Height` value (`None`: the service's default, MEDIUM).
#[must_use]
pub fn media_height(height: Option<&str>) -> f32 {
    match height {
        Some("SHORT") => dp::MEDIA_SHORT,
        Some("TALL") => dp::MEDIA_TALL,
        _ => dp::MEDIA_MEDIUM,
    }
}

/// Carousel card width in dp for a `CardWidth` value.
#[must_use]
pub fn card_width(width: Option<&str>) -> f32 {
    match width {
        Some("SMALL") => dp::CARD_WIDTH_SMALL,
        _ => dp::CARD_WIDTH_MEDIUM,
    }
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
