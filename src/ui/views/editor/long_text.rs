//! A long text field lays out again only the rows around an edit.
//!
//! egui lays out a text edit's whole text each time it changes, and keeps each paragraph's
//! layout (text between newlines) only while the paragraph is unchanged. A card description
//! is often one paragraph of up to 2,000 characters, so every typed letter shaped and wrapped
//! all of it again: the largest part of a keystroke frame (issue 9's target, README
//! "Keystroke and start-up").
//!
//! Here the previous layout's rows are kept before the edit and, once the wrapping after the
//! edit falls back in step with the old one, after it too; only the rows between are laid out
//! again, by egui, a few rows at a time. Rows wrap greedily: a row ends at the last break
//! before the first glyph that overflows the width, so it depends only on the text from its
//! start to that glyph. Hence
//! - a row whose text overflows before the edit ends as it did ([`first_changing`]);
//! - once a new row starts where an old one did, counted from the end of the text and after
//!   the edit, the rest is the same text from the same start, so the same rows.
//!
//! egui places glyphs on whole pixels counted from where it starts laying out, so a row laid
//! out from its own start may have a glyph a pixel away from where a layout of the whole
//! paragraph puts it, and a word that ends within a pixel or so of the width may go to the
//! other row. Nobody can see that; the unit tests hold it to a pixel over random edits.
//!
//! The rows kept reference the glyph atlas, which egui empties when it is full or the fonts
//! change; it then forgets every layout it keeps. A small layout laid out on each call tells
//! when: egui gives back the very same one until it forgets it, and then everything here is
//! laid out afresh too.

use std::ops::Range;
use std::sync::Arc;

use egui::emath::GuiRounding as _;
use egui::epaint::text::{ByteIndex, LayoutSection, PlacedRow};
use egui::text::LayoutJob;
use egui::{Align, Color32, FontId, Galley, Id, Rect, Ui};

/// Shorter texts are laid out whole: egui does a few hundred characters in well under a
/// tenth of a millisecond.
pub const MIN_BYTES: usize = 512;

/// How far past the edit one step lays out: a few rows of the editor's width.
const STEP_BYTES: usize = 256;

/// What the last layout of one field was.
#[derive(Clone)]
struct Previous {
    galley: Arc<Galley>,
    /// The byte at which each of the galley's rows starts.
    row_starts: Vec<usize>,
    /// The sentinel layout egui gave back at the time (module comment).
    sentinel: Arc<Galley>,
}

/// A field's memory, kept in egui's under the field's id.
#[derive(Clone, Default)]
struct Memo(Option<Previous>);

/// `job` laid out for the field `id`: from the field's last layout where only part changed.
pub fn layout(ui: &Ui, id: Id, mut job: LayoutJob) -> Arc<Galley> {
    // egui rounds the wrap width the same way before it lays out (against rows that come and
    // go with rounding errors), and keeps the rounded job in the galley.
    if job.wrap.max_width.is_finite() {
        job.wrap.max_width = job.wrap.max_width.round();
    }
    let key = id.with("long text layout");
    if job.text.len() < MIN_BYTES {
        // Nothing kept for a short text: the first edit past the threshold lays out whole.
        ui.data_mut(|d| d.remove::<Memo>(key));
        return ui.fonts_mut(|f| f.layout_job(job));
    }
    let sentinel = ui.fonts_mut(|f| f.layout_job(sentinel_job()));
    let previous = ui
        .data_mut(|d| d.remove_temp::<Memo>(key))
        .and_then(|m| m.0)
        .filter(|p| Arc::ptr_eq(&p.sentinel, &sentinel));
    let kept = match previous {
        Some(p) if *p.galley.job == job => p,
        previous => {
            let galley = previous
                .and_then(|p| {
                    relayout(&p.galley, &p.row_starts, &job, |piece| {
                        ui.fonts_mut(|f| f.layout_job(piece))
                    })
                })
                .map_or_else(|| ui.fonts_mut(|f| f.layout_job(job)), Arc::new);
            Previous {
                row_starts: row_starts(&galley),
                galley,
                sentinel,
            }
        }
    };
    let galley = Arc::clone(&kept.galley);
    ui.data_mut(|d| d.insert_temp(key, Memo(Some(kept))));
    galley
}

fn sentinel_job() -> LayoutJob {
    LayoutJob::simple_singleline(
        "long text layout".to_owned(),
        FontId::default(),
        Color32::WHITE,
    )
}

