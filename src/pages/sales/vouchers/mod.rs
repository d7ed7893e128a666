//! S6 回收代金券 / S7: the vouchers and cash coupons the partner issued (V3) on the shared
//! table, with single and bulk reclaim (V4: one call per coupon, one after the other, never
//! retried automatically) after a confirmation that states the count and the total.

mod by_quota;

use crate::api::{server_clock, use_api, Api};
use crate::components::filters::{date_range_problem, DateRangeFilter, SelectFilter, TextFilter};
use crate::components::list_page::{start_first_page, Draft, List, ListPage, ListUrl, SIZES};
use crate::components::quota_labels::state_text;
use crate::components::reclaim::{Reclaim, ReclaimDialog, ReclaimResults, ReclaimSpec, SendBatch};
use crate::components::table::{loader, paged, Column, Slice};
use crate::i18n::{tr, use_i18n, Locale, Msg, VoQuotaFilterNote, VoReclaimConfirm, VoReclaimSkipped};
use crate::routes::VOUCHERS as PATH;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::params::ParamsMap;
use partner_api::coupons::{
    coupon_status, coupon_type, quota_type, CouponQuota, IssuedCoupon, ListIssuedPartnerCouponsRequest,
    ListQuotaCouponsRequest, ReclaimPartnerCouponsRequest, Usability,
};
use partner_api::time::to_wire;
use std::sync::Arc;

/// Only a usable coupon can be reclaimed (not activated, used up, expired or reclaimed ones
/// cannot).
pub fn reclaimable(c: &IssuedCoupon) -> bool {
    c.status == coupon_status::USABLE
}

fn status_msg(s: i32) -> Msg {
    match s {
        coupon_status::NOT_ACTIVATED => Msg::VoStatusNotActivated,
        coupon_status::USABLE => Msg::VoStatusUsable,
        coupon_status::USED => Msg::VoStatusUsed,
        coupon_status::EXPIRED => Msg::Expired,
        _ => Msg::Reclaimed,
    }
}

type C = Column<IssuedCoupon>;

fn columns() -> Vec<Column<IssuedCoupon>> {
    vec![
        C::text("coupon", Msg::VoCouponId, |r, _| r.coupon_id.clone()).copyable().width(170),
        C::text("customer", Msg::CustomerId, |r, _| r.customer_id.clone()).copyable().width(160),
        C::text("type", Msg::VoType, |r, l| {
            if r.coupon_type == coupon_type::CASH { Msg::VoTypeCash } else { Msg::VoTypeVoucher }.text(l).to_string()
        })
        .width(80),
        C::text("status", Msg::Status, |r, l| status_msg(r.status).text(l).to_string())
            .view(|r, l| {
                view! { <span class=format!("tag coupon-status-{}", r.status) data-testid="coupon-status" data-status=r.status.to_string()>{status_msg(r.status).text(l)}</span> }.into_any()
            })
            .width(110),
        C::money("face", Msg::VoFaceValue, |r| Some((r.face_value, "CNY"))).width(105),
        C::money("balance", Msg::VoCouponBalance, |r| Some((r.balance, "CNY"))).width(105),
        // Hidden by default so the list fits a 1280 px laptop (the column chooser shows it).
        C::date_time("created", Msg::ColCreated, |r| Some(r.create_time)).width(130).hidden(),
        C::date_time("expire", Msg::Expires, |r| Some(r.expire_time)).width(130),
    ]
}

crate::list_filters! {
    /// The vouchers view: the quota in the URL (a quota's link opens its coupons), the other
    /// filters the page's own.
    pub struct VoucherFilters {
        pub quota: String = "quota",
        pub customer: String = "customer" [local],
        pub status: String = "status" [local],
        pub kind: String = "type" [local],
        /// Local calendar dates `YYYY-MM-DD` (inclusive) of the creation time.
        pub from: String = "from" [local],
        pub to: String = "to" [local],
    }
}

impl VoucherFilters {
    pub fn range(&self) -> Option<Msg> {
        date_range_problem(&self.from, &self.to, None)
    }

