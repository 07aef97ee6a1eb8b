//! Row problems in the editor's own words: a path becomes "Card 1 › Button 2 › Text",
//! a group becomes "212 rows: Card 1 › Button 2 › Text is over 25 characters".

use std::collections::HashMap;

use crate::campaign::check::PHONE_PATH;
use crate::rcs::issue::Code;
use crate::rcs::limits::Field;
use crate::rcs::model::SendRcsMessageRequest;
use crate::rcs::walk;
use crate::ui::campaign::scan::Group;

/// The free-text fields of a template by path, to name them as the editor does.
#[derive(Debug, Default, Clone)]
pub struct FieldNames {
    fields: HashMap<String, Field>,
}

impl FieldNames {
    #[must_use]
    pub fn of(template: &SendRcsMessageRequest) -> Self {
        let mut fields = HashMap::new();
        let mut copy = template.clone();
        walk::texts_mut(&mut copy, &mut |path, field, _| {
            fields.insert(path.to_owned(), field);
        });
        Self { fields }
    }

    #[must_use]
    pub fn field(&self, path: &str) -> Option<Field> {
        self.fields.get(path).copied()
    }

    /// "Card 1 › Button 2 › Text", "Chip 3 › Text", "Text message body", "Phone": the
    /// core's labels ([`crate::rcs::label`]), plus the audience's own row and phone column.
    #[must_use]
    pub fn label(&self, path: &str) -> String {
        if path.is_empty() {
            return "Row".to_owned();
        }
        if path == PHONE_PATH {
            return "Phone".to_owned();
        }
        crate::rcs::label::label(path).unwrap_or_else(|| path.to_owned())
    }

    /// What is wrong, after the field's label: "is over 25 characters".
    #[must_use]
    pub fn problem(&self, group: &Group) -> String {
        let max = self.field(&group.path).and_then(|f| f.rule().max_len());
        match (group.code, max) {
            (Code::TooLong, Some(max)) => format!("is over {max} characters"),
            (Code::MissingValue, _) => "has an empty cell and no default".to_owned(),
            (Code::InvalidFormat, _) => "is not valid once filled in".to_owned(),
            (Code::InvalidPhone, _) => "is not in E.164 format, such as +14255550123".to_owned(),
            (Code::DuplicatePhone, _) => "repeats an earlier row (sent once)".to_owned(),
            (Code::MalformedRow, _) if group.example.contains("UTF-8") => {
                "is not UTF-8 text".to_owned()
            }
            (Code::MalformedRow, _) => "has another number of cells than the header".to_owned(),
            _ => format!("— {}", group.example),
        }
    }

    /// One line of the Checks list for a group.
    #[must_use]
    pub fn line(&self, group: &Group) -> String {
        format!(
            "{} {}: {} {}",
            crate::ui::views::campaign::panel::thousands(group.rows),
            if group.rows == 1 { "row" } else { "rows" },
            self.label(&group.path),
            self.problem(group)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rcs::codec;
    use crate::rcs::path::{Member, PathBuf};

    #[test]
    fn paths_read_as_the_editor_labels_them() {
        let t = codec::parse(
            r#"{"RcsMessageContent": {"Content": {"Carousel": {"CardWidth": "MEDIUM", "CardContents": [
                {"Title": "a"}, {"Title": "b", "Suggestions": [{"Reply": {"Text": "x", "PostbackData": "p"}},
                {"Reply": {"Text": "Hi {{n}}", "PostbackData": "p"}}]}]}},
                "Suggestions": [{"Reply": {"Text": "c", "PostbackData": "p"}}]}}"#,
        )
        .expect("json")
        .request;
        let names = FieldNames::of(&t);
        let content = PathBuf::of(&[Member::RcsMessageContent]);
        let cards = content
            .with(Member::Content)
            .with(Member::Carousel)
            .with(Member::CardContents);
        let path = cards
            .with_index(1)
            .with(Member::Suggestions)
            .with_index(1)
            .with(Member::Reply)
            .with(Member::Text);
        let path = path.as_str();
        assert_eq!(names.label(path), "Card 2 › Button 2 › Text");
        let chip = content
            .with(Member::Suggestions)
            .with_index(0)
            .with(Member::Reply)
            .with(Member::Text);
        assert_eq!(names.label(chip.as_str()), "Chip 1 › Text");
        let title = cards.with_index(0).with(Member::Title);
        assert_eq!(names.label(title.as_str()), "Card 1 › Card title");
        let group = Group {
            code: Code::TooLong,
            path: path.to_owned(),
            rows: 212,
            first_row: 4,
            example: String::new(),
        };
        assert_eq!(
            names.line(&group),
            "212 rows: Card 2 › Button 2 › Text is over 25 characters"
        );
    }
}
