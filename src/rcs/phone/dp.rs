//! The phone's sizes in dp (density-independent pixels), as Google Messages lays out RCS
//! content (docs/phone-rendering.md). The one table of them: the measurement in this module
//! and the preview's painter both read it; colours and corner radii are the painter's own
//! (`ui::theme`).

/// The screen the preview draws: a common 360 dp wide Android phone.
pub const SCREEN_WIDTH: f32 = 360.0;
pub const SCREEN_HEIGHT: f32 = 740.0;
/// The preview's bezel around the screen, and the conversation header.
pub const BEZEL: f32 = 12.0;
pub const HEADER_HEIGHT: f32 = 56.0;
pub const CHAT_PADDING: f32 = 12.0;
/// Bubbles and cards leave room for the sender's avatar on their left.
pub const AVATAR: f32 = 28.0;

/// A text bubble: at most this wide, its text inset by the padding on every side.
pub const BUBBLE_MAX_WIDTH: f32 = 280.0;
pub const BUBBLE_PADDING: f32 = 12.0;
pub const BUBBLE_MIN_WIDTH: f32 = 40.0;
pub const BUBBLE_MIN_HEIGHT: f32 = 36.0;

/// A file message: a tile with an icon and the file's name, or the picture itself.
pub const FILE_TILE_WIDTH: f32 = 240.0;
pub const FILE_TILE_HEIGHT: f32 = 64.0;
pub const FILE_ICON: f32 = 48.0;
pub const FILE_IMAGE_HEIGHT: f32 = 180.0;

/// A standalone rich card's width.
pub const STANDALONE_CARD_WIDTH: f32 = 296.0;
/// Carousel card widths (`CardWidth`).
pub const CARD_WIDTH_SMALL: f32 = 120.0;
pub const CARD_WIDTH_MEDIUM: f32 = 232.0;
pub const CAROUSEL_GAP: f32 = 8.0;
/// Media heights (`Media.Height`).
pub const MEDIA_SHORT: f32 = 112.0;
pub const MEDIA_MEDIUM: f32 = 168.0;
pub const MEDIA_TALL: f32 = 264.0;
/// Horizontal cards: the media column's width.
pub const HORIZONTAL_MEDIA_WIDTH: f32 = 128.0;
/// A card is 112–344 dp tall.
pub const CARD_MIN_HEIGHT: f32 = 112.0;
pub const CARD_MAX_HEIGHT: f32 = 344.0;
pub const CARD_PADDING: f32 = 12.0;

/// Text: font sizes and line heights.
pub const TITLE_SIZE: f32 = 16.0;
pub const TITLE_LINE: f32 = 24.0;
pub const BODY_SIZE: f32 = 14.0;
pub const BODY_LINE: f32 = 20.0;
pub const BUTTON_TEXT_SIZE: f32 = 14.0;

/// A card suggestion (button) row, including its divider.
pub const SUGGESTION_HEIGHT: f32 = 48.0;
/// A button's or chip's icon and the gap after it; a button's label is inset by this on each
/// side of the card.
pub const ICON_SIZE: f32 = 14.0;
pub const ICON_GAP: f32 = 6.0;
pub const BUTTON_INSET: f32 = 8.0;
/// Message-level suggestions (chips).
pub const CHIP_HEIGHT: f32 = 36.0;
pub const CHIP_GAP: f32 = 8.0;
pub const CHIP_PADDING: f32 = 14.0;

/// Media height in dp for a `Height` value (`None`: the service's default, MEDIUM). TALL is
/// not allowed in a carousel: a carousel card shows it as MEDIUM.
#[must_use]
pub fn media_height(height: Option<&str>, in_carousel: bool) -> f32 {
    match height {
        Some("SHORT") => MEDIA_SHORT,
        Some("TALL") if !in_carousel => MEDIA_TALL,
        _ => MEDIA_MEDIUM,
    }
}

/// Carousel card width in dp for a `CardWidth` value (`None` or unknown: MEDIUM).
#[must_use]
pub fn card_width(width: Option<&str>) -> f32 {
    match width {
        Some("SMALL") => CARD_WIDTH_SMALL,
        _ => CARD_WIDTH_MEDIUM,
    }
}

#[cfg(test)]
#[expect(
    clippy::float_cmp,
    reason = "dp sizes are whole numbers, exact in f32: equality is the claim"
)]
mod tests {
    use super::*;

    #[test]
    fn tall_is_medium_in_a_carousel() {
        assert_eq!(media_height(Some("TALL"), false), MEDIA_TALL);
        assert_eq!(media_height(Some("TALL"), true), MEDIA_MEDIUM);
        assert_eq!(media_height(None, false), MEDIA_MEDIUM);
        assert_eq!(media_height(Some("SHORT"), true), MEDIA_SHORT);
        assert_eq!(card_width(Some("SMALL")), CARD_WIDTH_SMALL);
        assert_eq!(card_width(None), CARD_WIDTH_MEDIUM);
    }
}