    /// V3's filters (a quota's coupons are found through V5, see [`by_quota`]).
    pub fn to_request(&self) -> ListIssuedPartnerCouponsRequest {
        let text = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        ListIssuedPartnerCouponsRequest {
            customer_id: text(&self.customer),
            status: self.status.parse().ok(),
            coupon_type: self.kind.parse().ok(),
            create_time_begin: crate::format::local_day_start_utc(&self.from, 0).map(|t| to_wire(&t)),
            create_time_end: crate::format::local_day_start_utc(&self.to, 1).map(|t| to_wire(&t)),
            ..Default::default()
        }
    }
}

/// V3's first page (not a quota's coupons, read through V5), sent while the page's code
/// downloads (registry).
pub fn first_request(api: Api, query: &ParamsMap) {
    start_first_page(api, query, SIZES, &[], |f: &VoucherFilters| f.quota.is_empty().then(|| f.to_request()));
}

/// V4, one coupon a call; a refusal is that coupon's result, the others still go.
fn reclaim_spec(api: Api) -> ReclaimSpec<IssuedCoupon> {
    let send: SendBatch<IssuedCoupon> = Arc::new(move |coupons: Vec<IssuedCoupon>, _remark| {
        Box::pin(async move {
            let mut out = Vec::new();
            for c in coupons {
                let req = ReclaimPartnerCouponsRequest { coupon_id: c.coupon_id.clone(), indirect_partner_id: None };
                out.push((c.coupon_id, api.call(&req).await.map(|_| None).map_err(|e| (e.code, e.message))));
            }
            Ok(out)
        })
    });
    ReclaimSpec {
        prefix: "reclaim",
        key_attr: "data-coupon",
        key: |c| c.coupon_id.clone(),
        reclaimable,
        amount: |c| (c.balance, "CNY".into()),
        summary: |rows, total, l| VoReclaimConfirm { n: &rows.len(), total: &total }.text(l),
        title: Msg::Reclaim,
        warning: Msg::VoReclaimWarning,
        skipped: VoReclaimSkipped::of,
        nothing: Msg::VoNothingReclaimable,
        results: Msg::ReclaimResults,
        done: Msg::VoReclaimed,
        remark: false,
        batch: 1,
        send,
    }
}

/// The quota picker: the partner's quotas (V1), each kind asked for by name (V1's
/// `quota_type` is documented with a default).
fn load_quotas(api: Api) -> RwSignal<Vec<CouponQuota>> {
    let quotas = RwSignal::new(Vec::new());
    spawn_local(async move {
        let mut list = Vec::new();
        for t in quota_type::ALL {
            let req = ListQuotaCouponsRequest {
                quota_type: Some(*t),
                offset: Some(0),
                limit: Some(100),
                ..Default::default()
            };
            if let Ok(r) = api.call(&req).await {
                list.extend(r.quotas);
            }
        }
        quotas.try_set(list);
    });
    quotas
}

/// A quota as an option: its id, kind and, unless it can be used now, its state (one not yet
/// in effect with its start day).
fn quota_option(q: &CouponQuota, l: Locale) -> String {
    let kind = if q.quota_type == quota_type::CASH { Msg::VoTypeCash } else { Msg::VoTypeVoucher };
    let u = q.usability(server_clock::now());
    match u {
        Usability::Usable | Usability::Empty => format!("{} · {}", q.quota_id, kind.text(l)),
        Usability::Expired => format!("{} · {} · {}", q.quota_id, kind.text(l), Msg::Expired.text(l)),
        _ => format!("{} · {} · {}", q.quota_id, kind.text(l), state_text(q.quota_status, u, &q.effective_time, l)),
    }
}

