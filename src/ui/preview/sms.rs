//! The SMS/MMS fallback as the recipient sees it: not in the brand's RCS thread but in a text
//! thread from the fallback's sender (a phone number or sender ID), with no brand and no
//! verified tick.

use egui::{Pos2, Rect, Ui, pos2, vec2};

use super::header::Header;
use super::{Cx, paint};
use crate::rcs::model::{FallbackConfiguration, SendRcsMessageRequest};
use crate::rcs::phone::{self, dp};
use crate::rcs::segments;
use crate::ui::theme::dp as look;

/// Shown as the sender while the fallback names no origination; marked as an example.
pub const EXAMPLE_SENDER: &str = "+1 555-0100";

/// The fallback's thread header: its sender, or the example number, and its channel.
#[must_use]
pub fn header(r: &SendRcsMessageRequest) -> Header<'_> {
    let f = r.fallback_configuration.as_ref();
    let sender = f
        .and_then(|f| f.origination_identity.as_deref())
        .map(str::trim)
        .filter(|s| !s.is_empty());
    Header::Sms {
        sender: sender.unwrap_or(EXAMPLE_SENDER),
        example: sender.is_none(),
        channel: channel_label(f),
    }
}

pub fn is_mms(f: Option<&FallbackConfiguration>) -> bool {
    f.and_then(|f| f.channel.as_deref()) == Some("MMS")
}

fn channel_label(f: Option<&FallbackConfiguration>) -> &'static str {
    if is_mms(f) { "MMS" } else { "Text message" }
}

/// The thread's messages: the fallback's picture (MMS) and text in incoming SMS bubbles
/// beside the contact's avatar, with what the fallback costs in segments.
pub fn thread(ui: &mut Ui, cx: &Cx<'_>, r: &SendRcsMessageRequest) {
    let Some(f) = &r.fallback_configuration else {
        paint::note(
            ui,
            cx,
            "No SMS/MMS fallback configured: a phone without RCS gets nothing.",
        );
        return;
    };
    let body = f.message_body.as_deref().unwrap_or("");
    let caption = if is_mms(Some(f)) {
        "If RCS fails: MMS".to_owned()
    } else {
        let s = segments::count(body);
        format!(
            "If RCS fails: SMS · {} · {} segment{}",
            s.encoding.label(),
            s.count,
            if s.count == 1 { "" } else { "s" }
        )
    };
    paint::note(ui, cx, &caption);
    ui.add_space(cx.px(6.0));
    let mut last = None;
    if is_mms(Some(f))
        && let Some(url) = f.media_urls.as_ref().and_then(|u| u.first())
    {
        let rect = paint::block(ui, cx, look::MMS_IMAGE_WIDTH, look::MMS_IMAGE_HEIGHT);
        paint::media(
            ui,
            cx,
            rect,
            Some(url),
            paint::radius(cx, look::RADIUS_CARD),
        );
        last = Some(rect);
        ui.add_space(cx.px(4.0));
    }
    if !body.is_empty() {
        last = Some(paint::bubble(
            ui,
            cx,
            &phone::bubble(body),
            cx.pal.sms_bubble,
        ));
    }
    if let Some(rect) = last {
        contact_avatar(ui, cx, rect);
    }
}

/// The sender's small avatar beside the bottom of the last message, as a phone draws a
/// group of incoming texts.
fn contact_avatar(ui: &Ui, cx: &Cx<'_>, message: egui::Rect) {
    let r = cx.px(dp::AVATAR * 0.5 - 2.0);
    let centre = pos2(
        message.min.x - cx.px(dp::AVATAR * 0.5 + 2.0),
        message.max.y - r,
    );
    person(ui, cx, centre, r);
}

/// A contact without a picture: a person's silhouette on a grey circle (the emoji font's 👤
/// is an outline that reads poorly this small).
pub(super) fn person(ui: &Ui, cx: &Cx<'_>, centre: Pos2, r: f32) {
    let p = ui.painter();
    p.circle_filled(centre, r, cx.pal.contact_avatar);
    p.circle_filled(centre + vec2(0.0, -0.22 * r), 0.27 * r, cx.pal.screen);
    // The shoulders: a circle cut flat where the bust ends.
    let bust = Rect::from_min_max(centre - vec2(r, r), centre + vec2(r, 0.72 * r));
    p.with_clip_rect(bust.intersect(p.clip_rect()))
        .circle_filled(centre + vec2(0.0, 0.6 * r), 0.45 * r, cx.pal.screen);
}
