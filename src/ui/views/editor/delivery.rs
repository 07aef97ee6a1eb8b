//! The request's delivery members: origination, time to live, traffic type, configuration,
//! price cap, context, feedback, and the SMS/MMS fallback with its segment count.

use egui::{RichText, Ui};

use crate::rcs::issue::Code;
use crate::rcs::limits::Field;
use crate::rcs::model::{FallbackConfiguration, SendRcsMessageRequest, repeats_earlier_key};
use crate::rcs::path::Member;
use crate::rcs::segments;
use crate::ui::views::editor::form::{Form, issue_line};

pub fn delivery(ui: &mut Ui, form: &mut Form<'_>, r: &mut SendRcsMessageRequest) {
    if r.destination_phone_number.is_some() {
        form.text(
            ui,
            Member::DestinationPhoneNumber,
            Field::DestinationPhoneNumber,
            &mut r.destination_phone_number,
            false,
        );
        ui.label(RichText::new("This template carries a destination number; clear it to keep templates personal-data free.").small());
    }
    form.text(
        ui,
        Member::OriginationIdentity,
        Field::OriginationIdentity,
        &mut r.origination_identity,
        false,
    );
    form.optional_integer(
        ui,
        Member::TimeToLive,
        Field::TimeToLive,
        &mut r.time_to_live,
    );
    form.choice(
        ui,
        Member::MessageTrafficType,
        Field::MessageTrafficType,
        &mut r.message_traffic_type,
    );
    form.text(
        ui,
        Member::ConfigurationSetName,
        Field::ConfigurationSetName,
        &mut r.configuration_set_name,
        false,
    );
    form.text(
        ui,
        Member::ProtectConfigurationId,
        Field::ProtectConfigurationId,
        &mut r.protect_configuration_id,
        false,
    );
    form.text(
        ui,
        Member::MaxPrice,
        Field::MaxPrice,
        &mut r.max_price,
        false,
    );
    form.optional_bool(ui, "Message feedback", &mut r.message_feedback_enabled);
    form.optional_bool(ui, "Dry run (saved in template)", &mut r.dry_run);
    ui.separator();
    context(ui, form, &mut r.context);
    ui.separator();
    fallback(ui, form, &mut r.fallback_configuration);
}

/// Points a Context row needs besides its two fields: "Key", "Value", the delete button and
/// the spacing between them (and the text fields' own margins).
const CONTEXT_ROW_FIXED: f32 = 140.0;
/// The narrowest a Context field gets before the row wraps.
const CONTEXT_FIELD_MIN: f32 = 60.0;

