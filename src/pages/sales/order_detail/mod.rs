//! One order: its facts and amounts, its items (O2) and the yearly/monthly resources it
//! opened or changed (O3, for the order's customer), with the eye toggle on resource ids.

use crate::api::use_api;
use crate::components::codes::{code_tag, service_name};
use crate::components::error_notice::ErrorNotice;
use crate::components::remote::use_remote;
use crate::components::table::{ClientSource, Column, DataTable, Empty, EmptyReason, Mask, Paging, SortKey, Source};
use crate::format;
use crate::i18n::{code_label, tr, use_i18n, CodeKind, Msg};
use crate::routes::{safe_next, ORDERS, ORDERS_PAY_PER_USE};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use partner_api::orders::{OrderInstanceV2, OrderLineItemEntityV2, QueryResourcesReq, ShowCustomerOrderDetailsRequest};
use partner_api::Amount;
use std::sync::Arc;

type Item = Column<OrderLineItemEntityV2>;

/// The customer's pay-per-use resources (S2's second view).
fn pay_per_use_href(customer_id: &str) -> String {
    format!("{ORDERS_PAY_PER_USE}?customer={}", js_sys::encode_uri_component(customer_id))
}

/// `6 个月` / `6 months` from the period count and type (0 day … 5 one-off).
fn period(num: Option<i32>, kind: Option<i32>, l: crate::i18n::Locale) -> String {
    let zh = l == crate::i18n::Locale::ZhCn;
    let unit = match (kind, zh) {
        (Some(0), true) => "天",
        (Some(1), true) => "周",
        (Some(2), true) => "个月",
        (Some(3), true) => "年",
        (Some(4), true) => "小时",
        (Some(0), false) => "days",
        (Some(1), false) => "weeks",
        (Some(2), false) => "months",
        (Some(3), false) => "years",
        (Some(4), false) => "hours",
        (Some(5), true) => return "一次性".into(),
        (Some(5), false) => return "one-off".into(),
        _ => return "—".into(),
    };
    match num {
        Some(n) if zh => format!("{n} {unit}"),
        Some(1) => format!("1 {}", unit.trim_end_matches('s')),
        Some(n) => format!("{n} {unit}"),
        None => "—".into(),
    }
}
type Res = Column<OrderInstanceV2>;

fn item_columns() -> Vec<Column<OrderLineItemEntityV2>> {
    vec![
        Item::text("service", Msg::ColService, |r, l| {
            service_name(r.service_type_code.as_deref(), r.service_type_name.as_deref(), l)
        })
        .width(160),
        Item::text("product", Msg::ColProduct, |r, _| r.product_spec_desc.clone().unwrap_or_default()).width(240),
        Item::text("period", Msg::ColPeriod, |r, l| period(r.period_num, r.period_type, l)).width(90),
        Item::number("quantity", Msg::ColQuantity, |r| r.subscription_num.map(f64::from)).width(90),
        Item::money("official", Msg::ColOfficialAmount, |r| {
            r.official_amount.map(|a| (a, r.currency.as_deref().unwrap_or("CNY")))
        })
        .width(140),
        Item::money("paid", Msg::ColPaidAmount, |r| {
            r.amount_after_discount.map(|a| (a, r.currency.as_deref().unwrap_or("CNY")))
        })
        .width(140),
        Item::date_time("effective", Msg::ColEffective, |r| r.effective_time).width(150),
        Item::date_time("expire", Msg::ColExpire, |r| r.expire_time).width(150),
    ]
}

fn resource_columns() -> Vec<Column<OrderInstanceV2>> {
    vec![
        Res::text("resource-id", Msg::ColResourceId, |r, _| r.resource_id.clone().unwrap_or_default())
            .masked(Mask::Id)
            .copyable()
            .width(200),
        Res::text("name", Msg::ColResourceName, |r, _| r.resource_name.clone().unwrap_or_default())
            .masked(Mask::Sensitive)
            .width(180),
        Res::text("service", Msg::ColService, |r, l| {
            service_name(r.service_type_code.as_deref(), r.service_type_name.as_deref(), l)
        })
        .width(150),
        Res::text("main", Msg::ColMainResource, |r, l| {
            if r.is_main_resource == Some(1) { Msg::MainResource } else { Msg::AttachedResource }.text(l).to_string()
        })
        .width(120),
        Res::text("region", Msg::ColRegion, |r, _| r.region_code.clone().unwrap_or_default()).width(120),
        Res::text("spec", Msg::ColProduct, |r, _| {
            r.product_spec_desc.clone().or_else(|| r.resource_spec_code.clone()).unwrap_or_default()
        })
        .width(200),
        Res::text("status", Msg::ColResourceStatus, |r, l| {
            r.status.map(|s| code_label(CodeKind::ResourceStatus, &s.to_string(), l)).unwrap_or_default()
        })
        .view(|r, l| code_tag(CodeKind::ResourceStatus, r.status, l))
        .width(110),
        Res::text("policy", Msg::ColExpirePolicy, |r, l| {
            r.expire_policy.map(|s| code_label(CodeKind::ExpirePolicy, &s.to_string(), l)).unwrap_or_default()
        })
        .width(130),
        Res::date_time("expire", Msg::ColExpire, |r| r.expire_time).width(150),
    ]
}

