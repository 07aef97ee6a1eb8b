//! Local images attached to media URLs for the preview: decoding off the UI thread with
//! memory limits, one downscale to preview size, and the phone's media rules
//! (`rcs::phone::media`, docs/phone-rendering.md) applied to what the decoder learnt.

use std::path::Path;

pub use crate::rcs::phone::media::{
    Layout, MAX_MEDIA_BYTES, MAX_THUMBNAIL_BYTES, RECOMMENDED_IMAGE_BYTES,
    RECOMMENDED_THUMBNAIL_BYTES, Slot, human_bytes,
};

/// Longest side of the cached preview picture, in pixels.
pub const PREVIEW_SIDE: u32 = 640;
/// Decoder limits: a decompression bomb gets an error instead of the machine's memory.
const MAX_DIMENSION: u32 = 16_384;
const MAX_ALLOC: u64 = 512 * 1024 * 1024;

/// A decoded, downscaled picture and what was learnt about the file.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub image: egui::ColorImage,
    pub width: u32,
    pub height: u32,
    /// "PNG", "JPEG", …
    pub format: String,
    pub bytes: u64,
}

/// Decodes `path` for the preview. Runs on a worker thread.
///
/// # Errors
/// A sentence for the user: unreadable, not an image, or over the decoder's limits.
pub fn decode(path: &Path) -> Result<Decoded, String> {
    let bytes = std::fs::metadata(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?
        .len();
    let mut reader = image::ImageReader::open(path)
        .map_err(|e| format!("cannot open {}: {e}", path.display()))?
        .with_guessed_format()
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let Some(format) = reader.format() else {
        return Err(format!(
            "{} is not an image the preview can show (JPEG, PNG, GIF, WebP or BMP)",
            path.display()
        ));
    };
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_DIMENSION);
    limits.max_image_height = Some(MAX_DIMENSION);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let picture = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => format!(
            "{} is too large to decode safely (over {MAX_DIMENSION}×{MAX_DIMENSION} pixels or {} MiB)",
            path.display(),
            MAX_ALLOC / 1024 / 1024
        ),
        other => format!("cannot decode {}: {other}", path.display()),
    })?;
    let (width, height) = (picture.width(), picture.height());
    let small = picture.thumbnail(PREVIEW_SIDE, PREVIEW_SIDE).to_rgba8();
    let size = [small.width() as usize, small.height() as usize];
    Ok(Decoded {
        image: egui::ColorImage::from_rgba_unmultiplied(size, small.as_raw()),
        width,
        height,
        format: format!("{format:?}").to_uppercase(),
        bytes,
    })
}

/// Checks an attached file against the phone's media rules for its slot and layout.
#[must_use]
pub fn warnings(d: &Decoded, slot: Slot, layout: Layout) -> Vec<String> {
    let picture = crate::rcs::phone::media::Picture {
        format: &d.format,
        bytes: d.bytes,
        width: d.width,
        height: d.height,
    };
    crate::rcs::phone::media::warnings(picture, slot, layout)
}

/// The last path segment of a URL, for placeholders.
#[must_use]
pub fn file_name(url: &str) -> &str {
    url.trim_end_matches('/').rsplit('/').next().unwrap_or(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(dir: &Path, name: &str, w: u32, h: u32) -> std::path::PathBuf {
        let path = dir.join(name);
        image::RgbaImage::from_pixel(w, h, image::Rgba([200, 40, 40, 255]))
            .save(&path)
            .unwrap();
        path
    }

    #[test]
    fn decodes_and_downscales_once() {
        let dir = tempfile::tempdir().unwrap();
        let d = decode(&png(dir.path(), "a.png", 1440, 720)).unwrap();
        assert_eq!((d.width, d.height, d.format.as_str()), (1440, 720, "PNG"));
        assert_eq!(d.image.size, [640, 320]);
        assert!(warnings(&d, Slot::Media, Layout::VerticalCard).is_empty());
        let w = warnings(&d, Slot::Media, Layout::CarouselCard);
        assert!(w[0].contains("4:3"), "{w:?}");
    }

    #[test]
    fn rejects_non_images_and_bombs() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("a.png");
        std::fs::write(&text, "not an image").unwrap();
        assert!(decode(&text).is_err());
        // A PNG header claiming 100000×100000 pixels.
        let mut bomb = Vec::new();
        bomb.extend_from_slice(&[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a]);
        let mut ihdr = Vec::new();
        ihdr.extend_from_slice(b"IHDR");
        ihdr.extend_from_slice(&100_000u32.to_be_bytes());
        ihdr.extend_from_slice(&100_000u32.to_be_bytes());
        ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
        bomb.extend_from_slice(&13u32.to_be_bytes());
        bomb.extend_from_slice(&ihdr);
        bomb.extend_from_slice(&[0, 0, 0, 0]);
        let path = dir.path().join("bomb.png");
        std::fs::write(&path, bomb).unwrap();
        let err = decode(&path).unwrap_err();
        assert!(
            err.contains("too large") || err.contains("cannot decode"),
            "{err}"
        );
    }

    #[test]
    fn thumbnail_size_limits() {
        let d = Decoded {
            image: egui::ColorImage::new([1, 1], vec![egui::Color32::WHITE]),
            width: 250,
            height: 330,
            format: "JPEG".into(),
            bytes: 120_000,
        };
        assert!(
            warnings(&d, Slot::Thumbnail, Layout::HorizontalCard)[0].contains("at most 100 kB")
        );
        assert_eq!(file_name("s3://bucket/dir/pic.jpg"), "pic.jpg");
    }
}
