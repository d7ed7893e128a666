//! The row problems card: the browser's (from the read) and the server's (from the staged
//! upload, paged from the server) merged by row number, and their download as CSV.

use super::controller::Import;
use super::state::Flow;
use crate::api::Api;
use crate::components::error_notice::ErrorNotice;
use crate::components::table::export::download;
use crate::components::table::source::DEFAULT_SIZES;
use crate::components::table::{loader, Column, DataTable, Empty, EmptyReason, Rows, Slice, Source, TableView};
use crate::components::whitelist_kit::{row_reason, shown_value};
use crate::format;
use crate::i18n::{tr, use_i18n, Locale, Msg, WlProblemsTitle};
use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::whitelist::{ErrorsQuery, RowError, UploadResponse, UploadRow, MAX_ERRORS_LIMIT};
use partner_api::whitelist_calls::UploadErrors;
use partner_api::whitelist_file::{self, Rejected};
use partner_api::whitelist_problems::{merge_page, server_window};
use partner_api::whitelist_read::ReadSummary;
use partner_api::ApiError;
use std::sync::Arc;

/// Characters of a refused row's content shown in the table (a 10,000-character value would
/// bury the table; the download has it whole).
const VALUE_SHOWN: usize = 120;

/// One line of the problems table.
#[derive(Clone, PartialEq)]
struct Problem {
    error: RowError,
    /// The row's cells as read, for people to find it.
    value: String,
}

fn problem_columns() -> Vec<Column<Problem>> {
    type C = Column<Problem>;
    vec![
        C::number("row", Msg::WlColRow, |p| Some(p.error.row_no as f64)).width(90),
        C::text("value", Msg::WlColValue, |p, l| shown_value(&p.value, VALUE_SHOWN, l)).width(320),
        C::text("reason", Msg::Reason, |p, l| row_reason(&p.error, l)).width(320),
        C::text("code", Msg::ErrorCode, |p, _| p.error.error_code.clone()).width(140),
    ]
}

/// The server's refused rows `[start, end)` of a staged upload, by row number: from the
/// answer's first page when it covers them, else listed a thousand per request (each answer
/// small to decode, so no long main-thread task however many rows were refused).
async fn server_errors(api: &Api, staged: &UploadResponse, start: u64, end: u64) -> Result<Vec<RowError>, ApiError> {
    let end = end.min(staged.error_count);
    if end <= staged.error_details.len() as u64 {
        return Ok(staged.error_details.get(start as usize..end as usize).unwrap_or_default().to_vec());
    }
    let mut out = Vec::new();
    let mut offset = start;
    while offset < end {
        let limit = (end - offset).min(MAX_ERRORS_LIMIT as u64);
        let q = ErrorsQuery { offset: Some(offset as i64), limit: Some(limit as i64) };
        let page = api.call(&UploadErrors { upload_id: staged.upload_id.clone(), query: q }).await?;
        if page.error_details.is_empty() {
            break;
        }
        offset += page.error_details.len() as u64;
        out.extend(page.error_details);
    }
    Ok(out)
}

/// The rejected rows (the browser's and the server's) as CSV with a reason column in the
/// reader's language. Server-refused rows get their cells back from the chunks sent.
fn rejected_download(summary: &ReadSummary, chunks: &[String], server: &[RowError], l: Locale) -> Result<(), String> {
    let wanted: std::collections::HashSet<u32> = server.iter().map(|e| e.row_no).collect();
    let mut sent: std::collections::HashMap<u32, UploadRow> = std::collections::HashMap::new();
    if !wanted.is_empty() {
        for c in chunks {
            let rows: Vec<UploadRow> = serde_json::from_str(c).map_err(|e| e.to_string())?;
            sent.extend(rows.into_iter().filter(|r| wanted.contains(&r.row_no)).map(|r| (r.row_no, r)));
        }
    }
    let mut rows: Vec<Rejected> = summary
        .problems
        .iter()
        .map(|p| Rejected { row: p.row.clone(), reason: row_reason(&p.error, l), code: p.error.error_code.clone() })
        .collect();
    rows.extend(server.iter().map(|e| Rejected {
        row: sent.remove(&e.row_no).unwrap_or(UploadRow { row_no: e.row_no, ..Default::default() }),
        reason: row_reason(e, l),
        code: e.error_code.clone(),
    }));
    rows.sort_by_key(|r| r.row.row_no);
    let csv = whitelist_file::rejected_csv(l == Locale::ZhCn, &rows);
    let now = format::now();
    let local = now.with_timezone(&partner_api::time::offset(format::zone_offset_minutes(&now))).naive_local();
    download(&csv, &partner_api::csv::file_name("whitelist-rejected-rows", &local)).map_err(|e| format!("{e:?}"))
}

