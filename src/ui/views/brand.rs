//! The brand profile window, opened from the preview's "Brand…" button: the display name,
//! logo, colour and verified tick the preview's header shows for one origination identity.
//! The preview shows the profile as it is being edited; Save keeps it in settings.

use std::path::PathBuf;

use egui::{RichText, Ui};

use crate::ui::brand::{BrandProfile, PLACEHOLDER_NAME};
use crate::ui::command::Command;
use crate::ui::media_cache::MediaState;

/// The window's state: which origination's profile is open, and the edited copy.
#[derive(Debug, Default)]
pub struct BrandEditor {
    /// The origination identity whose profile is open; `None` while the window is closed.
    pub origination: Option<String>,
    pub draft: BrandProfile,
    /// The logo file's path as typed (or picked).
    pub logo_text: String,
    /// True while the logo field has the keyboard: the logo is read once the path is typed
    /// (the field left, or Enter), not once per keystroke for every partial path.
    pub typing_logo: bool,
    /// Frames still to draw without waiting for input: a new window's grid settles its
    /// column widths over a few frames, and until then the Choose… button is cut off.
    settle_frames: u8,
}

impl BrandEditor {
    /// Opens the window on `profile`, the one saved for `origination` or a new one.
    pub fn open(&mut self, origination: String, profile: BrandProfile) {
        self.logo_text = profile
            .logo
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        self.draft = profile;
        self.origination = Some(origination);
        self.typing_logo = false;
        self.settle_frames = 3;
    }

    /// The profile being edited for `origination`, so the preview shows it live.
    #[must_use]
    pub fn editing(&self, origination: Option<&str>) -> Option<&BrandProfile> {
        (self.origination.is_some() && self.origination.as_deref() == origination)
            .then_some(&self.draft)
    }

    /// Uses the logo file the file dialog answered.
    pub fn set_logo(&mut self, path: PathBuf) {
        self.logo_text = path.display().to_string();
        self.draft.logo = Some(path);
    }
}

/// Draws the window while it is open. `logo` is the decode state of the draft's logo.
pub fn window(
    ctx: &egui::Context,
    state: &mut BrandEditor,
    logo: Option<&MediaState>,
    commands: &mut Vec<Command>,
) {
    let Some(origination) = state.origination.clone() else {
        return;
    };
    if state.settle_frames > 0 {
        state.settle_frames -= 1;
        ctx.request_repaint();
    }
    let mut open = true;
    let mut close = false;
    egui::Window::new("Brand profile")
        .collapsible(false)
        .resizable(false)
        .open(&mut open)
        .show(ctx, |ui| {
            ui.label(format!("What the phone's header shows for {origination}."));
            ui.add_space(6.0);
            fields(ui, state, logo, commands);
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    commands.push(Command::SaveBrand {
                        origination: origination.clone(),
                        profile: state.draft.clone(),
                    });
                    close = true;
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
                if ui
                    .button("Forget this brand")
                    .on_hover_text("Remove the saved profile: the header shows \"Your brand\".")
                    .clicked()
                {
                    commands.push(Command::ForgetBrand(origination.clone()));
                    close = true;
                }
            });
        });
    if close || !open {
        state.origination = None;
        // The saved logo is read now, whether or not its field still had the keyboard.
        state.typing_logo = false;
    }
}

fn fields(
    ui: &mut Ui,
    state: &mut BrandEditor,
    logo: Option<&MediaState>,
    commands: &mut Vec<Command>,
) {
    egui::Grid::new("brand-fields")
        .num_columns(2)
        .spacing([10.0, 8.0])
        .show(ui, |ui| {
            let label = ui.label("Display name");
            ui.add(
                egui::TextEdit::singleline(&mut state.draft.name)
                    .hint_text(PLACEHOLDER_NAME)
                    .desired_width(240.0),
            )
            .labelled_by(label.id);
            ui.end_row();

            let label = ui.label("Logo file");
            ui.vertical(|ui| {
                ui.horizontal(|ui| {
                    let edit = ui
                        .add(
                            egui::TextEdit::singleline(&mut state.logo_text)
                                .hint_text("none: the initial is shown")
                                .desired_width(240.0),
                        )
                        .labelled_by(label.id);
                    if edit.changed() {
                        let typed = state.logo_text.trim();
                        state.draft.logo = (!typed.is_empty()).then(|| PathBuf::from(typed));
                    }
                    state.typing_logo = edit.has_focus();
                    if ui.button("Choose…").clicked() {
                        commands.push(Command::PickBrandLogo);
                    }
                });
                logo_state(ui, state.draft.logo.is_some(), state.typing_logo, logo);
            });
            ui.end_row();

            let label = ui.label("Brand colour");
            ui.horizontal(|ui| {
                egui::color_picker::color_edit_button_srgb(ui, &mut state.draft.colour)
                    .labelled_by(label.id);
                ui.weak("behind the initial when there is no logo");
            });
            ui.end_row();

            ui.label("Verified");
            ui.checkbox(&mut state.draft.verified, "Show the verified tick");
            ui.end_row();
        });
}

/// One line under the logo field: decoding, its size, or why it cannot be shown.
fn logo_state(ui: &mut Ui, named: bool, typing: bool, logo: Option<&MediaState>) {
    match (named, logo) {
        (false, _) => {}
        (true, None) if typing => {
            ui.weak("Read once you press Enter or leave the field.");
        }
        (true, None | Some(MediaState::Pending)) => {
            ui.weak("Reading the logo…");
        }
        (true, Some(MediaState::Ready { width, height, .. })) => {
            ui.weak(format!("{width}×{height} pixels, shown in a circle."));
        }
        (true, Some(MediaState::Failed(e))) => {
            ui.label(
                RichText::new(format!("Cannot show this logo: {e}")).color(crate::ui::theme::ERROR),
            );
        }
    }
}
