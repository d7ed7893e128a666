//! S8 代金券额度 / Voucher quotas. A tier-1 distributor sees the quotas it issued to its tier-2
//! resellers (Q3) and its own quotas (V1), issues quota to resellers (Q1, dialog) and reclaims
//! it (Q2) after a confirmation stating the amount; a tier-2 reseller sees its own quotas only.
//! "操作记录" at the top left and each row's "操作记录" open S9 (quota_records.rs).

mod duplicates;
mod issue_dialog;

use crate::api::{use_api, use_auth};
use crate::components::error_notice::ErrorNotice;
use crate::components::filters::{SelectFilter, TextFilter};
use crate::components::partner_gate::{use_partner_type, PartnerGate};
use crate::components::quota_labels::{status_msg, status_tag, type_msg};
use crate::components::table::{
    loader, BulkAction, Column, DataTable, Empty, EmptyReason, RowAction, Rows, SeenRows, Selected, Slice, Source,
    TableView,
};
use crate::i18n::{error_text, tr, use_i18n, Msg};
use crate::routes::{href, ISSUE_VOUCHERS, QUOTAS, QUOTA_RECORDS};
use issue_dialog::QuotaIssueDialog;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;
use partner_api::coupons::{quota_status, quota_type, CouponQuota, ListQuotaCouponsRequest, ListQuotaCouponsResponse};
use partner_api::profile::partner_type::{DISTRIBUTOR, RESELLER};
use partner_api::profile::Profile;
use partner_api::quota_issue::reclaimable;
use partner_api::quotas::{
    IssuedCouponQuota, ListIssuedCouponQuotasRequest, ListIssuedCouponQuotasResponse, ReclaimCouponQuotasRequest,
    ReclaimCouponQuotasResponse, ISSUED_PATH, MAX_BATCH, RECLAIM_PATH,
};
use partner_api::{Amount, ApiError};
use std::collections::HashMap;

const SIZES: &[u32] = &[10, 20, 50, 100];

