//! The one table of constraints on the members of the account operations (agents, spend limit,
//! configuration sets, event destinations), from the service model that botocore and the AWS
//! SDKs are generated from; `docs/service-constraints.md` cites each number. The account
//! validators in [`crate::rcs::account`] read it, and through them the window, the command line
//! and the sandbox; no other place states these numbers.
//!
//! A string that is present is checked even when it is empty: "empty means not set" is the
//! editor's meaning of an empty text field, never the meaning of a member in a request or of
//! an item in a list.

use crate::rcs::issue::{Code, Issue};
use crate::rcs::patterns::Pattern;

/// The character classes of the model's string patterns, matched whole-string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chars {
    /// `[A-Za-z0-9_-]+`: names the caller chooses (configuration sets, event destinations).
    Name,
    /// `[A-Za-z0-9_:/-]+`: a name, an id or an ARN.
    NameOrArn,
    /// `[/\.:A-Za-z0-9+_-]+`: filter values.
    FilterValue,
    /// `arn:\S+`: an ARN.
    Arn,
    /// `\S+`: no white space.
    NoWhitespace,
    /// `.+`: anything on one line.
    OneLine,
    /// `.*`: anything.
    Any,
}

impl Chars {
    #[must_use]
    pub fn matches(self, s: &str) -> bool {
        let all = |ok: fn(u8) -> bool| !s.is_empty() && s.bytes().all(ok);
        match self {
            Self::Name => all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'),
            Self::NameOrArn => Pattern::ResourceName.matches(s),
            Self::FilterValue => all(|b| b.is_ascii_alphanumeric() || b"/.:+_-".contains(&b)),
            Self::Arn => s
                .strip_prefix("arn:")
                .is_some_and(|rest| Self::NoWhitespace.matches(rest)),
            Self::NoWhitespace => !s.is_empty() && Pattern::NoWhitespace.matches(s),
            Self::OneLine => !s.is_empty() && !s.contains(['\n', '\r', '\u{2028}', '\u{2029}']),
            Self::Any => true,
        }
    }

    /// The pattern as the service model writes it.
    #[must_use]
    pub const fn regex(self) -> &'static str {
        match self {
            Self::Name => r"[A-Za-z0-9_-]+",
            Self::NameOrArn => r"[A-Za-z0-9_:/-]+",
            Self::FilterValue => r"[/\.:A-Za-z0-9+_-]+",
            Self::Arn => r"arn:\S+",
            Self::NoWhitespace => r"\S+",
            Self::OneLine => r".+",
            Self::Any => r".*",
        }
    }

    /// What a value must do, completing "<field> must …".
    #[must_use]
    pub const fn requirement(self) -> &'static str {
        match self {
            Self::Name => "contain only letters, digits, _ and -",
            Self::NameOrArn => "contain only letters, digits and _ : / -",
            Self::FilterValue => "contain only letters, digits and / . : + _ -",
            Self::Arn => "be an ARN (arn:aws:…) without white space",
            Self::NoWhitespace => "contain no white space",
            Self::OneLine => "fit on one line",
            Self::Any => "be text",
        }
    }
}

/// The constraints on one member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountRule {
    /// A short name for messages: "Filter value".
    pub label: &'static str,
    /// The model's shape; for a member the published model does not describe yet, the member.
    pub shape: &'static str,
    /// True when the published model does not state this constraint and it is inferred
    /// (`docs/service-constraints.md` says from what).
    pub inferred: bool,
    /// Inclusive character-count range of a present string; `None` as maximum: no limit.
    pub length: Option<(usize, Option<usize>)>,
    pub pattern: Option<Chars>,
    /// Inclusive element-count range of a present list; `None` as maximum: no limit.
    pub count: Option<(usize, Option<usize>)>,
    /// Inclusive range of a number.
    pub range: Option<(i64, i64)>,
}

impl AccountRule {
    const fn new(label: &'static str, shape: &'static str) -> Self {
        Self {
            label,
            shape,
            inferred: false,
            length: None,
            pattern: None,
            count: None,
            range: None,
        }
    }
    const fn inferred(mut self) -> Self {
        self.inferred = true;
        self
    }
    const fn text(mut self, min: usize, max: usize, pattern: Chars) -> Self {
        self.length = Some((min, Some(max)));
        self.pattern = Some(pattern);
        self
    }
    const fn list(mut self, min: usize, max: usize) -> Self {
        self.count = Some((min, Some(max)));
        self
    }
    const fn range(mut self, min: i64, max: i64) -> Self {
        self.range = Some((min, max));
        self
    }

