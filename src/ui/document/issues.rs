//! The issues of the document, looked up by path: the editor shows each at its field.

use std::collections::HashMap;

use crate::rcs::issue::Issue;

/// The validator's (and the service's) issues, looked up by path.
#[derive(Debug, Default)]
pub struct IssueIndex {
    pub all: Vec<Issue>,
    by_path: HashMap<String, Vec<usize>>,
}

impl IssueIndex {
    #[must_use]
    pub fn new(all: Vec<Issue>) -> Self {
        let mut by_path: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, issue) in all.iter().enumerate() {
            by_path.entry(issue.path.clone()).or_default().push(i);
        }
        Self { all, by_path }
    }

    pub fn at(&self, path: &str) -> impl Iterator<Item = &Issue> {
        self.by_path
            .get(path)
            .into_iter()
            .flatten()
            .map(|&i| &self.all[i])
    }

    #[must_use]
    pub fn errors(&self) -> usize {
        self.all.iter().filter(|i| i.is_error()).count()
    }

    #[must_use]
    pub fn warnings(&self) -> usize {
        self.all.len() - self.errors()
    }
}
