//! A side panel's width as the user chose it. A window made narrower squeezes the panel into
//! the room it has; egui then remembers the squeezed width, so growing the window again would
//! leave the panel narrow. This gives the chosen width back once there is room for it.

/// What one side panel was given and shown in the last frame, and the width the user chose.
#[derive(Debug, Clone, Copy)]
pub struct SideWidth {
    /// The width chosen by dragging the panel's edge (at first, its default width).
    chosen: f32,
    /// The room the panel had and the width it took, in the last frame.
    last: Option<(f32, f32)>,
    /// This frame holds the panel at a width of ours: its change is not the user's.
    holding: bool,
}

impl SideWidth {
    #[must_use]
    pub const fn new(default: f32) -> Self {
        Self {
            chosen: default,
            last: None,
            holding: false,
        }
    }

    /// `panel` with `room` as its widest: held for this frame at the chosen width when it is
    /// narrower than that and the room has grown enough to give it back. Call it after the
    /// panel's `default_size`, which would widen the range again.
    pub fn panel(&mut self, panel: egui::Panel, min: f32, room: f32) -> egui::Panel {
        let panel = panel.size_range(min..=room);
        self.holding = matches!(
            self.last,
            Some((_, shown)) if shown + 0.5 < self.chosen && shown + 0.5 < room
        );
        if self.holding {
            panel.exact_size(self.chosen.min(room))
        } else {
            panel
        }
    }

    /// The panel took `shown` with `room` as its widest. A width that changed while the room
    /// stayed the same is the user's choice (the edge dragged); one squeezed by the room is
    /// not.
    pub fn shown(&mut self, room: f32, shown: f32) {
        if let Some((last_room, last_shown)) = self.last
            && !self.holding
            && (last_room - room).abs() < 0.5
            && (last_shown - shown).abs() >= 0.5
        {
            self.chosen = shown;
        }
        self.last = Some((room, shown));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_width_squeezed_by_the_window_is_not_taken_for_the_users_choice() {
        let mut w = SideWidth::new(420.0);
        w.shown(900.0, 420.0);
        // The window narrows: the panel is squeezed to its room, twice.
        w.shown(300.0, 300.0);
        w.shown(250.0, 250.0);
        assert!((w.chosen - 420.0).abs() < f32::EPSILON);
        // The user drags the edge while the window stays put.
        w.shown(250.0, 240.0);
        assert!((w.chosen - 240.0).abs() < f32::EPSILON);
        w.shown(900.0, 240.0);
        assert!((w.chosen - 240.0).abs() < f32::EPSILON);
    }

    #[test]
    fn the_chosen_width_comes_back_as_far_as_the_room_allows() {
        let panel = || egui::Panel::right("p");
        let mut w = SideWidth::new(420.0);
        let _ = w.panel(panel(), 220.0, 900.0);
        w.shown(900.0, 420.0);
        let _ = w.panel(panel(), 220.0, 250.0);
        assert!(!w.holding, "a squeezed panel is egui's to size");
        w.shown(250.0, 250.0);
        // Room for 380 of the 420: held there, and 380 is not taken for a choice.
        let _ = w.panel(panel(), 220.0, 380.0);
        assert!(w.holding);
        w.shown(380.0, 380.0);
        let _ = w.panel(panel(), 220.0, 380.0);
        w.shown(380.0, 380.0);
        assert!((w.chosen - 420.0).abs() < f32::EPSILON);
        // Room for all of it: held at 420, then left alone.
        let _ = w.panel(panel(), 220.0, 900.0);
        assert!(w.holding);
        w.shown(900.0, 420.0);
        let _ = w.panel(panel(), 220.0, 900.0);
        assert!(!w.holding);
    }
}