    /// The constraint in words, as `docs/service-constraints.md` states it.
    #[must_use]
    pub fn summary(&self) -> String {
        let span = |(min, max): (usize, Option<usize>), unit: &str| match max {
            Some(max) => format!("{min}–{max} {unit}"),
            None if min == 0 => format!("any number of {unit}"),
            None if min == 1 => format!("at least 1 {}", unit.trim_end_matches('s')),
            None => format!("at least {min} {unit}"),
        };
        let mut parts = Vec::new();
        if let Some(length) = self.length {
            parts.push(span(length, "characters"));
        }
        if let Some(p) = self.pattern.filter(|p| *p != Chars::Any) {
            parts.push(format!("`{}`", p.regex()));
        }
        if let Some(count) = self.count {
            parts.push(span(count, "items"));
        }
        if let Some((min, max)) = self.range {
            parts.push(format!("{min}–{max}"));
        }
        parts.join(", ")
    }
}

/// Every constrained member of the account operations, named by what it is; a list and the
/// strings in it are two entries (`FilterValues`, `FilterValue`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AccountField {
    RcsAgentId,
    RcsAgentIds,
    Filters,
    FilterValues,
    FilterValue,
    NextToken,
    MaxResults,
    Tags,
    TagKey,
    TagValue,
    OptOutListName,
    TwoWayChannelArn,
    TwoWayChannelRole,
    TwoWayMediaS3BucketName,
    TwoWayMediaS3KeyPrefix,
    TwoWayMediaS3Role,
    TwoWayRcsEventsEnabled,
    TwoWayRcsEvent,
    MonthlyLimit,
    ConfigurationSetNames,
    ConfigurationSetNameOrArn,
    NewConfigurationSetName,
    EventDestinationName,
    EventDestinations,
    MatchingEventTypes,
    IamRoleArn,
    LogGroupArn,
    DeliveryStreamArn,
    SnsTopicArn,
}

/// Every entry, for the documentation test.
pub const ALL_ACCOUNT_FIELDS: &[AccountField] = &[
    AccountField::RcsAgentId,
    AccountField::RcsAgentIds,
    AccountField::Filters,
    AccountField::FilterValues,
    AccountField::FilterValue,
    AccountField::NextToken,
    AccountField::MaxResults,
    AccountField::Tags,
    AccountField::TagKey,
    AccountField::TagValue,
    AccountField::OptOutListName,
    AccountField::TwoWayChannelArn,
    AccountField::TwoWayChannelRole,
    AccountField::TwoWayMediaS3BucketName,
    AccountField::TwoWayMediaS3KeyPrefix,
    AccountField::TwoWayMediaS3Role,
    AccountField::TwoWayRcsEventsEnabled,
    AccountField::TwoWayRcsEvent,
    AccountField::MonthlyLimit,
    AccountField::ConfigurationSetNames,
    AccountField::ConfigurationSetNameOrArn,
    AccountField::NewConfigurationSetName,
    AccountField::EventDestinationName,
    AccountField::EventDestinations,
    AccountField::MatchingEventTypes,
    AccountField::IamRoleArn,
    AccountField::LogGroupArn,
    AccountField::DeliveryStreamArn,
    AccountField::SnsTopicArn,
];

