//! What the page shows beside the steps: the order being paid and the partner's accounts.

use super::controller::Payment;
use crate::components::codes::{code_tag, service_name};
use crate::components::error_notice::ErrorNotice;
use crate::format;
use crate::i18n::{tr, use_i18n, CodeKind, Msg};
use leptos::prelude::*;
use partner_api::payment::rules::Funds;

fn dash() -> String {
    "—".into()
}

#[component]
pub fn OrderFacts(pay: Payment) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        pay.order.get().map(|o| {
            let l = i18n.get();
            let currency = o.currency.clone().unwrap_or_else(|| "CNY".into());
            let customer = pay.agency.with(|a| a.as_ref().map(|a| a.customer_name.clone()));
            let customer_id = o.customer_id.clone().unwrap_or_default();
            view! {
                <div class="card facts" data-testid="pay-order-facts">
                    <h2 class="card-title">{Msg::PayOrderCard.text(l)}</h2>
                    <dl>
                        <dt>{Msg::ColOrderId.text(l)}</dt><dd data-testid="fact-order">{o.order_id.clone()}</dd>
                        <dt>{Msg::ColCustomer.text(l)}</dt>
                        <dd data-testid="fact-customer">{customer.unwrap_or_else(|| customer_id.clone())}" "<span class="muted">{customer_id.clone()}</span></dd>
                        <dt>{Msg::ColService.text(l)}</dt>
                        <dd>{service_name(o.service_type_code.as_deref(), o.service_type_name.as_deref(), l)}</dd>
                        <dt>{Msg::ColOrderStatus.text(l)}</dt><dd data-testid="fact-status" data-status=o.status.unwrap_or_default().to_string()>{code_tag(CodeKind::OrderStatus, o.status, l)}</dd>
                        <dt>{Msg::PayAmountDue.text(l)}</dt>
                        <dd class="num" data-testid="fact-amount">{o.amount_after_discount.map(|a| format::money(&a, &currency)).unwrap_or_else(dash)}</dd>
                        <dt>{Msg::PayDeadline.text(l)}</dt>
                        <dd data-testid="fact-deadline">{o.pending_payment_end_time.as_ref().map(format::date_time).unwrap_or_else(dash)}</dd>
                    </dl>
                </div>
            }
        })
    }
}

#[component]
pub fn FundsCard(pay: Payment) -> impl IntoView {
    let i18n = use_i18n();
    let body = move || {
        let l = i18n.get();
        let currency = pay.currency();
        match pay.funds.get() {
            None => view! { <p class="muted">{Msg::Loading.text(l)}</p> }.into_any(),
            Some(Err(e)) => view! {
                <p class="muted">{Msg::PayFundsUnknown.text(l)}</p>
                <ErrorNotice error=e on_retry=Callback::new(move |_| pay.load_funds()) />
            }
            .into_any(),
            Some(Ok(r)) => {
                let f = Funds::of(&r);
                let m = |a: partner_api::Amount| format::money(&a, &currency);
                view! {
                    <dl>
                        <dt>{Msg::PayCash.text(l)}</dt><dd class="num" data-testid="funds-cash">{m(f.cash)}</dd>
                        <dt>{Msg::PayCredit.text(l)}</dt><dd class="num" data-testid="funds-credit">{m(f.credit)}</dd>
                        <dt>{Msg::PayFundsTotal.text(l)}</dt><dd class="num strong" data-testid="funds-total">{m(f.total())}</dd>
                    </dl>
                }
                .into_any()
            }
        }
    };
    view! {
        <div class="card facts" data-testid="pay-funds">
            <h2 class="card-title">{tr(Msg::PayFundsCard)}</h2>
            {body}
        </div>
    }
}
