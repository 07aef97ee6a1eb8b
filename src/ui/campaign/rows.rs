//! One audience row for the preview: read by seeking to the nearest checkpoint (one small
//! read, well under a frame), filled in, and judged in words.

use crate::campaign::audience::{Audience, RowShape};
use crate::campaign::check::{Judgement, PHONE_PATH, phone_key, shape_issue};
use crate::rcs::issue::{Code, Issue};
use crate::rcs::personalise::{Filled, Personaliser};
use crate::ui::campaign::scan::Scanned;

/// The cells of one row, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowCells {
    pub number: u64,
    pub line: u64,
    pub shape: RowShape,
    pub cells: Vec<String>,
}

/// Reads row `number` (1-based) of a scanned audience.
///
/// # Errors
/// When the file cannot be read again or has fewer rows than the scan found (it changed).
pub fn read_row(scanned: &Scanned, number: u64) -> Result<RowCells, String> {
    let (start, skip) = scanned.seek(number);
    let audience = &scanned.audience;
    let mut rows = audience.rows_from(start).map_err(|e| e.to_string())?;
    for _ in 0..skip {
        rows.next_row().map_err(|e| e.to_string())?;
    }
    let changed = || {
        format!(
            "{} has changed since it was read: open it again.",
            audience.path.display()
        )
    };
    let row = rows
        .next_row()
        .map_err(|e| e.to_string())?
        .ok_or_else(changed)?;
    if row.number != number {
        return Err(changed());
    }
    Ok(RowCells {
        number,
        line: row.line,
        shape: row.shape.clone(),
        cells: row.cells(),
    })
}

impl RowCells {
    /// The cell of the column named `name`.
    #[must_use]
    pub fn cell<'a>(&'a self, audience: &Audience, name: &str) -> Option<&'a str> {
        audience
            .column(name)
            .and_then(|i| self.cells.get(i))
            .map(String::as_str)
    }

    #[must_use]
    pub fn phone(&self, audience: &Audience) -> &str {
        self.cells.get(audience.phone).map_or("", |p| p.trim())
    }
}

/// A row's message and what the checks make of it, recomputed for the current template (only
/// "this phone came earlier" needs the whole file, and comes from the scan).
#[derive(Debug, Clone)]
pub struct RowView {
    pub row: RowCells,
    pub filled: Filled,
    pub judgement: Judgement,
    /// The row's first error, in words; `None` for a valid row.
    pub problem: Option<Issue>,
}

impl RowView {
    #[must_use]
    pub fn new(
        personaliser: &Personaliser,
        audience: &Audience,
        row: RowCells,
        earlier: Option<Judgement>,
    ) -> Self {
        let cell = |name: &str| row.cell(audience, name);
        let phone = row.phone(audience).to_owned();
        let filled = personaliser.check_row(&cell, &phone);
        let (judgement, problem) = if let Some(issue) = shape_issue(&row.shape, row.line) {
            (Judgement::Invalid, Some(issue))
        } else if let Err(issue) = phone_key(&phone) {
            (Judgement::Skipped, Some(issue))
        } else if earlier == Some(Judgement::Skipped) {
            // A well-formed phone the scan skipped: an earlier row has it.
            (
                Judgement::Skipped,
                Some(Issue::error(
                    PHONE_PATH,
                    Code::DuplicatePhone,
                    format!("{phone} already appears in an earlier row; it is sent once."),
                )),
            )
        } else {
            match filled.issues.iter().find(|i| i.is_error()) {
                Some(first) => (Judgement::Invalid, Some(first.clone())),
                None => (Judgement::Valid, None),
            }
        };
        Self {
            row,
            filled,
            judgement,
            problem,
        }
    }

    /// The verdict in words: "Row 3: valid, sent to +1…", "…: skipped — …".
    #[must_use]
    pub fn verdict(&self) -> String {
        let n = self.row.number;
        match (&self.judgement, &self.problem) {
            (Judgement::Valid, _) => format!("Row {n}: valid; it would be sent."),
            (j, Some(p)) => format!("Row {n}: {} — {}", j.as_str(), p.message),
            (j, None) => format!("Row {n}: {}", j.as_str()),
        }
    }
}
