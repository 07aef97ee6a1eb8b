//! The one validator. It walks a request once, reads every number from the limits table and
//! returns every issue at once, each at its member's path.

mod content;
mod request;
mod suggestions;

use crate::rcs::issue::{Code, Issue, Severity};
use crate::rcs::limits::{Field, Required};
use crate::rcs::model::SendRcsMessageRequest;
use crate::rcs::path::{Member, PathBuf};
use crate::rcs::patterns::{Mismatch, Pattern};
use crate::rcs::placeholder;

/// What the request is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A template: destination and origination may be left for send time.
    Template,
    /// About to be sent: destination and origination are required.
    Send,
}

/// How `{{placeholders}}` in personal fields are judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Placeholders {
    /// A template: each audience row fills them in later, so a field holding one is judged
    /// per row; now only its literal part can be too long.
    Pending,
    /// The text is what the service receives: braces are sent as written.
    Literal,
}

/// Checks a request against every rule of the seed and the service model.
///
/// A template ([`Mode::Template`]) may hold `{{placeholders}}` in its personal fields; a
/// request about to be sent ([`Mode::Send`]) is taken literally.
#[must_use]
pub fn validate(request: &SendRcsMessageRequest, mode: Mode) -> Vec<Issue> {
    let placeholders = match mode {
        Mode::Template => Placeholders::Pending,
        Mode::Send => Placeholders::Literal,
    };
    run(request, mode, placeholders)
}

/// Checks one audience row's message, its placeholders filled in: taken literally, with the
/// template's requirements (the origination may still come at send time).
#[must_use]
pub fn validate_filled(request: &SendRcsMessageRequest) -> Vec<Issue> {
    run(request, Mode::Template, Placeholders::Literal)
}

fn run(request: &SendRcsMessageRequest, mode: Mode, placeholders: Placeholders) -> Vec<Issue> {
    let mut v = Validator {
        path: PathBuf::new(),
        issues: Vec::new(),
        mode,
        placeholders,
        subject: None,
    };
    v.request(request);
    v.issues
}

/// Checks one string value against its field's rule (length, pattern, allowed values), for
/// inputs that are not yet part of a request, such as a test phone number to remember.
#[must_use]
pub fn check_value(field: Field, value: &str) -> Vec<Issue> {
    let mut v = Validator {
        path: PathBuf::new(),
        issues: Vec::new(),
        mode: Mode::Send,
        placeholders: Placeholders::Literal,
        subject: None,
    };
    v.text_value(field, value);
    v.issues
}

struct Validator {
    path: PathBuf,
    issues: Vec<Issue>,
    mode: Mode,
    placeholders: Placeholders,
    /// The action whose members are being checked ("Reply"), to name them in messages.
    subject: Option<&'static str>,
}

impl Validator {
    fn report(&mut self, severity: Severity, code: Code, message: String) {
        self.issues.push(Issue {
            path: self.path.as_str().to_owned(),
            severity,
            code,
            message,
        });
    }

    fn error(&mut self, code: Code, message: String) {
        self.report(Severity::Error, code, message);
    }

    fn warn(&mut self, code: Code, message: String) {
        self.report(Severity::Warning, code, message);
    }

    /// Runs `f` with `member` appended to the path.
    fn at<R>(&mut self, member: Member, f: impl FnOnce(&mut Self) -> R) -> R {
        let mark = self.path.member(member);
        let result = f(self);
        self.path.reset(mark);
        result
    }

    /// Runs `f` with a map key (a Context key) appended to the path.
    fn at_key<R>(&mut self, key: &str, f: impl FnOnce(&mut Self) -> R) -> R {
        let mark = self.path.key(key);
        let result = f(self);
        self.path.reset(mark);
        result
    }

    fn at_index<R>(&mut self, index: usize, f: impl FnOnce(&mut Self) -> R) -> R {
        let mark = self.path.index(index);
        let result = f(self);
        self.path.reset(mark);
        result
    }

