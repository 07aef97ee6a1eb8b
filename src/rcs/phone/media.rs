//! Rules for the media files a card or file message points at (docs/phone-rendering.md):
//! accepted picture types, size limits and the aspect ratios each layout shows best. The
//! window applies them to a local file attached to a media URL.

/// Media files: at most 100 MB; thumbnails: at most 100 kB (50 kB recommended); pictures
/// 2 MB or less recommended.
pub const MAX_MEDIA_BYTES: u64 = 100 * 1000 * 1000;
pub const MAX_THUMBNAIL_BYTES: u64 = 100 * 1000;
pub const RECOMMENDED_THUMBNAIL_BYTES: u64 = 50 * 1000;
pub const RECOMMENDED_IMAGE_BYTES: u64 = 2 * 1000 * 1000;
/// How far (as a fraction) a picture's ratio may be from a recommended one.
const RATIO_TOLERANCE: f32 = 0.05;

/// What a URL is used as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Slot {
    Media,
    Thumbnail,
}

/// Where the picture appears, which decides the recommended aspect ratio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layout {
    VerticalCard,
    HorizontalCard,
    CarouselCard,
    FileMessage,
}

impl Layout {
    /// Recommended width:height ratios and how to say them.
    #[must_use]
    pub const fn recommended(self) -> &'static [(f32, &'static str)] {
        match self {
            Self::VerticalCard => &[(2.0, "2:1"), (16.0 / 9.0, "16:9"), (7.0 / 3.0, "7:3")],
            Self::HorizontalCard => &[(0.75, "3:4")],
            Self::CarouselCard => &[(4.0 / 3.0, "4:3")],
            Self::FileMessage => &[],
        }
    }

    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::VerticalCard => "a vertical card",
            Self::HorizontalCard => "a horizontal card",
            Self::CarouselCard => "a carousel card",
            Self::FileMessage => "a file message",
        }
    }
}

/// What is known about an attached file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picture<'a> {
    /// "PNG", "JPEG", …
    pub format: &'a str,
    pub bytes: u64,
    pub width: u32,
    pub height: u32,
}

/// Checks a picture against the rules for its slot and layout; one sentence per problem.
#[must_use]
pub fn warnings(p: Picture<'_>, slot: Slot, layout: Layout) -> Vec<String> {
    let mut out = Vec::new();
    if !matches!(p.format, "JPEG" | "PNG" | "GIF") {
        out.push(format!(
            "{} is not an image type Google Messages accepts (JPEG, PNG or GIF).",
            p.format
        ));
    }
    match slot {
        Slot::Thumbnail if p.bytes > MAX_THUMBNAIL_BYTES => out.push(format!(
            "The thumbnail is {}; thumbnails may be at most 100 kB (50 kB or less recommended).",
            human_bytes(p.bytes)
        )),
        Slot::Thumbnail if p.bytes > RECOMMENDED_THUMBNAIL_BYTES => out.push(format!(
            "The thumbnail is {}; 50 kB or less is recommended.",
            human_bytes(p.bytes)
        )),
        Slot::Media if p.bytes > MAX_MEDIA_BYTES => out.push(format!(
            "The file is {}; media may be at most 100 MB.",
            human_bytes(p.bytes)
        )),
        Slot::Media if p.bytes > RECOMMENDED_IMAGE_BYTES => out.push(format!(
            "The image is {}; images of 2 MB or less are recommended.",
            human_bytes(p.bytes)
        )),
        _ => {}
    }
    let recommended = layout.recommended();
    if slot == Slot::Media && !recommended.is_empty() && p.height > 0 {
        #[expect(clippy::cast_precision_loss, reason = "pixel sizes are far below 2^24")]
        let ratio = p.width as f32 / p.height as f32;
        if !recommended
            .iter()
            .any(|(r, _)| (ratio / r - 1.0).abs() <= RATIO_TOLERANCE)
        {
            let names: Vec<&str> = recommended.iter().map(|(_, n)| *n).collect();
            out.push(format!(
                "The image is {}×{} (ratio {ratio:.2}); {} looks best at {}.",
                p.width,
                p.height,
                layout.label(),
                names.join(", ")
            ));
        }
    }
    out
}

/// A byte count as people read it: "1.4 MB", "120 kB", "512 bytes" (SI units, as the limits).
#[must_use]
pub fn human_bytes(n: u64) -> String {
    #[expect(clippy::cast_precision_loss, reason = "display only")]
    let f = n as f64;
    if n >= 1_000_000 {
        format!("{:.1} MB", f / 1e6)
    } else if n >= 1000 {
        format!("{:.0} kB", f / 1e3)
    } else {
        format!("{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picture(format: &str, bytes: u64, width: u32, height: u32) -> Picture<'_> {
        Picture {
            format,
            bytes,
            width,
            height,
        }
    }

    #[test]
    fn ratios_types_and_sizes() {
        let wide = picture("PNG", 1000, 1440, 720);
        assert!(warnings(wide, Slot::Media, Layout::VerticalCard).is_empty());
        let w = warnings(wide, Slot::Media, Layout::CarouselCard);
        assert!(w[0].contains("4:3"), "{w:?}");
        let thumb = picture("JPEG", 120_000, 250, 330);
        assert!(
            warnings(thumb, Slot::Thumbnail, Layout::HorizontalCard)[0].contains("at most 100 kB")
        );
        let bmp = picture("BMP", 10, 960, 720);
        assert!(warnings(bmp, Slot::Media, Layout::CarouselCard)[0].contains("not an image type"));
        assert_eq!(human_bytes(260_000), "260 kB");
        assert_eq!(human_bytes(1_400_000), "1.4 MB");
    }
}