#[component]
pub fn VouchersPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let url = ListUrl::<VoucherFilters>::new(PATH, SIZES, &[]);
    let url_quota = Memo::new(move |_| url.filters.with(|f| f.quota.clone()));
    let quotas = load_quotas(api);
    let quota_options = Signal::derive(move || {
        let l = i18n.get();
        let mut list: Vec<(String, String)> =
            quotas.with(|qs| qs.iter().map(|q| (q.quota_id.clone(), quota_option(q, l))).collect());
        // A quota named in the URL stays selectable even before (or without) V1.
        let q = url_quota.get();
        if !q.is_empty() && !list.iter().any(|(id, _)| *id == q) {
            list.insert(0, (q.clone(), q));
        }
        list
    });
    let status_options = Signal::derive(move || {
        let l = i18n.get();
        coupon_status::ALL.iter().map(|s| (s.to_string(), status_msg(*s).text(l).to_string())).collect::<Vec<_>>()
    });
    let type_options = Signal::derive(move || {
        let l = i18n.get();
        [(coupon_type::VOUCHER, Msg::VoTypeVoucher), (coupon_type::CASH, Msg::VoTypeCash)]
            .iter()
            .map(|(t, m)| (t.to_string(), m.text(l).to_string()))
            .collect::<Vec<_>>()
    });

    let reclaim = Reclaim::new(reclaim_spec(api));
    let load = move |f: VoucherFilters| {
        let quota = Some(f.quota.clone()).filter(|q| !q.is_empty());
        let rows = match quota {
            None => paged(&api, f.to_request()),
            Some(q) => {
                let t = quotas.with(|l| l.iter().find(|x| x.quota_id == q).map(|x| x.quota_type));
                let filter = f.to_request();
                loader(move |slice: Slice| by_quota::load(api, q.clone(), t, filter.clone(), slice))
            }
        };
        reclaim.tap(rows)
    };
    let bar = move |d: Draft<VoucherFilters>| {
        type F = VoucherFilters;
        // A quota's coupons are its issue records: status and type do not apply.
        let by_quota = Signal::derive(move || d.value.with(|f| !f.quota.is_empty()));
        view! {
            <div class="filter-row">
                <SelectFilter label=Msg::Quota options=quota_options selected=d.bind(F::quota()) test_id="filter-quota" />
                <TextFilter label=Msg::CustomerId placeholder=Msg::CustomerId value=d.bind(F::customer()) test_id="filter-customer" />
                <SelectFilter label=Msg::Status options=status_options selected=d.bind(F::status()) test_id="filter-status" disabled=by_quota />
                <SelectFilter label=Msg::VoType options=type_options selected=d.bind(F::kind()) test_id="filter-type" disabled=by_quota />
                <DateRangeFilter label=Msg::ColCreated from=d.bind(F::from()) to=d.bind(F::to()) problem=d.check(F::range) test_id="filter-created" />
            </div>
        }
        .into_any()
    };
    let above = move || {
        view! {
            {move || (!url_quota.get().is_empty()).then(|| view! {
                <div class="notice notice-info" data-testid="quota-filter-note">
                    {move || VoQuotaFilterNote { quota: &url_quota.get() }.text(i18n.get())}
                </div>
            })}
            <p class="muted">{tr(Msg::VoReclaimableHint)}</p>
            <ReclaimResults reclaim=reclaim />
        }
    };
    // Built when shown (service partners never see it).
    let list = move || {
        List::new(url, "vouchers", "vouchers-table", Msg::ReclaimVouchers, load)
            .form_id("voucher-filters")
            .bar(bar)
            .check(VoucherFilters::range)
            .above_table(above)
            .columns(columns, |r: &IssuedCoupon| r.coupon_id.clone())
            .row_actions(vec![reclaim.row_action(Msg::Reclaim)])
            .bulk_actions(vec![reclaim.bulk_action(Msg::ReclaimSelected)])
            .empty(Msg::VoNoCoupons, Msg::VoNoCoupons)
    };

    view! {
        <section class="page" data-testid="page-vouchers">
            <h1 class="page-title">{tr(Msg::ReclaimVouchers)}</h1>
            <nav class="type-switch">
                <a class="button" href=crate::routes::href(crate::routes::ISSUE_VOUCHERS) data-testid="link-issue">{tr(Msg::IssueVouchers)}</a>
                <a class="button" href=crate::routes::href(&format!("{}?type=cash", crate::routes::ISSUE_VOUCHERS)) data-testid="link-issue-cash">{tr(Msg::VoCashTitle)}</a>
            </nav>
            <p class="page-intro">{tr(Msg::VoReclaimIntro)}</p>
            <ListPage list=list() />
            <ReclaimDialog reclaim=reclaim />
        </section>
    }
}
