//! S2 客户订单 › 订单资源明细 / Customer orders › Order resource details: the orders of every
//! customer the person may see (O1), with the documented filters; an order opens with its
//! items (O2) and resources (O3). Filters, sort and page live in the URL.

mod filters;

use crate::api::{use_api, use_auth};
use crate::components::codes::{code_tag, code_text, service_name};
use crate::components::filters::{DateRangeFilter, SelectFilter, TextFilter};
use crate::components::table::url_view::use_url_view;
use crate::components::table::{paged, Column, DataTable, Empty, EmptyReason, Mask, RowAction, Source};
use crate::i18n::{code_label, codes_of, tr, use_i18n, CodeKind, Msg};
use crate::routes::ORDERS;
use filters::{OrderFilters, RangeProblem, PAGE_SIZES, SORT_KEY};
use leptos::prelude::*;
use partner_api::orders::{order_status, CustomerOrderV2};
use partner_api::profile::partner_type;

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

type C = Column<CustomerOrderV2>;

fn columns() -> Vec<Column<CustomerOrderV2>> {
    vec![
        C::text("order", Msg::ColOrderId, |r, _| r.order_id.clone()).width(200).copyable().view(|r, _| {
            let href = crate::routes::href(&order_href(r));
            view! { <a class="cell-title" href=href data-testid="order-link">{r.order_id.clone()}</a> }.into_any()
        }),
        C::text("customer", Msg::CustomerId, |r, _| r.customer_id.clone().unwrap_or_default())
            .masked(Mask::Id)
            .copyable()
            .width(170),
        C::text("service", Msg::ColService, |r, l| {
            service_name(r.service_type_code.as_deref(), r.service_type_name.as_deref(), l)
        })
        .width(150),
        C::text("type", Msg::ColOrderType, |r, l| code_text(CodeKind::OrderType, r.order_type, l))
            .view(|r, l| code_tag(CodeKind::OrderType, r.order_type, l))
            .width(130),
        C::text("status", Msg::ColOrderStatus, |r, l| code_text(CodeKind::OrderStatus, r.status, l))
            .view(|r, l| code_tag(CodeKind::OrderStatus, r.status, l))
            .width(110),
        C::money("official", Msg::ColOfficialAmount, |r| {
            r.official_amount.map(|a| (a, r.currency.as_deref().unwrap_or("CNY")))
        })
        .width(140),
        C::money("paid", Msg::ColPaidAmount, |r| {
            r.amount_after_discount.map(|a| (a, r.currency.as_deref().unwrap_or("CNY")))
        })
        .width(140),
        C::date_time("created", Msg::ColCreated, |r| r.create_time).sort(SORT_KEY).desc_first().width(150),
        C::date_time("paid-at", Msg::ColPaymentTime, |r| r.payment_time).width(150),
    ]
}