fn enc(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

/// S9 filtered to one reseller quota: its Q4 issue/reclaim log (with the reseller, so the
/// voucher list shows what the reseller issued out of it).
pub fn issued_log_href(q: &IssuedCouponQuota) -> String {
    format!("{QUOTA_RECORDS}?kind=quota&quota={}&reseller={}", enc(&q.quota_id), enc(&q.indirect_partner_id))
}

/// S9 filtered to one of the partner's own quotas (the vouchers issued from it, V5).
pub fn own_log_href(q: &CouponQuota) -> String {
    format!("{QUOTA_RECORDS}?kind=coupon&quota={}", enc(&q.quota_id))
}

fn issue_vouchers_href(q: &CouponQuota) -> String {
    if q.quota_type == quota_type::CASH {
        format!("{ISSUE_VOUCHERS}?type=cash")
    } else {
        ISSUE_VOUCHERS.to_string()
    }
}

fn reseller_label(q: &IssuedCouponQuota) -> String {
    match (&q.indirect_partner_name, &q.indirect_partner_account_name) {
        (Some(n), Some(a)) => format!("{n} ({a})"),
        (Some(n), None) => n.clone(),
        (None, Some(a)) => a.clone(),
        (None, None) => q.indirect_partner_id.clone(),
    }
}

type I = Column<IssuedCouponQuota>;

fn issued_columns() -> Vec<Column<IssuedCouponQuota>> {
    vec![
        I::text("quota", Msg::QtQuotaId, |r, _| r.quota_id.clone()).copyable().width(170),
        I::text("reseller", Msg::QtReseller, |r, _| reseller_label(r)).width(260),
        I::text("status", Msg::DevColStatus, |r, l| status_msg(r.quota_status).text(l).to_string())
            .view(|r, l| status_tag(r.quota_status, l))
            .width(100),
        I::money("balance", Msg::QtBalance, |r| Some((r.balance, r.currency.as_str()))).width(140),
        I::money("value", Msg::QtQuotaValue, |r| Some((r.quota_value, r.currency.as_str()))).width(140),
        I::date_time("effective", Msg::QtEffective, |r| Some(r.effective_time)).width(150),
        I::date_time("expire", Msg::QtExpires, |r| Some(r.expire_time)).width(150),
        I::text("parent", Msg::QtParentQuota, |r, _| r.parent_quota_id.clone()).width(160),
        I::text("type", Msg::QtQuotaType, |r, l| type_msg(r.quota_type).text(l).to_string()).width(120),
        I::date_time("created", Msg::QtCreated, |r| Some(r.create_time)).width(150).hidden(),
    ]
}

type O = Column<CouponQuota>;

fn own_columns() -> Vec<Column<CouponQuota>> {
    vec![
        O::text("quota", Msg::QtQuotaId, |r, _| r.quota_id.clone()).copyable().width(170),
        O::text("type", Msg::QtQuotaType, |r, l| type_msg(r.quota_type).text(l).to_string()).width(120),
        O::text("status", Msg::DevColStatus, |r, l| status_msg(r.quota_status).text(l).to_string())
            .view(|r, l| status_tag(r.quota_status, l))
            .width(100),
        O::money("value", Msg::QtQuotaValue, |r| Some((r.quota_value, r.currency.as_str()))).width(140),
        O::money("balance", Msg::QtBalance, |r| Some((r.balance, r.currency.as_str()))).width(140),
        O::date_time("effective", Msg::QtEffective, |r| Some(r.effective_time)).width(150),
        O::date_time("expire", Msg::QtExpires, |r| Some(r.expire_time)).width(150),
    ]
}

#[component]
pub fn QuotasPage() -> impl IntoView {
    view! {
        <section class="page" data-testid="page-quotas">
            <h1 class="page-title">{tr(Msg::QtTitle)}</h1>
            <PartnerGate allow=&[DISTRIBUTOR, RESELLER] not_available=Msg::QtNotAvailable>
                <QuotasContent />
            </PartnerGate>
        </section>
    }
}

#[component]
fn QuotasContent() -> impl IntoView {
    let ptype = use_partner_type();
    let distributor = Memo::new(move |_| ptype.get().as_deref() == Some(DISTRIBUTOR));
    // Issuing and reclaiming reseller quotas is the distributor admin's (others get CBC.0151).
    let auth = use_auth();
    let manage = Memo::new(move |_| auth.profile.with(|p| p.as_ref().is_some_and(Profile::may_manage_reseller_quotas)));
    let query = use_query_map();
    // Distributors default to the quotas issued to resellers; resellers only have their own.
    let own_tab = Memo::new(move |_| !distributor.get() || query.with(|q| q.get("view").as_deref() == Some("own")));
    // Bumped after an issue or a reclaim: both tables read again.
    let version = RwSignal::new(0u32);
    let dialog_open = RwSignal::new(false);
    let dialog_source = RwSignal::new(String::new());
    let open_dialog = Callback::new(move |source: String| {
        dialog_source.set(source);
        dialog_open.set(true);
    });

    view! {
        <div class="page-actions type-switch">
            <a class="button" href=href(QUOTA_RECORDS) data-testid="link-quota-records">{tr(Msg::QtRecords)}</a>
            {move || manage.get().then(|| view! {
                <button class="button primary" type="button" data-testid="open-issue-quota" on:click=move |_| open_dialog.run(String::new())>
                    {tr(Msg::QtIssueQuota)}
                </button>
            })}
        </div>
        <p class="page-intro">
            {move || if distributor.get() { tr(Msg::QtIntroDistributor)() } else { tr(Msg::QtIntroReseller)() }}
        </p>
        {move || (distributor.get() && !manage.get()).then(|| view! {
            <p class="notice notice-info" data-testid="quotas-admin-only">{tr(Msg::QtAdminOnly)}</p>
        })}
        {move || distributor.get().then(|| view! {
            <div class="tabs" role="tablist">
                <a class="tab" role="tab" href=href(QUOTAS) data-testid="tab-issued" aria-selected=move || (!own_tab.get()).to_string()>{tr(Msg::QtTabIssued)}</a>
                <a class="tab" role="tab" href=href(&format!("{QUOTAS}?view=own")) data-testid="tab-own" aria-selected=move || own_tab.get().to_string()>{tr(Msg::QtTabOwn)}</a>
            </div>
        })}
        {move || if own_tab.get() {
            view! { <OwnQuotas version=version manage=manage.get_untracked() open_dialog=open_dialog /> }.into_any()
        } else {
            view! { <IssuedQuotas version=version manage=manage.get_untracked() /> }.into_any()
        }}
        <Show when=move || dialog_open.get()>
            <QuotaIssueDialog
                open=dialog_open
                source=dialog_source
                on_done=Callback::new(move |_| version.update(|v| *v += 1))
            />
        </Show>
    }
}

/// Q3: the quotas issued to resellers, with reclaim.
#[component]
fn IssuedQuotas(version: RwSignal<u32>, manage: bool) -> impl IntoView {
    let api = use_api();
    let auth = use_auth();
    let i18n = use_i18n();
    let resellers = Signal::derive(move || {
        auth.profile.with(|p| {
            p.as_ref()
                .map(|p| p.indirect_partners.iter().map(|r| (r.indirect_partner_id.clone(), r.name.clone())).collect())
                .unwrap_or_default()
        })
    });
    let reseller = RwSignal::new(String::new());
    let parent = RwSignal::new(String::new());
    let quota = RwSignal::new(String::new());
    let applied = RwSignal::new(ListIssuedCouponQuotasRequest::default());
    let text = |s: RwSignal<String>| Some(s.get_untracked().trim().to_string()).filter(|s| !s.is_empty());
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        applied.set(ListIssuedCouponQuotasRequest {
            indirect_partner_id: text(reseller),
            parent_quota_id: text(parent),
            quota_id: text(quota),
            ..Default::default()
        });
    };
    let reset = move |_| {
        for s in [reseller, parent, quota] {
            s.set(String::new());
        }
        applied.set(ListIssuedCouponQuotasRequest::default());
    };

    // Rows seen so far, by quota id: the confirmation states the amounts of what was selected.
    let seen = SeenRows::new(|q: &IssuedCouponQuota| q.quota_id.clone());
    let view = TableView::local(Vec::new(), 20, SIZES);
    let api_list = api.clone();
    let source = Source::server(view, move || {
        version.track();
        let filter = applied.get();
        // Also run by export and "all matching", which re-record every page they walk.
        seen.clear();
        let api = api_list.clone();
        loader(move |slice: Slice| {
            let mut req = filter.clone();
            req.offset = Some(slice.offset as i64);
            req.limit = Some(slice.limit as i64);
            let api = api.clone();
            async move {
                let r: ListIssuedCouponQuotasResponse = api.get(&req.url(ISSUED_PATH)).await?;
                seen.record(&r.quotas);
                Ok(Rows { total: r.total_count.unwrap_or(r.quotas.len() as u64), rows: r.quotas })
            }
        })
    });

    // Reclaim: confirmation (quotas, skipped count), then one Q2 call.
    let confirm = RwSignal::new(None::<(Vec<IssuedCouponQuota>, usize)>);
    let remark = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let results = RwSignal::new(Vec::<(String, Result<Amount, (String, String)>)>::new());
    let failure = RwSignal::new(None::<ApiError>);
    let notice = RwSignal::new(None::<Msg>);
    let ask = move |ids: Vec<String>| {
        notice.set(None);
        let rows: Vec<IssuedCouponQuota> = seen.pick(&ids);
        let ok: Vec<IssuedCouponQuota> = rows.into_iter().filter(|q| reclaimable(q.quota_status)).collect();
        let skipped = ids.len() - ok.len();
        if ok.is_empty() {
            notice.set(Some(Msg::QtNothingReclaimable));
            return;
        }
        remark.set(String::new());
        confirm.set(Some((ok, skipped)));
    };
    // The table hands over the chosen keys, "all matching" already resolved page by page.
    let bulk_run = move |s: Selected| ask(s.keys);
    let run = Callback::new(move |_: ()| {
        let Some((list, _)) = confirm.get_untracked() else { return };
        confirm.set(None);
        busy.set(true);
        results.set(Vec::new());
        failure.set(None);
        let ids: Vec<String> = list.iter().map(|q| q.quota_id.clone()).collect();
        let remark = Some(remark.get_untracked().trim().to_string()).filter(|r| !r.is_empty());
        // Balances before the reclaim: what goes back to the source quota.
        let before: HashMap<String, Amount> = list.iter().map(|q| (q.quota_id.clone(), q.balance)).collect();
        let api = api.clone();
        spawn_local(async move {
            // Q2 takes at most MAX_BATCH ids a call; a failed call stops the rest (shown, not retried).
            for chunk in ids.chunks(MAX_BATCH) {
                let req = ReclaimCouponQuotasRequest { quota_ids: chunk.to_vec(), remark: remark.clone() };
                match api.command::<_, ReclaimCouponQuotasResponse>(RECLAIM_PATH, &req).await {
                    Ok(r) => {
                        let mut out = Vec::new();
                        for id in &req.quota_ids {
                            if r.simple_quota_infos.iter().any(|i| &i.quota_id == id) {
                                out.push((id.clone(), Ok(before.get(id).copied().unwrap_or(Amount::ZERO))));
                            } else if let Some(d) = r.error_details.iter().find(|d| &d.id == id) {
                                out.push((id.clone(), Err((d.error_code.clone(), d.error_msg.clone()))));
                            }
                        }
                        results.try_update(|v| v.extend(out));
                    }
                    Err(e) => {
                        failure.try_set(Some(e));
                        break;
                    }
                }
            }
            busy.try_set(false);
            version.try_update(|v| *v += 1);
        });
    });

    let empty = Signal::derive(move || {
        if applied.with(|a| *a != ListIssuedCouponQuotasRequest::default()) {
            Empty::new(EmptyReason::Filtered, Msg::QtEmptyFiltered)
        } else {
            Empty::new(EmptyReason::NoData, Msg::QtEmptyIssued)
        }
    });

    let mut issued_actions = Vec::new();
    let mut bulk_actions = Vec::new();
    if manage {
        issued_actions.push(
            RowAction::button("reclaim", Msg::QtReclaim, move |q: IssuedCouponQuota| ask(vec![q.quota_id]))
                .only_when(|q| reclaimable(q.quota_status)),
        );
        bulk_actions.push(BulkAction {
            id: "reclaim",
            label: Msg::QtReclaimSelected,
            danger: true,
            run: Callback::new(bulk_run),
        });
    }
    issued_actions.push(RowAction::link("records", Msg::QtRecords, issued_log_href));

    view! {
        <form class="filter-bar card" data-testid="issued-quota-filters" on:submit=search>
            <div class="filter-row">
                <SelectFilter label=Msg::QtReseller options=resellers selected=reseller test_id="filter-reseller" />
                <TextFilter label=Msg::QtParentQuota placeholder=Msg::QtParentQuota value=parent test_id="filter-parent" />
                <TextFilter label=Msg::QtQuotaId placeholder=Msg::QtQuotaId value=quota test_id="filter-quota" />
            </div>
            <div class="filter-actions">
                <button class="button primary" type="submit" data-testid="filter-search">{tr(Msg::Search)}</button>
                <button class="button" type="button" data-testid="filter-reset" on:click=reset>{tr(Msg::Reset)}</button>
            </div>
        </form>
        {move || notice.get().map(|m| view! { <div class="notice notice-error" role="alert" data-testid="quota-reclaim-notice">{m.text(i18n.get())}</div> })}
        {move || failure.get().map(|e| view! { <ErrorNotice error=e /> })}
        {move || (!results.with(Vec::is_empty) || busy.get()).then(|| view! {
            <div class="card issue-progress" data-testid="quota-reclaim-results" data-state=move || if busy.get() { "running" } else { "done" }>
                <div class="card-title">{tr(Msg::QtReclaimResults)}</div>
                <ul class="paste-results">
                    {move || results.get().into_iter().map(|(id, r)| {
                        let ok = r.is_ok();
                        let id_attr = id.clone();
                        view! {
                            <li class=if ok { "paste-result ok" } else { "paste-result bad" } data-testid="quota-reclaim-result" data-quota=id_attr data-ok=ok.to_string()>
                                {move || {
                                    let l = i18n.get();
                                    let text = match &r {
                                        Ok(a) => format!("{} ({})", Msg::QtReclaimedOk.text(l), a.with_currency("CNY")),
                                        Err((code, msg)) => {
                                            let why = error_text(code, l).map(str::to_string).unwrap_or(msg.clone());
                                            format!("{why} ({code})")
                                        }
                                    };
                                    format!("{id} — {text}")
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        })}
        <div class="card table-card">
            <DataTable
                id="issued-quotas"
                test_id="issued-quotas-table"
                label=Signal::derive(move || Msg::QtTabIssued.text(i18n.get()).to_string())
                columns=issued_columns()
                source=source
                row_key=|r: &IssuedCouponQuota| r.quota_id.clone()
                row_actions=issued_actions
                bulk_actions=bulk_actions
                empty=empty
                total_label=Msg::QtTotal
            />
        </div>
        {move || confirm.get().map(|(list, skipped)| {
            let l = i18n.get();
            let total = list.iter().fold(Amount::ZERO, |a, q| Amount(a.0 + q.balance.0));
            let currency = list.first().map(|q| q.currency.clone()).unwrap_or_else(|| "CNY".into());
            let text = match list.as_slice() {
                [one] => Msg::QtReclaimConfirmOne
                    .text(l)
                    .replace("{r}", &reseller_label(one))
                    .replace("{q}", &one.quota_id)
                    .replace("{t}", &total.with_currency(&currency)),
                _ => Msg::QtReclaimConfirmMany.with_n_t(l, list.len(), total.with_currency(&currency)),
            };
            view! {
                <div class="dialog-backdrop">
                    <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="quota-reclaim-title" data-testid="quota-reclaim-dialog" data-count=list.len().to_string() data-total=total.to_string()>
                        <h2 id="quota-reclaim-title">{Msg::QtReclaim.text(l)}</h2>
                        <p class="danger-text" data-testid="quota-reclaim-summary">{text}</p>
                        {(skipped > 0).then(|| view! { <p class="muted" data-testid="quota-reclaim-skipped">{Msg::QtReclaimSkipped.with_n(l, skipped)}</p> })}
                        <label class="field">
                            <span class="field-label">{Msg::QtRemark.text(l)}</span>
                            <input type="text" maxlength="256" data-testid="quota-reclaim-remark" prop:value=move || remark.get() on:input=move |ev| remark.set(event_target_value(&ev)) />
                        </label>
                        <p class="muted">{Msg::QtReclaimWarning.text(l)}</p>
                        <div class="form-actions">
                            <button class="button primary danger-fill" type="button" data-testid="quota-reclaim-confirm" on:click=move |_| run.run(())>{Msg::QtReclaim.text(l)}</button>
                            <button class="button" type="button" data-testid="quota-reclaim-cancel" data-dialog-cancel on:click=move |_| confirm.set(None)>{Msg::Cancel.text(l)}</button>
                        </div>
                    </div>
                </div>
            }
        })}
    }
}

/// V1: the partner's own quotas.
#[component]
fn OwnQuotas(version: RwSignal<u32>, manage: bool, open_dialog: Callback<String>) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let status = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let quota = RwSignal::new(String::new());
    let applied = RwSignal::new(ListQuotaCouponsRequest::default());
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = quota.get_untracked().trim().to_string();
        applied.set(ListQuotaCouponsRequest {
            quota_ids: if id.is_empty() { Vec::new() } else { vec![id] },
            quota_status_list: status.get_untracked().parse().map(|s| vec![s]).unwrap_or_default(),
            quota_type: kind.get_untracked().parse().ok(),
            ..Default::default()
        });
    };
    let reset = move |_| {
        for s in [status, kind, quota] {
            s.set(String::new());
        }
        applied.set(ListQuotaCouponsRequest::default());
    };
    let view = TableView::local(Vec::new(), 20, SIZES);
    let source = Source::server(view, move || {
        version.track();
        let filter = applied.get();
        let api = api.clone();
        loader(move |slice: Slice| {
            let mut req = filter.clone();
            req.offset = Some(slice.offset as i64);
            req.limit = Some(slice.limit as i64);
            let api = api.clone();
            async move {
                let r: ListQuotaCouponsResponse = api.query(partner_api::coupons::QUOTAS_QUERY_PATH, &req).await?;
                Ok(Rows { total: r.total_count.unwrap_or(r.quotas.len() as u64), rows: r.quotas })
            }
        })
    });
    let status_options = Signal::derive(move || {
        let l = i18n.get();
        quota_status::ALL.iter().map(|s| (s.to_string(), status_msg(*s).text(l).to_string())).collect::<Vec<_>>()
    });
    let type_options = Signal::derive(move || {
        let l = i18n.get();
        quota_type::ALL.iter().map(|t| (t.to_string(), type_msg(*t).text(l).to_string())).collect::<Vec<_>>()
    });
    let empty = Signal::derive(move || {
        if applied.with(|a| *a != ListQuotaCouponsRequest::default()) {
            Empty::new(EmptyReason::Filtered, Msg::QtEmptyFiltered)
        } else {
            Empty::new(EmptyReason::NoData, Msg::QtEmptyOwn)
        }
    });
    let mut actions = vec![RowAction::link("issue-vouchers", Msg::VoIssueTitle, issue_vouchers_href)];
    if manage {
        actions.push(RowAction::button("issue-quota", Msg::QtIssueToResellers, move |q: CouponQuota| {
            open_dialog.run(q.quota_id)
        }));
    }
    actions.push(RowAction::link("records", Msg::QtRecords, own_log_href));

    view! {
        <form class="filter-bar card" data-testid="own-quota-filters" on:submit=search>
            <div class="filter-row">
                <SelectFilter label=Msg::DevColStatus options=status_options selected=status test_id="filter-status" />
                <SelectFilter label=Msg::QtQuotaType options=type_options selected=kind test_id="filter-type" />
                <TextFilter label=Msg::QtQuotaId placeholder=Msg::QtQuotaId value=quota test_id="filter-quota" />
            </div>
            <div class="filter-actions">
                <button class="button primary" type="submit" data-testid="filter-search">{tr(Msg::Search)}</button>
                <button class="button" type="button" data-testid="filter-reset" on:click=reset>{tr(Msg::Reset)}</button>
            </div>
        </form>
        <div class="card table-card">
            <DataTable
                id="own-quotas"
                test_id="own-quotas-table"
                label=Signal::derive(move || Msg::QtTabOwn.text(i18n.get()).to_string())
                columns=own_columns()
                source=source
                row_key=|r: &CouponQuota| r.quota_id.clone()
                row_actions=actions
                empty=empty
                total_label=Msg::QtTotal
            />
        </div>
    }
}