fn context(ui: &mut Ui, form: &mut Form<'_>, context: &mut Option<Vec<(String, String)>>) {
    let rule = Field::Context.rule();
    let max = rule.count.map_or(usize::MAX, |(_, m)| m);
    let pairs = context.get_or_insert_with(Vec::new);
    ui.strong(format!("Context ({}/{max})", pairs.len()));
    let context_path = form.path_of(Member::Context);
    form.show_issues(ui, &context_path);
    let mut delete = None;
    // Both entries of a repeated key share one path: its duplicate-key error belongs to the
    // repeat, everything else at that path to the first entry.
    let repeats: Vec<bool> = (0..pairs.len())
        .map(|i| repeats_earlier_key(pairs, i))
        .collect();
    // The two fields share the room the labels and the delete button leave, 2:3; a row that
    // still does not fit wraps instead of running past the panel.
    let room = (ui.available_width() - CONTEXT_ROW_FIXED).max(2.0 * CONTEXT_FIELD_MIN);
    let (key_width, value_width) = (
        (room * 0.4).max(CONTEXT_FIELD_MIN),
        (room * 0.6).max(CONTEXT_FIELD_MIN),
    );
    for (i, (key, value)) in pairs.iter_mut().enumerate() {
        ui.push_id(i, |ui| {
            ui.horizontal_wrapped(|ui| {
                let k = ui.label("Key");
                if ui
                    .add(egui::TextEdit::singleline(key).desired_width(key_width))
                    .labelled_by(k.id)
                    .changed()
                {
                    form.typed(&format!("{context_path}[{i}] key"));
                }
                let v = ui.label("Value");
                if ui
                    .add(egui::TextEdit::singleline(value).desired_width(value_width))
                    .labelled_by(v.id)
                    .changed()
                {
                    form.typed(&format!("{context_path}[{i}] value"));
                }
                if ui
                    .small_button("🗑")
                    .on_hover_text("Remove this context entry")
                    .clicked()
                {
                    delete = Some(i);
                }
            });
            let mut path = crate::rcs::path::PathBuf::of(&[Member::Context]);
            path.key(key);
            for issue in form.issues.at(path.as_str()) {
                if (issue.code == Code::DuplicateKey) == repeats[i] {
                    issue_line(ui, issue);
                }
            }
        });
    }
    if let Some(i) = delete {
        pairs.remove(i);
        form.acted();
    }
    if ui
        .add_enabled(pairs.len() < max, egui::Button::new("➕ Add context entry"))
        .on_disabled_hover_text(format!("Context holds at most {max} entries."))
        .clicked()
    {
        let mut n = pairs.len() + 1;
        while pairs.iter().any(|(k, _)| *k == format!("key{n}")) {
            n += 1;
        }
        pairs.push((format!("key{n}"), "value".into()));
        form.acted();
    }
    if pairs.is_empty() {
        *context = None;
    }
}

fn fallback(ui: &mut Ui, form: &mut Form<'_>, fallback: &mut Option<FallbackConfiguration>) {
    let mut on = fallback.is_some();
    if ui
        .checkbox(&mut on, "SMS/MMS fallback when RCS is not delivered")
        .changed()
    {
        *fallback = on.then(|| FallbackConfiguration {
            channel: Some("SMS".into()),
            message_body: None,
            media_urls: None,
            origination_identity: None,
        });
        form.acted();
    }
    let Some(f) = fallback else {
        return;
    };
    form.at(Member::FallbackConfiguration, |form| {
        let here = form.path.as_str().to_owned();
        form.show_issues(ui, &here);
        form.choice(ui, Member::Channel, Field::FallbackChannel, &mut f.channel);
        form.text(
            ui,
            Member::MessageBody,
            Field::FallbackMessageBody,
            &mut f.message_body,
            true,
        );
        let mms = f.channel.as_deref() == Some("MMS");
        if mms && f.message_body.is_some() {
            ui.label(
                RichText::new(
                    "MMS: the text goes with the media as one message, not in SMS segments.",
                )
                .small(),
            );
        } else if let Some(body) = f.message_body.as_deref() {
            let s = segments::count(body);
            ui.label(
                RichText::new(format!(
                    "{} · {} {} · {} per segment",
                    s.encoding.label(),
                    s.count,
                    if s.count == 1 { "segment" } else { "segments" },
                    s.per_segment
                ))
                .small(),
            );
        }
        if f.channel.as_deref() == Some("MMS") || f.media_urls.is_some() {
            let mut url = f.media_urls.as_ref().and_then(|u| u.first().cloned());
            form.at(Member::MediaUrls, |form| {
                let list = form.path.as_str().to_owned();
                form.show_issues(ui, &list);
                let mark = form.enter_index(0);
                form.text_here(ui, Field::FallbackMediaUrl, &mut url, false);
                form.leave(mark);
            });
            let rest: Vec<String> = f.media_urls.iter().flatten().skip(1).cloned().collect();
            let mut urls: Vec<String> = url.into_iter().collect();
            urls.extend(rest);
            let next = (!urls.is_empty()).then_some(urls);
            if next != f.media_urls {
                f.media_urls = next;
            }
        }
        form.text(
            ui,
            Member::OriginationIdentity,
            Field::FallbackOriginationIdentity,
            &mut f.origination_identity,
            false,
        );
    });
}
