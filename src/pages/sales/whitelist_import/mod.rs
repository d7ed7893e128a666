//! S5 "导入新版本": a page with steps. 1 choose a CSV/XLSX file (read and checked in the
//! browser), 2 stage it and preview the diff with every row problem, 3 commit with a remark.
//! Nothing changes the whitelist until Commit; a failed step keeps the file and the preview.

mod reader;

use crate::api::{use_api, Api};
use crate::components::error_notice::ErrorNotice;
use crate::components::table::export::download;
use crate::components::table::source::DEFAULT_SIZES;
use crate::components::table::{loader, Column, DataTable, Empty, EmptyReason, Rows, Slice, Source, TableView};
use crate::components::whitelist_kit::{row_reason, use_rights, TemplateButtons};
use crate::format;
use crate::i18n::Locale;
use crate::i18n::{tr, use_i18n, Msg};
use crate::routes::WHITELIST;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use partner_api::whitelist::UploadRow;
use partner_api::whitelist::{
    cancel_path, change, changes_path, chunk_path, codes, commit_path, errors_path, finish_path, CancelResponse,
    ChangesQuery, ChunkRequest, ChunkResponse, CommitRequest, CommitResponse, Entry, EntryList, ErrorPage, ErrorsQuery,
    OpenUploadRequest, OpenUploadResponse, RowError, UploadResponse, CHUNKED_UPLOADS_PATH, MAX_ERRORS_LIMIT,
    MAX_FILE_BYTES, MAX_FILE_ROWS,
};
use partner_api::whitelist_file::{
    self, FileProblem, Mapping, Rejected, HEADER_ACCOUNT_NAME, HEADER_CUSTOMER_ID, HEADER_REMARK,
};
use partner_api::whitelist_problems::{merge_page, server_window};
use partner_api::whitelist_read::{stage as read_stage, ReadOutcome, ReadRequest, ReadSummary};
use partner_api::ApiError;
use reader::{read_in_worker, FileRead, ReadProgress};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// What reading the chosen file gave.
#[derive(Clone)]
enum Read {
    /// The upload chunks themselves are kept aside as JS strings (`chunk_store`).
    Ok {
        summary: Arc<ReadSummary>,
        chunk_count: u32,
    },
    Problem(FileProblem),
    Unreadable(String),
}

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
        C::text("value", Msg::WlColValue, |p, _| p.value.clone()).width(320),
        C::text("reason", Msg::WlColReason, |p, l| row_reason(&p.error, l)).width(320),
        C::text("code", Msg::ErrorCode, |p, _| p.error.error_code.clone()).width(140),
    ]
}

fn change_columns() -> Vec<Column<Entry>> {
    type C = Column<Entry>;
    vec![
        C::text("customer", Msg::ColCustomer, |r, _| r.customer.clone()).width(220),
        C::text("account", Msg::Account, |r, _| r.account_name.clone()).width(170),
        C::text("customer-id", Msg::CustomerId, |r, _| r.customer_id.clone()).width(280),
        C::text("remark", Msg::WlColRemark, |r, _| r.remark.clone().unwrap_or_default()).width(200),
    ]
}

/// A file size for people: "20 MB", "23.4 MB".
fn megabytes(bytes: u64) -> String {
    let tenths = (bytes * 10).div_ceil(1024 * 1024);
    if tenths % 10 == 0 {
        format!("{} MB", tenths / 10)
    } else {
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
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
        let page: ErrorPage = api.get(&q.url(&errors_path(&staged.upload_id))).await?;
        if page.error_details.is_empty() {
            break;
        }
        offset += page.error_details.len() as u64;
        out.extend(page.error_details);
    }
    Ok(out)
}

