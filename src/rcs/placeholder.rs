//! Placeholders in template text: `{{name}}` and `{{name|default}}`.
//!
//! The name is the text between the braces up to the first `|`, trimmed, so that
//! `{{ First Name }}` matches an audience column headed `First Name`. The default is taken
//! verbatim (`{{title|}}` allows an empty value). A `{{` with no `}}` after it is plain text,
//! and so is `{{}}` (no name): both are sent as written.

/// One piece of a text: literal characters or a placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment<'a> {
    Literal(&'a str),
    Placeholder {
        name: &'a str,
        default: Option<&'a str>,
    },
}

/// A placeholder found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placeholder<'a> {
    pub name: &'a str,
    pub default: Option<&'a str>,
}

/// The segments of `text`, in order. Never allocates for a text without `{{`.
pub fn segments(text: &str) -> impl Iterator<Item = Segment<'_>> {
    Segments { rest: text }
}

struct Segments<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Segments<'a> {
    type Item = Segment<'a>;

    fn next(&mut self) -> Option<Segment<'a>> {
        if self.rest.is_empty() {
            return None;
        }
        match next_placeholder(self.rest) {
            Some((0, end, placeholder)) => {
                self.rest = &self.rest[end..];
                Some(Segment::Placeholder {
                    name: placeholder.name,
                    default: placeholder.default,
                })
            }
            Some((start, _, _)) => {
                let (literal, rest) = self.rest.split_at(start);
                self.rest = rest;
                Some(Segment::Literal(literal))
            }
            None => {
                let literal = self.rest;
                self.rest = "";
                Some(Segment::Literal(literal))
            }
        }
    }
}

/// The first well-formed placeholder in `text`: its byte range and parts.
fn next_placeholder(text: &str) -> Option<(usize, usize, Placeholder<'_>)> {
    let mut from = 0;
    loop {
        let open = from + text[from..].find("{{")?;
        let inner_start = open + 2;
        let close = inner_start + text[inner_start..].find("}}")?;
        let inner = &text[inner_start..close];
        // `{{a {{b}}`: the first `{{` is text; the placeholder is the innermost one.
        if let Some(nested) = inner.rfind("{{") {
            from = inner_start + nested;
            continue;
        }
        let (name, default) = match inner.split_once('|') {
            Some((name, default)) => (name.trim(), Some(default)),
            None => (inner.trim(), None),
        };
        if name.is_empty() {
            from = inner_start;
            continue;
        }
        return Some((open, close + 2, Placeholder { name, default }));
    }
}

/// The placeholders of `text`, in order.
pub fn placeholders(text: &str) -> impl Iterator<Item = Placeholder<'_>> {
    segments(text).filter_map(|s| match s {
        Segment::Placeholder { name, default } => Some(Placeholder { name, default }),
        Segment::Literal(_) => None,
    })
}

/// True when `text` holds a `{{`: the quick test before looking for placeholders. Most texts
/// have none, and a keystroke looks through every text of a message twice or more, up to ten
/// descriptions of 2,000 characters: a search for the `{` bytes alone (`memchr`, vectorised)
/// took a few percent of a keystroke frame off `str::contains`.
#[must_use]
pub fn opens(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'{', bytes).any(|i| bytes.get(i + 1) == Some(&b'{'))
}

/// True when `text` holds at least one well-formed placeholder.
#[must_use]
pub fn has_placeholder(text: &str) -> bool {
    opens(text) && next_placeholder(text).is_some()
}

/// True when `text` has a `{{` that no placeholder closes: likely a typo, sent as written.
#[must_use]
pub fn has_unclosed(text: &str) -> bool {
    if !opens(text) {
        return false;
    }
    segments(text).any(|s| matches!(s, Segment::Literal(l) if opens(l)))
}

/// The number of characters outside placeholders: the least a filled-in text can be.
#[must_use]
pub fn literal_chars(text: &str) -> usize {
    segments(text)
        .map(|s| match s {
            Segment::Literal(l) => l.chars().count(),
            Segment::Placeholder { .. } => 0,
        })
        .sum()
}