#[component]
pub fn ProblemsCard(import: Import) -> impl IntoView {
    let i18n = use_i18n();
    let flow = import.flow;
    let download_error = RwSignal::new(None::<String>);
    // Listing the server's refused rows for the download failed (shown with a retry).
    let download_api_error = RwSignal::new(None::<ApiError>);
    // Memos of shared data: an upload's progress does not reach them.
    let rows = Memo::new(move |_| flow.with(Flow::rows));
    let staged = Memo::new(move |_| flow.with(|f| f.staged().map(|s| s.upload.clone())));
    // The browser's row problems, by row (a memo: sorted once). The server's are paged from
    // the server and merged in by row number, a page at a time.
    let problems = Memo::new(move |_| {
        let mut out: Vec<Problem> = Vec::new();
        if let Some(r) = rows.get() {
            out.extend(r.summary.problems.iter().map(|p| Problem { error: p.error.clone(), value: p.value.clone() }));
        }
        out.sort_by_key(|p| p.error.row_no);
        Arc::new(out)
    });
    let problem_count = Memo::new(move |_| {
        problems.with(|p| p.len() as u64) + staged.with(|s| s.as_ref().map_or(0, |u| u.error_count))
    });
    let problem_source = Source::server(TableView::local(vec![], 10, DEFAULT_SIZES), move || {
        let (local, upload) = (problems.get(), staged.get());
        let api = import.api.get_value();
        loader(move |slice: Slice| {
            let (local, upload, api) = (local.clone(), upload.clone(), api);
            async move {
                let server_total = upload.as_ref().map_or(0, |u| u.error_count);
                let (start, end) = server_window(local.len(), slice.offset, slice.limit);
                let window = match &upload {
                    Some(u) if start < server_total => server_errors(&api, u, start, end).await?,
                    _ => Vec::new(),
                };
                // The server names the value it could not resolve.
                let window: Vec<Problem> = window
                    .into_iter()
                    .map(|e| Problem { value: e.value.clone().unwrap_or_default(), error: e })
                    .collect();
                let rows = merge_page(&local, start, &window, |p| p.error.row_no, slice.offset, slice.limit);
                Ok(Rows { rows, total: local.len() as u64 + server_total })
            }
        })
    });
    let problem_source = StoredValue::new(problem_source);
    let download_rejected = move |_| {
        let Some(rows) = rows.get_untracked() else { return };
        let upload = staged.get_untracked();
        let api = import.api.get_value();
        download_error.set(None);
        download_api_error.set(None);
        spawn_local(async move {
            // Every page of the server's refusals, a thousand at a time.
            let server = match &upload {
                Some(u) => match server_errors(&api, u, 0, u.error_count).await {
                    Ok(e) => e,
                    Err(e) => {
                        download_api_error.try_set(Some(e));
                        return;
                    }
                },
                None => Vec::new(),
            };
            // The rows sent are needed only to show the server's refusals.
            let chunks: Vec<String> = if server.is_empty() {
                Vec::new()
            } else {
                import.chunks.try_with_value(|c| c.iter().filter_map(|v| v.as_string()).collect()).unwrap_or_default()
            };
            if let Err(e) = rejected_download(&rows.summary, &chunks, &server, i18n.locale.get_untracked()) {
                download_error.try_set(Some(e));
            }
        });
    };

    view! {
        <Show when=move || { problem_count.get() > 0 }>
            <div class="card table-card" data-testid="wl-problems">
                <div class="wl-card-head">
                    <h2 class="card-title">{move || WlProblemsTitle { n: &crate::format::count(problem_count.get()) }.text(i18n.get())}</h2>
                    <button class="button" type="button" data-testid="wl-download-rejected" on:click=download_rejected>{tr(Msg::WlDownloadRejected)}</button>
                </div>
                {move || download_error.get().map(|e| view! { <div class="notice notice-error" role="alert" data-testid="wl-download-error">{e}</div> })}
                {move || download_api_error.get().map(|e| view! { <ErrorNotice error=e /> })}
                // Built again when the problems change (the server's join the browser's):
                // the shared table does not redraw rows whose position stays the same.
                {move || {
                    problems.track();
                    staged.track();
                    view! {
                        <DataTable
                            id="whitelist-problems"
                            test_id="wl-problems-table"
                            label=Signal::derive(move || WlProblemsTitle { n: &"" }.text(i18n.get()))
                            columns=problem_columns()
                            source=problem_source.get_value()
                            row_key=|p: &Problem| format!("{}-{}", p.error.row_no, p.error.error_code)
                            empty=Signal::derive(|| Empty::new(EmptyReason::NoData, Msg::WlNoProblems))
                        />
                    }
                }}
            </div>
        </Show>
    }
}