#[component]
pub fn OrderDetailPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let order_id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let customer_id = Memo::new(move |_| query.with(|q| q.get("customer").unwrap_or_default()));
    let back = move || {
        let from = query.with(|q| q.get("from"));
        if from.is_some() {
            safe_next(from)
        } else {
            ORDERS.to_string()
        }
    };

    let detail = use_remote(move || {
        let request = ShowCustomerOrderDetailsRequest {
            order_id: order_id.get(),
            limit: Some(100),
            offset: Some(0),
            ..Default::default()
        };
        async move { api.call(&request).await }
    });
    let resources = use_remote(move || {
        let request = QueryResourcesReq {
            customer_id: Some(customer_id.get()),
            order_id: Some(order_id.get()),
            offset: Some(0),
            limit: Some(100),
            ..Default::default()
        };
        async move { api.call(&request).await }
    });

    let items = Signal::derive(move || {
        Arc::new(detail.data.with(|d| d.as_ref().map(|d| d.order_line_items.clone()).unwrap_or_default()))
    });
    let resource_rows = Signal::derive(move || {
        Arc::new(resources.data.with(|d| d.as_ref().map(|d| d.data.clone()).unwrap_or_default()))
    });
    // Made where they are shown (inside the `Show`, which may build its content again).
    let item_source = move || {
        Source::Client(ClientSource::new(items, Paging::Pages, vec![]).remote(
            detail.loading.into(),
            detail.error.into(),
            Callback::new(move |_| detail.reload()),
        ))
    };
    let resource_source = move || {
        Source::Client(
            ClientSource::new(resource_rows, Paging::Pages, vec![SortKey { key: "expire".into(), desc: true }]).remote(
                resources.loading.into(),
                resources.error.into(),
                Callback::new(move |_| resources.reload()),
            ),
        )
    };

    let money = |a: Option<Amount>, c: &Option<String>| {
        a.map(|a| format::money(&a, c.as_deref().unwrap_or("CNY"))).unwrap_or_else(|| "—".into())
    };
    let facts = move || {
        detail.data.with(|d| {
            d.as_ref().and_then(|d| d.order_info.as_ref()).map(|o| {
                let l = i18n.get();
                let info = o.amount_info.clone().unwrap_or_default();
                vec![
                    (Msg::ColOrderId, o.order_id.clone()),
                    (Msg::CustomerId, o.customer_id.clone().unwrap_or_default()),
                    (Msg::ColService, service_name(o.service_type_code.as_deref(), o.service_type_name.as_deref(), l)),
                    (
                        Msg::ColOrderType,
                        o.order_type.map(|t| code_label(CodeKind::OrderType, &t.to_string(), l)).unwrap_or_default(),
                    ),
                    (
                        Msg::ColOrderStatus,
                        o.status.map(|t| code_label(CodeKind::OrderStatus, &t.to_string(), l)).unwrap_or_default(),
                    ),
                    (Msg::ColOfficialAmount, money(o.official_amount, &o.currency)),
                    (Msg::ColPaidAmount, money(o.amount_after_discount, &o.currency)),
                    (Msg::ColCreated, o.create_time.as_ref().map(format::date_time).unwrap_or_default()),
                    (Msg::ColPaymentTime, o.payment_time.as_ref().map(format::date_time).unwrap_or_else(|| "—".into())),
                    (Msg::CreatedBy, o.user_name.clone().unwrap_or_else(|| "—".into())),
                    (Msg::OrderCoupons, money(info.coupon_amount, &o.currency)),
                    (Msg::OrderCashCoupons, money(info.flexipurchase_coupon_amount, &o.currency)),
                ]
            })
        })
    };

    view! {
        <section class="page" data-testid="page-order-detail">
            <A href=move || crate::routes::href(&back()) attr:class="back-link" attr:data-testid="back-to-list">{tr(Msg::BackToList)}</A>
            <h1 class="page-title" data-testid="order-title">{tr(Msg::OrderDetail)}" "{move || order_id.get()}</h1>
            {move || detail.error.get().map(|e| view! { <ErrorNotice error=e on_retry=Callback::new(move |_| detail.reload()) /> })}
            // One notice for a failed order read: the line items and resources are of that same
            // order and would only repeat it.
            <Show when=move || detail.error.with(Option::is_none)>
                {move || facts().map(|rows| view! {
                    <div class="card facts" data-testid="order-facts">
                        <dl>
                            {rows.into_iter().map(|(k, v)| view! { <dt>{move || k.text(i18n.get())}</dt><dd>{v}</dd> }).collect_view()}
                        </dl>
                    </div>
                })}
                <div class="card table-card">
                    <h2 class="card-title">{tr(Msg::OrderLineItems)}</h2>
                    <DataTable
                        id="order-items"
                        test_id="order-items-table"
                        label=Signal::derive(move || Msg::OrderLineItems.text(i18n.get()).to_string())
                        columns=item_columns()
                        source=item_source()
                        row_key=|r: &OrderLineItemEntityV2| r.order_line_item_id.clone()
                        empty=Signal::stored(Empty::new(EmptyReason::NoData, Msg::NoLineItems))
                    />
                </div>
                <div class="card table-card">
                    <h2 class="card-title">{tr(Msg::OrderResources)}</h2>
                    // Pay-per-use resources are the customer's, not the order's (O4 lists by customer).
                    {move || (!customer_id.get().is_empty()).then(|| view! {
                        <A href=move || crate::routes::href(&pay_per_use_href(&customer_id.get())) attr:class="link" attr:data-testid="order-pay-per-use">
                            {tr(Msg::PpuOfCustomer)}
                        </A>
                    })}
                    <DataTable
                        id="order-resources"
                        test_id="order-resources-table"
                        label=Signal::derive(move || Msg::OrderResources.text(i18n.get()).to_string())
                        columns=resource_columns()
                        source=resource_source()
                        row_key=|r: &OrderInstanceV2| r.id.clone()
                        empty=Signal::stored(Empty::new(EmptyReason::NoData, Msg::NoResources))
                    />
                </div>
            </Show>
        </section>
    }
}
