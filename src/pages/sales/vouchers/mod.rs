//! S6 回收代金券 / S7: the vouchers and cash coupons the partner issued (V3) on the shared
//! table, with single and bulk reclaim (V4: one call per coupon, one after the other, never
//! retried automatically) after a confirmation that states the count and the total.

mod by_quota;

use crate::api::{use_api, use_auth, Api};
use crate::components::filters::{DateRangeFilter, TextFilter};
use crate::components::table::{
    loader, Column, DataTable, Empty, EmptyReason, RowAction, Rows, Slice, Source, TableView,
};
use crate::components::table::{BulkAction, SeenRows, Selected};
use crate::i18n::{error_text, tr, use_i18n, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};
use partner_api::coupons::{
    coupon_status, coupon_type, quota_type, IssuedCoupon, ListIssuedPartnerCouponsRequest,
    ListIssuedPartnerCouponsResponse, ListQuotaCouponsRequest, ListQuotaCouponsResponse, ReclaimPartnerCouponsRequest,
    PARTNER_COUPONS_PATH, QUOTAS_QUERY_PATH, RECLAIM_PATH,
};
use partner_api::profile::partner_type;
use partner_api::time::to_wire;
use partner_api::Amount;
use partner_api::ApiError;

use crate::routes::VOUCHERS as PATH;
const SIZES: &[u32] = &[10, 20, 50, 100];

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
        coupon_status::EXPIRED => Msg::VoStatusExpired,
        _ => Msg::VoStatusReclaimed,
    }
}

type C = Column<IssuedCoupon>;

fn columns() -> Vec<Column<IssuedCoupon>> {
    vec![
        C::text("coupon", Msg::VoCouponId, |r, _| r.coupon_id.clone()).copyable().width(190),
        C::text("customer", Msg::CustomerId, |r, _| r.customer_id.clone()).copyable().width(300),
        C::text("type", Msg::VoType, |r, l| {
            if r.coupon_type == coupon_type::CASH { Msg::VoTypeCash } else { Msg::VoTypeVoucher }.text(l).to_string()
        })
        .width(90),
        C::text("status", Msg::DevColStatus, |r, l| status_msg(r.status).text(l).to_string())
            .view(|r, l| {
                view! { <span class=format!("tag coupon-status-{}", r.status) data-testid="coupon-status" data-status=r.status.to_string()>{status_msg(r.status).text(l)}</span> }.into_any()
            })
            .width(100),
        C::money("face", Msg::VoFaceValue, |r| Some((r.face_value, "CNY"))).width(130),
        C::money("balance", Msg::VoCouponBalance, |r| Some((r.balance, "CNY"))).width(130),
        C::date_time("created", Msg::ColCreated, |r| Some(r.create_time)).width(150),
        C::date_time("expire", Msg::VoExpires, |r| Some(r.expire_time)).width(150),
    ]
}

/// V3's own paging: every coupon the partner issued, with the page's filters.
async fn load_all(
    api: Api,
    mut req: ListIssuedPartnerCouponsRequest,
    slice: Slice,
) -> Result<Rows<IssuedCoupon>, ApiError> {
    req.offset = Some(slice.offset as i64);
    req.limit = Some(slice.limit as i64);
    let r: ListIssuedPartnerCouponsResponse = api.get(&req.url(PARTNER_COUPONS_PATH)).await?;
    Ok(Rows { total: r.total_count.unwrap_or(r.user_coupons.len() as u64), rows: r.user_coupons })
}

fn urlencoding(s: &str) -> String {
    partner_api::opportunities::encode_path_segment(s)
}

#[derive(Clone, PartialEq)]
struct Outcome {
    coupon_id: String,
    ok: bool,
    code: String,
    message: String,
}