    fn label(&self, field: Field) -> String {
        let rule = field.rule();
        match self.subject {
            Some(subject) => action_member(subject, rule.label),
            None => rule.title(),
        }
    }

    fn is_required(&self, field: Field) -> bool {
        match field.rule().required {
            Required::Yes => true,
            Required::ForSend => self.mode == Mode::Send,
            Required::No => false,
        }
    }

    /// Reports a missing member when the table says it is required. Returns the value.
    fn present<'a, T: ?Sized>(
        &mut self,
        member: Member,
        field: Field,
        value: Option<&'a T>,
    ) -> Option<&'a T> {
        if value.is_none() && self.is_required(field) {
            let message = format!("{} is required.", self.label(field));
            self.at(member, |v| v.error(Code::MissingRequired, message));
        }
        value
    }

    /// Checks a string member: presence, length, UTF-8 byte budget, pattern, allowed values.
    fn text(&mut self, member: Member, field: Field, value: Option<&str>) {
        let Some(value) = self.present(member, field, value) else {
            return;
        };
        self.at(member, |v| v.text_value(field, value));
    }

    /// Checks a string value at the current path.
    fn text_value(&mut self, field: Field, value: &str) {
        let rule = field.rule();
        if rule.personal
            && crate::rcs::placeholder::opens(value)
            && self.placeholder_text(field, value)
        {
            return;
        }
        if let Some((min, max)) = rule.length {
            // A string's byte length bounds its character count from above, so counting is
            // needed only for strings longer in bytes than the limit (keeps validation fast).
            let chars = if value.len() <= max {
                None
            } else {
                Some(value.chars().count())
            };
            let too_long = chars.is_some_and(|n| n > max);
            let short = if min <= 1 {
                value.is_empty()
            } else {
                value.chars().count() < min
            };
            if too_long {
                let n = chars.unwrap_or_default();
                let message = format!(
                    "{} is {n} characters; the limit is {max}.",
                    self.label(field)
                );
                self.error(Code::TooLong, message);
            } else if short {
                let n = value.chars().count();
                let message = if n == 0 {
                    format!(
                        "{} is empty; it needs at least {min} {}.",
                        self.label(field),
                        plural(min, "character")
                    )
                } else {
                    format!(
                        "{} is {n} {}; it needs at least {min}.",
                        self.label(field),
                        plural(n, "character")
                    )
                };
                self.error(Code::TooShort, message);
            } else if let Some(soft) = rule.soft_bytes
                && value.len() > soft
            {
                let message = format!(
                    "{} is {} bytes in UTF-8 ({} characters); AWS accepts it, but Google Messages counts bytes and may cut it after {soft}.",
                    self.label(field),
                    value.len(),
                    value.chars().count()
                );
                self.warn(Code::MayBeTruncated, message);
            }
        }
        if let Some(pattern) = rule.pattern
            && !value.is_empty()
            && !pattern.matches(value)
        {
            let code = if pattern == Pattern::NotBlank {
                Code::Blank
            } else {
                Code::InvalidFormat
            };
            let message = match pattern.mismatch(value) {
                Mismatch::Incomplete(advice) => {
                    format!("{} is only {}: {advice}.", self.label(field), quote(value))
                }
                Mismatch::Must(requirement) => format!(
                    "{} must {requirement}; got {}.",
                    self.label(field),
                    quote(value)
                ),
            };
            self.error(code, message);
        }
        if !rule.allowed.is_empty() && !rule.allowed.contains(&value) {
            let message = format!(
                "{} is {}; use one of {}.",
                self.label(field),
                quote(value),
                rule.allowed.join(", ")
            );
            self.error(Code::InvalidValue, message);
        }
    }

    /// Judges the placeholders of a personal field. Returns true when the value can only be
    /// judged once an audience row fills it in (nothing more to check now).
    fn placeholder_text(&mut self, field: Field, value: &str) -> bool {
        let rule = field.rule();
        match self.placeholders {
            Placeholders::Pending => {
                if placeholder::has_unclosed(value) {
                    let message = format!(
                        "{} has a '{{{{' without '}}}}'; it is sent as written. Close the placeholder: {{{{name}}}}.",
                        self.label(field)
                    );
                    self.warn(Code::UnclosedPlaceholder, message);
                }
                if !placeholder::has_placeholder(value) {
                    return false;
                }
                if let Some((_, max)) = rule.length {
                    let n = placeholder::literal_chars(value);
                    if n > max {
                        let message = format!(
                            "{} is {n} characters without its placeholders; the limit is {max}.",
                            self.label(field)
                        );
                        self.error(Code::TooLong, message);
                    }
                }
                true
            }
            Placeholders::Literal => {
                if let Some(p) = placeholder::placeholders(value).next() {
                    let message = format!(
                        "{} holds the placeholder '{{{{{}}}}}', which is sent as written; a campaign fills it from its audience.",
                        self.label(field),
                        p.name
                    );
                    self.warn(Code::UnfilledPlaceholder, message);
                }
                false
            }
        }
    }

    /// Checks the element count of a list or map member. Returns whether it is present.
    fn count(&mut self, member: Member, field: Field, len: Option<usize>) -> bool {
        let Some(n) = self.present(member, field, len.as_ref()).copied() else {
            return false;
        };
        if let Some((min, max)) = field.rule().count {
            let label = self.label(field);
            if n > max {
                let message = format!(
                    "{label}: {n} given; at most {max} {} allowed.",
                    if max == 1 { "is" } else { "are" }
                );
                self.at(member, |v| v.error(Code::TooMany, message));
            } else if n < min {
                let message = format!(
                    "{label}: {n} given; at least {min} {} needed.",
                    if min == 1 { "is" } else { "are" }
                );
                self.at(member, |v| v.error(Code::TooFew, message));
            }
        }
        true
    }

    /// Checks a numeric member against its range.
    fn number(&mut self, member: Member, field: Field, value: Option<f64>) {
        let Some(value) = self.present(member, field, value.as_ref()).copied() else {
            return;
        };
        if let Some((min, max)) = field.rule().range
            && !(min..=max).contains(&value)
        {
            let message = format!(
                "{} is {}; it must be between {} and {}.",
                self.label(field),
                number(value),
                number(min),
                number(max)
            );
            self.at(member, |v| v.error(Code::OutOfRange, message));
        }
    }
}

