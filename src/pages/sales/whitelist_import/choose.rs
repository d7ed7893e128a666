//! Step 1 card: choose or drop a file, watch it being read, pick a sheet, see why it cannot
//! be used or what was read, then stage it (with the upload's progress, pause and cancel).

use super::controller::Import;
use super::refusal::FileRefused;
use super::state::{Flow, Refusal, Upload};
use crate::components::error_notice::ErrorNotice;
use crate::format;
use crate::i18n::{
    tr, use_i18n, Msg, WlCheckedSummary, WlChunkFailed, WlFoundRow, WlFoundSheet, WlReadSummary, WlReadingRows,
    WlUploadProgress,
};
use leptos::prelude::*;
use partner_api::whitelist_headers::HEADER_SCAN_ROWS;
use partner_api::whitelist_read::stage as read_stage;
use wasm_bindgen::JsCast;

#[component]
pub fn ChooseCard(import: Import, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let flow = import.flow;
    let dragging = RwSignal::new(false);
    let reading = Memo::new(move |_| flow.with(|f| matches!(f, Flow::Reading { .. })));
    let read_progress = Memo::new(move |_| {
        flow.with(|f| match f {
            Flow::Reading { progress } => progress.clone(),
            _ => None,
        })
    });
    let refusal = Memo::new(move |_| {
        flow.with(|f| match f {
            Flow::Refused(r) => Some(r.clone()),
            _ => None,
        })
    });
    let rows = Memo::new(move |_| flow.with(Flow::rows));
    let step = Memo::new(move |_| flow.with(Flow::step));
    let staging = Memo::new(move |_| flow.with(Flow::staging));
    let progress = Memo::new(move |_| flow.with(Flow::progress));
    let upload_error = Memo::new(move |_| flow.with(Flow::upload_error));
    let cancelled = Memo::new(move |_| {
        flow.with(|f| matches!(f, Flow::Read { upload: Upload::Cancelled { .. }, staged: None, .. }))
    });
    // After the server's check: what it accepted, and the browser's problems plus its refusals.
    let checked = Memo::new(move |_| {
        flow.with(|f| {
            let browser = f.rows().map_or(0, |r| r.summary.problems.len() as u64);
            f.staged().map(|s| (s.upload.valid_rows, browser + s.upload.error_count))
        })
    });
    let no_valid_rows = Memo::new(move |_| rows.with(|r| r.as_ref().is_some_and(|r| r.summary.valid_rows == 0)));
    let sheets = Memo::new(move |_| import.layout.with(|l| l.sheets.clone()));
    // A read, or a file whose table was not recognised: the header row can be changed.
    let has_layout = Memo::new(move |_| {
        flow.with(|f| matches!(f, Flow::Read { staged: None, .. } | Flow::Refused(Refusal::Problem(_))))
            && import.layout.with(|l| !l.headers.is_empty())
    });

    let on_input = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        if let Some(f) = input.files().and_then(|l| l.get(0)) {
            import.take_file(f);
        }
        // The same file can be chosen again after editing it.
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(f) = ev.data_transfer().and_then(|d| d.files()).and_then(|l| l.get(0)) {
            import.take_file(f);
        }
    };
    let stage = Callback::new(move |_| import.stage());

    view! {
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
                {move || import.file_name.get().map(|n| view! { <span class="dropzone-file" data-testid="wl-file-name">{n}</span> })}
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
                                Some(p) => WlReadingRows { done: &format::count(p.done as u64), total: &format::count(p.total as u64) }.text(l),
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
                        on:change=move |ev| { if let Ok(i) = event_target_value(&ev).parse::<usize>() { import.choose_sheet(i) } }>
                        {sheets.get().into_iter().enumerate().map(|(i, n)| view! {
                            <option value=i.to_string() selected=move || import.layout.with(|l| l.sheet == i)>{n}</option>
                        }).collect_view()}
                    </select>
                </label>
            })}
            <Show when=move || has_layout.get()>
                <label class="field wl-header-row-field" data-testid="wl-header-row-field">
                    <span class="field-label">{tr(Msg::WlHeaderRow)}</span>
                    <input type="number" min="1" max=HEADER_SCAN_ROWS.to_string() class="input" data-testid="wl-header-row"
                        prop:value=move || (import.layout.with(|l| l.header_row) + 1).to_string()
                        disabled=move || reading.get() || staging.get()
                        on:change=move |ev| {
                            if let Some(n) = event_target_value(&ev).trim().parse::<usize>().ok().filter(|n| *n >= 1) {
                                import.choose_header_row(n - 1)
                            }
                        } />
                </label>
            </Show>
            {move || refusal.get().map(|r| view! { <FileRefused import=import refusal=r /> })}
            {move || rows.get().map(|r| {
                let (valid, invalid, blank) = (r.summary.valid_rows, r.summary.problems.len(), r.summary.blank_rows);
                let found = r.summary.found.clone();
                let (sheet_no, header_no) = (found.sheet, found.header_row + 1);
                let at = move || {
                    let l = i18n.get();
                    match found.sheets.get(found.sheet) {
                        Some(sheet) => WlFoundSheet { sheet, row: &header_no }.text(l),
                        None => WlFoundRow { row: &header_no }.text(l),
                    }
                };
                view! {
                    <p class="muted" data-testid="wl-found" data-sheet=sheet_no data-header-row=header_no>{at}</p>
                    <p data-testid="wl-read-summary" data-valid=valid data-invalid=invalid data-blank=blank>
                        {move || WlReadSummary {
                            valid: &format::count(valid as u64),
                            invalid: &format::count(invalid as u64),
                            blank: &format::count(blank as u64),
                        }.text(i18n.get())}
                    </p>
                }
            })}
            {move || checked.get().map(|(valid, invalid)| view! {
                <p data-testid="wl-checked-summary" data-valid=valid data-invalid=invalid>
                    {move || WlCheckedSummary {
                        valid: &format::count(valid as u64),
                        invalid: &format::count(invalid),
                    }.text(i18n.get())}
                </p>
            })}
            <Show when=move || step.get() == 2>
                <div class="form-actions">
                    <button class="button primary" type="button" data-testid="wl-stage"
                        disabled=move || staging.get() || no_valid_rows.get()
                        on:click=move |_| stage.run(())>
                        {move || if staging.get() { Msg::WlStaging } else { Msg::WlStage }.text(i18n.get())}
                    </button>
                    <button class="button" type="button" data-testid="wl-cancel-1" on:click=move |_| on_cancel.run(())>{tr(Msg::Cancel)}</button>
                </div>
            </Show>
            {move || no_valid_rows.get().then(|| view! {
                <div class="notice notice-error" data-testid="wl-no-valid-rows">{tr(Msg::WlNoValidRows)}</div>
            })}
            {move || progress.get().map(|(s, paused)| {
                let l = i18n.get();
                view! {
                    <div class="issue-progress" data-testid="wl-upload-progress" data-sent=s.sent_rows data-total=s.total_rows
                        data-paused=paused.to_string()>
                        <progress max=s.total_rows value=s.sent_rows></progress>
                        <span>{WlUploadProgress { sent: &format::count(s.sent_rows as u64), total: &format::count(s.total_rows as u64) }.text(l)}</span>
                        {paused.then_some(s.next_seq).filter(|&q| q <= s.chunk_count).map(|seq| view! {
                            <p class="notice notice-error" data-testid="wl-chunk-failed">{WlChunkFailed { part: &seq, parts: &s.chunk_count }.text(l)}</p>
                        })}
                        <div class="form-actions">
                            <button class="button" type="button" data-testid="wl-upload-cancel" on:click=move |_| import.cancel_upload()>
                                {Msg::WlUploadCancel.text(l)}
                            </button>
                        </div>
                    </div>
                }
            })}
            <Show when=move || cancelled.get()>
                <div class="notice notice-info" role="status" data-testid="wl-upload-cancelled">{tr(Msg::WlUploadCancelled)}</div>
            </Show>
            {move || upload_error.get().map(|e| view! { <ErrorNotice error=e on_retry=stage /> })}
        </div>
    }
}
