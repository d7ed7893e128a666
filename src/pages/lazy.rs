//! Every page but the shell, sign-in and the overview is a lazily loaded route: its code is split
//! out of the main wasm into its own chunk (shared code into shared chunks) by `wasm-split-cli` in
//! the build (xtask/post-build.mjs), and fetched on first navigation. This keeps the first load
//! small however many pages the console grows. A new page needs a line here and a
//! `Lazy::<lazy::Name>` route in app.rs; a plain route works too, but stays in the main module.

use crate::pages::{dev, sales};
use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

/// `Name => module, PageComponent;` becomes a unit `LazyRoute` with no route data. Each chunk is named
/// after its type (`__name_View`), so routes made by this macro never clash.
macro_rules! lazy_pages {
    ($($route:ident => $($module:ident)::+, $page:ident;)*) => {$(
        pub struct $route;
        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }
            fn view(_this: Self) -> AnyView {
                use $($module)::+::$page;
                view! { <$page /> }.into_any()
            }
        }
    )*};
}

lazy_pages! {
    Customers => sales::customers, CustomersPage;
    CustomerDetail => sales::customer_detail, CustomerDetailPage;
    Orders => sales::orders, OrdersPage;
    PayPerUse => sales::pay_per_use, PayPerUsePage;
    OrderDetail => sales::order_detail, OrderDetailPage;
    Whitelist => sales::whitelist, WhitelistPage;
    WhitelistImport => sales::whitelist_import, WhitelistImportPage;
    IssueVouchers => sales::issue_vouchers, IssueVouchersPage;
    Vouchers => sales::vouchers, VouchersPage;
    Quotas => sales::quotas, QuotasPage;
    QuotaRecords => sales::quota_records, QuotaRecordsPage;
    TableDemo => dev::table_demo, TableDemoPage;
}
