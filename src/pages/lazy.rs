//! Every page but the shell, sign-in and the overview is a lazily loaded route: its code is split
//! out of the main wasm into its own chunk (shared code into shared chunks) by `wasm-split-cli` in
//! the build (xtask/post-build.mjs), and fetched on first navigation. This keeps the first load
//! small however many pages the console grows. Each route is written out by hand, not by a macro:
//! `#[lazy_route]` names its chunk after the source location, so macro-generated ones would clash.

use crate::pages::{dev, sales};
use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

pub struct Customers;
#[lazy_route]
impl LazyRoute for Customers {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <sales::customers::CustomersPage /> }.into_any()
    }
}

pub struct CustomerDetail;
#[lazy_route]
impl LazyRoute for CustomerDetail {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <sales::customer_detail::CustomerDetailPage /> }.into_any()
    }
}

pub struct Orders;
#[lazy_route]
impl LazyRoute for Orders {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <sales::orders::OrdersPage /> }.into_any()
    }
}

pub struct PayPerUse;
#[lazy_route]
impl LazyRoute for PayPerUse {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <sales::pay_per_use::PayPerUsePage /> }.into_any()
    }
}

pub struct OrderDetail;
#[lazy_route]
impl LazyRoute for OrderDetail {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <sales::order_detail::OrderDetailPage /> }.into_any()
    }
}

pub struct Whitelist;
#[lazy_route]
impl LazyRoute for Whitelist {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <sales::whitelist::WhitelistPage /> }.into_any()
    }
}

pub struct WhitelistImport;
#[lazy_route]
impl LazyRoute for WhitelistImport {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <sales::whitelist_import::WhitelistImportPage /> }.into_any()
    }
}

pub struct IssueVouchers;
#[lazy_route]
impl LazyRoute for IssueVouchers {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <sales::vouchers_issue::IssueVouchersPage /> }.into_any()
    }
}

pub struct Vouchers;
#[lazy_route]
impl LazyRoute for Vouchers {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <sales::vouchers::VouchersPage /> }.into_any()
    }
}

pub struct Quotas;
#[lazy_route]
impl LazyRoute for Quotas {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <sales::quotas::QuotasPage /> }.into_any()
    }
}

pub struct QuotaRecords;
#[lazy_route]
impl LazyRoute for QuotaRecords {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <sales::quota_records::QuotaRecordsPage /> }.into_any()
    }
}

pub struct TableDemo;
#[lazy_route]
impl LazyRoute for TableDemo {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <dev::table_demo::TableDemoPage /> }.into_any()
    }
}