#[component]
pub fn VouchersPage() -> impl IntoView {
    let api = use_api();
    let auth = use_auth();
    let i18n = use_i18n();
    let service_partner = Memo::new(move |_| {
        auth.profile.with(|p| p.as_ref().is_some_and(|p| p.partner_type == partner_type::SERVICE_PARTNER))
    });

    // The quota filter lives in the URL (`?quota=`); the other filters in the page.
    let query = use_query_map();
    let navigate = use_navigate();
    let url_quota = Memo::new(move |_| query.with(|q| q.get("quota").unwrap_or_default()));
    let quota = RwSignal::new(String::new());
    Effect::new(move |_| quota.set(url_quota.get()));
    let go_quota = Callback::new(move |q: String| {
        let path = if q.is_empty() { PATH.to_string() } else { format!("{PATH}?quota={}", urlencoding(&q)) };
        navigate(&path, Default::default());
    });
    // The quota picker: the partner's quotas (V1), each kind asked for by name (V1's
    // `quota_type` is documented with a default).
    let quotas = RwSignal::new(Vec::<(String, i32)>::new());
    {
        let api = api.clone();
        spawn_local(async move {
            let mut list = Vec::new();
            for t in quota_type::ALL {
                let req = ListQuotaCouponsRequest {
                    quota_type: Some(*t),
                    offset: Some(0),
                    limit: Some(100),
                    ..Default::default()
                };
                if let Ok(r) = api.query::<_, ListQuotaCouponsResponse>(QUOTAS_QUERY_PATH, &req).await {
                    list.extend(r.quotas.into_iter().map(|q| (q.quota_id, q.quota_type)));
                }
            }
            quotas.try_set(list);
        });
    }
    let url_quota_type =
        Memo::new(move |_| url_quota.with(|q| quotas.with(|l| l.iter().find(|(id, _)| id == q).map(|(_, t)| *t))));

    // Filter draft and the applied filter.
    let customer = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let applied = RwSignal::new(ListIssuedPartnerCouponsRequest::default());
    let version = RwSignal::new(0u32);
    let range_invalid = Signal::derive(move || {
        let (f, t) = (from.get(), to.get());
        !f.is_empty() && !t.is_empty() && f > t
    });
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if range_invalid.get_untracked() {
            return;
        }
        let q = quota.get_untracked();
        if q != url_quota.get_untracked() {
            go_quota.run(q);
        }
        let text = |s: RwSignal<String>| Some(s.get_untracked().trim().to_string()).filter(|s| !s.is_empty());
        applied.set(ListIssuedPartnerCouponsRequest {
            customer_id: text(customer),
            status: text(status).and_then(|s| s.parse().ok()),
            coupon_type: text(kind).and_then(|s| s.parse().ok()),
            create_time_begin: text(from).and_then(|d| crate::format::local_day_start_utc(&d, 0)).map(|t| to_wire(&t)),
            create_time_end: text(to).and_then(|d| crate::format::local_day_start_utc(&d, 1)).map(|t| to_wire(&t)),
            ..Default::default()
        });
    };
    let reset = move |_| {
        for s in [customer, status, kind, from, to] {
            s.set(String::new());
        }
        applied.set(ListIssuedPartnerCouponsRequest::default());
        go_quota.run(String::new());
    };

    // Rows seen so far, by coupon id: the confirmation states amounts of what was selected.
    let seen = SeenRows::new(|c: &IssuedCoupon| c.coupon_id.clone());
    let view = TableView::local(Vec::new(), 20, SIZES);
    let api_list = api.clone();
    let source = Source::server(view, move || {
        version.track();
        let filter = applied.get();
        // Also run by export and "all matching", which re-record every page they walk.
        seen.clear();
        let by_quota = Some(url_quota.get()).filter(|q| !q.is_empty()).map(|q| (q, url_quota_type.get()));
        let api = api_list.clone();
        loader(move |slice: Slice| {
            let (api, filter, by_quota) = (api.clone(), filter.clone(), by_quota.clone());
            async move {
                let r = match by_quota {
                    Some((q, t)) => by_quota::load(api, q, t, filter, slice).await?,
                    None => load_all(api, filter, slice).await?,
                };
                seen.record(&r.rows);
                Ok(r)
            }
        })
    });
    // The confirmation: the coupons to reclaim, and the selected ones that cannot be.
    let confirm = RwSignal::new(None::<(Vec<IssuedCoupon>, usize)>);
    let busy = RwSignal::new(false);
    let outcomes = RwSignal::new(Vec::<Outcome>::new());
    let notice = RwSignal::new(None::<Msg>);
    let ask = move |ids: Vec<String>| {
        notice.set(None);
        let rows: Vec<IssuedCoupon> = seen.pick(&ids);
        let ok: Vec<IssuedCoupon> = rows.into_iter().filter(reclaimable).collect();
        let skipped = ids.len() - ok.len();
        if ok.is_empty() {
            notice.set(Some(Msg::VoNothingReclaimable));
            return;
        }
        confirm.set(Some((ok, skipped)));
    };
    // The table hands over the chosen keys, "all matching" already resolved page by page.
    let bulk_run = move |s: Selected| ask(s.keys);
    let run = Callback::new(move |_: ()| {
        let Some((list, _)) = confirm.get_untracked() else { return };
        confirm.set(None);
        busy.set(true);
        outcomes.set(Vec::new());
        let api = api.clone();
        spawn_local(async move {
            for c in list {
                let req = ReclaimPartnerCouponsRequest { coupon_id: c.coupon_id.clone(), indirect_partner_id: None };
                let r = api.command::<_, serde_json::Value>(RECLAIM_PATH, &req).await;
                let o = match r {
                    Ok(_) => Outcome { coupon_id: c.coupon_id, ok: true, code: String::new(), message: String::new() },
                    Err(e) => Outcome { coupon_id: c.coupon_id, ok: false, code: e.code, message: e.message },
                };
                outcomes.try_update(|v| v.push(o));
            }
            busy.try_set(false);
            version.try_update(|v| *v += 1);
        });
    });

    let empty = Signal::derive(move || Empty::new(EmptyReason::NoData, Msg::VoNoCoupons));
    let status_options = move || {
        let l = i18n.get();
        coupon_status::ALL
            .iter()
            .map(|s| view! { <option value=s.to_string()>{status_msg(*s).text(l)}</option> })
            .collect_view()
    };

    view! {
        <section class="page" data-testid="page-vouchers">
            <h1 class="page-title">{tr(Msg::VoReclaimTitle)}</h1>
            <Show when=move || !service_partner.get() fallback=move || view! {
                <div class="notice notice-info" data-testid="not-for-service-partner">{tr(Msg::VoNotForServicePartner)}</div>
            }>
            <nav class="type-switch">
                <a class="button" href=crate::routes::href(crate::routes::ISSUE_VOUCHERS) data-testid="link-issue">{tr(Msg::VoIssueTitle)}</a>
                <a class="button" href=crate::routes::href(&format!("{}?type=cash", crate::routes::ISSUE_VOUCHERS)) data-testid="link-issue-cash">{tr(Msg::VoCashTitle)}</a>
            </nav>
            <p class="page-intro">{tr(Msg::VoReclaimIntro)}</p>
            <form class="filter-bar card" data-testid="voucher-filters" on:submit=search>
                <div class="filter-row">
                    <label class="filter">
                        <span class="filter-label">{tr(Msg::VoQuotaFilter)}</span>
                        <select data-testid="filter-quota" prop:value=quota on:change=move |ev| quota.set(event_target_value(&ev))>
                            <option value="">{tr(Msg::All)}</option>
                            {move || {
                                let l = i18n.get();
                                let mut list = quotas.get();
                                // A quota named in the URL stays selectable even before (or without) V1.
                                let q = url_quota.get();
                                if !q.is_empty() && !list.iter().any(|(id, _)| *id == q) {
                                    list.insert(0, (q, -1));
                                }
                                list.into_iter().map(|(id, t)| {
                                    let kind = match t {
                                        quota_type::CASH => format!(" · {}", Msg::VoTypeCash.text(l)),
                                        -1 => String::new(),
                                        _ => format!(" · {}", Msg::VoTypeVoucher.text(l)),
                                    };
                                    // `selected` too: the options arrive after the value was set from the URL.
                                    let is = id.clone();
                                    view! { <option value=id.clone() selected=move || quota.get() == is>{format!("{id}{kind}")}</option> }
                                }).collect_view()
                            }}
                        </select>
                    </label>
                    <TextFilter label=Msg::CustomerId placeholder=Msg::CustomerId value=customer test_id="filter-customer" />
                    <label class="filter">
                        <span class="filter-label">{tr(Msg::DevColStatus)}</span>
                        <select data-testid="filter-status" disabled=move || !quota.get().is_empty() prop:value=status on:change=move |ev| status.set(event_target_value(&ev))>
                            <option value="">{tr(Msg::All)}</option>
                            {status_options}
                        </select>
                    </label>
                    <label class="filter">
                        <span class="filter-label">{tr(Msg::VoType)}</span>
                        <select data-testid="filter-type" disabled=move || !quota.get().is_empty() prop:value=kind on:change=move |ev| kind.set(event_target_value(&ev))>
                            <option value="">{tr(Msg::All)}</option>
                            <option value=coupon_type::VOUCHER.to_string()>{tr(Msg::VoTypeVoucher)}</option>
                            <option value=coupon_type::CASH.to_string()>{tr(Msg::VoTypeCash)}</option>
                        </select>
                    </label>
                    <DateRangeFilter label=Msg::ColCreated from=from to=to problem=Signal::derive(move || range_invalid.get().then_some(Msg::DateRangeInvalid)) test_id="filter-created" />
                </div>
                <div class="filter-actions">
                    <button class="button primary" type="submit" data-testid="filter-search">{tr(Msg::Search)}</button>
                    <button class="button" type="button" data-testid="filter-reset" on:click=reset>{tr(Msg::Reset)}</button>
                </div>
            </form>
            {move || (!url_quota.get().is_empty()).then(|| view! {
                <div class="notice notice-info" data-testid="quota-filter-note">
                    {move || Msg::VoQuotaFilterNote.text(i18n.get()).replace("{q}", &url_quota.get())}
                </div>
            })}
            <p class="muted">{tr(Msg::VoReclaimableHint)}</p>
            {move || notice.get().map(|m| view! { <div class="notice notice-error" role="alert" data-testid="reclaim-notice">{m.text(i18n.get())}</div> })}
            {move || (!outcomes.with(Vec::is_empty) || busy.get()).then(|| view! {
                <div class="card issue-progress" data-testid="reclaim-results" data-state=move || if busy.get() { "running" } else { "done" }>
                    <div class="card-title">{tr(Msg::VoReclaimResults)}</div>
                    <ul class="paste-results">
                        {move || outcomes.get().into_iter().map(|o| { let key = o.coupon_id.clone(); view! {
                            <li class=if o.ok { "paste-result ok" } else { "paste-result bad" } data-testid="reclaim-result" data-coupon=key data-ok=o.ok.to_string()>
                                {move || {
                                    let l = i18n.get();
                                    let text = if o.ok {
                                        Msg::VoReclaimed.text(l).to_string()
                                    } else {
                                        let why = error_text(&o.code, l).map(str::to_string).unwrap_or(o.message.clone());
                                        format!("{why} ({})", o.code)
                                    };
                                    format!("{} — {text}", o.coupon_id)
                                }}
                            </li>
                        }}).collect_view()}
                    </ul>
                </div>
            })}
            <div class="card table-card">
                <DataTable
                    id="vouchers"
                    test_id="vouchers-table"
                    label=Signal::derive(move || Msg::VoReclaimTitle.text(i18n.get()).to_string())
                    columns=columns()
                    source=source.clone()
                    row_key=|r: &IssuedCoupon| r.coupon_id.clone()
                    row_actions=vec![RowAction::button("reclaim", Msg::VoReclaim, move |c: IssuedCoupon| ask(vec![c.coupon_id])).only_when(reclaimable)]
                    bulk_actions=vec![BulkAction { id: "reclaim", label: Msg::VoReclaimSelected, danger: true, run: Callback::new(bulk_run) }]
                    empty=empty
                />
            </div>
            {move || confirm.get().map(|(list, skipped)| {
                let l = i18n.get();
                let total = list.iter().fold(Amount::ZERO, |a, c| Amount(a.0 + c.balance.0));
                let text = Msg::VoReclaimConfirm.text(l).replace("{n}", &list.len().to_string()).replace("{t}", &total.with_currency("CNY"));
                view! {
                    <div class="dialog-backdrop">
                        <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="reclaim-title" data-testid="reclaim-dialog" data-count=list.len().to_string()>
                            <h2 id="reclaim-title">{Msg::VoReclaim.text(l)}</h2>
                            <p class="danger-text" data-testid="reclaim-summary">{text}</p>
                            {(skipped > 0).then(|| view! { <p class="muted" data-testid="reclaim-skipped">{Msg::VoReclaimSkipped.with_n(l, skipped)}</p> })}
                            <p class="muted">{Msg::VoReclaimWarning.text(l)}</p>
                            <div class="form-actions">
                                <button class="button primary danger-fill" type="button" data-testid="reclaim-confirm" on:click=move |_| run.run(())>{Msg::VoReclaim.text(l)}</button>
                                <button class="button" type="button" data-testid="reclaim-cancel" data-dialog-cancel on:click=move |_| confirm.set(None)>{Msg::Cancel.text(l)}</button>
                            </div>
                        </div>
                    </div>
                }
            })}
            </Show>
        </section>
    }
}
