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
    slots_mut(request, &mut |path, field, slot| {
        if let Some(text) = slot {
            f(path, field, text);
        }
    });
}

/// Calls `f(path, field, slot)` for every free-text member whose parent is present, set or
/// not, in wire order.
pub fn slots_mut(
    request: &mut SendRcsMessageRequest,
    f: &mut impl FnMut(&str, Field, &mut Option<String>),
) {
    let mut w = Walker {
        path: PathBuf::new(),
        f,
    };
    w.request(request);
}

/// Runs `f` on the free-text member at `path`, set or not; `None` when `path` names no such
/// member (or its parent is absent).
pub fn with_slot<R>(
    request: &mut SendRcsMessageRequest,
    path: &str,
    f: impl FnOnce(&mut Option<String>) -> R,
) -> Option<R> {
    let mut f = Some(f);
    let mut out = None;
    slots_mut(request, &mut |p, _, slot| {
        if p == path
            && let Some(f) = f.take()
        {
            out = Some(f(slot));
        }
    });
    out
}

struct Walker<'f, F> {
    path: PathBuf,
    f: &'f mut F,
}

impl<F: FnMut(&str, Field, &mut Option<String>)> Walker<'_, F> {
    fn text(&mut self, member: Member, field: Field, value: &mut Option<String>) {
        let mark = self.path.member(member);
        (self.f)(self.path.as_str(), field, value);
        self.path.reset(mark);
    }

    /// A list element or map value at the current path: always there, so a slot emptied by
    /// `f` leaves it empty.
    fn item(&mut self, field: Field, value: &mut String) {
        let mut slot = Some(std::mem::take(value));
        (self.f)(self.path.as_str(), field, &mut slot);
        *value = slot.unwrap_or_default();
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
                                w.text(Member::Body, Field::TextBody, &mut text.body);
                            });
                        }
                        if let Some(file) = &mut content.file_message {
                            w.within(Member::FileMessage, |w| {
                                w.text(Member::FileUrl, Field::MediaFileUrl, &mut file.file_url);
                                w.text(
                                    Member::ThumbnailUrl,
                                    Field::MediaThumbnailUrl,
                                    &mut file.thumbnail_url,
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
                    &mut fallback.message_body,
                );
                if let Some(urls) = &mut fallback.media_urls {
                    w.within(Member::MediaUrls, |w| {
                        for (i, url) in urls.iter_mut().enumerate() {
                            let mark = w.path.index(i);
                            w.item(Field::FallbackMediaUrl, url);
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
                    w.item(Field::ContextValue, value);
                    w.path.reset(mark);
                }
            });
        }
    }

    fn card(&mut self, card: &mut CardContent) {
        self.text(Member::Title, Field::CardTitle, &mut card.title);
        self.text(
            Member::Description,
            Field::CardDescription,
            &mut card.description,
        );
        if let Some(media) = &mut card.media {
            self.within(Member::Media, |w| w.media(media));
        }
        if let Some(suggestions) = &mut card.suggestions {
            self.suggestions(suggestions);
        }
    }

    fn media(&mut self, media: &mut Media) {
        self.text(Member::FileUrl, Field::MediaFileUrl, &mut media.file_url);
        self.text(
            Member::ThumbnailUrl,
            Field::MediaThumbnailUrl,
            &mut media.thumbnail_url,
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
                w.text(Member::Url, Field::OpenUrlUrl, &mut a.url);
            });
        }
        if let Some(a) = &mut s.dial_phone {
            self.within(Member::DialPhone, |w| {
                w.base(&mut a.base);
                w.text(
                    Member::PhoneNumber,
                    Field::DialPhoneNumber,
                    &mut a.phone_number,
                );
            });
        }
        if let Some(a) = &mut s.show_location {
            self.within(Member::ShowLocation, |w| {
                w.base(&mut a.base);
                w.text(Member::Label, Field::LocationLabel, &mut a.label);
            });
        }
        if let Some(a) = &mut s.request_location {
            self.within(Member::RequestLocation, |w| w.base(&mut a.base));
        }
        if let Some(a) = &mut s.create_calendar_event {
            self.within(Member::CreateCalendarEvent, |w| {
                w.base(&mut a.base);
                w.text(Member::Title, Field::CalendarTitle, &mut a.title);
                w.text(
                    Member::Description,
                    Field::CalendarDescription,
                    &mut a.description,
                );
            });
        }
    }

    fn base(&mut self, base: &mut ActionBase) {
        self.text(Member::Text, Field::ActionText, &mut base.text);
        self.text(
            Member::PostbackData,
            Field::ActionPostbackData,
            &mut base.postback_data,
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

    #[test]
    fn a_slot_is_found_by_its_path_set_or_not() {
        let mut request = samples::largest_legal_message();
        let title = "RcsMessageContent.Content.Carousel.CardContents[2].Title";
        let got = with_slot(&mut request, title, |slot| slot.replace("New".to_owned()));
        assert!(got.is_some_and(|old| old.is_some_and(|t| t.starts_with("Card 2"))));
        let card = &request.content().unwrap().carousel.as_ref().unwrap();
        let card = &card.card_contents.as_ref().unwrap()[2];
        assert_eq!(card.title.as_deref(), Some("New"));
        // An absent member is a slot too: typing into an empty field fills it.
        with_slot(&mut request, title, Option::take);
        assert_eq!(
            with_slot(&mut request, title, |slot| slot.clone()),
            Some(None)
        );
        assert_eq!(
            with_slot(&mut request, "RcsMessageContent.Nope", |_| ()),
            None
        );
    }
}
