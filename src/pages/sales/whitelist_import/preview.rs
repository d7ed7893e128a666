//! Steps 2–3 once staged: the preview (counts as tabs over the added / removed customers) and
//! the commit card with its remark, its problems and the removal confirmation.

use super::controller::Import;
use super::state::Commit;
use crate::components::error_notice::ErrorNotice;
use crate::components::table::source::DEFAULT_SIZES;
use crate::components::table::{loader, Column, DataTable, Empty, EmptyReason, Rows, Slice, Source, TableView};
use crate::format;
use crate::i18n::{tr, use_i18n, Msg, WlConfirmRemovalText, WlPreviewNote};
use leptos::prelude::*;
use partner_api::whitelist::{change, codes, ChangesQuery, Entry};
use partner_api::whitelist_calls::UploadChanges;

fn change_columns() -> Vec<Column<Entry>> {
    type C = Column<Entry>;
    vec![
        C::text("customer", Msg::ColCustomer, |r, _| r.customer.clone()).width(220),
        C::text("account", Msg::Account, |r, _| r.account_name.clone()).width(170),
        C::text("customer-id", Msg::CustomerId, |r, _| r.customer_id.clone()).width(280),
        C::text("remark", Msg::Remark, |r, _| r.remark.clone().unwrap_or_default()).width(200),
    ]
}

#[component]
pub fn PreviewCard(import: Import) -> impl IntoView {
    let i18n = use_i18n();
    let diff_tab = import.diff_tab;
    let staged = Memo::new(move |_| import.flow.with(|f| f.staged().map(|s| s.upload.clone())));
    let diff_source = Source::server(TableView::local(vec![], 10, DEFAULT_SIZES), move || {
        let (id, kind) = (staged.with(|s| s.as_ref().map(|s| s.upload_id.clone())), diff_tab.get());
        let api = import.api.get_value();
        loader(move |slice: Slice| {
            let (id, api) = (id.clone(), api);
            async move {
                let Some(id) = id else { return Ok(Rows { rows: vec![], total: 0 }) };
                let query = ChangesQuery { change: Some(kind.to_string()), ..Default::default() };
                api.page(&UploadChanges { upload_id: id, query }, &slice).await
            }
        })
    });
    let counts = move || {
        staged.get().map(|u| {
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
                    {WlPreviewNote {
                        total: &u.total_rows,
                        valid: &u.valid_rows,
                        base: &u.base_version_no,
                        expires: &format::date_time(&u.expires_at),
                    }
                    .text(l)}
                </p>
            }
        })
    };
    view! {
        <div class="card" data-testid="wl-preview-card">
            <h2 class="card-title">{tr(Msg::WlStepPreview)}</h2>
            {counts}
            <DataTable
                id="whitelist-changes"
                test_id="wl-changes-table"
                label=Signal::derive(move || Msg::WlStepPreview.text(i18n.get()).to_string())
                columns=change_columns()
                source=diff_source
                row_key=|r: &Entry| r.customer_id.clone()
                empty=Signal::derive(|| Empty::new(EmptyReason::NoData, Msg::WlNoChanges))
            />
        </div>
    }
}

#[component]
pub fn CommitCard(import: Import, navigate: Callback<String>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let remark = import.remark;
    let commit = Memo::new(move |_| import.flow.with(|f| f.staged().map(|s| s.commit.clone())));
    let staging = Memo::new(move |_| import.flow.with(|f| f.staging()));
    let can_commit = Memo::new(move |_| import.flow.with(|f| f.staged().is_some_and(|s| s.upload.valid_rows > 0)));
    let committing = move || commit.with(|c| c == &Some(Commit::Committing));
    let stale = move || commit.with(|c| c.as_ref().is_some_and(Commit::stale));
    let commit_problem = move || {
        let Some(Commit::Failed(e)) = commit.get() else { return None };
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
                    <button class="button primary" type="button" data-testid="wl-stage-again" on:click=move |_| import.stage()>
                        {Msg::WlStageAgain.text(l)}
                    </button>
                </div>
            }
            .into_any(),
            None => view! { <ErrorNotice error=e /> }.into_any(),
        })
    };
    view! {
        <div class="card" data-testid="wl-commit-card">
            <h2 class="card-title">{tr(Msg::WlStepCommit)}</h2>
            <label class="field">
                <span class="field-label">{tr(Msg::RemarkOptional)}</span>
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
                    disabled=move || committing() || !can_commit.get() || stale() || staging.get()
                    on:click=move |_| import.ask_commit(navigate)>
                    {move || if committing() { Msg::WlCommitting } else { Msg::WlCommit }.text(i18n.get())}
                </button>
                <button class="button" type="button" data-testid="wl-cancel" on:click=move |_| on_cancel.run(())>{tr(Msg::Cancel)}</button>
            </div>
        </div>
        {move || match commit.get() {
            Some(Commit::Confirming { removed, base }) => Some(view! {
                <RemovalConfirm removed=removed base=base
                    on_cancel=Callback::new(move |_| import.dismiss_confirm())
                    on_confirm=Callback::new(move |_| import.commit(navigate)) />
            }),
            _ => None,
        }}
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
                    {move || WlConfirmRemovalText { removed: &format::count(removed), total: &format::count(base) }.text(i18n.get())}
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
