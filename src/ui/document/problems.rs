//! The one problem list, in plain words: what the service will reject, what the phone cuts,
//! what other phones do differently, and what else is worth knowing. Each entry names its
//! field as the editor does (`rcs::label`), keeps the API paths for a tooltip, and jumps to
//! the first of them. Repeated carousel findings are one entry naming the cards.

use std::sync::Arc;

use crate::rcs::issue::{Code, Issue};
use crate::rcs::label::{SEPARATOR, label};
use crate::rcs::phone::{Finding, Merged, merge};

/// The groups of the list, in the order it shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Errors: the service refuses the request (or its `ValidationException` named the field).
    Reject,
    /// What Google Messages cuts or shows differently from what the template says.
    Phone,
    /// What iOS (Apple Messages) does differently.
    OtherPhones,
    /// Accepted warnings about the request itself, such as a member the service ignores.
    Notes,
}

impl Group {
    pub const ALL: [Self; 4] = [Self::Reject, Self::Phone, Self::OtherPhones, Self::Notes];

    #[must_use]
    pub fn heading(self) -> &'static str {
        match self {
            Self::Reject => "The service will reject",
            Self::Phone => "On the phone",
            Self::OtherPhones => "Other phones",
            Self::Notes => "Worth knowing",
        }
    }

    /// The group any issue is listed in, the phone's findings included: the field's own
    /// line under it looks like its entry in the list.
    #[must_use]
    pub fn of(issue: &Issue) -> Self {
        if is_finding(issue.code) {
            Self::of_finding(issue.code)
        } else {
            Self::of_issue(issue)
        }
    }

    /// The group of an issue that is not one of the phone's findings.
    fn of_issue(issue: &Issue) -> Self {
        if issue.is_error() {
            return Self::Reject;
        }
        match issue.code {
            // Google Messages may cut a title that is long in bytes; a placeholder that is not
            // filled in reaches the phone with its braces.
            Code::MayBeTruncated | Code::UnclosedPlaceholder | Code::UnfilledPlaceholder => {
                Self::Phone
            }
            _ => Self::Notes,
        }
    }

    /// The group of one of the phone's findings.
    fn of_finding(code: Code) -> Self {
        match code {
            Code::PhoneIosMediaHeight
            | Code::PhoneIosHorizontal
            | Code::PhoneIosGif
            | Code::PhoneIosLink
            | Code::PhoneIosCarouselCrop => Self::OtherPhones,
            // Cuts, and a message too large for Google RBM to deliver to the phone at all.
            _ => Self::Phone,
        }
    }
}

/// Whether `code` is one of `rcs::phone`'s findings (which the list takes from the findings
/// themselves, to merge them, rather than from the issues made of them).
fn is_finding(code: Code) -> bool {
    matches!(
        code,
        Code::PhoneTextCut
            | Code::PhoneSuggestionDropped
            | Code::PhoneIosMediaHeight
            | Code::PhoneIosHorizontal
            | Code::PhoneIosGif
            | Code::PhoneIosLink
            | Code::PhoneIosCarouselCrop
            | Code::PhoneMessageTooLarge
    )
}

/// One line of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub group: Group,
    /// The field in the editor's words: "Cards 2–10 › Card description"; "Message" for the
    /// template as a whole.
    pub label: String,
    /// What is wrong or what happens, without naming the field again.
    pub message: String,
    /// The API paths concerned (one per card for a merged line); a click shows the first.
    pub paths: Vec<String>,
    /// [`Self::line`] and [`Self::hover`], made once: the list is drawn every frame.
    line: String,
    hover: String,
}

impl Entry {
    /// "Card 1 › Card description: The description shows 1 of its 3 lines: …". A message
    /// that starts by naming the field again reads on from the label instead: "Card ›
    /// Button 2 is not shown: …", not "Card › Button 2: Button 2 is not shown: …".
    #[must_use]
    pub fn line(&self) -> &str {
        &self.line
    }

    /// The entry's tooltip: the API paths, and what a click does.
    #[must_use]
    pub fn hover(&self) -> &str {
        &self.hover
    }

    fn new(group: Group, label: String, message: String, paths: Vec<String>) -> Self {
        let field = label.rsplit(SEPARATOR).next().unwrap_or(&label);
        let line = match message.strip_prefix(field) {
            Some(rest) if rest.starts_with(' ') => format!("{label}{rest}"),
            _ => format!("{label}: {message}"),
        };
        let hover = match paths.as_slice() {
            [] => "The template as a whole".to_owned(),
            [path] if path.is_empty() => "The template as a whole".to_owned(),
            [path] => format!("{path} — click to show this field"),
            _ => format!(
                "{}\n— click to show the first card's field",
                paths.join("\n")
            ),
        };
        Self {
            group,
            label,
            message,
            paths,
            line,
            hover,
        }
    }

