//! What a recipient's phone shows: Google Messages' layout of a message in dp, with its text
//! measured in the bundled Roboto, and the findings that follow — text cut, buttons dropped,
//! what iOS does differently — as warnings at their fields (docs/phone-rendering.md).
//!
//! Pure like the rest of the core: the command line (`check`), the window's preview and
//! Checks list, and the campaign's row checks all read the same layout and findings.

pub mod card;
pub mod caveats;
pub mod dp;
pub mod finding;
pub mod font;
pub mod layout;
pub mod media;
pub mod text;

pub use card::{CardLayout, Cut, Orientation};
pub use finding::{Finding, Merged, merge};
pub use layout::{Body, Bubble, CardMemo, Carousel, Chip, MessageLayout, bubble};

use crate::rcs::issue::Issue;
use crate::rcs::model::SendRcsMessageRequest;

/// A message as the phone shows it, and what the author should know about that.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rendering {
    pub layout: MessageLayout,
    /// Cuts first (in the order of the message), then the caveats for other phones.
    pub findings: Vec<Finding>,
}

impl Rendering {
    /// Lays `request` out and collects its findings.
    #[must_use]
    pub fn of(request: &SendRcsMessageRequest) -> Self {
        Self::of_with(request, &mut CardMemo::default())
    }

    /// [`Self::of`], reusing the cards laid out last time with the same `memo`.
    #[must_use]
    pub fn of_with(request: &SendRcsMessageRequest, memo: &mut CardMemo) -> Self {
        let layout = layout::lay_out_with(request, memo);
        let mut findings = layout::findings(request, &layout);
        findings.extend(caveats::caveats_with(request, memo));
        Self { layout, findings }
    }
}

/// The phone's findings on `request` as warnings at their fields (what `check` reports).
#[must_use]
pub fn issues(request: &SendRcsMessageRequest) -> Vec<Issue> {
    Rendering::of(request)
        .findings
        .iter()
        .map(Finding::to_issue)
        .collect()
}

#[cfg(test)]
#[expect(
    clippy::float_cmp,
    reason = "dp sizes are whole numbers, exact in f32: equality is the claim"
)]
mod tests;
