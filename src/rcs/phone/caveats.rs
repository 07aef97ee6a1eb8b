//! What other phones do differently (iOS, where Apple Messages renders RCS), and the size
//! limit of the message as a whole (docs/phone-rendering.md).

use super::finding::Finding;
use super::layout::CardMemo;
use crate::rcs::issue::Code;
use crate::rcs::model::{CardContent, SendRcsMessageRequest};

/// Google RBM's limit on a message's JSON.
pub const MAX_MESSAGE_JSON_BYTES: usize = 250 * 1000;

fn note(code: Code, path: String, card: Option<usize>, what: &str) -> Finding {
    Finding {
        code,
        path,
        card,
        button: None,
        what: what.to_owned(),
    }
}

fn is_gif(url: Option<&str>) -> bool {
    url.is_some_and(|u| u.to_ascii_lowercase().ends_with(".gif"))
}

/// True when `text` holds "https://", "http://" or "www.". One pass over the text, visiting
/// only its h's and w's: this runs on every keystroke over each card's description (up to ten
/// of 2,000 characters), and three `contains` were a few percent of a keystroke frame.
fn has_link(text: Option<&str>) -> bool {
    text.is_some_and(|d| {
        let bytes = d.as_bytes();
        memchr::memchr2_iter(b'h', b'w', bytes).any(|i| {
            let rest = &bytes[i..];
            rest.starts_with(b"https://")
                || rest.starts_with(b"http://")
                || rest.starts_with(b"www.")
        })
    })
}

/// The caveats of one card at `base`.
fn card(base: &str, index: Option<usize>, c: &CardContent, out: &mut Vec<Finding>) {
    if let Some(m) = &c.media {
        if m.height.is_some() {
            out.push(note(
                Code::PhoneIosMediaHeight,
                format!("{base}.Media.Height"),
                index,
                "iOS ignores the media height.",
            ));
        }
        for (member, url) in [("FileUrl", &m.file_url), ("ThumbnailUrl", &m.thumbnail_url)] {
            if is_gif(url.as_deref()) {
                out.push(note(
                    Code::PhoneIosGif,
                    format!("{base}.Media.{member}"),
                    index,
                    "iOS shows GIFs as still images.",
                ));
            }
        }
    }
    if has_link(c.description.as_deref()) {
        out.push(note(
            Code::PhoneIosLink,
            format!("{base}.Description"),
            index,
            "Links in a description are not tappable on iOS; use an Open URL button.",
        ));
    }
}

/// The caveats for the whole request: other phones, and the message's size as JSON.
#[must_use]
pub fn caveats(request: &SendRcsMessageRequest) -> Vec<Finding> {
    caveats_with(request, &mut CardMemo::default())
}

/// [`caveats`], with the carousel cards' JSON lengths remembered in `memo`.
#[must_use]
pub fn caveats_with(request: &SendRcsMessageRequest, memo: &mut CardMemo) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some(content) = request.content() {
        if let Some(f) = &content.file_message {
            let base = "RcsMessageContent.Content.FileMessage";
            for (member, url) in [("FileUrl", &f.file_url), ("ThumbnailUrl", &f.thumbnail_url)] {
                if is_gif(url.as_deref()) {
                    out.push(note(
                        Code::PhoneIosGif,
                        format!("{base}.{member}"),
                        None,
                        "iOS shows GIFs as still images.",
                    ));
                }
            }
        }
        if let Some(rich) = &content.rich_card {
            let base = "RcsMessageContent.Content.RichCard";
            if rich.card_orientation.as_deref() == Some("HORIZONTAL") {
                out.push(note(
                    Code::PhoneIosHorizontal,
                    format!("{base}.CardOrientation"),
                    None,
                    "iOS truncates horizontal cards more than Android.",
                ));
            }
            if let Some(c) = &rich.card_content {
                card(&format!("{base}.CardContent"), None, c, &mut out);
            }
        }
        if let Some(carousel) = &content.carousel {
            let cards = carousel.card_contents.as_deref().unwrap_or_default();
            for (i, c) in cards.iter().enumerate() {
                let base = format!("RcsMessageContent.Content.Carousel.CardContents[{i}]");
                card(&base, Some(i), c, &mut out);
            }
            if cards.iter().any(|c| c.media.is_some()) {
                out.push(note(
                    Code::PhoneIosCarouselCrop,
                    "RcsMessageContent.Content.Carousel".to_owned(),
                    None,
                    "iOS crops the images of a carousel.",
                ));
            }
        }
    }
    let bytes = memo.json_len(request);
    if bytes > MAX_MESSAGE_JSON_BYTES {
        out.push(note(
            Code::PhoneMessageTooLarge,
            String::new(),
            None,
            &format!(
                "The message is {} as JSON; Google RBM accepts at most 250 kB.",
                super::media::human_bytes(bytes as u64)
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::has_link;

    #[test]
    fn a_link_is_found_anywhere_in_the_text_as_the_three_searches_found_it() {
        let old = |d: &str| d.contains("https://") || d.contains("http://") || d.contains("www.");
        let pieces = [
            "h", "w", "ww", "http", "https:/", "https://", "http://", "www.", "x", "é", ".",
        ];
        for t in &crate::rcs::pieced::texts_of(&pieces, 3) {
            assert_eq!(has_link(Some(t)), old(t), "{t:?}");
        }
        assert!(has_link(Some(&format!(
            "{}www.example.com",
            "a".repeat(1990)
        ))));
        assert!(!has_link(Some("Wash with warm water; see the label.")));
        assert!(!has_link(None));
    }
}
