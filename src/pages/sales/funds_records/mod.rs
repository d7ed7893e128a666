//! S11 调账记录 / Adjustment records: A3 on the shared list (allocations, reclaims and the
//! reclaims unbinding caused), filtered by customer, kind, time and transaction, exportable.

mod filters;

use crate::api::use_api;
use crate::components::filters::{DateRangeFilter, SelectFilter, TextFilter};
use crate::components::funds_labels::operation_text;
use crate::components::list_page::{Draft, List, ListPage, ListUrl, SIZES};
use crate::components::page_tabs::{PageTabs, FUNDS_TABS};
use crate::components::table::{paged, Column, Mask};
use crate::i18n::{tr, use_i18n, FdRecordsTotal, Msg};
use crate::routes::CUSTOMER_FUNDS_RECORDS;
use filters::RecordFilters;
use leptos::prelude::*;
use partner_api::accounts::operation_type;
use partner_api::accounts::records::AdjustRecord;

type C = Column<AdjustRecord>;

fn columns() -> Vec<Column<AdjustRecord>> {
    vec![
        C::date_time("time", Msg::QtOperationTime, |r| Some(r.operation_time)).width(140),
        C::text("customer", Msg::CustomerId, |r, _| r.customer_id.clone()).masked(Mask::Id).copyable().width(150),
        C::text("name", Msg::PjColCustomer, |r, _| r.customer_name.clone().unwrap_or_default()).width(180),
        C::text("operation", Msg::FdOperation, |r, l| operation_text(&r.operation_type, l)).width(120),
        C::money("amount", Msg::Amount, |r| Some((r.amount, r.currency.as_str()))).width(130),
        C::text("trans", Msg::FdTransId, |r, _| r.trans_id.clone()).copyable().width(190),
        C::text("memo", Msg::Remark, |r, _| r.memo.clone().unwrap_or_default()).width(140).hidden(),
    ]
}

#[component]
pub fn FundsRecordsPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let url = ListUrl::<RecordFilters>::new(CUSTOMER_FUNDS_RECORDS, SIZES, &[]);
    let kinds = Signal::derive(move || {
        let l = i18n.get();
        operation_type::ALL.iter().map(|c| (c.to_string(), operation_text(c, l))).collect::<Vec<_>>()
    });
    let bar = move |d: Draft<RecordFilters>| {
        type F = RecordFilters;
        view! {
            <div class="filter-row">
                <TextFilter label=Msg::CustomerId placeholder=Msg::FilterCustomerIdPlaceholder value=d.bind(F::customer_id()) test_id="filter-customer" />
                <SelectFilter label=Msg::FdOperation options=kinds selected=d.bind(F::operation()) test_id="filter-operation" />
                <TextFilter label=Msg::FdTransId placeholder=Msg::FdTransIdPlaceholder value=d.bind(F::trans_id()) test_id="filter-trans" />
                <DateRangeFilter label=Msg::QtOperationTime from=d.bind(F::from()) to=d.bind(F::to()) problem=d.check(F::range) test_id="filter-time" />
            </div>
        }
        .into_any()
    };
    let list = List::new(url, "funds-records", "funds-records-table", Msg::FdTabRecords, move |f: RecordFilters| {
        paged(&api, f.to_request())
    })
    .form_id("funds-record-filters")
    .bar(bar)
    .check(RecordFilters::range)
    .columns(columns, |r: &AdjustRecord| r.trans_id.clone())
    .empty(Msg::FdRecordsEmpty, Msg::FdRecordsEmptyFiltered)
    .total(FdRecordsTotal::of);
    view! {
        <section class="page" data-testid="page-funds-records">
            <h1 class="page-title">{tr(Msg::FdNav)}</h1>
            <PageTabs tabs=FUNDS_TABS current=CUSTOMER_FUNDS_RECORDS />
            <ListPage list=list />
        </section>
    }
}
