//! Generation numbers: a count of changes of one thing (the connection, the document). A
//! request carries the generation it was made for, and its answer is used only while that
//! generation is current: a slow answer about the previous connection must not land in the
//! panels of the new one.

/// One generation of a thing that changes.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Generation(u64);

impl Generation {
    /// The thing changed: requests made before are stale from now on.
    pub fn advance(&mut self) {
        self.0 += 1;
    }

    /// Whether an answer to a request made at `asked` is about the current generation.
    #[must_use]
    pub fn is_current(self, asked: Generation) -> bool {
        self == asked
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_for_an_older_generation_is_stale() {
        let mut g = Generation::default();
        let asked = g;
        assert!(g.is_current(asked));
        g.advance();
        assert!(!g.is_current(asked));
        assert!(g.is_current(g));
    }
}
