//! S10 余额支付 / Balance payment: the partner's accounts (R2) and the customers' orders pending
//! payment (O1, status 6) on the shared list; "Pay" opens one order's payment
//! (`pages/sales/pay_order`).

mod filters;

use crate::api::use_api;
use crate::components::codes::service_name;
use crate::components::error_notice::ErrorNotice;
use crate::components::filters::{DateRangeFilter, TextFilter};
use crate::components::list_page::{Draft, List, ListPage, ListUrl, SIZES};
use crate::components::remote::use_remote;
use crate::components::table::{paged, Column, Mask, RowAction};
use crate::format;
use crate::i18n::{tr, use_i18n, Msg, PayPendingTotal};
use crate::routes::{BALANCE_PAYMENT, BALANCE_PAYMENT_PAY};
use filters::{PendingFilters, DEFAULT_SORT, SORT_KEY};
use leptos::prelude::*;
use partner_api::accounts::account_type;
use partner_api::accounts::balances::ListPartnerBalancesRequest;
use partner_api::orders::CustomerOrderV2;
use partner_api::payment::rules::Funds;

fn pay_href(r: &CustomerOrderV2) -> String {
    format!("{BALANCE_PAYMENT_PAY}?order={}", js_sys::encode_uri_component(&r.order_id))
}

type C = Column<CustomerOrderV2>;

fn columns() -> Vec<Column<CustomerOrderV2>> {
    vec![
        C::text("order", Msg::ColOrderId, |r, _| r.order_id.clone()).width(175).copyable(),
        C::text("customer", Msg::CustomerId, |r, _| r.customer_id.clone().unwrap_or_default())
            .masked(Mask::Id)
            .copyable()
            .width(150),
        C::text("service", Msg::ColService, |r, l| {
            service_name(r.service_type_code.as_deref(), r.service_type_name.as_deref(), l)
        })
        .width(140),
        C::money("due", Msg::PayAmountDue, |r| {
            r.amount_after_discount.map(|a| (a, r.currency.as_deref().unwrap_or("CNY")))
        })
        .width(130),
        C::date_time("created", Msg::ColCreated, |r| r.create_time).sort(SORT_KEY).width(140),
    ]
}

/// The partner's accounts, in one line above the list.
#[component]
fn Funds() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let r2 = use_remote(move || async move { api.call(&ListPartnerBalancesRequest::default()).await });
    move || {
        let l = i18n.get();
        if let Some(e) = r2.error.get() {
            return view! { <ErrorNotice error=e on_retry=Callback::new(move |_| r2.reload()) /> }.into_any();
        }
        r2.data.with(|d| {
            d.as_ref().map(|r| {
                let f = Funds::of(r);
                let currency = r.account(account_type::CASH).map(|a| a.currency.clone()).unwrap_or_else(|| "CNY".into());
                let m = |a: partner_api::Amount| format::money(&a, &currency);
                view! {
                    <div class="card funds-strip" data-testid="pay-funds">
                        <span class="muted">{Msg::PayCash.text(l)}</span><strong class="num" data-testid="funds-cash">{m(f.cash)}</strong>
                        <span class="muted">{Msg::PayCredit.text(l)}</span><strong class="num" data-testid="funds-credit">{m(f.credit)}</strong>
                        <span class="muted">{Msg::PayFundsTotal.text(l)}</span><strong class="num" data-testid="funds-total">{m(f.total())}</strong>
                    </div>
                }
                .into_any()
            })
        })
        .unwrap_or_else(|| view! { <p class="muted">{Msg::Loading.text(l)}</p> }.into_any())
    }
}

#[component]
pub fn BalancePaymentPage() -> impl IntoView {
    let api = use_api();
    let url = ListUrl::<PendingFilters>::new(BALANCE_PAYMENT, SIZES, DEFAULT_SORT);
    let bar = |d: Draft<PendingFilters>| {
        type F = PendingFilters;
        view! {
            <div class="filter-row">
                <TextFilter label=Msg::ColOrderId placeholder=Msg::FilterOrderIdPlaceholder value=d.bind(F::order_id()) test_id="filter-order" />
                <TextFilter label=Msg::CustomerId placeholder=Msg::FilterCustomerIdPlaceholder value=d.bind(F::customer_id()) test_id="filter-customer" />
                <DateRangeFilter label=Msg::ColCreated from=d.bind(F::from()) to=d.bind(F::to()) problem=d.check(F::range) test_id="filter-created" />
            </div>
        }
        .into_any()
    };
    let list =
        List::new(url, "pending-orders", "pending-orders-table", Msg::PayPendingTable, move |f: PendingFilters| {
            paged(&api, f.to_request())
        })
        .form_id("pending-filters")
        .bar(bar)
        .check(PendingFilters::range)
        .columns(columns, |r: &CustomerOrderV2| r.order_id.clone())
        .row_actions(vec![RowAction::link("pay", Msg::PayAction, pay_href)])
        .empty(Msg::PayEmpty, Msg::PayEmptyFiltered)
        .total(PayPendingTotal::of);
    view! {
        <section class="page" data-testid="page-balance-payment">
            <h1 class="page-title">{tr(Msg::PayNav)}</h1>
            <p class="page-intro">{tr(Msg::PayIntro)}</p>
            <Funds />
            <ListPage list=list />
        </section>
    }
}
