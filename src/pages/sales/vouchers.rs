//! S6 回收代金券 / S7: issued vouchers and cash coupons (V3) with single and bulk reclaim (V4).

pub const PATH: &str = "/sales/vouchers";

use leptos::prelude::*;

#[component]
pub fn VouchersPage() -> impl IntoView {
    view! { <section class="page" data-testid="page-vouchers"></section> }
}
