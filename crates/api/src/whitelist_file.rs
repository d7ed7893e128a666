//! Reading a whitelist file in the browser, before anything is sent: find the header row and
//! the columns (`whitelist_headers`), turn rows into upload rows, and refuse each row that
//! cannot be right with its reason and the row number people see in their spreadsheet. Every
//! policy here (what is refused, flagged, normalised) is written down in
//! docs/contracts/whitelist.md, "Reading files".

use crate::customer_id::{self, is_control_or_invisible, IdProblem};
use crate::sheet::{CellKind, CellNote};
use crate::whitelist::{codes, RowError, RowProblem, UploadRow, MAX_FILE_BYTES, MAX_FILE_ROWS};
use crate::whitelist_headers::{detect, find_header_row, first_filled_row, Field};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

pub use crate::whitelist_headers::{Mapping, HEADER_ACCOUNT_NAME, HEADER_CUSTOMER_ID, HEADER_REMARK};
pub use crate::whitelist_template::{rejected_csv, template, template_csv, Rejected};

const MAX_FIELD: usize = 64;
const MAX_REMARK: usize = 256;
/// Digits a spreadsheet number keeps exactly (IEEE doubles, as Excel shows them).
const EXACT_DIGITS: usize = 15;

/// Why the file as a whole cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileProblem {
    Empty,
    /// No customer-id or account-name column in the header row.
    NoKnownColumns {
        found: Vec<String>,
    },
    /// Two columns name the same field (`客户ID,账号名,客户ID`): their letters.
    DuplicateColumn {
        field: Field,
        columns: Vec<String>,
    },
    TooManyRows {
        rows: usize,
        max: usize,
    },
    /// Larger than [`MAX_FILE_BYTES`]: refused before reading a byte of it.
    TooLarge {
        bytes: u64,
        max: u64,
    },
}

/// The size check made before a file is read at all.
pub fn check_size(bytes: u64) -> Result<(), FileProblem> {
    if bytes > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge { bytes, max: MAX_FILE_BYTES });
    }
    Ok(())
}

/// What the person chose about the file's layout; `None`: found from the file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layout {
    /// The header row, 0-based.
    #[serde(default)]
    pub header_row: Option<usize>,
    #[serde(default)]
    pub mapping: Option<Mapping>,
}

/// What the reader knows about cells beyond their text.
#[derive(Debug, Clone, Copy, Default)]
pub struct CellFacts<'a> {
    /// XLSX: cells that were numbers, dates, booleans, errors or formulas (sorted by row).
    pub notes: &'a [CellNote],
    /// CSV: rows (0-based, ascending) with malformed quoting.
    pub bad_quotes: &'a [usize],
}

/// The rows to upload and the rows that cannot be.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedFile {
    pub rows: Vec<UploadRow>,
    pub errors: Vec<RowError>,
    /// Rows with nothing in them, skipped (not counted as rows or problems).
    pub blank_rows: u32,
}

/// What the checks found, beside the valid rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checked {
    pub errors: Vec<RowError>,
    pub blank_rows: u32,
    /// The header row used (0-based) and the columns used.
    pub header_row: usize,
    pub mapping: Mapping,
}

/// Reads the rows of a CSV or XLSX file (already decoded into cells).
pub fn parse<R: AsRef<[S]>, S: AsRef<str>>(rows: &[R]) -> Result<ParsedFile, FileProblem> {
    parse_with(rows, CellFacts::default(), Layout::default(), &mut |_, _| {})
}

/// Rows validated per progress report.
pub const PROGRESS_EVERY: usize = 5_000;

/// [`parse`] with what else is known of the cells and the layout the person chose, reporting
/// (rows checked, rows) every [`PROGRESS_EVERY`] rows.
pub fn parse_with<R: AsRef<[S]>, S: AsRef<str>>(
    rows: &[R],
    facts: CellFacts,
    layout: Layout,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ParsedFile, FileProblem> {
    let mut parsed = ParsedFile::default();
    let checked = check_rows(rows, facts, layout, progress, &mut |r| parsed.rows.push(r.to_owned()))?;
    parsed.errors = checked.errors;
    parsed.blank_rows = checked.blank_rows;
    Ok(parsed)
}

/// A valid row borrowing its (trimmed) cells from the file where it can (a normalised ID may
/// differ from its cell); serialises like [`UploadRow`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowRef<'a> {
    pub row_no: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remark: Option<&'a str>,
}

impl RowRef<'_> {
    pub fn to_owned(self) -> UploadRow {
        let own = |v: Option<&str>| v.map(str::to_string);
        UploadRow {
            row_no: self.row_no,
            customer_id: self.customer_id.map(Cow::into_owned),
            account_name: own(self.account_name),
            remark: own(self.remark),
        }
    }
}

/// The header row: the one chosen, else the first that names a key column, else the first
/// with anything in it.
pub fn header_row_of<R: AsRef<[S]>, S: AsRef<str>>(rows: &[R], layout: Layout) -> usize {
    let chosen = layout.header_row.filter(|&r| r < rows.len());
    chosen.or_else(|| find_header_row(rows)).unwrap_or_else(|| first_filled_row(rows))
}

