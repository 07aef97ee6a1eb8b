//! The message content: the four kinds, cards and media.

use super::Validator;
use crate::rcs::issue::Code;
use crate::rcs::limits::Field;
use crate::rcs::model::{
    CardContent, Carousel, Content, FileMessage, Media, RcsMessageContent, RichCard,
};
use crate::rcs::path::Member;

impl Validator {
    pub(super) fn message_content(&mut self, c: &RcsMessageContent) {
        if let Some(content) = self.present(Member::Content, Field::Content, c.content.as_ref()) {
            self.at(Member::Content, |v| v.content(content));
        }
        if let Some(chips) = &c.suggestions {
            self.suggestions(Member::Suggestions, Field::MessageSuggestions, chips);
        }
    }

    fn content(&mut self, c: &Content) {
        match c.kind_count() {
            0 => self.error(
                Code::NoContentKind,
                "The content has no kind; give exactly one of TextMessage, FileMessage, RichCard or Carousel.".to_owned(),
            ),
            1 => {}
            _ => {
                let names: Vec<&str> = c.kinds().iter().map(|k| k.member()).collect();
                self.error(
                    Code::MultipleContentKinds,
                    format!("The content has {} kinds ({}); give exactly one.", names.len(), names.join(", ")),
                );
            }
        }
        if let Some(text) = &c.text_message {
            self.at(Member::TextMessage, |v| {
                v.text(Member::Body, Field::TextBody, text.body.as_deref());
            });
        }
        if let Some(file) = &c.file_message {
            self.at(Member::FileMessage, |v| v.file_message(file));
        }
        if let Some(card) = &c.rich_card {
            self.at(Member::RichCard, |v| v.rich_card(card));
        }
        if let Some(carousel) = &c.carousel {
            self.at(Member::Carousel, |v| v.carousel(carousel));
        }
    }

    fn file_message(&mut self, f: &FileMessage) {
        self.text(Member::FileUrl, Field::MediaFileUrl, f.file_url.as_deref());
        self.text(
            Member::ThumbnailUrl,
            Field::MediaThumbnailUrl,
            f.thumbnail_url.as_deref(),
        );
    }

    fn rich_card(&mut self, card: &RichCard) {
        let orientation = card.card_orientation.as_deref();
        self.text(Member::CardOrientation, Field::CardOrientation, orientation);
        let alignment = card.thumbnail_image_alignment.as_deref();
        self.text(
            Member::ThumbnailImageAlignment,
            Field::ThumbnailImageAlignment,
            alignment,
        );
        if alignment.is_some() && orientation == Some("VERTICAL") {
            self.at(Member::ThumbnailImageAlignment, |v| {
                v.warn(
                    Code::NotApplicable,
                    "Thumbnail image alignment only applies to HORIZONTAL cards; this card is VERTICAL, so it is ignored.".to_owned(),
                );
            });
        }
        if let Some(content) = self.present(
            Member::CardContent,
            Field::CardContent,
            card.card_content.as_ref(),
        ) {
            self.at(Member::CardContent, |v| {
                v.card(content, Field::RichCardMediaHeight);
            });
        }
    }

    fn carousel(&mut self, carousel: &Carousel) {
        self.text(
            Member::CardWidth,
            Field::CardWidth,
            carousel.card_width.as_deref(),
        );
        let cards = carousel.card_contents.as_deref();
        if self.count(
            Member::CardContents,
            Field::CarouselCards,
            cards.map(<[CardContent]>::len),
        ) {
            self.at(Member::CardContents, |v| {
                for (i, card) in cards.unwrap_or_default().iter().enumerate() {
                    v.at_index(i, |v| v.card(card, Field::CarouselMediaHeight));
                }
            });
        }
    }

    /// A rich card's or a carousel card's content; `height` says which heights are allowed.
    fn card(&mut self, card: &CardContent, height: Field) {
        self.text(Member::Title, Field::CardTitle, card.title.as_deref());
        self.text(
            Member::Description,
            Field::CardDescription,
            card.description.as_deref(),
        );
        if let Some(media) = &card.media {
            self.at(Member::Media, |v| v.media(media, height));
        }
        if let Some(suggestions) = &card.suggestions {
            self.suggestions(Member::Suggestions, Field::CardSuggestions, suggestions);
        }
    }

    fn media(&mut self, media: &Media, height: Field) {
        self.text(
            Member::FileUrl,
            Field::MediaFileUrl,
            media.file_url.as_deref(),
        );
        self.text(
            Member::ThumbnailUrl,
            Field::MediaThumbnailUrl,
            media.thumbnail_url.as_deref(),
        );
        if height == Field::CarouselMediaHeight && media.height.as_deref() == Some("TALL") {
            self.at(Member::Height, |v| {
                v.error(
                    Code::InvalidValue,
                    "Media height TALL is not allowed in a carousel card; use SHORT or MEDIUM."
                        .to_owned(),
                );
            });
        } else {
            self.text(Member::Height, height, media.height.as_deref());
        }
    }
}
