//! Placeholders stand out in the editor's text fields: `{{name}}` in the placeholder colour,
//! or in the error colour when the loaded audience has no such column and there is no default.

use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Ui};

use crate::rcs::placeholder::{self, Segment};
use crate::ui::theme;

/// The text laid out with its placeholders coloured. `columns` are the audience's, when one
/// is loaded.
#[must_use]
pub fn job(
    text: &str,
    font: &FontId,
    (colour, accent): (Color32, Color32),
    columns: Option<&[String]>,
    wrap_width: f32,
) -> LayoutJob {
    let mut job = LayoutJob {
        keep_trailing_whitespace: true,
        ..LayoutJob::default()
    };
    job.wrap.max_width = wrap_width;
    let plain = TextFormat::simple(font.clone(), colour);
    let mut at = 0;
    for segment in placeholder::segments(text) {
        match segment {
            Segment::Literal(l) => {
                job.append(l, 0.0, plain.clone());
                at += l.len();
            }
            Segment::Placeholder { name, default } => {
                // The parts are slices of `text`: the placeholder ends at the first `}}` after
                // its last part (neither part can hold a `}}`).
                let last = default.unwrap_or(name);
                let last_end = last.as_ptr() as usize - text.as_ptr() as usize + last.len();
                let end = text[last_end..]
                    .find("}}")
                    .map_or(text.len(), |i| last_end + i + 2);
                let unknown = default.is_none()
                    && columns.is_some_and(|c| !c.iter().any(|c| c.trim() == name));
                let mut format =
                    TextFormat::simple(font.clone(), if unknown { theme::ERROR } else { accent });
                format.background = theme::PLACEHOLDER_TINT;
                if unknown {
                    format.underline = egui::Stroke::new(1.0, theme::ERROR);
                }
                job.append(&text[at..end], 0.0, format);
                at = end;
            }
        }
    }
    job
}

/// A layouter for `TextEdit::layouter` that colours placeholders. `multiline` is the id of a
/// multiline field, whose text wraps and is laid out again only around each edit
/// ([`super::long_text`]); `None` for a single line.
pub fn layouter(
    columns: Option<&[String]>,
    multiline: Option<egui::Id>,
) -> impl FnMut(&Ui, &dyn egui::TextBuffer, f32) -> Arc<Galley> + '_ {
    move |ui, text, wrap_width| {
        let font = egui::TextStyle::Body.resolve(ui.style());
        let colour = ui.visuals().widgets.inactive.text_color();
        let accent = theme::placeholder(ui.visuals().dark_mode);
        let wrap = if multiline.is_some() {
            wrap_width
        } else {
            f32::INFINITY
        };
        let job = job(text.as_str(), &font, (colour, accent), columns, wrap);
        match multiline {
            Some(field) => super::long_text::layout(ui, field, job),
            None => ui.fonts_mut(|f| f.layout_job(job)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str, columns: Option<&[String]>) -> Vec<(String, Color32)> {
        let colours = (Color32::WHITE, theme::PLACEHOLDER);
        let job = job(text, &FontId::default(), colours, columns, f32::INFINITY);
        job.sections
            .iter()
            .map(|s| {
                (
                    job.text[s.byte_range.start.0..s.byte_range.end.0].to_owned(),
                    s.format.color,
                )
            })
            .collect()
    }

    #[test]
    fn placeholders_are_coloured_and_the_text_is_unchanged() {
        let text = "Hi {{ first_name }}, {{city|Lyon}} {{x";
        let got = spans(text, None);
        assert_eq!(
            got,
            vec![
                ("Hi ".to_owned(), Color32::WHITE),
                ("{{ first_name }}".to_owned(), theme::PLACEHOLDER),
                (", ".to_owned(), Color32::WHITE),
                ("{{city|Lyon}}".to_owned(), theme::PLACEHOLDER),
                (" {{x".to_owned(), Color32::WHITE),
            ]
        );
        let joined: String = got.into_iter().map(|(t, _)| t).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn an_unknown_column_without_default_is_an_error_colour() {
        let columns = vec!["phone".to_owned(), "first_name".to_owned()];
        let got = spans("{{first_name}} {{code}} {{city|}}", Some(&columns));
        assert_eq!(got[0].1, theme::PLACEHOLDER);
        assert_eq!(got[2], ("{{code}}".to_owned(), theme::ERROR));
        assert_eq!(
            got[4].1,
            theme::PLACEHOLDER,
            "a default covers a missing column"
        );
    }
}