/// Why a placeholder could not be filled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfilled {
    pub name: String,
}

/// Fills every placeholder of `text` from `value` (a column's cell by name; `None` or an empty
/// cell falls back to the default). Values are inserted as they are and never scanned again,
/// so a cell holding `{{x}}` is sent as written. Returns the names that had neither a value
/// nor a default; those placeholders are left empty.
pub fn fill<'v>(
    text: &str,
    value: &impl Fn(&str) -> Option<&'v str>,
    out: &mut String,
    unfilled: &mut Vec<Unfilled>,
) {
    out.clear();
    for segment in segments(text) {
        match segment {
            Segment::Literal(l) => out.push_str(l),
            Segment::Placeholder { name, default } => {
                match (value(name).filter(|v| !v.is_empty()), default) {
                    (Some(v), _) => out.push_str(v),
                    (None, Some(d)) => out.push_str(d),
                    (None, None) => unfilled.push(Unfilled {
                        name: name.to_owned(),
                    }),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_finds_a_double_brace_where_contains_does() {
        let pieces = ["{", "{{", "}", "x", "é", "{x{", "}}{"];
        for t in &crate::rcs::pieced::texts_of(&pieces, 3) {
            assert_eq!(opens(t), t.contains("{{"), "{t:?}");
        }
        assert!(opens(&format!("{}{{{{first_name}}}}", "a".repeat(1990))));
        assert!(!opens("{ a } { b }"));
    }

    fn parts(text: &str) -> Vec<Segment<'_>> {
        segments(text).collect()
    }

    #[test]
    fn splits_text_and_placeholders() {
        assert_eq!(
            parts("Hi {{first_name}}, {{ City | Paris}}!"),
            vec![
                Segment::Literal("Hi "),
                Segment::Placeholder {
                    name: "first_name",
                    default: None
                },
                Segment::Literal(", "),
                Segment::Placeholder {
                    name: "City",
                    default: Some(" Paris")
                },
                Segment::Literal("!"),
            ]
        );
        assert_eq!(parts("plain"), vec![Segment::Literal("plain")]);
        assert!(parts("").is_empty());
    }

    #[test]
    fn names_are_trimmed_and_may_hold_spaces() {
        let p: Vec<_> = placeholders("{{ First Name }}").collect();
        assert_eq!(p[0].name, "First Name");
    }

    #[test]
    fn unclosed_and_empty_braces_are_text() {
        assert!(!has_placeholder("Hi {{first_name"));
        assert!(has_unclosed("Hi {{first_name"));
        assert!(!has_placeholder("{{}} and {{ |x}}"));
        assert!(!has_unclosed("Hi {{first_name}}"));
        assert!(has_unclosed("{{a}} then {{b"));
        assert!(!has_unclosed("no braces"));
    }

    #[test]
    fn innermost_placeholder_wins() {
        assert_eq!(
            parts("{{a {{b}}"),
            vec![
                Segment::Literal("{{a "),
                Segment::Placeholder {
                    name: "b",
                    default: None
                }
            ]
        );
    }

    #[test]
    fn literal_part_counts_characters() {
        assert_eq!(literal_chars("Ça {{x}} va"), 6);
        assert_eq!(literal_chars("{{link}}"), 0);
    }

    #[test]
    fn fills_values_defaults_and_reports_missing() {
        let cells = |name: &str| match name {
            "first_name" => Some("Zoë"),
            "city" => Some(""),
            "code" => Some("{{first_name}}"),
            _ => None,
        };
        let mut out = String::new();
        let mut unfilled = Vec::new();
        fill(
            "Hi {{first_name}} from {{city|Lyon}}, {{code}} {{missing}}",
            &cells,
            &mut out,
            &mut unfilled,
        );
        assert_eq!(out, "Hi Zoë from Lyon, {{first_name}} ");
        assert_eq!(
            unfilled,
            vec![Unfilled {
                name: "missing".into()
            }]
        );
        fill("{{city|}}", &cells, &mut out, &mut unfilled);
        assert_eq!(out, "");
        assert_eq!(unfilled.len(), 1, "an empty default is a value");
    }
}