    /// The field a click shows.
    #[must_use]
    pub fn jump(&self) -> &str {
        self.paths.first().map_or("", String::as_str)
    }

    fn of_issue(issue: &Issue) -> Self {
        Self::new(
            Group::of_issue(issue),
            named(&issue.path),
            issue.message.clone(),
            vec![issue.path.clone()],
        )
    }

    fn of_merged(m: Merged) -> Self {
        let first = m.paths.first().map_or("", String::as_str);
        let mut label = named(first);
        // A merged line names all its cards where the first card's label names one.
        if let (Some(cards), Some(&card)) = (m.cards_named(), m.cards.first()) {
            let one = format!("Card {}", card + 1);
            if label == one {
                label = cards;
            } else if let Some(rest) = label.strip_prefix(&format!("{one}{SEPARATOR}")) {
                label = format!("{cards}{SEPARATOR}{rest}");
            }
        }
        Self::new(Group::of_finding(m.code), label, m.what, m.paths)
    }
}

/// One issue as a line of its own, in the Checks list's words: "Destination phone number is
/// required.", "Card 2 › Button 1 › Text: Reply text is 32 characters; …".
#[must_use]
pub fn issue_line(issue: &Issue) -> String {
    Entry::of_issue(issue).line
}

/// The editor's name for `path`, or the path itself when the editor has none.
fn named(path: &str) -> String {
    if path.is_empty() {
        "Message".to_owned()
    } else {
        label(path).unwrap_or_else(|| path.to_owned())
    }
}

/// The list: entries grouped in [`Group::ALL`]'s order.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Problems {
    pub entries: Vec<Entry>,
}

impl Problems {
    /// The list of `issues` (the validator's, the service's, the audience columns'; the
    /// issues made of phone findings are skipped) and the phone's `findings`, merged.
    #[must_use]
    pub fn new(issues: &[Issue], findings: &[Finding]) -> Self {
        let mut entries: Vec<Entry> = issues
            .iter()
            .filter(|i| !is_finding(i.code))
            .map(Entry::of_issue)
            .collect();
        entries.extend(merge(findings).into_iter().map(Entry::of_merged));
        // Stable: within a group, issues keep their order, then the findings theirs.
        entries.sort_by_key(|e| Group::ALL.iter().position(|g| *g == e.group));
        Self { entries }
    }