/// Where a chunked upload stands, so a retry continues from the chunk that failed.
#[derive(Clone, Debug, PartialEq)]
struct Sending {
    upload_id: Option<String>,
    /// The next chunk to send (1-based); chunks before it were acknowledged.
    next_seq: u32,
    chunk_count: u32,
    sent_rows: u32,
    total_rows: u32,
    /// The chunk that failed last (shown with the error).
    failed_seq: Option<u32>,
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

/// localStorage key of the last column mapping chosen by hand, with the headers it was for
/// (a preference, nothing secret).
const MAPPING_KEY: &str = "pc.whitelist.mapping";

fn remembered_mapping(headers: &[String]) -> Option<Mapping> {
    let saved: (Vec<String>, Mapping) = serde_json::from_str(&crate::storage::local_get(MAPPING_KEY)?).ok()?;
    (saved.0 == headers).then_some(saved.1)
}

fn remember_mapping(headers: &[String], m: Mapping) {
    if let Ok(json) = serde_json::to_string(&(headers, m)) {
        crate::storage::local_set(MAPPING_KEY, &json);
    }
}

/// Choose the columns by hand when the headers are not recognised (remembered for files
/// with the same headers).
#[component]
fn ColumnMapping(headers: RwSignal<Vec<String>>, choice: RwSignal<Mapping>, on_apply: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let select = move |m: Msg,
                       test_id: &'static str,
                       get: fn(&Mapping) -> Option<usize>,
                       put: fn(&mut Mapping, Option<usize>)| {
        view! {
            <label class="field">
                <span class="field-label">{move || m.text(i18n.get())}</span>
                <select data-testid=test_id on:change=move |ev| {
                    let v = event_target_value(&ev).parse::<usize>().ok();
                    choice.update(|c| put(c, v));
                }>
                    <option value="" selected=move || get(&choice.get()).is_none()>{move || Msg::WlMapNone.text(i18n.get())}</option>
                    {move || headers.get().into_iter().enumerate().map(|(i, h)| {
                        let label = if h.trim().is_empty() { format!("#{}", i + 1) } else { h };
                        view! { <option value=i.to_string() selected=move || get(&choice.get()) == Some(i)>{label}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    };
    view! {
        <div class="wl-mapping" data-testid="wl-mapping">
            <h3 class="wl-mapping-title">{move || Msg::WlMapTitle.text(i18n.get())}</h3>
            <div class="wl-mapping-fields">
                {select(Msg::CustomerId, "wl-map-id", |m| m.customer_id, |m, v| m.customer_id = v)}
                {select(Msg::Account, "wl-map-name", |m| m.account_name, |m, v| m.account_name = v)}
                {select(Msg::WlColRemark, "wl-map-remark", |m| m.remark, |m, v| m.remark = v)}
            </div>
            <button class="button primary" type="button" data-testid="wl-map-apply"
                disabled=move || !choice.get().is_usable() on:click=move |_| on_apply.run(())>
                {move || Msg::WlMapApply.text(i18n.get())}
            </button>
        </div>
    }
}

#[component]
fn Steps(step: Signal<u8>) -> impl IntoView {
    let i18n = use_i18n();
    let item = move |n: u8, m: Msg| {
        view! {
            <li class="step" data-testid=format!("wl-step-{n}")
                class:step-active=move || step.get() == n
                class:step-done=move || { step.get() > n }>
                <span class="step-no">{n}</span>
                <span class="step-label">{move || m.text(i18n.get())}</span>
            </li>
        }
    };
    view! {
        <ol class="steps card" data-testid="wl-steps">
            {item(1, Msg::WlStepChoose)}
            {item(2, Msg::WlStepPreview)}
            {item(3, Msg::WlStepCommit)}
        </ol>
    }
}

#[component]
pub fn WhitelistImportPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let rights = use_rights();
    let navigate = use_navigate();

    let file_name = RwSignal::new(None::<String>);
    let read = RwSignal::new(None::<Read>);
    let reading = RwSignal::new(false);
    let read_progress = RwSignal::new(None::<ReadProgress>);
    // The chosen file (kept to read it again with another sheet or other columns).
    let chosen = StoredValue::new_local(None::<web_sys::File>);
    let sheets = RwSignal::new(Vec::<String>::new());
    let sheet = RwSignal::new(0usize);
    let headers = RwSignal::new(Vec::<String>::new());
    let mapping_choice = RwSignal::new(Mapping::default());
    let chunk_store = StoredValue::new_local(Vec::<wasm_bindgen::JsValue>::new());
    // Which read is the latest: an earlier one that ends later is ignored.
    let read_gen = StoredValue::new(0u64);
    let dragging = RwSignal::new(false);
    let staged = RwSignal::new(None::<UploadResponse>);
    let staging = RwSignal::new(false);
    let stage_error = RwSignal::new(None::<ApiError>);
    let committing = RwSignal::new(false);
    let commit_error = RwSignal::new(None::<ApiError>);
    let remark = RwSignal::new(String::new());
    let sending = RwSignal::new(None::<Sending>);
    let cancelled = RwSignal::new(false);
    let download_error = RwSignal::new(None::<String>);
    // Listing the server's refused rows for the download failed (shown with a retry).
    let download_api_error = RwSignal::new(None::<ApiError>);
    let diff_tab = RwSignal::new(change::ADDED);

    let step = Signal::derive(move || {
        if staged.with(Option::is_some) {
            3
        } else if read.with(|r| matches!(r, Some(Read::Ok { .. }))) {
            2
        } else {
            1
        }
    });

    // Reads the chosen file in the worker; the page shows its progress meanwhile.
    let read_file = move |req: ReadRequest| {
        let Some(file) = chosen.get_value() else { return };
        read_gen.update_value(|g| *g += 1);
        let gen = read_gen.get_value();
        read.set(None);
        staged.set(None);
        stage_error.set(None);
        commit_error.set(None);
        sending.set(None);
        cancelled.set(false);
        reading.set(true);
        read_progress.set(None);
        spawn_local(async move {
            let latest = move || read_gen.try_get_value() == Some(gen);
            let progress = move |p: ReadProgress| {
                if latest() {
                    read_progress.try_set(Some(p));
                }
            };
            let mut result = read_in_worker(&file, &req, progress).await;
            // Headers not recognised but mapped by hand before: use that mapping again.
            if let Ok(FileRead {
                outcome: ReadOutcome::Problem { problem: FileProblem::NoKnownColumns { .. }, headers: h, .. },
                ..
            }) = &result
            {
                if let Some(m) = req.mapping.is_none().then(|| remembered_mapping(h)).flatten() {
                    result = read_in_worker(&file, &ReadRequest { mapping: Some(m), ..req.clone() }, progress).await;
                }
            }
            if !latest() {
                return;
            }
            let r = match result {
                Err(e) => Read::Unreadable(e),
                Ok(FileRead { outcome: ReadOutcome::Read(summary), chunks }) => {
                    sheets.try_set(summary.sheets.clone());
                    sheet.try_set(summary.sheet);
                    headers.try_set(summary.headers.clone());
                    mapping_choice.try_set(summary.mapping);
                    let chunk_count = chunks.len() as u32;
                    chunk_store.try_set_value(chunks);
                    Read::Ok { summary: Arc::new(summary), chunk_count }
                }
                Ok(FileRead { outcome: ReadOutcome::Problem { problem, sheets: sh, headers: hd }, .. }) => {
                    sheets.try_set(sh);
                    sheet.try_set(req.sheet);
                    headers.try_set(hd);
                    mapping_choice.try_set(Mapping::default());
                    Read::Problem(problem)
                }
                Ok(FileRead { outcome: ReadOutcome::Unreadable(e), .. }) => Read::Unreadable(e),
            };
            read.try_set(Some(r));
            reading.try_set(false);
            read_progress.try_set(None);
        });
    };

    let take_file = move |file: web_sys::File| {
        let name = file.name();
        file_name.set(Some(name.clone()));
        read.set(None);
        staged.set(None);
        stage_error.set(None);
        commit_error.set(None);
        sending.set(None);
        cancelled.set(false);
        sheets.set(Vec::new());
        headers.set(Vec::new());
        // Refused by size before a byte is read.
        if let Err(p) = whitelist_file::check_size(file.size() as u64) {
            chosen.set_value(None);
            read_gen.update_value(|g| *g += 1);
            reading.set(false);
            read.set(Some(Read::Problem(p)));
            return;
        }
        chosen.set_value(Some(file));
        read_file(ReadRequest { name, sheet: 0, mapping: None });
    };
    let choose_sheet = move |index: usize| {
        let name = file_name.get_untracked().unwrap_or_default();
        read_file(ReadRequest { name, sheet: index, mapping: None });
    };
    let apply_mapping = move || {
        let m = mapping_choice.get_untracked();
        if !m.is_usable() {
            return;
        }
        remember_mapping(&headers.get_untracked(), m);
        let name = file_name.get_untracked().unwrap_or_default();
        read_file(ReadRequest { name, sheet: sheet.get_untracked(), mapping: Some(m) });
    };
    let on_input = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        if let Some(f) = input.files().and_then(|l| l.get(0)) {
            take_file(f);
        }
        // The same file can be chosen again after editing it.
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(f) = ev.data_transfer().and_then(|d| d.files()).and_then(|l| l.get(0)) {
            take_file(f);
        }
    };

    // Stage (again) from the rows read: open a chunked upload, send the chunks in order
    // with progress, then finish (the server validates and compares). A failed chunk pauses;
    // a retry resends that chunk under the same number, so nothing is counted twice.
    let api_s = api.clone();
    let stage = Callback::new(move |_| {
        let Some(Read::Ok { summary, chunk_count }) = read.get_untracked() else { return };
        if staging.get_untracked() || summary.valid_rows == 0 {
            return;
        }
        let total_rows = summary.valid_rows;
        // Resume a paused upload of this file; otherwise start a new one.
        let resume = sending.get_untracked().filter(|s| s.upload_id.is_some() && s.failed_seq.is_some());
        let mut state = resume.unwrap_or(Sending {
            upload_id: None,
            next_seq: 1,
            chunk_count,
            sent_rows: 0,
            total_rows,
            failed_seq: None,
        });
        state.failed_seq = None;
        sending.set(Some(state.clone()));
        staging.set(true);
        cancelled.set(false);
        stage_error.set(None);
        commit_error.set(None);
        let file = file_name.get_untracked().unwrap_or_default();
        let api = api_s.clone();
        spawn_local(async move {
            let fail = |e: ApiError, state: &Sending| {
                if !cancelled.get_untracked() {
                    sending.try_set(Some(Sending { failed_seq: Some(state.next_seq), ..state.clone() }));
                    stage_error.try_set(Some(e));
                }
                staging.try_set(false);
            };
            let id = match state.upload_id.clone() {
                Some(id) => id,
                None => {
                    let body = OpenUploadRequest { file_name: file, total_rows, chunk_count };
                    match api.command::<_, OpenUploadResponse>(CHUNKED_UPLOADS_PATH, &body).await {
                        Ok(o) => o.upload_id,
                        Err(e) => return fail(e, &state),
                    }
                }
            };
            state.upload_id = Some(id.clone());
            sending.try_set(Some(state.clone()));
            for seq in state.next_seq..=chunk_count {
                if cancelled.get_untracked() {
                    return;
                }
                // The worker cut the rows into chunks already; one chunk is small to decode.
                let text = chunk_store.try_with_value(|c| c.get(seq as usize - 1).and_then(|v| v.as_string()));
                let Some(text) = text.flatten() else {
                    staging.try_set(false);
                    return;
                };
                let rows: Vec<UploadRow> = serde_json::from_str(&text).unwrap_or_default();
                let body = ChunkRequest { seq, rows };
                match api.command::<_, ChunkResponse>(&chunk_path(&id), &body).await {
                    Ok(r) => {
                        state.next_seq = seq + 1;
                        state.sent_rows = r.received_rows;
                        sending.try_set(Some(state.clone()));
                    }
                    Err(e) => return fail(e, &state),
                }
            }
            if cancelled.get_untracked() {
                return;
            }
            match api.command::<_, UploadResponse>(&finish_path(&id), &()).await {
                Ok(u) => {
                    sending.try_set(None);
                    // Open the preview on the larger change: removals are what a wrong file costs.
                    diff_tab.try_set(if u.removed_count > u.added_count { change::REMOVED } else { change::ADDED });
                    staged.try_set(Some(u));
                    staging.try_set(false);
                }
                Err(e) => fail(e, &state),
            }
        });
    });

    // Cancel a running or paused upload: stop sending and discard the staging on the server.
    let api_x = api.clone();
    let cancel_upload = Callback::new(move |_: ()| {
        let id = sending.get_untracked().and_then(|s| s.upload_id);
        cancelled.set(true);
        sending.set(None);
        staging.set(false);
        stage_error.set(None);
        if let Some(id) = id {
            let api = api_x.clone();
            spawn_local(async move {
                // An upload left behind expires on its own; the whitelist is untouched either way.
                if let Err(e) = api.command::<_, CancelResponse>(&cancel_path(&id), &()).await {
                    if e.code != codes::UPLOAD_GONE {
                        stage_error.try_set(Some(e));
                    }
                }
            });
        }
    });

    let api_c = api.clone();
    let nav_done = navigate.clone();
    let commit = Callback::new(move |_: ()| {
        let Some(u) = staged.get_untracked() else { return };
        if committing.get_untracked() || u.valid_rows == 0 {
            return;
        }
        committing.set(true);
        commit_error.set(None);
        let body = CommitRequest {
            base_version_no: u.base_version_no,
            remark: Some(remark.get_untracked().trim().to_string()).filter(|r| !r.is_empty()),
        };
        let api = api_c.clone();
        let nav = nav_done.clone();
        spawn_local(async move {
            let r = api.command::<_, CommitResponse>(&commit_path(&u.upload_id), &body).await;
            committing.try_set(false);
            match r {
                Ok(c) => nav(&format!("{WHITELIST}?committed={}", c.version_no), Default::default()),
                Err(e) => {
                    commit_error.try_set(Some(e));
                }
            }
        });
    });
    // A commit that removes customers is confirmed first, with the count.
    let confirm_removal = RwSignal::new(None::<(u64, u64)>);
    let ask_commit = move || {
        let Some(u) = staged.get_untracked() else { return };
        if u.removed_count > 0 {
            confirm_removal.set(Some((u.removed_count, u.removed_count + u.unchanged_count)));
        } else {
            commit.run(());
        }
    };
    let nav_cancel = navigate.clone();
    let api_n = api.clone();
    let cancel = Callback::new(move |_: ()| {
        if let Some(id) = staged.get_untracked().map(|u| u.upload_id) {
            let api = api_n.clone();
            spawn_local(async move {
                let _ = api.command::<_, CancelResponse>(&cancel_path(&id), &()).await;
            });
        }
        cancel_upload.run(());
        nav_cancel(WHITELIST, Default::default())
    });

    // The browser's row problems, by row (a memo: sorted once). The server's are paged from
    // the server and merged in by row number, a page at a time.
    let problems = Memo::new(move |_| {
        let mut out: Vec<Problem> = Vec::new();
        if let Some(Read::Ok { summary, .. }) = read.get() {
            out.extend(summary.problems.iter().map(|p| Problem { error: p.error.clone(), value: p.value.clone() }));
        }
        out.sort_by_key(|p| p.error.row_no);
        Arc::new(out)
    });
    // The staged upload without its first page of row errors, for the loaders (cheap to clone).
    let server_errors_of = move || staged.with(|s| s.as_ref().map(|u| (u.upload_id.clone(), u.error_count)));
    let problem_count =
        Memo::new(move |_| problems.with(|p| p.len() as u64) + server_errors_of().map_or(0, |(_, n)| n));
    let api_p = api.clone();
    let problem_source = Source::server(TableView::local(vec![], 10, DEFAULT_SIZES), move || {
        let (local, upload) = (problems.get(), staged.get());
        let api = api_p.clone();
        loader(move |slice: Slice| {
            let (local, upload, api) = (local.clone(), upload.clone(), api.clone());
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

    let api_d = api.clone();
    let api_r = StoredValue::new_local(api.clone());
    let diff_source = Source::server(TableView::local(vec![], 10, DEFAULT_SIZES), move || {
        let (id, kind) = (staged.with(|s| s.as_ref().map(|s| s.upload_id.clone())), diff_tab.get());
        let api = api_d.clone();
        loader(move |slice: Slice| {
            let (id, api) = (id.clone(), api.clone());
            async move {
                let Some(id) = id else { return Ok(Rows { rows: vec![], total: 0 }) };
                let q = ChangesQuery {
                    change: Some(kind.to_string()),
                    offset: Some(slice.offset as i64),
                    limit: Some(slice.limit as i64),
                };
                let r: EntryList = api.get(&q.url(&changes_path(&id))).await?;
                Ok(Rows { rows: r.entries, total: r.total_count })
            }
        })
    });

    let problem_source = StoredValue::new(problem_source);
    let diff_source = StoredValue::new(diff_source);
    let file_problem = move || {
        let l = i18n.get();
        match read.get()? {
            Read::Ok { .. } => None,
            Read::Unreadable(e) => Some(view! {
                <div class="notice notice-error" role="alert" data-testid="wl-file-problem" data-problem="unreadable">
                    <div class="notice-title">{Msg::WlFileUnreadable.text(l)}</div>
                    <div class="notice-body">{e}</div>
                </div>
            }.into_any()),
            Read::Problem(FileProblem::Empty) => Some(view! {
                <div class="notice notice-error" role="alert" data-testid="wl-file-problem" data-problem="empty">
                    <div class="notice-title">{Msg::WlFileEmpty.text(l)}</div>
                </div>
            }.into_any()),
            Read::Problem(FileProblem::TooLarge { bytes, max }) => Some(view! {
                <div class="notice notice-error" role="alert" data-testid="wl-file-problem" data-problem="too-large">
                    <div class="notice-title">{Msg::WlFileTooLarge.with_n_t(l, megabytes(bytes), megabytes(max))}</div>
                </div>
            }.into_any()),
            Read::Problem(FileProblem::TooManyRows { rows, max }) => Some(view! {
                <div class="notice notice-error" role="alert" data-testid="wl-file-problem" data-problem="too-many">
                    <div class="notice-title">{Msg::WlFileTooMany.with_n_t(l, format::count(rows as u64), format::count(max as u64))}</div>
                </div>
            }.into_any()),
            Read::Problem(FileProblem::NoKnownColumns { found }) => {
                let expected = [HEADER_CUSTOMER_ID, HEADER_ACCOUNT_NAME, HEADER_REMARK]
                    .iter()
                    .map(|(zh, en)| format!("{zh} / {en}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let found = if found.is_empty() { "—".to_string() } else { found.join(", ") };
                Some(view! {
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
                    <ColumnMapping headers=headers choice=mapping_choice on_apply=Callback::new(move |_| apply_mapping()) />
                }.into_any())
            }
        }
    };

    let read_summary = move || {
        let l = i18n.get();
        match read.get()? {
            Read::Ok { summary, .. } => Some(view! {
                <p data-testid="wl-read-summary" data-valid=summary.valid_rows data-invalid=summary.problems.len() data-blank=summary.blank_rows>
                    {Msg::WlReadSummary.with_n_t(l, format::count(summary.valid_rows as u64), format::count(summary.problems.len() as u64))
                        .replace("{b}", &format::count(summary.blank_rows as u64))}
                </p>
            }),
            _ => None,
        }
    };

    let commit_problem = move || {
        let e = commit_error.get()?;
        let l = i18n.get();
        let special = match e.code.as_str() {
            codes::VERSION_CHANGED => Some((Msg::WlChangedSinceStaged, "changed")),
            codes::UPLOAD_GONE => Some((Msg::WlUploadExpired, "expired")),
            _ => None,
        };
        Some(match special {
            Some((m, kind)) => view! {
                <div class="notice notice-error" role="alert" data-testid="wl-commit-problem" data-problem=kind>
                    <div class="notice-title">{m.text(l)}</div>
                    <div class="notice-meta">{e.code.clone()}</div>
                    <button class="button primary" type="button" data-testid="wl-stage-again" on:click=move |_| stage.run(())>
                        {Msg::WlStageAgain.text(l)}
                    </button>
                </div>
            }
            .into_any(),
            None => view! { <ErrorNotice error=e /> }.into_any(),
        })
    };

    let counts = move || {
        // Everything but the row errors (which can be 100,000 long): no clone of those here.
        let head = staged.with(|s| {
            s.as_ref().map(|u| UploadResponse { error_details: Vec::new(), upload_id: u.upload_id.clone(), ..*u })
        });
        head.map(|u| {
            let l = i18n.get();
            let tab = move |kind: &'static str, m: Msg, n: u64| {
                view! {
                    <button class={if kind == change::REMOVED && n > 0 { "stat stat-danger" } else { "stat" }} type="button" role="tab" data-testid=format!("wl-count-{kind}") data-count=n
                        aria-selected=move || (diff_tab.get() == kind).to_string()
                        disabled=kind == change::UNCHANGED
                        on:click=move |_| diff_tab.set(kind)>
                        <span class="stat-value">{format::count(n)}</span>
                        <span class="stat-label">{m.text(l)}</span>
                    </button>
                }
            };
            view! {
                <div class="stats" data-testid="wl-preview" data-upload=u.upload_id.clone() data-base=u.base_version_no data-valid=u.valid_rows data-total=u.total_rows>
                    {tab(change::ADDED, Msg::WlAdded, u.added_count)}
                    {tab(change::REMOVED, Msg::WlRemoved, u.removed_count)}
                    {tab(change::UNCHANGED, Msg::WlUnchanged, u.unchanged_count)}
                </div>
                <p class="muted" data-testid="wl-preview-note">
                    {Msg::WlPreviewNote
                        .text(l)
                        .replace("{v}", &u.valid_rows.to_string())
                        .replace("{t}", &u.total_rows.to_string())
                        .replace("{b}", &u.base_version_no.to_string())
                        .replace("{e}", &format::date_time(&u.expires_at))}
                </p>
            }
        })
    };

    let has_problems = Signal::derive(move || problem_count.get() > 0);
    let can_commit = Signal::derive(move || staged.with(|s| s.as_ref().is_some_and(|s| s.valid_rows > 0)));
    // After CBC.50000062 / CBC.50000063 only a new upload helps.
    let stale = Signal::derive(move || {
        commit_error
            .with(|e| e.as_ref().is_some_and(|e| e.code == codes::VERSION_CHANGED || e.code == codes::UPLOAD_GONE))
    });
    let whitelist_href = crate::routes::href(WHITELIST);

    view! {
        <section class="page" data-testid="page-whitelist-import">
            <a class="back-link" href=whitelist_href data-testid="wl-back">{tr(Msg::WlBackToWhitelist)}</a>
            <div class="page-head">
                <div>
                    <h1 class="page-title">{tr(Msg::WlImportTitle)}</h1>
                    <p class="page-intro">{move || Msg::WlImportIntro.with_n_t(i18n.get(), format::count(MAX_FILE_ROWS as u64), megabytes(MAX_FILE_BYTES))}</p>
                </div>
                <div class="page-head-actions"><TemplateButtons /></div>
            </div>
            <Show when=move || rights.has_whitelist.get() && rights.can_manage.get() fallback=|| view! {
                <div class="notice notice-info" data-testid="wl-import-not-allowed">{tr(Msg::WlReadOnly)}</div>
            }>
                <Steps step=step />

                <div class="card" data-testid="wl-step-choose-card">
                    <h2 class="card-title">{tr(Msg::WlStepChoose)}</h2>
                    <label class="dropzone" class:dropzone-over=move || dragging.get() data-testid="wl-dropzone"
                        on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                        on:dragleave=move |_| dragging.set(false)
                        on:drop=on_drop>
                        <input type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                            data-testid="wl-file" class="visually-hidden" on:change=on_input />
                        <span class="dropzone-title">{tr(Msg::WlDropHere)}</span>
                        <span class="muted">{tr(Msg::WlDropHint)}</span>
                        {move || file_name.get().map(|n| view! { <span class="dropzone-file" data-testid="wl-file-name">{n}</span> })}
                    </label>
                    <Show when=move || reading.get()>
                        {move || {
                            let l = i18n.get();
                            let p = read_progress.get();
                            let checking = p.as_ref().filter(|p| p.stage == read_stage::CHECK && p.total > 0);
                            view! {
                                <div class="issue-progress" data-testid="wl-reading"
                                    data-stage=p.as_ref().map(|p| p.stage.clone()).unwrap_or_default()
                                    data-done=checking.map(|p| p.done).unwrap_or(0) data-total=checking.map(|p| p.total).unwrap_or(0)>
                                    {match checking {
                                        Some(p) => view! { <progress max=p.total value=p.done></progress> }.into_any(),
                                        None => view! { <progress></progress> }.into_any(),
                                    }}
                                    <span class="muted">{match checking {
                                        Some(p) => Msg::WlReadingRows.with_n_t(l, format::count(p.done as u64), format::count(p.total as u64)),
                                        None => Msg::WlReading.text(l).to_string(),
                                    }}</span>
                                </div>
                            }
                        }}
                    </Show>
                    {move || (sheets.with(Vec::len) > 1).then(|| view! {
                        <label class="field wl-sheet-field" data-testid="wl-sheet-field">
                            <span class="field-label">{tr(Msg::WlSheet)}</span>
                            <select data-testid="wl-sheet" disabled=move || reading.get() || staging.get()
                                on:change=move |ev| { if let Ok(i) = event_target_value(&ev).parse::<usize>() { choose_sheet(i) } }>
                                {sheets.get().into_iter().enumerate().map(|(i, n)| view! {
                                    <option value=i.to_string() selected=move || sheet.get() == i>{n}</option>
                                }).collect_view()}
                            </select>
                        </label>
                    })}
                    {file_problem}
                    {read_summary}
                    <Show when=move || step.get() == 2>
                        <div class="form-actions">
                            <button class="button primary" type="button" data-testid="wl-stage"
                                disabled=move || staging.get() || read.with(|r| matches!(r, Some(Read::Ok { summary, .. }) if summary.valid_rows == 0))
                                on:click=move |_| stage.run(())>
                                {move || if staging.get() { Msg::WlStaging } else { Msg::WlStage }.text(i18n.get())}
                            </button>
                            <button class="button" type="button" data-testid="wl-cancel-1" on:click=move |_| cancel.run(())>{tr(Msg::Cancel)}</button>
                        </div>
                    </Show>
                    {move || read.with(|r| matches!(r, Some(Read::Ok { summary, .. }) if summary.valid_rows == 0)).then(|| view! {
                        <div class="notice notice-error" data-testid="wl-no-valid-rows">{tr(Msg::WlNoValidRows)}</div>
                    })}
                    {move || sending.get().map(|s| {
                        let l = i18n.get();
                        view! {
                            <div class="issue-progress" data-testid="wl-upload-progress" data-sent=s.sent_rows data-total=s.total_rows
                                data-paused=s.failed_seq.is_some().to_string()>
                                <progress max=s.total_rows value=s.sent_rows></progress>
                                <span>{Msg::WlUploadProgress.with_n_t(l, format::count(s.sent_rows as u64), format::count(s.total_rows as u64))}</span>
                                {s.failed_seq.filter(|&q| q <= s.chunk_count).map(|seq| view! {
                                    <p class="notice notice-error" data-testid="wl-chunk-failed">{Msg::WlChunkFailed.with_n_t(l, seq, s.chunk_count)}</p>
                                })}
                                <div class="form-actions">
                                    <button class="button" type="button" data-testid="wl-upload-cancel" on:click=move |_| cancel_upload.run(())>
                                        {Msg::WlUploadCancel.text(l)}
                                    </button>
                                </div>
                            </div>
                        }
                    })}
                    <Show when=move || cancelled.get() && staged.with(Option::is_none)>
                        <div class="notice notice-info" role="status" data-testid="wl-upload-cancelled">{tr(Msg::WlUploadCancelled)}</div>
                    </Show>
                    {move || stage_error.get().map(|e| view! { <ErrorNotice error=e on_retry=stage /> })}
                </div>

                <Show when=move || has_problems.get()>
                    <div class="card table-card" data-testid="wl-problems">
                        <div class="wl-card-head">
                            <h2 class="card-title">{move || Msg::WlProblemsTitle.with_n(i18n.get(), crate::format::count(problem_count.get()))}</h2>
                            <button class="button" type="button" data-testid="wl-download-rejected" on:click=move |_| {
                                let Some(Read::Ok { summary, .. }) = read.get_untracked() else { return };
                                let upload = staged.get_untracked();
                                let api = api_r.get_value();
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
                                        chunk_store.try_with_value(|c| c.iter().filter_map(|v| v.as_string()).collect()).unwrap_or_default()
                                    };
                                    if let Err(e) = rejected_download(&summary, &chunks, &server, i18n.locale.get_untracked()) {
                                        download_error.try_set(Some(e));
                                    }
                                });
                            }>{tr(Msg::WlDownloadRejected)}</button>
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
                                    label=Signal::derive(move || Msg::WlProblemsTitle.with_n(i18n.get(), ""))
                                    columns=problem_columns()
                                    source=problem_source.get_value()
                                    row_key=|p: &Problem| format!("{}-{}", p.error.row_no, p.error.error_code)
                                    empty=Signal::derive(|| Empty::new(EmptyReason::NoData, Msg::WlNoProblems))
                                />
                            }
                        }}
                    </div>
                </Show>

                <Show when=move || staged.with(Option::is_some)>
                    <div class="card" data-testid="wl-preview-card">
                        <h2 class="card-title">{tr(Msg::WlStepPreview)}</h2>
                        {counts}
                        <DataTable
                            id="whitelist-changes"
                            test_id="wl-changes-table"
                            label=Signal::derive(move || Msg::WlStepPreview.text(i18n.get()).to_string())
                            columns=change_columns()
                            source=diff_source.get_value()
                            row_key=|r: &Entry| r.customer_id.clone()
                            empty=Signal::derive(|| Empty::new(EmptyReason::NoData, Msg::WlNoChanges))
                        />
                    </div>
                    <div class="card" data-testid="wl-commit-card">
                        <h2 class="card-title">{tr(Msg::WlStepCommit)}</h2>
                        <label class="field">
                            <span class="field-label">{tr(Msg::WlRemarkOptional)}</span>
                            <input type="text" maxlength="256" data-testid="wl-remark"
                                prop:value=move || remark.get() on:input=move |ev| remark.set(event_target_value(&ev)) />
                        </label>
                        <p class="muted">{tr(Msg::WlCommitNote)}</p>
                        <Show when=move || !can_commit.get()>
                            <div class="notice notice-error" data-testid="wl-commit-blocked">{tr(Msg::WlNoValidRows)}</div>
                        </Show>
                        {commit_problem}
                        <div class="form-actions">
                            <button class="button primary" type="button" data-testid="wl-commit"
                                disabled=move || committing.get() || !can_commit.get() || stale.get() || staging.get()
                                on:click=move |_| ask_commit()>
                                {move || if committing.get() { Msg::WlCommitting } else { Msg::WlCommit }.text(i18n.get())}
                            </button>
                            <button class="button" type="button" data-testid="wl-cancel" on:click=move |_| cancel.run(())>{tr(Msg::Cancel)}</button>
                        </div>
                    </div>
                    {move || confirm_removal.get().map(|(removed, base)| view! {
                        <RemovalConfirm removed=removed base=base
                            on_cancel=Callback::new(move |_| confirm_removal.set(None))
                            on_confirm=Callback::new(move |_| { confirm_removal.set(None); commit.run(()); }) />
                    })}
                </Show>
            </Show>
        </section>
    }
}

/// "Remove N customers?": every commit that removes customers asks first.
#[component]
fn RemovalConfirm(removed: u64, base: u64, on_cancel: Callback<()>, on_confirm: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="dialog-backdrop">
            <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="wl-commit-confirm-title"
                data-testid="wl-commit-confirm" data-removed=removed>
                <h2 id="wl-commit-confirm-title">{tr(Msg::WlConfirmRemovalTitle)}</h2>
                <p class="danger-text" data-testid="wl-commit-confirm-text">
                    {move || Msg::WlConfirmRemovalText.with_n_t(i18n.get(), format::count(removed), format::count(base))}
                </p>
                <div class="form-actions">
                    <button class="button" type="button" data-testid="wl-commit-confirm-cancel" data-dialog-cancel
                        on:click=move |_| on_cancel.run(())>{tr(Msg::Cancel)}</button>
                    <button class="button danger" type="button" data-testid="wl-commit-confirm-ok"
                        on:click=move |_| on_confirm.run(())>{tr(Msg::WlConfirmRemovalOk)}</button>
                </div>
            </div>
        </div>
    }
}
