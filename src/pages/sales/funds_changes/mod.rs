//! S11 账户变动记录 / Account changes: A5 on the shared list — the partner's cash or credit
//! account, every move with its balance after (allocations, reclaims, balance payments…).

mod filters;

use crate::api::use_api;
use crate::components::filters::{DateRangeFilter, SelectFilter};
use crate::components::funds_labels::{detail_text, trade_text};
use crate::components::list_page::{Draft, List, ListPage, ListUrl, SIZES};
use crate::components::page_tabs::{PageTabs, FUNDS_TABS};
use crate::components::table::{paged, Column, Mask};
use crate::i18n::{tr, use_i18n, FdChangesTotal, Msg};
use crate::routes::CUSTOMER_FUNDS_CHANGES;
use filters::ChangeFilters;
use leptos::prelude::*;
use partner_api::accounts::records::AccountChangeRecord;
use partner_api::accounts::{balance_type, trade_type};

type C = Column<AccountChangeRecord>;

fn columns() -> Vec<Column<AccountChangeRecord>> {
    vec![
        C::date_time("time", Msg::FdTradeTime, |r| Some(r.trade_time)).width(140),
        C::text("detail", Msg::FdTradeDetail, |r, l| detail_text(&r.trade_detail_type, l)).width(200),
        C::text("direction", Msg::FdDirection, |r, l| {
            if r.is_income() { Msg::FdIncome } else { Msg::FdExpense }.text(l).to_string()
        })
        .width(80),
        C::money("change", Msg::FdChange, |r| Some((r.change_amount, "CNY"))).width(130),
        C::money("after", Msg::FdBalanceAfter, |r| Some((r.balance_after_change, "CNY"))).width(150),
        C::text("customer", Msg::CustomerId, |r, _| r.customer_id.clone().unwrap_or_default())
            .masked(Mask::Id)
            .copyable()
            .width(150),
        C::text("trade", Msg::FdTradeId, |r, _| r.trade_id.clone()).copyable().width(180),
        C::text("id", Msg::FdTransId, |r, _| r.account_change_id.clone()).width(180).hidden(),
    ]
}

#[component]
pub fn FundsChangesPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let url = ListUrl::<ChangeFilters>::new(CUSTOMER_FUNDS_CHANGES, SIZES, &[]);
    let accounts = Signal::derive(move || {
        let l = i18n.get();
        vec![(balance_type::CREDIT.to_string(), Msg::FdBalanceCredit.text(l).to_string())]
    });
    let trades = Signal::derive(move || {
        let l = i18n.get();
        trade_type::ALL.iter().map(|c| (c.to_string(), trade_text(c, l))).collect::<Vec<_>>()
    });
    let bar = move |d: Draft<ChangeFilters>| {
        type F = ChangeFilters;
        view! {
            <div class="filter-row">
                <SelectFilter label=Msg::FdBalanceType options=accounts selected=d.bind(F::account()) test_id="filter-account" all_label=Msg::FdBalanceDebit />
                <SelectFilter label=Msg::FdTradeType options=trades selected=d.bind(F::trade_type()) test_id="filter-trade" />
                <DateRangeFilter label=Msg::FdTradeTime from=d.bind(F::from()) to=d.bind(F::to()) problem=d.check(F::range) test_id="filter-time" />
            </div>
            <p class="muted filter-hint">{tr(Msg::FdChangesRangeHint)}</p>
        }
        .into_any()
    };
    let list = List::new(url, "funds-changes", "funds-changes-table", Msg::FdTabChanges, move |f: ChangeFilters| {
        paged(&api, f.to_request())
    })
    .form_id("funds-change-filters")
    .bar(bar)
    .check(ChangeFilters::range)
    .columns(columns, |r: &AccountChangeRecord| r.account_change_id.clone())
    .empty(Msg::FdChangesEmpty, Msg::FdChangesEmptyFiltered)
    .total(FdChangesTotal::of);
    view! {
        <section class="page" data-testid="page-funds-changes">
            <h1 class="page-title">{tr(Msg::FdNav)}</h1>
            <PageTabs tabs=FUNDS_TABS current=CUSTOMER_FUNDS_CHANGES />
            <ListPage list=list />
        </section>
    }
}
