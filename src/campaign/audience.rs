//! Audience files: CSV (RFC 4180) with a header row, streamed a row at a time.
//!
//! UTF-8 with or without a byte-order mark; the delimiter (`,` `;` or tab) is detected from
//! the header line. The `csv` crate does the parsing (quoted fields with delimiters, quotes
//! and line breaks), so a million-row file is never held in memory: rows are read into one
//! reused record. The rules and their sources: docs/campaign-audiences.md.

use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// Column names that hold the recipient's phone number when none is chosen (any case).
pub const PHONE_COLUMN_NAMES: [&str; 4] =
    ["phone", "phone_number", "mobile", "DestinationPhoneNumber"];

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Why an audience file cannot be used at all.
#[derive(Debug)]
pub enum AudienceError {
    Io(PathBuf, io::Error),
    Empty(PathBuf),
    /// The header line is not valid CSV or not UTF-8.
    BadHeader(PathBuf, String),
    /// A quoted cell opens on this line and the file never closes it.
    UnclosedQuote(PathBuf, u64),
    /// No column is named like a phone column, and none was chosen.
    NoPhoneColumn {
        columns: Vec<String>,
    },
    /// The chosen phone column is not in the header.
    UnknownPhoneColumn {
        name: String,
        columns: Vec<String>,
    },
}

impl std::fmt::Display for AudienceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Io(path, e) => write!(f, "{}: {e}", path.display()),
            Self::Empty(path) => write!(
                f,
                "{}: the file is empty; it needs a header row",
                path.display()
            ),
            Self::BadHeader(path, why) => write!(f, "{}: line 1 (header): {why}", path.display()),
            Self::UnclosedQuote(path, line) => write!(
                f,
                "{}: line {line}: a cell opens with a double quote here and the file never closes it, so every row after it would be read as part of that cell; add the closing quote",
                path.display()
            ),
            Self::NoPhoneColumn { columns } => write!(
                f,
                "no phone column: name one phone, phone_number, mobile or DestinationPhoneNumber, or choose one (--phone-column); the columns are {}",
                list(columns)
            ),
            Self::UnknownPhoneColumn { name, columns } => write!(
                f,
                "there is no column '{name}'; the columns are {}",
                list(columns)
            ),
        }
    }
}

impl std::error::Error for AudienceError {}

