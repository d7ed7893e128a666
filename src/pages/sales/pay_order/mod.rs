//! S10 余额支付 › 支付订单 / Pay an order (`?order=<order_id>`): the order (O2), the partner's
//! accounts (R2), acting for the customer (X2 assume_role), the coupons and discount that apply
//! (O5, O6), the total with the balance before and after, a confirmation, and O7 — sent once,
//! with a lost answer read back from the order's status before anything else is offered.

mod choose;
mod controller;
mod facts;
mod state;
mod steps;

use crate::i18n::{tr, use_i18n, Msg, PayOrderOf};
use crate::routes::BALANCE_PAYMENT;
use controller::Payment;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PayOrderPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let order_id = query.with_untracked(|q| q.get("order").unwrap_or_default());
    let pay = Payment::new(order_id.clone());
    let title = move || PayOrderOf { id: &pay.order_id.get_value() }.text(i18n.get());
    view! {
        <section class="page" data-testid="page-pay-order">
            <A href=move || crate::routes::href(BALANCE_PAYMENT) attr:class="back-link" attr:data-testid="back-to-list">{tr(Msg::PayBack)}</A>
            <h1 class="page-title" data-testid="pay-title">{title}</h1>
            <div class="pay-layout">
                <div class="pay-main">
                    <facts::OrderFacts pay />
                    <steps::Step pay />
                </div>
                <aside class="pay-side">
                    <facts::FundsCard pay />
                </aside>
            </div>
        </section>
    }
}
