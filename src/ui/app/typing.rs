//! Typing first: a frame's keystrokes reach the focused editor field before anything is drawn.
//!
//! Drawn in order, a keystroke would reach its field in the middle of the frame, after the
//! preview, the Checks list and the field's own counter were drawn from the draft before it;
//! the frame would have to be laid out twice (egui's discard pass) to show the edit
//! everywhere. Instead, when the frame's input is only typing into the field that had the
//! keyboard last frame, that field's input runs first, unseen, where it was drawn (so its text
//! wraps at the same width and egui reuses the layout), the edit is derived, and the frame is
//! drawn once from the edited draft.
//!
//! The unseen input registers the field's widget first in its layer, so for the next frame's
//! hit test the field lies under anything drawn over it; nothing that senses clicks is (a
//! scroll area's drag-to-scroll background exists only on touch screens).

use egui::{Event, Key, Rect, Ui, UiBuilder};

use super::App;
use crate::rcs::walk;
use crate::ui::document::Edit;
use crate::ui::views::editor::form::{self, InputId};

impl App {
    /// Applies this frame's typing to the field that has the keyboard, if that is all the
    /// frame's input does; the field, drawn later in the frame, finds it done.
    pub(super) fn type_first(&mut self, ui: &mut Ui) {
        self.editor.typed_first = None;
        let ctx = ui.ctx().clone();
        let Some(typing) = self.editor.typing.clone() else {
            return;
        };
        let ready = ctx.current_pass_index() == 0
            && self.repair.is_none()
            && self.dialog.is_none()
            && ctx.memory(egui::Memory::focused) == Some(typing.id)
            && ctx.input(|i| only_typing(&i.events));
        if !ready {
            return;
        }
        let Some(current) =
            walk::with_slot(&mut self.doc.draft.request, &typing.path, |s| s.clone())
        else {
            return;
        };
        let mut buffer = current.unwrap_or_default();
        let columns = self
            .campaign
            .scanned
            .as_ref()
            .map(|s| s.audience.columns.as_slice());
        let mut unseen = ui.new_child(
            UiBuilder::new()
                .max_rect(typing.rect)
                .layer_id(typing.layer)
                .id_salt("typing-first"),
        );
        // Nothing of it is painted or hovered: the field itself is drawn later in the frame.
        unseen.set_clip_rect(Rect::NOTHING);
        let output = form::text_input(
            &mut unseen,
            &mut buffer,
            typing.multiline,
            columns,
            InputId::Exact(typing.id),
        );
        // Consumed: the field drawn later must not type them again.
        ctx.input_mut(|i| i.events.retain(|e| !types(e)));
        if output.response.response.changed() {
            self.editor.typed_first = Some(typing.id);
            let after = (!buffer.is_empty()).then_some(buffer);
            walk::with_slot(&mut self.doc.draft.request, &typing.path, |slot| {
                *slot = after;
            });
            self.after_edit(&Edit::Field(typing.path), ctx.input(|i| i.time));
        }
    }
}

/// An event that types into a text field.
fn types(event: &Event) -> bool {
    match event {
        Event::Text(_) | Event::Paste(_) => true,
        Event::Key { key, pressed, .. } => *pressed && matches!(key, Key::Backspace | Key::Delete),
        _ => false,
    }
}

/// The press of a key that only comes with the character it types (the window system sends
/// the character as its own `Text` event): a text field does nothing with it. Keys that move
/// the cursor or the focus, and any combination with Ctrl, Alt or Command, are not.
fn goes_with_text(event: &Event) -> bool {
    let Event::Key {
        key,
        pressed: true,
        modifiers,
        ..
    } = event
    else {
        return false;
    };
    let chord = modifiers.ctrl || modifiers.alt || modifiers.command || modifiers.mac_cmd;
    let moves = matches!(
        key,
        Key::Enter
            | Key::Tab
            | Key::Escape
            | Key::ArrowDown
            | Key::ArrowLeft
            | Key::ArrowRight
            | Key::ArrowUp
            | Key::Home
            | Key::End
            | Key::PageUp
            | Key::PageDown
            | Key::Insert
    );
    !chord && !moves
}

/// True for a frame's events that type into a text field and do nothing else: a click, a
/// shortcut, Enter or Tab in the same frame goes the usual way, through the whole frame.
fn only_typing(events: &[Event]) -> bool {
    let mut typed = false;
    for event in events {
        if types(event) {
            typed = true;
        } else if !goes_with_text(event)
            && !matches!(
                event,
                Event::PointerMoved(_) | Event::MouseMoved(_) | Event::Key { pressed: false, .. }
            )
        {
            return false;
        }
    }
    typed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(key: Key, pressed: bool) -> Event {
        Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        }
    }

    fn with(key: Key, modifiers: egui::Modifiers) -> Event {
        Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers,
        }
    }

    #[test]
    fn characters_paste_and_deletions_with_pointer_moves_are_typing() {
        let moved = Event::PointerMoved(egui::pos2(1.0, 2.0));
        assert!(only_typing(&[moved, Event::Text("x".into())]));
        // As a window system sends a typed character: the key's press and its text.
        assert!(only_typing(&[key(Key::X, true), Event::Text("x".into())]));
        let shift = egui::Modifiers::SHIFT;
        assert!(only_typing(&[with(Key::X, shift), Event::Text("X".into())]));
        assert!(only_typing(&[
            key(Key::Space, true),
            Event::Text(" ".into())
        ]));
        assert!(only_typing(&[
            key(Key::Backspace, true),
            key(Key::Backspace, false)
        ]));
        assert!(only_typing(&[Event::Paste("hello".into())]));
        assert!(only_typing(&[key(Key::Delete, true)]));
    }

    #[test]
    fn a_frame_without_a_keystroke_is_not_typing() {
        assert!(!only_typing(&[]));
        assert!(!only_typing(&[Event::PointerMoved(egui::pos2(1.0, 2.0))]));
        assert!(!only_typing(&[key(Key::Backspace, false)]));
    }

    #[test]
    fn anything_else_in_the_frame_goes_the_usual_way() {
        let click = Event::PointerButton {
            pos: egui::pos2(1.0, 2.0),
            button: egui::PointerButton::Primary,
            pressed: true,
            modifiers: egui::Modifiers::NONE,
        };
        assert!(!only_typing(&[Event::Text("x".into()), click]));
        assert!(!only_typing(&[
            Event::Text("x".into()),
            key(Key::Enter, true)
        ]));
        assert!(!only_typing(&[
            key(Key::Tab, true),
            Event::Text("x".into())
        ]));
        assert!(!only_typing(&[Event::Copy, Event::Text("x".into())]));
        assert!(!only_typing(&[key(Key::ArrowLeft, true)]));
        assert!(!only_typing(&[
            key(Key::Home, true),
            Event::Text("x".into())
        ]));
        // A press without its text types nothing: nothing to do first.
        assert!(!only_typing(&[key(Key::X, true)]));
        let ctrl = egui::Modifiers::CTRL;
        assert!(!only_typing(&[with(Key::A, ctrl), Event::Text("x".into())]));
        let command = egui::Modifiers::COMMAND;
        assert!(!only_typing(&[
            with(Key::V, command),
            Event::Paste("x".into())
        ]));
    }
}
