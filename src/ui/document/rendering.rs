//! What the phone makes of a request (`rcs::phone`), laid out again after each change with the
//! cards of the last layout at hand.

use std::sync::Arc;

use crate::rcs::model::SendRcsMessageRequest;
use crate::rcs::phone::{CardMemo, Rendering};

/// The last layout's cards: a keystroke lays out again only the card it changed.
///
/// There is no memo of the whole request: knowing that a request is unchanged took a copy of
/// it on every change (and a drop of the copy before), about 3 % of a keystroke frame in a
/// large message, while the card memo already makes an unchanged request cheap to lay out.
#[derive(Debug, Default)]
pub struct RenderingCache {
    cards: CardMemo,
}

impl RenderingCache {
    /// `request` as the phone shows it.
    pub fn get(&mut self, request: &SendRcsMessageRequest) -> Arc<Rendering> {
        Arc::new(Rendering::of_with(request, &mut self.cards))
    }
}