/// The header row and columns to use, or why the file has none.
pub fn layout_of<R: AsRef<[S]>, S: AsRef<str>>(rows: &[R], layout: Layout) -> Result<(usize, Mapping), FileProblem> {
    if rows.is_empty() {
        return Err(FileProblem::Empty);
    }
    let header_row = header_row_of(rows, layout);
    let header = rows[header_row].as_ref();
    if let Some(m) = layout.mapping.filter(Mapping::is_usable) {
        return Ok((header_row, m));
    }
    let d = detect(header);
    if !d.mapping.is_usable() {
        let found = header.iter().map(|h| h.as_ref().trim()).filter(|h| !h.is_empty()).map(str::to_string).collect();
        return Err(FileProblem::NoKnownColumns { found });
    }
    if let Some((field, cols)) = d.twice {
        return Err(FileProblem::DuplicateColumn {
            field,
            columns: cols.into_iter().map(crate::sheet::column_name).collect(),
        });
    }
    Ok((header_row, d.mapping))
}

/// Why a cell of a text column cannot be taken as its text: (kind, value to show).
fn cell_problem(note: &CellKind, text: &str, field: Field) -> Option<(RowProblem, String)> {
    match note {
        CellKind::Formula(f) => Some((RowProblem::Formula, format!("={f}"))),
        CellKind::Error => Some((RowProblem::CellError, text.to_string())),
        CellKind::Date => Some((RowProblem::DateCell, text.to_string())),
        CellKind::Bool => Some((RowProblem::BoolCell, text.to_string())),
        CellKind::Number => {
            let digits = text.bytes().filter(u8::is_ascii_digit).count();
            let lossy = text.contains(['E', 'e', '.']) || digits > EXACT_DIGITS;
            let refused = match field {
                Field::CustomerId => true,
                Field::AccountName => lossy,
                Field::Remark => false,
            };
            refused.then(|| (RowProblem::StoredAsNumber, text.to_string()))
        }
    }
}

fn id_problem(p: IdProblem, raw: &str) -> (RowProblem, String) {
    match p {
        IdProblem::Invisible(u) => (RowProblem::IdInvisible, u),
        IdProblem::StoredAsNumber => (RowProblem::StoredAsNumber, raw.to_string()),
        IdProblem::LooksLikeName => (RowProblem::IdLooksLikeName, raw.to_string()),
        IdProblem::Length(n) => (RowProblem::IdLength, n.to_string()),
        IdProblem::NotHex(c) => (RowProblem::IdNotHex, c.to_string()),
    }
}

/// Control characters and invisible ones (bidi controls, zero-width spaces) cannot be part of
/// an id or a name; in a remark line breaks, tabs and the zero-width joiner (emoji) can.
fn has_control(v: &str, in_remark: bool) -> bool {
    if v.is_ascii() {
        return v.bytes().any(|b| b.is_ascii_control() && !(in_remark && matches!(b, b'\n' | b'\r' | b'\t')));
    }
    v.chars().any(|c| is_control_or_invisible(c) && !(in_remark && matches!(c, '\n' | '\r' | '\t' | '\u{200D}')))
}

fn shown(v: &str) -> String {
    v.replace(is_control_or_invisible, "\u{fffd}")
}

