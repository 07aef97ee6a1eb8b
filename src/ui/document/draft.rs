//! The document being edited: the request itself, the content kinds set aside by the kind
//! switch, and stable ids for cards and suggestions so that reordering never swaps widget state.

use crate::rcs::model::{
    ActionKind, CardContent, Carousel, Content, ContentKind, RcsMessageContent, RichCard,
    SendRcsMessageRequest, Suggestion, TextMessage,
};
use crate::rcs::timestamp::Timestamp;

/// Which suggestion list an operation concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListOwner {
    /// Message-level chips.
    Message,
    /// The standalone rich card's suggestions.
    RichCard,
    /// A carousel card's suggestions, by card index.
    CarouselCard(usize),
}

/// Stable ids, parallel to the lists they name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ids {
    next: u64,
    pub cards: Vec<u64>,
    pub chips: Vec<u64>,
    pub rich: Vec<u64>,
    pub card_suggestions: Vec<Vec<u64>>,
}

impl Ids {
    fn fresh(&mut self) -> u64 {
        self.next += 1;
        self.next
    }

    /// Grows or shrinks `ids` to `len`, keeping the ids that are there.
    fn fit(next: &mut u64, ids: &mut Vec<u64>, len: usize) {
        ids.truncate(len);
        while ids.len() < len {
            *next += 1;
            ids.push(*next);
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    pub request: SendRcsMessageRequest,
    /// Kinds switched away from, restored when the user switches back.
    pub stash: Content,
    pub ids: Ids,
}

impl Draft {
    #[must_use]
    pub fn new(request: SendRcsMessageRequest) -> Self {
        let mut draft = Self {
            request,
            stash: Content::default(),
            ids: Ids::default(),
        };
        draft.sync_ids();
        draft
    }

    /// A new, empty text message.
    #[must_use]
    pub fn blank() -> Self {
        let mut request = SendRcsMessageRequest::default();
        request.content_mut().text_message = Some(TextMessage::default());
        Self::new(request)
    }

    /// The kind being edited: the first one set, or text when none is.
    #[must_use]
    pub fn kind(&self) -> ContentKind {
        self.content()
            .and_then(|c| c.kinds().first().copied())
            .unwrap_or(ContentKind::Text)
    }

    #[must_use]
    pub fn content(&self) -> Option<&Content> {
        self.request.content()
    }

    pub fn content_mut(&mut self) -> &mut Content {
        self.request.content_mut()
    }

    /// Switches the content kind, keeping what was typed in every kind for switching back.
    pub fn switch_kind(&mut self, kind: ContentKind) {
        let stash = &mut self.stash;
        let content = self.request.content_mut();
        // Everything currently set goes to the stash (a file may name several kinds).
        if let Some(v) = content.text_message.take() {
            stash.text_message = Some(v);
        }
        if let Some(v) = content.file_message.take() {
            stash.file_message = Some(v);
        }
        if let Some(v) = content.rich_card.take() {
            stash.rich_card = Some(v);
        }
        if let Some(v) = content.carousel.take() {
            stash.carousel = Some(v);
        }
        match kind {
            ContentKind::Text => {
                content.text_message = Some(stash.text_message.take().unwrap_or_default());
            }
            ContentKind::File => {
                content.file_message = Some(stash.file_message.take().unwrap_or_default());
            }
            ContentKind::RichCard => {
                content.rich_card = Some(stash.rich_card.take().unwrap_or_else(|| RichCard {
                    card_orientation: Some("VERTICAL".into()),
                    thumbnail_image_alignment: None,
                    card_content: Some(CardContent::default()),
                }));
            }
            ContentKind::Carousel => {
                content.carousel = Some(stash.carousel.take().unwrap_or_else(|| Carousel {
                    card_width: Some("MEDIUM".into()),
                    card_contents: Some(vec![CardContent::default(), CardContent::default()]),
                }));
            }
        }
        self.sync_ids();
    }

    /// Makes every id list as long as the list it names (after loads, undo, edits).
    pub fn sync_ids(&mut self) {
        let ids = &mut self.ids;
        let content = self.request.rcs_message_content.as_ref();
        let chips = content
            .and_then(|c| c.suggestions.as_ref())
            .map_or(0, Vec::len);
        Ids::fit(&mut ids.next, &mut ids.chips, chips);
        let kinds = content.and_then(|c| c.content.as_ref());
        let rich = kinds
            .and_then(|c| c.rich_card.as_ref())
            .and_then(|r| r.card_content.as_ref())
            .and_then(|c| c.suggestions.as_ref())
            .map_or(0, Vec::len);
        Ids::fit(&mut ids.next, &mut ids.rich, rich);
        let cards: &[CardContent] = kinds
            .and_then(|c| c.carousel.as_ref())
            .and_then(|c| c.card_contents.as_deref())
            .unwrap_or_default();
        Ids::fit(&mut ids.next, &mut ids.cards, cards.len());
        ids.card_suggestions.resize_with(cards.len(), Vec::new);
        for (list, card) in ids.card_suggestions.iter_mut().zip(cards) {
            Ids::fit(
                &mut ids.next,
                list,
                card.suggestions.as_ref().map_or(0, Vec::len),
            );
        }
    }

    /// The carousel's cards, created when missing.
    pub fn cards_mut(&mut self) -> &mut Vec<CardContent> {
        self.content_mut()
            .carousel
            .get_or_insert_with(Carousel::default)
            .card_contents
            .get_or_insert_with(Vec::new)
    }

    #[must_use]
    pub fn card_count(&self) -> usize {
        self.content()
            .and_then(|c| c.carousel.as_ref())
            .and_then(|c| c.card_contents.as_ref())
            .map_or(0, Vec::len)
    }

    pub fn add_card(&mut self) {
        self.cards_mut().push(CardContent::default());
        let id = self.ids.fresh();
        self.ids.cards.push(id);
        self.ids.card_suggestions.push(Vec::new());
        self.sync_ids();
    }

    pub fn duplicate_card(&mut self, index: usize) {
        let Some(card) = self.cards_mut().get(index).cloned() else {
            return;
        };
        self.cards_mut().insert(index + 1, card);
        let id = self.ids.fresh();
        self.ids.cards.insert(index + 1, id);
        let n = self.ids.card_suggestions.get(index).map_or(0, Vec::len);
        let fresh: Vec<u64> = (0..n).map(|_| self.ids.fresh()).collect();
        self.ids.card_suggestions.insert(index + 1, fresh);
        self.sync_ids();
    }

    pub fn delete_card(&mut self, index: usize) {
        if index < self.card_count() {
            self.cards_mut().remove(index);
            self.ids.cards.remove(index);
            self.ids.card_suggestions.remove(index);
        }
    }

    /// Swaps card `index` with its neighbour `index + 1`.
    pub fn swap_cards(&mut self, index: usize) {
        if index + 1 < self.card_count() {
            self.cards_mut().swap(index, index + 1);
            self.ids.cards.swap(index, index + 1);
            self.ids.card_suggestions.swap(index, index + 1);
        }
    }

    /// The suggestion list of `owner`, created when missing.
    pub fn suggestions_mut(&mut self, owner: ListOwner) -> Option<&mut Vec<Suggestion>> {
        let list = match owner {
            ListOwner::Message => {
                &mut self
                    .request
                    .rcs_message_content
                    .get_or_insert_with(RcsMessageContent::default)
                    .suggestions
            }
            ListOwner::RichCard => {
                &mut self
                    .content_mut()
                    .rich_card
                    .as_mut()?
                    .card_content
                    .get_or_insert_with(CardContent::default)
                    .suggestions
            }
            ListOwner::CarouselCard(i) => &mut self.cards_mut().get_mut(i)?.suggestions,
        };
        Some(list.get_or_insert_with(Vec::new))
    }

    fn ids_of(&mut self, owner: ListOwner) -> Option<&mut Vec<u64>> {
        match owner {
            ListOwner::Message => Some(&mut self.ids.chips),
            ListOwner::RichCard => Some(&mut self.ids.rich),
            ListOwner::CarouselCard(i) => self.ids.card_suggestions.get_mut(i),
        }
    }

    /// The stable ids of a suggestion list (empty when the list is).
    #[must_use]
    pub fn suggestion_ids(&self, owner: ListOwner) -> &[u64] {
        match owner {
            ListOwner::Message => &self.ids.chips,
            ListOwner::RichCard => &self.ids.rich,
            ListOwner::CarouselCard(i) => {
                self.ids.card_suggestions.get(i).map_or(&[], Vec::as_slice)
            }
        }
    }

    /// Appends a new suggestion of `kind` with sensible starting text (a calendar event
    /// starts the day after `now`).
    pub fn add_suggestion(&mut self, owner: ListOwner, kind: ActionKind, now: Timestamp) {
        let Some(list) = self.suggestions_mut(owner) else {
            return;
        };
        list.push(new_suggestion(kind, now));
        self.sync_ids();
    }

    pub fn delete_suggestion(&mut self, owner: ListOwner, index: usize) {
        let Some(list) = self.suggestions_mut(owner) else {
            return;
        };
        if index < list.len() {
            list.remove(index);
            if let Some(ids) = self.ids_of(owner) {
                ids.remove(index);
            }
        }
    }

    /// Swaps suggestion `index` with `index + 1`.
    pub fn swap_suggestions(&mut self, owner: ListOwner, index: usize) {
        let Some(list) = self.suggestions_mut(owner) else {
            return;
        };
        if index + 1 < list.len() {
            list.swap(index, index + 1);
            if let Some(ids) = self.ids_of(owner) {
                ids.swap(index, index + 1);
            }
        }
    }
}

/// A suggestion of `kind`, keeping `from`'s text and postback data when it has them.
#[must_use]
pub fn change_action_kind(from: &Suggestion, kind: ActionKind, now: Timestamp) -> Suggestion {
    let mut next = new_suggestion(kind, now);
    if let (Some(base), Some(slot)) = (from.base(), next.base_mut()) {
        slot.clone_from(base);
    }
    next
}

/// A fresh suggestion of `kind` with a label and postback data to start from; a calendar
/// event is tomorrow (the UTC day after `now`) from 10:00 to 11:00 UTC.
#[must_use]
pub fn new_suggestion(kind: ActionKind, now: Timestamp) -> Suggestion {
    use crate::rcs::model::{
        ActionBase, CreateCalendarEvent, DialPhone, OpenUrl, Reply, RequestLocation, ShowLocation,
    };
    let base = ActionBase {
        text: Some(kind.label().to_owned()),
        postback_data: Some(kind.member().to_lowercase()),
    };
    let mut s = Suggestion::default();
    match kind {
        ActionKind::Reply => s.reply = Some(Reply { base }),
        ActionKind::OpenUrl => {
            s.open_url = Some(OpenUrl {
                base,
                url: Some("https://".into()),
                application: None,
                webview_view_mode: None,
            });
        }
        ActionKind::DialPhone => {
            s.dial_phone = Some(DialPhone {
                base,
                phone_number: None,
            });
        }
        ActionKind::ShowLocation => {
            s.show_location = Some(ShowLocation {
                base,
                latitude: Some(0.0),
                longitude: Some(0.0),
                label: None,
            });
        }
        ActionKind::RequestLocation => s.request_location = Some(RequestLocation { base }),
        ActionKind::CreateCalendarEvent => {
            // Tomorrow at a round hour, an hour long: a real future slot the user adjusts.
            let start = now.next_day_at(10);
            let end = now.next_day_at(11);
            s.create_calendar_event = Some(CreateCalendarEvent {
                base,
                title: None,
                start_time: start,
                end_time: end,
                description: None,
            });
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switching_kinds_keeps_what_was_typed() {
        let mut d = Draft::blank();
        d.content_mut().text_message.as_mut().unwrap().body = Some("hello".into());
        d.switch_kind(ContentKind::Carousel);
        assert_eq!(d.kind(), ContentKind::Carousel);
        assert_eq!(d.card_count(), 2);
        d.cards_mut()[0].title = Some("card".into());
        d.switch_kind(ContentKind::Text);
        assert_eq!(d.content().unwrap().kinds(), vec![ContentKind::Text]);
        assert_eq!(
            d.content()
                .unwrap()
                .text_message
                .as_ref()
                .unwrap()
                .body
                .as_deref(),
            Some("hello")
        );
        d.switch_kind(ContentKind::Carousel);
        assert_eq!(d.cards_mut()[0].title.as_deref(), Some("card"));
    }

    #[test]
    fn card_operations_move_ids_with_cards() {
        let mut d = Draft::blank();
        d.switch_kind(ContentKind::Carousel);
        d.cards_mut()[0].title = Some("A".into());
        d.cards_mut()[1].title = Some("B".into());
        let (a, b) = (d.ids.cards[0], d.ids.cards[1]);
        d.swap_cards(0);
        assert_eq!(d.ids.cards, vec![b, a]);
        assert_eq!(d.cards_mut()[0].title.as_deref(), Some("B"));
        d.duplicate_card(1);
        assert_eq!(d.card_count(), 3);
        assert_eq!(d.cards_mut()[2].title.as_deref(), Some("A"));
        assert_ne!(d.ids.cards[2], a);
        d.delete_card(0);
        assert_eq!(d.ids.cards[0], a);
        assert_eq!(d.ids.card_suggestions.len(), 2);
    }

    #[test]
    fn suggestions_keep_text_when_the_kind_changes() {
        let mut d = Draft::blank();
        let now = Timestamp::default();
        d.add_suggestion(ListOwner::Message, ActionKind::Reply, now);
        d.add_suggestion(ListOwner::Message, ActionKind::DialPhone, now);
        assert_eq!(d.suggestion_ids(ListOwner::Message).len(), 2);
        let first = d.suggestions_mut(ListOwner::Message).unwrap()[0].clone();
        let changed = change_action_kind(&first, ActionKind::OpenUrl, now);
        assert_eq!(changed.kinds(), vec![ActionKind::OpenUrl]);
        assert_eq!(changed.base().unwrap().text.as_deref(), Some("Reply"));
        let ids = d.suggestion_ids(ListOwner::Message).to_vec();
        d.swap_suggestions(ListOwner::Message, 0);
        assert_eq!(d.suggestion_ids(ListOwner::Message), [ids[1], ids[0]]);
        d.delete_suggestion(ListOwner::Message, 0);
        assert_eq!(d.suggestion_ids(ListOwner::Message), [ids[0]]);
    }

    #[test]
    fn a_new_calendar_event_is_tomorrow_from_ten_to_eleven_utc() {
        for (now, day) in [
            ("2026-11-28T14:03:07Z", "2026-11-29"),
            ("2026-12-31T23:30:00Z", "2027-01-01"),
            ("2027-06-15T00:00:00Z", "2027-06-16"),
        ] {
            let now = Timestamp::parse_iso8601(now).unwrap();
            let s = new_suggestion(ActionKind::CreateCalendarEvent, now);
            let event = s.create_calendar_event.unwrap();
            let at = |time: &str| Timestamp::parse_iso8601(&format!("{day}T{time}Z")).ok();
            assert_eq!(event.start_time, at("10:00:00"));
            assert_eq!(event.end_time, at("11:00:00"));
            assert!(event.start_time > Some(now), "in the future");
        }
        // Changing a suggestion's kind to a calendar event starts from the same "now".
        let reply = new_suggestion(ActionKind::Reply, Timestamp::default());
        let now = Timestamp::parse_iso8601("2026-11-28T14:03:07Z").unwrap();
        let event = change_action_kind(&reply, ActionKind::CreateCalendarEvent, now);
        assert_eq!(
            event.create_calendar_event.unwrap().start_time,
            Timestamp::parse_iso8601("2026-11-29T10:00:00Z").ok()
        );
    }
}
