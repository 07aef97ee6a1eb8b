//! One audience row judged before anything is sent: its phone (E.164, not seen before), its
//! shape, and its message filled in and checked by the core's validator
//! (docs/campaign-audiences.md).

use std::collections::HashMap;

use crate::campaign::audience::{Audience, Row, RowShape};
use crate::rcs::issue::{Code, Issue, has_errors};
use crate::rcs::model::SendRcsMessageRequest;
use crate::rcs::patterns::e164_key;
use crate::rcs::personalise::Personaliser;

/// The path the report gives for problems with the phone cell.
pub const PHONE_PATH: &str = "DestinationPhoneNumber";

/// What the local checks make of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Judgement {
    /// Ready to send.
    Valid,
    /// The message or the row is wrong: it is not sent.
    Invalid,
    /// Nobody to send to (a phone that is not E.164, or one already in an earlier row).
    Skipped,
}

impl Judgement {
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Valid => "valid",
            Self::Invalid => "invalid",
            Self::Skipped => "skipped",
        }
    }
}

/// A row's verdict.
#[derive(Debug, Clone)]
pub struct Verdict {
    pub number: u64,
    pub line: u64,
    /// The phone cell, trimmed.
    pub phone: String,
    pub judgement: Judgement,
    /// Errors first-found first; warnings too (they do not stop a send).
    pub issues: Vec<Issue>,
    /// The filled-in message, addressed to `phone` (present for valid and invalid rows with
    /// a usable phone).
    pub request: Option<SendRcsMessageRequest>,
}

impl Verdict {
    /// The first error, which the report names.
    #[must_use]
    pub fn first_error(&self) -> Option<&Issue> {
        self.issues.iter().find(|i| i.is_error())
    }
}

/// The problem with a row as a row (another number of cells than the header, not UTF-8),
/// which makes it `invalid` whatever its values.
#[must_use]
pub fn shape_issue(shape: &RowShape, line: u64) -> Option<Issue> {
    let message = match shape {
        RowShape::Ok => return None,
        RowShape::Width { cells, width } => format!(
            "Line {line}: the row has {cells} {}; the header has {width}.",
            if *cells == 1 { "cell" } else { "cells" }
        ),
        RowShape::NotUtf8 => {
            format!("Line {line}: the row is not UTF-8 text; save the file as \"CSV UTF-8\".")
        }
    };
    Some(Issue::error("", Code::MalformedRow, message))
}

/// The phone (trimmed) as a strict E.164 key, or why the row is `skipped`.
///
/// # Errors
/// An `invalid-phone` issue at [`PHONE_PATH`].
pub fn phone_key(phone: &str) -> Result<u64, Issue> {
    e164_key(phone).ok_or_else(|| {
        let message = if phone.is_empty() {
            "The phone cell is empty.".to_owned()
        } else {
            format!("'{phone}' is not a phone number in E.164 format, such as +14255550123.")
        };
        Issue::error(PHONE_PATH, Code::InvalidPhone, message)
    })
}

/// Judges the rows of one audience against one template, in file order (repeats of a phone
/// are found against the rows judged before).
pub struct RowChecker {
    personaliser: Personaliser,
    /// Column name → index, for the placeholders' look-ups.
    columns: Vec<String>,
    phone: usize,
    /// Each phone seen, as an integer, with the row that had it first.
    seen: HashMap<u64, u64>,
}

impl RowChecker {
    #[must_use]
    pub fn new(template: SendRcsMessageRequest, audience: &Audience) -> Self {
        Self {
            personaliser: Personaliser::new(template),
            columns: audience.columns.clone(),
            phone: audience.phone,
            seen: HashMap::new(),
        }
    }

    #[must_use]
    pub fn personaliser(&self) -> &Personaliser {
        &self.personaliser
    }

