//! The brand profiles: which origination the preview's header belongs to, the profile window,
//! and decoding the logo on the decode worker into the media cache.

use super::App;
use crate::ui::command::Command;
use crate::ui::workers::files::{Job, PickPurpose};

impl App {
    /// The origination identity the message goes out from: the template's, or the one the
    /// Send tab puts into the request it sends.
    pub(super) fn brand_origination(&self) -> Option<String> {
        self.doc
            .derived()
            .send_request
            .origination_identity
            .as_deref()
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(str::to_owned)
    }

    pub(super) fn apply_brand(&mut self, command: Command) {
        match command {
            Command::EditBrand => {
                let Some(origination) = self.brand_origination() else {
                    self.status = Some((
                        "Choose an origination first (Delivery or Send tab): the brand belongs to it."
                            .into(),
                        true,
                    ));
                    return;
                };
                let profile = self
                    .settings
                    .brand(Some(&origination))
                    .cloned()
                    .unwrap_or_default();
                self.brand_editor.open(origination, profile);
            }
            Command::PickBrandLogo => {
                self.jobs.pick(
                    PickPurpose::BrandLogo,
                    std::path::PathBuf::new(),
                    String::new(),
                );
            }
            Command::SaveBrand {
                origination,
                profile,
            } => {
                let name = profile.display_name().to_owned();
                self.settings.brands.insert(origination.clone(), profile);
                self.jobs.submit(Job::WriteSettings(self.settings.clone()));
                self.status = Some((format!("Brand \"{name}\" kept for {origination}."), false));
            }
            Command::ForgetBrand(origination)
                if self.settings.brands.remove(&origination).is_some() =>
            {
                self.jobs.submit(Job::WriteSettings(self.settings.clone()));
            }
            _ => {}
        }
    }

    /// Asks the decode worker for the logo the header is about to show, once per file.
    pub(super) fn decode_brand_logo(&mut self) {
        // Not while a path is being typed: each partial path would be read, fail, and stay in
        // the cache as a failure.
        if self.brand_editor.typing_logo {
            return;
        }
        let origination = self.brand_origination();
        let brand = self
            .brand_editor
            .editing(origination.as_deref())
            .or_else(|| self.settings.brand(origination.as_deref()));
        let Some((key, path)) = brand.and_then(|b| b.logo_key().zip(b.logo.clone())) else {
            return;
        };
        if self.media.get(&key).is_none() {
            self.media.set_pending(&key, path.clone());
            self.jobs.submit(Job::Decode { url: key, path });
        }
    }

    pub(super) fn brand_window(&mut self, ctx: &egui::Context) {
        let logo = self
            .brand_editor
            .draft
            .logo_key()
            .and_then(|k| self.media.get(&k))
            .map(|e| &e.state);
        crate::ui::views::brand::window(ctx, &mut self.brand_editor, logo, &mut self.commands);
    }
}
