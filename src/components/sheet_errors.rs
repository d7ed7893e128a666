//! Why a spreadsheet or text file people chose cannot be read (`partner_api::sheet::SheetError`),
//! in their language with what to do: shared by the whitelist import and the batch adjustment.

use crate::i18n::{Locale, Msg, WlDamaged, WlUnterminatedQuote};
use partner_api::sheet::SheetError;

/// Why a file cannot be read, and what to do about it.
pub fn sheet_error(e: &SheetError, l: Locale) -> (String, Msg) {
    match e {
        SheetError::NotXlsx => (Msg::WlNotXlsx.text(l).into(), Msg::WlNotXlsxHint),
        SheetError::Corrupt(part) => (WlDamaged { part }.text(l), Msg::WlDamagedHint),
        SheetError::TooLargeUnpacked(_) => (Msg::WlTooLargeUnpacked.text(l).into(), Msg::WlTooLargeUnpackedHint),
        SheetError::NoSheet => (Msg::WlNoSheet.text(l).into(), Msg::WlNoSheetHint),
        SheetError::UnterminatedQuote { line } => (WlUnterminatedQuote { line }.text(l), Msg::WlQuoteHint),
        SheetError::OldExcel => (Msg::WlOldExcel.text(l).into(), Msg::WlOldExcelHint),
        SheetError::NotText => (Msg::WlNotText.text(l).into(), Msg::WlNotTextHint),
    }
}

/// The refusal's test id (`data-problem`).
pub fn sheet_error_id(e: &SheetError) -> &'static str {
    match e {
        SheetError::NotXlsx => "not-xlsx",
        SheetError::Corrupt(_) => "damaged",
        SheetError::TooLargeUnpacked(_) => "too-large-unpacked",
        SheetError::NoSheet => "no-sheet",
        SheetError::UnterminatedQuote { .. } => "quote",
        SheetError::OldExcel => "old-excel",
        SheetError::NotText => "not-text",
    }
}
