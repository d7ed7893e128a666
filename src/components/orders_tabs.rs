//! The two views of S2 客户订单 › 订单资源明细: orders (O1) and a customer's pay-per-use
//! resources (O4), as links (each view has its own URL).

use crate::i18n::{tr, Msg};
use crate::routes::{ORDERS, ORDERS_PAY_PER_USE};
use leptos::prelude::*;

#[component]
pub fn OrdersTabs(
    /// The view shown: `ORDERS` or `ORDERS_PAY_PER_USE`.
    current: &'static str,
) -> impl IntoView {
    let tab = move |path: &'static str, label: Msg, test_id: &'static str| {
        view! {
            <a
                class="tab"
                href=crate::routes::href(path)
                data-testid=test_id
                aria-current=(current == path).then_some("page")
            >
                {tr(label)}
            </a>
        }
    };
    view! {
        <nav class="tabs page-tabs" aria-label=tr(Msg::OrdersTitle)>
            {tab(ORDERS, Msg::OrdersTabOrders, "tab-orders")}
            {tab(ORDERS_PAY_PER_USE, Msg::OrdersTabPayPerUse, "tab-pay-per-use")}
        </nav>
    }
}
