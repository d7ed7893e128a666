//! S12 为云商店商品订单调价 / KooGallery pricing (严选 only, docs/contracts/koogallery.md): the
//! marketplace orders of the customers the person sees on the shared list — pending payment by
//! default, any status on request — and per pending row "Change price" in a dialog
//! (`price_dialog.rs`, driven by `repricer.rs`). A partner that is not 严选 is told why by the
//! gate instead. The records are the other tab (`koogallery_records`).

mod filters;
mod labels;
mod price_dialog;
mod repricer;

use crate::api::{server_clock, use_api};
use crate::components::filters::{DateRangeFilter, SelectFilter, TextFilter};
use crate::components::koogallery_gate::KooGalleryGate;
use crate::components::list_page::{Draft, List, ListPage, ListUrl, SIZES};
use crate::components::page_tabs::{PageTabs, KOOGALLERY_TABS};
use crate::components::table::{paged, Column, Mask, RowAction};
use crate::i18n::{tr, use_i18n, Msg, OrdersTotal};
use crate::routes::{KOOGALLERY, KOOGALLERY_RECORDS};
use filters::{OrderFilters, ANY_STATUS};
use labels::{status_class, status_text};
use leptos::prelude::*;
use partner_api::koogallery::{effective_status, status, MarketplaceOrder};
use price_dialog::PriceDialog;
use repricer::Repricer;

type C = Column<MarketplaceOrder>;

/// Pending payment at the server's now (a lapsed order is closed even before a reload).
fn repriceable(o: &MarketplaceOrder) -> bool {
    effective_status(&o.status, o.expire_time, server_clock::now()) == status::PENDING_PAYMENT
}

/// Pending, lapsing within a day: the pay-by time is marked.
fn lapses_soon(o: &MarketplaceOrder) -> bool {
    let now = server_clock::now();
    repriceable(o) && o.expire_time.is_some_and(|t| t - now < chrono::Duration::hours(24))
}

fn records_href(o: &MarketplaceOrder) -> String {
    format!("{KOOGALLERY_RECORDS}?order={}", partner_api::query::encode_component(&o.order_id))
}

fn columns() -> Vec<C> {
    vec![
        C::text("order", Msg::ColOrderId, |r, _| r.order_id.clone()).copyable().width(120),
        C::text("customer", Msg::ColCustomer, |r, _| r.customer_name.clone()).width(190),
        C::text("customer-id", Msg::CustomerId, |r, _| r.customer_id.clone()).masked(Mask::Id).copyable().width(150).hidden(),
        C::text("product", Msg::KgColProduct, |r, _| r.product_name.clone()).width(170),
        C::text("spec", Msg::KgColSpec, |r, _| r.spec_desc.clone()).width(170),
        C::text("seller", Msg::KgColSeller, |r, _| r.seller_name.clone()).width(180).hidden(),
        C::money("original", Msg::KgColOriginal, |r| Some((r.original_amount, r.currency.as_str()))).width(120),
        C::money("price", Msg::KgColPrice, |r| Some((r.amount, r.currency.as_str()))).width(120),
        C::text("status", Msg::Status, |r, l| status_text(&r.status, l))
            .view(|r, l| {
                view! { <span class=status_class(&r.status) data-testid="cell-status" data-status=r.status.clone()>{status_text(&r.status, l)}</span> }
                    .into_any()
            })
            .width(100),
        C::date_time("created", Msg::KgColCreated, |r| Some(r.created_time)).width(140),
        C::date_time("expire", Msg::KgColExpire, |r| r.expire_time)
            .view(|r, l| {
                let at = r.expire_time.map(|t| crate::format::date_time(&t)).unwrap_or_default();
                let soon = lapses_soon(r);
                view! {
                    <span data-testid="cell-expire" data-soon=soon.to_string()>{at}</span>
                    {soon.then(|| view! { " " <span class="tag tag-negotiation">{Msg::KgLapsesSoon.text(l)}</span> })}
                }
                .into_any()
            })
            .width(170),
        C::number("adjusted", Msg::KgColAdjustedTimes, |r| Some(f64::from(r.adjusted_times))).width(90),
        C::date_time("last-adjusted", Msg::KgColLastAdjusted, |r| r.last_adjusted_time).width(140).hidden(),
    ]
}

#[component]
pub fn KooGalleryPage() -> impl IntoView {
    view! {
        <section class="page" data-testid="page-koogallery">
            <h1 class="page-title">{tr(Msg::KgNav)}</h1>
            <PageTabs tabs=KOOGALLERY_TABS current=KOOGALLERY />
            <p class="page-intro">{tr(Msg::KgIntro)}</p>
            <KooGalleryGate>
                <Orders />
            </KooGalleryGate>
        </section>
    }
}

#[component]
fn Orders() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    // Bumped after a change, so the list is read again.
    let version = RwSignal::new(0u32);
    let repricing = RwSignal::new(None::<Repricer>);
    let url = ListUrl::<OrderFilters>::new(KOOGALLERY, SIZES, &[]);
    let statuses = Signal::derive(move || {
        let l = i18n.get();
        let mut out = vec![(ANY_STATUS.to_string(), Msg::KgAllStatuses.text(l).to_string())];
        out.extend(
            [status::PAID, status::CANCELLED, status::CLOSED].iter().map(|s| (s.to_string(), status_text(s, l))),
        );
        out
    });
    let bar = move |d: Draft<OrderFilters>| {
        type F = OrderFilters;
        view! {
            <div class="filter-row">
                <TextFilter label=Msg::ColOrderId placeholder=Msg::KgOrderIdPlaceholder value=d.bind(F::order_id()) test_id="filter-order" />
                <TextFilter label=Msg::CustomerId placeholder=Msg::FilterCustomerIdPlaceholder value=d.bind(F::customer_id()) test_id="filter-customer" />
                <SelectFilter label=Msg::Status options=statuses selected=d.bind(F::status()) all_label=Msg::KgStatusPending test_id="filter-status" />
                <DateRangeFilter label=Msg::KgColCreated from=d.bind(F::from()) to=d.bind(F::to()) problem=d.check(F::range) test_id="filter-created" />
            </div>
        }
        .into_any()
    };
    let done = Callback::new(move |_| version.update(|v| *v += 1));
    let list =
        List::new(url, "koogallery-orders", "koogallery-orders-table", Msg::KgTabOrders, move |f: OrderFilters| {
            version.track();
            paged(&api, f.to_request())
        })
        .form_id("koogallery-order-filters")
        .bar(bar)
        .check(OrderFilters::range)
        .columns(columns, |r: &MarketplaceOrder| r.order_id.clone())
        .row_actions(vec![
            RowAction::button("reprice", Msg::KgAdjust, move |o: MarketplaceOrder| {
                repricing.set(Some(Repricer::new(o, done)))
            })
            .only_when(repriceable),
            RowAction::link("price-records", Msg::KgTabRecords, records_href)
                .only_when(|o: &MarketplaceOrder| o.adjusted_times > 0),
        ])
        .empty(Msg::KgOrdersEmpty, Msg::KgOrdersEmptyFiltered)
        .total(OrdersTotal::of);
    let dialog = move || {
        repricing
            .get()
            .map(|r| view! { <PriceDialog repricer=r on_close=Callback::new(move |_| repricing.set(None)) /> })
    };
    view! {
        <ListPage list=list />
        {dialog}
    }
}
