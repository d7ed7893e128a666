//! The list box: pasted or typed rows, or a file read into it; the direction of rows that do
//! not say; for a tier-1, whose customers; "Review". What was typed is never lost: a failed
//! read of the balances leaves it as it is, with the reason and a retry.

use super::controller::Batch;
use super::file::{input_of, read_list_file, FileRefusal, MAX_FILE_BYTES};
use crate::api::profile::use_profile;
use crate::components::error_notice::ErrorNotice;
use crate::components::sheet_errors::{sheet_error, sheet_error_id};
use crate::i18n::{tr, use_i18n, FbFileRead, Msg, WlFileTooLarge};
use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::accounts::batch::Direction;

#[component]
pub fn ListEntry(batch: Batch) -> impl IntoView {
    let i18n = use_i18n();
    let profile = use_profile();
    let resellers = move || profile.with(|p| p.indirect_partners.clone()).unwrap_or_default();
    // What reading the last chosen file gave (worded when shown, so a language switch follows).
    let file_note = RwSignal::new(None::<Result<(String, usize), FileRefusal>>);
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = input_of(&ev) else { return };
        let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
        // The same file can be chosen again after editing it.
        input.set_value("");
        let name = file.name();
        spawn_local(async move {
            let note = read_list_file(file).await.map(|(text, n)| {
                batch.text.try_set(text);
                (name, n)
            });
            file_note.try_set(Some(note));
        });
    };
    let note_view = move || {
        let l = i18n.get();
        file_note.with(|n| {
            n.as_ref().map(|n| {
                let (text, id, bad) = match n {
                    Ok((name, n)) => (FbFileRead { name, n }.text(l), "file-read", false),
                    Err(FileRefusal::TooLarge) => {
                        let limit = format!("{} MB", MAX_FILE_BYTES as u64 / (1024 * 1024));
                        (WlFileTooLarge { size: &format!("> {limit}"), limit: &limit }.text(l), "too-large", true)
                    }
                    Err(FileRefusal::Sheet(e)) => {
                        let (text, hint) = sheet_error(e, l);
                        (format!("{text} {}", hint.text(l)), sheet_error_id(e), true)
                    }
                    Err(FileRefusal::Unreadable(_)) => (Msg::WlNotText.text(l).to_string(), "unreadable", true),
                };
                view! {
                    <p class=if bad { "field-error" } else { "muted" } role=bad.then_some("alert") data-testid="batch-file-note" data-result=id>{text}</p>
                }
            })
        })
    };
    let direction_value = move || match batch.default_direction.get() {
        Direction::Allocate => "allocate",
        Direction::Reclaim => "reclaim",
    };
    let reseller_picker = move || {
        let list = resellers();
        (!list.is_empty()).then(|| {
            view! {
                <label class="field">
                    <span class="field-label">{tr(Msg::FbFor)}</span>
                    <select data-testid="batch-reseller" disabled=move || batch.busy()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            batch.reseller.set((!v.is_empty()).then_some(v));
                        }>
                        <option value="" selected=move || batch.reseller.with(Option::is_none)>{tr(Msg::FbOwnCustomers)}</option>
                        {list.into_iter().map(|r| {
                            let id = r.indirect_partner_id.clone();
                            let selected = move || batch.reseller.with(|s| s.as_deref() == Some(id.as_str()));
                            view! { <option value=r.indirect_partner_id.clone() selected=selected>{r.name.clone()}</option> }
                        }).collect_view()}
                    </select>
                </label>
            }
        })
    };
    view! {
        <div class="card batch-entry" data-testid="batch-entry">
            <div class="batch-options">
                {reseller_picker}
                <label class="field">
                    <span class="field-label">{tr(Msg::FbDefaultDirection)}</span>
                    <select data-testid="batch-direction" prop:value=direction_value disabled=move || batch.busy()
                        on:change=move |ev| batch.default_direction.set(if event_target_value(&ev) == "reclaim" { Direction::Reclaim } else { Direction::Allocate })>
                        <option value="allocate">{tr(Msg::FdAllocate)}</option>
                        <option value="reclaim">{tr(Msg::Reclaim)}</option>
                    </select>
                </label>
            </div>
            <label class="field">
                <span class="field-label">{tr(Msg::FbListLabel)}</span>
                <textarea rows="10" class="batch-text" data-testid="batch-text" spellcheck="false"
                    aria-invalid=move || batch.empty.get().then_some("true")
                    aria-describedby="batch-text-hint"
                    prop:value=move || batch.text.get()
                    on:input=move |ev| { batch.text.set(event_target_value(&ev)); batch.empty.set(false); }></textarea>
                <span class="field-hint" id="batch-text-hint">{tr(Msg::FbListHint)}</span>
            </label>
            {move || batch.empty.get().then(|| view! { <p class="field-error" role="alert" data-testid="batch-empty">{tr(Msg::FbNothing)}</p> })}
            <label class="button file-button">
                {tr(Msg::FbChooseFile)}
                <input type="file" class="visually-hidden" data-testid="batch-file" accept=".csv,.txt,.tsv,.xlsx,text/csv,text/plain" on:change=on_file />
            </label>
            {note_view}
            {move || batch.check_error.get().map(|e| view! { <ErrorNotice error=e on_retry=Callback::new(move |_| batch.check()) /> })}
            <div class="form-actions">
                <button class="button primary" type="button" data-testid="batch-review" disabled=move || batch.busy() on:click=move |_| batch.check()>
                    {move || if batch.flow.with(|f| matches!(f, super::flow::Flow::Checking)) { Msg::FbChecking.text(i18n.get()) } else { Msg::FbReview.text(i18n.get()) }}
                </button>
            </div>
        </div>
    }
}