/// An action's member named for a message: "Reply text". Words the action's name ends with
/// and the member's starts with are said once: "Dial phone number", not "Dial phone phone
/// number". When nothing of the member is left, it is the action's address: the URL of Open
/// URL is "Open URL address", not "Open URL URL".
fn action_member(subject: &str, member: &str) -> String {
    let subject_words: Vec<&str> = subject.split(' ').collect();
    let member_words: Vec<&str> = member.split(' ').collect();
    let longest = subject_words.len().min(member_words.len());
    let overlap = (1..=longest)
        .rev()
        .find(|&n| {
            subject_words[subject_words.len() - n..]
                .iter()
                .zip(&member_words[..n])
                .all(|(a, b)| a.eq_ignore_ascii_case(b))
        })
        .unwrap_or(0);
    let rest = member_words[overlap..].join(" ");
    if rest.is_empty() {
        format!("{subject} address")
    } else {
        format!("{subject} {rest}")
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_owned()
    } else {
        format!("{word}s")
    }
}

/// A value for a message: quoted, shortened when long.
fn quote(value: &str) -> String {
    const SHOWN: usize = 40;
    if value.chars().count() <= SHOWN {
        format!("'{value}'")
    } else {
        let head: String = value.chars().take(SHOWN).collect();
        format!("'{head}…'")
    }
}

/// A number as people write it: no trailing ".0".
fn number(value: f64) -> String {
    format!("{value}")
}

#[cfg(test)]
mod tests;
