//! S9 操作记录 / Operation records: every operation on the partner's quotas. A tier-1
//! distributor has two lists: quotas issued to and reclaimed from resellers (Q4) and vouchers
//! issued and reclaimed out of quotas (V5); a tier-2 reseller has the second. The filters live
//! in the URL, so a quota row's "操作记录" is a link to this page filtered by that quota.
//! CSV export comes from the shared table.

use crate::components::quota_labels::{operation_text, result_text, type_msg};
mod filters;

use crate::api::profile::use_profile;
use crate::api::use_api;
use crate::components::filters::{use_resellers, DateRangeFilter, SelectFilter, TextFilter};
use crate::components::list_page::{filters_query, Draft, List, ListPage, ListUrl, SIZES};
use crate::components::table::{paged, Column};
use crate::i18n::{tr, use_i18n, Msg, QtFilteredByQuota, QtRecordsTotal};
use crate::routes::{href, QUOTAS, QUOTA_RECORDS};
use filters::{Kind, RecordFilters};
use leptos::prelude::*;
use partner_api::coupons::{operation_type as coupon_op, quota_type, result, CouponRecord};
use partner_api::quotas::{operation_type as quota_op, QuotaRecord};

type Q = Column<QuotaRecord>;

fn quota_columns() -> Vec<Column<QuotaRecord>> {
    vec![
        Q::date_time("time", Msg::QtOperationTime, |r| Some(r.operation_time)).width(150),
        Q::text("operation", Msg::QtOperation, |r, l| operation_text(&r.operation_type, l)).width(110),
        Q::money("amount", Msg::Amount, |r| Some((r.amount, "CNY"))).width(130),
        Q::text("result", Msg::Result, |r, l| result_text(&r.result, l))
            .view(|r, l| view! { <span class=format!("tag result-{}", if r.result == result::SUCCESS { "ok" } else { "failed" }) data-testid="record-result" data-result=r.result.clone()>{result_text(&r.result, l)}</span> }.into_any())
            .width(90),
        Q::text("quota", Msg::QtQuotaId, |r, _| r.quota_id.clone()).copyable().width(170),
        Q::text("parent", Msg::QtParentQuota, |r, _| r.parent_quota_id.clone()).width(160),
        Q::text("reseller", Msg::QtReseller, |r, _| {
            match (&r.indirect_partner_name, &r.indirect_partner_account_name) {
                (Some(n), Some(a)) => format!("{n} ({a})"),
                (n, a) => n.clone().or(a.clone()).unwrap_or_else(|| r.indirect_partner_id.clone()),
            }
        })
        .width(240),
        Q::text("operator", Msg::QtOperator, |r, _| r.operator.clone()).width(110),
        Q::text("remark", Msg::Remark, |r, _| r.remark.clone().unwrap_or_default()).width(160),
    ]
}

type V = Column<CouponRecord>;

fn coupon_columns() -> Vec<Column<CouponRecord>> {
    vec![
        V::date_time("time", Msg::QtOperationTime, |r| Some(r.operation_time)).width(150),
        V::text("operation", Msg::QtOperation, |r, l| operation_text(&r.operation_type, l)).width(150),
        V::money("amount", Msg::Amount, |r| Some((r.operation_amount, "CNY"))).width(130),
        V::text("result", Msg::Result, |r, l| result_text(&r.result, l))
            .view(|r, l| view! { <span class=format!("tag result-{}", if r.result == result::SUCCESS { "ok" } else { "failed" }) data-testid="record-result" data-result=r.result.clone()>{result_text(&r.result, l)}</span> }.into_any())
            .width(90),
        V::text("quota", Msg::QtQuotaId, |r, _| r.quota_id.clone()).copyable().width(170),
        V::text("quota-type", Msg::QtQuotaType, |r, l| type_msg(r.quota_type).text(l).to_string()).width(120),
        V::text("coupon", Msg::VoCouponId, |r, _| r.coupon_id.clone().unwrap_or_default()).copyable().width(190),
        V::text("customer", Msg::CustomerId, |r, _| r.customer_id.clone()).copyable().width(300),
        V::text("remark", Msg::Remark, |r, _| r.remark.clone().unwrap_or_default()).width(200),
    ]
}

#[component]
pub fn QuotaRecordsPage() -> impl IntoView {
    view! {
        <section class="page" data-testid="page-quota-records">
            <h1 class="page-title">{tr(Msg::QtRecords)}</h1>
            <RecordsContent />
        </section>
    }
}

/// What both lists share: the form, its checks, the empty states.
fn declare<R: Clone + Send + Sync + 'static>(
    list: List<RecordFilters, R>,
    bar: impl Fn(Draft<RecordFilters>) -> AnyView + Send + Sync + 'static,
) -> List<RecordFilters, R> {
    list.form_id("record-filters")
        .bar(bar)
        .check(RecordFilters::range)
        .empty(Msg::QtEmptyRecords, Msg::QtEmptyRecordsFiltered)
        .total(QtRecordsTotal::of)
}

