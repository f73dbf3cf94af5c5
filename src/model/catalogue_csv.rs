//! Reading a service catalogue as its owner has it: names pasted one per line, or a CSV file as
//! service-management tools and spreadsheets export it (a header row; `,`, `;` or tab between
//! fields; quoted fields; UTF-8 with or without a byte-order mark, UTF-16, or the Windows-1252
//! older spreadsheet programs write). A wrong file gets an error that names what is wrong; nothing
//! here is ever evaluated, so a cell that looks like a formula stays text (exports neutralise it:
//! see `exchange::cell`).

use std::fmt;

/// The largest file read: a catalogue of [`MAX_ENTRIES`] with long descriptions fits well within.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
/// The most entries one catalogue takes.
pub const MAX_ENTRIES: usize = 2000;
/// The longest line: a longer one is not a catalogue's (a minified or binary file).
pub const MAX_LINE: usize = 20_000;

#[derive(Debug, Clone, PartialEq)]
pub enum CsvError {
    TooLarge(usize),
    NotText,
    Empty,
    LineTooLong(usize),
    TooManyEntries(usize),
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use super::keys::catalogue as k;
        use super::words::{tr, trf};
        let text = match self {
            CsvError::TooLarge(n) => trf(
                k::CSV_TOO_LARGE,
                &[
                    ("size", &n.div_ceil(1024).to_string()),
                    ("max", &(MAX_BYTES / 1024).to_string()),
                ],
            ),
            CsvError::NotText => tr(k::CSV_NOT_TEXT).into(),
            CsvError::Empty => tr(k::CSV_EMPTY).into(),
            CsvError::LineTooLong(n) => trf(
                k::CSV_LINE_TOO_LONG,
                &[("n", &n.to_string()), ("max", &MAX_LINE.to_string())],
            ),
            CsvError::TooManyEntries(n) => trf(
                k::CSV_TOO_MANY,
                &[("n", &n.to_string()), ("max", &MAX_ENTRIES.to_string())],
            ),
        };
        f.write_str(&text)
    }
}

/// A CSV file's header and rows, every cell trimmed, rows without any text left out.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The separator found: `,`, `;` or a tab.
    pub separator: char,
}

impl Table {
    /// The column most likely to hold the entries' names: one whose header says so, else the first.
    pub fn name_column(&self) -> usize {
        // A draft catalogue bita exported names its entries "Entry", beside a "Business service".
        (self.header.iter().position(|h| h.trim() == "Entry"))
            .or_else(|| self.guess(&["name", "service", "title", "naam", "bezeichnung"]))
            .unwrap_or(0)
    }

    /// The column most likely to hold a description, if any.
    pub fn description_column(&self) -> Option<usize> {
        self.guess(&["description", "summary", "beschreibung", "omschrijving"])
    }

    fn guess(&self, words: &[&str]) -> Option<usize> {
        self.header.iter().position(|h| {
            let h = h.to_lowercase();
            words.iter().any(|w| h.contains(w))
        })
    }

    /// The cells of one column, row by row (empty where a row is short).
    pub fn column(&self, i: usize) -> Vec<String> {
        self.rows
            .iter()
            .map(|r| r.get(i).cloned().unwrap_or_default())
            .collect()
    }
}

/// Reads a CSV file's bytes.
pub fn read(bytes: &[u8]) -> Result<Table, CsvError> {
    if bytes.len() > MAX_BYTES {
        return Err(CsvError::TooLarge(bytes.len()));
    }
    let text = decode(bytes)?;
    let separator = separator_of(&text);
    let mut records = parse(&text, separator)?;
    records.retain(|r| r.iter().any(|c| !c.is_empty()));
    if records.len() < 2 {
        return Err(CsvError::Empty);
    }
    let header = records.remove(0);
    if records.len() > MAX_ENTRIES {
        return Err(CsvError::TooManyEntries(records.len()));
    }
    Ok(Table {
        header,
        rows: records,
        separator,
    })
}

