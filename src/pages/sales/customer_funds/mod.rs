//! S11 为客户调账 / Customer funds: the partner's cash (R2) and what it may allocate, the resale
//! customers (C1, 代售) with their balances (A4) on the shared list, and per row "Allocate" (A1)
//! or "Reclaim" (A2) in a dialog (`dialog.rs`, driven by `adjuster.rs`). The records are the
//! two other tabs (`funds_records`, `funds_changes`).

mod adjuster;
mod dialog;
mod filters;

use crate::api::{use_api, Api};
use crate::components::error_notice::ErrorNotice;
use crate::components::filters::TextFilter;
use crate::components::list_page::{Draft, List, ListPage, ListUrl, SIZES};
use crate::components::page_tabs::{PageTabs, FUNDS_TABS};
use crate::components::remote::use_remote;
use crate::components::table::{loader, Column, Loader, Mask, RowAction, Rows};
use crate::format;
use crate::i18n::{tr, use_i18n, FdCustomersTotal, Msg};
use crate::routes::CUSTOMER_FUNDS;
use adjuster::{Adjuster, Target};
use dialog::AdjustDialog;
use filters::FundsFilters;
use leptos::prelude::*;
use partner_api::accounts::account_type;
use partner_api::accounts::balances::{
    CustomerBalance, ListCustomersBalancesDetailRequest, ListPartnerBalancesRequest,
};
use partner_api::accounts::batch::Direction;
use partner_api::customers::CustomerInformation;
use partner_api::Amount;

/// A resale customer and their balance (A4 leaves out customers without an account).
#[derive(Debug, Clone, PartialEq)]
pub struct FundsRow {
    pub customer: CustomerInformation,
    pub balance: Option<CustomerBalance>,
}

type C = Column<FundsRow>;

fn columns() -> Vec<Column<FundsRow>> {
    vec![
        C::text("name", Msg::PjColCustomer, |r, _| r.customer.customer.clone().unwrap_or_default()).width(200),
        C::text("customer", Msg::CustomerId, |r, _| r.customer.customer_id.clone())
            .masked(Mask::Id)
            .copyable()
            .width(150),
        C::text("account", Msg::Account, |r, _| r.customer.account_name.clone()).masked(Mask::Sensitive).width(170),
        C::money("balance", Msg::FdBalance, |r| r.balance.as_ref().map(|b| (b.amount, b.currency.as_str()))).width(140),
        C::money("debt", Msg::FdDebt, |r| r.balance.as_ref().map(|b| (b.debt_amount, b.currency.as_str()))).width(120),
    ]
}

/// One page of resale customers (C1), then their balances (A4) in one call.
fn load(api: Api, filters: FundsFilters) -> Loader<FundsRow> {
    let request = filters.to_request();
    loader(move |slice| {
        let request = request.clone();
        async move {
            let page = api.page(&request, &slice).await?;
            if page.rows.is_empty() {
                return Ok(Rows { rows: vec![], total: page.total });
            }
            let ids: Vec<String> = page.rows.iter().map(|c| c.customer_id.clone()).collect();
            let balances = api.call(&ListCustomersBalancesDetailRequest::of(ids)).await?.customer_balances;
            let rows = page
                .rows
                .into_iter()
                .map(|customer| {
                    let balance = balances.iter().find(|b| b.customer_id == customer.customer_id).cloned();
                    FundsRow { customer, balance }
                })
                .collect();
            Ok(Rows { rows, total: page.total })
        }
    })
}

