//! Why a chosen file cannot be imported as it is, with the column mapping when its headers
//! are not recognised.

use super::controller::Import;
use super::mapping::ColumnMapping;
use super::state::Refusal;
use crate::components::sheet_errors::{sheet_error, sheet_error_id};
use crate::format;
use crate::i18n::{use_i18n, Locale, Msg, WlDuplicateColumn, WlFileTooLarge, WlFileTooMany};
use leptos::prelude::*;
use partner_api::whitelist_file::{FileProblem, HEADER_ACCOUNT_NAME, HEADER_CUSTOMER_ID, HEADER_REMARK};
use partner_api::whitelist_headers::Field;

/// A file size for people: "20 MB", "23.4 MB".
pub fn megabytes(bytes: u64) -> String {
    let tenths = (bytes * 10).div_ceil(1024 * 1024);
    if tenths % 10 == 0 {
        format!("{} MB", tenths / 10)
    } else {
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// What a field is called in the person's language (the template's header).
fn field_label(f: Field, l: Locale) -> String {
    let (zh, en) = match f {
        Field::CustomerId => HEADER_CUSTOMER_ID,
        Field::AccountName => HEADER_ACCOUNT_NAME,
        Field::Remark => HEADER_REMARK,
    };
    if l == Locale::ZhCn { zh } else { en }.to_string()
}

#[component]
pub fn FileRefused(import: Import, refusal: Refusal) -> impl IntoView {
    let i18n = use_i18n();
    // Outside the notice (redrawn with the language): the columns chosen so far stay.
    let mapping =
        matches!(refusal, Refusal::Problem(FileProblem::NoKnownColumns { .. } | FileProblem::DuplicateColumn { .. }))
            .then(|| view! { <ColumnMapping import=import /> });
    let notice = move || {
        let l = i18n.get();
        match refusal.clone() {
            Refusal::Unreadable(e) => view! {
                <div class="notice notice-error" role="alert" data-testid="wl-file-problem" data-problem="unreadable">
                    <div class="notice-title">{Msg::WlFileUnreadable.text(l)}</div>
                    <div class="notice-body">{e}</div>
                </div>
            }
            .into_any(),
            Refusal::Sheet(e) => {
                let (title, hint) = sheet_error(&e, l);
                view! {
                    <div class="notice notice-error" role="alert" data-testid="wl-file-problem" data-problem=sheet_error_id(&e)>
                        <div class="notice-title">{title}</div>
                        <div class="notice-hint">{hint.text(l)}</div>
                    </div>
                }
                .into_any()
            }
            Refusal::Problem(FileProblem::DuplicateColumn { field, columns }) => view! {
                <div class="notice notice-error" role="alert" data-testid="wl-file-problem" data-problem="duplicate-column">
                    <div class="notice-title">{WlDuplicateColumn { column: &field_label(field, l), letters: &columns.join(", ") }.text(l)}</div>
                    <div class="notice-hint">{Msg::WlDuplicateColumnHint.text(l)}</div>
                </div>
            }
            .into_any(),
            Refusal::Problem(FileProblem::Empty) => view! {
                <div class="notice notice-error" role="alert" data-testid="wl-file-problem" data-problem="empty">
                    <div class="notice-title">{Msg::WlFileEmpty.text(l)}</div>
                </div>
            }
            .into_any(),
            Refusal::Problem(FileProblem::TooLarge { bytes, max }) => view! {
                <div class="notice notice-error" role="alert" data-testid="wl-file-problem" data-problem="too-large">
                    <div class="notice-title">{WlFileTooLarge { size: &megabytes(bytes), limit: &megabytes(max) }.text(l)}</div>
                </div>
            }
            .into_any(),
            Refusal::Problem(FileProblem::TooManyRows { rows, max }) => view! {
                <div class="notice notice-error" role="alert" data-testid="wl-file-problem" data-problem="too-many">
                    <div class="notice-title">{WlFileTooMany { rows: &format::count(rows as u64), limit: &format::count(max as u64) }.text(l)}</div>
                </div>
            }
            .into_any(),
            Refusal::Problem(FileProblem::NoKnownColumns { found }) => {
                let expected = [HEADER_CUSTOMER_ID, HEADER_ACCOUNT_NAME, HEADER_REMARK]
                    .iter()
                    .map(|(zh, en)| format!("{zh} / {en}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let found = if found.is_empty() { "—".to_string() } else { found.join(", ") };
                view! {
                    <div class="notice notice-error" role="alert" data-testid="wl-file-problem" data-problem="columns">
                        <div class="notice-title">{Msg::WlFileNoColumns.text(l)}</div>
                        <dl class="notice-meta">
                            <dt>{Msg::WlHeadersFound.text(l)}</dt>
                            <dd data-testid="wl-headers-found">{found}</dd>
                            <dt>{Msg::WlHeadersExpected.text(l)}</dt>
                            <dd data-testid="wl-headers-expected">{expected}</dd>
                        </dl>
                        <div class="notice-hint">{Msg::WlHeadersHint.text(l)}</div>
                    </div>
                }
                .into_any()
            }
        }
    };
    view! { {notice} {mapping} }
}
