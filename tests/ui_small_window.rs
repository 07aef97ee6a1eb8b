//! The window at its minimum size and at 1024×700 through `egui_kittest`: every editor tab is
//! reachable, every field and counter lies inside the editor's panel (not under its scroll
//! bar, not past its edge), and the preview folds away and stays folded.
#![expect(clippy::unwrap_used, reason = "tests fail loudly by design")]

mod support;

use egui::Rect;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use rcs_composer::ui::app::MIN_WINDOW;
use rcs_composer::ui::views::editor::Tab;
use support::{ScriptedPicker, app, examples, harness_sized, settle};

type H = egui_kittest::Harness<'static, rcs_composer::ui::app::EframeApp>;

const SIZES: [[f32; 2]; 2] = [MIN_WINDOW, [1024.0, 700.0]];

/// A saved copy of the rich card example (counters, a Context, the fallback) in a fresh root.
fn open(size: [f32; 2]) -> (tempfile::TempDir, H) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sale.json");
    std::fs::copy(examples().join("rich-card-winter-sale.json"), &file).unwrap();
    let h = harness_sized(dir.path(), Some(file), ScriptedPicker::answering(&[]), size);
    (dir, h)
}

/// A counter's text: `12/25`.
fn is_counter(text: &str) -> bool {
    text.split_once('/').is_some_and(|(n, max)| {
        !n.is_empty()
            && !max.is_empty()
            && n.chars().all(|c| c.is_ascii_digit())
            && max.chars().all(|c| c.is_ascii_digit())
    })
}

/// The rects of the text fields and counters shown in the editor's scroll area (those that
/// start inside its columns and lie within its visible height), with what they are.
fn shown(h: &H, viewport: Rect) -> Vec<(String, Rect)> {
    let mut out = Vec::new();
    let inputs = h
        .query_all_by_role(Role::TextInput)
        .chain(h.query_all_by_role(Role::MultilineTextInput));
    for node in inputs {
        let name = node.accesskit_node().label().unwrap_or_default();
        out.push((format!("field {name:?}"), node.rect()));
    }
    for node in h.query_all_by_role(Role::Label) {
        let text = node.value().unwrap_or_default();
        if is_counter(&text) {
            out.push((format!("counter {text}"), node.rect()));
        }
    }
    out.retain(|(_, r)| {
        r.left() >= viewport.left() - 0.5
            && r.left() < viewport.right()
            && r.top() >= viewport.top() - 0.5
            && r.bottom() <= viewport.bottom() + 0.5
    });
    out
}

/// Scrolls the editor's content from the top to the end, checking at each position that the
/// fields and counters shown fit across the viewport; returns how many were checked.
fn every_field_fits(h: &mut H, what: &str) -> usize {
    let viewport = app(h).editor_viewport().unwrap();
    h.hover_at(viewport.center());
    let mut checked = 0;
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..40 {
        let now = shown(h, viewport);
        for (name, rect) in &now {
            assert!(
                rect.right() <= viewport.right() + 0.5,
                "{what}: {name} ends at x={} past the panel's inside (x ≤ {})",
                rect.right(),
                viewport.right()
            );
        }
        checked += now.len();
        let first = now.first().map(|(n, r)| (n.clone(), r.top().to_bits()));
        if !seen.insert(first) {
            break;
        }
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -viewport.height() * 0.6),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        h.run_steps(3);
    }
    checked
}

fn tab_button(h: &H, tab: Tab) -> egui_kittest::Node<'_> {
    h.query_all_by_role(Role::Button)
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with(tab.label()))
        })
        .unwrap_or_else(|| panic!("no {} tab", tab.label()))
}

#[test]
fn every_tab_is_reachable_and_every_field_and_counter_fits() {
    for size in SIZES {
        let (_dir, mut h) = open(size);
        let viewport = app(&h).editor_viewport().unwrap();
        assert!(
            viewport.width() >= 280.0,
            "{size:?}: the editor keeps room ({viewport:?})"
        );
        for tab in Tab::ALL {
            let button = tab_button(&h, tab);
            let r = button.rect();
            assert!(
                r.left() >= viewport.left() - 0.5 && r.right() <= viewport.right() + 0.5,
                "{size:?}: the {} tab lies inside the editor ({r:?} in {viewport:?})",
                tab.label()
            );
            button.click();
            h.run_steps(3);
            settle(&mut h);
            assert_eq!(app(&h).editor.tab, tab, "{size:?}: {} opens", tab.label());
            let checked = every_field_fits(&mut h, &format!("{size:?} {}", tab.label()));
            if matches!(tab, Tab::Message | Tab::Delivery | Tab::Send) {
                assert!(checked > 0, "{size:?}: {} shows fields", tab.label());
            }
        }
    }
}

