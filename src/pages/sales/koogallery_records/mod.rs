//! S12 调价记录 / Price changes: every change of the orders the person sees, newest first, on the
//! shared list (filtered by order, customer and time, exportable), with the change in percent
//! and who made it. Opened from an order's row with `?order=<order_id>`.

mod filters;

use crate::api::use_api;
use crate::components::filters::{DateRangeFilter, TextFilter};
use crate::components::koogallery_gate::KooGalleryGate;
use crate::components::list_page::{Draft, List, ListPage, ListUrl, SIZES};
use crate::components::page_tabs::{PageTabs, KOOGALLERY_TABS};
use crate::components::table::{paged, Column, Mask};
use crate::i18n::{tr, KgRecordsTotal, Msg};
use crate::routes::KOOGALLERY_RECORDS;
use filters::RecordFilters;
use leptos::prelude::*;
use partner_api::koogallery::rules::{percent_of_original, percent_text};
use partner_api::koogallery::PriceAdjustRecord;

type C = Column<PriceAdjustRecord>;

fn columns() -> Vec<C> {
    vec![
        C::date_time("time", Msg::QtOperationTime, |r| Some(r.operation_time)).width(140),
        C::text("order", Msg::ColOrderId, |r, _| r.order_id.clone()).copyable().width(120),
        C::text("customer", Msg::ColCustomer, |r, _| r.customer_name.clone()).width(190),
        C::text("customer-id", Msg::CustomerId, |r, _| r.customer_id.clone())
            .masked(Mask::Id)
            .copyable()
            .width(150)
            .hidden(),
        C::text("product", Msg::KgColProduct, |r, _| r.product_name.clone()).width(170),
        C::money("old", Msg::KgColOld, |r| Some((r.old_amount, r.currency.as_str()))).width(120),
        C::money("new", Msg::KgNewPrice, |r| Some((r.new_amount, r.currency.as_str()))).width(120),
        C::text("change", Msg::KgColChange, |r, _| {
            percent_of_original(r.old_amount, r.new_amount).map(percent_text).unwrap_or_default()
        })
        .width(100),
        C::text("reason", Msg::Reason, |r, _| r.reason.clone()).width(220),
        C::text("operator", Msg::QtOperator, |r, _| format!("{} ({})", r.operator_name, r.operator)).width(150),
        C::text("adjust", Msg::KgColAdjustId, |r, _| r.adjust_id.clone()).copyable().width(120).hidden(),
    ]
}

#[component]
pub fn KooGalleryRecordsPage() -> impl IntoView {
    view! {
        <section class="page" data-testid="page-koogallery-records">
            <h1 class="page-title">{tr(Msg::KgNav)}</h1>
            <PageTabs tabs=KOOGALLERY_TABS current=KOOGALLERY_RECORDS />
            <KooGalleryGate>
                <Records />
            </KooGalleryGate>
        </section>
    }
}

#[component]
fn Records() -> impl IntoView {
    let api = use_api();
    let url = ListUrl::<RecordFilters>::new(KOOGALLERY_RECORDS, SIZES, &[]);
    let bar = |d: Draft<RecordFilters>| {
        type F = RecordFilters;
        view! {
            <div class="filter-row">
                <TextFilter label=Msg::ColOrderId placeholder=Msg::KgOrderIdPlaceholder value=d.bind(F::order_id()) test_id="filter-order" />
                <TextFilter label=Msg::CustomerId placeholder=Msg::FilterCustomerIdPlaceholder value=d.bind(F::customer_id()) test_id="filter-customer" />
                <DateRangeFilter label=Msg::QtOperationTime from=d.bind(F::from()) to=d.bind(F::to()) problem=d.check(F::range) test_id="filter-time" />
            </div>
        }
        .into_any()
    };
    let list =
        List::new(url, "koogallery-records", "koogallery-records-table", Msg::KgTabRecords, move |f: RecordFilters| {
            paged(&api, f.to_request())
        })
        .form_id("koogallery-record-filters")
        .bar(bar)
        .check(RecordFilters::range)
        .columns(columns, |r: &PriceAdjustRecord| r.adjust_id.clone())
        .empty(Msg::KgRecordsEmpty, Msg::KgRecordsEmptyFiltered)
        .total(KgRecordsTotal::of);
    view! { <ListPage list=list /> }
}