#[component]
pub fn OrdersPage() -> impl IntoView {
    let api = use_api();
    let auth = use_auth();
    let i18n = use_i18n();
    let url = use_url_view::<OrderFilters>(ORDERS, PAGE_SIZES);
    let (current, applied) = (url.current, url.applied);
    let is_distributor = Memo::new(move |_| {
        auth.profile.with(|p| p.as_ref().is_some_and(|p| p.partner_type == partner_type::DISTRIBUTOR))
    });
    let resellers = Signal::derive(move || {
        auth.profile.with(|p| {
            p.as_ref()
                .map(|p| p.indirect_partners.iter().map(|r| (r.indirect_partner_id.clone(), r.name.clone())).collect())
                .unwrap_or_default()
        })
    });
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

    // The filter bar edits a draft that follows the URL's filters.
    let order_id = RwSignal::new(String::new());
    let customer_id = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let order_type = RwSignal::new(String::new());
    let service = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let reseller = RwSignal::new(String::new());
    Effect::new(move |_| {
        let f = applied.get();
        order_id.set(f.order_id);
        customer_id.set(f.customer_id);
        status.set(f.status);
        order_type.set(f.order_type);
        service.set(f.service_type);
        from.set(f.from);
        to.set(f.to);
        reseller.set(f.reseller);
    });
    let range_problem = Memo::new(move |_| OrderFilters::range_problem(&from.get(), &to.get()));
    let range_invalid = Signal::derive(move || range_problem.get().is_some());
    let range_message = Signal::derive(move || match range_problem.get() {
        Some(RangeProblem::TooLong) => Msg::DateRangeTooLong,
        _ => Msg::DateRangeInvalid,
    });

    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if range_invalid.get_untracked() {
            return;
        }
        url.search(OrderFilters {
            order_id: order_id.get_untracked().trim().to_string(),
            customer_id: customer_id.get_untracked().trim().to_string(),
            status: status.get_untracked(),
            order_type: order_type.get_untracked(),
            service_type: service.get_untracked(),
            from: from.get_untracked(),
            to: to.get_untracked(),
            reseller: reseller.get_untracked(),
            ..Default::default()
        });
    };
    let reset = move |_| url.go.run(OrderFilters { size: current.get_untracked().size, page: 1, ..Default::default() });

    let source = Source::server(url.table, move || paged(&api, applied.get().to_request()));

    let clear =
        Callback::new(move |_| url.go.run(OrderFilters { size: current.get_untracked().size, ..Default::default() }));
    let empty = Signal::derive(move || {
        if current.with(OrderFilters::has_filters) {
            Empty::new(EmptyReason::Filtered, Msg::EmptyOrdersFiltered).action(Msg::ClearFilters, clear)
        } else {
            Empty::new(EmptyReason::NoData, Msg::EmptyOrders)
        }
    });

    view! {
        <section class="page" data-testid="page-orders">
            <h1 class="page-title">{tr(Msg::OrdersTitle)}</h1>
            <crate::components::orders_tabs::OrdersTabs current=ORDERS />
            <p class="page-intro">{tr(Msg::OrdersIntro)}</p>
            <form class="filter-bar card" data-testid="order-filters" on:submit=search>
                <div class="filter-row">
                    <TextFilter label=Msg::ColOrderId placeholder=Msg::FilterOrderIdPlaceholder value=order_id test_id="filter-order" />
                    <TextFilter label=Msg::CustomerId placeholder=Msg::FilterCustomerIdPlaceholder value=customer_id test_id="filter-customer" />
                    <SelectFilter label=Msg::ColOrderStatus options=options(CodeKind::OrderStatus, Some(order_status::FILTERABLE)) selected=status test_id="filter-status" />
                    <SelectFilter label=Msg::ColOrderType options=options(CodeKind::OrderType, None) selected=order_type test_id="filter-type" />
                    <SelectFilter label=Msg::ColService options=options(CodeKind::ServiceType, None) selected=service test_id="filter-service" />
                    <DateRangeFilter label=Msg::ColCreated from=from to=to invalid=range_invalid problem=range_message test_id="filter-created" />
                    {move || is_distributor.get().then(|| view! {
                        <SelectFilter label=Msg::ColReseller options=resellers selected=reseller test_id="filter-reseller" />
                    })}
                </div>
                <div class="filter-actions">
                    <button class="button primary" type="submit" data-testid="filter-search">{tr(Msg::Search)}</button>
                    <button class="button" type="button" data-testid="filter-reset" on:click=reset>{tr(Msg::Reset)}</button>
                </div>
            </form>
            <div class="card table-card">
                <DataTable
                    id="orders"
                    test_id="orders-table"
                    label=Signal::derive(move || Msg::OrdersTitle.text(i18n.get()).to_string())
                    columns=columns()
                    source=source
                    row_key=|r: &CustomerOrderV2| r.order_id.clone()
                    row_actions=vec![RowAction::link("details", Msg::ViewDetails, order_href).keyboard_only()]
                    empty=empty
                    total_label=Msg::OrdersTotal
                />
            </div>
        </section>
    }
}