#[component]
fn RecordsContent() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let profile = use_profile();
    let distributor = Memo::new(move |_| profile.is_distributor());
    let url = ListUrl::<RecordFilters>::new(QUOTA_RECORDS, SIZES, &[]);
    let kind = Memo::new(move |_| url.filters.with(|f| f.list(distributor.get())));
    let link = |f: RecordFilters| href(&format!("{QUOTA_RECORDS}{}", filters_query(f)));
    let tab_href = move |kind: Kind| {
        // A quota's log stays on that quota when switching lists.
        let (quota, reseller) = url.filters.with(|c| (c.quota.clone(), c.reseller.clone()));
        link(RecordFilters { kind: kind.key().into(), quota, reseller, ..Default::default() })
    };
    let all_href = move || link(RecordFilters { kind: kind.get().key().into(), ..Default::default() });
    let is_quota = Memo::new(move |_| kind.get() == Kind::Quota);

    let bar = move |d: Draft<RecordFilters>| {
        type F = RecordFilters;
        let quota_list = is_quota.get_untracked();
        let op_options = Signal::derive(move || {
            let l = i18n.get();
            let codes: &[&str] = if quota_list { quota_op::ALL } else { coupon_op::ALL };
            codes.iter().map(|c| (c.to_string(), operation_text(c, l))).collect::<Vec<_>>()
        });
        let result_options = Signal::derive(move || {
            let l = i18n.get();
            result::ALL.iter().map(|c| (c.to_string(), result_text(c, l))).collect::<Vec<_>>()
        });
        let type_options = Signal::derive(move || {
            let l = i18n.get();
            quota_type::ALL.iter().map(|t| (t.to_string(), type_msg(*t).text(l).to_string())).collect::<Vec<_>>()
        });
        let by_kind = if quota_list {
            view! { <TextFilter label=Msg::QtParentQuota placeholder=Msg::QtParentQuota value=d.bind(F::parent()) test_id="filter-parent" /> }.into_any()
        } else {
            view! {
                <SelectFilter label=Msg::Result options=result_options selected=d.bind(F::result()) test_id="filter-result" />
                <SelectFilter label=Msg::QtQuotaType options=type_options selected=d.bind(F::quota_type()) test_id="filter-quota-type" />
                <TextFilter label=Msg::CustomerId placeholder=Msg::CustomerId value=d.bind(F::customer()) test_id="filter-customer" />
            }.into_any()
        };
        view! {
            <div class="filter-row">
                <SelectFilter label=Msg::QtOperation options=op_options selected=d.bind(F::operation()) test_id="filter-operation" />
                <TextFilter label=Msg::QtQuotaId placeholder=Msg::QtQuotaId value=d.bind(F::quota()) test_id="filter-quota" />
                {by_kind}
                {move || distributor.get().then(|| view! {
                    <SelectFilter label=Msg::QtReseller options=use_resellers() selected=d.bind(F::reseller()) test_id="filter-reseller" />
                })}
                <DateRangeFilter label=Msg::QtOperationTime from=d.bind(F::from()) to=d.bind(F::to()) problem=d.check(F::range) test_id="filter-time" />
            </div>
        }
        .into_any()
    };
    let table = move || {
        if is_quota.get() {
            let list =
                List::new(url, "quota-records", "quota-records-table", Msg::QtKindQuota, move |f: RecordFilters| {
                    paged(&api, f.quota_request())
                })
                .columns(quota_columns, |r: &QuotaRecord| r.id.clone());
            view! { <ListPage list=declare(list, bar) /> }.into_any()
        } else {
            let list =
                List::new(url, "coupon-records", "coupon-records-table", Msg::QtKindCoupon, move |f: RecordFilters| {
                    paged(&api, f.coupon_request())
                })
                .columns(coupon_columns, |r: &CouponRecord| r.id.clone());
            view! { <ListPage list=declare(list, bar) /> }.into_any()
        }
    };

    view! {
        <div class="page-actions type-switch">
            <a class="button" href=href(QUOTAS) data-testid="link-back-quotas">{tr(Msg::QtBack)}</a>
        </div>
        <p class="page-intro">
            {move || if distributor.get() { tr(Msg::QtRecordsIntroDistributor)() } else { tr(Msg::QtRecordsIntroReseller)() }}
        </p>
        {move || distributor.get().then(|| view! {
            <div class="tabs" role="tablist">
                <a class="tab" role="tab" href=move || tab_href(Kind::Quota) data-testid="tab-quota-records" aria-selected=move || is_quota.get().to_string()>{tr(Msg::QtKindQuota)}</a>
                <a class="tab" role="tab" href=move || tab_href(Kind::Coupon) data-testid="tab-coupon-records" aria-selected=move || (!is_quota.get()).to_string()>{tr(Msg::QtKindCoupon)}</a>
            </div>
        })}
        {move || url.filters.with(|c| (!c.quota.is_empty()).then(|| c.quota.clone())).map(|q| view! {
            <div class="notice notice-info" data-testid="records-quota-filter" data-quota=q.clone()>
                {let q = q.clone(); move || QtFilteredByQuota { quota: &q }.text(i18n.get())}" "
                <a href=all_href data-testid="records-show-all">{tr(Msg::QtShowAllRecords)}</a>
            </div>
        })}
        {table}
    }
}
