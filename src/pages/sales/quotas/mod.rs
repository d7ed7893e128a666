//! S8 代金券额度 / Voucher quotas. A tier-1 distributor sees the quotas it issued to its tier-2
//! resellers (Q3) and its own quotas (V1), issues quota to resellers (Q1, dialog) and reclaims
//! it (Q2) after a confirmation stating the amount; a tier-2 reseller sees its own quotas only.
//! "操作记录" at the top left and each row's "操作记录" open S9 (quota_records.rs).

mod duplicates;
mod issue_dialog;

use crate::api::profile::use_profile;
use crate::api::server_clock;
use crate::api::{use_api, Api};
use crate::components::filters::{use_resellers, SelectFilter, TextFilter};
use crate::components::list_page::{Draft, List, ListPage, ListUrl, SIZES};
use crate::components::quota_labels::{state_tag, state_text, status_msg, type_msg, type_short_msg};
use crate::components::reclaim::{Reclaim, ReclaimDialog, ReclaimResults, ReclaimSpec, SendBatch};
use crate::components::table::{paged, Column, RowAction};
use crate::i18n::{tr, use_i18n, Msg, QtReclaimConfirmMany, QtReclaimConfirmOne, QtReclaimSkipped, QtTotal};
use crate::routes::{href, ISSUE_VOUCHERS, QUOTAS, QUOTA_RECORDS};
use issue_dialog::QuotaIssueDialog;
use leptos::prelude::*;
use partner_api::coupons::{quota_status, quota_type, CouponQuota, ListQuotaCouponsRequest};
use partner_api::quota_issue::reclaimable;
use partner_api::quotas::{IssuedCouponQuota, ListIssuedCouponQuotasRequest, ReclaimCouponQuotasRequest, MAX_BATCH};
use std::sync::Arc;

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

fn usable_now(q: &CouponQuota) -> bool {
    q.usability(server_clock::now()).is_usable()
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
        I::text("reseller", Msg::QtReseller, |r, _| reseller_label(r)).width(130),
        I::text("status", Msg::Status, |r, l| {
            state_text(r.quota_status, r.usability(server_clock::now()), &r.effective_time, l)
        })
        .view(|r, l| state_tag(r.quota_status, r.usability(server_clock::now()), &r.effective_time, l))
        .width(120),
        I::money("balance", Msg::QtBalance, |r| Some((r.balance, r.currency.as_str()))).width(110),
        I::money("value", Msg::QtQuotaValue, |r| Some((r.quota_value, r.currency.as_str()))).width(130).hidden(),
        I::date_time("effective", Msg::ColEffective, |r| Some(r.effective_time)).width(130),
        I::date_time("expire", Msg::Expires, |r| Some(r.expire_time)).width(130),
        I::text("parent", Msg::QtParentQuota, |r, _| r.parent_quota_id.clone()).width(160).hidden(),
        I::text("type", Msg::QtQuotaType, |r, l| type_msg(r.quota_type).text(l).to_string()).width(120).hidden(),
        I::date_time("created", Msg::QtCreated, |r| Some(r.create_time)).width(150).hidden(),
    ]
}

type O = Column<CouponQuota>;

fn own_columns() -> Vec<Column<CouponQuota>> {
    vec![
        O::text("quota", Msg::QtQuotaId, |r, _| r.quota_id.clone()).copyable().width(160),
        O::text("type", Msg::QtQuotaType, |r, l| type_short_msg(r.quota_type).text(l).to_string()).width(106),
        O::text("status", Msg::Status, |r, l| {
            state_text(r.quota_status, r.usability(server_clock::now()), &r.effective_time, l)
        })
        .view(|r, l| state_tag(r.quota_status, r.usability(server_clock::now()), &r.effective_time, l))
        .width(120),
        O::money("value", Msg::QtQuotaValue, |r| Some((r.quota_value, r.currency.as_str()))).width(130).hidden(),
        O::money("balance", Msg::QtBalance, |r| Some((r.balance, r.currency.as_str()))).width(130),
        // One range of days fits a 1280 px laptop beside three row actions (#18); the exact
        // times are in the column chooser.
        O::text("validity", Msg::VoValidity, |r, _| {
            format!("{} – {}", crate::format::date(&r.effective_time), crate::format::date(&r.expire_time))
        })
        .width(180),
        O::date_time("effective", Msg::ColEffective, |r| Some(r.effective_time)).width(130).hidden(),
        O::date_time("expire", Msg::Expires, |r| Some(r.expire_time)).width(130).hidden(),
    ]
}

