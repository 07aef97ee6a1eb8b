//! The phone preview: a custom-painted Google Messages chat that draws the layout `rcs::phone`
//! measured (one measurement for the window, `check` and campaigns), in the bundled Roboto,
//! with the phone's findings listed under it. The header shows the origination's brand
//! profile; with the fallback switched on, the phone shows the SMS/MMS thread instead.

pub mod fonts;
mod header;
mod icons;
mod marks;
mod paint;
pub(crate) mod sms;

use egui::{Sense, Ui, vec2};

use crate::rcs::issue::Code;
use crate::rcs::model::{CardContent, SendRcsMessageRequest};
use crate::rcs::phone::{Body, Finding, Rendering, dp};
use crate::ui::brand::BrandProfile;
use crate::ui::editor::form::IssueIndex;
use crate::ui::media_cache::MediaCache;
use crate::ui::theme::{self, Palette};

/// Everything the preview draws from.
pub struct PreviewInput<'a> {
    pub request: &'a SendRcsMessageRequest,
    /// `request` as the phone lays it out, with its findings.
    pub rendering: &'a Rendering,
    pub media: &'a MediaCache,
    pub issues: &'a IssueIndex,
    pub dark: bool,
    /// Show the SMS/MMS fallback's thread instead of the RCS thread.
    pub show_fallback: bool,
    /// The origination identity the message goes out from (the template's, or the Send
    /// tab's choice), named under the brand.
    pub origination: Option<&'a str>,
    /// The brand saved for that origination; `None` shows the placeholder brand.
    pub brand: Option<&'a BrandProfile>,
    /// The carousel card to scroll into view in this frame: the one the editor has just
    /// selected, so that what is being edited is what the phone shows.
    pub follow_card: Option<usize>,
}

/// Drawing context: scale from dp to points, the palette and the findings.
pub(crate) struct Cx<'a> {
    pub s: f32,
    pub pal: &'a Palette,
    pub media: &'a MediaCache,
    pub findings: &'a [Finding],
    pub issues: &'a IssueIndex,
}

impl Cx<'_> {
    pub fn px(&self, dp: f32) -> f32 {
        dp * self.s
    }

    /// What the phone cut from a card (`None`: the rich card; `Some(i)`: carousel card i),
    /// one sentence each, for the card's "!" badge.
    pub fn cuts_of(&self, card: Option<usize>) -> Vec<&str> {
        self.findings
            .iter()
            .filter(|f| is_cut(f.code) && f.card == card)
            .map(|f| f.what.as_str())
            .collect()
    }
}

fn is_cut(code: Code) -> bool {
    matches!(code, Code::PhoneTextCut | Code::PhoneSuggestionDropped)
}

/// Draws the phone. Its own list, of what the phone cuts and other phones do differently, is
/// made in the derive step (`Derived::preview_problems`).
pub fn show(ui: &mut Ui, input: &PreviewInput<'_>) {
    let family_ready = fonts::install(ui.ctx());
    let pal = theme::palette(input.dark);
    let phone = vec2(
        dp::SCREEN_WIDTH + 2.0 * dp::BEZEL,
        dp::SCREEN_HEIGHT + 2.0 * dp::BEZEL,
    );
    // Leave room for the panel's scroll bar so the bezel is never cut.
    let s = ((ui.available_width() - 16.0) / phone.x).clamp(0.55, 1.0);
    let cx = Cx {
        s,
        pal,
        media: input.media,
        findings: &input.rendering.findings,
        issues: input.issues,
    };
    let (rect, response) = ui.allocate_exact_size(phone * s, Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Phone preview"));
    if family_ready && ui.is_rect_visible(rect) {
        let placeholder = BrandProfile::default();
        let head = if input.show_fallback {
            sms::header(input.request)
        } else {
            header::Header::Brand {
                profile: input.brand.unwrap_or(&placeholder),
            }
        };
        let screen = header::frame(ui, &cx, rect, &head);
        let mut chat = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(screen)
                .layout(egui::Layout::top_down(egui::Align::Min)),
        );
        chat.set_clip_rect(screen.intersect(ui.clip_rect()));
        egui::ScrollArea::vertical()
            .id_salt("phone-chat")
            .auto_shrink([false, false])
            .show(&mut chat, |ui| {
                ui.add_space(cx.px(8.0));
                paint::note(ui, &cx, "Today");
                ui.add_space(cx.px(6.0));
                if input.show_fallback {
                    sms::thread(ui, &cx, input.request);
                } else {
                    message(ui, &cx, input);
                }
                ui.add_space(cx.px(12.0));
            });
    }
}

fn message(ui: &mut Ui, cx: &Cx<'_>, input: &PreviewInput<'_>) {
    let layout = &input.rendering.layout;
    let content = input.request.rcs_message_content.as_ref();
    let Some(content) = content else {
        paint::note(ui, cx, "No message content yet.");
        return;
    };
    match (&layout.body, content.content.as_ref()) {
        (Body::Text(bubble), _) => paint::text_bubble(ui, cx, bubble),
        (Body::File, Some(c)) => {
            if let Some(f) = &c.file_message {
                paint::file(
                    ui,
                    cx,
                    f.file_url.as_deref().unwrap_or(""),
                    f.thumbnail_url.as_deref(),
                );
            }
        }
        (Body::Card(card), Some(c)) => {
            let empty = CardContent::default();
            let content = c
                .rich_card
                .as_ref()
                .and_then(|r| r.card_content.as_ref())
                .unwrap_or(&empty);
            ui.horizontal(|ui| {
                ui.add_space(cx.px(dp::CHAT_PADDING + dp::AVATAR));
                paint::card(ui, cx, card, content, None);
            });
        }
        (Body::Carousel(carousel), Some(c)) => {
            let cards = c
                .carousel
                .as_ref()
                .and_then(|c| c.card_contents.as_deref())
                .unwrap_or_default();
            paint::carousel(ui, cx, carousel, cards, input.follow_card);
        }
        _ => paint::note(ui, cx, "Choose a content kind to see the message."),
    }
    if let Some(chips) = content.suggestions.as_deref().filter(|c| !c.is_empty()) {
        ui.add_space(cx.px(8.0));
        paint::chips(ui, cx, &layout.chips, chips);
    }
}
