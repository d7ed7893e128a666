//! B4 季度付款申请 / Quarterly payment application: each quarter with its months' states, the
//! final amount and the payment state. "Apply for payment" is enabled only when the contract's
//! rule (`why_payment_refused`, as of the server's `as_of`) allows it; otherwise the reason is
//! shown beside it. The server applies the same rule and its refusal codes are explained.

use crate::api::profile::use_profile;
use crate::api::use_api;
use crate::components::incentive_labels::{payment_msg, refusal_msg, status_msg, tag, IncentiveError};
use crate::components::remote::use_remote;
use crate::format;
use crate::i18n::{tr, use_i18n, InApplied, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::incentives::payment::{
    why_payment_refused, ApplyPaymentRequest, ListQuartersRequest, PaymentApplication, QuarterSummary,
};
use partner_api::profile::role;
use partner_api::time::Instant;
use partner_api::ApiError;

#[derive(Clone)]
enum Outcome {
    Applied(PaymentApplication),
    Failed(ApiError),
}

#[component]
pub fn QuarterlyPaymentPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let profile = use_profile();
    let quarters = use_remote(move || async move { api.call(&ListQuartersRequest::default()).await });
    // The quarter being applied for (buttons are disabled meanwhile), and each quarter's outcome.
    let sending = RwSignal::new(None::<String>);
    let outcomes = RwSignal::new(Vec::<(String, Outcome)>::new());
    let is_admin = Memo::new(move |_| profile.role().as_deref() == Some(role::ADMIN));

    let apply = move |quarter: String| {
        if sending.get_untracked().is_some() {
            return;
        }
        sending.set(Some(quarter.clone()));
        spawn_local(async move {
            let result = api.call(&ApplyPaymentRequest { quarter: quarter.clone() }).await;
            let outcome = match result {
                Ok(a) => Outcome::Applied(a),
                Err(e) => Outcome::Failed(e),
            };
            outcomes.try_update(|o| {
                o.retain(|(q, _)| *q != quarter);
                o.push((quarter, outcome));
            });
            sending.try_set(None);
            quarters.reload();
        });
    };

    let card = move |q: QuarterSummary, as_of: Instant| {
        let l = i18n.get();
        let reason = why_payment_refused(&q, as_of);
        let name = q.quarter.clone();
        let outcome = outcomes.with(|o| o.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone()));
        let busy_name = name.clone();
        let click_name = name.clone();
        let blocked = reason.is_some() || !is_admin.get();
        view! {
            <div class="card quarter-card" data-testid="quarter" data-quarter=name.clone() data-payment=q.payment_status.clone()>
                <div class="quarter-head">
                    <h2 class="card-title">{name.clone()}</h2>
                    {tag(&q.payment_status, payment_msg(&q.payment_status), l)}
                </div>
                <dl class="quarter-months">
                    {q.months.iter().map(|m| view! {
                        <dt>{m.period.clone()}</dt>
                        <dd data-testid="quarter-month" data-period=m.period.clone()>
                            {match &m.status {
                                Some(s) => tag(s, status_msg(s), l),
                                None => view! { <span class="muted">{Msg::InNoIncentive.text(l)}</span> }.into_any(),
                            }}
                        </dd>
                    }).collect_view()}
                </dl>
                <p>{Msg::InFinalAmount.text(l)}": "<span class="num" data-testid="quarter-amount">{format::money(&q.final_amount, &q.currency)}</span></p>
                <div class="form-actions">
                    <button type="button" class="button primary" data-testid="apply-payment"
                        disabled=move || blocked || sending.get().is_some_and(|s| s == busy_name)
                        on:click=move |_| apply(click_name.clone())>
                        {Msg::InApply.text(l)}
                    </button>
                    {reason.map(|r| view! { <span class="muted why-not" data-testid="apply-reason" data-code=r.code()>{refusal_msg(r).text(l)}</span> })}
                    {(reason.is_none() && !is_admin.get()).then(|| view! { <span class="muted why-not" data-testid="apply-admin-only">{Msg::InOnlyAdmin.text(l)}</span> })}
                </div>
                {outcome.map(|o| match o {
                    Outcome::Applied(a) => view! {
                        <div class="notice notice-success" role="status" data-testid="apply-done">{InApplied { id: &a.application_id }.text(l)}</div>
                    }.into_any(),
                    Outcome::Failed(e) => view! { <IncentiveError error=e /> }.into_any(),
                })}
            </div>
        }
    };

    view! {
        <section class="page" data-testid="page-quarterly-payment">
            <h1 class="page-title">{tr(Msg::InPayTitle)}</h1>
            <p class="page-intro">{tr(Msg::InPayIntro)}</p>
            {move || (quarters.loading.get() && quarters.data.with(Option::is_none)).then(|| view! { <p class="muted" data-testid="quarters-loading">{tr(Msg::Loading)}</p> })}
            {move || quarters.error.get().map(|e| view! { <IncentiveError error=e on_retry=Callback::new(move |_| quarters.reload()) /> })}
            {move || quarters.data.get().map(|r| {
                if r.quarters.is_empty() {
                    return view! { <p class="muted" data-testid="quarters-empty">{tr(Msg::InEmptyQuarters)}</p> }.into_any();
                }
                let as_of = r.as_of;
                view! { <div class="quarter-list">{r.quarters.into_iter().map(|q| card(q, as_of)).collect_view()}</div> }.into_any()
            })}
        </section>
    }
}
