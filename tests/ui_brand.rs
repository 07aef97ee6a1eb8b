//! The brand profile through `egui_kittest`: edited in its window from the preview's
//! "Brand…" button, kept in settings for one origination identity, shown in the phone's
//! header for that origination only, its logo decoded off the UI thread.
#![expect(clippy::unwrap_used, reason = "tests fail loudly by design")]

mod support;

use std::path::{Path, PathBuf};

use egui_kittest::kittest::{NodeT, Queryable};
use rcs_composer::ui::command::Command;
use support::{ScriptedPicker, app, examples, harness, settle};

type H = egui_kittest::Harness<'static, rcs_composer::ui::app::EframeApp>;

const A: &str = "agent-riverside";
const B: &str = "agent-northwind";

fn logo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icons/rcs-composer-128.png")
}

/// A template sent from `origination`.
fn template(root: &Path, origination: &str) -> PathBuf {
    let mut request =
        rcs_composer::templates::open(&examples().join("rich-card-winter-sale.json")).unwrap();
    request.origination_identity = Some(origination.into());
    let file = root.join("t.json");
    rcs_composer::templates::save(&file, &request).unwrap();
    file
}

fn choose_origination(h: &mut H, id: &str) {
    let ctx = h.ctx.clone();
    h.state_mut()
        .0
        .apply(&ctx, Command::SetOrigination(id.into()), false);
    h.run_steps(3);
}

fn type_into(h: &mut H, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run_steps(1);
    h.get_by_label(label).type_text(text);
    h.run_steps(2);
}

/// A window on a template sent from [`A`], with the brand window open.
fn brand_window_open(dir: &tempfile::TempDir) -> H {
    let file = template(dir.path(), A);
    let mut h = harness(dir.path(), Some(file), ScriptedPicker::answering(&[]));
    h.get_by_label("Brand…").click();
    h.run_steps(3);
    h
}

#[test]
fn a_brand_saved_for_one_origination_shows_for_it_and_not_for_another() {
    let dir = tempfile::tempdir().unwrap();
    let file = template(dir.path(), A);
    let mut h = harness(
        dir.path(),
        Some(file.clone()),
        ScriptedPicker::answering(&[]),
    );
    h.get_by_label("Thread with Your brand, verified");

    h.get_by_label("Brand…").click();
    h.run_steps(3);
    type_into(&mut h, "Display name", "Riverside Bistro");
    type_into(&mut h, "Logo file", &logo().display().to_string());
    h.get_by_label("Show the verified tick").click();
    h.run_steps(2);
    // The header follows the window as the profile is edited.
    h.get_by_label("Thread with Riverside Bistro");
    h.get_by_label("Save").click();
    h.run_steps(3);
    settle(&mut h);
    assert!(
        h.query_by_label("Display name").is_none(),
        "the window closed"
    );
    h.get_by_label("Thread with Riverside Bistro");
    let key = format!("brand-logo:{}", logo().display());
    assert!(
        app(&h).media.texture(&key).is_some(),
        "the logo was decoded on the worker"
    );

    // Another origination has its own (here: no) brand.
    choose_origination(&mut h, B);
    h.get_by_label("Thread with Your brand, verified");
    assert!(h.query_by_label_contains("Thread with Riverside").is_none());
    choose_origination(&mut h, A);
    h.get_by_label("Thread with Riverside Bistro");

    // Kept in settings on disk, for A only, and there after a restart.
    let settings: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("config/settings.json")).unwrap(),
    )
    .unwrap();
    let brands = settings["brands"].as_object().unwrap();
    assert_eq!(brands.keys().collect::<Vec<_>>(), vec![A]);
    assert_eq!(brands[A]["name"], "Riverside Bistro");
    assert_eq!(brands[A]["verified"], false);
    drop(h);
    let h = harness(dir.path(), Some(file), ScriptedPicker::answering(&[]));
    h.get_by_label("Thread with Riverside Bistro");
}

#[test]
fn cancel_keeps_the_saved_brand_and_no_origination_means_no_brand_to_edit() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = brand_window_open(&dir);
    type_into(&mut h, "Display name", "Not kept");
    h.get_by_label("Thread with Not kept, verified");
    h.get_by_label("Cancel").click();
    h.run_steps(3);
    settle(&mut h);
    h.get_by_label("Thread with Your brand, verified");
    assert!(app(&h).settings.brands.is_empty());

    let mut h = harness(dir.path(), None, ScriptedPicker::answering(&[]));
    h.run_steps(2);
    assert!(h.get_by_label("Brand…").accesskit_node().is_disabled());
    h.get_by_label("Thread with Your brand, verified");
}

#[test]
fn the_sms_thread_has_no_brand_to_edit() {
    let dir = tempfile::tempdir().unwrap();
    let file = template(dir.path(), A);
    let mut h = harness(dir.path(), Some(file), ScriptedPicker::answering(&[]));
    assert!(!h.get_by_label("Brand…").accesskit_node().is_disabled());
    h.get_by_label("MMS fallback").click();
    h.run_steps(3);
    assert!(h.get_by_label("Brand…").accesskit_node().is_disabled());
    h.get_by_label("MMS fallback").click();
    h.run_steps(3);
    assert!(!h.get_by_label("Brand…").accesskit_node().is_disabled());
}

#[test]
fn a_logo_path_is_read_once_typed_not_at_every_keystroke() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = brand_window_open(&dir);
    h.get_by_label("Logo file").focus();
    h.run_steps(1);
    let path = logo().display().to_string();
    let (head, tail) = path.split_at(path.len() / 2);
    for piece in [head, tail] {
        h.get_by_label("Logo file").type_text(piece);
        h.run_steps(2);
        assert_eq!(app(&h).pending_jobs(), 0, "nothing is read while typing");
    }
    h.get_by_label("Read once you press Enter or leave the field.");
    let half = format!("brand-logo:{head}");
    assert!(
        app(&h).media.get(&half).is_none(),
        "a partial path was never read"
    );
    // Enter ends the typing: the whole path is read, once.
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    settle(&mut h);
    let key = format!("brand-logo:{path}");
    assert!(app(&h).media.texture(&key).is_some(), "the logo was read");
    h.get_by_label("128×128 pixels, shown in a circle.");
}
