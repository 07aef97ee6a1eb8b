//! Suggested replies and actions, on cards and on the message.

use super::Validator;
use crate::rcs::issue::Code;
use crate::rcs::limits::Field;
use crate::rcs::model::{
    ActionBase, ActionKind, CreateCalendarEvent, OpenUrl, ShowLocation, Suggestion,
};
use crate::rcs::path::Member;

impl Validator {
    pub(super) fn suggestions(&mut self, member: Member, field: Field, list: &[Suggestion]) {
        self.count(member, field, Some(list.len()));
        self.at(member, |v| {
            for (i, suggestion) in list.iter().enumerate() {
                v.at_index(i, |v| v.suggestion(suggestion));
            }
        });
    }

    fn suggestion(&mut self, s: &Suggestion) {
        match s.kind_count() {
            0 => self.error(
                Code::NoAction,
                "The suggestion has no action; give exactly one of Reply, OpenUrl, DialPhone, ShowLocation, RequestLocation or CreateCalendarEvent.".to_owned(),
            ),
            1 => {}
            _ => {
                let names: Vec<&str> = s.kinds().iter().map(|k| k.member()).collect();
                self.error(
                    Code::MultipleActions,
                    format!("The suggestion has {} actions ({}); give exactly one.", names.len(), names.join(", ")),
                );
            }
        }
        if let Some(a) = &s.reply {
            self.action(ActionKind::Reply, &a.base, |_| {});
        }
        if let Some(a) = &s.open_url {
            self.action(ActionKind::OpenUrl, &a.base, |v| v.open_url(a));
        }
        if let Some(a) = &s.dial_phone {
            self.action(ActionKind::DialPhone, &a.base, |v| {
                v.text(
                    Member::PhoneNumber,
                    Field::DialPhoneNumber,
                    a.phone_number.as_deref(),
                );
            });
        }
        if let Some(a) = &s.show_location {
            self.action(ActionKind::ShowLocation, &a.base, |v| v.show_location(a));
        }
        if let Some(a) = &s.request_location {
            self.action(ActionKind::RequestLocation, &a.base, |_| {});
        }
        if let Some(a) = &s.create_calendar_event {
            self.action(ActionKind::CreateCalendarEvent, &a.base, |v| {
                v.calendar_event(a);
            });
        }
    }

    /// Checks the members every action has, then the kind's own through `rest`.
    fn action(&mut self, kind: ActionKind, base: &ActionBase, rest: impl FnOnce(&mut Self)) {
        self.at(Member::from(kind), |v| {
            v.subject = Some(kind.label());
            v.text(Member::Text, Field::ActionText, base.text.as_deref());
            v.text(
                Member::PostbackData,
                Field::ActionPostbackData,
                base.postback_data.as_deref(),
            );
            rest(v);
            v.subject = None;
        });
    }

    fn open_url(&mut self, a: &OpenUrl) {
        self.text(Member::Url, Field::OpenUrlUrl, a.url.as_deref());
        self.text(
            Member::Application,
            Field::OpenUrlApplication,
            a.application.as_deref(),
        );
        self.text(
            Member::WebviewViewMode,
            Field::WebviewViewMode,
            a.webview_view_mode.as_deref(),
        );
        if a.webview_view_mode.is_some() && a.application.as_deref() != Some("WEBVIEW") {
            self.at(Member::WebviewViewMode, |v| {
                v.warn(
                    Code::NotApplicable,
                    "Webview view mode only applies when Application is WEBVIEW; it is ignored here.".to_owned(),
                );
            });
        }
    }

    fn show_location(&mut self, a: &ShowLocation) {
        self.number(Member::Latitude, Field::Latitude, a.latitude);
        self.number(Member::Longitude, Field::Longitude, a.longitude);
        self.text(Member::Label, Field::LocationLabel, a.label.as_deref());
    }

    fn calendar_event(&mut self, a: &CreateCalendarEvent) {
        self.text(Member::Title, Field::CalendarTitle, a.title.as_deref());
        self.present(
            Member::StartTime,
            Field::CalendarStartTime,
            a.start_time.as_ref(),
        );
        self.present(Member::EndTime, Field::CalendarEndTime, a.end_time.as_ref());
        if let (Some(start), Some(end)) = (a.start_time, a.end_time)
            && end <= start
        {
            self.at(Member::EndTime, |v| {
                v.error(
                    Code::EndNotAfterStart,
                    format!("The event ends at {end}, which is not after its start at {start}."),
                );
            });
        }
        self.text(
            Member::Description,
            Field::CalendarDescription,
            a.description.as_deref(),
        );
    }
}
