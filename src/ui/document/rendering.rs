//! What the phone makes of a request (`rcs::phone`), kept between derivations.

use std::sync::Arc;

use crate::rcs::model::SendRcsMessageRequest;
use crate::rcs::phone::{CardMemo, Rendering};

/// The last request's rendering, laid out again only when the request changes (a keystroke,
/// another audience row), not every frame.
#[derive(Debug, Default)]
pub struct RenderingCache {
    /// Shared with what derives from it: a copy of a large message's layout would take a
    /// good part of a keystroke.
    last: Option<(SendRcsMessageRequest, Arc<Rendering>)>,
    /// The last layout's cards: a keystroke lays out again only the card it changed.
    cards: CardMemo,
}

impl RenderingCache {
    /// `request` as the phone shows it.
    pub fn get(&mut self, request: &SendRcsMessageRequest) -> &Arc<Rendering> {
        if self.last.as_ref().is_none_or(|(r, _)| r != request) {
            self.last = Some((
                request.clone(),
                Arc::new(Rendering::of_with(request, &mut self.cards)),
            ));
        }
        let (_, rendering) = self
            .last
            .get_or_insert_with(|| (request.clone(), Arc::new(Rendering::of(request))));
        rendering
    }
}
