//! Decoded preview pictures by media URL, uploaded once as textures.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::ui::media::{self, Decoded, Layout, Slot};

pub enum MediaState {
    /// Decoding on the worker.
    Pending,
    Ready {
        texture: egui::TextureHandle,
        width: u32,
        height: u32,
        format: String,
        bytes: u64,
    },
    Failed(String),
}

pub struct MediaEntry {
    pub file: PathBuf,
    pub state: MediaState,
}

#[derive(Default)]
pub struct MediaCache {
    entries: HashMap<String, MediaEntry>,
}

impl MediaCache {
    #[must_use]
    pub fn get(&self, url: &str) -> Option<&MediaEntry> {
        self.entries.get(url)
    }

    pub fn set_pending(&mut self, url: &str, file: PathBuf) {
        self.entries.insert(
            url.to_owned(),
            MediaEntry {
                file,
                state: MediaState::Pending,
            },
        );
    }

    pub fn remove(&mut self, url: &str) {
        self.entries.remove(url);
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// Stores a decode result, unless the URL was detached or re-attached meanwhile.
    pub fn finish(
        &mut self,
        ctx: &egui::Context,
        url: &str,
        file: &PathBuf,
        result: Result<Box<Decoded>, String>,
    ) {
        let Some(entry) = self.entries.get_mut(url).filter(|e| &e.file == file) else {
            return;
        };
        entry.state = match result {
            Ok(d) => MediaState::Ready {
                texture: ctx.load_texture(
                    format!("media:{url}"),
                    d.image.clone(),
                    egui::TextureOptions::LINEAR,
                ),
                width: d.width,
                height: d.height,
                format: d.format.clone(),
                bytes: d.bytes,
            },
            Err(e) => MediaState::Failed(e),
        };
    }

    /// The texture for a URL, once decoded.
    #[must_use]
    pub fn texture(&self, url: &str) -> Option<&egui::TextureHandle> {
        match &self.entries.get(url)?.state {
            MediaState::Ready { texture, .. } => Some(texture),
            _ => None,
        }
    }

    /// The attachment's warnings for where it is used.
    #[must_use]
    pub fn warnings(&self, url: &str, slot: Slot, layout: Layout) -> Vec<String> {
        match self.entries.get(url).map(|e| &e.state) {
            Some(MediaState::Ready {
                width,
                height,
                format,
                bytes,
                ..
            }) => {
                let info = Decoded {
                    image: egui::ColorImage::default(),
                    width: *width,
                    height: *height,
                    format: format.clone(),
                    bytes: *bytes,
                };
                media::warnings(&info, slot, layout)
            }
            _ => Vec::new(),
        }
    }
}
