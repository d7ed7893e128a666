//! S5 "导入新版本": a page with steps. 1 choose a CSV/XLSX file (read and checked in the
//! browser), 2 stage it and preview the diff with every row problem, 3 commit with a remark.
//! Nothing changes the whitelist until Commit; a failed step keeps the file and the preview.

use super::whitelist::{row_reason, use_rights, TemplateButtons};
use crate::api::use_api;
use crate::components::error_notice::ErrorNotice;
use crate::components::table::source::DEFAULT_SIZES;
use crate::components::table::{
    loader, ClientSource, Column, DataTable, Empty, EmptyReason, Paging, Rows, Slice, SortKey, Source, TableView,
};
use crate::format;
use crate::i18n::{tr, use_i18n, Msg};
use crate::routes::WHITELIST;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use partner_api::sheet::{read_csv, read_xlsx, Rows as SheetRows};
use partner_api::whitelist::{
    cancel_path, change, changes_path, chunk_path, chunks, codes, commit_path, finish_path, CancelResponse,
    ChangesQuery, ChunkRequest, ChunkResponse, CommitRequest, CommitResponse, Entry, EntryList, OpenUploadRequest,
    OpenUploadResponse, RowError, UploadResponse, CHUNKED_UPLOADS_PATH, CHUNK_ROWS, MAX_FILE_BYTES, MAX_FILE_ROWS,
};
use partner_api::whitelist_file::{
    self, FileProblem, ParsedFile, HEADER_ACCOUNT_NAME, HEADER_CUSTOMER_ID, HEADER_REMARK,
};
use partner_api::ApiError;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// What reading the chosen file gave.
#[derive(Clone)]
enum Read {
    Ok { raw: Arc<SheetRows>, parsed: Arc<ParsedFile> },
    Problem(FileProblem),
    Unreadable(String),
}

/// One line of the problems table.
#[derive(Clone)]
struct Problem {
    error: RowError,
    /// The row's cells as read, for people to find it.
    value: String,
}

