//! The roll back of the whitelist to an earlier version (a new version with its entries).

use crate::api::use_api;
use crate::components::error_notice::ErrorNotice;
use crate::format;
use crate::i18n::{tr, use_i18n, Msg, WlRollbackText, WlRollbackTitle};
use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::whitelist::{codes, RollbackRequest, Version};
use partner_api::whitelist_calls::Rollback;
use partner_api::ApiError;

/// The confirmation of a roll back: says what happens, sends it with the current version as
/// the base, and explains CBC.50000062 (someone changed the list meanwhile).
#[component]
pub fn RollbackDialog(
    target: Version,
    current: Memo<u32>,
    on_done: Callback<u32>,
    on_close: Callback<()>,
    refresh: RwSignal<u64>,
) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let changed = RwSignal::new(false);
    let remark = RwSignal::new(String::new());
    let no = target.version_no;
    let entries = target.entry_count;
    let text = move || {
        let l = i18n.get();
        WlRollbackText {
            new: &(current.get() + 1),
            target: &no,
            customers: &format::count(entries),
            current: &current.get(),
        }
        .text(l)
    };
    let confirm = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        changed.set(false);
        let body = RollbackRequest {
            base_version_no: current.get_untracked(),
            remark: Some(remark.get_untracked().trim().to_string()).filter(|r| !r.is_empty()),
        };
        spawn_local(async move {
            let r = api.call(&Rollback { version_no: no, body }).await;
            busy.try_set(false);
            match r {
                Ok(c) => on_done.run(c.version_no),
                Err(e) if e.code == codes::VERSION_CHANGED => {
                    changed.try_set(true);
                    refresh.try_update(|n| *n += 1);
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <div class="dialog-backdrop">
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="wl-rollback-title" data-testid="wl-rollback-dialog">
                <h2 id="wl-rollback-title">{move || WlRollbackTitle { version: &no }.text(i18n.get())}</h2>
                <p data-testid="wl-rollback-text">{text}</p>
                <label class="field">
                    <span class="field-label">{tr(Msg::RemarkOptional)}</span>
                    <input type="text" maxlength="256" data-testid="wl-rollback-remark"
                        prop:value=move || remark.get() on:input=move |ev| remark.set(event_target_value(&ev)) />
                </label>
                <Show when=move || changed.get()>
                    <div class="notice notice-error" role="alert" data-testid="wl-changed">{tr(Msg::WlChangedMeanwhile)}</div>
                </Show>
                {move || error.get().map(|e| view! { <ErrorNotice error=e /> })}
                <div class="form-actions">
                    <button class="button danger" type="button" data-testid="wl-rollback-confirm" disabled=move || busy.get() on:click=confirm>
                        {tr(Msg::WlRollbackConfirm)}
                    </button>
                    <button class="button" type="button" data-testid="wl-rollback-cancel" data-dialog-cancel on:click=move |_| on_close.run(())>{tr(Msg::Cancel)}</button>
                </div>
            </div>
        </div>
    }
}
