//! Pieces of the whitelist shared by its list page and its import page: who may manage it,
//! the translated reason of a row problem, and the template downloads.

use crate::api::profile::use_profile;
use crate::components::table::export;
use crate::i18n::{
    error_text, tr, use_i18n, Locale, Msg, WlRowCellError, WlRowDuplicate, WlRowExtraFields, WlRowFormula,
    WlRowIdInvisible, WlRowIdLength, WlRowIdNotHex, WlValueCut,
};
use leptos::prelude::*;
use partner_api::whitelist::{RowError, RowProblem};
use partner_api::whitelist_file;

/// Who may change the whitelist (the page itself is only for distributors and resellers: the
/// registry's rule).
#[derive(Clone, Copy)]
pub struct Rights {
    /// ADMIN and SUPERVISOR import and roll back; account managers read.
    pub can_manage: Memo<bool>,
}

pub fn use_rights() -> Rights {
    let profile = use_profile();
    Rights { can_manage: Memo::new(move |_| profile.is_manager()) }
}

/// The translated reason of a row problem (found by the browser or by the server), from its
/// kind; a kind this app does not know is worded from its code, else shown as the server said.
pub fn row_reason(e: &RowError, l: Locale) -> String {
    let v = e.value.as_deref().unwrap_or_default();
    let msg = match e.kind {
        RowProblem::Duplicate => return WlRowDuplicate { row: &v }.text(l),
        RowProblem::IdLength => return WlRowIdLength { n: &v }.text(l),
        RowProblem::IdNotHex => return WlRowIdNotHex { c: &v }.text(l),
        RowProblem::IdInvisible => return WlRowIdInvisible { code: &v }.text(l),
        RowProblem::Formula => return WlRowFormula { formula: &cut(v, 60) }.text(l),
        RowProblem::CellError => return WlRowCellError { value: &v }.text(l),
        RowProblem::ExtraFields => return WlRowExtraFields { extra: &cut(v, 60) }.text(l),
        RowProblem::IdLooksLikeName => Msg::WlRowIdLooksLikeName,
        RowProblem::StoredAsNumber => Msg::WlRowStoredAsNumber,
        RowProblem::DateCell => Msg::WlRowDateCell,
        RowProblem::BoolCell => Msg::WlRowBoolCell,
        RowProblem::BadQuotes => Msg::WlRowBadQuotes,
        RowProblem::BadEncoding => Msg::WlRowBadEncoding,
        RowProblem::NoCustomer => Msg::WlRowNoCustomer,
        RowProblem::NotYours => Msg::WlRowNotYours,
        RowProblem::Referral => Msg::WlRowReferral,
        RowProblem::ControlChars => Msg::WlRowControlChars,
        RowProblem::RemarkTooLong => Msg::WlRowRemarkTooLong,
        RowProblem::NoKey => Msg::WlRowNoKey,
        RowProblem::TooLong => Msg::WlRowTooLong,
        RowProblem::Other => {
            return error_text(&e.error_code, l).map(str::to_string).unwrap_or_else(|| e.error_msg.clone())
        }
    };
    msg.text(l).to_string()
}

/// A value cut to `max` characters with an ellipsis (the reason text stays readable).
fn cut(v: &str, max: usize) -> String {
    let v = &*partner_api::customer_id::visible(v);
    match v.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &v[..at]),
        None => v.to_string(),
    }
}

/// A value for the problems table: up to `max` characters, then an ellipsis and the length
/// (the rejected-rows download keeps the whole value).
pub fn shown_value(v: &str, max: usize, l: Locale) -> String {
    // Bidi overrides and invisible characters shown by code, never applied.
    let v = &*partner_api::customer_id::visible(v);
    match v.char_indices().nth(max) {
        Some((at, _)) => WlValueCut { text: &&v[..at], n: &crate::format::count(v.chars().count() as u64) }.text(l),
        None => v.to_string(),
    }
}

/// The import template in the current language: CSV (text with BOM) or XLSX.
fn download_template(xlsx: bool, l: Locale) {
    let zh = l == Locale::ZhCn;
    let stem = Msg::WlTemplateFile.text(l);
    let _ = if xlsx {
        let bytes = partner_api::sheet::write_xlsx(Msg::WlSheetName.text(l), &whitelist_file::template(zh));
        export::download_bytes(&bytes, export::XLSX_TYPE, &format!("{stem}.xlsx"))
    } else {
        export::download(&whitelist_file::template_csv(zh), &format!("{stem}.csv"))
    };
}

/// The two template buttons.
#[component]
pub fn TemplateButtons() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="template-buttons" data-testid="wl-templates">
            <span class="muted">{tr(Msg::WlDownloadTemplate)}</span>
            <button class="button" type="button" data-testid="wl-template-csv" on:click=move |_| download_template(false, i18n.locale.get_untracked())>
                "CSV"
            </button>
            <button class="button" type="button" data-testid="wl-template-xlsx" on:click=move |_| download_template(true, i18n.locale.get_untracked())>
                "XLSX"
            </button>
        </div>
    }
}