/// The byte at which each row of `galley` starts.
fn row_starts(galley: &Galley) -> Vec<usize> {
    let text = galley.job.text.as_str();
    let mut at = 0;
    galley
        .rows
        .iter()
        .map(|row| {
            let start = at;
            at = advance(text, at, row.char_count_including_newline().0).unwrap_or(text.len());
            start
        })
        .collect()
}

/// `job` laid out with the rows of `old` (the layout of an earlier text of the same field,
/// whose rows start at `old_starts`) kept where they cannot have changed; `lay_out` lays out
/// a piece. `None` when the two jobs differ in more than their text and its formats, or when
/// the pieces do not add up to the text (a layout this module does not foresee): lay it out
/// whole then.
fn relayout(
    old: &Galley,
    old_starts: &[usize],
    job: &LayoutJob,
    mut lay_out: impl FnMut(LayoutJob) -> Arc<Galley>,
) -> Option<Galley> {
    let old_job = &old.job;
    if !same_settings(old_job, job) || old.elided || old_starts.is_empty() {
        return None;
    }
    let (before, after) = (old_job.text.as_str(), job.text.as_str());
    let same_text = common_prefix(before, after);
    let suffix = common_suffix(&before[same_text..], &after[same_text..]);
    // Where a placeholder opens or closes, the formats change before the text does.
    let prefix = same_formats(old_job, job, same_text);
    let edit_end = after.len() - suffix;
    let old_edit_end = before.len() - suffix;
    let holding = old_starts
        .partition_point(|&s| s <= prefix)
        .saturating_sub(1);
    let first = first_changing(
        old,
        old_starts,
        holding,
        &before[old_starts[holding]..prefix],
    );
    let mut start = old_starts[first];
    let mut rows: Vec<PlacedRow> = old.rows[..first].to_vec();
    let mut step = STEP_BYTES;
    loop {
        let end = piece_end(after, start.max(edit_end) + step);
        let piece = lay_out(sub_job(job, start..end));
        let complete = end == after.len();
        // The last row of a piece cut short may end differently in the whole text.
        let settled = if complete {
            piece.rows.len()
        } else {
            piece.rows.len().saturating_sub(1)
        };
        if settled == 0 && !complete {
            step *= 2;
            continue;
        }
        let mut at = start;
        for row in &piece.rows[..settled] {
            if at >= edit_end
                && let Some(old_row) = in_step(old_starts, at, after.len(), before.len())
                && old_starts[old_row] >= old_edit_end
                && formats_match(
                    old_job,
                    old_starts[old_row]..before.len(),
                    job,
                    at..after.len(),
                )
            {
                rows.extend_from_slice(&old.rows[old_row..]);
                return Some(assembled(old, job, rows));
            }
            rows.push(row.clone());
            at = advance(after, at, row.char_count_including_newline().0)?;
        }
        if complete {
            return (at == after.len()).then(|| assembled(old, job, rows));
        }
        if at == start {
            // Rows without characters before the end: not a layout this module foresees.
            return None;
        }
        start = at;
    }
}

/// The first row of `old` that an edit in row `holding`, after its text `ahead`, may change.
///
/// A row ends at the last break before the first glyph that overflows the width, so it
/// depends on the text up to that glyph, which can lie beyond the next row's end (when the
/// next row ends early, at a dash before a long web address). A row is safe when the text
/// from its start to the glyph before the edit (whose width may change with what follows it)
/// overflows already; and so is every row above it, which overflowed earlier still.
fn first_changing(old: &Galley, old_starts: &[usize], holding: usize, ahead: &str) -> usize {
    let row = &old.rows[holding].row;
    // The glyph before the edit, or the first of the cluster it ends (an emoji sequence is one
    // glyph and zero-width ones after it, and the edit may join it to a longer sequence).
    let mut before = ahead.chars().count();
    while before > 0
        && row
            .glyphs
            .get(before - 1)
            .is_some_and(|g| g.advance_width == 0.0)
    {
        before -= 1;
    }
    let mut reach = match before {
        0 => 0.0,
        n => row.glyphs.get(n - 1).map_or(row.size.x, |g| g.pos.x),
    };
    // Room for rounding: egui wraps half a pixel past the width, and each row's width and
    // start are on whole (or sub-) pixels, so a sum over rows may be a pixel or two short.
    let overflowed = old.job.wrap.max_width + 3.0;
    let mut first = holding;
    while first > 0 {
        let above = &old.rows[first - 1];
        // A paragraph ends with the row above: its rows do not see this one's text.
        if above.ends_with_newline || above.row.size.x + reach > overflowed {
            break;
        }
        reach += above.row.size.x;
        first -= 1;
    }
    debug_assert!(old_starts.len() == old.rows.len(), "a start for each row");
    first
}

