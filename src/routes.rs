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

pub const AREAS: &[NavArea] = &[
    NavArea { label: Msg::NavHome, items: &[NavItem { path: "/", label: Msg::NavOverview, test_id: "nav-home" }] },
    NavArea {
        label: Msg::NavSales,
        items: &[NavItem { path: CUSTOMERS, label: Msg::NavCustomers, test_id: "nav-customers" }],
    },
    NavArea { label: Msg::NavBenefits, items: &[] },
    NavArea { label: Msg::NavDelivery, items: &[] },
];

/// Only same-origin paths are followed after sign-in (no open redirect).
pub fn safe_next(next: Option<String>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.starts_with("/signin") => n,
        _ => "/".to_string(),
    }
}
