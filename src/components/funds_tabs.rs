//! The three views of S11 为客户调账: customers' balances, the adjustment records (A3) and the
//! partner account's changes (A5), as links (each view has its own URL).

use crate::i18n::{tr, Msg};
use crate::routes::{CUSTOMER_FUNDS, CUSTOMER_FUNDS_CHANGES, CUSTOMER_FUNDS_RECORDS};
use leptos::prelude::*;

#[component]
pub fn FundsTabs(
    /// The view shown: one of the three paths.
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
        <nav class="tabs page-tabs" aria-label=tr(Msg::FdNav)>
            {tab(CUSTOMER_FUNDS, Msg::FdTabBalances, "tab-funds-balances")}
            {tab(CUSTOMER_FUNDS_RECORDS, Msg::FdTabRecords, "tab-funds-records")}
            {tab(CUSTOMER_FUNDS_CHANGES, Msg::FdTabChanges, "tab-funds-changes")}
        </nav>
    }
}