#[component]
pub fn CustomerFundsPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    // Bumped after an adjustment, so the list and the partner's funds are read again.
    let version = RwSignal::new(0u32);
    let r2 = use_remote(move || {
        version.track();
        async move { api.call(&ListPartnerBalancesRequest::default()).await }
    });
    let allocatable = Signal::derive(move || r2.data.with(|d| d.as_ref().map(|r| r.allocatable())));
    let adjusting = RwSignal::new(None::<Adjuster>);
    let open = move |row: FundsRow, direction: Direction| {
        let target = Target {
            customer_id: row.customer.customer_id.clone(),
            name: row.customer.customer.clone().unwrap_or_else(|| row.customer.account_name.clone()),
            direction,
            balance: row.balance.as_ref().map(|b| b.amount),
            currency: row.balance.as_ref().map(|b| b.currency.clone()).unwrap_or_else(|| "CNY".into()),
        };
        adjusting.set(Some(Adjuster::new(target, Callback::new(move |_| version.update(|v| *v += 1)))));
    };
    let url = ListUrl::<FundsFilters>::new(CUSTOMER_FUNDS, SIZES, &[]);
    let bar = |d: Draft<FundsFilters>| {
        type F = FundsFilters;
        view! {
            <div class="filter-row">
                <TextFilter label=Msg::CustomerId placeholder=Msg::FilterCustomerIdPlaceholder value=d.bind(F::customer_id()) test_id="filter-customer" />
                <TextFilter label=Msg::PjColCustomer placeholder=Msg::PjColCustomer value=d.bind(F::name()) test_id="filter-name" />
                <TextFilter label=Msg::Account placeholder=Msg::Account value=d.bind(F::account()) test_id="filter-account" />
            </div>
        }
        .into_any()
    };
    let list =
        List::new(url, "customer-funds", "customer-funds-table", Msg::FdCustomersTable, move |f: FundsFilters| {
            version.track();
            load(api, f)
        })
        .form_id("funds-filters")
        .bar(bar)
        .columns(columns, |r: &FundsRow| r.customer.customer_id.clone())
        .row_actions(vec![
            RowAction::button("allocate", Msg::FdAllocate, move |r| open(r, Direction::Allocate)),
            RowAction::button("reclaim", Msg::Reclaim, move |r| open(r, Direction::Reclaim))
                .only_when(|r: &FundsRow| r.balance.as_ref().is_some_and(|b| b.amount.is_positive())),
        ])
        .empty(Msg::FdEmpty, Msg::FdEmptyFiltered)
        .total(FdCustomersTotal::of);

    let funds = move || {
        let l = i18n.get();
        if let Some(e) = r2.error.get() {
            return view! { <ErrorNotice error=e on_retry=Callback::new(move |_| r2.reload()) /> }.into_any();
        }
        r2.data.with(|d| {
            d.as_ref().map(|r| {
                let cash = r.account(account_type::CASH);
                let currency = cash.map(|a| a.currency.clone()).unwrap_or_else(|| "CNY".into());
                let m = |a: Amount| format::money(&a, &currency);
                let amount = cash.map(|a| a.amount).unwrap_or_default();
                let designated = cash.and_then(|a| a.designated_amount).unwrap_or_default();
                view! {
                    <div class="card funds-strip" data-testid="funds-strip">
                        <span class="muted">{Msg::FdCash.text(l)}</span><strong class="num" data-testid="funds-cash">{m(amount)}</strong>
                        <span class="muted">{Msg::FdDesignated.text(l)}</span><strong class="num" data-testid="funds-designated">{m(designated)}</strong>
                        <span class="muted">{Msg::FdAllocatable.text(l)}</span><strong class="num" data-testid="funds-allocatable">{m(r.allocatable())}</strong>
                    </div>
                }
                .into_any()
            })
        })
        .unwrap_or_else(|| view! { <p class="muted">{Msg::Loading.text(l)}</p> }.into_any())
    };
    let dialog = move || {
        adjusting.get().map(
            |a| view! { <AdjustDialog adjuster=a allocatable on_close=Callback::new(move |_| adjusting.set(None)) /> },
        )
    };
    view! {
        <section class="page" data-testid="page-customer-funds">
            <h1 class="page-title">{tr(Msg::FdNav)}</h1>
            <PageTabs tabs=FUNDS_TABS current=CUSTOMER_FUNDS />
            <p class="page-intro">{tr(Msg::FdIntro)}</p>
            {funds}
            <ListPage list=list />
            {dialog}
        </section>
    }
}
