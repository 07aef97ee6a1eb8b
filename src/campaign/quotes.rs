//! Finds a quoted cell that is never closed. RFC 4180 encloses a cell with a line break, a
//! delimiter or a quote in double quotes; when the closing quote is missing, a CSV reader
//! (the `csv` crate included) takes everything to the end of the file as that one cell, and
//! the rows after it silently become part of one recipient's text. This scan follows the
//! same reading of quotes as the `csv` crate: a quote opens a cell only at the cell's start,
//! `""` inside a quoted cell is one quote, and a quote inside an unquoted cell is text.

use std::io::{self, Read};

#[derive(Clone, Copy)]
enum State {
    CellStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted cell: it closes the cell, or is the first of `""`.
    QuoteInQuoted,
}

/// The line (1-based, counted from `first_line`) where a quoted cell opens that the file
/// never closes; `None` when every quoted cell is closed.
///
/// # Errors
/// When `input` cannot be read.
pub fn unclosed_quote(
    mut input: impl Read,
    delimiter: u8,
    first_line: u64,
) -> io::Result<Option<u64>> {
    let mut state = State::CellStart;
    let mut line = first_line;
    let mut opened_on = first_line;
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = match input.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        for &b in &buf[..n] {
            let ends_cell = b == delimiter || b == b'\n';
            state = match (state, b) {
                (State::CellStart, b'"') => {
                    opened_on = line;
                    State::Quoted
                }
                (State::Quoted, b'"') => State::QuoteInQuoted,
                // Text of a quoted cell, or the second quote of `""`.
                (State::Quoted, _) | (State::QuoteInQuoted, b'"') => State::Quoted,
                (State::CellStart | State::Unquoted | State::QuoteInQuoted, _) if ends_cell => {
                    State::CellStart
                }
                _ => State::Unquoted,
            };
            if b == b'\n' {
                line += 1;
            }
        }
    }
    Ok(matches!(state, State::Quoted).then_some(opened_on))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> Option<u64> {
        unclosed_quote(text.as_bytes(), b',', 1).expect("read")
    }

    #[test]
    fn closed_cells_escaped_quotes_and_quotes_inside_plain_text_are_fine() {
        assert_eq!(
            scan("phone,n\n+1,\"Ann\nMarie\"\n+2,\"say \"\"hi\"\"\"\n"),
            None
        );
        assert_eq!(scan("phone,n\n+1,5\" screen\n+2,b\n"), None);
        assert_eq!(scan("phone,n\r\n+1,\"a,b\"\r\n"), None);
        assert_eq!(scan(""), None);
    }

    #[test]
    fn a_cell_left_open_is_found_at_the_line_it_opens() {
        assert_eq!(
            scan("phone,n\n+1,Ann\n+2,\"Bob\n+3,Carl\n+4,Dee\n"),
            Some(3)
        );
        assert_eq!(scan("phone,n\n+1,\"say \"\"hi\"\"\n"), Some(2));
        assert_eq!(
            unclosed_quote("a;\"b\n".as_bytes(), b';', 5).expect("read"),
            Some(5)
        );
    }
}
