//! S9 操作记录 / Operation records: every operation on the partner's quotas. A tier-1
//! distributor has two lists: quotas issued to and reclaimed from resellers (Q4) and vouchers
//! issued and reclaimed out of quotas (V5); a tier-2 reseller has the second. The filters live
//! in the URL, so a quota row's "操作记录" is a link to this page filtered by that quota.
//! CSV export comes from the shared table.

use crate::components::quota_labels::{operation_text, result_text, type_msg};
mod filters;

use crate::api::{use_api, use_auth};
use crate::components::filters::{DateRangeFilter, SelectFilter, TextFilter};
use crate::components::partner_gate::{use_partner_type, PartnerGate};
use crate::components::table::{loader, Column, DataTable, Empty, EmptyReason, Rows, Slice, Source, TableView};
use crate::i18n::{tr, use_i18n, Msg};
use crate::routes::{href, QUOTAS, QUOTA_RECORDS};
use filters::{Kind, RecordFilters};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use partner_api::coupons::{
    operation_type as coupon_op, quota_type, result, CouponRecord, ListPartnerCouponsRecordResponse,
    RECORDS_PATH as COUPON_RECORDS_PATH,
};
use partner_api::profile::partner_type::{DISTRIBUTOR, RESELLER};
use partner_api::quotas::{
    operation_type as quota_op, ListCouponQuotasRecordsResponse, QuotaRecord, RECORDS_PATH as QUOTA_RECORDS_PATH,
};

const SIZES: &[u32] = &[10, 20, 50, 100];

type Q = Column<QuotaRecord>;

fn quota_columns() -> Vec<Column<QuotaRecord>> {
    vec![
        Q::date_time("time", Msg::QtOperationTime, |r| Some(r.operation_time)).width(150),
        Q::text("operation", Msg::QtOperation, |r, l| operation_text(&r.operation_type, l)).width(110),
        Q::money("amount", Msg::QtAmount, |r| Some((r.amount, "CNY"))).width(130),
        Q::text("result", Msg::QtResult, |r, l| result_text(&r.result, l))
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
        Q::text("remark", Msg::QtRemarkCol, |r, _| r.remark.clone().unwrap_or_default()).width(160),
    ]
}

type V = Column<CouponRecord>;

fn coupon_columns() -> Vec<Column<CouponRecord>> {
    vec![
        V::date_time("time", Msg::QtOperationTime, |r| Some(r.operation_time)).width(150),
        V::text("operation", Msg::QtOperation, |r, l| operation_text(&r.operation_type, l)).width(150),
        V::money("amount", Msg::QtAmount, |r| Some((r.operation_amount, "CNY"))).width(130),
        V::text("result", Msg::QtResult, |r, l| result_text(&r.result, l))
            .view(|r, l| view! { <span class=format!("tag result-{}", if r.result == result::SUCCESS { "ok" } else { "failed" }) data-testid="record-result" data-result=r.result.clone()>{result_text(&r.result, l)}</span> }.into_any())
            .width(90),
        V::text("quota", Msg::QtQuotaId, |r, _| r.quota_id.clone()).copyable().width(170),
        V::text("quota-type", Msg::QtQuotaType, |r, l| type_msg(r.quota_type).text(l).to_string()).width(120),
        V::text("coupon", Msg::VoCouponId, |r, _| r.coupon_id.clone().unwrap_or_default()).copyable().width(190),
        V::text("customer", Msg::CustomerId, |r, _| r.customer_id.clone()).copyable().width(300),
        V::text("remark", Msg::QtRemarkCol, |r, _| r.remark.clone().unwrap_or_default()).width(200),
    ]
}

#[component]
pub fn QuotaRecordsPage() -> impl IntoView {
    view! {
        <section class="page" data-testid="page-quota-records">
            <h1 class="page-title">{tr(Msg::QtRecords)}</h1>
            <PartnerGate allow=&[DISTRIBUTOR, RESELLER] not_available=Msg::QtNotAvailable>
                <RecordsContent />
            </PartnerGate>
        </section>
    }
}