impl AccountField {
    /// The table itself.
    #[must_use]
    pub const fn rule(self) -> AccountRule {
        use AccountRule as R;
        use Chars as C;
        match self {
            Self::RcsAgentId => {
                R::new("RCS agent id", "RcsAgentIdOrArn").text(1, 256, C::NameOrArn)
            }
            Self::RcsAgentIds => R::new("RCS agent ids", "RcsAgentIdList").list(0, 5),
            Self::Filters => {
                R::new("Filters", "RcsAgentFilterList, ConfigurationSetFilterList").list(0, 20)
            }
            Self::FilterValues => R::new("Filter values", "FilterValueList").list(1, 20),
            Self::FilterValue => R::new("Filter value", "FilterValue").text(1, 128, C::FilterValue),
            Self::NextToken => R::new("Next token", "NextToken").text(1, 1024, C::OneLine),
            Self::MaxResults => R::new("Maximum results", "MaxResults").range(1, 100),
            Self::Tags => R::new("Tags", "TagList").list(0, 200),
            Self::TagKey => R::new("Tag key", "TagKey").text(1, 128, C::OneLine),
            Self::TagValue => R::new("Tag value", "TagValue").text(0, 256, C::Any),
            Self::OptOutListName => {
                R::new("Opt-out list", "OptOutListNameOrArn").text(1, 256, C::NameOrArn)
            }
            Self::TwoWayChannelArn => {
                R::new("Two-way channel ARN", "TwoWayChannelArn").text(20, 2048, C::NoWhitespace)
            }
            Self::TwoWayChannelRole => {
                R::new("Two-way channel role", "IamRoleArn").text(20, 2048, C::Arn)
            }
            // The bucket and the role may be UNSET_RCS_MEDIA_CONFIGURATION: no bucket-name or
            // ARN pattern, only white space is refused.
            Self::TwoWayMediaS3BucketName => {
                R::new("Inbound media bucket", "TwoWayMediaS3BucketName")
                    .inferred()
                    .text(3, 63, C::NoWhitespace)
            }
            Self::TwoWayMediaS3KeyPrefix => {
                R::new("Inbound media key prefix", "TwoWayMediaS3KeyPrefix")
                    .inferred()
                    .text(1, 1024, C::OneLine)
            }
            Self::TwoWayMediaS3Role => R::new("Inbound media role", "TwoWayMediaS3Role")
                .inferred()
                .text(20, 2048, C::NoWhitespace),
            Self::TwoWayRcsEventsEnabled => R {
                count: Some((0, None)),
                ..R::new("Two-way RCS events", "TwoWayRcsEventsEnabled").inferred()
            },
            Self::TwoWayRcsEvent => R {
                length: Some((1, None)),
                pattern: Some(C::NoWhitespace),
                ..R::new("Two-way RCS event type", "TwoWayRcsEventsEnabled item").inferred()
            },
            Self::MonthlyLimit => R::new("Monthly limit", "MonthlyLimit")
                .inferred()
                .range(0, 1_000_000_000),
            Self::ConfigurationSetNames => {
                R::new("Configuration sets", "ConfigurationSetNameList").list(0, 5)
            }
            Self::ConfigurationSetNameOrArn => {
                R::new("Configuration set", "ConfigurationSetNameOrArn").text(1, 256, C::NameOrArn)
            }
            Self::NewConfigurationSetName => {
                R::new("Configuration set name", "ConfigurationSetName").text(1, 64, C::Name)
            }
            Self::EventDestinationName => {
                R::new("Event destination name", "EventDestinationName").text(1, 64, C::Name)
            }
            // A service quota, not a shape of the model.
            Self::EventDestinations => R::new("Event destinations", "EventDestinationList")
                .inferred()
                .list(0, 5),
            Self::MatchingEventTypes => R::new("Matching event types", "EventTypeList").list(1, 43),
            Self::IamRoleArn => R::new("IAM role", "IamRoleArn").text(20, 2048, C::Arn),
            Self::LogGroupArn => R::new("Log group", "LogGroupArn").text(20, 2048, C::Arn),
            Self::DeliveryStreamArn => {
                R::new("Delivery stream", "DeliveryStreamArn").text(20, 2048, C::Arn)
            }
            Self::SnsTopicArn => R::new("SNS topic", "SnsTopicArn").text(20, 2048, C::Arn),
        }
    }
}

/// `"…"` for messages, shortened past 40 characters.
fn quote(value: &str) -> String {
    let mut chars = value.chars();
    let head: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() {
        format!("\"{head}…\"")
    } else {
        format!("\"{head}\"")
    }
}

/// Checks a present string member at `path` against its rule: its length (an empty string
/// is too short, never "not set"), and the pattern of a non-empty value.
pub fn check_text(field: AccountField, path: &str, value: &str, issues: &mut Vec<Issue>) {
    let rule = field.rule();
    if let Some((min, max)) = rule.length {
        let n = value.chars().count();
        if n < min {
            let message = if n == 0 {
                format!(
                    "{} is empty; when present it needs at least {min} character{}.",
                    rule.label,
                    if min == 1 { "" } else { "s" }
                )
            } else {
                format!("{} is {n} characters; it needs at least {min}.", rule.label)
            };
            issues.push(Issue::error(path, Code::TooShort, message));
        } else if let Some(max) = max.filter(|max| n > *max) {
            let message = format!("{} is {n} characters; the limit is {max}.", rule.label);
            issues.push(Issue::error(path, Code::TooLong, message));
        }
    }
    if let Some(p) = rule.pattern
        && !value.is_empty()
        && !p.matches(value)
    {
        let message = format!(
            "{} must {}; got {}.",
            rule.label,
            p.requirement(),
            quote(value)
        );
        issues.push(Issue::error(path, Code::InvalidFormat, message));
    }
}

/// Checks a present list at `path`: its element count, then every string in it at
/// `path[i]` against `item`.
pub fn check_list(
    list: AccountField,
    item: AccountField,
    path: &str,
    values: &[String],
    issues: &mut Vec<Issue>,
) {
    check_count(list, path, values.len(), issues);
    for (i, value) in values.iter().enumerate() {
        check_text(item, &format!("{path}[{i}]"), value, issues);
    }
}

