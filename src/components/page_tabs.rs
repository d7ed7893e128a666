//! A page's views as tabs: links (each view has its own URL), the current one marked.

use crate::i18n::{tr, Msg};
use crate::routes::{
    CUSTOMER_FUNDS, CUSTOMER_FUNDS_BATCH, CUSTOMER_FUNDS_CHANGES, CUSTOMER_FUNDS_RECORDS, KOOGALLERY,
    KOOGALLERY_RECORDS, ORDERS, ORDERS_PAY_PER_USE,
};
use leptos::prelude::*;

/// One tab: its path, label and test id.
pub type Tab = (&'static str, Msg, &'static str);

/// S2 客户订单 › 订单资源明细: orders (O1) and a customer's pay-per-use resources (O4).
pub const ORDERS_TABS: (Msg, &[Tab]) = (
    Msg::OrdersTitle,
    &[(ORDERS, Msg::OrdersTabOrders, "tab-orders"), (ORDERS_PAY_PER_USE, Msg::OrdersTabPayPerUse, "tab-pay-per-use")],
);

/// S11 为客户调账: customers' balances, a batch adjustment, the adjustment records (A3), the
/// account's changes (A5).
pub const FUNDS_TABS: (Msg, &[Tab]) = (
    Msg::FdNav,
    &[
        (CUSTOMER_FUNDS, Msg::FdTabBalances, "tab-funds-balances"),
        (CUSTOMER_FUNDS_BATCH, Msg::FdTabBatch, "tab-funds-batch"),
        (CUSTOMER_FUNDS_RECORDS, Msg::FdTabRecords, "tab-funds-records"),
        (CUSTOMER_FUNDS_CHANGES, Msg::FdTabChanges, "tab-funds-changes"),
    ],
);

/// S12 云商店调价: the marketplace orders and the price-change records.
pub const KOOGALLERY_TABS: (Msg, &[Tab]) = (
    Msg::KgNav,
    &[
        (KOOGALLERY, Msg::KgTabOrders, "tab-koogallery-orders"),
        (KOOGALLERY_RECORDS, Msg::KgTabRecords, "tab-koogallery-records"),
    ],
);

#[component]
pub fn PageTabs(
    /// The group's name and its tabs (`ORDERS_TABS`, `FUNDS_TABS`).
    tabs: (Msg, &'static [Tab]),
    /// The path of the view shown.
    current: &'static str,
) -> impl IntoView {
    let (label, tabs) = tabs;
    view! {
        <nav class="tabs page-tabs" aria-label=tr(label)>
            {tabs
                .iter()
                .map(|&(path, label, test_id)| view! {
                    <a
                        class="tab"
                        href=crate::routes::href(path)
                        data-testid=test_id
                        aria-current=(current == path).then_some("page")
                    >
                        {tr(label)}
                    </a>
                })
                .collect_view()}
        </nav>
    }
}