fn list(columns: &[String]) -> String {
    columns
        .iter()
        .map(|c| format!("'{c}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An audience file's shape, read from its header line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Audience {
    pub path: PathBuf,
    /// Column names, trimmed.
    pub columns: Vec<String>,
    /// The index of the phone column.
    pub phone: usize,
    pub delimiter: u8,
}

/// Why a header that names a column twice cannot be used: a placeholder or the phone column
/// with that name could be either, and a message could go to the wrong number or say the wrong
/// thing. Unnamed columns (a spreadsheet's empty trailing ones) may repeat.
fn named_twice(columns: &[String]) -> Option<String> {
    columns.iter().enumerate().find_map(|(i, name)| {
        let again = columns[i + 1..].iter().position(|c| c == name)?;
        (!name.is_empty()).then(|| {
            format!(
                "columns {} and {} are both named '{name}'; rename one so that each name says which column it is",
                i + 1,
                i + 2 + again
            )
        })
    })
}

impl Audience {
    /// Reads the header of `path` and finds the phone column: `phone_column` when given
    /// (matched after trimming, then in any case), otherwise the first column with one of
    /// [`PHONE_COLUMN_NAMES`].
    ///
    /// # Errors
    /// When the file cannot be read, has no header, or has no such phone column.
    pub fn open(path: &Path, phone_column: Option<&str>) -> Result<Self, AudienceError> {
        let io_error = |e| AudienceError::Io(path.to_owned(), e);
        let mut file = File::open(path).map_err(io_error)?;
        let mut head = vec![0u8; 64 * 1024];
        let n = read_up_to(&mut file, &mut head).map_err(io_error)?;
        head.truncate(n);
        let body = head.strip_prefix(BOM).unwrap_or(&head);
        if body.iter().all(u8::is_ascii_whitespace) {
            return Err(AudienceError::Empty(path.to_owned()));
        }
        let delimiter = detect_delimiter(body);
        let mut reader = builder(delimiter).from_reader(body);
        let mut record = csv::ByteRecord::new();
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => return Err(AudienceError::Empty(path.to_owned())),
            Err(e) => return Err(AudienceError::BadHeader(path.to_owned(), e.to_string())),
        }
        let columns = record
            .iter()
            .map(|c| std::str::from_utf8(c).map(|c| c.trim().to_owned()))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|_| {
                AudienceError::BadHeader(
                    path.to_owned(),
                    "not UTF-8 text; save the file as \"CSV UTF-8\"".to_owned(),
                )
            })?;
        if let Some(why) = named_twice(&columns) {
            return Err(AudienceError::BadHeader(path.to_owned(), why));
        }
        let phone = find_phone_column(&columns, phone_column)?;
        // Before any row is sent: a cell left open would swallow the rows after it.
        file.seek(SeekFrom::Start(0)).map_err(io_error)?;
        if let Some(line) = crate::campaign::quotes::unclosed_quote(
            BufReader::with_capacity(256 * 1024, file),
            delimiter,
            1,
        )
        .map_err(io_error)?
        {
            return Err(AudienceError::UnclosedQuote(path.to_owned(), line));
        }
        Ok(Self {
            path: path.to_owned(),
            columns,
            phone,
            delimiter,
        })
    }

    /// The index of a column by name (trimmed, exact).
    #[must_use]
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name.trim())
    }

    /// Streams the data rows from the first.
    ///
    /// # Errors
    /// When the file cannot be opened again.
    pub fn rows(&self) -> Result<Rows, AudienceError> {
        self.rows_from(RowStart::FIRST)
    }

    /// Streams the data rows from a row's start, as a previous [`Rows`] reported it, or from
    /// [`RowStart::FIRST`].
    ///
    /// # Errors
    /// When the file cannot be opened or positioned.
    pub fn rows_from(&self, start: RowStart) -> Result<Rows, AudienceError> {
        let io_error = |e| AudienceError::Io(self.path.clone(), e);
        let mut file = File::open(&self.path).map_err(io_error)?;
        let mut bom = [0u8; 3];
        let n = read_up_to(&mut file, &mut bom).map_err(io_error)?;
        let skip = if bom[..n] == *BOM { 3 } else { 0 };
        let at_header = start.offset == 0;
        file.seek(SeekFrom::Start(if at_header { skip } else { start.offset }))
            .map_err(io_error)?;
        let mut reader =
            builder(self.delimiter).from_reader(BufReader::with_capacity(256 * 1024, file));
        let mut record = csv::ByteRecord::new();
        let (base, number) = if at_header {
            // Skip the header; positions are then relative to where reading started.
            reader
                .read_byte_record(&mut record)
                .map_err(|e| AudienceError::BadHeader(self.path.clone(), e.to_string()))?;
            (skip, 1)
        } else {
            (start.offset, start.number)
        };
        Ok(Rows {
            reader,
            record,
            base,
            next_number: number,
            line_base: if at_header { 0 } else { start.line - 1 },
            width: self.columns.len(),
        })
    }
}

/// Where to start reading rows: a byte offset of a row's start, its number and line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RowStart {
    pub offset: u64,
    pub number: u64,
    pub line: u64,
}

impl RowStart {
    /// The first data row (offset 0 stands for "just after the header").
    pub const FIRST: Self = Self {
        offset: 0,
        number: 1,
        line: 2,
    };
}

fn read_up_to(file: &mut File, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

fn builder(delimiter: u8) -> csv::ReaderBuilder {
    let mut b = csv::ReaderBuilder::new();
    // Rows of another width are reported per row rather than ending the file.
    b.delimiter(delimiter).has_headers(false).flexible(true);
    b
}

/// The delimiter that occurs most often outside quotes on the first line; `,` by default.
fn detect_delimiter(head: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in head {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let delimiters = [b',', b';', b'\t'];
    let best = (0..3)
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        delimiters[best]
    }
}

fn find_phone_column(columns: &[String], chosen: Option<&str>) -> Result<usize, AudienceError> {
    if let Some(name) = chosen {
        let name = name.trim();
        return columns
            .iter()
            .position(|c| c == name)
            .or_else(|| columns.iter().position(|c| c.eq_ignore_ascii_case(name)))
            .ok_or_else(|| AudienceError::UnknownPhoneColumn {
                name: name.to_owned(),
                columns: columns.to_vec(),
            });
    }
    columns
        .iter()
        .position(|c| PHONE_COLUMN_NAMES.iter().any(|p| c.eq_ignore_ascii_case(p)))
        .ok_or_else(|| AudienceError::NoPhoneColumn {
            columns: columns.to_vec(),
        })
}

/// What is wrong with a row as a row (before its values are looked at).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowShape {
    Ok,
    /// The row has `cells` cells; the header has `width`.
    Width {
        cells: usize,
        width: usize,
    },
    NotUtf8,
}

