//! Spreadsheets in and out of the browser: reading CSV and XLSX files people upload (whitelist
//! import) and writing XLSX (templates, exports). Pure Rust on bytes and strings, so the app
//! and native tests share it; the browser decodes a legacy-encoded CSV (GB18030) to text first.

mod csv_read;
mod decode;
#[doc(hidden)]
pub mod testkit;
mod xlsx;
mod xlsx_write;
mod xml;
mod zip;

pub use csv_read::{read_csv, read_csv_table, CsvTable};
pub use decode::{decode_text, Decoded};
pub use xlsx::{column_name, read_xlsx, read_xlsx_sheet, read_xlsx_table, sheet_names, CellKind, CellNote, Sheet};
pub use xlsx_write::{write_xlsx, Cell, XlsxWriter};

/// Why a file could not be read. The app words each in the person's language with what to
/// do (`Display` is for logs and tests).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SheetError {
    /// Not a ZIP/XLSX file at all (or a truncated one), or a ZIP that is no workbook.
    NotXlsx,
    /// A ZIP entry is compressed in a way we do not read, or corrupt: the part's name.
    Corrupt(String),
    /// A part would unpack to more than a workbook of the largest file we take can hold (a
    /// "ZIP bomb", or a sheet far beyond the row limit): the part's name.
    TooLargeUnpacked(String),
    /// The workbook has no worksheet.
    NoSheet,
    /// A quoted CSV field never ends.
    UnterminatedQuote { line: usize },
    /// An Excel 97–2003 workbook (.xls) or another OLE document.
    OldExcel,
    /// Not text at all (an image, a PDF, a program, random bytes).
    NotText,
}

impl std::fmt::Display for SheetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SheetError::NotXlsx => write!(f, "not an .xlsx file"),
            SheetError::Corrupt(what) => write!(f, "the file is damaged: {what}"),
            SheetError::TooLargeUnpacked(what) => write!(f, "too large when unpacked: {what}"),
            SheetError::NoSheet => write!(f, "the workbook has no worksheet"),
            SheetError::OldExcel => write!(f, "an Excel 97-2003 workbook (.xls)"),
            SheetError::NotText => write!(f, "not a CSV or Excel file"),
            SheetError::UnterminatedQuote { line } => write!(f, "a quoted field starting on line {line} never ends"),
        }
    }
}

/// Rows as read: every row a list of cell texts, trailing empty rows dropped.
pub type Rows = Vec<Vec<String>>;

/// Drops rows whose cells are all blank at the end of a sheet (Excel leaves formatted rows).
pub(crate) fn trim_trailing_blank_rows(mut rows: Rows) -> Rows {
    while rows.last().is_some_and(|r| r.iter().all(|c| c.trim().is_empty())) {
        rows.pop();
    }
    rows
}
