//! Campaign personalisation: a template's `{{placeholders}}` against an audience's columns,
//! and one audience row's message filled in and checked by the same validator.

use crate::rcs::issue::{Code, Issue};
use crate::rcs::limits::Field;
use crate::rcs::model::SendRcsMessageRequest;
use crate::rcs::phone;
use crate::rcs::placeholder::{self, Unfilled};
use crate::rcs::validate::validate_filled;
use crate::rcs::walk;

/// Where a template uses a placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Use {
    pub path: String,
    pub field: Field,
    pub name: String,
    pub default: Option<String>,
}

/// Every placeholder of a template, in wire order.
#[must_use]
pub fn uses(template: &SendRcsMessageRequest) -> Vec<Use> {
    // The walker lends `&mut String`; a copy keeps the template untouched.
    uses_in_place(&mut template.clone())
}

/// [`uses`] without the copy, for a caller that holds the template mutably: the walk changes
/// nothing (a keystroke derives this anew, and copying a large message was most of it).
#[must_use]
pub fn uses_in_place(template: &mut SendRcsMessageRequest) -> Vec<Use> {
    let mut uses = Vec::new();
    walk::texts_mut(template, &mut |path, field, text| {
        // Most texts have none: a fast search skips them.
        if !placeholder::opens(text) {
            return;
        }
        for p in placeholder::placeholders(text) {
            uses.push(Use {
                path: path.to_owned(),
                field,
                name: p.name.to_owned(),
                default: p.default.map(str::to_owned),
            });
        }
    });
    uses
}

/// The distinct placeholder names of a template, in first-use order.
#[must_use]
pub fn names(template: &SendRcsMessageRequest) -> Vec<String> {
    names_in_place(&mut template.clone())
}

/// [`names`] without the copy (see [`uses_in_place`]).
#[must_use]
pub fn names_in_place(template: &mut SendRcsMessageRequest) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for u in uses_in_place(template) {
        if !names.contains(&u.name) {
            names.push(u.name);
        }
    }
    names
}

/// Errors for placeholders without a default whose column the audience lacks (`columns` are
/// the header's names, matched after trimming), at the fields that use them.
#[must_use]
pub fn column_issues(template: &SendRcsMessageRequest, columns: &[String]) -> Vec<Issue> {
    uses(template)
        .into_iter()
        .filter(|u| u.default.is_none() && !columns.iter().any(|c| c.trim() == u.name))
        .map(|u| {
            let hint = closest(&u.name, columns)
                .map(|c| format!(" Did you mean '{{{{{c}}}}}'?"))
                .unwrap_or_default();
            Issue::error(
                u.path,
                Code::UnknownColumn,
                format!(
                    "{} uses '{{{{{}}}}}', but the audience has no column '{}' and the placeholder has no default.{hint}",
                    u.field.rule().title(),
                    u.name,
                    u.name
                ),
            )
        })
        .collect()
}

/// The column whose name is closest to `name` (case aside), if one is close enough to be a
/// likely typo. `strsim` is the string-distance crate clap already brings in.
fn closest<'c>(name: &str, columns: &'c [String]) -> Option<&'c str> {
    const CLOSE_ENOUGH: f64 = 0.7;
    let wanted = name.to_lowercase();
    columns
        .iter()
        .map(|c| c.trim())
        .map(|c| {
            (
                c,
                strsim::normalized_levenshtein(&wanted, &c.to_lowercase()),
            )
        })
        .filter(|(_, score)| *score >= CLOSE_ENOUGH)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(c, _)| c)
}

/// One audience row's message: the template filled in, and what is wrong with it.
#[derive(Debug, Clone)]
pub struct Filled {
    pub request: SendRcsMessageRequest,
    /// Missing values first, then the validator's issues on the filled-in message.
    pub issues: Vec<Issue>,
}

impl Filled {
    #[must_use]
    pub fn has_errors(&self) -> bool {
        crate::rcs::issue::has_errors(&self.issues)
    }
}

/// A template prepared for filling many rows.
#[derive(Debug, Clone)]
pub struct Personaliser {
    template: SendRcsMessageRequest,
    /// False when the template has no placeholder: every row's message is the template.
    personal: bool,
    /// True when a placeholder is in text the phone measures (a card's title, description or
    /// a button's text): then a row's values can make the phone cut text or drop buttons, and
    /// each row is laid out again. Otherwise every row looks like the template on the phone.
    measured: bool,
}

