//! Card content, media slots, the rich card and the carousel.

use egui::{RichText, Ui};

use crate::rcs::limits::Field;
use crate::rcs::model::{CardContent, Carousel, FileMessage, Media, RichCard};
use crate::rcs::path::Member;
use crate::ui::command::Command;
use crate::ui::document::draft::{Draft, ListOwner};
use crate::ui::media::{self, Layout, Slot};
use crate::ui::media_cache::MediaState;
use crate::ui::views::editor::form::Form;
use crate::ui::views::editor::suggestions;

/// A media or thumbnail URL with its local-image attachment (button, drop target, status).
pub fn media_url(
    ui: &mut Ui,
    form: &mut Form<'_>,
    member: Member,
    field: Field,
    value: &mut Option<String>,
    slot: Slot,
    layout: Layout,
) {
    let top = ui.cursor().min;
    form.text(ui, member, field, value, false);
    let Some(url) = value.clone().filter(|u| !u.is_empty()) else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        let attached = form.media.get(&url);
        if ui
            .small_button("📎 Attach local image…")
            .on_hover_text("Show a local picture in the preview for this URL (drag and drop works too). The template keeps only the URL.")
            .clicked()
        {
            form.commands.push(Command::Attach { url: url.clone() });
        }
        if let Some(entry) = attached {
            let name = entry.file.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            match &entry.state {
                MediaState::Pending => {
                    ui.spinner();
                    ui.label(RichText::new(format!("decoding {name}…")).small());
                }
                MediaState::Ready { width, height, format, bytes, .. } => {
                    ui.label(
                        RichText::new(format!("{name}: {format} {width}×{height}, {}", media::human_bytes(*bytes))).small(),
                    );
                }
                MediaState::Failed(e) => {
                    ui.label(RichText::new(format!("✖ {e}")).small().color(crate::ui::theme::ERROR));
                }
            }
            if ui.small_button("🗙").on_hover_text("Detach the local image").clicked() {
                form.commands.push(Command::Detach { url: url.clone() });
            }
        }
    });
    for warning in form.media.warnings(&url, slot, layout) {
        ui.label(
            RichText::new(format!("⚠ {warning}"))
                .small()
                .color(crate::ui::theme::WARNING),
        );
    }
    let rect =
        egui::Rect::from_min_max(top, ui.cursor().min + egui::vec2(ui.available_width(), 0.0));
    form.drop_targets.push((rect, url));
}

pub fn file_message(ui: &mut Ui, form: &mut Form<'_>, f: &mut FileMessage) {
    media_url(
        ui,
        form,
        Member::FileUrl,
        Field::MediaFileUrl,
        &mut f.file_url,
        Slot::Media,
        Layout::FileMessage,
    );
    media_url(
        ui,
        form,
        Member::ThumbnailUrl,
        Field::MediaThumbnailUrl,
        &mut f.thumbnail_url,
        Slot::Thumbnail,
        Layout::FileMessage,
    );
}

/// Title, description and media of one card; `height` says which heights are allowed.
pub fn card(
    ui: &mut Ui,
    form: &mut Form<'_>,
    card: &mut CardContent,
    height: Field,
    layout: Layout,
) {
    form.text(ui, Member::Title, Field::CardTitle, &mut card.title, false);
    form.text(
        ui,
        Member::Description,
        Field::CardDescription,
        &mut card.description,
        true,
    );
    ui.add_space(4.0);
    let mut has_media = card.media.is_some();
    if ui.checkbox(&mut has_media, "Media").changed() {
        card.media = has_media.then(|| Media {
            file_url: Some("s3://".into()),
            thumbnail_url: None,
            height: Some("MEDIUM".into()),
        });
        form.acted();
    }
    if let Some(m) = &mut card.media {
        form.at(Member::Media, |form| {
            ui.indent("media", |ui| {
                media_url(
                    ui,
                    form,
                    Member::FileUrl,
                    Field::MediaFileUrl,
                    &mut m.file_url,
                    Slot::Media,
                    layout,
                );
                media_url(
                    ui,
                    form,
                    Member::ThumbnailUrl,
                    Field::MediaThumbnailUrl,
                    &mut m.thumbnail_url,
                    Slot::Thumbnail,
                    layout,
                );
                form.choice(ui, Member::Height, height, &mut m.height);
            });
        });
    }
}

pub fn rich_card(ui: &mut Ui, form: &mut Form<'_>, draft: &mut Draft) {
    let Some(rich) = draft.content_mut().rich_card.as_mut() else {
        return;
    };
    let layout = rich_layout(rich);
    form.choice(
        ui,
        Member::CardOrientation,
        Field::CardOrientation,
        &mut rich.card_orientation,
    );
    if rich.card_orientation.as_deref() == Some("HORIZONTAL")
        || rich.thumbnail_image_alignment.is_some()
    {
        form.choice(
            ui,
            Member::ThumbnailImageAlignment,
            Field::ThumbnailImageAlignment,
            &mut rich.thumbnail_image_alignment,
        );
    }
    let content = rich.card_content.get_or_insert_with(CardContent::default);
    form.at(Member::CardContent, |form| {
        card(ui, form, content, Field::RichCardMediaHeight, layout);
    });
    ui.separator();
    form.at(Member::CardContent, |form| {
        suggestions::list(
            ui,
            form,
            draft,
            ListOwner::RichCard,
            Member::Suggestions,
            Field::CardSuggestions,
        );
    });
}