#[component]
pub fn QuotasPage() -> impl IntoView {
    view! {
        <section class="page" data-testid="page-quotas">
            <h1 class="page-title">{tr(Msg::VoucherQuotas)}</h1>
            <QuotasContent />
        </section>
    }
}

#[component]
fn QuotasContent() -> impl IntoView {
    let profile = use_profile();
    let distributor = Memo::new(move |_| profile.is_distributor());
    // Issuing and reclaiming reseller quotas is the distributor admin's (others get CBC.0151).
    let profile = use_profile();
    let manage = Memo::new(move |_| profile.may_manage_reseller_quotas());
    let url = ListUrl::<QuotaFilters>::new(QUOTAS, SIZES, &[]);
    // Distributors default to the quotas issued to resellers; resellers only have their own.
    let own_tab = Memo::new(move |_| !distributor.get() || url.filters.with(|f| f.view == "own"));
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
            view! { <OwnQuotas url=url version=version manage=manage.get_untracked() open_dialog=open_dialog /> }.into_any()
        } else {
            view! { <IssuedQuotas url=url version=version manage=manage.get_untracked() /> }.into_any()
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

crate::list_filters! {
    /// Both tabs' filters and the tab itself, in the URL.
    pub struct QuotaFilters {
        /// `own` for the partner's own quotas (a distributor's default is the issued ones).
        pub view: String = "view" [kept],
        pub reseller: String = "reseller",
        pub parent: String = "parent",
        pub quota: String = "quota",
        pub status: String = "status",
        pub kind: String = "type",
    }
}

fn opt(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

impl QuotaFilters {
    pub fn issued_request(&self) -> ListIssuedCouponQuotasRequest {
        ListIssuedCouponQuotasRequest {
            indirect_partner_id: opt(&self.reseller),
            parent_quota_id: opt(&self.parent),
            quota_id: opt(&self.quota),
            ..Default::default()
        }
    }

    pub fn own_request(&self) -> ListQuotaCouponsRequest {
        ListQuotaCouponsRequest {
            quota_ids: opt(&self.quota).into_iter().collect(),
            quota_status_list: self.status.parse().map(|s| vec![s]).unwrap_or_default(),
            quota_type: self.kind.parse().ok(),
            ..Default::default()
        }
    }
}

/// Q2 takes up to MAX_BATCH quotas a call; each answer says which were reclaimed.
fn reclaim_spec(api: Api) -> ReclaimSpec<IssuedCouponQuota> {
    let send: SendBatch<IssuedCouponQuota> = Arc::new(move |quotas: Vec<IssuedCouponQuota>, remark| {
        Box::pin(async move {
            let req =
                ReclaimCouponQuotasRequest { quota_ids: quotas.iter().map(|q| q.quota_id.clone()).collect(), remark };
            let r = api.call(&req).await?;
            let mut out = Vec::new();
            // Balances before the reclaim: what goes back to the source quota.
            for q in quotas {
                if r.simple_quota_infos.iter().any(|i| i.quota_id == q.quota_id) {
                    out.push((q.quota_id, Ok(Some(q.balance))));
                } else if let Some(d) = r.error_details.iter().find(|d| d.id == q.quota_id) {
                    out.push((q.quota_id, Err((d.error_code.clone(), d.error_msg.clone()))));
                }
            }
            Ok(out)
        })
    });
    ReclaimSpec {
        prefix: "quota-reclaim",
        key_attr: "data-quota",
        key: |q| q.quota_id.clone(),
        reclaimable: |q| reclaimable(q.quota_status),
        amount: |q| (q.balance, q.currency.clone()),
        summary: |rows, total, l| match rows {
            [one] => {
                QtReclaimConfirmOne { reseller: &reseller_label(one), quota: &one.quota_id, remaining: &total }.text(l)
            }
            _ => QtReclaimConfirmMany { n: &rows.len(), remaining: &total }.text(l),
        },
        title: Msg::Reclaim,
        warning: Msg::QtReclaimWarning,
        skipped: QtReclaimSkipped::of,
        nothing: Msg::QtNothingReclaimable,
        results: Msg::ReclaimResults,
        done: Msg::Reclaimed,
        remark: true,
        batch: MAX_BATCH,
        send,
    }
}

/// Q3: the quotas issued to resellers, with reclaim.
#[component]
fn IssuedQuotas(url: ListUrl<QuotaFilters>, version: RwSignal<u32>, manage: bool) -> impl IntoView {
    let api = use_api();
    let reclaim = Reclaim::new(reclaim_spec(api));
    let load = move |f: QuotaFilters| {
        version.track();
        reclaim.tap(paged(&api, f.issued_request()))
    };
    let bar = |d: Draft<QuotaFilters>| {
        type F = QuotaFilters;
        view! {
            <div class="filter-row">
                <SelectFilter label=Msg::QtReseller options=use_resellers() selected=d.bind(F::reseller()) test_id="filter-reseller" />
                <TextFilter label=Msg::QtParentQuota placeholder=Msg::QtParentQuota value=d.bind(F::parent()) test_id="filter-parent" />
                <TextFilter label=Msg::QtQuotaId placeholder=Msg::QtQuotaId value=d.bind(F::quota()) test_id="filter-quota" />
            </div>
        }
        .into_any()
    };
    let mut actions = Vec::new();
    let mut bulk = Vec::new();
    if manage {
        actions.push(reclaim.row_action(Msg::Reclaim));
        bulk.push(reclaim.bulk_action(Msg::ReclaimSelected));
    }
    actions.push(RowAction::link("records", Msg::QtRecordsShort, issued_log_href));
    let list = List::new(url, "issued-quotas", "issued-quotas-table", Msg::QtTabIssued, load)
        .form_id("issued-quota-filters")
        .bar(bar)
        .above_table(move || view! { <ReclaimResults reclaim=reclaim /> })
        .columns(issued_columns, |r: &IssuedCouponQuota| r.quota_id.clone())
        .row_actions(actions)
        .bulk_actions(bulk)
        .empty(Msg::QtEmptyIssued, Msg::QtEmptyFiltered)
        .total(QtTotal::of);
    view! {
        <ListPage list=list />
        <ReclaimDialog reclaim=reclaim />
    }
}

/// V1: the partner's own quotas.
#[component]
fn OwnQuotas(
    url: ListUrl<QuotaFilters>,
    version: RwSignal<u32>,
    manage: bool,
    open_dialog: Callback<String>,
) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let load = move |f: QuotaFilters| {
        version.track();
        paged(&api, f.own_request())
    };
    let bar = move |d: Draft<QuotaFilters>| {
        type F = QuotaFilters;
        let status_options = Signal::derive(move || {
            let l = i18n.get();
            quota_status::ALL.iter().map(|s| (s.to_string(), status_msg(*s).text(l).to_string())).collect::<Vec<_>>()
        });
        let type_options = Signal::derive(move || {
            let l = i18n.get();
            quota_type::ALL.iter().map(|t| (t.to_string(), type_msg(*t).text(l).to_string())).collect::<Vec<_>>()
        });
        view! {
            <div class="filter-row">
                <SelectFilter label=Msg::Status options=status_options selected=d.bind(F::status()) test_id="filter-status" />
                <SelectFilter label=Msg::QtQuotaType options=type_options selected=d.bind(F::kind()) test_id="filter-type" />
                <TextFilter label=Msg::QtQuotaId placeholder=Msg::QtQuotaId value=d.bind(F::quota()) test_id="filter-quota" />
            </div>
        }
        .into_any()
    };
    // Issuing (vouchers, or quota to resellers) is offered only out of a quota usable now: not
    // one that is not yet in effect, expired, frozen, being adjusted or empty (CBC.99000017 and
    // the like).
    let mut actions =
        vec![RowAction::link("issue-vouchers", Msg::IssueVouchers, issue_vouchers_href).only_when(usable_now)];
    if manage {
        actions.push(
            RowAction::button("issue-quota", Msg::QtIssueToResellers, move |q: CouponQuota| {
                open_dialog.run(q.quota_id)
            })
            .only_when(usable_now),
        );
    }
    actions.push(RowAction::link("records", Msg::QtRecordsShort, own_log_href));
    let list = List::new(url, "own-quotas", "own-quotas-table", Msg::QtTabOwn, load)
        .form_id("own-quota-filters")
        .bar(bar)
        .columns(own_columns, |r: &CouponQuota| r.quota_id.clone())
        .row_actions(actions)
        .empty(Msg::QtEmptyOwn, Msg::QtEmptyFiltered)
        .total(QtTotal::of);
    view! { <ListPage list=list /> }
}