/// True for a member whose text the phone's card layout measures.
fn is_measured(path: &str) -> bool {
    path.contains("CardContent")
        && (path.ends_with(".Title") || path.ends_with(".Description") || path.ends_with(".Text"))
        // A calendar event's title and description are not on the card.
        && !path.contains("CreateCalendarEvent.Title")
        && !path.contains("CreateCalendarEvent.Description")
}

impl Personaliser {
    #[must_use]
    pub fn new(template: SendRcsMessageRequest) -> Self {
        let uses = uses(&template);
        let personal = !uses.is_empty();
        let measured = uses.iter().any(|u| is_measured(&u.path));
        Self {
            template,
            personal,
            measured,
        }
    }

    #[must_use]
    pub fn template(&self) -> &SendRcsMessageRequest {
        &self.template
    }

    /// Fills the placeholders from `cell` (a column's value by name; an empty cell takes the
    /// default). Missing values are errors at the fields that need them.
    pub fn fill<'v>(&self, cell: &impl Fn(&str) -> Option<&'v str>) -> Filled {
        let mut request = self.template.clone();
        let mut issues = Vec::new();
        if self.personal {
            let mut buffer = String::new();
            let mut unfilled: Vec<Unfilled> = Vec::new();
            walk::texts_mut(&mut request, &mut |path, field, text| {
                if !placeholder::has_placeholder(text) {
                    return;
                }
                placeholder::fill(text, cell, &mut buffer, &mut unfilled);
                std::mem::swap(text, &mut buffer);
                for u in unfilled.drain(..) {
                    issues.push(Issue::error(
                        path,
                        Code::MissingValue,
                        format!(
                            "{}: the cell '{}' is empty and '{{{{{}}}}}' has no default.",
                            field.rule().title(),
                            u.name,
                            u.name
                        ),
                    ));
                }
            });
        }
        Filled { request, issues }
    }

    /// The message for one row: filled in, addressed to `phone`, and checked. A field whose
    /// value is missing is reported once, as missing, not again by the validator. When the
    /// row's values are in text the phone measures, what the phone cuts is reported too, as
    /// warnings (they never make a row invalid).
    pub fn check_row<'v>(&self, cell: &impl Fn(&str) -> Option<&'v str>, phone: &str) -> Filled {
        let mut filled = self.fill(cell);
        filled.request.destination_phone_number = Some(phone.to_owned());
        let missing: Vec<String> = filled.issues.iter().map(|i| i.path.clone()).collect();
        filled.issues.extend(
            validate_filled(&filled.request)
                .into_iter()
                .filter(|i| !missing.iter().any(|m| i.is_at_or_under(m))),
        );
        if self.measured {
            filled.issues.extend(
                phone::layout::cut_findings(&filled.request)
                    .iter()
                    .map(phone::Finding::to_issue),
            );
        }
        filled
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rcs::codec;
    use crate::rcs::issue::Severity;
    use crate::rcs::validate::{Mode, validate};

    fn template(json: &str) -> SendRcsMessageRequest {
        let decoded = codec::parse(json).expect("json");
        assert!(decoded.issues.is_empty(), "{:?}", decoded.issues);
        decoded.request
    }

    const CARD: &str = r#"{"RcsMessageContent": {"Content": {"RichCard": {"CardOrientation": "VERTICAL",
        "CardContent": {"Title": "Hi {{ First Name }}", "Description": "Your code: {{code|NONE}}",
        "Suggestions": [{"Reply": {"Text": "Yes {{First Name}}", "PostbackData": "yes"}},
                        {"OpenUrl": {"Text": "Open", "PostbackData": "o", "Url": "https://ex.com/o/{{code}}"}}]}}}}}"#;

    fn cells<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<&'a str> {
        move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| *v)
    }

    #[test]
    fn template_with_placeholders_has_no_false_errors() {
        let t = template(CARD);
        assert_eq!(validate(&t, Mode::Template), vec![]);
        let t = template(
            r#"{"RcsMessageContent": {"Content": {"RichCard": {"CardOrientation": "VERTICAL",
            "CardContent": {"Suggestions": [{"OpenUrl": {"Text": "Go", "PostbackData": "g", "Url": "{{link}}"}}]}}}}}"#,
        );
        assert_eq!(validate(&t, Mode::Template), vec![]);
    }

    #[test]
    fn literal_part_over_the_limit_is_still_an_error() {
        let text = format!("{}{{{{name}}}}", "x".repeat(26));
        let t = template(&format!(
            r#"{{"RcsMessageContent": {{"Content": {{"TextMessage": {{"Body": "b"}}}},
            "Suggestions": [{{"Reply": {{"Text": "{text}", "PostbackData": "p"}}}}]}}}}"#
        ));
        let issues = validate(&t, Mode::Template);
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert_eq!(issues[0].code, Code::TooLong);
        assert_eq!(
            issues[0].path,
            "RcsMessageContent.Suggestions[0].Reply.Text"
        );
    }

    #[test]
    fn unclosed_placeholder_is_a_warning_at_its_field() {
        let t = template(
            r#"{"RcsMessageContent": {"Content": {"TextMessage": {"Body": "Hi {{first_name"}}}}"#,
        );
        let issues = validate(&t, Mode::Template);
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].severity, Severity::Warning);
        assert_eq!(issues[0].code, Code::UnclosedPlaceholder);
        assert_eq!(issues[0].path, "RcsMessageContent.Content.TextMessage.Body");
    }

    #[test]
    fn a_send_takes_placeholders_literally() {
        let mut t = template(CARD);
        t.destination_phone_number = Some("+14255550123".into());
        t.origination_identity = Some("agent".into());
        let issues = validate(&t, Mode::Send);
        assert!(issues.iter().any(|i| i.code == Code::UnfilledPlaceholder));
        assert!(issues.iter().all(|i| !i.is_error()), "{issues:?}");
    }

    #[test]
    fn names_and_unknown_columns() {
        let t = template(CARD);
        assert_eq!(names(&t), vec!["First Name".to_owned(), "code".to_owned()]);
        let columns = vec!["phone".to_owned(), " first name ".to_owned()];
        let issues = column_issues(&t, &columns);
        // {{First Name}} twice (no default), {{code}} in the URL (no default); {{code|NONE}} has one.
        let paths: Vec<_> = issues.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(
            paths,
            vec![
                "RcsMessageContent.Content.RichCard.CardContent.Title",
                "RcsMessageContent.Content.RichCard.CardContent.Suggestions[0].Reply.Text",
                "RcsMessageContent.Content.RichCard.CardContent.Suggestions[1].OpenUrl.Url",
            ]
        );
        assert!(issues[0].message.contains("Did you mean '{{first name}}'"));
        let columns = vec!["First Name".to_owned(), "code".to_owned()];
        assert!(column_issues(&t, &columns).is_empty());
    }

    #[test]
    fn row_is_filled_and_judged_after_substitution() {
        let p = Personaliser::new(template(CARD));
        let row = p.check_row(
            &cells(&[("First Name", "Zoë"), ("code", "A1")]),
            "+14255550123",
        );
        assert_eq!(row.issues, vec![]);
        let card = row
            .request
            .content()
            .and_then(|c| c.rich_card.as_ref())
            .and_then(|c| c.card_content.as_ref())
            .expect("card");
        assert_eq!(card.title.as_deref(), Some("Hi Zoë"));
        assert_eq!(card.description.as_deref(), Some("Your code: A1"));
        assert_eq!(
            row.request.destination_phone_number.as_deref(),
            Some("+14255550123")
        );

        // A name that pushes the reply past 25 characters, counted in characters.
        let long = "Ånnä-Sophïé Wölfeschlegel";
        let row = p.check_row(
            &cells(&[("First Name", long), ("code", "A1")]),
            "+14255550123",
        );
        let codes: Vec<_> = row
            .issues
            .iter()
            .map(|i| (i.code, i.path.as_str()))
            .collect();
        assert!(
            codes.contains(&(
                Code::TooLong,
                "RcsMessageContent.Content.RichCard.CardContent.Suggestions[0].Reply.Text"
            )),
            "{codes:?}"
        );

        // 21 multi-byte characters + "Yes " = 25: fits.
        let row = p.check_row(
            &cells(&[("First Name", &"é".repeat(21)), ("code", "A1")]),
            "+14255550123",
        );
        assert!(!row.has_errors(), "{:?}", row.issues);
    }

    #[test]
    fn empty_cell_without_default_is_missing_once() {
        let p = Personaliser::new(template(CARD));
        let row = p.check_row(&cells(&[("First Name", ""), ("code", "")]), "+14255550123");
        let issues: Vec<_> = row
            .issues
            .iter()
            .map(|i| (i.code, i.path.as_str()))
            .collect();
        assert_eq!(
            issues,
            vec![
                (
                    Code::MissingValue,
                    "RcsMessageContent.Content.RichCard.CardContent.Title"
                ),
                (
                    Code::MissingValue,
                    "RcsMessageContent.Content.RichCard.CardContent.Suggestions[0].Reply.Text"
                ),
                (
                    Code::MissingValue,
                    "RcsMessageContent.Content.RichCard.CardContent.Suggestions[1].OpenUrl.Url"
                ),
            ]
        );
        let card = row
            .request
            .content()
            .and_then(|c| c.rich_card.as_ref())
            .and_then(|c| c.card_content.as_ref())
            .expect("card");
        assert_eq!(
            card.description.as_deref(),
            Some("Your code: NONE"),
            "the default fills an empty cell"
        );
    }

    #[test]
    fn a_bad_url_after_substitution_is_reported() {
        let p = Personaliser::new(template(
            r#"{"RcsMessageContent": {"Content": {"RichCard": {"CardOrientation": "VERTICAL",
            "CardContent": {"Suggestions": [{"OpenUrl": {"Text": "Go", "PostbackData": "g", "Url": "{{link}}"}}]}}}}}"#,
        ));
        let row = p.check_row(
            &cells(&[("link", "http://insecure.example")]),
            "+14255550123",
        );
        assert_eq!(row.issues.len(), 1, "{:?}", row.issues);
        assert_eq!(row.issues[0].code, Code::InvalidFormat);
        let row = p.check_row(&cells(&[("link", "https://ex.com/a")]), "+14255550123");
        assert!(row.issues.is_empty());
    }

    #[test]
    fn a_rows_values_that_make_the_phone_cut_are_warnings_for_that_row() {
        let p = Personaliser::new(template(
            r#"{"RcsMessageContent": {"Content": {"RichCard": {"CardOrientation": "VERTICAL",
            "CardContent": {"Title": "Hi {{name}}", "Description": "{{offer}}",
                "Media": {"FileUrl": "s3://b/a.jpg", "Height": "MEDIUM"},
                "Suggestions": [{"Reply": {"Text": "Yes", "PostbackData": "y"}},
                                {"Reply": {"Text": "No", "PostbackData": "n"}}]}}}}}"#,
        ));
        let short = p.check_row(
            &cells(&[("name", "Ana"), ("offer", "10% off")]),
            "+14255550123",
        );
        assert_eq!(short.issues, vec![]);
        let long_offer = "A long offer that the phone cannot show in full. ".repeat(4);
        let long = p.check_row(
            &cells(&[("name", "Ana"), ("offer", &long_offer)]),
            "+14255550123",
        );
        let found: Vec<_> = long
            .issues
            .iter()
            .map(|i| (i.severity, i.code, i.path.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![(
                Severity::Warning,
                Code::PhoneTextCut,
                "RcsMessageContent.Content.RichCard.CardContent.Description"
            )]
        );
        assert!(!long.has_errors(), "a warning never makes the row invalid");
        // Placeholders only in a URL: the phone's layout cannot change, nothing is measured.
        let url_only = Personaliser::new(template(
            r#"{"RcsMessageContent": {"Content": {"RichCard": {"CardOrientation": "VERTICAL",
            "CardContent": {"Title": "Hi", "Suggestions": [{"OpenUrl": {"Text": "Go", "PostbackData": "g", "Url": "https://ex.com/{{id}}"}}]}}}}}"#,
        ));
        assert!(!url_only.measured && p.measured);
    }

    #[test]
    fn a_template_without_placeholders_is_the_message() {
        let t =
            template(r#"{"RcsMessageContent": {"Content": {"TextMessage": {"Body": "Hello"}}}}"#);
        let p = Personaliser::new(t.clone());
        let row = p.check_row(&cells(&[]), "+14255550123");
        assert_eq!(row.request.rcs_message_content, t.rcs_message_content);
        assert!(row.issues.is_empty());
    }
}
