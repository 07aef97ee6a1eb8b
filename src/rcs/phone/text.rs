//! Line breaking and truncation as the phone does it: greedy, at spaces, after hyphens and
//! between CJK characters; a word wider than the line is broken between characters; a cut
//! text ends its last line with "…" (Android's `TextUtils.ellipsize` at the end).

use super::font::{self, Face};

/// How a piece of text is set: face, size and the width it wraps at, all in dp.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub face: Face,
    pub size: f32,
    pub width: f32,
}

/// The ellipsis a cut line ends with.
pub const ELLIPSIS: char = '…';

/// True for characters a line may break before and after, as between ideographs.
fn breaks_around(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{3FFFF}')
}

/// Calls `piece` with each piece of a paragraph a line may end after — a word with the
/// spaces after it, a word up to and including a hyphen, or one ideograph — and its offset.
fn for_each_piece<'p>(paragraph: &'p str, mut piece: impl FnMut(usize, &'p str)) {
    let mut start = 0;
    let mut chars = paragraph.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        let next = chars.peek().map(|&(_, n)| n);
        let ends_here = match next {
            None => true,
            Some(n) => {
                (c.is_whitespace() && !n.is_whitespace())
                    || (c == '-' && !n.is_whitespace())
                    || breaks_around(c)
                    || (breaks_around(n) && !c.is_whitespace())
            }
        };
        if ends_here {
            piece(start, &paragraph[start..end]);
            start = end;
        }
    }
}

/// Calls `line` with each line the phone shows of `text` at `style`, as a slice of `text`
/// (no limit, nothing allocated). Spaces at a line's end are left out; a newline ends a line;
/// an empty text has no lines.
pub fn for_each_line<'t>(text: &'t str, style: Style, mut line: impl FnMut(&'t str)) {
    if text.is_empty() {
        return;
    }
    for paragraph in text.split('\n') {
        let p = paragraph.strip_suffix('\r').unwrap_or(paragraph);
        // The current line is p[start..end]; `width` includes the spaces after `end`.
        let (mut start, mut end, mut width, mut empty) = (0, 0, 0.0, true);
        for_each_piece(p, |at, piece| {
            let word = piece.trim_end();
            let word_width = font::width(style.face, style.size, word);
            if !empty && width + word_width > style.width {
                line(&p[start..end]);
                empty = true;
            }
            if empty {
                start = at;
                width = 0.0;
            }
            if empty && word_width > style.width {
                // A word wider than the line: as many characters per line as fit.
                let mut from = at;
                for (i, c) in word.char_indices() {
                    let a = font::advance(style.face, style.size, c);
                    if at + i > from && width + a > style.width {
                        line(&p[from..at + i]);
                        from = at + i;
                        width = 0.0;
                    }
                    width += a;
                }
                start = from;
            } else {
                width += word_width;
            }
            end = at + word.len();
            empty = false;
            width += font::width(style.face, style.size, &piece[word.len()..]);
        });
        line(&p[start..end]);
    }
}

/// Wraps `text` into the lines the phone shows at `style`, every line (no limit).
#[must_use]
pub fn wrap(text: &str, style: Style) -> Vec<String> {
    let mut lines = Vec::new();
    for_each_line(text, style, |l| lines.push(l.to_owned()));
    lines
}

/// How many lines `text` takes at `style` (what [`wrap`] returns, without allocating).
#[must_use]
pub fn count_lines(text: &str, style: Style) -> usize {
    let mut n = 0;
    for_each_line(text, style, |_| n += 1);
    n
}

/// The lines shown when at most `max` of `lines` fit: the first `max`, the last of them
/// ending in "…" with as much of the rest of the text as fits before it.
#[must_use]
pub fn truncate(lines: &[String], max: usize, style: Style) -> Vec<String> {
    if lines.len() <= max {
        return lines.to_vec();
    }
    if max == 0 {
        return Vec::new();
    }
    let mut out = lines[..max - 1].to_vec();
    let rest = lines[max - 1..].join(" ");
    out.push(ellipsize(&rest, style));
    out
}

/// `text` cut to one line of `style.width` that ends in "…" (unchanged if it fits).
#[must_use]
pub fn ellipsize(text: &str, style: Style) -> String {
    if font::width(style.face, style.size, text) <= style.width {
        return text.to_owned();
    }
    let room = style.width - font::advance(style.face, style.size, ELLIPSIS);
    let mut kept = String::new();
    let mut width = 0.0;
    for c in text.chars() {
        let a = font::advance(style.face, style.size, c);
        if width + a > room {
            break;
        }
        kept.push(c);
        width += a;
    }
    let mut out = kept.trim_end().to_owned();
    out.push(ELLIPSIS);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(width: f32) -> Style {
        Style {
            face: Face::Regular,
            size: 14.0,
            width,
        }
    }

    fn fits(lines: &[String], s: Style) -> bool {
        lines
            .iter()
            .all(|l| font::width(s.face, s.size, l) <= s.width + 1e-3)
    }

    #[test]
    fn wraps_at_spaces_greedily() {
        let s = style(font::width(Face::Regular, 14.0, "Winter sale on"));
        let lines = wrap("Winter sale on every coat", s);
        assert_eq!(lines, ["Winter sale on", "every coat"]);
        assert!(fits(&lines, s));
        assert_eq!(wrap("", s), Vec::<String>::new());
        assert_eq!(wrap("a\n\nb", s), ["a", "", "b"]);
        assert_eq!(wrap("  indented", s), ["  indented"]);
        assert_eq!(count_lines("Winter sale on every coat", s), 2);
    }

    #[test]
    fn breaks_long_words_hyphens_and_ideographs() {
        let s = style(60.0);
        let lines = wrap(&"x".repeat(40), s);
        assert!(lines.len() > 1 && fits(&lines, s), "{lines:?}");
        assert_eq!(lines.concat(), "x".repeat(40));
        let s = style(font::width(Face::Regular, 14.0, "known"));
        assert_eq!(wrap("well-known", s), ["well-", "known"]);
        let s = style(30.0);
        let cjk = wrap("冬季特卖会开始了", s);
        assert!(cjk.len() > 1 && fits(&cjk, s), "{cjk:?}");
        assert_eq!(cjk.concat(), "冬季特卖会开始了");
    }

    #[test]
    fn truncation_ends_in_an_ellipsis_that_fits() {
        let s = style(100.0);
        let lines = wrap(
            "The quick brown fox jumps over the lazy dog again and again",
            s,
        );
        assert!(lines.len() > 2);
        let cut = truncate(&lines, 2, s);
        assert_eq!(cut.len(), 2);
        assert_eq!(cut[0], lines[0]);
        assert!(cut[1].ends_with('…') && fits(&cut, s), "{cut:?}");
        // The cut line carries on with the next line's words.
        assert!(cut[1].len() > lines[1].len().min(3));
        assert_eq!(truncate(&lines, 0, s), Vec::<String>::new());
        assert_eq!(truncate(&lines, 99, s), lines);
        assert_eq!(ellipsize("short", s), "short");
    }
}
