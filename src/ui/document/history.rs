//! The undo history, kept explicitly: every discrete action (add, move, delete, a kind
//! switch) is a step of its own, and typing in one field coalesces into one step until the
//! user pauses or moves to another field. (egui's `Undoer` snapshots the state when it has
//! been still for a moment, so a "Move left" right after typing a title went into the same
//! step as the typing.)

/// How long a pause in typing ends the step, in seconds.
pub const TYPING_PAUSE: f64 = 1.5;

/// Steps kept; the oldest are forgotten.
const MAX_STEPS: usize = 200;

/// What kind of change an edit was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Typing (or dragging a value) in the field at this path: consecutive edits of the same
    /// field are one step.
    Field(String),
    /// A discrete action: always a step of its own.
    Action,
}

impl Edit {
    /// The edit that wins when one frame made two (an action is never merged away).
    #[must_use]
    pub fn merge(self, other: Edit) -> Edit {
        match (self, other) {
            (Edit::Field(a), Edit::Field(b)) if a == b => Edit::Field(a),
            _ => Edit::Action,
        }
    }
}

/// States before each step, and the states undone (for redo).
#[derive(Debug)]
pub struct History<T> {
    undo: Vec<T>,
    redo: Vec<T>,
    /// The field being typed in and when it last changed, while its step is open.
    typing: Option<(String, f64)>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            typing: None,
        }
    }
}

impl<T> History<T> {
    /// Records an edit made at `now` (seconds). `before` gives the state before it, and is
    /// called only when the edit opens a new step.
    pub fn record(&mut self, edit: &Edit, now: f64, before: impl FnOnce() -> T) {
        if !self.continues(edit, now) {
            self.undo.push(before());
            if self.undo.len() > MAX_STEPS {
                self.undo.remove(0);
            }
        }
        self.go_on(edit, now);
    }

    /// Records `edit` at `now` as part of the open step (see [`Self::continues`]).
    pub fn go_on(&mut self, edit: &Edit, now: f64) {
        self.redo.clear();
        self.typing = match edit {
            Edit::Field(path) => Some((path.clone(), now)),
            Edit::Action => None,
        };
    }

    /// Whether `edit` at `now` goes on with the step being typed (same field, no pause).
    #[must_use]
    pub fn continues(&self, edit: &Edit, now: f64) -> bool {
        match (edit, &self.typing) {
            (Edit::Field(path), Some((typing, at))) => path == typing && now - at < TYPING_PAUSE,
            _ => false,
        }
    }

    /// The state before the last step; `current` becomes redoable.
    pub fn undo(&mut self, current: T) -> Option<T> {
        let previous = self.undo.pop()?;
        self.redo.push(current);
        self.typing = None;
        Some(previous)
    }

    /// The state the last undo left; `current` becomes undoable again.
    pub fn redo(&mut self, current: T) -> Option<T> {
        let next = self.redo.pop()?;
        self.undo.push(current);
        self.typing = None;
        Some(next)
    }

    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(p: &str) -> Edit {
        Edit::Field(p.to_owned())
    }

    #[test]
    fn typing_in_one_field_is_one_step_and_an_action_is_its_own() {
        let mut h = History::default();
        let mut state = String::new();
        let mut now = 0.0;
        for c in "Title".chars() {
            let before = state.clone();
            state.push(c);
            h.record(&field("T"), now, || before);
            now += 0.1;
        }
        let before = state.clone();
        state = format!("moved {state}");
        h.record(&Edit::Action, 0.6, || before);
        state = h.undo(state).unwrap();
        assert_eq!(state, "Title", "the first undo takes back only the action");
        state = h.undo(state).unwrap();
        assert_eq!(state, "", "the second the typing");
        assert!(!h.can_undo());
        state = h.redo(state).unwrap();
        state = h.redo(state).unwrap();
        assert_eq!(state, "moved Title");
    }

    #[test]
    fn a_pause_or_another_field_starts_a_new_step() {
        let mut h = History::default();
        h.record(&field("A"), 0.0, || 0);
        h.record(&field("A"), 0.5, || 1);
        h.record(&field("A"), 0.5 + TYPING_PAUSE, || 2);
        h.record(&field("B"), 2.1, || 3);
        assert_eq!(h.undo(4), Some(3));
        assert_eq!(h.undo(3), Some(2));
        assert_eq!(h.undo(2), Some(0));
        assert_eq!(h.undo(0), None);
    }

    #[test]
    fn an_edit_after_undo_drops_the_redo_steps() {
        let mut h = History::default();
        h.record(&Edit::Action, 0.0, || 0);
        assert_eq!(h.undo(1), Some(0));
        h.record(&Edit::Action, 1.0, || 0);
        assert!(!h.can_redo());
    }

    #[test]
    fn two_edits_in_one_frame_merge_to_an_action_unless_same_field() {
        assert_eq!(field("A").merge(field("A")), field("A"));
        assert_eq!(field("A").merge(field("B")), Edit::Action);
        assert_eq!(field("A").merge(Edit::Action), Edit::Action);
    }
}
