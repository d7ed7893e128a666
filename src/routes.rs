//! The console's navigation: areas and the pages built so far. Only built pages appear, so
//! nothing links to a page that does not exist.

use crate::i18n::Msg;

pub struct NavItem {
    pub path: &'static str,
    pub label: Msg,
    pub test_id: &'static str,
}

pub struct NavArea {
    pub label: Msg,
    pub items: &'static [NavItem],
}

pub const CUSTOMERS: &str = "/sales/customers";
pub const ORDERS: &str = "/sales/orders";
/// S2's second view: a customer's pay-per-use resources (O4).
pub const ORDERS_PAY_PER_USE: &str = "/sales/orders/pay-per-use";
pub const ISSUE_VOUCHERS: &str = "/sales/vouchers/issue";
pub const VOUCHERS: &str = "/sales/vouchers";
pub const WHITELIST: &str = "/sales/whitelist";
pub const QUOTAS: &str = "/sales/quotas";
pub const QUOTA_RECORDS: &str = "/sales/quotas/records";
pub const WHITELIST_IMPORT: &str = "/sales/whitelist/import";

/// Vouchers, quotas and the whitelist are not for service partners (their API answers 403).
pub fn hidden_for(path: &str, partner_type: &str) -> bool {
    partner_type == partner_api::profile::partner_type::SERVICE_PARTNER
        && ["/sales/vouchers", "/sales/whitelist", "/sales/quotas"].iter().any(|p| path.starts_with(p))
}

pub const AREAS: &[NavArea] = &[
    NavArea { label: Msg::NavHome, items: &[NavItem { path: "/", label: Msg::NavOverview, test_id: "nav-home" }] },
    NavArea {
        label: Msg::NavSales,
        items: &[
            NavItem { path: CUSTOMERS, label: Msg::NavCustomers, test_id: "nav-customers" },
            NavItem { path: ORDERS, label: Msg::NavOrders, test_id: "nav-orders" },
            NavItem { path: ISSUE_VOUCHERS, label: Msg::NavIssueVouchers, test_id: "nav-issue-vouchers" },
            NavItem { path: VOUCHERS, label: Msg::NavReclaimVouchers, test_id: "nav-vouchers" },
            NavItem { path: WHITELIST, label: Msg::NavWhitelist, test_id: "nav-whitelist" },
            NavItem { path: QUOTAS, label: Msg::NavQuotas, test_id: "nav-quotas" },
        ],
    },
    NavArea { label: Msg::NavBenefits, items: &[] },
    NavArea { label: Msg::NavDelivery, items: &[] },
];

/// The deployment base path with its trailing slash ("/" or e.g. "/partner-center/"), as the
/// loader found it from its own URL (xtask/post-build.mjs).
pub fn base_path() -> String {
    js_sys::Reflect::get(&js_sys::global(), &wasm_bindgen::JsValue::from_str("pcBase"))
        .ok()
        .and_then(|v| v.as_string())
        .filter(|b| b.starts_with('/') && b.ends_with('/'))
        .unwrap_or_else(|| "/".to_string())
}

/// The router's base: the base path without its trailing slash ("" at the site root).
pub fn router_base() -> String {
    base_path().trim_end_matches('/').to_string()
}

/// A full link for an in-app path (`/sales/customers` → `/partner-center/sales/customers`), for
/// plain `<a>` elements and anything outside the router.
pub fn href(app_path: &str) -> String {
    format!("{}{app_path}", router_base())
}

/// The in-app path of a full browser path (the inverse of [`href`]).
pub fn app_path(full: &str) -> String {
    let base = router_base();
    match full.strip_prefix(base.as_str()) {
        Some(rest) if rest.starts_with('/') => rest.to_string(),
        Some("") => "/".to_string(),
        _ => full.to_string(),
    }
}

/// Only same-origin paths are followed after sign-in (no open redirect).
pub fn safe_next(next: Option<String>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.starts_with("/signin") => n,
        _ => "/".to_string(),
    }
}