fn rich_layout(rich: &RichCard) -> Layout {
    if rich.card_orientation.as_deref() == Some("HORIZONTAL") {
        Layout::HorizontalCard
    } else {
        Layout::VerticalCard
    }
}

/// The carousel: width, card tabs with add/duplicate/delete/move, the selected card's form.
pub fn carousel(ui: &mut Ui, form: &mut Form<'_>, draft: &mut Draft, selected: &mut u64) {
    let limits = Field::CarouselCards.rule().count.unwrap_or((0, usize::MAX));
    if let Some(c) = draft.content_mut().carousel.as_mut() {
        let c: &mut Carousel = c;
        form.choice(ui, Member::CardWidth, Field::CardWidth, &mut c.card_width);
    }
    let cards_path = form.path_of(Member::CardContents);
    // A jump into a card selects it; otherwise keep the selection on an existing card.
    if let Some(i) = form
        .focus
        .as_deref()
        .and_then(|f| card_index(f, &cards_path))
        && let Some(id) = draft.ids.cards.get(i)
    {
        *selected = *id;
    }
    if !draft.ids.cards.contains(selected) {
        *selected = draft.ids.cards.first().copied().unwrap_or(0);
    }
    card_tabs(ui, form, draft, selected, &cards_path);
    form.show_issues(ui, &cards_path);
    card_buttons(ui, form, draft, selected, limits);
    let Some(index) = draft.ids.cards.iter().position(|id| id == selected) else {
        return;
    };
    ui.separator();
    let id = draft.ids.cards[index];
    ui.push_id(id, |ui| {
        form.at(Member::CardContents, |form| {
            let mark = form.enter_index(index);
            card(
                ui,
                form,
                &mut draft.cards_mut()[index],
                Field::CarouselMediaHeight,
                Layout::CarouselCard,
            );
            ui.separator();
            suggestions::list(
                ui,
                form,
                draft,
                ListOwner::CarouselCard(index),
                Member::Suggestions,
                Field::CardSuggestions,
            );
            form.leave(mark);
        });
    });
}

/// One tab per card, marked when the card has errors.
fn card_tabs(ui: &mut Ui, form: &Form<'_>, draft: &Draft, selected: &mut u64, cards_path: &str) {
    let (_, max) = Field::CarouselCards.rule().count.unwrap_or((0, usize::MAX));
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("Cards ({}/{max})", draft.card_count()));
        for (i, id) in draft.ids.cards.iter().enumerate() {
            let card_path = format!("{cards_path}[{i}]");
            let errors = form
                .issues
                .all
                .iter()
                .any(|iss| iss.is_error() && iss.is_at_or_under(&card_path));
            let text = format!("Card {}{}", i + 1, if errors { " ✖" } else { "" });
            if ui.selectable_label(*id == *selected, text).clicked() {
                *selected = *id;
            }
        }
    });
}

/// Add, duplicate, delete and move the selected card, within the table's 2–10 cards.
fn card_buttons(
    ui: &mut Ui,
    form: &mut Form<'_>,
    draft: &mut Draft,
    selected: &mut u64,
    (min, max): (usize, usize),
) {
    let count = draft.card_count();
    let index = draft
        .ids
        .cards
        .iter()
        .position(|id| id == selected)
        .unwrap_or(0);
    ui.horizontal_wrapped(|ui| {
        let full_reason = format!("A carousel holds at most {max} cards.");
        if ui
            .add_enabled(count < max, egui::Button::new("➕ Add card"))
            .on_disabled_hover_text(&full_reason)
            .clicked()
        {
            draft.add_card();
            *selected = *draft.ids.cards.last().unwrap_or(selected);
            form.acted();
        }
        if ui
            .add_enabled(
                count < max && index < count,
                egui::Button::new("🗐 Duplicate"),
            )
            .on_disabled_hover_text(&full_reason)
            .clicked()
        {
            draft.duplicate_card(index);
            *selected = draft.ids.cards.get(index + 1).copied().unwrap_or(*selected);
            form.acted();
        }
        if ui
            .add_enabled(
                count > min && index < count,
                egui::Button::new("🗑 Delete card"),
            )
            .on_disabled_hover_text(format!("A carousel needs at least {min} cards."))
            .clicked()
        {
            draft.delete_card(index);
            let next = index.min(draft.card_count().saturating_sub(1));
            *selected = draft.ids.cards.get(next).copied().unwrap_or(0);
            form.acted();
        }
        if ui
            .add_enabled(index > 0, egui::Button::new("◀ Move left"))
            .clicked()
        {
            draft.swap_cards(index - 1);
            form.acted();
        }
        if ui
            .add_enabled(index + 1 < count, egui::Button::new("Move right ▶"))
            .clicked()
        {
            draft.swap_cards(index);
            form.acted();
        }
    });
}

/// `3` for a path under `<cards>[3]`.
fn card_index(path: &str, cards: &str) -> Option<usize> {
    let rest = path.strip_prefix(cards)?.strip_prefix('[')?;
    rest.split(']').next()?.parse().ok()
}
