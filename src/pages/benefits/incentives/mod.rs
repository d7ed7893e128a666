//! B3 激励明细 / Incentive details: the monthly incentive of each reconciliation period, with
//! its review and bill states; filters in the URL, export from the table, a period opens its
//! detail (amounts, consumption, fees, products, feedback, bill confirmation).

mod filters;

use crate::api::use_api;
use crate::components::filters::SelectFilter;
use crate::components::incentive_labels::{bill_msg, status_msg, tag};
use crate::components::list_page::{Draft, List, ListPage, ListUrl, SIZES};
use crate::components::table::{paged, Column, RowAction};
use crate::i18n::{tr, use_i18n, Msg};
use crate::routes::{INCENTIVES, INCENTIVE_DETAIL};
use filters::IncentiveFilters;
use leptos::prelude::*;
use partner_api::incentives::model::{bill_status, status, Incentive};

/// The period's detail page.
pub fn detail_href(r: &Incentive) -> String {
    INCENTIVE_DETAIL.replace(":id", &partner_api::query::encode_component(&r.incentive_id))
}

type C = Column<Incentive>;

fn columns() -> Vec<Column<Incentive>> {
    vec![
        C::text("period", Msg::InColPeriod, |r, _| r.period.clone()).width(130).view(|r, _| {
            let href = crate::routes::href(&detail_href(r));
            view! { <a class="cell-title" href=href data-testid="incentive-link">{r.period.clone()}</a> }.into_any()
        }),
        C::text("policy", Msg::InColPolicy, |r, _| r.policy_name.clone()).width(190),
        C::text("status", Msg::InColStatus, |r, l| status_msg(&r.status).text(l).into())
            .view(|r, l| tag(&r.status, status_msg(&r.status), l))
            .width(150),
        C::text("bill", Msg::InColBill, |r, l| bill_msg(&r.bill_status).text(l).into())
            .view(|r, l| tag(&r.bill_status, bill_msg(&r.bill_status), l))
            .width(110),
        C::money("amount", Msg::InColAmount, |r| Some((r.incentive_amount, r.currency.as_str()))).width(140),
        C::money("consumption", Msg::InColConsumption, |r| Some((r.consumption_amount, r.currency.as_str())))
            .width(160),
        C::number("feedback", Msg::InColFeedback, |r| Some(f64::from(r.feedback_count))).width(100),
        C::date_time("updated", Msg::InColUpdated, |r| Some(r.update_time)).width(150),
    ]
}

#[component]
pub fn IncentivesPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let url = ListUrl::<IncentiveFilters>::new(INCENTIVES, SIZES, &[]);
    let choices = move |values: &'static [&'static str], label: fn(&str) -> Msg| {
        Signal::derive(move || {
            let l = i18n.get();
            values.iter().map(|v| (v.to_string(), label(v).text(l).to_string())).collect::<Vec<_>>()
        })
    };
    // The seeded years and the current one; the API takes any month range.
    let years = Signal::derive(move || {
        let now = partner_api::incentives::period::Period::of(&crate::format::now()).year;
        (now - 2..=now).rev().map(|y| (y.to_string(), y.to_string())).collect::<Vec<_>>()
    });
    let bar = move |d: Draft<IncentiveFilters>| {
        type F = IncentiveFilters;
        view! {
            <div class="filter-row">
                <SelectFilter label=Msg::InFilterYear options=years selected=d.bind(F::year()) test_id="filter-year" />
                <SelectFilter label=Msg::InColStatus options=choices(status::ALL, status_msg) selected=d.bind(F::status()) test_id="filter-status" />
                <SelectFilter label=Msg::InColBill options=choices(bill_status::ALL, bill_msg) selected=d.bind(F::bill()) test_id="filter-bill" />
            </div>
        }
        .into_any()
    };
    let list = List::new(url, "incentives", "incentives-table", Msg::InTitle, move |f: IncentiveFilters| {
        paged(&api, f.to_request())
    })
    .form_id("incentive-filters")
    .bar(bar)
    .columns(columns, |r: &Incentive| r.incentive_id.clone())
    .row_actions(vec![RowAction::link("details", Msg::ViewDetails, detail_href)])
    .empty(Msg::InEmpty, Msg::InEmptyFiltered)
    .total(crate::i18n::InTotal::of);

    view! {
        <section class="page" data-testid="page-incentives">
            <h1 class="page-title">{tr(Msg::InTitle)}</h1>
            <p class="page-intro">{tr(Msg::InIntro)}</p>
            <ListPage list=list />
        </section>
    }
}
