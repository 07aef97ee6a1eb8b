//! What persists between runs besides the window layout (eframe keeps that): recent files,
//! the preview theme, the brand profiles by origination, the local images attached to media
//! URLs, and the crash-recovery draft.
//! Never credentials.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::ui::brand::BrandProfile;

/// How many recent files the File menu offers.
pub const MAX_RECENT: usize = 8;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub recent_files: Vec<PathBuf>,
    pub dark_preview: bool,
    /// Where requests go; `None` until chosen (then the sandbox unless AWS credentials exist).
    pub connection: Option<crate::aws::Connection>,
    /// Test phones to send to: personal data, so kept here and not in templates.
    pub test_recipients: Vec<String>,
    /// The recipient chosen last.
    pub recipient: Option<String>,
    /// Sample values for placeholders, by template (its path, or `untitled`), then by
    /// placeholder name: used while no audience is open, never written into the template.
    pub samples: BTreeMap<String, BTreeMap<String, String>>,
    /// The brand the preview's header shows, by origination identity (agent ID or ARN).
    pub brands: BTreeMap<String, BrandProfile>,
    /// The origination (an RCS agent) chosen in the Send tab, by connection: agents belong
    /// to an account, so each connection keeps its own. Never written into the template
    /// unless the user asks.
    pub originations: BTreeMap<String, String>,
    /// The phone preview is folded away (more room for the editor in a small window).
    pub preview_hidden: bool,
}

impl Settings {
    /// Puts `path` first in the recent list.
    pub fn touch_recent(&mut self, path: &std::path::Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_path_buf());
        self.recent_files.truncate(MAX_RECENT);
    }

    /// The brand profile saved for `origination`; none for an unknown or missing one.
    #[must_use]
    pub fn brand(&self, origination: Option<&str>) -> Option<&BrandProfile> {
        self.brands.get(origination?.trim())
    }

    /// The origination chosen for `connection`, if any.
    #[must_use]
    pub fn origination(&self, connection: &crate::aws::Connection) -> Option<&str> {
        self.originations
            .get(&connection_key(connection))
            .map(String::as_str)
    }

    /// Chooses `id` as the origination for `connection` (`None`: the template's again).
    pub fn choose_origination(&mut self, connection: &crate::aws::Connection, id: Option<String>) {
        let key = connection_key(connection);
        match id {
            Some(id) => self.originations.insert(key, id),
            None => self.originations.remove(&key),
        };
    }

    /// Carries an untitled draft's sample values over to the path it was first saved as.
    pub fn rename_samples(&mut self, from: &str, to: &str) {
        if let Some(values) = self.samples.remove(from) {
            self.samples
                .entry(to.to_owned())
                .or_default()
                .extend(values);
        }
    }
}

/// A connection as a settings key: its JSON form, which names the sandbox or the profile,
/// region and endpoint (never a secret).
fn connection_key(connection: &crate::aws::Connection) -> String {
    serde_json::to_string(connection).unwrap_or_default()
}

/// Local images attached to media URLs, per template (keyed by the template's path, or
/// `untitled` for a draft never saved). Kept in the app's data folder, never in the template.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MediaMap(pub BTreeMap<String, BTreeMap<String, PathBuf>>);

pub const UNTITLED: &str = "untitled";

impl MediaMap {
    #[must_use]
    pub fn get(&self, template: &str, url: &str) -> Option<&PathBuf> {
        self.0.get(template)?.get(url)
    }

    pub fn set(&mut self, template: &str, url: &str, file: PathBuf) {
        self.0
            .entry(template.to_owned())
            .or_default()
            .insert(url.to_owned(), file);
    }

    /// Carries an untitled draft's attachments over to the path it was first saved as.
    pub fn rename(&mut self, from: &str, to: &str) {
        if let Some(entries) = self.0.remove(from) {
            self.0.entry(to.to_owned()).or_default().extend(entries);
        }
    }
}

/// The crash-recovery copy of a dirty draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Autosave {
    /// The template file the draft belongs to, if it was ever saved.
    pub path: Option<PathBuf>,
    /// Seconds since the Unix epoch.
    pub saved_at: u64,
    /// The draft as template JSON.
    pub template: serde_json::Value,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_newest_first_and_bounded() {
        let mut s = Settings::default();
        for i in 0..10 {
            s.touch_recent(&PathBuf::from(format!("t{i}.json")));
        }
        s.touch_recent(&PathBuf::from("t5.json"));
        assert_eq!(s.recent_files.len(), MAX_RECENT);
        assert_eq!(s.recent_files[0], PathBuf::from("t5.json"));
        assert_eq!(
            s.recent_files
                .iter()
                .filter(|p| p.ends_with("t5.json"))
                .count(),
            1
        );
    }

    #[test]
    fn a_brand_belongs_to_its_origination_and_survives_a_round_trip() {
        let mut s = Settings::default();
        let acme = BrandProfile {
            name: "Acme".into(),
            logo: Some(PathBuf::from("/logos/acme.png")),
            colour: [200, 16, 46],
            verified: false,
        };
        s.brands.insert("agent-a".into(), acme.clone());
        assert_eq!(s.brand(Some("agent-a")), Some(&acme));
        assert_eq!(s.brand(Some("agent-b")), None);
        assert_eq!(s.brand(None), None);
        let json = serde_json::to_string(&s).unwrap();
        let back: Settings = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
        // Settings written before brands existed still load.
        let old: Settings = serde_json::from_str(r#"{"dark_preview": true}"#).unwrap();
        assert!(old.brands.is_empty() && old.dark_preview);
    }

    #[test]
    fn each_connection_keeps_its_own_origination() {
        use crate::aws::{AwsTarget, Connection};
        let mut s = Settings::default();
        let prod = Connection::Aws(AwsTarget {
            profile: Some("prod".into()),
            ..AwsTarget::default()
        });
        s.choose_origination(&Connection::Sandbox, Some("rcs-agent-sandbox".into()));
        s.choose_origination(&prod, Some("rcs-agent-prod".into()));
        assert_eq!(
            s.origination(&Connection::Sandbox),
            Some("rcs-agent-sandbox")
        );
        assert_eq!(s.origination(&prod), Some("rcs-agent-prod"));
        assert_eq!(s.origination(&Connection::Aws(AwsTarget::default())), None);
        s.choose_origination(&prod, None);
        assert_eq!(s.origination(&prod), None);
        // Kept across runs.
        let back: Settings = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn media_map_moves_with_first_save() {
        let mut m = MediaMap::default();
        m.set(UNTITLED, "s3://b/a.png", PathBuf::from("/tmp/a.png"));
        m.rename(UNTITLED, "/t/x.json");
        assert_eq!(
            m.get("/t/x.json", "s3://b/a.png"),
            Some(&PathBuf::from("/tmp/a.png"))
        );
        assert!(m.get(UNTITLED, "s3://b/a.png").is_none());
    }
}
