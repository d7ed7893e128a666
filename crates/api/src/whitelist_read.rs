//! Reading a whitelist file off the main thread: what the import worker (src/bin/
//! whitelist-worker.rs) is asked and answers. The worker decodes and validates; the page gets
//! a small summary plus the rows already cut into upload chunks (JSON text), so the main
//! thread never holds or walks the whole file.

use crate::sheet::{decode_text, read_csv_table, read_xlsx_table, sheet_names, Decoded, Sheet, SheetError};
use crate::whitelist::{RowError, UploadRow, CHUNK_ROWS};
use crate::whitelist_file::{check_rows, header_row_of, CellFacts, FileProblem, Layout, Mapping, RowRef};
use crate::whitelist_headers::find_header_row;
use serde::{Deserialize, Serialize};

/// What the page asks for (the file's bytes travel beside it, transferred).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadRequest {
    pub name: String,
    /// XLSX: the sheet to read (0 = the first); `None`: the first that holds the table.
    #[serde(default)]
    pub sheet: Option<usize>,
    /// The header row (0-based) and the columns, when the person chose them.
    #[serde(default)]
    pub layout: Layout,
}

/// One refused row with its cells as read, so people can find it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub error: RowError,
    pub value: String,
    /// The row's cells in the columns used (untrimmed), for the rejected-rows download.
    pub row: UploadRow,
}