#[test]
fn the_context_row_and_the_counters_fit_at_1024_by_700() {
    let (_dir, mut h) = open([1024.0, 700.0]);
    tab_button(&h, Tab::Delivery).click();
    h.run_steps(3);
    h.get_by_label("Value").scroll_to_me();
    h.run_steps(3);
    let viewport = app(&h).editor_viewport().unwrap();
    for label in ["Key", "Value"] {
        let field = h.get_by_role_and_label(Role::TextInput, label);
        assert!(
            field.rect().right() <= viewport.right(),
            "the Context {label} field ends inside the panel"
        );
    }
    tab_button(&h, Tab::Message).click();
    h.run_steps(3);
    let counters: Vec<Rect> = h
        .query_all_by_role(Role::Label)
        .filter(|n| is_counter(&n.value().unwrap_or_default()))
        .map(|n| n.rect())
        .filter(|r| r.top() >= viewport.top() && r.bottom() <= viewport.bottom())
        .collect();
    assert!(!counters.is_empty());
    // The scroll bar has a strip of its own between the panel's inside and the preview: it
    // never lies over the counters at the right edge.
    let preview_left = h.get_by_label("Hide preview").rect().left();
    let bar = egui::style::ScrollStyle::solid().allocated_width();
    assert!(
        viewport.right() + bar <= preview_left,
        "room for the scroll bar: inside ends at {}, preview starts at {preview_left}",
        viewport.right()
    );
    for r in counters {
        assert!(
            r.right() <= viewport.right(),
            "a counter ends at {} under the scroll bar (panel inside ends at {})",
            r.right(),
            viewport.right()
        );
    }
}

#[test]
fn the_preview_folds_away_and_stays_folded() {
    let (dir, mut h) = open(MIN_WINDOW);
    let before = app(&h).editor_viewport().unwrap().width();
    h.get_by_label("Hide preview").click();
    h.run_steps(3);
    settle(&mut h);
    assert!(app(&h).settings.preview_hidden);
    assert!(h.query_by_label("Preview").is_none(), "the phone is gone");
    let after = app(&h).editor_viewport().unwrap().width();
    assert!(
        after > before + 150.0,
        "the editor takes the room: {before} → {after}"
    );
    drop(h);
    // Remembered: the next window starts folded, and shows the preview again on request.
    let file = dir.path().join("sale.json");
    let mut h = harness_sized(
        dir.path(),
        Some(file),
        ScriptedPicker::answering(&[]),
        MIN_WINDOW,
    );
    assert!(app(&h).settings.preview_hidden);
    assert!(h.query_by_label("Preview").is_none());
    h.get_by_label("Show preview").click();
    h.run_steps(3);
    settle(&mut h);
    assert!(!app(&h).settings.preview_hidden);
    assert!(h.query_by_label("Preview").is_some());
}

#[test]
fn the_checks_heading_wraps_between_its_counts_not_inside_one() {
    let dir = tempfile::tempdir().unwrap();
    let h = harness_sized(
        dir.path(),
        Some(examples().join("carousel-coffee-menu.json")),
        ScriptedPicker::answering(&[]),
        MIN_WINDOW,
    );
    let one_line = h.get_by_label("Checks").rect().height();
    for part in [
        "✔ Nothing the service will reject",
        "⚠ 2 on the phone",
        "ℹ 2 for other phones",
    ] {
        let height = h.get_by_label(part).rect().height();
        assert!(height <= one_line * 1.5, "{part} is {height} tall");
    }
}

#[test]
fn an_open_chip_keeps_its_fields_and_counters_inside_the_editor() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("coffee.json");
    std::fs::copy(examples().join("carousel-coffee-menu.json"), &file).unwrap();
    let mut h = harness_sized(
        dir.path(),
        Some(file),
        ScriptedPicker::answering(&[]),
        MIN_WINDOW,
    );
    tab_button(&h, Tab::Chips).click();
    h.run_steps(3);
    // The title is longer than the row: it ends in "…" instead of widening the row's fields.
    h.get_by_label_contains("2. Show location").click();
    h.run_steps(3);
    settle(&mut h);
    let checked = every_field_fits(&mut h, "the open chip");
    assert!(checked >= 4, "its text, postback data and their counters");
    // A text over the limit marks the row; the mark comes before what "…" may cut.
    let field = h.get_by_label("Text *");
    field.focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(1);
    h.get_by_label("Text *")
        .type_text("Nearest café, open late every day");
    h.run_steps(3);
    assert!(
        h.query_by_label_contains("2. ✖ Show location: Nearest café, open late")
            .is_some()
    );
}

#[test]
fn the_side_panels_get_their_width_back_when_the_window_grows_again() {
    let (_dir, mut h) = open([1280.0, 800.0]);
    let wide = app(&h).editor_viewport().unwrap();
    h.set_size(egui::vec2(MIN_WINDOW[0], MIN_WINDOW[1]));
    settle(&mut h);
    let narrow = app(&h).editor_viewport().unwrap();
    // The editor keeps its minimum room: the side panels were squeezed.
    assert!(narrow.width() < wide.width());
    h.set_size(egui::vec2(1280.0, 800.0));
    settle(&mut h);
    let again = app(&h).editor_viewport().unwrap();
    // The panels are as wide as before, so the editor is too, where it was.
    assert!(
        (again.left() - wide.left()).abs() < 1.0 && (again.right() - wide.right()).abs() < 1.0,
        "the editor spans {:?} after the round trip, {:?} before",
        again.x_range(),
        wide.x_range()
    );
}
