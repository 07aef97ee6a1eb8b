//! Member paths in AWS notation: `RcsMessageContent.Content.Carousel.CardContents[3].Title`.

/// A growable path that the validator pushes members onto and truncates back, so that walking
/// a message allocates nothing unless an issue is reported.
#[derive(Debug, Default, Clone)]
pub struct PathBuf {
    buf: String,
}

/// A point to truncate back to.
#[derive(Debug, Clone, Copy)]
pub struct Mark(usize);

impl PathBuf {
    #[must_use]
    pub fn new() -> Self {
        Self {
            buf: String::with_capacity(128),
        }
    }

    /// Appends `.name` (or `name` at the root).
    pub fn member(&mut self, name: &str) -> Mark {
        let mark = Mark(self.buf.len());
        if !self.buf.is_empty() {
            self.buf.push('.');
        }
        self.buf.push_str(name);
        mark
    }

    /// Appends `[index]`.
    pub fn index(&mut self, index: usize) -> Mark {
        use std::fmt::Write;
        let mark = Mark(self.buf.len());
        // Reason: writing to a String cannot fail.
        let _ = write!(self.buf, "[{index}]");
        mark
    }

    pub fn reset(&mut self, mark: Mark) {
        self.buf.truncate(mark.0);
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.buf
    }
}

/// Joins a parent path and a member name.
#[must_use]
pub fn join(parent: &str, member: &str) -> String {
    if parent.is_empty() {
        member.to_owned()
    } else {
        format!("{parent}.{member}")
    }
}

/// True when `path` is `parent` or lies inside it (`parent.x`, `parent[2]`).
#[must_use]
pub fn is_at_or_under(path: &str, parent: &str) -> bool {
    if parent.is_empty() {
        return true;
    }
    path.strip_prefix(parent)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_and_resets() {
        let mut p = PathBuf::new();
        let root = p.member("RcsMessageContent");
        p.member("Content");
        let m = p.member("Carousel");
        p.member("CardContents");
        p.index(3);
        assert_eq!(
            p.as_str(),
            "RcsMessageContent.Content.Carousel.CardContents[3]"
        );
        p.reset(m);
        assert_eq!(p.as_str(), "RcsMessageContent.Content");
        p.reset(root);
        assert_eq!(p.as_str(), "");
    }

    #[test]
    fn containment() {
        assert!(is_at_or_under("A.B[1].C", "A.B"));
        assert!(is_at_or_under("A.B", "A.B"));
        assert!(!is_at_or_under("A.BC", "A.B"));
        assert!(is_at_or_under("A", ""));
    }
}