/// Checks the element count of a present list at `path`.
pub fn check_count(list: AccountField, path: &str, n: usize, issues: &mut Vec<Issue>) {
    let rule = list.rule();
    let Some((min, max)) = rule.count else {
        return;
    };
    if n < min {
        let message = format!("{}: {n} given; at least {min} needed.", rule.label);
        issues.push(Issue::error(path, Code::TooFew, message));
    } else if let Some(max) = max.filter(|max| n > *max) {
        let message = format!("{}: {n} given; at most {max} allowed.", rule.label);
        issues.push(Issue::error(path, Code::TooMany, message));
    }
}

/// Checks a number at `path` against its range.
pub fn check_number(field: AccountField, path: &str, value: i64, issues: &mut Vec<Issue>) {
    let rule = field.rule();
    if let Some((min, max)) = rule.range
        && !(min..=max).contains(&value)
    {
        let message = format!(
            "{} is {value}; it must be between {min} and {max}.",
            rule.label
        );
        issues.push(Issue::error(path, Code::OutOfRange, message));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(field: AccountField, value: &str) -> Vec<Code> {
        let mut issues = Vec::new();
        check_text(field, "X", value, &mut issues);
        issues.iter().map(|i| i.code).collect()
    }

    #[test]
    fn every_range_is_ordered() {
        for field in ALL_ACCOUNT_FIELDS {
            let rule = field.rule();
            for (min, max) in [rule.length, rule.count].into_iter().flatten() {
                assert!(max.is_none_or(|max| min <= max), "{field:?}");
            }
            if let Some((min, max)) = rule.range {
                assert!(min <= max, "{field:?}");
            }
        }
    }

    #[test]
    fn patterns() {
        assert!(Chars::Name.matches("rcs-campaigns_2") && !Chars::Name.matches("a:b"));
        assert!(Chars::NameOrArn.matches("arn:aws:sms-voice:us-east-1:1:rcs-agent/rcs-1"));
        assert!(Chars::FilterValue.matches("+14255550123") && !Chars::FilterValue.matches("a b"));
        assert!(Chars::Arn.matches("arn:aws:iam::1:role/r") && !Chars::Arn.matches("arn:"));
        assert!(!Chars::Arn.matches("my-topic") && !Chars::Arn.matches("arn:aws:x y"));
        assert!(Chars::OneLine.matches("team name") && !Chars::OneLine.matches("a\nb"));
        assert!(!Chars::OneLine.matches("") && Chars::Any.matches(""));
        assert!(Chars::NoWhitespace.matches("x") && !Chars::NoWhitespace.matches(""));
    }

    #[test]
    fn an_empty_string_is_too_short_unless_the_model_allows_it() {
        assert_eq!(text(AccountField::TagKey, ""), [Code::TooShort]);
        assert_eq!(text(AccountField::FilterValue, ""), [Code::TooShort]);
        assert_eq!(text(AccountField::TwoWayRcsEvent, ""), [Code::TooShort]);
        assert!(
            text(AccountField::TagValue, "").is_empty(),
            "TagValue: min 0"
        );
    }

    #[test]
    fn lengths_count_characters() {
        assert!(text(AccountField::TagKey, &"é".repeat(128)).is_empty());
        assert_eq!(
            text(AccountField::TagKey, &"é".repeat(129)),
            [Code::TooLong]
        );
        assert_eq!(
            text(AccountField::IamRoleArn, "arn:aws:iam::1:r"),
            [Code::TooShort]
        );
    }

    #[test]
    fn lists_and_numbers() {
        let mut issues = Vec::new();
        let values = vec!["a".to_owned(), String::new()];
        check_list(
            AccountField::FilterValues,
            AccountField::FilterValue,
            "Filters[0].Values",
            &values,
            &mut issues,
        );
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].path, "Filters[0].Values[1]");
        check_count(AccountField::FilterValues, "V", 0, &mut issues);
        check_count(AccountField::FilterValues, "V", 21, &mut issues);
        check_number(AccountField::MaxResults, "MaxResults", 0, &mut issues);
        check_number(AccountField::MaxResults, "MaxResults", 100, &mut issues);
        let codes: Vec<Code> = issues[1..].iter().map(|i| i.code).collect();
        assert_eq!(codes, [Code::TooFew, Code::TooMany, Code::OutOfRange]);
    }

    #[test]
    fn the_documentation_states_every_rule() {
        let doc = include_str!("../../docs/service-constraints.md");
        for field in ALL_ACCOUNT_FIELDS {
            let rule = field.rule();
            let row = format!("| {} | {} |", rule.shape, rule.summary());
            assert!(
                doc.lines().any(|l| l.contains(&row)),
                "{field:?}: the doc has no line containing {row}"
            );
        }
    }
}
