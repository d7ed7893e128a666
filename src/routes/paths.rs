//! Every URL of the console, one line each. Dependency-free on purpose: besides the app, xtask
//! compiles this file (`#[path]`) to learn the route directories the build writes loader copies
//! into (xtask/src/route_dirs.rs), so routes are never found by a regex over the source.
//! A `:param` may only be a path's last segment (the build fails otherwise); `*rest` matches the rest.

macro_rules! paths {
    ($($(#[$doc:meta])* $name:ident = $path:literal;)*) => {
        $($(#[$doc])* pub const $name: &str = $path;)*
        /// Every path above, in declaration order.
        #[allow(dead_code)]
        pub const ALL: &[&str] = &[$($path),*];
    };
}

paths! {
    SIGN_IN = "/signin";
    HOME = "/";
    CUSTOMERS = "/sales/customers";
    CUSTOMER_DETAIL = "/sales/customers/:id";
    ORDERS = "/sales/orders";
    /// S2's second view: a customer's pay-per-use resources (O4).
    ORDERS_PAY_PER_USE = "/sales/orders/pay-per-use";
    ORDER_DETAIL = "/sales/orders/:id";
    WHITELIST = "/sales/whitelist";
    WHITELIST_IMPORT = "/sales/whitelist/import";
    ISSUE_VOUCHERS = "/sales/vouchers/issue";
    VOUCHERS = "/sales/vouchers";
    QUOTAS = "/sales/quotas";
    QUOTA_RECORDS = "/sales/quotas/records";
    /// S10 余额支付: the orders pending payment, and paying one (`?order=<order_id>`).
    BALANCE_PAYMENT = "/sales/balance-payment";
    BALANCE_PAYMENT_PAY = "/sales/balance-payment/pay";
    /// S11 为客户调账: resale customers' balances (allocate / reclaim), the adjustment records
    /// (A3) and the partner account's changes (A5).
    CUSTOMER_FUNDS = "/sales/customer-funds";
    CUSTOMER_FUNDS_RECORDS = "/sales/customer-funds/records";
    CUSTOMER_FUNDS_CHANGES = "/sales/customer-funds/changes";
    /// S11 batch adjustment: a list pasted or uploaded, reviewed, sent one row at a time.
    CUSTOMER_FUNDS_BATCH = "/sales/customer-funds/batch";
    /// S12 为云商店商品订单调价 (严选 only): the customers' marketplace orders (pending ones
    /// repriced in a dialog) and the price-change records.
    KOOGALLERY = "/sales/koogallery";
    KOOGALLERY_RECORDS = "/sales/koogallery/records";
    /// S13 association events (`?request=<customer_id>` opens the request dialog for it).
    ASSOCIATION_EVENTS = "/sales/association-events";
    /// B3 激励明细 and one period's detail; B4 季度付款申请.
    INCENTIVES = "/benefits/incentives";
    INCENTIVE_DETAIL = "/benefits/incentives/:id";
    QUARTERLY_PAYMENT = "/benefits/quarterly-payment";
    /// B1 专职人员激励 (FH), B2 能力提升激励 and its form, B5 发票.
    BENEFITS_FH = "/benefits/fh";
    BENEFITS_CAPABILITY = "/benefits/capability";
    BENEFITS_CAPABILITY_APPLY = "/benefits/capability/apply";
    BENEFITS_INVOICES = "/benefits/invoices";
    /// D1 项目跟踪 and its 申请验收 (`?project=<project_id>`).
    DELIVERY_PROJECTS = "/delivery/projects";
    DELIVERY_PROJECT_ACCEPT = "/delivery/projects/accept";
    /// Development only: the shared table with generated rows (not in the navigation).
    TABLE_DEMO = "/dev/table";
    /// Anything else inside the signed-in frame: the Not Found page.
    NOT_FOUND = "/*any";
}
