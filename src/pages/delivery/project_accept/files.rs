//! The attachments: the limits (types, size, count) said before choosing, each file with its own
//! progress, "重试" on a failed one (from the chunk that failed), "移除", and the files that were
//! not added with why.

use super::controller::Acceptance;
use super::state::{Item, Refusal, Upload};
use crate::components::error_notice::ErrorNotice;
use crate::i18n::{tr, use_i18n, Locale, Msg, PjAttachLimits, PjUploading};
use leptos::prelude::*;
use partner_api::projects::attachments::{FileProblem, EXTENSIONS, MAX_FILES, MAX_FILE_BYTES};
use wasm_bindgen::JsCast;

fn file_problem_msg(p: FileProblem) -> Msg {
    match p {
        FileProblem::TooLarge => Msg::PjFileTooLarge,
        FileProblem::BadType => Msg::PjFileBadType,
        FileProblem::Empty => Msg::PjFileEmpty,
        FileProblem::BadName => Msg::PjFileBadName,
    }
}

fn size_text(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{:.1} KB", (bytes as f64 / 1024.0).max(0.1))
    }
}

fn limits(l: Locale) -> String {
    let types = EXTENSIONS.join(if l == Locale::ZhCn { "、" } else { ", " });
    PjAttachLimits { types: &types, max: &format!("{} MB", MAX_FILE_BYTES / (1024 * 1024)), count: &MAX_FILES }.text(l)
}

#[component]
fn FileRow(ctl: Acceptance, key: u32) -> impl IntoView {
    let i18n = use_i18n();
    let item = Memo::new(move |_| ctl.items.with(|items| items.iter().find(|i| i.key == key).cloned()));
    let state = move || item.with(|i| i.as_ref().map(Item::state_key).unwrap_or(""));
    let percent = move || item.with(|i| i.as_ref().map(Item::percent).unwrap_or(0));
    let label = move || {
        let l = i18n.get();
        item.with(|i| match i.as_ref().map(|i| &i.upload) {
            Some(Upload::Queued { .. }) => Msg::PjFileWaiting.text(l).to_string(),
            Some(Upload::Sending { .. }) => PjUploading { percent: &percent() }.text(l),
            Some(Upload::Failed { .. }) => Msg::PjFileFailed.text(l).to_string(),
            Some(Upload::Done { .. }) => Msg::PjFileUploaded.text(l).to_string(),
            None => String::new(),
        })
    };
    let error = move || {
        item.with(|i| match i.as_ref().map(|i| &i.upload) {
            Some(Upload::Failed { error, .. }) => Some(error.clone()),
            _ => None,
        })
    };
    let name = move || item.with(|i| i.as_ref().map(|i| i.name.clone()).unwrap_or_default());
    let size = move || item.with(|i| i.as_ref().map(|i| size_text(i.size)).unwrap_or_default());
    view! {
        <li class="attachment" data-testid="attachment" data-state=state data-name=name>
            <div class="attachment-line">
                <span class="attachment-name">{name}</span>
                <span class="muted">{size}</span>
                <progress max="100" value=move || percent().to_string() aria-label=name data-testid="attachment-progress"></progress>
                <span class="attachment-state" data-testid="attachment-state" role="status">{label}</span>
                {move || error().is_some().then(|| view! {
                    <button type="button" class="button" data-testid="attachment-retry" on:click=move |_| ctl.retry(key)>{tr(Msg::Retry)}</button>
                })}
                <button type="button" class="button" data-testid="attachment-remove" on:click=move |_| ctl.remove(key)>{tr(Msg::VoRemove)}</button>
            </div>
            {move || error().map(|error| view! { <ErrorNotice error /> })}
        </li>
    }
}

#[component]
pub fn Attachments(ctl: Acceptance) -> impl IntoView {
    let i18n = use_i18n();
    let keys = Memo::new(move |_| ctl.items.with(|items| items.iter().map(|i| i.key).collect::<Vec<_>>()));
    let full = move || ctl.items.with(Vec::len) >= MAX_FILES;
    let accept = EXTENSIONS.iter().map(|e| format!(".{e}")).collect::<Vec<_>>().join(",");
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let files =
            input.files().map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect()).unwrap_or_default();
        ctl.add_files(files);
        // The same file can be chosen again after removing it.
        input.set_value("");
    };
    view! {
        <div class="attachments" data-testid="attachments">
            <p class="field-hint" data-testid="attachment-limits">{move || limits(i18n.get())}</p>
            <label class="button" class:disabled=full>
                {tr(Msg::PjAddFiles)}
                <input type="file" multiple accept=accept class="visually-hidden" data-testid="attachment-input" disabled=full on:change=on_change />
            </label>
            {move || (!ctl.refused.with(Vec::is_empty)).then(|| {
                let l = i18n.get();
                let lines = ctl.refused.get().into_iter().map(|r| {
                    let (name, why) = match r {
                        Refusal::File(n, p) => (n, file_problem_msg(p).text(l)),
                        Refusal::TooMany(n) => (n, Msg::PjTooManyFiles.text(l)),
                    };
                    view! { <li data-testid="attachment-refused">{name}": "{why}</li> }
                }).collect_view();
                view! {
                    <div class="notice notice-error" role="alert">
                        {Msg::PjFileRefusedTitle.text(l)}
                        <ul>{lines}</ul>
                    </div>
                }
            })}
            <ul class="attachment-list">
                <For each=move || keys.get() key=|k| *k let:k>
                    <FileRow ctl key=k />
                </For>
            </ul>
        </div>
    }
}