/// A data row, borrowed from the stream until the next one is read.
#[derive(Debug)]
pub struct Row<'r> {
    /// 1-based, the header excluded.
    pub number: u64,
    /// The line of the file the row starts on (the header is line 1).
    pub line: u64,
    /// Where the row starts, to come back to it.
    pub start: RowStart,
    pub shape: RowShape,
    record: &'r csv::ByteRecord,
}

impl<'r> Row<'r> {
    /// The cell of column `index`, if the row has it and it is UTF-8.
    #[must_use]
    pub fn cell(&self, index: usize) -> Option<&'r str> {
        self.record
            .get(index)
            .and_then(|c| std::str::from_utf8(c).ok())
    }

    /// Every cell as text (invalid UTF-8 replaced), for showing the row.
    #[must_use]
    pub fn cells(&self) -> Vec<String> {
        self.record
            .iter()
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect()
    }
}

/// The data rows of an audience, streamed.
pub struct Rows {
    reader: csv::Reader<BufReader<File>>,
    record: csv::ByteRecord,
    /// The file offset the reader started at.
    base: u64,
    next_number: u64,
    line_base: u64,
    width: usize,
}

impl Rows {
    /// The next row, `Ok(None)` at the end.
    ///
    /// # Errors
    /// When the file cannot be read (a CSV syntax problem is not an error: the `csv` crate
    /// reads any byte sequence, and a row of the wrong width is reported as such).
    pub fn next_row(&mut self) -> Result<Option<Row<'_>>, csv::Error> {
        if !self.reader.read_byte_record(&mut self.record)? {
            return Ok(None);
        }
        let (byte, line) = self
            .record
            .position()
            .map_or((0, 1), |p| (p.byte(), p.line()));
        let number = self.next_number;
        self.next_number += 1;
        let line = self.line_base + line;
        let shape = if self.record.len() != self.width {
            RowShape::Width {
                cells: self.record.len(),
                width: self.width,
            }
        } else if std::str::from_utf8(self.record.as_slice()).is_err() {
            RowShape::NotUtf8
        } else {
            RowShape::Ok
        };
        Ok(Some(Row {
            number,
            line,
            start: RowStart {
                offset: self.base + byte,
                number,
                line,
            },
            shape,
            record: &self.record,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &[u8]) -> tempfile::NamedTempFile {
        let mut f = tempfile::NamedTempFile::new().expect("temp");
        std::io::Write::write_all(&mut f, text).expect("write");
        f
    }

    fn all_rows(a: &Audience) -> Vec<(u64, u64, RowShape, Vec<String>)> {
        let mut rows = a.rows().expect("rows");
        let mut out = Vec::new();
        while let Some(r) = rows.next_row().expect("row") {
            out.push((r.number, r.line, r.shape.clone(), r.cells()));
        }
        out
    }

    #[test]
    fn reads_quoted_fields_with_commas_quotes_and_newlines() {
        let f = file(b"phone,first_name,note\n+14255550123,\"Smith, Jo\",\"said \"\"hi\"\"\nthen left\"\n+14255550124,Ana,\n");
        let a = Audience::open(f.path(), None).expect("open");
        assert_eq!(a.columns, ["phone", "first_name", "note"]);
        assert_eq!(a.phone, 0);
        let rows = all_rows(&a);
        assert_eq!(
            rows[0].3,
            ["+14255550123", "Smith, Jo", "said \"hi\"\nthen left"]
        );
        assert_eq!((rows[1].0, rows[1].1), (2, 4), "row 2 starts on line 4");
        assert_eq!(rows[1].3, ["+14255550124", "Ana", ""]);
    }

    #[test]
    fn strips_bom_and_detects_semicolon_and_tab() {
        let f = file(b"\xEF\xBB\xBFName;Mobile\r\nZo\xC3\xAB;+33612345678\r\n");
        let a = Audience::open(f.path(), None).expect("open");
        assert_eq!(a.delimiter, b';');
        assert_eq!(a.columns, ["Name", "Mobile"]);
        assert_eq!(a.phone, 1);
        assert_eq!(all_rows(&a)[0].3, ["Zoë", "+33612345678"]);
        let f = file(b"first name\tphone_number\nA, B\t+14255550123\n");
        let a = Audience::open(f.path(), None).expect("open");
        assert_eq!(a.delimiter, b'\t');
        assert_eq!(all_rows(&a)[0].3, ["A, B", "+14255550123"]);
    }

    #[test]
    fn header_names_are_trimmed_and_phone_column_can_be_chosen() {
        let f = file(b" First Name , cell \nA,+14255550123\n");
        assert!(matches!(
            Audience::open(f.path(), None),
            Err(AudienceError::NoPhoneColumn { .. })
        ));
        let a = Audience::open(f.path(), Some("CELL")).expect("open");
        assert_eq!(a.columns, ["First Name", "cell"]);
        assert_eq!(a.phone, 1);
        assert_eq!(a.column(" First Name"), Some(0));
        let e = Audience::open(f.path(), Some("tel")).expect_err("no such column");
        assert!(e.to_string().contains("'First Name', 'cell'"), "{e}");
    }

    #[test]
    fn rows_of_another_width_or_not_utf8_are_marked() {
        let f = file(
            b"phone,name\n+14255550123\n+14255550124,a,b\n+14255550125,\xFF\n+14255550126,ok\n",
        );
        let a = Audience::open(f.path(), None).expect("open");
        let shapes: Vec<_> = all_rows(&a).into_iter().map(|r| r.2).collect();
        assert_eq!(
            shapes,
            vec![
                RowShape::Width { cells: 1, width: 2 },
                RowShape::Width { cells: 3, width: 2 },
                RowShape::NotUtf8,
                RowShape::Ok
            ]
        );
    }

    #[test]
    fn empty_and_bad_headers() {
        assert!(matches!(
            Audience::open(file(b"").path(), None),
            Err(AudienceError::Empty(_))
        ));
        assert!(matches!(
            Audience::open(file(b"\xEF\xBB\xBF\n\n").path(), None),
            Err(AudienceError::Empty(_))
        ));
        assert!(matches!(
            Audience::open(file(b"ph\xFFone\n1\n").path(), None),
            Err(AudienceError::BadHeader(..))
        ));
    }

    #[test]
    fn a_column_named_twice_is_refused_at_the_header_and_unnamed_ones_may_repeat() {
        let twice = file(b"phone,first_name, phone ,code\n+14255550101,Ana,+14255550102,X\n");
        match Audience::open(twice.path(), None) {
            Err(e @ AudienceError::BadHeader(..)) => assert!(
                e.to_string().ends_with(
                    "line 1 (header): columns 1 and 3 are both named 'phone'; rename one so that each name says which column it is"
                ),
                "{e}"
            ),
            other => panic!("{other:?}"),
        }
        let unnamed = file(b"phone,first_name,,\n+14255550101,Ana,,\n");
        assert!(Audience::open(unnamed.path(), None).is_ok());
    }

    #[test]
    fn a_quoted_cell_never_closed_is_refused_at_its_line_before_any_row_is_read() {
        let open = file(b"phone,n\n+14255550101,Ana\n+14255550102,\"Bob\n+14255550103,Carl\n");
        match Audience::open(open.path(), None) {
            Err(e @ AudienceError::UnclosedQuote(_, 3)) => {
                assert!(
                    e.to_string()
                        .contains(": line 3: a cell opens with a double quote")
                );
            }
            other => panic!("{other:?}"),
        }
        // Past the first 64 KiB that the header is read from, too.
        let mut long = b"phone,n\n".to_vec();
        for i in 0..5000 {
            long.extend_from_slice(format!("+1425555{i:04},name {i}\n").as_bytes());
        }
        long.extend_from_slice(b"+14255559999,\"unclosed\n");
        assert!(matches!(
            Audience::open(file(&long).path(), None),
            Err(AudienceError::UnclosedQuote(_, 5002))
        ));
    }

    #[test]
    fn reading_resumes_at_a_row_start() {
        let f = file(b"\xEF\xBB\xBFphone,n\n+1425555001,\"a\nb\"\n+1425555002,c\n+1425555003,d\n");
        let a = Audience::open(f.path(), None).expect("open");
        let mut rows = a.rows().expect("rows");
        rows.next_row().expect("1");
        let second = rows.next_row().expect("2").expect("row").start;
        assert_eq!((second.number, second.line), (2, 4));
        let mut again = a.rows_from(second).expect("seek");
        let row = again.next_row().expect("row").expect("some");
        assert_eq!((row.number, row.line), (2, 4));
        assert_eq!(row.cell(1), Some("c"));
        let row = again.next_row().expect("row").expect("some");
        assert_eq!((row.number, row.line, row.cell(1)), (3, 5, Some("d")));
        assert_eq!(
            row.start.offset,
            u64::try_from(b"\xEF\xBB\xBFphone,n\n+1425555001,\"a\nb\"\n+1425555002,c\n".len())
                .expect("fits")
        );
    }
}