/// Names pasted one per line: trimmed, empty lines left out.
pub fn read_lines(text: &str) -> Result<Vec<String>, CsvError> {
    let names: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    if let Some(i) = text.lines().position(|l| l.chars().count() > MAX_LINE) {
        return Err(CsvError::LineTooLong(i + 1));
    }
    match names.len() {
        0 => Err(CsvError::Empty),
        n if n > MAX_ENTRIES => Err(CsvError::TooManyEntries(n)),
        _ => Ok(names),
    }
}

/// The text of a file: by its byte-order mark, else UTF-8 where it is valid, UTF-16 where every
/// other byte is zero, Windows-1252 otherwise. Text with control characters other than line ends
/// and tabs is not a catalogue.
pub fn decode(bytes: &[u8]) -> Result<String, CsvError> {
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8(rest.to_vec()).map_err(|_| CsvError::NotText)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes)?
    } else if let Ok(t) = std::str::from_utf8(bytes) {
        t.to_string()
    } else if let Some(le) = zeros_at(bytes) {
        utf16(
            bytes,
            if le {
                u16::from_le_bytes
            } else {
                u16::from_be_bytes
            },
        )?
    } else {
        bytes.iter().map(|&b| windows_1252(b)).collect()
    };
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(CsvError::NotText);
    }
    Ok(text)
}

/// Whether the bytes look like UTF-16 without a mark: `Some(true)` little-endian (zeros at odd
/// places, as ASCII text is), `Some(false)` big-endian.
fn zeros_at(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 4 || bytes.len() % 2 == 1 {
        return None;
    }
    let pairs = bytes.len() / 2;
    let odd = bytes.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let even = bytes.iter().step_by(2).filter(|b| **b == 0).count();
    if odd * 10 >= pairs * 9 && even == 0 {
        Some(true)
    } else if even * 10 >= pairs * 9 && odd == 0 {
        Some(false)
    } else {
        None
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, CsvError> {
    if bytes.len() % 2 == 1 {
        return Err(CsvError::NotText);
    }
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| CsvError::NotText)
}

/// Windows-1252: Latin-1 but for 0x80–0x9F, where it has typographic marks and a few letters.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// The separator of the first line: whichever of `,`, `;` and tab it holds most of outside
/// quotes (a comma where it holds none).
fn separator_of(text: &str) -> char {
    let first = first_record_line(text);
    let count = |sep: char| {
        let mut quoted = false;
        first
            .chars()
            .filter(|&c| {
                if c == '"' {
                    quoted = !quoted;
                }
                !quoted && c == sep
            })
            .count()
    };
    let mut best = (',', count(','));
    for sep in [';', '\t'] {
        let n = count(sep);
        if n > best.1 {
            best = (sep, n);
        }
    }
    best.0
}

/// The first line that holds anything: a header row after blank lines still counts.
fn first_record_line(text: &str) -> &str {
    text.lines().find(|l| !l.trim().is_empty()).unwrap_or("")
}

/// The records of a CSV text: quoted fields may hold separators, doubled quotes and line ends.
fn parse(text: &str, sep: char) -> Result<Vec<Vec<String>>, CsvError> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let (mut line, mut line_len) = (1usize, 0usize);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        line_len += 1;
        if line_len > MAX_LINE {
            return Err(CsvError::LineTooLong(line));
        }
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                // A line end in a cell reads the same from Windows and elsewhere.
                '\r' if chars.peek() == Some(&'\n') => {}
                '\n' => {
                    field.push(c);
                    line += 1;
                    line_len = 0;
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            '\r' => {}
            '\n' => {
                record.push(field.trim().to_string());
                records.push(std::mem::take(&mut record));
                field.clear();
                line += 1;
                line_len = 0;
            }
            c if c == sep => record.push(std::mem::take(&mut field).trim().to_string()),
            c => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field.trim().to_string());
        records.push(record);
    }
    Ok(records)
}
