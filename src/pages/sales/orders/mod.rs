//! S2 客户订单 › 订单资源明细 / Customer orders › Order resource details: the orders of every
//! customer the person may see (O1), with the documented filters; an order opens with its
//! items (O2) and resources (O3). Filters, sort and page live in the URL.

mod filters;

use crate::api::profile::use_profile;
use crate::api::use_api;
use crate::components::codes::{code_tag, code_text, service_name};
use crate::components::filters::{use_resellers, DateRangeFilter, SelectFilter, TextFilter};
use crate::components::list_page::{start_first_page, Draft, List, ListPage, ListUrl, SIZES};
use crate::components::table::{paged, Column, Mask, RowAction};
use crate::i18n::{code_label, codes_of, tr, use_i18n, CodeKind, Msg, OrdersTotal};
use crate::routes::ORDERS;
use filters::{OrderFilters, DEFAULT_SORT, SORT_KEY};
use leptos::prelude::*;
use leptos_router::params::ParamsMap;
use partner_api::orders::{order_status, CustomerOrderV2};

/// The order's page; the list's own query travels along for "Back to list".
pub fn order_href(r: &CustomerOrderV2) -> String {
    let back = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    format!(
        "{ORDERS}/{}?customer={}&from={}",
        partner_api::opportunities::encode_path_segment(&r.order_id),
        js_sys::encode_uri_component(r.customer_id.as_deref().unwrap_or_default()),
        js_sys::encode_uri_component(&format!("{ORDERS}{back}"))
    )
}

/// O1's first page, sent while the page's code downloads (registry).
pub fn first_request(api: crate::api::Api, query: &ParamsMap) {
    start_first_page(api, query, SIZES, DEFAULT_SORT, |f: &OrderFilters| Some(f.to_request()));
}

type C = Column<CustomerOrderV2>;

fn columns() -> Vec<Column<CustomerOrderV2>> {
    vec![
        C::text("order", Msg::ColOrderId, |r, _| r.order_id.clone()).width(175).copyable().view(|r, _| {
            let href = crate::routes::href(&order_href(r));
            view! { <a class="cell-title" href=href data-testid="order-link">{r.order_id.clone()}</a> }.into_any()
        }),
        C::text("customer", Msg::CustomerId, |r, _| r.customer_id.clone().unwrap_or_default())
            .masked(Mask::Id)
            .copyable()
            .width(150),
        C::text("service", Msg::ColService, |r, l| {
            service_name(r.service_type_code.as_deref(), r.service_type_name.as_deref(), l)
        })
        .width(130),
        C::text("type", Msg::ColOrderType, |r, l| code_text(CodeKind::OrderType, r.order_type, l))
            .view(|r, l| code_tag(CodeKind::OrderType, r.order_type, l))
            .width(140),
        C::text("status", Msg::ColOrderStatus, |r, l| code_text(CodeKind::OrderStatus, r.status, l))
            .view(|r, l| code_tag(CodeKind::OrderStatus, r.status, l))
            .width(130),
        C::money("official", Msg::ColOfficialAmount, |r| {
            r.official_amount.map(|a| (a, r.currency.as_deref().unwrap_or("CNY")))
        })
        .width(120)
        .hidden(),
        C::money("paid", Msg::ColPaidAmount, |r| {
            r.amount_after_discount.map(|a| (a, r.currency.as_deref().unwrap_or("CNY")))
        })
        .width(110),
        C::date_time("created", Msg::ColCreated, |r| r.create_time).sort(SORT_KEY).desc_first().width(130),
        C::date_time("paid-at", Msg::ColPaymentTime, |r| r.payment_time).width(130).hidden(),
    ]
}

#[component]
pub fn OrdersPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let url = ListUrl::<OrderFilters>::new(ORDERS, SIZES, DEFAULT_SORT);
    // Only a distributor's admin gets rows for a reseller. O1 without one lists the partner's
    // own customers' orders, not the resellers' (unlike the customer list), so the empty choice
    // says so rather than "All".
    let profile = use_profile();
    let sees_resellers = Memo::new(move |_| profile.sees_reseller_customers());
    let options = move |kind: CodeKind, only: Option<&'static [i32]>| {
        Signal::derive(move || {
            let l = i18n.get();
            codes_of(kind)
                .into_iter()
                .filter(|c| only.is_none_or(|o| c.parse::<i32>().is_ok_and(|n| o.contains(&n))))
                .map(|c| (c.to_string(), code_label(kind, c, l)))
                .collect::<Vec<_>>()
        })
    };
    let bar = move |d: Draft<OrderFilters>| {
        type F = OrderFilters;
        view! {
            <div class="filter-row">
                <TextFilter label=Msg::ColOrderId placeholder=Msg::FilterOrderIdPlaceholder value=d.bind(F::order_id()) test_id="filter-order" />
                <TextFilter label=Msg::CustomerId placeholder=Msg::FilterCustomerIdPlaceholder value=d.bind(F::customer_id()) test_id="filter-customer" />
                <SelectFilter label=Msg::ColOrderStatus options=options(CodeKind::OrderStatus, Some(order_status::FILTERABLE)) selected=d.bind(F::status()) test_id="filter-status" />
                <SelectFilter label=Msg::ColOrderType options=options(CodeKind::OrderType, None) selected=d.bind(F::order_type()) test_id="filter-type" />
                <SelectFilter label=Msg::ColService options=options(CodeKind::ServiceType, None) selected=d.bind(F::service_type()) test_id="filter-service" />
                <DateRangeFilter label=Msg::ColCreated from=d.bind(F::from()) to=d.bind(F::to()) problem=d.check(F::range) test_id="filter-created" />
                {move || sees_resellers.get().then(|| view! {
                    <SelectFilter label=Msg::ColReseller options=use_resellers() selected=d.bind(F::reseller()) test_id="filter-reseller" all_label=Msg::ResellerOwnOnly />
                })}
            </div>
        }
        .into_any()
    };
    let list =
        List::new(url, "orders", "orders-table", Msg::OrdersTitle, move |f: OrderFilters| paged(&api, f.to_request()))
            .form_id("order-filters")
            .bar(bar)
            .check(OrderFilters::range)
            .columns(columns, |r: &CustomerOrderV2| r.order_id.clone())
            .row_actions(vec![RowAction::link("details", Msg::ViewDetails, order_href).keyboard_only()])
            .empty(Msg::EmptyOrders, Msg::EmptyOrdersFiltered)
            .total(OrdersTotal::of);

    view! {
        <section class="page" data-testid="page-orders">
            <h1 class="page-title">{tr(Msg::OrdersTitle)}</h1>
            <crate::components::page_tabs::PageTabs tabs=crate::components::page_tabs::ORDERS_TABS current=ORDERS />
            <p class="page-intro">{tr(Msg::OrdersIntro)}</p>
            <ListPage list=list />
        </section>
    }
}
