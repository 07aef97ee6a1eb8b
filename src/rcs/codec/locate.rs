//! Where a field path is in a template's JSON text, so that a problem found by path can be
//! shown at its line. The text must be valid JSON (a syntax error carries its own position).

/// The byte offset of the member or element `path` names (`A.B[2].C`): the opening quote of
/// the last member's key, or the first byte of the last element. `None` when the path does not
/// lead anywhere in `text` (then its nearest parent that does is the best place to show it).
#[must_use]
pub fn locate(text: &str, path: &str) -> Option<usize> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        at: 0,
    };
    scanner.skip_space();
    let mut found = scanner.at;
    for step in steps(path) {
        found = match step {
            Step::Member(name) => scanner.enter_member(name)?,
            Step::Index(n) => scanner.enter_element(n)?,
        };
    }
    Some(found)
}

/// The 1-based line and column (in characters) of byte `offset` of `text`.
#[must_use]
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

enum Step<'a> {
    Member(&'a str),
    Index(usize),
}

/// `A.B[2].C` as member, member, index, member. A Context key with a dot in it splits in two
/// and is then not found: its parent is shown instead.
fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (name, mut rest) = part.split_once('[').map_or((part, ""), |(n, r)| (n, r));
        if !name.is_empty() {
            out.push(Step::Member(name));
        }
        while let Some((index, after)) = rest.split_once(']') {
            if let Ok(n) = index.parse() {
                out.push(Step::Index(n));
            }
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    out
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.at += 1;
        }
    }

    /// At an object: moves to the value of key `name`; returns where its key starts.
    fn enter_member(&mut self, name: &str) -> Option<usize> {
        self.skip_space();
        if self.peek()? != b'{' {
            return None;
        }
        self.at += 1;
        loop {
            self.skip_space();
            if self.peek()? == b'}' {
                return None;
            }
            let key_start = self.at;
            let key = self.string()?;
            self.skip_space();
            if self.peek()? != b':' {
                return None;
            }
            self.at += 1;
            self.skip_space();
            if key == name {
                return Some(key_start);
            }
            self.skip_value()?;
            self.skip_space();
            if self.peek()? == b',' {
                self.at += 1;
            }
        }
    }

    /// At an array: moves to element `n`; returns where it starts.
    fn enter_element(&mut self, n: usize) -> Option<usize> {
        self.skip_space();
        if self.peek()? != b'[' {
            return None;
        }
        self.at += 1;
        for _ in 0..n {
            self.skip_space();
            if self.peek()? == b']' {
                return None;
            }
            self.skip_value()?;
            self.skip_space();
            if self.peek()? == b',' {
                self.at += 1;
            }
        }
        self.skip_space();
        (self.peek()? != b']').then_some(self.at)
    }

    /// A string's raw text between its quotes (escapes left as written: member names have none).
    fn string(&mut self) -> Option<&'a str> {
        if self.peek()? != b'"' {
            return None;
        }
        let start = self.at + 1;
        self.at = start;
        loop {
            match self.peek()? {
                b'\\' => self.at += 2,
                b'"' => break,
                _ => self.at += 1,
            }
        }
        let s = std::str::from_utf8(self.bytes.get(start..self.at)?).ok();
        self.at += 1;
        s
    }

    fn skip_value(&mut self) -> Option<()> {
        self.skip_space();
        match self.peek()? {
            b'"' => {
                self.string()?;
            }
            open @ (b'{' | b'[') => {
                let close = if open == b'{' { b'}' } else { b']' };
                self.at += 1;
                loop {
                    self.skip_space();
                    match self.peek()? {
                        b if b == close => {
                            self.at += 1;
                            break;
                        }
                        b',' | b':' => self.at += 1,
                        _ => self.skip_value()?,
                    }
                }
            }
            _ => {
                while self
                    .peek()
                    .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
                {
                    self.at += 1;
                }
            }
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"{
  "RcsMessageContent": {
    "Content": {
      "Carousel": {
        "CardWidth": "MEDIUM",
        "CardContents": [
          { "Title": "a, \"quoted\" [x]" },
          { "Title": "b", "Colour": "red" }
        ]
      }
    }
  },
  "Context": { "k": "v" }
}"#;

    fn at(path: &str) -> Option<(usize, usize)> {
        locate(TEXT, path).map(|o| line_col(TEXT, o))
    }

    #[test]
    fn finds_members_and_elements_past_strings_with_brackets() {
        assert_eq!(at("RcsMessageContent"), Some((2, 3)));
        assert_eq!(
            at("RcsMessageContent.Content.Carousel.CardContents[1].Colour"),
            Some((8, 27))
        );
        assert_eq!(
            at("RcsMessageContent.Content.Carousel.CardContents[0]"),
            Some((7, 11))
        );
        assert_eq!(at("Context.k"), Some((13, 16)));
    }

    #[test]
    fn a_path_that_leads_nowhere_is_none() {
        assert_eq!(
            at("RcsMessageContent.Content.Carousel.CardContents[2]"),
            None
        );
        assert_eq!(at("Nope"), None);
        assert_eq!(at("Context.k.deeper"), None);
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(line_col("é\"x\"", 3), (1, 3));
        assert_eq!(line_col("a\nb", 2), (2, 1));
    }
}
