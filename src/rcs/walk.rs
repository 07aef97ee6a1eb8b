//! Visits every free-text member of a request with its path and field: the members a
//! campaign may personalise (the limits table says which, `Rule::personal`).

use crate::rcs::limits::Field;
use crate::rcs::model::{ActionBase, CardContent, Media, SendRcsMessageRequest, Suggestion};
use crate::rcs::path::{Member, PathBuf};

/// Calls `f(path, field, text)` for every present free-text member, in wire order.
pub fn texts_mut(
    request: &mut SendRcsMessageRequest,
    f: &mut impl FnMut(&str, Field, &mut String),
) {
    let mut w = Walker {
        path: PathBuf::new(),
        f,
    };
    w.request(request);
}

struct Walker<'f, F> {
    path: PathBuf,
    f: &'f mut F,
}

impl<F: FnMut(&str, Field, &mut String)> Walker<'_, F> {
    fn text(&mut self, member: Member, field: Field, value: Option<&mut String>) {
        if let Some(value) = value {
            let mark = self.path.member(member);
            (self.f)(self.path.as_str(), field, value);
            self.path.reset(mark);
        }
    }

    fn within(&mut self, member: Member, body: impl FnOnce(&mut Self)) {
        let mark = self.path.member(member);
        body(self);
        self.path.reset(mark);
    }

    fn request(&mut self, r: &mut SendRcsMessageRequest) {
        if let Some(message) = &mut r.rcs_message_content {
            self.within(Member::RcsMessageContent, |w| {
                if let Some(content) = &mut message.content {
                    w.within(Member::Content, |w| {
                        if let Some(text) = &mut content.text_message {
                            w.within(Member::TextMessage, |w| {
                                w.text(Member::Body, Field::TextBody, text.body.as_mut());
                            });
                        }
                        if let Some(file) = &mut content.file_message {
                            w.within(Member::FileMessage, |w| {
                                w.text(
                                    Member::FileUrl,
                                    Field::MediaFileUrl,
                                    file.file_url.as_mut(),
                                );
                                w.text(
                                    Member::ThumbnailUrl,
                                    Field::MediaThumbnailUrl,
                                    file.thumbnail_url.as_mut(),
                                );
                            });
                        }
                        if let Some(card) = &mut content.rich_card {
                            w.within(Member::RichCard, |w| {
                                if let Some(card) = &mut card.card_content {
                                    w.within(Member::CardContent, |w| w.card(card));
                                }
                            });
                        }
                        if let Some(carousel) = &mut content.carousel {
                            w.within(Member::Carousel, |w| {
                                if let Some(cards) = &mut carousel.card_contents {
                                    w.within(Member::CardContents, |w| {
                                        for (i, card) in cards.iter_mut().enumerate() {
                                            let mark = w.path.index(i);
                                            w.card(card);
                                            w.path.reset(mark);
                                        }
                                    });
                                }
                            });
                        }
                    });
                }
                if let Some(chips) = &mut message.suggestions {
                    w.suggestions(chips);
                }
            });
        }
        if let Some(fallback) = &mut r.fallback_configuration {
            self.within(Member::FallbackConfiguration, |w| {
                w.text(
                    Member::MessageBody,
                    Field::FallbackMessageBody,
                    fallback.message_body.as_mut(),
                );
                if let Some(urls) = &mut fallback.media_urls {
                    w.within(Member::MediaUrls, |w| {
                        for (i, url) in urls.iter_mut().enumerate() {
                            let mark = w.path.index(i);
                            (w.f)(w.path.as_str(), Field::FallbackMediaUrl, url);
                            w.path.reset(mark);
                        }
                    });
                }
            });
        }
        if let Some(context) = &mut r.context {
            self.within(Member::Context, |w| {
                for (key, value) in context.iter_mut() {
                    let mark = w.path.key(key);
                    (w.f)(w.path.as_str(), Field::ContextValue, value);
                    w.path.reset(mark);
                }
            });
        }
    }

    fn card(&mut self, card: &mut CardContent) {
        self.text(Member::Title, Field::CardTitle, card.title.as_mut());
        self.text(
            Member::Description,
            Field::CardDescription,
            card.description.as_mut(),
        );
        if let Some(media) = &mut card.media {
            self.within(Member::Media, |w| w.media(media));
        }
        if let Some(suggestions) = &mut card.suggestions {
            self.suggestions(suggestions);
        }
    }

    fn media(&mut self, media: &mut Media) {
        self.text(
            Member::FileUrl,
            Field::MediaFileUrl,
            media.file_url.as_mut(),
        );
        self.text(
            Member::ThumbnailUrl,
            Field::MediaThumbnailUrl,
            media.thumbnail_url.as_mut(),
        );
    }

    fn suggestions(&mut self, list: &mut [Suggestion]) {
        self.within(Member::Suggestions, |w| {
            for (i, s) in list.iter_mut().enumerate() {
                let mark = w.path.index(i);
                w.suggestion(s);
                w.path.reset(mark);
            }
        });
    }

    fn suggestion(&mut self, s: &mut Suggestion) {
        if let Some(a) = &mut s.reply {
            self.within(Member::Reply, |w| w.base(&mut a.base));
        }
        if let Some(a) = &mut s.open_url {
            self.within(Member::OpenUrl, |w| {
                w.base(&mut a.base);
                w.text(Member::Url, Field::OpenUrlUrl, a.url.as_mut());
            });
        }
        if let Some(a) = &mut s.dial_phone {
            self.within(Member::DialPhone, |w| {
                w.base(&mut a.base);
                w.text(
                    Member::PhoneNumber,
                    Field::DialPhoneNumber,
                    a.phone_number.as_mut(),
                );
            });
        }
        if let Some(a) = &mut s.show_location {
            self.within(Member::ShowLocation, |w| {
                w.base(&mut a.base);
                w.text(Member::Label, Field::LocationLabel, a.label.as_mut());
            });
        }
        if let Some(a) = &mut s.request_location {
            self.within(Member::RequestLocation, |w| w.base(&mut a.base));
        }
        if let Some(a) = &mut s.create_calendar_event {
            self.within(Member::CreateCalendarEvent, |w| {
                w.base(&mut a.base);
                w.text(Member::Title, Field::CalendarTitle, a.title.as_mut());
                w.text(
                    Member::Description,
                    Field::CalendarDescription,
                    a.description.as_mut(),
                );
            });
        }
    }

    fn base(&mut self, base: &mut ActionBase) {
        self.text(Member::Text, Field::ActionText, base.text.as_mut());
        self.text(
            Member::PostbackData,
            Field::ActionPostbackData,
            base.postback_data.as_mut(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rcs::samples;

    #[test]
    fn visits_only_personal_fields_with_their_paths() {
        let mut request = samples::largest_legal_message();
        let mut seen = Vec::new();
        texts_mut(&mut request, &mut |path, field, _| {
            assert!(
                field.rule().personal,
                "{path} is visited but {field:?} is not personal"
            );
            seen.push(path.to_owned());
        });
        assert!(
            seen.contains(&"RcsMessageContent.Content.Carousel.CardContents[9].Title".to_owned())
        );
        assert!(
            seen.iter()
                .any(|p| p.starts_with("RcsMessageContent.Suggestions[10]"))
        );
    }
}
