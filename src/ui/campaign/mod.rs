//! The campaign side of the window: the audience file (scanned off the UI thread), the row
//! the preview shows, sample values for a template without an audience, and the row
//! problems grouped for the Checks list.

pub mod labels;
pub mod rows;
pub mod run_state;
pub mod scan;

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::rcs::issue::Code;
use crate::rcs::model::SendRcsMessageRequest;
use crate::rcs::personalise::{Filled, Personaliser};
use crate::rcs::walk;
use labels::FieldNames;
use rows::RowView;
use scan::{ScanError, ScanProgress, Scanned};

/// The audience and the row being previewed.
#[derive(Debug, Default)]
pub struct CampaignState {
    /// The audience file chosen (kept while a scan of it runs or after it failed).
    pub path: Option<PathBuf>,
    /// The phone column the user chose; `None` finds it by name.
    pub phone_column: Option<String>,
    /// The latest scan asked for; answers of older ones are dropped.
    pub generation: u64,
    cancel: Option<Arc<AtomicBool>>,
    /// The template the latest scan judges the rows against.
    pub requested: Option<SendRcsMessageRequest>,
    /// Set while a scan runs.
    pub progress: Option<ScanProgress>,
    pub scanned: Option<Scanned>,
    /// The editor's names for the scanned template's fields.
    pub names: FieldNames,
    pub error: Option<ScanError>,
    /// The row the preview shows (1-based).
    pub row: u64,
    pub view: Option<RowView>,
    /// Why the current row could not be read.
    pub row_error: Option<String>,
}

impl CampaignState {
    /// Starts a new scan generation, cancelling the one running.
    pub fn next_scan(&mut self, template: &SendRcsMessageRequest) -> (u64, Arc<AtomicBool>) {
        if let Some(old) = self.cancel.take() {
            old.store(true, Ordering::Relaxed);
        }
        self.generation += 1;
        let cancel = Arc::new(AtomicBool::new(false));
        self.cancel = Some(Arc::clone(&cancel));
        self.requested = Some(template.clone());
        self.progress = Some(ScanProgress {
            rows: 0,
            fraction: 0.0,
        });
        (self.generation, cancel)
    }

    /// Forgets the audience (and stops its scan).
    pub fn close(&mut self) {
        if let Some(old) = self.cancel.take() {
            old.store(true, Ordering::Relaxed);
        }
        *self = Self {
            generation: self.generation + 1,
            ..Self::default()
        };
    }

    /// True while a scan runs.
    #[must_use]
    pub fn scanning(&self) -> bool {
        self.progress.is_some()
    }

    /// The header's columns, from the scan or from the error that named them.
    #[must_use]
    pub fn columns(&self) -> &[String] {
        match (&self.scanned, &self.error) {
            (Some(s), _) => &s.audience.columns,
            (None, Some(e)) => &e.columns,
            (None, None) => &[],
        }
    }

    #[must_use]
    pub fn rows(&self) -> u64 {
        self.scanned.as_ref().map_or(0, |s| s.rows)
    }

    /// The audience's file name, for sentences.
    #[must_use]
    pub fn file_name(&self) -> String {
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    }

    /// The Checks list's lines for the scanned rows.
    #[must_use]
    pub fn problem_lines(&self) -> Vec<ProblemLine> {
        let Some(scanned) = &self.scanned else {
            return Vec::new();
        };
        scanned
            .groups
            .iter()
            .map(|g| ProblemLine {
                text: self.names.line(g),
                hover: format!("Row {} says: {}", g.first_row, g.example),
                first_row: g.first_row,
                path: g.path.clone(),
            })
            .collect()
    }
}

/// One line of the Checks list's audience group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemLine {
    pub text: String,
    pub hover: String,
    pub first_row: u64,
    pub path: String,
}

/// The row problems the Checks list shows.
#[derive(Debug, Clone, Default)]
pub struct RowProblems {
    pub lines: Vec<ProblemLine>,
    /// Rows judged, and how many of them have a problem.
    pub rows: u64,
    pub with_problems: u64,
    /// The lines are from before the last edit and a new scan is running.
    pub rechecking: bool,
}

/// Where the placeholders' values come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// An audience row.
    Row { number: u64, file: String },
    /// The sample values kept in settings; `any` when at least one is filled in.
    Samples { any: bool },
}

/// The template filled in with the values the preview shows.
#[derive(Debug, Clone)]
pub struct Personal {
    pub source: Source,
    pub filled: Filled,
    /// Characters of each personal field after filling in, by path.
    pub lengths: HashMap<String, usize>,
}

impl Personal {
    /// The filled-in template from `source` (a row's cells or sample values by name).
    #[must_use]
    pub fn new(template: &SendRcsMessageRequest, source: Source, filled: Filled) -> Self {
        let mut personal_paths = Vec::new();
        let mut copy = template.clone();
        walk::texts_mut(&mut copy, &mut |path, _, text| {
            if crate::rcs::placeholder::has_placeholder(text) {
                personal_paths.push(path.to_owned());
            }
        });
        let mut lengths = HashMap::new();
        let mut copy = filled.request.clone();
        walk::texts_mut(&mut copy, &mut |path, _, text| {
            if personal_paths.iter().any(|p| p == path) {
                lengths.insert(path.to_owned(), text.chars().count());
            }
        });
        Self {
            source,
            filled,
            lengths,
        }
    }

    /// The template filled with sample values; an empty or missing sample takes the
    /// placeholder's default.
    #[must_use]
    pub fn from_samples(
        template: &SendRcsMessageRequest,
        samples: Option<&BTreeMap<String, String>>,
    ) -> Self {
        let value = |name: &str| samples.and_then(|s| s.get(name)).map(String::as_str);
        let mut filled = Personaliser::new(template.clone()).fill(&value);
        for issue in &mut filled.issues {
            if issue.code == Code::MissingValue {
                issue.message = issue
                    .message
                    .replace("the cell '", "the sample value for '");
            }
        }
        let any = samples.is_some_and(|s| s.values().any(|v| !v.is_empty()));
        Self::new(template, Source::Samples { any }, filled)
    }

    /// Whether the preview should show this rather than the template as written.
    #[must_use]
    pub fn shown(&self) -> bool {
        !matches!(self.source, Source::Samples { any: false })
    }

    /// "row 3 of winter.csv", "your sample values".
    #[must_use]
    pub fn describe(&self) -> String {
        match &self.source {
            Source::Row { number, file } => format!("row {number} of {file}"),
            Source::Samples { .. } => "your sample values".to_owned(),
        }
    }
}