/// Where the table was found: the sheet (XLSX) and the header row, and the header's cells.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Found {
    /// XLSX sheet names (empty for CSV) and the one read.
    pub sheets: Vec<String>,
    pub sheet: usize,
    /// The header row used, 0-based (row `header_row + 1` in the spreadsheet).
    pub header_row: usize,
    pub headers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadSummary {
    pub found: Found,
    /// The columns used.
    pub mapping: Mapping,
    pub valid_rows: u32,
    pub blank_rows: u32,
    pub problems: Vec<Problem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReadOutcome {
    Read(ReadSummary),
    /// The file was read but cannot be used as it is; `found` lets the person choose another
    /// sheet, header row or columns.
    Problem {
        problem: FileProblem,
        found: Found,
    },
    Unreadable(SheetError),
}

/// Stages reported while reading.
pub mod stage {
    pub const DECODE: &str = "decode";
    pub const CHECK: &str = "check";
}

/// Whether bytes are an XLSX (ZIP) file rather than CSV text.
pub fn is_xlsx(name: &str, bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || (name.to_lowercase().ends_with(".xlsx") && !bytes.is_empty())
}

/// Cells → summary and upload chunks (each a JSON array of [`UploadRow`]s, at most
/// [`CHUNK_ROWS`] rows). Valid rows are written into the chunks straight from the borrowed
/// cells.
pub fn digest<R: AsRef<[S]>, S: AsRef<str>>(
    rows: &[R],
    facts: CellFacts,
    mut found: Found,
    req: &ReadRequest,
    progress: &mut dyn FnMut(usize, usize),
) -> (ReadOutcome, Vec<String>) {
    let row_cells = |i: usize| rows.get(i).map(|r| r.as_ref().iter().map(|c| c.as_ref()));
    let header_row = header_row_of(rows, req.layout);
    found.header_row = header_row;
    found.headers = row_cells(header_row).map(|r| r.map(str::to_string).collect()).unwrap_or_default();
    let mut valid: Vec<RowRef> = Vec::with_capacity(rows.len());
    let checked = match check_rows(rows, facts, req.layout, progress, &mut |r| valid.push(r)) {
        Ok(c) => c,
        Err(problem) => return (ReadOutcome::Problem { problem, found }, Vec::new()),
    };
    let value_of = |row_no: u32| {
        row_cells(row_no as usize - 1)
            .map(|r| r.map(str::trim).filter(|c| !c.is_empty()).collect::<Vec<_>>().join(" · "))
            .unwrap_or_default()
    };
    let m = checked.mapping;
    let cells_of = |row_no: u32| {
        let r = rows.get(row_no as usize - 1).map(|r| r.as_ref());
        let cell = |c: Option<usize>| {
            c.and_then(|c| r.and_then(|r| r.get(c))).map(|v| v.as_ref()).filter(|v| !v.is_empty()).map(str::to_string)
        };
        UploadRow {
            row_no,
            customer_id: cell(m.customer_id),
            account_name: cell(m.account_name),
            remark: cell(m.remark),
        }
    };
    let problems = checked
        .errors
        .into_iter()
        .map(|e| Problem { value: value_of(e.row_no), row: cells_of(e.row_no), error: e })
        .collect();
    let chunks = valid.chunks(CHUNK_ROWS).map(|c| serde_json::to_string(c).unwrap_or_else(|_| "[]".into())).collect();
    let summary =
        ReadSummary { found, mapping: m, valid_rows: valid.len() as u32, blank_rows: checked.blank_rows, problems };
    (ReadOutcome::Read(summary), chunks)
}

/// The sheet to read: the one asked for, else the first whose top rows hold a header we
/// recognise (a workbook often opens on an instructions sheet), else the first.
fn pick_sheet(bytes: &[u8], asked: Option<usize>, count: usize) -> Result<(usize, Sheet), SheetError> {
    if let Some(i) = asked {
        return Ok((i, read_xlsx_table(bytes, i)?));
    }
    let first = read_xlsx_table(bytes, 0)?;
    if find_header_row(&first.rows).is_some() {
        return Ok((0, first));
    }
    for i in 1..count {
        // A later sheet that cannot be read is no reason to refuse the first one.
        if let Ok(sheet) = read_xlsx_table(bytes, i) {
            if find_header_row(&sheet.rows).is_some() {
                return Ok((i, sheet));
            }
        }
    }
    Ok((0, first))
}

/// The whole read of a file's bytes: XLSX, or CSV text in whatever encoding it came in
/// (`legacy` decodes GB18030: the browser's `TextDecoder`, natively `encoding_rs`).
pub fn read(
    req: &ReadRequest,
    bytes: Vec<u8>,
    legacy: &dyn Fn(&[u8]) -> Result<String, String>,
    progress: &mut dyn FnMut(usize, usize),
) -> (ReadOutcome, Vec<String>) {
    if bytes.is_empty() {
        return (ReadOutcome::Problem { problem: FileProblem::Empty, found: Found::default() }, Vec::new());
    }
    if is_xlsx(&req.name, &bytes) {
        let sheets = sheet_names(&bytes).unwrap_or_default();
        return match pick_sheet(&bytes, req.sheet, sheets.len()) {
            Ok((i, sheet)) => {
                let found = Found { sheets, sheet: i, ..Default::default() };
                let facts = CellFacts { notes: &sheet.notes, bad_quotes: &[] };
                digest(&sheet.rows, facts, found, req, progress)
            }
            Err(e) => (ReadOutcome::Unreadable(e), Vec::new()),
        };
    }
    let text = match decode_text(bytes) {
        Ok(Decoded::Text { text, .. }) => text,
        Ok(Decoded::Legacy(bytes)) => match legacy(&bytes) {
            Ok(t) => t,
            Err(_) => return (ReadOutcome::Unreadable(SheetError::NotText), Vec::new()),
        },
        Err(e) => return (ReadOutcome::Unreadable(e), Vec::new()),
    };
    // CSV cells stay borrowed from the text all the way into the chunks.
    match read_csv_table(&text) {
        Ok(table) => {
            let facts = CellFacts { notes: &[], bad_quotes: table.bad_quote_rows() };
            digest(&table.rows(), facts, Found::default(), req, progress)
        }
        Err(e) => (ReadOutcome::Unreadable(e), Vec::new()),
    }
}

#[cfg(test)]
#[path = "whitelist_read_tests.rs"]
mod tests;