    /// Judges the next row. Rows must come in file order, each once.
    pub fn check(&mut self, row: &Row<'_>) -> Verdict {
        let phone = row.cell(self.phone).unwrap_or_default().trim().to_owned();
        let mut verdict = Verdict {
            number: row.number,
            line: row.line,
            phone,
            judgement: Judgement::Invalid,
            issues: Vec::new(),
            request: None,
        };
        if let Some(issue) = shape_issue(&row.shape, row.line) {
            verdict.issues.push(issue);
            return verdict;
        }
        let key = match phone_key(&verdict.phone) {
            Ok(key) => key,
            Err(issue) => {
                verdict.judgement = Judgement::Skipped;
                verdict.issues.push(issue);
                return verdict;
            }
        };
        if let Some(first) = self.seen.get(&key) {
            verdict.judgement = Judgement::Skipped;
            verdict.issues.push(Issue::error(
                PHONE_PATH,
                Code::DuplicatePhone,
                format!(
                    "{} already appears in row {first}; it is sent once.",
                    verdict.phone
                ),
            ));
            return verdict;
        }
        self.seen.insert(key, row.number);
        let columns = &self.columns;
        let cell = |name: &str| {
            columns
                .iter()
                .position(|c| c == name)
                .and_then(|i| row.cell(i))
        };
        let filled = self.personaliser.check_row(&cell, &verdict.phone);
        verdict.judgement = if has_errors(&filled.issues) {
            Judgement::Invalid
        } else {
            Judgement::Valid
        };
        verdict.issues = filled.issues;
        verdict.request = Some(filled.request);
        verdict
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rcs::codec;

    fn audience(text: &str) -> (tempfile::NamedTempFile, Audience) {
        let mut f = tempfile::NamedTempFile::new().expect("temp");
        std::io::Write::write_all(&mut f, text.as_bytes()).expect("write");
        let a = Audience::open(f.path(), None).expect("open");
        (f, a)
    }

    fn verdicts(template: &str, csv: &str) -> Vec<Verdict> {
        let t = codec::parse(template).expect("json").request;
        let (_f, a) = audience(csv);
        let mut checker = RowChecker::new(t, &a);
        let mut rows = a.rows().expect("rows");
        let mut out = Vec::new();
        while let Some(row) = rows.next_row().expect("row") {
            out.push(checker.check(&row));
        }
        out
    }

    const REPLY: &str = r#"{"RcsMessageContent": {"Content": {"TextMessage": {"Body": "Hi {{first_name|there}}"}},
        "Suggestions": [{"Reply": {"Text": "Yes, {{first_name}}!", "PostbackData": "yes"}}]}}"#;

    #[test]
    fn every_row_gets_the_status_a_careful_reader_would_give() {
        let csv = "phone,first_name\n\
                   +14255550100,Ana\n\
                   +14255550101,Ånnä-Sophïé Wölfesc\n\
                   +14255550102,Ånnä-Sophïé Wölfesch\n\
                   4255550103,Bo\n\
                   +14255550100,Ana again\n\
                   \" +14255550104 \",\"Smith, Jo\"\n\
                   +14255550105,\n\
                   +14255550106\n";
        let v = verdicts(REPLY, csv);
        let got: Vec<_> = v
            .iter()
            .map(|v| (v.number, v.judgement, v.first_error().map(|i| i.code)))
            .collect();
        assert_eq!(
            got,
            vec![
                (1, Judgement::Valid, None),
                // "Yes, " + 19 characters + "!" = 25, the limit; one more is over it. Counted
                // in characters, not bytes.
                (2, Judgement::Valid, None),
                (3, Judgement::Invalid, Some(Code::TooLong)),
                (4, Judgement::Skipped, Some(Code::InvalidPhone)),
                (5, Judgement::Skipped, Some(Code::DuplicatePhone)),
                (6, Judgement::Valid, None),
                (7, Judgement::Invalid, Some(Code::MissingValue)),
                (8, Judgement::Invalid, Some(Code::MalformedRow)),
            ]
        );
        assert!(v[4].issues[0].message.contains("row 1"));
        assert_eq!(v[5].phone, "+14255550104");
        let body = |v: &Verdict| {
            v.request
                .as_ref()
                .and_then(|r| r.content())
                .and_then(|c| c.text_message.as_ref())
                .and_then(|t| t.body.clone())
        };
        assert_eq!(body(&v[5]).as_deref(), Some("Hi Smith, Jo"));
        assert_eq!(
            body(&v[6]).as_deref(),
            Some("Hi there"),
            "the default fills an empty cell"
        );
        assert_eq!(
            v[2].issues[0].path,
            "RcsMessageContent.Suggestions[0].Reply.Text"
        );
    }
}