/// The checks themselves, on borrowed cells: each valid row goes to `valid` (nothing is
/// copied for it); returns the refused rows, the count of blank rows and the layout used.
pub fn check_rows<'r, R: AsRef<[S]>, S: AsRef<str> + 'r>(
    rows: &'r [R],
    facts: CellFacts,
    layout: Layout,
    progress: &mut dyn FnMut(usize, usize),
    valid: &mut dyn FnMut(RowRef<'r>),
) -> Result<Checked, FileProblem> {
    let (header_row, m) = layout_of(rows, layout)?;
    let header = rows[header_row].as_ref();
    // Columns the header has: a value beyond them has no column to go in.
    let width = header.iter().rposition(|h| !h.as_ref().trim().is_empty()).map_or(0, |i| i + 1);
    let width = [m.customer_id, m.account_name, m.remark].into_iter().flatten().map(|c| c + 1).fold(width, usize::max);
    let data = &rows[header_row + 1..];
    let is_blank = |r: &R| r.as_ref().iter().all(|c| c.as_ref().trim().is_empty());
    let non_blank = data.iter().filter(|r| !is_blank(r)).count();
    if non_blank > MAX_FILE_ROWS {
        return Err(FileProblem::TooManyRows { rows: non_blank, max: MAX_FILE_ROWS });
    }
    if non_blank == 0 {
        return Err(FileProblem::Empty);
    }
    let columns = [(m.customer_id, Field::CustomerId), (m.account_name, Field::AccountName), (m.remark, Field::Remark)];
    let cell = |row: &'r R, col: Option<usize>| -> Option<&'r str> {
        col.and_then(|c| row.as_ref().get(c)).map(|v| v.as_ref().trim()).filter(|v| !v.is_empty())
    };
    // Longer than `max` characters (bytes bound characters from above: count only if needed).
    let too_long = |v: &str, max: usize| v.len() > max && v.chars().count() > max;
    let (mut errors, mut blank_rows) = (Vec::new(), 0u32);
    let (mut notes, mut bad_quotes) = (facts.notes.iter().peekable(), facts.bad_quotes.iter().peekable());
    // The same customer twice, by the key that identifies it: the normalised id, else the
    // lower-cased name (the server looks names up the same way).
    let mut seen: std::collections::HashMap<(bool, Cow<'r, str>), u32> =
        std::collections::HashMap::with_capacity(data.len());
    for (i, row) in data.iter().enumerate() {
        if i % PROGRESS_EVERY == 0 {
            progress(i, data.len());
        }
        let index = header_row + 1 + i;
        let row_no = index as u32 + 1;
        let row_notes: Vec<&CellNote> =
            std::iter::from_fn(|| notes.next_if(|n| n.row <= index)).filter(|n| n.row == index).collect();
        let bad_quote = std::iter::from_fn(|| bad_quotes.next_if(|&&r| r <= index)).any(|&r| r == index);
        if is_blank(row) {
            blank_rows += 1;
            continue;
        }
        let refuse = |kind: RowProblem, msg: &str, value: Option<String>| RowError {
            row_no,
            error_code: if kind == RowProblem::Duplicate { codes::DUPLICATE_ROW } else { codes::PARAM_ERROR }
                .to_string(),
            error_msg: msg.to_string(),
            value,
            kind,
        };
        if bad_quote {
            errors.push(refuse(RowProblem::BadQuotes, "malformed quotes", None));
            continue;
        }
        let extra: Vec<&str> =
            row.as_ref().iter().skip(width).map(|c| c.as_ref().trim()).filter(|c| !c.is_empty()).collect();
        if !extra.is_empty() {
            errors.push(refuse(
                RowProblem::ExtraFields,
                "more values than the header has columns",
                Some(extra.join(" · ")),
            ));
            continue;
        }
        let (id, name, remark) = (cell(row, m.customer_id), cell(row, m.account_name), cell(row, m.remark));
        let noted = columns.iter().find_map(|&(col, field)| {
            let col = col?;
            let note = row_notes.iter().find(|n| n.col == col)?;
            cell_problem(&note.kind, row.as_ref().get(col).map_or("", |c| c.as_ref().trim()), field)
        });
        if let Some((kind, value)) = noted {
            errors.push(refuse(kind, "the cell is not text", Some(value)));
            continue;
        }
        if [id, name, remark].iter().flatten().any(|v| !v.is_ascii() && v.contains('\u{fffd}')) {
            errors.push(refuse(RowProblem::BadEncoding, "characters damaged by an encoding", None));
            continue;
        }
        if id.is_none() && name.is_none() {
            errors.push(refuse(RowProblem::NoKey, "neither customer ID nor account name", None));
            continue;
        }
        if let Some(v) = id.iter().chain(name.iter()).find(|v| too_long(v, MAX_FIELD)) {
            errors.push(refuse(RowProblem::TooLong, "longer than 64 characters", Some(v.to_string())));
            continue;
        }
        let id = match id.map(|raw| customer_id::check(raw).map_err(|p| id_problem(p, raw))) {
            Some(Err((kind, value))) => {
                errors.push(refuse(kind, "not a customer ID", Some(value)));
                continue;
            }
            Some(Ok(id)) => Some(id),
            None => None,
        };
        if let Some(v) = name.filter(|v| has_control(v, false)) {
            errors.push(refuse(RowProblem::ControlChars, "contains control characters", Some(shown(v))));
            continue;
        }
        if let Some(r) = remark.filter(|r| has_control(r, true)) {
            errors.push(refuse(RowProblem::ControlChars, "remark contains control characters", Some(shown(r))));
            continue;
        }
        if let Some(r) = remark.filter(|r| too_long(r, MAX_REMARK)) {
            errors.push(refuse(RowProblem::RemarkTooLong, "remark longer than 256 characters", Some(r.into())));
            continue;
        }
        let key = match (&id, name) {
            (Some(id), _) => (true, id.clone()),
            (None, Some(n)) if !n.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) => (false, Cow::Borrowed(n)),
            (None, Some(n)) => (false, Cow::Owned(n.to_lowercase())),
            _ => unreachable!("checked above"),
        };
        match seen.entry(key) {
            std::collections::hash_map::Entry::Occupied(first) => {
                errors.push(refuse(
                    RowProblem::Duplicate,
                    "duplicate of an earlier row",
                    Some(first.get().to_string()),
                ));
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(row_no);
                valid(RowRef { row_no, customer_id: id, account_name: name, remark });
            }
        }
    }
    progress(data.len(), data.len());
    Ok(Checked { errors, blank_rows, header_row, mapping: m })
}

#[cfg(test)]
#[path = "whitelist_file_tests.rs"]
mod tests;