#[component]
fn RecordsContent() -> impl IntoView {
    let api = use_api();
    let auth = use_auth();
    let i18n = use_i18n();
    let ptype = use_partner_type();
    let distributor = Memo::new(move |_| ptype.get().as_deref() == Some(DISTRIBUTOR));
    let query = use_query_map();
    let navigate = use_navigate();
    let current = Memo::new(move |_| query.with(|q| RecordFilters::from_query(q, distributor.get())));

    // The filter bar edits a draft that follows the URL.
    let quota = RwSignal::new(String::new());
    let parent = RwSignal::new(String::new());
    let reseller = RwSignal::new(String::new());
    let operation = RwSignal::new(String::new());
    let outcome = RwSignal::new(String::new());
    let customer = RwSignal::new(String::new());
    let qtype = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    Effect::new(move |_| {
        let f = current.get();
        quota.set(f.quota);
        parent.set(f.parent);
        reseller.set(f.reseller);
        operation.set(f.operation);
        outcome.set(f.result);
        customer.set(f.customer);
        qtype.set(f.quota_type);
        from.set(f.from);
        to.set(f.to);
    });
    let range_invalid = Signal::derive(move || RecordFilters::range_invalid(&from.get(), &to.get()));
    let go = move |f: RecordFilters| navigate(&format!("{QUOTA_RECORDS}{}", f.to_query()), Default::default());
    let go_search = go.clone();
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if range_invalid.get_untracked() {
            return;
        }
        go_search(RecordFilters {
            kind: current.get_untracked().kind,
            quota: quota.get_untracked(),
            parent: parent.get_untracked(),
            reseller: reseller.get_untracked(),
            operation: operation.get_untracked(),
            result: outcome.get_untracked(),
            customer: customer.get_untracked(),
            quota_type: qtype.get_untracked(),
            from: from.get_untracked(),
            to: to.get_untracked(),
        });
    };
    let go_reset = go.clone();
    let reset = move |_| go_reset(RecordFilters { kind: current.get_untracked().kind, ..Default::default() });
    let tab_href = move |kind: Kind| {
        // A quota's log stays on that quota when switching lists.
        let (quota, reseller) = current.with(|c| (c.quota.clone(), c.reseller.clone()));
        let f = RecordFilters { kind, quota, reseller, ..Default::default() };
        href(&format!("{QUOTA_RECORDS}{}", f.to_query()))
    };
    let all_href = move || {
        href(&format!(
            "{QUOTA_RECORDS}{}",
            RecordFilters { kind: current.with(|c| c.kind), ..Default::default() }.to_query()
        ))
    };

    let resellers = Signal::derive(move || {
        auth.profile.with(|p| {
            p.as_ref()
                .map(|p| p.indirect_partners.iter().map(|r| (r.indirect_partner_id.clone(), r.name.clone())).collect())
                .unwrap_or_default()
        })
    });
    let op_options = Signal::derive(move || {
        let l = i18n.get();
        let codes: &[&str] = if current.with(|c| c.kind == Kind::Quota) { quota_op::ALL } else { coupon_op::ALL };
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

    let empty = Signal::derive(move || {
        if current.with(RecordFilters::has_filters) {
            Empty::new(EmptyReason::Filtered, Msg::QtEmptyRecordsFiltered)
        } else {
            Empty::new(EmptyReason::NoData, Msg::QtEmptyRecords)
        }
    });
    let is_quota = Memo::new(move |_| current.with(|c| c.kind == Kind::Quota));

    let api_q = api.clone();
    let quota_table = move || {
        let api = api_q.clone();
        let source = Source::server(TableView::local(Vec::new(), 20, SIZES), move || {
            let req = current.with(|c| c.quota_request());
            let api = api.clone();
            loader(move |slice: Slice| {
                let mut req = req.clone();
                req.offset = Some(slice.offset as i64);
                req.limit = Some(slice.limit as i64);
                let api = api.clone();
                async move {
                    let r: ListCouponQuotasRecordsResponse = api.get(&req.url(QUOTA_RECORDS_PATH)).await?;
                    Ok(Rows { total: r.total_count.unwrap_or(r.records.len() as u64), rows: r.records })
                }
            })
        });
        view! {
            <DataTable
                id="quota-records"
                test_id="quota-records-table"
                label=Signal::derive(move || Msg::QtKindQuota.text(i18n.get()).to_string())
                columns=quota_columns()
                source=source
                row_key=|r: &QuotaRecord| r.id.clone()
                empty=empty
                total_label=Msg::QtRecordsTotal
            />
        }
    };
    let api_c = api.clone();
    let coupon_table = move || {
        let api = api_c.clone();
        let source = Source::server(TableView::local(Vec::new(), 20, SIZES), move || {
            let req = current.with(|c| c.coupon_request());
            let api = api.clone();
            loader(move |slice: Slice| {
                let mut req = req.clone();
                req.offset = Some(slice.offset as i64);
                req.limit = Some(slice.limit as i64);
                let api = api.clone();
                async move {
                    let r: ListPartnerCouponsRecordResponse = api.get(&req.url(COUPON_RECORDS_PATH)).await?;
                    Ok(Rows { total: r.total_count.unwrap_or(r.records.len() as u64), rows: r.records })
                }
            })
        });
        view! {
            <DataTable
                id="coupon-records"
                test_id="coupon-records-table"
                label=Signal::derive(move || Msg::QtKindCoupon.text(i18n.get()).to_string())
                columns=coupon_columns()
                source=source
                row_key=|r: &CouponRecord| r.id.clone()
                empty=empty
                total_label=Msg::QtRecordsTotal
            />
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
        {move || current.with(|c| (!c.quota.is_empty()).then(|| c.quota.clone())).map(|q| view! {
            <div class="notice notice-info" data-testid="records-quota-filter" data-quota=q.clone()>
                {let q = q.clone(); move || Msg::QtFilteredByQuota.with_n(i18n.get(), &q)}" "
                <a href=all_href data-testid="records-show-all">{tr(Msg::QtShowAllRecords)}</a>
            </div>
        })}
        <form class="filter-bar card" data-testid="record-filters" on:submit=search>
            <div class="filter-row">
                <SelectFilter label=Msg::QtOperation options=op_options selected=operation test_id="filter-operation" />
                <TextFilter label=Msg::QtQuotaId placeholder=Msg::QtQuotaId value=quota test_id="filter-quota" />
                {move || if is_quota.get() {
                    view! { <TextFilter label=Msg::QtParentQuota placeholder=Msg::QtParentQuota value=parent test_id="filter-parent" /> }.into_any()
                } else {
                    view! {
                        <SelectFilter label=Msg::QtResult options=result_options selected=outcome test_id="filter-result" />
                        <SelectFilter label=Msg::QtQuotaType options=type_options selected=qtype test_id="filter-quota-type" />
                        <TextFilter label=Msg::CustomerId placeholder=Msg::CustomerId value=customer test_id="filter-customer" />
                    }.into_any()
                }}
                {move || distributor.get().then(|| view! {
                    <SelectFilter label=Msg::QtReseller options=resellers selected=reseller test_id="filter-reseller" />
                })}
                <DateRangeFilter label=Msg::QtOperationTime from=from to=to problem=Signal::derive(move || range_invalid.get().then_some(Msg::DateRangeInvalid)) test_id="filter-time" />
            </div>
            <div class="filter-actions">
                <button class="button primary" type="submit" data-testid="filter-search">{tr(Msg::Search)}</button>
                <button class="button" type="button" data-testid="filter-reset" on:click=reset>{tr(Msg::Reset)}</button>
            </div>
        </form>
        <div class="card table-card">
            {move || if is_quota.get() { untrack(|| quota_table().into_any()) } else { untrack(|| coupon_table().into_any()) }}
        </div>
    }
}