    /// The entries of `group`.
    pub fn of(&self, group: Group) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| e.group == group)
    }

    #[must_use]
    pub fn count(&self, group: Group) -> usize {
        self.of(group).count()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A list made again only when what it is made of changes: a keystroke seldom changes it,
/// and making it names every field anew.
#[derive(Debug, Default)]
pub struct Memo {
    made_of: Option<(Vec<Issue>, Vec<Finding>)>,
    made: Arc<Problems>,
}

impl Memo {
    /// [`Problems::new`] of `issues` and `findings`: the last list when they are the same.
    pub fn get(&mut self, issues: &[Issue], findings: &[Finding]) -> Arc<Problems> {
        if !self
            .made_of
            .as_ref()
            .is_some_and(|(i, f)| i == issues && f == findings)
        {
            self.made_of = Some((issues.to_vec(), findings.to_vec()));
            self.made = Arc::new(Problems::new(issues, findings));
        }
        Arc::clone(&self.made)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rcs::codec;
    use crate::rcs::path::{Member, PathBuf};
    use crate::rcs::phone::Rendering;
    use crate::rcs::validate::{Mode, validate};

    fn problems_of(json: &str) -> Problems {
        let request = codec::parse(json).unwrap().request;
        let issues = validate(&request, Mode::Template);
        Problems::new(&issues, &Rendering::of(&request).findings)
    }

    fn lines(p: &Problems, group: Group) -> Vec<&str> {
        p.of(group).map(Entry::line).collect()
    }

    #[test]
    fn the_coffee_carousel_reads_as_one_line_per_finding_not_one_per_card() {
        let p = problems_of(include_str!(
            "../../../assets/examples/carousel-coffee-menu.json"
        ));
        assert_eq!(p.count(Group::Reject), 0);
        assert_eq!(
            lines(&p, Group::Phone),
            [
                "Card 1 › Card description: The description shows 1 of its 3 lines: the card has no room for it.",
                "Cards 2–10 › Card description: The description shows 1 of its 3 lines: every card of a carousel is as tall as the first.",
            ]
        );
        assert_eq!(
            lines(&p, Group::OtherPhones),
            [
                "Cards 1–10 › Media height: iOS ignores the media height.",
                "Carousel: iOS crops the images of a carousel.",
            ]
        );
        let merged = p.of(Group::Phone).nth(1).unwrap();
        assert_eq!(merged.paths.len(), 9);
        let card_2 = PathBuf::of(&[
            Member::RcsMessageContent,
            Member::Content,
            Member::Carousel,
            Member::CardContents,
        ])
        .with_index(1)
        .with(Member::Description);
        assert_eq!(
            merged.jump(),
            card_2.as_str(),
            "a click shows the first card's field"
        );
    }

    #[test]
    fn a_tall_card_names_the_buttons_it_drops() {
        let p = problems_of(include_str!(
            "../../../tests/fixtures/phone-tall-card-two-buttons.json"
        ));
        assert_eq!(
            lines(&p, Group::Phone),
            [
                "Card › Button 1 is not shown: the card has no room for it.",
                "Card › Button 2 is not shown: the card has no room for it.",
            ]
        );
        assert_eq!(p.count(Group::OtherPhones), 1);
        assert!(!p.is_empty());
    }

    #[test]
    fn errors_come_first_and_other_warnings_are_worth_knowing() {
        let p = problems_of(include_str!("../../../tests/fixtures/reply-too-long.json"));
        assert_eq!(
            lines(&p, Group::Reject),
            ["Chip 1 › Text: Reply text is 26 characters; the limit is 25."]
        );
        assert_eq!(p.entries[0].group, Group::Reject);
        let p = problems_of(include_str!(
            "../../../tests/fixtures/warning-alignment.json"
        ));
        assert_eq!(p.count(Group::Reject), 0);
        assert_eq!(p.count(Group::Notes), 1, "{p:?}");
        assert!(
            p.of(Group::Notes)
                .all(|e| e.label == "Thumbnail image alignment")
        );
    }

    #[test]
    fn the_service_verdict_is_among_what_it_rejects() {
        let rejected = Issue::error(
            Member::DestinationPhoneNumber.name(),
            Code::RejectedByService,
            "The service rejected this field: blocked.",
        );
        let p = Problems::new(&[rejected], &[]);
        assert_eq!(
            lines(&p, Group::Reject),
            ["Destination phone number: The service rejected this field: blocked."]
        );
    }

    #[test]
    fn the_memo_makes_the_list_again_only_when_what_it_is_made_of_changes() {
        let request = codec::parse(include_str!(
            "../../../assets/examples/carousel-coffee-menu.json"
        ))
        .unwrap()
        .request;
        let issues = validate(&request, Mode::Template);
        let findings = Rendering::of(&request).findings;
        let mut memo = Memo::default();
        let first = memo.get(&issues, &findings);
        assert!(Arc::ptr_eq(&first, &memo.get(&issues, &findings)));
        assert_eq!(*first, Problems::new(&issues, &findings));
        // A finding fewer, then an issue more: each is a new list, and the right one.
        let fewer = &findings[1..];
        let second = memo.get(&issues, fewer);
        assert!(!Arc::ptr_eq(&first, &second));
        assert_eq!(*second, Problems::new(&issues, fewer));
        let rejected = [Issue::error("", Code::RejectedByService, "blocked")];
        assert_eq!(*memo.get(&rejected, fewer), Problems::new(&rejected, fewer));
    }

    #[test]
    fn an_entry_tooltip_names_its_paths_and_what_a_click_does() {
        let p = problems_of(include_str!(
            "../../../assets/examples/carousel-coffee-menu.json"
        ));
        let merged = p.of(Group::Phone).nth(1).unwrap();
        assert!(merged.paths.len() > 1);
        assert!(merged.hover().starts_with(&merged.paths[0]));
        assert!(
            merged
                .hover()
                .ends_with("— click to show the first card's field")
        );
        let one = Problems::new(
            &[Issue::error(
                Member::DestinationPhoneNumber.name(),
                Code::RejectedByService,
                "blocked",
            )],
            &[],
        );
        assert_eq!(
            one.entries[0].hover(),
            "DestinationPhoneNumber — click to show this field"
        );
        let whole = Problems::new(&[Issue::error("", Code::RejectedByService, "x")], &[]);
        assert_eq!(whole.entries[0].hover(), "The template as a whole");
    }
}
