//! Reading a whitelist file off the main thread: what the import worker (src/bin/
//! whitelist-worker.rs) is asked and answers. The worker decodes and validates; the page gets
//! a small summary plus the rows already cut into upload chunks (JSON text), so the main
//! thread never holds or walks the whole file.

use crate::sheet::{read_csv_table, read_xlsx_sheet, sheet_names};
use crate::whitelist::{RowError, UploadRow, CHUNK_ROWS};
use crate::whitelist_file::{check_rows, FileProblem, Mapping, RowRef};
use serde::{Deserialize, Serialize};

/// What the page asks for (the file's bytes travel beside it, transferred).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadRequest {
    pub name: String,
    /// XLSX: the sheet to read (0 = the first).
    #[serde(default)]
    pub sheet: usize,
    /// Columns chosen by the person; `None`: recognised from the headers.
    #[serde(default)]
    pub mapping: Option<Mapping>,
}

/// One refused row with its cells as read, so people can find it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub error: RowError,
    pub value: String,
    /// The row's cells in the columns used (untrimmed), for the rejected-rows download.
    pub row: UploadRow,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadSummary {
    /// XLSX sheet names (empty for CSV) and the one read.
    pub sheets: Vec<String>,
    pub sheet: usize,
    pub headers: Vec<String>,
    /// The columns used.
    pub mapping: Mapping,
    pub valid_rows: u32,
    pub blank_rows: u32,
    pub problems: Vec<Problem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReadOutcome {
    Read(ReadSummary),
    Problem {
        problem: FileProblem,
        /// For a sheet chooser or column mapping after a problem.
        sheets: Vec<String>,
        headers: Vec<String>,
    },
    Unreadable(String),
}

/// Stages reported while reading.
pub mod stage {
    pub const DECODE: &str = "decode";
    pub const CHECK: &str = "check";
}

/// Whether bytes are an XLSX (ZIP) file rather than CSV text.
pub fn is_xlsx(name: &str, bytes: &[u8]) -> bool {
    name.to_lowercase().ends_with(".xlsx") || bytes.starts_with(b"PK\x03\x04")
}

/// Cells → summary and upload chunks (each a JSON array of [`UploadRow`]s, at most
/// [`CHUNK_ROWS`] rows). `sheets` are the workbook's sheet names (empty for CSV). Valid rows
/// are written into the chunks straight from the borrowed cells.
pub fn digest<R: AsRef<[S]>, S: AsRef<str>>(
    rows: &[R],
    sheets: Vec<String>,
    req: &ReadRequest,
    progress: &mut dyn FnMut(usize, usize),
) -> (ReadOutcome, Vec<String>) {
    let row_cells = |i: usize| rows.get(i).map(|r| r.as_ref().iter().map(|c| c.as_ref()));
    let headers: Vec<String> = row_cells(0).map(|r| r.map(str::to_string).collect()).unwrap_or_default();
    let mut valid: Vec<RowRef> = Vec::with_capacity(rows.len());
    let checked = match check_rows(rows, req.mapping, progress, &mut |r| valid.push(r)) {
        Ok((errors, _)) if valid.is_empty() && errors.is_empty() => Err(FileProblem::Empty),
        other => other,
    };
    let (errors, blank_rows) = match checked {
        Ok(c) => c,
        Err(problem) => return (ReadOutcome::Problem { problem, sheets, headers }, Vec::new()),
    };
    let value_of = |row_no: u32| {
        row_cells(row_no as usize - 1)
            .map(|r| r.map(str::trim).filter(|c| !c.is_empty()).collect::<Vec<_>>().join(" · "))
            .unwrap_or_default()
    };
    let m = req.mapping.filter(Mapping::is_usable).unwrap_or_else(|| crate::whitelist_file::detect(&headers));
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
    let problems =
        errors.into_iter().map(|e| Problem { value: value_of(e.row_no), row: cells_of(e.row_no), error: e }).collect();
    let chunks = valid.chunks(CHUNK_ROWS).map(|c| serde_json::to_string(c).unwrap_or_else(|_| "[]".into())).collect();
    let summary = ReadSummary {
        sheets,
        sheet: req.sheet,
        headers,
        mapping: m,
        valid_rows: valid.len() as u32,
        blank_rows,
        problems,
    };
    (ReadOutcome::Read(summary), chunks)
}

/// The whole read of already-decoded input: XLSX bytes, or CSV text. (The worker decodes
/// legacy-encoded CSV to text first; natively tests pass UTF-8.)
pub fn read(
    req: &ReadRequest,
    xlsx: Option<&[u8]>,
    csv_text: Option<&str>,
    progress: &mut dyn FnMut(usize, usize),
) -> (ReadOutcome, Vec<String>) {
    match (xlsx, csv_text) {
        (Some(bytes), _) => {
            let sheets = sheet_names(bytes).unwrap_or_default();
            match read_xlsx_sheet(bytes, req.sheet) {
                Ok(rows) => digest(&rows, sheets, req, progress),
                Err(e) => (ReadOutcome::Unreadable(e.to_string()), Vec::new()),
            }
        }
        // CSV cells stay borrowed from the text all the way into the chunks.
        (None, Some(text)) => match read_csv_table(text) {
            Ok(table) => digest(&table.rows(), Vec::new(), req, progress),
            Err(e) => (ReadOutcome::Unreadable(e.to_string()), Vec::new()),
        },
        (None, None) => (ReadOutcome::Unreadable("nothing to read".into()), Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet::{write_xlsx, Cell};

    #[test]
    fn csv_gives_a_summary_and_chunks_of_upload_rows() {
        let mut text = String::from("Customer ID,Remark\n");
        for i in 0..12_001 {
            text.push_str(&format!("c{i},r\n"));
        }
        text.push_str("\nc0,dup\n");
        let (out, chunks) = read(&ReadRequest::default(), None, Some(&text), &mut |_, _| {});
        let ReadOutcome::Read(s) = out else { panic!("{out:?}") };
        assert_eq!((s.valid_rows, s.blank_rows, s.problems.len()), (12_001, 1, 1));
        assert_eq!(s.problems[0].value, "c0 · dup");
        assert_eq!(s.problems[0].row.remark.as_deref(), Some("dup"));
        assert_eq!(s.problems[0].error.row_no, 12_004);
        assert_eq!(chunks.len(), 3);
        let first: Vec<UploadRow> = serde_json::from_str(&chunks[0]).unwrap();
        assert_eq!((first.len(), first[0].row_no, first[0].customer_id.as_deref()), (5_000, 2, Some("c0")));
        let last: Vec<UploadRow> = serde_json::from_str(&chunks[2]).unwrap();
        assert_eq!(last.len(), 2_001);
        // The outcome travels as JSON.
        let back: ReadOutcome =
            serde_json::from_str(&serde_json::to_string(&ReadOutcome::Read(s.clone())).unwrap()).unwrap();
        assert_eq!(back, ReadOutcome::Read(s));
    }

    #[test]
    fn problems_keep_the_headers_and_sheets_for_mapping_and_choosing() {
        let bytes = write_xlsx("Data", &[vec![Cell::Text("name".into())], vec![Cell::Text("x".into())]]);
        let (out, chunks) = read(&ReadRequest::default(), Some(&bytes), None, &mut |_, _| {});
        assert!(chunks.is_empty());
        let ReadOutcome::Problem { problem, sheets, headers } = out else { panic!() };
        assert!(matches!(problem, FileProblem::NoKnownColumns { .. }));
        assert_eq!((sheets, headers), (vec!["Data".to_string()], vec!["name".to_string()]));
        let req = ReadRequest {
            mapping: Some(Mapping { account_name: Some(0), ..Default::default() }),
            ..Default::default()
        };
        let (out, chunks) = read(&req, Some(&bytes), None, &mut |_, _| {});
        assert!(matches!(out, ReadOutcome::Read(ReadSummary { valid_rows: 1, .. })), "{out:?}");
        assert_eq!(chunks.len(), 1);
        let (out, _) = read(&ReadRequest::default(), None, Some("a\n\"open"), &mut |_, _| {});
        assert!(matches!(out, ReadOutcome::Unreadable(_)));
    }
}
