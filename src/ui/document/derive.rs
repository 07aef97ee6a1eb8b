//! The derive step: everything the window shows about the draft, recomputed right after each
//! change and before the frame that shows it is painted.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::rcs::issue::{Code, Issue};
use crate::rcs::model::SendRcsMessageRequest;
use crate::rcs::personalise::{self, Filled};
use crate::rcs::phone::{Finding, Rendering};
use crate::rcs::validate::{Mode, validate};
use crate::ui::campaign::{Personal, Source};
use crate::ui::document::issues::IssueIndex;
use crate::ui::document::problems::Problems;

/// What the derived state depends on besides the draft.
#[derive(Debug, Default, Clone, Copy)]
pub struct Surroundings<'a> {
    /// The loaded audience's columns: a placeholder without one is an error at its field.
    pub columns: Option<&'a [String]>,
    /// The audience row the preview shows, filled in.
    pub row: Option<(&'a Source, &'a Filled)>,
    /// The sample values of this template's placeholders.
    pub samples: Option<&'a BTreeMap<String, String>>,
    /// The chosen test recipient.
    pub recipient: Option<&'a str>,
    /// The origination chosen for the connection in the Send tab (over the template's own).
    pub origination: Option<&'a str>,
}

/// What derives from the draft.
#[derive(Debug, Default)]
pub struct Derived {
    pub issues: IssueIndex,
    /// The same issues, with the template's phone findings merged, as the Checks list
    /// groups them.
    pub problems: Arc<Problems>,
    /// The list under the phone: its findings for the request it shows, and the issues
    /// about how a phone shows a text ([`preview_issues`]), in the Checks list's words.
    pub preview_problems: Arc<Problems>,
    /// The request the preview shows, as the phone lays it out, with its findings.
    pub rendering: Arc<Rendering>,
    pub dirty: bool,
    /// The template filled in with the row's or the sample values (for placeholders).
    pub personal: Option<Personal>,
    /// The request as it would be sent.
    pub send_request: SendRcsMessageRequest,
    /// The for-send checks of that request.
    pub send_issues: Vec<Issue>,
    /// The template's placeholder names, in first-use order.
    pub placeholder_names: Vec<String>,
}

/// The values the preview, the counters and the test send use: the audience row, else the
/// sample values (for a template with placeholders).
#[must_use]
pub fn personal(
    template: &SendRcsMessageRequest,
    placeholder_names: &[String],
    s: &Surroundings<'_>,
) -> Option<Personal> {
    if let Some((source, filled)) = s.row {
        Some(Personal::new(template, source.clone(), filled.clone()))
    } else if placeholder_names.is_empty() {
        None
    } else {
        Some(Personal::from_samples(template, s.samples))
    }
}

/// The request as it would be sent: the template filled in with the values the preview shows,
/// plus the test recipient (a destination written into the template wins) and the origination
/// chosen for the connection (the template's own when none is chosen: agents belong to an
/// account, so the choice made for this connection decides).
#[must_use]
pub fn send_request(
    template: &SendRcsMessageRequest,
    personal: Option<&Personal>,
    s: &Surroundings<'_>,
) -> SendRcsMessageRequest {
    let mut r = personal.map_or_else(|| template.clone(), |p| p.filled.request.clone());
    r.destination_phone_number = template
        .destination_phone_number
        .clone()
        .or_else(|| s.recipient.map(str::to_owned));
    if let Some(origination) = s.origination {
        r.origination_identity = Some(origination.to_owned());
    }
    r
}

/// The template's issues: the service's verdict on this very request, the validator's, and
/// the audience's missing columns.
#[must_use]
pub fn template_issues(
    template: &SendRcsMessageRequest,
    service: &[Issue],
    phone: &[Finding],
    s: &Surroundings<'_>,
) -> IssueIndex {
    let mut issues = service.to_vec();
    issues.extend(validate(template, Mode::Template));
    if let Some(columns) = s.columns {
        issues.extend(personalise::column_issues(template, columns));
    }
    // What the phone cuts or shows differently: warnings at their fields, as in `check`
    // (without `check`'s "Card 2:": the field is shown inside its card).
    issues.extend(phone.iter().map(Finding::at_field));
    IssueIndex::new(issues)
}

/// The for-send checks of the request as it would be sent: a placeholder without a value is
/// an error there (a test phone should receive what a recipient would), reported once; the
/// service's rejection of this very request blocks sending it again unchanged.
#[must_use]
pub fn send_issues(
    request: &SendRcsMessageRequest,
    personal: Option<&Personal>,
    service: &[Issue],
) -> Vec<Issue> {
    let missing: Vec<Issue> = personal
        .map(|p| {
            p.filled
                .issues
                .iter()
                .filter(|i| i.code == Code::MissingValue)
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let mut out = missing.clone();
    out.extend(
        validate(request, Mode::Send)
            .into_iter()
            .filter(|i| !missing.iter().any(|m| i.is_at_or_under(&m.path))),
    );
    out.extend(service.iter().cloned());
    out
}

/// The issues the preview's list adds to the phone's findings: a title long in bytes, which
/// Google Messages may cut.
#[must_use]
pub fn preview_issues(issues: &IssueIndex) -> Vec<Issue> {
    issues
        .all
        .iter()
        .filter(|i| i.code == Code::MayBeTruncated)
        .cloned()
        .collect()
}