/// True when `a` and `b` lay out alike but for their texts and formats, in the ways this
/// module handles (no indent, left-aligned, no row limit).
fn same_settings(a: &LayoutJob, b: &LayoutJob) -> bool {
    a.wrap == b.wrap
        && a.wrap.max_rows == usize::MAX
        && a.first_row_min_height == 0.0
        && b.first_row_min_height == 0.0
        && a.break_on_newline
        && b.break_on_newline
        && a.halign == Align::LEFT
        && b.halign == Align::LEFT
        && !a.justify
        && !b.justify
        && a.round_output_to_gui == b.round_output_to_gui
        && a.keep_trailing_whitespace == b.keep_trailing_whitespace
        && a.sections
            .iter()
            .chain(&b.sections)
            .all(|s| s.leading_space == 0.0)
}

/// The length of the longest common start of `a` and `b`, on a character boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    let mut n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !a.is_char_boundary(n) || !b.is_char_boundary(n) {
        n -= 1;
    }
    n
}

/// The length of the longest common end of `a` and `b`, on a character boundary.
fn common_suffix(a: &str, b: &str) -> usize {
    let mut n = a
        .bytes()
        .rev()
        .zip(b.bytes().rev())
        .take_while(|(x, y)| x == y)
        .count();
    while !a.is_char_boundary(a.len() - n) || !b.is_char_boundary(b.len() - n) {
        n -= 1;
    }
    n
}

/// Where a piece reaching at least `target` ends: after the next space or newline (so that
/// no word is cut), or at the end of the text.
fn piece_end(text: &str, mut target: usize) -> usize {
    while target < text.len() && !text.is_char_boundary(target) {
        target += 1;
    }
    if target >= text.len() {
        return text.len();
    }
    text[target..]
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .map_or(text.len(), |(i, c)| target + i + c.len_utf8())
}

/// The old row that starts where the new text's byte `at` lies, counted from the end (the
/// texts share their ends), if one does.
fn in_step(old_starts: &[usize], at: usize, new_len: usize, old_len: usize) -> Option<usize> {
    let from_end = new_len - at;
    let old_at = old_len.checked_sub(from_end)?;
    old_starts.binary_search(&old_at).ok()
}

/// The byte `chars` characters after byte `at` of `text`.
fn advance(text: &str, at: usize, chars: usize) -> Option<usize> {
    if chars == 0 {
        return Some(at);
    }
    let rest = text.get(at..)?;
    let mut it = rest.char_indices();
    let last = it.nth(chars - 1)?;
    Some(at + last.0 + last.1.len_utf8())
}

/// How far from the start the jobs `old` and `new`, whose texts are the same for `upto`
/// bytes, have the same formats too.
fn same_formats(old: &LayoutJob, new: &LayoutJob, upto: usize) -> usize {
    let mut before = clipped(old, 0..upto);
    let mut after = clipped(new, 0..upto);
    loop {
        match (before.next(), after.next()) {
            (None, None) => return upto,
            (Some(was), Some(is)) if was == is => {}
            // The same format from the same place, for less or more of the text.
            (Some(was), Some(is))
                if was.format == is.format && was.byte_range.start == is.byte_range.start =>
            {
                return was.byte_range.end.0.min(is.byte_range.end.0);
            }
            (Some(was), Some(is)) => return was.byte_range.start.0.min(is.byte_range.start.0),
            (Some(only), None) | (None, Some(only)) => return only.byte_range.start.0,
        }
    }
}

/// True when `a`'s formats over `a_range` are `b`'s over `b_range` (the same text).
fn formats_match(
    a: &LayoutJob,
    a_range: Range<usize>,
    b: &LayoutJob,
    b_range: Range<usize>,
) -> bool {
    clipped(a, a_range).eq(clipped(b, b_range))
}

/// `job`'s sections over `range`, clipped to it and counted from its start.
fn clipped(job: &LayoutJob, range: Range<usize>) -> impl Iterator<Item = LayoutSection> + '_ {
    job.sections.iter().filter_map(move |s| {
        let from = s.byte_range.start.0.max(range.start);
        let to = s.byte_range.end.0.min(range.end);
        (from < to).then(|| LayoutSection {
            leading_space: 0.0,
            byte_range: ByteIndex(from - range.start)..ByteIndex(to - range.start),
            format: s.format.clone(),
        })
    })
}

