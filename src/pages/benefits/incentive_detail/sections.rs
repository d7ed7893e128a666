//! The detail's figures: consumption (消费信息), fees (费用信息), products (产品信息) and other
//! information (其他信息), as plain tables (a few rows each, no paging).

use crate::components::codes::service_name;
use crate::format;
use crate::i18n::{use_i18n, Msg};
use leptos::prelude::*;
use partner_api::incentives::model::{fee_type, IncentiveDetail};

fn fee_msg(t: &str) -> Msg {
    match t {
        fee_type::BASE => Msg::InFeeBase,
        fee_type::GROWTH => Msg::InFeeGrowth,
        _ => Msg::InFeeDeduction,
    }
}

#[component]
pub fn Sections(detail: RwSignal<Option<IncentiveDetail>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let l = i18n.get();
        detail.with(|d| {
            let d = d.as_ref()?;
            let cur = d.incentive.currency.clone();
            let money = move |a: &partner_api::Amount| format::money(a, &cur);
            let when = |t: Option<partner_api::time::Instant>| t.as_ref().map(format::date_time).unwrap_or_else(|| "—".into());
            let th = |m: Msg| view! { <th scope="col">{m.text(l)}</th> };
            let th_num = |m: Msg| view! { <th scope="col" class="num">{m.text(l)}</th> };
            Some(view! {
                <div class="card" data-testid="incentive-consumption">
                    <h2 class="card-title">{Msg::InConsumptionSection.text(l)}</h2>
                    <table class="plain-table">
                        <thead><tr>{th(Msg::ColService)}{th_num(Msg::CustomerCount)}{th_num(Msg::InColConsumption)}</tr></thead>
                        <tbody>
                            {d.consumption.iter().map(|c| view! {
                                <tr>
                                    <td>{service_name(Some(&c.service_type_code), Some(&c.service_type_name), l)}</td>
                                    <td class="num">{c.customer_count}</td>
                                    <td class="num">{money(&c.consumption_amount)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <div class="card" data-testid="incentive-fees">
                    <h2 class="card-title">{Msg::InFeesSection.text(l)}</h2>
                    <table class="plain-table">
                        <thead><tr>{th(Msg::InFeeType)}{th_num(Msg::Amount)}</tr></thead>
                        <tbody>
                            {d.fees.iter().map(|f| view! {
                                <tr data-fee=f.fee_type.clone()><td>{fee_msg(&f.fee_type).text(l)}</td><td class="num">{money(&f.amount)}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <div class="card" data-testid="incentive-products">
                    <h2 class="card-title">{Msg::InProductsSection.text(l)}</h2>
                    <table class="plain-table">
                        <thead><tr>{th(Msg::ColProduct)}{th(Msg::ColService)}{th_num(Msg::InColConsumption)}{th_num(Msg::InRate)}{th_num(Msg::InColAmount)}</tr></thead>
                        <tbody>
                            {d.products.iter().map(|p| view! {
                                <tr>
                                    <td>{p.product_name.clone()}</td>
                                    <td>{service_name(Some(&p.service_type_code), None, l)}</td>
                                    <td class="num">{money(&p.consumption_amount)}</td>
                                    <td class="num">{format!("{}%", p.rate_percent.round2().grouped())}</td>
                                    <td class="num">{money(&p.incentive_amount)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <div class="card facts" data-testid="incentive-other">
                    <h2 class="card-title">{Msg::InOtherSection.text(l)}</h2>
                    <dl>
                        <dt>{Msg::InSettlement.text(l)}</dt><dd>{d.other.settlement_entity.clone()}</dd>
                        <dt>{Msg::InContract.text(l)}</dt><dd>{d.other.contract_no.clone()}</dd>
                        <dt>{Msg::InReviewRemark.text(l)}</dt><dd>{d.other.review_remark.clone().unwrap_or_else(|| "—".into())}</dd>
                        <dt>{Msg::InReviewTime.text(l)}</dt><dd>{when(d.other.review_time)}</dd>
                        <dt>{Msg::InFinalTime.text(l)}</dt><dd>{when(d.other.final_time)}</dd>
                    </dl>
                </div>
            })
        })
    }
}