fn problem_columns() -> Vec<Column<Problem>> {
    type C = Column<Problem>;
    vec![
        C::number("row", Msg::WlColRow, |p| Some(p.error.row_no as f64)).sort("row").width(90),
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

/// Text of a CSV file: UTF-8, or GB18030 (what Chinese Excel saves) when it is not valid UTF-8.
fn decode_text(bytes: &[u8]) -> Result<String, String> {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    let decoder = web_sys::TextDecoder::new_with_label("gb18030").map_err(|e| format!("{e:?}"))?;
    let array = js_sys::Uint8Array::from(bytes);
    decoder.decode_with_buffer_source(&array).map_err(|e| format!("{e:?}"))
}

fn read_bytes(name: &str, bytes: &[u8]) -> Read {
    let is_xlsx = name.to_lowercase().ends_with(".xlsx") || bytes.starts_with(b"PK\x03\x04");
    let rows = if is_xlsx {
        read_xlsx(bytes).map_err(|e| e.to_string())
    } else {
        decode_text(bytes).and_then(|t| read_csv(&t).map_err(|e| e.to_string()))
    };
    match rows {
        Err(e) => Read::Unreadable(e),
        Ok(raw) => match whitelist_file::parse(&raw) {
            Ok(parsed) if parsed.rows.is_empty() && parsed.errors.is_empty() => Read::Problem(FileProblem::Empty),
            Ok(parsed) => Read::Ok { raw: Arc::new(raw), parsed: Arc::new(parsed) },
            Err(p) => Read::Problem(p),
        },
    }
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

async fn file_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
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
    let dragging = RwSignal::new(false);
    let staged = RwSignal::new(None::<UploadResponse>);
    let staging = RwSignal::new(false);
    let stage_error = RwSignal::new(None::<ApiError>);
    let committing = RwSignal::new(false);
    let commit_error = RwSignal::new(None::<ApiError>);
    let remark = RwSignal::new(String::new());
    let sending = RwSignal::new(None::<Sending>);
    let cancelled = RwSignal::new(false);
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

    let take_file = move |file: web_sys::File| {
        let name = file.name();
        file_name.set(Some(name.clone()));
        read.set(None);
        staged.set(None);
        stage_error.set(None);
        commit_error.set(None);
        sending.set(None);
        cancelled.set(false);
        // Refused by size before a byte is read.
        if let Err(p) = whitelist_file::check_size(file.size() as u64) {
            read.set(Some(Read::Problem(p)));
            return;
        }
        reading.set(true);
        spawn_local(async move {
            let result = match file_bytes(&file).await {
                Ok(bytes) => read_bytes(&name, &bytes),
                Err(e) => Read::Unreadable(e),
            };
            read.try_set(Some(result));
            reading.try_set(false);
        });
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
        let Some(Read::Ok { parsed, .. }) = read.get_untracked() else { return };
        if staging.get_untracked() || parsed.rows.is_empty() {
            return;
        }
        let total_rows = parsed.rows.len() as u32;
        let chunk_count = parsed.rows.len().div_ceil(CHUNK_ROWS) as u32;
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
            for (seq, rows) in chunks(&parsed.rows, CHUNK_ROWS).skip(state.next_seq as usize - 1) {
                if cancelled.get_untracked() {
                    return;
                }
                let body = ChunkRequest { seq, rows: rows.to_vec() };
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
                    staged.try_set(Some(u));
                    diff_tab.try_set(change::ADDED);
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

    // Browser and server row problems together, by row.
    let problems = Signal::derive(move || {
        let mut out: Vec<Problem> = Vec::new();
        if let Some(Read::Ok { raw, parsed }) = read.get() {
            let value_of = |row_no: u32| {
                raw.get(row_no as usize - 1)
                    .map(|r| r.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect::<Vec<_>>().join(" · "))
                    .unwrap_or_default()
            };
            let server = staged.with(|s| s.as_ref().map(|s| s.error_details.clone()).unwrap_or_default());
            for e in parsed.errors.iter().cloned().chain(server) {
                out.push(Problem { value: value_of(e.row_no), error: e });
            }
        }
        out.sort_by_key(|p| p.error.row_no);
        Arc::new(out)
    });
    let problem_source = ClientSource::new(problems, Paging::Pages, vec![SortKey { key: "row".into(), desc: false }]);

    let api_d = api.clone();
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
                }.into_any())
            }
        }
    };

    let read_summary = move || {
        let l = i18n.get();
        match read.get()? {
            Read::Ok { parsed, .. } => Some(view! {
                <p data-testid="wl-read-summary" data-valid=parsed.rows.len() data-invalid=parsed.errors.len()>
                    {Msg::WlReadSummary.with_n_t(l, format::count(parsed.rows.len() as u64), format::count(parsed.errors.len() as u64))}
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
        staged.get().map(|u| {
            let l = i18n.get();
            let tab = move |kind: &'static str, m: Msg, n: u64| {
                view! {
                    <button class="stat" type="button" role="tab" data-testid=format!("wl-count-{kind}") data-count=n
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

    let has_problems = Signal::derive(move || problems.with(|p| !p.is_empty()));
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
                        <p class="muted" data-testid="wl-reading">{tr(Msg::WlReading)}</p>
                    </Show>
                    {file_problem}
                    {read_summary}
                    <Show when=move || step.get() == 2>
                        <div class="form-actions">
                            <button class="button primary" type="button" data-testid="wl-stage"
                                disabled=move || staging.get() || read.with(|r| matches!(r, Some(Read::Ok { parsed, .. }) if parsed.rows.is_empty()))
                                on:click=move |_| stage.run(())>
                                {move || if staging.get() { Msg::WlStaging } else { Msg::WlStage }.text(i18n.get())}
                            </button>
                            <button class="button" type="button" data-testid="wl-cancel-1" on:click=move |_| cancel.run(())>{tr(Msg::Cancel)}</button>
                        </div>
                    </Show>
                    {move || read.with(|r| matches!(r, Some(Read::Ok { parsed, .. }) if parsed.rows.is_empty())).then(|| view! {
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
                        <h2 class="card-title">{move || Msg::WlProblemsTitle.with_n(i18n.get(), problems.with(|p| p.len()))}</h2>
                        // Built again when the problems change (the server's join the browser's):
                        // the shared table does not redraw rows whose position stays the same.
                        {move || {
                            problems.track();
                            view! {
                                <DataTable
                                    id="whitelist-problems"
                                    test_id="wl-problems-table"
                                    label=Signal::derive(move || Msg::WlProblemsTitle.with_n(i18n.get(), ""))
                                    columns=problem_columns()
                                    source=Source::Client(problem_source.get_value())
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
                                on:click=move |_| commit.run(())>
                                {move || if committing.get() { Msg::WlCommitting } else { Msg::WlCommit }.text(i18n.get())}
                            </button>
                            <button class="button" type="button" data-testid="wl-cancel" on:click=move |_| cancel.run(())>{tr(Msg::Cancel)}</button>
                        </div>
                    </div>
                </Show>
            </Show>
        </section>
    }
}