/// The part `range` of `job`, as a job of its own.
fn sub_job(job: &LayoutJob, range: Range<usize>) -> LayoutJob {
    LayoutJob {
        text: job.text[range.clone()].to_owned(),
        sections: clipped(job, range).collect(),
        wrap: job.wrap.clone(),
        first_row_min_height: 0.0,
        break_on_newline: job.break_on_newline,
        halign: job.halign,
        justify: job.justify,
        round_output_to_gui: job.round_output_to_gui,
        keep_trailing_whitespace: job.keep_trailing_whitespace,
    }
}

/// A galley of `job` from `rows` (each placed as in the layout it comes from), stacked as egui
/// stacks rows: each starts where the one above ends, on a whole pixel.
fn assembled(old: &Galley, job: &LayoutJob, mut rows: Vec<PlacedRow>) -> Galley {
    let pixels_per_point = old.pixels_per_point;
    let mut y = 0.0;
    let mut rect = Rect::ZERO;
    let mut mesh_bounds = Rect::NOTHING;
    let (mut num_vertices, mut num_indices) = (0, 0);
    for placed in &mut rows {
        placed.pos.y = y;
        y = ((y + placed.row.size.y) * pixels_per_point).round() / pixels_per_point;
        rect |= placed.rect();
        mesh_bounds |= placed
            .row
            .visuals
            .mesh_bounds
            .translate(placed.pos.to_vec2());
        num_vertices += placed.row.visuals.mesh.vertices.len();
        num_indices += placed.row.visuals.mesh.indices.len();
    }
    if job.round_output_to_gui {
        // As egui rounds a galley's rectangle (`Galley::round_output_to_gui`).
        let exceeds = rect.width() > job.wrap.max_width + 1.0;
        rect = rect.round_ui();
        if !exceeds {
            rect.max.x = rect.max.x.min(rect.min.x + job.wrap.max_width).floor_ui();
        }
    }
    // A clone keeps what egui alone may set (the text's width unwrapped, nearly the old one).
    let mut galley = old.clone();
    galley.job = Arc::new(job.clone());
    galley.rows = rows;
    galley.rect = rect;
    galley.mesh_bounds = mesh_bounds;
    galley.num_vertices = num_vertices;
    galley.num_indices = num_indices;
    galley.elided = false;
    galley
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words of a card description, with a long web address, emoji (one a sequence of three
    /// characters), accents and a placeholder (a format of its own) among them.
    const WORDS: [&str; 17] = [
        "Our",
        "winter",
        "collection",
        "is",
        "here:",
        "warm",
        "coats,",
        "🧥",
        "scarves",
        "and",
        "boots",
        "—",
        "café-au-lait",
        "https://example.com/winter-sale/2026/collection?utm_source=rcs",
        "{{first_name}},",
        "🎉🎉",
        "👩\u{200D}💻",
    ];

    /// A small deterministic generator: the same edits on every run.
    struct Dice(u64);

    impl Dice {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            usize::try_from(self.0 >> 33).unwrap_or(0) % n.max(1)
        }
    }

    fn words(dice: &mut Dice, from: &[&str], count: usize) -> String {
        (0..count)
            .map(|_| from[dice.below(from.len())])
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The byte of the `n`th character of `text` (its end when it has fewer).
    fn boundary(text: &str, n: usize) -> usize {
        text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)
    }

    /// One edit: a letter, a space or a newline typed, a character taken away, a few words
    /// pasted, or a selection replaced.
    fn edit(dice: &mut Dice, from: &[&str], text: &mut String) {
        let chars = text.chars().count();
        let at = boundary(text, dice.below(chars + 1));
        let after = |n: usize| boundary(text, text[..at].chars().count() + n);
        match dice.below(7) {
            0 | 1 => text.insert(
                at,
                char::from(b'a' + u8::try_from(dice.below(26)).unwrap_or(0)),
            ),
            2 => text.insert(at, ' '),
            3 => text.insert(at, '\n'),
            4 => text.replace_range(at..after(1), ""),
            5 => {
                let count = 1 + dice.below(12);
                text.insert_str(at, &format!("{} ", words(dice, from, count)));
            }
            _ => {
                let to = after(dice.below(40));
                let count = dice.below(3);
                text.replace_range(at..to, &words(dice, from, count));
            }
        }
    }

    fn job(text: &str, font: &FontId, width: f32) -> LayoutJob {
        let colours = (Color32::GRAY, Color32::GOLD);
        let mut job = super::super::highlight::job(text, font, colours, None, width);
        job.wrap.max_width = job.wrap.max_width.round();
        job
    }

    /// Each row's characters and whether a newline ends it.
    fn rows(galley: &Galley) -> Vec<(String, bool)> {
        let row = |r: &PlacedRow| {
            (
                r.row.glyphs.iter().map(|g| g.chr).collect(),
                r.ends_with_newline,
            )
        };
        galley.rows.iter().map(row).collect()
    }

    /// The largest distance between where a glyph or a row stands, or how big a row is, in
    /// `a` and in `b`.
    fn largest_shift(a: &Galley, b: &Galley) -> f32 {
        a.rows
            .iter()
            .zip(&b.rows)
            .flat_map(|(x, y)| {
                let glyphs = x.row.glyphs.iter().zip(&y.row.glyphs);
                glyphs
                    .map(|(g, h)| (g.pos - h.pos).length())
                    .chain([(x.pos - y.pos).length(), (x.row.size - y.row.size).length()])
            })
            .fold(0.0, f32::max)
    }

    /// How `edits` pseudo-random edits of a text of `from`'s words came out, laid out in parts
    /// and whole at each of `widths`.
    #[derive(Default)]
    struct Outcome {
        /// Bytes laid out in parts, and what laying out each text whole would have cost.
        parts: usize,
        whole: usize,
        /// Edits after which the rows were the same, and the largest shift then.
        same_rows: usize,
        shift: f32,
        /// Edits after which a row ended a word earlier or later than in the whole layout,
        /// and each time, the longer of the two rows reached within a pixel of the width.
        within_a_pixel: usize,
    }

    fn try_edits(font: &FontId, from: &[&str], widths: &[f32], edits: usize) -> Outcome {
        let ctx = egui::Context::default();
        crate::ui::fonts::install(&ctx);
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .textures_delta
            .clear();
        let mut seen = Outcome::default();
        let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
            let mut dice = Dice(7);
            for &width in widths {
                let mut text = words(&mut dice, from, 260);
                let mut old = ui.fonts_mut(|f| f.layout_job(job(&text, font, width)));
                for round in 0..edits {
                    edit(&mut dice, from, &mut text);
                    let new_job = job(&text, font, width);
                    let got = relayout(&old, &row_starts(&old), &new_job, |piece| {
                        seen.parts += piece.text.len();
                        ui.fonts_mut(|f| f.layout_job(piece))
                    })
                    .unwrap_or_else(|| panic!("round {round}: not laid out in parts"));
                    seen.whole += text.len();
                    let whole = ui.fonts_mut(|f| f.layout_job(new_job.clone()));
                    assert_eq!(got.job.text, text);
                    let (a, b) = (rows(&got), rows(&whole));
                    // The rows hold the text: one glyph per character (a cluster's extra
                    // characters have zero-width glyphs), a newline where a row says so.
                    let counted: usize = got
                        .rows
                        .iter()
                        .map(|r| r.char_count_including_newline().0)
                        .sum();
                    assert_eq!(counted, text.chars().count(), "round {round}");
                    let mut at = 0;
                    for r in &got.rows {
                        at = advance(&text, at, r.row.glyphs.len()).unwrap_or(usize::MAX);
                        let newline = text.get(at..).is_some_and(|t| t.starts_with('\n'));
                        assert_eq!(r.ends_with_newline, newline, "round {round}, byte {at}");
                        at += usize::from(newline);
                    }
                    if a == b {
                        seen.same_rows += 1;
                        let corners = |r: Rect| [r.min, r.max];
                        let bounds = corners(got.rect)
                            .into_iter()
                            .zip(corners(whole.rect))
                            .chain(
                                corners(got.mesh_bounds)
                                    .into_iter()
                                    .zip(corners(whole.mesh_bounds)),
                            )
                            .map(|(p, q)| (p - q).length())
                            .fold(0.0, f32::max);
                        seen.shift = seen.shift.max(largest_shift(&got, &whole)).max(bounds);
                        assert_eq!(
                            (got.num_vertices, got.num_indices),
                            (whole.num_vertices, whole.num_indices)
                        );
                    } else {
                        let i = a.iter().zip(&b).position(|(x, y)| x != y).unwrap_or(0);
                        let longer = if a[i].0.len() > b[i].0.len() {
                            &got
                        } else {
                            &whole
                        };
                        let reach = longer.rows[i]
                            .row
                            .glyphs
                            .last()
                            .map_or(0.0, egui::epaint::text::Glyph::max_x);
                        assert!(
                            reach > width - 1.0,
                            "round {round}, row {i}: {:?} vs {:?}",
                            a.get(i..=i + 1),
                            b.get(i..=i + 1)
                        );
                        seen.within_a_pixel += 1;
                    }
                    old = Arc::new(got);
                }
            }
        });
        out.textures_delta.clear();
        seen
    }

    #[test]
    fn with_whole_pixel_glyphs_each_edit_lays_out_as_a_whole_layout_does() {
        // A monospaced size whose glyphs are 8 pixels wide: every glyph on a whole pixel,
        // whether counted from a paragraph's start or a row's.
        let ctx = egui::Context::default();
        let mut width = 0.0;
        ctx.run_ui(egui::RawInput::default(), |ui| {
            width = ui.fonts_mut(|f| f.glyph_width(&FontId::monospace(100.0), 'a'));
        })
        .textures_delta
        .clear();
        let font = FontId::monospace(800.0 / width);
        let from: Vec<&str> = WORDS.iter().copied().filter(|w| w.is_ascii()).collect();
        let seen = try_edits(&font, &from, &[219.0, 400.0], 400);
        assert_eq!(seen.same_rows, 800, "every edit laid out as whole");
        assert!(seen.shift == 0.0, "glyphs {} pixels apart", seen.shift);
        // The point of it: far less than the whole text is laid out at each edit.
        assert!(
            seen.parts * 5 < seen.whole,
            "{} of {}",
            seen.parts,
            seen.whole
        );
    }

    #[test]
    fn with_the_editor_font_and_emoji_rows_differ_only_where_a_word_ends_within_a_pixel() {
        let font = egui::TextStyle::Body.resolve(&egui::Style::default());
        let seen = try_edits(&font, &WORDS, &[219.0, 400.0], 400);
        assert_eq!(seen.same_rows + seen.within_a_pixel, 800);
        // Glyphs are placed on whole pixels counted from where egui starts laying out: a
        // glyph, and so a word at the end of a row, may move by a pixel.
        assert!(seen.shift <= 1.0, "glyphs {} pixels apart", seen.shift);
        assert!(
            seen.parts * 5 < seen.whole,
            "{} of {}",
            seen.parts,
            seen.whole
        );
    }

    /// Lays out `text` for the field `id` in a pass of `ctx`.
    fn field(ctx: &egui::Context, id: Id, text: &str) -> Arc<Galley> {
        let mut galley = None;
        ctx.run_ui(egui::RawInput::default(), |ui| {
            let font = egui::TextStyle::Body.resolve(ui.style());
            galley = Some(layout(ui, id, job(text, &font, 300.0)));
        })
        .textures_delta
        .clear();
        galley.unwrap_or_else(|| unreachable!("the pass ran"))
    }

    #[test]
    fn a_field_keeps_its_rows_before_an_edit_until_egui_forgets_its_layouts() {
        let ctx = egui::Context::default();
        crate::ui::fonts::install(&ctx);
        let id = Id::unique("description");
        let mut text = words(&mut Dice(3), &WORDS, 200);
        let first = field(&ctx, id, &text);
        text.push('x');
        let typed = field(&ctx, id, &text);
        assert!(
            Arc::ptr_eq(&first.rows[0].row, &typed.rows[0].row),
            "the first row is kept"
        );
        assert_eq!(typed.job.text, text);
        // A new scale empties egui's layouts (as a full glyph atlas or new fonts do): the
        // field's rows, laid out for the old one, must not come back.
        ctx.set_pixels_per_point(2.0);
        text.push('y');
        let scaled = field(&ctx, id, &text);
        assert!(!Arc::ptr_eq(&typed.rows[0].row, &scaled.rows[0].row));
        assert!((scaled.pixels_per_point - 2.0).abs() < f32::EPSILON);
        text.push('z');
        let again = field(&ctx, id, &text);
        assert!(Arc::ptr_eq(&scaled.rows[0].row, &again.rows[0].row));
        // A text cut short of the threshold keeps nothing (egui never frees temporary data).
        field(&ctx, id, "Short now.");
        let key = id.with("long text layout");
        assert!(ctx.data(|d| d.get_temp::<Memo>(key)).is_none());
    }
}
