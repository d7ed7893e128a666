//! 激励明细详情 / Incentive detail: one period's amount, consumption, fees, products and other
//! information, its feedback (问题反馈, 反馈详情) and the bill decision (确认账单).

mod bill;
mod feedback;
mod sections;

use crate::api::use_api;
use crate::components::incentive_labels::{bill_msg, status_msg, tag, IncentiveError};
use crate::components::remote::use_remote;
use crate::format;
use crate::i18n::{tr, use_i18n, Msg};
use crate::routes::INCENTIVES;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use partner_api::incentives::model::{IncentiveDetail, ShowIncentiveRequest};

#[component]
pub fn IncentiveDetailPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let detail = use_remote(move || {
        let request = ShowIncentiveRequest { incentive_id: id.get() };
        async move { api.call(&request).await }
    });
    // Bumped after feedback is sent: the thread reloads.
    let thread_version = RwSignal::new(0u32);
    let loaded = Memo::new(move |_| detail.data.with(|d| d.is_some()));

    let facts = move || {
        detail.data.with(|d| {
            d.as_ref().map(|d: &IncentiveDetail| {
                let l = i18n.get();
                let i = &d.incentive;
                let when = |t: Option<partner_api::time::Instant>| t.as_ref().map(format::date_time).unwrap_or_else(|| "—".into());
                view! {
                    <div class="card facts" data-testid="incentive-facts">
                        <h2 class="card-title">{Msg::InColAmount.text(l)}</h2>
                        <dl>
                            <dt>{Msg::InColPeriod.text(l)}</dt><dd data-testid="fact-period">{i.period.clone()}</dd>
                            <dt>{Msg::InColPolicy.text(l)}</dt><dd>{i.policy_name.clone()}</dd>
                            <dt>{Msg::InColAmount.text(l)}</dt><dd class="num" data-testid="fact-amount">{format::money(&i.incentive_amount, &i.currency)}</dd>
                            <dt>{Msg::InColConsumption.text(l)}</dt><dd class="num">{format::money(&i.consumption_amount, &i.currency)}</dd>
                            <dt>{Msg::InColStatus.text(l)}</dt><dd data-testid="fact-status">{tag(&i.status, status_msg(&i.status), l)}</dd>
                            <dt>{Msg::InColBill.text(l)}</dt><dd data-testid="fact-bill">{tag(&i.bill_status, bill_msg(&i.bill_status), l)}</dd>
                            <dt>{Msg::InBillConfirmTime.text(l)}</dt><dd>{when(i.bill_confirm_time)}</dd>
                            <dt>{Msg::InBillRejectReason.text(l)}</dt><dd data-testid="fact-reject-reason">{i.bill_reject_reason.clone().unwrap_or_else(|| "—".into())}</dd>
                        </dl>
                    </div>
                }
            })
        })
    };

    view! {
        <section class="page" data-testid="page-incentive-detail">
            <A href=move || crate::routes::href(INCENTIVES) attr:class="back-link" attr:data-testid="back-to-list">{tr(Msg::BackToList)}</A>
            <h1 class="page-title" data-testid="incentive-title">{tr(Msg::InDetailTitle)}" "{move || detail.data.with(|d| d.as_ref().map(|d| d.incentive.period.clone()))}</h1>
            {move || (detail.loading.get() && !loaded.get()).then(|| view! { <p class="muted" data-testid="incentive-loading">{tr(Msg::Loading)}</p> })}
            {move || detail.error.get().map(|e| view! { <IncentiveError error=e on_retry=Callback::new(move |_| detail.reload()) /> })}
            {facts}
            {move || loaded.get().then(|| view! {
                <bill::BillCard detail=detail.data on_changed=Callback::new(move |_| detail.reload()) />
                <sections::Sections detail=detail.data />
                <feedback::FeedbackCard detail=detail.data on_sent=Callback::new(move |_| { thread_version.update(|v| *v += 1); detail.reload(); }) />
                <feedback::Thread id=id version=thread_version />
            })}
        </section>
    }
}
